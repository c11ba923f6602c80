"""What every report shows, computed once: findings, text segments, per-label summary.

Reports are generic over span groups. Every group except the structural ones
(:data:`STRUCTURAL_GROUPS`: ``tokens``, ``sentences``, ``boilerplate``) is an
*analysis* group whose spans are findings to highlight: ``techniques`` today,
``attributions`` and ``claims`` later.

Overlapping spans are handled by cutting the text at every span boundary
(:func:`segments`): each :class:`Segment` knows which findings cover it, which open at
its start and which close at its end, so a renderer can highlight the innermost one
and mark the others, whatever the nesting or crossing.

Two groups get more than a highlight. An attribution's *parts* (its ``source``,
``cue`` and ``content`` ranges) and an own-voice assertion's ``hedges`` are
:class:`Part` objects (:meth:`Finding.parts`); the text is cut at their boundaries too,
so a renderer can draw who speaks, the reporting verb and what is said differently.
Own-voice assertions (the ``assertions`` group, :data:`OWN_VOICE_GROUP`) are *marked*
(underlined) rather than highlighted: they never give a segment its colour.

Not a stable API: renderers in this package use it.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spinscope.document import Document, Span
from spinscope.language import PIPELINE_KEY

__all__ = [
    "ATTRIBUTION_GROUP",
    "OWN_VOICE_GROUP",
    "PALETTE",
    "STRUCTURAL_GROUPS",
    "Finding",
    "LabelSummary",
    "Part",
    "Segment",
    "analysis_groups",
    "as_range",
    "colour_index",
    "cut_words",
    "display_text",
    "findings",
    "header_counts",
    "hidden_count",
    "is_shown",
    "mark_shown",
    "plural",
    "segments",
    "span_name",
    "summarize",
]

#: Groups that describe the text's structure rather than what it does.
STRUCTURAL_GROUPS = frozenset({"tokens", "sentences", "boilerplate"})

#: The group of own-voice assertions: sentences the article states without a source.
OWN_VOICE_GROUP = "assertions"

#: The group of attributions (who is reported as saying what).
ATTRIBUTION_GROUP = "attributions"

#: Light background colours, readable under black text (shared by text and HTML reports).
PALETTE = (
    "#fde68a",
    "#bfdbfe",
    "#bbf7d0",
    "#fecaca",
    "#ddd6fe",
    "#fbcfe8",
    "#a5f3fc",
    "#fed7aa",
    "#d9f99d",
    "#c7d2fe",
    "#99f6e4",
    "#f5d0fe",
    "#e7e5e4",
    "#fef08a",
    "#a7f3d0",
    "#e9d5ff",
    # Labels of other groups (attributions, assertions, claims...) hash into these.
    "#cbd5e1",
    "#fdba74",
    "#86efac",
    "#93c5fd",
    "#f9a8d4",
    "#5eead4",
    "#c4b5fd",
    "#fca5a5",
)

# The first _N_FIXED colours are reserved for the PTC techniques (in this order);
# any other label gets one of the rest, by a stable hash of group and label.
_N_FIXED = 14

# The 14 PTC technique labels get fixed colours so that a label looks the same in
# every report.
_FIXED_COLOURS = {
    ("techniques", label): i
    for i, label in enumerate(
        [
            "Loaded_Language",
            "Name_Calling,Labeling",
            "Repetition",
            "Exaggeration,Minimisation",
            "Doubt",
            "Appeal_to_fear-prejudice",
            "Flag-Waving",
            "Causal_Oversimplification",
            "Slogans",
            "Appeal_to_Authority",
            "Black-and-White_Fallacy",
            "Thought-terminating_Cliches",
            "Whataboutism,Straw_Men,Red_Herring",
            "Bandwagon,Reductio_ad_hitlerum",
        ]
    )
}
# Attributed speech is shaded a neutral slate, unlike any technique.
_FIXED_COLOURS[("attributions", "attribution")] = 16

# C0/C1 control characters (bar tab and newline) would drive the terminal (ESC
# sequences) or break markup: show them as visible symbols of the same length.
_CONTROL_MAP: dict[int, int | None] = {c: 0x2400 + c for c in range(0x20) if c not in (9, 10)}
_CONTROL_MAP[0x0D] = None  # CR is dropped: \r\n shows as \n
_CONTROL_MAP[0x7F] = 0x2421
_CONTROL_MAP.update({c: 0xFFFD for c in range(0x80, 0xA0)})


def plural(n: int, word: str) -> str:
    """``"1 finding"``, ``"2 findings"``, ``"1,234 characters"``."""
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def header_counts(doc: Document, n_findings: int, n_hidden: int = 0) -> list[str]:
    """The size line of a report's header: characters, sentences, boilerplate, findings
    (and the spans left out below the display threshold)."""
    counts = [plural(len(doc.text), "character")]
    if doc.has_group("sentences"):
        counts.append(plural(len(doc.sentences), "sentence"))
    n_bp = len(doc.group("boilerplate"))
    if n_bp:
        counts.append(plural(n_bp, "boilerplate block") + " skipped")
    counts.append(plural(n_findings, "finding"))
    if n_hidden:
        counts.append(f"{n_hidden:,} below the display threshold (--min-score shows them)")
    return counts


# A store that is not there: "no fact-check knowledge base at /home/u/.local/share/
# spinscope/spinscope.db (spinscope factchecks import creates one; --store names another)".
_NO_STORE = re.compile(r"no (?P<what>.+?) at .+ \((?P<command>spinscope [\w-]+ [\w-]+)[^()]*\)")
# A store that is there but empty or unreadable: the place adds nothing to the notice.
_STORE_AT = re.compile(r"(?P<head>(?:the|cannot read the) .+?) at \S+(?P<tail> is empty|: .*)")
#: Longest reason in a "not run" notice (the JSON record keeps the whole reason).
NOTICE_REASON_CHARS = 100


def brief_reason(reason: str) -> str:
    """A skip reason cut to what a report header needs: the store's path and the second
    half of the hint go (the JSON record keeps them).

    >>> brief_reason("no outlet ratings at /tmp/s.db (spinscope sources import creates "
    ...              "them; --store names another store)")
    'no outlet ratings (spinscope sources import …)'
    >>> brief_reason("the fact-check knowledge base at sqlite:////tmp/s.db is empty")
    'the fact-check knowledge base is empty'
    """
    reason = " ".join(reason.split())
    if m := _NO_STORE.fullmatch(reason):
        return f"no {m['what']} ({m['command']} …)"
    if m := _STORE_AT.fullmatch(reason):
        reason = m["head"] + m["tail"]
    return cut_words(reason, NOTICE_REASON_CHARS)


def not_run(doc: Document) -> list[str]:
    """One line per reason the pipeline skipped components on ``doc`` (another language,
    a missing store or input): ``"claims.v1 not run: no fact-check knowledge base
    (spinscope factchecks import …)"``; empty when all ran."""
    record = doc.meta.extra.get(PIPELINE_KEY)
    skipped = record.get("skipped") if isinstance(record, Mapping) else None
    if not skipped:
        return []
    by_reason: dict[str, list[str]] = {}
    for s in skipped:
        if isinstance(s, Mapping):
            by_reason.setdefault(str(s.get("reason")), []).append(str(s.get("component")))
    lines = []
    for reason, names in by_reason.items():
        hint = " (--language forces a language)" if reason.startswith("the text is in") else ""
        lines.append(f"{', '.join(names)} not run: {brief_reason(reason)}{hint}")
    return lines


