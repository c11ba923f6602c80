"""``“…,” said ROLE NAME`` where the role holds an acronym in capitals (``US``, ``WHO``)
or a lowercase phrase with a preposition: the name closing the phrase is the speaker."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "“The case is the largest,” said US Attorney for the District of Ohio "
            "Tom J. Hale when the firm pleaded guilty.",
            "Tom J. Hale",
        ),
        (
            "“The world is more vulnerable,” said WHO specialist in infectious diseases "
            "Dr. Ann Veder.",
            "Ann Veder",
        ),
        ("“The plan works,” said agency head of research Ann Veder.", "Ann Veder"),
        # no name closes the phrase: the description speaks
        ("“The plan works,” said a specialist in infectious diseases.", None),
    ],
)
def test_inverted_long_role_then_name(text: str, name: str | None) -> None:
    assert speaker_of(text, "The")[0] == name


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("director of communications Jane Doe", "Jane Doe", "director of communications"),
        (
            "WHO specialist in infectious diseases Dr. Ann Veder",
            "Ann Veder",
            "WHO specialist in infectious diseases",
        ),
        # the name after a preposition is whom the speaker serves
        ("a spokesman for Senator John Smith", None, "a spokesman for Senator John Smith"),
        (
            "a professor at Southern New Hampshire University",
            None,
            "a professor at Southern New Hampshire University",
        ),
    ],
)
def test_description_closed_by_a_name(text: str, name: str | None, role: str) -> None:
    m = parse_mention(text)
    assert (m.name, m.role) == (name, role)
