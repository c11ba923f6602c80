"""The "who says what" section of the reports (``attributions`` and ``assertions``).

Who says what, the share of the article attributed to a source, and what it asserts
in its own voice with its hedges (:func:`spinscope.attribution.profile.sourcing_profile`).
Registered as the ``sourcing`` report section (entry point group
``spinscope.report_sections``).

The component writes the span attributes this reads, but a document can come from
anywhere (a JSON file, a hand-built test): every attribute is checked, and a malformed
one is dropped rather than crashing the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from spinscope.attribution.profile import SourcingProfile, sourcing_profile
from spinscope.document import Document, Span
from spinscope.reports._layout import ATTRIBUTION_GROUP, OWN_VOICE_GROUP, Finding, as_range
from spinscope.reports.helpers import (
    DIM,
    MAX_ROWS,
    display_text,
    finding_index,
    more_text,
    trim,
)
from spinscope.reports.sections import ReportSection

__all__ = ["SECTION", "OwnVoice", "SourcingView", "Statement", "sourcing_view"]


@dataclass(frozen=True, slots=True)
class Statement:
    """One row of the "who says what" table.

    Attributes:
        speaker: the speaker's name; ``None`` for an unnamed or missing source.
        role: the speaker's role or, for an unnamed source, its description.
        affiliation: what the speaker is grouped under (a country where evident).
        source: how the article names the source, when no speaker was resolved.
        kind: ``direct``, ``indirect`` or ``mixed`` (or ``None``).
        cue: the reporting words.
        content: what is attributed, on one line.
        index: the attribution's number among the report's findings.
        anonymous: the source is named by description only ("officials").
        unsourced: no source at all ("is known for"): the article's own voice.
        unnamed: for a source with no name, what it is: ``"person"`` (then
            ``anonymous``), ``"document"`` ("the new regulations") or ``"institution"``
            ("police").
    """

    speaker: str | None
    role: str | None
    affiliation: str | None
    source: str | None
    kind: str | None
    cue: str
    content: str
    index: int | None
    anonymous: bool = False
    unsourced: bool = False
    unnamed: str | None = None

    @property
    def who(self) -> str:
        """The speaker column in one string."""
        if self.unsourced:
            return "no source named"
        if self.speaker:
            return self.speaker
        if self.unnamed == "document":
            return f"document: {self.role}" if self.role else "a document"
        if self.unnamed == "institution" and self.role:
            return self.role
        if self.anonymous:
            return f"unnamed: {self.role}" if self.role else "unnamed source"
        return self.source or "unresolved source"

    @property
    def describe(self) -> str:
        """Role and affiliation (each left out when the speaker column already says it)."""
        parts = []
        if self.role and not (self.speaker is None and (self.anonymous or self.unnamed)):
            parts.append(self.role)
        if self.affiliation and self.affiliation.casefold() not in self.who.casefold():
            parts.append(self.affiliation)
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class OwnVoice:
    """An own-voice assertion: a sentence the article states without a source."""

    text: str
    hedges: tuple[str, ...]
    index: int | None


@dataclass(frozen=True, slots=True)
class SourcingView:
    """What the reports show of a :class:`SourcingProfile`."""

    profile: SourcingProfile
    statements: tuple[Statement, ...]
    assertions: tuple[OwnVoice, ...]
    has_attributions: bool
    has_assertions: bool
    has_sentences: bool

    @property
    def hedged(self) -> int:
        return sum(1 for a in self.assertions if a.hedges)

    def headline(self) -> list[str]:
        """The summary, as short phrases."""
        p = self.profile
        out: list[str] = []
        if self.has_attributions:
            # Every attribution, as in the table and the summary's count; the share of
            # the text is that of the statements whose source the article names.
            n = len(self.statements)
            sourced = sum(1 for s in self.statements if not s.unsourced)
            phrase = f"{n:,} attributed statement{'s' * (n != 1)}"
            if sourced != n:
                phrase += f", {sourced:,} with a source named"
            if self.has_sentences:
                phrase += f" ({p.attributed_share:.0%} of the text)"
            out.append(phrase)
        if self.has_assertions:
            n = len(self.assertions)
            phrase = f"{n:,} own-voice assertion{'s' * (n != 1)}"
            if n:
                phrase += f", {self.hedged:,} hedged"
            if self.has_sentences:
                phrase += f" ({p.own_voice_share:.0%} of the text)"
            out.append(phrase)
        return out

    def rows(self) -> list[tuple[Statement, bool]]:
        """The statements shown (at most :data:`MAX_ROWS`), each with whether to show
        the speaker's role: only on the first of consecutive rows of one speaker."""
        out: list[tuple[Statement, bool]] = []
        previous = None
        for st in self.statements[:MAX_ROWS]:
            out.append((st, (st.who, st.describe) != previous))
            previous = (st.who, st.describe)
        return out

    def by_affiliation(self) -> str:
        """``"Russia 5 · Western 1"``: attributed statements per affiliation."""
        return " · ".join(f"{display_text(k)} {v}" for k, v in self.profile.by_group.items())


