"""EUvsDisinfo database exports: the cases CSV (title, summary, disproof, outlet, date)
and the index CSV (date, URL id, title, countries, keywords, languages, outlets).

Every case is pro-Kremlin disinformation as EUvsDisinfo judged it: verdict "false".
The summary (the disinformation as published) is the claim; the disproof its debunk.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from spinscope.factchecks.dates import iso_date
from spinscope.factchecks.importers.base import Importer, Item, clean, csv_rows, header_rows
from spinscope.factchecks.model import ClaimReview, ImportFileError, Rejection, normalise_text

CASES_COLUMNS = ("date", "outlet", "title", "summary", "disproof")
INDEX_COLUMNS = ("date", "id", "title")
PUBLISHER = "EUvsDisinfo"


class EuvsdisinfoImporter(Importer):
    name = "euvsdisinfo"
    default_source = "euvsdisinfo"

    def read(self, path: Path) -> Iterator[Item]:
        rows = csv_rows(path)
        first = next(rows, None)
        if first is None:
            raise ImportFileError(str(path), "empty file", 1)
        header = [h.strip().lower() for h in first[1]]
        if all(c in header for c in CASES_COLUMNS):
            parse = _case
        elif all(c in header for c in INDEX_COLUMNS):
            parse = _index_entry
        else:
            raise ImportFileError(
                str(path),
                f"header has neither the cases columns ({', '.join(CASES_COLUMNS)}) "
                f"nor the index columns ({', '.join(INDEX_COLUMNS)})",
                1,
            )
        for item in header_rows(path, rows, len(header)):
            if isinstance(item, Rejection):
                yield item
            else:
                line, row = item
                yield parse(path, line, dict(zip(header, row, strict=True)))


def _case(path: Path, line: int, row: dict[str, str]) -> Item:
    title = clean(row["title"])
    claim = clean(row["summary"]) or title
    if not claim:
        return Rejection(str(path), line, "no title and no summary")
    raw_date = clean(row["date"])
    date = iso_date(raw_date, ("%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d"))
    extra = {
        k: v
        for k in ("issue", "language", "origin", "reported by", "keywords", "source")
        if (v := clean(row.get(k)))
    }
    if raw_date and not date:
        extra["date"] = raw_date
    return ClaimReview(
        claim_text=claim,
        # The cases file has no case id: date, title and outlet name a case (the same
        # story in two outlets is two appearances, kept apart).
        source_key=(
            f"case:{date or raw_date}:{normalise_text(title or claim)}:"
            f"{normalise_text(row['outlet'])}"
        ),
        verdict="false",
        rating_text="disinformation",
        claimant=clean(row["outlet"]),
        claim_date=date,
        review_title=title,
        publisher=PUBLISHER,
        language="en",
        disproof=clean(row["disproof"]),
        extra=extra,
        line=line,
    )


def _index_entry(path: Path, line: int, row: dict[str, str]) -> Item:
    url = clean(row["id"])
    title = clean(row["title"])
    if not title:
        return Rejection(str(path), line, "no title")
    if not url:
        return Rejection(str(path), line, "no id (case URL)")
    extra = {
        k: [p.strip() for p in v.split("+") if p.strip()]
        for k in ("countries", "keywords", "languages")
        if (v := clean(row.get(k)))
    }
    return ClaimReview(
        claim_text=title,
        source_key=url,
        verdict="false",
        rating_text="disinformation",
        claimant=clean(row.get("outlets")),
        claim_date=iso_date(row["date"]),
        review_url=url,
        review_title=title,
        publisher=PUBLISHER,
        language="en",
        extra=extra,
        line=line,
    )
