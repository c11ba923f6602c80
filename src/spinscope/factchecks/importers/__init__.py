"""One importer per file format, by name (``--format``)."""

from __future__ import annotations

from spinscope.factchecks.importers.base import Importer, Item
from spinscope.factchecks.importers.claimreview import ClaimReviewImporter
from spinscope.factchecks.importers.csvmap import CsvImporter
from spinscope.factchecks.importers.ct20 import Ct20Importer
from spinscope.factchecks.importers.eu_vs_disinfo import EuvsdisinfoImporter
from spinscope.factchecks.importers.liar import LiarImporter
from spinscope.factchecks.importers.snopes import SnopesImporter

IMPORTERS: dict[str, type[Importer]] = {
    cls.name: cls
    for cls in (
        ClaimReviewImporter,
        EuvsdisinfoImporter,
        Ct20Importer,
        SnopesImporter,
        LiarImporter,
        CsvImporter,
    )
}

__all__ = ["IMPORTERS", "Importer", "Item", "get_importer"]


def get_importer(name: str, options: dict[str, str] | None = None) -> Importer:
    """The importer called ``name``, configured with ``options`` (``KEY=VALUE`` pairs)."""
    try:
        cls = IMPORTERS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; one of: {', '.join(IMPORTERS)}") from None
    return cls(options or {})
