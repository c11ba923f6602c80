"""CheckThat! 2020 Task 2 ``verified_claims.docs.tsv``: ``vclaim_id, vclaim, title``
(Snopes claims; the header's first cell is empty). The file gives no verdicts."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from spinscope.factchecks.importers.base import Importer, Item, clean, csv_rows
from spinscope.factchecks.model import ClaimReview, ImportFileError, Rejection


class Ct20Importer(Importer):
    name = "ct20"
    default_source = "ct20"

    def read(self, path: Path) -> Iterator[Item]:
        # Quoting on: claims with quotes are written CSV-style ("A ""law"" ...").
        rows = csv_rows(path, delimiter="\t", quoting=csv.QUOTE_MINIMAL)
        first = next(rows, None)
        if first is None:
            raise ImportFileError(str(path), "empty file", 1)
        header = [h.strip().lower() for h in first[1]]
        if header[1:3] != ["vclaim", "title"]:
            raise ImportFileError(
                str(path), "expected the header '<id>\\tvclaim\\ttitle' on line 1", 1
            )
        for line, row in rows:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != 3:
                yield Rejection(str(path), line, f"{len(row)} columns, expected 3")
                continue
            vclaim_id, claim, title = (clean(c) for c in row)
            if not vclaim_id:
                yield Rejection(str(path), line, "no vclaim id")
            elif not claim:
                yield Rejection(str(path), line, "no vclaim text")
            else:
                yield ClaimReview(
                    claim_text=claim,
                    source_key=vclaim_id,
                    review_title=title,
                    publisher="Snopes",
                    language="en",
                    extra={"vclaim_id": vclaim_id},
                    line=line,
                )
