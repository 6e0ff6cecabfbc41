"""Every consistency check on hand-made sentences, in an in-memory warehouse with the
bundled reference data: consistent, inconsistent, and exactly-at-the-edge cases."""

from __future__ import annotations

import itertools
from datetime import date

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from addsup import pipeline as steps
from addsup.checks import (
    validate_agreement,
    validate_converts_to,
    validate_growth,
    validate_pp_difference,
    validate_reference,
    validate_share_of,
    validate_shares_of_one_whole,
    validate_sum_of,
)
from addsup.checks.base import chunks_by_key
from tests.conftest import ROOT, load_texts

REFERENCE = ROOT / "data" / "reference"


def _load(con, *texts, published=date(2023, 8, 30)):
    load_texts(con, *texts, published=published)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Of the 1,200 exhibitors, 312 came from Korea, accounting for 26 percent of the total.",
            "pass",
        ),
        ("Japanese firms took 180 of the 1,200 booths, or 18 percent, they said.", "fail"),
        ("Japanese firms took 180 of the 1,200 booths, or 15 percent, they said.", "pass"),
        # edge: 99.5 / 300.5 .. 100.5 / 299.5 = 33.11 .. 33.56 % touches 33.5 .. 34.5
        ("Firms took 100 of the 300 halls, or 34 percent, they said.", "pass"),
        ("Firms took 100 of the 300 halls, or 35 percent, they said.", "fail"),
        ("Firms took 1,000 of the 3,000 halls, or 34 percent, they said.", "fail"),
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
    (f,) = validate_share_of(con)
    assert f.status == status
    assert f.check == "share_of" and f.article_id and len(f.figure_ids) >= 2
    if status == "fail":
        assert "but the article says" in f.message


def test_unstated_whole_is_derived(con):
    _load(
        con,
        "In 2016, trade totaled about $606 billion, accounting for 16.4 percent of China's overall trade.",
    )
    (f,) = validate_share_of(con)
    assert "implies 3.647 trillion to 3.743 trillion USD" in f.message


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Seafood exports rose 20 percent from 1.5 billion yuan to 1.8 billion yuan.", "pass"),
        ("Seafood exports rose 35 percent from 1.5 billion yuan to 1.8 billion yuan.", "fail"),
        ("Traffic fell 8 percent to 4.14 million boxes from 4.5 million a year earlier.", "pass"),
        ("Visitors fell 12 percent to 86,000 from 90,000 the year before.", "fail"),
        # edge: 119.5 / 99.5 - 1 = 20.10 % is the top of the implied interval; 20.1 reaches down to 20.05
        ("Sales rose 20.1 percent from 100 million yuan to 119 million yuan.", "pass"),
        ("Sales rose 20.2 percent from 100 million yuan to 119 million yuan.", "fail"),
        # a qualifier widens: "about 20.3 percent" is 20.3 ± 1 % = 20.10 .. 20.50, which just
        # touches 20.10: it holds only at the edge of rounding, a failure of warning severity
        ("Sales rose about 20.3 percent from 100 million yuan to 119 million yuan.", "fail"),
        ("Sales rose about 20.2 percent from 100 million yuan to 119 million yuan.", "pass"),
        ("Sales rose 25 percent to 3.9 billion yuan.", "skip"),
    ],
)
def test_growth(con, text, status):
    _load(con, text)
    (f,) = validate_growth(con)
    assert f.status == status, f.message


def test_growth_skip_derives_the_previous_level(con):
    _load(con, "Exports reached 28.14 billion yuan, a year-on-year growth of 25.3 percent.")
    (f,) = validate_growth(con)
    assert f.status == "skip"
    assert "implies 22.45 billion to 22.47 billion CNY before" in f.message


def test_a_fall_of_more_than_100_percent_is_impossible(con):
    _load(con, "Sales fell 120 percent to 3 billion yuan.")
    (f,) = validate_growth(con)
    assert f.status == "fail"
    assert "cannot exceed 100 %" in f.message


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Exports rose 9.8 percent, 6.1 percentage points higher than the 3.7 percent of the nation.",
            "pass",
        ),
        (
            "Sales grew 7.5 percent, 0.7 percentage points lower than the 8.2 percent seen nationwide.",
            "pass",
        ),
        (
            "Exports rose 12.4 percent, 5.2 percentage points higher than the 4.6 percent of the nation.",
            "fail",
        ),
        (
            "Coal grew 31 percent, 4 percentage points lower than the 38 percent rise in copper.",
            "fail",
        ),
        # edge: 9.85 - 3.65 = 6.2, the top of the implied interval, touches 6.15 .. 6.25
        (
            "Exports rose 9.8 percent, 6.2 percentage points higher than the 3.7 percent of the nation.",
            "pass",
        ),
        (
            "Exports rose 25.3 percent, 21.6 percentage points higher than the national average.",
            "skip",
        ),
    ],
)
def test_pp_difference(con, text, status):
    _load(con, text)
    (f,) = validate_pp_difference(con)
    assert f.status == status, f.message


def test_pp_difference_derives_the_other_side(con):
    _load(
        con, "Exports rose 25.3 percent, 21.6 percentage points higher than the national average."
    )
    (f,) = validate_pp_difference(con)
    assert "the national average not stated" in f.message and "implies 3.6 to 3.8 %" in f.message


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Delegates came: 64 from Japan, 58 from Korea and 23 from Mongolia, a total of 145.",
            "pass",
        ),
        (
            "Trade came: 61.3 billion yuan out and 88.9 billion yuan in, a total of 155.2 billion yuan.",
            "fail",
        ),
        (
            "Of the 1,200 exhibitors, 312 came from Korea, 180 from Japan and 95 from Russia.",
            "pass",
        ),
        (
            "Of the 300 booths, 120 went to Korean firms, 110 to Japanese firms and 95 to Russian firms.",
            "fail",
        ),
    ],
)
def test_sum_of(con, text, status):
    _load(con, text)
    (f,) = validate_sum_of(con)
    assert f.status == status, f.message


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Of the 400 stands, Chinese firms took 260, or 65 percent, and Russian firms 120, or 30 percent.",
            "pass",
        ),
        (
            "Of the 400 stands, Chinese firms took 260, or 65 percent, and Russian firms 180, or 45 percent.",
            "fail",
        ),
    ],
)
def test_shares_of_one_whole(con, text, status):
    _load(con, text)
    (f,) = validate_shares_of_one_whole(con)
    assert f.status == status, f.message
    assert f.severity == "error"  # one sentence: one breakdown


def test_shares_of_one_whole_in_several_sentences_may_be_two_breakdowns(con):
    # by product (70 + 40) and by buyer: past 100 percent together, yet each list may hold
    _load(
        con,
        "Exports came to $500 million. Steel made up $350 million, or 70 percent of the "
        "total. Japan bought $200 million, or 40 percent of the total.",
    )
    (f,) = validate_shares_of_one_whole(con)
    assert (f.status, f.severity) == ("fail", "warning"), f.message


@pytest.fixture
def reference(con):
    steps.load_reference(con, REFERENCE, "r0")
    return con


@pytest.mark.parametrize(
    ("text", "published", "status"),
    [
        (
            "Jilin exported 28.14 billion yuan (about 3.9 billion U.S. dollars) in the first half of this year.",
            date(2023, 8, 30),
            "pass",
        ),
        (
            "Firms signed deals of 1.3 trillion won (about 1.02 billion U.S. dollars) at the fair.",
            date(2023, 8, 28),
            "pass",
        ),
        (
            "Border trade reached 18.4 billion yuan (about 4.3 billion U.S. dollars) in 2023.",
            date(2024, 1, 20),
            "fail",
        ),
        (
            "A trading house committed 50 billion yen (about 120 million U.S. dollars).",
            date(2023, 9, 1),
            "fail",
        ),
        (
            "Mongolia earned 3.1 trillion tugriks (about 900 million U.S. dollars).",
            date(2023, 9, 1),
            "skip",
        ),
    ],
)
def test_converts_to(reference, text, published, status):
    _load(reference, text, published=published)
    (f,) = validate_converts_to(reference)
    assert f.status == status, f.message


