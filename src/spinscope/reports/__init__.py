"""Reports on analysed documents: terminal text, JSON, self-contained HTML.

Each renderer takes a :class:`~spinscope.document.Document` and returns a string
(or, for the terminal, a `rich` renderable); none of them prints or writes files.
Reports are generic over span groups: every group but ``tokens``, ``sentences`` and
``boilerplate`` is highlighted, and a span's ``attrs["definition"]`` is shown when
present. Each analysis adds its article-level profile as a report section, a plugin
(:class:`~spinscope.reports.sections.ReportSection`, entry point group
``spinscope.report_sections``); the HTML pages are Jinja2 templates (``templates/``)
with the CSS and JS of ``static/`` inlined.

>>> from spinscope import Document, Span
>>> from spinscope.reports import render_html, render_json, render_text
>>> doc = Document("They lied.", id="d1")
>>> _ = doc.set_spans("techniques", [Span(5, 9, "Loaded_Language", 0.8)])
>>> render_json(doc)[:40]
'{"schema": "spinscope.document/1", "id":'
"""

from __future__ import annotations

from spinscope.reports._layout import mark_shown
from spinscope.reports._templates import static_files
from spinscope.reports.html import IndexEntry, render_html, render_index, report_filename
from spinscope.reports.json import document_dict, record_dict, render_json
from spinscope.reports.sections import RecordSection, ReportSection, register_section, registered
from spinscope.reports.text import render_text, text_report

__all__ = [
    "IndexEntry",
    "RecordSection",
    "ReportSection",
    "document_dict",
    "mark_shown",
    "record_dict",
    "register_section",
    "registered",
    "render_html",
    "render_index",
    "render_json",
    "render_text",
    "report_filename",
    "static_files",
    "text_report",
]
