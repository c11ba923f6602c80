"""Clause subjects, fronted cues and asides of the attribution extractor (invented sentences)."""

from __future__ import annotations

import pytest

from spinscope.attribution import analyse
from spinscope.document import Document


def _by_cue(text: str) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    """``cue text -> (source text, content texts)`` of every extracted attribution."""
    atts, *_ = analyse(Document(text))
    return {
        text[a.cue[0] : a.cue[1]]: (
            text[a.source[0] : a.source[1]] if a.source else None,
            tuple(text[s:e] for s, e in a.content),
        )
        for a in atts
    }


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
    assert _by_cue(text)[cue][0] == source


def test_passive_and_impersonal_cues_keep_no_source() -> None:
    assert (
        _by_cue("The mayor is expected to announce the plan on Monday.")["is expected to announce"][
            0
        ]
        is None
    )
    assert _by_cue("It appears that the deal is dead.")["appears"][0] is None


def test_a_finite_verb_ends_the_clause_subject() -> None:
    # "released a statement": a verb with its object, not a reduced relative
    src, _ = _by_cue("Obama released a statement saying the deal was good.")[
        "released a statement saying"
    ]
    assert src == "Obama"


def test_sentence_initial_reporting_verb() -> None:
    src, content = _by_cue('Said Marlow: "I don\'t think the bridge will hold."')["Said"]
    assert src == "Marlow"
    assert content == ('"I don\'t think the bridge will hold."',)


def test_fronted_participle_takes_the_main_subject() -> None:
    atts = _by_cue("Citing a leaked memo, the senator accused the agency of hiding the losses.")
    assert atts["Citing"] == ("the senator", ("a leaked memo",))
    assert atts["accused"][0] == "the senator"


def test_parenthetical_source_splits_the_content() -> None:
    atts = _by_cue("Ferry traffic, the harbor master said, will resume in April.")
    assert atts["said"] == ("the harbor master", ("Ferry traffic", "will resume in April"))


def test_sentence_final_cue_takes_the_clause_before_it() -> None:
    text = "The protocol called for a new review of the ferries, port officials said."
    atts = _by_cue(text)
    assert atts["said"] == (
        "port officials",
        ("The protocol called for a new review of the ferries",),
    )
    assert "called for" not in atts  # embedded in the closing cue's content
