"""``addsup.stream``: a folder read, extracted and loaded in batches, on worker processes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from addsup import pipeline as steps
from addsup.stream import batch_pool
from addsup.warehouse import connect

TABLES = ("articles", "article_sources", "figures", "relations", "sentences")


def _tables(con) -> dict[str, list[tuple]]:
    out = {}
    for t in TABLES:
        cols = "* EXCLUDE (ingested_at, first_run_id)" if t == "articles" else "*"
        if t == "article_sources":
            cols = "* EXCLUDE (seen_at)"
        out[t] = con.execute(f"SELECT {cols} FROM {t} ORDER BY ALL").fetchall()
    return out


def _quarantine(con) -> set[tuple]:
    return set(con.execute("SELECT source, reason, loaded FROM quarantine").fetchall())


@pytest.fixture
def whole(articles_dir: Path):
    """The warehouse of the sample articles loaded in one piece (``ingest``, ``extract``,
    ``load``): what every streamed load must equal."""
    con = connect(":memory:")
    ingested = steps.ingest(articles_dir)
    steps.load(con, ingested, steps.extract(ingested.articles), "r1")
    yield con
    con.close()


@pytest.mark.parametrize(
    ("pool", "batch_files"),
    [({}, 1), ({}, 4), ({"workers": 2}, 3), ({"dask_workers": 2}, 3)],
    ids=["here-1", "here-4", "processes", "dask"],
)
def test_a_streamed_load_equals_a_load_in_one_piece(con, whole, articles_dir, pool, batch_files):
    """In this process, on worker processes or on a Dask cluster: the same rows, duplicates
    found across batches alike."""
    duplicate = articles_dir / "zz-copy-of-the-first.txt"
    duplicate.write_bytes(sorted(articles_dir.iterdir())[0].read_bytes())  # in a later batch
    whole.execute("DELETE FROM quarantine")
    again = steps.ingest(articles_dir)
    steps.load(whole, again, steps.extract(again.articles), "r1")
    with batch_pool(**pool) as workers:
        streamed = steps.load_articles(
            con, articles_dir, "r1", pool=workers, batch_files=batch_files
        )
    files = len(list(articles_dir.iterdir()))
    assert streamed.batches == -(-files // batch_files)
    assert streamed.articles_new == con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    assert streamed.figures_loaded == con.execute("SELECT count(*) FROM figures").fetchall()[0][0]
    assert _tables(con) == _tables(whole)
    assert _quarantine(con) == _quarantine(whole)


def test_a_second_streamed_load_passes_every_file_over(con, articles_dir):
    first = steps.load_articles(con, articles_dir, "r1", batch_files=5)
    before = _tables(con)
    second = steps.load_articles(con, articles_dir, "r2", batch_files=5)
    assert first.articles_new > 0
    assert (second.batches, second.articles_seen, second.unchanged) == (
        0,
        0,
        len(list(articles_dir.iterdir())),
    )
    assert _tables(con) == before


def test_full_extracts_everything_again_and_changes_nothing(con, articles_dir):
    first = steps.load_articles(con, articles_dir, "r1", batch_files=5)
    before = _tables(con)
    again = steps.load_articles(con, articles_dir, "r2", batch_files=5, full=True)
    assert again.articles_extracted == first.articles_extracted > 0
    assert again.articles_new == 0
    assert _tables(con) == before


def test_duplicates_are_found_across_batches(con, articles_dir):
    first = sorted(p for p in articles_dir.iterdir() if p.suffix == ".txt")[0]
    text = first.read_text(encoding="utf-8")
    (articles_dir / "zz-copy.txt").write_text(text, encoding="utf-8")
    digit = next(c for c in text.splitlines()[-1] if c.isdigit())
    changed = text[::-1].replace(digit, "7" if digit != "7" else "8", 1)[::-1]
    (articles_dir / "zz-near.txt").write_text(changed, encoding="utf-8")
    streamed = steps.load_articles(con, articles_dir, "r1", batch_files=2)
    quarantine = _quarantine(con)
    assert ("zz-copy.txt", "duplicate", True) in quarantine
    assert ("zz-near.txt", "near_duplicate", True) in quarantine
    assert streamed.reasons["duplicate"] >= 1
    # the copy is loaded once: no figure twice
    assert con.execute("SELECT count(*) = count(DISTINCT figure_id) FROM figures").fetchall() == [
        (True,)
    ]


def test_bad_files_are_quarantined_with_their_reason_and_the_run_goes_on(con, tmp_path):
    bad = Path(__file__).parent / "bad_inputs" / "articles"
    folder = tmp_path / "mixed"
    shutil.copytree(bad, folder)
    with batch_pool(workers=2) as pool:
        streamed = steps.load_articles(con, folder, "r1", batch_files=2, pool=pool)
    reasons = {r for _, r, loaded in _quarantine(con) if not loaded}
    assert streamed.rejected == len(_quarantine(con)) > 0
    assert {"empty", "binary"} <= reasons


def _touch(path: Path) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))


def test_a_touched_file_is_read_again_but_not_extracted_again(con, articles_dir):
    steps.load_articles(con, articles_dir, "r1", batch_files=4)
    before = _tables(con)
    touched = [articles_dir / "2023-03-02-dalian-containers.txt", articles_dir / "wire.jsonl"]
    for path in touched:
        _touch(path)
    lines = sum(1 for line in touched[1].read_text().splitlines() if line.strip())
    again = steps.load_articles(con, articles_dir, "r2", batch_files=4)
    assert again.articles_seen == 1 + lines  # the file's article and the feed's lines
    assert again.articles_extracted == 0
    assert _tables(con) == before
    edited = touched[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nThe port hired 40 more workers.\n")
    third = steps.load_articles(con, articles_dir, "r3", batch_files=4)
    assert (third.articles_seen, third.articles_extracted, third.articles_new) == (1, 1, 1)


def test_a_file_renamed_is_extracted_again_and_changes_nothing(con, articles_dir):
    steps.load_articles(con, articles_dir, "r1", batch_files=4)
    before = _tables(con)
    first = articles_dir / "2023-03-02-dalian-containers.txt"
    first.rename(articles_dir / "renamed.txt")
    again = steps.load_articles(con, articles_dir, "r2", batch_files=4)
    assert (again.articles_seen, again.articles_extracted, again.articles_new) == (1, 1, 0)
    after = _tables(con)
    same = ("figures", "relations", "sentences")
    assert {t: after[t] for t in same} == {t: before[t] for t in same}
    # the article is named by the file that holds it now, and the old name is forgotten
    renamed = {r[1] for r in after["articles"]} ^ {r[1] for r in before["articles"]}
    assert renamed == {first.name, "renamed.txt"}
    sources = {r[0] for r in after["article_sources"]}
    assert "renamed.txt" in sources and first.name not in sources
    assert len(after["articles"]) == len(before["articles"])


def test_a_deleted_file_is_no_longer_checked(con, articles_dir):
    steps.load_articles(con, articles_dir, "r1", batch_files=4)
    gone = articles_dir / "2023-03-02-dalian-containers.txt"
    article_id = con.execute(
        "SELECT article_id FROM article_sources WHERE source = ?", [gone.name]
    ).fetchall()[0][0]
    gone.unlink()
    steps.load_articles(con, articles_dir, "r2", batch_files=4)
    current = {r[0] for r in con.execute("SELECT article_id FROM current_articles").fetchall()}
    assert article_id not in current
    known = {r[0] for r in con.execute("SELECT source FROM source_files").fetchall()}
    assert gone.name not in known
    # its history stays: the article's text and figures are kept, only no longer current
    assert con.execute(
        "SELECT count(*) FROM articles WHERE article_id = ?", [article_id]
    ).fetchall() == [(1,)]


@pytest.mark.parametrize("batch_files", [4, 7, 1000])
def test_progress_is_told_after_each_batch(con, articles_dir, batch_files):
    total = sum(1 for p in articles_dir.rglob("*") if p.is_file())
    told: list[tuple[int, int, int, int]] = []
    done = steps.load_articles(
        con,
        articles_dir,
        "r1",
        batch_files=batch_files,
        progress=lambda s, n: told.append((s.batches, s.files_read, n, s.articles_extracted)),
    )
    assert [t[0] for t in told] == list(range(1, -(-total // batch_files) + 1))
    assert [t[1] for t in told] == [min(b * batch_files, total) for b, *_ in told]
    assert {t[2] for t in told} == {total}
    assert told[-1][3] == done.articles_extracted
