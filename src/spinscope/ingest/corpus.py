"""JSONL and CSV/TSV corpora, streamed one record at a time.

A corpus file is read line by line in binary mode with a bounded ``readline``, so a
2 GB file (or one 2 GB line) runs in memory proportional to ``max_bytes``, not to the
file. Each record becomes a :class:`Document`; a bad record (invalid JSON, a missing
or empty text field, an undecodable or oversized line, a CSV row with the wrong
number of fields) becomes an :class:`ErrorRecord` with its line number, and the
records after it are read as usual.

Line numbers are 1-based physical lines, the numbers an editor shows; a CSV record
spanning several lines (a quoted field with newlines) is numbered by its first line.
Records without an id get ``<id_base>:<line>``; so does the error record of a bad
row, unless the row's own id could be read (its ``source`` still says ``file:line``).

JSON may spell lone surrogates (``"\\ud800"``), which are not characters and which
no UTF-8 output can hold: they are replaced by U+FFFD (one character for one, so
offsets keep their meaning) with a warning in ``meta.extra["ingest_warnings"]``.
Repeated ids are made unique by the reader (:class:`~spinscope.ingest.ids.UniqueIds`).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any

from spinscope.document import Document, ErrorRecord, Meta
from spinscope.errors import EncodingError, InputError, InputTooLargeError, MalformedRecordError
from spinscope.ingest.ids import with_warnings
from spinscope.ingest.options import IngestOptions

__all__ = [
    "META_FIELDS",
    "error_result",
    "read_csv",
    "read_json",
    "read_jsonl",
    "record_to_document",
]

#: Record fields that map onto :class:`Meta` attributes (other fields go to ``meta.extra``).
META_FIELDS = ("title", "url", "outlet", "published", "language")

_BOM = codecs.BOM_UTF8
_DRAIN = 1 << 20
# A JSON escape of a surrogate: only then can parsed strings hold lone surrogates.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def error_result(exc: BaseException, *, id: str, source: str | None) -> ErrorRecord:
    """An :class:`ErrorRecord` for an input that could not become a document."""
    # An unexpected failure is named: its message alone may be cryptic.
    message = str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
    return ErrorRecord(id=id, error=message, kind=type(exc).__name__, source=source)


def _too_large(size: int, limit: int, *, source: str) -> InputTooLargeError:
    return InputTooLargeError(
        f"record is {size:,} bytes, over the {limit:,}-byte limit that applies to each "
        "record; raise it with --max-bytes (or [ingest] max_bytes in the config)",
        source=source,
    )


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None, int, int]]:
    """``(line_number, line, size, quotes)`` for each physical line.

    ``size`` excludes the line break; ``quotes`` counts ``"`` characters (CSV needs
    them to know where a record ends). ``line`` is ``None`` when the line is over
    ``limit`` bytes: it is then read in bounded chunks and dropped, never held whole.
    """
    number = 0
    while True:
        # +2: room for "\r\n" after a line of exactly `limit` bytes.
        line = stream.readline(limit + 2)
        if not line:
            return
        number += 1
        if number == 1:
            line = line.removeprefix(_BOM)
        if len(line) == limit + 2 and not line.endswith(b"\n"):
            size, quotes = len(line), line.count(b'"')
            while not line.endswith(b"\n"):
                line = stream.readline(_DRAIN)
                if not line:
                    break
                size += len(line)
                quotes += line.count(b'"')
            size -= len(line) - len(line.rstrip(b"\r\n"))
            yield number, None, size, quotes
            continue
        content = line.rstrip(b"\r\n")
        yield number, line, len(content), content.count(b'"')


def _decode_line(line: bytes, options: IngestOptions) -> str:
    # JSON text is UTF-8 by definition (RFC 8259); CSV exports nearly always are. A
    # per-line decode keeps one bad line from spoiling the rest of the file.
    return line.decode("utf-8" if options.encoding == "auto" else options.encoding)


def _string_id(value: Any, *, key: str, source: str, line: int) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise MalformedRecordError(
        f"field {key!r} must be a string or an integer, got {_kind(value)}",
        source=source,
        line=line,
    )


def _readable_id(record: Mapping[str, Any], key: str) -> str | None:
    """The record's id if it is a usable string or integer, else ``None`` (never raises)."""
    value = record.get(key)
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _scrub(value: Any) -> tuple[Any, list[str]]:
    """``value`` (parsed JSON) with lone surrogates replaced by U+FFFD, and a warning.

    Containers are fixed in place, iteratively: nesting as deep as the JSON parser
    allows cannot exhaust the stack.
    """
    count = 0

    def fix(text: str) -> str:
        nonlocal count
        new, n = _LONE_SURROGATE.subn("\ufffd", text)
        count += n
        return new

    if isinstance(value, str):
        value = fix(value)
    stack = [value] if isinstance(value, dict | list) else []
    while stack:
        container = stack.pop()
        if isinstance(container, list):
            for i, item in enumerate(container):
                if isinstance(item, str):
                    container[i] = fix(item)
                elif isinstance(item, dict | list):
                    stack.append(item)
            continue
        items = list(container.items())
        container.clear()
        for key, item in items:
            if isinstance(item, str):
                item = fix(item)
            elif isinstance(item, dict | list):
                stack.append(item)
            container[fix(key)] = item
    if not count:
        return value, []
    plural = "s" if count != 1 else ""
    return value, [
        f"replaced {count:,} lone surrogate escape{plural} (such as \\ud800, which is not a "
        "character) by U+FFFD"
    ]


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "an array", bool: "a boolean", type(None): "null"}
    for cls, name in names.items():
        if isinstance(value, cls):
            return name
    return "a number" if isinstance(value, int | float) else type(value).__name__


