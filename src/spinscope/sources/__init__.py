"""Outlet ratings: what media-rating lists (Media Bias/Fact Check, Baly et al.,
OpenSources, any CSV) say about the site an article comes from.

Importers (:mod:`spinscope.sources.importers`) read a list into
:class:`~spinscope.sources.model.RatingRecord` s or rejections;
:func:`~spinscope.sources.ratings.import_files` writes them into the store's
``source_ratings`` table; :func:`~spinscope.sources.ratings.ratings_for` answers "what
do the lists say about this URL?" for reports and the web app. Sites are keyed by host
and registrable domain (:mod:`spinscope.sources.domains`).

The names below load on first use, so that the CLI does not pay for the database layer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spinscope.sources.domains import Site, parse_site, registrable_domain
    from spinscope.sources.ratings import ImportSummary, SourceRating, import_files, ratings_for

_HOMES = {
    "Site": "domains",
    "parse_site": "domains",
    "registrable_domain": "domains",
    "ImportSummary": "ratings",
    "SourceRating": "ratings",
    "import_files": "ratings",
    "ratings_for": "ratings",
}

__all__ = [
    "ImportSummary",
    "Site",
    "SourceRating",
    "import_files",
    "parse_site",
    "ratings_for",
    "registrable_domain",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
