"""Any CSV/TSV with a header: the user says which column holds which field
(``--option claim=Statement --option rating=Verdict``; by default a column named like
the field)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from spinscope.factchecks import verdicts
from spinscope.factchecks.dates import iso_date
from spinscope.factchecks.importers.base import Importer, Item, clean, csv_rows, header_rows
from spinscope.factchecks.model import VERDICTS, ClaimReview, ImportFileError, Rejection
from spinscope.factchecks.model import normalise_text as _norm

#: Fields a column can be mapped to (``--option FIELD=COLUMN``).
FIELDS = (
    "id",
    "claim",
    "claimant",
    "claim_date",
    "rating",
    "verdict",
    "review_url",
    "review_title",
    "publisher",
    "review_date",
    "language",
    "disproof",
)


class CsvImporter(Importer):
    name = "csv"
    default_source = "csv"
    options_help: ClassVar[dict[str, str]] = {
        **{
            f: f"column holding {f.replace('_', ' ')} (default: a column named {f!r})"
            for f in FIELDS
        },
        "delimiter": "field separator: ',' (default), 'tab', ';' or any one character",
    }

    def source_for(self, path: Path) -> str:
        # The file name keeps ids stable across re-imports of the same file.
        return f"csv:{path.stem}"

    def _delimiter(self, path: Path) -> str:
        value = self.options.get("delimiter")
        if value is None:
            return "\t" if path.suffix.lower() == ".tsv" else ","
        value = {"tab": "\t", "\\t": "\t"}.get(value, value)
        if len(value) != 1:
            raise ValueError(f"delimiter must be one character, got {value!r}")
        return value

    def read(self, path: Path) -> Iterator[Item]:
        rows = csv_rows(path, delimiter=self._delimiter(path))
        first = next(rows, None)
        if first is None:
            raise ImportFileError(str(path), "empty file", 1)
        header = [h.strip() for h in first[1]]
        lookup = {h.casefold(): i for i, h in enumerate(header)}
        columns: dict[str, int] = {}
        for field in FIELDS:
            name = self.options.get(field)
            if name is None:
                continue
            if name.casefold() not in lookup:
                raise ImportFileError(
                    str(path), f"no column {name!r} (for {field}); header: {header}", 1
                )
            columns[field] = lookup[name.casefold()]
        # Unmapped fields take a column of their own name, unless it is mapped already.
        for field in FIELDS:
            index = lookup.get(field)
            if field not in columns and index is not None and index not in columns.values():
                columns[field] = index
        if "claim" not in columns:
            raise ImportFileError(
                str(path), "no claim column: name one with --option claim=COLUMN", 1
            )
        for item in header_rows(path, rows, len(header)):
            if isinstance(item, Rejection):
                yield item
                continue
            line, row = item
            value = {f: clean(row[i]) for f, i in columns.items()}
            claim = value.get("claim")
            if not claim:
                yield Rejection(str(path), line, "empty claim")
                continue
            rating = value.get("rating")
            verdict = (value.get("verdict") or "").lower()
            if verdict and verdict not in VERDICTS:
                yield Rejection(str(path), line, f"verdict {verdict!r} is not one of {VERDICTS}")
                continue
            yield ClaimReview(
                claim_text=claim,
                source_key=value.get("id") or _norm(claim),
                verdict=verdict or verdicts.normalise(rating),
                rating_text=rating,
                claimant=value.get("claimant"),
                claim_date=iso_date(value.get("claim_date")),
                review_url=value.get("review_url"),
                review_title=value.get("review_title"),
                publisher=value.get("publisher"),
                review_date=iso_date(value.get("review_date")),
                language=value.get("language"),
                disproof=value.get("disproof"),
                line=line,
            )
