"""Commentary taking up a speaker's words: a short quotation in the writer's own
sentence echoing words one speaker was quoted saying earlier is that speaker's; and
the possessor of a speech noun (``His warning against``, ``the neocons’ claims that``,
``the pope’s reply … was:``) is its speaker."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

_FARAGE = (
    "On the radio on Monday, Nigel Farage said: “If this becomes a battle "
    "between us and the entire religion, we will lose. We must win over the moderates.” "
)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # three words in the writer's own sentence
        (
            _FARAGE + "Yet Britons are not in a “battle” with “the entire religion” of Islam.",
            "“the entire religion”",
            "Nigel Farage",
        ),
        # the writer's own question, with punctuation and case aside
        (
            _FARAGE + "But how will we ever “win over the Moderates”?",
            "“win over the Moderates”",
            "Nigel Farage",
        ),
        # a cue with no subject of its own ("saying") holds the echo
        (
            "Omar Hamid predicted that “this will happen after the fall of the evil empire "
            "and the liberation of the lands.” If Omar Hamid were a Christian saying that "
            "people must destroy “the evil empire” he would be called a bigot.",
            "“the evil empire”",
            "Omar Hamid",
        ),
        # a quotation no cue reports at all
        (
            "The department said, “General order 508 refers to the chief’s ability to "
            "circumvent the formal procedures, not the investigative process.” Exactly "
            "what “the investigative process” must be remains unclear.",
            "“the investigative process”",
            "department",
        ),
    ],
)
def test_echo_is_the_first_speakers(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # two words: as often the writer's own phrase ("mental health", "sonic attack")
        (
            _FARAGE + "Yet Britons are not in a “battle” with the “entire religion” of Islam.",
            "“entire religion”",
            "unattributed",
        ),
        # one word: as often the writer's own scare quote; a hyphen makes no two words
        (
            _FARAGE + "Yet Britons are not in a “battle” with the “entire religion” of Islam.",
            "“battle”",
            "unattributed",
        ),
        (
            "Ann Lee said: “We do fact checking every day.” The “fact-checking” site is biased.",
            "“fact-checking”",
            "unattributed",
        ),
        # a work's title, a phrase named: no one's echo
        (
            "Ann Lee said: “The 13th Amendment explains it all.” Lee’s “13th Amendment” is a film.",
            "“13th Amendment”",
            "unattributed",
        ),
        (
            "Ann Lee said: “We fight Islamic terrorism every day.” Trump has used the "
            "phrase “Islamic terrorism” often.",
            "“Islamic terrorism”",
            "unattributed",
        ),
        # a verb of saying quoted: a term for reports
        (
            "Ann Lee said: “Reporters just write he said and move on.” The “he said” habit is old.",
            "“he said”",
            "unattributed",
        ),
        # a capital inside the sentence: a show's or a person's name, no echo
        (
            "Rand Paul said on CBS: “I will not back a nominee who went on Face the Nation "
            "to argue for war.” The nominee later appeared on “Face the Nation” again.",
            "“Face the Nation”",
            "unattributed",
        ),
        # the same words quoted again and again: a term the article uses
        (
            "Ann Lee said: “We need more balanced coverage now.” The “balanced coverage” "
            "rule is old, the “balanced coverage” habit stays and “balanced coverage” wins.",
            "“balanced coverage”",
            "unattributed",
        ),
        # a title its cue gives is no one's known words
        (
            "Ann Lee wrote a piece titled “Why balanced coverage fails us all.” The "
            "“balanced coverage” debate goes on.",
            "“balanced coverage”",
            "unattributed",
        ),
        # two speakers said the words: whose echo it is stays unknown
        (
            "Jo Reyes said: “This is a hard battle for the town.” Al Moore said: “We "
            "will lose this hard battle if we wait.” It is a “hard battle” indeed.",
            "“hard battle”",
            "unattributed",
        ),
        # someone else's cue introduces the words: theirs, whoever said them first
        (
            "Jo Reyes said: “This is a hard battle.” Al Moore called it a “hard battle” too.",
            "“hard battle”",
            "Al Moore",
        ),
        # words no earlier quotation holds
        (
            "Jo Reyes said: “This is a battle for the town.” The plan is “dead on arrival.”",
            "“dead on arrival.”",
            "unattributed",
        ),
        # longer than an echo: a quotation of its own (its speaker unknown here)
        (
            "Jo Reyes said: “This is a battle for the town and we will win it in the end "
            "whatever happens.” Then: “This is a battle for the town and we will win "
            "it.”",
            "“This is a battle for the town and we will win it.”",
            None,
        ),
        # words with nothing to know a speaker by
        (
            "Jo Reyes said: “It is all of us against them.” It is unclear who “all of us” is.",
            "“all of us”",
            "unattributed",
        ),
    ],
)
def test_no_echo(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a noun in "-ing" after a possessive is a nominal cue like "claim"
        (
            "Nigel Farage said: “We must win over the moderates.” His warning against "
            "making the fight a “battle between us and the entire religion” is odd.",
            "“battle between us and the entire religion”",
            "Nigel Farage",
        ),
        # a plural possessor, the apostrophe after its "s"
        (
            "Carlson mocked the neocons’ claims that Iran is the “greatest threat” to America.",
            "“greatest threat”",
            "neocons",
        ),
        (
            "Carlson mocked Graham's claims that Iran is the “greatest threat” to America.",
            "“greatest threat”",
            "Graham",
        ),
        # a possessed answer closed by a copula and a colon in the quotation's sentence
        (
            "Jo Roe wrote to Pope Francis on Monday. Now, the pope’s reply to my "
            "testimony was: “I will not say a word!”",
            "“I will not say a word!”",
            "Francis",
        ),
    ],
)
def test_speech_noun_possessor(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "her" the object of a verb before a word in "-ing": no possessor
        (
            "Jo Reyes met Ann Lee on Monday. The council sent her warning letters about "
            "the “unsafe” bridge.",
            "“unsafe”",
            "council",
        ),
        (
            "Jo Reyes met Ann Lee on Monday. The council sent her warning that the bridge "
            "was “unsafe.”",
            "“unsafe.”",
            "council",
        ),
        # a place's possessive before a noun that is no speech: no source
        (
            "According to Minneapolis’ local newspaper, the plan was “a disaster.”",
            "“a disaster.”",
            None,
        ),
    ],
)
def test_no_possessor(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker
