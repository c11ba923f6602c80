"""Self-training: label the 165 unlabelled PTC articles with a teacher ensemble.

For each article the teacher's token probabilities become soft targets for the span
head, and its decoded spans whose top technique reaches ``--min-label-prob`` become
technique-head examples. For honest k-fold numbers the teacher of fold k must itself
be trained without fold k (``--teacher runs/t3/a-fold0,runs/t3/b-fold0``). The result
is the ``pseudo`` input of :func:`training.techniques.train.train`.

``python -m training.techniques pseudo --ptc DIR --feats runs/enc3/feats-unlabeled.npz
--teacher A,B --out runs/pseudo/fold0.pkl``
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np

from training.techniques.config import PseudoConfig


def run(a: PseudoConfig) -> dict[str, dict]:
    """Teacher labels of the unlabelled articles: id -> text, token probabilities and
    confident spans; also written to ``a.out`` (pickle)."""
    import torch

    from spinscope.techniques.data import Segment
    from spinscope.techniques.definitions import TECHNIQUES
    from spinscope.techniques.model import ModelConfig, TechniqueModel
    from training.techniques.corpus import read_unlabeled
    from training.techniques.export import ensemble

    torch.set_num_threads(1)
    module, w, b, args, _ = ensemble([Path(x) for x in a.teacher.split(",")])

    def fn(feats: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        with torch.inference_mode():
            lg, h = module(torch.from_numpy(feats), torch.from_numpy(ids))
        return lg.numpy(), h.numpy()

    cfg = ModelConfig(
        threshold=a.threshold,
        max_gap=a.max_gap,
        min_tokens=a.min_tokens,
        tc_context=int(args.get("context", 0)),
    )
    model = TechniqueModel(None, fn, w, b, cfg)
    z = np.load(a.feats)
    out: dict[str, dict] = {}
    n_spans = 0
    for aid, text in read_unlabeled(a.ptc):
        if f"{aid}/feats" not in z.files:
            continue
        seg = Segment(z[f"{aid}/ids"], z[f"{aid}/starts"], z[f"{aid}/ends"])
        enc = model.from_features(
            text, [(0, len(text))], [seg], [np.asarray(z[f"{aid}/feats"], dtype=np.float32)]
        )
        det = model.detect(enc)
        probs = model.classify(enc, [(s, e) for s, e, _ in det])
        spans = [
            (s, e, TECHNIQUES[int(p.argmax())])
            for (s, e, _), p in zip(det, probs, strict=True)
            if p.max() >= a.min_label_prob
        ]
        n_spans += len(spans)
        out[aid] = {"text": text, "probs": enc.probs[0].astype(np.float32), "spans": spans}
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    with open(a.out, "wb") as fh:
        pickle.dump(out, fh)
    print(json.dumps({"articles": len(out), "confident_spans": n_spans}))
    return out
