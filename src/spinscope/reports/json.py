"""JSON output: documents as ``spinscope.document/1``, failures as ``spinscope.error/1``.

The ``tokens`` group (one span per word) is the bulk of a document's JSON and rarely
wanted downstream, so it is left out unless asked for.

Example:
    >>> from spinscope import Document, Span
    >>> doc = Document("They lied.", id="d1")
    >>> _ = doc.set_spans("tokens", [Span(0, 4), Span(5, 9), Span(9, 10)])
    >>> document_dict(doc)["spans"]
    {}
    >>> len(document_dict(doc, include_tokens=True)["spans"]["tokens"])
    3
"""

from __future__ import annotations

import json
from typing import Any

from spinscope.document import Document
from spinscope.pipeline import ErrorRecord

__all__ = ["document_dict", "record_dict", "render_json"]

#: Groups left out of JSON output unless ``include_tokens`` is set.
BULKY_GROUPS = frozenset({"tokens"})


def document_dict(doc: Document, *, include_tokens: bool = False) -> dict[str, Any]:
    """``doc`` as a ``spinscope.document/1`` dictionary (see ``docs/schema.md``).

    Args:
        doc: the document.
        include_tokens: keep the ``tokens`` group (large: one span per word).
    """
    groups = None if include_tokens else [g for g in doc.spans if g not in BULKY_GROUPS]
    return doc.to_dict(groups=groups)


def record_dict(result: Document | ErrorRecord, *, include_tokens: bool = False) -> dict[str, Any]:
    """A document's dictionary, or an error record's ``spinscope.error/1`` dictionary."""
    if isinstance(result, ErrorRecord):
        return result.to_dict()
    return document_dict(result, include_tokens=include_tokens)


def render_json(
    result: Document | ErrorRecord,
    *,
    include_tokens: bool = False,
    indent: int | None = None,
) -> str:
    """One result as a JSON string (UTF-8 text, no ASCII escaping; one line unless ``indent``)."""
    return json.dumps(
        record_dict(result, include_tokens=include_tokens), ensure_ascii=False, indent=indent
    )
