"""A quotation closing its sentence and another opening the next belong to the cues of
their own sentences; a time after an inverted cue is no source (invented texts)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The agency estimated that in 2007 alone it gave $9 million to the firm and "
            "delivered “more than $1.8 million packages.” “Bad medicines cause health "
            "problems for patients,” Roger Bate, an economist at the Enterprise Institute "
            "who researches bad medicines, told the Herald.",
            "“Bad medicines cause health problems for patients,”",
            "Roger Bate",
        ),
        # a quotation after one closing its sentence, with no cue of its own: the same
        # speaker goes on
        (
            "“We will win,” Tom Ray, a top Lee surrogate, said Thursday morning on the radio. "
            "“I mean, there is a lot of frustration in the ranks.”",
            "“I mean, there is a lot of frustration in the ranks.”",
            "Tom Ray",
        ),
        (
            "“We will win,” Tom Ray, a top Lee surrogate, said Thursday morning on the radio.",
            "“We will win,”",
            "Tom Ray",
        ),
    ],
)
def test_quote_runs(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
