"""Terminal report: the article with highlighted findings, a legend and a summary.

The report is a `rich` renderable, so it wraps to the terminal's width and loses its
colours when written to a pipe or a file. Everything it shows is also readable
without colour: a finding is bracketed ``⟦like this⟧3`` (3 is its number in the
findings table), and boilerplate is followed by ``⟵ skipped (label)``.

Example:
    >>> from spinscope import Document, Span
    >>> doc = Document("They lied again.", id="d1")
    >>> doc.set_spans("techniques", [Span(5, 9, "Loaded_Language", 0.8)])
    <SpanGroup 'techniques' (1 spans)>
    >>> "⟦lied⟧1" in render_text(doc, width=60)
    True
"""

from __future__ import annotations

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
    PALETTE,
    Finding,
    analysis_groups,
    colour_index,
    display_text,
    findings,
    plural,
    segments,
    summarize,
)

__all__ = ["render_text", "text_report"]

#: Longest excerpt of a finding's text shown in the findings table.
EXCERPT_CHARS = 80

_DIM = Style(dim=True)
_SKIPPED = Style(dim=True, italic=True)


def _style(finding: Finding) -> Style:
    return Style(color="black", bgcolor=PALETTE[colour_index(finding.group, finding.label)])


def _marker(finding: Finding) -> Style:
    return _style(finding) + Style(bold=True)


def _score(score: float | None) -> str:
    return "" if score is None else f"{score:.2f}"


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    flat = " ".join(display_text(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _header(doc: Document, n_findings: int) -> RenderableType:
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
            lines.append(Text.assemble((f"{name}: ", _DIM), display_text(str(value))))
    counts = [plural(len(doc.text), "character")]
    if doc.has_group("sentences"):
        counts.append(plural(len(doc.sentences), "sentence"))
    n_bp = len(doc.group("boilerplate"))
    if n_bp:
        counts.append(plural(n_bp, "boilerplate block") + " skipped")
    counts.append(plural(n_findings, "finding"))
    lines.append(Text(" · ".join(counts), style=_DIM))
    return Group(*lines)


def _body(doc: Document, found: list[Finding]) -> Text:
    body = Text()
    for seg in segments(doc, found):
        for f in seg.opens:
            body.append("⟦", style=_marker(f))
        piece = display_text(doc.text[seg.start : seg.end])
        if seg.boilerplate is not None:
            body.append(piece, style=_SKIPPED)
        elif seg.covering:
            style = _style(seg.covering[0])
            if len(seg.covering) > 1:
                style += Style(underline=True)
            body.append(piece, style=style)
        else:
            body.append(piece)
        for f in seg.closes:
            body.append(f"⟧{f.index}", style=_marker(f))
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
        swatch = Text("  ", style=Style(bgcolor=PALETTE[colour_index(item.group, item.label)]))
        label = Text("  " + display_text(item.label))
        table.add_row(swatch, label, str(item.count), _score(item.max_score))
    out: list[RenderableType] = [table, Text()]
    defined = [item for item in items if item.definition]
    if defined:
        out.append(Text("Definitions", style="italic"))
        for item in defined:
            line = Text.assemble(
                (display_text(item.label), "bold"), ": ", display_text(item.definition or "")
            )
            out.append(Padding(line, (0, 0, 0, 2)))
        out.append(Text())
    return out


def _findings_list(doc: Document, found: list[Finding]) -> list[RenderableType]:
    """One block per finding (robust at any width: nothing is ever cropped)."""
    out: list[RenderableType] = [Text("Findings", style="italic")]
    pad = len(str(len(found))) + 2
    for f in found:
        score = f"  {_score(f.span.score)}" if f.span.score is not None else ""
        out.append(
            Text.assemble(
                (f"{f.index:>{pad - 2}}  ", "bold"),
                (f" {display_text(f.label)} ", _style(f)),
                score,
                (f"  {f.group} {f.span.start}-{f.span.end}", _DIM),
            )
        )
        out.append(Padding(Text(_excerpt(doc.span_text(f.span))), (0, 0, 0, pad)))
        details = f.details(doc.text)
        if details:
            out.append(Padding(Text(details, style=_DIM), (0, 0, 0, pad)))
    out.append(Text())
    return out


def text_report(doc: Document, *, groups: Iterable[str] | None = None) -> RenderableType:
    """The report as a `rich` renderable (print it with a :class:`rich.console.Console`).

    Args:
        doc: an analysed document.
        groups: span groups to highlight; default: every non-structural group
            (anything but ``tokens``, ``sentences`` and ``boilerplate``).

    Returns:
        A renderable that wraps to the console's width.
    """
    found = findings(doc, groups)
    parts: list[RenderableType] = [_header(doc, len(found)), Text(), _body(doc, found), Text()]
    if found:
        parts += [*_legend(found), *_findings_list(doc, found)]
    else:
        present = ", ".join(sorted(doc.spans)) or "none"
        hint = (
            "No findings."
            if analysis_groups(doc)
            else "No findings: no analysis component ran (span groups present: "
            f"{present}). `spinscope components` lists what is installed."
        )
        parts += [Text(hint, style=_DIM), Text()]
    return Group(*parts)


def render_text(
    doc: Document,
    *,
    width: int = 100,
    color: bool = False,
    groups: Iterable[str] | None = None,
) -> str:
    """The report as a string.

    Args:
        doc: an analysed document.
        width: columns to wrap to.
        color: include ANSI colour codes (for a terminal or ``less -R``).
        groups: span groups to highlight (see :func:`text_report`).

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
    console.print(text_report(doc, groups=groups))
    out = buffer.getvalue()
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"
