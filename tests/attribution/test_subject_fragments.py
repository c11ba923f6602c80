"""What closes a subject but names no one, on invented text: a sentence adverb, an
adverb and a participle clause, the subject's own verb run into the mention, a plural
noun of people opening the sentence, and headings before a colon (a list item's place,
a noun that names no one)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("mention", "kind", "name", "role"),
    [
        # a sentence adverb closing the subject is no part of it
        ("The campaign nevertheless", "description", None, "The campaign"),
        ("The city council however", "description", None, "The city council"),
        ("Senator Ann Lee meanwhile", "name", "Ann Lee", "Senator"),
        # a sentence adverb opening the subject is no part of it either
        ("Once again the media", "description", None, "the media"),
        ("Once more, Senator Ann Lee", "name", "Ann Lee", "Senator"),
        # an adverb and a participle say what they were doing
        ("Reporters quickly Googling the phrase", "description", None, "Reporters"),
        ("Neighbours hastily gathering outside", "description", None, "Neighbours"),
        # the subject's own verb
        ("The Post ran", "name", "The Post", None),
        # plural nouns of people describe them; surnames and bodies ending in s stay names
        ("Reporters", "description", None, "Reporters"),
        ("Protesters", "description", None, "Protesters"),
        ("Jones", "name", "Jones", None),
        ("Reuters", "name", "Reuters", None),
        # a share of a group is described, not named
        ("Some Republicans", "description", None, "Some Republicans"),
        ("Most Americans", "description", None, "Most Americans"),
        # a name ending in -ing with no adverb before it stays a name
        ("President Xi Jinping", "name", "Xi Jinping", "President"),
    ],
)
def test_what_closes_a_subject(mention: str, kind: str, name: str | None, role: str | None) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name) == (kind, name)
    if role is not None:
        assert m.role == role


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # a place heading a list item, or a noun that names no one, before a colon
        ("New Hampshire: “The polls close at seven and we expect results soon.”", []),
        ("Second phase: “We will begin construction of the new bridge in the spring.”", []),
        # people, and whoever issued a report or a response, still speak
        ("Ann Lee: “We will begin construction of the new bridge in the spring.”", ["Ann Lee"]),
        (
            "The spokesman: “We will begin construction of the bridge in the spring.”",
            ["The spokesman"],
        ),
        (
            "The GOP report: “Construction of the bridge will begin in the spring.”",
            ["The GOP"],
        ),
        (
            "Trump’s response: “We will begin construction of the wall in the spring.”",
            ["Trump’s"],
        ),
    ],
)
def test_headings_before_a_colon(text: str, sources: list[str]) -> None:
    assert [r.source for r in read(text) if r.source] == sources


def test_a_headline_subject_before_a_colon_still_speaks() -> None:
    text = "Lee on end of the probe: ‘We have to find the truth’\n\nThe probe ended on Friday."
    assert [r.source for r in read(text) if r.source] == ["Lee on end of the probe"]
