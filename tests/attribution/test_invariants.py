"""Invariants every attribution set keeps, checked over the invented texts the other
tests of this package parametrize (collected from their ``parametrize`` marks)."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

from spinscope.attribution import analyse
from spinscope.document import Document


def _fixture_texts() -> list[str]:
    """Every string argument named ``text`` of a parametrized test in this package."""
    texts: set[str] = set()
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        if path.stem == Path(__file__).stem:
            continue
        module = importlib.import_module(f"tests.attribution.{path.stem}")
        for _, fn in inspect.getmembers(module, inspect.isfunction):
            for mark in getattr(fn, "pytestmark", []):
                if mark.name != "parametrize":
                    continue
                spec = mark.args[0]
                names = [n.strip() for n in spec.split(",")] if isinstance(spec, str) else spec
                if "text" not in names:
                    continue
                at = names.index("text")
                for values in mark.args[1]:
                    value = values.values[0] if hasattr(values, "values") else values
                    row = value if len(names) > 1 else (value,)
                    if isinstance(row[at], str):
                        texts.add(row[at])
    return sorted(texts)


_TEXTS = _fixture_texts()


def test_fixtures_were_found() -> None:
    assert len(_TEXTS) > 150


@pytest.mark.parametrize("text", _TEXTS)
def test_no_two_attributions_share_a_source_and_overlap_in_content(text: str) -> None:
    atts, _, _, _ = analyse(Document(text))
    for n, a in enumerate(atts):
        for b in atts[n + 1 :]:
            if a.source is None or a.source != b.source:
                continue
            overlap = [(s, e) for s, e in a.content for s2, e2 in b.content if s < e2 and s2 < e]
            assert not overlap, (text[a.cue[0] : a.cue[1]], text[b.cue[0] : b.cue[1]])
