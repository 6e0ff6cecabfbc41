"""The roles of the amounts of a trade or budget story (addsup/extract/roles.py)."""

import pytest

from addsup.extract import extract
from addsup.extract.roles import find_roles, renumber, same_money


def _roles(text: str) -> dict[str, tuple[str, tuple[str, str], bool, str | None]]:
    """(kind, scope, base, period) of each amount with a role, by its surface."""
    x = extract(text)
    return {
        x.figures[i].surface: (r.kind, r.scope, r.base, r.period)
        for i, r in find_roles(text, x.sentences, x.figures).items()
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Merchandise exports rose to $38.1 billion in March, while imports to Japan were"
            " $30.2 billion.",
            {
                "$38.1 billion": ("x", ("merchandise", ""), False, "month:mar"),
                "$30.2 billion": ("m", ("", "japan"), False, "month:mar"),
            },
        ),
        (
            "Exports and imports stood at $84.8 billion and $77.2 billion, respectively.",
            {
                "$84.8 billion": ("x", ("", ""), False, None),
                "$77.2 billion": ("m", ("", ""), False, None),
            },
        ),
        (
            "U.S.-bound exports reached $4 billion.",
            {"$4 billion": ("x", ("", "us"), False, None)},
        ),
        (
            "Exports of steel were $2 billion in the first five months.",
            {"$2 billion": ("x", ("steel", ""), False, "cumulative")},
        ),
        ("The fair drew $2 billion in deals.", {}),
    ],
)
def test_roles_of_amounts(text, expected):
    assert _roles(text) == expected


def test_a_role_word_after_the_amount_and_a_base_after_it():
    roles = _roles(
        "The country posted a $3.25 billion trade deficit in May, against $2.9 billion a year"
        " earlier."
    )
    assert roles["$3.25 billion"] == ("d", ("", ""), False, "month:may")
    kind, _, base, _ = roles["$2.9 billion"]
    assert (kind, base) == ("d", True)


def test_overall_amounts_are_marked():
    text = "Overall exports were $12 billion. The firm said imports were $5 billion."
    x = extract(text)
    roles = find_roles(text, x.sentences, x.figures)
    assert [(x.figures[i].surface, r.overall) for i, r in roles.items()] == [
        ("$12 billion", True),
        ("$5 billion", False),
    ]


def test_renumber_splits_at_a_full_stop_with_no_space_after():
    text = "Exports were $12 billion (customs).Imports were $5 billion."
    x = extract(text)
    figures, spans = renumber(text, x.sentences, x.figures)
    assert [text[s:e] for s, e in spans] == [
        "Exports were $12 billion (customs).",
        "Imports were $5 billion.",
    ]
    assert [f.sentence_no for f in figures] == [0, 1]
    assert [f.sentence_no for f in x.figures] == [0, 0]  # the extractor's stay as they are


def test_same_money():
    x = extract("Exports were $12 billion, 5 billion yuan and $3 billion.")
    usd, cny, usd2 = x.figures
    assert same_money(usd, usd2)
    assert not same_money(usd, cny)
