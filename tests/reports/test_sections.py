"""Report sections as plugins (spinscope.reports.sections): discovery, registration,
rendering of a section that the reports know nothing about, and what ships with it."""

from __future__ import annotations

import ast
import importlib
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from rich.console import RenderableType
from rich.text import Text

from spinscope import Document, Span
from spinscope.errors import PipelineError
from spinscope.plugins import REPORT_SECTIONS, entry_points_of
from spinscope.reports import render_html, render_json, render_text
from spinscope.reports._layout import PALETTE, Finding
from spinscope.reports._templates import assets, static_files
from spinscope.reports.sections import (
    ReportSection,
    register_section,
    registered,
    sections,
    unregister_section,
)

SRC = Path(__file__).parents[2] / "src" / "spinscope"


def claims_doc() -> Document:
    doc = Document("Sales rose 5%. It will rain.", id="c")
    doc.set_spans("claims", [Span(0, 14, "checkable", 0.8), Span(15, 28, "opinion", 0.6)])
    return doc


def _count(doc: Document, found: Sequence[Finding]) -> tuple[int, int | None]:
    return len(doc.group("claims")), next((f.index for f in found if f.group == "claims"), None)


def _text(view: tuple[int, int | None]) -> list[RenderableType]:
    return [Text(f"{view[0]} claims, first is finding {view[1]}")]


def claims_section(**changes: Any) -> ReportSection[tuple[int, int | None]]:
    fields: dict[str, Any] = {
        "name": "claims",
        "title": "Claims made",
        "groups": ("claims",),
        "build": _count,
        "text": _text,
        "profile": lambda doc: {"claims": len(doc.group("claims"))},
        "headline": lambda view: [f"{view[0]} claims <checked>"],
        "order": 5,
        "template_source": (
            '{% from "macros.html" import ref %}\n'
            "<p>{{ view[0] }} claims, first {{ ref(view[1]) }} {{ '<b>' }}</p>\n"
        ),
    }
    fields.update(changes)
    return ReportSection(**fields)


def test_sections_builtin_order() -> None:
    names = ["techniques", "sourcing", "labels", "claims", "outlet", "republished"]
    assert [s.name for s in sections()] == names
    assert set(entry_points_of(REPORT_SECTIONS)) == set(names)


def test_sections_registered_in_process_show_everywhere() -> None:
    doc = claims_doc()
    with registered(claims_section()):
        assert next(s.name for s in sections()) == "claims"  # order 5: first
        text = render_text(doc, width=80)
        page = render_html(doc)
        data = json.loads(render_json(doc))
    assert "Claims made" in text and "2 claims, first is finding 1" in text
    assert "2 claims <checked>" in text  # the header's "at a glance" line
    assert '<section class="profile" id="claims-profile">\n<h2>Claims made</h2>' in page
    assert '<p>2 claims, first <a href="#f1">1</a> &lt;b&gt;</p>' in page
    assert "2 claims &lt;checked&gt;" in page and "<checked>" not in page
    assert data["profiles"] == {"claims": {"claims": 2}}
    # Gone with the `with` block.
    assert "Claims made" not in render_text(doc) and "claims-profile" not in render_html(doc)
    assert "profiles" not in json.loads(render_json(doc))


def test_sections_follow_selected_groups() -> None:
    doc = claims_doc()
    doc.set_spans("techniques", [Span(0, 5, "Loaded_Language", 0.5)])
    with registered(claims_section()):
        assert "Claims made" not in render_text(doc, groups=["techniques"])
        assert "claims-profile" in render_html(doc, groups=["claims"])


def test_sections_register_twice_needs_replace() -> None:
    section = claims_section()
    register_section(section)
    try:
        with pytest.raises(ValueError, match="already registered"):
            register_section(section)
        newer = claims_section(title="Claims, again", template_source="<p>again</p>\n")
        register_section(newer, replace=True)
        page = render_html(claims_doc())
        assert "<h2>Claims, again</h2>\n<p>again</p>" in page  # no stale template
    finally:
        unregister_section("claims")
    # The built-in claims section (claims.v1's) is back.
    assert next(s for s in sections() if s.name == "claims").title != "Claims, again"


