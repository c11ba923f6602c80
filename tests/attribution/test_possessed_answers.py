"""A possessed answer closed by a colon (``Ann Lee's answer was: “…”``, ``Ann Lee's reply
to the letter was: “…”``) gives the quotation to its possessor, whatever source the colon
found inside the answer's own words (the answer, or what it answers)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

_BOARD = "The board wrote to the chair on Monday. "


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the answer itself was taken for the source
        (
            _BOARD + "Ann Lee’s answer was: “We will not resign.”",
            "“We will not resign.”",
            "Ann Lee",
        ),
        (_BOARD + "Lee's response was: “We will not resign.”", "“We will not resign.”", "Lee"),
        # what the answer replies to was taken for the source
        (
            _BOARD + "Now, Ann Lee's reply to the letter was: “We will not resign.”",
            "“We will not resign.”",
            "Ann Lee",
        ),
        (
            _BOARD + "Ann Lee’s answer to the board was simple: “We will not resign.”",
            "“We will not resign.”",
            "Ann Lee",
        ),
        # a colon with a subject of its own keeps it
        (
            _BOARD + "Ann Lee said on Tuesday: “We will not resign.”",
            "“We will not resign.”",
            "Ann Lee",
        ),
        (
            _BOARD + "The letter from Tom Hale said: “We will not resign.”",
            "“We will not resign.”",
            "Tom Hale",
        ),
    ],
)
def test_possessed_answer_is_its_possessors(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker
