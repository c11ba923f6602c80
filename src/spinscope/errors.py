"""One exception hierarchy for spinscope.

Every error a user can cause derives from :class:`SpinscopeError`; the CLI maps the
branches to exit codes and the (future) HTTP API maps them to status codes::

    SpinscopeError
    ├── InputError                    the input cannot be analysed          (CLI exit 3)
    │   ├── EmptyInputError           empty file / text with nothing but whitespace
    │   ├── NotTextError              binary data: PDF, PNG, archives, ...
    │   ├── EncodingError             bytes that decode under no supported encoding
    │   ├── InputTooLargeError        over ``--max-bytes``
    │   ├── MalformedRecordError      one bad JSONL/CSV row (carries the line number)
    │   └── HTMLExtractionError       HTML from which no article text can be extracted
    ├── DocumentError                 invalid document content
    │   └── OffsetError               a span outside ``[0, len(text)]`` or with start >= end
    ├── PipelineError                 the pipeline cannot be built or run     (CLI exit 4)
    │   ├── UnknownComponentError     no component registered under that name
    │   ├── MissingRequirementError   a component's ``requires`` not assigned before it
    │   └── ComponentError            a component raised while processing a document
    ├── ConfigError                   invalid configuration file or value    (CLI exit 2)
    ├── OutputOverlapError            the output would overwrite an input    (CLI exit 2)
    └── ModelError                    a model artifact is missing or corrupt (CLI exit 4)
        └── ModelNotFoundError

Messages are full sentences that say what went wrong and what to do about it.
"""

from __future__ import annotations

__all__ = [
    "ComponentError",
    "ConfigError",
    "DocumentError",
    "EmptyInputError",
    "EncodingError",
    "HTMLExtractionError",
    "InputError",
    "InputTooLargeError",
    "MalformedRecordError",
    "MissingRequirementError",
    "ModelError",
    "ModelNotFoundError",
    "NotTextError",
    "OffsetError",
    "OutputOverlapError",
    "PipelineError",
    "SpinscopeError",
    "UnknownComponentError",
]


class SpinscopeError(Exception):
    """Base class of every error spinscope raises on purpose."""

    exit_code: int = 1


class InputError(SpinscopeError):
    """The input cannot be turned into a document.

    Attributes:
        source: where the input came from (a path, ``<stdin>``, ``file.jsonl:17``), if known.
    """

    exit_code = 3

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    def __str__(self) -> str:
        msg = super().__str__()
        return f"{self.source}: {msg}" if self.source else msg


class EmptyInputError(InputError):
    """The input holds no text (zero bytes or only whitespace)."""


class NotTextError(InputError):
    """The input is binary (PDF, image, archive...), not a text document."""


class EncodingError(InputError):
    """The bytes could not be decoded as text under any detected encoding."""


class InputTooLargeError(InputError):
    """The input exceeds the configured ``max_bytes`` limit."""


class MalformedRecordError(InputError):
    """One row of a JSONL/CSV corpus is malformed.

    Attributes:
        line: 1-based line (JSONL) or record (CSV) number of the bad row.
    """

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        super().__init__(message, source=source)
        self.line = line

    def __str__(self) -> str:
        msg = Exception.__str__(self)
        where = self.source or ""
        if self.line is not None:
            where = f"{where}:{self.line}" if where else f"line {self.line}"
        return f"{where}: {msg}" if where else msg


class HTMLExtractionError(InputError):
    """No article text could be extracted from an HTML page."""


class DocumentError(SpinscopeError, ValueError):
    """The document or one of its spans is invalid."""


class OffsetError(DocumentError):
    """A span's offsets do not satisfy ``0 <= start < end <= len(text)``."""


class PipelineError(SpinscopeError):
    """The pipeline cannot be built or run."""

    exit_code = 4


class UnknownComponentError(PipelineError, KeyError):
    """No component is registered under the requested name."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0]) if self.args else ""


class MissingRequirementError(PipelineError):
    """A component requires a span group that no earlier component assigns."""


class ComponentError(PipelineError):
    """A component failed on one document."""


class ConfigError(SpinscopeError, ValueError):
    """A configuration file or value is invalid."""

    exit_code = 2


class ModelError(SpinscopeError):
    """A model artifact is missing, corrupt or incompatible."""

    exit_code = 4


class ModelNotFoundError(ModelError, FileNotFoundError):
    """A model artifact is not installed."""


class OutputOverlapError(SpinscopeError):
    """The output would overwrite, or mix with, an input."""

    exit_code = 2
