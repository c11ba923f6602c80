"""Speakers of invented text: ``he``/``she`` inside a clause opened by a person's own
speech or text (``Tom Reed's address in which he told``; ``an article written by Tom
Reed …. In it, he claims``) is that person, the possessor or the author an antecedent
only here; no person, two authors, or one of the other gender, leaves it unresolved."""

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
        (
            # "In it," opens the sentence after the text its author was named with
            "Few were moved by Ann Lee. In 2005, an article written by Tom Reed was posted "
            "on the union's site. In it, he claims the mills are “a dying trade.”",
            "a dying trade",
            "Tom Reed",
        ),
        (
            "The mayor spoke first. A letter signed by Ann Lee reached the council on "
            "Monday. In it she warns that “fares will double.”",
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
        (
            # two authors named: "he" may be either
            "A letter written by Tom Reed and a column written by Paul Hart came out. "
            "In it, he claims the mills are “a dying trade.”",
            "a dying trade",
        ),
        (
            # the author is a woman: "he" is someone else
            "An article written by Ann Lee was posted on the site. In it, he claims the "
            "mills are “a dying trade.”",
            "a dying trade",
        ),
    ],
)
def test_no_person_owns_the_speech(text: str, quote: str) -> None:
    assert covering_speaker(text, quote) is None
