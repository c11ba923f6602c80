"""Snopes ``<verdict>-stories.json`` files: a JSON array of stories as written by a
scraper that did not escape quotes inside values, so not valid JSON. Read leniently,
one ``"key": "value",`` line at a time; the verdict is in the file name."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spinscope.factchecks import verdicts
from spinscope.factchecks.dates import iso_date
from spinscope.factchecks.importers.base import Importer, Item, clean, text_lines
from spinscope.factchecks.model import ClaimReview, ImportFileError, Rejection

_FIELD = re.compile(r'^\s*"(?P<key>[A-Za-z_]+)"\s*:\s*"(?P<value>.*)"\s*,?\s*$')
_OPEN = re.compile(r"^\s*\[?\s*\{\s*$")
_CLOSE = re.compile(r"^\s*\}\s*,?\s*\]?\s*$")
_PUNCTUATION = re.compile(r"^\s*[\[\]]?\s*$")
_UNESCAPED_QUOTE = re.compile(r'(?<!\\)"')
_FILE_VERDICT = re.compile(r"^(?P<verdict>.+?)-stories$")

#: Snopes ratings outside the true..false scale, judged on what the rating says of the
#: claim ("legend", "outdated" say nothing about its truth).
SNOPES_RATINGS = {
    "mixture": "mixed",
    "correct-attribution": "true",
    "misattributed": "false",
    "miscaptioned": "false",
    "scam": "false",
    "legend": "other",
    "outdated": "other",
    "unproven": "other",
    "satire": "other",
}


class SnopesImporter(Importer):
    name = "snopes"
    default_source = "snopes"

    def read(self, path: Path) -> Iterator[Item]:
        match = _FILE_VERDICT.match(path.stem)
        file_rating = match["verdict"] if match else None
        for line, story in _stories(path):
            if isinstance(story, Rejection):
                yield story
            else:
                yield _record(path, line, story, file_rating)


def _value(raw: str) -> str:
    """A value whose inner quotes may be unescaped, as JSON would have it."""
    try:
        value = json.loads('"' + _UNESCAPED_QUOTE.sub(r"\"", raw) + '"')
    except json.JSONDecodeError:
        return raw
    return str(value)


def _stories(path: Path) -> Iterator[tuple[int, dict[str, str] | Rejection]]:
    story: dict[str, str] | None = None
    start = 0
    problem: str | None = None
    for number, text in enumerate(text_lines(path), 1):
        if story is None:
            if _OPEN.match(text):
                story, start, problem = {}, number, None
            elif not _PUNCTUATION.match(text):
                raise ImportFileError(str(path), "expected '{' opening a story", number)
            continue
        if _CLOSE.match(text):
            if problem:
                yield start, Rejection(str(path), start, problem)
            else:
                yield start, story
            story = None
            if _OPEN.match(text.split("}", 1)[1] if "}" in text else ""):
                story, start, problem = {}, number, None
            continue
        field = _FIELD.match(text)
        if field:
            story[field["key"]] = _value(field["value"])
        elif problem is None:
            problem = f"unreadable line {number} in this story: {text.strip()[:60]!r}"
    if story is not None:
        raise ImportFileError(str(path), "story not closed at end of file", start)


def _record(path: Path, line: int, story: dict[str, Any], file_rating: str | None) -> Item:
    url = clean(story.get("url"))
    title = clean(story.get("title"))
    claim = clean(story.get("statement")) or title
    if not url:
        return Rejection(str(path), line, "story has no url")
    if not claim:
        return Rejection(str(path), line, "story has neither statement nor title")
    rating = clean(story.get("evaluation")) or file_rating
    key = (rating or "").lower().replace(" ", "-")
    verdict = SNOPES_RATINGS.get(key) or verdicts.normalise(rating)
    raw_date = clean(story.get("date_posted"))
    extra = {k: v for k in ("subtitle", "author") if (v := clean(story.get(k)))}
    if file_rating and rating and file_rating != rating:
        extra["file_rating"] = file_rating
    return ClaimReview(
        claim_text=claim,
        source_key=url,
        verdict=verdict,
        rating_text=rating,
        review_url=url,
        review_title=title,
        publisher="Snopes",
        review_date=iso_date(raw_date),
        language="en",
        extra=extra,
        line=line,
    )
