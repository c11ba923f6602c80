"""A first name opening an institution's name before a person noun and the person's name
names no speaker (``Wilson Center director Rojansky`` is Rojansky), and an imperative to
the reader (``Allow the dermatologist to repeat that:``) is no speaker; on invented text."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("mention", "kind", "name", "role"),
    [
        # an institution opened by a first name, a person noun, then the person's name
        ("Wilson Center director Rojansky", "name", "Rojansky", "Wilson Center director"),
        ("Morgan Library curator Hale", "name", "Hale", "Morgan Library curator"),
        # those who speak for the person named still give the person
        ("The Hillary Clinton campaign", "name", "Hillary Clinton", None),
        # unchanged: a role then a full name, a name then a phrase
        ("Harvard professor Jane Smith", "name", "Jane Smith", "Harvard professor"),
        ("Donald Trump of New York", "name", "Donald Trump", "of New York"),
    ],
)
def test_first_name_run_modifying_a_noun(
    mention: str, kind: str, name: str | None, role: str | None
) -> None:
    m = parse_mention(mention)
    assert (m.kind, m.name, m.role) == (kind, name, role)


@pytest.mark.parametrize(
    ("text", "quote", "name", "role"),
    [
        (
            "The bank grew fast. According to Wilson Center director Rojansky, the bank is "
            "“the strongest lender in the whole region.”",
            "the strongest lender",
            "Rojansky",
            "Wilson Center director",
        ),
    ],
)
def test_speaker_behind_a_modifying_name(
    text: str, quote: str, name: str | None, role: str | None
) -> None:
    assert speaker_of(text, quote) == (name, role)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Dr. Ann Lowe, a dermatologist, explains the process. Allow the dermatologist "
            "to repeat that: “Yes, old cells do keep the skin moist.”",
            "Yes, old cells",
        ),
        (
            "The coach spoke after the game. Let the coach say it again: “We were simply "
            "not good enough today.”",
            "We were simply",
        ),
    ],
)
def test_imperative_to_the_reader_is_no_speaker(text: str, quote: str) -> None:
    _, role = speaker_of(text, quote)
    assert not (role or "").lower().startswith(("allow", "let"))
