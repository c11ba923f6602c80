"""The technique profile section of the reports (``techniques`` group).

The expected number of technique spans per 1,000 words (from the calibrated scores),
split into the article's own voice and quoted speech when ``attribution.v1`` ran,
per technique the spans shown and their expected rate, and the most confident shown
spans (one entry per range, with all its techniques) with text, score and definition
(:func:`spinscope.techniques.profile.technique_profile`). Registered as the
``techniques`` report section (entry point group ``spinscope.report_sections``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.console import RenderableType
from rich.padding import Padding
from rich.style import Style
from rich.table import Table
from rich.text import Text

from spinscope.document import Document, Span
from spinscope.reports._layout import PALETTE, Finding, colour_index
from spinscope.reports.helpers import (
    DIM,
    display_text,
    excerpt,
    finding_index,
    score,
    swatch_style,
)
from spinscope.reports.sections import ReportSection
from spinscope.techniques.definitions import DEFINITIONS
from spinscope.techniques.profile import TechniqueProfile, technique_profile

__all__ = [
    "GROUP",
    "SECTION",
    "TechniqueCount",
    "TechniqueView",
    "TopTechnique",
    "technique_name",
    "technique_view",
]

#: The span group of propaganda techniques.
GROUP = "techniques"

#: Most confident technique spans shown.
TOP_K = 5

#: How a technique span's score is made, for the reader who sees it next to the model's
#: ``span_prob`` and ``label_prob`` (the model card's "Score").
SCORE_NOTE = (
    "score: the calibrated chance that the text uses the technique, from span_prob (a "
    "technique span here?) and label_prob (this technique?), fitted on held-out PTC "
    "articles"
)


#: What the leading own-voice rate leaves out (``profile.COMMON_TECHNIQUES``).
ASIDE = "loaded language and repetition aside"


def technique_name(label: str) -> str:
    """The human name of a PTC label (``Name_Calling,Labeling`` → ``Name calling``)."""
    technique = DEFINITIONS.get(label)
    return technique.name if technique is not None else label


@dataclass(frozen=True, slots=True)
class TechniqueCount:
    """One row of the counts table: spans shown, and the expected count (sum of the
    calibrated scores of every detected span of the technique)."""

    label: str
    name: str
    count: int
    expected: float = 0.0


@dataclass(frozen=True, slots=True)
class TopTechnique:
    """One of the most confident technique ranges (its first technique; ``others``:
    the further techniques of the same characters, as ``(label, name, score)``)."""

    label: str
    name: str
    score: float | None
    text: str
    definition: str
    index: int | None  # the finding's number, if it is one
    others: tuple[tuple[str, str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class TechniqueView:
    """What the reports show of a :class:`TechniqueProfile`."""

    profile: TechniqueProfile
    counts: tuple[TechniqueCount, ...]
    top: tuple[TopTechnique, ...]

    @property
    def score_note(self) -> str:
        """How the scores shown are made (:data:`SCORE_NOTE`)."""
        return SCORE_NOTE

    @property
    def headline(self) -> str:
        p = self.profile
        rate = f"{p.per_1000_words:.1f} expected technique spans per 1,000 words"
        sums = f"(sum of calibrated scores: {p.expected:.1f} in {_words(p.words)})"
        shown = f"{p.shown:,} of {p.spans:,} detected span{'s' * (p.spans != 1)} shown"
        v = p.voices
        if v is None:
            return f"{rate} {sums}; {shown}"
        return (
            f"own voice: {v.own_distinctive_per_1000_words:.1f} expected technique spans per "
            f"1,000 words, {ASIDE} ({v.own_distinctive_expected:.1f} in {_words(v.own_words)}), "
            f"{v.own_per_1000_words:.1f} with them ({v.own_expected:.1f}) · "
            + (
                f"in quotes: {v.quoted_per_1000_words:.1f} "
                f"({v.quoted_expected:.1f} in {_words(v.quoted_words)})"
                if v.quoted_words
                else "no quoted speech"
            )
            + f" · overall: {p.per_1000_words:.1f} {sums}; {shown}"
        )

    def rate(self, count: float) -> str:
        """``count`` per 1,000 words, one decimal (empty for a text without words)."""
        words = self.profile.words
        return f"{1000 * count / words:.1f}" if words else ""


def _words(n: int) -> str:
    return f"{n:,} word{'s' * (n != 1)}"


def technique_view(doc: Document, found: Sequence[Finding] = ()) -> TechniqueView:
    """The technique profile of ``doc`` as the reports show it.

    When ``found`` holds technique findings, the spans shown are those (the report's
    display threshold); otherwise the component's ``shown`` marks.
    """
    shown_ranges = {(f.span.start, f.span.end) for f in found if f.group == GROUP}
    if shown_ranges:
        profile = technique_profile(doc, k=TOP_K, shown=lambda s: (s.start, s.end) in shown_ranges)
    else:
        profile = technique_profile(doc, k=TOP_K)
    counts = [
        TechniqueCount(
            label,
            technique_name(label),
            profile.shown_counts.get(label, 0),
            profile.expected_counts.get(label, 0.0),
        )
        for label, n in profile.counts.items()
        if n
    ]
    # Labels outside the 14 PTC techniques (another model, a hand-made file) still count.
    extra: dict[str, list[Span]] = {}
    for s in doc.group(GROUP):
        if s.label not in profile.counts and not doc.is_boilerplate(s):
            extra.setdefault(s.label, []).append(s)
    counts += [
        TechniqueCount(
            label,
            label or "(no label)",
            sum(1 for s in spans if (s.start, s.end) in shown_ranges or not shown_ranges),
            sum(float(s.score or 0.0) for s in spans),
        )
        for label, spans in extra.items()
    ]
    counts.sort(key=lambda c: (-c.count, -c.expected, c.name))
    index = finding_index(found)
    spans: dict[tuple[int, int, str], Span] = {}
    for s in doc.group(GROUP):
        spans.setdefault((s.start, s.end, s.label), s)
    top = []
    for t in profile.top:
        span = spans.get((t.start, t.end, t.label))
        own = span.attrs.get("definition") if span is not None else None
        # The span's own definition (what the findings table shows) comes first.
        definition = own if isinstance(own, str) and own else t.definition
        others = tuple(
            (label, technique_name(label), sc)
            for label, sc in zip(t.labels[1:], t.scores[1:], strict=True)
        )
        top.append(
            TopTechnique(
                label=t.label,
                name=technique_name(t.label),
                score=span.score if span is not None else t.score,
                text=t.text,
                definition=definition,
                index=index.get((GROUP, t.start, t.end, t.label)),
                others=others,
            )
        )
    return TechniqueView(profile, tuple(counts), tuple(top))


def technique_text(view: TechniqueView) -> list[RenderableType]:
    """The section in the terminal: headline, counts table, most confident spans."""
    out: list[RenderableType] = [Text(view.headline, style=DIM)]
    if view.counts:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        table.add_column("", no_wrap=True)
        table.add_column("technique", overflow="fold")
        table.add_column("shown", justify="right", no_wrap=True)
        table.add_column("expected per 1,000 words", justify="right", no_wrap=True)
        for c in view.counts:
            swatch = Text("  ", style=Style(bgcolor=PALETTE[colour_index(GROUP, c.label)]))
            table.add_row(swatch, display_text(c.name), str(c.count), view.rate(c.expected))
        out.append(table)
    if view.top:
        out.append(Text("Most confident", style="italic"))
        out.append(Text(SCORE_NOTE, style=DIM))
        for rank, t in enumerate(view.top, start=1):
            ref = f"  #{t.index}" if t.index is not None else ""
            line = Text.assemble(
                (f"{rank}. ", "bold"),
                (f" {display_text(t.name)} ", swatch_style(GROUP, t.label)),
                f"  {score(t.score)}",
            )
            for label, name, sc in t.others:
                line.append(" · ")
                line.append(f" {display_text(name)} ", style=swatch_style(GROUP, label))
                line.append(f"  {score(sc)}")
            line.append(ref, style=DIM)
            out.append(line)
            out.append(Padding(Text(f"“{excerpt(t.text)}”"), (0, 0, 0, 3)))
            if t.definition:
                out.append(Padding(Text(display_text(t.definition), style=DIM), (0, 0, 0, 3)))
    return out


def _headline(view: TechniqueView) -> list[str]:
    p = view.profile
    v = p.voices
    if v is None:  # attribution.v1 did not run: no voice split
        return [f"{p.per_1000_words:.1f} expected technique spans per 1,000 words"]
    # The outlet's own voice first: what the people it quotes say comes second.
    quoted = f"in quotes: {v.quoted_per_1000_words:.1f}" if v.quoted_words else "no quoted speech"
    # The rate without the techniques ordinary reporting is full of leads: it is the one
    # that tells a wire story from propaganda (profile.COMMON_TECHNIQUES).
    return [
        f"own voice: {v.own_distinctive_per_1000_words:.1f} expected technique spans per "
        f"1,000 words, {ASIDE} ({v.own_per_1000_words:.1f} with them) · {quoted}"
    ]


def _profile(doc: Document) -> dict[str, Any]:
    return technique_profile(doc, k=TOP_K).to_dict()


SECTION: ReportSection[TechniqueView] = ReportSection(
    name="techniques",
    title="Technique profile",
    groups=(GROUP,),
    build=technique_view,
    text=technique_text,
    profile=_profile,
    headline=_headline,
    order=10,
    package="spinscope.techniques",
    template="templates/technique_profile.html",
    html_id="technique-profile",
)
