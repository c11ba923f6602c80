"""Quotations after shapes the cue tagger scores low or the rules dropped, on invented
text: a verb of saying whose quotation follows a comma (``He states, “…”``), ``As SRC put
it,`` / ``As SRC sees it,`` opening the clause that gives the words, and the pronoun
after a speaker whose own sentence quoted a word."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, read, speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "states", "claims" before a comma and a quotation: the tagger, trained on
        # "said", scores them low there
        (
            "Tom Reed spoke at the church on Sunday.\nHe states, “You say, ‘Why are you "
            "preaching?’ Well, come back next week.\nBecause next week is worse!”\n",
            "“You say, ‘Why are you preaching?’ Well, come back next week.\nBecause next "
            "week is worse!”",
            "Tom Reed",
        ),
        (
            "Ann Lee ran the shelter for a decade. Lee claims, “We never turned anyone away.”",
            "“We never turned anyone away.”",
            "Ann Lee",
        ),
        # an adverb before the verb, and an aside between the verb and its quotation:
        # the quotation is the content, the aside is not
        (
            "Tom Reed spoke at the church on Sunday. He zealously states, while drawing "
            "laughter from his small audience, “Come back next week if you dare.”",
            "“Come back next week if you dare.”",
            "Tom Reed",
        ),
    ],
)
def test_verb_comma_quotation(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_aside_is_no_content() -> None:
    text = (
        "Tom Reed spoke at the church. He states, while drawing laughter from his "
        "audience, “Come back next week.”"
    )
    (r,) = [r for r in read(text) if r.cue == "states"]
    assert r.content == ("“Come back next week.”",)


@pytest.mark.parametrize(
    "text",
    [
        # "States" of a country's name: no verb of saying
        "Aid flows to the United States, “a country that needs none,” the report says.",
        "Troops left the Gulf States, “for good this time,” in March.",
    ],
)
def test_no_verb_before_the_comma(text: str) -> None:
    assert all(r.cue != "States" for r in read(text))


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "As SRC put it," opens the clause that gives the source's words; it sets no
        # time of the main clause (as "When I posted it," does)
        (
            "In May, Greg Hale reported that the chief was moved out of her post.\nAs "
            "Hale put it, she was “directly involved in the program” and had an "
            "“extensive role” in it.\n",
            "“directly involved in the program”",
            "Greg Hale",
        ),
        (
            "The town voted on the plan on Monday. As one official put it, “We had no choice.”",
            "“We had no choice.”",
            "one official",
        ),
        # "As he sees it," after a subject with a particle in the name
        (
            "The turmoil provoked concern among Catholics.\nMathias von Gersdorff, an "
            "activist and book author, states on his blog, the assembly will be "
            "crucial.\nAs he sees it, “the bishops find themselves in a complicated "
            "situation,” where they will have to choose.\n",
            "“the bishops find themselves in a complicated situation,”",
            "Mathias von Gersdorff",
        ),
    ],
)
def test_as_source_put_it(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_when_clause_still_sets_a_time() -> None:
    text = "When I posted it, this assessment was backed up by “several sources.”"
    assert covering_speaker(text, "“several sources.”") in ("unattributed", None)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the last sentence's speaker quoted a word of its own: still the one in focus,
        # though a man whose gender the text tells was named before
        (
            "The league condemned Sofian Zakkout and his group in July. Besides posting "
            "videos on his page, Zakkout also posted a clip from a speech by leader Louis "
            "Farrakhan.\nDuring the clip, Farrakhan repeatedly labels the people "
            "“Satan.” He states, “Really, they are not what they say.”\n",
            "“Really, they are not what they say.”",
            "Farrakhan",
        ),
    ],
)
def test_own_quoted_word_keeps_focus(text: str, quote: str, speaker: str) -> None:
    assert speaker in (covering_speaker(text, quote) or "")


@pytest.mark.parametrize(
    "text",
    [
        # a site's address is no person a "he" may refer to
        "The Austrian website Kath.net reports that two priests have blessed couples.\n"
        "“We will not stop,” he said.\n",
        "The site Breitbart.com reported that the vote was close. “We lost,” she said.",
    ],
)
def test_web_address_is_no_person(text: str) -> None:
    quote = text[text.index("“") : text.index("”") + 1]
    assert covering_speaker(text, quote) is None


@pytest.mark.parametrize(
    ("text", "quotes", "speaker"),
    [
        # "… “X,” SRC said, “Y”": the aside splits the speaker's own sentence; the
        # sourceless passive before it is embedded, not the owner of "X"
        (
            "The judge had been accused of “softening or watering down his report,” "
            "Gowdy said, “When the reality is it was Comey who softened it.”",
            ["“softening or watering down his report,”", "“When the reality is it was"],
            "Gowdy",
        ),
        (
            "The mayor was blamed for “a decade of neglect,” Ann Roe said, “and that is fair.”",
            ["“a decade of neglect,”", "“and that is fair.”"],
            "Ann Roe",
        ),
    ],
)
def test_aside_between_quotations(text: str, quotes: list[str], speaker: str) -> None:
    for quote in quotes:
        assert speaker_of(text, quote)[0] == speaker
