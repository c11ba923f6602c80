"""The ``outlet.v1`` component: what media-rating lists say about the article's outlet.

Record written (no span group: a rating is about the whole article)::

    meta.extra.outlet = {"domain": "breitbart.com", "url": <the URL looked up>,
                         "ratings": [{"source", "matched", "bias", "factual",
                                      "credibility", "labels", "name"}, ...]}

The URL is ``meta.url``, else ``meta.source`` when that is an http(s) URL; ratings come
from the store's ``source_ratings`` table (``spinscope sources import`` fills it),
one per list, by list name (:func:`spinscope.sources.ratings.ratings_for`). An outlet
no list rates gets an empty ``ratings`` list: "no list rates it" is worth saying.

The store is found as ``claims.v1`` finds its knowledge base (the ``store`` setting,
``$SPINSCOPE_STORE``, ``spinscope.db`` in the user data directory) and opened
read-only. With no store, or no rating in it, the component is skipped on every
document; a document without a URL is skipped alone; both with a one-line reason in
``meta.extra.pipeline.skipped``.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from spinscope.document import Document
from spinscope.errors import ConfigError, SpinscopeError
from spinscope.registry import register
from spinscope.store.locate import StoreLocation, locate_store, open_table

if TYPE_CHECKING:
    from spinscope.store import Store

__all__ = ["EXTRA_KEY", "OutletComponent", "document_url", "make_outlet"]

#: The key of the record in ``meta.extra``.
EXTRA_KEY = "outlet"

NO_URL = "the document has no URL (meta.url) to find its outlet by"


def document_url(doc: Document) -> str | None:
    """The URL the article was published at: ``meta.url``, else ``meta.source`` when
    that is an http(s) URL (a corpus row's source may be one), else ``None``.

    >>> from spinscope.document import Meta
    >>> document_url(Document("x", meta=Meta(source="https://ex.com/a")))
    'https://ex.com/a'
    >>> document_url(Document("x", meta=Meta(source="corpus.jsonl:3"))) is None
    True
    """
    for value in (doc.meta.url, doc.meta.source):
        if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
            return value.strip()
    return None


def _locate(store: str | None) -> StoreLocation:
    return locate_store(
        store,
        what="outlet ratings",
        hint="spinscope sources import creates them; --store names another store",
    )


class OutletComponent:
    """Looks the document's outlet up in the store's rating lists.

    ``unavailable`` says why there are no ratings to read (the pipeline then skips the
    component on every document), or is ``None``.
    """

    def __init__(self, location: StoreLocation) -> None:
        self.location = location
        self.unavailable: str | None = location.missing
        self._store: Store | None = None
        if self.unavailable is None:
            self._open()

    def _open(self) -> None:
        from spinscope.store.schema import source_ratings

        assert self.location.url is not None
        store, self.unavailable = open_table(
            self.location.url, source_ratings, what="outlet ratings store"
        )
        if store is None:
            return
        self._store = store
        # A pipeline does not close its components: the connections are closed when the
        # component goes away.
        self._closer = weakref.finalize(self, store.close)

    def close(self) -> None:
        """Close the store's connections (the component cannot run after)."""
        if self._store is not None:
            self._closer()
            self._store = None

    def skip_reason(self, doc: Document) -> str | None:
        """Why ``doc`` cannot be looked up (it has no URL), or ``None``."""
        url = document_url(doc)
        if url is None:
            return NO_URL
        from spinscope.sources.domains import parse_site

        if parse_site(url) is None:
            return f"the document's URL {url!r} names no outlet"
        return None

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Write each document's outlet and its ratings into ``meta.extra``."""
        from spinscope.sources.domains import parse_site
        from spinscope.sources.ratings import ratings_for

        if self._store is None:
            raise SpinscopeError(f"outlet.v1 cannot run: {self.unavailable}")
        for doc in docs:
            url = document_url(doc)
            site = parse_site(url) if url else None
            if site is None:
                yield doc
                continue
            record: dict[str, Any] = {
                "domain": site.domain,
                "url": url,
                "ratings": [_rating(r.as_dict()) for r in ratings_for(self._store, site)],
            }
            doc.meta = doc.meta.replace(extra={**doc.meta.extra, EXTRA_KEY: record})
            yield doc


def _rating(full: dict[str, Any]) -> dict[str, Any]:
    keys = ("source", "matched", "bias", "factual", "credibility", "labels", "name")
    return {k: full[k] for k in keys}


@register(
    "outlet.v1",
    assigns=(),
    description="What media-rating lists say about the article's outlet (from its URL).",
)
def make_outlet(store: str = "") -> OutletComponent:
    """Build the component (finds, and opens, the store once).

    Args:
        store: a store URL or an SQLite file; empty: the default (``$SPINSCOPE_STORE``,
            else ``spinscope.db`` in the user data directory).
    """
    if not isinstance(store, str):
        raise ConfigError(f"outlet.v1 store must be a URL or a file path, got {store!r}")
    return OutletComponent(_locate(store))
