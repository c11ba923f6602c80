"""The terminal report (spinscope.reports.text).

Golden files live in tests/reports/golden/; regenerate them after an intended change
with ``SPINSCOPE_UPDATE_GOLDEN=1 pytest tests/reports`` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinscope import Document, Span
from spinscope.reports.text import render_text

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("SPINSCOPE_UPDATE_GOLDEN") == "1"


def sample() -> Document:
    return Document.from_json((GOLDEN / "sample-document.json").read_text("utf-8"))


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    expected = path.read_text("utf-8")
    assert actual == expected, f"{name} changed; SPINSCOPE_UPDATE_GOLDEN=1 regenerates it"


def test_text_report_golden() -> None:
    check_golden("sample-report.txt", render_text(sample(), width=80))


def test_text_report_shows_findings_legend_and_definitions() -> None:
    out = render_text(sample(), width=120)
    # 1 = Name_Calling (22-45) holds 2 = Loaded_Language (22-31); 3 = Doubt crosses 1's end.
    # 1 and 3 cross: their opening brackets are numbered too, the number outside the
    # bracket as on every closing one
    assert "1⟦⟦so-called⟧2 3⟦White Helmets⟧1 are plotting⟧3" in out
    for label in ("Name_Calling,Labeling", "Loaded_Language", "Doubt", "claim"):
        assert label in out
    assert "Questioning the credibility of someone or something." in out
    assert "Summary" in out and "Definitions" in out and "Findings" in out


def test_text_report_shows_span_details() -> None:
    out = render_text(sample(), width=200)
    assert "kind: direct; speaker: Vladimir Safronkov (Russia’s Deputy UN Ambassador)" in out


def test_text_report_marks_boilerplate_skipped() -> None:
    out = render_text(sample(), width=80)
    assert "No comments:\nPost a Comment  ⟵ skipped (footer)" in out
    assert "1 boilerplate block skipped" in out


@pytest.mark.parametrize("width", [40, 80, 140])
def test_text_report_fits_width(width: int) -> None:
    out = render_text(sample(), width=width)
    assert max(len(line) for line in out.splitlines()) <= width


def test_text_report_without_spans() -> None:
    out = render_text(Document("Nothing to see here.", id="plain"), width=80)
    assert "Nothing to see here." in out
    assert "No findings" in out


def test_text_report_color_adds_ansi_only_when_asked() -> None:
    assert "\x1b[" not in render_text(sample())
    assert "\x1b[" in render_text(sample(), color=True)


def test_text_report_neutralises_terminal_escapes() -> None:
    doc = Document("Evil \x1b[2J\x1b]0;pwned\x07 text\r\nnext", id="esc\x1b[31m")
    doc.set_spans("techniques", [Span(0, 4, "Loaded_\x1b[5mLanguage", 0.5)])
    out = render_text(doc, width=80, color=True)
    assert "\x1b[2J" not in out and "\x1b]0" not in out and "\x1b[5m" not in out
    assert "\x07" not in out and "\r" not in out
    assert "␛[2J" in out


def test_text_report_selected_groups() -> None:
    out = render_text(sample(), width=120, groups=["claims"])
    assert "claim" in out
    assert "Doubt" not in out


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet="ab .\n\t", min_size=1, max_size=60),
    raw=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=8),
)
def test_text_report_never_crashes_on_overlaps(text: str, raw: list[tuple[int, int]]) -> None:
    n = len(text)
    spans = [Span(s, min(n, s + k), f"L{i % 3}", 0.5) for i, (s, k) in enumerate(raw) if s < n]
    doc = Document(text, id="h")
    doc.set_spans("techniques", spans)
    out = render_text(doc, width=300)
    # Spans over the same characters are one finding.
    ranges = {(s.start, s.end) for s in spans}
    assert out.count("⟦") == len(ranges)
    for i in range(1, len(ranges) + 1):
        assert f"⟧{i}" in out


def test_labels_are_shown_by_their_display_names() -> None:
    from spinscope.reports import render_html

    doc = Document("They are thugs.", id="n")
    doc.set_spans(
        "techniques",
        [Span(9, 14, "Name_Calling,Labeling", 0.8, {"name": "Name-calling / labelling"})],
    )
    text = render_text(doc, color=False)
    assert "Name-calling / labelling" in text
    assert "Name_Calling,Labeling" not in text
    assert "<td>Name-calling / labelling</td>" in render_html(doc)
