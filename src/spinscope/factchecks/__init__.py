"""Fact-check knowledge base: ClaimReview records imported from the user's files into
:mod:`spinscope.store`, searched offline.

Importers (:mod:`spinscope.factchecks.importers`) turn a file into
:class:`~spinscope.factchecks.model.ClaimReview` records or
:class:`~spinscope.factchecks.model.Rejection` s; :func:`~spinscope.factchecks.kb.import_files`
writes them (idempotently, in batches); :func:`~spinscope.factchecks.lexical.search` finds them.

The names below load on first use: the CLI imports this package, and the database
layer should not slow down commands that never touch it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spinscope.factchecks.kb import ImportSummary, export_records, import_files, stats
    from spinscope.factchecks.lexical import SearchHit, search
    from spinscope.factchecks.model import VERDICTS, ClaimReview, ImportFileError, Rejection

_HOMES = {
    "ImportSummary": "kb",
    "export_records": "kb",
    "import_files": "kb",
    "stats": "kb",
    "VERDICTS": "model",
    "ClaimReview": "model",
    "ImportFileError": "model",
    "Rejection": "model",
    "SearchHit": "lexical",
    "search": "lexical",
}

__all__ = [
    "VERDICTS",
    "ClaimReview",
    "ImportFileError",
    "ImportSummary",
    "Rejection",
    "SearchHit",
    "export_records",
    "import_files",
    "search",
    "stats",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
