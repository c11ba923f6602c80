"""An article's technique profile: how much propaganda, of which kinds, where.

Reads the ``techniques`` span group (run the ``techniques.v1`` component first) and
counts words outside boilerplate only.

The rate is computed from the calibrated scores: a span's score is the probability
that it is a correct technique span, so their sum is the *expected* number of
technique spans, and ``per_1000_words`` is that per 1,000 words. A pile of
low-confidence fragments adds little to it, where a plain count would make a wire
story look like propaganda (docs/benchmarks.md, "Technique rate", has its
distribution on PTC and on mainstream news).

When ``attribution.v1`` ran (the ``attributions`` group exists), the rate is also split
by voice: the article's *own voice* (every character outside attributed content and
outside direct quotations) and what it *quotes* (inside them), each per 1,000 words of
its own part of the text. PTC annotates techniques inside quotations too, so a wire
story that quotes politicians at length has an overall rate like the politicians';
the own-voice rate is how the outlet itself persuades.

The report's header leads with the *distinctive* own-voice rate: the same, without
:data:`COMMON_TECHNIQUES` (loaded language, repetition). The model finds those in
ordinary reporting about as often as in propaganda (an adjective with some colour, a
name said twice), so they blur the difference between a wire story and a propaganda
piece; left out, the own-voice rate separates PTC's articles from mainstream news
better out of sample (docs/benchmarks.md, "Technique findings and rate").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from spinscope.attribution.text import find_quotes
from spinscope.document import Document, Span
from spinscope.techniques.definitions import DEFINITIONS, TECHNIQUES

__all__ = [
    "COMMON_TECHNIQUES",
    "QUOTE_MIN_WORDS",
    "VOICE_KEYS",
    "TechniqueProfile",
    "TopSpan",
    "VoiceRates",
    "is_shown",
    "quoted_ranges",
    "technique_profile",
]

_WORD = re.compile(r"\w+(?:[''’-]\w+)*", re.UNICODE)

#: Words a quotation needs to count as a direct quotation. Shorter ones are scare
#: quotes (“false flag”), titles and echoed words: the outlet's own framing, which
#: stays in its own voice (quoted phrases of a speaker are attributed content anyway).
QUOTE_MIN_WORDS = 4

Range = tuple[int, int]

#: Techniques left out of the distinctive rate: the model finds them in mainstream
#: reporting about as often as in PTC's propaganda. Chosen on one half of PTC and
#: FakeNewsNet among a few fixed definitions and measured on the other half
#: (bench/technique_rate.py): every other technique separates better together than with
#: these two.
COMMON_TECHNIQUES = frozenset({"Loaded_Language", "Repetition"})

#: The profile's JSON keys of the voice split (``null`` without attributions).
VOICE_KEYS = (
    "own_words",
    "quoted_words",
    "own_expected",
    "quoted_expected",
    "own_per_1000_words",
    "quoted_per_1000_words",
    "own_distinctive_expected",
    "own_distinctive_per_1000_words",
)


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
class VoiceRates:
    """The technique rate of the article's own voice and of what it quotes.

    A span's score is shared between the two parts in proportion to its characters on
    each side, so ``own_expected + quoted_expected`` is the profile's ``expected``; a
    word belongs to the part its first character is in.

    Attributes:
        own_words: words outside boilerplate, attributed content and direct quotations.
        quoted_words: words inside attributed content or direct quotations.
        own_expected: expected technique spans in the own voice.
        quoted_expected: expected technique spans in quoted speech.
        own_distinctive_expected: the part of ``own_expected`` of techniques other
            than :data:`COMMON_TECHNIQUES`.
    """

    own_words: int
    quoted_words: int
    own_expected: float
    quoted_expected: float
    own_distinctive_expected: float = 0.0

    @property
    def own_per_1000_words(self) -> float:
        """Expected technique spans per 1,000 words of the article's own voice."""
        return 1000.0 * self.own_expected / self.own_words if self.own_words else 0.0

    @property
    def quoted_per_1000_words(self) -> float:
        """Expected technique spans per 1,000 quoted words."""
        return 1000.0 * self.quoted_expected / self.quoted_words if self.quoted_words else 0.0

    @property
    def own_distinctive_per_1000_words(self) -> float:
        """Expected spans of techniques other than :data:`COMMON_TECHNIQUES` per 1,000
        words of the own voice: the rate the report's header leads with."""
        return 1000.0 * self.own_distinctive_expected / self.own_words if self.own_words else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {  # the keys of VOICE_KEYS
            "own_words": self.own_words,
            "quoted_words": self.quoted_words,
            "own_expected": round(self.own_expected, 3),
            "quoted_expected": round(self.quoted_expected, 3),
            "own_per_1000_words": round(self.own_per_1000_words, 3),
            "quoted_per_1000_words": round(self.quoted_per_1000_words, 3),
            "own_distinctive_expected": round(self.own_distinctive_expected, 3),
            "own_distinctive_per_1000_words": round(self.own_distinctive_per_1000_words, 3),
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
        voices: the rate split into own voice and quoted speech; ``None`` when
            ``attribution.v1`` did not run (no ``attributions`` group).
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
    voices: VoiceRates | None = None

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
            # Present without attributions too (null), so corpus tables keep one shape.
            **(self.voices.to_dict() if self.voices else dict.fromkeys(VOICE_KEYS)),
        }


