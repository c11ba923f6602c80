"""Retrieval by meaning: sentence embeddings of the fact-checks, stored once, searched
in memory.

Each fact-check's claim text is embedded once (at import, or later by :func:`reindex`)
and stored in ``factcheck_embeddings`` as float16 bytes, with the hash of the text it
embeds: a re-import that keeps a claim's text keeps its vector.

A search loads the vectors of the store into a :class:`VectorIndex` once per process
(:func:`vector_index`, cached, reloaded when the stored embeddings change) and ranks them
by cosine: exact (one matrix product, numpy) up to :data:`ANN_THRESHOLD` vectors; above,
an HNSW graph (usearch), since an exact product over a million vectors costs ≈ 0.4 s a
query on two cores. usearch rather than hnswlib: it is maintained (hnswlib's last
release is from 2023), stores float16 vectors (half the memory), and saves/loads an
index from one file, which :class:`VectorIndex` keeps next to an SQLite store.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Connection, delete, func, insert, select

from spinscope.embeddings import MODEL_NAME, SentenceEncoder, shared_encoder
from spinscope.store import Store
from spinscope.store.schema import factcheck_embeddings, factchecks

__all__ = [
    "ANN_THRESHOLD",
    "VectorIndex",
    "embed_rows",
    "missing_count",
    "reindex",
    "text_hash",
    "vector_index",
]

#: Above this many vectors the search is approximate (HNSW), below it exact.
ANN_THRESHOLD = 100_000

#: Rows embedded per transaction by :func:`reindex`.
REINDEX_BATCH = 500

#: Stored vector type: float16 halves the table and the index; the cosines it gives
#: differ from float32's by < 1e-3, far below what separates a match from a non-match.
STORED_DTYPE = np.float16

Encoder = Callable[[Sequence[str]], np.ndarray]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _encoder() -> Encoder:
    return shared_encoder().encode


def embed_rows(
    conn: Connection,
    rows: Sequence[tuple[int, str]],
    *,
    encode: Encoder | None = None,
    model: str = MODEL_NAME,
) -> int:
    """Embed ``(factcheck pk, claim text)`` rows whose stored vector is missing or of
    another text, within ``conn``'s transaction; returns how many were embedded."""
    if not rows:
        return 0
    hashes = {pk: text_hash(t) for pk, t in rows}
    stored: dict[int, str] = {}
    pks = list(hashes)
    for start in range(0, len(pks), 500):
        chunk = pks[start : start + 500]
        query = select(factcheck_embeddings.c.factcheck_pk, factcheck_embeddings.c.text_hash).where(
            factcheck_embeddings.c.factcheck_pk.in_(chunk),
            factcheck_embeddings.c.model == model,
        )
        stored.update({r.factcheck_pk: r.text_hash for r in conn.execute(query)})
    todo = [(pk, t) for pk, t in rows if stored.get(pk) != hashes[pk]]
    if not todo:
        return 0
    forget(conn.engine.url.render_as_string(hide_password=False))
    vectors = (encode or _encoder())([t for _, t in todo]).astype(STORED_DTYPE)
    stale = [pk for pk, _ in todo if pk in stored]
    if stale:
        conn.execute(
            delete(factcheck_embeddings).where(factcheck_embeddings.c.factcheck_pk.in_(stale))
        )
    now = datetime.now(UTC)
    conn.execute(
        insert(factcheck_embeddings),
        [
            {
                "factcheck_pk": pk,
                "model": model,
                "text_hash": hashes[pk],
                "vector": vectors[i].tobytes(),
                "embedded_at": now,
            }
            for i, (pk, _) in enumerate(todo)
        ],
    )
    return len(todo)


def _missing_query(model: str) -> Any:
    has = select(factcheck_embeddings.c.factcheck_pk).where(
        factcheck_embeddings.c.model == model,
        factcheck_embeddings.c.factcheck_pk == factchecks.c.pk,
    )
    return ~has.exists()


def missing_count(store: Store, *, model: str = MODEL_NAME) -> int:
    """Fact-checks without a vector of ``model`` (imported without embeddings, or
    before the store had them)."""
    with store.engine.connect() as conn:
        return int(
            conn.execute(
                select(func.count()).select_from(factchecks).where(_missing_query(model))
            ).scalar_one()
        )


