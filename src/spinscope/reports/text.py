"""Terminal report: the article with highlighted findings, a legend and a summary.

The report is a `rich` renderable, so it wraps to the terminal's width and loses its
colours when written to a pipe or a file. Everything it shows is also readable
without colour: a finding is bracketed ``⟦like this⟧3`` (3 is its number in the
findings table; where two findings cross, their opening brackets are numbered too,
``3⟦``, the number always outside its bracket), and boilerplate is followed by
``⟵ skipped (label)``.

Who says what is marked in the text too: inside an attribution, the source is
``‹bracketed›`` and the reporting words ``⌈like this⌉`` (the rest is what is
attributed); an own-voice assertion, a sentence the article states without a source,
is bracketed ``⟨like this⟩4`` (and underlined in colour), its hedges ``⌊like this⌋``.
After the text come the report sections whose span groups are present, each under its
title (the technique profile, who says what, the labels applied...: each analysis
renders its own, see :mod:`spinscope.reports.sections`).

Example:
    >>> from spinscope import Document, Span
    >>> doc = Document("They lied again.", id="d1")
    >>> doc.set_spans("techniques", [Span(5, 9, "Loaded_Language", 0.8)])
    <SpanGroup 'techniques' (1 spans)>
    >>> "⟦lied⟧1" in render_text(doc, width=60)
    True
"""

from __future__ import annotations

import bisect
import io
from collections.abc import Iterable

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.style import Style
from rich.table import Table
from rich.text import Text

from spinscope.document import Document
from spinscope.reports._layout import (
    ATTRIBUTION_GROUP,
    OWN_VOICE_GROUP,
    PALETTE,
    Finding,
    Segment,
    analysis_groups,
    colour_index,
    display_text,
    findings,
    header_counts,
    hidden_count,
    not_run,
    segments,
    span_name,
    summarize,
)
from spinscope.reports._profiles import Profiles, profiles
from spinscope.reports.helpers import DIM, excerpt, score

__all__ = ["render_text", "text_report"]

_SKIPPED = Style(dim=True, italic=True)
_OWN_VOICE = Style(underline=True)
_LAYERED = Style(overline=True)
_ROLE_STYLES = {
    "source": Style(bold=True),
    "cue": Style(italic=True),
    "hedge": Style(color="red", bold=True, italic=True),
}

#: Brackets around a finding: own-voice assertions get their own.
_OPEN, _CLOSE = "⟦", "⟧"
_OWN_OPEN, _OWN_CLOSE = "⟨", "⟩"
#: Brackets around a part of a finding (an attribution's content has none).
_PART_BRACKETS = {"source": ("‹", "›"), "cue": ("⌈", "⌉"), "hedge": ("⌊", "⌋")}


def _style(finding: Finding) -> Style:
    if finding.own_voice:
        return _OWN_VOICE
    if not finding.highlighted:
        return Style()
    return Style(color="black", bgcolor=PALETTE[colour_index(finding.group, finding.label)])


def _marker(finding: Finding) -> Style:
    return _style(finding) + Style(bold=True)


def _brackets(finding: Finding) -> tuple[str, str]:
    return (_OWN_OPEN, _OWN_CLOSE) if finding.own_voice else (_OPEN, _CLOSE)


def _segment_style(seg: Segment) -> Style:
    highlights = seg.highlights
    style = _style(highlights[0]) if highlights else Style()
    if len(highlights) > 1:
        style += _LAYERED
    if seg.own_voice:
        style += _OWN_VOICE
    for role in sorted(seg.roles):
        style += _ROLE_STYLES.get(role, Style())
    return style


