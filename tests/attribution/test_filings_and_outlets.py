"""Speakers of invented text: a court filing stands for the one the article said filed
it or spoke in it, and an outlet's common noun for the outlet the sentence before gave
as a source."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the filer speaking in the suit, set off by an appositive
        (
            "Fair Vote, a nonpartisan group, claimed in the suit that the county failed "
            "to count ballots. The suit blasted the county’s “broken ballot rules,” that "
            "could turn voters away.",
            "“broken ballot rules,”",
            "Fair Vote",
        ),
        # "the lawsuit" and "the suit" are one filing
        (
            "Harbor Media filed a lawsuit against the mayor on Monday. The mayor did not "
            "reply. “The ban has no basis in law,” the suit said.",
            "“The ban has no basis in law,”",
            "Harbor Media",
        ),
        (
            "The Ruiz Foundation alleged in its complaint that the deal was void. "
            "“The board acted in secret,” the complaint says.",
            "“The board acted in secret,”",
            "Ruiz Foundation",
        ),
    ],
)
def test_a_filing_speaks_for_its_filer(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # no filer named: the filing stays its own speaker
        (
            "A lawsuit was filed on Monday. The mayor did not reply. “The ban has no "
            "basis in law,” the lawsuit said.",
            "“The ban has no basis in law,”",
        ),
    ],
)
def test_a_filing_without_a_named_filer_keeps_its_noun(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) == "lawsuit"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The lawsuit was announced by KTVN on Tuesday. The network is also asking the "
            "court for an “immediate order returning the pass.”",
            "“immediate order returning the pass.”",
            "KTVN",
        ),
        (
            "The Harbor Ledger reported the fire on Monday. “Three homes burned,” the "
            "newspaper said.",
            "“Three homes burned,”",
            "The Harbor Ledger",
        ),
    ],
)
def test_an_outlet_noun_is_the_outlet_just_given_as_source(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


def test_an_outlet_noun_with_no_outlet_before_stays_described() -> None:
    text = "Jo Roe said the fire was out. “Three homes burned,” the network said."
    assert covering_speaker(text, "“Three homes burned,”") == "network"


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("a report by the Harbor Free Press", "Harbor Free Press"),
        (
            "a new study from the Government Accountability Office",
            "Government Accountability Office",
        ),
    ],
)
def test_a_document_by_a_named_body_is_that_body(mention: str, name: str) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name) == ("name", name)


def test_a_document_by_people_described_stays_a_description() -> None:
    assert parse_mention("a report by researchers").kind == "description"
