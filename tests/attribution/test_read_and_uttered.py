"""``“…,” reads the report, a copy of which X posted``: a document's words with the
reading verb inverted after them; the document is the source, and the part of it that
was shown (``a copy of which …``) is no part of its description. ``X uttered “…”``: a
quotation uttered (muttered, whispered) is said."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.mentions import parse_mention

_OPENING = "He has denied abusing her.\n"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            _OPENING + "“She states that she was under stress for years,” reads the "
            "November 2017 report, a picture of which Ann Lee posted on Twitter.",
            "She states that",
            "November 2017 report",
        ),
        (
            _OPENING + "Remember when the pastor, Tom Wright, uttered “God damn the lot of you”?",
            "God damn the",
            "Tom Wright",
        ),
        (_OPENING + "Tom Wright whispered, “We are leaving now.”", "We are leaving", "Tom Wright"),
    ],
)
def test_read_and_uttered_words(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("mention", "role"),
    [
        ("the report, a copy of which was obtained by CNN", "the report"),
        ("the statement, a copy of which CNN obtained", "the statement"),
        ("the letter, which was signed by 40 senators", "the letter"),
    ],
)
def test_the_part_shown_is_no_part_of_the_document(mention: str, role: str) -> None:
    assert parse_mention(mention).role == role