def _header(
    doc: Document, n_findings: int, profs: Profiles | None = None, n_hidden: int = 0
) -> RenderableType:
    meta = doc.meta
    title = Text(display_text(meta.title or doc.id), style="bold")
    lines: list[RenderableType] = [Rule(Text("spinscope", style="bold")), title]
    details = [
        ("source", meta.source),
        ("url", meta.url),
        ("outlet", meta.outlet),
        ("published", meta.published),
        ("language", meta.language),
    ]
    for name, value in details:
        if value:
            lines.append(Text.assemble((f"{name}: ", DIM), display_text(str(value))))
    lines.append(Text(" · ".join(header_counts(doc, n_findings, n_hidden)), style=DIM))
    lines += [Text(notice, style="bold yellow") for notice in not_run(doc)]
    glance = profs.headline() if profs else []
    if glance:
        lines.append(Text(" · ".join(glance), style="bold"))
    return Group(*lines)


def _key(found: list[Finding]) -> Text | None:
    """The bracket key, when the text shows attributions or own-voice assertions."""
    groups = {f.group for f in found}
    parts: list[str] = []
    if ATTRIBUTION_GROUP in groups:
        parts.append("attributed: ‹source› ⌈cue⌉ content")
    if any(f.own_voice for f in found):
        parts.append("⟨own-voice assertion⟩n with ⌊hedges⌋")
    if not parts:
        return None
    return Text("Key: " + " · ".join([*parts, "⟦finding⟧n"]), style=DIM)


def _crossing(found: list[Finding]) -> set[int]:
    """Indices of findings that cross another (each starts inside the other and ends
    outside it): their brackets do not nest, so the opening one is numbered too."""
    ordered = sorted(found, key=lambda f: (f.span.start, -f.span.end))
    starts = [f.span.start for f in ordered]
    out: set[int] = set()
    for i, f in enumerate(ordered):
        for g in ordered[i + 1 : bisect.bisect_left(starts, f.span.end)]:
            if f.span.start < g.span.start and f.span.end < g.span.end:
                out.update((f.index, g.index))
    return out


def _body(doc: Document, found: list[Finding]) -> Text:
    body = Text()
    crossing = _crossing(found)
    for seg in segments(doc, found):
        for f in seg.opens:
            # The number stands outside its bracket, as after every closing one
            # ("⟧3"): "3⟦" where findings cross and the closing brackets do not say
            # which opening is whose.
            number = str(f.index) if f.index in crossing else ""
            body.append(number + _brackets(f)[0], style=_marker(f))
        for p in seg.part_opens:
            if p.role in _PART_BRACKETS:
                body.append(_PART_BRACKETS[p.role][0], style=_marker(p.finding))
        piece = display_text(doc.text[seg.start : seg.end])
        if seg.boilerplate is not None:
            body.append(piece, style=_SKIPPED)
        elif seg.covering:
            body.append(piece, style=_segment_style(seg))
        else:
            body.append(piece)
        for p in seg.part_closes:
            if p.role in _PART_BRACKETS:
                body.append(_PART_BRACKETS[p.role][1], style=_marker(p.finding))
        for f in seg.closes:
            body.append(f"{_brackets(f)[1]}{f.index}", style=_marker(f))
        if seg.boilerplate_ends and seg.boilerplate is not None:
            label = seg.boilerplate.label or "boilerplate"
            body.append(f"  ⟵ skipped ({display_text(label)})", style=_SKIPPED)
    return body


def _legend(found: list[Finding]) -> list[RenderableType]:
    items = summarize(found)
    table = Table(box=box.SIMPLE_HEAD, title="Summary", title_justify="left", show_edge=False)
    table.add_column("", no_wrap=True)
    table.add_column("label", overflow="fold")
    table.add_column("count", justify="right", no_wrap=True)
    table.add_column("max score", justify="right", no_wrap=True)
    group = None
    for item in items:
        if item.group != group:
            group = item.group
            table.add_row("", Text(display_text(group), style="bold"), "", "")
        swatch = (
            Text("⟨⟩", style=_OWN_VOICE)
            if item.group == OWN_VOICE_GROUP
            else Text("  ", style=Style(bgcolor=PALETTE[colour_index(item.group, item.label)]))
        )
        label = Text("  " + display_text(item.shown_name))
        table.add_row(swatch, label, str(item.count), score(item.max_score))
    out: list[RenderableType] = [table, Text()]
    defined = [item for item in items if item.definition]
    if defined:
        out.append(Text("Definitions", style="italic"))
        for item in defined:
            line = Text.assemble(
                (display_text(item.shown_name), "bold"), ": ", display_text(item.definition or "")
            )
            out.append(Padding(line, (0, 0, 0, 2)))
        out.append(Text())
    return out


