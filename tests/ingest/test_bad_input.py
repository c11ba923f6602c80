"""Every kind of bad input: a clear error, or a correct result, never a crash."""

from __future__ import annotations

import gzip
import io
import os
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinscope.document import Document, ErrorRecord
from spinscope.errors import (
    EmptyInputError,
    EncodingError,
    HTMLExtractionError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    NotTextError,
)
from spinscope.ingest import (
    IngestOptions,
    document_from_bytes,
    document_from_text,
    read_document,
    read_path,
    read_stdin,
)

OPTIONS = IngestOptions()

# A minimal but real PNG (1x1 pixel) and PDF header: what people drop into a text tool.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("article.txt", "An article inside an archive.")
    return buffer.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- empty -----------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n\t \r\n", "\u00a0\u2003\n".encode()])
def test_empty_or_whitespace_file_is_empty_input(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, "empty.txt", data)
    with pytest.raises(EmptyInputError) as info:
        read_document(path, options=OPTIONS)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("text", ["", " ", "\n\t\r\n"])
def test_empty_text_is_empty_input(text: str) -> None:
    with pytest.raises(EmptyInputError):
        document_from_text(text)


def test_empty_html_page_has_no_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "blank.html", b"<html><body><script>var a = 1;</script></body></html>")
    with pytest.raises(HTMLExtractionError, match="no article text"):
        read_document(path, options=OPTIONS)


# -- binary ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "looks_like"),
    [
        (PDF, "PDF"),
        (PNG, "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        (_zip_bytes(), "ZIP"),
        (gzip.compress(b"An article, compressed."), "gzip"),
        (b"Looks like text\x00\x00\x00but has NUL bytes" * 10, "NUL"),
        (bytes(range(1, 9)) * 100, "control characters"),
    ],
    ids=["pdf", "png", "jpeg", "zip", "gzip", "nul", "control"],
)
def test_binary_is_not_text(tmp_path: Path, data: bytes, looks_like: str) -> None:
    path = _write(tmp_path, "upload.txt", data)
    with pytest.raises(NotTextError, match=looks_like) as info:
        read_document(path, options=OPTIONS)
    assert "not a text document" in str(info.value)
    with pytest.raises(NotTextError):
        document_from_bytes(data, source="upload", options=OPTIONS)


def test_pdf_message_says_what_to_do() -> None:
    with pytest.raises(NotTextError, match="pdftotext"):
        document_from_bytes(PDF, source="report.pdf", options=OPTIONS)


