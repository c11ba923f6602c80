"""Hybrid claim retrieval: has this text's claim been fact-checked already?

The one entry point for other components::

    retriever = Retriever.open(store)
    for matches in retriever.same_claims(["The White Helmets staged a chemical attack."]):
        ...  # the fact-checks that address the text's claim, if any

Each text gets candidates from the lexical search (BM25 on SQLite, ts_rank on
PostgreSQL; :mod:`~spinscope.factchecks.lexical`) and from the dense search (cosine of
sentence embeddings; :mod:`~spinscope.factchecks.dense`). :meth:`Retriever.search` ranks
them with the re-ranker (:mod:`~spinscope.factchecks.rerank`), then re-scores its best
few with the cross-encoder (:mod:`~spinscope.factchecks.crossenc`), which reads the text
and the fact-check together: :attr:`Match.score` is the probability that the fact-check
is *the* one of the text's claim, as CheckThat! asks, where every query has one.
:meth:`Retriever.same_claims` decides what to show for a text that may have none (an
article's sentence): the same-claim model (:mod:`~spinscope.factchecks.sameclaim`)
scores each candidate on its own (no cross-encoder). A batch of texts is encoded
together and searched with one matrix product.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, Self

import numpy as np
from sqlalchemy import or_, select

from spinscope.embeddings import MODEL_NAME
from spinscope.factchecks import dense
from spinscope.factchecks.crossenc import CrossEncoder, claim_side, shipped_cross_encoder
from spinscope.factchecks.lexical import plain_text
from spinscope.factchecks.lexical import search as lexical_search
from spinscope.factchecks.rerank import Candidate, Reranker, features, shipped_reranker
from spinscope.factchecks.sameclaim import SameClaimModel, same_claim_features, shipped_model
from spinscope.store import Store
from spinscope.store.schema import factchecks

__all__ = ["RERANK_THRESHOLD", "Match", "Method", "Retriever"]

#: The re-ranker's threshold for CheckThat!-style queries (a tweet whose fact-check is in
#: the knowledge base): the lowest whose shown top-1 matches reach a precision of 0.95 on
#: CheckThat! 2020 train (held-out folds: 0.966, for 81 % of the tweets; dev: 0.952 for
#: 75 %). Kept for the score combined with the cross-encoder's: on the 151 train tweets
#: its model never saw, 0.947 for 87 % (0.95 needs 0.34 there, one tweet apart); dev
#: 0.981 for 79 %. It is no test of whether a text has a fact-check at all (on article sentences,
#: 14 % of the matches it passed were the same claim): :meth:`Retriever.same_claims` is.
#: See docs/benchmarks.md, "Claim retrieval" and "Claims".
RERANK_THRESHOLD = 0.28

#: Candidates taken from each search before re-ranking.
LEXICAL_CANDIDATES = 20
DENSE_CANDIDATES = 20

_log = logging.getLogger(__name__)

_COLUMNS = (
    "id",
    "claim_text",
    "verdict",
    "rating_text",
    "claimant",
    "review_url",
    "review_title",
    "publisher",
    "review_date",
    "source",
)


class Method(StrEnum):
    """How candidates are ranked: the re-ranker on both searches, or one search alone."""

    hybrid = "hybrid"
    bm25 = "bm25"
    dense = "dense"


@dataclass(frozen=True)
class Match:
    """A fact-check for a text. ``score``: a probability comparable across texts, from
    :meth:`Retriever.same_claims` that the fact-check addresses the text's claim (see
    :mod:`~spinscope.factchecks.sameclaim`), from :meth:`Retriever.search` the
    re-ranker's that it is *the* fact-check of the claim (for its best candidates, combined
    with the cross-encoder's reading; see :data:`RERANK_THRESHOLD`): the two differ for
    the same pair. ``bm25``: the lexical score (None when the
    lexical search did not propose it; bm25 on SQLite, ts_rank on PostgreSQL);
    ``cosine``: of the two texts' sentence embeddings."""

    id: str
    claim_text: str
    verdict: str
    rating_text: str | None
    claimant: str | None
    review_url: str | None
    review_title: str | None
    publisher: str | None
    review_date: str | None
    source: str
    score: float
    bm25: float | None
    cosine: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def query_text(text: str) -> str:
    """What the encoder sees of a text: links dropped, hashtags split (as the lexical
    search does)."""
    return " ".join(plain_text(text).split())


