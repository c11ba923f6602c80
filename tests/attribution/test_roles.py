"""A speaker's role without the sentence's opening words (attribution/roles.py)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read

from spinscope.attribution.roles import clean_role, opens_with_time


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        # a time, a focus adverb or a conjunction before the description goes
        ("Last Wednesday White House press secretary", "White House press secretary"),
        ("Last week Pope", "Pope"),
        ("Earlier this week Senator", "Senator"),
        ("On Monday, the mayor", "the mayor"),
        ("Tuesday, Fox News host", "Fox News host"),
        ("Even her assistant", "her assistant"),
        ("Only President", "President"),
        ("If President", "President"),
        ("As Cardinal", "Cardinal"),
        ("Of course", None),
        ("Indeed, the senator", "the senator"),
        ("Clarke spoke", None),
        # the main clause run on past the appositive is cut off
        (
            "a prominent supporter known for his views on immigration, opened an "
            "investigation into the birth certificate in 2011",
            "a prominent supporter known for his views on immigration",
        ),
        # a role that was only those words, a fronted phrase or a look is none
        ("Monday night", None),
        ("Only time", None),
        ("Rather than making a straightforward", None),
        ("Despite its", None),
        ("No wonder why the critics", None),
        ("Understand that", None),
        ("clad in a red, white and blue gingham shirt", None),
        ("his", None),
        (None, None),
        # names and titles that begin with such a word stay whole
        ("Sunday Times reporter", "Sunday Times reporter"),
        ("Monday Night Football host", "Monday Night Football host"),
        ("Spring Valley mayor", "Spring Valley mayor"),
        ("Once-jailed activist", "Once-jailed activist"),
        ("White House press secretary", "White House press secretary"),
        ("Former Cabinet minister", "Former Cabinet minister"),
    ],
)
def test_clean_role(role: str | None, expected: str | None) -> None:
    assert clean_role(role) == expected


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Last Wednesday White House press secretary Jo Sanders said the plan was “finished.”",
            "Jo Sanders",
            "White House press secretary",
        ),
        (
            "Tom Knight, clad in a red, white and blue gingham shirt, said the team was "
            "“the best I ever had.”",
            "Tom Knight",
            None,
        ),
    ],
)
def test_the_role_shown(text: str, name: str, role: str | None) -> None:
    got = [(r.name, r.role) for r in read(text) if r.name]
    assert got and got[0] == (name, role)


def test_a_description_of_opening_words_only_names_no_one() -> None:
    text = "The plan is new. Only time will tell whether it works."
    assert [(r.source, r.speaker) for r in read(text)] == [("Only time", None)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a time before the comma is no name for the speaker after it
        (
            "Last Friday, President Reyes made the following announcement: “I will not "
            "block the release.”",
            "Reyes",
        ),
        (
            "The vote is near.\n\nLate Tuesday, dozens of senators introduced a bill that "
            "would “end the fight.”",
            None,
        ),
    ],
)
def test_a_time_is_no_name(text: str, name: str | None) -> None:
    names = {r.name for r in read(text) if r.source}
    assert names == {name}


@pytest.mark.parametrize(
    ("words", "time"),
    [
        ("Last Friday", True),
        ("On Sunday", True),
        ("Late Tuesday", True),
        ("Last September", True),
        ("Friday", True),
        # a name a day begins, a first name a month spells
        ("Sunday Times", False),
        ("June Walsh", False),
    ],
)
def test_opens_with_time(words: str, time: bool) -> None:
    assert opens_with_time(words) is time
