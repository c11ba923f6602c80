"""Speakers of invented text: a name keeps a short last part every mention of it carries
(``Kim Jong Un``), a person ``of the University of …`` is named without the body, and one
known by a word no list gives as a first name (``Cindy``, ``Tsai``) takes the one full name
the article writes with it."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Trump met Kim Jong Un in Singapore on Tuesday. “Today, we had a historic "
            "meeting,” Kim said.",
            "“Today, we had a historic meeting,”",
            "Kim Jong Un",
        ),
        # of father and son, the one the article names first and most
        (
            "Trump met Kim Jong Un in Singapore on Tuesday, years after the death of Kim "
            "Jong Il. “Today, we had a historic meeting,” Kim said.",
            "“Today, we had a historic meeting,”",
            "Kim Jong Un",
        ),
        # a word after the name is no part of it
        (
            "Voters met Hillary Clinton On Monday at a rally. “We will win,” Hillary said.",
            "“We will win,”",
            "Hillary Clinton",
        ),
        (
            "Storms come and go. “We have no evidence of how they form,” Agustín "
            "Sánchez-Lavega of the University of the Basque Country in Spain explains.",
            "“We have no evidence of how they form,”",
            "Agustín Sánchez-Lavega",
        ),
    ],
)
def test_the_whole_name_speaks(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Agustín Sánchez of the University of Leeds",
            "Agustín Sánchez",
            "of the University of Leeds",
        ),
        (
            "Xu Lin of the Institute for Fiscal Studies",
            "Xu Lin",
            "of the Institute for Fiscal Studies",
        ),
        ("Ana Ruiz of the University of Leeds", "Ana Ruiz", "of the University of Leeds"),
        # an organisation whose name holds "of the" stays whole
        ("Bank of the West", "Bank of the West", None),
        ("Federal Reserve Bank of New York", "Federal Reserve Bank of New York", None),
        ("Kim Jong Un", "Kim Jong Un", None),
        ("UN envoy Ana Ruiz", "Ana Ruiz", "UN envoy"),
    ],
)
def test_name_and_body(text: str, name: str, role: str | None) -> None:
    m = parse_mention(text)
    assert (m.name, m.role) == (name, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Voters were asked. Shaela and Cindy Buchanan were doing chores on Saturday at a "
            "laundromat in Wichita.\n“Which one is Mueller?” asked Cindy, a 51-year-old "
            "manager at a paint company.",
            "“Which one is Mueller?”",
            "Cindy Buchanan",
        ),
        (
            "Tsai Ing-wen’s comeback was stunning. Tsai says Beijing must face reality that "
            "Taiwan is an “independent country” now.",
            "“independent country”",
            "Tsai Ing-wen",
        ),
        # a building, a product, a street: no person's full name
        (
            "Trump Tower was busy. Trump says Beijing must face reality that Taiwan is an "
            "“independent country” now.",
            "“independent country”",
            "Trump",
        ),
        (
            "Hale Street was busy. Hale, a 40-year-old nurse, says Beijing must face reality "
            "that Taiwan is an “independent country” now.",
            "“independent country”",
            "Hale",
        ),
    ],
)
def test_one_word_takes_the_full_name_written(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a place after a possessed thing is no speaker
        (
            "The campaign released a schedule. His speech in Orlando will focus on “jobs and "
            "schools.”",
            "“jobs and schools.”",
            None,
        ),
        # a possessed person noun still describes someone who speaks
        (
            "The campaign released a schedule. Her spokesman in Orlando said the trip was “a "
            "success.”",
            "“a success.”",
            "Her spokesman in Orlando",
        ),
    ],
)
def test_a_possessed_thing_in_a_place_is_no_speaker(
    text: str, quote: str, speaker: str | None
) -> None:
    assert covering_speaker(text, quote) == speaker
