"""The number words (addsup/extract/numerals.py)."""

from addsup.extract.numerals import NTH, ONES, TENS, alternation


def test_values():
    assert (ONES["zero"], ONES["twelve"], ONES["nineteen"]) == (0, 12, 19)
    assert (TENS["twenty"], TENS["ninety"]) == (20, 90)
    assert (NTH["third"], NTH["twelfth"], NTH["thirtieth"]) == (3, 12, 30)


def test_alternation_in_order():
    assert alternation(ONES, 9, 12) == "nine|ten|eleven|twelve"
    assert alternation(NTH, 19, 30) == "nineteenth|twentieth|thirtieth"
