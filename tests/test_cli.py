import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from addsup import __version__
from addsup.cli import UNREADABLE_EXIT, app
from tests.conftest import ROOT, SAMPLE_ARTICLES

runner = CliRunner()


def test_extract_jsonl_offsets_round_trip_on_the_seeds(seeds_dir):
    paths = sorted(seeds_dir.glob("*.txt"))
    result = runner.invoke(app, ["extract", *map(str, paths), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(records) == 16  # 8 figures in each seed
    texts = {str(p): p.read_text(encoding="utf-8") for p in paths}
    for r in records:
        assert texts[r["article"]][r["start"] : r["end"]] == r["surface"]
        assert set(r) >= {
            "article",
            "surface",
            "start",
            "end",
            "value",
            "scale",
            "unit",
            "currency",
            "qualifier",
            "decimals",
            "period_start",
            "period_end",
        }
    by_surface = {r["surface"]: r for r in records}
    r = by_surface["28.14 billion yuan"]
    assert (r["value"], r["scale"], r["currency"], r["period_start"], r["period_end"]) == (
        28.14,
        1e9,
        "CNY",
        "2023-01-01",
        "2023-06-30",
    )
    assert by_surface["21.6 percentage points"]["unit"] == "percentage_point"
    assert by_surface["1,000"]["qualifier"] == "over"


def test_extract_jsonl_file_carries_the_line(tmp_path):
    path = tmp_path / "w.jsonl"
    path.write_text('{"id": 1, "date": "2023-01-01", "text": "Up 5 percent."}\n')
    result = runner.invoke(app, ["extract", str(path)])
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (record["line"], record["surface"], record["start"]) == (1, "5 percent", 3)


def test_check_json_contract_and_exit_status():
    planted = str(SAMPLE_ARTICLES / "2023-08-28-japanese-booths.txt")
    clean = str(SAMPLE_ARTICLES / "2023-08-28-korean-exhibitors.txt")
    result = runner.invoke(app, ["check", planted, clean, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    statuses = {(f["article"], f["status"]) for f in data["findings"]}
    assert statuses == {(planted, "fail"), (clean, "pass")}
    fail = next(f for f in data["findings"] if f["status"] == "fail")
    assert fail["check"] == "share_of" and fail["severity"] == "error"
    assert fail["stated"] == {"lo": 17.5, "hi": 18.5}
    assert [g["surface"] for g in fail["figures"]] == ["18 percent", "180", "1,200"]

    assert runner.invoke(app, ["check", planted, "--fail-on", "error"]).exit_code == 1
    assert runner.invoke(app, ["check", clean, "--fail-on", "error"]).exit_code == 0


def test_check_reports_unreadable_input_without_crashing(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(
        app, ["check", str(empty), str(tmp_path / "missing.txt"), "--format", "json"]
    )
    assert result.exit_code == UNREADABLE_EXIT, result.output
    reasons = {q["reason"] for q in json.loads(result.stdout)["quarantine"]}
    assert reasons == {"empty", "not_found"}


def _article(folder, name: str, text: str = "Sales rose 5 percent to 210 tonnes.\n"):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"date 2024-03-01 Title of {name}\n{text}")
    return path


@pytest.mark.parametrize("command", ["check", "extract"])
@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.txt", None, "not_found: no such file"),
        ("table.csv", "a,b\n1,2\n", "unsupported_type: '.csv' is not one of"),
        ("empty.md", "", "empty: the file is empty"),
        ("blob.txt", "x\x00y", "binary:"),
    ],
)
def test_an_input_that_cannot_be_read_is_one_line_and_exit_2(
    tmp_path, command, name, content, reason
):
    good = _article(tmp_path, "good.txt")
    bad = tmp_path / name
    if content is not None:
        bad.write_text(content)
    result = runner.invoke(app, [command, str(good), str(bad)])
    assert result.exit_code == UNREADABLE_EXIT, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"{bad}: {reason}"), lines
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["check", "extract"])
def test_a_folder_is_read_like_the_articles_folder(tmp_path, command):
    folder = tmp_path / "feed"
    names = ["a.txt", "deeper/b.md", ".hidden.txt"]
    for i, name in enumerate(names):
        _article(folder, name, f"Exports rose {i + 2} percent to {100 + i} tonnes.\n")
    result = runner.invoke(
        app, [command, str(folder), "-f", "json" if command == "check" else "jsonl"]
    )
    assert result.exit_code == 0, result.output
    if command == "check":
        sources = {f["article"] for f in json.loads(result.stdout)["findings"] if f["article"]}
    else:
        sources = {json.loads(line)["article"] for line in result.stdout.splitlines()}
    # every file below the folder, dot-files left out (as a run reads data/articles)
    assert sources == {str(folder / "a.txt"), str(folder / "deeper" / "b.md")}


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"addsup {__version__}"