def reindex(
    store: Store,
    *,
    encode: Encoder | None = None,
    model: str = MODEL_NAME,
    batch_size: int = REINDEX_BATCH,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Embed every fact-check that has no vector yet; returns how many. Each batch is
    its own transaction, so an interrupted reindex keeps what it did."""
    done = 0
    while True:
        with store.engine.begin() as conn:
            rows = conn.execute(
                select(factchecks.c.pk, factchecks.c.claim_text)
                .where(_missing_query(model))
                .order_by(factchecks.c.pk)
                .limit(batch_size)
            ).all()
            if not rows:
                return done
            done += embed_rows(
                conn, [(r.pk, r.claim_text) for r in rows], encode=encode, model=model
            )
        if progress:
            progress(done)


@dataclass(frozen=True)
class Fingerprint:
    """What changes whenever the stored vectors of a model change."""

    count: int
    last: str | None


def fingerprint(store: Store, model: str = MODEL_NAME) -> Fingerprint:
    with store.engine.connect() as conn:
        count, last = conn.execute(
            select(func.count(), func.max(factcheck_embeddings.c.embedded_at)).where(
                factcheck_embeddings.c.model == model
            )
        ).one()
    return Fingerprint(int(count), str(last) if last is not None else None)


class VectorIndex:
    """Unit vectors of one store's fact-checks (optionally of one source), searched by
    cosine: exact below :data:`ANN_THRESHOLD` vectors, HNSW above."""

    def __init__(
        self,
        pks: np.ndarray,
        vectors: np.ndarray,
        *,
        fingerprint: Fingerprint | None = None,
        ann_threshold: int = ANN_THRESHOLD,
        ann_path: Path | None = None,
    ) -> None:
        self.pks = np.asarray(pks, dtype=np.int64)
        self.fingerprint = fingerprint
        self._row = {int(pk): i for i, pk in enumerate(self.pks)}
        self.dim = int(vectors.shape[1]) if vectors.ndim == 2 else 0
        self._ann: Any = None
        self._matrix: np.ndarray | None = None
        if len(self.pks) > ann_threshold:
            self._ann = _ann_index(self.pks, vectors, ann_path, fingerprint)
        else:
            self._matrix = np.ascontiguousarray(vectors, dtype=np.float32)

    def __len__(self) -> int:
        return len(self.pks)

    @property
    def approximate(self) -> bool:
        return self._ann is not None

    def search(self, queries: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
        """``(pks, cosines)``, each ``(len(queries), min(n, len(self)))``, best first."""
        q = np.ascontiguousarray(queries, dtype=np.float32)
        n = min(n, len(self))
        if n <= 0 or len(q) == 0:
            empty = np.zeros((len(q), 0))
            return empty.astype(np.int64), empty.astype(np.float32)
        if self._ann is not None:
            found = self._ann.search(q, n)
            keys = np.asarray(found.keys, dtype=np.int64).reshape(len(q), -1)
            cos = 1.0 - np.asarray(found.distances, dtype=np.float32).reshape(len(q), -1)
            return keys, cos
        assert self._matrix is not None
        sims = q @ self._matrix.T
        top = np.argpartition(-sims, n - 1, axis=1)[:, :n] if n < sims.shape[1] else None
        if top is None:
            top = np.broadcast_to(np.arange(sims.shape[1]), sims.shape).copy()
        top_sims = np.take_along_axis(sims, top, axis=1)
        # Ties by pk, so that a ranking does not depend on partition order.
        order = np.lexsort((self.pks[top], -top_sims), axis=1)
        top = np.take_along_axis(top, order, axis=1)
        return self.pks[top], np.take_along_axis(sims, top, axis=1)

    def cosines(self, query: np.ndarray, pks: Iterable[int]) -> np.ndarray:
        """Cosine of ``query`` with each of ``pks`` (NaN for a pk without vector)."""
        pks = list(pks)
        out = np.full(len(pks), np.nan, dtype=np.float32)
        known = [(i, self._row[pk]) for i, pk in enumerate(pks) if pk in self._row]
        if not known:
            return out
        rows = np.asarray([r for _, r in known])
        if self._matrix is not None:
            vecs = self._matrix[rows]
        else:
            vecs = np.asarray(self._ann.get(self.pks[rows]), dtype=np.float32)
        out[[i for i, _ in known]] = vecs @ np.asarray(query, dtype=np.float32)
        return out


def _ann_index(
    pks: np.ndarray, vectors: np.ndarray, path: Path | None, fp: Fingerprint | None
) -> Any:
    from usearch.index import Index

    meta = path.with_suffix(path.suffix + ".json") if path is not None else None
    stamp = json.dumps({"count": fp.count, "last": fp.last} if fp else None)
    if (
        path is not None
        and meta is not None
        and path.is_file()
        and meta.is_file()
        and meta.read_text("utf-8") == stamp
    ):
        return Index.restore(str(path), view=False)
    # Wider than usearch's defaults (16 / 128 / 64): sentence vectors are high-dimensional
    # and the right fact-check must not be lost to the graph's shortcuts; one thread
    # builds the same graph every time.
    index = Index(
        ndim=vectors.shape[1],
        metric="ip",
        dtype="f16",
        connectivity=32,
        expansion_add=256,
        expansion_search=256,
    )
    index.add(pks, np.ascontiguousarray(vectors, dtype=np.float32), threads=1)
    if path is not None and meta is not None and fp is not None:
        index.save(str(path))
        meta.write_text(stamp, "utf-8")
    return index


def load_vectors(
    store: Store, *, model: str = MODEL_NAME, source: str | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """``(pks, float32 vectors)`` of the stored embeddings, by pk."""
    query = (
        select(factcheck_embeddings.c.factcheck_pk, factcheck_embeddings.c.vector)
        .where(factcheck_embeddings.c.model == model)
        .order_by(factcheck_embeddings.c.factcheck_pk)
    )
    if source is not None:
        query = query.join(
            factchecks, factchecks.c.pk == factcheck_embeddings.c.factcheck_pk
        ).where(factchecks.c.source == source)
    with store.engine.connect() as conn:
        rows = conn.execute(query).all()
    if not rows:
        return np.zeros(0, dtype=np.int64), np.zeros((0, 0), dtype=np.float32)
    pks = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    blob = b"".join(r[1] for r in rows)
    vectors = np.frombuffer(blob, dtype=STORED_DTYPE).reshape(len(rows), -1).astype(np.float32)
    return pks, vectors


def _ann_path(store: Store, model: str, source: str | None) -> Path | None:
    """Next to an SQLite file; elsewhere (PostgreSQL) the graph is rebuilt on load."""
    url = store.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    suffix = f".{model}" + (f".{text_hash(source)[:12]}" if source else "") + ".usearch"
    return Path(str(url.database) + suffix)


#: Seconds a loaded index is trusted before the stored fingerprint is read again: a
#: change made by another process shows within this delay; this process's own writes
#: drop the cached index at once (:func:`forget`). Reading the fingerprint costs a scan
#: of the table (tens of ms at a million rows), too much for every search.
RECHECK_SECONDS = 1.0

_CACHE: dict[tuple[str, str, str | None], tuple[VectorIndex, float]] = {}
_LOCK = threading.Lock()


def forget(url: str) -> None:
    """Drop the cached indexes of the store at ``url`` (its vectors are changing)."""
    with _LOCK:
        for key in [k for k in _CACHE if k[0] == url]:
            del _CACHE[key]


def vector_index(
    store: Store,
    *,
    model: str = MODEL_NAME,
    source: str | None = None,
    ann_threshold: int = ANN_THRESHOLD,
) -> VectorIndex:
    """The store's vectors as an index, loaded once per process and reloaded when the
    stored embeddings change (see :data:`RECHECK_SECONDS`)."""
    key = (store.engine.url.render_as_string(hide_password=False), model, source)
    with _LOCK:
        cached, checked = _CACHE.get(key, (None, 0.0))
        if cached is not None and time.monotonic() - checked < RECHECK_SECONDS:
            return cached
    current = fingerprint(store, model)
    with _LOCK:
        if cached is not None and cached.fingerprint == current:
            _CACHE[key] = (cached, time.monotonic())
            return cached
        pks, vectors = load_vectors(store, model=model, source=source)
        index = VectorIndex(
            pks,
            vectors,
            fingerprint=current,
            ann_threshold=ann_threshold,
            ann_path=_ann_path(store, model, source),
        )
        _CACHE[key] = (index, time.monotonic())
        return index


def default_encoder() -> SentenceEncoder:
    return shared_encoder()
