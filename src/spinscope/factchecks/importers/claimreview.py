"""schema.org ClaimReview as publishers embed it: JSON or JSON-LD (one object, an array,
an ``@graph``, a DataFeed, JSON lines) and HTML pages with ``application/ld+json``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from spinscope.factchecks import verdicts
from spinscope.factchecks.dates import iso_date
from spinscope.factchecks.importers.base import Importer, Item, clean, read_text
from spinscope.factchecks.model import ClaimReview, ImportFileError, Rejection, normalise_text

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class ClaimReviewImporter(Importer):
    name = "claimreview"
    default_source = "claimreview"

    def read(self, path: Path) -> Iterator[Item]:
        text = read_text(path)
        if path.suffix.lower() in _HTML_SUFFIXES or text.lstrip()[:1] == "<":
            blocks = list(_ld_json_blocks(text))
            if not blocks:
                raise ImportFileError(str(path), "no <script type=application/ld+json> in page")
        else:
            blocks = [(1, text)]
        found = 0
        for line, block in blocks:
            for doc_line, doc in _json_documents(path, line, block):
                if isinstance(doc, Rejection):
                    yield doc
                    continue
                for node in _claim_reviews(doc):
                    found += 1
                    yield _record(path, doc_line, found, node)
        if not found:
            raise ImportFileError(str(path), "no ClaimReview object found")


def _ld_json_blocks(text: str) -> Iterator[tuple[int, str]]:
    tree = lxml_html.document_fromstring(text)
    for script in tree.iter("script"):
        kind = (script.get("type") or "").split(";")[0].strip().lower()
        if kind == "application/ld+json" and script.text:
            yield script.sourceline or 1, script.text


def _json_documents(path: Path, first_line: int, text: str) -> Iterator[tuple[int, Any]]:
    """One JSON value, or JSON lines (one value a line)."""
    try:
        yield first_line, json.loads(text)
        return
    except json.JSONDecodeError as whole:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if len(lines) < 2:
            raise ImportFileError(
                str(path), f"invalid JSON: {whole.msg}", first_line + whole.lineno - 1
            ) from whole
        # JSON lines: a bad line is one rejected row, not the whole file.
        if not all(ln.lstrip().startswith(("{", "[")) for ln in lines):
            raise ImportFileError(
                str(path), f"invalid JSON: {whole.msg}", first_line + whole.lineno - 1
            ) from whole
    for offset, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        try:
            yield first_line + offset, json.loads(line)
        except json.JSONDecodeError as exc:
            yield 0, Rejection(str(path), first_line + offset, f"invalid JSON: {exc.msg}")


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", ())
    kinds = [kind] if isinstance(kind, str) else kind if isinstance(kind, list) else []
    return {str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds}


def _claim_reviews(value: Any) -> Iterator[dict[str, Any]]:
    """Every ClaimReview node, wherever it sits (arrays, @graph, DataFeed items)."""
    if isinstance(value, list):
        for item in value:
            yield from _claim_reviews(item)
    elif isinstance(value, dict):
        if "ClaimReview" in _types(value):
            yield value
            return
        for key, item in value.items():
            if key != "@context":
                yield from _claim_reviews(item)


def _name(value: Any) -> str | None:
    """A Person/Organization/Language given as text, an object, or a list of them."""
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        for key in ("name", "alternateName", "url", "@id"):
            if isinstance(value.get(key), str) and value[key].strip():
                return str(value[key]).strip()
        return None
    if isinstance(value, str | int | float):
        return clean(str(value))
    return None


def _language(value: Any) -> str | None:
    """``inLanguage`` as a code where one is given (``{"alternateName": "en"}``)."""
    if isinstance(value, dict) and _text(value.get("alternateName")):
        return _text(value.get("alternateName"))
    return _name(value)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    return clean(value) if isinstance(value, str) else None


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _verdict(rating: dict[str, Any]) -> tuple[str | None, str]:
    text = _text(rating.get("alternateName")) or _text(rating.get("name"))
    verdict = verdicts.from_text(text)
    if verdict is None:
        value = _number(rating.get("ratingValue"))
        best = _number(rating.get("bestRating"))
        worst = _number(rating.get("worstRating"))
        if value is not None and best is not None and worst is not None:
            verdict = verdicts.from_scale(value, worst, best)
    return text, verdict or "other"


def _record(path: Path, line: int, index: int, node: dict[str, Any]) -> Item:
    claim = _text(node.get("claimReviewed"))
    item = node.get("itemReviewed")
    item = item if isinstance(item, dict) else {}
    if not claim:
        claim = _text(item.get("text")) or _text(item.get("name"))
    if not claim:
        return Rejection(str(path), line, f"ClaimReview #{index}: no claimReviewed text")
    rating = node.get("reviewRating")
    if isinstance(rating, list):
        rating = rating[0] if rating else None
    rating_text, verdict = _verdict(rating) if isinstance(rating, dict) else (None, "other")
    url = _text(node.get("url")) or _text(node.get("@id"))
    appearance = item.get("appearance") or item.get("firstAppearance")
    extra: dict[str, Any] = {}
    if appearance:
        extra["appearance"] = _name(appearance)
    if isinstance(rating, dict) and rating.get("ratingValue") is not None:
        extra["rating_value"] = str(rating["ratingValue"])
    key = f"{url}#{normalise_text(claim)}" if url else normalise_text(claim)
    return ClaimReview(
        claim_text=claim,
        source_key=key,
        verdict=verdict,
        rating_text=rating_text,
        claimant=_name(item.get("author")),
        claim_date=iso_date(_text(item.get("datePublished"))),
        review_url=url,
        review_title=_text(node.get("headline")) or _text(node.get("name")),
        publisher=_name(node.get("author")) or _name(node.get("publisher")),
        review_date=iso_date(_text(node.get("datePublished"))),
        language=_language(node.get("inLanguage")),
        disproof=_text(node.get("reviewBody")) or _text(node.get("description")),
        extra=extra,
        line=line,
    )
