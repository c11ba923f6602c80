"""Speakers on invented text shaped like news from many outlets: the place a person
represents after the name, an organisation or a paper taken up as ``the group`` /
``the paper``, a newspaper never ``she``, and a sentence adverb before a role and name."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Sen. Dana Morrow of Nevada", "Dana Morrow"),
        ("former Rep. Ovid Brannock of New Jersey", "Ovid Brannock"),
        ("Bank of England", "Bank of England"),
        ("the Duke of York", "Duke of York"),
        ("However, regional trade minister, Colm Varley,", "Colm Varley"),
        ("Meanwhile, Sen. Jo Roe", "Jo Roe"),
    ],
)
def test_the_name_ends_before_a_represented_place_and_after_an_opener(
    mention: str, name: str
) -> None:
    assert parse_mention(mention).name == name


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The Harbor Pilots’ Association said on Monday it had not been asked. "
            "The rules are new. “We were never consulted about any of this,” the group "
            "wrote.",
            "“We were never consulted about any of this,”",
            "Harbor Pilots’ Association",
        ),
        (
            "As reported by The Lakeside Herald, the strike went on. The paper noted "
            "that “the phones have not stopped ringing since Monday.”",
            "“the phones have not stopped ringing since Monday.”",
            "Lakeside Herald",
        ),
    ],
)
def test_the_group_and_the_paper_are_the_ones_named(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The call came at noon, according to the Westfield Dispatch. “Please come "
        "quickly, please,” she asks the operator.",
        "A man was held, the Brookvale Enquirer reported. “He is still inside the "
        "house,” she tells the dispatcher.",
    ],
)
def test_a_newspaper_is_no_she(text: str) -> None:
    quote = text[text.index("“") : text.index("”") + 1]
    assert covering_speaker(text, quote) in (None, "unattributed")
