"""A name, then a relative clause giving another of the same person's names: the speaker
is shown by the name the article calls them by; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

from spinscope.attribution.mentions import parse_mention


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "“Music is the only passport I need,” Zed, whose real name is Peter Carl Anders, "
            "told a radio show on Monday. “It opens every border.”",
            "only passport",
            "Zed",
        ),
        (
            "“Music is the only passport I need,” Zed, whose real name is Peter Carl Anders, "
            "told a radio show on Monday. “It opens every border.”",
            "opens every border",
            "Zed",
        ),
        (
            "Mona Vale, whose birth name was Mary Ann Hill, said the film was “a gift”.",
            "a gift",
            "Mona Vale",
        ),
    ],
)
def test_name_before_another_name(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("Zed, whose real name is Peter Carl Anders,", "Zed"),
        # a relative clause naming someone else (the lawyer) keeps to what it was
        ("Jo Roe, whose lawyer Tom Reed", "Tom Reed"),
        ("Jo Roe, whose band played Dublin,", "Jo Roe"),
    ],
)
def test_parsed_name(source: str, name: str) -> None:
    assert parse_mention(source).name == name
