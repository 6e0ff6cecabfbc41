import json

from typer.testing import CliRunner

from addsup.cli import app
from tests.conftest import SAMPLE_ARTICLES

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
    assert result.exit_code == 0, result.output
    reasons = {q["reason"] for q in json.loads(result.stdout)["quarantine"]}
    assert reasons == {"empty", "not_found"}


def test_report_command_without_a_report(tmp_path):
    result = runner.invoke(app, ["report", "--reports", str(tmp_path)])
    assert result.exit_code == 1
