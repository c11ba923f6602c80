"""HTML pages to article text and metadata, with guards against hostile markup.

The main path is trafilatura (main-text extraction plus title, date and site
metadata). Around it:

* the page is parsed once by lxml with its default limits (``huge_tree`` off), and
  the tree is measured before trafilatura sees it: a tree deeper than
  :data:`MAX_DEPTH` (libxml2 stops parsing at 256 levels and silently drops the rest)
  or with more than :data:`MAX_ELEMENTS` elements (trafilatura's time grows faster
  than linearly: about 1.5 s for 10,000 paragraphs, 26 s for 100,000) or more than
  :data:`MAX_TEXT_CHARS` characters of text goes to a linear fallback instead;
  large pages below those limits get trafilatura's fast mode;
* ``<script>`` (except JSON-LD, which trafilatura reads for metadata and never
  outputs), ``<style>`` and ``<template>`` elements are removed first, so their
  content can never become article text;
* trafilatura runs under a hard time limit (75% of ``html_timeout``; the rest is kept
  for the fallback) that interrupts it in whichever thread or worker process it runs
  (:class:`~spinscope.ingest.timelimit.TimeLimit`). The interruption lands between
  two Python steps, and the size guards above bound how long any single C call
  inside trafilatura (lxml, regex) can take. A timeout or a crash inside trafilatura
  also goes to the fallback;
* what the page declares about itself wins over trafilatura's guesses
  (:func:`declared_metadata`): JSON-LD ``NewsArticle``/``Article`` (headline,
  datePublished, author, publisher, url, inLanguage), ``og:title``, ``og:url``,
  ``og:site_name``, ``og:locale``, ``article:published_time``, ``article:author``,
  ``<link rel=canonical>`` and ``<html lang>``, read from the same tree with bounded
  work (at most :data:`MAX_LD_SCRIPTS` JSON-LD blocks of :data:`MAX_LD_CHARS` characters
  each). Authors are kept only when they look like names (a byline run into a date or
  the outlet's name, "CBS News February", is cut or dropped). The text itself is
  trafilatura's, unless the page renders its article by script: then the visible text
  is a caption or a teaser, and the JSON-LD ``articleBody`` the page declares, when it
  is far longer (:data:`MIN_BODY_CHARS`, :data:`BODY_RATIO`), is the article's text;
* the fallback, :func:`fallback_text`, is a single forward scan over the markup with
  ``str.find`` (no tree, no recursion, no backtracking regex), so it has no depth
  limit and runs in linear time; it checks the deadline as it goes.
"""

from __future__ import annotations

import html as htmllib
import json
import logging
import re
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from spinscope.errors import HTMLExtractionError
from spinscope.ingest.timelimit import TimeLimit, TimeLimitExceeded
from spinscope.language import language_code

__all__ = [
    "LARGE_ELEMENTS",
    "LARGE_TEXT_CHARS",
    "MAX_DEPTH",
    "MAX_ELEMENTS",
    "MAX_LD_CHARS",
    "MAX_LD_SCRIPTS",
    "MAX_TEXT_CHARS",
    "DeclaredMeta",
    "ExtractedPage",
    "declared_charset",
    "declared_metadata",
    "extract_html",
    "fallback_text",
]

log = logging.getLogger(__name__)

#: Deeper trees go to the fallback (libxml2 truncates at 256; real pages stay < 100).
MAX_DEPTH = 200
#: Larger trees go to the fallback (news pages have 1,000-5,000 elements).
MAX_ELEMENTS = 10_000
#: Pages with more text go to the fallback (a long article has ~50,000 characters).
MAX_TEXT_CHARS = 1_000_000
#: Above these sizes trafilatura runs in its fast mode (see ``_from_trafilatura``).
LARGE_ELEMENTS = 5_000
LARGE_TEXT_CHARS = 200_000
#: JSON-LD blocks read for metadata, and the longest one parsed (characters).
MAX_LD_SCRIPTS = 20
MAX_LD_CHARS = 200_000
#: The most objects of one JSON-LD block (top level and ``@graph``) looked at.
_MAX_LD_OBJECTS = 200
#: The part of ``html_timeout`` held back for the fallback if trafilatura times out.
_FALLBACK_SHARE = 0.25

_DROP_TAGS = ("script", "style", "template")
_LD_JSON = "application/ld+json"
_LANG = re.compile(r"[A-Za-z]{2,3}(?=$|[-_])")
_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)


