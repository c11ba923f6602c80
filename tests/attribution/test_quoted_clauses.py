"""The content of indirect speech runs on to a quotation of the speaker's in its
sentence: through a clause break (``said …, but on abuse, he “continues …”``) and past
a quoted fragment of the writer's phrase before ``X said``; a verb with no subject, a
relative clause or a break with no quotation after it still ends the content; on
invented sentences."""

from __future__ import annotations

import pytest

from .helpers import covering_speaker, with_cue


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Scanlan said the bishop gave him hope on some issues, but on abuse, he "
            "“continues to be blind to what was done.”",
            "continues to be blind",
            "Scanlan",
        ),
        (
            "Mary Poe said the board was fair, although on pay, it “never listened.”",
            "never listened",
            "Mary Poe",
        ),
        (
            "As for the question of her “intent,” Horowitz said it arose “months earlier,” "
            "maybe in 2015.",
            "months earlier",
            "Horowitz",
        ),
        (
            "In an office with “so many young staffers,” said Tom Reed, the bosses "
            "“have no self-control.”",
            "have no self-control",
            "Tom Reed",
        ),
        # a whole quotation before "X said" is still the content
        (
            "“It was planned months earlier,” Horowitz said at the hearing.",
            "It was planned",
            "Horowitz",
        ),
    ],
)
def test_quotation_in_the_reported_clause_is_found(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # no quotation after the break: the writer's clause stays out
        ("Jones said the plan was sound, but critics disagreed.", "said", "the plan was sound"),
        # a verb with no subject after "but" goes on the cue's subject, not the report
        (
            "A reporter announced that he will publish a photo, but did not make it public "
            "because it would have “made a difference” to the race.",
            "announced",
            "that he will publish a photo",
        ),
        # a relative clause's quotation is that clause's own report
        (
            "Francis repeated a famous quote by Benedict, who, a month before being "
            "elected, lamented “how much filth” there was.",
            "repeated",
            "a famous quote by Benedict",
        ),
    ],
)
def test_content_still_ends_at_the_break(text: str, cue: str, content: str) -> None:
    assert " … ".join(with_cue(text, cue).content) == content
