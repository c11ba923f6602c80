"""JSON output: documents as ``spinscope.document/1``, failures as ``spinscope.error/1``.

The ``tokens`` group (one span per word) is the bulk of a document's JSON and rarely
wanted downstream, so it is left out unless asked for.

A document with the span groups of a report section (``techniques``, ``attributions``,
``assertions``, ``labels``...) also gets a top-level ``profiles`` object: one entry per
section, the article-level numbers the reports show (see ``docs/schema.md`` and
:mod:`spinscope.reports.sections`). The key is derived
from the spans, so readers may ignore it: :meth:`Document.from_dict` does, and a
document without those groups is written exactly as before.

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

from spinscope.document import Document, ErrorRecord
from spinscope.reports._profiles import profile_dicts

__all__ = ["document_dict", "record_dict", "render_json"]

#: Groups left out of JSON output unless ``include_tokens`` is set.
BULKY_GROUPS = frozenset({"tokens"})


def document_dict(
    doc: Document, *, include_tokens: bool = False, include_profiles: bool = True
) -> dict[str, Any]:
    """``doc`` as a ``spinscope.document/1`` dictionary (see ``docs/schema.md``).

    Args:
        doc: the document.
        include_tokens: keep the ``tokens`` group (large: one span per word).
        include_profiles: add the top-level ``profiles`` object when the document has
            the groups it summarises.
    """
    groups = None if include_tokens else [g for g in doc.spans if g not in BULKY_GROUPS]
    out = doc.to_dict(groups=groups)
    if include_profiles:
        profiles = profile_dicts(doc)
        if profiles:
            out["profiles"] = profiles
    return out


def record_dict(
    result: Document | ErrorRecord, *, include_tokens: bool = False, include_profiles: bool = True
) -> dict[str, Any]:
    """A document's dictionary, or an error record's ``spinscope.error/1`` dictionary."""
    if isinstance(result, ErrorRecord):
        return result.to_dict()
    return document_dict(result, include_tokens=include_tokens, include_profiles=include_profiles)


def render_json(
    result: Document | ErrorRecord,
    *,
    include_tokens: bool = False,
    include_profiles: bool = True,
    indent: int | None = None,
) -> str:
    """One result as a JSON string (UTF-8 text, no ASCII escaping; one line unless ``indent``)."""
    record = record_dict(result, include_tokens=include_tokens, include_profiles=include_profiles)
    return json.dumps(record, ensure_ascii=False, indent=indent)
