"""A relative clause set off by two commas inside a reported clause (``say that the
group, who are siblings, had “a plan …”``) describes the noun before it: the verb after
its closing comma goes on with what was said, so the content runs on to it, quotation
included. A relative clause that runs to the sentence's end is the writer's, and one
whose own verb follows an aside (``who, a month before …, lamented “…”``) reports its
own words."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, with_cue

_OPENING = "The grand jury met on Tuesday. "


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            _OPENING + "Prosecutors say that between May and August, the group, who are "
            "siblings or cousins, had “a common plan to attack the town hall.”",
            "a common plan",
            "Prosecutors",
        ),
        (
            _OPENING + "Tom Ray said the board, which meets in May, has “no plan at all.”",
            "no plan at all",
            "Tom Ray",
        ),
        # the relative clause's own verb after an aside: its own words
        (
            _OPENING + "Ann Lee quoted Ben Cole, who, a month before he was elected, "
            "lamented “how much waste” there was in the city.",
            "how much waste",
            "Ben Cole",
        ),
    ],
)
def test_a_relative_aside_keeps_the_clause_going(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            _OPENING + "Tom Ray said the plan, which cost $5 million, failed to reach voters.",
            ("the plan, which cost $5 million, failed to reach voters",),
        ),
        # a relative clause running to the end is no part of what was said
        (_OPENING + "Tom Ray said the plan failed, which angered voters.", ("the plan failed",)),
    ],
)
def test_the_content_of_a_clause_with_a_relative_aside(text: str, content: tuple[str, ...]) -> None:
    assert with_cue(text, "said").content == content