@dataclass(frozen=True)
class ExtractedPage:
    """The article text and metadata found in one HTML page.

    Attributes:
        text: the main text, paragraphs separated by newlines.
        title: the headline, if found.
        url: the canonical URL, if the page declares one.
        outlet: the site name (or host name).
        published: the publication date (ISO 8601).
        language: an ISO 639 code from ``<html lang>``.
        extra: further metadata (author, description, tags; ``extractor``:
            ``"trafilatura"``, ``"json-ld articleBody"`` (with an ``extractor_note``
            when the visible text was far shorter) or ``"fallback"`` (with its
            ``fallback_reason``)).
    """

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def declared_charset(head: bytes) -> str | None:
    """The encoding a page declares in a ``<meta>`` tag near its start, if any.

    WHATWG maps Latin-1 and ASCII labels to windows-1252, and so do we: pages that
    say ``iso-8859-1`` routinely contain cp1252 curly quotes.
    """
    match = _CHARSET.search(head[:4096])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii"}:
        return "cp1252"
    return label


# -- main path: lxml + trafilatura ----------------------------------------------------


def _parse(html: str) -> Any:
    import lxml.html

    parser = lxml.html.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        collect_ids=False,
        default_doctype=False,
        huge_tree=False,
    )
    # Feeding UTF-8 bytes with an explicit parser encoding: lxml refuses str input
    # with an XML encoding declaration, and a stale <meta charset> must not win.
    data = html.encode("utf-8", "surrogatepass")
    try:
        return lxml.html.document_fromstring(data, parser=parser)
    except Exception:  # lxml raises ParserError/ValueError/XMLSyntaxError
        return None


def _measure(tree: Any) -> tuple[int, int]:
    """Element count and depth, stopping as soon as either limit is passed."""
    from lxml import etree

    depth = deepest = count = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        if event == "start":
            count += 1
            depth += 1
            deepest = max(deepest, depth)
            if count > MAX_ELEMENTS or deepest > MAX_DEPTH:
                break
        else:
            depth -= 1
    return count, deepest


def _text_chars(tree: Any) -> int:
    from lxml import etree

    return len(etree.tostring(tree, method="text", encoding="unicode"))


def _drop_scripts(tree: Any) -> None:
    doomed = [
        el
        for el in tree.iter(*_DROP_TAGS)
        if not (el.tag == "script" and (el.get("type") or "").strip().lower() == _LD_JSON)
    ]
    for el in doomed:
        el.drop_tree()  # keeps the element's tail text, which belongs to the parent


def _language(tree: Any) -> str | None:
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    match = _LANG.match(lang.strip())
    return match.group(0).lower() if match else None


def _clean(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


# -- what the page declares ----------------------------------------------------------

_ARTICLE_TYPES = re.compile(r"(?:\w*Article|BlogPosting|Report|LiveBlogPosting)")
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "januar februar märz juni juli oktober dezember "
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)
_MONTH_WORDS = frozenset(_MONTHS.split())
# Words a byline carries besides the name ("By Jane Doe, Staff Writer").
_NOT_NAME = frozenset(
    {"by", "and", "article", "updated", "published", "posted", "on", "von", "por"}
)
_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
#: Longest name (words): "Jose de la Cruz Smith".
_MAX_NAME_WORDS = 5


