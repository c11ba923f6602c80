"""Measure a sentence encoder (frozen or fine-tuned, torch fp32) on the two tasks it serves.

* Claim retrieval: dense MAP@5 of the CheckThat! 2020 dev tweets over all 10,375 verified
  claims (cosine ranking, scored as :mod:`spinscope.factchecks.claim_retrieval` does).
* Same claim: how well the cosine alone separates ``same`` from ``related``/``no`` on the
  annotated article-sentence/fact-check pairs of ``bench/devsets/claim-matches.jsonl``
  (weighted ROC AUC, and weighted recall at the lowest threshold reaching weighted
  precision 0.85), the fact-check texts looked up by id in a knowledge-base store.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from training.embeddings.finetune import (
    CT20,
    encode_all,
    map_at_5,
    split_queries,
    tokenizer,
    verified_claims,
)
from training.options import option

DEVSET = Path("bench/devsets/claim-matches.jsonl")


@dataclass(kw_only=True)
class EvaluateConfig:
    state: Path | None = option(None, help="fine-tuned encoder.pt (default: the frozen base)")
    data: Path = option(CT20, help="CheckThat! 2020 Task 2 folder")
    kb: Path = option(help="SQLite knowledge-base store holding the devset's fact-checks")
    devset: Path = option(DEVSET, help="annotated sentence/fact-check pairs")
    shared: Path = option(Path("../shared"), help="shared folder (article texts)")
    threads: int = option(2, help="torch threads")


def _pair_texts(cfg: EvaluateConfig) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """(sentences, fact-check claim texts, is-same labels, weights) of the devset."""
    from spinscope.factchecks.retrieval import query_text
    from training.claims.sameclaim import article_text

    rows = [json.loads(line) for line in cfg.devset.read_text("utf-8").splitlines() if line]
    con = sqlite3.connect(f"file:{cfg.kb}?mode=ro", uri=True)
    ids = sorted({r["claim_id"] for r in rows})
    found = dict(
        con.execute(
            f"select id, claim_text from factchecks where id in ({','.join('?' * len(ids))})", ids
        ).fetchall()
    )
    docs: dict[str, str] = {}
    sents, facts, ys, ws = [], [], [], []
    for r in rows:
        if r["claim_id"] not in found:
            continue
        if r["doc"] not in docs:
            docs[r["doc"]] = article_text(cfg.shared, r["doc"])
        s, e = r["sentence"]
        sents.append(query_text(docs[r["doc"]][s:e]))
        facts.append(query_text(found[r["claim_id"]]))
        ys.append(r["label"] == "same")
        ws.append(float(r["weight"]))
    return sents, facts, np.asarray(ys, dtype=int), np.asarray(ws)


def evaluate(cfg: EvaluateConfig) -> dict[str, Any]:
    """Both measurements of the encoder ``cfg.state`` (or of the frozen base model)."""
    import torch
    from sklearn.metrics import roc_auc_score

    from training.claims.sameclaim import PRECISION, operating_point
    from training.techniques.finetune import load_encoder

    torch.set_num_threads(cfg.threads)
    tok = tokenizer()  # type: ignore[no-untyped-call]
    enc = load_encoder(6, cfg.state).eval()
    claims = verified_claims(cfg.data)
    cids = list(claims)
    queries, qrels = split_queries(cfg.data, "dev")
    qids = [q for q in queries if q in qrels]
    cvec = encode_all(enc, tok, [claims[c] for c in cids])
    qvec = encode_all(enc, tok, [queries[q] for q in qids])
    report: dict[str, Any] = {"dev_tweets": len(qids)}
    report["dev_dense_map5"] = round(map_at_5(qvec, qids, cvec, cids, qrels), 4)

    sents, facts, y, w = _pair_texts(cfg)
    cos = np.sum(encode_all(enc, tok, sents) * encode_all(enc, tok, facts), axis=1)
    t, p, r, _ = operating_point(cos, y, w, PRECISION)
    report |= {
        "pairs": len(y),
        "same": int(y.sum()),
        "pairs_weighted_auc": round(float(roc_auc_score(y, cos, sample_weight=w)), 4),
        "pairs_unweighted_auc": round(float(roc_auc_score(y, cos)), 4),
        f"pairs_recall_at_p{PRECISION}": {
            "threshold": t,
            "precision": round(p, 3),
            "recall": round(r, 3),
        },
        "cosine_same_mean": round(float(np.average(cos[y == 1], weights=w[y == 1])), 3),
        "cosine_other_mean": round(float(np.average(cos[y == 0], weights=w[y == 0])), 3),
    }
    return report
