"""Speakers whose own words name them: an organisation with its name modifier, the
subject before ``on <outlet> <day>``, a description after such a sentence; on invented
sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of as _speaker_of

from spinscope.attribution.mentions import parse_mention


def test_organisation_with_its_own_name_is_not_the_one_named_before() -> None:
    text = (
        "The Vale campaign bought a filter on the app last week.\n\n"
        '"Rather than make a real argument, the Vale campaign is pouring cash down a '
        'drain," the Reed campaign said in a statement. "It is a stunt."\n\n'
        "The ad ran on Monday."
    )
    name, _ = _speaker_of(text, "Rather than")
    assert name == "Reed campaign"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Senator Tom Reed dodged questions on Monday about Ann Vale's remarks.\n\n"
            "Vale on Fox News Tuesday defended making harsh comments about former Miss "
            "Universe Alicia Machado's weight gain back in the 1990s. The Republican nominee "
            'said she had "put on a huge amount of weight and it was a real problem."\n\n'
            "Reed did not comment.",
            "put on a huge",
            "Vale",
        ),
    ],
)
def test_subject_before_an_outlet_speaks(text: str, quote: str, speaker: str) -> None:
    name, _ = _speaker_of(text, quote)
    assert name is not None and name.split()[-1] == speaker, name


@pytest.mark.parametrize(
    "text",
    [
        "Senator Tom Reed spoke on Monday about former Miss Universe Alicia Machado's weight "
        'gain in the 1990s. The Republican nominee said she had "put on weight."',
    ],
)
def test_a_possessive_name_is_no_speaker(text: str) -> None:
    name, _ = _speaker_of(text, "she had")
    assert name is None or ("’s" not in name and "'s" not in name and "Universe" not in name)


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Vale on Fox News", "Vale"),
        ("Ann Vale on CNN", "Ann Vale"),
        ("the Commission on Presidential Debates", "Commission on Presidential Debates"),
    ],
)
def test_a_name_before_on_an_outlet_is_the_speaker(mention: str, name: str) -> None:
    assert parse_mention(mention).name == name


@pytest.mark.parametrize(
    ("mention", "name"),
    [("a quote from Vale", "Vale"), ("a statement by Ann Vale", "Ann Vale")],
)
def test_what_carried_the_words_is_no_role(mention: str, name: str) -> None:
    m = parse_mention(mention)
    assert (m.name, m.role) == (name, None)


@pytest.mark.parametrize("word", ["always", "sometimes", "perhaps"])
def test_an_adverb_in_s_names_no_one(word: str) -> None:
    assert parse_mention(word).kind == "pronoun"