def _iso_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` of an ISO 8601 date or date-time, or ``None``."""
    text = _clean(value)
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def _http_url(value: Any) -> str | None:
    text = _clean(value)
    if text is None or len(text) > 2048 or any(c.isspace() for c in text):
        return None
    parts = urlsplit(text)
    return text if parts.scheme in {"http", "https"} and parts.netloc else None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _name(value: str, *, outlets: tuple[str | None, ...] = ()) -> str | None:
    """A person's name from a byline fragment, or ``None`` when it is not one.

    The name ends where a date begins ("Jane Doe February 2, 2024"); a leading "By" is
    dropped; what is left must be one to five words without digits, none of them a URL,
    and not the outlet's own name ("CBS News").
    """
    words: list[str] = []
    for token in value.split():
        if "://" in token or "@" in token or "/" in token:
            return None
        word = token.strip(",;:()|")
        if not word:
            continue
        if any(c.isdigit() for c in word) or word.lower().rstrip(".") in _MONTH_WORDS:
            break
        if not words and word.lower() in _NOT_NAME:
            continue
        if not _NAME_TOKEN.fullmatch(word):
            return None
        words.append(word)
    while words and words[-1].lower() in _NOT_NAME:
        words.pop()
    if not words or len(words) > _MAX_NAME_WORDS:
        return None
    name = " ".join(words)
    for outlet in outlets:
        if not outlet:
            continue
        if name.casefold() == outlet.casefold():
            return None
        if name.casefold().endswith(" " + outlet.casefold()):  # "Jane Doe CBS News"
            name = name[: -len(outlet) - 1]
    return name


def _names(values: list[str], outlets: tuple[str | None, ...]) -> list[str]:
    out: list[str] = []
    for value in values:
        for part in re.split(r";|\s+&\s+|,\s+and\s+|\s+and\s+", value):
            name = _name(part, outlets=outlets)
            if name and name not in out:
                out.append(name)
    return out


def _ld_objects(tree: Any) -> list[dict[str, Any]]:
    """The article objects of the page's JSON-LD blocks (bounded: see the module doc)."""
    out: list[dict[str, Any]] = []
    blocks = 0
    for el in tree.iter("script"):
        if (el.get("type") or "").strip().lower() != _LD_JSON:
            continue
        blocks += 1
        if blocks > MAX_LD_SCRIPTS:
            break
        raw = el.text or ""
        if len(raw) > MAX_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue  # broken or hostile JSON: the page declares nothing there
        items = data if isinstance(data, list) else [data]
        seen = 0
        for item in items[:_MAX_LD_OBJECTS]:
            if not isinstance(item, dict):
                continue
            graph = item.get("@graph")
            for obj in [item, *(graph[:_MAX_LD_OBJECTS] if isinstance(graph, list) else [])]:
                seen += 1
                if seen > _MAX_LD_OBJECTS:
                    break
                types = obj.get("@type") if isinstance(obj, dict) else None
                types = types if isinstance(types, list) else [types]
                if any(isinstance(t, str) and _ARTICLE_TYPES.fullmatch(t) for t in types):
                    out.append(obj)
    return out


def _ld_text(value: Any) -> str | None:
    """A plain string, or the ``name`` (or ``@id``) of an object or of a list's first item."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id")
    # WordPress plugins write HTML entities into JSON-LD strings ("&#8216;").
    return _clean(htmllib.unescape(value)) if isinstance(value, str) else None


def _ld_authors(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    out: list[str] = []
    for item in items[:20]:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict) and item.get("@type") != "Organization":
            name = item.get("name")
            if isinstance(name, str):
                out.append(htmllib.unescape(name))
    return out


# Markup that some sites leave in a JSON-LD ``articleBody``: paragraph and line breaks
# become newlines, other tags go. Each pattern is bounded (no nested quantifiers).
_BODY_BREAK = re.compile(r"<(?:/?p|br|/?div|/?h[1-6]|/?li)\b[^<>]{0,200}>", re.I)
_BODY_TAG = re.compile(r"<[A-Za-z/!][^<>]{0,500}>")
_BODY_LINE_SPACES = re.compile(r"[^\S\n]+")
# Script and style elements go with their content: CMSs copy ad code into the body
# ("(adsbygoogle = window.adsbygoogle || []).push({});"), which is no one's words.
_BODY_CODE = re.compile(r"<(script|style)\b[^<>]{0,500}>", re.I)
_BODY_CODE_END = {
    "script": re.compile(r"</script\s*>", re.I),
    "style": re.compile(r"</style\s*>", re.I),
}


def _drop_code(value: str) -> str:
    """``value`` without its script and style elements, content included. An element
    left open loses only its tag (the rest may be the article). One forward scan: each
    search starts where the last one ended, and once an end tag is not found it is not
    looked for again (past that point there is none), so the work is linear."""
    parts: list[str] = []
    pos = 0
    unclosed: set[str] = set()
    while (start := _BODY_CODE.search(value, pos)) is not None:
        name = start.group(1).lower()
        end = None if name in unclosed else _BODY_CODE_END[name].search(value, start.end())
        if end is None:
            unclosed.add(name)
        parts.append(value[pos : start.start()])
        pos = end.end() if end is not None else start.end()
    parts.append(value[pos:])
    return "".join(parts)


def _ld_body(value: Any, *, code: bool = False) -> str | None:
    """A JSON-LD ``articleBody`` as plain text: paragraphs on their own lines; with
    ``code``, the text of its script and style elements is kept."""
    if not isinstance(value, str) or not value.strip():
        return None
    if not code:
        value = _drop_code(value)
    text = _BODY_TAG.sub("", _BODY_BREAK.sub("\n", value))
    text = htmllib.unescape(text).replace("\r\n", "\n").replace("\r", "\n")
    lines = (_BODY_LINE_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _clean("\n".join(line for line in lines if line))


@dataclass(frozen=True)
class DeclaredMeta:
    """What a page says about itself (each field ``None`` when it says nothing).

    ``titles`` are the declared headlines, best first; ``languages`` each declaration of
    the page's language (``("html", "de"), ("og:locale", "de")``) and ``language`` the
    one most of them name (``<html lang>`` first on a tie); ``body`` is the article's text as
    its JSON-LD ``articleBody`` gives it, and ``body_with_code`` the same with the text
    of its script and style elements left in (as trafilatura's own copy of the body
    has it; only to recognise that copy).
    """

    titles: tuple[str, ...] = ()
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    languages: tuple[tuple[str, str], ...] = ()
    authors: tuple[str, ...] = ()
    body: str | None = None
    body_with_code: str | None = None

    @property
    def title(self) -> str | None:
        """The first declared headline (JSON-LD, then ``og:title``)."""
        return self.titles[0] if self.titles else None


def declared_metadata(tree: Any) -> DeclaredMeta:
    """Title, URL, outlet, date, language and authors the page declares.

    JSON-LD article objects come first, then Open Graph / ``article:`` meta tags,
    ``<link rel=canonical>`` and ``<html lang>``. Only values of the right shape are
    taken (absolute http(s) URLs, ISO 8601 dates, names for authors).
    """
    meta: dict[str, str] = {}
    canonical: str | None = None
    tag_authors: list[str] = []
    for el in tree.iter("meta", "link"):
        if el.tag == "link":
            rels = (el.get("rel") or "").lower().split()
            if "canonical" in rels and canonical is None:
                canonical = _http_url(el.get("href"))
            continue
        key = (el.get("property") or el.get("name") or "").strip().lower()
        content = _clean(el.get("content"))
        if content is None:
            continue
        if key == "article:author":
            tag_authors.append(content)
        elif key in {"og:title", "og:url", "og:site_name", "og:locale", "article:published_time"}:
            meta.setdefault(key, content)
    ld_title = ld_url = ld_outlet = ld_date = ld_lang = ld_body = ld_body_code = None
    ld_authors: list[str] = []
    for obj in _ld_objects(tree):
        ld_title = ld_title or _ld_text(obj.get("headline")) or _ld_text(obj.get("name"))
        ld_url = ld_url or _http_url(_ld_text(obj.get("url")))
        ld_url = ld_url or _http_url(_ld_text(obj.get("mainEntityOfPage")))
        ld_outlet = ld_outlet or _ld_text(obj.get("publisher"))
        ld_date = ld_date or _iso_date(obj.get("datePublished"))
        ld_lang = ld_lang or _ld_text(obj.get("inLanguage"))
        ld_authors = ld_authors or _ld_authors(obj.get("author"))
        if ld_body is None:
            ld_body = _ld_body(obj.get("articleBody"))
            ld_body_code = _ld_body(obj.get("articleBody"), code=True)
    outlet = _clean(meta.get("og:site_name")) or ld_outlet
    url = canonical or _http_url(meta.get("og:url")) or ld_url
    languages = _declared_languages(tree, ld_lang, meta.get("og:locale"))
    outlets = (outlet, ld_outlet, _host(url))
    return DeclaredMeta(
        titles=tuple(t for t in (ld_title, _clean(meta.get("og:title"))) if t),
        url=url,
        outlet=outlet,
        published=ld_date or _iso_date(meta.get("article:published_time")),
        language=_most_declared(languages),
        languages=languages,
        authors=tuple(_names(ld_authors or tag_authors, outlets)),
        body=ld_body,
        body_with_code=ld_body_code if ld_body_code != ld_body else None,
    )


def _declared_languages(
    tree: Any, ld_lang: str | None, og_locale: str | None
) -> tuple[tuple[str, str], ...]:
    """Where the page declares its language, and the code it gives there."""
    found = (
        ("html", _language(tree)),
        ("json-ld", language_code(ld_lang)),
        ("og:locale", language_code(og_locale)),
    )
    return tuple((where, code) for where, code in found if code)


def _most_declared(languages: tuple[tuple[str, str], ...]) -> str | None:
    """The code most declarations name; on a tie the first (``<html lang>`` before
    JSON-LD before ``og:locale``)."""
    codes = [code for _, code in languages]
    return max(codes, key=codes.count) if codes else None


_TITLE_SEP = r"\s+[-|–—:·•]\s+"


def _title(candidates: tuple[str | None, ...], outlet: str | None) -> str | None:
    """The first candidate that is not just the outlet's name, less an outlet suffix or
    prefix ("Headline | Outlet", "Outlet - Headline")."""
    for title in candidates:
        if not title:
            continue
        if outlet:
            if title.casefold() == outlet.casefold():
                continue  # the site's name, not the article's headline
            name = re.escape(outlet)
            stripped = re.sub(
                rf"(?:{_TITLE_SEP}{name}$|^{name}{_TITLE_SEP})", "", title, flags=re.I
            )
            title = stripped.strip() or title
        return title
    return None


#: A declared ``articleBody`` replaces the extracted text when it is at least this long
#: (characters) and this many times longer: the page renders its article by script and
#: the extractor found only a caption or a teaser. Otherwise the extracted text stays,
#: as the page's visible text is what readers saw (a body may be a summary, or stale).
MIN_BODY_CHARS = 500
BODY_RATIO = 3.0


_SPACE_RUNS = re.compile(r"\s+")


def _body_is_the_article(body: str | None, text: str, body_with_code: str | None = None) -> bool:
    """Is the declared ``body`` the article, rather than the extracted ``text``? When
    the text is a caption or a teaser (see :data:`BODY_RATIO`), or when it is the body
    itself run into one line (trafilatura's own JSON-LD fallback joins its paragraphs,
    and paragraphs tell quotations apart; its copy keeps the text of script elements,
    ``body_with_code``)."""
    if body is None or len(body) < MIN_BODY_CHARS:
        return False
    if len(body) >= BODY_RATIO * len(text.strip()):
        return True
    one_line = _SPACE_RUNS.sub(" ", text).strip()
    return "\n" in body and any(
        b is not None and _SPACE_RUNS.sub(" ", b) == one_line for b in (body, body_with_code)
    )


def _merge(page: ExtractedPage, declared: DeclaredMeta) -> ExtractedPage:
    """``page`` with the declared metadata preferred to trafilatura's guesses."""
    url = declared.url or page.url
    outlet = declared.outlet or page.outlet or _host(url)
    extra = dict(page.extra)
    outlets = (outlet, _host(url))
    authors = list(declared.authors)
    if not authors and isinstance(extra.get("author"), str):
        authors = _names([extra["author"]], outlets)
    if authors:
        extra["author"] = "; ".join(authors)
    else:
        extra.pop("author", None)
    if declared.languages:
        # Kept apart from meta.language, which the pipeline sets to the language decided.
        extra["declared_language"] = dict(declared.languages)
    text = page.text
    if _body_is_the_article(declared.body, page.text, declared.body_with_code):
        assert declared.body is not None
        text = declared.body
        extra["extractor"] = "json-ld articleBody"
        if len(text) >= BODY_RATIO * len(page.text.strip()):
            extra["extractor_note"] = (
                f"the page's main text ({len(page.text.strip()):,} characters) is far "
                f"shorter than the article it declares ({len(text):,}): the article is "
                "rendered by script"
            )
    return ExtractedPage(
        text=text,
        title=_title((*declared.titles, page.title), outlet),
        url=url,
        outlet=outlet,
        published=declared.published or page.published,
        language=declared.language or page.language,
        extra=extra,
    )


def _from_trafilatura(tree: Any, *, large: bool = False) -> ExtractedPage | None:
    import trafilatura

    # htmldate's find_date() parameters, the documented form of date_extraction_params
    # (the same values as trafilatura's defaults).
    date_params = {
        "original_date": True,
        "extensive_search": not large,  # see fast= below
        "max_date": datetime.now().astimezone().strftime("%Y-%m-%d"),
    }
    result = trafilatura.bare_extraction(
        tree,
        # On large pages skip the backup extractors and htmldate's regex sweep of the
        # whole text: together they are most of the time, and they add little there.
        fast=large,
        date_extraction_params=date_params,
        with_metadata=True,
        include_comments=False,  # reader comments are not the article
        include_tables=True,
        include_images=False,
        include_links=False,
    )
    if result is None:
        return None
    text = getattr(result, "text", None) or ""
    if not text.strip():
        return None
    extra: dict[str, Any] = {"extractor": "trafilatura"}
    for key in ("author", "description", "hostname", "image", "license", "pagetype"):
        value = _clean(getattr(result, key, None))
        if value:
            extra[key] = value
    for key in ("categories", "tags"):
        values = getattr(result, key, None)
        if values:
            extra[key] = [str(v) for v in values if str(v).strip()]
    return ExtractedPage(
        text=text,
        title=_clean(getattr(result, "title", None)),
        url=_clean(getattr(result, "url", None)),
        outlet=_clean(getattr(result, "sitename", None))
        or _clean(getattr(result, "hostname", None)),
        published=_clean(getattr(result, "date", None)),
        language=_language(tree),
        extra=extra,
    )


def extract_html(html: str, *, timeout: float = 10.0, source: str | None = None) -> ExtractedPage:
    """The article text and metadata of an HTML page.

    Args:
        html: the decoded page.
        timeout: the time budget in seconds (see the module docstring for how it is
            enforced).
        source: for error messages.

    Returns:
        The extracted page; ``extra["extractor"]`` says which extractor produced it.

    Raises:
        HTMLExtractionError: no article text could be extracted, or the fallback ran
            out of time.
    """
    deadline = time.monotonic() + timeout
    tree = _parse(html)
    if tree is None:
        reason = "lxml could not parse the page"
        return fallback_text(html, deadline=deadline, reason=reason, source=source)
    count, depth = _measure(tree)
    if depth > MAX_DEPTH:
        reason = f"elements nested more than {MAX_DEPTH} levels deep"
        return fallback_text(html, deadline=deadline, reason=reason, source=source)
    if count > MAX_ELEMENTS:
        reason = f"more than {MAX_ELEMENTS:,} elements"
        return fallback_text(html, deadline=deadline, reason=reason, source=source)
    _drop_scripts(tree)
    chars = _text_chars(tree)
    if chars > MAX_TEXT_CHARS:
        reason = f"more than {MAX_TEXT_CHARS:,} characters of text"
        return fallback_text(html, deadline=deadline, reason=reason, source=source)
    large = count > LARGE_ELEMENTS or chars > LARGE_TEXT_CHARS
    # Read before trafilatura, which prunes the tree it is given.
    declared = declared_metadata(tree)
    # trafilatura may use most of the budget; the rest is kept for the linear fallback
    # in case it has to stop, so that the whole page stays within html_timeout.
    fallback_share = (deadline - time.monotonic()) * _FALLBACK_SHARE
    # Imported before the limit is armed: an import cut short leaves half-initialised
    # modules behind, and the first import is slow (about 0.5 s).
    import trafilatura  # noqa: F401

    try:
        with TimeLimit(deadline - time.monotonic() - fallback_share):
            page = _from_trafilatura(tree, large=large)
    except TimeLimitExceeded:
        log.warning("%s: trafilatura ran out of time; using the fallback", source or "page")
        reason = f"trafilatura exceeded its share of the {timeout:g} s time limit"
        return fallback_text(html, deadline=deadline, reason=reason, source=source)
    except (RecursionError, MemoryError) as exc:
        reason = f"trafilatura failed ({type(exc).__name__})"
        return fallback_text(html, deadline=deadline, reason=reason, source=source)
    if page is None and _body_is_the_article(declared.body, ""):
        # Nothing visible to extract, but the page declares its article.
        page = ExtractedPage(text="", language=_language(tree), extra={"extractor": "trafilatura"})
    if page is None:
        raise HTMLExtractionError(
            "no article text found in the page (it may be an index page, or rendered by "
            "JavaScript); save the article's text and analyse that instead",
            source=source,
        )
    return _merge(page, declared)


# -- fallback: one linear scan ------------------------------------------------------------

_TAG_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:_-]{0,40})")
_ATTR = re.compile(r"""([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
# Elements whose content is raw text in HTML (no tags inside): skipped to their end tag.
# title is kept for the metadata; textarea/noscript/template content is not article text.
_RAW = ("script", "style", "title", "textarea", "xmp", "noscript", "template", "iframe")
_RAW_END = {name: re.compile(f"</{name}", re.I) for name in _RAW}
_BLOCK = frozenset(
    {
        *("address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div"),
        *("dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5"),
        *("h6", "head", "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre"),
        *("section", "summary", "table", "tbody", "thead", "tr", "ul"),
    }
)
_CELL = frozenset({"td", "th"})
_SPACES = re.compile(r"[^\S\n]+")
_META_KEYS = {
    "og:title": "title",
    "twitter:title": "title",
    "og:url": "url",
    "og:site_name": "outlet",
    "article:published_time": "published",
    "date": "published",
    "pubdate": "published",
    "author": "author",
    "description": "description",
}
_CHECK_EVERY = 2048


def _attrs(tag: str) -> dict[str, str]:
    return {k.lower(): htmllib.unescape(v.strip("\"'")) for k, v in _ATTR.findall(tag)}


def fallback_text(
    html: str,
    *,
    deadline: float | None = None,
    reason: str = "",
    source: str | None = None,
) -> ExtractedPage:
    """Visible text of a page by a single forward scan, for pages trafilatura can't take.

    Block elements become line breaks, ``<script>``/``<style>``/``<noscript>`` and
    similar raw-text elements are skipped, entities are decoded, runs of spaces are
    collapsed and blank lines dropped. There is no tree, so nesting depth is
    irrelevant, and each character is looked at a bounded number of times.

    Args:
        html: the decoded page.
        deadline: a :func:`time.monotonic` time after which the scan gives up.
        reason: why the fallback is used (kept in ``extra["fallback_reason"]``).
        source: for error messages.

    Raises:
        HTMLExtractionError: the page has no visible text, or the deadline passed.
    """
    parts: list[str] = []
    meta: dict[str, str] = {}
    language: str | None = None
    n = len(html)
    pos = 0
    steps = 0
    while pos < n:
        steps += 1
        if deadline is not None and steps % _CHECK_EVERY == 0 and time.monotonic() > deadline:
            raise HTMLExtractionError(
                "extracting text from the page took longer than the time limit "
                "(html_timeout); the page is probably malformed or hostile",
                source=source,
            )
        lt = html.find("<", pos)
        if lt < 0:
            parts.append(html[pos:])
            break
        if lt > pos:
            parts.append(html[pos:lt])
        if html.startswith("<!--", lt):
            end = html.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        match = _TAG_NAME.match(html, lt)
        if match is None:
            if html.startswith(("<!", "<?"), lt):  # doctype, CDATA, processing instruction
                end = html.find(">", lt)
                pos = n if end < 0 else end + 1
            else:  # a lone "<" in text ("a < b")
                parts.append("<")
                pos = lt + 1
            continue
        # Quote-blind end of tag: linear, and a ">" inside an attribute value only
        # leaks a little markup into a last-resort extraction.
        end = html.find(">", match.end())
        if end < 0:
            break
        closing, name = match.group(1) == "/", match.group(2).lower()
        tag = html[lt : end + 1]
        pos = end + 1
        if name in _BLOCK:
            parts.append("\n")
        elif name in _CELL:
            parts.append(" ")
        if closing:
            continue
        if name == "meta" or name == "link":
            attrs = _attrs(tag)
            key = (attrs.get("property") or attrs.get("name") or "").lower()
            if name == "link" and attrs.get("rel", "").lower() == "canonical":
                key, attrs["content"] = "og:url", attrs.get("href", "")
            field_name = _META_KEYS.get(key)
            if field_name and attrs.get("content", "").strip() and field_name not in meta:
                meta[field_name] = attrs["content"].strip()
        elif name == "html" and language is None:
            lang = _LANG.match(_attrs(tag).get("lang", "").strip())
            language = lang.group(0).lower() if lang else None
        if name in _RAW and not tag.endswith("/>"):
            close = _RAW_END[name].search(html, pos)
            stop = n if close is None else close.start()
            if name == "title" and "title" not in meta:
                title = " ".join(htmllib.unescape(html[pos:stop]).split())
                if title:
                    meta["title"] = title
            pos = stop
    text = htmllib.unescape("".join(parts))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = "\n".join(line for line in lines if line)
    if not text:
        raise HTMLExtractionError("the page contains no visible text", source=source)
    extra: dict[str, Any] = {"extractor": "fallback"}
    if reason:
        extra["fallback_reason"] = reason
        log.info("%s: fallback HTML extraction (%s)", source or "page", reason)
    for key in ("author", "description"):
        if key in meta:
            extra[key] = meta[key]
    return ExtractedPage(
        text=text,
        title=meta.get("title"),
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        published=meta.get("published"),
        language=language,
        extra=extra,
    )
