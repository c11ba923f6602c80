"""Words that are no one's name never become a speaker's name, and a name the article
spelled out or just gave is the one a short form means: on invented text."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "quote", "name", "role"),
    [
        # an acronym after the body's full name with it in brackets: that body
        (
            "The farm was denounced by the Humane League (HL) last year. The HL described "
            "the video as “cruel and needless.”",
            "cruel and needless",
            "Humane League",
            None,
        ),
        (
            "Under the plan, Her Majesty’s Revenue and Customs (HMRC) will check goods, "
            "with HMRC saying it will “put flow first” at the ports.",
            "put flow first",
            "Her Majesty’s Revenue and Customs",
            None,
        ),
        # the body spoke first under its full name, then under its acronym
        (
            "The Humane League (HL) condemned the farm. The HL described the video as "
            "“cruel and needless.”",
            "cruel and needless",
            "Humane League",
            None,
        ),
        # unchanged: an acronym the article never spelled out stays as written
        (
            "The farm was closed. The HLF described the video as “cruel and needless.”",
            "cruel and needless",
            "The HLF",
            None,
        ),
    ],
)
def test_acronym_is_the_body_spelled_out(
    text: str, quote: str, name: str | None, role: str | None
) -> None:
    assert speaker_of(text, quote) == (name, role)


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # an age as a noun: the one person the sentence before named, wherever
        (
            "Among them was student Dana Price, who had come home. “This area was really "
            "dangerous,” the 24-year-old said.",
            "This area was really",
            "Dana Price",
        ),
        # the person the article just named as a subject
        (
            "Mark Hale told the court he was innocent. “I did nothing wrong,” the "
            "31-year-old said.",
            "I did nothing wrong",
            "Mark Hale",
        ),
        # no one named: the age stays a description, no name guessed
        (
            "A woman was hurt in the blast. “It was terrible,” the 40-year-old said.",
            "It was terrible",
            None,
        ),
    ],
)
def test_age_noun_is_the_person_just_named(text: str, quote: str, name: str | None) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # a sentence adverb before a name is no part of it
        (
            "The council met on Monday. Hence Greenfield Plan IV, which proposes that towns "
            "“may borrow freely from the fund,” is now law.",
            "may borrow freely",
            "Greenfield Plan IV",
        ),
        (
            "The council met on Monday. Thus Greenfield Plan IV, which proposes that towns "
            "“may borrow freely from the fund,” is now law.",
            "may borrow freely",
            "Greenfield Plan IV",
        ),
        # a headline's verb after a name in title case is no part of it
        (
            "Local paper slams mayor. Maria Lopez Refers to the Council as “Great Traitors” "
            "during a Speech",
            "Great Traitors",
            "Maria Lopez",
        ),
    ],
)
def test_words_around_a_name_are_no_part_of_it(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the adjective of a noun cue ("had a blunt reply:") is nobody
        (
            "The mayor spoke. But Hamm's wife had a blunt reply: “Please leave my husband alone.”",
            "Please leave my husband",
            (None, None),
        ),
        (
            "The mayor spoke. Woods had a hidden sense of humor that escaped him: “She "
            "can't even lie without help.”",
            "can't even lie",
            (None, None),
        ),
        # unchanged: the subject, when found, is the speaker
        (
            "The mayor spoke. Hamm gave a short answer: “No, never again.”",
            "No, never again",
            ("Hamm", None),
        ),
        # unchanged: a person noun after the article is the speaker described
        (
            "The mayor spoke. The union had a spokesman explain: “We disagree with him.”",
            "We disagree with him",
            (None, "spokesman"),
        ),
        # a clause (subject, verb, thing taken up) before a participle cue is nobody
        (
            "Maria Lopez wrote to the mayor. But Dorn and other city allies seized on news "
            "reported in outlets including the Daily Courier that quoted a “senior city "
            "official” as saying that the plan was dead.",
            "senior city official",
            (None, None),
        ),
        # unchanged: people a participle and a place describe
        (
            "The dockers protested. Officials stationed at ports said the strike was "
            "“plainly illegal.”",
            "plainly illegal",
            (None, "Officials stationed at ports"),
        ),
        # a place after a preposition, before a participle cue, is where, not who: the
        # clause's subject is
        (
            "Sam Ortiz was recently captured on video in Lima, Peru chanting “Down with the "
            "banks” in Spanish.",
            "Down with the banks",
            ("Sam Ortiz", None),
        ),
        # unchanged: a country as a clause's subject is its government
        (
            "Speaking in Geneva, Iran said the offer was “plainly unacceptable.”",
            "plainly unacceptable",
            ("Iran", None),
        ),
    ],
)
def test_no_speaker_from_words_that_name_no_one(
    text: str, quote: str, speaker: tuple[str | None, str | None]
) -> None:
    assert speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a document given "as an addendum by" someone: its words are that person's
        (
            "The letter included a special rescript as an addendum by Cardinal Pietro "
            "Verdi, Secretary of State. The rescript declares that the bishop intends the "
            "guidelines to bear “full authority” in the diocese.",
            "full authority",
            ("Pietro Verdi", "Cardinal"),
        ),
        # unchanged: a document no one was said to write stays its own speaker
        (
            "The letter arrived on Monday. The rescript declares that the bishop intends "
            "the guidelines to bear “full authority” in the diocese.",
            "full authority",
            (None, "rescript"),
        ),
        # an office's statement: the office, resolved to the holder the article named
        (
            "Attorney General Jeff Dorn spoke on Monday. According to the Attorney "
            "General's statement, the department “will continue to enforce the law.”",
            "will continue to enforce",
            ("Jeff Dorn", "Attorney General"),
        ),
        # no holder named: the statement stays the source, never the office's first word
        # as a name, nor a person bearing a like word
        (
            "The plan was released. According to the Foreign Minister's statement, the "
            "country “will not yield to pressure.”",
            "will not yield",
            (None, "Foreign Minister's statement"),
        ),
        (
            "Attorney Dan Wohl spoke. According to the Attorney General's statement, the "
            "department “will continue to enforce the law.”",
            "will continue to enforce",
            (None, "Attorney General's statement"),
        ),
        # unchanged: a titled name's statement is that person's
        (
            "The plan was released. According to President Obama's statement, the country "
            "“will not yield to pressure.”",
            "will not yield",
            ("Obama", "President"),
        ),
    ],
)
def test_document_words_are_its_writers(
    text: str, quote: str, speaker: tuple[str | None, str | None]
) -> None:
    assert speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # the office's holder written with a possessive ("Pope Benedict' letter")
        (
            "Last week the paper published Pope Benedict' October letter to the bishops. On "
            "the rules, the pope said in his letter: “The document is very good and "
            "explains the chapter.”",
            "The document is very good",
            "Benedict",
        ),
        (
            "Last week the paper published Pope Benedict's October letter to the bishops. "
            "On the rules, the pope said in his letter: “The document is very good and "
            "explains the chapter.”",
            "The document is very good",
            "Benedict",
        ),
        # unchanged: no holder written, no name
        (
            "Last week the paper published a letter to the bishops. On the rules, the pope "
            "said in his letter: “The document is very good and explains the chapter.”",
            "The document is very good",
            None,
        ),
    ],
)
def test_office_holder_named_with_a_possessive(text: str, quote: str, name: str | None) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "it" is never a person described by a title
        (
            "The professor did not acknowledge their error. In a tweet, it said it "
            "refunded the fee and “replaced the instructor.”",
            "replaced the instructor",
            (None, None),
        ),
        # a body named in a later sentence than the last speaking one: no guess
        (
            "The professor changed the grade, according to BuzzFeed News. A representative "
            "for Northfield College didn't immediately respond to a request for comment. In "
            "a tweet, it said it refunded the fee and “replaced the instructor.”",
            "replaced the instructor",
            (None, None),
        ),
        # unchanged: a body named as an object in the speaker's own sentence
        (
            "The Acme Institute said it would sue the Northfield Department. In a tweet, it "
            "said it had “won the first round.”",
            "won the first round",
            ("Acme Institute", None),
        ),
        # unchanged: an organisation that spoke before is "it"
        (
            "The Acme Institute said it would sue. In a tweet, it said it had “won the first "
            "round.”",
            "won the first round",
            ("Acme Institute", None),
        ),
    ],
)
def test_it_is_no_person(text: str, quote: str, speaker: tuple[str | None, str | None]) -> None:
    assert speaker_of(text, quote) == speaker


_DEBATE = "“That makes me smart,” Republican presidential nominee Donald Reed said. "


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the other party's nominee is not the one introduced as this party's
        (
            _DEBATE + "Helen Marsh spoke next, accusing Reed of “trickle-down economics.” "
            "“The biggest tax cuts ever,” the Democratic presidential nominee said.",
            "The biggest tax cuts",
            ("Helen Marsh", None),
        ),
        (
            _DEBATE + "The hopefuls clashed over “trickle-down economics.” “The biggest tax "
            "cuts ever,” the Democratic presidential nominee said.",
            "The biggest tax cuts",
            (None, "Democratic presidential nominee"),
        ),
        # unchanged: the same party's nominee is the one introduced so
        (
            _DEBATE + "The hopefuls clashed over “trickle-down economics.” “The biggest tax "
            "cuts ever,” the Republican presidential nominee said.",
            "The biggest tax cuts",
            ("Donald Reed", "Republican presidential nominee"),
        ),
    ],
)
def test_other_party_is_someone_else(
    text: str, quote: str, speaker: tuple[str | None, str | None]
) -> None:
    assert speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("mention", "kind", "name", "role"),
    [
        # the holder of an office of a body or place: a person described, not the body
        (
            "the Speaker of the House of Commons",
            "description",
            None,
            "the Speaker of the House of Commons",
        ),
        ("the Mayor of London", "description", None, "the Mayor of London"),
        # people close to, or familiar with, a name are no body of that name; what
        # they are close to is how they know, and the description is its head
        ("sources close to ABC News", "description", None, "sources"),
        (
            "people familiar with the White House",
            "description",
            None,
            "people",
        ),
        # unchanged: a body named with "of", an office before the holder's name, and a
        # person's name after an office's slipped "of"
        ("The US Secretary of Mike Pompeo", "name", "Mike Pompeo", None),
        ("the Bank of England", "name", "Bank of England", None),
        ("the University of Texas", "name", "University of Texas", None),
        ("Mayor of London Sadiq Khan", "name", "Sadiq Khan", "Mayor of London"),
    ],
)
def test_office_of_a_body_is_no_name(
    mention: str, kind: str, name: str | None, role: str | None
) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == (kind, name, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the subject of a passive cue is what was described or put out
        (
            "Franken denied it. A woman described as a “former elected official in New "
            "England” was at the event in 2006.",
            "former elected official",
            (None, None),
        ),
        # unchanged: the subject speaking in a verb of its own after the passive
        (
            "Franken denied it. A woman described as a “former elected official in New "
            "England” told the website that he tried to give her a “wet kiss” in 2006.",
            "wet kiss",
            (None, "woman"),
        ),
        (
            "The man was fired. Video of the incident reportedly was posted on a Facebook "
            "page with a request to help identify the “scum bag of the year.”",
            "scum bag of the year",
            (None, None),
        ),
        # unchanged: the active verbs, and a passive's agent after it
        (
            "The man was fired. Sara Vance posted on Facebook: “We will not rest.”",
            "We will not rest",
            ("Sara Vance", None),
        ),
        (
            "The man was fired. Sara Vance described the video as “cruel and needless.”",
            "cruel and needless",
            ("Sara Vance", None),
        ),
        (
            "Goddard, whose actions were described as “a type of fascism” by the Speaker of "
            "the House of Commons, had challenged the MP.",
            "a type of fascism",
            (None, "Speaker of the House of Commons"),
        ),
    ],
)
def test_passive_subject_is_no_speaker(
    text: str, quote: str, speaker: tuple[str | None, str | None]
) -> None:
    assert speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the verb before a reflexive cue is no part of the source's name
        (
            "Hendler’s group bills itself as a venue for “community members and leaders "
            "across the country” to organize.",
            "community members and leaders",
            (None, "Hendler’s group"),
        ),
        # unchanged: the verb inside the cue
        (
            "The group describes itself as “a home for the homeless.”",
            "a home for the homeless",
            (None, "group"),
        ),
    ],
)
def test_reflexive_cue_verb_is_no_name(
    text: str, quote: str, speaker: tuple[str | None, str | None]
) -> None:
    assert speaker_of(text, quote) == speaker
