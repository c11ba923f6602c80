"""Files, directories, byte strings and standard input to documents.

Single documents (:func:`read_document`, :func:`document_from_bytes`) raise an
:class:`~spinscope.errors.InputError` subclass when the input is unusable. The
streaming readers (:func:`read_path`, :func:`read_stdin`) never raise for one bad
file or record: they yield an :class:`~spinscope.pipeline.ErrorRecord` in its place
and go on, so one broken file cannot stop a run over a million.
"""

from __future__ import annotations

import codecs
import io
import logging
import os
import stat
from collections import Counter
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Any

from spinscope.document import Document, ErrorRecord, Meta
from spinscope.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    NotTextError,
)
from spinscope.ingest.corpus import error_result, read_csv, read_json, read_jsonl
from spinscope.ingest.html import declared_charset, extract_html
from spinscope.ingest.options import IngestOptions
from spinscope.ingest.sniff import (
    BOMS,
    HEAD_BYTES,
    SUFFIX_FORMATS,
    binary_kind,
    format_for_suffix,
    sniff_format,
    utf16_without_bom,
)
from spinscope.ingest.text import decode_bytes, document_from_text

__all__ = ["document_from_bytes", "read_document", "read_path", "read_stdin"]

log = logging.getLogger(__name__)

Result = Document | ErrorRecord

STDIN = "<stdin>"
_CORPUS_FORMATS = ("jsonl", "json", "csv")
# What to do about the binary inputs people most often mean to analyse.
_HINTS = {
    "PDF": " (for PDF: pdftotext FILE -)",
    "gzip-compressed data": " (for gzip: zcat FILE | spinscope analyze -)",
    "bzip2-compressed data": " (for bzip2: bzcat FILE | spinscope analyze -)",
    "xz-compressed data": " (for xz: xzcat FILE | spinscope analyze -)",
    "zstd-compressed data": " (for zstd: zstdcat FILE | spinscope analyze -)",
}
_WIDE = ("utf-16", "utf-32")


def _options(options: IngestOptions | None) -> IngestOptions:
    return options if options is not None else IngestOptions()


def _too_large(size: int, limit: int, *, source: str, exact: bool = True) -> InputTooLargeError:
    amount = f"{size:,} bytes" if exact else f"more than {limit:,} bytes"
    return InputTooLargeError(
        f"the input is {amount}, over the {limit:,}-byte limit; raise the limit with "
        "--max-bytes (or [ingest] max_bytes in the config) if it really is one article",
        source=source,
    )


def _not_text(kind: str, *, source: str) -> NotTextError:
    return NotTextError(
        f"this is not a text document (looks like {kind}); spinscope reads plain text, HTML, "
        f"JSONL and CSV: convert it to text first{_HINTS.get(kind, '')}",
        source=source,
    )


def _corpus_error(fmt: str, *, source: str) -> InputError:
    return InputError(
        f"this is a {fmt.upper()} corpus, not a single document; read it with "
        "spinscope.ingest.read_path (or give the file to `spinscope analyze`)",
        source=source,
    )


def document_from_bytes(
    data: bytes,
    *,
    source: str,
    options: IngestOptions | None = None,
    id: str | None = None,
    format: str | None = None,
) -> Document:
    """One text or HTML document from raw bytes.

    Args:
        data: the bytes of one article (plain text or an HTML page).
        source: where they came from, for ``meta.source`` and messages.
        options: size limit, encoding, format, HTML time budget.
        id: the document id; default: a hash of the text.
        format: ``"text"`` or ``"html"``, overriding ``options.format`` and sniffing.

    Returns:
        The document; ``meta.format``, ``meta.encoding`` and ``meta.source`` are set,
        and for HTML the title, url, outlet, published date and language found.

    Raises:
        InputTooLargeError: more than ``options.max_bytes`` bytes.
        EmptyInputError: no bytes, or only whitespace (for HTML: no visible text).
        NotTextError: binary data (PDF, images, archives, NUL bytes...).
        EncodingError: no encoding decodes the bytes.
        HTMLExtractionError: an HTML page without extractable text.
        InputError: the format is a corpus (JSONL/CSV): use :func:`read_path`.
    """
    opts = _options(options)
    if len(data) > opts.max_bytes:
        raise _too_large(len(data), opts.max_bytes, source=source)
    if not data:
        raise EmptyInputError("the input is empty (0 bytes)", source=source)
    kind = binary_kind(data[:HEAD_BYTES])
    if kind is not None:
        raise _not_text(kind, source=source)
    fmt = format or (opts.format if opts.format != "auto" else sniff_format(data[:HEAD_BYTES]))
    if fmt in _CORPUS_FORMATS:
        raise _corpus_error(fmt, source=source)
    declared = declared_charset(data) if fmt == "html" else None
    text, encoding = decode_bytes(data, encoding=opts.encoding, source=source, declared=declared)
    if fmt != "html":
        meta = Meta(source=source, format="text", encoding=encoding)
        return document_from_text(text, id=id, meta=meta)
    if text.isspace():
        raise EmptyInputError("the page contains only whitespace", source=source)
    page = extract_html(text, timeout=opts.html_timeout, source=source)
    meta = Meta(
        title=page.title,
        url=page.url,
        outlet=page.outlet,
        published=page.published,
        language=page.language,
        source=source,
        format="html",
        encoding=encoding,
        extra=page.extra,
    )
    return document_from_text(page.text, id=id, meta=meta)


def _stat_size(path: Path) -> int | None:
    """The file's size, or ``None`` for pipes and devices (whose size means nothing).

    Raises:
        InputError: the path is missing, a directory, or unreadable.
    """
    source = str(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", source=source) from None
    if path.is_dir():
        raise InputError(
            "is a directory; read it with spinscope.ingest.read_path (or `spinscope analyze DIR`)",
            source=source,
        )
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _read_bounded(path: Path, options: IngestOptions) -> bytes:
    """The file's bytes, refusing files over the limit before reading them."""
    source = str(path)
    size = _stat_size(path)
    if size is not None and size > options.max_bytes:
        raise _too_large(size, options.max_bytes, source=source)
    try:
        with path.open("rb") as f:
            # Bounded even after stat(): the file may grow, or be a pipe or device.
            data = f.read(options.max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})", source=source) from None
    if len(data) > options.max_bytes:
        raise _too_large(len(data), options.max_bytes, source=source, exact=False)
    return data


def read_document(
    path: str | os.PathLike[str], *, options: IngestOptions | None = None
) -> Document:
    """One text or HTML file as a document with ``id`` = the file stem.

    Files over ``options.max_bytes`` are refused from ``stat()``, before any byte is
    read. The format comes from ``options.format``, else the extension (``.html``,
    ``.htm`` -> HTML, ``.txt`` -> text), else the content.

    Raises:
        InputError: the file is missing, a directory, unreadable, or a JSONL/CSV corpus;
            and everything :func:`document_from_bytes` raises.
    """
    opts = _options(options)
    p = Path(path)
    fmt = opts.format if opts.format != "auto" else format_for_suffix(p)
    if fmt in _CORPUS_FORMATS:
        raise _corpus_error(fmt, source=str(p))  # before reading: corpora may be huge
    data = _read_bounded(p, opts)
    return document_from_bytes(data, source=str(p), options=opts, id=p.stem, format=fmt)


# -- streaming readers ---------------------------------------------------------------


def _open_corpus(path: Path, fmt: str, *, id_base: str, options: IngestOptions) -> Iterator[Result]:
    source = str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        error = InputError(f"cannot read the file ({exc.strerror or exc})", source=source)
        yield error_result(error, id=id_base, source=source)
        return
    with stream:
        yield from _corpus(
            stream, fmt, source=source, id_base=id_base, options=options, suffix=path.suffix.lower()
        )


