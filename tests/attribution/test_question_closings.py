"""A quotation ending in ``?”`` or ``!”`` (where the sentence splitter ends its
sentence) is closed by its speaker's name and verb even when an appositive or a
participle clause goes with them; an outlet relaying a quotation its speaker's own
clause closes is only the channel; a named subject speaking to an audience after a
fronted clause opens the quotation with a colon; on invented text."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, read


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a participle clause going on from the closing verb
        (
            "The board met on Tuesday. “Why now?” Rosen asked, proposing a delay of two weeks.",
            "Why now?",
            "Rosen",
        ),
        (
            "The board met on Tuesday. “Why should the town pay for all of it?” asked "
            "Nina Rosen, pointing at the budget.",
            "Why should the town pay",
            "Nina Rosen",
        ),
        # a name with its appositive, then the verb
        (
            "The hearing resumed on Monday. “Is this fair?” Tom Hale, a lawyer for the "
            "family, asked.",
            "Is this fair?",
            "Tom Hale",
        ),
        (
            "The hearing resumed on Monday. “We will not stop until we win!” Tom Hale, "
            "the family’s lawyer, said.",
            "We will not stop",
            "Tom Hale",
        ),
        # an outlet closing the sentence relays the speaker's own clause
        (
            "The council voted on Friday. “We will appeal,” Tom Reyes said, the Gazette reported.",
            "We will appeal",
            "Tom Reyes",
        ),
        # a named subject speaking to an audience after a fronted clause
        (
            "In May, after Reed cited a tabloid report, Lane addressed reporters in Dover, "
            "Delaware: “We have done our job and we are proud of it.”",
            "We have done our job",
            "Lane",
        ),
        (
            "After the vote on the budget, Lane spoke to voters in Dover: “We have done "
            "our job and we are proud of it.”",
            "We have done our job",
            "Lane",
        ),
    ],
)
def test_the_closing_or_leading_clause_names_the_speaker(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


def test_a_clause_of_its_own_after_the_comma_names_no_speaker() -> None:
    # not what the speaker did while saying it: the quotation's speaker is not guessed
    text = "The board met on Tuesday. “Why now?” Rosen asked, and the room fell silent."
    assert covering_speaker(text, "Why now?") == "unattributed"


def test_the_outlet_reports_the_speakers_clause() -> None:
    text = "The council voted on Friday. “We will appeal,” Tom Reyes said, the Gazette reported."
    outlet = [r for r in read(text) if r.cue == "reported"]
    assert [(r.speaker, r.content) for r in outlet] == [("Gazette", ("Tom Reyes said",))]


def test_the_participle_clause_keeps_its_own_report() -> None:
    text = "The board met on Tuesday. “Why now?” Rosen asked, proposing a delay of two weeks."
    assert ("proposing", "Rosen") in [(r.cue, r.speaker) for r in read(text)]
