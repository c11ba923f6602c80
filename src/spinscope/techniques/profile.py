"""An article's technique profile: how much propaganda, of which kinds, where.

Reads the ``techniques`` span group (run the ``techniques.v1`` component first) and
counts words outside boilerplate only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spinscope.document import Document
from spinscope.techniques.definitions import DEFINITIONS, TECHNIQUES

__all__ = ["TechniqueProfile", "TopSpan", "technique_profile"]

_WORD = re.compile(r"\w+(?:[''’-]\w+)*", re.UNICODE)


@dataclass(frozen=True)
class TopSpan:
    """One of the most confident technique spans, with its text and definition."""

    start: int
    end: int
    label: str
    name: str
    score: float
    text: str
    definition: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "name": self.name,
            "score": round(self.score, 4),
            "text": self.text,
            "definition": self.definition,
        }


@dataclass(frozen=True)
class TechniqueProfile:
    """Technique statistics of one article.

    Attributes:
        words: words outside boilerplate.
        spans: technique spans (one per span and label) at or above ``min_score``.
        per_1000_words: ``spans`` per 1,000 words.
        counts: spans per technique label (all 14 labels, zeros included).
        top: the ``k`` most confident spans.
        min_score: the score cut applied.
    """

    words: int
    spans: int
    per_1000_words: float
    counts: dict[str, int] = field(default_factory=dict)
    top: tuple[TopSpan, ...] = ()
    min_score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "spans": self.spans,
            "per_1000_words": round(self.per_1000_words, 3),
            "counts": dict(self.counts),
            "top": [t.to_dict() for t in self.top],
            "min_score": self.min_score,
        }


def _count_words(doc: Document) -> int:
    return sum(len(_WORD.findall(doc.text[a:b])) for a, b in doc.content_ranges())


def technique_profile(doc: Document, *, k: int = 5, min_score: float = 0.0) -> TechniqueProfile:
    """Profile ``doc`` from its ``techniques`` group (spans in boilerplate are ignored)."""
    spans = [
        s
        for s in doc.group("techniques")
        if (s.score or 0.0) >= min_score and not doc.is_boilerplate(s)
    ]
    words = _count_words(doc)
    counts = Counter(s.label for s in spans)
    ranked = sorted(spans, key=lambda s: (-(s.score or 0.0), s.start, s.end, s.label))[:k]
    top = tuple(
        TopSpan(
            s.start,
            s.end,
            s.label,
            DEFINITIONS[s.label].name if s.label in DEFINITIONS else s.label,
            float(s.score or 0.0),
            doc.span_text(s),
            DEFINITIONS[s.label].definition if s.label in DEFINITIONS else "",
        )
        for s in ranked
    )
    return TechniqueProfile(
        words=words,
        spans=len(spans),
        per_1000_words=1000.0 * len(spans) / words if words else 0.0,
        counts={t: counts.get(t, 0) for t in TECHNIQUES},
        top=top,
        min_score=min_score,
    )