def _commands():
    import typer

    group = typer.main.get_command(app)
    return [("", group)] + [(name, cmd) for name, cmd in group.commands.items()]


@pytest.mark.parametrize(("name", "command"), _commands(), ids=lambda c: getattr(c, "name", c))
def test_every_option_has_help_and_no_type_noise(name, command):
    undocumented = [p.name for p in command.params if not getattr(p, "help", None)]
    assert undocumented == []
    shown = runner.invoke(app, [*([name] if name else []), "--help"]).stdout
    assert "<bool>" not in shown
    assert command.help and "..." not in command.get_short_help_str(limit=55)


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT
    )


@pytest.mark.parametrize(
    "args",
    [
        ["check", "data/articles/2023-08-28-japanese-booths.txt", "--format", "json"],
        ["extract", "data/articles/2023-08-28-japanese-booths.txt"],
    ],
)
def test_check_and_extract_never_import_prefect(args):
    code = (
        "import sys\n"
        "from addsup.cli import app\n"
        "try:\n"
        f"    app({args!r})\n"
        "except SystemExit as e:\n"
        "    assert e.code in (0, None), e.code\n"
        "print('prefect' in sys.modules, 'addsup_flows' in sys.modules, file=sys.stderr)\n"
    )
    done = _python(code)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr.strip().splitlines()[-1] == "False False"


def test_help_imports_nothing_heavy():
    """``addsup --help`` stays quick: neither the library's heavy parts nor Prefect load."""
    code = (
        "import sys\n"
        "from addsup.cli import app\n"
        "try:\n"
        "    app(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ['prefect', 'polars', 'duckdb', 'pandera', 'jinja2', 'rich']\n"
        "print([m for m in heavy if m in sys.modules], file=sys.stderr)\n"
    )
    done = _python(code)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_report_command_without_a_report(tmp_path):
    result = runner.invoke(app, ["report", "--reports", str(tmp_path)])
    assert result.exit_code == 1


def _check_on(stderr_tty: bool, *extra: str) -> str:
    """``addsup check`` on the sample articles, its stderr a pseudo-terminal or a pipe;
    what it wrote to stderr."""
    import pty

    addsup = str(Path(sys.executable).with_name("addsup"))
    args = [addsup, "check", str(SAMPLE_ARTICLES), *extra]
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100"}
    env.pop("NO_COLOR", None)
    if not stderr_tty:
        done = subprocess.run(args, capture_output=True, text=True, timeout=300, env=env)
        return done.stderr
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize(
    ("tty", "extra", "shown"),
    [(True, (), True), (True, ("--quiet",), False), (False, (), False)],
    ids=["terminal", "terminal-quiet", "pipe"],
)
def test_progress_bar_only_on_a_terminal(tty, extra, shown):
    written = _check_on(tty, *extra)
    assert ("extracting" in written) is shown, written[-500:]
    assert ("━" in written) is shown


def test_tables_infer_writes_a_contract_beside_the_table(tmp_path):
    table = tmp_path / "trade.csv"
    rows = ["year,exports,imports,total"] + [
        f"{2000 + i},{10 + i}.5,{20 + 2 * i}.25,{30 + 3 * i}.75" for i in range(30)
    ]
    table.write_text("\n".join(rows) + "\n")
    result = runner.invoke(app, ["tables", "infer", str(table)])
    assert result.exit_code == 0, result.output
    contract = (tmp_path / "trade.toml").read_text()
    assert 'kind = "sum"' in contract and 'total = "total"' in contract
    again = runner.invoke(app, ["tables", "infer", str(table)])
    assert again.exit_code == 1 and "--force" in again.output
    assert runner.invoke(app, ["tables", "infer", str(table), "--force"]).exit_code == 0


def test_tables_infer_on_a_file_that_is_no_table(tmp_path):
    result = runner.invoke(app, ["tables", "infer", str(tmp_path / "missing.csv")])
    assert result.exit_code == UNREADABLE_EXIT
    assert "cannot read it as a CSV table" in result.output


def test_check_finds_the_bundled_reference_from_any_folder(tmp_path):
    """Run from another folder (as a scorer runs it), check still converts with the bundled
    exchange rates instead of skipping."""
    story = tmp_path / "story.txt"
    story.write_text(
        "date 2023-08-29 Trade\n\nExports reached 28.14 billion yuan "
        "(about 3.9 billion U.S. dollars) in the first half of 2023.\n"
    )
    result = subprocess.run(
        [str(Path(sys.executable).with_name("addsup")), "check", str(story), "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    findings = json.loads(result.stdout)["findings"]
    converts = [f for f in findings if f["check"] == "converts_to"]
    assert converts and all(f["status"] != "skip" for f in converts), converts
