"""JSONL and CSV/TSV corpora: one result per record, streamed, bad rows reported."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from spinscope.document import Document, ErrorRecord
from spinscope.ingest import IngestOptions, read_path, read_stdin
from spinscope.ingest.corpus import read_csv, read_jsonl

FIXTURES = Path(__file__).parent / "fixtures"
OPTIONS = IngestOptions()


def _summary(results: list[Document | ErrorRecord]) -> list[str]:
    return [f"error:{r.source}" if isinstance(r, ErrorRecord) else r.id for r in results]


def test_jsonl_fixture() -> None:
    path = FIXTURES / "corpus.jsonl"
    results = list(read_path(path, options=OPTIONS))
    assert _summary(results) == [
        "a1",
        "corpus:2",
        "7",
        f"error:{path}:5",
        f"error:{path}:6",
        f"error:{path}:7",
        f"error:{path}:8",
        f"error:{path}:9",
        "last",
    ]
    first = results[0]
    assert isinstance(first, Document)
    assert first.text == "The so-called experts lied again."
    assert first.meta.title == "Experts" and first.meta.url == "https://example.com/a1"
    assert first.meta.outlet == "Example" and first.meta.published == "2019-05-04"
    assert first.meta.language == "en"
    assert dict(first.meta.extra) == {"tags": ["syria"], "score": 3}
    assert first.meta.source == f"{path}:1" and first.meta.format == "jsonl"
    assert first.meta.encoding == "utf-8"


@pytest.mark.parametrize(
    ("line", "message", "id"),
    [
        # Unparseable rows have no readable id: the line stands in for it.
        (5, "not valid JSON", "corpus:5"),
        (6, "expected a JSON object, got an array", "corpus:6"),
        (
            7,
            "has no 'text' field (fields: 'id', 'body'); choose the text field with --text-key",
            "no-text",
        ),
        (8, "field 'text' is empty", "empty-text"),
        (9, "field 'text' must be a string, got a number", "number-text"),
    ],
)
def test_jsonl_error_messages(line: int, message: str, id: str) -> None:
    path = FIXTURES / "corpus.jsonl"
    errors = {r.source: r for r in read_path(path, options=OPTIONS) if isinstance(r, ErrorRecord)}
    record = errors[f"{path}:{line}"]
    assert record.kind == "MalformedRecordError"
    assert record.error.startswith(f"{path}:{line}: {message}")
    assert record.id == id and record.component is None


def test_jsonl_text_and_id_keys() -> None:
    data = b'{"url": "https://e.com/1", "body": "Text under body."}\n'
    options = IngestOptions(text_key="body", id_key="url")
    (doc,) = read_jsonl(io.BytesIO(data), source="s.jsonl", id_base="s", options=options)
    assert isinstance(doc, Document)
    assert doc.id == "https://e.com/1" and doc.text == "Text under body."
    assert doc.meta.url is None  # the id field is not copied into meta


def test_jsonl_bad_id_type() -> None:
    data = b'{"id": [1], "text": "x"}\n{"id": true, "text": "y"}\n'
    results = list(read_jsonl(io.BytesIO(data), source="s", id_base="s", options=OPTIONS))
    assert [r.kind for r in results if isinstance(r, ErrorRecord)] == ["MalformedRecordError"] * 2
    assert "must be a string or an integer, got an array" in results[0].error  # type: ignore[union-attr]


def test_jsonl_bom_crlf_and_blank_lines() -> None:
    data = b'\xef\xbb\xbf{"text": "one"}\r\n\r\n   \n{"text": "two\\r\\nlines"}\r\n'
    results = list(read_jsonl(io.BytesIO(data), source="s", id_base="s", options=OPTIONS))
    assert [(r.id, r.text) for r in results if isinstance(r, Document)] == [
        ("s:1", "one"),
        ("s:4", "two\r\nlines"),
    ]


def test_jsonl_deep_nesting_and_huge_numbers_are_malformed_rows() -> None:
    data = (
        b"[" * 100_000 + b"\n" + b'{"text": "x", "n": ' + b"9" * 5000 + b"}\n" + b'{"text": "ok"}\n'
    )
    results = list(read_jsonl(io.BytesIO(data), source="s", id_base="s", options=OPTIONS))
    assert [type(r).__name__ for r in results] == ["ErrorRecord", "ErrorRecord", "Document"]


def test_jsonl_overlong_line_is_skipped_in_constant_memory() -> None:
    limit = 1000
    data = b'{"text": "before"}\n' + b"x" * 50_000 + b'\n{"text": "after"}\n'
    results = list(
        read_jsonl(
            io.BytesIO(data), source="s", id_base="s", options=IngestOptions(max_bytes=limit)
        )
    )
    assert _summary(results) == ["s:1", "error:s:2", "s:3"]
    assert "50,000 bytes" in results[1].error  # type: ignore[union-attr]


def test_jsonl_explicit_encoding() -> None:
    data = '{"text": "café"}\n'.encode("latin-1")
    options = IngestOptions(encoding="latin-1")
    (doc,) = read_jsonl(io.BytesIO(data), source="s", id_base="s", options=options)
    assert isinstance(doc, Document) and doc.text == "café" and doc.meta.encoding == "iso8859-1"


def test_csv_fixture() -> None:
    path = FIXTURES / "corpus.csv"
    results = list(read_path(path, options=OPTIONS))
    assert _summary(results) == ["c1", "c2", f"error:{path}:5", f"error:{path}:6", "c5"]
    c1, c2 = results[0], results[1]
    assert isinstance(c1, Document) and isinstance(c2, Document)
    assert c1.text == 'The minister said "no" twice.'
    assert c1.meta.title == "First" and c1.meta.outlet == "Example"
    assert c1.meta.source == f"{path}:2" and c1.meta.format == "csv"
    assert re.fullmatch(r"A quoted field\r?\nspanning two lines\.", c2.text)
    c5 = results[4]
    assert isinstance(c5, Document) and c5.meta.outlet is None  # empty cell: no outlet
    assert "has 5 fields but the header has 4" in results[2].error  # type: ignore[union-attr]
    assert "field 'text' is empty" in results[3].error  # type: ignore[union-attr]


def test_tsv_by_extension() -> None:
    results = list(read_path(FIXTURES / "corpus.tsv", options=OPTIONS))
    assert [(r.id, r.text, r.meta.language) for r in results if isinstance(r, Document)] == [
        ("t1", "Tab-separated rows work too.", "en"),
        ("t2", "Second row, with a comma.", "fr"),
    ]


def test_csv_without_id_column_uses_file_stem_and_line(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_bytes(b"\xef\xbb\xbftext,source\nFirst article.,x\n\nSecond article.,y\n")
    results = list(read_path(path, options=OPTIONS))
    assert [(r.id, r.meta.extra.get("source")) for r in results if isinstance(r, Document)] == [
        ("news:2", "x"),
        ("news:4", "y"),
    ]


def test_csv_missing_text_column_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text("id,body\n1,x\n2,y\n")
    (result,) = read_path(path, options=OPTIONS)
    assert isinstance(result, ErrorRecord) and result.kind == "MalformedRecordError"
    assert "no 'text' column (columns: 'id', 'body')" in result.error


def test_csv_huge_field_within_limit(tmp_path: Path) -> None:
    big = "word " * 100_000  # 500 kB: over csv's default 128 kB field limit
    path = tmp_path / "big.csv"
    path.write_text(f"id,text\nbig,{big}\nsmall,ok\n")
    results = list(read_path(path, options=OPTIONS))
    assert [r.id for r in results if isinstance(r, Document)] == ["big", "small"]
    assert csv.field_size_limit() == 131072  # the process-wide limit is restored


def test_csv_record_over_limit_is_an_error_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text('id,text\nbig,"' + "line\n" * 500 + '"\nsmall,ok\n')
    results = list(read_path(path, options=IngestOptions(max_bytes=1000)))
    assert [r.kind if isinstance(r, ErrorRecord) else r.id for r in results] == [
        "InputTooLargeError",
        "small",
    ]


def test_stdin_jsonl_and_csv() -> None:
    jsonl = io.BytesIO(b'{"text": "one"}\n{"text": "two"}\n')
    assert [r.id for r in read_stdin(jsonl, options=OPTIONS)] == ["stdin:1", "stdin:2"]
    table = io.BytesIO(b"text\tid\nfrom a pipe\tp1\n")
    results = list(read_stdin(table, options=IngestOptions(format="csv")))
    assert [(r.id, r.text) for r in results if isinstance(r, Document)] == [("p1", "from a pipe")]


def test_jsonl_streams_without_reading_ahead() -> None:
    class Counting(io.BytesIO):
        def __init__(self, data: bytes) -> None:
            super().__init__(data)
            self.lines = 0

        def readline(self, size: int | None = -1) -> bytes:
            self.lines += 1
            return super().readline(size)

    stream = Counting(b'{"text": "row"}\n' * 1000)
    results = read_jsonl(stream, source="s", id_base="s", options=OPTIONS)
    next(results)
    next(results)
    assert stream.lines == 2


def test_csv_streams_without_reading_ahead() -> None:
    stream = io.BytesIO(b"text\n" + b"row\n" * 10_000)
    results = read_csv(stream, source="s", id_base="s", options=OPTIONS)
    next(results)
    assert stream.tell() < 100


@pytest.mark.parametrize(
    ("data", "options"),
    [
        ('{"text": "x"}\n'.encode("utf-16"), OPTIONS),
        ('{"text": "x"}\n{"text": "y"}\n'.encode("utf-16-le"), OPTIONS),
        (b'{"text": "x"}\n', IngestOptions(encoding="utf-16")),
    ],
    ids=["bom", "no-bom", "explicit"],
)
def test_utf16_corpus_is_one_clear_error(
    tmp_path: Path, data: bytes, options: IngestOptions
) -> None:
    path = tmp_path / "wide.jsonl"
    path.write_bytes(data)
    (result,) = read_path(path, options=options)
    assert isinstance(result, ErrorRecord) and result.kind == "EncodingError"
    assert "iconv" in result.error


@pytest.mark.parametrize(
    ("name", "data", "ids"),
    [
        (
            "rows.csv",
            b'id,text\nfirst,"Fine."\nsecond,\nthird,"Fine too.",extra\n,\n',
            ["first", "second", "third", "rows:5"],
        ),
        (
            "rows.json",
            b'[{"id": "a", "text": "Fine."}, {"id": "b"}, {"id": 3, "text": 1}, {"text": ""},'
            b' {"id": ["no"], "text": ""}, "x"]',
            ["a", "b", "3", "rows:4", "rows:5", "rows:6"],
        ),
        ("one.json", b'{"id": "solo", "text": ""}', ["solo"]),
        ("none.json", b'{"text": ""}', ["none"]),
    ],
    ids=["csv", "json-array", "json-object", "json-object-without-id"],
)
def test_bad_rows_keep_their_own_id(tmp_path: Path, name: str, data: bytes, ids: list[str]) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    results = list(read_path(path, options=OPTIONS))
    assert [r.id for r in results] == ids
    assert all(isinstance(r, ErrorRecord) for r in results[1:])


def test_lone_surrogate_escapes_become_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(
        b'{"id": "x\\ud800", "text": "Lone \\udfff and paired \\ud83d\\ude00 here.",'
        b' "tags": [{"\\udc00k": "\\ud800"}]}\n'
    )
    (doc,) = read_path(path, options=OPTIONS)
    assert isinstance(doc, Document)
    assert doc.id == "x\ufffd" and doc.text == "Lone \ufffd and paired \U0001f600 here."
    assert doc.meta.extra["tags"] == [{"\ufffdk": "\ufffd"}]
    assert doc.meta.extra["ingest_warnings"] == [
        "replaced 4 lone surrogate escapes (such as \\ud800, which is not a character) by U+FFFD"
    ]
    doc.to_json().encode("utf-8")  # every output can hold it


def test_lone_surrogates_in_a_json_file(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'[{"text": "One \\ud800."}, {"text": "Two."}]')
    docs = list(read_path(path, options=OPTIONS))
    assert [d.text for d in docs if isinstance(d, Document)] == ["One \ufffd.", "Two."]


def test_deeply_nested_lone_surrogates_do_not_exhaust_the_stack(tmp_path: Path) -> None:
    depth = 900  # below the JSON parser's own limit
    path = tmp_path / "deep.jsonl"
    nested = "[" * depth + '"\\ud800"' + "]" * depth
    path.write_text(f'{{"text": "Deep.", "n": {nested}}}\n', encoding="ascii")
    (result,) = read_path(path, options=OPTIONS)
    assert isinstance(result, Document | ErrorRecord)
