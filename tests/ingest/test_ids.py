"""Ids and names from hostile file names and rows: valid Unicode, one line, unique."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from spinscope.document import Document, ErrorRecord, Meta
from spinscope.ingest import IngestOptions, read_document, read_path, read_stdin
from spinscope.ingest.ids import WARNINGS_KEY, UniqueIds, display_name, with_warnings
from spinscope.run import iter_documents

OPTIONS = IngestOptions()
# Latin-1 bytes, a lone continuation byte and a UTF-16 BOM: not UTF-8 in any order.
BAD_NAME = b"caf\xe9 \x80\xff\xfe"
ARTICLE = b"Officials said the convoy was attacked near the border.\n"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("plain/article.txt", "plain/article.txt"),
        (
            "caf\u00e9/\u043d\u043e\u0432\u043e\u0441\u0442\u0438",
            "caf\u00e9/\u043d\u043e\u0432\u043e\u0441\u0442\u0438",
        ),
        (os.fsdecode(b"bad\xff\xfe.txt"), "bad\\xff\\xfe.txt"),
        (os.fsdecode(b"caf\xe9"), "caf\\xe9"),
        ("two\nlines\rand\x1b[2Jescape\x07", "two\\x0alines\\x0dand\\x1b[2Jescape\\x07"),
        ("c1\x85control\x9b", "c1\\x85control\\x9b"),
        ("lone \ud800 surrogate", "lone \\ud800 surrogate"),
    ],
    ids=["ascii", "unicode", "undecodable", "latin-1", "controls", "c1", "lone-surrogate"],
)
def test_display_name(name: str, shown: str) -> None:
    assert display_name(name) == shown
    display_name(name).encode("utf-8")  # valid Unicode, no surrogates


def test_display_name_takes_paths() -> None:
    assert display_name(Path(os.fsdecode(b"dir/\xff.txt"))) == "dir/\\xff.txt"


def test_unique_ids_rename_later_documents_and_say_so() -> None:
    docs = [
        Document("a", id="x", meta=Meta(source="one.jsonl:1")),
        Document("b", id="x", meta=Meta(source="one.jsonl:2")),
        Document("c", id="x~2"),  # a real id that the renaming already took
        ErrorRecord("x", "bad row", "MalformedRecordError"),
        Document("d", id="x", meta=Meta(source="two.jsonl:1")),
    ]
    results = list(UniqueIds()(docs))
    assert [r.id for r in results] == ["x", "x~2", "x~2~2", "x", "x~3"]
    renamed = results[1]
    assert isinstance(renamed, Document) and renamed.text == "b"
    assert renamed.meta.source == "one.jsonl:2"
    assert renamed.meta.extra[WARNINGS_KEY] == [
        "duplicate id 'x' (first used by one.jsonl:1): renamed 'x~2'"
    ]
    first = results[0]
    assert isinstance(first, Document) and WARNINGS_KEY not in first.meta.extra


def test_with_warnings_appends() -> None:
    meta = with_warnings(Meta(extra={"tags": ["a"]}), ["one"])
    assert dict(with_warnings(meta, ["two"]).extra) == {"tags": ["a"], WARNINGS_KEY: ["one", "two"]}
    assert with_warnings(meta, []) is meta


# -- duplicate ids in corpora and across inputs ----------------------------------------


def test_duplicate_row_ids_are_made_unique_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text(
        '{"id": "a", "text": "One."}\n{"id": "a", "text": "Two."}\n{"id": 7, "text": "Three."}\n'
        '{"id": "7", "text": "Four."}\n',
        encoding="utf-8",
    )
    docs = list(read_path(path, options=OPTIONS))
    assert [d.id for d in docs] == ["a", "a~2", "7", "7~2"]
    assert all(isinstance(d, Document) for d in docs)
    warnings = docs[1].meta.extra[WARNINGS_KEY]  # type: ignore[union-attr]
    assert warnings == [f"duplicate id 'a' (first used by {path}:1): renamed 'a~2'"]


def test_duplicate_ids_across_inputs_are_made_unique(tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "article.txt").write_bytes(ARTICLE)
    inputs = [tmp_path / "one" / "article.txt", tmp_path / "two" / "article.txt"]
    assert [r.id for r in iter_documents(inputs, options=OPTIONS)] == ["article", "article~2"]


def test_duplicate_ids_on_stdin_are_made_unique() -> None:
    data = b'{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n'
    assert [r.id for r in read_stdin(_bytes(data), options=OPTIONS)] == ["x", "x~2"]


def _bytes(data: bytes) -> object:
    import io

    return io.BytesIO(data)


# -- file names that are not UTF-8 -----------------------------------------------------


def _bad_tree(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    (root / "a.txt").write_bytes(ARTICLE)
    (root / os.fsdecode(BAD_NAME + b".txt")).write_bytes(b"The ministry denied the report.\n")
    (root / os.fsdecode(b"dir\xff")).mkdir()
    (root / os.fsdecode(b"dir\xff") / "c.jsonl").write_bytes(
        b'{"text": "A row in a badly named directory."}\n{"text": ""}\n'
    )
    (root / "z.txt").write_bytes(b"The last article survives too.\n")
    return root


def test_undecodable_file_names_give_valid_unicode_ids_and_sources(tmp_path: Path) -> None:
    root = _bad_tree(tmp_path)
    results = list(read_path(root, options=OPTIONS))
    assert [r.id for r in results] == [
        "a",
        "caf\\xe9 \\x80\\xff\\xfe",
        "dir\\xff/c:1",
        "dir\\xff/c:2",
        "z",
    ]
    assert isinstance(results[3], ErrorRecord)
    assert results[3].source == f"{root}/dir\\xff/c.jsonl:2"
    assert results[3].error.startswith(f"{root}/dir\\xff/c.jsonl:2: ")
    for result in results:
        source = result.meta.source if isinstance(result, Document) else result.source
        assert source is not None and source.startswith(str(root))
        # No surrogates anywhere: the JSON form encodes as UTF-8.
        json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")


def test_read_document_escapes_an_undecodable_name(tmp_path: Path) -> None:
    path = tmp_path / os.fsdecode(BAD_NAME + b".txt")
    path.write_bytes(ARTICLE)
    doc = read_document(path, options=OPTIONS)
    assert doc.id == "caf\\xe9 \\x80\\xff\\xfe"
    assert doc.meta.source == display_name(path)
    ((result,)) = read_path(path, options=OPTIONS)
    assert result.id == doc.id


def test_cli_jsonl_with_undecodable_file_names_is_valid_utf8(
    tmp_path: Path, analyze_process: Any
) -> None:
    root = _bad_tree(tmp_path)
    result = analyze_process(root, "-f", "jsonl")
    assert result.returncode == 1, result.stderr  # one empty row, the rest analysed
    lines = result.stdout.decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == [
        "a",
        "caf\\xe9 \\x80\\xff\\xfe",
        "dir\\xff/c:1",
        "dir\\xff/c:2",
        "z",
    ]
    stderr = result.stderr.decode("utf-8")
    assert f"ERROR {root}/dir\\xff/c.jsonl:2: " in stderr and "Traceback" not in stderr


def test_cli_text_with_undecodable_file_names(tmp_path: Path, analyze_process: Any) -> None:
    root = _bad_tree(tmp_path)
    result = analyze_process(root, "-f", "text")
    assert result.returncode == 1, result.stderr
    out = result.stdout.decode("utf-8")
    assert "caf\\xe9 \\x80\\xff\\xfe" in out and "dir\\xff/c:1" in out
    assert "The ministry denied" in out and "The last article survives too." in out


def test_cli_html_with_undecodable_file_names(tmp_path: Path, analyze_process: Any) -> None:
    root = _bad_tree(tmp_path)
    out = tmp_path / "reports"
    result = analyze_process(root, "-f", "html", "-o", out)
    assert result.returncode == 1, result.stderr
    names = sorted(os.listdir(out))
    assert "index.html" in names and len(names) == 5
    for name in names:
        name.encode("utf-8")  # a file name any file system and browser can hold
        page = (out / name).read_bytes()
        assert page and page.decode("utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "caf\\xe9" in index


def test_cli_single_file_with_an_undecodable_name(tmp_path: Path, analyze_process: Any) -> None:
    path = tmp_path / os.fsdecode(BAD_NAME + b".txt")
    path.write_bytes(ARTICLE)
    result = analyze_process(path, "-f", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("utf-8"))["id"] == "caf\\xe9 \\x80\\xff\\xfe"