#: What the profile groups speakers under when it knows no affiliation.
_NO_AFFILIATION = frozenset({"anonymous", "unaffiliated", "documents", "institutions"})


def _affiliation(group: str | None, affiliation: str | None) -> str | None:
    """The profile's group (the country where evident, else the affiliation), unless it
    only says that there is no affiliation."""
    if group and (affiliation or group not in _NO_AFFILIATION):
        return group
    return _str(affiliation)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _clean_attribution(span: Span, n: int, ids: dict[tuple[Any, ...], int]) -> Span:
    a = span.attrs
    source = as_range(a.get("source"), n)
    cue = as_range(a.get("cue"), n) or (span.start, span.start)
    raw = a.get("content")
    content = [r for r in (as_range(c, n) for c in (raw if isinstance(raw, list) else [])) if r]
    speaker: dict[str, Any] | None = None
    sp = a.get("speaker")
    if isinstance(sp, Mapping) and source is not None:
        fields = {k: _str(sp.get(k)) for k in ("name", "role", "affiliation", "mention")}
        sid = sp.get("id")
        if type(sid) is not int:
            # Without an id, the profile would merge every such speaker into one row:
            # give the same (name, role, affiliation) the same made-up id.
            key = (fields["name"], fields["role"], fields["affiliation"])
            sid = ids.setdefault(key, -2 - len(ids))
        speaker = {"id": sid, **fields}
    return Span(
        span.start,
        span.end,
        span.label,
        span.score,
        {
            "source": None if source is None else {"start": source[0], "end": source[1]},
            "cue": {"start": cue[0], "end": cue[1]},
            "content": [{"start": s, "end": e} for s, e in content],
            "kind": _str(a.get("kind")),
            "speaker": speaker,
        },
    )


def _clean_assertion(span: Span, text: str) -> Span:
    raw = span.attrs.get("hedges")
    hedges = []
    for h in raw if isinstance(raw, list) else []:
        r = as_range(h, len(text))
        if r is None:
            continue
        words = _str(h.get("text")) or text[r[0] : r[1]]
        hedges.append({"start": r[0], "end": r[1], "text": words, "kind": _str(h.get("kind"))})
    return Span(span.start, span.end, span.label, span.score, {"hedges": hedges})


def _sanitised(doc: Document) -> Document:
    """A copy of ``doc`` whose attribution and assertion attrs have the documented shape."""
    n = len(doc.text)
    ids: dict[tuple[Any, ...], int] = {}
    spans: dict[str, Iterable[Span]] = {
        name: doc.group(name) for name in ("sentences", "boilerplate") if doc.has_group(name)
    }
    spans[ATTRIBUTION_GROUP] = [_clean_attribution(s, n, ids) for s in doc.group(ATTRIBUTION_GROUP)]
    spans[OWN_VOICE_GROUP] = [_clean_assertion(s, doc.text) for s in doc.group(OWN_VOICE_GROUP)]
    return Document(doc.text, id=doc.id, spans=spans)


