"""Files, directories, byte strings and standard input to documents.

Single documents (:func:`read_document`, :func:`document_from_bytes`) raise an
:class:`~spinscope.errors.InputError` subclass when the input is unusable. The
streaming readers (:func:`read_path`, :func:`read_stdin`) never raise for one bad
file or record: they yield an :class:`~spinscope.document.ErrorRecord` in its place
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
from spinscope.ingest.ids import UniqueIds, display_name, with_warnings
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
from spinscope.ingest.text import decode_text, document_from_text

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


def _reason(exc: OSError) -> str:
    """``"permission denied"`` from an ``OSError``: the system's words, in a sentence."""
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]


def _cannot_read(exc: OSError, *, source: str, what: str = "the file") -> InputError:
    return InputError(f"cannot read {what} ({_reason(exc)})", source=source)


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
    decoded = decode_text(data, encoding=opts.encoding, source=source, declared=declared)
    text, encoding = decoded.text, decoded.encoding
    if fmt != "html":
        meta = Meta(source=source, format="text", encoding=encoding)
        return document_from_text(text, id=id, meta=with_warnings(meta, decoded.warnings))
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
    return document_from_text(page.text, id=id, meta=with_warnings(meta, decoded.warnings))


def _stat_size(path: Path) -> int | None:
    """The file's size, or ``None`` for pipes and devices (whose size means nothing).

    Raises:
        InputError: the path is missing, a directory, or unreadable.
    """
    source = display_name(path)
    try:
        st = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", source=source) from None
    except OSError as exc:
        raise _cannot_read(exc, source=source) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(
            "is a directory; read it with spinscope.ingest.read_path (or `spinscope analyze DIR`)",
            source=source,
        )
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _read_bounded(path: Path, options: IngestOptions) -> bytes:
    """The file's bytes, refusing files over the limit before reading them."""
    source = display_name(path)
    size = _stat_size(path)
    if size is not None and size > options.max_bytes:
        raise _too_large(size, options.max_bytes, source=source)
    try:
        with path.open("rb") as f:
            # Bounded even after stat(): the file may grow, or be a pipe or device.
            data = f.read(options.max_bytes + 1)
    except OSError as exc:
        raise _cannot_read(exc, source=source) from None
    if len(data) > options.max_bytes:
        raise _too_large(len(data), options.max_bytes, source=source, exact=False)
    return data


