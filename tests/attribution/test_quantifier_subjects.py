"""A quantifier standing alone for people (``Others said``) names no speaker, and a
``they`` after it has no sure antecedent; on invented sentences."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker

TEXT = (
    "Analysts predicted a long slump after the merger. Others argued that the shares would "
    "never fall. The old rule held, and the critics, as ever, had a line for it: first they "
    "say “that it cannot be done.”"
)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("Others posited that the plan “would never work”.", "would never work", None),
        ("Some say the new law is “a disaster for farmers”.", "a disaster", None),
        (TEXT, "cannot be done", None),
        # with no quantifier between, "they" keeps the group named before
        (
            "Analysts predicted a long slump after the merger. Then they said the shares "
            "were “a poor bet”.",
            "a poor bet",
            "Analysts",
        ),
    ],
)
def test_quantifier_is_no_speaker(text: str, quote: str, speaker: str | None) -> None:
    assert covering_speaker(text, quote) == speaker
