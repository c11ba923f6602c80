"""The 14 PTC techniques and their definitions."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.techniques.definitions import DEFINITIONS, TECHNIQUES, definition, name


def test_fourteen_unique_labels_in_ptc_order() -> None:
    assert len(TECHNIQUES) == 14
    assert len(set(TECHNIQUES)) == 14
    assert list(TECHNIQUES) == sorted(TECHNIQUES)


def test_every_label_has_a_name_and_a_short_definition() -> None:
    for label in TECHNIQUES:
        tech = DEFINITIONS[label]
        assert tech.label == label
        assert tech.name and name(label) == tech.name
        text = definition(label)
        assert 30 < len(text) < 300
        assert text.endswith(".")


def test_unknown_label_raises() -> None:
    with pytest.raises(KeyError):
        definition("Not_A_Technique")


@pytest.mark.data
def test_labels_match_the_corpus(shared_data: Path) -> None:
    listed = (shared_data / "ptc" / "techniques.txt").read_text("utf-8").split()
    assert list(TECHNIQUES) == listed
