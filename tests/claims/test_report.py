"""The "claims already fact-checked" report section: goldens from the tiny knowledge
base, the JSON profile, malformed attributes and HTML escaping.

Regenerate the goldens after an intended change with
``SPINSCOPE_UPDATE_GOLDEN=1 pytest tests/claims`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from spinscope import Document, Span
from spinscope.about import __version__
from spinscope.claims.report import claims_view
from spinscope.pipeline import Pipeline
from spinscope.reports import render_html, render_json, render_text
from spinscope.store import Store

from .kb_fixture import ARTICLE, fill

GOLDEN = Path(__file__).parents[1] / "reports" / "golden"
UPDATE = os.environ.get("SPINSCOPE_UPDATE_GOLDEN") == "1"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    expected = path.read_text("utf-8")
    assert actual == expected, f"{name} changed; SPINSCOPE_UPDATE_GOLDEN=1 regenerates it"


def claims_doc() -> Document:
    return Document.from_json((GOLDEN / "claims-document.json").read_text("utf-8"))


def test_component_on_the_tiny_kb_gives_the_golden_document(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    with Store.open(url) as store:
        fill(store, tmp_path)
    nlp = Pipeline(["boilerplate.v1", "sentences.v1", "claims.v1"], {"claims.v1": {"store": url}})
    doc = nlp(Document(ARTICLE, id="claims-fixture"))
    for match in (m for s in doc.group("claims") for m in s.attrs["matches"]):
        match["id"] = match["id"][:8]  # ids hash the source: shortened for reading
    check_golden("claims-document.json", doc.to_json(indent=1) + "\n")


def test_text_report_golden() -> None:
    check_golden("claims-report.txt", render_text(claims_doc(), width=80))


def test_html_report_golden() -> None:
    page = render_html(claims_doc()).replace(f"spinscope {__version__}", "spinscope VERSION")
    check_golden("claims-report.html", page)


def test_text_section_shows_claim_match_and_disproof() -> None:
    out = render_text(claims_doc(), width=200)
    assert "Claims already fact-checked" in out
    assert "2 claims already fact-checked (verdicts: false 2)" in out
    assert "checked: “The White Helmets stage chemical attacks in Syria" in out
    assert "false (disinformation) · EUvsDisinfo, 2017-10-03 · match 1.00" in out
    assert "disproof: No evidence supports this" in out


def test_json_profile() -> None:
    profile = json.loads(render_json(claims_doc()))["profiles"]["claims"]
    counts = (profile["claims"], profile["matched"], profile["same_claim"], profile["verdicts"])
    assert counts == (2, 2, 2, {"false": 2})
    first = profile["items"][0]
    assert set(first) == {"start", "end", "checkworthy", "matches", "top"}
    assert (first["start"], first["checkworthy"], first["matches"]) == (0, None, 1)
    assert set(first["top"]) == {
        "claim",
        "score",
        "relation",
        "verdict",
        "publisher",
        "date",
        "url",
    }
    assert first["top"]["relation"] == "same claim"


def _claims(*scores: float | None) -> Document:
    """A document of one claim per score, each with one match scoring so."""
    text = " ".join(f"Claim number {i} is stated here." for i in range(len(scores)))
    doc = Document(text, id="tiers")
    spans = []
    for i, score in enumerate(scores):
        start = text.index(f"Claim number {i}")
        match = {"claim": f"Checked claim {i}", "score": score, "verdict": "false"}
        spans.append(
            Span(start, start + 30, "claim", score, {"checkworthy": None, "matches": [match]})
        )
    doc.set_spans("claims", spans)
    return doc


@pytest.mark.parametrize(
    ("scores", "headline", "relations"),
    [
        ((0.95,), "1 claim already fact-checked (verdicts: false 1)", ["same claim"]),
        # a close claim's verdict is not counted as the article's
        (
            (0.95, 0.75),
            "1 claim already fact-checked (verdicts: false 1), 1 with a fact-check of a "
            "close claim",
            ["same claim", "close claim"],
        ),
        (
            (0.7, None),
            "0 claims already fact-checked, 2 with a fact-check of a close claim",
            ["close claim", "close claim"],
        ),
    ],
)
def test_a_close_claim_is_not_shown_as_the_claim_checked(
    scores: tuple[float | None, ...], headline: str, relations: list[str]
) -> None:
    doc = _claims(*scores)
    view = claims_view(doc)
    assert " · ".join(view.headline()) == headline
    assert [c.top.relation for c in view.claims if c.top] == relations
    out = render_text(doc, width=200)
    assert out.count("close claim checked: “Checked claim") == relations.count("close claim")
    page = render_html(doc)
    assert page.count("close claim (same story, maybe another assertion)") == relations.count(
        "close claim"
    )


def test_html_escapes_claims_and_drops_unsafe_links() -> None:
    doc = claims_doc()
    page = render_html(doc)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>Vaccines</b>" not in page
    evil = {
        "claim": "<img src=x onerror=alert(1)>",
        "score": 0.5,
        "verdict": "false",
        "url": "javascript:alert(1)",
    }
    bad = Document("A claim that is checked here.", id="x")
    bad.set_spans("claims", [Span(0, 28, "claim", 0.5, {"checkworthy": None, "matches": [evil]})])
    page = render_html(bad)
    assert "javascript:" not in page and "<img src=x" not in page


def test_malformed_attributes_are_dropped() -> None:
    doc = Document("A claim that is checked here.", id="x")
    matches = [{"score": 2}, "nonsense", {"claim": "Fine", "score": 7, "url": "ftp://x"}]
    doc.set_spans(
        "claims", [Span(0, 28, "claim", None, {"checkworthy": "high", "matches": matches})]
    )
    (row,) = claims_view(doc).claims
    assert row.checkworthy is None
    assert [(m.claim, m.score, m.url) for m in row.matches] == [("Fine", None, None)]
    assert "Claims already fact-checked" in render_text(doc)
