"""Speaker mentions (name, role) and their resolution across an article."""

from __future__ import annotations

import pytest

from spinscope.attribution.mentions import affiliation_of, country_of, parse_mention
from spinscope.attribution.speakers import resolve_speakers


@pytest.mark.parametrize(
    ("mention", "kind", "name", "role"),
    [
        (
            "Denmark’s Deputy Trade Minister Lars Holm",
            "name",
            "Lars Holm",
            "Denmark’s Deputy Trade Minister",
        ),
        (
            "Karen Ode, the Dutch Finance Ministry spokeswoman,",
            "name",
            "Karen Ode",
            "the Dutch Finance Ministry spokeswoman",
        ),
        (
            "Brigadier General Tom Reyes, head of the Joint Logistics Office",
            "name",
            "Tom Reyes",
            "Brigadier General, head of the Joint Logistics Office",
        ),
        ("Sen. Jane Doe (D-Ore.)", "name", "Jane Doe", "Sen., D-Ore."),
        ("Mr. Holm", "name", "Holm", None),
        ("Holm", "name", "Holm", None),
        ("he", "pronoun", None, None),
        ("the Danish official", "description", None, "the Danish official"),
        ("officials", "description", None, "officials"),
    ],
)
def test_speakers_parse_mention(
    mention: str, kind: str, name: str | None, role: str | None
) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == (kind, name, role)


@pytest.mark.parametrize(
    ("role", "affiliation", "country"),
    [
        ("Denmark’s Deputy Trade Minister", "Denmark", None),
        ("the Russian Foreign Ministry spokeswoman", "Russian Foreign Ministry", "Russia"),
        ("head of the Joint Logistics Office", "Joint Logistics Office", None),
        # a sentence's first word, a possessive or a quantifier is no organisation
        ("My electric utility", None, None),
        ("Many party elites", None, None),
        ("Yet some people", None, None),
        # an adjective a sentence's start capitalises, alone before a common noun
        ("Recent polls", None, None),
        ("Federal prosecutors", None, None),
        ("Senior officials at the Pentagon", "Pentagon", None),
        # the same word going on into a name stays part of it
        ("New York Times reporters", "New York Times", None),
        # people described in the plural name no body; a demonym names a country
        ("Officials", None, None),
        ("Prosecutors", None, None),
        ("Norwegian officials", "Norwegian", "Norway"),
        ("State Department officials", "State Department", None),
        ("their Haitian-born mother", None, None),
        ("Iowa and New Hampshire’s political classes", "Iowa and New Hampshire", None),
        ("a reporter at the Post and Courier", "Post and Courier", None),
        ("The CEO of California’s grid operator", "California", None),
        (
            "the head of Russia’s Centre for Reconciliation",
            "Russia’s Centre for Reconciliation",
            None,
        ),
        (None, None, None),
    ],
)
def test_speakers_affiliation(
    role: str | None, affiliation: str | None, country: str | None
) -> None:
    assert affiliation_of(role) == affiliation
    assert country_of(affiliation) == country


def _resolve(text: str, mentions: list[str | None]) -> list[str | None]:
    sources = []
    pos = 0
    for m in mentions:
        if m is None:
            sources.append(None)
            continue
        start = text.index(m, pos)
        sources.append((start, start + len(m)))
        pos = start + len(m)
    speakers, links = resolve_speakers(text, sources)
    return [speakers[i].name or speakers[i].role if i is not None else None for i in links]


def test_speakers_resolve_last_name_pronoun_and_description() -> None:
    text = (
        "Denmark’s Deputy Trade Minister Lars Holm said talks failed. "
        "Karen Ode, the Dutch Finance Ministry spokeswoman, said they had not. "
        "Holm said more. She said less. The Danish official said the door was open. "
        "It is known that prices rose."
    )
    mentions = [
        "Denmark’s Deputy Trade Minister Lars Holm",
        "Karen Ode, the Dutch Finance Ministry spokeswoman,",
        "Holm",
        "She",
        "The Danish official",
        None,
    ]
    assert _resolve(text, mentions) == [
        "Lars Holm",
        "Karen Ode",
        "Lars Holm",
        "Karen Ode",  # "she": the spokeswoman, not the most recent speaker
        "Lars Holm",  # "Danish" ~ "Denmark’s"
        None,
    ]


def test_speakers_pronoun_finds_a_subject_named_earlier() -> None:
    text = "Maria Lopez, the city’s mayor, spoke on Monday. She said the budget was balanced."
    assert _resolve(text, ["She"]) == ["Maria Lopez"]


