"""Quotations whose owner the grammar names inside a sentence about someone else, and
quotations going on after the clause that introduced their speaker; on invented text."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the possessor of a speech noun whose clause the quotation repeats
        (
            "The senator also criticized Vance's suggestion that skipping the vote "
            '"shows real courage."',
            '"shows real courage."',
            "Vance",
        ),
        (
            "The mayor mocked Governor Ada Lind's claim that the bridge was “totally safe” "
            "during the storm.",
            "“totally safe”",
            "Ada Lind",
        ),
        # a reporting clause inside the content names the owner
        (
            "The Ledger reported that Morrow said that the rifles are not needed to “hunt "
            "or kill deer” and suggested they serve no one.",
            "“hunt or kill deer”",
            "Morrow",
        ),
        # a fronted "According to X," before a clause with no reporting verb
        (
            "According to the Harbor Gazette, the town hall will focus on “jobs and "
            "schools in the valley this year.”",
            "“jobs and schools in the valley this year.”",
            "Harbor Gazette",
        ),
    ],
)
def test_quotation_goes_to_the_owner_the_grammar_names(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a judgement of the statement quotes no one's words but the judge's
        (
            "Pike said on Monday that Vance's statement was “completely false” and "
            "should be withdrawn.",
            "“completely false”",
            "Pike",
        ),
        # "According to X, Name said": the named one speaks
        (
            "According to the Harbor Gazette, Morrow said the plan would “save the "
            "valley from ruin.”",
            "“save the valley from ruin.”",
            "Morrow",
        ),
    ],
)
def test_quotation_stays_with_its_speaker(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "said X, continuing, “…”": the second quotation of the sentence goes on
        (
            "“I love the old days,” said Marlow, continuing, “I was a big supporter of the "
            "project and of the workers.”",
            "“I was a big supporter",
            "Marlow",
        ),
        # a longer cue holding a reporting verb: "went on to say"
        (
            "Ortega went on to say that there are plans to redo the coins as well.  “We do "
            "not need a complete redesign of our coins.”",
            "“We do not need",
            "Ortega",
        ),
        # a short answer after a reporting clause set off by a comma
        (
            '"You have to defend her because that is your job," Lane remarked to Hale '
            'during the interview, to which Hale affirmed, "Absolutely."',
            '"Absolutely."',
            "Hale",
        ),
    ],
)
def test_quotation_goes_on_after_its_lead_in(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_pronoun_skips_a_person_quoted_inside_a_report() -> None:
    text = (
        "Ada Lind spoke in Ohio. She recalled that Mira Vane told a crowd, “I love the "
        "workers.” “That is a lie,” she said."
    )
    assert covering_speaker(text, "“I love the workers.”") == "Mira Vane"
    assert covering_speaker(text, "“That is a lie,”") == "Ada Lind"
