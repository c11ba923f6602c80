"""Self-contained HTML report of one analysed document.

One file, no external requests: CSS and JS are inline and pinned by a
Content-Security-Policy that allows only those two blocks (by hash), so the page
loads nothing from the network and runs no other script. Every piece of article text
and every attribute value is HTML-escaped; the tooltip script fills the tooltip with
``textContent`` only, never markup.

Layout: a metadata header (with the profiles at a glance), a legend, the article
text with findings highlighted, the article's profiles when their span groups are
present (technique profile; who says what and the article's own voice), a summary
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

import base64
import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from spinscope.about import __version__
from spinscope.document import Document, ErrorRecord
from spinscope.reports._layout import (
    ATTRIBUTION_GROUP,
    OWN_VOICE_GROUP,
    PALETTE,
    Finding,
    LabelSummary,
    analysis_groups,
    colour_index,
    display_text,
    findings,
    plural,
    segments,
    summarize,
)
from spinscope.reports._profiles import (
    LabelsView,
    Profiles,
    SourcingView,
    TechniqueView,
    profiles,
)

__all__ = ["INDEX_FILENAME", "IndexEntry", "render_html", "render_index", "report_filename"]

#: The index page of a multi-document run (never used for a document's report).
INDEX_FILENAME = "index.html"

#: Most rows of the "who says what" table and of the own-voice table (long documents).
MAX_ROWS = 200

_CSS = """
:root { --fg: #1f2328; --bg: #ffffff; --muted: #656d76; --line: #d0d7de; --panel: #f6f8fa;
  --own: #c2410c; --hedge: #b91c1c; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #8d96a0; --line: #30363d; --panel: #161b22;
    --own: #fb923c; --hedge: #f87171; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 56rem; padding: 1.5rem 1rem 4rem; color: var(--fg);
  background: var(--bg); font: 16px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 0.2rem 0 0.8rem; overflow-wrap: anywhere; }
h2 { font-size: 1.1rem; margin: 2rem 0 0.5rem; }
.brand { margin: 0; color: var(--muted); font-size: 0.85rem; letter-spacing: 0.05em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0;
  font-size: 0.9rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 1.2rem 0; padding: 0;
  list-style: none; }
.chip { border-radius: 1rem; padding: 0.05rem 0.6rem; color: #000; font-size: 0.85rem; }
.text { white-space: pre-wrap; overflow-wrap: break-word; font-size: 1.05rem; line-height: 1.9;
  border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); padding: 1rem 0; }
mark { color: #000; border-radius: 2px; padding: 0.1em 0; cursor: help; }
mark:focus { outline: 2px solid var(--fg); outline-offset: 1px; }
mark.o2 { box-shadow: inset 0 -3px 0 rgba(0, 0, 0, 0.55); }
mark.o3 { box-shadow: inset 0 -3px 0 rgba(0, 0, 0, 0.55), inset 0 -6px 0 rgba(0, 0, 0, 0.3); }
.bare { background: transparent; color: inherit; }
.own { text-decoration-line: underline; text-decoration-thickness: 2px;
  text-decoration-color: var(--own); text-underline-offset: 0.3em; text-decoration-skip-ink: none; }
.p-source { font-weight: 700; outline: 1.5px solid rgba(0, 0, 0, 0.6); outline-offset: -1px; }
.p-cue { font-style: italic; font-weight: 600; text-decoration: underline dotted 1.5px; }
.p-hedge { font-style: italic; font-weight: 700; color: #b91c1c;
  text-decoration: underline wavy #b91c1c 1.5px; }
.bare.p-hedge { color: var(--hedge); text-decoration-color: var(--hedge); }
.key { margin: 0.8rem 0 0.4rem; color: var(--muted); font-size: 0.85rem; }
.key span { padding: 0.05em 0.3em; border-radius: 2px; color: #000; }
.key span.bare { color: var(--fg); }
.chip.bare { border: 1px solid var(--line); }
.swatch.bare { border-bottom: 2px solid var(--own); border-radius: 0; }
.glance { font-weight: 600; }
h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
section.profile p { margin: 0.3rem 0; }
td.who small { display: block; color: var(--muted); }
td.hedges { min-width: 7rem; }
td.label code { font-size: 0.8rem; color: var(--muted); }
.skip { color: var(--muted); opacity: 0.75; }
.skip-tag { user-select: none; margin-left: 0.5em; padding: 0 0.4em; border: 1px solid var(--line);
  border-radius: 3px; color: var(--muted); font-size: 0.75rem; font-style: normal; }
.none { color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem;
  border-bottom: 1px solid var(--line); }
th { background: var(--panel); }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.excerpt { overflow-wrap: anywhere; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px;
  vertical-align: -0.1em; }
#tip { position: absolute; z-index: 10; max-width: 26rem; padding: 0.5rem 0.7rem;
  background: var(--panel); color: var(--fg); border: 1px solid var(--line); border-radius: 6px;
  box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2); font-size: 0.85rem; line-height: 1.4; }
#tip .tip-item + .tip-item { margin-top: 0.5rem; padding-top: 0.5rem;
  border-top: 1px solid var(--line); }
