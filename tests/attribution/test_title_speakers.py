"""Job titles written before a name are the speaker's role, not part of the name; on
invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "name", "role"),
    [
        (
            "Prosecutor Ina Holm said, “Charges are brought only where force was used.”",
            "Charges are brought",
            "Ina Holm",
            "Prosecutor",
        ),
        (
            "Judge Karl Dorn said, “The sentence stands as it was given.”",
            "The sentence stands",
            "Karl Dorn",
            "Judge",
        ),
        # Irish heads of government are titles too
        (
            "Last night Tanaiste Niall Brody said, “The plan was never put to us.”",
            "The plan was never",
            "Niall Brody",
            "Tanaiste",
        ),
        (
            "Taoiseach Aine Kelly said, “We will meet the unions on Monday.”",
            "We will meet the unions",
            "Aine Kelly",
            "Taoiseach",
        ),
    ],
)
def test_title_before_a_name_is_the_role(text: str, quote: str, name: str, role: str) -> None:
    assert speaker_of(text, quote) == (name, role)
