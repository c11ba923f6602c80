"""Clause subjects, fronted cues and asides of the attribution extractor (invented sentences)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a subject with a reduced relative, a prepositional phrase or a coordination
        (
            "A survey released by the transit agency last month found that most riders "
            "were satisfied.",
            "found",
            "A survey released by the transit agency",
        ),
        (
            "Many residents involved in the hearings assumed that the plant would close.",
            "assumed",
            "Many residents involved in the hearings",
        ),
        (
            "The harbor authority and the city council did not immediately respond to "
            "requests for comment.",
            "immediately respond to requests",
            "The harbor authority and the city council",
        ),
        # a possessive apostrophe inside the subject is not a quotation mark
        (
            "The union's letter to the Board of Appeals' ethics panel says the rules were broken.",
            "says",
            "The union's letter to the Board of Appeals' ethics panel",
        ),
        # mid-sentence, a participle with its agent ("by ...") keeps the noun it modifies
        (
            "Few were surprised, since internal memos reviewed by the auditors suggest that "
            "the fund was short.",
            "suggest",
            "internal memos reviewed by the auditors",
        ),
        # a fronted prepositional phrase is not part of it
        (
            "In the governor's favor, all the analysts I consulted said her plan was more "
            "detailed.",
            "said",
            "all the analysts I consulted",
        ),
        # "expected" with an active subject, and a quantifier as the subject
        ("Dr. Pella expected that the board would approve the grant.", "expected", "Dr. Pella"),
        ("Some believe the delay is a sign of trouble.", "believe", "Some"),
        ("But many note that the river has risen every spring.", "note", "many"),
        # ", a move critics called": the critics, not "a move critics"
        (
            'The senator voted against the bill, a move critics called "reckless."',
            "called",
            "critics",
        ),
    ],
)
def test_clause_subjects(text: str, cue: str, source: str) -> None:
    assert {r.cue: r.source for r in read(text)}[cue] == source


def test_passive_and_impersonal_cues_keep_no_source() -> None:
    text = "The mayor is expected to announce the plan on Monday."
    assert {r.cue: r.source for r in read(text)}["is expected to announce"] is None
    appears = {r.cue: r.source for r in read("It appears that the deal is dead.")}
    assert appears["appears"] is None


def test_a_finite_verb_ends_the_clause_subject() -> None:
    # "released a statement": a verb with its object, not a reduced relative
    text = "Obama released a statement saying the deal was good."
    assert {r.cue: r.source for r in read(text)}["released a statement saying"] == "Obama"


def test_sentence_initial_reporting_verb() -> None:
    text = 'Said Marlow: "I don\'t think the bridge will hold."'
    src, content = {r.cue: (r.source, r.content) for r in read(text)}["Said"]
    assert src == "Marlow"
    assert content == ('"I don\'t think the bridge will hold."',)


def test_fronted_participle_takes_the_main_subject() -> None:
    text = "Citing a leaked memo, the senator accused the agency of hiding the losses."
    atts = {r.cue: (r.source, r.content) for r in read(text)}
    assert atts["Citing"] == ("the senator", ("a leaked memo",))
    assert atts["accused"][0] == "the senator"


def test_parenthetical_source_splits_the_content() -> None:
    text = "Ferry traffic, the harbor master said, will resume in April."
    atts = {r.cue: (r.source, r.content) for r in read(text)}
    assert atts["said"] == ("the harbor master", ("Ferry traffic", "will resume in April"))


def test_sentence_final_cue_takes_the_clause_before_it() -> None:
    text = "The protocol called for a new review of the ferries, port officials said."
    atts = {r.cue: (r.source, r.content) for r in read(text)}
    assert atts["said"] == (
        "port officials",
        ("The protocol called for a new review of the ferries",),
    )
    assert "called for" not in atts  # embedded in the closing cue's content
