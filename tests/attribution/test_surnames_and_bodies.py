"""Names and offices of invented text: a generational suffix (``Jr``, ``III``) ends a name,
a title word that is a common surname (``King``, ``Bishop``) closing a name after a first
name is the surname, and an "and" inside a committee's or a department's name (``Ways and
Means``) joins one body, not two people."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Martin Luther King Jr", "Martin Luther King Jr", None),
        ("Martin Luther King Jr.", "Martin Luther King Jr.", None),
        ("Billie Jean King", "Billie Jean King", None),
        ("Billie Jean King Jr", "Billie Jean King Jr", None),
        ("Kevin Judge", "Kevin Judge", None),
        ("Tom Major", "Tom Major", None),
        ("Mary Ann Bishop", "Mary Ann Bishop", None),
        ("Jo Roe III", "Jo Roe III", None),
        # a title before the name stays a title
        ("King Salman", "Salman", "King"),
        ("Judge Jeanine Pirro", "Jeanine Pirro", "Judge"),
        ("Major Tom Lee", "Tom Lee", "Major"),
        ("Bishop Ann Roe", "Ann Roe", "Bishop"),
    ],
)
def test_suffix_and_surname_title_end_the_name(text: str, name: str, role: str | None) -> None:
    m = parse_mention(text)
    assert (m.kind, m.name, m.role) == ("name", name, role)


@pytest.mark.parametrize(
    "text",
    ["the King", "the Saudi King", "Jordan’s King"],
)
def test_a_title_after_a_place_or_determiner_is_no_surname(text: str) -> None:
    m = parse_mention(text)
    assert m.name is None or "King" not in m.name


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Committee on Ways and Means Chairman Kevin Brady",
            "Kevin Brady",
            "Committee on Ways and Means Chairman",
        ),
        (
            "House Ways and Means Chairman Kevin Brady",
            "Kevin Brady",
            "House Ways and Means Chairman",
        ),
        ("Energy and Commerce Chairman Greg Walden", "Greg Walden", "Energy and Commerce Chairman"),
        (
            "Secretary of Health and Human Services Alex Azar",
            "Alex Azar",
            "Secretary of Health and Human Services",
        ),
        (
            "Senate Armed Services Committee Chairman John McCain",
            "John McCain",
            "Senate Armed Services Committee Chairman",
        ),
    ],
)
def test_an_and_inside_a_body_name_joins_one_body(text: str, name: str, role: str) -> None:
    m = parse_mention(text)
    assert (m.kind, m.name, m.role, m.members) == ("name", name, role, ())


@pytest.mark.parametrize(
    ("text", "members"),
    [
        ("Mayor Bill de Blasio and Governor Andrew Cuomo", ("Bill de Blasio", "Andrew Cuomo")),
        ("Jo Roe and Ways and Means Chairman Kevin Brady", None),
    ],
)
def test_two_people_coordinated_stay_two(text: str, members: tuple[str, ...] | None) -> None:
    m = parse_mention(text)
    if members is not None:
        assert m.members == members
    else:
        assert m.name != "Kevin Brady" or m.members


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Martin Luther King Jr said: “I have a dream about the future of this land.”",
            "I have a dream",
            ("Martin Luther King Jr", None),
        ),
        (
            "Billie Jean King said: “Tennis was always about more than winning a match.”",
            "Tennis was always",
            ("Billie Jean King", None),
        ),
        (
            "Committee on Ways and Means Chairman Kevin Brady said: “The tax bill will pass "
            "before the end of the year.”",
            "The tax bill",
            ("Kevin Brady", "Committee on Ways and Means Chairman"),
        ),
    ],
)
def test_speakers_of_suffixed_and_office_names(
    text: str, quote: str, speaker: tuple[str, str | None]
) -> None:
    assert speaker_of(text, quote) == speaker
