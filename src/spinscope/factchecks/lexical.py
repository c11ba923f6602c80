"""Lexical search of the knowledge base: SQLite FTS5 (bm25) or PostgreSQL full text
(ts_rank), one result shape. Retrieval by meaning comes on top of this later."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import text

from spinscope.store import Store

_WORD = re.compile(r"\w+")

#: At most this many distinct query words are used (a whole article is not a query).
MAX_TERMS = 64

#: English function words left out of queries: PostgreSQL's 'english' configuration
#: drops these (Snowball's list), and on SQLite they would match nearly every row and
#: make a query several times slower while adding little to the ranking.
_STOP_LIST = """i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now"""
STOP_WORDS = frozenset(_STOP_LIST.split())

_COLUMNS = (
    "f.id, f.source, f.claim_text, f.verdict, f.rating_text, f.claimant, f.review_url, "
    "f.review_title, f.publisher, f.review_date"
)

# bm25 weights per indexed column (claim_text, review_title, disproof); bm25 is lower
# for better matches, so the score is its negation.
_SQLITE = text(
    f"SELECT {_COLUMNS}, -bm25(factchecks_fts, 1.0, 0.5, 0.2) AS score "
    "FROM factchecks_fts JOIN factchecks f ON f.pk = factchecks_fts.rowid "
    "WHERE factchecks_fts MATCH :query ORDER BY score DESC, f.pk LIMIT :k"
)
_POSTGRES = text(
    f"SELECT {_COLUMNS}, ts_rank(f.search, q) AS score "
    "FROM factchecks f, to_tsquery('english', :query) q "
    "WHERE f.search @@ q ORDER BY score DESC, f.pk LIMIT :k"
)


@dataclass(frozen=True)
class SearchHit:
    """A fact-check matching a query; ``score`` is higher for better matches, comparable
    only within one result list (bm25 on SQLite, ts_rank on PostgreSQL)."""

    id: str
    score: float
    claim_text: str
    verdict: str
    rating_text: str | None
    claimant: str | None
    review_url: str | None
    review_title: str | None
    publisher: str | None
    review_date: str | None
    source: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def query_terms(query: str) -> list[str]:
    """Distinct words of ``query``, in order, without stop words (unless that leaves none).

    >>> query_terms('Did "NATO" invade the... nato?')
    ['nato', 'invade']
    >>> query_terms("To be or not to be")
    ['to', 'be', 'or', 'not']
    """
    words = dict.fromkeys(_WORD.findall(query.casefold()))
    content = [w for w in words if w not in STOP_WORDS]
    return (content or list(words))[:MAX_TERMS]


def search(store: Store, query: str, *, k: int = 5) -> list[SearchHit]:
    """The ``k`` fact-checks sharing most words with ``query`` (any word may match)."""
    terms = query_terms(query)
    if not terms or k <= 0:
        return []
    if store.dialect == "sqlite":
        # Each word quoted: FTS5 operators in the text are taken literally.
        statement, param = _SQLITE, " OR ".join(f'"{t}"' for t in terms)
    else:
        statement, param = _POSTGRES, " | ".join(terms)
    with store.engine.connect() as conn:
        rows = conn.execute(statement, {"query": param, "k": k}).mappings().all()
    return [SearchHit(**{**row, "score": float(row["score"])}) for row in rows]
