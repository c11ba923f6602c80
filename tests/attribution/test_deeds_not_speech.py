"""Cues that name a deed, a perception, a plan or a set phrase of the writer's, not
speech (``which sparked a debate about``, ``we saw an uptick``, ``has plans to``,
``We know that.``), and the real attributions next to them that stay. Invented texts."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read

from spinscope.attribution.cues import Cue
from spinscope.attribution.deeds import names_no_speech
from spinscope.attribution.result import Attribution
from spinscope.attribution.text import TokenView


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # a deed causing others to talk
        (
            "Her remarks were her first on the floods, which have again sparked a debate "
            "about river defences.",
            "sparked a debate about",
        ),
        # a product launched
        (
            "Between the two candidates, Reyes has used the app more so far. Earlier this "
            "year, Reyes's camp launched a filter which targeted those attending a Lane "
            "rally in Ohio.",
            "launched a",
        ),
        # what we or they saw or remembered: a noun phrase, no clause
        ("After the bridge opened, we saw a rise in traffic on the old road.", "saw"),
        ("When the city ended the program, they did not see an increase in crime.", "see"),
        (
            "Last week we remembered the tenth anniversary of the flood that killed 300 people.",
            "remembered",
        ),
        # a lone pronoun known or felt
        ("Farmers are not all rich. We know that. But most of them own land.", "know"),
        (
            "If this vote showed one thing, it's that the mayor won and Lane is not happy "
            "about it.",
            "happy about",
        ),
        # a one-word content pointing back to the sentence before
        (
            "Taxes are the worst thing anyone can do, ever! Well, according to the mayor "
            "and her allies, anyway.",
            "according to",
        ),
        # a thing that says a lot
        ("The nurses knelt to pray before the shift. That says a lot about them.", "says"),
        # the writer's exhortation, question or premise
        (
            "I am so proud of the nurses. We need to turn away from this anger and turn "
            "towards each other.",
            "need",
        ),
        (
            "After a week of rumours about the mayor's health, one must ask themselves why "
            "she cancelled the trip.",
            "ask",
        ),
        (
            "And considering he hasn't released any records, who knows what the drugs have "
            "done to his body.",
            "considering",
        ),
        (
            "And considering he hasn't released any records, who knows what the drugs have "
            "done to his body.",
            "knows",
        ),
        (
            "Perhaps they (and the mayor) will think long and hard before trying to paint "
            "the union as anything it is not.",
            "think",
        ),
        # an obligation
        ("Ohio — All counties are required to allow voting from Oct. 29 to Nov. 5.", "required to"),
        # naming, a hypothetical label, having fun
        (
            "On Saturday, an explosion rocked West 23 Street in the neighborhood commonly "
            "referred to as Chelsea, injuring 29 people. There were no fatalities.",
            "referred to",
        ),
        (
            "We live in a world where the fear of being labeled a racist supersedes our "
            "instinct for self-preservation.",
            "labeled",
        ),
        ("Why not have a little fun at his petulant behavior? Dean is.", "fun at"),
        # a noun after a preposition read as a verb
        (
            "Voting began in a few counties in states that allow local governments to set "
            "their own schedules.",
            "states",
        ),
    ],
)
def test_a_deed_or_a_set_phrase_is_no_speech(text: str, cue: str) -> None:
    assert cue not in [r.cue for r in read(text)]


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a verb of saying in the cue
        (
            "The mayor launched her campaign by declaring that the river must be cleaned.",
            "declaring",
            "The mayor",
        ),
        # the writer's claim with "as we saw", and what was seen as a clause
        ("As we saw in 2009, banks can change their minds quickly.", "saw", "we"),
        # a person who has not said much
        (
            "The mayor and her aides haven't said much about how she is preparing for the vote.",
            "said",
            "The mayor and her aides",
        ),
        # mocking, and calling something by a name
        ("The skit also poked fun at the mayor returning to the city.", "poked fun at", "The skit"),
        ("The mayor referred to the plan as a disaster.", "referred to", "The mayor"),
        # a real "according to"
        ("The dam will be closed, according to the mayor.", "according to", "the mayor"),
    ],
)
def test_speech_next_to_a_deed_stays(text: str, cue: str, source: str | None) -> None:
    found = [(r.cue, r.source) for r in read(text)]
    assert any(cue in c and s == source for c, s in found), found


def _no_speech(text: str, cue: str, content: str, source: str | None) -> bool:
    """Does the cue ``cue`` (its first occurrence), with that content and source, name no
    speech? (For constructions whose cue the tagger finds only in longer articles.)"""
    view = TokenView.from_text(text)
    c = text.index(cue)
    first = view.starts.index(c)
    last = max(k for k, s in enumerate(view.starts) if s < c + len(cue))
    k = text.index(content)
    src = None if source is None else (text.index(source), text.index(source) + len(source))
    att = Attribution(
        cue=(c, c + len(cue)),
        content=((k, k + len(content)),),
        source=src,
        kind="indirect",
        score=1.0,
    )
    return names_no_speech(view, Cue(first, last, 1.0), att)


@pytest.mark.parametrize(
    ("text", "cue", "content", "source", "expected"),
    [
        (
            "As Reyes wrapped up her interview, Lane left.",
            "wrapped up",
            "her interview",
            "Reyes",
            True,
        ),
        (
            "The senator kicked off a town hall on Monday.",
            "kicked off",
            "a town hall",
            "The senator",
            True,
        ),
        (
            "The senator launched an attack on the mayor.",
            "launched",
            "an attack",
            "The senator",
            False,
        ),
        ("The union has launched a petition.", "launched", "a petition", "The union", False),
        (
            "Yet the governor has plans to allow more homes.",
            "plans",
            "to allow more homes",
            "the governor",
            True,
        ),
        (
            "The governor plans to allow more homes.",
            "plans",
            "to allow more homes",
            "The governor",
            False,
        ),
        ("They’re all about lower taxes, because it pays.", "all about", "lower taxes", None, True),
        ("I know all about lower taxes.", "know all about", "lower taxes", "I", False),
        (
            "The photo was shared nearly 100,000 times in a day.",
            "was shared",
            "nearly 100,000 times in a day",
            None,
            True,
        ),
        (
            "The mayor said nearly 100 people came.",
            "said",
            "nearly 100 people came",
            "The mayor",
            False,
        ),
        # a denial of something said before, and a report after a preposition
        ("The mayor denied it.", "denied", "it", "The mayor", False),
        (
            "In reports that the dam leaked, she was blamed.",
            "reports",
            "that the dam leaked",
            None,
            False,
        ),
    ],
)
def test_deeds_the_tagger_finds_in_longer_articles(
    text: str, cue: str, content: str, source: str | None, expected: bool
) -> None:
    assert _no_speech(text, cue, content, source) is expected


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (
            "Senator Jo Reyes kicked off a campaign event Wednesday by saying that the "
            'recent floods are "unbearable."',
            "Senator Jo Reyes",
            "Jo Reyes",
        ),
        (
            "The mayor ended her speech on Monday by warning that the river would rise.",
            "The mayor",
            "mayor",
        ),
    ],
)
def test_a_time_word_before_by_saying_leaves_the_subject_the_source(
    text: str, source: str, speaker: str
) -> None:
    [r] = [r for r in read(text) if r.cue.endswith("ing")]
    assert (r.source, r.speaker) == (source, speaker)
