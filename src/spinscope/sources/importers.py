"""One importer per rating list format (``spinscope sources import --format``).

* ``mbfc``: the Media Bias/Fact Check scrape (``mbfc.csv``: source, bias,
  factual_reporting, mbfc_credibility_rating, ...);
* ``baly``: Baly et al.'s ``corpus.tsv`` (source_url, fact, bias; one file per paper,
  each its own source ``baly:<folder>``);
* ``opensources``: OpenSources ``sources.csv`` or ``sources.json`` (type, 2nd type,
  3rd type as labels, notes);
* ``csv``: any CSV/TSV with a header, columns named by ``--option FIELD=COLUMN``.

Files are read with the fact-check importers' careful readers (UTF-8 or a clear
error naming the line, CSV rows of the wrong width rejected with their line).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

from spinscope.factchecks.importers.base import clean, csv_rows, header_rows, read_text
from spinscope.factchecks.model import ImportFileError, Rejection
from spinscope.sources.domains import parse_site
from spinscope.sources.model import (
    RatingRecord,
    normalise_bias,
    normalise_credibility,
    normalise_factual,
    normalise_label,
)

__all__ = ["IMPORTERS", "Item", "RatingImporter", "get_importer"]

Item = RatingRecord | Rejection


class RatingImporter:
    """Reads one rating list format. Subclasses set :attr:`name` and
    :attr:`default_source` and implement :meth:`read`."""

    name: ClassVar[str]
    #: Bumped when the importer maps fields differently (recorded with every row).
    version: ClassVar[str] = "1"
    default_source: ClassVar[str]
    #: Options ``--option KEY=VALUE`` understood, with their help.
    options_help: ClassVar[dict[str, str]] = {}

    def __init__(self, options: dict[str, str]) -> None:
        unknown = sorted(set(options) - set(self.options_help))
        if unknown:
            known = ", ".join(self.options_help) or "none"
            raise ValueError(
                f"format {self.name!r} has no option {', '.join(unknown)} (known: {known})"
            )
        self.options = options

    def source_for(self, path: Path) -> str:
        """The source name rows of ``path`` get when ``--source`` is not given."""
        return self.default_source

    def read(self, path: Path) -> Iterator[Item]:
        raise NotImplementedError


def _record(
    path: Path,
    line: int,
    raw_site: str | None,
    *,
    keep_path: bool = True,
    bias: str | None = None,
    factual: str | None = None,
    credibility: str | None = None,
    labels: tuple[str, ...] = (),
    name: str | None = None,
    extra: dict[str, Any] | None = None,
) -> Item:
    """A record, or the rejection saying why the row cannot be one. Raw values that do
    not normalise are kept in ``extra`` under ``<field>_raw``."""
    if not raw_site:
        return Rejection(str(path), line, "no domain")
    site = parse_site(raw_site, keep_path=keep_path)
    if site is None:
        return Rejection(str(path), line, f"not a domain or URL: {raw_site!r}")
    extra = {k: v for k, v in (extra or {}).items() if v not in (None, "")}
    bias_value, bias_labels = normalise_bias(bias)
    values = {
        "bias": (bias, bias_value),
        "factual": (factual, normalise_factual(factual)),
        "credibility": (credibility, normalise_credibility(credibility)),
    }
    for field, (given, value) in values.items():
        if given and given.strip() and value != given.strip():
            extra[f"{field}_raw"] = given.strip()
    all_labels = sorted({x for x in (*labels, *bias_labels) if x})
    record = RatingRecord(
        site=site,
        raw=raw_site,
        bias=bias_value,
        factual=values["factual"][1],
        credibility=values["credibility"][1],
        labels=tuple(all_labels),
        name=name,
        extra=extra,
        line=line,
    )
    if not record.rates_anything():
        return Rejection(str(path), line, f"no rating for {raw_site!r}")
    return record


def _header(path: Path, rows: Iterator[tuple[int, list[str]]], needs: tuple[str, ...]) -> list[str]:
    first = next(rows, None)
    if first is None:
        raise ImportFileError(str(path), "empty file", 1)
    header = [h.strip() for h in first[1]]
    missing = [n for n in needs if n not in header]
    if missing:
        raise ImportFileError(
            str(path), f"not this format: no column {', '.join(missing)}; header: {header}", 1
        )
    return header


class MbfcImporter(RatingImporter):
    name = "mbfc"
    default_source = "mbfc"
    _OTHER = ("country", "press_freedom", "media_type", "popularity", "nela_gt_label")

    def read(self, path: Path) -> Iterator[Item]:
        rows = csv_rows(path)
        header = _header(path, rows, ("source", "bias", "factual_reporting"))
        for item in header_rows(path, rows, len(header)):
            if isinstance(item, Rejection):
                yield item
                continue
            line, cells = item
            row = dict(zip(header, cells, strict=True))
            yield _record(
                path,
                line,
                clean(row["source"]),
                bias=row["bias"],
                factual=row["factual_reporting"],
                credibility=row.get("mbfc_credibility_rating"),
                extra={k: clean(row.get(k)) for k in self._OTHER},
            )


class BalyImporter(RatingImporter):
    name = "baly"
    default_source = "baly"

    def source_for(self, path: Path) -> str:
        # The two papers' lists rate many sites differently: each is its own source.
        return f"baly:{path.parent.name if path.stem == 'corpus' else path.stem}"

    def read(self, path: Path) -> Iterator[Item]:
        rows = csv_rows(path, delimiter="\t")
        header = _header(path, rows, ("source_url", "fact", "bias"))
        for item in header_rows(path, rows, len(header)):
            if isinstance(item, Rejection):
                yield item
                continue
            line, cells = item
            row = dict(zip(header, cells, strict=True))
            # Each URL is an outlet's home page (``who.int/en/``): the rating is the site's.
            yield _record(
                path,
                line,
                clean(row["source_url"]),
                keep_path=False,
                bias=row["bias"],
                factual=row["fact"],
                extra={"ref": clean(row.get("ref"))},
            )


class OpensourcesImporter(RatingImporter):
    name = "opensources"
    default_source = "opensources"
    _TYPES = ("type", "2nd type", "3rd type")
    _NOTES = "Source Notes (things to know?)"

    def read(self, path: Path) -> Iterator[Item]:
        if path.suffix.lower() == ".json":
            yield from self._read_json(path)
        else:
            yield from self._read_csv(path)

    def _item(self, path: Path, line: int, domain: str | None, row: dict[str, Any]) -> Item:
        labels = tuple(
            label
            for t in self._TYPES
            if isinstance(row.get(t), str) and (label := normalise_label(row[t]))
        )
        notes = row.get(self._NOTES)
        # Rows with a path (``newyorker.com/humor``) rate that section only.
        return _record(
            path,
            line,
            domain,
            labels=labels,
            extra={"notes": clean(notes) if isinstance(notes, str) else None},
        )

    def _read_csv(self, path: Path) -> Iterator[Item]:
        rows = csv_rows(path)
        header = _header(path, rows, ("type",))
        for item in header_rows(path, rows, len(header)):
            if isinstance(item, Rejection):
                yield item
                continue
            line, cells = item
            # The first column (no header) holds the domain.
            yield self._item(path, line, clean(cells[0]), dict(zip(header, cells, strict=True)))

    def _read_json(self, path: Path) -> Iterator[Item]:
        text = read_text(path)
        try:
            pairs = json.loads(text, object_pairs_hook=lambda p: p)
        except json.JSONDecodeError as exc:
            raise ImportFileError(str(path), f"malformed JSON: {exc.msg}", exc.lineno) from exc
        if not isinstance(pairs, list):
            raise ImportFileError(str(path), "not a JSON object of domains", 1)
        # The line of each top-level key, in file order, for provenance.
        lines = iter(
            number
            for number, line in enumerate(text.splitlines(), 1)
            if re.match(r'^\s{0,4}"[^"]+"\s*:\s*[{\[]', line)
        )
        for domain, fields in pairs:
            line = next(lines, 0)
            if not isinstance(fields, list):
                yield Rejection(str(path), line, f"{domain!r}: not an object")
                continue
            yield self._item(path, line, clean(domain), dict(fields))


#: Fields a ``csv`` column can be mapped to (``--option FIELD=COLUMN``).
CSV_FIELDS = ("domain", "bias", "factual", "credibility", "labels", "name")

#: Column names tried for the site when ``--option domain=`` is not given.
_SITE_COLUMNS = ("domain", "site", "url", "source_url", "source", "outlet_url")


class CsvRatingsImporter(RatingImporter):
    name = "csv"
    default_source = "csv"
    options_help: ClassVar[dict[str, str]] = {
        "domain": f"column holding the domain or URL (default: one of {', '.join(_SITE_COLUMNS)})",
        "bias": "column holding the political bias (default: 'bias')",
        "factual": "column holding factual reporting (default: 'factual')",
        "credibility": "column holding credibility, a category or a score (default: 'credibility')",
        "labels": "column holding labels separated by ';' ',' or '|' (default: 'labels')",
        "name": "column holding the outlet's name (default: 'name')",
        "delimiter": "field separator: ',' (default; tab for .tsv), 'tab', ';' or one character",
        "paths": "'yes' (default): a URL path rates that section only; 'no': the whole site",
    }

    def source_for(self, path: Path) -> str:
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
        keep_path = self.options.get("paths", "yes").lower() not in ("no", "false", "0")
        rows = csv_rows(path, delimiter=self._delimiter(path))
        header = _header(path, rows, ())
        lookup = {h.casefold(): i for i, h in enumerate(header)}
        columns: dict[str, int] = {}
        for field in CSV_FIELDS:
            wanted = self.options.get(field)
            if wanted is not None:
                if wanted.casefold() not in lookup:
                    raise ImportFileError(
                        str(path), f"no column {wanted!r} (for {field}); header: {header}", 1
                    )
                columns[field] = lookup[wanted.casefold()]
            elif field == "domain":
                found = next((lookup[c] for c in _SITE_COLUMNS if c in lookup), None)
                if found is not None:
                    columns[field] = found
            elif field in lookup and lookup[field] not in columns.values():
                columns[field] = lookup[field]
        if "domain" not in columns:
            raise ImportFileError(
                str(path),
                f"no domain column: name one with --option domain=COLUMN; header: {header}",
                1,
            )
        others = [i for i in range(len(header)) if i not in columns.values()]
        for item in header_rows(path, rows, len(header)):
            if isinstance(item, Rejection):
                yield item
                continue
            line, cells = item
            value = {f: clean(cells[i]) for f, i in columns.items()}
            labels = tuple(
                label
                for part in re.split(r"[;,|]", value.get("labels") or "")
                if (label := normalise_label(part))
            )
            yield _record(
                path,
                line,
                value["domain"],
                keep_path=keep_path,
                bias=value.get("bias"),
                factual=value.get("factual"),
                credibility=value.get("credibility"),
                labels=labels,
                name=value.get("name"),
                extra={header[i] or f"column {i + 1}": clean(cells[i]) for i in others},
            )


IMPORTERS: dict[str, type[RatingImporter]] = {
    cls.name: cls for cls in (MbfcImporter, BalyImporter, OpensourcesImporter, CsvRatingsImporter)
}


def get_importer(name: str, options: dict[str, str] | None = None) -> RatingImporter:
    """The importer called ``name``, configured with ``options`` (``KEY=VALUE`` pairs)."""
    try:
        cls = IMPORTERS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; one of: {', '.join(IMPORTERS)}") from None
    return cls(options or {})
