"""A speech participle hung on a clause (``Lee left early, saying …``, ``she said,
before calling it …``) is said by that clause's subject; a noun just before it, a
thing that arrives or a fronted phrase gives no speaker; on invented sentences."""

from __future__ import annotations

import pytest

from .helpers import speaker_of

_LEAD = "Senator Ann Lee spoke in Dover on Monday. "


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a subject whose verb is no past tense the tagger knows ("left", "sat")
        (_LEAD + "Lee left early, saying the plan was a “disaster.”", "disaster", "Ann Lee"),
        (_LEAD + "Lee left early, calling the plan a “disaster.”", "disaster", "Ann Lee"),
        (_LEAD + "She sat down, calling the vote a “farce.”", "farce", "Ann Lee"),
        (_LEAD + "Ann Lee stood up, insisting the count was “rigged.”", "rigged", "Ann Lee"),
        # "before/after/while calling": the previous report's speaker goes on
        (
            _LEAD + "“It is the only deal,” she said, before calling it a “good” deal.",
            "good",
            "Ann Lee",
        ),
        (
            _LEAD + "“We lost,” Lee said, after calling the result “a shame.”",
            "a shame",
            "Ann Lee",
        ),
    ],
)
def test_hung_participle_takes_the_clause_subject(text: str, quote: str, speaker: str) -> None:
    assert speaker_of(text, quote)[0] == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a thing opens the clause: no person says it
        (
            _LEAD + "A letter from the agency arrived, saying he would get an “orderly” exit.",
            "orderly",
        ),
        # a preposition opens the sentence: its object is no subject
        (_LEAD + "In Dover the hall stayed quiet, saying little but “we wait.”", "we wait"),
        # a gerund, a "For example," or half a contraction opens it: no noun phrase
        (
            "Blocking a road, throwing rocks, saying it was “just fun” is not a protest.",
            "just fun",
        ),
        ("For example, calling the list a “stack” is wrong.", "stack"),
        ("Can't help sharing this map, calling it a “gem” again.", "gem"),
    ],
)
def test_hung_participle_names_no_person_from_a_thing(text: str, quote: str) -> None:
    name, _ = speaker_of(text, quote)
    assert name is None


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Union leader Ann Lee was filmed in Leeds, England chanting “Close the mills” "
            "on Friday.",
            "Close the mills",
            "Ann Lee",
        ),
        (
            "Tom Reed has appeared on a video in Ohio shouting “Lock them up” at reporters.",
            "Lock them up",
            "Tom Reed",
        ),
    ],
)
def test_a_place_before_a_participle_leaves_it_to_the_subject(
    text: str, quote: str, speaker: str
) -> None:
    assert speaker_of(text, quote)[0] == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # no finite verb before the place: no subject to give the participle
        ("Footage from a rally in Leeds, England chanting “Close the mills” spread.", "Close"),
    ],
)
def test_a_place_before_a_participle_with_no_clause_subject(text: str, quote: str) -> None:
    name, _ = speaker_of(text, quote)
    assert name is None
