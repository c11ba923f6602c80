"""Attributions that report no one's words, second pass: verbs of action, lasting,
ranking and evidence (``has shut down``, ``have stood for a thousand years``, ``is
leading among``), a noun after an article read as a cue (``No doubt that``), an adverb
read into a name (``Again Fox adds``), and a subject taken across a semicolon; with the
close shapes that stay. Invented texts."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "If you missed it, the platform has completely shut down hundreds of small "
            "garden pages over the last year.",
            "shut",
        ),
        ("The site removed the pages of several hiking clubs on Tuesday.", "removed"),
        (
            "In April, as the rebels advanced, Kolo mobilized his workforce into a private "
            "army in two battalions.",
            "mobilized",
        ),
        ("These old oaks have stood for more than a thousand years in the valley.", "stood"),
        ("Jo Roe is leading among the younger voters who have chosen a candidate.", "leading"),
        ("The Lind campaign has shown signs of life in the northern counties.", "shown"),
        (
            "The Deep Council responded like they always do every time something goes "
            "wrong, they blamed the weather.",
            "responded",
        ),
    ],
)
def test_an_action_is_no_speech(text: str, word: str) -> None:
    assert not any(word in r.cue for r in read(text))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The senator has stood for free speech all her life.", "stood for"),
        ("The poll showed that voters care most about the harbour.", "showed"),
        ("The mayor responded that the budget was balanced.", "responded"),
        ("The council said the old bridge stood for centuries.", "said"),
        (
            "The Journal published an editorial saying that the harbour plan would fail.",
            "saying",
        ),
    ],
)
def test_a_stance_or_speech_stays(text: str, cue: str) -> None:
    assert any(cue in r.cue for r in read(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The monthly meetups are always completely free of charge for members.", "completely"),
        ("Firewalls are certainly out of scope, the point is that the port is open.", "certainly"),
    ],
)
def test_an_adverb_alone_is_no_cue(text: str, word: str) -> None:
    assert word not in [r.cue for r in read(text)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "It is only going to get worse. No doubt that the council will want to take "
            "back the harbour, and soon.",
            "doubt",
        ),
        (
            "The groups appealed the case to the Sixth Circuit after the district court "
            "upheld the law.",
            "case",
        ),
        ("Buy the book. Against the State: A Manifesto is on sale this week.", "State"),
    ],
)
def test_a_noun_after_an_article_is_no_cue(text: str, word: str) -> None:
    assert word not in [r.cue for r in read(text)]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Officials doubt that the harbour plan will work in time.", "doubt"),
        ("Residents state that the harbour plan will not work in time.", "state"),
    ],
)
def test_the_verb_stays(text: str, cue: str) -> None:
    assert cue in [r.cue for r in read(text)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "The mayor spoke first. Again Fox adds that the harbour has drawn fishermen "
            "over the years.",
            "Fox",
        ),
        (
            "Also, Smith notes that the vote will be close. Again Smith adds that it will be late.",
            "Smith",
        ),
        ("Now Jo Roe says the vote on the harbour will be close.", "Jo Roe"),
        (
            "The very word “tax” is repugnant in a free and open society; and we are as a "
            "people inherently and historically opposed to secret meetings, to secret "
            "votes and to secret deals.",
            "we",
        ),
    ],
)
def test_the_source_is_the_clause_subject(text: str, source: str) -> None:
    assert source in [r.source for r in read(text)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The Today Show host Jo Roe said the vote will be close.", "The Today Show host Jo Roe"),
        (
            "The mayor was tired and the council said that the harbour would close.",
            "the council",
        ),
    ],
)
def test_a_name_keeps_its_words(text: str, source: str) -> None:
    assert source in [r.source for r in read(text)]
