"""A headline's source of an adjective of a people, a faith or a region and a noun for
people (``Muslim Leader Calls for …``, ``French Authorities Blame …``) describes people:
it is no name made of an adjective, whatever the headline's title case capitalises."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read


def _speaker(text: str, cue: str) -> tuple[str | None, str | None]:
    r = next(r for r in read(text) if r.cue.startswith(cue))
    return r.name, r.role


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "Muslim Leader Calls for Conquest of “Rome and Paris”\n\nA spokesman in Tunis "
            "said the city would fall.",
            "Calls",
            (None, "Muslim leader"),
        ),
        (
            "French Authorities Blame Attack on “Excitement”\n\nThe authorities said the "
            "man was ill.",
            "Blame",
            (None, "French authorities"),
        ),
        (
            "Syrian Refugee Says He Was “Tortured” By Police\n\nA refugee from Homs said "
            "he was beaten.",
            "Says",
            (None, "Syrian refugee"),
        ),
        # a name after the adjective is a name, the adjective its role
        (
            "French President Emmanuel Macron Says “Chaos Is Coming”\n\nHe spoke in Paris.",
            "Says",
            ("Emmanuel Macron", "French President"),
        ),
        # a first name is no adjective
        (
            "Christian Bale Says “Acting Is Hard”\n\nHe spoke in London.",
            "Says",
            ("Christian Bale", None),
        ),
        # in a sentence, the verb in lower case: no headline's title case to undo
        (
            "French Authorities said on Monday that the attack was “an act of terror.”",
            "said",
            ("French Authorities", None),
        ),
    ],
)
def test_headline_group_is_described(
    text: str, cue: str, speaker: tuple[str | None, str | None]
) -> None:
    assert _speaker(text, cue) == speaker
