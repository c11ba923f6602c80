"""How an analysis record is kept in the store's ``documents.document`` column: its JSON
line, as ``analyze --format jsonl`` writes it, zlib-compressed.

>>> decode_record(encode_record({"text": "They lied."}))
'{"text": "They lied."}'
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Mapping
from typing import Any

__all__ = ["decode_record", "encode_record"]


def encode_record(record: Mapping[str, Any]) -> bytes:
    """``record`` as the column stores it."""
    return zlib.compress(json.dumps(record, ensure_ascii=False).encode("utf-8"))


def decode_record(blob: bytes) -> str:
    """The stored record's JSON line, exactly as ``analyze --format jsonl`` wrote it."""
    return zlib.decompress(blob).decode("utf-8")
