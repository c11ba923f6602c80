"""A one-word verdict or aside before a colon (``Remarkable:``, ``Translation:``) is the
writer's, no speaker label; a name or a person noun before a colon still is. Invented
text."""

from __future__ import annotations

import pytest

from spinscope.attribution import analyse
from spinscope.document import Document

_REST = ": A border army is going to occupy the north for years to come.\n\nThe talks resumed."


def _label_sources(text: str) -> list[str | None]:
    """Sources of the colon-label attributions (``NAME: words``) of ``text``."""
    atts, *_ = analyse(Document(text))
    return [
        text[a.source[0] : a.source[1]] if a.source else None
        for a in atts
        if text[a.cue[0] : a.cue[1]] == ":"
    ]


@pytest.mark.parametrize(
    "label",
    ["Remarkable", "Incredible", "Unbelievable", "Translation", "Unthinkable", "Scandalous"],
)
def test_a_verdict_before_a_colon_names_no_one(label: str) -> None:
    assert _label_sources(label + _REST) == []


@pytest.mark.parametrize("label", ["Okafor", "Moderator", "Gable", "Councilman Burke"])
def test_a_name_or_person_before_a_colon_still_speaks(label: str) -> None:
    assert _label_sources(label + _REST) == [label]