def record_to_document(
    record: Mapping[str, Any],
    *,
    line: int,
    source: str,
    id_base: str,
    options: IngestOptions,
    format: str,
    encoding: str | None = None,
    warnings: Sequence[str] = (),
) -> Document:
    """A document from one parsed JSONL object or CSV row.

    Args:
        record: field name to value.
        line: the record's line number (for the default id and errors).
        source: the file (``corpus.jsonl``); ``meta.source`` becomes ``source:line``.
        id_base: the default id prefix (the file stem).
        options: supplies ``text_key`` and ``id_key``.
        format: ``"jsonl"`` or ``"csv"``, for ``meta.format``.
        encoding: what the record was decoded with.
        warnings: what had to be repaired in the record, for
            ``meta.extra["ingest_warnings"]``.

    Raises:
        MalformedRecordError: the text field is missing, not a string, or empty; or the
            id field is neither a string nor an integer.
    """
    key = options.text_key
    if key not in record:
        fields = ", ".join(map(repr, list(record)[:20])) or "none"
        raise MalformedRecordError(
            f"has no {key!r} field (fields: {fields}); choose the text field with --text-key",
            source=source,
            line=line,
        )
    text = record[key]
    if not isinstance(text, str):
        raise MalformedRecordError(
            f"field {key!r} must be a string, got {_kind(text)}", source=source, line=line
        )
    if not text.strip():
        raise MalformedRecordError(f"field {key!r} is empty", source=source, line=line)
    doc_id = _string_id(record.get(options.id_key), key=options.id_key, source=source, line=line)
    known: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for name, value in record.items():
        if name in (key, options.id_key):
            continue
        if name in META_FIELDS and isinstance(value, str):
            if value.strip():
                known[name] = value.strip()
        elif name in META_FIELDS and value is None:
            continue
        else:
            extra[name] = value
    meta = Meta(
        **known,
        source=f"{source}:{line}",
        format=format,
        encoding=encoding,
        extra=extra,
    )
    return Document(text, id=doc_id or f"{id_base}:{line}", meta=with_warnings(meta, warnings))


def _loads(decoded: str, *, source: str, line: int | None = None) -> Any:
    """``json.loads`` whose failures are :class:`MalformedRecordError` with a position.

    Args:
        line: the JSONL line being parsed (positions are then columns of that line);
            ``None`` for a whole JSON file (positions are line and column).
    """
    try:
        return json.loads(decoded)
    except json.JSONDecodeError as exc:
        where = (
            f"column {exc.colno}" if line is not None else f"line {exc.lineno}, column {exc.colno}"
        )
        raise MalformedRecordError(
            f"not valid JSON ({exc.msg.removesuffix(' at')} at {where})", source=source, line=line
        ) from None
    except (ValueError, RecursionError) as exc:  # nesting or huge-integer limits
        raise MalformedRecordError(
            f"not usable JSON ({type(exc).__name__}: {exc})", source=source, line=line
        ) from None


def read_jsonl(
    stream: IO[bytes], *, source: str, id_base: str, options: IngestOptions
) -> Iterator[Document | ErrorRecord]:
    """Documents (or error records) from a JSON Lines stream, one per non-blank line.

    Args:
        stream: a binary stream positioned at the start.
        source: the name used in ``meta.source`` and error records.
        id_base: the default id prefix (``<id_base>:<line>``).
        options: ``max_bytes`` (per line), ``encoding``, ``text_key``, ``id_key``.
    """
    encoding = "utf-8" if options.encoding == "auto" else codecs.lookup(options.encoding).name
    for number, line, size, _ in _lines(stream, options.max_bytes):
        where = f"{source}:{number}"
        row_id: str | None = None
        try:
            if line is None or size > options.max_bytes:
                raise _too_large(size, options.max_bytes, source=where)
            if not line.strip():
                continue
            try:
                decoded = _decode_line(line.rstrip(b"\r\n"), options)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    f"line is not valid {encoding} (invalid byte at column {exc.start + 1})",
                    source=where,
                ) from None
            record = _loads(decoded, source=source, line=number)
            warnings: list[str] = []
            if _SURROGATE_ESCAPE.search(decoded):
                record, warnings = _scrub(record)
            if not isinstance(record, dict):
                raise MalformedRecordError(
                    f"expected a JSON object, got {_kind(record)}", source=source, line=number
                )
            row_id = _readable_id(record, options.id_key)
            yield record_to_document(
                record,
                line=number,
                source=source,
                id_base=id_base,
                options=options,
                format="jsonl",
                encoding=encoding,
                warnings=warnings,
            )
        except Exception as exc:  # one bad record never stops a corpus
            yield error_result(exc, id=row_id or f"{id_base}:{number}", source=where)


