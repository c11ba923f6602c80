"""Fact-check knowledge base: ClaimReview records imported from the user's files into
:mod:`spinscope.store`, searched offline.

Importers (:mod:`spinscope.factchecks.importers`) turn a file into
:class:`~spinscope.factchecks.model.ClaimReview` records or
:class:`~spinscope.factchecks.model.Rejection` s; :func:`~spinscope.factchecks.kb.import_files`
writes them (idempotently, in batches); :func:`~spinscope.factchecks.search.search` finds them.
"""

from spinscope.factchecks.kb import ImportSummary, export_records, import_files, stats
from spinscope.factchecks.model import VERDICTS, ClaimReview, ImportFileError, Rejection
from spinscope.factchecks.search import SearchHit, search

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
