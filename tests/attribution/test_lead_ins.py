"""Quotations a paragraph announces without a reporting verb (a named subject's sentence
closed by a colon), and a multi-paragraph quotation whose last paragraph lacks its
closing mark; on invented text."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.text import find_quotes

_LEAD = (
    "Some preachers warn of doom for everyone. Mary Cole for one, is certain of this:\n\n"
    "“It’s not that the governor is perfect. We all know he’s not. That’s not how it "
    "works.”\n\n"
    "“All we have to do is recognize them and follow them. It puts a holy fear in me.\n\n"
    "Evangelist Kenneth Cope echoes Mary Cole’s warning, and fleshes out how God will "
    "punish, when he appeared on a network last year:\n\n"
    "“If Christians don’t support him, they are risking the wrath of God.”\n\n"
    "Cope appeared on the show this morning."
)


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        ("It’s not that the governor", "Mary Cole"),
        # the next paragraph goes on with her words, its closing mark forgotten
        ("All we have to do", "Mary Cole"),
        ("If Christians don’t", "Kenneth Cope"),
    ],
)
def test_subject_lead_in(quote: str, speaker: str) -> None:
    assert covering_speaker(_LEAD, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a colon after a lead-in whose subject is no full name: no one is made up
        (
            "The journalists did some digging, and here is what they found:\n\n"
            "“The suspect sued his local police force over the tickets.”",
            "The suspect sued",
        ),
        # a place that opens like a first name is no subject who speaks
        (
            "The storm is moving north.\n\nVirginia Beach is bracing for this:\n\n"
            "“The waves will top the sea wall before noon.”",
            "The waves will top",
        ),
        (
            "The storm is moving north.\n\nGeorgia City is ready for this:\n\n"
            "“The waves will top the sea wall before noon.”",
            "The waves will top",
        ),
        # a label's colon ("PENCE:") is no lead-in for the paragraphs after it
        (
            "Tom Reed wrote a long letter to the board:\n\nThe board met on Monday.",
            "The board met",
        ),
    ],
)
def test_no_subject_lead_in(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) in ("unattributed", None)


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        # after a closed quotation paragraph, an unclosed one is its continuation
        ("“We know it.”\n\n“All we have to do is wait.\n\nThen it ended.", 2),
        # an unclosed quotation after plain text runs to its own paragraph's end only
        ("He spoke.\n\n“All we have to do is wait.\n\nThen it ended.", 1),
        # straight marks do not tell opening from closing: not guessed at
        ('"We know it."\n\n"All we have to do is wait.\n\nThen it ended.', 1),
    ],
)
def test_unclosed_last_paragraph(text: str, closed: int) -> None:
    assert len(find_quotes(text)) == closed
