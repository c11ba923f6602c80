"""Cues of invented text: an ``-ing`` participle qualifying the subject, whose phrase
runs into the sentence's copula, reports no speech; the cue further on keeps its own
source."""

from __future__ import annotations

import pytest
from tests.attribution.helpers import read, speaker_of


def test_a_participle_qualifying_the_subject_is_no_cue() -> None:
    text = (
        "One of the clearest signs showing his privilege was the fact that the Harbor "
        "Rangers said in their report that Lee refused to obey Roe’s “verbal commands.”"
    )
    assert "showing" not in [r.cue for r in read(text)]
    assert speaker_of(text, "“verbal commands.”")[0] == "Harbor Rangers"


@pytest.mark.parametrize(
    "text",
    [
        "The report, showing that the plant was unsafe, was leaked on Monday.",
        # the copula is the participle's own clause's
        "Jo Roe was busy showing how the plan was flawed.",
    ],
)
def test_a_participle_before_a_clause_of_its_own_stays_a_cue(text: str) -> None:
    assert "showing" in [r.cue for r in read(text)]
