"""How inputs are read: :class:`IngestOptions`, built from the ``[ingest]`` config section."""

from __future__ import annotations

import codecs
import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any, Literal, get_args

from spinscope.errors import ConfigError

__all__ = ["FORMATS", "Format", "IngestOptions"]

#: Input formats; ``"auto"`` detects by file extension, then by content.
Format = Literal["auto", "text", "html", "jsonl", "json", "csv"]
FORMATS: tuple[str, ...] = get_args(Format)


@dataclass(frozen=True)
class IngestOptions:
    """Options for turning files, bytes and streams into documents.

    Attributes:
        max_bytes: the largest input accepted, in bytes. For JSONL/CSV corpora the
            limit applies to each record; the file itself is streamed.
        encoding: ``"auto"`` (UTF-8, else detected with charset-normalizer) or a codec
            name such as ``"cp1252"`` that every input is decoded with.
        text_key: the JSONL field / CSV column holding the article text.
        id_key: the JSONL field / CSV column holding the document id.
        html_timeout: the time budget, in seconds, for extracting one HTML page.
        format: ``"auto"``, or the format every input is read as.

    Raises:
        ConfigError: a value is out of range or of the wrong type (also on
            :func:`dataclasses.replace`, which re-runs the checks).

    Example:
        >>> IngestOptions(max_bytes=1_000_000, format="jsonl").text_key
        'text'
    """

    max_bytes: int = 5_000_000
    encoding: str = "auto"
    text_key: str = "text"
    id_key: str = "id"
    html_timeout: float = 10.0
    format: Format = "auto"

    def __post_init__(self) -> None:
        if isinstance(self.max_bytes, bool) or not isinstance(self.max_bytes, int):
            raise ConfigError(f"ingest max_bytes must be an integer, got {self.max_bytes!r}")
        if self.max_bytes < 1:
            raise ConfigError(f"ingest max_bytes must be at least 1, got {self.max_bytes:,}")
        if not isinstance(self.encoding, str) or not self.encoding.strip():
            raise ConfigError(
                f"ingest encoding must be 'auto' or a codec name, got {self.encoding!r}"
            )
        if self.encoding != "auto":
            try:
                info = codecs.lookup(self.encoding)
            except LookupError:
                raise ConfigError(
                    f"unknown encoding {self.encoding!r}; use 'auto' or a codec name such as "
                    "'utf-8', 'cp1252' or 'latin-1'"
                ) from None
            # codecs.lookup also knows bytes-to-bytes codecs (base64, zlib): not text.
            if not getattr(info, "_is_text_encoding", True):
                raise ConfigError(f"{self.encoding!r} is not a text encoding")
        for name in ("text_key", "id_key"):
            value = getattr(self, name)
            if not isinstance(value, str) or not value:
                raise ConfigError(f"ingest {name} must be a non-empty string, got {value!r}")
        timeout = self.html_timeout
        if (
            isinstance(timeout, bool)
            or not isinstance(timeout, int | float)
            or not math.isfinite(timeout)
            or timeout <= 0
        ):
            raise ConfigError(f"ingest html_timeout must be a positive number, got {timeout!r}")
        if self.format not in FORMATS:
            raise ConfigError(
                f"unknown input format {self.format!r}; choose one of {', '.join(FORMATS)}"
            )

    @classmethod
    def from_config(cls, config: Mapping[str, Any], **overrides: Any) -> IngestOptions:
        """Options from a loaded config's ``[ingest]`` section, then ``overrides``.

        Args:
            config: a configuration as returned by :func:`spinscope.config.load_config`.
            overrides: field values that win over the config (``format="jsonl"``).

        Raises:
            ConfigError: unknown keys or invalid values.
        """
        section = dict(config.get("ingest") or {})
        section.update(overrides)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(section) - known)
        if unknown:
            raise ConfigError(
                f"unknown ingest option(s) {', '.join(map(repr, unknown))}; "
                f"valid: {', '.join(sorted(known))}"
            )
        return cls(**section)

    def replace(self, **changes: Any) -> IngestOptions:
        """A copy with ``changes`` applied (and validated)."""
        return replace(self, **changes)