#tip .tip-meta { color: var(--muted); }
#tip p { margin: 0.25rem 0 0; }
footer { margin-top: 2rem; color: var(--muted); font-size: 0.8rem; }
@media print { #tip { display: none; } mark { cursor: auto; } }
""" + "".join(f".c{i} {{ background: {colour}; }}\n" for i, colour in enumerate(PALETTE))

_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("spinscope-findings").textContent);
  var tip = document.getElementById("tip");
  var marks = document.querySelectorAll("mark[data-f]");
  for (var i = 0; i < marks.length; i++) { marks[i].removeAttribute("title"); }
  function add(parent, tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    el.textContent = text;
    parent.appendChild(el);
    return el;
  }
  function show(el) {
    tip.textContent = "";
    el.getAttribute("data-f").split(" ").forEach(function (id) {
      var f = data[id];
      if (!f) { return; }
      var item = add(tip, "div", "tip-item", "");
      add(item, "strong", "", f.label);
      var score = f.score === null ? "" : " \\u00b7 score " + f.score.toFixed(2);
      add(item, "span", "tip-meta", " " + f.group + score + " \\u00b7 #" + id);
      if (f.details) { add(item, "p", "tip-meta", f.details); }
      if (f.definition) { add(item, "p", "", f.definition); }
    });
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.min(r.left, width - tip.offsetWidth - 8);
    tip.style.left = (window.scrollX + Math.max(8, left)) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
  }
  function hide() { tip.hidden = true; }
  function target(ev) {
    var el = ev.target;
    return el && el.closest ? el.closest("mark[data-f]") : null;
  }
  var text = document.getElementById("text");
  text.addEventListener("mouseover", function (ev) { var m = target(ev); if (m) { show(m); } });
  text.addEventListener("mouseout", function (ev) { if (target(ev)) { hide(); } });
  text.addEventListener("focusin", function (ev) { var m = target(ev); if (m) { show(m); } });
  text.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
})();
"""


def _sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


_CSP = (
    f"default-src 'none'; style-src '{_sha256(_CSS)}'; script-src '{_sha256(_JS)}'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

_SAFE_URL = re.compile(r"^https?://", re.I)
_FILENAME_UNSAFE = re.compile(r"[^\w.-]+")


def _e(value: object) -> str:
    """Escape for HTML text and double- or single-quoted attributes."""
    return escape(display_text(str(value)), quote=True)


def _score(score: float | None) -> str:
    return "" if score is None else f"{score:.2f}"


def _tooltip_json(found: list[Finding], text: str) -> str:
    data = {
        str(f.index): {
            "label": f.label,
            "group": f.group,
            "score": None if f.span.score is None else round(float(f.span.score), 4),
            "definition": f.definition,
            "details": f.details(text) or None,
        }
        for f in found
    }
    raw = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # Inside <script>, only "</script" or "<!--" could end the block: escape every "<"
    # (and ">", "&" for good measure); JSON.parse reads the \\u escapes back.
    return raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _header(doc: Document, n_findings: int, profs: Profiles | None = None) -> list[str]:
    meta = doc.meta
    rows: list[tuple[str, str]] = [("id", _e(doc.id))]
    for name in ("source", "outlet", "published", "language", "format", "encoding"):
        value = getattr(meta, name)
        if value:
            rows.append((name, _e(value)))
    if meta.url:
        url = _e(meta.url)
        rows.append(
            (
                "url",
                f'<a href="{url}" rel="noopener noreferrer nofollow">{url}</a>'
                if _SAFE_URL.match(meta.url)
                else url,
            )
        )
    counts = [plural(len(doc.text), "character")]
    if doc.has_group("sentences"):
        counts.append(plural(len(doc.sentences), "sentence"))
    n_bp = len(doc.group("boilerplate"))
    if n_bp:
        counts.append(plural(n_bp, "boilerplate block") + " skipped")
    counts.append(plural(n_findings, "finding"))
    rows.append(("size", " · ".join(counts)))
    glance = profs.headline() if profs else []
    if glance:
        rows.append(("profile", f'<span class="glance">{_e(" · ".join(glance))}</span>'))
    out = [
        "<header>",
        '<p class="brand">spinscope report</p>',
        f"<h1>{_e(meta.title or doc.id)}</h1>",
        '<dl class="meta">',
    ]
    out += [f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows]
    out += ["</dl>", "</header>"]
    return out


def _swatch_class(group: str, label: str) -> str:
    """Own-voice assertions are underlined in the text, not shaded: so is their swatch."""
    return "bare own" if group == OWN_VOICE_GROUP else f"c{colour_index(group, label)}"


def _legend(summary: list[LabelSummary]) -> list[str]:
    if not summary:
        return []
    out = ['<ul class="legend" aria-label="Legend">']
    for item in summary:
        tip = f' title="{_e(item.definition)}"' if item.definition else ""
        out.append(
            f'<li class="chip {_swatch_class(item.group, item.label)}"{tip}>{_e(item.label)} '
            f"<span>×{item.count}</span></li>"
        )
    out.append("</ul>")
    return out


def _key(found: list[Finding]) -> list[str]:
    """What the styles in the text mean, when it shows attributions or assertions."""
    items: list[str] = []
    if any(f.group == ATTRIBUTION_GROUP for f in found):
        c = f"c{colour_index(ATTRIBUTION_GROUP, 'attribution')}"
        items.append(
            f'attributed: <span class="{c} p-source">source</span> '
            f'<span class="{c} p-cue">cue</span> <span class="{c}">what is attributed</span>'
        )
    if any(f.own_voice for f in found):
        items.append(
            '<span class="bare own">own-voice assertion</span> with a '
            '<span class="bare own p-hedge">hedge</span>'
        )
    if not items:
        return []
    return [f'<p class="key">In the text: {" · ".join(items)}</p>']


def _body(doc: Document, found: list[Finding]) -> str:
    parts: list[str] = []
    for seg in segments(doc, found):
        piece = _e(doc.text[seg.start : seg.end])
        if seg.boilerplate is not None:
            label = _e(seg.boilerplate.label or "boilerplate")
            parts.append(f'<span class="skip" data-skip="{label}">{piece}</span>')
            if seg.boilerplate_ends:
                parts.append(f'<small class="skip-tag">skipped · {label}</small>')
        elif seg.covering:
            highlights = seg.highlights
            if highlights:
                inner = highlights[0]
                classes = f"c{colour_index(inner.group, inner.label)}"
                depth = min(len(highlights), 3)
                if depth > 1:
                    classes += f" o{depth}"
            else:
                classes = "bare"
            if seg.own_voice:
                classes += " own"
            classes += "".join(f" p-{role}" for role in sorted(seg.roles) if role != "content")
            ids = " ".join(str(f.index) for f in seg.covering)
            title = "; ".join(f"{f.label} {_score(f.span.score)}".rstrip() for f in seg.covering)
            parts.append(
                f'<mark class="{classes}" tabindex="0" data-f="{ids}" title="{_e(title)}">'
                f"{piece}</mark>"
            )
        else:
            parts.append(piece)
    return "".join(parts)


def _summary_table(summary: list[LabelSummary]) -> list[str]:
    defined = any(item.definition for item in summary)
    out = [
        "<h2>Summary</h2>",
        "<table>",
        "<thead><tr><th></th><th>label</th><th>group</th><th>count</th><th>max score</th>"
        f"<th>mean score</th>{'<th>definition</th>' if defined else ''}</tr></thead>",
        "<tbody>",
    ]
    for item in summary:
        out.append(
            f'<tr><td><span class="swatch {_swatch_class(item.group, item.label)}"></span></td>'
            f"<td>{_e(item.label)}</td>"
            f'<td>{_e(item.group)}</td><td class="num">{item.count}</td>'
            f'<td class="num">{_score(item.max_score)}</td>'
            f'<td class="num">{_score(item.mean_score)}</td>'
            + (f"<td>{_e(item.definition or '')}</td>" if defined else "")
            + "</tr>"
        )
    out += ["</tbody>", "</table>"]
    return out


def _findings_table(doc: Document, found: list[Finding]) -> list[str]:
    details = [f.details(doc.text) for f in found]
    extra = any(details)
    out = [
        "<h2>Findings</h2>",
        "<table>",
        "<thead><tr><th>#</th><th>label</th><th>group</th><th>score</th><th>offsets</th>"
        f"<th>text</th>{'<th>details</th>' if extra else ''}</tr></thead>",
        "<tbody>",
    ]
    for f, detail in zip(found, details, strict=True):
        out.append(
            f'<tr id="f{f.index}"><td class="num">{f.index}</td>'
            f'<td><span class="swatch {_swatch_class(f.group, f.label)}"></span> {_e(f.label)}</td>'
            f'<td>{_e(f.group)}</td><td class="num">{_score(f.span.score)}</td>'
            f'<td class="num">{f.span.start}–{f.span.end}</td>'
            f'<td class="excerpt">{_e(doc.span_text(f.span))}</td>'
            + (f"<td>{_e(detail)}</td>" if extra else "")
            + "</tr>"
        )
    out += ["</tbody>", "</table>"]
    return out


def _ref(index: int | None) -> str:
    return "" if index is None else f'<a href="#f{index}">{index}</a>'


def _technique_profile(view: TechniqueView) -> list[str]:
    out = [
        '<section class="profile" id="technique-profile">',
        "<h2>Technique profile</h2>",
        f"<p>{_e(view.headline)}</p>",
    ]
    words = view.profile.words
    if view.counts:
        out += [
            "<table>",
            "<thead><tr><th></th><th>technique</th><th>count</th><th>per 1,000 words</th>"
            "</tr></thead>",
            "<tbody>",
        ]
        for c in view.counts:
            rate = f"{1000 * c.count / words:.1f}" if words else ""
            code = f" <code>{_e(c.label)}</code>" if c.label != c.name else ""
            out.append(
                f'<tr><td><span class="swatch c{colour_index("techniques", c.label)}"></span></td>'
                f'<td class="label">{_e(c.name)}{code}</td>'
                f'<td class="num">{c.count}</td><td class="num">{rate}</td></tr>'
            )
        out += ["</tbody>", "</table>"]
    if view.top:
        out += [
            "<h3>Most confident</h3>",
            "<table>",
            "<thead><tr><th>#</th><th>technique</th><th>score</th><th>text</th>"
            "<th>definition</th></tr></thead>",
            "<tbody>",
        ]
        for t in view.top:
            out.append(
                f'<tr><td class="num">{_ref(t.index)}</td>'
                f'<td><span class="swatch c{colour_index("techniques", t.label)}"></span> '
                f"{_e(t.name)}</td>"
                f'<td class="num">{_score(t.score)}</td>'
                f'<td class="excerpt">{_e(t.text)}</td><td>{_e(t.definition)}</td></tr>'
            )
        out += ["</tbody>", "</table>"]
    out.append("</section>")
    return out


def _more(n: int) -> str:
    return f'<p class="none">… and {n:,} more (see the JSON output).</p>'


def _sourcing_profile(view: SourcingView) -> list[str]:
    out = ['<section class="profile" id="sourcing-profile">', "<h2>Who says what</h2>"]
    headline = view.headline()
    if headline:
        out.append(f'<p class="glance">{_e(" · ".join(headline))}</p>')
    groups = view.profile.by_group
    if groups:
        chips = " ".join(
            f'<span class="chip c{colour_index("affiliation", k)}">{_e(k)} ×{v}</span>'
            for k, v in groups.items()
        )
        out.append(f"<p>Attributed to: {chips}</p>")
    if view.has_attributions and not view.statements:
        out.append('<p class="none">No attribution found.</p>')
    if view.statements:
        out += [
            "<table>",
            "<thead><tr><th>#</th><th>speaker</th><th>kind</th><th>cue</th>"
            "<th>what they said</th></tr></thead>",
            "<tbody>",
        ]
        previous = None
        for st in view.statements[:MAX_ROWS]:
            name = f"<strong>{_e(st.who)}</strong>" if st.speaker else f"<em>{_e(st.who)}</em>"
            # A speaker's role is shown on their first row only.
            same = previous == (st.who, st.describe)
            previous = (st.who, st.describe)
            extra = ("" if same else st.describe) or (
                "the article's own voice" if st.unsourced else ""
            )
            small = f"<small>{_e(extra)}</small>" if extra else ""
            out.append(
                f'<tr><td class="num">{_ref(st.index)}</td><td class="who">{name}{small}</td>'
                f"<td>{_e(st.kind or '')}</td><td>{_e(st.cue)}</td>"
                f'<td class="excerpt">{_e(st.content)}</td></tr>'
            )
        out += ["</tbody>", "</table>"]
        if len(view.statements) > MAX_ROWS:
            out.append(_more(len(view.statements) - MAX_ROWS))
    if view.has_assertions:
        out.append("<h3>In the article&#8217;s own voice</h3>")
        if not view.assertions:
            out.append('<p class="none">No own-voice assertion.</p>')
        else:
            out += [
                "<table>",
                "<thead><tr><th>#</th><th>statement</th><th>hedges</th></tr></thead>",
                "<tbody>",
            ]
            for a in view.assertions[:MAX_ROWS]:
                out.append(
                    f'<tr><td class="num">{_ref(a.index)}</td>'
                    f'<td class="excerpt">{_e(a.text)}</td>'
                    f'<td class="hedges">{_e(", ".join(a.hedges))}</td></tr>'
                )
            out += ["</tbody>", "</table>"]
            if len(view.assertions) > MAX_ROWS:
                out.append(_more(len(view.assertions) - MAX_ROWS))
    out.append("</section>")
    return out


def _labels_profile(view: LabelsView) -> list[str]:
    out = [
        '<section class="profile" id="labels-profile">',
        "<h2>Labels applied</h2>",
        f"<p>{_e(view.profile.headline())}</p>",
    ]
    if view.uses:
        out += [
            "<table>",
            "<thead><tr><th>#</th><th>label</th><th>kind</th><th>used by</th></tr></thead>",
            "<tbody>",
        ]
        for use, index in view.uses[:MAX_ROWS]:
            out.append(
                f'<tr><td class="num">{_ref(index)}</td>'
                f'<td><span class="swatch c{colour_index("labels", use.kind)}"></span> '
                f"{_e(use.text)}</td><td>{_e(use.kind)}</td>"
                f"<td>{_e(view.used_by(use))}</td></tr>"
            )
        out += ["</tbody>", "</table>"]
        if len(view.uses) > MAX_ROWS:
            out.append(_more(len(view.uses) - MAX_ROWS))
    out.append("</section>")
    return out


def render_html(doc: Document, *, groups: Iterable[str] | None = None) -> str:
    """A complete, self-contained HTML page reporting on ``doc``.

    Args:
        doc: an analysed document.
        groups: span groups to highlight; default: every non-structural group.

    Returns:
        The page, starting with ``<!DOCTYPE html>``.
    """
    found = findings(doc, groups)
    summary = summarize(found)
    profs = profiles(doc, found, groups)
    lang = doc.meta.language or "en"
    title = _e(doc.meta.title or doc.id)
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="spinscope {_e(__version__)}">',
        f"<title>{title} · spinscope</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        *_header(doc, len(found), profs),
        "<main>",
        *_legend(summary),
        *_key(found),
        f'<div id="text" class="text">{_body(doc, found)}</div>',
    ]
    if profs.techniques is not None:
        out += _technique_profile(profs.techniques)
    if profs.sourcing is not None:
        out += _sourcing_profile(profs.sourcing)
    if profs.labels is not None:
        out += _labels_profile(profs.labels)
    if found:
        out += _summary_table(summary) + _findings_table(doc, found)
    else:
        detail = (
            ""
            if analysis_groups(doc)
            else " No analysis component ran: <code>spinscope components</code> lists them."
        )
        out.append(f'<p class="none">No findings.{detail}</p>')
    out += [
        "</main>",
        '<div id="tip" role="tooltip" hidden></div>',
        '<script type="application/json" id="spinscope-findings">'
        f"{_tooltip_json(found, doc.text)}</script>",
        f"<script>{_JS}</script>",
        f"<footer>Generated by spinscope {_e(__version__)}. This page is self-contained: "
        "it makes no network requests.</footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


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
        cls, doc: Document, filename: str, *, groups: Iterable[str] | None = None
    ) -> IndexEntry:
        found = findings(doc, groups)
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
    total = sum(e.findings for e in entries)
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="spinscope {_e(__version__)}">',
        "<title>spinscope reports</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        '<p class="brand">spinscope reports</p>',
        f"<h1>{plural(len(entries), 'document')} · {plural(total, 'finding')}</h1>",
        "</header>",
        "<main>",
        "<table>",
        "<thead><tr><th>#</th><th>document</th><th>source</th><th>findings</th>"
        "<th>labels</th></tr></thead>",
        "<tbody>",
    ]
    for i, entry in enumerate(entries, start=1):
        chips = " ".join(
            f'<span class="chip {_swatch_class(group, label)}">{_e(label)} ×{count}</span>'
            for group, label, count in entry.labels
        )
        name = _e(entry.title or entry.id)
        out.append(
            f'<tr><td class="num">{i}</td>'
            f'<td><a href="{_e(entry.filename)}">{name}</a></td>'
            f"<td>{_e(entry.source or '')}</td>"
            f'<td class="num">{entry.findings}</td><td>{chips}</td></tr>'
        )
    out += ["</tbody>", "</table>"]
    if failed:
        out += [
            f"<h2>Failed ({len(failed)})</h2>",
            "<table>",
            "<thead><tr><th>input</th><th>error</th></tr></thead>",
            "<tbody>",
        ]
        for record in failed:
            where = record.source or record.id
            message = record.error.removeprefix(f"{where}: ")
            out.append(f"<tr><td>{_e(where)}</td><td>{_e(message)}</td></tr>")
        out += ["</tbody>", "</table>"]
    out += [
        "</main>",
        f"<footer>Generated by spinscope {_e(__version__)}. This page is self-contained: "
        "it makes no network requests.</footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


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
