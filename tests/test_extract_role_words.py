"""Role words and the scope they name (addsup/extract/role_words.py)."""

import pytest

from addsup.extract.role_words import ROLE, ROLE_KINDS, norm, role_words, scope_of


@pytest.mark.parametrize(
    ("word", "expected"),
    [("U.S.", "us"), ("America", "us"), ("exports", "export"), ("Goods", "good"), ("gas", "gas")],
)
def test_norm(word, expected):
    assert norm(word) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merchandise exports were high", [("x", ("merchandise", ""))]),
        ("exports of steel were high", [("x", ("steel", ""))]),
        ("imports from the United States", [("m", ("", "us"))]),
        ("the Chinese exports and the trade deficit", [("x", ("", "")), ("d", ("", ""))]),
        ("export markets and import duties", []),
    ],
)
def test_role_words_and_their_scope(text, expected):
    found = role_words(text, 0, len(text))
    assert [m.group(0) for m in found] == [m.group(0) for m in ROLE.finditer(text)]
    assert [
        (next(k for k in ROLE_KINDS if m.group(k)), scope_of(text, m, 0)) for m in found
    ] == expected