def display_text(text: str) -> str:
    """``text`` with control characters made visible (and ``\\r`` dropped) for display."""
    return text.translate(_CONTROL_MAP)


#: Longest :meth:`Finding.details` string.
DETAILS_CHARS = 160

# Span attributes that details() does not summarise: shown elsewhere (``name`` heads
# the finding), or offsets.
_DETAIL_SKIP = frozenset({"definition", "content", "id", "shown", "name"})

#: Longest quoted range in :meth:`Finding.details`.
RANGE_CHARS = 60


def _is_range(value: Any) -> bool:
    return isinstance(value, Mapping) and set(value) == {"start", "end"}


def _range_text(key: str, value: Mapping[str, Any], text: str | None) -> str:
    start, end = value.get("start"), value.get("end")
    if text is None or not (isinstance(start, int) and isinstance(end, int)):
        return ""
    if not 0 <= start < end <= len(text):
        return ""
    quoted = cut_words(" ".join(text[start:end].split()), RANGE_CHARS)
    return f"{key}: “{quoted}”"


def cut_words(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters with "…", at the last space or
    separator before the limit, so that no word is cut in two ("White Helm…" reads as
    a word); mid-word only when a single word is longer than the limit."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace():
        space = cut.rfind(" ")
        if space > 0:
            cut = cut[:space]
    return cut.rstrip(" ,;:“") + "…"


def _detail(key: str, value: Any) -> str:
    if value is None or value == [] or value == {} or value is False:
        return ""
    if key == "speaker" and isinstance(value, Mapping):
        name = value.get("name") or value.get("mention")
        role = value.get("role")
        if not name:
            return ""
        return f"speaker: {name}" + (f" ({role})" if role and role != name else "")
    if key == "hedges" and isinstance(value, list):
        words = [str(h.get("text")) for h in value if isinstance(h, Mapping) and h.get("text")]
        return f"hedges: {', '.join(words)}" if words else ""
    if value is True:
        return key
    if isinstance(value, str | int | float):
        return f"{key}: {value}"
    return ""


def as_range(value: Any, n: int) -> tuple[int, int] | None:
    """``value`` as a ``(start, end)`` pair if it is a valid ``{"start", "end"}`` range
    of a text of ``n`` characters, else ``None`` (bad data is ignored, never fatal)."""
    if not isinstance(value, Mapping):
        return None
    start, end = value.get("start"), value.get("end")
    if type(start) is not int or type(end) is not int or not 0 <= start < end <= n:
        return None
    return start, end


@dataclass(frozen=True, slots=True)
class Part:
    """A named piece of a finding: an attribution's ``source``, ``cue`` or ``content``,
    or an assertion's ``hedge``. Clipped to the finding's extent."""

    start: int
    end: int
    role: str
    finding: Finding


@dataclass(frozen=True, slots=True)
class Finding:
    """One range of an analysis group, numbered in text order (1-based).

    Spans of one group over the same characters with different labels (a technique
    span with two techniques) are one finding: ``span`` is the most confident of them,
    ``also`` the others, most confident first.
    """

    index: int
    group: str
    span: Span
    also: tuple[Span, ...] = ()

    @property
    def spans(self) -> tuple[Span, ...]:
        """The finding's spans, most confident first (one per label)."""
        return (self.span, *self.also)

    @property
    def labels(self) -> tuple[str, ...]:
        """The finding's labels, most confident first."""
        return tuple(s.label or self.group for s in self.spans)

    @property
    def label(self) -> str:
        return self.span.label or self.group

    @property
    def definition(self) -> str | None:
        value = self.span.attrs.get("definition")
        return value if isinstance(value, str) and value else None

    @property
    def key(self) -> tuple[str, str]:
        return (self.group, self.label)

    @property
    def own_voice(self) -> bool:
        """True for an own-voice assertion (marked, not highlighted)."""
        return self.group == OWN_VOICE_GROUP

    @property
    def highlighted(self) -> bool:
        """False for findings that are the article's own voice: own-voice assertions, and
        attributions without a source ("is known for"). Those are marked, not shaded."""
        if self.own_voice:
            return False
        if self.group == ATTRIBUTION_GROUP:
            return as_range(self.span.attrs.get("source"), 1 << 62) is not None
        return True

    def parts(self, n: int) -> list[Part]:
        """The finding's parts, in text order, clipped to its extent (``n``: text length).

        Attributions: ``source``, ``cue`` and each ``content`` range; assertions: each of
        their ``hedges``. Malformed or out-of-range values are skipped.
        """
        attrs = self.span.attrs
        raw: list[tuple[Any, str]] = []
        if self.group == ATTRIBUTION_GROUP:
            raw.append((attrs.get("source"), "source"))
            raw.append((attrs.get("cue"), "cue"))
            content = attrs.get("content")
            if isinstance(content, list):
                raw.extend((c, "content") for c in content)
        elif self.group == OWN_VOICE_GROUP:
            hedges = attrs.get("hedges")
            if isinstance(hedges, list):
                raw.extend((h, "hedge") for h in hedges)
        out: list[Part] = []
        for value, role in raw:
            r = as_range(value, n)
            if r is None:
                continue
            start, end = max(r[0], self.span.start), min(r[1], self.span.end)
            if start < end:
                out.append(Part(start, end, role, self))
        out.sort(key=lambda p: (p.start, -p.end, p.role))
        return out

    def details(self, text: str | None = None, *, limit: int = DETAILS_CHARS) -> str:
        """A one-line summary of the span's other attributes (speaker, kind, hedges...).

        Args:
            text: the document text; when given, attributes that are a single
                ``{"start", "end"}`` range (an attribution's ``cue``, its ``source``
                when no speaker was resolved) are shown as the text they cover.
            limit: the longest string returned (cut with "…").

        The definition (shown elsewhere) and lists of ranges (``content``) are left out.
        """
        attrs = self.span.attrs
        parts: list[str] = []
        for key, value in attrs.items():
            if key in _DETAIL_SKIP or (key == "source" and attrs.get("speaker")):
                continue
            if key.endswith("_name") and key.removesuffix("_name") in attrs:
                continue  # shown in place of its id
            name = attrs.get(f"{key}_name")
            if isinstance(name, str) and name:
                value = name  # an id a person reads by its display name
            detail = _range_text(key, value, text) if _is_range(value) else _detail(key, value)
            if detail:
                parts.append(detail)
        return cut_words(display_text("; ".join(parts)), limit)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text between two consecutive span boundaries.

    Attributes:
        start: first character.
        end: one past the last character.
        covering: findings covering the whole segment, innermost (shortest) first.
        opens: findings starting at ``start`` (outermost first).
        closes: findings ending at ``end`` (innermost first).
        boilerplate: the boilerplate span the segment lies in, if any.
        boilerplate_ends: True if that boilerplate span ends at ``end``.
        parts: parts (of covering findings) covering the segment, innermost first.
        part_opens: parts starting at ``start`` (outermost first).
        part_closes: parts ending at ``end`` (innermost first).
    """

    start: int
    end: int
    covering: tuple[Finding, ...] = ()
    opens: tuple[Finding, ...] = ()
    closes: tuple[Finding, ...] = ()
    boilerplate: Span | None = None
    boilerplate_ends: bool = False
    parts: tuple[Part, ...] = ()
    part_opens: tuple[Part, ...] = ()
    part_closes: tuple[Part, ...] = ()

    @property
    def highlights(self) -> tuple[Finding, ...]:
        """Covering findings that colour the segment (see :attr:`Finding.highlighted`)."""
        return tuple(f for f in self.covering if f.highlighted)

    @property
    def own_voice(self) -> bool:
        """True if an own-voice assertion covers the segment."""
        return any(f.own_voice for f in self.covering)

    @property
    def roles(self) -> frozenset[str]:
        """Roles of the parts covering the segment (``source``, ``cue``, ``hedge``...)."""
        return frozenset(p.role for p in self.parts)


@dataclass(frozen=True, slots=True)
class LabelSummary:
    """Counts and scores of one label of one group."""

    group: str
    label: str
    count: int
    max_score: float | None
    mean_score: float | None
    definition: str | None
    name: str = ""

    @property
    def shown_name(self) -> str:
        """What reports print: the label's display name when the spans carry one."""
        return self.name or self.label


def span_name(span: Span, group: str) -> str:
    """A span's label as reports print it: its display name (``attrs["name"]``, e.g.
    "Name calling or labeling") when it has one, else the label, else the group."""
    name = span.attrs.get("name")
    return name if isinstance(name, str) and name else span.label or group


def analysis_groups(doc: Document) -> list[str]:
    """Names of the document's analysis (non-structural) span groups, sorted."""
    return sorted(name for name in doc.spans if name not in STRUCTURAL_GROUPS)


def is_shown(span: Span, min_score: float | None = None) -> bool:
    """Whether reports show ``span``.

    A span that carries a ``shown`` attribute (technique spans: scored against a
    display threshold by their component) is shown when that attribute is true, or,
    given ``min_score``, when its score reaches ``min_score``. Spans without it are
    always shown.
    """
    if "shown" not in span.attrs:
        return True
    if min_score is None:
        return span.attrs.get("shown") is not False
    return span.score is not None and span.score >= min_score


def findings(
    doc: Document, groups: Iterable[str] | None = None, *, min_score: float | None = None
) -> list[Finding]:
    """The shown spans of the analysis groups (or of ``groups``), numbered in text order.

    Spans of a group over the same characters are one finding with several labels;
    spans below the display threshold (see :func:`is_shown`; ``min_score`` overrides
    the threshold) are left out.
    """
    names = analysis_groups(doc) if groups is None else [g for g in groups if doc.has_group(g)]
    by_range: dict[tuple[str, int, int], list[Span]] = {}
    for name in names:
        for span in doc.group(name):
            if is_shown(span, min_score):
                by_range.setdefault((name, span.start, span.end), []).append(span)
    merged: list[tuple[str, Span, tuple[Span, ...]]] = []
    for (name, _, _), spans in by_range.items():
        spans.sort(key=lambda s: (s.score is None, -(s.score or 0.0), s.label))
        merged.append((name, spans[0], tuple(spans[1:])))
    merged.sort(key=lambda p: (p[1].start, -p[1].end, p[0], p[1].label))
    return [Finding(i, name, span, also) for i, (name, span, also) in enumerate(merged, start=1)]


def mark_shown(doc: Document, min_score: float) -> Document:
    """Set the ``shown`` attribute of every span that carries one (technique spans) to
    ``score >= min_score``, in place, so that the JSON output says what a report with
    this display threshold shows. Returns ``doc``."""
    for name in list(doc.spans):
        spans = list(doc.group(name))
        if not any("shown" in s.attrs for s in spans):
            continue
        doc.set_spans(
            name,
            [
                dataclasses.replace(s, attrs={**s.attrs, "shown": is_shown(s, min_score)})
                if "shown" in s.attrs
                else s
                for s in spans
            ],
        )
    return doc


def hidden_count(
    doc: Document, groups: Iterable[str] | None = None, *, min_score: float | None = None
) -> int:
    """How many spans of the analysis groups (or of ``groups``) reports leave out as
    below the display threshold."""
    names = analysis_groups(doc) if groups is None else [g for g in groups if doc.has_group(g)]
    return sum(not is_shown(s, min_score) for name in names for s in doc.group(name))


#: When parts of several findings cover the same range (two attributions of one
#: source; an unsourced cue that is also an assertion's hedge), the one shown.
_ROLE_PRIORITY = {"hedge": 0, "source": 1, "cue": 2, "content": 3}


def _distinct_parts(parts: Iterable[Part]) -> list[Part]:
    best: dict[tuple[int, int], Part] = {}
    for p in parts:
        key = (p.start, p.end)
        old = best.get(key)
        if old is None or _ROLE_PRIORITY.get(p.role, 9) < _ROLE_PRIORITY.get(old.role, 9):
            best[key] = p
    return list(best.values())


def segments(doc: Document, found: Sequence[Finding]) -> list[Segment]:
    """Cut the text at every finding and boilerplate boundary.

    Returns:
        Consecutive segments covering ``[0, len(doc.text))`` exactly.
    """
    n = len(doc.text)
    boilerplate = list(doc.group("boilerplate"))
    all_parts = _distinct_parts(p for f in found for p in f.parts(n))
    cuts = {0, n}
    for f in found:
        cuts.update((f.span.start, f.span.end))
    for p in all_parts:
        cuts.update((p.start, p.end))
    for b in boilerplate:
        cuts.update((b.start, b.end))
    bounds = sorted(c for c in cuts if 0 <= c <= n)
    by_start: dict[int, list[Finding]] = {}
    for f in found:
        by_start.setdefault(f.span.start, []).append(f)
    parts_at: dict[int, list[Part]] = {}
    for p in all_parts:
        parts_at.setdefault(p.start, []).append(p)
    active: list[Finding] = []
    active_parts: list[Part] = []
    out: list[Segment] = []
    bi = 0
    for start, end in itertools.pairwise(bounds):
        active = [f for f in active if f.span.end > start]
        opening = sorted(by_start.get(start, []), key=lambda f: (-len(f.span), f.index))
        active.extend(opening)
        active_parts = [p for p in active_parts if p.end > start]
        part_opening = sorted(
            parts_at.get(start, []), key=lambda p: (-(p.end - p.start), p.finding.index)
        )
        active_parts.extend(part_opening)
        covering_parts = tuple(
            sorted(active_parts, key=lambda p: (p.end - p.start, p.finding.index))
        )
        while bi < len(boilerplate) and boilerplate[bi].end <= start:
            bi += 1
        bp = next(
            (b for b in boilerplate[bi:] if b.start <= start and end <= b.end),
            None,
        )
        covering = tuple(sorted(active, key=lambda f: (len(f.span), f.index)))
        closes = tuple(f for f in covering if f.span.end == end)
        out.append(
            Segment(
                start=start,
                end=end,
                covering=covering,
                opens=tuple(opening),
                closes=closes,
                boilerplate=bp,
                boilerplate_ends=bp is not None and bp.end == end,
                parts=covering_parts,
                part_opens=tuple(part_opening),
                part_closes=tuple(p for p in covering_parts if p.end == end),
            )
        )
    return out


def summarize(found: Sequence[Finding]) -> list[LabelSummary]:
    """Per ``(group, label)``: count, max and mean score, definition (first one seen).

    A finding with several labels counts once under each of them.
    """
    by_key: dict[tuple[str, str], list[Span]] = {}
    for f in found:
        for span in f.spans:
            by_key.setdefault((f.group, span.label or f.group), []).append(span)
    out = []
    for (group, label), items in by_key.items():
        scores = [s.score for s in items if s.score is not None]
        definitions = (s.attrs.get("definition") for s in items)
        definition = next((d for d in definitions if isinstance(d, str) and d), None)
        names = (s.attrs.get("name") for s in items)
        name = next((n for n in names if isinstance(n, str) and n), "")
        out.append(
            LabelSummary(
                group=group,
                label=label,
                count=len(items),
                max_score=max(scores) if scores else None,
                mean_score=sum(scores) / len(scores) if scores else None,
                definition=definition,
                name=name,
            )
        )
    out.sort(key=lambda s: (s.group, -s.count, s.label))
    return out


def colour_index(group: str, label: str) -> int:
    """Index into :data:`PALETTE` for a label (stable across documents and runs)."""
    fixed = _FIXED_COLOURS.get((group, label))
    if fixed is not None:
        return fixed
    free = len(PALETTE) - _N_FIXED
    return _N_FIXED + zlib.crc32(f"{group}\x00{label}".encode()) % free