def read_document(
    path: str | os.PathLike[str], *, options: IngestOptions | None = None
) -> Document:
    """One text or HTML file as a document with ``id`` = the file stem.

    A file name that is not valid UTF-8 gives an id and ``meta.source`` with its
    undecodable bytes written ``\\xNN`` (see :func:`~spinscope.ingest.ids.display_name`).

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
    source = display_name(p)
    if fmt in _CORPUS_FORMATS:
        raise _corpus_error(fmt, source=source)  # before reading: corpora may be huge
    data = _read_bounded(p, opts)
    return document_from_bytes(
        data, source=source, options=opts, id=display_name(p.stem), format=fmt
    )


# -- streaming readers ---------------------------------------------------------------


def _open_corpus(path: Path, fmt: str, *, id_base: str, options: IngestOptions) -> Iterator[Result]:
    source = display_name(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield error_result(_cannot_read(exc, source=source), id=id_base, source=source)
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
        error = InputError(f"reading stopped ({_reason(exc)})", source=source)
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
    source = display_name(path)
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
        yield error_result(_cannot_read(exc, source=source), id=id, source=source)
    except Exception as exc:  # one bad file never stops a directory
        log.debug("unexpected error reading %s", source, exc_info=True)
        yield error_result(exc, id=id, source=source)


def _wanted(name: str) -> bool:
    suffix = PurePosixPath(name).suffix.lower()
    return suffix in SUFFIX_FORMATS or suffix == ""


def _skipped(path: str, rel: PurePosixPath, message: str) -> ErrorRecord:
    source = display_name(path)
    error = InputError(message, source=source)
    return error_result(error, id=display_name(rel.as_posix()), source=source)


def _not_read(entry: os.DirEntry[str], root: Path) -> str | None:
    """Why a wanted-looking entry that is neither a file nor a directory is not read.

    ``None`` for a link to a directory inside ``root``: its files are read under
    their own path, so nothing is lost by not following it.
    """
    try:
        if entry.is_symlink():
            target = Path(entry.path)
            if not target.exists():
                return "broken symbolic link (its target does not exist); skipped"
            if target.is_dir():
                if target.resolve().is_relative_to(root):
                    return None
                return (
                    "symbolic link to a directory outside the one being read; not followed "
                    "(links could loop): give the directory itself to read it"
                )
        mode = entry.stat().st_mode
    except OSError as exc:
        return f"cannot read it ({_reason(exc)}); skipped"
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a device or socket"
    return f"not a regular file ({kind}); skipped"


def _walk(
    directory: Path, rel: PurePosixPath, root: Path
) -> Iterator[tuple[Path, PurePosixPath, str] | ErrorRecord]:
    """``(path, relative path, id)`` of every input file under ``directory``, sorted.

    Depth-first over name-sorted entries, so the order is the same on every file
    system. Hidden entries (``.git``, ``.DS_Store``) and files with other extensions
    are skipped; symbolic links to files are followed, links to directories are not
    (no cycles; a link out of the walked tree, ``root``, is reported). The id is the
    relative path without its extension, unless a sibling has the same stem
    (``a.txt`` and ``a.html``): then the extension stays.

    Anything that should have been read and is not (a directory that cannot be
    listed, a broken link, a link to a directory outside ``root``, a pipe) yields an
    :class:`ErrorRecord` saying why, in its place: nothing is lost silently.
    """
    try:
        with os.scandir(directory) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield _skipped(
            str(directory),
            rel if rel.parts else PurePosixPath(directory.name or str(directory)),
            f"cannot read the directory ({_reason(exc)}); the files in it were skipped",
        )
        return
    stems = Counter(PurePosixPath(e.name).stem for e in entries if _wanted(e.name))
    for entry in entries:
        child = rel / entry.name
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = not is_dir and entry.is_file()
        except OSError as exc:
            yield _skipped(entry.path, child, f"cannot read it ({_reason(exc)}); skipped")
            continue
        if is_dir:
            yield from _walk(Path(entry.path), child, root)
            continue
        if not _wanted(entry.name):
            log.debug("skipping %s: not an input extension", display_name(entry.path))
            continue
        if not is_file:
            reason = _not_read(entry, root)
            if reason is None:
                log.debug("skipping %s: a link inside the tree", display_name(entry.path))
            else:
                yield _skipped(entry.path, child, reason)
            continue
        stem = PurePosixPath(entry.name).stem
        name = stem if stems[stem] == 1 else entry.name
        yield Path(entry.path), child, display_name((rel / name).as_posix())


def _read_directory(root: Path, options: IngestOptions) -> Iterator[Result]:
    for item in _walk(root, PurePosixPath(), root.resolve()):
        if isinstance(item, ErrorRecord):
            yield item
            continue
        path, rel, doc_id = item
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

    Anything wrong with one file, directory or record yields an :class:`ErrorRecord`
    in its place (a directory that cannot be read: one record naming it). Ids and
    sources made from file names are valid Unicode, undecodable bytes written ``\\xNN``.
    Document ids are unique among the results: a repeated id becomes ``id~2`` with a
    warning in ``meta.extra["ingest_warnings"]``.

    Raises:
        InputError: ``path`` itself does not exist or cannot be looked up (raised at
            the call, not when iterating).
    """
    opts = _options(options)
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        raise InputError("no such file or directory", source=display_name(p)) from None
    except OSError as exc:
        raise _cannot_read(exc, source=display_name(p), what="the path") from None
    if stat.S_ISDIR(mode):
        return UniqueIds()(_read_directory(p, opts))
    return UniqueIds()(_read_file(p, id=display_name(p.stem), options=opts))


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
    records get ``stdin:<line>`` unless they carry an id (repeated ids become
    ``id~2``, as in :func:`read_path`). Never raises for bad input: an
    :class:`ErrorRecord` comes out instead.
    """
    return UniqueIds()(_read_stream(stream, _options(options)))


def _read_stream(stream: IO[bytes] | IO[str], opts: IngestOptions) -> Iterator[Result]:
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
        error = _cannot_read(exc, source=STDIN, what="standard input")
        yield error_result(error, id="stdin", source=STDIN)
    except Exception as exc:  # a failure becomes a record, never a crash
        yield error_result(exc, id="stdin", source=STDIN)
