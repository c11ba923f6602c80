"""A passive's ``by`` agent speaks: ``was condemned as “…” by X`` (the quotation after
``as``) and a participle after ``as`` (``as expressed by X in his book: “…”``)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "The hiding of the tapes was condemned as “obstruction” by panel chairs "
            "Tom Hale and Ann Veder.",
            "obstruction",
            "Tom Hale and Ann Veder",
        ),
        (
            "The plan was denounced as “a disgrace” by Mayor Ann Veder.",
            "a disgrace",
            "Ann Veder",
        ),
        (
            "Hale was repeating Church teaching, as expressed by renowned canonist Ivo Wern "
            "in his Handbook: “In sum, a heretic loses his office.”",
            "In sum",
            "Ivo Wern",
        ),
    ],
)
def test_agent_of_a_passive_speaks(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        # no agent: the subject of a passive is spoken about, not the speaker
        ("The plan was condemned as “a disgrace” last week.", "a disgrace"),
        ("Mayor Ann Veder's plan, as expressed in her “vision for the city,” failed.", "vision"),
    ],
)
def test_passive_without_agent_has_no_speaker(text: str, quote: str) -> None:
    try:
        name = speaker_of(text, quote)[0]
    except AssertionError:
        name = None  # not attributed at all
    assert name is None
