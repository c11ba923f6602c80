"""Pronouns and descriptions the blind sets sent to the wrong speaker, on invented text:
a person in focus whose first name no list knows, and the rules that keep a pronoun
from a person named only before."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the surname opening a clause before a past verb is the person in focus, though
        # the lists know no "Brody"; the judge named earlier is not "he"
        (
            "Brody Malvo's firm had posted the files, but Judge Robert Hale ordered them "
            "taken down. Malvo complied with the order. He told reporters the fight was "
            "not over. “We will win on appeal,” he said.",
            "“We will win on appeal,”",
            "Brody Malvo",
        ),
        (
            "Tavin Roeck founded the shop, and Mayor Daniel Ruiz closed it on Monday. "
            "Roeck appealed at once. “This is not the end,” he said.",
            "“This is not the end,”",
            "Tavin Roeck",
        ),
        # a capitalised word before the comma is no part of the name
        (
            "The dean asked a former Ombudsperson for Students, Brody Malvo, to "
            "investigate.\nMalvo interviewed 38 students.\nHis findings, he wrote, do "
            "“not support the claim.”",
            "“not support the claim.”",
            "Brody Malvo",
        ),
    ],
)
def test_unlisted_first_name_in_focus(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a middle name is no unlisted first name: the man named by a listed first name
        # and killed is not made the one in focus by his surname
        (
            "The shooting of Keith Lamont Peale shook the town. Peale himself had five "
            "children. Mary Ode spoke at the meeting. “We are tired,” she said.",
            "“We are tired,”",
            "Mary Ode",
        ),
        # a known first name of the other gender still rules the surname out
        (
            "Tanja Berg met Karl Weiss and Paul Roth on Monday. Weiss left early. Roth "
            "stayed. “They never listen to us,” she says.",
            "“They never listen to us,”",
            "Tanja Berg",
        ),
    ],
)
def test_listed_names_keep_their_gender(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a title no list knows does not hide the name after it from the pronoun
        (
            "The backlash\nLast night Vicechief Oren Talvik made a strong claim on radio "
            "that the board had no plan.\nHe said: “We asked them what to tell the workers.”",
            "“We asked them what to tell the workers.”",
            "Oren Talvik",
        ),
        (
            "On Monday Provost Dana Kell said the vote would wait. “We need more time,” she said.",
            "“We need more time,”",
            "Dana Kell",
        ),
    ],
)
def test_unlisted_title_before_a_name(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # one named for comparison ("Like Hale,") is not the "he" of the clause
        (
            "Tom Hale said the board did nothing. Jim Oakes said his view was “hopeful "
            "but wary.” Like Hale, he said the board achieved little.\n“I expect the same "
            "outcome,” he said.",
            "“I expect the same outcome,”",
            "Jim Oakes",
        ),
        # a newsletter's buttons are no one's name
        (
            "Get the news in your inbox.\nSign Up Thank you for signing up!\nDunne, the "
            "bishop of Leeds, said in the statement that the panel was ready.\n“The new "
            "members will add much,” he said.",
            "“The new members will add much,”",
            "Dunne",
        ),
    ],
)
def test_compared_and_furniture_names(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "the company" is the business the sentence before gave as a source
        (
            "Police said they had opened a case.\nBurgerville told Fox News that it is "
            "helping the police.\n“We were shocked to see this video,” the company said.",
            "“We were shocked to see this video,”",
            "Burgerville",
        ),
        # "the letter" is the words of the one the article gave the letter to
        (
            "The letter, written by former MI5 head Sir Tom Hale and former army chief "
            "Lord Reed, and obtained first by Sky News, claims the deal is a risk.\n"
            "HEADLINE ABOUT SOMETHING ELSE\n“The first "
            "duty of the state is security,” the letter says.",
            "“The first duty of the state is security,”",
            "Tom Hale",
        ),
        # a possessed document is its owner's words, and so is "the message" after it
        (
            "Staff fell ill in March. The consulate's travel alert says the staff "
            "reported “strange sounds.”\n“We are taking these reports seriously,” the "
            "message says.",
            "“We are taking these reports seriously,”",
            "consulate",
        ),
    ],
)
def test_issued_words_go_to_the_issuer(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a person the sentence before named is no company
        (
            "Tom Hale told Fox News that he is helping the police.\n“We were shocked,” the "
            "company said.",
            "“We were shocked,”",
            "company",
        ),
        # a document described anew may be another one
        (
            "The letter, written by former MI5 head Sir Tom Hale and former army chief "
            "Lord Reed, and obtained first by Sky News, claims the deal is a risk.\n"
            "“The state failed,” the second letter says.",
            "“The state failed,”",
            "second letter",
        ),
        # an unnamed person's letter has no issuer to find
        (
            "The mother's letter asks for help.\n“Please call us,” the letter says.",
            "“Please call us,”",
            "letter",
        ),
    ],
)
def test_issuer_not_guessed(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "On Monday the National Kayak Federation, the country's largest paddling group, said "
            "the law was moot.\n“Unsafe boats have been banned for years,” the NKF said "
            "in a statement.",
            "“Unsafe boats have been banned for years,”",
            "National Kayak Federation",
        ),
        (
            "The NKF said the law was moot.\n“Unsafe boats have been banned for years,” "
            "the National Kayak Federation said.",
            "“Unsafe boats have been banned for years,”",
            "National Kayak Federation",
        ),
    ],
)
def test_acronym_is_the_named_organisation(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("NRA", "National Rifle Association", True),
        ("DOJ", "Department of Justice", True),
        ("U.N.", "United Nations", True),
        ("NRA", "National Republican Party", False),
        ("Trump", "Donald Trump", False),
        ("ABC", "Alice Beth Cole", False),
    ],
)
def test_acronym_of(a: str, b: str, same: bool) -> None:
    from spinscope.attribution.mentions import _acronym_of

    assert _acronym_of(a, b) is same


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a month's name is the surname of a person the article named in full
        (
            "Prime Minister Ellen May lost a vote. May did receive a boost on Thursday "
            "from Prime Minister Kenji Abe, who said at a press conference that Japan "
            "backed her deal.\nMay told reporters that it was her deal or no deal:\n“The "
            "only way to avoid no deal is to agree a deal,” she said.",
            "“The only way to avoid no deal is to agree a deal,”",
            "Ellen May",
        ),
    ],
)
def test_month_name_as_surname(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the person the pronoun's own sentence names, not the one named before
        (
            "Tom Reed criticised the policy last year.\nThe Home Office also admitted "
            "preacher Shaykh Omar Vale into the country, though he has said: “Outsiders "
            "should be punished.”",
            "“Outsiders should be punished.”",
            "Shaykh Omar Vale",
        ),
        # the speaker named in the sentence keeps the pronoun
        (
            "“I doubt it,” Tom Reed told host Chuck Todd on NBC. “But I would not rule "
            "it out,” he added.",
            "“But I would not rule it out,”",
            "Tom Reed",
        ),
        # a sentence with an empty subject ("It was …") puts the one it names in focus
        (
            "Cory Bell also used the news to raise money.\n“This report must be public,” "
            "he tweeted.\nIt was a similar sentiment on Twitter from former Rep. Beto "
            "O’Dell of Texas.\n“Release the report to the people,” he wrote.",
            "“Release the report to the people,”",
            "Beto O’Dell",
        ),
        # a person named as an object in the sentence before is not in focus
        (
            "Cory Bell also used the news to raise money.\n“This report must be public,” "
            "he tweeted.\nBell attacked Tom Reed over the delay.\n“Release the report to "
            "the people,” he wrote.",
            "“Release the report to the people,”",
            "Cory Bell",
        ),
        # two people named in the sentence: unclear
        (
            "Tom Reed criticised the policy last year.\nThe Home Office admitted Omar "
            "Vale and later Ali Khan, though he has said: “Outsiders should be punished.”",
            "“Outsiders should be punished.”",
            None,
        ),
    ],
)
def test_person_the_pronouns_sentence_names(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a recording's speaker whom one hears saying the quotation
        (
            "The video went viral.\n“Get out of my store!” the man is heard saying on "
            "camera after tossing a drink at the person filming.",
            "“Get out of my store!”",
            "man",
        ),
        (
            "Then he walks off. The woman is heard muttering “go away now” as the crowd watches.",
            "“go away now”",
            "woman",
        ),
        (
            "“Nobody move,” the officer can be heard yelling in the footage.",
            "“Nobody move,”",
            "officer",
        ),
        # seen doing something else: no speech
        (
            "The video went viral.\n“Get out of my store!” the man is seen throwing a "
            "drink at the person filming.",
            "“Get out of my store!”",
            "unattributed",
        ),
    ],
)
def test_heard_saying(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "They said:" under a live blog's heading speaks for the one the heading names
        (
            "The barbers are open for business.\nDay trips - Cliff Park's 'The Lookout' "
            "to close\nThey said: “The Lookout will be closed from tomorrow until May.”",
            "“The Lookout will be closed from tomorrow until May.”",
            "The Lookout",
        ),
        (
            "Shops stay open.\nLeisure - Harbour Aquarium to shut its doors\nThey said: "
            "“We will reopen when we are allowed to.”",
            "“We will reopen when we are allowed to.”",
            "Harbour Aquarium",
        ),
        # a sentence above is no heading: "they" stays unresolved
        (
            "Tom Reed and Ann Lee visited Harbour Aquarium.\nThey said: “We will come "
            "back when we are allowed to.”",
            "“We will come back when we are allowed to.”",
            None,
        ),
    ],
)
def test_they_under_a_heading(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the subject of what another says is not the person in focus
        (
            "“I never backed him,” Ted Cole said on the radio.\nAfter the show, Jim Wade "
            "said Cole would have been better off telling the truth. “He could have "
            "said he was afraid of his donors,” he said.",
            "“He could have said he was afraid of his donors,”",
            "Jim Wade",
        ),
    ],
)
def test_subject_of_reported_clause_not_in_focus(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a name after an article is a place or a body, no rival for "she"
        (
            "Ann Vale was a member of the choir for sixty years. In one of her last "
            "interviews at the Grand Ole Opry she told all.\n“I loved what it stood for.”",
            "“I loved what it stood for.”",
            "Ann Vale",
        ),
        (
            "Tom Reed spoke for an hour. Outside the Lincoln Memorial he said: “We are not done.”",
            "“We are not done.”",
            "Tom Reed",
        ),
    ],
)
def test_a_name_after_an_article_is_no_rival(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
