"""Descriptions and organisations as speakers: a description takes the name the article
gave it (``Roe, an award-winning lawyer`` … ``the lawyer said``; ``Acme Supply LLC`` …
``the company's website says``; ``the Daily Ledger reported:`` … ``the report said``),
and a document whose writer the article only describes stays its own speaker
(invented texts)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a surname alone in apposition, the person having spoken as that surname
        (
            "Dana Lee, author of a book on the family, said the senator was tired.\n\n"
            "Lee, an award-winning lawyer, also said the senator was confused.\n\n"
            "The senator will stop at nothing, according to Lee.\n\n"
            "“She has been running for years,” the lawyer said.",
            "“She has been running for years,”",
            "Dana Lee",
        ),
        # a sentence's first word before a comma is no surname
        (
            "“We will appeal,” Tom Ray said.\n\nHowever, a court-appointed lawyer "
            "disagreed.\n\n“The case is closed,” the lawyer said.",
            "“The case is closed,”",
            "lawyer",
        ),
    ],
)
def test_surname_in_apposition(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a firm named with its legal form in capitals, then "the company"
        (
            "Records show Jo Roe also owns Acme Supply LLC.\n\nThe company's website says it "
            "sold spare parts but is now “closed indefinitely.”",
            "“closed indefinitely.”",
            "Acme Supply LLC",
        ),
        (
            "Dana Ward chairs Vale Mining PLC. “We never sold to the army,” the company said.",
            "“We never sold to the army,”",
            "Vale Mining PLC",
        ),
    ],
)
def test_company_by_legal_form(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "the report" after the outlet that reported, quoted as a block
        (
            "The Daily Ledger reported:\n\nThe city council has lost its way on housing.\n\n"
            "The report said it appears “that the plan was never funded at all.”",
            "“that the plan was never funded at all.”",
            "Daily Ledger",
        ),
        # another report brought in since: "the report" may be that one
        (
            "The Daily Ledger reported that a report by the city auditor found waste.\n\n"
            "The report said “the plan was never funded at all.”",
            "“the plan was never funded at all.”",
            "report",
        ),
        # writers described, not named: the document stays its own speaker
        (
            "A report released by Republican senators on the committee accused the agency "
            "of waste.\n\n“The agency never told Congress,” the report says.",
            "“The agency never told Congress,”",
            "report",
        ),
    ],
)
def test_report_and_its_writer(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_report_brought_in_before_the_reporter() -> None:
    text = (
        "A draft congressional report accuses the charity of waste.\n\n"
        "The Health Agency reported irregularities in 2004, according to the report.\n\n"
        "“The drugs were diluted,” the report states."
    )
    assert covering_speaker(text, "“The drugs were diluted,”") == "report"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a body named by two capitalised words, never by its last word alone
        (
            "The march was a third of the size its organisers claimed.\n\n"
            "“The figure was given to us by the city,” Vale Yard said in a statement.\n\n"
            "“We have recorded no figure of our own,” the police force added.",
            "“We have recorded no figure of our own,”",
            "Vale Yard",
        ),
        # a person written by surname alone: not the force
        (
            "The march was a third of the size its organisers claimed.\n\n"
            "“The figure was given to us by the city,” Shimon Prokupecz said. Prokupecz "
            "left early.\n\n“We have recorded no figure of our own,” the police force added.",
            "“We have recorded no figure of our own,”",
            "police force",
        ),
    ],
)
def test_force_named_before(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a body's name going on with "on" after a document's "by"
        (
            "The report by the Committee on Foreign Relations says “the agency misled Congress.”",
            "“the agency misled Congress.”",
            "Committee on Foreign Relations",
        ),
        (
            "The majority report by the Permanent Subcommittee on Investigations says that "
            "“the deal was never legal.”",
            "“the deal was never legal.”",
            "Permanent Subcommittee on Investigations",
        ),
        # "the group" after a body named with "on" and "for"
        (
            "The Vale Working Group on Pastoral Care for Families is rejoicing.\n\n"
            "The group says that it often receives “requests from couples.”",
            "“requests from couples.”",
            "Vale Working Group on Pastoral Care for Families",
        ),
    ],
)
def test_body_name_kept_whole(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # an office of a body is a person described, not the body's name
        (
            "The Director of the Acme Institute said that “the data are clear.”",
            "“the data are clear.”",
            (None, "Director of the Acme Institute"),
        ),
        # … and the person the article gave that office
        (
            "Jo Roe, the director of the Acme Institute, spoke on Monday. “The data are "
            "clear,” the Director of the Acme Institute said.",
            "“The data are clear,”",
            ("Jo Roe", "the director of the Acme Institute"),
        ),
        # a body named "X of Y" whose first word is no office stays a name
        (
            "The Bank of England said that “rates will rise.”",
            "“rates will rise.”",
            ("Bank of England", None),
        ),
    ],
)
def test_office_of_a_body(text: str, quote: str, speaker: tuple[str | None, str | None]) -> None:
    assert speaker_of(text, quote) == speaker