def sourcing_view(doc: Document, found: Sequence[Finding] = ()) -> SourcingView:
    """The sourcing profile of ``doc`` as the reports show it."""
    clean = _sanitised(doc)
    profile = sourcing_profile(clean)
    index = finding_index(found)
    extent = {(g, start, end): i for (g, start, end, _), i in reversed(index.items())}
    # The profile's statements carry the attribution's extent: map it back to the span.
    by_extent: dict[tuple[int, int], list[Span]] = {}
    for s in clean.group(ATTRIBUTION_GROUP):
        by_extent.setdefault((s.start, s.end), []).append(s)

    def take(st: Mapping[str, Any]) -> tuple[Span | None, int | None]:
        candidates = by_extent.get((st["start"], st["end"])) or []
        span = candidates.pop(0) if candidates else None
        if span is None:
            return None, None
        return span, index.get((ATTRIBUTION_GROUP, span.start, span.end, span.label))

    rows: list[Statement] = []
    for row in profile.speakers:
        for st in row.statements:
            _, number = take(st)
            rows.append(
                Statement(
                    speaker=_str(row.name),
                    role=_str(row.role),
                    affiliation=_affiliation(row.group, row.affiliation),
                    source=_str(st.get("mention")),
                    kind=_str(st.get("kind")),
                    cue=trim(str(st.get("cue") or "")),
                    content=trim(str(st.get("content") or "")),
                    index=number,
                    anonymous=row.unnamed == "person",
                    unnamed=row.unnamed,
                )
            )
    for st in profile.unsourced:
        span, number = take(st)
        source = None
        if span is not None:
            r = as_range(span.attrs.get("source"), len(doc.text))
            source = trim(doc.text[r[0] : r[1]], 80) if r else None
        rows.append(
            Statement(
                speaker=None,
                role=None,
                affiliation=None,
                source=source,
                kind=_str(st.get("kind")),
                cue=trim(str(st.get("cue") or "")),
                content=trim(str(st.get("content") or "")),
                index=number,
                unsourced=source is None,
            )
        )
    assertions = tuple(
        OwnVoice(
            text=trim(str(a.get("text") or "")),
            hedges=tuple(
                trim(str(h["text"]), 60)
                for h in a.get("hedges", [])
                if isinstance(h, Mapping) and h.get("text")
            ),
            index=extent.get((OWN_VOICE_GROUP, a["start"], a["end"])),
        )
        for a in profile.assertions
    )
    return SourcingView(
        profile=profile,
        statements=tuple(rows),
        assertions=assertions,
        has_attributions=doc.has_group(ATTRIBUTION_GROUP),
        has_assertions=doc.has_group(OWN_VOICE_GROUP),
        has_sentences=doc.has_group("sentences") and len(doc.sentences) > 0,
    )


def sourcing_text(view: SourcingView) -> list[RenderableType]:
    """The section in the terminal: headline, who says what, own-voice assertions."""
    out: list[RenderableType] = []
    headline = view.headline()
    if headline:
        out.append(Text(" · ".join(headline), style=DIM))
    groups = view.by_affiliation()
    if groups:
        out.append(Text.assemble(("attributed to: ", DIM), groups))
    if view.has_attributions and not view.statements:
        out.append(Text("No attribution found.", style=DIM))
    if view.statements:
        # Three columns, so that it stays readable in a narrow terminal: the kind and
        # the cue (bracketed as in the text) open the "what they said" cell.
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("speaker", overflow="fold", ratio=1)
        table.add_column("kind, ⌈cue⌉ and what they said", overflow="fold", ratio=2)
        for st, first in view.rows():
            who = Text(display_text(st.who), style="italic" if not st.speaker else "bold")
            if st.describe and first:
                who.append("\n" + display_text(st.describe), style=DIM)
            if st.unsourced:
                who.append("\n(the article's own voice)", style=DIM)
            said = Text()
            if st.kind:
                said.append(display_text(st.kind) + " ", style=DIM)
            if st.cue:
                said.append(f"⌈{st.cue}⌉ ", style="italic")
            said.append(st.content)
            table.add_row("" if st.index is None else str(st.index), who, said)
        out.append(table)
        if len(view.statements) > MAX_ROWS:
            out.append(more_text(len(view.statements) - MAX_ROWS))
    if view.has_assertions:
        out.append(Text("In the article's own voice", style="italic"))
        if not view.assertions:
            out.append(Text("No own-voice assertion.", style=DIM))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(overflow="fold")
        for a in view.assertions[:MAX_ROWS]:
            cell = Text(a.text)
            if a.hedges:
                cell.append("\nhedges: " + ", ".join(a.hedges), style=DIM)
            grid.add_row(Text("" if a.index is None else f"⟨{a.index}⟩", style="bold"), cell)
        if view.assertions:
            out.append(grid)
        if len(view.assertions) > MAX_ROWS:
            out.append(more_text(len(view.assertions) - MAX_ROWS))
    return out


def _profile(doc: Document) -> dict[str, Any]:
    return sourcing_profile(_sanitised(doc)).to_dict()


SECTION: ReportSection[SourcingView] = ReportSection(
    name="sourcing",
    title="Who says what",
    groups=(ATTRIBUTION_GROUP, OWN_VOICE_GROUP),
    build=sourcing_view,
    text=sourcing_text,
    profile=_profile,
    headline=SourcingView.headline,
    order=20,
    package="spinscope.attribution",
    template="templates/sourcing_profile.html",
)
