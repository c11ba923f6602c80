"""The self-contained HTML report (spinscope.reports.html).

Golden files live in tests/reports/golden/; regenerate them after an intended change
with ``SPINSCOPE_UPDATE_GOLDEN=1 pytest tests/reports`` and review the diff.
"""

from __future__ import annotations

import base64
import hashlib
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinscope import Document, ErrorRecord, Meta, Span
from spinscope.about import __version__
from spinscope.reports.html import (
    INDEX_FILENAME,
    IndexEntry,
    render_html,
    render_index,
    report_filename,
)

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("SPINSCOPE_UPDATE_GOLDEN") == "1"


def sample() -> Document:
    return Document.from_json((GOLDEN / "sample-document.json").read_text("utf-8"))


class Page(HTMLParser):
    """Collects what a browser would see: tags with attributes, text of #text, scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.article: list[str] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._stack: list[str] = []
        self._in_text = 0
        self._skip_tag = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        self._stack.append(tag)
        if a.get("id") == "text" or self._in_text:
            self._in_text += 1
        if "skip-tag" in (a.get("class") or ""):
            self._skip_tag += 1

    def handle_endtag(self, tag: str) -> None:
        self._stack.pop()
        if self._in_text:
            self._in_text -= 1
        if self._skip_tag:
            self._skip_tag -= 1

    def handle_data(self, data: str) -> None:
        if self._in_text and not self._skip_tag:
            self.article.append(data)
        if self._stack and self._stack[-1] == "script":
            self.scripts.append(data)
        if self._stack and self._stack[-1] == "style":
            self.styles.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    return parser


def test_html_report_golden() -> None:
    actual = render_html(sample()).replace(f"spinscope {__version__}", "spinscope VERSION")
    path = GOLDEN / "sample-report.html"
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert actual == path.read_text("utf-8"), "SPINSCOPE_UPDATE_GOLDEN=1 regenerates it"


def test_html_report_text_is_the_document_text() -> None:
    doc = sample()
    page = parse(render_html(doc))
    assert "".join(page.article) == doc.text


def test_html_report_escapes_article_text_and_attributes() -> None:
    text = 'Hi <script>alert(1)</script> and " onmouseover="alert(2)" x=\'y\' & done'
    doc = Document(
        text,
        id='"><img src=x onerror=alert(3)>',
        meta=Meta(title="<b>title</b>", url="javascript:alert(4)", source='" onclick="x'),
    )
    doc.set_spans(
        "techniques",
        [
            Span(3, 29, '"><script>alert(5)</script>', 0.5, {"definition": "</script><b>d</b>"}),
            Span(34, 60, "Loaded_Language", 0.7),
        ],
    )
    out = render_html(doc)
    page = parse(out)
    assert "<script>alert" not in out
    assert "<img" not in out and "<b>" not in out
    assert "</script><b>" not in out
    assert 'onmouseover="alert' not in out
    # Shown as text, not markup:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "".join(page.article) == text
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert tag not in {"img", "iframe", "object", "embed", "b"}
    # A javascript: URL is shown, never linked.
    assert not any((a.get("href") or "").startswith("javascript") for _, a in page.tags)
    scripts = [a for t, a in page.tags if t == "script"]
    assert len(scripts) == 2


def test_html_report_is_self_contained() -> None:
    out = render_html(sample())
    page = parse(out)
    for tag, attrs in page.tags:
        for name in ("src", "srcset", "data", "poster"):
            assert name not in attrs, (tag, attrs)
        assert tag != "link"
        if tag == "a":
            # The article's URL, or a link to a row of the findings table.
            href = attrs["href"] or ""
            assert href == "https://example.org/news/1" or href.startswith("#f"), href
    assert "@import" not in out and "url(" not in out


def test_html_report_csp_pins_inline_blocks() -> None:
    out = render_html(sample())
    page = parse(out)
    csp = next(
        a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None and "default-src 'none'" in csp

    def digest(source: str) -> str:
        return base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()

    code = [s for s in page.scripts if "JSON.parse" in s]
    assert len(code) == 1 and f"'sha256-{digest(code[0])}'" in csp
    assert len(page.styles) == 1 and f"'sha256-{digest(page.styles[0])}'" in csp


def test_html_report_overlaps_tooltips_and_summary() -> None:
    out = render_html(sample())
    page = parse(out)
    marks = [a for t, a in page.tags if t == "mark"]
    # "so-called" is covered by Loaded_Language (2, innermost) and Name_Calling (1).
    assert any(a["data-f"] == "2 1" and "o2" in (a["class"] or "") for a in marks), marks
    assert all(a.get("tabindex") == "0" for a in marks)
    assert "Questioning the credibility of someone or something." in out
    assert '"score": 0.35' in out
    for heading in ("Summary", "Findings"):
        assert f"<h2>{heading}</h2>" in out
    assert out.count('<tr id="f') == 7
    assert "kind: direct; speaker: Vladimir Safronkov (Russia’s Deputy UN Ambassador)" in out


def test_html_report_marks_boilerplate_skipped() -> None:
    out = render_html(sample())
    assert out.count('class="skip"') == 1
    assert out.count("skipped · footer") == 1
    assert '<span class="skip" data-skip="footer">No comments:\nPost a Comment</span>' in out


def test_html_report_without_spans() -> None:
    out = render_html(Document("Plain text.", id="p"))
    assert "No findings." in out
    assert "<mark" not in out


@pytest.mark.parametrize(
    ("doc_id", "expected"),
    [
        ("article-1", "article-1.html"),
        ("../../etc/passwd", "etc_passwd.html"),
        ("a b/c:d", "a_b_c_d.html"),
        ("", "document.html"),
        ("...", "document.html"),
    ],
)
def test_report_filename_is_safe(doc_id: str, expected: str) -> None:
    assert report_filename(doc_id) == expected


def test_report_filename_unique() -> None:
    taken: set[str] = set()
    names = [report_filename(i, taken) for i in ("x", "x", "X", "y")]
    assert names == ["x.html", "x-2.html", "X-3.html", "y.html"]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet="ab <>&\"'\n", min_size=1, max_size=60),
    raw=st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=8),
    bp=st.integers(0, 60),
)
def test_html_report_any_overlap_keeps_text(text: str, raw: list[tuple[int, int]], bp: int) -> None:
    n = len(text)
    doc = Document(text, id="h")
    doc.set_spans(
        "techniques",
        [Span(s, min(n, s + k), f"L{i % 3}", 0.5) for i, (s, k) in enumerate(raw) if s < n],
    )
    if bp < n:
        doc.set_spans("boilerplate", [Span(bp, n, "share")])
    page = parse(render_html(doc))
    assert "".join(page.article) == text


def test_html_index_links_reports_and_lists_failures() -> None:
    doc = sample()
    entry = IndexEntry.from_document(doc, "golden-sample.html")
    assert entry.findings == 7
    assert entry.labels[0] == ("techniques", "Loaded_Language", 2)
    bad = ErrorRecord("x", 'x.txt: <b>"bad"</b>', "NotTextError", source="x.txt")
    page = render_index([entry], [bad])
    parsed = parse(page)
    links = [a["href"] for t, a in parsed.tags if t == "a"]
    assert links == ["golden-sample.html"]
    assert "&lt;b&gt;&#34;bad&#34;&lt;/b&gt;" in page and "<b>" not in page
    assert "1 document · 7 findings" in page


def test_report_filename_never_index() -> None:
    assert report_filename("index", {INDEX_FILENAME}) == "index-2.html"
