"""A quotation completing what someone believed (``the professor thought Narnia “is not
a country,” according to the Post``) is that person's; the outlet that reports it is
the source only where the clause names no believer (invented texts)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "A professor at Avon College failed a student because the professor wrongly "
            "thought Narnia “is not a country,” according to a report in the Daily Post.",
            "“is not a country,”",
            "professor",
        ),
        (
            "The student failed because Ann Lee thought the essay “was copied,” according "
            "to the Daily Post.",
            "“was copied,”",
            "Ann Lee",
        ),
        # no believer in the clause: the outlet
        (
            "The plan was “a total disaster,” according to the Daily Post.",
            "“a total disaster,”",
            "Daily Post",
        ),
        # a verb of another kind: the outlet still
        (
            "The student failed because Ann Lee marked the essay “copied,” according to the "
            "Daily Post.",
            "“copied,”",
            "Daily Post",
        ),
    ],
)
def test_reported_beliefs(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
