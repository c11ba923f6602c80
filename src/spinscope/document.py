"""The document model: immutable source text plus named groups of character spans.

A :class:`Document` owns the text exactly as the user gave it (or as extracted from
HTML, kept with the document) and never rewrites it: every annotation is a
:class:`Span` with ``[start, end)`` character offsets into that text, stored in named,
overlap-permitting span groups (``"techniques"``, ``"sentences"``, ``"boilerplate"``...).
Components that need normalised text (lower-cased, quotes straightened) normalise a
*copy* and map offsets back.

JSON form (schema ``spinscope.document/1``, documented in ``docs/schema.md``)::

    {"schema": "spinscope.document/1", "id": "...", "text": "...",
     "meta": {"title": ..., "url": ..., "outlet": ..., "published": ..., "language": ...},
     "spans": {"<group>": [{"start": 0, "end": 4, "label": "...", "score": 0.9, ...}]}}

Extra span keys (beyond start/end/label/score) round-trip through :attr:`Span.attrs`.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from spinscope.errors import DocumentError, OffsetError

__all__ = ["ERROR_SCHEMA", "SCHEMA", "Document", "ErrorRecord", "Meta", "Span", "SpanGroup"]

SCHEMA = "spinscope.document/1"
#: Schema of the record that stands in for a document that could not be read or analysed.
ERROR_SCHEMA = "spinscope.error/1"

#: Keys that :class:`Span` stores as fields; any other JSON key goes to ``attrs``.
_SPAN_FIELDS = ("start", "end", "label", "score")

AlignmentMode = Literal["strict", "contract", "expand"]


@dataclass(frozen=True, slots=True)
class Span:
    """A ``[start, end)`` character range of a document's text with a label.

    Attributes:
        start: first character (inclusive).
        end: one past the last character (exclusive).
        label: what the span is (a technique name, ``"sentence"``, ``"footer"``...).
        score: a probability or confidence in ``[0, 1]``, or ``None``.
        attrs: further JSON-serialisable attributes (definitions, nested spans...).
    """

    start: int
    end: int
    label: str = ""
    score: float | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not (isinstance(self.start, int) and isinstance(self.end, int)):
            raise OffsetError(f"span offsets must be integers, got {self.start!r}, {self.end!r}")
        if self.start < 0 or self.end <= self.start:
            raise OffsetError(f"span [{self.start}, {self.end}) is empty or negative")
        if self.score is not None and not (0.0 <= self.score <= 1.0):
            raise DocumentError(f"span score {self.score!r} is outside [0, 1]")

    def __len__(self) -> int:
        return self.end - self.start

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled by its fields: dataclasses' own state protocol for slotted classes
        # looks its fields up for every span, which made unpickling an engine's results
        # a large share of a batch driver's time.
        return (Span, (self.start, self.end, self.label, self.score, self.attrs))

    def __repr__(self) -> str:
        score = "" if self.score is None else f" {self.score:.2f}"
        label = f" {self.label}" if self.label else ""
        return f"<Span [{self.start}:{self.end}]{label}{score}>"

    def overlaps(self, other: Span | tuple[int, int]) -> bool:
        """True if the two ranges share at least one character."""
        start, end = (other.start, other.end) if isinstance(other, Span) else other
        return self.start < end and start < self.end

    def contains(self, other: Span | tuple[int, int]) -> bool:
        """True if ``other`` lies entirely inside this span."""
        start, end = (other.start, other.end) if isinstance(other, Span) else other
        return self.start <= start and end <= self.end

    def to_dict(self) -> dict[str, Any]:
        """JSON form: ``{"start", "end", "label", "score", **attrs}``."""
        out: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label}
        out["score"] = None if self.score is None else float(self.score)
        for key, value in self.attrs.items():
            if key in _SPAN_FIELDS:
                raise DocumentError(f"span attribute {key!r} shadows a span field")
            out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        """Inverse of :meth:`to_dict`."""
        try:
            start, end = data["start"], data["end"]
        except KeyError as exc:
            raise DocumentError(f"span {dict(data)!r} lacks {exc.args[0]!r}") from None
        attrs = {k: v for k, v in data.items() if k not in _SPAN_FIELDS}
        score = data.get("score")
        return cls(
            start=start,
            end=end,
            label=data.get("label") or "",
            score=None if score is None else float(score),
            attrs=attrs,
        )


class SpanGroup(Sequence[Span]):
    """An ordered, overlap-permitting list of spans over one document's text.

    Spans are kept sorted by ``(start, end)`` so that lookups by offset are
    ``O(log n)``; insertion order among equal offsets is kept.
    """

    __slots__ = ("_ends", "_items", "_packed", "_starts", "name")

    def __init__(self, name: str, spans: Iterable[Span] = ()) -> None:
        self.name = name
        items = sorted(spans, key=lambda s: (s.start, s.end))
        self._items: list[Span] | None = items
        self._packed: tuple[list[int], list[str]] | None = None
        self._index([s.start for s in items], [s.end for s in items])

    def _index(self, starts: list[int], ends: list[int]) -> None:
        self._starts = starts
        # Running max of ends lets `covering()` stop early; overlaps make plain ends unsorted.
        self._ends: list[int] = []
        running = 0
        for end in ends:
            running = max(running, end)
            self._ends.append(running)

    @property
    def _spans(self) -> list[Span]:
        # The columns are kept once the spans are built: two threads reading a packed
        # group for the first time (the web server's handlers share its documents) may
        # both build them, and neither may find the columns gone; pickling it again
        # sends the columns. They cost two pointers a span besides the spans.
        items = self._items
        if items is None:
            assert self._packed is not None
            ends, labels = self._packed
            items = [Span(a, b, c) for a, b, c in zip(self._starts, ends, labels, strict=True)]
            self._items = items
        return items

    def __reduce__(self) -> tuple[Any, ...]:
        # A group of bare ranges (the tokens: a span per word, the bulk of a document)
        # travels as columns and becomes spans only when read: a batch driver that
        # stores documents never reads the tokens its workers sent back, and building
        # the frozen spans was most of the time it spent receiving them.
        packed = self._packed
        if packed is not None:
            return (_packed_group, (self.name, self._starts, *packed))
        items = self._spans
        if all(s.score is None and not s.attrs for s in items):
            return (
                _packed_group,
                (self.name, self._starts, [s.end for s in items], [s.label for s in items]),
            )
        return (SpanGroup, (self.name, items))

    def __getitem__(self, index: int) -> Span:  # type: ignore[override]
        return self._spans[index]

    def __len__(self) -> int:
        return len(self._starts)

    def __iter__(self) -> Iterator[Span]:
        return iter(self._spans)

    def __repr__(self) -> str:
        return f"<SpanGroup {self.name!r} ({len(self)} spans)>"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SpanGroup):
            return NotImplemented
        return self.name == other.name and self._spans == other._spans

    __hash__ = None  # type: ignore[assignment]

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans sharing at least one character with ``[start, end)``."""
        hi = bisect.bisect_left(self._starts, end)
        # First index whose running max end exceeds `start`: earlier spans all end before it.
        lo = bisect.bisect_right(self._ends, start)
        return [s for s in self._spans[lo:hi] if s.end > start]

    def covering(self, offset: int) -> list[Span]:
        """Spans containing the character at ``offset``."""
        return self.overlapping(offset, offset + 1)

    def labels(self) -> list[str]:
        return [s.label for s in self._spans]


