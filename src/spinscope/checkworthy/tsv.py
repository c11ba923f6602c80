"""CheckThat! 2024 Task 1 files: ``Sentence_id<TAB>Text<TAB>class_label`` (Yes/No).

The official files have a header row, no quoting convention a CSV reader could apply
(a text may hold tabs only as field separators, and its quotes are kept as written),
CRLF or LF line ends, and UTF-8 text. Columns are found by their header name, so an
input without ``class_label`` (a test file) and a prediction file with only
``Sentence_id`` and ``class_label`` read with the same function.

Two quirks of the released files are handled here, so that every official file reads:

* about half of the texts were written CSV-quoted (``"Well, we ""won""."``) although
  the files are read with quoting off; :func:`unquote` gives back the sentence as
  spoken, which is what the model sees (the file's text is kept untouched otherwise);
* one line of the training file holds two records, the second glued to the first's
  label (``...<TAB>No29286<TAB>...``): such a line is split into its two records.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spinscope.errors import MalformedRecordError

__all__ = ["LABELS", "Row", "read_rows", "unquote", "write_labels"]

ID, TEXT, LABEL = "Sentence_id", "Text", "class_label"
#: The two labels, positive first.
LABELS = ("Yes", "No")
_GLUED = re.compile(r"^(Yes|No)(\d+)$")


@dataclass(frozen=True)
class Row:
    """One record: its id, text (``None`` in a file without ``Text``) and gold label
    (``None`` in a file without ``class_label``)."""

    id: str
    text: str | None = None
    label: str | None = None

    @property
    def positive(self) -> bool:
        return self.label == LABELS[0]


def unquote(text: str) -> str:
    """``"Well, we ""won""."`` -> ``Well, we "won".``; any other text unchanged."""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text


def _split_glued(fields: list[str], width: int, label_at: int | None) -> list[list[str]]:
    if label_at is None or len(fields) != 2 * width - 1:
        return [fields]
    m = _GLUED.match(fields[label_at])
    if m is None:
        return [fields]
    first = [*fields[:label_at], m.group(1)]
    return [first, [m.group(2), *fields[label_at + 1 :]]]


def read_rows(path: str | Path, *, need_text: bool = False, need_label: bool = False) -> list[Row]:
    """Records of ``path``.

    Args:
        need_text: the file must have a ``Text`` column (an input to label).
        need_label: it must have a ``class_label`` column (gold or predictions).

    Raises:
        MalformedRecordError: the file is not UTF-8, lacks a needed column, or a line
            has the wrong number of fields, an empty id, a label other than Yes/No, or
            an id seen before; the message names ``file:line``.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise MalformedRecordError(f"cannot read: {exc.strerror}", source=str(p)) from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise MalformedRecordError(
            f"not UTF-8 (byte {raw[exc.start]:#04x}); save the file as UTF-8",
            source=str(p),
            line=raw[: exc.start].count(b"\n") + 1,
        ) from None
    lines = content.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise MalformedRecordError("empty file: expected a header row", source=str(p), line=1)
    header = [h.strip() for h in lines[0].rstrip("\r").split("\t")]
    columns = {name: i for i, name in enumerate(header)}
    needed = [ID] + [TEXT] * need_text + [LABEL] * need_label
    missing = [c for c in needed if c not in columns]
    if missing:
        raise MalformedRecordError(
            f"header {header!r} lacks {', '.join(missing)} (expected {ID}, {TEXT}, {LABEL})",
            source=str(p),
            line=1,
        )
    width = len(header)
    id_at, text_at, label_at = columns[ID], columns.get(TEXT), columns.get(LABEL)
    rows: list[Row] = []
    seen: set[str] = set()
    for number, raw_line in enumerate(lines[1:], start=2):
        line = raw_line.rstrip("\r")
        if not line.strip():
            continue
        for fields in _split_glued(line.split("\t"), width, label_at):
            if len(fields) != width:
                raise MalformedRecordError(
                    f"expected {width} tab-separated fields ({', '.join(header)}), "
                    f"got {len(fields)}",
                    source=str(p),
                    line=number,
                )
            rid = fields[id_at].strip()
            if not rid:
                raise MalformedRecordError("empty Sentence_id", source=str(p), line=number)
            if rid in seen:
                raise MalformedRecordError(
                    f"Sentence_id {rid!r} appears twice", source=str(p), line=number
                )
            seen.add(rid)
            label = fields[label_at].strip() if label_at is not None else None
            if label is not None and label not in LABELS:
                raise MalformedRecordError(
                    f"class_label must be Yes or No, got {label!r}", source=str(p), line=number
                )
            text = fields[text_at] if text_at is not None else None
            rows.append(Row(rid, text, label))
    return rows


def write_labels(path: str | Path, labels: Iterable[tuple[str, bool]]) -> None:
    """Write ``Sentence_id<TAB>class_label`` (Yes/No) with a header, LF line ends."""
    out: Sequence[str] = [f"{ID}\t{LABEL}"] + [
        f"{rid}\t{LABELS[0] if yes else LABELS[1]}" for rid, yes in labels
    ]
    Path(path).write_text("\n".join(out) + "\n", encoding="utf-8")
