"""A capitalised title after a possessive ("In his Annual Message") is something of the
speaker's, never a rival person for the pronoun in that sentence; a person named in the
sentence still is."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        # the title belongs to "his": the pronoun stays with the person in focus
        (
            "James Polk spoke often. He said the war was just. In his Annual Message in "
            "December, he said “the losses weigh on every family.”",
            "the losses weigh",
            "James Polk",
        ),
        (
            "Ann Lee ran the fund for a decade. In her Quarterly Letter last May, she "
            "wrote that “returns were poor.”",
            "returns were poor",
            "Ann Lee",
        ),
        # a person the sentence itself names before the pronoun is still the rival
        (
            "James Polk spoke often. In December, the cabinet heard Senator Tom Hale, "
            "and he said “the losses weigh on every family.”",
            "the losses weigh",
            "Tom Hale",
        ),
    ],
)
def test_possessed_title_is_no_rival(text: str, quote: str, name: str) -> None:
    assert speaker_of(text, quote)[0] == name