def read_json(
    data: bytes, *, source: str, id_base: str, options: IngestOptions
) -> Iterator[Document | ErrorRecord]:
    """Documents from one JSON file: an object (one article) or an array of objects.

    Directories of one-JSON-object-per-article files are a common corpus shape
    (FakeNewsNet, scraper output). An object becomes one document whose id is the
    ``id_key`` field or, failing that, ``id_base`` (the file stem); an array gives one
    document per element, numbered from 1 like lines (``<id_base>:<n>``), and a bad
    element yields an error record while the others go on.

    Args:
        data: the whole file (the caller bounds it by ``max_bytes``).
        source: the file name for ``meta.source`` and errors.
        id_base: the default id (object) or id prefix (array).
        options: ``encoding``, ``text_key``, ``id_key``.
    """
    encoding = "utf-8" if options.encoding == "auto" else codecs.lookup(options.encoding).name
    try:
        try:
            decoded = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"file is not valid {encoding} (invalid byte at offset {exc.start})",
                source=source,
            ) from None
        value = _loads(decoded, source=source)
        warnings: list[str] = []
        if _SURROGATE_ESCAPE.search(decoded):
            value, warnings = _scrub(value)
    except Exception as exc:
        yield error_result(exc, id=id_base, source=source)
        return
    if isinstance(value, dict):
        try:
            doc = record_to_document(
                value,
                line=1,
                source=source,
                id_base=id_base,
                options=options,
                format="json",
                encoding=encoding,
                warnings=warnings,
            )
            has_id = value.get(options.id_key) is not None
            yield Document(
                doc.text,
                id=doc.id if has_id else id_base,
                meta=doc.meta.replace(source=source),
            )
        except Exception as exc:
            yield error_result(
                exc, id=_readable_id(value, options.id_key) or id_base, source=source
            )
        return
    if not isinstance(value, list):
        error = MalformedRecordError(
            f"expected a JSON object or an array of objects, got {_kind(value)}", source=source
        )
        yield error_result(error, id=id_base, source=source)
        return
    for number, item in enumerate(value, start=1):
        where = f"{source}:{number}"
        item_id = _readable_id(item, options.id_key) if isinstance(item, dict) else None
        try:
            if not isinstance(item, dict):
                raise MalformedRecordError(
                    f"array element {number}: expected a JSON object, got {_kind(item)}",
                    source=source,
                    line=number,
                )
            yield record_to_document(
                item,
                line=number,
                source=source,
                id_base=id_base,
                options=options,
                format="json",
                encoding=encoding,
                warnings=warnings,
            )
        except Exception as exc:  # one bad element never stops the file
            yield error_result(exc, id=item_id or f"{id_base}:{number}", source=where)


