"""Self-contained HTML report of one analysed document.

One file, no external requests: CSS and JS are inline and pinned by a
Content-Security-Policy that allows only those two blocks (by hash), so the page
loads nothing from the network and runs no other script. Every piece of article text
and every attribute value is HTML-escaped; the tooltip script fills the tooltip with
``textContent`` only, never markup.

The page is rendered from Jinja2 templates (``templates/report.html`` and
``index.html`` in this package; each report section's own template in its analysis's
package) with the CSS and JS of ``static/`` inlined (:mod:`spinscope.reports._templates`).

Layout: a metadata header (with the profiles at a glance), a legend, the article
text with findings highlighted, the report sections whose span groups are present
(technique profile; who says what and the article's own voice; labels...), a summary
table per label and a table of every finding. In the text, an attribution's source is
boxed in bold and its reporting words (the cue) in italics, on the attribution's
colour; an own-voice assertion is underlined, and its hedges are red and wavy.
Overlapping findings are drawn by cutting the text at every span boundary: each
piece carries the colour of its innermost finding and an underline per extra layer,
and its tooltip (hover or keyboard focus) lists every finding covering it with
label, score and definition.
Boilerplate is greyed out and labelled "skipped".

Example:
    >>> from spinscope import Document, Span
    >>> doc = Document("<b>They</b> lied.", id="d1")
    >>> _ = doc.set_spans("techniques", [Span(12, 16, "Loaded_Language", 0.8)])
    >>> page = render_html(doc)
    >>> "&lt;b&gt;They&lt;/b&gt;" in page and "<b>They" not in page
    True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from spinscope.document import Document, ErrorRecord
from spinscope.reports._layout import (
    ATTRIBUTION_GROUP,
    Finding,
    Segment,
    analysis_groups,
    findings,
    header_counts,
    hidden_count,
    not_run,
    segments,
    span_name,
    summarize,
)
from spinscope.reports._profiles import Profiles, profiles
from spinscope.reports._templates import render, swatch_class
from spinscope.reports.helpers import score

__all__ = [
    "INDEX_FILENAME",
    "IndexEntry",
    "render_html",
    "render_index",
    "report_context",
    "report_filename",
]

#: The index page of a multi-document run (never used for a document's report).
INDEX_FILENAME = "index.html"

_SAFE_URL = re.compile(r"^https?://", re.I)
_FILENAME_UNSAFE = re.compile(r"[^\w.-]+")


def _labels(f: Finding) -> str:
    """The finding's label, or its labels with their scores when it has several."""
    if not f.also:
        return span_name(f.span, f.group)
    return " / ".join(f"{span_name(s, f.group)} {score(s.score)}".rstrip() for s in f.spans)


def _tooltip_json(found: list[Finding], text: str) -> str:
    data = {
        str(f.index): {
            "label": _labels(f),
            "group": f.group,
            "score": (None if f.span.score is None or f.also else round(float(f.span.score), 4)),
            "definition": f.definition,
            "details": f.details(text) or None,
        }
        for f in found
    }
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # Inside <script>, only "</script" or "<!--" could end the block: escape every "<"
    # (and ">", "&" for good measure); JSON.parse reads the \\u escapes back.
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _meta(
    doc: Document, n_findings: int, profs: Profiles, n_hidden: int = 0
) -> list[tuple[str, str]]:
    """The header's rows: ``(name, value)``, shown in this order."""
    meta = doc.meta
    rows: list[tuple[str, str]] = [("id", doc.id)]
    for name in ("source", "outlet", "published", "language", "format", "encoding"):
        value = getattr(meta, name)
        if value:
            rows.append((name, str(value)))
    if meta.url:
        rows.append(("url", meta.url))
    rows.append(("size", " · ".join(header_counts(doc, n_findings, n_hidden))))
    rows += [("skipped", notice) for notice in not_run(doc)]
    glance = profs.headline()
    if glance:
        rows.append(("profile", " · ".join(glance)))
    return rows


@dataclass(frozen=True, slots=True)
class _Piece:
    """One segment of the article as the template draws it."""

    text: str
    skip: str | None = None  # the boilerplate label, for skipped text
    skip_ends: bool = False
    classes: str = ""  # set for a <mark>
    ids: str = ""
    title: str = ""


def _piece(doc: Document, seg: Segment) -> _Piece:
    text = doc.text[seg.start : seg.end]
    if seg.boilerplate is not None:
        return _Piece(text, seg.boilerplate.label or "boilerplate", seg.boilerplate_ends)
    if not seg.covering:
        return _Piece(text)
    highlights = seg.highlights
    if highlights:
        classes = swatch_class(highlights[0].group, highlights[0].label)
        depth = min(len(highlights), 3)
        if depth > 1:
            classes += f" o{depth}"
    else:
        classes = "bare"
    if seg.own_voice:
        classes += " own"
    classes += "".join(f" p-{role}" for role in sorted(seg.roles) if role != "content")
    return _Piece(
        text,
        classes=classes,
        ids=" ".join(str(f.index) for f in seg.covering),
        title="; ".join(
            f"{span_name(s, f.group)} {score(s.score)}".rstrip()
            for f in seg.covering
            for s in f.spans
        ),
    )


