"""Speakers in commentary built around someone's words: ``Said`` as a first name, a
gerund after ``while``/``before`` sharing the clause's subject, the one heard saying
the words, a named speaker addressing someone before a colon, and one only imagined
saying them."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "named Said Omar": a first name, not the cue (the description was the speaker)
        (
            "Recently a cleric in Tunis named Said Omar, who leads a small group, declared "
            "that the “conquest of Rome will come soon.”",
            "“conquest of Rome will come soon.”",
            "Said Omar",
        ),
        # a list of hyphenated adjectives in the relative clause is no name's end
        (
            "A preacher named Said Omar, who is affiliated with the anti-Western, "
            "pro-caliphate movement Hizb Jadid, declared that the “day of victory is near.”",
            "“day of victory is near.”",
            "Said Omar",
        ),
        # a title-cased headline's "Said" stays a verb
        (
            "Top Cop Said House Server Vanished: “It was gone by morning.”",
            "“It was gone by morning.”",
            "Top Cop",
        ),
    ],
)
def test_said_as_a_first_name(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Tom Reyes stabbed two men at a bus stop in Leeds while shouting, “You will pay.”",
            "“You will pay.”",
            "Tom Reyes",
        ),
        (
            "In May, Ali Hamid, a local man, smashed three windows while screaming, "
            "“Down with the bank.”",
            "“Down with the bank.”",
            "Ali Hamid",
        ),
        (
            "“We acted fast,” Meta said, before accusing the group of running farms that "
            "tricked “people into thinking they were forums.”",
            "“people into thinking they were forums.”",
            "Meta",
        ),
        # a sentence opened by the clause of time has its subject after it
        (
            "After Jo Hale got a lashing from critics after claiming it had “never been "
            "worse,” one would think the campaign had learned.",
            "“never been worse,”",
            None,
        ),
    ],
)
def test_a_gerund_of_time_shares_the_subject(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the hearer is no speaker; the one heard is left unresolved rather than guessed
        (
            "A man attacked two guards at the station. A woman heard him say, “You must die.”",
            "“You must die.”",
            None,
        ),
        (
            "Tom Hale spoke at the rally. A reporter heard him say, “We will win this.”",
            "“We will win this.”",
            "Tom Hale",
        ),
    ],
)
def test_the_one_heard_speaks(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The hearing went on.\n\nSen. Jo Reyes to committee Democrats: “This is the "
            "worst sham I have seen in politics.”",
            "“This is the worst sham I have seen in politics.”",
            "Jo Reyes",
        ),
        (
            "The hearing went on.\n\nReyes to reporters: “This is the worst sham I have "
            "seen in politics.”",
            "“This is the worst sham I have seen in politics.”",
            "Reyes",
        ),
    ],
)
def test_a_named_speaker_addresses_someone(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_one_imagined_saying_it_is_no_speaker() -> None:
    text = (
        "If Tom Reyes were a Democrat saying that voters must “take back the state,” he "
        "would be called a radical."
    )
    assert covering_speaker(text, "“take back the state,”") is None