class _CsvFeed:
    """Feeds decoded physical lines to :func:`csv.reader`, keeping records bounded.

    It follows quote parity to know where each record ends (a line break outside
    quotes), so it can refuse a record over ``max_bytes`` (a quoted field that never
    closes, in the worst case) without holding it: the rest of the record is skipped
    and the reader is handed a line that ends it. Problems (oversized records,
    undecodable lines) are noted by line number for the record that contains them.

    Parity is exact for RFC 4180 quoting (``""`` escapes keep it even). A stray quote
    inside an unquoted field (``5" screen``) makes the feed think the record goes on;
    that only matters if the next ``max_bytes`` of the file hold no other stray quote.
    """

    def __init__(self, stream: IO[bytes], options: IngestOptions, source: str) -> None:
        self._lines = _lines(stream, options.max_bytes)
        self._options = options
        self._source = source
        self._encoding = "utf-8" if options.encoding == "auto" else options.encoding
        self._inside = False  # inside a quoted field at the end of the last line
        self._record_start = 1
        self._record_bytes = 0
        self.line = 0
        self.problems: dict[int, InputError] = {}

    def __iter__(self) -> _CsvFeed:
        return self

    def _advance(self) -> tuple[bytes | None, bool]:
        number, line, size, quotes = next(self._lines)
        self.line = number
        was_inside = self._inside
        if not was_inside:
            self._record_start, self._record_bytes = number, 0
        self._inside = was_inside ^ (quotes % 2 == 1)
        # A line break inside quotes is a character of the field: count it too.
        self._record_bytes += size + (len(line) - size if line is not None and self._inside else 0)
        return line, was_inside

    def __next__(self) -> str:
        line, was_inside = self._advance()
        limit = self._options.max_bytes
        if line is not None and self._record_bytes <= limit:
            try:
                return _decode_line(line, self._options)
            except UnicodeDecodeError as exc:
                self.problems[self.line] = EncodingError(
                    f"line is not valid {self._encoding} (invalid byte at column {exc.start + 1})",
                    source=f"{self._source}:{self.line}",
                )
                return line.decode("utf-8", "replace")
        start = self._record_start
        with contextlib.suppress(StopIteration):
            while self._inside:
                self._advance()
        self.problems[start] = _too_large(
            self._record_bytes, limit, source=f"{self._source}:{start}"
        )
        # End the record the reader holds: close its quoted field if it is in one.
        return '"\n' if was_inside else "\n"

    def take_problem(self, first: int, last: int) -> InputError | None:
        """The first problem on lines ``first..last`` (forgetting those lines)."""
        found = None
        for number in [n for n in self.problems if n <= last]:
            problem = self.problems.pop(number)
            if found is None and number >= first:
                found = problem
        return found


def _delimiter(header_line: str, suffix_hint: str | None) -> str:
    if suffix_hint is not None:
        return suffix_hint
    return "\t" if "\t" in header_line and "," not in header_line else ","


def read_csv(
    stream: IO[bytes],
    *,
    source: str,
    id_base: str,
    options: IngestOptions,
    delimiter: str | None = None,
) -> Iterator[Document | ErrorRecord]:
    """Documents (or error records) from a CSV/TSV stream with a header row.

    Args:
        stream: a binary stream positioned at the start.
        source: the name used in ``meta.source`` and error records.
        id_base: the default id prefix (``<id_base>:<line>``).
        options: ``max_bytes`` (per record), ``encoding``, ``text_key``, ``id_key``.
        delimiter: ``","`` or ``"\\t"``; default: sniffed from the header (tabs and no
            commas means TSV).
    """
    feed = _CsvFeed(stream, options, source)
    encoding = "utf-8" if options.encoding == "auto" else codecs.lookup(options.encoding).name
    header: list[str] | None = None
    reader: Any = None
    previous_line = 0
    # csv's field limit is process-wide state: set ours only while parsing a record.
    # The feed already bounds each record to max_bytes (a field has no more characters
    # than bytes), so this only lifts csv's default 128 kB cap.
    limit = options.max_bytes + 1024
    while True:
        first = previous_line + 1
        if reader is None:
            # Peek at the header line to choose the delimiter, then hand csv the rest.
            try:
                head = next(feed)
            except StopIteration:
                return
            lines: Iterator[str] = _chain_first(head, feed)
            reader = csv.reader(lines, delimiter=_delimiter(head, delimiter), strict=False)
        saved = csv.field_size_limit(limit)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            previous_line = feed.line
            feed.take_problem(first, feed.line)
            yield error_result(
                MalformedRecordError(f"malformed CSV ({exc})", source=source, line=first),
                id=f"{id_base}:{first}",
                source=f"{source}:{first}",
            )
            continue
        finally:
            csv.field_size_limit(saved)
        last = previous_line = feed.line
        where = f"{source}:{first}"
        problem = feed.take_problem(first, last)
        if not row and problem is None:
            continue  # a blank line
        if header is None:
            if problem is not None:
                yield error_result(problem, id=f"{id_base}:{first}", source=where)
                return
            header = [name.strip() for name in row]
            if options.text_key not in header:
                columns = ", ".join(map(repr, header[:20]))
                yield error_result(
                    MalformedRecordError(
                        f"the header has no {options.text_key!r} column (columns: {columns}); "
                        "choose the text column with --text-key",
                        source=source,
                        line=first,
                    ),
                    id=id_base,
                    source=where,
                )
                return
            continue
        row_id = _readable_id(dict(zip(header, row, strict=False)), options.id_key)
        try:
            if problem is not None:
                raise problem
            if len(row) != len(header):
                raise MalformedRecordError(
                    f"has {len(row)} fields but the header has {len(header)}",
                    source=source,
                    line=first,
                )
            yield record_to_document(
                dict(zip(header, row, strict=True)),
                line=first,
                source=source,
                id_base=id_base,
                options=options,
                format="csv",
                encoding=encoding,
            )
        except Exception as exc:  # one bad row never stops a corpus
            yield error_result(exc, id=row_id or f"{id_base}:{first}", source=where)


def _chain_first(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest
