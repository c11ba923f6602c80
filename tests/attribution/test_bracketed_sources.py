"""Sources of invented text: ``(according to X)`` ends at its closing parenthesis; a
parenthesis the phrase opened itself (``Sen. Dick Durbin (D-Ill.)``) stays in it."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import covering_speaker


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Mass is changing. There is a “trivialized liturgy” (according to Pope Benedict "
            "XVI) and widespread apostasy among the faithful.",
            "“trivialized liturgy”",
            "Benedict XVI",
        ),
        (
            "Mass is changing. There is a “trivialized liturgy” (according to Ana Ruiz) and "
            "a lack of priests.",
            "“trivialized liturgy”",
            "Ana Ruiz",
        ),
        (
            "Mass is changing. There is a “trivialized liturgy,” according to Sen. Dick Durbin "
            "(D-Ill.).",
            "“trivialized liturgy,”",
            "Dick Durbin",
        ),
    ],
)
def test_a_bracketed_source_ends_with_its_parenthesis(text: str, quote: str, speaker: str) -> None:
    assert covering_speaker(text, quote) == speaker