def test_converts_to_without_reference_data_is_skipped(con):
    _load(
        con,
        "Jilin exported 28.14 billion yuan (about 3.9 billion U.S. dollars) in the first half of this year.",
    )
    (f,) = validate_converts_to(con)
    assert f.status == "skip" and "no reference rate" in f.message


@pytest.mark.parametrize(
    ("other", "status"),
    [
        (
            "Jilin's trade with Russia came to 12.6 billion yuan in the first half of this year.",
            "pass",
        ),
        (
            "Jilin's trade with Russia reached about 12.5 billion yuan in the first half of this year.",
            "pass",
        ),
        (
            "Jilin's trade with Russia reached 16.2 billion yuan in the first half of this year.",
            "fail",
        ),
        (
            "Jilin's total trade with Russia stood at 12.1 billion yuan in the first half of this year.",
            "fail",
        ),
    ],
)
def test_agreement(con, other, status):
    _load(
        con,
        "Jilin's trade with Russia reached 12.6 billion yuan in the first half of this year.",
        other,
    )
    (f,) = validate_agreement(con)
    assert f.status == status, f.message


def test_no_agreement_across_periods_or_metrics(con):
    _load(
        con,
        "Jilin's trade with Russia reached 12.6 billion yuan in the first half of this year.",
        "Jilin's trade with Russia reached 16.2 billion yuan in 2022.",
        "Jilin's trade with Japan reached 16.2 billion yuan in the first half of this year.",
    )
    assert validate_agreement(con) == []


@pytest.mark.parametrize(
    ("text", "published", "status"),
    [
        (
            "In 2016, trade came to about $606 billion, accounting for 16.4 percent of China's total foreign trade.",
            date(2017, 9, 1),
            "pass",
        ),
        (
            "In 2016, Jilin's trade with its neighbours was about $12 billion, accounting for 0.45 percent of China's total foreign trade.",
            date(2017, 9, 1),
            "fail",
        ),
        (
            "Exports rose 25.3 percent in the first half of this year, 21.6 percentage points higher than the national average.",
            date(2023, 8, 30),
            "pass",
        ),
        (
            "Exports rose 10.2 percent in the first half of this year, 8.5 percentage points above the national average.",
            date(2023, 7, 20),
            "fail",
        ),
    ],
)
def test_reference(reference, text, published, status):
    _load(reference, text, published=published)
    (f,) = validate_reference(reference)
    assert f.status == status, f.message
    assert "General Administration of Customs of China" in f.message


@settings(max_examples=200, deadline=None)
@given(
    runs=st.lists(st.integers(min_value=1, max_value=6), max_size=40),
    batch=st.integers(min_value=1, max_value=9),
    rows=st.integers(min_value=1, max_value=12),
)
def test_chunks_by_key_keep_every_row_and_never_split_a_key(runs, batch, rows):
    keys = [f"k{i:03d}" for i, n in enumerate(runs) for _ in range(n)]
    table = pa.table({"key": keys, "n": list(range(len(keys)))})
    chunks = list(chunks_by_key(table.to_batches(max_chunksize=batch), "key", rows))
    assert [n for c in chunks for n in c["n"].to_list()] == list(range(len(keys)))
    assert all(c.height for c in chunks)
    for before, after in itertools.pairwise(chunks):
        assert before["key"][-1] != after["key"][0]
        # a chunk is cut as soon as it holds ``rows`` rows, at the next change of key
        assert before.height < rows + batch + max(runs, default=0)