def test_speakers_who_resolves_to_the_name_before_it() -> None:
    text = "The plan was backed by Tom Reyes, who said it would work."
    assert _resolve(text, ["who"]) == ["Tom Reyes"]


def test_speakers_unnamed_sources_stay_anonymous() -> None:
    text = "Officials said the plan failed. A spokesperson said it did not."
    speakers, links = resolve_speakers(text, [(0, 9), (32, 46)])
    assert [s.name for s in speakers] == [None, None]
    assert all(s.anonymous for s in speakers)
    assert links == [0, 1]


def test_speakers_pronoun_does_not_pick_a_capitalised_noun_phrase() -> None:
    text = "The White Helmets group was founded in 2013. He said it was a fraud."
    assert _resolve(text, ["He"]) == [None]  # unresolved: no speaker rather than a guess


def test_speakers_punctuation_only_mention_does_not_crash() -> None:
    text = "N.H. - The senator said it would pass."
    speakers, links = resolve_speakers(text, [(5, 6), (7, 18)])
    # a mark alone names no one; the senator after it is still found
    assert links[0] is None and links[1] is not None
    assert speakers[links[1]].role == "senator"


# Pronouns agree in gender and number with the person they name, within a window;
# otherwise they stay unresolved (None) rather than guessed.
@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "Mark Dole said the deal was dead. Anna Price said it was alive. "
            "He said talks would resume. She said they would not.",
            ["Mark Dole", "Anna Price", "He", "She"],
            ["Mark Dole", "Anna Price", "Mark Dole", "Anna Price"],
        ),
        (
            "Hillary Vance said the plan was sound. "
            "Tom Reed replied briefly. “It will fail.” He said so twice.",
            ["Hillary Vance", "He"],
            ["Hillary Vance", "Tom Reed"],
        ),
        (
            "Israel said the strike hit a depot. "
            "“I am from the city and I was very afraid,” she said.",
            ["Israel", "she"],
            ["Israel", None],
        ),
        (
            "Officials at the ministry said the road was closed. They said it would reopen.",
            ["Officials at the ministry", "They"],
            ["Officials at the ministry", "Officials at the ministry"],
        ),
        (
            "Paul Grant said the vote was rigged. They said it was not.",
            ["Paul Grant", "They"],
            ["Paul Grant", None],
        ),
        (
            "Ruth Hale said it. " + "The weather stayed calm for days. " * 40 + "She said more.",
            ["Ruth Hale", "She"],
            ["Ruth Hale", None],
        ),
        (
            "Clinton’s campaign manager, Robby Mook, shrugged off Johnson’s impact. "
            "“He is fading,” he said.",
            ["he"],
            ["Robby Mook"],
        ),
    ],
)
def test_speakers_pronoun_agreement(
    text: str, mentions: list[str | None], expected: list[str | None]
) -> None:
    assert _resolve(text, mentions) == expected


# A speaker is a person, an organisation or an explicit description, never a fragment.
@pytest.mark.parametrize(
    ("mention", "name", "role"),
    [
        ("When Meghan", "Meghan", None),
        ("Now Barney Frank", "Barney Frank", None),
        ("Getty Joe Arpaio", "Joe Arpaio", None),
        ("despite President", None, "despite President"),
        ("Allegations", None, "Allegations"),
        ("Story", None, "Story"),
        (
            "The National Oceanic and Atmospheric Administration",
            "National Oceanic and Atmospheric Administration",
            None,
        ),
        ("Speaker of the House Nancy Pelosi", "Nancy Pelosi", "Speaker of the House"),
        ("Boise, Idaho (CNN) Donald Trump Jr.", "Donald Trump Jr.", None),
        ("Senate Leader Harry Reid in an interview on Monday", "Harry Reid", "Senate Leader"),
        ("James Arnold of the Detroit Police", "James Arnold", "of the Detroit Police"),
        ("a senior official", None, "a senior official"),
        # a conjunction opening the sentence is no part of the description
        ("Yet some people", None, "some people"),
        ("But the senator", None, "the senator"),
    ],
)
def test_speakers_names_are_validated(mention: str, name: str | None, role: str | None) -> None:
    m = parse_mention(mention)
    assert (m.name, m.role) == (name, role)


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "John McCain said the test failed. The Arizona Republican said it was sabotage.",
            ["John McCain", "The Arizona Republican"],
            ["John McCain", "John McCain"],
        ),
        (
            "When Meghan said she felt alone, the palace was silent.",
            ["When Meghan"],
            ["Meghan"],
        ),
    ],
)
def test_speakers_descriptions_and_openers(
    text: str, mentions: list[str | None], expected: list[str | None]
) -> None:
    assert _resolve(text, mentions) == expected
