"""Cues that report no speech: a choice still open (``must decide whether``), an adverb
of sincerity alone (``…, seriously, that``) and a wish shown by deeds (``have never
shown a desire to``); a decision taken, an evidential adverb and a wish expressed still
report. Invented text."""

from __future__ import annotations

import pytest

from spinscope.attribution import analyse
from spinscope.attribution.cues import Cue, is_non_speech
from spinscope.attribution.text import TokenView
from spinscope.document import Document


def _cues(text: str) -> list[str]:
    atts, *_ = analyse(Document(text))
    return [text[a.cue[0] : a.cue[1]] for a in atts]


@pytest.mark.parametrize(
    "text",
    [
        "The party must decide whether to stop endorsing the candidate.",
        "The board will decide if the plan should go ahead next year.",
        "But we farmers have never shown a desire to sell the land.",
        "Officials have shown a willingness to talk.",
    ],
)
def test_an_open_choice_or_a_shown_wish_reports_nothing(text: str) -> None:
    assert not any("decid" in cue or "shown" in cue for cue in _cues(text))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Santilli expressed a desire to try the case himself.", "expressed a desire"),
        ("The party decided that the plan was dead, its leader said.", "said"),
    ],
)
def test_a_wish_expressed_still_reports(text: str, cue: str) -> None:
    assert cue in _cues(text)


@pytest.mark.parametrize(
    ("text", "word", "non_speech"),
    [
        ("It is obvious, seriously, that the group cannot choose.", "seriously", True),
        ("It is plain, frankly, that the group cannot choose.", "frankly", True),
        ("The group reportedly cannot choose a leader.", "reportedly", False),
        ("The group allegedly hid the report from the board.", "allegedly", False),
        ("The party must decide whether to stop endorsing him.", "decide", True),
        ("The party decided that the plan was dead.", "decided", False),
    ],
)
def test_cue_words_that_report_no_speech(text: str, word: str, non_speech: bool) -> None:
    view = TokenView.from_text(text)
    k = view.lower.index(word)
    assert is_non_speech(view, Cue(k, k, 1.0)) is non_speech
