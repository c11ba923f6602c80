"""The knowledge base's record: a schema.org ClaimReview, flattened."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from spinscope.errors import SpinscopeError

#: Normalised verdicts, from most to least false; "other" for ratings on no such scale
#: (satire, outdated, unproven) and for sources that give none.
VERDICTS = ("false", "mostly-false", "mixed", "mostly-true", "true", "other")

#: Longest text a field may hold; longer is a rejected row, not a truncated one.
MAX_FIELD_CHARS = 100_000


class ImportFileError(SpinscopeError):
    """A file that cannot be read at all past some point (missing, binary, not UTF-8,
    unparsable): names the file and, where known, the line."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True)
class ClaimReview:
    """One reviewed claim. ``source_key`` is the source's own id for it (a URL, a row id)
    or, when it has none, its normalised claim text; with the source name it makes the
    stable :attr:`id`."""

    claim_text: str
    source_key: str
    verdict: str = "other"
    rating_text: str | None = None
    claimant: str | None = None
    claim_date: str | None = None
    review_url: str | None = None
    review_title: str | None = None
    publisher: str | None = None
    review_date: str | None = None
    language: str | None = None
    disproof: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    def content(self) -> dict[str, Any]:
        """The reviewed content (what a re-import compares), without provenance."""
        data = asdict(self)
        data.pop("line")
        return data


@dataclass(frozen=True)
class Rejection:
    """A row that was not imported, and why (never dropped silently)."""

    file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.reason}"


def normalise_text(text: str) -> str:
    """Case-, space- and Unicode-form-insensitive key for a claim text."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip()


def stable_id(source: str, source_key: str) -> str:
    """32 hex digits naming a claim across re-imports: a hash of source and key."""
    digest = hashlib.sha256(f"{source}\x1f{source_key}".encode())
    return digest.hexdigest()[:32]


def content_hash(record: ClaimReview) -> str:
    payload = json.dumps(record.content(), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def check_record(record: ClaimReview) -> str | None:
    """Why ``record`` cannot be stored, or None."""
    if not record.claim_text.strip():
        return "empty claim text"
    if record.verdict not in VERDICTS:
        return f"unknown verdict {record.verdict!r}"
    for name, value in record.content().items():
        if isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
            return f"field {name!r} too large ({len(value):,} characters > {MAX_FIELD_CHARS:,})"
    return None