def _findings_list(doc: Document, found: list[Finding]) -> list[RenderableType]:
    """One block per finding (robust at any width: nothing is ever cropped)."""
    out: list[RenderableType] = [Text("Findings", style="italic")]
    pad = len(str(len(found))) + 2
    for f in found:
        line = Text.assemble((f"{f.index:>{pad - 2}}  ", "bold"))
        # A span with several labels is one finding: each label with its own score.
        for k, span in enumerate(f.spans):
            if k:
                line.append(" ·")
            style = _style(f) if k == 0 else _style(Finding(f.index, f.group, span))
            line.append(f" {display_text(span_name(span, f.group))} ", style=style)
            if span.score is not None:
                line.append(f"  {score(span.score)}")
        line.append(f"  {f.group} {f.span.start}-{f.span.end}", style=DIM)
        out.append(line)
        out.append(Padding(Text(excerpt(doc.span_text(f.span))), (0, 0, 0, pad)))
        details = f.details(doc.text)
        if details:
            out.append(Padding(Text(details, style=DIM), (0, 0, 0, pad)))
    out.append(Text())
    return out


def _sections(profs: Profiles) -> list[RenderableType]:
    """Each report section under its title, then a blank line."""
    out: list[RenderableType] = []
    for v in profs.views:
        out += [Text(v.section.title, style="bold"), *v.section.text(v.view), Text()]
    return out


def text_report(
    doc: Document, *, groups: Iterable[str] | None = None, min_score: float | None = None
) -> RenderableType:
    """The report as a `rich` renderable (print it with a :class:`rich.console.Console`).

    Args:
        doc: an analysed document.
        groups: span groups to highlight; default: every non-structural group
            (anything but ``tokens``, ``sentences`` and ``boilerplate``).
        min_score: show the spans that carry a display threshold (technique spans)
            from this score on, instead of those their component marked ``shown``.

    Returns:
        A renderable that wraps to the console's width.
    """
    found = findings(doc, groups, min_score=min_score)
    profs = profiles(doc, found, groups)
    hidden = hidden_count(doc, groups, min_score=min_score)
    parts: list[RenderableType] = [_header(doc, len(found), profs, hidden), Text()]
    key = _key(found)
    if key is not None:
        parts.append(key)
    parts += [_body(doc, found), Text()]
    parts += _sections(profs)
    if found:
        parts += [*_legend(found), *_findings_list(doc, found)]
    else:
        present = ", ".join(sorted(doc.spans)) or "none"
        if analysis_groups(doc):
            hint = "No findings."
        elif not_run(doc):
            hint = "No findings: the analyses were not run on this text (see above)."
        else:
            hint = (
                "No findings: no analysis component ran (span groups present: "
                f"{present}). `spinscope components` lists what is installed."
            )
        parts += [Text(hint, style=DIM), Text()]
    return Group(*parts)


def render_text(
    doc: Document,
    *,
    width: int = 100,
    color: bool = False,
    groups: Iterable[str] | None = None,
    min_score: float | None = None,
) -> str:
    """The report as a string.

    Args:
        doc: an analysed document.
        width: columns to wrap to.
        color: include ANSI colour codes (for a terminal or ``less -R``).
        groups: span groups to highlight (see :func:`text_report`).
        min_score: the display threshold of scored spans (see :func:`text_report`).

    Returns:
        The rendered report, lines joined by ``\\n``.
    """
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        color_system="truecolor" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
        _environ={},
    )
    console.print(text_report(doc, groups=groups, min_score=min_score))
    out = buffer.getvalue()
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"
