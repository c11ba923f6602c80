"""Who says a quotation: speakers end to end, from text to the attribution's speaker.

Fixtures are written for these tests, in the shape of errors seen on real pages.
"""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker as _speaker_of

from spinscope.attribution.component import analyse
from spinscope.document import Document


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the quote's sentence ends at "!”": the next sentence names the speaker
        (
            "The actor was asked about the remake at the premiere. "
            "“I would never do that again, not for any money!” Quipped Pitt. "
            "The crowd laughed.",
            "I would never do that again, not for any money!",
            "Pitt",
        ),
        (
            "The actor was asked about the remake at the premiere. "
            "“Would I do it again? Not for any money?” Pitt quipped. The crowd laughed.",
            "Would I do it again? Not for any money?",
            "Pitt",
        ),
        # a dash and a name after the quotation
        (
            "The letter was found on Monday.\n\n"
            "“I do not want this burden on my shoulders any longer.” – Jeremy Hale\n\n"
            "Police said the case was closed.",
            "I do not want this burden on my shoulders any longer.",
            "Jeremy Hale",
        ),
        # a paragraph that continues the attributed one
        (
            "Mayor Lena Ortiz said the bridge would be rebuilt by spring.\n\n"
            "“We have the money and we have the will to finish it.”\n\n"
            "The council meets on Friday.",
            "We have the money and we have the will to finish it.",
            "Lena Ortiz",
        ),
        # a lead-in ending in a colon, then two quoted paragraphs
        (
            "Anna Berg, who runs the clinic, told the paper:\n\n"
            "“Nobody here has been paid for three months now.”\n\n"
            "“We keep working because the patients keep coming.”\n\n"
            "The ministry did not respond.",
            "We keep working because the patients keep coming.",
            "Anna Berg",
        ),
        # a quotation inside running text with no cue stays unattributed
        (
            "The plan, a “blank cheque for the builders and their friends,” passed on Monday.",
            "blank cheque for the builders and their friends,",
            "unattributed",
        ),
    ],
)
def test_adjacent_quotes_take_the_speaker_next_to_them(
    text: str, quote: str, speaker: str | None
) -> None:
    assert _speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # two people of different gender: each pronoun goes to the one that agrees
        (
            "Prince Harold Vane said the palace had failed them. "
            "His wife, Mira Vane, said she had asked for help. "
            "“I was very alone,” she said. "
            "“Nobody at the palace helped her at all,” he said.",
            "Nobody at the palace helped her at all,",
            "Harold Vane",
        ),
        (
            "Prince Harold Vane said the palace had failed them. "
            "His wife, Mira Vane, said she had asked for help. "
            "“I was very alone and afraid,” she said.",
            "I was very alone and afraid,",
            "Mira Vane",
        ),
        # an interview: the interviewer asks, the guest answers
        (
            "In the interview, Oprah Winfrey asked Prince Harry about his family. "
            "Harry said his father had stopped taking his calls. "
            "“I felt really let down,” he said. Winfrey asked whether Meghan had been warned. "
            "“She was never told anything about the press,” Harry said of Meghan.",
            "She was never told anything about the press,",
            "Harry",
        ),
        (
            "Oprah Winfrey interviewed the couple on Sunday. Meghan said the palace had "
            "ignored her. “I just didn't want to be alive anymore,” she told Winfrey.",
            "I just didn't want to be alive anymore,",
            "Meghan",
        ),
        # a woman's quote after a sentence about a country: never the country's
        (
            "Israel said its forces struck a depot in the north overnight.\n\n"
            "“I am from the city and I was very afraid of the noise,” she said.",
            "I am from the city and I was very afraid of the noise,",
            None,
        ),
        # a sentence opener is no part of the name
        (
            "When Meghan said “I did not want to be alive anymore,” the hosts fell silent.",
            "I did not want to be alive anymore,",
            "Meghan",
        ),
        # an organisation whose name has "and" in it stays whole
        (
            "The National Oceanic and Atmospheric Administration said “the storm will weaken "
            "before it reaches the coast.”",
            "the storm will weaken before it reaches the coast.",
            "National Oceanic and Atmospheric Administration",
        ),
    ],
)
def test_adjacent_speakers_end_to_end(text: str, quote: str, speaker: str | None) -> None:
    assert _speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The senator spoke for an hour. The same can't be said of his rival, who left early.",
        "You can see the damage from the road. The bridge was closed on Monday.",
        "We don't need more delays on this road.",
        "Our Standards: The Trust Principles of the newsroom.",
    ],
)
def test_adjacent_non_speech_is_not_attributed(text: str) -> None:
    atts, *_ = analyse(Document(text))
    assert [text[a.cue[0] : a.cue[1]] for a in atts] == []


def test_adjacent_all_caps_slogan_stays_in_the_article_voice() -> None:
    text = (
        "Obama said the economy had recovered in his second term.\n\n"
        "“MAKE AMERICA GREAT AGAIN AND AGAIN.”\n\n"
        "The slogan was printed on every hat."
    )
    assert _speaker_of(text, "MAKE AMERICA GREAT AGAIN AND AGAIN.") == "unattributed"


def test_two_that_clauses_are_one_content() -> None:
    """ "said A and that B": both clauses are what was said, not only B."""
    import spinscope

    nlp = spinscope.load(components=["boilerplate.v1", "sentences.v1", "attribution.v1"])
    doc = nlp("The minister said the plan was sound and that critics were wrong.")
    (att,) = doc.group("attributions")
    parts = [doc.text[c["start"] : c["end"]] for c in att.attrs["content"]]
    assert parts == ["the plan was sound and that critics were wrong"]