@pytest.mark.parametrize(
    "changes",
    [
        {"groups": ()},
        {"name": ""},
        {"template_source": None},  # no template at all
        {"package": "spinscope", "template": "x.html"},  # two templates
    ],
)
def test_sections_reject_incomplete_definitions(changes: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        claims_section(**changes)


# -- a third-party distribution ----------------------------------------------------------

PLUGIN = """
from rich.text import Text
from spinscope.reports.sections import ReportSection

SECTION = ReportSection(
    name="demo",
    title="Demo section",
    groups=("claims",),
    build=lambda doc, found: len(doc.group("claims")),
    text=lambda n: [Text(f"demo saw {n} claims")],
    profile=lambda doc: {"seen": len(doc.group("claims"))},
    package="spinscope_demo_plugin",
    template="templates/demo.html",
)
NOT_A_SECTION = object()
"""


@pytest.fixture
def plugin_dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A distribution installed in a folder on sys.path: a package with a section and
    its template, and a *.dist-info declaring it as an entry point."""
    package = tmp_path / "spinscope_demo_plugin"
    (package / "templates").mkdir(parents=True)
    (package / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    (package / "templates" / "demo.html").write_text(
        "<p>demo saw {{ view }} claims</p>\n", encoding="utf-8"
    )
    info = tmp_path / "spinscope_demo_plugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: spinscope-demo-plugin\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[{REPORT_SECTIONS}]\ndemo = spinscope_demo_plugin:SECTION\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    entry_points_of(REPORT_SECTIONS, refresh=True)
    yield info
    monkeypatch.undo()
    sys.modules.pop("spinscope_demo_plugin", None)
    entry_points_of(REPORT_SECTIONS, refresh=True)


def test_sections_from_an_installed_distribution(plugin_dist: Path) -> None:
    doc = claims_doc()
    names = ["techniques", "sourcing", "labels", "claims", "outlet", "republished", "demo"]
    assert [s.name for s in sections()] == names
    assert "Demo section" in render_text(doc) and "demo saw 2 claims" in render_text(doc)
    page = render_html(doc)
    assert '<section class="profile" id="demo-profile">' in page
    assert "<p>demo saw 2 claims</p>" in page
    assert json.loads(render_json(doc))["profiles"] == {"demo": {"seen": 2}}


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("spinscope_demo_plugin:NOT_A_SECTION", "not a spinscope.reports.sections"),
        ("spinscope_demo_plugin:MISSING", "failed to load"),
        ("spinscope_demo_plugin:SECTION", "names itself 'demo'"),
    ],
)
def test_sections_broken_plugin_is_a_clear_error(
    plugin_dist: Path, target: str, message: str
) -> None:
    (plugin_dist / "entry_points.txt").write_text(
        f"[{REPORT_SECTIONS}]\nbroken = {target}\n", encoding="utf-8"
    )
    entry_points_of(REPORT_SECTIONS, refresh=True)
    with pytest.raises(PipelineError, match=message):
        sections()


# -- what the package ships ---------------------------------------------------------------


def test_sections_reports_import_no_analysis() -> None:
    """The generic reports know no analysis: each contributes its own section."""
    offenders = []
    for path in sorted((SRC / "reports").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            for name in names:
                if re.match(r"spinscope\.(techniques|attribution)\b", name):
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []


def test_sections_static_css_has_the_palette() -> None:
    css = static_files().joinpath("report.css").read_text("utf-8")
    rules = re.findall(r"^\.c(\d+) \{ background: (#[0-9a-f]{6}); \}$", css, re.M)
    assert [(int(i), colour) for i, colour in rules] == list(enumerate(PALETTE))
    # The inline block is the file, opened on a new line (what the CSP hash covers).
    assert assets().css == "\n" + css
