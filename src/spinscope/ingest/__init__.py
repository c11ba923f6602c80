"""Turning inputs into documents: plain text, HTML, JSONL/CSV corpora, directories, stdin.

This module is being built out (issue 2); the plain-text path works now.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spinscope.document import Document, Meta
from spinscope.errors import EmptyInputError

__all__ = ["IngestOptions", "document_from_text", "read_document"]


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = 20_000_000
    encoding: str = "auto"
    text_key: str = "text"
    id_key: str = "id"
    html_timeout: float = 10.0

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> IngestOptions:
        return cls(**config.get("ingest", {}))


def document_from_text(text: str, *, id: str | None = None, meta: Meta | None = None) -> Document:
    if not text.strip():
        raise EmptyInputError("the text is empty")
    return Document(text, id=id, meta=meta or Meta(format="text"))


def read_document(path: Path, *, options: IngestOptions | None = None) -> Document:
    text = path.read_text("utf-8")
    return document_from_text(text, id=path.stem, meta=Meta(source=str(path), format="text"))
