"""Speakers and attributions of invented text: a description in the plural is never one
person, a pronoun does not stand for an outlet that only passed words on, an infinitive
of speech after ``took to Facebook`` keeps its subject, a fronted ``When I posted it,``
reports nothing, and ``a Nevada Democrat`` is a new speaker, not the Democrats before."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, speaker_of

from spinscope.attribution import analyse
from spinscope.document import Document

_THEOLOGIAN = (
    "Tom Vane, a former chief of staff for the U.S. Bishops’ Committee on Doctrine, "
    "warned that the pope had caused confusion. "
)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # people described in the plural are a group, whatever role the last one held
        (
            _THEOLOGIAN + "These tantrums from the German bishops halted abruptly about "
            "the time of the speech.",
            "the time of the speech",
            "tantrums from the German bishops",
        ),
        (_THEOLOGIAN + "The bishops said the letter was private.", "the letter", "bishops"),
        # a description in the singular still stands for the person described so
        (_THEOLOGIAN + "The bishop said the letter was private.", "the letter", "Tom Vane"),
    ],
)
def test_a_plural_description_is_no_single_person(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


_REPORTED = (
    "A teacher failed a paper because the teacher thought Iceland “is not an island,” "
    "according to a report in BuzzFeed News.\n\n"
    "“Iceland is a country,” the teacher wrote in an email obtained by BuzzFeed News.\n\n"
    "The teacher said they'd take the concerns into consideration.\n\n"
    "“Thank you for this map,” they wrote.\n\n"
    "After a review, the teacher changed the grade, according to BuzzFeed News.\n"
)


def test_they_is_not_an_outlet_that_only_reported() -> None:
    assert covering_speaker(_REPORTED, "“Thank you for this map,”") != "BuzzFeed News"


def test_they_still_stands_for_an_organisation_that_spoke() -> None:
    text = (
        "The Rail Workers Union said on Monday that the strike would go ahead.\n\n"
        "“We have no choice,” they wrote.\n"
    )
    assert covering_speaker(text, "“We have no choice,”") == "Rail Workers Union"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the verb that took the speaker to a platform has the infinitive's subject
        (
            "A firefighter with the county fire service took to Facebook to state that he "
            "had been suspended from his job.",
            "he had been suspended",
            "firefighter with the county fire service",
        ),
        (
            "The mayor went on television to announce that he would run again.",
            "he would run again",
            "mayor",
        ),
        # a hypothetical infinitive has no source, and reports no one's words
        (
            "Workers could face a fine if they fail to tell their bosses that they are ill.",
            "they are ill",
            "unattributed",
        ),
    ],
)
def test_an_infinitive_after_a_platform_keeps_its_subject(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "cue", "reported"),
    [
        # a fronted clause with a pronoun object sets a time: no report
        ("When I posted it, this assessment was backed up by a priest.", "posted", False),
        ("When she posted it, the photo drew criticism.", "posted", False),
        # the main clause after it still reports; so does a verb with a clause object
        ("When she posted it, she wrote that the photo was fake.", "wrote", True),
        ("When she posted that the photo was fake, few believed her.", "posted", True),
    ],
)
def test_a_fronted_clause_with_a_pronoun_object_reports_nothing(
    text: str, cue: str, reported: bool
) -> None:
    atts, _, _, _ = analyse(Document(text))
    cues = [text[a.cue[0] : a.cue[1]] for a in atts]
    assert any(c.startswith(cue) for c in cues) is reported


@pytest.mark.parametrize(
    ("text", "quote", "role"),
    [
        # "a Nevada Democrat" is a new, unnamed person, not the "Democrats" who spoke before
        (
            "Democrats lamented the low expectations.\n\n“She should not be under pressure,” "
            "a Nevada Democrat said.",
            "“She should not be under pressure,”",
            "Nevada Democrat",
        ),
        (
            "Some Republicans also claimed media bias.\n\n“She has to stop his momentum,” "
            "a Virginia Republican added.",
            "“She has to stop his momentum,”",
            "Virginia Republican",
        ),
    ],
)
def test_an_indefinite_description_is_a_new_speaker(text: str, quote: str, role: str) -> None:
    assert speaker_of(text, quote) == (None, role)
