"""A name (or a described source) and a reporting verb closing a quotation's sentence
name its speaker: also after a short utterance, with an adjunct after the verb, and
over an earlier cue of the sentence that ran on into the quotation; ``the aide`` is the
unnamed aide the article quoted before; on invented text."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a short utterance that ends in its own punctuation, then a name and a verb
        (
            "Lena Ortiz came home late. Had the cat eaten the cake? “Wait, what?” Ortiz "
            "asked. She was starting to panic.",
            "“Wait, what?”",
            "Ortiz",
        ),
        (
            "Paul Brenner took the bus to the depot. “Not again!” Brenner shouted.",
            "“Not again!”",
            "Paul Brenner",
        ),
        # a reporting verb the tagger does not know
        (
            "Nadia Vance sat down at the table. “I am sorry my hands are so cold,” Vance "
            "apologized.",
            "“I am sorry my hands are so cold,”",
            "Vance",
        ),
        # an adjunct after the verb: the quotation, not the adjunct, is what was said
        (
            "Governor Mara Lind attacked the budget on Monday.\n\n“This is a plan that "
            "nobody wanted. What in the world are they thinking?” Lind said during a rally "
            "at Fenwick College. “Every governor I know has had a plan.”",
            "“This is a plan that nobody wanted. What in the world are they thinking?”",
            "Mara Lind",
        ),
        (
            "Senator Ada Crane spoke in Dover.\n\n“When you sit in a tower of gold, what "
            "do you care about the people that I grew up with?” Crane said of the mayor.",
            "“When you sit in a tower of gold, what do you care about the people that I "
            "grew up with?”",
            "Crane",
        ),
        # the closing clause wins over an earlier cue whose content ran on into the
        # quotation
        (
            "For every effort Oren Pike made in urging people to disagree politely, as "
            "the mayor likes to say, “Hall has shattered that,” Vietor said.",
            "“Hall has shattered that,”",
            "Vietor",
        ),
        (
            "“She is worried,” said a campaign aide. Take the mayor, who is rebuking "
            "the council just by being in office: “It is impossible not to read politics "
            "into it,” the aide said.",
            "“It is impossible not to read politics into it,”",
            "campaign aide",
        ),
        # a described source closing its own quotation
        (
            "The firms grew fast and they “exploded as they partnered with the fund for "
            "several years,” the report states.",
            "“exploded as they partnered with the fund for several years,”",
            "report",
        ),
    ],
)
def test_closing_clause_names_the_speaker(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "the aide" goes back to the unnamed aide, not to the person named in between
        (
            "“She is very worried,” said a Hale aide. Mayor Rui Costa accused the "
            "governor of “playing games” with the port. The trip is about politics, the "
            "aide acknowledged: “It is impossible not to read politics into it.”",
            "“It is impossible not to read politics into it.”",
            "Hale aide",
        ),
        # a named aide is the aide
        (
            "Al Roe, an aide to the mayor, said the plan was dead. Later Jo Lin spoke "
            "briefly. The aide said the vote would fail.",
            "the vote would fail",
            "Al Roe",
        ),
    ],
)
def test_the_aide_is_the_aide_quoted_before(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a short scare quote with no punctuation of its own is not the next name's
        "Critics called the plan “fake” and moved on. Lind said nothing.",
        "Nobody believed the “miracle” cure. Lind laughed.",
        # a closing verb followed by a clause of its own is no closing clause
        "“Wait, what?” Lind said in an interview that the plan was dead.",
    ],
)
def test_short_quotation_without_closing_clause(text: str) -> None:
    quote = text[text.index("“") : text.index("”") + 1]
    assert covering_speaker(text, quote) != "Lind"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a colon after a prepositional phrase: the verb before it reports, its subject
        # speaks ("in a soft voice" is how, not who)
        (
            "Ivo Marsh told her she would need time. Then he leaned down and said in a "
            "soft, strong voice: “But I have not even told you the best part yet.”",
            "“But I have not even told you the best part yet.”",
            "Ivo Marsh",
        ),
        # a verb coordinated after a list of actions shares the sentence's named subject
        (
            "Mara Lind sat up, looked him right in the eye, and said, “We will wait "
            "until I am president.”",
            "“We will wait until I am president.”",
            "Mara Lind",
        ),
        # a capitalised subject before the colon stays the source
        (
            "Asked how soon such a plan could be put in action, Rubio replied: “We do "
            "not know yet, first things first.”",
            "“We do not know yet, first things first.”",
            "Rubio",
        ),
        # a verb before the colon reports for its subject, after a fronted phrase that
        # ends in a preposition's object too
        (
            "Aid kept coming; six months into the program, the IMF announced: “The ratio "
            "stood at 13 percent.” Where had the money gone?",
            "“The ratio stood at 13 percent.”",
            "IMF",
        ),
    ],
)
def test_colon_after_a_manner_phrase(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "he" is not a person known only by a woman's first name: unresolved
        (
            "“Is that the plot?” Hillary asked. They both laughed. Hillary told him "
            "that she would need more time. Then he leaned down and said, “There is "
            "more to tell you.”",
            "“There is more to tell you.”",
            None,
        ),
        # the same word written as a surname is a surname
        (
            "Pastor Dale Scott was worried. “There is going to be a storm,” Scott said. "
            "Scott’s wife, Belinda Scott, prayed:\n\n“God, touch this man,” she "
            "continued.",
            "“God, touch this man,”",
            "Scott",
        ),
    ],
)
def test_pronoun_and_first_name_gender(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker
