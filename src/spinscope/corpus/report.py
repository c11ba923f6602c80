"""The "also published by" section of the reports: where else a stored article's text
was published (``meta.extra.republished``, added when a document is read from a store
with saved republication clusters), first-seen first, and what each other publication
adds, lacks or rewords when the stored texts were compared.

Registered as the ``republished`` report section (entry point group
``spinscope.report_sections``). A single ``analyze`` run never sets the record, so its
reports do not show the section. A document can come from anywhere: every field is
checked, and a malformed entry is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import RenderableType
from rich.text import Text

from spinscope.corpus.republished import Publication
from spinscope.document import Document
from spinscope.reports._layout import Finding
from spinscope.reports.helpers import DIM, trim
from spinscope.reports.sections import RecordSection, ReportSection

__all__ = ["EXTRA_KEY", "SECTION", "RepublishedView", "republished_view"]

#: Where the record lives in ``meta.extra``.
EXTRA_KEY = "republished"

#: Sentences listed per kind of difference (the JSON has them all).
MAX_SENTENCES = 3

#: Outlets named in the one-line summary.
HEADLINE_OUTLETS = 3


@dataclass(frozen=True, slots=True)
class RepublishedView:
    """What the section shows.

    Attributes:
        first: the first-seen publication (None when the document is the first-seen).
        elsewhere: every other publication, first-seen's first.
        outlets: their distinct outlets.
        first_seen: "outlet (date, url)" of the first-seen publication, "this article"
            when it is the document itself.
    """

    first: Publication | None
    elsewhere: tuple[Publication, ...]
    outlets: tuple[str, ...]
    first_seen: str

    def headline(self) -> list[str]:
        names = list(self.outlets[:HEADLINE_OUTLETS])
        if len(self.outlets) > HEADLINE_OUTLETS:
            names.append(f"{len(self.outlets) - HEADLINE_OUTLETS} more")
        n = len(self.elsewhere)
        who = ", ".join(names) or f"{n} other article{'s' * (n != 1)}"
        return [f"also published by {who}"]

    def count(self) -> str:
        """``"2 other publications of this text"``."""
        n = len(self.elsewhere)
        return f"{n} other publication{'s' * (n != 1)} of this text"

    @staticmethod
    def differences(p: Publication) -> list[tuple[str, list[str], int]]:
        """``(kind, sentences shown, how many in all)`` for what ``p`` differs in."""
        kinds = (
            ("adds", list(p.added)),
            ("lacks", list(p.removed)),
            ("rewords", [f"“{a}” → “{b}”" for a, b in p.changed]),
        )
        return [
            (kind, [trim(s, 200) for s in items[:MAX_SENTENCES]], len(items))
            for kind, items in kinds
            if items
        ]


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(x for x in value if _str(x)) if isinstance(value, list) else ()


def _publication(raw: Any) -> Publication | None:
    if not isinstance(raw, Mapping) or _str(raw.get("id")) is None:
        return None
    similarity = raw.get("similarity")
    changed = raw.get("changed")
    pairs = tuple(
        (str(c["this"]), str(c["other"]))
        for c in (changed if isinstance(changed, list) else [])
        if isinstance(c, Mapping) and _str(c.get("this")) and _str(c.get("other"))
    )
    return Publication(
        id=str(raw["id"]),
        domain=_str(raw.get("domain")),
        date=_str(raw.get("date")),
        url=_str(raw.get("url")),
        similarity=float(similarity) if isinstance(similarity, (int, float)) else None,
        first=raw.get("first_seen") is True,
        added=_strings(raw.get("added")),
        removed=_strings(raw.get("removed")),
        changed=pairs,
        compared=any(k in raw for k in ("added", "removed", "changed")),
    )


def _record(doc: Document) -> Mapping[str, Any] | None:
    record = doc.meta.extra.get(EXTRA_KEY)
    if isinstance(record, Mapping) and isinstance(record.get("elsewhere"), list):
        return record
    return None


def republished_view(doc: Document, found: Sequence[Finding] = ()) -> RepublishedView:
    """The republication record of ``doc`` as the reports show it."""
    record = _record(doc) or {}
    rows = (_publication(r) for r in record.get("elsewhere") or [])
    elsewhere = tuple(p for p in rows if p is not None)
    first = next((p for p in elsewhere if p.first), None)
    return RepublishedView(
        first=first,
        elsewhere=elsewhere,
        outlets=tuple(dict.fromkeys(p.domain for p in elsewhere if p.domain)),
        first_seen=first.label() if first else "this article",
    )


def republished_text(view: RepublishedView) -> list[RenderableType]:
    """The section in the terminal: the headline, first seen, then one entry per
    other publication with what differs."""
    out: list[RenderableType] = [
        Text(view.count(), style=DIM),
        Text(f"First seen: {view.first_seen}"),
    ]
    for p in view.elsewhere:
        line = Text(f"• {p.label()}")
        if p.similarity is not None:
            line.append(f"  similarity {p.similarity:.2f}", style=DIM)
        out.append(line)
        if p.compared and not (p.added or p.removed or p.changed):
            out.append(Text("    the same sentences as this article", style=DIM))
        for kind, shown, total in view.differences(p):
            for sentence in shown:
                out.append(Text(f"    {kind}: {sentence}"))
            if total > len(shown):
                out.append(Text(f"    … and {total - len(shown)} more ({kind})", style=DIM))
    return out


def _profile(doc: Document) -> dict[str, Any]:
    view = republished_view(doc)
    return {
        "first_seen": None if view.first is None else view.first.to_dict(),
        "outlets": list(view.outlets),
        "elsewhere": [p.to_dict() for p in view.elsewhere],
    }


SECTION: ReportSection[RepublishedView] = RecordSection(
    name="republished",
    title="Also published by",
    groups=(EXTRA_KEY,),
    build=republished_view,
    text=republished_text,
    profile=_profile,
    headline=RepublishedView.headline,
    order=55,
    package="spinscope.corpus",
    has_record=lambda doc: _record(doc) is not None,
    template="templates/republished.html",
)
