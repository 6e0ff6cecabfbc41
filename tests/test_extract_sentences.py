"""Sentence splitting (addsup/extract/sentences.py)."""

import pytest

from addsup.extract.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        (
            "Lee of Dai Han Pharm. Co., Ltd., a maker, spoke. Then he left.",
            ["Lee of Dai Han Pharm. Co., Ltd., a maker, spoke.", "Then he left."],
        ),
        (
            "CHANGCHUN, Aug. 29 (Xinhua) -- A fair opened. It closed.",
            ["CHANGCHUN, Aug. 29 (Xinhua) -- A fair opened.", "It closed."],
        ),
        (
            "It paid 3.9 billion U.S. dollars. Then more.",
            ["It paid 3.9 billion U.S. dollars.", "Then more."],
        ),
        (
            '"We are seeking new friends," said Lee. He smiled.',
            ['"We are seeking new friends," said Lee.', "He smiled."],
        ),
        ("Heading\n\nBody starts here", ["Heading", "Body starts here"]),
    ],
)
def test_sentences(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected
