"""CheckThat! 2024 Task 1 TSV files: reading, the released files' quirks, writing."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.checkworthy.tsv import Row, read_rows, unquote, write_labels
from spinscope.errors import MalformedRecordError

INPUT = (
    "Sentence_id\tText\tclass_label\r\n"
    "1\tWe cut taxes by 40 percent.\tYes\r\n"
    '2\t"Well, we ""won"" it."\tNo\r\n'
    "3\t\tNo\r\n"
    "4\tThank you.\tNo"  # no line end after the last record
)


def write(tmp_path: Path, text: str | bytes, name: str = "in.tsv") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def test_reads_rows_with_crlf_quotes_and_empty_text(tmp_path: Path) -> None:
    rows = read_rows(write(tmp_path, INPUT), need_text=True, need_label=True)
    assert rows == [
        Row("1", "We cut taxes by 40 percent.", "Yes"),
        Row("2", '"Well, we ""won"" it."', "No"),
        Row("3", "", "No"),
        Row("4", "Thank you.", "No"),
    ]
    assert [r.positive for r in rows] == [True, False, False, False]


def test_a_test_file_without_labels(tmp_path: Path) -> None:
    rows = read_rows(write(tmp_path, "Sentence_id\tText\n7\tHello.\n"), need_text=True)
    assert rows == [Row("7", "Hello.", None)]


def test_two_records_glued_on_one_line_are_split(tmp_path: Path) -> None:
    text = "Sentence_id\tText\tclass_label\n24098\tWe've got to grow.\tNo29286\tYou can't.\tYes\n"
    assert read_rows(write(tmp_path, text)) == [
        Row("24098", "We've got to grow.", "No"),
        Row("29286", "You can't.", "Yes"),
    ]


@pytest.mark.parametrize(
    ("content", "need", "message"),
    [
        ("Sentence_id\tText\tclass_label\n1\ta\ttab\tNo\n", {}, r"in\.tsv:2: expected 3 "),
        ("Sentence_id\tText\tclass_label\n1\ta\tMaybe\n", {}, r"in\.tsv:2: class_label must be"),
        ("Sentence_id\tText\n1\ta\n2\tb\n1\tc\n", {}, r"in\.tsv:4: Sentence_id '1' appears twice"),
        ("Sentence_id\tText\n\tno id\n", {}, r"in\.tsv:2: empty Sentence_id"),
        ("Sentence_id\tText\n1\ta\n", {"need_label": True}, r"in\.tsv:1: header .* class_label"),
        ("id\ttext\n1\ta\n", {}, r"in\.tsv:1: header .* lacks Sentence_id"),
        ("", {}, r"in\.tsv:1: empty file"),
        (b"Sentence_id\tText\n1\tok\n2\tcaf\xe9\n", {}, r"in\.tsv:3: not UTF-8 \(byte 0xe9\)"),
    ],
)
def test_bad_files_name_file_and_line(
    tmp_path: Path, content: str | bytes, need: dict[str, bool], message: str
) -> None:
    with pytest.raises(MalformedRecordError, match=message):
        read_rows(write(tmp_path, content), **need)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MalformedRecordError, match="cannot read"):
        read_rows(tmp_path / "none.tsv")


def test_written_labels_read_back(tmp_path: Path) -> None:
    rows = read_rows(write(tmp_path, INPUT), need_text=True)
    out = tmp_path / "out.tsv"
    write_labels(out, [(r.id, r.positive) for r in rows])
    assert out.read_text("utf-8").splitlines()[:2] == ["Sentence_id\tclass_label", "1\tYes"]
    again = read_rows(out, need_label=True)
    assert [(r.id, r.label) for r in again] == [(r.id, r.label) for r in rows]


@pytest.mark.parametrize(
    ("raw", "spoken"),
    [
        ('"Well, we ""won"" it."', 'Well, we "won" it.'),
        ('"A, b."', "A, b."),
        ("Plain.", "Plain."),
        ('He said "no".', 'He said "no".'),
        ('"', '"'),
        ("", ""),
    ],
)
def test_unquote(raw: str, spoken: str) -> None:
    assert unquote(raw) == spoken
