"""Matching sentences to the fact-checks of the knowledge base: one adapter, one shape.

:func:`match_claims` (and :class:`ClaimMatcher`, which keeps the search open across
documents) is all the ``claims.v1`` component knows of retrieval. It asks the hybrid
retriever (:meth:`spinscope.factchecks.retrieval.Retriever.same_claims`: candidates by
words and meaning, scored and ordered by the same-claim model trained on annotated
article sentences, :mod:`spinscope.factchecks.sameclaim`), whose score is the
probability that the fact-check addresses the claim the sentence makes or reports. A
store written before sentence embeddings existed (no ``factcheck_embeddings`` table, and
analysis never migrates a store) falls back to the lexical search with a word-overlap
score (:func:`lexical_score`), and says so.

The disproof (EUvsDisinfo's debunk, ``factchecks.disproof``) is not part of a search
hit: it is read for the matched ids in one query per batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING, Any, Self

from sqlalchemy import select, text

from spinscope.factchecks.lexical import SearchHit, query_terms, search
from spinscope.store import Store
from spinscope.store.schema import factchecks

if TYPE_CHECKING:
    from spinscope.factchecks.retrieval import Match, Retriever

__all__ = [
    "LEXICAL_THRESHOLD",
    "MATCH_THRESHOLD",
    "ClaimMatch",
    "ClaimMatcher",
    "lexical_score",
    "match_claims",
]

_log = logging.getLogger(__name__)

#: Matches scoring below this are dropped: the same-claim model's threshold, chosen by
#: cross-validation on annotated article sentences for a precision of 0.85 (of each
#: sentence's top-ranked fact-check: ``spinscope/factchecks/sameclaim.json``;
#: docs/benchmarks.md, "Claims").
MATCH_THRESHOLD = 0.69

#: The lexical fallback's threshold. Its score is a word overlap, not a probability: at
#: 0.3 a sentence shares about a third of its content words with a fact-checked claim
#: (or its title).
LEXICAL_THRESHOLD = 0.3


#: Words of a sentence the lexical fallback queries with (its rarest in the KB). Fewer
#: is faster (on EUvsDisinfo, 5 words take the stage from about a third of analyze time
#: to a quarter) but loses the sample article's White Helmets false-flag case.
QUERY_TERMS = 7

#: Fewer content words than this in common is no match, whatever the overlap ratio
#: ("The group has been involved in such attacks before." shares two with a claim).
MIN_SHARED = 3

#: Hits fetched per wanted match, so that rescoring on all words can reorder them.
_OVERFETCH = 3

_DF_SQLITE = text("SELECT count(*) FROM factchecks_fts WHERE factchecks_fts MATCH :term")
_DF_POSTGRES = text(
    "SELECT count(*) FROM factchecks WHERE search @@ plainto_tsquery('english', :term)"
)


@dataclass(frozen=True, slots=True)
class ClaimMatch:
    """A fact-check matching a claim.

    Attributes:
        id: the fact-check's id in the store.
        score: how well it matches, in ``[0, 1]`` (see :data:`MATCH_THRESHOLD`).
        claim: the fact-checked claim's text.
        verdict: the normalised verdict (``false``, ``mixed``, ``true``...).
        rating: the publisher's own rating text.
        url: the fact-check's URL.
        publisher: who published the fact-check.
        date: the fact-check's date (``YYYY-MM-DD``), else the claim's (EUvsDisinfo
            dates the disinformation, not its review).
        source: the knowledge-base source it was imported under.
        disproof: the debunk, where the source has one (EUvsDisinfo).
    """

    id: str
    score: float
    claim: str
    verdict: str
    rating: str | None
    url: str | None
    publisher: str | None
    date: str | None
    source: str
    disproof: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def lexical_score(query: str, hit: SearchHit) -> float:
    """The fallback's ``[0, 1]`` score: the Dice overlap of content words between the
    query and the claim (or, if higher, the fact-check's title).

    bm25 and ts_rank are unbounded and comparable only within one result list, so they
    cannot be thresholded; word overlap can, and is the same on SQLite and PostgreSQL.
    It is a stand-in, not a probability. Fewer than :data:`MIN_SHARED` shared words
    score 0.

    >>> hit = SearchHit("x", 1.0, "White Helmets stage chemical attacks", "false",
    ...                 None, None, None, None, None, None, "kb")
    >>> lexical_score("The White Helmets stage attacks.", hit)
    0.889
    """
    q = set(query_terms(query))
    if not q:
        return 0.0
    best = 0.0
    for field in (hit.claim_text, hit.review_title or ""):
        t = set(query_terms(field)) if field else set()
        shared = len(q & t)
        if shared >= MIN_SHARED:
            best = max(best, 2 * shared / (len(q) + len(t)))
    return round(best, 3)


class ClaimMatcher:
    """Search the knowledge base for many sentences at once; keep it open between
    batches (``ClaimMatcher.open(store)``, then :meth:`match` per document)."""

    def __init__(self, store: Store, retriever: Retriever | None = None) -> None:
        self.store = store
        self.retriever = retriever
        # Documents frequencies of words, looked up once per word (the knowledge base is
        # not written to while an analysis runs).
        self._df: dict[str, int] = {}

    @classmethod
    def open(cls, store: Store, *, notice: Callable[[str], None] | None = None) -> Self:
        """A matcher on ``store``: hybrid when the store has the embeddings table, else
        the lexical fallback (after a ``notice``)."""
        from sqlalchemy import inspect

        from spinscope.factchecks.retrieval import Retriever

        if not inspect(store.engine).has_table("factcheck_embeddings"):
            (notice or _log.warning)(
                f"the knowledge base at {store.url} has no sentence embeddings (written by "
                "an older spinscope): matching by words only; `spinscope factchecks "
                "reindex` adds them"
            )
            return cls(store)
        return cls(store, Retriever.open(store, notice=notice))

    @property
    def method(self) -> str:
        """``"hybrid"`` or ``"lexical"`` (the fallback)."""
        return "hybrid" if self.retriever is not None else "lexical"

    def _search(self, texts: Sequence[str], k: int, threshold: float) -> list[list[ClaimMatch]]:
        if self.retriever is not None:
            found = self.retriever.same_claims(texts, k, min_score=threshold)
            return [[_from_match(m) for m in ms] for ms in found]
        return self._lexical(texts, k)

    def _lexical(self, texts: Sequence[str], k: int) -> list[list[ClaimMatch]]:
        # The lexical fallback. An OR query ranks every row holding any of its words, so
        # a sentence's common words ("Russian", "government") make it slow (about 0.1 s
        # a sentence on 13,000 EUvsDisinfo rows): the query keeps the sentence's rarest
        # words in the knowledge base, and the hits are rescored on all of its words.
        out: list[list[ClaimMatch]] = []
        for query in texts:
            rare = self._rarest(query_terms(query))
            if not rare:
                out.append([])
                continue
            hits = search(self.store, " ".join(rare), k=k)
            matches = [_from_hit(h, lexical_score(query, h)) for h in hits]
            matches.sort(key=lambda m: -m.score)
            out.append(matches[:k])
        return out

    def _rarest(self, terms: Sequence[str]) -> list[str]:
        """The query words found in fewest fact-checks (none of those found in none)."""
        missing = [t for t in terms if t not in self._df]
        if missing:
            statement = _DF_SQLITE if self.store.dialect == "sqlite" else _DF_POSTGRES
            quote = self.store.dialect == "sqlite"
            with self.store.engine.connect() as conn:
                for term in missing:
                    value = f'"{term}"' if quote else term
                    self._df[term] = int(conn.execute(statement, {"term": value}).scalar_one())
        found = sorted((self._df[t], i, t) for i, t in enumerate(terms) if self._df[t])
        return [t for _, _, t in found[:QUERY_TERMS]]

    def match(
        self, texts: Sequence[str], k: int = 3, threshold: float = MATCH_THRESHOLD
    ) -> list[list[ClaimMatch]]:
        """For each text, its best ``k`` matches scoring at least ``threshold`` (the
        lexical fallback: :data:`LEXICAL_THRESHOLD`), best first, with their disproof;
        one case imported twice is one match."""
        if self.retriever is None:
            threshold = LEXICAL_THRESHOLD
        found = [
            [m for m in ms if m.score >= threshold]
            for ms in self._search(texts, _OVERFETCH * k, threshold)
        ]
        ids = sorted({m.id for ms in found for m in ms})
        extra = self._extra(ids) if ids else {}
        return [_merge_duplicates(ms, extra)[:k] for ms in found]

    def _extra(self, ids: Sequence[str]) -> dict[str, _Extra]:
        """What a search hit lacks, for each of ``ids``: disproof, claim date, title."""
        c = factchecks.c
        query = select(c.id, c.disproof, c.claim_date, c.review_title).where(c.id.in_(ids))
        with self.store.engine.connect() as conn:
            return {
                row.id: _Extra(row.disproof, row.claim_date, row.review_title)
                for row in conn.execute(query)
            }


@dataclass(frozen=True, slots=True)
class _Extra:
    disproof: str | None
    claim_date: str | None
    title: str | None


def _case_key(m: ClaimMatch, extra: _Extra | None) -> tuple[str, str]:
    title = (extra.title if extra else None) or m.claim
    return " ".join(title.casefold().split()), (extra.claim_date if extra else None) or ""


def _merge_duplicates(matches: Iterable[ClaimMatch], extra: dict[str, _Extra]) -> list[ClaimMatch]:
    """One match per case, best score first. A case imported from two files (EUvsDisinfo's
    cases file has the summary and the debunk, its index the case's address) has the same
    title and date in both: it is shown once, with the link and the debunk of either."""
    merged: dict[tuple[str, str], ClaimMatch] = {}
    for m in sorted(matches, key=lambda m: -m.score):
        e = extra.get(m.id)
        m = replace(
            m,
            disproof=m.disproof or (e.disproof if e else None),
            date=m.date or (e.claim_date if e else None),
        )
        key = _case_key(m, e)
        first = merged.get(key)
        if first is None:
            merged[key] = m
        else:
            merged[key] = replace(
                first, url=first.url or m.url, disproof=first.disproof or m.disproof
            )
    return list(merged.values())


def _from_match(m: Match) -> ClaimMatch:
    return ClaimMatch(
        id=m.id,
        score=round(m.score, 3),
        claim=m.claim_text,
        verdict=m.verdict,
        rating=m.rating_text,
        url=m.review_url,
        publisher=m.publisher,
        date=m.review_date,
        source=m.source,
    )


def _from_hit(hit: SearchHit, score: float) -> ClaimMatch:
    return ClaimMatch(
        id=hit.id,
        score=score,
        claim=hit.claim_text,
        verdict=hit.verdict,
        rating=hit.rating_text,
        url=hit.review_url,
        publisher=hit.publisher,
        date=hit.review_date,
        source=hit.source,
    )


def match_claims(
    store: Store, texts: Sequence[str], k: int = 3, *, threshold: float = MATCH_THRESHOLD
) -> list[list[ClaimMatch]]:
    """For each of ``texts``, the best ``k`` fact-checks of ``store`` scoring at least
    ``threshold``, best first."""
    return ClaimMatcher.open(store).match(texts, k, threshold)
