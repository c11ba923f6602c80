"""Speakers of invented text: ``he``/``she`` inside a clause opened by a person's own
speech or text (``Tom Reed's address in which he told``) is that person, the possessor
an antecedent only here; no person, or one of the other gender, leaves it unresolved."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Few noticed Tom Reed's 2019 Harbor Day Address in which he told a cheering "
            'crowd that "the mills are closing."',
            "the mills are closing",
            "Tom Reed",
        ),
        (
            "The tape is from Ann Lee's speech, in which she said the port “will never reopen.”",
            "will never reopen",
            "Ann Lee",
        ),
        (
            "The board met Paul Hart. Then came Ann Lee's interview in which she warned "
            "that “fares will double.”",
            "fares will double",
            "Ann Lee",
        ),
    ],
)
def test_the_owner_of_a_speech_speaks_in_it(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            # the possessor is a woman: "he" is someone else, no one sure
            "Few noticed Ann Lee's 2019 address in which he told a crowd that "
            '"the mills are closing."',
            "the mills are closing",
        ),
        (
            # a country owns the statement: no person to stand for "he"
            'Few read Britain\'s statement in which he said that "the mills are closing."',
            "the mills are closing",
        ),
    ],
)
def test_no_person_owns_the_speech(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) is None
