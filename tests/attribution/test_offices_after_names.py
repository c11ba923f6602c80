"""A name after a closing quotation mark, then an office of something with no article
and no comma closing it (``“…,” Jason Bassler, co-founder of the Project explained``):
the speaker is the name, the office its role, not an unresolved office."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

_UNCLOSED = (
    "Our names were on all of our pages.\n“We were verified by the site, so they know we "
    "are a real outlet.\nThey have seen our “Articles” which the state issued, where my "
    "partner lives,” Jason Bassler, {role} explained.\nThe site did not reply."
)


@pytest.mark.parametrize(
    ("role", "speaker"),
    [
        ("co-founder of the Free Thought Project", "Jason Bassler"),
        ("director of the Free Thought Project", "Jason Bassler"),
        ("a co-founder of the Free Thought Project", "Jason Bassler"),
    ],
)
def test_office_after_a_name_is_its_role(role: str, speaker: str) -> None:
    name, found_role = speaker_of(_UNCLOSED.format(role=role), "They have seen")
    assert (name, found_role) == (speaker, role)
