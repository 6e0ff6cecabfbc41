"""Linking exports, imports, surpluses, deficits and totals across a passage
(addsup/extract/balance.py). The sentences are the project's own."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from addsup.extract import extract


def _linked(text: str, kind: str) -> list[tuple[str, ...]]:
    """Each relation of ``kind`` as the surfaces of its stated figure and its members."""
    x = extract(text)
    return [
        (x.figures[r.stated].surface, *(x.figures[m].surface for m in r.members))
        for r in x.relations
        if r.kind == kind
    ]


def _relations(text: str, kind: str):
    x = extract(text)
    return x, [r for r in x.relations if r.kind == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one sentence
        (
            "Shipments abroad aside, exports rose 4 percent to $12.5 billion while imports fell "
            "2 percent to $10.3 billion, leaving a trade surplus of $2.2 billion.",
            [("$2.2 billion", "$12.5 billion", "$10.3 billion")],
        ),
        # three sentences, the balance first
        (
            "The islands ran a trade deficit of $0.8 billion in June. Exports came to $3.1 billion "
            "in June. Imports reached $3.9 billion, the customs office said.",
            [("$0.8 billion", "$3.1 billion", "$3.9 billion")],
        ),
        # the role word after the figure, and a parenthesis between
        (
            "Exports were $7.2 billion and imports $9.0 billion, so the country booked "
            "a $1.8 billion (1.6 billion euros) deficit.",
            [("$1.8 billion", "$7.2 billion", "$9.0 billion")],
        ),
        # a budget: revenue and spending
        (
            "Revenue reached $40.2 billion and spending $45.0 billion in the quarter, "
            "for a budget deficit of $4.8 billion.",
            [("$4.8 billion", "$40.2 billion", "$45.0 billion")],
        ),
    ],
)
def test_a_balance_is_linked_to_its_exports_and_imports(text, expected):
    assert _linked(text, "balance") == expected


def test_a_deficit_is_signed_below_zero_and_a_surplus_above():
    _, (deficit,) = _relations(
        "Exports were $5 billion and imports $6 billion: a deficit of $1 billion.", "balance"
    )
    _, (surplus,) = _relations(
        "Exports were $6 billion and imports $5 billion: a surplus of $1 billion.", "balance"
    )
    assert (deficit.direction, surplus.direction) == (-1, 1)
    assert deficit.signs == surplus.signs == (1, -1)


@pytest.mark.parametrize(
    "text",
    [
        # a month's parts against the first quarter's balance
        "In March, exports were $5.1 billion and imports were $4.0 billion. In the first "
        "quarter, the trade surplus reached $3.0 billion.",
        # exports of one product against the whole balance
        "Steel exports reached $1.0 billion and imports were $4.0 billion. The trade surplus "
        "was $2.5 billion.",
        # a change, not a level
        "Exports were $8 billion and imports $6 billion; the surplus widened by $0.5 billion "
        "to a level not given.",
    ],
)
def test_parts_of_another_period_or_scope_or_a_change_are_not_linked(text):
    assert [
        r
        for r in _linked(text, "balance")
        if "$0.5 billion" in r or "$3.0 billion" in r or "$2.5 billion" in r
    ] == []


def test_a_partner_named_once_goes_with_the_parts_of_its_sentence():
    text = (
        "The country had a trade surplus of $3.0 billion with Canada, as exports rose "
        "5 percent to $9.5 billion and imports rose 2 percent to $6.5 billion. "
        "Its overall exports were $50 billion."
    )
    assert _linked(text, "balance") == [("$3.0 billion", "$9.5 billion", "$6.5 billion")]


def test_year_earlier_levels_make_the_year_earlier_balance():
    text = (
        "Exports were $20.4 billion against $19.0 billion a year earlier. Imports were "
        "$18.1 billion against $17.5 billion. The trade surplus was $2.3 billion, up from "
        "$1.5 billion."
    )
    assert sorted(_linked(text, "balance")) == [
        ("$1.5 billion", "$19.0 billion", "$17.5 billion"),
        ("$2.3 billion", "$20.4 billion", "$18.1 billion"),
    ]


def test_a_consistent_reading_is_preferred_and_counted():
    # two export figures could go with the surplus: the one that fits is kept
    text = (
        "Exports reached $7.0 billion in the month. Exports of machinery alone reached "
        "$4.0 billion in the month. Imports were $5.0 billion in the month, for a trade "
        "surplus of $2.0 billion."
    )
    x, (r,) = _relations(text, "balance")
    assert x.figures[r.a].surface == "$7.0 billion"
    assert r.readings == 1  # "exports of machinery" are of another scope


def test_growth_of_total_links_levels_and_rates_of_one_kind():
    text = (
        "Total trade rose 5.0 percent year on year to $30.0 billion and 2.0 percent month on "
        "month. Exports grew 4.0 percent year on year and 1.0 percent month on month to "
        "$16.0 billion. Imports grew 6.2 percent year on year and 3.2 percent month on month "
        "to $14.0 billion."
    )
    x, relations = _relations(text, "growth_of_total")
    by_rate = {
        x.figures[r.stated].surface: tuple(x.figures[m].surface for m in r.members)
        for r in relations
    }
    assert by_rate == {
        "5.0 percent": ("$16.0 billion", "4.0 percent", "$14.0 billion", "6.2 percent"),
        "2.0 percent": ("$16.0 billion", "1.0 percent", "$14.0 billion", "3.2 percent"),
    }


def test_growth_of_a_deficit_signs_its_parts_the_other_way():
    text = (
        "The deficit narrowed 10 percent to $2.0 billion as exports rose 3 percent to "
        "$8.0 billion and imports fell 1 percent to $10.0 billion."
    )
    _, (r,) = _relations(text, "growth_of_total")
    assert r.direction == -1
    assert r.signs == (-1, 1, 1, -1)  # imports - exports; exports rose, imports fell


def test_a_percentage_without_a_word_of_change_is_not_a_rate():
    text = (
        "Exports were $8.0 billion, equal to 40 percent of output, and imports $6.0 billion. "
        "The trade surplus grew 10 percent to $2.0 billion."
    )
    assert _linked(text, "growth_of_total") == []


@settings(max_examples=60, deadline=None)
@given(
    exports=st.integers(100, 9_999),
    imports=st.integers(100, 9_999),
    sentences=st.booleans(),
)
def test_any_printed_trade_figures_are_linked_with_their_sign(exports, imports, sentences):
    balance = exports - imports
    word = "surplus" if balance >= 0 else "deficit"
    stop = ". The" if sentences else ", and the"
    text = (
        f"Exports were {exports / 10:.1f} billion dollars and imports "
        f"{imports / 10:.1f} billion dollars{stop} trade {word} was "
        f"{abs(balance) / 10:.1f} billion dollars."
    )
    x, (r,) = _relations(text, "balance")
    assert r.direction == (1 if balance >= 0 else -1)
    assert (x.figures[r.a].value, x.figures[r.b].value) == (exports / 10, imports / 10)


def test_rates_without_a_level_go_with_the_latest_level_of_their_role():
    text = (
        "Exports were $16.0 billion in May and imports $14.0 billion, for a trade surplus of "
        "$2.0 billion and total trade of $30.0 billion. On a month-on-month basis, imports and "
        "total trade rose 3.2 percent and 2.0 percent, while exports and the trade surplus "
        "grew by 1.0 percent and 6.0 percent, respectively."
    )
    x, relations = _relations(text, "growth_of_total")
    linked = {
        (x.figures[r.a].surface, x.figures[r.stated].surface): tuple(
            x.figures[m].surface for m in r.members
        )
        for r in relations
    }
    members = ("$16.0 billion", "1.0 percent", "$14.0 billion", "3.2 percent")
    assert linked == {
        ("$30.0 billion", "2.0 percent"): members,
        ("$2.0 billion", "6.0 percent"): members,
    }


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        # a quarter's balance is not a month's
        (
            "In March, exports were $5.1 billion and imports $4.0 billion. In the first quarter, "
            "the trade surplus was $3.0 billion.",
            [],
        ),
        # "which ended in March" dates the fiscal year, not a month
        (
            "In fiscal 2023, which ended in March, exports were $9.0 billion and imports "
            "$7.5 billion. In March alone, the surplus was $0.4 billion.",
            [],
        ),
        # a change between the role word and the level does not end the clause
        (
            "Exports increased $0.5 billion to $8.5 billion and imports increased $0.2 billion "
            "to $6.0 billion; the surplus was $2.5 billion.",
            [("$2.5 billion", "$8.5 billion", "$6.0 billion")],
        ),
        # the lines of a table come after the sentences that say the same
        (
            "Exports: $8.5 billion\nImports: $6.0 billion\n\nExports were $8.5 billion and "
            "imports were $6.0 billion in May, a trade surplus of $2.5 billion.",
            [("$2.5 billion", "$8.5 billion", "$6.0 billion")],
        ),
    ],
)
def test_periods_changes_and_tables(text, linked):
    x, relations = _relations(text, "balance")
    got = [
        (x.figures[r.stated].surface, x.figures[r.a].surface, x.figures[r.b].surface)
        for r in relations
    ]
    assert got == linked
    if "\n\n" in text:  # the sentence's exports, not the table line's
        assert all(x.figures[r.a].start > text.index("\n\n") for r in relations)


def test_a_whole_balance_adds_two_kinds_of_trade():
    text = (
        "Merchandise exports were $30.0 billion against $28.0 billion a year earlier.\n"
        "Merchandise imports were $41.0 billion against $39.5 billion a year earlier.\n"
        "Services exports were $20.0 billion against $18.0 billion a year earlier.\n"
        "Services imports were $11.0 billion against $10.5 billion a year earlier.\n"
        "The trade deficit was $2.0 billion, against $4.0 billion a year earlier."
    )
    x, relations = _relations(text, "balance")
    whole = {
        x.figures[r.stated].surface: {
            (x.figures[m].surface, k) for m, k in zip(r.members, r.signs, strict=True)
        }
        for r in relations
        if x.figures[r.stated].surface in ("$2.0 billion", "$4.0 billion")
    }
    assert whole == {
        "$2.0 billion": {
            ("$30.0 billion", 1),
            ("$20.0 billion", 1),
            ("$41.0 billion", -1),
            ("$11.0 billion", -1),
        },
        "$4.0 billion": {
            ("$28.0 billion", 1),
            ("$18.0 billion", 1),
            ("$39.5 billion", -1),
            ("$10.5 billion", -1),
        },
    }


def test_roles_and_amounts_listed_with_respectively():
    text = (
        "The trade surplus shrank to $7.6 billion in November. Exports and imports stood at "
        "$84.8 billion and $77.2 billion, respectively. Fuel exports (+$2.2 billion) led."
    )
    assert _linked(text, "balance") == [("$7.6 billion", "$84.8 billion", "$77.2 billion")]


def test_a_signed_amount_is_a_change_not_a_level():
    text = "Exports (+$2.2 billion) and imports of $6.0 billion left a surplus of $1.0 billion."
    assert _linked(text, "balance") == []


def test_a_rate_before_its_level_in_the_next_sentence():
    text = (
        "The surplus fell 24% to $7.6 billion as export growth slowed to 1.6% while imports "
        "expanded 5%. Exports and imports stood at $84.8 billion and $77.2 billion, "
        "respectively."
    )
    x, (r,) = _relations(text, "growth_of_total")
    assert [x.figures[m].surface for m in r.members] == [
        "$84.8 billion",
        "1.6%",
        "$77.2 billion",
        "5%",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The trade surplus with the United States rose to $28.0 billion in May. Overall "
        "exports rose 7.0 percent to $283.5 billion, while imports fell 4.5 percent to "
        "$217.7 billion.",
        "The trade surplus with the United States rose to $28.0 billion in May, as overall "
        "exports rose 7.0 percent to $283.5 billion and imports fell 4.5 percent to "
        "$217.7 billion.",
    ],
)
def test_overall_trade_never_takes_a_partner(text):
    assert _linked(text, "balance") == []


def test_a_partner_lent_from_the_sentence_before_is_one_reading_of_several():
    text = (
        "The surplus with Canada was $3.0 billion in May. Exports rose to $9.5 billion and "
        "imports to $6.0 billion."
    )
    _, (r,) = _relations(text, "balance")
    assert r.readings >= 2  # 9.5 - 6.0 is not 3.0: a warning at most
