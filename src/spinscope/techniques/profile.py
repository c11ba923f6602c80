"""An article's technique profile: how much propaganda, of which kinds, where.

Reads the ``techniques`` span group (run the ``techniques.v1`` component first) and
counts words outside boilerplate only.

The rate is computed from the calibrated scores: a span's score is the probability
that it is a correct technique span, so their sum is the *expected* number of
technique spans, and ``per_1000_words`` is that per 1,000 words. A pile of
low-confidence fragments adds little to it, where a plain count would make a wire
story look like propaganda (docs/benchmarks.md, "Technique rate", has its
distribution on PTC and on mainstream news).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spinscope.document import Document, Span
from spinscope.techniques.definitions import DEFINITIONS, TECHNIQUES

__all__ = ["TechniqueProfile", "TopSpan", "is_shown", "technique_profile"]

_WORD = re.compile(r"\w+(?:[''’-]\w+)*", re.UNICODE)


def is_shown(span: Span) -> bool:
    """True unless the component marked the span ``shown: false`` (below its display
    threshold)."""
    return span.attrs.get("shown") is not False


@dataclass(frozen=True)
class TopSpan:
    """One of the most confident technique spans, with its text and definition.

    A range with several techniques is one entry: ``label``/``name``/``score`` are the
    most confident technique's, ``labels`` and ``scores`` all of them.
    """

    start: int
    end: int
    label: str
    name: str
    score: float
    text: str
    definition: str
    labels: tuple[str, ...] = ()
    scores: tuple[float, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "label": self.label,
            "name": self.name,
            "score": round(self.score, 4),
            "text": self.text,
            "definition": self.definition,
            "labels": list(self.labels or (self.label,)),
            "scores": [round(s, 4) for s in (self.scores or (self.score,))],
        }


@dataclass(frozen=True)
class TechniqueProfile:
    """Technique statistics of one article.

    Attributes:
        words: words outside boilerplate.
        spans: technique spans (one per span and label) at or above ``min_score``.
        per_1000_words: the expected number of technique spans (the sum of their
            calibrated scores) per 1,000 words.
        counts: spans per technique label (all 14 labels, zeros included).
        top: the ``k`` most confident shown ranges (one entry per range).
        min_score: the score cut applied.
        shown: spans shown by reports (at or above the display threshold).
        expected: the expected number of technique spans (sum of scores).
        shown_counts: shown spans per technique label (all 14 labels).
        expected_counts: expected spans per technique label (sum of scores).
    """

    words: int
    spans: int
    per_1000_words: float
    counts: dict[str, int] = field(default_factory=dict)
    top: tuple[TopSpan, ...] = ()
    min_score: float = 0.0
    shown: int = 0
    expected: float = 0.0
    shown_counts: dict[str, int] = field(default_factory=dict)
    expected_counts: dict[str, float] = field(default_factory=dict)

    @property
    def spans_per_1000_words(self) -> float:
        """Detected spans per 1,000 words, whatever their score (the plain count)."""
        return 1000.0 * self.spans / self.words if self.words else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "spans": self.spans,
            "shown": self.shown,
            "expected": round(self.expected, 3),
            "per_1000_words": round(self.per_1000_words, 3),
            "spans_per_1000_words": round(self.spans_per_1000_words, 3),
            "counts": dict(self.counts),
            "shown_counts": dict(self.shown_counts),
            "expected_counts": {k: round(v, 3) for k, v in self.expected_counts.items()},
            "top": [t.to_dict() for t in self.top],
            "min_score": self.min_score,
        }


def _count_words(doc: Document) -> int:
    return sum(len(_WORD.findall(doc.text[a:b])) for a, b in doc.content_ranges())


def _name(label: str) -> str:
    return DEFINITIONS[label].name if label in DEFINITIONS else label


def technique_profile(
    doc: Document,
    *,
    k: int = 5,
    min_score: float = 0.0,
    shown: Callable[[Span], bool] = is_shown,
) -> TechniqueProfile:
    """Profile ``doc`` from its ``techniques`` group (spans in boilerplate are ignored).

    Args:
        doc: an analysed document.
        k: most confident ranges kept in ``top``.
        min_score: spans scoring below this are ignored altogether.
        shown: which spans reports show (default: the component's ``shown`` mark).
    """
    spans = [
        s
        for s in doc.group("techniques")
        if (s.score or 0.0) >= min_score and not doc.is_boilerplate(s)
    ]
    words = _count_words(doc)
    counts = Counter(s.label for s in spans)
    visible = [s for s in spans if shown(s)]
    shown_counts = Counter(s.label for s in visible)
    expected_counts: dict[str, float] = defaultdict(float)
    for s in spans:
        expected_counts[s.label] += float(s.score or 0.0)
    expected = sum(expected_counts.values())
    by_range: dict[tuple[int, int], list[Span]] = {}
    for s in visible:
        by_range.setdefault((s.start, s.end), []).append(s)
    groups = [sorted(g, key=lambda s: (-(s.score or 0.0), s.label)) for g in by_range.values()]
    groups.sort(key=lambda g: (-(g[0].score or 0.0), g[0].start, g[0].end, g[0].label))
    top = tuple(
        TopSpan(
            g[0].start,
            g[0].end,
            g[0].label,
            _name(g[0].label),
            float(g[0].score or 0.0),
            doc.span_text(g[0]),
            DEFINITIONS[g[0].label].definition if g[0].label in DEFINITIONS else "",
            tuple(s.label for s in g),
            tuple(float(s.score or 0.0) for s in g),
        )
        for g in groups[:k]
    )
    return TechniqueProfile(
        words=words,
        spans=len(spans),
        per_1000_words=1000.0 * expected / words if words else 0.0,
        counts={t: counts.get(t, 0) for t in TECHNIQUES},
        top=top,
        min_score=min_score,
        shown=len(visible),
        expected=expected,
        shown_counts={t: shown_counts.get(t, 0) for t in TECHNIQUES},
        expected_counts={t: expected_counts.get(t, 0.0) for t in TECHNIQUES},
    )
