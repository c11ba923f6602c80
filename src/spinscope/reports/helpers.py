"""What report sections share with the generic reports: formatting, styles, limits.

Sections live in their analyses' packages (see :mod:`spinscope.reports.sections`); this
module is what they may use of the reports, so that every section numbers, colours,
cuts and caps its rows like the rest of the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

from spinscope.reports._layout import PALETTE, Finding, colour_index, display_text

__all__ = [
    "DIM",
    "EXCERPT_CHARS",
    "MAX_ROWS",
    "STATEMENT_CHARS",
    "colour_index",
    "display_text",
    "excerpt",
    "finding_index",
    "more_text",
    "score",
    "swatch_style",
    "trim",
]

#: Most rows of a section's table (long documents); the JSON output has them all.
MAX_ROWS = 200

#: Longest excerpt of a span's text in a terminal list.
EXCERPT_CHARS = 80

#: Longest statement or assertion text shown (the rest is cut with "…").
STATEMENT_CHARS = 400

#: Secondary text in the terminal.
DIM = Style(dim=True)


def score(value: float | None) -> str:
    """A score with two decimals; empty when there is none."""
    return "" if value is None else f"{value:.2f}"


def trim(text: str, limit: int = STATEMENT_CHARS) -> str:
    """``text`` on one line, control characters made visible, cut at ``limit`` — at
    the last space before it when there is one in the last fifth, so that no word is
    cut in two ("yet a…" would read as a word)."""
    flat = " ".join(display_text(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 4 // 5:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A short one-line excerpt (see :func:`trim`)."""
    return trim(text, limit)


def finding_index(found: Sequence[Finding]) -> dict[tuple[str, int, int, str], int]:
    """``(group, start, end, label)`` → the finding's number (the first, if repeated);
    every label of a finding with several maps to it."""
    index: dict[tuple[str, int, int, str], int] = {}
    for f in found:
        for span in f.spans:
            index.setdefault((f.group, span.start, span.end, span.label), f.index)
    return index


def swatch_style(group: str, label: str) -> Style:
    """The terminal style of a label's highlight (black on its palette colour)."""
    return Style(color="black", bgcolor=PALETTE[colour_index(group, label)])


def more_text(n: int) -> Text:
    """The line that says how many rows a capped table left out."""
    return Text(f"… and {n:,} more (see the JSON output)", style=DIM)
