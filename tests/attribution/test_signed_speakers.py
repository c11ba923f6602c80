"""Speakers a journalist would sign: no vehicle, place or clause as a speaker, a role
without the clause after it, a possessor's role noun before a name, an office told
apart from another with the same noun; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker
from tests.attribution.helpers import speaker_of as _speaker_of

from spinscope.attribution import analyse
from spinscope.attribution.mentions import parse_mention
from spinscope.document import Document

# a window of 1000 characters cut inside "my friends Ford Explorer and headed"
_FILLER = "We stood by the wall for a while and watched the crowd. " * 16


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "I met Jace when I was young.\n\n"
            "We loaded up into my friends Ford Explorer and headed over to a club. "
            + _FILLER
            + "He told me that I looked familiar.",
            "that I looked familiar",
        ),
        (
            "I met Jace when I was young.\n\n"
            "We rode in my cousins Lincoln Navigator and parked by the river. "
            + _FILLER
            + "He told me that the river was cold.",
            "that the river was cold",
        ),
    ],
)
def test_a_window_cut_mid_sentence_opens_no_subject(text: str, quote: str) -> None:
    name, role = _speaker_of(text, quote)
    assert name not in ("Ford Explorer", "Lincoln Navigator"), (name, role)


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "Reed's campaign manager Karen Vale took a similar line, saying on CNN that "
            "there were topics she wished the host had raised.",
            "there were topics",
            "Karen Vale",
        ),
        (
            "Smith's former spokesman Tom Hale struck the same note, adding that the "
            "budget was sound.",
            "the budget was sound",
            "Tom Hale",
        ),
    ],
)
def test_role_after_a_possessor_leads_to_the_name(text: str, quote: str, name: str) -> None:
    assert _speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote", "subject"),
    [
        (
            "The Manhattan billionaire gave the host a C+ for his performance, praising "
            "him for his questions.",
            "him for his questions",
            "billionaire",
        ),
        (
            "The veteran senator took the floor for an hour, attacking the bill as reckless.",
            "the bill as",
            "senator",
        ),
    ],
)
def test_subject_ends_at_its_verb(text: str, quote: str, subject: str) -> None:
    name, role = _speaker_of(text, quote)
    assert subject in f"{name} {role}", (name, role)
    assert " gave " not in f"{name} {role}" and " took " not in f"{name} {role}"


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        (
            "Bo Kling, a senior fellow at the Heritage Foundation, echoing the way "
            "sanctions targeted Iran",
            "Bo Kling",
            "a senior fellow at the Heritage Foundation",
        ),
        ("Ann Vale, a lawyer, noting the delay", "Ann Vale", "a lawyer"),
        ("52 West, a program devoted to Korea", "52 West", "a program devoted to Korea"),
    ],
)
def test_role_without_the_clause_after_it(mention: str, name: str, role: str) -> None:
    m = parse_mention(mention)
    assert (m.name, m.role) == (name, role)


@pytest.mark.parametrize(
    ("mention", "role"),
    [
        ("the senator, who is of Cuban descent,", "the senator"),
        ("The victim, who did not wish to be identified,", "The victim"),
    ],
)
def test_description_without_its_relative_clause(mention: str, role: str) -> None:
    m = parse_mention(mention)
    assert m.kind == "description" and m.role == role, m


@pytest.mark.parametrize(
    "mention",
    [
        "The terrorism investigation in New York and New Jersey",
        "The flood damage in Ohio",
    ],
)
def test_a_thing_and_its_place_name_no_one(mention: str) -> None:
    m = parse_mention(mention)
    assert m.name is None, m


@pytest.mark.parametrize(
    "mention", ["Authorities in New York City", "Officials in Ohio", "Residents in Maine"]
)
def test_people_in_a_place_are_the_people(mention: str) -> None:
    m = parse_mention(mention)
    assert m.kind == "description" and m.role == mention, m


@pytest.mark.parametrize(
    "text",
    [
        (
            "The nomination came on Tuesday.\n\nThe move drew protest from Sens. "
            "Marco Ruiz of Florida and Ted Cole of Texas, who have vowed to block it."
        ),
        (
            "The plan came on Tuesday.\n\nThe plan angered Rep. Ann Lo of Ohio and "
            "Rep. Di Ray of Maine, who have promised to fight it."
        ),
    ],
)
def test_who_after_a_place_is_no_place(text: str) -> None:
    _, speakers, _, _ = analyse(Document(text))
    names = [sp.name for sp in speakers]
    assert "Texas" not in names and "Maine" not in names, names


@pytest.mark.parametrize(
    ("text", "quote", "wrong"),
    [
        (
            "“Reed is a formidable foe,” Brian Fallow, Vale's national press secretary, "
            "tweeted in August.\n\nAs Vale has publicly turned to a more affirmative "
            "message, the former secretary of state has started to focus on how to "
            "present her own policies.",
            "how to present",
            "Brian Fallow",
        ),
        (
            "“We will win,” said Jo Marr, the party's general secretary.\n\nLater the "
            "secretary of defense said that the troops would stay.",
            "the troops would stay",
            "Jo Marr",
        ),
    ],
)
def test_an_office_of_something_is_another_office(text: str, quote: str, wrong: str) -> None:
    assert _speaker_of(text, quote)[0] != wrong


@pytest.mark.parametrize(
    ("text", "quote", "wrong"),
    [
        (
            "“The budget is sound,” said Bo Kling, a senior fellow at the Heritage "
            "Foundation.\n\n“A new ambassador will change nothing,” the senator said.",
            "A new ambassador",
            "Bo Kling",
        ),
    ],
)
def test_description_skips_someone_of_another_occupation(text: str, quote: str, wrong: str) -> None:
    assert _speaker_of(text, quote)[0] != wrong


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "The president nominated Jeffrey DeLaurentis on Tuesday.\n\n"
            "Barack Obama said the move was overdue. DeLaurentis is a career diplomat. "
            "He told reporters that he was honoured.",
            "that he was honoured",
            "DeLaurentis",
        ),
    ],
)
def test_surname_with_an_inner_capital_is_a_subject(text: str, quote: str, name: str) -> None:
    got, _ = _speaker_of(text, quote)
    assert got is not None and name in got, got


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "“You were in favor of it,” Reed said.\n\nVale fired back, “Well, that is "
            "just not accurate at all.”",
            "Well, that is",
            "Vale",
        ),
        (
            "“The plan is dead,” Reed said.\n\nMora shot back, “The plan is alive and "
            "well, thank you.”",
            "The plan is alive",
            "Mora",
        ),
        (
            "Ann Vale posted a photo on Tuesday.\n\n“We all know it is alive and well "
            "here,” she bemoaned. “It is infuriating.”",
            "We all know",
            "Ann Vale",
        ),
    ],
)
def test_quotation_with_a_rarer_reporting_verb(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "first", "second", "speakers"),
    [
        (
            'Reed interjected: "There is nothing crazy about it,” before the moderator '
            'reminded Reed, "This is the other side\'s two minutes, please."',
            "There is nothing",
            "This is the other",
            ("Reed", "moderator"),
        ),
        (
            "“Enough,” Mora said.\n\nMora interjected: “That is simply not true at all,” "
            "before the host told Mora, “Please let her finish her answer.”",
            "That is simply",
            "Please let her",
            ("Mora", "host"),
        ),
    ],
)
def test_quotation_ends_before_the_next_speakers_clause(
    text: str, first: str, second: str, speakers: tuple[str, str]
) -> None:
    assert covering_speaker(text, first) == speakers[0]
    assert covering_speaker(text, second) == speakers[1]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "As moderator Ann Lee tried to ask about the tapes, Reed cut off the question "
            "and said: “That is nonsense, total nonsense.”",
            "That is nonsense",
            "Reed",
        ),
        (
            "When host Tom Hale asked about the budget, Vale waved it away and said: “We "
            "will balance it next year.”",
            "We will balance",
            "Vale",
        ),
    ],
)
def test_main_clause_quotation_is_not_the_subordinate_clauses(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "“I did not support the war,” Reed said.\n\nHolt corrected him, saying, “The "
            "record shows otherwise.”",
            "The record shows",
            "Holt",
        ),
        (
            "“We won,” Reed said.\n\nVale interrupted him, adding, “Nobody won that night.”",
            "Nobody won",
            "Vale",
        ),
    ],
)
def test_participle_after_a_short_clause_shares_its_subject(
    text: str, quote: str, speaker: str
) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("The entire time he", "he"),
        ("A few days later I received", "I"),
        ("After the meeting she", "she"),
    ],
)
def test_fronted_adverbial_before_a_pronoun_is_the_pronoun(mention: str, expected: str) -> None:
    m = parse_mention(mention)
    assert m.kind == "pronoun" and m.text == expected, m


@pytest.mark.parametrize(
    "mention", ["Addressing Reed directly", "Responding to Vale", "Speaking Tuesday"]
)
def test_participle_opening_a_sentence_names_no_one(mention: str) -> None:
    m = parse_mention(mention)
    assert m.kind == "pronoun" and m.name is None, m


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        ("Hear CNN Political Director David Chalian", "David Chalian", "CNN Political Director"),
        ("Watch Senator Ann Vale", "Ann Vale", "Senator"),
        ("Johnson goes", "Johnson", None),
        ("Mayor Ann Vale went", "Ann Vale", "Mayor"),
    ],
)
def test_name_without_the_verb_around_it(mention: str, name: str, role: str | None) -> None:
    m = parse_mention(mention)
    assert (m.name, m.role) == (name, role), m


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The university later released a statement on Twitter addressing the "
            "incident.\n\n“What happened is not part of our values,” the statement said.",
            "What happened",
            "university",
        ),
        (
            "The city council released a statement on Friday about the delay.\n\n“We "
            "regret the delay to our residents,” the statement said.",
            "We regret",
            "city council",
        ),
    ],
)
def test_statement_is_its_issuers(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Don King, who is black, said the word on stage.", "Don King", "the word on stage"),
        ("Ann Vale, who is a nurse, said the words twice.", "Ann Vale", "the words twice"),
    ],
)
def test_name_with_a_relative_clause_is_the_subject(text: str, speaker: str, content: str) -> None:
    atts, speakers, links, _ = analyse(Document(text))
    found = [
        (speakers[sid].name, " ".join(text[s:e] for s, e in att.content))
        for att, sid in zip(atts, links, strict=True)
        if sid is not None
    ]
    assert (speaker, content) in found, found


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "The mayor spoke on Monday.\n\n‘We will not back down from this fight,” Vale "
            "said on Monday.",
            "We will not back down",
            "Vale",
        ),
        (
            "The vote came late.\n\nReed said: ‘This is the end of the road for the project.”",
            "This is the end",
            "Reed",
        ),
    ],
)
def test_quotation_opened_with_a_single_mark_closed_with_a_double(
    text: str, quote: str, speaker: str
) -> None:
    atts, speakers, links, _ = analyse(Document(text))
    start = text.index(quote)
    end = text.index("”", start) + 1
    found = [
        speakers[sid].name
        for att, sid in zip(atts, links, strict=True)
        if sid is not None and any(s <= start - 1 and end <= e for s, e in att.content)
    ]
    assert found == [speaker], found


@pytest.mark.parametrize(
    ("mention", "role"),
    [
        ("all the campaign", "the campaign"),
        ("All the ministry", "the ministry"),
        ("all the officials", "all the officials"),
    ],
)
def test_all_before_a_singular_noun_is_no_role(mention: str, role: str) -> None:
    m = parse_mention(mention)
    assert m.role == role, m


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "Obama said that the US would work with allies on new sanctions.\n\n"
            "Republican presidential nominee Donald Reed has held out the possibility of "
            "talks. He said the plan was sound.",
            "the plan was sound",
            "Donald Reed",
        ),
        (
            "Obama said that the talks would go on.\n\nDemocratic candidate Ann Vale "
            "was in Ohio on Monday. She said the talks had failed.",
            "the talks had failed",
            "Ann Vale",
        ),
    ],
)
def test_pronoun_takes_a_subject_a_role_introduced(text: str, quote: str, name: str) -> None:
    assert _speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "Vale and her aides have tried to keep a lid on leaks about the debate "
            "process, preferring not to telegraph their plans.",
            "leaks",
        ),
        (
            "For all of the endless talk about Florida and Ohio, it is most important to "
            "watch Virginia.",
            "For all of the endless talk",
        ),
    ],
)
def test_a_topic_before_a_bare_preposition_is_no_speaker(text: str, topic: str) -> None:
    atts, speakers, links, _ = analyse(Document(text))
    linked = [
        sid
        for att, sid in zip(atts, links, strict=True)
        if att.source is not None and text[att.source[0] : att.source[1]] == topic
    ]
    assert linked and all(sid is None for sid in linked), [speakers[s] for s in linked if s]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        (
            "“I did well. He asked me about that,” Reed said. “Then she will say “’Wow, "
            "I never knew.’ Hey, she will be unimpressed.”\n\n“He did not ask about "
            "the emails at all,” he said.",
            "He asked me",
        ),
        (
            "“We won the vote. They told us about it,” Vale said. “The paper wrote “a "
            "landslide” and it was right.”",
            "They told us",
        ),
    ],
)
def test_quotation_inside_a_quotation_keeps_the_paragraph_quoted(text: str, inner: str) -> None:
    atts, speakers, links, _ = analyse(Document(text))
    at = text.index(inner)
    # the words inside the quotation are no attribution of their own
    assert not any(
        att.source is not None and att.source[0] <= at < att.source[1] + 3 for att in atts
    ), [text[a.source[0] : a.source[1]] for a in atts if a.source]
    covering = [
        speakers[sid].name
        for att, sid in zip(atts, links, strict=True)
        if sid is not None and any(s <= at < e for s, e in att.content)
    ]
    assert covering and covering[0] in ("Reed", "Vale"), covering


def test_a_verb_before_on_to_keeps_its_subject() -> None:
    text = "Reed and Vale went on to debate crime rates for nearly ten minutes."
    _, speakers, links, _ = analyse(Document(text))
    names = [speakers[sid].name for sid in links if sid is not None]
    assert "Reed and Vale" in names, names


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Her protest angered U.S. Soccer, which released a statement saying that it "
            "goes against its values.\n\n“We expect our players to stand for the anthem,” "
            "the statement reads in part, according to ESPN.",
            "We expect",
            "U.S. Soccer",
        ),
        (
            "The city council released a statement on Friday about the delay.\n\n“We "
            "regret the delay to our residents,” the statement says, according to the "
            "Daily Planet.",
            "We regret",
            "city council",
        ),
    ],
)
def test_document_read_is_its_issuers_not_the_outlets(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
