"""Paragraphs that are wholly a quotation, after one short paragraph of the writer's
gloss that names no one, go on with the quotation before the gloss; anything that may
bring in another speaker between them leaves them unattributed. Invented texts."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

LEAD = (
    'Mayor Lena Ortiz explained: "We were proposing a short break. It would bring the '
    'numbers down again."\n'
)
QUOTES = (
    '"We asked for comfort that four weeks would be enough. They could not give us that."\n'
    '"So we thought this is not the right way to do things at all."\n'
)

ACROSS_A_GLOSS = [
    # a gloss in the writer's words, naming no one
    (LEAD + "In short, it would see all but essential shops closed for a month.\n" + QUOTES),
    # the earlier quotation left open at its paragraph's end
    (
        'Mayor Lena Ortiz explained: "We were proposing a short break. It would bring the '
        "numbers down again.\n"
        "In short, it would see all but essential shops closed for a month.\n" + QUOTES
    ),
    # the gloss may name the speaker again
    (LEAD + "Ortiz was speaking after a long meeting of the cabinet.\n" + QUOTES),
]


@pytest.mark.parametrize("text", ACROSS_A_GLOSS)
def test_quotations_after_a_gloss_continue_the_speaker(text: str) -> None:
    assert covering_speaker(text, "We asked for comfort") == "Lena Ortiz"
    assert covering_speaker(text, "So we thought") == "Lena Ortiz"


NOT_ACROSS = [
    # the paragraph between names another person
    LEAD + "Health chief Tom Byrne had warned of a second wave in the city.\n" + QUOTES,
    # it names another person as its opening word
    LEAD + "Byrne had warned of a second wave, as Byrne does every week.\n" + QUOTES,
    # a heading between starts another story
    LEAD + "Swimming pool closed until further notice after midnight\n" + QUOTES,
    # a colon's lead-in announces someone else's words
    LEAD + "The union put it differently:\n" + QUOTES,
    # two paragraphs between
    LEAD + "In short, shops would close.\nIt would last a month.\n" + QUOTES,
    # the gloss quotes words of its own
    LEAD + 'In short, it would be a "circuit break" for the whole city.\n' + QUOTES,
    # no attributed quotation before the gloss
    "The council met on Monday to talk about the plan.\n"
    "In short, it would see all but essential shops closed for a month.\n" + QUOTES,
]


@pytest.mark.parametrize("text", NOT_ACROSS)
def test_quotations_after_other_paragraphs_stay_unattributed(text: str) -> None:
    assert covering_speaker(text, "We asked for comfort") != "Lena Ortiz"


ADDING = (
    "Jo Marsh began by asking the chairman:\n\n"
    "“Who are you to tell someone how to smile at work?”\n\n"
)
MORE = "\n\n“This is one more example of the way they talk to us.”"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "Adding:" alone between: the speaker before it goes on
        (ADDING + "Adding:" + MORE, "Jo Marsh"),
        (ADDING + "And continuing:" + MORE, "Jo Marsh"),
        # a lead-in of another kind announces someone else's words
        (ADDING + "Others said:" + MORE, None),
        # no quotation before it with a speaker
        ("The chairman spoke about the show.\n\nAdding:" + MORE, None),
    ],
)
def test_adding_alone_goes_on_with_the_speaker(text: str, speaker: str | None) -> None:
    got = covering_speaker(text, "This is one more example")
    assert (got if got == "Jo Marsh" else None) == speaker
