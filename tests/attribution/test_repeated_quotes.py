"""Quotations of invented text that go on after ``he repeated``: saying it again is a
report, so the next quotation, with no cue of its own, is the same speaker's."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "“We will see what happens,” Tom Reed said early in the day as he left for "
            "Florida.\n“There was no deal.\nThere was no plot,” he repeated once again.\n"
            "“Everybody knows it.\nIt is all a big hoax.”\nBut he did not mention the "
            "inquiry again.",
            "“Everybody knows it.",
            "Tom Reed",
        ),
        (
            "“We will see what happens,” Tom Reed said early in the day.\n\n“There was no "
            "plot,” he repeated.\n\n“Everybody knows it. It is all a big hoax.”\n\nBut he "
            "did not mention the inquiry again.",
            "“Everybody knows it.",
            "Tom Reed",
        ),
        # a verb that reports nothing leaves the next quotation unattributed
        (
            "“We will see what happens,” Tom Reed said early in the day.\n\nCritics labeled "
            "him “a liar.”\n\n“Everybody knows it. It is all a big hoax.”\n\nBut he did not "
            "mention the inquiry again.",
            "“Everybody knows it.",
            "unattributed",
        ),
    ],
)
def test_a_quotation_after_a_repeated_one_goes_on(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