def _corpus(
    stream: IO[bytes],
    fmt: str,
    *,
    source: str,
    id_base: str,
    options: IngestOptions,
    suffix: str = "",
) -> Iterator[Result]:
    wide = _wide_encoding(stream, options)
    if wide is not None:
        # Line-by-line streaming splits on the byte 0x0A, which UTF-16/32 do not use
        # for line ends alone: every record would come out garbled.
        wide_error = EncodingError(
            f"this {fmt.upper()} corpus is {wide}; corpora are streamed line by line and must "
            f"use an ASCII-compatible encoding: convert it first (iconv -f {wide} -t utf-8)",
            source=source,
        )
        yield error_result(wide_error, id=id_base, source=source)
        return
    try:
        if fmt == "jsonl":
            yield from read_jsonl(stream, source=source, id_base=id_base, options=options)
        elif fmt == "json":
            # One JSON document per file: parsed whole, so bounded by max_bytes.
            data = stream.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                too_large = _too_large(len(data), options.max_bytes, source=source, exact=False)
                yield error_result(too_large, id=id_base, source=source)
                return
            yield from read_json(data, source=source, id_base=id_base, options=options)
        else:
            delimiter = "\t" if suffix == ".tsv" else ("," if suffix == ".csv" else None)
            yield from read_csv(
                stream, source=source, id_base=id_base, options=options, delimiter=delimiter
            )
    except OSError as exc:  # a read error mid-file: report it, keep what came before
        error = InputError(f"reading stopped ({exc.strerror or exc})", source=source)
        yield error_result(error, id=id_base, source=source)


def _wide_encoding(stream: IO[bytes], options: IngestOptions) -> str | None:
    """``"utf-16"``/``"utf-32"`` if a corpus stream is in one of them, else ``None``."""
    if options.encoding != "auto":
        name = codecs.lookup(options.encoding).name
        return name if name.startswith(_WIDE) else None
    peek = getattr(stream, "peek", None)
    if peek is None:
        return None
    head = peek(HEAD_BYTES)[:HEAD_BYTES]
    for bom, codec in BOMS:
        if head.startswith(bom) and codec.startswith(_WIDE):
            return codec
    return utf16_without_bom(head)


def _sniff_file(path: Path) -> tuple[str | None, str | None]:
    """``(format, binary_kind)`` from the first bytes of a file."""
    with path.open("rb") as f:
        head = f.read(HEAD_BYTES)
    kind = binary_kind(head)
    return (None, kind) if kind is not None else (sniff_format(head), None)


def _read_file(
    path: Path, *, id: str, options: IngestOptions, skip_binary: bool = False
) -> Iterator[Result]:
    source = str(path)
    try:
        fmt = options.format if options.format != "auto" else format_for_suffix(path)
        if fmt is None:
            fmt, kind = _sniff_file(path)
            if kind is not None:
                if skip_binary:
                    log.debug("skipping %s: looks like %s", source, kind)
                    return
                raise _not_text(kind, source=source)
        if fmt in _CORPUS_FORMATS:
            yield from _open_corpus(path, fmt, id_base=id, options=options)
            return
        data = _read_bounded(path, options)
        yield document_from_bytes(data, source=source, options=options, id=id, format=fmt)
    except InputError as exc:
        yield error_result(exc, id=id, source=source)
    except OSError as exc:
        error = InputError(f"cannot read the file ({exc.strerror or exc})", source=source)
        yield error_result(error, id=id, source=source)
    except Exception as exc:  # one bad file never stops a directory
        log.debug("unexpected error reading %s", source, exc_info=True)
        yield error_result(exc, id=id, source=source)


def _wanted(name: str) -> bool:
    suffix = PurePosixPath(name).suffix.lower()
    return suffix in SUFFIX_FORMATS or suffix == ""


def _walk(directory: Path, rel: PurePosixPath) -> Iterator[tuple[Path, PurePosixPath, str]]:
    """``(path, relative path, id)`` of every input file under ``directory``, sorted.

    Depth-first over name-sorted entries, so the order is the same on every file
    system. Hidden entries (``.git``, ``.DS_Store``) and files with other extensions
    are skipped; symbolic links to files are followed, links to directories are not
    (no cycles). The id is the relative path without its extension, unless a sibling
    has the same stem (``a.txt`` and ``a.html``): then the extension stays.
    """
    try:
        with os.scandir(directory) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        log.warning("cannot list %s: %s", directory, exc)
        return
    stems = Counter(PurePosixPath(e.name).stem for e in entries if _wanted(e.name))
    for entry in entries:
        child = rel / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path), child)
                continue
            if not entry.is_file() or not _wanted(entry.name):
                log.debug("skipping %s", entry.path)
                continue
        except OSError:
            continue
        stem = PurePosixPath(entry.name).stem
        name = stem if stems[stem] == 1 else entry.name
        yield Path(entry.path), child, (rel / name).as_posix()


