"""Own-voice assertions and hedges."""

from __future__ import annotations

import pytest

from spinscope.attribution import analyse
from spinscope.attribution.assertions import find_hedges
from spinscope.document import Document


@pytest.mark.parametrize(
    ("text", "hedges"),
    [
        ("The so-called experts met.", [("so-called", "distancing")]),
        ("The alleged attack killed 20.", [("alleged", "epistemic")]),
        ("It was allegedly staged.", [("allegedly", "epistemic")]),
        ("The purported goal was peace.", [("purported", "epistemic")]),
        ("A suspected gas attack hit the town.", [("suspected", "epistemic")]),
        ("The group is known for its attacks.", [("is known for", "agentless")]),
        ("Some 90 fighters are estimated to be there.", [("are estimated to", "agentless")]),
        ("The vote may be delayed.", [("may", "modal")]),
        ("The vote was delayed.", []),
        # the impersonal passive before a that-clause
        (
            "It is understood that the ban would also cover friends.",
            [("It is understood that", "agentless")],
        ),
        ("It is believed that the fire began upstairs.", [("It is believed that", "agentless")]),
        (
            "But it was widely reported that the talks had failed.",
            [("it was widely reported that", "agentless")],
        ),
        ("It is clear that the talks failed.", []),
        ("It was said in anger, not as a threat.", []),
    ],
)
def test_assertions_hedges(text: str, hedges: list[tuple[str, str]]) -> None:
    found = find_hedges(text, 0, len(text))
    assert [(h["text"], h["kind"]) for h in found] == hedges
    assert all(text[int(str(h["start"])) : int(str(h["end"]))] == h["text"] for h in found)


TEXT = (
    "The minister said that the talks had failed.\n"
    "The rebel group is known for its links to smugglers.\n"
    "The border has been closed since May.\n"
    "Why did the talks fail?\n"
    "No comments:\n"
)


def _own_voice(text: str) -> list[str]:
    *_, assertions = analyse(Document(text))
    return [text[a.start : a.end] for a in assertions]


def test_assertions_own_voice_sentences() -> None:
    assert _own_voice(TEXT) == [
        "The rebel group is known for its links to smugglers.",  # agentless: still own voice
        "The border has been closed since May.",
    ]


def test_assertions_record_unsourced_cue_and_hedges() -> None:
    *_, assertions = analyse(Document(TEXT))
    first = assertions[0]
    assert first.hedged
    assert {h["kind"] for h in first.hedges} >= {"agentless"}
    assert not assertions[1].hedged
    assert all(0.0 <= a.score <= 1.0 for a in assertions)


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        (
            "The council met on Monday. It is understood that the ban would also apply to "
            "friends of the family.",
            "It is understood that",
        ),
        (
            "The council met on Monday. It is believed that the fire started in the kitchen "
            "of the flat.",
            "It is believed that",
        ),
        (
            "The council met on Monday. But it was reported that the mayor had resigned in "
            "the night.",
            "it was reported that",
        ),
    ],
)
def test_impersonal_passive_hedges_its_assertion_once(text: str, hedge: str) -> None:
    *_, assertions = analyse(Document(text))
    last = assertions[-1]
    assert [h["text"] for h in last.hedges] == [hedge]
