"""The "labels applied" section of the reports (``labels`` group, from ``labels.v1``).

The labelling devices an article uses and the voice that uses each
(:func:`spinscope.techniques.labels.labels_profile`). Registered as the ``labels``
report section (entry point group ``spinscope.report_sections``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from spinscope.document import Document
from spinscope.reports._layout import Finding
from spinscope.reports.helpers import (
    DIM,
    MAX_ROWS,
    display_text,
    excerpt,
    finding_index,
    more_text,
    swatch_style,
)
from spinscope.reports.sections import ReportSection
from spinscope.techniques.labels import GROUP, LabelsProfile, LabelUse, labels_profile

__all__ = ["SECTION", "LabelsView", "labels_view"]


@dataclass(frozen=True, slots=True)
class LabelsView:
    """What the reports show of a :class:`LabelsProfile`: each use with its finding number."""

    profile: LabelsProfile
    uses: tuple[tuple[LabelUse, int | None], ...]

    @staticmethod
    def used_by(use: LabelUse) -> str:
        """ "the article", "Russia (reported speech)", "Safronkov (quote)"."""
        if use.voice == "own":
            return "the article (own voice)"
        who = use.speaker or "an unnamed source"
        return f"{who} ({'quote' if use.voice == 'quoted' else 'reported speech'})"


def labels_view(doc: Document, found: Sequence[Finding] = ()) -> LabelsView:
    """The labels profile of ``doc`` as the reports show it."""
    profile = labels_profile(doc)
    index = finding_index(found)
    return LabelsView(
        profile,
        tuple((u, index.get((GROUP, u.start, u.end, u.kind))) for u in profile.uses),
    )


def labels_text(view: LabelsView) -> list[RenderableType]:
    """The section in the terminal: headline and one row per labelling device."""
    out: list[RenderableType] = [Text(view.profile.headline(), style=DIM)]
    if view.uses:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("label", overflow="fold", ratio=2)
        table.add_column("kind", no_wrap=True)
        table.add_column("used by", overflow="fold", ratio=2)
        for use, index in view.uses[:MAX_ROWS]:
            table.add_row(
                "" if index is None else str(index),
                Text(f"“{excerpt(use.text)}”", style=swatch_style(GROUP, use.kind)),
                display_text(use.kind),
                display_text(view.used_by(use)),
            )
        out.append(table)
        if len(view.uses) > MAX_ROWS:
            out.append(more_text(len(view.uses) - MAX_ROWS))
    return out


def _headline(view: LabelsView) -> list[str]:
    return [view.profile.headline()] if view.uses else []


def _profile(doc: Document) -> dict[str, Any]:
    return labels_profile(doc).to_dict()


SECTION: ReportSection[LabelsView] = ReportSection(
    name="labels",
    title="Labels applied",
    groups=(GROUP,),
    build=labels_view,
    text=labels_text,
    profile=_profile,
    headline=_headline,
    order=30,
    package="spinscope.techniques",
    template="templates/labels_profile.html",
)
