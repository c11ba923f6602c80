"""What reports show of scored technique spans: the display threshold (``shown``,
``min_score``, ``spinscope analyze --min-score``) and one finding per range with
several labels."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spinscope import Document, Span
from spinscope.cli import app
from spinscope.reports._layout import findings, mark_shown, summarize
from spinscope.reports.html import IndexEntry, render_html
from spinscope.reports.json import render_json
from spinscope.reports.text import render_text
from spinscope.techniques.component import DISPLAY_THRESHOLD, model_dir
from spinscope.techniques.model import TechniqueModel

TEXT = "They lied to you again. The so-called experts stole it. Nothing else."
# "lied" (two techniques), "so-called experts" (shown), "stole" (below the threshold).
LIED = (TEXT.index("lied"), TEXT.index("lied") + 4)
EXPERTS = (TEXT.index("so-called"), TEXT.index(" stole"))
STOLE = (TEXT.index("stole"), TEXT.index("stole") + 5)


def doc() -> Document:
    d = Document(TEXT, id="display")
    d.set_spans(
        "techniques",
        [
            Span(*LIED, "Loaded_Language", 0.62, {"shown": True}),
            Span(*LIED, "Doubt", 0.41, {"shown": True}),
            Span(*EXPERTS, "Name_Calling,Labeling", 0.55, {"shown": True}),
            Span(*STOLE, "Exaggeration,Minimisation", 0.12, {"shown": False}),
        ],
    )
    return d


# -- one finding per range ----------------------------------------------------------------


def test_a_range_with_two_labels_is_one_finding() -> None:
    found = findings(doc())
    assert [(f.span.start, f.labels) for f in found] == [
        (LIED[0], ("Loaded_Language", "Doubt")),
        (EXPERTS[0], ("Name_Calling,Labeling",)),
    ]
    # The summary still counts each label.
    assert {s.label: s.count for s in summarize(found)} == {
        "Loaded_Language": 1,
        "Doubt": 1,
        "Name_Calling,Labeling": 1,
    }


def test_text_report_lists_a_multi_label_range_once_with_both_labels() -> None:
    out = render_text(doc(), width=200)
    assert out.count("⟦lied⟧") == 1
    assert "⟦lied⟧1" in out
    assert re.search(r"1\s+Loaded_Language\s+0\.62 · Doubt\s+0\.41\s+techniques 5-9", out)
    assert "Loaded language   0.62 ·  Doubt   0.41  #1" in out  # the profile's top entry


def test_html_report_lists_a_multi_label_range_once_with_both_labels() -> None:
    page = render_html(doc())
    assert page.count('<tr id="f1">') == 1 and '<tr id="f3">' not in page
    row = page[page.index('<tr id="f1">') :].split("</tr>", 1)[0]
    assert "Loaded_Language" in row and "Doubt" in row and "0.62" in row and "0.41" in row
    assert page.count(">lied</mark>") == 1
    assert 'title="Loaded_Language 0.62; Doubt 0.41"' in page


# -- display threshold --------------------------------------------------------------------


def test_text_report_hides_spans_below_the_display_threshold() -> None:
    out = render_text(doc(), width=200)
    assert "⟦stole⟧" not in out and "Exaggeration" not in out.split("Findings")[-1]
    assert "2 findings · 1 below the display threshold (--min-score shows them)" in out
    more = render_text(doc(), width=200, min_score=0.1)
    assert "⟦stole⟧3" in more and "3 findings" in more and "below the display" not in more
    fewer = render_text(doc(), width=200, min_score=0.6)
    assert "⟦lied⟧1" in fewer and "so-called" not in fewer.split("Technique profile")[1]
    assert "1 finding · 3 below the display threshold" in fewer  # Doubt 0.41 too


def test_html_report_hides_spans_below_the_display_threshold() -> None:
    page = render_html(doc())
    assert ">stole</mark>" not in page and "1 below the display threshold" in page
    assert ">stole</mark>" in render_html(doc(), min_score=0.0)


def test_rate_counts_every_span_the_top_list_only_shown_ones() -> None:
    out = render_text(doc(), width=200)
    # (0.62 + 0.41 + 0.55 + 0.12) expected spans in 12 words.
    assert "141.7 expected technique spans per 1,000 words" in out
    assert "3 of 4 detected spans shown" in out


def test_json_keeps_every_span_with_its_shown_mark() -> None:
    spans = json.loads(render_json(doc()))["spans"]["techniques"]
    assert [(s["label"], s["shown"]) for s in spans] == [
        ("Loaded_Language", True),
        ("Doubt", True),
        ("Name_Calling,Labeling", True),
        ("Exaggeration,Minimisation", False),
    ]
    remarked = json.loads(render_json(mark_shown(doc(), 0.5)))["spans"]["techniques"]
    assert [s["shown"] for s in remarked] == [True, False, True, False]


def test_spans_without_a_shown_mark_are_always_shown() -> None:
    d = Document("They lied.", id="plain")
    d.set_spans("techniques", [Span(5, 9, "Loaded_Language", 0.01)])
    assert len(findings(d)) == 1 and len(findings(d, min_score=0.9)) == 1
    assert mark_shown(d, 0.9).group("techniques")[0].attrs == {}


def test_index_entry_counts_shown_findings() -> None:
    assert IndexEntry.from_document(doc(), "d.html").findings == 2
    assert IndexEntry.from_document(doc(), "d.html", min_score=0.0).findings == 3


# -- spinscope analyze --min-score ----------------------------------------------------------

HAVE_MODEL = all((model_dir() / n).is_file() for n in TechniqueModel.FILES)
ARTICLE = (
    "The so-called experts lied to you again. These terror outfits and their "
    "pseudo-humanitarian personnel staged a disgusting provocation to fool the world. "
    "The corrupt elites will stop at nothing to destroy our great nation.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def analyze(*args: str) -> str:
    result = CliRunner().invoke(app, ["analyze", "-c", "techniques.v1", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.model
@pytest.mark.skipif(not HAVE_MODEL, reason="no shipped techniques model artifact")
def test_cli_min_score_marks_json_and_filters_reports(article: Path) -> None:
    spans = json.loads(analyze(str(article), "-f", "json"))["spans"]["techniques"]
    assert spans
    assert all(s["shown"] is (s["score"] >= DISPLAY_THRESHOLD) for s in spans)
    everything = json.loads(analyze(str(article), "-f", "json", "--min-score", "0"))
    assert all(s["shown"] for s in everything["spans"]["techniques"])
    nothing = json.loads(analyze(str(article), "-f", "jsonl", "--min-score", "1"))
    assert not any(s["shown"] for s in nothing["spans"]["techniques"])
    assert len(nothing["spans"]["techniques"]) == len(spans)  # the spans stay

    def n_findings(out: str) -> int:
        m = re.search(r"(\d+) findings?", out)
        assert m is not None
        return int(m.group(1))

    ranges = len({(s["start"], s["end"]) for s in spans})
    assert n_findings(analyze(str(article), "--min-score", "0")) == ranges
    assert n_findings(analyze(str(article), "--min-score", "1")) == 0
    page = analyze(str(article), "-f", "html", "--min-score", "1")
    assert "<mark" not in page.split('id="text"')[1].split("</div>")[0]


def test_cli_rejects_a_min_score_outside_0_1(article: Path) -> None:
    result = CliRunner().invoke(app, ["analyze", str(article), "--min-score", "1.5"])
    assert result.exit_code == 2


def test_every_label_of_a_finding_maps_to_its_number() -> None:
    from spinscope.reports.helpers import finding_index

    index = finding_index(findings(doc()))
    assert index[("techniques", *LIED, "Loaded_Language")] == 1
    assert index[("techniques", *LIED, "Doubt")] == 1
