"""Shapes of news prose that put words in the wrong place: an inverted cue after a
quotation set in the writer's sentence (``There's “…” in Iowa, said X, editor of Y,
explaining …``), ``…, as my colleague X wrote``, a quotation going on in the next
paragraph (one attribution, not two), ``told him: “…”`` (the addressee is no content),
``Mr Hancock`` after ``Matt Hancock`` and ``centrist Democrats`` (a group, not a body
named "Democrats")."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read, with_cue

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # a quoted "who" is the speaker's word, no relative clause of a subject
        (
            "There’s “less drive to pick a winner since nobody knows who the winner will be” "
            "in Iowa, said Jo Roe, managing editor of the Iowa Ledger.",
            "said",
            "Jo Roe, managing editor of the Iowa Ledger",
            (
                "There’s “less drive to pick a winner since nobody knows who the winner will be” "
                "in Iowa",
            ),
        ),
        # the participle after the appositive is what the source went on to say
        (
            "Voters want change, said Jo Roe, managing editor of the Iowa Ledger, explaining "
            "why officials back outsiders.",
            "said",
            "Jo Roe, managing editor of the Iowa Ledger",
            ("Voters want change",),
        ),
        (
            "Voters want change, said Jo Roe, managing editor of the Iowa Ledger, explaining "
            "why officials back outsiders.",
            "explaining",
            "Jo Roe, managing editor of the Iowa Ledger",
            ("why officials back outsiders",),
        ),
        # an "as" clause closing the sentence reports the clause before it
        (
            "If you follow endorsements of the field, the biggest thing is the lack of them, "
            "as my colleague Ann Vale wrote recently.",
            "wrote recently",
            "my colleague Ann Vale",
            ("If you follow endorsements of the field, the biggest thing is the lack of them",),
        ),
        (
            "The plan is dead, as Ann Vale noted.",
            "noted",
            "Ann Vale",
            ("The plan is dead",),
        ),
    ],
)
def test_cue_after_the_writers_sentence(
    text: str, cue: str, source: str, content: tuple[str, ...]
) -> None:
    r = with_cue(text, cue)
    assert (r.source, r.content) == (source, content)


_TWO_PARAGRAPHS = (
    "Former whip Jo Roe told him: “These were twelve pages of detailed laws with penalties.\n"
    "“That is why we need to scrutinise the detail before it comes into force.”\n"
    "Other news followed.\n"
)


def test_a_quotation_going_on_in_the_next_paragraph_is_one_attribution() -> None:
    reads = [r for r in read(_TWO_PARAGRAPHS) if r.cue == "told"]
    assert [(r.source, r.content, r.kind) for r in reads] == [
        (
            "Former whip Jo Roe",
            (
                "“These were twelve pages of detailed laws with penalties.",
                "“That is why we need to scrutinise the detail before it comes into force.”",
            ),
            "direct",
        )
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Jo Roe told him: “We will not wait.”", ("“We will not wait.”",)),
        ("Jo Roe told the committee: “We will not wait.”", ("“We will not wait.”",)),
    ],
)
def test_an_addressee_before_a_colon_is_no_content(text: str, content: tuple[str, ...]) -> None:
    assert with_cue(text, "told").content == content


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an honorific's surname is the person the article named in full
        (
            "Health secretary Matt Hancock was forced onto the defensive.\n"
            "Mr Hancock responded: “Sometimes we have had to move fast.”",
            "Matt Hancock",
        ),
        (
            "Health Secretary Matt Hancock was forced onto the defensive.\n"
            "Mr Hancock responded: “Sometimes we have had to move fast.”",
            "Matt Hancock",
        ),
        # another name part around the first name: someone else, or not sure who
        (
            "Beau Billy-Bob Johnson was forced onto the defensive.\n"
            "Mr Johnson responded: “Sometimes we have had to move fast.”",
            "Johnson",
        ),
        (
            "Donald Trump Jr. was forced onto the defensive.\n"
            "Mr Trump responded: “Sometimes we have had to move fast.”",
            "Trump",
        ),
        # two full names with that surname: no guess, unless the honorific tells which
        (
            "Matt Hancock and John Hancock were forced onto the defensive.\n"
            "Mr Hancock responded: “Sometimes we have had to move fast.”",
            "Hancock",
        ),
        (
            "Matt Hancock and Anna Hancock were forced onto the defensive.\n"
            "Mr Hancock responded: “Sometimes we have had to move fast.”",
            "Matt Hancock",
        ),
    ],
)
def test_an_honorifics_surname_takes_the_full_name(text: str, speaker: str) -> None:
    assert with_cue(text, "responded:").speaker == speaker


@pytest.mark.parametrize(
    ("mention", "kind", "name", "role"),
    [
        ("centrist Democrats", "description", None, "centrist Democrats"),
        ("black Democrats", "description", None, "black Democrats"),
        ("moderate Republicans", "description", None, "moderate Republicans"),
    ],
)
def test_an_adjective_before_a_party_describes_a_group(
    mention: str, kind: str, name: str | None, role: str | None
) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == (kind, name, role)


def test_a_related_story_link_is_no_speaker_label() -> None:
    text = (
        "I have lived through heat waves.\n"
        "Annie Roe: California is becoming unlivable\n"
        "Trees need time to adapt.\n"
    )
    assert [r.source for r in read(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        # a transcript's turns and a headline's label still speak
        "Rain fell.\nPENCE: Well, look, we will win this.\nKAINE: No you will not.\n",
        "Graham: Trump's Rhetoric Destroying GOP\nThe senator spoke.\n",
    ],
)
def test_labels_that_speak_stay(text: str) -> None:
    assert [r.cue for r in read(text)][:1] == [":"]


@pytest.mark.parametrize(
    ("text", "cue", "source", "content"),
    [
        # the relative clause's subject speaks; the main clause after its closing mark
        # is the writer's
        (
            "A wind storm—which some are calling an “inland hurricane”—left many without power.",
            "are calling",
            "some",
            ("an “inland hurricane”",),
        ),
        (
            "The storm, which some are calling an “inland hurricane,” left many without power.",
            "are calling",
            "some",
            ("an “inland hurricane,”",),
        ),
        (
            "The storm, which critics called a disaster, left many without power.",
            "called",
            "critics",
            ("a disaster",),
        ),
        # whom it was said to stands between the verb and its "that"
        (
            "Last month, the authority testified to the City Council that it had reached "
            "most residents.",
            "testified",
            "the authority",
            ("that it had reached most residents",),
        ),
    ],
)
def test_relative_clauses_and_hearers(
    text: str, cue: str, source: str, content: tuple[str, ...]
) -> None:
    r = with_cue(text, cue)
    assert (r.source, r.content) == (source, content)


@pytest.mark.parametrize(
    "text",
    [
        "Party officials are aligning themselves with the governor.",
        "The state’s political classes aren’t excited about the senator.",
        "Anyone eager to learn more can attend the panel.",
        "The agency was confused about which plants were available.",
        "Many party elites have doubts about the senator.",
        "Seven progressives are supporting the senator.",
        "Republicans willing to back a Democrat have not rallied behind anyone.",
        "They have so little support from centrist figures.",
        "Officials in those states have endorsed one of the two senators.",
        # what someone expected, as a comparison's baseline
        "One plant was providing more power than the grid operator expected.",
    ],
)
def test_no_speech_is_reported(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the same verbs with what was said stay cues
        ("Analysts expected that sales would fall.", "expected", ("that sales would fall",)),
        (
            "He has endorsed the view that taxes must rise.",
            "has endorsed the",
            ("that taxes must rise",),
        ),
        # a relative "that" on the noun before it is no that-clause of the cue
        (
            "The utility echoed this view in an email that urged people to help out.",
            "echoed",
            ("this view in an email that urged people to help out",),
        ),
        (
            "She told the committee that armed men had come.",
            "told",
            ("that armed men had come",),
        ),
    ],
)
def test_what_was_said_stays(text: str, cue: str, content: tuple[str, ...]) -> None:
    assert with_cue(text, cue).content == content


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        # a restrictive "who" after people in the plural stands for them
        (
            "Among the Democratic state legislators in Iowa who have argued for a candidate, "
            "Jo Roe leads.",
            "argued for",
            "Democratic state legislators in Iowa",
        ),
        ("Many of the mayors who have praised Roe got money from him.", "praised", "mayors"),
        ("Cities run by mayors who have praised Roe got money.", "praised", "mayors"),
        # members of a body after a fronted phrase are the source, not the body
        (
            "When Roe caught up in polls, centrist figures in the party emphasized their "
            "concerns about her.",
            "emphasized their concerns about",
            "centrist figures in the party",
        ),
    ],
)
def test_who_and_members_speak(text: str, cue: str, speaker: str) -> None:
    assert with_cue(text, cue).speaker == speaker


def test_a_quantifier_opening_a_sentence_names_no_organisation() -> None:
    text = "Many party elites doubt the senator. The party said no."
    assert with_cue(text, "said").name is None


@pytest.mark.parametrize(
    ("mention", "role"),
    [
        ("Pat Roe, managing editor of the Iowa Ledger", "managing editor of the Iowa Ledger"),
        ("Jo Roe, acting director of the agency", "acting director of the agency"),
        # what the speaker was doing is no role
        ("Sarah Roe, yelling to be heard over the band", None),
    ],
)
def test_a_participle_title_is_a_role(mention: str, role: str | None) -> None:
    assert parse_mention(mention).role == role


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # "to" after a verb of aiming opens what is aimed at, no short adverbial after
        # which the fronted phrase would be the content
        (
            "By 2028, the Trust aims to convert 110,000 apartments.",
            "aims",
            ("to convert 110,000 apartments",),
        ),
        ("Last year, the mayor promised to fix the roads.", "promised", ("to fix the roads",)),
    ],
)
def test_an_infinitive_is_the_content(text: str, cue: str, content: tuple[str, ...]) -> None:
    assert with_cue(text, cue).content == content


def test_a_footnote_number_ends_the_source() -> None:
    text = (
        "Roe and Vale lead, followed by Hale (11), according to Iowa Starting Line.2 Vale has "
        "the most endorsements in New Hampshire."
    )
    assert with_cue(text, "according to").source == "Iowa Starting Line"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        # a verb before the people is no part of them
        (
            "The lack of rights has implications for the planet, posit scientists in the paper "
            "titled “The importance of lands.”",
            "titled",
            "the paper",
        ),
    ],
)
def test_members_need_a_noun_phrase(text: str, cue: str, source: str) -> None:
    assert with_cue(text, cue).source == source


def test_who_after_a_copula_stays_unresolved() -> None:
    text = (
        "A large minority of the party’s voters are social conservatives who believe that "
        "it is “always wrong” to do so."
    )
    assert with_cue(text, "believe").speaker is None
