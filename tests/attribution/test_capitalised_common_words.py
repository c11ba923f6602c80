"""Speakers of invented text: a common word capitalised only by its place (a sentence's
first word, a headline in title case) is no name; what it is in lower case decides, a
description of people or no speaker at all."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of, with_cue

from spinscope.attribution.capitals import common_word


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a document or a function word capitalised by its place stands for no one
        (
            "Warrants Show Police Never Searched Jo Roe’s Flat, Now She’s ‘Moved Out’\n\n"
            "Detectives obtained five search warrants in the case. The flat was never "
            "searched.",
            "Show",
            (None, None),
        ),
        (
            "Records show the mayor paid “nothing at all” in tax. The records were "
            "released on Monday.",
            "show",
            (None, None),
        ),
        (
            "More said the plan was “dead on arrival.” Critics wanted more time.",
            "said",
            (None, None),
        ),
        # a closed-class word, whether or not the article writes it in lower case
        (
            "Everyone knows the plan is “dead on arrival.”",
            "knows",
            (None, None),
        ),
        # people in the plural are described, as they would be in lower case
        (
            "Agents identified the car within hours. The agents who found it were praised.",
            "identified",
            (None, "Agents"),
        ),
        (
            "Police said the man was “armed and dangerous.” The police asked for help.",
            "said",
            (None, "Police"),
        ),
    ],
)
def test_a_common_word_capitalised_by_its_place_is_no_name(
    text: str, cue: str, speaker: tuple[str | None, str | None]
) -> None:
    r = with_cue(text, cue)
    assert (r.name, r.role) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # the article capitalises the word mid-sentence: a name
        (
            "Reason points out that the law “helps no one.” That is the view of Jo Roe, "
            "who writes for Reason.",
            "the law",
            "Reason",
        ),
        # the last word of a body that spoke stands for it
        (
            "New Jersey State Police said on Monday the car was found. Police said the "
            "man was “armed and dangerous.” The police asked for help.",
            "the man was",
            "New Jersey State Police",
        ),
    ],
)
def test_a_word_the_article_writes_as_a_name_stays_one(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name


def test_a_headline_role_is_not_a_name_nor_another_office() -> None:
    text = (
        "Harbor Jihadis’ Defense Attorney: “No One Would Bat An Eye”\n\nA judge denied "
        "bail on Wednesday. District Attorney Lee Park dropped the charges. “No one would "
        "bat an eye,” Tom Hale argued in court."
    )
    assert speaker_of(text, "“No One Would Bat An Eye”") == (
        None,
        "Harbor Jihadis’ Defense Attorney",
    )


def test_a_headline_office_takes_its_holder() -> None:
    text = (
        "Hungarian Prime Minister: “We Will Not Pay”\n\nThe talks broke down on Monday. "
        "Hungary’s Prime Minister Viktor Orbán left early."
    )
    assert speaker_of(text, "“We Will Not Pay”")[0] == "Viktor Orbán"


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a headline's words after an office are no holder's name
        (
            "Harbor Judge Rules To Upend County Election\n\nThe fix is in.\nA federal judge "
            "on Monday ordered the county to wait.",
            "ordered",
            (None, "federal judge"),
        ),
        # a quantifier opens a headline's phrase: no name
        (
            "More Harbor Sharia: Firefighter Suspended For Supporting Jo Roe\n\nNo one knows why.",
            ":",
            (None, None),
        ),
        # a quantifier before people: people described
        (
            "Some Harbor Yellow Vesters have denounced the march as “a disgrace.”",
            "have denounced",
            (None, "Some Harbor Yellow Vesters"),
        ),
    ],
)
def test_headline_words_name_no_one(
    text: str, cue: str, speaker: tuple[str | None, str | None]
) -> None:
    r = with_cue(text, cue)
    assert (r.name, r.role) == speaker


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a page's label the article writes nowhere else is no speaker
        ("Flashback: “We will never raise taxes.”\n\nThe mayor raised them twice.", None),
        # an office's acronym or a person's label the article names elsewhere speaks
        (
            "FLOTUS: “Progress is huge.”\n\nThe First Lady spoke on Monday.",
            "FLOTUS",
        ),
        (
            "Maria Anderson spoke on Monday.\n\nAnderson: “Progress is huge.”",
            "Maria Anderson",
        ),
    ],
)
def test_a_lone_label_is_no_speaker(text: str, name: str | None) -> None:
    assert speaker_of(text, text[text.index("“") : text.index("”") + 1])[0] == name


@pytest.mark.parametrize(
    ("word", "common"),
    [
        # a function word, though a title capitalises it mid-sentence elsewhere
        ("In", True),
        ("Whoever", True),
        ("Having", True),
        # a word that may be a name, and one the article capitalises mid-sentence
        ("May", False),
        ("Reason", False),
    ],
)
def test_function_words_are_common_whatever_a_title_does(word: str, common: bool) -> None:
    text = (
        "The film is called Dead In The Water, says Reason. Whoever Wins is a book. "
        "So said Theresa May. Having seen it, he left. The reason is clear."
    )
    assert common_word(text, word) is common
