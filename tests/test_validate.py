"""The share check and the figure schema, on hand-made articles in an in-memory warehouse."""

import pytest

from addsup import pipeline as steps
from addsup.articles import Article, article_id
from addsup.validate import validate_figures, validate_share_of


def _load(con, *texts):
    articles = [Article(article_id(t), f"a{i}.txt", t) for i, t in enumerate(texts)]
    ingested = steps.Ingested(articles)
    steps.load(con, ingested, steps.extract(articles), "r1")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Of the 1,200 exhibitors, 312 came from Korea, accounting for 26 percent of the total.",
            "pass",
        ),
        ("Japanese firms took 180 of the 1,200 booths, or 18 percent, they said.", "fail"),
        ("Japanese firms took 180 of the 1,200 booths, or 15 percent, they said.", "pass"),
        # exactly at the edge: 1 / 3 = 33.33...; "33.3" covers 33.25..33.35
        ("Firms took 1 of the 3 halls, or 33.3 percent, they said.", "pass"),
        # 1 of 3 printed with two decimals: 33.33 covers 33.325..33.335; implied 1/3 allows 0.5/3.5..1.5/2.5
        ("Firms took 1 of the 3 halls, or 33.33 percent, they said.", "pass"),
        (
            "Firms took 100 of the 300 halls, or 34 percent, they said.",
            "pass",
        ),  # 99.5/300.5=33.1 .. 100.5/299.5=33.56 vs 33.5..34.5
        ("Firms took 100 of the 300 halls, or 35 percent, they said.", "fail"),  # 34.5 > 33.56
        (
            "Firms took 1,000 of the 3,000 halls, or 34 percent, they said.",
            "fail",
        ),  # 33.30..33.37 vs 33.5..34.5
        ("Nearly 40,000 of them came from abroad, or 26 percent of the 152,000 total.", "pass"),
        ("Nearly 40,000 of them came from abroad, or 27 percent of the 152,000 total.", "fail"),
        (
            "Trade of 12.6 billion yuan, accounting for 8.1 percent of total trade of 155.2 billion yuan.",
            "pass",
        ),
        (
            "Trade of 12.6 billion yuan, accounting for 8.3 percent of total trade of 155.2 billion yuan.",
            "fail",
        ),
        (
            "Trade of about $606 billion, accounting for 16.4 percent of China's overall trade.",
            "skip",
        ),
        (
            "Trade of 12.6 billion yuan, accounting for 8.1 percent of a total of $20 billion.",
            "skip",
        ),
    ],
)
def test_share_of(con, text, status):
    _load(con, text)
    findings = validate_share_of(con)
    assert [f.status for f in findings] == [status]
    f = findings[0]
    assert f.check == "share_of" and f.article_id and len(f.figure_ids) >= 2
    if status != "skip":
        lo, hi = f.implied
        assert lo <= hi
    if status == "fail":
        assert "but the article says" in f.message


def test_unstated_whole_is_derived(con):
    _load(
        con,
        "In 2016, trade totaled about $606 billion, accounting for 16.4 percent of China's overall trade.",
    )
    (f,) = validate_share_of(con)
    assert "implies a whole of 3.65 trillion to 3.74 trillion USD" in f.message


def test_figure_schema_catches_a_bad_row(con):
    _load(con, "Trade rose 5 percent.")
    assert validate_figures(con) == []
    con.execute("UPDATE figures SET lo = hi + 1, currency = 'XXX'")
    findings = validate_figures(con)
    assert len(findings) == 1
    assert "interval_is_ordered" in findings[0].message
    assert "currency:isin" in findings[0].message
