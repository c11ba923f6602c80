"""Candidates and features of the CheckThat! 2020 tweets, as the runtime computes them
(:meth:`spinscope.factchecks.retrieval.Retriever.candidates`)."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from spinscope.factchecks.claim_retrieval import read_qrels, read_queries, source_keys
from spinscope.factchecks.importers import get_importer
from spinscope.factchecks.kb import import_files
from spinscope.factchecks.rerank import FEATURES, Reranker, features
from spinscope.factchecks.retrieval import Retriever
from spinscope.store import Store

SOURCE = "ct20"
SPLITS = ("train", "dev")


def _placeholder() -> Reranker:
    n = len(FEATURES)
    zeros = np.zeros(n)
    return Reranker(FEATURES, zeros, np.ones(n), zeros, 0.0, {})


def build(data: Path, work: Path) -> Path:
    """Write ``work/features.npz``: per split, X, y (relevant), query index, and the
    candidates' claim ids."""
    db = work / "kb.db"
    arrays: dict[str, np.ndarray] = {}
    with Store.open(f"sqlite:///{db}") as store:
        t0 = time.perf_counter()
        summary = import_files(store, [data / "verified_claims.docs.tsv"], get_importer("ct20"))
        print(
            f"kb: {summary.stored} claims ({summary.embedded} embedded) in "
            f"{time.perf_counter() - t0:.0f} s"
        )
        keys = source_keys(store, SOURCE)
        retriever = Retriever(store, source=SOURCE, reranker=_placeholder())
        for split in SPLITS:
            queries = read_queries(data / split / "tweets.queries.tsv")
            qrels = read_qrels(data / split / "tweet-vclaim-pairs.qrels")
            t0 = time.perf_counter()
            cands = retriever.candidates([q.text for q in queries])
            print(f"{split}: {len(queries)} tweets in {time.perf_counter() - t0:.0f} s")
            xs, ys, groups, ids = [], [], [], []
            for qi, (q, cs) in enumerate(zip(queries, cands, strict=True)):
                relevant = qrels.get(q.id, set())
                xs.append(features(q.text, cs))
                ys += [keys[c.row["id"]] in relevant for c in cs]
                groups += [qi] * len(cs)
                ids += [keys[c.row["id"]] for c in cs]
            arrays[f"{split}_X"] = np.concatenate(xs)
            arrays[f"{split}_y"] = np.asarray(ys, dtype=np.int8)
            arrays[f"{split}_q"] = np.asarray(groups, dtype=np.int32)
            arrays[f"{split}_n"] = np.asarray([len(qrels.get(q.id, ())) for q in queries])
            found = sum(
                1
                for q, cs in zip(queries, cands, strict=True)
                if qrels.get(q.id, set()) & {keys[c.row["id"]] for c in cs}
            )
            print(f"{split}: relevant claim among the candidates for {found}/{len(queries)}")
    out = work / "features.npz"
    np.savez(out, **arrays)
    return out
