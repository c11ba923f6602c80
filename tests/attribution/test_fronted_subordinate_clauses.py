"""A cue in a subordinate clause opening the sentence, after a short fronted phrase or
not (``In May, after Reed cited …``), has its content end at the comma closing the
clause when the main clause opens a quotation with a colon; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the quotation after the main clause's colon is not the reported subject's
        (
            "After Reed cited a tabloid report that alleged Lane’s father was a spy, Lane "
            "spoke to reporters: “This is absurd.”",
            "This is absurd",
            "unattributed",
        ),
        (
            "In May, after Reed cited a tabloid report that alleged Lane’s father was a "
            "spy, Lane told reporters: “This is absurd. It is not even a serious claim.”",
            "This is absurd",
            "Lane",
        ),
        # with no colon nor cue in the main clause, the content runs on as before
        (
            "In May, after Reed claimed the deal was “a fraud”, the shares fell.",
            "a fraud",
            "Reed",
        ),
    ],
)
def test_fronted_subordinate_clause(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