def _packed_group(name: str, starts: list[int], ends: list[int], labels: list[str]) -> SpanGroup:
    """A :class:`SpanGroup` of bare ranges from its columns (see ``SpanGroup.__reduce__``)."""
    group = SpanGroup.__new__(SpanGroup)
    group.name = name
    group._items = None
    group._packed = (ends, labels)
    group._index(starts, ends)
    return group


@dataclass(frozen=True, slots=True)
class Meta:
    """What is known about a document besides its text.

    Attributes:
        title: headline, if known.
        url: where the article was published.
        outlet: publisher name or domain.
        published: publication date as an ISO-8601 string.
        language: ISO 639-1 code (``"en"``).
        source: the path, ``<stdin>`` or ``corpus.jsonl:17`` the document was read from.
        format: the input format (``"text"``, ``"html"``, ``"jsonl"``, ``"csv"``).
        encoding: the encoding the bytes were decoded with.
        extra: any other metadata (JSONL/CSV columns besides text and id).
    """

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    source: str | None = None
    format: str | None = None
    encoding: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "extra"}
        out = {k: v for k, v in out.items() if v is not None}
        if self.extra:
            out["extra"] = dict(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Meta:
        known = {f.name for f in fields(cls)}
        unknown = {k: v for k, v in data.items() if k not in known}
        kwargs = {k: v for k, v in data.items() if k in known and k != "extra"}
        extra = {**dict(data.get("extra") or {}), **unknown}
        return cls(**kwargs, extra=extra)

    def replace(self, **changes: Any) -> Meta:
        return replace(self, **changes)


class Document:
    """Source text (immutable) + metadata + named span groups.

    Args:
        text: the text every offset indexes. Never modified.
        id: a stable identifier; defaults to a short SHA-256 of the text.
        meta: document metadata.
        spans: initial span groups by name.

    Example:
        >>> doc = Document("Russia warns that the so-called White Helmets plot.")
        >>> _ = doc.add_spans("techniques", [Span(22, 31, "Name_Calling,Labeling", 0.9)])
        >>> doc.span_text(doc.spans["techniques"][0])
        'so-called'
    """

    __slots__ = ("_spans", "_text", "id", "meta")

    def __init__(
        self,
        text: str,
        *,
        id: str | None = None,
        meta: Meta | None = None,
        spans: Mapping[str, Iterable[Span]] | None = None,
    ) -> None:
        if not isinstance(text, str):
            raise DocumentError(f"document text must be str, got {type(text).__name__}")
        self._text = text
        self.id = id if id is not None else self.content_hash()[:16]
        self.meta = meta or Meta()
        self._spans: dict[str, SpanGroup] = {}
        for name, group in (spans or {}).items():
            self.set_spans(name, group)

    # -- text ---------------------------------------------------------------------
    @property
    def text(self) -> str:
        """The source text. Read-only: offsets point into it."""
        return self._text

    def __len__(self) -> int:
        return len(self._text)

    def __repr__(self) -> str:
        groups = ", ".join(f"{k}={len(v)}" for k, v in self._spans.items())
        return f"<Document {self.id!r} ({len(self._text)} chars; {groups or 'no spans'})>"

    def content_hash(self) -> str:
        """SHA-256 hex digest of the UTF-8 text (stable id, dedup key)."""
        return hashlib.sha256(self._text.encode("utf-8", "surrogatepass")).hexdigest()

    def span_text(self, span: Span | tuple[int, int]) -> str:
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        return self._text[start:end]

    # -- spans --------------------------------------------------------------------
    @property
    def spans(self) -> Mapping[str, SpanGroup]:
        """Span groups by name (read-only view; use :meth:`set_spans` to change)."""
        return dict(self._spans)

    def has_group(self, name: str) -> bool:
        return name in self._spans

    def group(self, name: str) -> SpanGroup:
        """The named group, or an empty one if it was never set."""
        return self._spans.get(name) or SpanGroup(name)

    def _check(self, span: Span, group: str) -> Span:
        if not isinstance(span, Span):
            raise DocumentError(f"group {group!r}: expected Span, got {type(span).__name__}")
        if span.end > len(self._text):
            raise OffsetError(
                f"group {group!r}: span [{span.start}, {span.end}) ends past the text "
                f"({len(self._text)} characters)"
            )
        return span

    def set_spans(self, name: str, spans: Iterable[Span]) -> SpanGroup:
        """Replace group ``name`` with ``spans`` (validated against the text)."""
        checked = [self._check(s, name) for s in spans]
        group = SpanGroup(name, checked)
        self._spans[name] = group
        return group

    def add_spans(self, name: str, spans: Iterable[Span]) -> SpanGroup:
        """Append ``spans`` to group ``name`` (created if missing)."""
        return self.set_spans(name, [*self.group(name), *spans])

    def remove_group(self, name: str) -> None:
        self._spans.pop(name, None)

    def char_span(
        self,
        start: int,
        end: int,
        label: str = "",
        score: float | None = None,
        *,
        alignment_mode: AlignmentMode = "strict",
        attrs: Mapping[str, Any] | None = None,
    ) -> Span | None:
        """A span aligned to token boundaries (needs the ``tokens`` group).

        Args:
            alignment_mode: ``"strict"`` returns ``None`` unless both ends fall on token
                boundaries; ``"contract"`` shrinks to the tokens wholly inside;
                ``"expand"`` grows to the tokens touched.

        Returns:
            The span, or ``None`` if it cannot be aligned (never a guess).
        """
        if not (0 <= start < end <= len(self._text)):
            return None
        tokens = self._spans.get("tokens")
        if tokens is None:
            raise DocumentError("char_span needs the 'tokens' group: run the sentences component")
        touched = tokens.overlapping(start, end)
        if not touched:
            return None
        if alignment_mode == "strict":
            if touched[0].start != start or touched[-1].end != end:
                return None
            s, e = start, end
        elif alignment_mode == "contract":
            inside = [t for t in touched if t.start >= start and t.end <= end]
            if not inside:
                return None
            s, e = inside[0].start, inside[-1].end
        elif alignment_mode == "expand":
            s, e = touched[0].start, max(t.end for t in touched)
        else:
            raise DocumentError(f"unknown alignment_mode {alignment_mode!r}")
        return Span(s, e, label, score, dict(attrs or {}))

    # -- sentence/token helpers -------------------------------------------------
    @property
    def sentences(self) -> SpanGroup:
        return self.group("sentences")

    @property
    def tokens(self) -> SpanGroup:
        return self.group("tokens")

    def sentence_at(self, offset: int) -> Span | None:
        """The sentence containing character ``offset``, if sentences were assigned."""
        hits = self.group("sentences").covering(offset)
        return hits[0] if hits else None

    def tokens_in(self, span: Span | tuple[int, int]) -> list[Span]:
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        return self.group("tokens").overlapping(start, end)

    def is_boilerplate(self, span: Span | tuple[int, int]) -> bool:
        """True if ``span`` lies entirely inside a ``boilerplate`` span."""
        start, end = (span.start, span.end) if isinstance(span, Span) else span
        return any(
            b.contains((start, end)) for b in self.group("boilerplate").overlapping(start, end)
        )

    def content_ranges(self) -> list[tuple[int, int]]:
        """The ``[start, end)`` ranges of the text outside boilerplate, in order.

        Analysers run on these ranges only, so that blog footers and share buttons
        never count as the article's words.
        """
        ranges: list[tuple[int, int]] = []
        pos = 0
        for b in self.group("boilerplate"):
            if b.start > pos:
                ranges.append((pos, b.start))
            pos = max(pos, b.end)
        if pos < len(self._text):
            ranges.append((pos, len(self._text)))
        return ranges

    # -- serialisation ----------------------------------------------------------
    def to_dict(
        self, *, include_text: bool = True, groups: Iterable[str] | None = None
    ) -> dict[str, Any]:
        wanted = set(groups) if groups is not None else None
        out: dict[str, Any] = {"schema": SCHEMA, "id": self.id}
        if include_text:
            out["text"] = self._text
        out["meta"] = self.meta.to_dict()
        out["spans"] = {
            name: [s.to_dict() for s in group]
            for name, group in self._spans.items()
            if wanted is None or name in wanted
        }
        return out

    def to_json(self, *, indent: int | None = None, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(**kwargs), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Document:
        schema = data.get("schema", SCHEMA)
        if schema != SCHEMA:
            raise DocumentError(f"unsupported schema {schema!r} (this version reads {SCHEMA!r})")
        if "text" not in data:
            raise DocumentError("document JSON lacks 'text'")
        spans = {
            name: [Span.from_dict(s) for s in group]
            for name, group in (data.get("spans") or {}).items()
        }
        return cls(
            data["text"],
            id=data.get("id"),
            meta=Meta.from_dict(data.get("meta") or {}),
            spans=spans,
        )

    @classmethod
    def from_json(cls, payload: str | bytes) -> Document:
        try:
            data = json.loads(payload)
        except json.JSONDecodeError as exc:
            raise DocumentError(f"not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise DocumentError("document JSON must be an object")
        return cls.from_dict(data)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (
            self._text == other._text
            and self.id == other.id
            and self.meta == other.meta
            and self._spans == other._spans
        )

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class ErrorRecord:
    """An input or document that could not be read or analysed; stands in its place
    in a stream of results, so one bad article never stops a batch.

    Attributes:
        id: the document id (or the input's position when it had none).
        error: the message.
        kind: the exception class name.
        component: the component that failed, if the failure happened in one.
        source: where the input came from, if known.
    """

    id: str
    error: str
    kind: str
    component: str | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": ERROR_SCHEMA,
            "id": self.id,
            "error": self.error,
            "kind": self.kind,
            "component": self.component,
            "source": self.source,
        }
