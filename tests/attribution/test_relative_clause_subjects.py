"""Sources of invented text: a subject whose relative clause reports something of its own
(``The Guardian, which did not identify its sources, said``) is the main verb's source; so
is the name before a long appositive holding an organisation's name (``Ana Ruiz, a member
and founder of the Fans USA, a fan club, said``)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Manafort denied it.\n\nThe Guardian, which did not identify the sources for its "
            "reporting, said that Manafort met with Assange “around March 2016” last year.",
            "“around March 2016”",
            "The Guardian",
        ),
        (
            "Manafort denied it. Ana Ruiz, who told reporters she had doubts, said the plan "
            "was “a mess.”",
            "“a mess.”",
            "Ana Ruiz",
        ),
        # the relative clause's own words stay its own
        (
            "Manafort denied it. The plan, which critics called “a mess,” was dropped.",
            "“a mess,”",
            "critics",
        ),
    ],
)
def test_the_antecedent_of_a_reporting_relative_clause_speaks(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Fans gathered. Asked if she is certain the president can win, Ana Ruiz, a club "
            "member and founder of the Fans USA, a fan club, said via email, “Positive!!”",
            "“Positive!!”",
            "Ana Ruiz",
        ),
        (
            "Fans gathered. Ana Ruiz, a club member and founder of the Fans USA, a fan club, "
            "said via email, “Positive!!”",
            "“Positive!!”",
            "Ana Ruiz",
        ),
        # a role before the name: the name set off by commas speaks
        (
            "Fans gathered. The head of the Fans USA, Ana Ruiz, said via email, “Positive!!”",
            "“Positive!!”",
            "Ana Ruiz",
        ),
    ],
)
def test_a_name_inside_an_appositive_is_not_the_speaker(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a name a preposition after people governs is not what "who" stands for
        (
            "The letter is not from the cardinals but from a group of Islamic converts to "
            "Catholicism, who want Francis to say why Islam is “a good religion in itself” "
            "as he teaches.",
            "“a good religion in itself”",
            None,
        ),
        (
            "The appeal came from farmers in Vermont, who said the rule was “unfair to us.”",
            "“unfair to us.”",
            None,
        ),
        # a person's name before "who" still is
        (
            "Mayor Tom Reed, who said the plan was “a disaster,” left early.",
            "“a disaster,”",
            "Tom Reed",
        ),
    ],
)
def test_who_after_a_preposition_governing_a_name(
    text: str, quote: str, speaker: str | None
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the relative clause is never closed by a comma: the noun phrase a preposition
        # governs inside it is no subject; the name before "who" is
        (
            "The vote is near. Ted Cole, who had the sharpest clash with Jim Wade during "
            "the primary campaign nevertheless backed the plan and said, “We will deliver.”",
            "“We will deliver.”",
            "Ted Cole",
        ),
        (
            "Ann Lee, who has led the union since the strike in 2012 told reporters "
            "that the deal was “a good start.”",
            "“a good start.”",
            "Ann Lee",
        ),
    ],
)
def test_the_name_before_an_unclosed_relative_clause_speaks(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker
