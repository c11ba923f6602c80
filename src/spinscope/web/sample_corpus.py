"""A synthetic corpus in the store, for the web app's benchmarks and tests: rows as
``spinscope batch`` writes them (:func:`spinscope.corpus.documents.row_for`), with
technique and sourcing figures drawn at random instead of analysed, so that ten
thousand of them are written in seconds without a model.

>>> from spinscope.store import Store
>>> with Store.open("sqlite:///bench.db") as store:  # doctest: +SKIP
...     fill(store, 10_000)
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime

from spinscope.corpus.documents import row_for, write_rows
from spinscope.document import Document, Meta, Span
from spinscope.store import Store
from spinscope.techniques.definitions import TECHNIQUES

__all__ = ["OUTLETS", "fill", "sample_document"]

OUTLETS = (
    "rt.com",
    "bbc.co.uk",
    "foxnews.com",
    "theguardian.com",
    "sputniknews.com",
    "reuters.com",
    "breitbart.com",
    "nytimes.com",
)

_SENTENCE = (
    "the minister said talks would resume as officials denied reports of a crisis "
    "while critics called the plan a disaster and experts warned of rising costs"
)
_WORDS = tuple(_SENTENCE.split())


def sample_document(
    rng: random.Random,
    number: int,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Document:
    """One article of made-up text with a few technique spans."""
    outlet = outlet or rng.choice(OUTLETS)
    words = [rng.choice(_WORDS) for _ in range(rng.randint(80, 400))]
    text = " ".join(words) + f". Article {number}."
    spans = []
    for _ in range(rng.randint(0, 6)):
        start = rng.randrange(0, len(text) - 20)
        spans.append(Span(start, start + 12, rng.choice(TECHNIQUES), rng.random()))
    month = rng.randint(1, 12)
    meta = Meta(
        title=title or f"Article {number}: {' '.join(words[:6])}",
        url=url or f"https://www.{outlet}/news/{number}",
        outlet=outlet,
        published=f"2024-{month:02d}-{rng.randint(1, 28):02d}",
        language="en",
        source="synthetic",
        format="text",
    )
    return Document(text, id=f"syn-{number}", meta=meta, spans={"techniques": spans})


def fill(
    store: Store,
    count: int,
    *,
    seed: int = 13,
    version: str = "synthetic",
    documents: Sequence[Document] = (),
) -> int:
    """Write ``count`` synthetic articles (and ``documents`` as they are) to ``store``;
    returns the rows written."""
    rng = random.Random(seed)
    docs = list(documents) + [sample_document(rng, i) for i in range(count)]
    now = datetime.now(UTC)
    rows = []
    for doc in docs:
        row = row_for(doc, version, now=now)
        techniques = doc.group("techniques") if doc.has_group("techniques") else ()
        words = len(doc.text.split())
        counts: dict[str, int] = {}
        for span in techniques:
            counts[span.label] = counts.get(span.label, 0) + 1
        expected = sum(s.score or 0.0 for s in techniques)
        own = rng.random()
        row.values.update(
            word_count=words,
            technique_counts=counts,
            technique_expected=expected,
            technique_rate=1000 * expected / words,
            own_voice_share=own,
            attributed_share=1 - own,
        )
        rows.append(row)
    for start in range(0, len(rows), 1000):
        with store.engine.begin() as conn:
            write_rows(conn, rows[start : start + 1000])
    return len(rows)
