"""Speakers a fact-checker would sign, on shapes of news text no rule was tuned on:
headline subjects, noun-phrase fragments, pronouns after reported speech, names after
an apposition, described people; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read
from tests.attribution.helpers import speaker_of as _speaker_of

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "quote", "subject"),
    [
        (
            "Former Miss Universe sizes up Melania Trump: 'I think I speak more English than "
            "her'\n\nThe pageant winner spoke to reporters on Tuesday.",
            "I think",
            "Universe",
        ),
        (
            "Senator Ann Vale lashes out at Tom Reed: “He has never read the bill”\n\n"
            "The vote is on Friday.",
            "He has never",
            "Vale",
        ),
    ],
)
def test_headline_speaker_is_the_subject_not_the_object(
    text: str, quote: str, subject: str
) -> None:
    name, role = _speaker_of(text, quote)
    assert subject in f"{name} {role}", (name, role)
    assert "Melania" not in f"{name}" and "Reed" not in f"{name}", (name, role)


@pytest.mark.parametrize(
    "mention",
    [
        "the latest example of Donald Trump's derogatory",
        "an incident like the Chelsea explosion",
        "a message for the",
        "take a",
    ],
)
def test_noun_phrase_fragment_names_no_one(mention: str) -> None:
    m = parse_mention(mention)
    assert m.name is None and m.kind == "pronoun", m


@pytest.mark.parametrize(
    ("mention", "kind", "name"),
    [
        # described people and groups keep their descriptions
        ("One of Bill Clinton’s oldest friends", "description", None),
        ("a spokesman for the Department of Justice", "description", None),
        ("officials at the ministry", "description", None),
        ("the governor of Indiana", "description", None),
        ("the Commission on Presidential Debates", "name", "Commission on Presidential Debates"),
    ],
)
def test_descriptions_are_not_fragments(mention: str, kind: str, name: str | None) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name) == (kind, name), m


def test_fragment_source_leaves_the_quote_unresolved() -> None:
    text = (
        "Trump spoke in Ohio on Monday. “They are bringing crime,” said the latest example "
        "of Donald Trump's derogatory."
    )
    assert _speaker_of(text, "They are bringing") == (None, None)


def test_coordination_after_an_apposition_names_both() -> None:
    text = (
        "The mayor spoke on Sunday. The two candidates for president Hillary Clinton and "
        "Donald Trump also weighed in on the bombing."
    )
    names = [r.name for r in read(text) if "weighed" in r.cue]
    assert names == ["Hillary Clinton and Donald Trump"], read(text)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a name inside a reported clause is not the next pronoun's antecedent
        (
            "Joe Biden spoke in Ohio. He recalled that Donald Trump told a crowd, “I love "
            "the workers.” “He is a fraud,” he said.",
            "He is a fraud",
            "Joe Biden",
        ),
        # nor is a name inside a prepositional phrase, coordinated with another
        (
            "Tim Kaine spoke on Monday. “They are not going to win,” Kaine said of the Gary "
            "Johnson and Bill Weld Libertarian ticket in an interview.\n\nClinton's running "
            "mate pointed to the 2000 election.\n\n“A protest vote may well affect the "
            "outcome,” he said.",
            "A protest vote",
            "Tim Kaine",
        ),
    ],
)
def test_pronoun_takes_the_subject_not_a_reported_name(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote)[0] == speaker, read(text)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Zianna Oliphant, her hair in braids, brought the room to silence. “I can’t stand "
            "how we’re treated,” the grade-school girl said.",
            "I can’t stand",
            "Zianna Oliphant",
        ),
        (
            "Bobby Knight spoke in Toledo. “He’s known all over the world,” the coach continued.",
            "He’s known",
            "Bobby Knight",
        ),
        # a name the speaker says inside the quotation is not the one described
        (
            "Bobby Knight spoke in Toledo. “He’s known all over the world. Donald Trump put "
            "a lot of businesses together,” the coach continued.",
            "He’s known",
            "Bobby Knight",
        ),
        (
            "Mike Pence spoke on Monday. The governor of Indiana also said that she “has no "
            "business” commenting. “She is not behaving like one,” he said.",
            "She is not behaving",
            "Mike Pence",
        ),
        (
            "Michelle Bachmann spoke with reporters on Sunday. The ex-Rep. then argued: “It is "
            "true, once it was also terribly inconvenient.”",
            "It is true",
            "Michelle Bachmann",
        ),
    ],
)
def test_described_person_is_the_one_in_focus(text: str, quote: str, speaker: str) -> None:
    assert _speaker_of(text, quote)[0] == speaker, read(text)


def test_headline_clause_without_quotation_is_the_articles_own_words() -> None:
    text = (
        "Obama canceled it, Trump reinstated it: a very sacred day is back\n\n"
        "The day honours fallen officers."
    )
    assert read(text) == []
