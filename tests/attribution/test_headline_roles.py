"""Name extents around roles: a headline-case role before a name (``Rock Legend Gene
Simmons``) is the role, a role noun after a name (``Ann Lee Staffer``) makes the run a
description, a possessor and a place before a role (``Labour's London mayor Ann Lee``)
leave the name after the role, and a capitalised first word before a description
(``Popular drinking hole The Idle Hour``) is no name of its own."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "name", "role", "kind"),
    [
        ("Rock Legend Gene Simmons", "Gene Simmons", "Rock Legend", "name"),
        (
            "Harvard Law Professor Alan Dershowitz",
            "Alan Dershowitz",
            "Harvard Law Professor",
            "name",
        ),
        ("Andrew Gillum Staffer", None, "Andrew Gillum Staffer", "description"),
        # a name alone stays whole
        ("Sarah Huckabee Sanders", "Sarah Huckabee Sanders", None, "name"),
        ("Ann Mary Lee", "Ann Mary Lee", None, "name"),
    ],
)
def test_a_headline_case_role_is_no_part_of_the_name(
    text: str, name: str | None, role: str | None, kind: str
) -> None:
    m = parse_mention(text)
    assert (m.kind, m.name, m.role) == (kind, name, role)


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "The march was loud. Labour’s London mayor Ann Lee, who spoke at the march and "
            "hailed it a “historic moment,” left early.",
            "historic moment",
            "Ann Lee",
        ),
        (
            "The march was loud. Reed’s campaign manager Karen Vale, who spoke at the march "
            "and hailed it a “historic moment,” left early.",
            "historic moment",
            "Karen Vale",
        ),
        (
            "Pubs close.\nPopular drinking hole The Idle Hour will be closing, and have said "
            "it is “highly unlikely” they will be back.",
            "highly unlikely",
            "The Idle Hour",
        ),
        # a first word that is a name keeps the verb out of the subject
        (
            "Pubs close.\nOrtiz left the Harbor Gazette and said the paper was “dead.”",
            "dead",
            "Ortiz",
        ),
    ],
)
def test_a_descriptor_before_a_name_leaves_the_name(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name
