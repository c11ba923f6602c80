"""Scare quotes in narration (a few words inside a noun phrase, with no word saying
anyone spoke them) are found but given no speaker; quoted words a speech verb or a
calling construction reports stay the source's (invented texts)."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a scare quote inside a prepositional adjunct: no one's words
        (
            "President Tom Ray has sent a strong message to the city over its ban on the "
            "“peaceful activities” of the group.",
            "“peaceful activities”",
            None,
        ),
        # the object of a verb that reports nothing
        (
            "Senator Ann Lee spoke on Monday. In turn, Republicans would provide an "
            "“iron-clad commitment” that the funds will be included.",
            "“iron-clad commitment”",
            None,
        ),
        # a speech verb between the cue and the quotation: the source's words
        (
            "A Tory minister has attacked the rebels, claiming they “drank wine” at the vote.",
            "“drank wine”",
            "Tory minister",
        ),
        # a calling construction: the source's words
        (
            "Senator Ann Lee criticized the new law as a “crazy system” during a stop in Ohio.",
            "“crazy system”",
            "Ann Lee",
        ),
        (
            "Tom Ray likened the rebels to a “vicious snake” in a speech.",
            "“vicious snake”",
            "Tom Ray",
        ),
        # a speech noun says whose words they are
        (
            "Ann Lee recalled his statement that the mayor lacks the “look” of a leader.",
            "“look”",
            "Ann Lee",
        ),
        # the quotation inside the verb's own that-/whether-clause: the clause is the
        # source's, whatever the marks flag in it
        (
            "Dr. Ann Lee wondered whether or not this limit is also behind our “eureka!” moments.",
            "“eureka!”",
            "Ann Lee",
        ),
        (
            "In other words, Tom Ray showed that the awareness of the “a-ha!” moment comes later.",
            "“a-ha!”",
            "Tom Ray",
        ),
        # a whole quoted sentence is no scare quote
        (
            "Tom Ray sent a message over the ban on the “We will never give up on this city.”",
            "“We will never give up on this city.”",
            "Tom Ray",
        ),
    ],
)
def test_scare_quotes(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker
