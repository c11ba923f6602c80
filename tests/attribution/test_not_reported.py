"""Attributions that report no one's words: a verb phrase read as the source (``are
happening against``, ``It's almost hard to believe``), the reader addressed as ``you``,
an infinitive with no source (``fail to tell``); and the close shapes that stay.
Invented texts."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read


@pytest.mark.parametrize(
    ("text", "not_source"),
    [
        # a participle or an adjective after an auxiliary: no noun phrase, no speaker
        (
            "The floods in the delta are happening against the backdrop of a drought "
            "that has lasted three years.",
            "happening",
        ),
        (
            "The mayor has been quietly running a campaign against the council for a "
            "decade, and the vote is next week.",
            "quietly running a campaign",
        ),
        (
            "It's almost hard to believe that the bridge was only finished last spring.",
            "almost hard",
        ),
        (
            "Repairing the old pipes will allow us to eliminate most of the leaks in the "
            "eastern district.",
            "allow us",
        ),
    ],
)
def test_a_verb_phrase_is_no_source(text: str, not_source: str) -> None:
    assert not_source not in [r.source for r in read(text)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a noun phrase after an auxiliary stays a source
        (
            "There are officials who believe that the bridge will close in May.",
            "who",
        ),
        ("Officials believe that the bridge will close in May.", "Officials"),
        ("The mayor has repeatedly said that the bridge will close in May.", "The mayor"),
        ("According to engineers, the bridge will close in May.", "engineers"),
        # "'s" after a name is a possessive, not "is"
        (
            "“We will fight on,” Save Our Pool's campaign manager Jo Roe said in a statement.",
            "Save Our Pool's campaign manager Jo Roe",
        ),
    ],
)
def test_a_noun_phrase_source_stays(text: str, source: str) -> None:
    assert source in [r.source for r in read(text)]


@pytest.mark.parametrize(
    "text",
    [
        "If you want a bushier hedge, you should trim it every spring.",
        "Do you think that the town should close the old pool before the summer?",
        "You might want to change this setting to a higher value before the upgrade.",
        "Now you know how to grow tomatoes on a balcony without any garden soil.",
        "If at any time you would like to unsubscribe, you can write to the club.",
    ],
)
def test_the_reader_addressed_is_no_source(text: str) -> None:
    assert "you" not in [r.source.lower() if r.source else r.source for r in read(text)]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a quoted speaker's listener stays outside the rule, and a real speaker nearby
        # keeps the attribution
        (
            '"You told me that the pool would close," Ms. Ruiz said to the manager.',
            "Ms. Ruiz",
        ),
        ("The council said you can trim the hedges every spring.", "The council"),
    ],
)
def test_speech_next_to_the_reader_stays(text: str, source: str) -> None:
    assert source in [r.source for r in read(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Tenants could face a fine if they fail to tell the landlord that a pipe has "
        "burst in the flat.",
        "It is funny to think about how small the old market once was.",
    ],
)
def test_an_infinitive_without_a_source_is_no_attribution(text: str) -> None:
    assert [r.cue for r in read(text) if r.source is None] == []


@pytest.mark.parametrize(
    ("text", "cue_word"),
    [
        # the infinitive's subject is found: it stays
        ("The minister declined to comment on the report about the burst pipes.", "comment"),
        ("The landlord refused to say whether the pipes had been checked.", "say"),
    ],
)
def test_an_infinitive_with_its_source_stays(text: str, cue_word: str) -> None:
    assert any(cue_word in r.cue and r.source is not None for r in read(text))