def expected_share(span: Span) -> float:
    """What ``span`` adds to the expected number of technique spans: its calibrated
    score, times its share when the component cut one prediction into pieces."""
    return float(span.score or 0.0) * float(span.attrs.get("share", 1.0))


def _count_words(doc: Document) -> int:
    return sum(len(_WORD.findall(doc.text[a:b])) for a, b in doc.content_ranges())


def _merge(ranges: list[Range]) -> list[Range]:
    out: list[Range] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def quoted_ranges(doc: Document) -> list[Range] | None:
    """Character ranges of quoted speech in ``doc``, merged and sorted; ``None`` without
    an ``attributions`` group.

    Quoted speech is the content of attributions that have a source (a source-less one,
    ``is known for ...``, is the article's own voice, as in the sourcing profile) and
    every direct quotation of at least :data:`QUOTE_MIN_WORDS` words, marks included.
    """
    if not doc.has_group("attributions"):
        return None
    parts: list[Range] = [
        (int(c["start"]), int(c["end"]))
        for a in doc.group("attributions")
        if a.attrs.get("source")
        for c in a.attrs.get("content", ())
    ]
    parts += [
        (s, e)
        for s, e in find_quotes(doc.text)
        if len(_WORD.findall(doc.text[s:e])) >= QUOTE_MIN_WORDS
    ]
    return _merge(parts)


def _overlap(start: int, end: int, ranges: list[Range]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in ranges)


def _voice_rates(doc: Document, spans: list[Span], quoted: list[Range]) -> VoiceRates:
    own_words = quoted_words = 0
    starts = [s for s, _ in quoted]
    for a, b in doc.content_ranges():
        for m in _WORD.finditer(doc.text, a, b):
            k = bisect.bisect_right(starts, m.start()) - 1
            if k >= 0 and m.start() < quoted[k][1]:
                quoted_words += 1
            else:
                own_words += 1
    own = inside = distinctive = 0.0
    for s in spans:
        score = expected_share(s)
        length = s.end - s.start
        share = _overlap(s.start, s.end, quoted) / length if length > 0 else 0.0
        inside += score * share
        own += score * (1.0 - share)
        if s.label not in COMMON_TECHNIQUES:
            distinctive += score * (1.0 - share)
    return VoiceRates(own_words, quoted_words, own, inside, distinctive)


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
        expected_counts[s.label] += expected_share(s)
    expected = sum(expected_counts.values())
    quoted = quoted_ranges(doc)
    voices = _voice_rates(doc, spans, quoted) if quoted is not None else None
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
        voices=voices,
    )
