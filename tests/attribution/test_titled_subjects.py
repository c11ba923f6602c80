"""A person a sentence introduces as its subject after an office (``Secretary of State
Rex Tillerson visited``) is the antecedent of a ``he``/``she`` after it, as an untitled
subject is; a clash of gender or two people leave the pronoun unresolved. Invented text."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import speaker_of

_SAID = " He said the commitment is now open-ended."


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The army is ready. Secretary of State Rex Tillerson visited Syria on Wednesday."
            + _SAID,
            "Rex Tillerson",
        ),
        (
            # the titled subject is more recent than the speaker before it
            "President Bashar Assad has called the plan a betrayal. Secretary of State Mike "
            "Pompeo visited Syria on Wednesday." + _SAID,
            "Mike Pompeo",
        ),
        (
            "The army is ready. Secretary of Homeland Security Kirstjen Nielsen visited "
            "Texas on Wednesday. She said the border is closed.",
            "Kirstjen Nielsen",
        ),
        (
            # a surname alone after the office, the gender told by "Mr." before
            "Mr. Tillerson is a former oilman. The army is ready. Secretary of State "
            "Tillerson visited Syria on Wednesday." + _SAID,
            "Tillerson",
        ),
        (
            "Rex Tillerson is a former oilman. The army is ready. Secretary Tillerson "
            "visited Syria on Wednesday." + _SAID,
            "Tillerson",
        ),
        # an office before a surname makes a person, as "Minister" does
        (
            "The army is ready. Secretary Tillerson visited Syria on Wednesday." + _SAID,
            "Tillerson",
        ),
        (
            "The army is ready. Foreign Minister Sergei Lavrov visited Damascus on "
            "Wednesday. He said the talks would resume.",
            "Sergei Lavrov",
        ),
    ],
)
def test_a_titled_subject_is_the_pronouns_antecedent(text: str, name: str) -> None:
    quote = text[text.rindex(" said ") + 6 :]
    assert speaker_of(text, quote)[0] == name


@pytest.mark.parametrize(
    "text",
    [
        # the one the text calls "Ms." is no "he"
        "Ms. Haley is a former governor. The army is ready. Ambassador Haley visited "
        "Syria on Wednesday." + _SAID,
        # of the other gender
        "The army is ready. Secretary of Defense Jim Mattis visited Syria on Wednesday. "
        "She said the commitment is now open-ended.",
        # two people, either of them
        "The army is ready. Secretary of State Rex Tillerson and Defense Secretary Jim "
        "Mattis visited Syria on Wednesday." + _SAID,
        "The army is ready. Rex Tillerson and Defense Secretary Jim Mattis visited Syria "
        "on Wednesday." + _SAID,
    ],
)
def test_no_sure_titled_subject_leaves_the_pronoun_unresolved(text: str) -> None:
    quote = text[text.rindex(" said ") + 6 :]
    assert speaker_of(text, quote) == (None, None)
