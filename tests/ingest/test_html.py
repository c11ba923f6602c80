"""HTML pages: main text and metadata via trafilatura, the fallback, and the time limit."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from spinscope.errors import HTMLExtractionError
from spinscope.ingest import IngestOptions, document_from_bytes, read_document
from spinscope.ingest import html as html_module
from spinscope.ingest.html import declared_charset, extract_html, fallback_text
from spinscope.run import iter_documents

T = TypeVar("T")

FIXTURES = Path(__file__).parent / "fixtures"
MARKERS = ("SCRIPT-MARKER", "STYLE-MARKER", "JSONLD-MARKER")


def _offsets_ok(doc: Any) -> bool:
    return all(0 <= s.start < s.end <= len(doc.text) for g in doc.spans.values() for s in g)


def test_article_page_main_text_and_metadata() -> None:
    doc = read_document(FIXTURES / "article.html", options=IngestOptions())
    assert doc.id == "article"
    assert doc.meta.format == "html" and doc.meta.encoding == "utf-8"
    assert doc.meta.source == str(FIXTURES / "article.html")
    assert doc.meta.title == "Convoy attacked near border"
    assert doc.meta.url == "https://example.com/news/convoy-attacked"
    assert doc.meta.outlet == "Example News"
    assert doc.meta.published == "2019-05-04"
    assert doc.meta.language == "en"
    assert doc.meta.extra["extractor"] == "trafilatura"
    assert "aid convoy had been attacked near the border" in doc.text
    assert 'blamed "foreign agents" for what it called a staged provocation.' in doc.text
    assert "“we are still trying to reach our drivers”" in doc.text  # entities decoded


@pytest.mark.parametrize("marker", MARKERS)
def test_script_style_and_json_ld_never_become_text(marker: str) -> None:
    doc = read_document(FIXTURES / "article.html", options=IngestOptions())
    assert marker not in doc.text


@pytest.mark.parametrize("marker", MARKERS)
def test_fallback_also_skips_script_style_and_json_ld(marker: str) -> None:
    page = fallback_text((FIXTURES / "article.html").read_text("utf-8"))
    assert marker not in page.text
    assert "aid convoy had been attacked" in page.text


def test_navigation_is_not_main_text() -> None:
    doc = read_document(FIXTURES / "article.html", options=IngestOptions())
    assert "Sport" not in doc.text


def test_html_is_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "page"
    path.write_bytes((FIXTURES / "article.html").read_bytes())
    doc = read_document(path, options=IngestOptions())
    assert doc.meta.format == "html" and "SCRIPT-MARKER" not in doc.text


def test_format_text_keeps_the_markup(tmp_path: Path) -> None:
    doc = read_document(FIXTURES / "article.html", options=IngestOptions(format="text"))
    assert doc.meta.format == "text" and doc.text.startswith("<!DOCTYPE html>")


def test_declared_charset_is_used_when_not_utf8() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Новости</title></head><body>"
        + "".join(f"<p>Абзац {i}: министр заявил, что переговоров не будет.</p>" for i in range(4))
        + "</body></html>"
    )
    doc = document_from_bytes(page.encode("cp1251"), source="ru.html", options=IngestOptions())
    assert doc.meta.encoding == "cp1251"
    assert "министр заявил" in doc.text and doc.meta.title == "Новости"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<meta charset=Shift_JIS>", "shift_jis"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
        (b"<html><body>no declaration</body></html>", None),
    ],
)
def test_declared_charset(head: bytes, expected: str | None) -> None:
    assert declared_charset(head) == expected


def _in_main(fn: Callable[[], T]) -> T:
    return fn()


def _in_pool(fn: Callable[[], T]) -> T:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


#: Where extraction may run: the CLI's main thread, or a server's or a pool's thread.
THREADS = pytest.mark.parametrize("run", [_in_main, _in_pool], ids=["main", "pool"])


def _slow_trafilatura(tree: Any, **kwargs: Any) -> None:
    while True:  # Python-level work, as trafilatura's own is
        time.sleep(0.001)


@THREADS
def test_trafilatura_timeout_falls_back(
    run: Callable[[Callable[[], Any]], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_module, "_from_trafilatura", _slow_trafilatura)
    html = "<html><body><p>Some article text.</p></body></html>"
    started = time.perf_counter()
    page = run(lambda: extract_html(html, timeout=0.3))
    assert time.perf_counter() - started < 3
    assert page.text == "Some article text."
    assert "time limit" in page.extra["fallback_reason"]


@THREADS
def test_slow_page_is_interrupted_inside_trafilatura(
    run: Callable[[Callable[[], Any]], Any],
) -> None:
    """A real page below the size guards on which trafilatura takes 0.4-1 s (warm or cold)."""
    html = "<html><body>{}</body></html>".format(
        "".join(
            f"<p>Paragraph {i}: the minister said the talks would go on.</p>" for i in range(4_900)
        )
    )
    started = time.perf_counter()
    try:
        page = run(lambda: extract_html(html, timeout=0.25))
    except HTMLExtractionError as exc:
        # On a loaded machine the fallback may find the shared deadline already past:
        # still the limit at work, as a clear error for this page.
        assert "time limit" in str(exc)
    else:
        assert page.extra["extractor"] == "fallback"
        assert "time limit" in page.extra["fallback_reason"]
        assert page.text.startswith("Paragraph 0: the minister said")
    # The limit bounds the wait (with room for a loaded machine).
    assert time.perf_counter() - started < 0.25 + 2.0


@THREADS
def test_timed_out_page_is_an_error_for_that_input_only(
    run: Callable[[Callable[[], Any]], Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """trafilatura takes the whole budget and the fallback then finds the deadline past:
    the page becomes an ErrorRecord, and the next page is read as usual."""
    original = html_module._from_trafilatura

    def slow_on_hostile(tree: Any, **kwargs: Any) -> Any:
        if tree.find(".//p[@id='hostile']") is not None:
            _slow_trafilatura(tree)
        return original(tree, **kwargs)

    monkeypatch.setattr(html_module, "_from_trafilatura", slow_on_hostile)
    monkeypatch.setattr(html_module, "_FALLBACK_SHARE", 0.0)
    hostile = '<html><body><p id="hostile">x</p>' + "<p>y</p>" * 3_000 + "</body></html>"
    (tmp_path / "a-hostile.html").write_text(hostile)
    (tmp_path / "b-article.html").write_bytes((FIXTURES / "article.html").read_bytes())
    options = IngestOptions(html_timeout=1.0)
    results = run(lambda: list(iter_documents([tmp_path], options=options)))
    assert [type(r).__name__ for r in results] == ["ErrorRecord", "Document"]
    assert results[0].kind == "HTMLExtractionError"
    assert "time limit" in results[0].error
    assert "aid convoy had been attacked" in results[1].text


def test_fallback_deadline_raises_clear_error() -> None:
    page = "<html><body>" + "<p>x</p>" * 50_000 + "</body></html>"
    with pytest.raises(HTMLExtractionError, match="time limit"):
        fallback_text(page, deadline=time.monotonic() - 1)


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("<p>a &amp; b &lt;i&gt; &eacute;</p>", "a & b <i> é"),
        ("<p>one</p><p>two</p>", "one\ntwo"),
        ("<p>one<br>two</p>", "one\ntwo"),
        ("<p>  spaced \t  out  </p>", "spaced out"),
        ("<p>5 < 6 and 7 > 3</p>", "5 < 6 and 7 > 3"),
        ("<p>a</p><script>if (a < b) { x = '</p>'; }</script><p>b</p>", "a\nb"),
        ("<p>a</p><style>p { color: red }</style><p>b</p>", "a\nb"),
        ("<p>a</p><!-- hidden --><p>b</p>", "a\nb"),
        ("<p>a</p><noscript>enable JS</noscript><p>b</p>", "a\nb"),
        ("<table><tr><td>x</td><td>y</td></tr></table>", "x y"),
        ('<p title="a>b">text</p>', 'b">text'),  # quote-blind by design (documented)
    ],
)
def test_fallback_text(page: str, text: str) -> None:
    assert fallback_text(f"<html><body>{page}</body></html>").text == text


def test_fallback_metadata() -> None:
    page = fallback_text(
        '<html lang="fr-FR"><head><title>Le &amp; titre</title>'
        '<meta property="og:site_name" content="Le Site">'
        '<meta property="article:published_time" content="2020-01-02">'
        '<link rel="canonical" href="https://example.fr/a"></head>'
        "<body><p>Texte.</p></body></html>"
    )
    assert (page.title, page.outlet, page.published, page.url, page.language) == (
        "Le & titre",
        "Le Site",
        "2020-01-02",
        "https://example.fr/a",
        "fr",
    )


def test_page_without_visible_text_is_an_error() -> None:
    with pytest.raises(HTMLExtractionError, match="no visible text"):
        fallback_text("<html><body><script>x</script></body></html>")


def test_whitespace_only_page_is_empty(tmp_path: Path) -> None:
    from spinscope.errors import EmptyInputError

    with pytest.raises(EmptyInputError):
        document_from_bytes(b"  \n ", source="p.html", options=IngestOptions(), format="html")


def test_spans_on_html_document_are_within_text() -> None:
    from spinscope.ingest.boilerplate import make_boilerplate

    doc = read_document(FIXTURES / "article.html", options=IngestOptions())
    doc = make_boilerplate()(doc)
    assert _offsets_ok(doc)


def test_blog_page_metadata_and_leftover_furniture() -> None:
    from spinscope.ingest.boilerplate import find_boilerplate

    doc = read_document(FIXTURES / "blogger.html", options=IngestOptions())
    assert doc.meta.title == "Experts warn of staged attack"
    assert doc.meta.url == "https://exampleblog.blogspot.com/2019/05/experts-warn.html"
    assert doc.meta.published == "2019-05-29"
    assert doc.meta.extra["author"] == "Admin"
    assert doc.text.startswith("The so-called experts say the group is plotting")
    # Whatever blog furniture survives extraction sits in one trailing boilerplate span.
    spans = find_boilerplate(doc.text)
    assert [s.label for s in spans] == ["footer"]
    assert doc.span_text(spans[0]).endswith("Subscribe to: Post Comments (Atom)")
    assert "are rescuers, not actors." not in doc.span_text(spans[0])


# -- metadata the page declares ----------------------------------------------------------

_PARA = (
    "The council voted on Tuesday to close the old bridge to heavy traffic after engineers "
    "found cracks in two of its supports, and said repairs would take most of the year. "
)


def _page(head: str, byline: str = "", html_attrs: str = ' lang="en"') -> str:
    body = f"<p>{_PARA * 3}</p>" * 3
    return (
        f"<!DOCTYPE html><html{html_attrs}><head>{head}</head><body><article>"
        f"<h1>Bridge closed after cracks found</h1>{byline}{body}</article></body></html>"
    )


_OG = (
    "<title>escenic</title>"
    '<meta property="og:title" content="Bridge closed after cracks found | Example Times">'
    '<meta property="og:url" content="https://example.com/news/bridge">'
    '<meta property="og:site_name" content="Example Times">'
    '<meta property="article:published_time" content="2024-02-02T06:00:00-05:00">'
    '<meta property="article:author" content="https://www.facebook.com/someone">'
)
_LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
    '{"@type": "WebSite", "name": "Example Times"},'
    '{"@type": ["NewsArticle"], "headline": "Bridge closed after cracks &#8216;found&#8217;",'
    ' "datePublished": "2024-02-01T23:00:00Z", "inLanguage": "en-US",'
    ' "url": "https://example.com/news/bridge-ld",'
    ' "author": [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "Ali Khan"},'
    '  {"@type": "Organization", "name": "Example Times"}],'
    ' "publisher": {"@type": "Organization", "name": "Example Times Group"}}]}</script>'
)


@pytest.mark.parametrize(
    ("head", "byline", "html_attrs", "expected"),
    [
        # Open Graph wins over a <title> that is the CMS's name; the outlet's suffix goes.
        (
            _OG,
            "",
            ' lang="en"',
            {
                "title": "Bridge closed after cracks found",
                "url": "https://example.com/news/bridge",
                "outlet": "Example Times",
                "published": "2024-02-02",
                "language": "en",
                "author": None,  # article:author is a profile URL, not a name
            },
        ),
        # JSON-LD (in an @graph) comes first; a canonical link is the URL.
        (
            _OG + _LD + '<link rel="canonical" href="https://example.com/news/bridge-canonical">',
            "",
            "",
            {
                "title": "Bridge closed after cracks ‘found’",
                "url": "https://example.com/news/bridge-canonical",
                "outlet": "Example Times",
                "published": "2024-02-01",
                "language": "en",
                "author": "Jane Doe; Ali Khan",
            },
        ),
        # Only JSON-LD: the publisher is the outlet, its URL the page's.
        (
            _LD,
            "",
            "",
            {
                "title": "Bridge closed after cracks ‘found’",
                "url": "https://example.com/news/bridge-ld",
                "outlet": "Example Times Group",
                "published": "2024-02-01",
                "language": "en",
                "author": "Jane Doe; Ali Khan",
            },
        ),
        # A CBS-like byline: the name, never the outlet or the date run into it.
        (
            '<meta property="og:site_name" content="CBS News">'
            '<meta property="og:url" content="https://www.cbsnews.com/news/bridge/">',
            '<p class="byline">By Jane Doe CBS News February 2, 2024 / 6:00 AM</p>',
            ' lang="en"',
            {
                "outlet": "CBS News",
                "author": "Jane Doe",
                "url": "https://www.cbsnews.com/news/bridge/",
            },
        ),
        # Nothing declared but a canonical link: the outlet is its host.
        (
            '<link rel="canonical" href="https://www.example.cn/english/2024/bridge.htm">',
            "",
            "",
            {"url": "https://www.example.cn/english/2024/bridge.htm", "outlet": "example.cn"},
        ),
    ],
    ids=["open-graph", "json-ld-first", "json-ld-only", "cbs-byline", "canonical-only"],
)
def test_declared_metadata_wins(
    head: str, byline: str, html_attrs: str, expected: dict[str, str | None]
) -> None:
    page = extract_html(_page(head, byline, html_attrs))
    assert page.extra["extractor"] == "trafilatura"
    found = {**vars(page), "author": page.extra.get("author")}
    assert {key: found[key] for key in expected} == expected
    assert "escenic" not in page.text and _PARA.strip() in page.text


@pytest.mark.parametrize(
    ("byline", "outlets", "name"),
    [
        ("Jane Doe", (), "Jane Doe"),
        ("By Jane Doe", (), "Jane Doe"),
        ("Jane Doe CBS News February", ("CBS News",), "Jane Doe"),
        ("Jane Doe February 2, 2024", (), "Jane Doe"),
        ("José de la Cruz", (), "José de la Cruz"),
        ("CBS News", ("CBS News",), None),
        ("CBS News February", ("CBS News",), None),
        ("https://www.facebook.com/someone", (), None),
        ("Linksc Creating Search Engine Api Message", (), None),
        ("February 2, 2024", (), None),
    ],
)
def test_author_names(byline: str, outlets: tuple[str, ...], name: str | None) -> None:
    assert html_module._name(byline, outlets=outlets) == name


@pytest.mark.parametrize(
    "script",
    [
        "[" * 100_000 + "]" * 100_000,  # nesting that would exhaust the parser's stack
        '{"@type": "NewsArticle", "headline": "' + "x" * (html_module.MAX_LD_CHARS + 1) + '"}',
        "{not json",
        '{"@type": "NewsArticle", "headline": 42, "author": {"name": ["x"]},'
        ' "url": "javascript:1"}',
    ],
    ids=["deep", "huge", "broken", "wrong-types"],
)
def test_hostile_json_ld_is_ignored(script: str) -> None:
    head = f'<title>Bridge closed</title><script type="application/ld+json">{script}</script>'
    started = time.perf_counter()
    page = extract_html(_page(head))
    assert time.perf_counter() - started < 5
    assert page.title == "Bridge closed after cracks found" and page.url is None
    assert "author" not in page.extra


def test_json_ld_blocks_are_read_up_to_the_limit() -> None:
    def block(headline: str) -> str:
        return (
            '<script type="application/ld+json">'
            f'{{"@type": "NewsArticle", "headline": "{headline}"}}</script>'
        )

    filler = '<script type="application/ld+json">{"@type": "WebSite"}</script>'
    within = filler * (html_module.MAX_LD_SCRIPTS - 1) + block("Declared headline")
    beyond = filler * html_module.MAX_LD_SCRIPTS + block("Declared headline")
    assert extract_html(_page(within)).title == "Declared headline"
    assert extract_html(_page(beyond)).title == "Bridge closed after cracks found"


_BODY_PARA = (
    "The council closed the bridge on Monday after engineers found cracks in two of its "
    "piers, and said it would stay closed until repairs are done."
)


def _scripted_page(body: str, visible: str) -> str:
    """A page that renders its article by script: only ``visible`` is in the markup."""
    ld = json.dumps({"@type": "NewsArticle", "headline": "Bridge closed", "articleBody": body})
    ld = ld.replace("</", "<\\/")  # as pages write it, so that no "</script>" ends the block
    return (
        f'<html lang="en"><head><script type="application/ld+json">{ld}</script></head>'
        f"<body><article>{visible}</article></body></html>"
    )


def test_a_scripted_article_is_read_from_its_json_ld_body() -> None:
    body = "\n".join([_BODY_PARA] * 4 + ["It is the third closure this year."])
    page = extract_html(_scripted_page(body, "<p>The bridge on Monday. Photo: AP</p>"))
    assert page.text == body
    assert page.extra["extractor"] == "json-ld articleBody"


def test_a_json_ld_body_with_markup_becomes_paragraphs() -> None:
    body = f"<p>{_BODY_PARA} &amp; more.</p><p>{_BODY_PARA}</p><br/>{_BODY_PARA}" * 2
    page = extract_html(_scripted_page(body, ""))
    assert page.text.split("\n")[:3] == [f"{_BODY_PARA} & more.", _BODY_PARA, _BODY_PARA]
    assert "<" not in page.text


@pytest.mark.parametrize(
    "body",
    [
        _BODY_PARA,  # a summary, shorter than the visible article
        "x" * (html_module.MIN_BODY_CHARS - 1),
        "",
    ],
)
def test_the_visible_article_wins_over_a_shorter_json_ld_body(body: str) -> None:
    visible = f"<h1>Bridge closed after cracks found</h1>{f'<p>{_PARA * 3}</p>' * 3}"
    page = extract_html(_scripted_page(body, visible))
    assert page.extra["extractor"] == "trafilatura"
    assert _PARA.strip() in page.text


_AD_CODE = (
    "<script async src='https://ads.example/ads.js'></script>"
    "<script>(adsbygoogle = window.adsbygoogle || []).push({});</SCRIPT >"
    "<style type='text/css'>.ad { color: red }</style>"
)


@pytest.mark.parametrize("visible", ["", "<p>The bridge on Monday. Photo: AP</p>"])
def test_script_and_style_in_a_json_ld_body_are_no_text(visible: str) -> None:
    body = f"<p>{_BODY_PARA}</p>{_AD_CODE}<p>{_BODY_PARA}</p>" * 3
    page = extract_html(_scripted_page(body, visible))
    assert page.extra["extractor"] == "json-ld articleBody"
    assert page.text.split("\n") == [_BODY_PARA] * 6


@pytest.mark.parametrize(
    ("body", "text"),
    [
        # an element left open loses its tag only
        (f"<p>{_BODY_PARA}</p><script>{_BODY_PARA}", f"{_BODY_PARA}\n{_BODY_PARA}"),
        (f"{_BODY_PARA}<style>x</style > and more", f"{_BODY_PARA} and more"),
        ("<script>" * 50_000 + _BODY_PARA, _BODY_PARA),
        ("<script>" + "</scrip" * 50_000 + "</script>" + _BODY_PARA, _BODY_PARA),
    ],
)
def test_json_ld_body_code_removal_is_linear_and_keeps_the_text(body: str, text: str) -> None:
    started = time.monotonic()
    assert html_module._ld_body(body) == text
    assert time.monotonic() - started < 1.0
