"""What every importer shares: the interface and careful file reading."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar, Literal

from spinscope.factchecks.model import ClaimReview, ImportFileError, Rejection

Item = ClaimReview | Rejection

#: Largest CSV/TSV field accepted by the parser; anything larger is malformed input.
CSV_FIELD_LIMIT = 1 << 20

#: Bytes inspected to tell a binary file from text.
_SNIFF_BYTES = 8192


class Importer:
    """Reads one file format. Subclasses set :attr:`name`, :attr:`version` and
    :attr:`default_source`, and implement :meth:`read`."""

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
        """Records and rejections of ``path``, in file order; :class:`ImportFileError`
        when the file cannot be read on (what was yielded before stays valid)."""
        raise NotImplementedError


def check_file(path: Path) -> None:
    """Fail early, naming the file, on what no importer can read."""
    if not path.exists():
        raise ImportFileError(str(path), "no such file")
    if not path.is_file():
        raise ImportFileError(str(path), "not a regular file")
    try:
        with path.open("rb") as f:
            head = f.read(_SNIFF_BYTES)
    except OSError as exc:
        raise ImportFileError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if b"\x00" in head:
        raise ImportFileError(str(path), "binary file (NUL bytes), not text")


def text_lines(path: Path) -> Iterator[str]:
    """The lines of a UTF-8 file (a BOM is dropped), newline kept; an invalid byte stops
    the file with an error naming its line."""
    check_file(path)
    with path.open("rb") as f:
        for number, raw in enumerate(f, 1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if b"\x00" in raw:
                raise ImportFileError(str(path), "binary data (NUL byte)", number)
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise ImportFileError(
                    str(path), f"not UTF-8 (byte 0x{raw[exc.start]:02x})", number
                ) from exc


def read_text(path: Path) -> str:
    return "".join(text_lines(path))


def csv_rows(
    path: Path, *, delimiter: str = ",", quoting: Literal[0, 1, 2, 3] = csv.QUOTE_MINIMAL
) -> Iterator[tuple[int, list[str]]]:
    """``(line, row)`` pairs of a CSV/TSV file; ``line`` is where the row starts."""
    reader = csv.reader(text_lines(path), delimiter=delimiter, quoting=quoting, strict=False)
    start = 1
    while True:
        # The limit is process-wide: raised only while this reader parses a row.
        saved = csv.field_size_limit(CSV_FIELD_LIMIT)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(str(path), f"malformed CSV: {exc}", start) from exc
        finally:
            csv.field_size_limit(saved)
        yield start, row
        start = reader.line_num + 1


def header_rows(
    path: Path, rows: Iterator[tuple[int, list[str]]], width: int
) -> Iterator[tuple[int, list[str]] | Rejection]:
    """The non-blank rows after a header ``width`` cells wide; a row of another width is
    a :class:`Rejection` naming its line (never a silent drop)."""
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            yield Rejection(str(path), line, f"{len(row)} columns, the header has {width}")
            continue
        yield line, row


def clean(value: str | None) -> str | None:
    """Stripped text, None when empty."""
    if value is None:
        return None
    value = value.strip()
    return value or None
