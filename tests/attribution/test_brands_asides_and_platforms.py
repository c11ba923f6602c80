"""Speakers of invented text: a pronoun never taken for a one-word brand, a business's
bare noun standing for the firm named, an aside between dashes, a platform after the
verb, a time phrase before a passive's agent, and a button's text glued to a source."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

from spinscope.attribution.mentions import parse_mention
from spinscope.attribution.speakers import _brand_shaped


@pytest.mark.parametrize(
    ("word", "brand"),
    [
        ("NewsPadReport", True),
        ("InfoDaily", True),
        ("YouTube", True),
        ("McCain", False),
        ("DeSantis", False),
        ("LeBron", False),
        ("Archer-Bradshaw", False),
        ("O’Neil", False),
        ("Smith", False),
        ("NASA", False),
        ("MPs", False),
    ],
)
def test_brand_shaped_words(word: str, brand: bool) -> None:
    assert _brand_shaped(word) is brand


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the outlet that reported the words is no "he": the person named before it is
        (
            "Tom Reed spoke at a rally in Ohio today. As NewsPadReport reported:\n\n"
            "“We have caught the man who set the fire,” he said of the suspect.",
            "“We have caught the man who set the fire,”",
            "Tom Reed",
        ),
        # a double-barrelled surname is still a person's
        (
            "Dr Ana Archer-Bradshaw said the forms had been sent out. “We are very glad "
            "to see this today,” she added.",
            "“We are very glad to see this today,”",
            "Ana Archer-Bradshaw",
        ),
    ],
)
def test_a_pronoun_skips_a_brand(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Two managers were charged on Monday. Harbor Fish Foods faces a fine of $1 "
            "million. “We are sad about the loss of our colleague,” company said in a "
            "statement.",
            "“We are sad about the loss of our colleague,”",
            "Harbor Fish Foods",
        ),
        (
            "Harbor Fish Foods faces a fine of $1 million. “We disagree with the charges "
            "filed today,” the company said in a statement.",
            "“We disagree with the charges filed today,”",
            "Harbor Fish Foods",
        ),
    ],
)
def test_the_company_is_the_firm_named(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_the_company_with_no_firm_named_stays_unresolved() -> None:
    text = (
        "Two managers were charged on Monday with safety breaches. “We disagree with the "
        "charges filed today,” the company said in a statement."
    )
    assert covering_speaker(text, "“We disagree with the charges filed today,”") in (
        None,
        "company",
    )


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Talk show host Tom Reed – no friend of the mayor – said that the mayor is "
            "right about taxes.",
            "that the mayor is right about taxes",
            "Tom Reed",
        ),
        (
            "Ann Lee -- who has played 300 rounds of golf -- said in a statement that the "
            "course was closing.",
            "that the course was closing",
            "Ann Lee",
        ),
        # the pronoun of the lead-in takes the person the aside sentence named
        (
            "Talk show host Tom Reed – no friend of the mayor – said that the mayor is "
            "right about taxes. Here’s what he said:\n\n“He is right about taxes, and "
            "every once in a while he says something right.”",
            "“He is right about taxes, and every once in a while he says something right.”",
            "Tom Reed",
        ),
    ],
)
def test_the_subject_before_an_aside_speaks(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # one hyphen on each side joins no aside: no subject is read back over it
        ("The move - a well-known tactic - said nothing about the plan.", "nothing about the plan"),
        # a copula's subject is what is meant, not who speaks
        (
            "The idea behind the law — following the summit held in Paris last fall — is "
            "to promote a “circular economy” of waste, lawmakers say.",
            "a “circular economy” of waste",
        ),
    ],
)
def test_no_source_is_read_back_over_dashes(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) in (None, "unattributed", "lawmakers")


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Tom Lee, 45, died on Wednesday. His daughter Anna Lee posted on Wednesday "
            "morning that Tom had died.\n\n“Bereft and full of grief, but strangely "
            "peaceful in the knowledge that he is now free from all suffering,” Anna "
            "posted on Facebook.",
            "“Bereft and full of grief, but strangely peaceful",
            "Anna Lee",
        ),
        (
            "Ann Lee took to Facebook to complain about the fines. The message below was "
            "posted to Facebook a few weeks ago by Ann after she got her fourth ticket – "
            "“I am so angry about the laws we have in this state.”",
            "“I am so angry about the laws we have in this state.”",
            "Ann Lee",
        ),
    ],
)
def test_posted_words_are_the_posters(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Buy Now The lawsuit", "The lawsuit"),
        ("Shop Now The company", "The company"),
    ],
)
def test_a_glued_button_is_no_part_of_the_source(text: str, role: str) -> None:
    assert parse_mention(text).role == role


@pytest.mark.parametrize("text", ["Buy Now", "Click Here", "Order Now Tom Lee"])
def test_a_button_alone_names_no_one(text: str) -> None:
    assert parse_mention(text).kind == "pronoun"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Three men were charged. Harbor Heights Chief of Police, Tom Lee, spoke to "
            "reporters during a brief press conference this morning.\n\n“Though this is "
            "extremely rare, it does exist. It is the most bizarre case I have seen.”",
            "“Though this is extremely rare, it does exist.",
            "Tom Lee",
        ),
        (
            "The suspects were arrested. Ann Roe spoke to reporters.\n\n“We are very happy "
            "with the result today.”",
            "“We are very happy with the result today.”",
            "Ann Roe",
        ),
        # a person named in full gave an explanation, remarks, jokes: the words follow
        (
            "On Sunday’s show, Janet Brown gave a baffling explanation for why she believes "
            "fact checking has no place at debates.\n\n“I think if you start getting into "
            "fact checking, I am not sure where it ends.”",
            "“I think if you start",
            "Janet Brown",
        ),
        # a person named by title, known from before
        (
            "President Tom Reyes spoke on Monday.\n\nThe president made his comments in a "
            "series of posts this morning.\n\n“The agent should have recused himself on "
            "day one.”",
            "“The agent should have",
            "Tom Reyes",
        ),
    ],
)
def test_a_quotation_after_a_briefing_is_the_briefers(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a description, not a name, addressed the press: no one is guessed
        "The suspects spoke to reporters.\n\n“We are very happy with the result today.”",
        # the sentence before tells of something else than addressing the press
        "Ann Roe spoke at a rally.\n\n“We are very happy with the result today.”",
        # a thing described, no title: not guessed
        "The report made its findings public on Monday.\n\n“We are very happy with the "
        "result today.”",
        # a body gave the statement: not guessed from a paragraph away
        "The Acme Group issued a statement on Monday.\n\n“We are very happy with the result "
        "today.”",
    ],
)
def test_no_briefing_no_briefer(text: str) -> None:
    assert covering_speaker(text, "“We are very happy with the result today.”") in (
        None,
        "unattributed",
    )
