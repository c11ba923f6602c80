"""A quote goes to no one rather than to the wrong person: a pronoun keeps the subject
of the sentences it opens, a description links to the body or person it names: on
invented text."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

#: sentences that put a name out of reach of a description looking back for it
_FILLER = "The meeting ran for three long days and many spoke at it. " * 20


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # sentences opened by the same pronoun share their subject: a person named
        # after it in one of them is no new subject for the next
        (
            "Tom Hale spoke to the crowd in Dover on Sunday. He began his speech by "
            "attacking President Jo Roe for the plan. He asked the crowd, “Did you hear "
            "what the president said about the farms?”",
            "Did you hear",
            "Tom Hale",
        ),
        (
            "Tom Hale spoke to the crowd in Dover on Sunday. He began his speech by "
            "attacking President Jo Roe for the plan. He asked the crowd, “Did you hear "
            "what the president said?” He then cited the Bible, shouting, “The farms "
            "belong to us all!”",
            "The farms belong",
            "Tom Hale",
        ),
        # with no subject before the run, no one is sure: not the person attacked
        (
            "The imam has been unrepentant since the board met. He began his speech by "
            "attacking President Jo Roe for the plan. He asked the crowd, “Did you hear "
            "what the president said about the farms?”",
            "Did you hear",
            None,
        ),
        # unchanged: a person who opens the sentence before is the new subject
        (
            "Tom Hale spoke to the crowd in Dover on Sunday. President Jo Roe answered "
            "him the next day. He said, “The farms belong to us all.”",
            "The farms belong",
            "Jo Roe",
        ),
    ],
)
def test_pronoun_run_keeps_its_subject(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # far from its name, "the group" is the body it stood for before
        (
            "The bipartisan Federal Alliance of Growers met in Dover. “We back the "
            "farmers,” the group said. "
            + _FILLER
            + "The group also passed a resolution backing laws that let “farmers sell "
            "their own seed.”",
            "farmers sell",
            "Federal Alliance of Growers",
        ),
        # unchanged: another body spoke since, and "the group" may be either
        (
            "The bipartisan Federal Alliance of Growers met in Dover. “We back the "
            "farmers,” the group said. "
            + _FILLER
            + "Acme Seeds Inc. said it “welcomes the talks.” The group also passed a "
            "resolution backing laws that let “farmers sell their own seed.”",
            "farmers sell",
            "group",
        ),
        # "the force" is the police body that spoke in the sentence before
        (
            "Thames Valley Police said in a statement that the road was closed. “Please "
            "avoid the area tonight,” the force added.",
            "Please avoid",
            "Thames Valley Police",
        ),
        # unchanged: a person who spoke before is no police force
        (
            "Dana Price said in a statement that the road was closed. “Please avoid the "
            "area tonight,” the force added.",
            "Please avoid",
            "force",
        ),
    ],
)
def test_body_described_again(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the article describes both rivals so: the one in focus may be the other
        (
            "When Jo Roe attacked Al Poe over his taxes, the Republican presidential "
            "nominee had four words to say. “That makes me smart,” Poe said. “The "
            "biggest tax cuts we have ever had,” the Democratic presidential nominee "
            "said from the stage.",
            "The biggest tax cuts",
            "Democratic presidential nominee",
        ),
        # unchanged: no rival described so, the person in focus is the nominee
        (
            "Jo Roe spoke at the rally in Dover on Sunday. “The biggest tax cuts we have "
            "ever had,” the Democratic presidential nominee said from the stage.",
            "The biggest tax cuts",
            "Jo Roe",
        ),
        # unchanged: the article gave the person that party's description
        (
            "Democratic presidential nominee Jo Roe attacked Al Poe, the Republican "
            "presidential nominee, over his taxes. “The biggest tax cuts we have ever "
            "had,” the Democratic presidential nominee said from the stage.",
            "The biggest tax cuts",
            "Jo Roe",
        ),
    ],
)
def test_party_description_with_its_rival(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # an office's abbreviation is the one person the article named with it
        (
            "On Monday, DOJ Inspector General Jo Roe testified before the committee. The "
            "IG also said the files were “not clearly marked.”",
            "not clearly marked",
            "Jo Roe",
        ),
        (
            "State Attorney General Dana Price opened an inquiry. The AG said the "
            "company had “misled its customers.”",
            "misled its customers",
            "Dana Price",
        ),
        # unchanged: two people named with the office leave it unclear
        (
            "Inspector General Jo Roe met Inspector General Al Poe on Monday. The IG "
            "also said the files were “not clearly marked.”",
            "not clearly marked",
            "The IG",
        ),
    ],
)
def test_abbreviated_office_holder(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "to which X responded": X answers the one the clause spoke of
        (
            "Al Poe ran for office in Dover. At the debate, Jo Roe said Poe was rooting "
            "for a crash, to which the real-estate mogul responded, “That is called "
            "business.”",
            "That is called business",
            "Al Poe",
        ),
        # the answer of a person named in a clause coordinated after another's report
        (
            "Inspector General Jo Roe said her team found the text in May, and Rep. Al "
            "Poe then asked, “Why did we not see it until Thursday?”",
            "Why did we not see",
            "Al Poe",
        ),
        # unchanged: no one else named in the sentence, no one is guessed
        (
            "At the debate, Jo Roe spoke about the housing market, to which the "
            "real-estate mogul responded, “That is called business.”",
            "That is called business",
            "real-estate mogul",
        ),
        # unchanged: a report's own content is its speaker's
        (
            "Inspector General Jo Roe said her team found the text in May and “had no "
            "reason to doubt it.”",
            "had no reason",
            "Jo Roe",
        ),
    ],
)
def test_answer_after_another_report(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a statement's words are those of the one who spoke in it
        (
            "Acme Seeds Inc. said in a statement on Thursday that the claims were wrong. "
            "“We have met every rule,” the statement added.",
            "We have met every rule",
            "Acme Seeds Inc.",
        ),
        # unchanged: a statement no one was said to speak in stays the speaker
        (
            "Acme Seeds Inc. said on Thursday that the claims were wrong. “We have met "
            "every rule,” the statement added.",
            "We have met every rule",
            "statement",
        ),
    ],
)
def test_statement_of_its_speaker(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # counted people who say it themselves, reported by the source fronted
        (
            "According to the Dover Herald, on Friday, 65 women who have known Roe since "
            "school defended him and said he has always behaved “honorably” and treated "
            "“women with respect.”",
            "honorably",
            "65 women",
        ),
        (
            "According to the Dover Herald, on Friday, 65 women who have known Roe since "
            "school defended him and said he has always behaved “honorably” and treated "
            "“women with respect.”",
            "women with respect",
            "65 women",
        ),
        # unchanged: no clause of their own reports the words, the source does
        (
            "According to the Dover Herald, 65 women who have known Roe since school "
            "describe him as “a man of honour.”",
            "a man of honour",
            "Dover Herald",
        ),
    ],
)
def test_counted_subject_after_according_to(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a two-word description the article gave one speaker in apposition
        (
            "Dana Price, the pastoral assistant of St. Mary's Church, runs the blessings. "
            "“We stress the value of love,” explains Price. Many couples came. The "
            "pastoral assistant adds that “God is love.”",
            "God is love",
            "Dana Price",
        ),
        # unchanged: two people given that description leave it unclear
        (
            "Dana Price, the pastoral assistant of St. Mary's Church, met Jo Roe, the "
            "pastoral assistant of St. Paul's. “We stress the value of love,” explains "
            "Price. The pastoral assistant adds that “God is love.”",
            "God is love",
            "pastoral assistant",
        ),
    ],
)
def test_description_given_in_apposition(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # what one was once does not rival what one is now
        (
            "On Thursday, billionaire entrepreneur Jo Roe said that he “will win again.” "
            "The former reality TV star accused the mayor of weakness. "
            "“They are laughing at us,” Roe said.",
            "They are laughing",
            "Jo Roe",
        ),
        (
            "On Thursday, billionaire entrepreneur Jo Roe said that he “will win again.” "
            "The former reality TV star then accused the mayor of "
            "weakness: “They are laughing at us.”",
            "They are laughing",
            "Jo Roe",
        ),
        # unchanged: another occupation of today is someone else
        (
            "On Thursday, billionaire entrepreneur Jo Roe said that he “will win again.” "
            "The reality TV star then accused the mayor of weakness: "
            "“They are laughing at us.”",
            "They are laughing",
            "reality TV star",
        ),
    ],
)
def test_former_occupation_is_no_rival(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the source right after the quotation is its own, not the later report's
        (
            "The risk of the fever spreading within the region is “very high,” according "
            "to authorities, and the disease could also reach nine other countries, the "
            "Acme Health Agency has warned.",
            "very high",
            "authorities",
        ),
        # unchanged: with no such phrase the report's speaker keeps it
        (
            "The risk of the fever spreading within the region is “very high,” and the "
            "disease could also reach nine other countries, the Acme Health Agency has "
            "warned.",
            "very high",
            "Acme Health Agency",
        ),
    ],
)
def test_according_to_right_after_quotation(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the one a verb acts on right before "with his" owns the words named
        (
            "“Let us begin,” moderator Jo Roe said. Al Poe spoke first. At the very end "
            "of the debate, moderator Jo Roe confronted Poe with his statement that the "
            "mayor did not have the “look” of a leader.",
            "look",
            "Al Poe",
        ),
        # unchanged: an object of the other gender is not "his"
        (
            "Ann Lee spoke first at the debate. At the very end, moderator Tom Roe "
            "confronted Lee with his statement that the mayor did not have the “look” "
            "of a leader.",
            "look",
            None,
        ),
    ],
)
def test_possessive_after_an_object(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker
