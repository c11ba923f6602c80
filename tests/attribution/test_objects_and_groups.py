"""Speakers the text makes clear though no subject names them: the person a sentence
makes the doer of what it reports (``allowed Luboku to reflect``) for the pronoun
after it; a description headed by a person noun (``the tough-talking politician``,
``Two members of the mayor's team``); a group's website."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # the object of "allowed … to" is who the sentence is about
        (
            "Given its roots in the Voyager probe, the album allowed Tovak to reflect on "
            "our fragility.\n“When you look at the earth from afar, it is tiny,” he says.",
            "When you look",
            "Tovak",
        ),
        # a reflexive tells the object's sex: she is not the man who is the subject
        (
            "In May, blogger Peter Hale dug up the old post, forcing Nadir to defend "
            "herself.\nShe responded: “Criticising the council is far from hating it.”",
            "Criticising the council",
            "Nadir",
        ),
    ],
)
def test_pronoun_after_a_controlled_object(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # two people made doers in one sentence: unclear, no guess
        (
            "The vote allowed Tovak to leave and forced Maren to stay.\n"
            "“It was not fair,” he says.",
            "It was not fair",
        ),
        # the reflexive says a woman: no "he"
        (
            "The leak forced Tovak to defend herself.\n“It was not fair,” he says.",
            "It was not fair",
        ),
    ],
)
def test_pronoun_after_an_unclear_object(text: str, quote: str) -> None:
    assert speaker_of(text, quote)[0] is None


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a person noun after a modifier in -ing is a person described, the one in focus
        (
            "Asked why his town takes no migrants, Mayor Piet Varga replied: “We do not "
            "want them.” Instead, the tough-talking politician said they were “invaders.”",
            "invaders",
            "Piet Varga",
        ),
        # people of a group: described by their own noun, whatever the group's is
        (
            "Mayor Jon Ruddle spoke on Monday. Two members of the mayor's team told The "
            "Times that the plan could lead to the “total paralysis” of the city.",
            "total paralysis",
            "Two members of the mayor's team",
        ),
        # a group's website speaks for the group the article named
        (
            "The Acme Alliance met on Monday. “We will help you write the letter,” the "
            "group’s website says.",
            "We will help",
            "Acme Alliance",
        ),
    ],
)
def test_described_speakers(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # a thing owned by a name is no one's description
        ("The President's interest says “nothing at all.”", "nothing at all"),
        # a quantifier before "of" heads no person
        ("Most of the mayor's plan says “build more.”", "build more"),
    ],
)
def test_things_are_no_speakers(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) in (None, "unattributed")