@dataclass(frozen=True, slots=True)
class _Row:
    """One row of the findings table."""

    finding: Finding
    text: str
    details: str


def render_html(
    doc: Document, *, groups: Iterable[str] | None = None, min_score: float | None = None
) -> str:
    """A complete, self-contained HTML page reporting on ``doc``.

    Args:
        doc: an analysed document.
        groups: span groups to highlight; default: every non-structural group.
        min_score: show the spans that carry a display threshold (technique spans)
            from this score on, instead of those their component marked ``shown``.

    Returns:
        The page, starting with ``<!DOCTYPE html>``.
    """
    return render("report.html", **report_context(doc, groups=groups, min_score=min_score))


def report_context(
    doc: Document, *, groups: Iterable[str] | None = None, min_score: float | None = None
) -> dict[str, Any]:
    """What ``report.html`` draws for ``doc`` (the web app renders its document pages,
    which extend that template, from the same)."""
    found = findings(doc, groups, min_score=min_score)
    profs = profiles(doc, found, groups)
    hidden = hidden_count(doc, groups, min_score=min_score)
    groups_found = {f.group for f in found}
    return dict(
        lang=doc.meta.language or "en",
        title=doc.meta.title or doc.id,
        meta=_meta(doc, len(found), profs, hidden),
        safe_url=bool(doc.meta.url and _SAFE_URL.match(doc.meta.url)),
        summary=summarize(found),
        key={
            "attributed": (
                swatch_class(ATTRIBUTION_GROUP, "attribution")
                if ATTRIBUTION_GROUP in groups_found
                else ""
            ),
            "own_voice": any(f.own_voice for f in found),
        },
        pieces=[_piece(doc, seg) for seg in segments(doc, found)],
        profiles=profs,
        findings=[_Row(f, doc.span_text(f.span), f.details(doc.text)) for f in found],
        analysed=bool(analysis_groups(doc)) or bool(not_run(doc)),
        tooltip=Markup(_tooltip_json(found, doc.text)),
    )


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One row of a multi-document index: a report file and what it found.

    Attributes:
        filename: the report's file name, relative to the index.
        id: the document id.
        title: the document title, if known.
        source: where the document was read from.
        findings: number of findings.
        labels: ``(group, label, count)`` per label, most frequent first.
    """

    filename: str
    id: str
    title: str | None
    source: str | None
    findings: int
    labels: tuple[tuple[str, str, int], ...] = ()

    @classmethod
    def from_document(
        cls,
        doc: Document,
        filename: str,
        *,
        groups: Iterable[str] | None = None,
        min_score: float | None = None,
    ) -> IndexEntry:
        found = findings(doc, groups, min_score=min_score)
        counts = sorted(summarize(found), key=lambda s: (-s.count, s.group, s.label))
        return cls(
            filename=filename,
            id=doc.id,
            title=doc.meta.title,
            source=doc.meta.source,
            findings=len(found),
            labels=tuple((s.group, s.label, s.count) for s in counts),
        )


def render_index(entries: Sequence[IndexEntry], failed: Sequence[ErrorRecord] = ()) -> str:
    """A self-contained HTML index of a multi-document run: one row per report, then
    the inputs that failed.

    Args:
        entries: the reports written, in input order.
        failed: the inputs that could not be analysed.

    Returns:
        The page, starting with ``<!DOCTYPE html>``.
    """
    rows = []
    for record in failed:
        where = record.source or record.id
        rows.append((where, record.error.removeprefix(f"{where}: ")))
    return render(
        "index.html",
        lang="en",
        entries=entries,
        total=sum(e.findings for e in entries),
        failed=rows,
    )


def report_filename(doc_id: str, taken: set[str] | None = None, *, suffix: str = ".html") -> str:
    """A safe, unique file name for a document's report.

    Args:
        doc_id: the document id (any string).
        taken: names already used in this run; the new name is added to it.
        suffix: the file extension.

    Returns:
        ``<id><suffix>`` with unsafe characters replaced by ``_``, and ``-2``, ``-3``...
        appended if the name is already taken (compared case-insensitively).
    """
    stem = _FILENAME_UNSAFE.sub("_", doc_id).strip("._")[:120] or "document"
    taken = taken if taken is not None else set()
    name, n = f"{stem}{suffix}", 1
    while name.casefold() in taken:
        n += 1
        name = f"{stem}-{n}{suffix}"
    taken.add(name.casefold())
    return name
