"""Descriptions and organisations as speakers: a description takes the name the article
gave it (``Roe, an award-winning lawyer`` … ``the lawyer said``; ``Acme Supply LLC`` …
``the company's website says``; ``the Daily Ledger reported:`` … ``the report said``),
and a document whose writer the article only describes stays its own speaker
(invented texts)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


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
