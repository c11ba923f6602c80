"""Attributions that report no one's words: an infinitive with no source (``fail to
tell``); and the close shapes that stay. Invented texts."""

from __future__ import annotations

import pytest

from spinscope.attribution import analyse
from spinscope.document import Document


def _found(text: str) -> list[tuple[str, str | None]]:
    """``(cue, source)`` of every attribution of ``text``."""
    atts, *_ = analyse(Document(text))
    return [
        (text[a.cue[0] : a.cue[1]], text[a.source[0] : a.source[1]] if a.source else None)
        for a in atts
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tenants could face a fine if they fail to tell the landlord that a pipe has "
        "burst in the flat.",
        "It is funny to think about how small the old market once was.",
    ],
)
def test_an_infinitive_without_a_source_is_no_attribution(text: str) -> None:
    assert [cue for cue, src in _found(text) if src is None] == []


@pytest.mark.parametrize(
    ("text", "cue_word"),
    [
        # the infinitive's subject is found: it stays
        ("The minister declined to comment on the report about the burst pipes.", "comment"),
        ("The landlord refused to say whether the pipes had been checked.", "say"),
    ],
)
def test_an_infinitive_with_its_source_stays(text: str, cue_word: str) -> None:
    assert any(cue_word in cue and src is not None for cue, src in _found(text))
