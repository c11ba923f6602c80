"""Attributions of invented text: a pronoun keeps the main clause's subject over a
possessor in an object phrase and takes the last sentence's speaker; a group and a
person together are a group; a negated subject names no one; a possessive ``have``
reports nothing; a phrasal verb of speech stays whole in its cue; a fronted ``According
to`` keeps the clause of a passive of being told; a name never ends in an apostrophe."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, read

from spinscope.attribution.mentions import parse_mention
from spinscope.attribution.speakers import Speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a possessor inside the object phrase is no rival of the subject named earlier
        (
            "Minister Tom Hale said the plan would go ahead. But even as Hale vowed to "
            "press on with efforts to end the dispute between Governor Mark Ruiz's "
            "state-backed board and the unions, he acknowledged the talks were stalled.",
            "the talks were stalled",
            "Tom Hale",
        ),
        # a person the clause names as a subject still is the pronoun's antecedent
        (
            "Minister Tom Hale said the plan would go ahead. The board admitted Governor "
            "Mark Ruiz, though he has said the talks were stalled.",
            "the talks were stalled",
            "Mark Ruiz",
        ),
    ],
)
def test_pronoun_after_a_possessor_in_an_object(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the last sentence's speaker, right before the pronoun opening the next one
        (
            "“There is no point,” Tom Hale said, describing a turning point for the port. "
            "The meeting came after Ruiz told the AP in an interview in Boston that the "
            "board was to blame. He cited the board's inability to control costs.",
            "Ruiz",
        ),
        # a paragraph between them leaves a person of unknown gender unsure
        (
            "“There is no point,” Tom Hale said, describing a turning point for the port. "
            "The meeting came after Ruiz told the AP in an interview in Boston that the "
            "board was to blame.\n\nHe cited the board's inability to control costs.",
            None,
        ),
    ],
)
def test_pronoun_after_the_last_sentences_speaker(text: str, speaker: str | None) -> None:
    assert covering_speaker(text, "the board's inability") == speaker


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Republicans and even the mayor's own former deputy Ann Lee",
            None,
            "Republicans and even the mayor's own former deputy Ann Lee",
        ),
        ("Several senators and Ann Lee", None, "Several senators and Ann Lee"),
        ("Ann Lee and other lawmakers", None, "Ann Lee and other lawmakers"),
        # people named together stay named; an office's "and" stays the office's
        ("Tom Hale and Ann Lee", "Tom Hale and Ann Lee", None),
        ("Democrats and Senator Ann Lee", "Democrats and Ann Lee", "Senator"),
        ("Secretary of Health and Human Services Alex Azar", "Alex Azar", None),
        ("the mayor's own former deputy Ann Lee", "Ann Lee", "the mayor's own former deputy"),
    ],
)
def test_a_group_and_a_person_are_a_group(text: str, name: str | None, role: str | None) -> None:
    m = parse_mention(text)
    assert m.name == name
    if role is not None:
        assert m.role == role


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        # a negated subject names no one (PolNeAR still marks its attribution)
        ("The meeting ended late. No one spoke of reopening the port soon.", "No one", None),
        ("The meeting ended late. Nobody said the port would reopen soon.", "Nobody", None),
        ("Minister Tom Hale spoke. None of them said the port would reopen.", None, None),
        # a name is a speaker
        (
            "The meeting ended late. Noah Lee said the port would reopen soon.",
            "Noah Lee",
            "Noah Lee",
        ),
    ],
)
def test_a_negated_subject_names_no_speaker(
    text: str, source: str | None, speaker: str | None
) -> None:
    found = [(r.source, r.name) for r in read(text)][-1]
    if source is not None:
        assert found[0] == source
    assert found[1] == speaker


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # "have" owning something is no cue, "have urged" is one
        (
            "Ruiz later posted about the vote.\n\nThe port closed again. This should be "
            "intolerable. We have so much work to do.\n\nThe council met.",
            None,
        ),
        ("Ruiz and the unions have urged the council to act.", "have urged"),
        ("Ruiz had sought a pause in the talks.", "had sought"),
    ],
)
def test_have_alone_is_no_cue(text: str, cue: str | None) -> None:
    cues = [r.cue for r in read(text) if r.cue.lower().startswith(("have", "had", "has"))]
    assert cues == ([cue] if cue else [])


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        (
            "Ann Lee spoke on Monday. Lee spoke out Tuesday against “unfair taxes” "
            "following the vote in Salem.",
            "Lee",
            "spoke out Tuesday against",
        ),
        ("Ruiz lashed out on Monday at the council.", "Ruiz", "lashed out on Monday at"),
        ("Ruiz spoke out against unfair taxes on Tuesday.", "Ruiz", "spoke out against"),
    ],
)
def test_a_phrasal_speech_verb_stays_whole(text: str, source: str, cue: str) -> None:
    assert (source, cue) in [(r.source, r.cue) for r in read(text)]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        # the one informed reports nothing: the clause is the fronted source's
        (
            "According to one official present at the meeting, Hale was informed of the "
            "vote when his aide showed him a message.",
            "one official present at the meeting",
            "According to",
        ),
        (
            "According to two aides, Hale was briefed on the vote late at night.",
            "two aides",
            "According to",
        ),
        # a speech verb after the fronted source keeps its own subject
        ("According to the report, Hale said the vote failed.", "Hale", "said"),
    ],
)
def test_according_to_over_a_passive_of_being_told(text: str, source: str, cue: str) -> None:
    assert (source, cue) in [(r.source, r.cue) for r in read(text)]


@pytest.mark.parametrize(
    ("name", "kept"),
    [("Mark Ruiz'", "Mark Ruiz"), ("Mark Ruiz’", "Mark Ruiz"), ("Mark Ruiz", "Mark Ruiz")],
)
def test_a_speaker_name_never_ends_in_an_apostrophe(name: str, kept: str) -> None:
    assert Speaker(id=0, name=name).name == kept