def test_binary_in_a_directory_is_an_error_record_and_the_rest_go_on(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", b"First article text.")
    _write(tmp_path, "b.txt", PDF)
    _write(tmp_path, "c.txt", b"Third article text.")
    results = list(read_path(tmp_path, options=OPTIONS))
    assert [type(r) for r in results] == [Document, ErrorRecord, Document]
    bad = results[1]
    assert isinstance(bad, ErrorRecord)
    assert bad.kind == "NotTextError" and bad.id == "b" and bad.source == str(tmp_path / "b.txt")


# -- encodings -------------------------------------------------------------------------

CP1252_TEXT = (
    "The minister said “we will not negotiate” – and the café owners’ résumé was naïve.\n"
    "Officials called the report “a fabrication” and “pure propaganda”.\n"
)
LATIN1_TEXT = (
    "Le ministre a déclaré à la presse que la société était très inquiète.\n"
    "Ça suffit, dit-il, la crise économique est grave.\n"
)


@pytest.mark.parametrize(
    ("text", "codec"),
    [(CP1252_TEXT, "cp1252"), (LATIN1_TEXT, "latin-1")],
    ids=["cp1252", "latin-1"],
)
def test_non_utf8_is_decoded_with_the_detected_encoding(
    tmp_path: Path, text: str, codec: str
) -> None:
    path = _write(tmp_path, "legacy.txt", text.encode(codec))
    doc = read_document(path, options=OPTIONS)
    assert doc.text == text
    assert doc.meta.encoding is not None and doc.meta.encoding != "utf-8"
    # The recorded codec reproduces the text from the bytes exactly.
    assert path.read_bytes().decode(doc.meta.encoding) == doc.text


def test_cyrillic_legacy_encoding_is_detected() -> None:
    text = "Министр заявил, что правительство не будет вести переговоры с террористами.\n"
    doc = document_from_bytes(text.encode("cp1251"), source="ru", options=OPTIONS)
    assert doc.text == text
    assert doc.meta.encoding == "cp1251"


def test_undecodable_bytes_are_an_encoding_error() -> None:
    junk = bytes(0x80 + (i * 37) % 128 for i in range(400))
    with pytest.raises(EncodingError, match="--encoding"):
        document_from_bytes(junk, source="junk", options=OPTIONS)


def test_wrong_explicit_encoding_is_an_encoding_error() -> None:
    options = IngestOptions(encoding="utf-8")
    with pytest.raises(EncodingError, match=r"utf-8.*byte 0x93 at offset 18"):
        document_from_bytes(CP1252_TEXT.encode("cp1252"), source="x", options=options)


# -- size ------------------------------------------------------------------------------


def test_file_over_max_bytes_is_refused_from_stat_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: no 200 MB written, none read
    started = time.perf_counter()
    with pytest.raises(InputTooLargeError) as info:
        read_document(path, options=IngestOptions(max_bytes=20_000_000))
    assert time.perf_counter() - started < 0.5
    message = str(info.value)
    assert "--max-bytes" in message and "20,000,000" in message and "209,715,200" in message


def test_directory_walk_reports_a_huge_file_and_goes_on(tmp_path: Path) -> None:
    with (tmp_path / "a-huge.txt").open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    _write(tmp_path, "b.txt", b"A normal article.")
    started = time.perf_counter()
    results = list(read_path(tmp_path, options=IngestOptions(max_bytes=1_000_000)))
    assert time.perf_counter() - started < 1.0
    assert [r.kind if isinstance(r, ErrorRecord) else r.id for r in results] == [
        "InputTooLargeError",
        "b",
    ]


def test_bytes_over_max_bytes_are_refused() -> None:
    with pytest.raises(InputTooLargeError, match="--max-bytes"):
        document_from_bytes(b"x" * 101, source="x", options=IngestOptions(max_bytes=100))


def test_stdin_over_max_bytes_is_refused_without_reading_it_all() -> None:
    stream = io.BytesIO(b"word " * 100_000)
    (result,) = read_stdin(stream, options=IngestOptions(max_bytes=10_000))
    assert isinstance(result, ErrorRecord) and result.kind == "InputTooLargeError"
    assert stream.tell() <= 10_000 + 8192 + 1


def test_corpus_record_over_max_bytes_is_one_error_record(tmp_path: Path) -> None:
    big = b'{"text": "' + b"x" * 5000 + b'"}\n'
    path = _write(tmp_path, "c.jsonl", b'{"text": "small one"}\n' + big + b'{"text": "after"}\n')
    results = list(read_path(path, options=IngestOptions(max_bytes=1000)))
    assert [type(r).__name__ for r in results] == ["Document", "ErrorRecord", "Document"]
    bad = results[1]
    assert isinstance(bad, ErrorRecord)
    assert bad.kind == "InputTooLargeError" and bad.source == f"{path}:2"


# -- malformed rows --------------------------------------------------------------------


def test_malformed_jsonl_rows_become_error_records_with_line_numbers(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "corpus.jsonl",
        b'{"text": "good one"}\n{"text": "unterminated\n[1, 2]\n{"body": "x"}\n'
        b'{"text": ""}\n{"text": 5}\n\xff\xfe{}\n{"text": "good two"}\n',
    )
    results = list(read_path(path, options=OPTIONS))
    kinds = [(r.source, r.kind) if isinstance(r, ErrorRecord) else r.text for r in results]
    assert kinds == [
        "good one",
        (f"{path}:2", "MalformedRecordError"),
        (f"{path}:3", "MalformedRecordError"),
        (f"{path}:4", "MalformedRecordError"),
        (f"{path}:5", "MalformedRecordError"),
        (f"{path}:6", "MalformedRecordError"),
        (f"{path}:7", "EncodingError"),
        "good two",
    ]
    assert "not valid JSON" in results[1].error  # type: ignore[union-attr]
    assert f"{path}:2" in results[1].error  # type: ignore[union-attr]


def test_malformed_csv_rows_become_error_records_with_line_numbers(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "corpus.csv",
        b'id,text\nr1,good one\nr2,too,many\nr3,\nr4,"bad \xff byte"\nr5,good two\n',
    )
    results = list(read_path(path, options=OPTIONS))
    kinds = [(r.source, r.kind) if isinstance(r, ErrorRecord) else r.id for r in results]
    assert kinds == [
        "r1",
        (f"{path}:3", "MalformedRecordError"),
        (f"{path}:4", "MalformedRecordError"),
        (f"{path}:5", "EncodingError"),
        "r5",
    ]


def test_malformed_record_error_carries_the_line() -> None:
    error = MalformedRecordError("not valid JSON", source="c.jsonl", line=17)
    assert error.line == 17 and str(error) == "c.jsonl:17: not valid JSON"


# -- hostile HTML ----------------------------------------------------------------------

ARTICLE = "".join(
    f"<p>Paragraph {i}: officials said the convoy was attacked near the border on Tuesday.</p>"
    for i in range(5)
)


def _timed(data: bytes) -> tuple[Document | None, Exception | None, float]:
    started = time.perf_counter()
    try:
        # Hostile pages of up to ~15 MB: the extractor must stay fast whatever limit
        # the user sets, so these run with a limit above them.
        options = IngestOptions(max_bytes=20_000_000)
        doc = document_from_bytes(data, source="hostile.html", options=options)
        return doc, None, time.perf_counter() - started
    except HTMLExtractionError as exc:
        return None, exc, time.perf_counter() - started


def test_deeply_nested_html_gives_text_fast() -> None:
    page = (
        "<html><body>"
        + "<div>" * 100_000
        + "<p>Deep text survives.</p>"
        + "</div>" * 100_000
        + "<p>Text after the nesting survives too.</p></body></html>"
    )
    doc, error, seconds = _timed(page.encode())
    assert seconds < 5, f"took {seconds:.1f} s"
    assert error is None and doc is not None
    assert "Deep text survives." in doc.text and "Text after the nesting" in doc.text
    assert doc.meta.extra["extractor"] == "fallback"


def test_unclosed_inline_tags_do_not_lose_text() -> None:
    page = "<html><body><p>" + "<b>x " * 50_000 + "<p>The end of the article.</p></body></html>"
    doc, error, seconds = _timed(page.encode())
    assert seconds < 5 and error is None and doc is not None
    assert doc.text.endswith("The end of the article.")


def test_100k_elements_give_text_fast() -> None:
    page = "<html><body>" + "".join(f"<p>item {i}</p>" for i in range(100_000)) + "</body></html>"
    doc, error, seconds = _timed(page.encode())
    assert seconds < 5, f"took {seconds:.1f} s"
    assert error is None and doc is not None
    assert doc.text.startswith("item 0\nitem 1\n") and doc.text.endswith("item 99999")


def test_huge_script_is_fast_and_never_text() -> None:
    script = "var payload = '<p>SCRIPT-MARKER</p>';" * 200_000  # ~7 MB
    page = f"<html><head><script>{script}</script></head><body>{ARTICLE}<script>{script}</script>"
    doc, error, seconds = _timed(f"{page}</body></html>".encode())
    assert seconds < 5, f"took {seconds:.1f} s"
    assert error is None and doc is not None
    assert "SCRIPT-MARKER" not in doc.text and "Paragraph 4" in doc.text


def test_unterminated_script_and_comment_are_not_text() -> None:
    page = f"<html><body>{ARTICLE}<!-- COMMENT-MARKER <script>SCRIPT-MARKER " + "x" * 100_000
    doc, error, seconds = _timed(page.encode())
    assert seconds < 5 and error is None and doc is not None
    assert "MARKER" not in doc.text


@pytest.mark.parametrize(
    "page",
    [
        "<p>" + "<" * 200_000,
        "<p>" + "<a " * 200_000,
        "<p " + "a=b " * 200_000 + ">x</p>",
        "<html><body>" + "&amp;" * 200_000 + "</body></html>",
    ],
    ids=["many-lt", "many-open-tags", "many-attributes", "many-entities"],
)
def test_pathological_markup_ends_fast(page: str) -> None:
    doc, error, seconds = _timed(("<html><body>" + page).encode())
    assert seconds < 5, f"took {seconds:.1f} s"
    assert doc is not None or isinstance(error, HTMLExtractionError)


# -- anything at all -------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(str.encode),
        st.lists(
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<div>",
                    "<script>",
                    "</script>",
                    "<!--",
                    "-->",
                    "&amp;",
                    "<",
                    ">",
                    "text ",
                    "\x00",
                    "<html>",
                    '"',
                    "<title>",
                    "<meta charset=x>",
                ]
            ),
            max_size=60,
        ).map(lambda parts: "".join(parts).encode()),
    ),
    st.sampled_from(["auto", "text", "html"]),
)
def test_any_bytes_give_a_document_or_an_input_error(data: bytes, fmt: str) -> None:
    try:
        doc = document_from_bytes(data, source="fuzz", options=IngestOptions(format=fmt))  # type: ignore[arg-type]
    except InputError:
        return
    assert doc.text.strip()


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=400))
def test_any_corpus_bytes_never_raise(data: bytes) -> None:
    for fmt in ("jsonl", "csv"):
        for result in read_stdin(io.BytesIO(data), options=IngestOptions(format=fmt)):  # type: ignore[arg-type]
            assert isinstance(result, Document | ErrorRecord)


def test_megabytes_of_text_go_to_the_linear_fallback() -> None:
    paragraph = "<p>" + "officials said the convoy was attacked near the border " * 2000 + "</p>"
    doc, error, seconds = _timed(f"<html><body>{paragraph * 20}</body></html>".encode())
    assert seconds < 5, f"took {seconds:.1f} s"
    assert error is None and doc is not None and len(doc.text) > 2_000_000
    assert "characters of text" in doc.meta.extra["fallback_reason"]


def test_compressed_corpus_message_says_what_to_do(tmp_path: Path) -> None:
    path = _write(tmp_path, "corpus.jsonl.gz", gzip.compress(b'{"text": "x"}\n'))
    (result,) = read_path(path, options=OPTIONS)
    assert isinstance(result, ErrorRecord) and result.kind == "NotTextError"
    assert "zcat FILE | spinscope analyze -" in result.error


# -- hostile content end to end ----------------------------------------------------------


def test_xss_in_html_input_never_reaches_the_text_or_the_report() -> None:
    page = (
        b"<html><head><title>Hi<script>alert(1)</script></title></head><body>"
        b"<p>Officials said <img src=x onerror=alert(2)> the convoy was attacked.</p>"
        b"<script>alert(3)</script><p onclick=alert(4)>The ministry denied it.</p></body></html>"
    )
    doc = document_from_bytes(page, source="xss.html", options=OPTIONS)
    assert "alert(2)" not in doc.text and "alert(3)" not in doc.text
    assert "The ministry denied it." in doc.text
    from spinscope.reports.html import render_html

    report = render_html(doc)
    assert "<script>alert" not in report and "onerror=alert" not in report


