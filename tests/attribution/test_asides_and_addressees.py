"""Speakers and contents of invented text: an ``according to`` phrase set off inside a
clause, one after a sentence adverb, a quoted fragment before ``X told Y``, and the
addressee of ``warned his priests in a letter that``."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, with_cue

from spinscope.attribution import analyse
from spinscope.document import Document

#: a first sentence, so that the sentence under test is never read as a headline
LEAD = "The council met on Monday. "


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            LEAD + "It is a mayor who, according to Father Tom Reyes, “breaks every rule "
            "whenever she wants.”",
            "“breaks every rule whenever she wants.”",
            "Tom Reyes",
        ),
        (
            LEAD + "The port, according to Ana Ruiz, “will close soon.”",
            "“will close soon.”",
            "Ana Ruiz",
        ),
        (
            LEAD + "Meanwhile, according to a Gazette report by Ana Ruiz, “The port will "
            "close within a decade.”",
            "“The port will close within a decade.”",
            "Ana Ruiz",
        ),
        (
            LEAD + "In Lima, the workers had linked the onset of their illness with "
            "“strange smells or odd tastes”, a city doctor told the council in May.",
            "“strange smells or odd tastes”",
            "city doctor",
        ),
    ],
)
def test_quotation_after_an_aside_or_before_told_is_found(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the clause goes on after the phrase: both sides are the source's
        (
            LEAD + "The port, according to Ana Ruiz, will close next year.",
            "according to",
            ["The port", "will close next year"],
        ),
        # a sentence adverb before the phrase: it still opens the clause it sources
        (
            LEAD + "However, according to Ana Ruiz, the port will close.",
            "according to",
            ["the port will close"],
        ),
        # an apposition after the phrase is the source's, not more content
        (
            LEAD + "The port will close, according to Ana Ruiz, the city's mayor.",
            "according to",
            ["The port will close"],
        ),
        # a verb that is no clause verb after the phrase: the part before stays alone
        (
            LEAD + "The mayor, according to Ana Ruiz, failed the budget because “it is a "
            "plan,” which is wrong.",
            "according to",
            ["The mayor"],
        ),
        # "told" with a clause of its own reports that clause, not the fragment
        (
            LEAD + "The workers spoke of “strange smells”, a doctor told the council that "
            "the mill was shut.",
            "told",
            ["that the mill was shut"],
        ),
    ],
)
def test_content_around_an_aside(text: str, cue: str, content: list[str]) -> None:
    assert list(with_cue(text, cue).content) == content


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the noun phrase after "warned", then "in a letter that": whom he wrote to
        (
            LEAD + "On Monday, the city’s bishop, Father Tom Reyes, former leader of the "
            "Lima diocese, warned his priests in a letter that the inquiry will be “deeply "
            "painful.”",
            "“deeply painful.”",
            "Tom Reyes",
        ),
        # no "that" after it: an inverted source after the quotation
        (
            LEAD + "“The inquiry will be painful,” warned Ana Ruiz in a letter.",
            "“The inquiry will be painful,”",
            "Ana Ruiz",
        ),
    ],
)
def test_addressee_of_a_warning_is_no_source(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a person described by an organisation, named by the next sentence's apposition
        (
            LEAD + "The workers linked their illness with “strange smells”, a State "
            "Department doctor told the council in May.\nAna Ruiz, a nurse and director of "
            "the State Department health office, said more tests were needed.",
            "“strange smells”",
            "Ana Ruiz",
        ),
        # the next sentence's person works elsewhere: the description stays
        (
            LEAD + "The workers linked their illness with “strange smells”, a State "
            "Department doctor told the council in May.\nAna Ruiz, a nurse at the port "
            "clinic, said more tests were needed.",
            "“strange smells”",
            "State Department doctor",
        ),
    ],
)
def test_described_speaker_named_by_the_next_sentence(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (LEAD + "Ana Ruiz was shouting, “Get out of the building now.”", "“Get out", "Ana Ruiz"),
        (LEAD + "A man can be heard yelling, “We have shots fired.”", "“We have", "man"),
        (LEAD + "The man is heard yelling, “We have shots fired.”", "“We have", "man"),
        (
            LEAD + "At noon, a man's voice can be yelling, “We have shots fired.”",
            "“We have",
            "man's voice",
        ),
        (LEAD + "Protesters were chanting, “No more cuts.”", "“No more cuts.”", "Protesters"),
    ],
)
def test_a_quotation_shouted_is_its_shouters(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # yelling with no quotation after it reports no words
        LEAD + "The officer was yelling at the crowd.",
        LEAD + "Ana Ruiz was yelling, and then she left.",
    ],
)
def test_yelling_without_a_quotation_is_no_cue(text: str) -> None:
    atts, _, _, _ = analyse(Document(text))
    assert not any("yell" in text[a.cue[0] : a.cue[1]] for a in atts)
