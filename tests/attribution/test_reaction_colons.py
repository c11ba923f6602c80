"""``X reacted to the incident: “…”``: a verb of reacting or answering, with what it
answers, then a colon and a quotation — the colon introduces the words of the reaction,
which are the subject's. A colon after other verbs (``turned to the crowd:``), or after
a response that is a visit (``responded to the scene:``), introduces no one's words."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.cues import _reaction_colon
from spinscope.attribution.text import TokenView

_OPENING = "The video shows the intruders running away.\n\n"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            _OPENING + "In an interview, County Sgt. Ann Veder reacted to the incident: "
            "“She exercised her right to defend her home.”",
            "She exercised her right",
            "Ann Veder",
        ),
        (
            _OPENING + "Tom Reyes responded to the ruling on Monday: “We will appeal it "
            "to the state court.”",
            "We will appeal it",
            "Tom Reyes",
        ),
        (
            _OPENING + "Tom Reyes commented: “This is a sad day for the town.”",
            "This is a sad day",
            "Tom Reyes",
        ),
    ],
)
def test_a_reaction_before_a_colon_speaks(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Officers responded to the scene: “Shots fired on Elm Street” read the report.",
        "The crowd turned to the stage: “Welcome to the show” was on a banner.",
        "Tom Reyes responded to the ruling with a letter that was long: “We will appeal.”",
    ],
)
def test_no_reaction_cue_before_other_colons(text: str) -> None:
    view = TokenView.from_text(text)
    assert [k for k in range(len(view)) if _reaction_colon(view, k) is not None] == []
