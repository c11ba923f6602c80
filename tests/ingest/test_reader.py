"""Files, directories and standard input: formats, ids, order, errors as records."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest

from spinscope.document import Document, ErrorRecord
from spinscope.errors import InputError
from spinscope.ingest import IngestOptions, read_document, read_path, read_stdin

FIXTURES = Path(__file__).parent / "fixtures"
OPTIONS = IngestOptions()


def _tree(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _ids(results: list[Document | ErrorRecord]) -> list[str]:
    return [r.id if isinstance(r, Document) else f"!{r.id}" for r in results]


def test_directory_walk_order_ids_and_filters(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "b.txt": b"Second.",
            "a.txt": b"First.",
            "sub/deeper/c.html": b"<html><body><p>Third, from HTML.</p></body></html>",
            "sub/d.jsonl": b'{"text": "row one"}\n{"text": "row two"}\n',
            "sub/e.csv": b"id,text\ne1,csv row\n",
            "sub/f.tsv": b"text\ttag\ntsv row\tx\n",
            "g.ndjson": b'{"id": "g1", "text": "ndjson row"}\n',
            "h.htm": b"<html><body><p>From .htm.</p></body></html>",
            "README": b"An extension-less text file is sniffed as text.",
            "blob": b"\x89PNG\r\n\x1a\n\x00\x00binary",
            "notes.md": b"Markdown is not an input extension.",
            "photo.png": b"\x89PNG\r\n\x1a\n",
            ".hidden.txt": b"Hidden files are skipped.",
            ".git/config.txt": b"Hidden directories are skipped.",
            "UPPER.TXT": b"Extensions are case-insensitive.",
        },
    )
    results = list(read_path(tmp_path, options=OPTIONS))
    assert _ids(results) == [
        "README",
        "UPPER",
        "a",
        "b",
        "g1",
        "h",
        "sub/d:1",
        "sub/d:2",
        "sub/deeper/c",
        "e1",
        "sub/f:2",
    ]
    by_id = {r.id: r for r in results if isinstance(r, Document)}
    assert by_id["sub/deeper/c"].meta.format == "html"
    assert by_id["sub/deeper/c"].text == "Third, from HTML."
    assert by_id["sub/d:1"].meta.source == f"{tmp_path / 'sub' / 'd.jsonl'}:1"
    assert by_id["a"].meta.source == str(tmp_path / "a.txt")


def test_directory_walk_is_deterministic(tmp_path: Path) -> None:
    _tree(tmp_path, {f"{n}.txt": f"Article {n}.".encode() for n in ("z", "m", "a", "k")})
    first = _ids(list(read_path(tmp_path, options=OPTIONS)))
    assert first == _ids(list(read_path(tmp_path, options=OPTIONS))) == ["a", "k", "m", "z"]


def test_same_stem_keeps_the_extension(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {"a.txt": b"Text.", "a.html": b"<html><body><p>Page.</p></body></html>", "b.txt": b"B."},
    )
    assert _ids(list(read_path(tmp_path, options=OPTIONS))) == ["a.html", "a.txt", "b"]


def test_symlinked_directories_are_not_followed(tmp_path: Path) -> None:
    _tree(tmp_path, {"real/a.txt": b"Once."})
    os.symlink(tmp_path / "real", tmp_path / "loop")
    os.symlink(tmp_path, tmp_path / "real" / "up")
    assert _ids(list(read_path(tmp_path, options=OPTIONS))) == ["real/a"]


def test_bad_files_are_error_records(tmp_path: Path) -> None:
    _tree(tmp_path, {"a.txt": b"", "b.txt": b"Fine.", "c.html": b"<html><body></body></html>"})
    results = list(read_path(tmp_path, options=OPTIONS))
    assert [(r.kind, r.source) if isinstance(r, ErrorRecord) else r.id for r in results] == [
        ("EmptyInputError", str(tmp_path / "a.txt")),
        "b",
        ("HTMLExtractionError", str(tmp_path / "c.html")),
    ]


def test_unreadable_file_is_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path, {"a.txt": b"Secret.", "b.txt": b"Public."})
    real_open = Path.open

    def guarded(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)  # chmod 0 does not stop root
    results = list(read_path(tmp_path, options=OPTIONS))
    assert [r.kind if isinstance(r, ErrorRecord) else r.id for r in results] == ["InputError", "b"]
    assert "cannot read the file (permission denied)" in results[0].error  # type: ignore[union-attr]


def test_read_path_single_files() -> None:
    (doc,) = read_path(FIXTURES / "article.txt", options=OPTIONS)
    assert isinstance(doc, Document) and doc.id == "article"
    assert len(list(read_path(FIXTURES / "corpus.tsv", options=OPTIONS))) == 2


def test_read_path_missing_raises_at_call(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_path(tmp_path / "missing.txt", options=OPTIONS)


@pytest.mark.parametrize(
    ("name", "message"),
    [("missing.txt", "no such file"), ("", "is a directory"), ("c.jsonl", "JSONL corpus")],
)
def test_read_document_refusals(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "c.jsonl").write_text('{"text": "x"}\n')
    with pytest.raises(InputError, match=message):
        read_document(tmp_path / name if name else tmp_path, options=OPTIONS)


def test_forced_format(tmp_path: Path) -> None:
    path = tmp_path / "export.dat"
    path.write_text('{"id": "x1", "text": "forced jsonl"}\n')
    (doc,) = read_path(path, options=IngestOptions(format="jsonl"))
    assert isinstance(doc, Document) and doc.id == "x1"
    (sniffed,) = read_path(path, options=OPTIONS)  # named directly: sniffed as JSONL
    assert isinstance(sniffed, Document) and sniffed.id == "x1"


@pytest.mark.parametrize(
    ("data", "fmt", "text"),
    [
        (b"Plain text from a pipe.\n", "text", "Plain text from a pipe.\n"),
        (b"<!doctype html><html><body><p>From a pipe.</p></body></html>", "html", "From a pipe."),
    ],
)
def test_stdin_single_document(data: bytes, fmt: str, text: str) -> None:
    (doc,) = read_stdin(io.BytesIO(data), options=OPTIONS)
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.meta.format, doc.meta.source) == ("stdin", text, fmt, "<stdin>")


def test_stdin_accepts_text_streams() -> None:
    (doc,) = read_stdin(io.StringIO("Text stream."), options=OPTIONS)
    assert isinstance(doc, Document) and doc.text == "Text stream."

    class Wrapper(io.TextIOWrapper):
        pass

    wrapped = Wrapper(io.BytesIO("Wrapped “bytes”.".encode()), encoding="utf-8")
    (doc,) = read_stdin(wrapped, options=OPTIONS)
    assert isinstance(doc, Document) and doc.text == "Wrapped “bytes”."


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"", "EmptyInputError"), (b"%PDF-1.4\n...", "NotTextError")],
)
def test_stdin_bad_input_is_an_error_record(data: bytes, kind: str) -> None:
    (result,) = read_stdin(io.BytesIO(data), options=OPTIONS)
    assert isinstance(result, ErrorRecord)
    assert (result.kind, result.id, result.source) == (kind, "stdin", "<stdin>")


def test_stdin_large_jsonl_streams_across_the_sniffed_prefix() -> None:
    rows = b"".join(b'{"text": "row %d"}\n' % i for i in range(5000))  # well past 8 kB
    results = list(read_stdin(io.BytesIO(rows), options=OPTIONS))
    assert len(results) == 5000 and all(isinstance(r, Document) for r in results)
    assert results[-1].text == "row 4999"  # type: ignore[union-attr]


def test_read_document_refuses_a_huge_corpus_as_a_corpus(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as f:
        f.truncate(100 * 1024 * 1024)
    with pytest.raises(InputError, match="JSONL corpus"):
        read_document(path, options=IngestOptions(max_bytes=1000))
