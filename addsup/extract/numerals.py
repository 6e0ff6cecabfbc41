"""The number words, written once: cardinals from "zero" to "nineteen", the tens, and the
ordinals, each with its value; ``alternation`` writes a run of them for a pattern."""

from __future__ import annotations

ONES = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
        " fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
NTH = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
        " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split()
    )
} | {"twentieth": 20, "thirtieth": 30}


def alternation(words: dict[str, int], low: int, high: int) -> str:
    """The words of ``words`` valued ``low`` to ``high``, in order, as ``a|b|c``."""
    return "|".join(w for w, i in words.items() if low <= i <= high)