def test_xml_entity_bomb_is_not_expanded() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [{entities}]><html><body>'
        f"<p>&lol9;</p><p>Officials said the convoy was attacked near the border.</p>"
        "</body></html>"
    ).encode()
    doc, _, seconds = _timed(page)
    assert seconds < 5, f"took {seconds:.1f} s"
    assert doc is None or len(doc.text) < 10_000  # 10**9 "lol"s were never made


def test_ansi_escapes_stay_in_the_text_but_never_reach_the_terminal(
    tmp_path: Path, analyze_process: Any
) -> None:
    data = b"Officials \x1b[2J\x1b]0;pwned\x07said the convoy was attacked.\n"
    doc = document_from_bytes(data, source="ansi", options=OPTIONS)
    assert doc.text == data.decode()  # offsets index what was given
    path = tmp_path / "name\x1b[31m.txt"
    path.write_bytes(data)
    result = analyze_process(path, "-f", "text")
    assert result.returncode == 0, result.stderr
    assert b"\x1b[2J" not in result.stdout and b"\x1b]0" not in result.stdout
    assert b"\x1b" not in result.stderr


def test_path_traversal_in_a_row_id_never_becomes_a_path(
    tmp_path: Path, analyze_process: Any
) -> None:
    corpus = _write(
        tmp_path,
        "rows.jsonl",
        b'{"id": "../../etc/passwd", "text": "Officials said the convoy was attacked."}\n'
        b'{"id": "/tmp/evil", "text": "The ministry denied the report."}\n'
        b'{"id": "..", "text": "A third article."}\n',
    )
    ids = [r.id for r in read_path(corpus, options=OPTIONS)]
    assert ids == ["../../etc/passwd", "/tmp/evil", ".."]  # data, kept as given
    out = tmp_path / "deep" / "reports"
    out.mkdir(parents=True)
    result = analyze_process(corpus, "-f", "html", "-o", out)
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.html"))
    assert len(written) == 4 and all(w.startswith("deep/reports/") for w in written)
    assert all("/" not in name and ".." not in name for name in os.listdir(out))
