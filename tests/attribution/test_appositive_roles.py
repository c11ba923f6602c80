"""Speakers written with a role before their name, a relative clause after a description,
a closing opinion verb or a dash and a verb, and pronouns that never stand for an
institution; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker, speaker_of

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # "Role for X, Full Name,": the appositive is the name, the role describes it
        (
            "A lawyer for the city council, Maria Lopez, told the court the plan "
            "“would ruin the neighbourhood for good”.",
            "ruin the neighbourhood",
            "Maria Lopez",
        ),
        (
            "Liberty Fund’s Director of Litigation, Hyman Stone, responded in a statement, "
            "“This is a dangerous decision for all of us.”",
            "dangerous decision",
            "Hyman Stone",
        ),
        (
            "The spokesman for the ministry, Oleg Petrov, said the talks would go on "
            "“for as long as it takes”.",
            "as long as it takes",
            "Oleg Petrov",
        ),
    ],
)
def test_role_then_name(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # the name inside "who reached out to X" is whom the speaker reached, not them
        (
            "A veteran who reached out to Fox News said the rules were "
            "“harsh on anyone who prays in public”.",
            "harsh on anyone",
            "veteran",
        ),
        (
            "A retired teacher who once worked for Governor Bill Lane said the rules were "
            "“a disgrace to the whole state”.",
            "a disgrace",
            "retired teacher",
        ),
    ],
)
def test_relative_clause_names_no_speaker(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "he" is a person: never "The White House" or "The Pentagon" written before
        (
            "The White House claims the plan will work. A veteran said the rules were "
            "harsh. “It is extremely frustrating,” the veteran said. “We live in fear every "
            "day of the week,” he said.",
            "We live in fear",
            "veteran",
        ),
        (
            "The Pentagon said today the rules would change. The White House claims the "
            "plan will work. “We live in fear every day of the week,” he said.",
            "We live in fear",
            None,
        ),
    ],
)
def test_he_is_no_institution(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # "opined" closes a quotation as "said" does, and the next quotation goes on
        (
            "Senator Jane Holt met voters on Monday. “We are going to win this race in the "
            "autumn,” the senator opined. “Nobody can stop us now.”",
            "Nobody can stop us",
            "Jane Holt",
        ),
        (
            "“Why should anybody pay for the mistakes of other people in this town?” Holt "
            "opined. “The answer is simple – they should not pay at all.”",
            "Why should anybody",
            "Holt",
        ),
        # "“…” – Reed urged.": a dash, the name and its reporting verb
        (
            "Governor Tom Reed spoke on Friday.\n\n“I ask you to leave the city before the "
            "storm arrives tonight.” – Reed urged.",
            "I ask you to leave",
            "Tom Reed",
        ),
        # a dash and a verb that reports nothing: no speaker is made up
        (
            "Governor Tom Reed spoke on Friday.\n\n“I ask you to leave the city before the "
            "storm arrives tonight.” – Reed laughed quietly.",
            "I ask you to leave",
            "unattributed",
        ),
    ],
)
def test_closing_verbs(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # a name, then a party tag: the name stays the speaker's
        (
            "“The notion that the plan works is ludicrous,” said Rep. Hakeem Jeffers, D-New York.",
            "The notion",
            "Hakeem Jeffers",
        ),
    ],
)
def test_name_then_party_tag(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a gendered role noun takes the person named since the last speaker
        (
            "Prosecutor Axel Bieler said, “Charges are brought only if it was enforced "
            "with violence.”\n\nKarin Witt is not better. The spokeswoman of the Kiel court "
            "said, “The court found no reasons for a harsher penalty in this case.”",
            "The court found",
            "Karin Witt",
        ),
        # and never a man: better no speaker
        (
            "Prosecutor John Bieler said, “Charges are brought only if it was enforced "
            "with violence.”\n\nThe spokeswoman of the Kiel court said, “The court found no "
            "reasons for a harsher penalty in this case.”",
            "The court found",
            "spokeswoman of the Kiel court",
        ),
        (
            "Mayor Anna Berg said, “The bridge will open in May.” The spokeswoman said, "
            "“We are on schedule for the opening.”",
            "We are on schedule",
            "Anna Berg",
        ),
    ],
)
def test_role_noun_gender(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


def test_capitalised_person_noun_before_a_relative_clause() -> None:
    text = (
        "An Army Veteran who reached out to Fox News said officers were "
        "“afraid of anyone who complains”."
    )
    assert covering_speaker(text, "afraid of anyone") == "Army Veteran"


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # an inverted source whose name holds a lowercase particle, then what it is
        (
            "Germans were outraged.\n\n“The incredible verdict of the court,” wrote the "
            "Bild am Sonntag newspaper. “This is the verdict that shames you all.”",
            "The incredible verdict",
            "Bild am Sonntag",
        ),
        (
            "“The ruling was a disgrace for the city,” said the Banco de Sevilla newspaper.",
            "The ruling was",
            "Banco de Sevilla",
        ),
        # a paper described, not named, stays a description
        (
            "“The verdict is a scandal for the whole country,” wrote the local newspaper.",
            "The verdict is",
            "local newspaper",
        ),
    ],
)
def test_inverted_outlet(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        ("House Minority Whip Steny Hoyer", "Steny Hoyer", "House Minority Whip"),
        ("the Bild am Sonntag newspaper", "Bild am Sonntag", "newspaper"),
    ],
)
def test_titles_and_outlet_nouns(mention: str, name: str, role: str) -> None:
    m = parse_mention(mention)
    assert (m.name, m.role) == (name, role)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a closing "Adjective group say" takes the quotation an earlier verb swallowed
        (
            "The idea behind the law is to promote a “circular economy” of waste disposal, "
            "“from product design to recycling,” French lawmakers say.",
            "from product design",
            "French lawmakers",
        ),
        (
            "“We will not give in to the pressure from the White House,” Democratic leaders said.",
            "We will not give in",
            "Democratic leaders",
        ),
    ],
)
def test_closing_group(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # an office described through its place is the person just named
        (
            "Gary Johnson said the party would grow. For his part, Bill Weld said he "
            'thought their ticket would hurt Trump more. "I think we will take more votes '
            "from Trump than Clinton,\" the former Massachusetts's governor said.",
            "I think we will take",
            "Bill Weld",
        ),
        # described through a person's organisation: not that person
        (
            'Donald Trump said the party would grow. "I think we will take more votes," '
            "the Trump campaign's spokesman said.",
            "I think we will take",
            "Trump campaign's spokesman",
        ),
    ],
)
def test_office_of_a_place(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
