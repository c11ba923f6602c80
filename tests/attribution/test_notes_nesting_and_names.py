"""An editor's note is no speaker, a headline's verb and a relative clause's predicate are
no part of a name, a pronoun inside a quotation is not the one quoting, a woman who
just spoke is the ``she`` after her, and a name written with an ayin stays whole: on
invented text."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import quoted, read, speaker_of

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # a bracketed editor's note between two quotations takes no "he said"
        (
            "“People do not flee unless it is desperate,” said Tom Roe, a lawyer.\n"
            "[Emphasis added]\n“I have talked to maybe 100 people today,” he said.",
            "I have talked to maybe",
            "Tom Roe",
        ),
        (
            "“We will appeal,” said Dan Vale, the firm's counsel.\n[emphasis mine]\n"
            "“The ruling is plainly wrong,” he said.",
            "The ruling is plainly wrong",
            "Dan Vale",
        ),
    ],
)
def test_an_editors_note_is_no_speaker(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name
    assert all(r.cue not in ("added", "mine") for r in read(text))


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Arizona Senate Candidate Jo Reed Refuses To Retract", "Jo Reed"),
        ("Mayor Tom Hale Plans To Sue", "Tom Hale"),
        ("Ann Lee Declines To Comment", "Ann Lee"),
        ("Denzel Reed Switches To Trump", "Denzel Reed"),
        ("Tom Hale Stuns Crowd", "Tom Hale"),
        # unchanged: a name alone
        ("Senator Jeff Sessions", "Jeff Sessions"),
    ],
)
def test_a_headline_verb_before_an_infinitive_is_no_part_of_a_name(mention: str, name: str) -> None:
    assert parse_mention(mention).name == name


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # "X said to Y, who is now Z: “…”": the quotation is X's, not the predicate's
        (
            "Green Party activist Tom Hale said to Jo Reed, who is now Arizona’s Democrat "
            "candidate for Senate: “As an individual, if I want to go fight in the army, I "
            "go over there, and I’m saying that’s a personal decision.”",
            "As an individual",
            "Tom Hale",
        ),
        (
            "In a 2003 radio interview, Green Party activist Tom Hale said to Jo Reed, who "
            "was then Arizona’s Democrat candidate for Senate: “As an individual, if I want "
            "to go fight in the army, I go over there, and I’m saying that’s a personal "
            "decision.”",
            "As an individual",
            "Tom Hale",
        ),
        # unchanged: the one answering speaks after the colon
        (
            "Green Party activist Tom Hale said to Jo Reed, who is now Arizona’s Democrat "
            "candidate for Senate: “As an individual, if I want to go fight in the army, I "
            "go over there, and I’m saying that’s a personal decision.” Reed responded: "
            "“Fine.\nI don’t care if you go and do that, go ahead.”",
            "I don’t care if you go",
            "Reed",
        ),
    ],
)
def test_a_relative_clauses_predicate_before_a_colon_is_no_source(
    text: str, quote: str, name: str
) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # "He" inside Kassam's quotation is someone else: better unnamed than Kassam
        (
            "Kassam spoke last. “You know there was a man called Paul Revere. He rode "
            "through the night. He said, ‘The British are coming, the British are "
            "coming!’ Well, we are here today,” Kassam concluded.",
            "The British are coming, the",
        ),
        (
            "“My neighbour was angry. She said, ‘This will not happen again in our "
            "street.’ And it did not,” Ann Lee told reporters.",
            "This will not happen again",
        ),
    ],
)
def test_a_pronoun_inside_a_quotation_is_not_the_one_quoting(text: str, quote: str) -> None:
    assert speaker_of(text, quote) == (None, None)


def test_a_name_inside_the_quotation_still_reports() -> None:
    text = "“We will win, and as Ann Lee said, ‘Let it all come out.’ We are ready,” Ray Dunn said."
    assert speaker_of(text, "Let it all come out")[0] == "Ann Lee"


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # the woman named in full who spoke just before is "she", not a spokeswoman
        # (a known gender) quoted before her
        (
            "Evelyn Park, a former office spokeswoman, said the letter was sent on "
            "Sunday. She said it came as no surprise. Supervisor Brenda Snipes had led "
            "the office for 15 years. In the letter, Snipes said it was her “passion "
            "and honor” to serve.\n“I am ready to pass the torch,” she wrote.",
            "I am ready to pass the torch",
            "Brenda Snipes",
        ),
        # unchanged: the spokeswoman spoke last
        (
            "Supervisor Brenda Snipes had led the office for 15 years. In the letter, "
            "Snipes said it was her “passion and honor” to serve. Evelyn Park, a former "
            "office spokeswoman, said the letter was sent on Sunday.\n“It came as no "
            "surprise to any of us,” she said.",
            "It came as no surprise",
            "Evelyn Park",
        ),
    ],
)
def test_she_is_the_woman_who_just_spoke(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "Kuwaiti cleric Sheikh Jihad Al-‘Ayesh delivered a speech. “The Jews were "
            "banished because of their deeds,” he said.",
            "The Jews were banished",
            "Jihad Al-‘Ayesh",
        ),
        (
            "Imam Omar Al-‘Aziz spoke on Friday. “We must stand together now,” Al-‘Aziz "
            "told the crowd.",
            "We must stand together",
            "Al-‘Aziz",
        ),
    ],
)
def test_a_name_written_with_an_ayin_is_one_name(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # the ayin opens no single-quoted quotation
        ("The cleric Al-‘Ayesh spoke. He said ‘we will win’ today.", ["‘we will win’"]),
        ("Sha‘ban said ‘no’ to the plan, and left.", ["‘no’"]),
    ],
)
def test_an_ayin_opens_no_quotation(text: str, quotes: list[str]) -> None:
    assert quoted(text) == quotes


@pytest.mark.parametrize(
    ("mention", "role"),
    [
        # a possessive after a final s: the office is the source, not the person
        (
            "Broward County supervisor of elections Brenda Snipes’ office",
            "Broward County supervisor of elections Brenda Snipes’ office",
        ),
        ("Mary Jones' office", "Mary Jones' office"),
        # unchanged: the possessive after a final s before a name
        ("KISS’ Gene Simmons", "KISS’"),
    ],
)
def test_a_possessive_after_a_final_s_owns_the_source(mention: str, role: str) -> None:
    assert parse_mention(mention).role == role


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # a headline's label names the person written after its noun, ayin and all
        (
            "Muslim Cleric: “We never killed anyone just for being who they were”\n\n"
            "Kuwaiti cleric Sheikh Jihad Al-‘Ayesh delivered a speech on Friday.",
            "We never killed anyone",
            "Jihad Al-‘Ayesh",
        ),
        # an office's abbreviation is its one holder, not one holding a lesser office
        (
            "Attorney General Jeff Sessions hit back on Thursday. Trump wants to fire "
            "Sessions and Deputy Attorney General Rod Rosenstein.\n“I took control of "
            "the Department of Justice the day I was sworn in,” the AG said in a "
            "statement.",
            "I took control of the Department",
            "Jeff Sessions",
        ),
        (
            "Attorney General Jeff Sessions hit back on Thursday.\n“I took control of "
            "the Department of Justice the day I was sworn in,” the AG said.",
            "I took control of the Department",
            "Jeff Sessions",
        ),
    ],
)
def test_a_label_or_an_abbreviation_takes_the_name_written(
    text: str, quote: str, name: str
) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # the quotation makes the resolved person its clause's subject: someone else speaks
        (
            "Jon Depp made a joke about the president at a festival. Critics were furious. "
            "“People assume he was kidding. Depp actually had maps and plans,” he said.",
            "People assume",
            None,
        ),
        # a name that is no subject of a clause there stays the speaker's
        (
            "Jon Depp made a joke at a festival. “Nobody is as fun as a Depp party,” he said.",
            "Nobody is as fun",
            "Jon Depp",
        ),
    ],
)
def test_a_pronoun_is_not_the_one_its_quotation_speaks_of(
    text: str, quote: str, name: str | None
) -> None:
    assert speaker_of(text, quote)[0] == name