def _read_directory(root: Path, options: IngestOptions) -> Iterator[Result]:
    for path, rel, doc_id in _walk(root, PurePosixPath()):
        yield from _read_file(path, id=doc_id, options=options, skip_binary=not rel.suffix)


def read_path(
    path: str | os.PathLike[str], *, options: IngestOptions | None = None
) -> Iterator[Result]:
    """Documents from a file or a directory, one result per document.

    * A text or HTML file yields one :class:`Document` (id: the file stem).
    * A JSONL/CSV/TSV file yields one result per record, streamed.
    * A directory is walked recursively in sorted order; hidden entries are skipped;
      ``.txt``, ``.html``/``.htm``, ``.jsonl``/``.ndjson``, ``.csv``/``.tsv`` files are
      read, extension-less files are sniffed (and skipped if binary), anything else is
      skipped. Ids are relative paths without the extension (``2019/03/article``).

    Anything wrong with one file or record yields an :class:`ErrorRecord` in its place.

    Raises:
        InputError: ``path`` itself does not exist (raised at the call, not when
            iterating).
    """
    opts = _options(options)
    p = Path(path)
    if not p.exists():
        raise InputError("no such file or directory", source=str(p))
    if p.is_dir():
        return _read_directory(p, opts)
    return _read_file(p, id=p.stem, options=opts)


class _Prefixed(io.RawIOBase):
    """A raw stream that replays already-read bytes, then continues with ``rest``."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        # read1 returns what a pipe has now instead of waiting to fill the buffer.
        read = getattr(self._rest, "read1", None) or self._rest.read
        chunk = read(len(view))
        if not chunk:
            return 0
        view[: len(chunk)] = chunk
        return len(chunk)


def _binary(stream: IO[bytes] | IO[str]) -> IO[bytes]:
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer  # type: ignore[no-any-return]
    if isinstance(stream, io.TextIOBase):
        return io.BytesIO(stream.read().encode("utf-8"))
    return stream  # type: ignore[return-value]


def read_stdin(
    stream: IO[bytes] | IO[str], *, options: IngestOptions | None = None
) -> Iterator[Result]:
    """Documents from a stream (standard input): one document, or a JSONL/CSV corpus.

    The format is ``options.format``, else sniffed from the first bytes (HTML, JSONL or
    text; CSV must be asked for). A single document gets the id ``"stdin"``; corpus
    records get ``stdin:<line>`` unless they carry an id. Never raises for bad input:
    an :class:`ErrorRecord` comes out instead.
    """
    opts = _options(options)
    raw = _binary(stream)
    try:
        head = raw.read(HEAD_BYTES)
        fmt = opts.format if opts.format != "auto" else sniff_format(head)
        if fmt in _CORPUS_FORMATS and not binary_kind(head):
            joined = io.BufferedReader(_Prefixed(head, raw))
            yield from _corpus(joined, fmt, source=STDIN, id_base="stdin", options=opts)
            return
        rest = raw.read(max(opts.max_bytes + 1 - len(head), 0))
        data = head + rest
        if len(data) > opts.max_bytes:
            raise _too_large(len(data), opts.max_bytes, source=STDIN, exact=False)
        yield document_from_bytes(
            data,
            source=STDIN,
            options=opts,
            id="stdin",
            format=None if fmt in _CORPUS_FORMATS else fmt,
        )
    except InputError as exc:
        yield error_result(exc, id="stdin", source=STDIN)
    except OSError as exc:
        error = InputError(f"cannot read standard input ({exc.strerror or exc})", source=STDIN)
        yield error_result(error, id="stdin", source=STDIN)
    except Exception as exc:  # a failure becomes a record, never a crash
        yield error_result(exc, id="stdin", source=STDIN)
