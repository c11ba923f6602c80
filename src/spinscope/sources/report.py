"""The "outlet" section of the reports: what each rating list says about the site the
article comes from (``meta.extra.outlet``, from ``outlet.v1``), side by side.

Registered as the ``outlet`` report section (entry point group
``spinscope.report_sections``). A document can come from anywhere: every field is
checked, and a malformed rating is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from spinscope.document import Document
from spinscope.reports._layout import Finding
from spinscope.reports.helpers import DIM
from spinscope.reports.sections import RecordSection, ReportSection
from spinscope.sources.component import EXTRA_KEY

__all__ = ["SECTION", "OutletView", "RatingRow", "outlet_view"]


@dataclass(frozen=True, slots=True)
class RatingRow:
    """One list's rating of the outlet."""

    source: str
    matched: str | None
    bias: str | None
    factual: str | None
    credibility: str | None
    labels: tuple[str, ...]
    name: str | None


@dataclass(frozen=True, slots=True)
class OutletView:
    """The outlet's domain and its ratings, by list name."""

    domain: str
    ratings: tuple[RatingRow, ...]

    def headline(self) -> list[str]:
        n = len(self.ratings)
        if not n:
            return [f"{self.domain}: no rating list rates this outlet"]
        return [f"{self.domain}: rated by {n} list{'s' * (n != 1)}"]


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _rating(raw: Any) -> RatingRow | None:
    if not isinstance(raw, Mapping) or _str(raw.get("source")) is None:
        return None
    labels = raw.get("labels")
    return RatingRow(
        source=str(raw["source"]),
        matched=_str(raw.get("matched")),
        bias=_str(raw.get("bias")),
        factual=_str(raw.get("factual")),
        credibility=_str(raw.get("credibility")),
        labels=tuple(x for x in labels if _str(x)) if isinstance(labels, list) else (),
        name=_str(raw.get("name")),
    )


def _record(doc: Document) -> Mapping[str, Any] | None:
    record = doc.meta.extra.get(EXTRA_KEY)
    if isinstance(record, Mapping) and _str(record.get("domain")):
        return record
    return None


def outlet_view(doc: Document, found: Sequence[Finding] = ()) -> OutletView:
    """The outlet record of ``doc`` as the reports show it."""
    record = _record(doc) or {}
    raw = record.get("ratings")
    rows = (_rating(r) for r in (raw if isinstance(raw, list) else []))
    return OutletView(str(record.get("domain") or ""), tuple(r for r in rows if r is not None))


def outlet_text(view: OutletView) -> list[RenderableType]:
    """The section in the terminal: the headline, then one row per rating list."""
    out: list[RenderableType] = [Text(" · ".join(view.headline()), style=DIM)]
    if not view.ratings:
        return out
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    for title in ("list", "rated site", "bias", "factual", "credibility", "labels"):
        table.add_column(title, overflow="fold")
    for r in view.ratings:
        site = r.matched or ""
        if r.name:
            site = f"{site} ({r.name})" if site else r.name
        table.add_row(
            r.source, site, r.bias or "", r.factual or "", r.credibility or "", ", ".join(r.labels)
        )
    out.append(table)
    return out


def _profile(doc: Document) -> dict[str, Any]:
    view = outlet_view(doc)
    return {
        "domain": view.domain,
        "ratings": [
            {
                "source": r.source,
                "matched": r.matched,
                "bias": r.bias,
                "factual": r.factual,
                "credibility": r.credibility,
                "labels": list(r.labels),
                "name": r.name,
            }
            for r in view.ratings
        ],
    }


SECTION: ReportSection[OutletView] = RecordSection(
    name="outlet",
    title="Outlet ratings",
    groups=(EXTRA_KEY,),
    build=outlet_view,
    text=outlet_text,
    profile=_profile,
    headline=OutletView.headline,
    order=50,
    package="spinscope.sources",
    has_record=lambda doc: _record(doc) is not None,
    template="templates/outlet_profile.html",
)
