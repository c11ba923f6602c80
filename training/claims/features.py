"""Candidates and features of the CheckThat! 2020 tweets, as the runtime computes them
(:meth:`spinscope.factchecks.retrieval.Retriever.candidates`)."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from spinscope.factchecks.claim_retrieval import read_qrels, read_queries, source_keys
from spinscope.factchecks.importers import get_importer
from spinscope.factchecks.kb import import_files
from spinscope.factchecks.rerank import FEATURES, Candidate, Reranker, features
from spinscope.factchecks.retrieval import Retriever
from spinscope.store import Store

SOURCE = "ct20"
SPLITS = ("train", "dev")


def without(cands: list[Candidate], drop: set[int]) -> list[Candidate]:
    """The candidates a search would give if the claims ``drop`` (pks) were not in the
    knowledge base: the others, their ranks closed up."""
    kept = [replace(c) for c in cands if c.pk not in drop]
    for rank_of in ("dense_rank", "bm25_rank"):
        ranked = sorted((c for c in kept if getattr(c, rank_of)), key=lambda c: getattr(c, rank_of))
        for rank, c in enumerate(ranked, 1):
            setattr(c, rank_of, rank)
    return kept


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
            # Open world: the same tweets again as if their fact-check were not in the
            # knowledge base (queries len(queries) + qi): every candidate is wrong. In
            # CheckThat! every tweet has a match; in an article most sentences have none,
            # and a re-ranker that only saw the first learns "the top candidate is right".
            absent_x, absent_q = [], []
            for qi, (q, cs) in enumerate(zip(queries, cands, strict=True)):
                relevant = qrels.get(q.id, set())
                xs.append(features(q.text, cs))
                ys += [keys[c.row["id"]] in relevant for c in cs]
                groups += [qi] * len(cs)
                ids += [keys[c.row["id"]] for c in cs]
                rest = without(cs, {c.pk for c in cs if keys[c.row["id"]] in relevant})
                absent_x.append(features(q.text, rest))
                absent_q += [len(queries) + qi] * len(rest)
            arrays[f"{split}_X"] = np.concatenate(xs)
            arrays[f"{split}_y"] = np.asarray(ys, dtype=np.int8)
            arrays[f"{split}_q"] = np.asarray(groups, dtype=np.int32)
            arrays[f"{split}_n"] = np.asarray([len(qrels.get(q.id, ())) for q in queries])
            arrays[f"{split}_absent_X"] = np.concatenate(absent_x)
            arrays[f"{split}_absent_q"] = np.asarray(absent_q, dtype=np.int32)
            found = sum(
                1
                for q, cs in zip(queries, cands, strict=True)
                if qrels.get(q.id, set()) & {keys[c.row["id"]] for c in cs}
            )
            print(f"{split}: relevant claim among the candidates for {found}/{len(queries)}")
    out = work / "features.npz"
    np.savez(out, **arrays)
    return out
