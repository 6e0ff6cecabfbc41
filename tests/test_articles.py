import json
from datetime import date
from pathlib import Path

import pytest

from addsup.articles import Article, Rejected, article_id, read_article_file, read_articles


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _one(items):
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 1, items
    return articles[0]


def test_date_header_line(tmp_path):
    path = _write(tmp_path, "a.txt", "date 2023-08-30 Jilin exports\n\nBody text here.\n")
    a = _one(read_article_file(path, "a.txt"))
    assert a.published_on == date(2023, 8, 30)
    assert a.title == "Jilin exports"
    assert a.text.strip() == "Body text here."
    raw = path.read_text()
    assert raw[a.body_offset :] == a.text


def test_front_matter(tmp_path):
    text = "---\ndate: 2023-08-29\ntitle: 'A title'\nurl: https://example.org/x\n---\nBody.\n"
    a = _one(read_article_file(_write(tmp_path, "a.md", text), "a.md"))
    assert (a.published_on, a.title, a.url) == (
        date(2023, 8, 29),
        "A title",
        "https://example.org/x",
    )
    assert a.text == "Body.\n"


def test_no_date_loads_with_a_warning(tmp_path):
    items = read_article_file(_write(tmp_path, "a.txt", "Trade rose 5 percent.\n"), "a.txt")
    assert _one(items).published_on is None
    warnings = [i for i in items if isinstance(i, Rejected)]
    assert [(w.reason, w.loaded) for w in warnings] == [("no_date", True)]


def test_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {"id": "x1", "date": "2023-01-02", "title": "T", "text": "Trade rose 5 percent."}
        ),
        "{not json",
        json.dumps({"id": "x3", "date": "2023-01-02"}),
        "",
        json.dumps({"id": "x4", "date": "2023-01-03", "text": "Another one, 7 percent."}),
    ]
    items = read_article_file(_write(tmp_path, "w.jsonl", "\n".join(lines)), "w.jsonl")
    articles = [i for i in items if isinstance(i, Article)]
    rejected = {(r.source, r.reason) for r in items if isinstance(r, Rejected)}
    assert [a.external_id for a in articles] == ["x1", "x4"]
    assert articles[0].source == "w.jsonl:1"
    assert rejected == {("w.jsonl:2", "bad_json"), ("w.jsonl:3", "no_text")}


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("nul.txt", b"abc\x00def", "binary"),
        ("photo.png", b"\x89PNG", "unsupported_type"),
        ("header-only.txt", b"date 2023-01-01 Title\n", "empty"),
    ],
)
def test_unreadable_files_are_rejected_with_a_reason(tmp_path, name, data, reason):
    items = read_article_file(_write(tmp_path, name, data), name)
    assert not [i for i in items if isinstance(i, Article)]
    assert reason in {r.reason for r in items if isinstance(r, Rejected) and not r.loaded}


def test_too_large(tmp_path):
    items = read_article_file(_write(tmp_path, "big.txt", "x" * 100), "big.txt", max_bytes=10)
    assert [(r.reason, r.loaded) for r in items] == [("too_large", False)]


def test_invalid_utf8_is_decoded_and_flagged(tmp_path):
    data = b"date 2023-01-01 T\n\nExports rose 5 percent in Montr" + b"\xe9al."
    items = read_article_file(_write(tmp_path, "latin.txt", data), "latin.txt")
    a = _one(items)
    assert "\ufffd" in a.text
    assert ("invalid_utf8", True) in {
        (r.reason, r.loaded) for r in items if isinstance(r, Rejected)
    }


def test_article_id_ignores_whitespace_and_unicode_form():
    assert article_id("Caf\u00e9  trade\n rose") == article_id("Cafe\u0301 trade rose")
    assert article_id("a b") != article_id("a c")


def test_duplicates_load_once_and_are_reported(tmp_path):
    _write(tmp_path, "a.txt", "date 2023-01-01 A\n\nSame text, 5 percent.\n")
    _write(tmp_path, "b.txt", "date 2023-01-01 B\n\nSame   text, 5 percent.\n")
    articles, rejected = read_articles(tmp_path)
    assert [a.source for a in articles] == ["a.txt"]
    assert [(r.source, r.reason, r.loaded) for r in rejected] == [("b.txt", "duplicate", True)]


def test_bundled_corpus_reads_cleanly(articles_dir):
    articles, rejected = read_articles(articles_dir)
    assert len(articles) >= 12
    assert rejected == []
    assert all(a.published_on for a in articles)


def test_near_duplicates_load_with_a_warning(tmp_path):
    _write(tmp_path, "a.txt", "date 2023-01-01 A\n\nExports rose 5 percent to 2.1 billion yuan.\n")
    _write(tmp_path, "b.txt", "date 2023-01-01 A\n\nExports rose 7 percent to 2.1 billion yuan!\n")
    articles, rejected = read_articles(tmp_path)
    assert [a.source for a in articles] == ["a.txt", "b.txt"]
    assert [(r.source, r.reason, r.loaded) for r in rejected] == [("b.txt", "near_duplicate", True)]


def test_an_undated_article_gets_the_date_its_text_implies(tmp_path):
    path = _write(
        tmp_path, "a.txt", "CHANGCHUN, Aug. 29 (Xinhua) -- Exports rose 5 percent in 2022.\n"
    )
    items = read_article_file(path, "a.txt")
    assert _one(items).published_on == date(2022, 8, 29)
    (note,) = [i for i in items if isinstance(i, Rejected)]
    assert (note.reason, note.loaded) == ("date_inferred", True)
    assert "inferred from 'CHANGCHUN, Aug. 29'" in note.detail