def reaches_floor(cosines: np.ndarray, floor: float | None) -> bool:
    """Whether a text whose dense candidates have ``cosines`` may have a candidate at
    ``floor`` or above (:meth:`SameClaimModel.min_cosine`), so must be searched.

    The model reads a missing (NaN) cosine as 0, as :func:`~spinscope.factchecks.rerank.features`
    does: a NaN dense cosine cannot reach a positive floor, and is ignored rather than
    making the maximum NaN (which would drop the text's other candidates); a lexical
    candidate without a vector can reach a floor of 0 or less, so such a floor prunes
    nothing. A NaN floor prunes nothing either; ``inf`` prunes every text.
    """
    if floor is None or math.isnan(floor) or floor <= 0.0:
        return True
    known = np.asarray(cosines, dtype=np.float64)
    known = known[~np.isnan(known)]
    return known.size > 0 and float(known.max()) >= floor


class Retriever:
    """Hybrid search over one store (optionally one source of it)."""

    def __init__(
        self,
        store: Store,
        *,
        source: str | None = None,
        encode: dense.Encoder | None = None,
        reranker: Reranker | None = None,
        model: str = MODEL_NAME,
        same_claim_model: SameClaimModel | None = None,
        cross_encoder: CrossEncoder | None = None,
        use_cross_encoder: bool = True,
    ) -> None:
        self.store = store
        self.source = source
        self.model = model
        self._encode = encode
        self.reranker = reranker or shipped_reranker()
        self.same_claim_model = same_claim_model
        self.cross_encoder = cross_encoder
        self.use_cross_encoder = use_cross_encoder

    @classmethod
    def open(
        cls,
        store: Store,
        *,
        source: str | None = None,
        encode: dense.Encoder | None = None,
        notice: Callable[[str], None] | None = None,
    ) -> Self:
        """A retriever on ``store``; fact-checks imported without embeddings (or into
        an older store) are embedded first, after a ``notice``."""
        retriever = cls(store, source=source, encode=encode)
        missing = dense.missing_count(store, model=retriever.model)
        if missing:
            message = (
                f"embedding {missing:,} fact-checks that have no vector yet "
                "(once; `spinscope factchecks reindex` does it ahead)"
            )
            (notice or _log.warning)(message)
            dense.reindex(store, encode=encode, model=retriever.model)
        return retriever

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        encode = self._encode or dense.default_encoder().encode
        return encode([query_text(t) for t in texts])

    def candidates(
        self, texts: Sequence[str], *, min_cosine: float | None = None
    ) -> list[list[Candidate]]:
        """Each text's candidates from both searches, with their component scores.

        With ``min_cosine``, a text whose nearest fact-check (by embeddings) is less
        similar gets no candidates, and its lexical search is not run
        (:func:`reaches_floor`). Not with the approximate (HNSW) index of a large
        knowledge base: it may miss the nearest fact-check, so its best cosine proves
        nothing and every text is searched.
        """
        index = dense.vector_index(self.store, model=self.model, source=self.source)
        vectors = self.encode(texts) if texts else np.zeros((0, index.dim), np.float32)
        pks, cosines = index.search(vectors, DENSE_CANDIDATES)
        floor = None if index.approximate else min_cosine
        near = [reaches_floor(cos, floor) for cos in cosines]
        lexical = [
            lexical_search(self.store, t, k=LEXICAL_CANDIDATES, source=self.source) if ok else []
            for t, ok in zip(texts, near, strict=True)
        ]
        dense_pks = {int(p) for i, row in enumerate(pks) if near[i] for p in row}
        rows = self._rows(dense_pks, {h.id for hits in lexical for h in hits})
        by_id = {row["id"]: pk for pk, row in rows.items()}
        out: list[list[Candidate]] = []
        for i in range(len(texts)):
            if not near[i]:
                out.append([])
                continue
            found: dict[int, Candidate] = {}
            for rank, (pk, cos) in enumerate(zip(pks[i], cosines[i], strict=True), 1):
                if int(pk) in rows:
                    found[int(pk)] = Candidate(int(pk), rows[int(pk)], float(cos), dense_rank=rank)
            lexical_only = []
            for rank, hit in enumerate(lexical[i], 1):
                pk = by_id.get(hit.id)
                if pk is None:
                    continue
                c = found.get(pk)
                if c is None:
                    c = found[pk] = Candidate(pk, rows[pk], float("nan"))
                    lexical_only.append(c)
                c.bm25, c.bm25_rank = hit.score, rank
            if lexical_only:
                cos = index.cosines(vectors[i], [c.pk for c in lexical_only])
                for c, value in zip(lexical_only, cos, strict=True):
                    c.cosine = float(value)
            out.append(list(found.values()))
        return out

    def same_claims(
        self, texts: Sequence[str], k: int = 3, *, min_score: float | None = None
    ) -> list[list[Match]]:
        """For each text (an article's sentence), the fact-checks that address its
        claim: at most ``k``, with :attr:`Match.score` the same-claim model's
        probability (:mod:`~spinscope.factchecks.sameclaim`), at least ``min_score``
        (default: the model's threshold), best first.

        :meth:`search` ranks; this decides what to show, and orders by the same-claim
        probability (the re-ranker is not run). Texts with no fact-check near enough to
        be one skip the lexical search and the model (:meth:`SameClaimModel.min_cosine`).
        """
        model = self.same_claim_model or shipped_model()
        threshold = model.threshold if min_score is None else min_score
        out: list[list[Match]] = []
        floor = model.min_cosine(threshold)
        for text, cands in zip(texts, self.candidates(texts, min_cosine=floor), strict=True):
            if not cands:
                out.append([])
                continue
            same = model.probability(same_claim_features(features(text, cands)))
            order = sorted(range(len(cands)), key=lambda j: (-float(same[j]), cands[j].pk))
            out.append(
                [
                    Match(
                        **cands[j].row,
                        score=float(same[j]),
                        bm25=cands[j].bm25,
                        cosine=float(cands[j].cosine),
                    )
                    for j in order[:k]
                    if same[j] >= threshold
                ]
            )
        return out

    def _cross_scores(self, text: str, cands: Sequence[Candidate], prob: np.ndarray) -> np.ndarray:
        """The hybrid ranking's scores: the re-ranker's best :attr:`CrossEncoder.top`
        candidates re-scored with the cross-encoder (:meth:`CrossEncoder.probability`),
        the others kept below them (their re-ranker probability, capped)."""
        if not self.use_cross_encoder:
            return prob
        xenc = self.cross_encoder or shipped_cross_encoder()
        head = sorted(range(len(cands)), key=lambda j: (-float(prob[j]), cands[j].pk))[: xenc.top]
        sides = [
            claim_side(str(cands[j].row.get("claim_text") or ""), cands[j].row.get("review_title"))
            for j in head
        ]
        rescored = xenc.probability(prob[head], xenc.logits(query_text(text), sides))
        out = np.asarray(prob, dtype=np.float64).copy()
        rest = np.ones(len(cands), dtype=bool)
        rest[head] = False
        # Below every re-scored candidate, so that a ranking by score keeps them first.
        out[rest] = np.minimum(out[rest], np.nextafter(float(rescored.min()), 0.0))
        out[head] = rescored
        return out

    def _rows(self, pks: set[int], ids: set[str]) -> dict[int, dict[str, Any]]:
        if not pks and not ids:
            return {}
        columns = [factchecks.c.pk, *(factchecks.c[c] for c in _COLUMNS)]
        rows: dict[int, dict[str, Any]] = {}
        pk_list, id_list = sorted(pks), sorted(ids)
        with self.store.engine.connect() as conn:
            for start in range(0, max(len(pk_list), len(id_list)), 500):
                a, b = pk_list[start : start + 500], id_list[start : start + 500]
                query = select(*columns).where(or_(factchecks.c.pk.in_(a), factchecks.c.id.in_(b)))
                for r in conn.execute(query).mappings():
                    rows[r["pk"]] = {c: r[c] for c in _COLUMNS}
        return rows

    def search(
        self,
        texts: Sequence[str],
        k: int = 5,
        *,
        min_score: float = 0.0,
        method: Method = Method.hybrid,
    ) -> list[list[Match]]:
        """The ``k`` best fact-checks for each text, best first, with ``score`` ≥
        ``min_score`` (:data:`RERANK_THRESHOLD`: confident matches of a text that has a
        fact-check, as CheckThat!'s tweets do; whether a text has one at all is
        :meth:`same_claims`'s question).

        ``method`` other than hybrid ranks by one search alone (for comparison); the
        score is then the re-ranker's probability, without the cross-encoder.
        """
        out: list[list[Match]] = []
        for text, cands in zip(texts, self.candidates(texts), strict=True):
            if not cands:
                out.append([])
                continue
            prob = self.reranker.probability(features(text, cands))
            if method is Method.hybrid:
                prob = self._cross_scores(text, cands, prob)
            key: list[tuple[float, int]]
            if method is Method.hybrid:
                key = [(-float(p), c.pk) for p, c in zip(prob, cands, strict=True)]
            elif method is Method.bm25:
                key = [(float(c.bm25_rank or 10**9), c.pk) for c in cands]
            else:
                key = [(-c.cosine, c.pk) for c in cands]
            order = sorted(range(len(cands)), key=lambda j: key[j])
            if method is Method.bm25:
                order = [j for j in order if cands[j].bm25_rank]
            elif method is Method.dense:
                order = [j for j in order if cands[j].dense_rank]
            matches = []
            for j in order[:k]:
                if prob[j] < min_score:
                    continue
                c = cands[j]
                matches.append(
                    Match(**c.row, score=float(prob[j]), bm25=c.bm25, cosine=float(c.cosine))
                )
            out.append(matches)
        return out
