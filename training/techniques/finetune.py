"""Fine-tune the MiniLM encoder jointly with the span and technique heads.

The frozen-encoder recipe (:mod:`.train`) trains heads on cached features; this one
updates the encoder too (lower learning rate than the heads), optionally keeping only
its first ``--keep-layers`` transformer layers (half the layers = half the run-time
cost). Same heads, same losses, same evaluation code path as the runtime
(:class:`~spinscope.techniques.model.TechniqueModel` over a
:class:`~spinscope.techniques.model.FeatureEncoder`), same ``oof.pkl`` for the k-fold
report.

``python -m training.techniques finetune --ptc DIR --out DIR [--fold K]
[--keep-layers 3] [--feat-layers 3] [--epochs 3]``; export the result with
``python -m training.techniques encoder --state OUT/encoder.pt ...``.

Measured on the 2-core CPU box: ≈ 1,100 wordpieces/s for an uncontended 6-layer
training step (≈ 6 min per epoch over 4/5 of PTC; 13 min on a shared CPU). After one
epoch (6 layers, fold 0) SI 0.326 / TC 0.549, below the frozen heads' 0.346 / 0.619:
not adopted on CPU; worth trying on a GPU.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import math
import pickle
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np

from spinscope.techniques.data import CLS_ID, PAD_ID, SEP_ID, encode_ranges, load_tokenizer
from training.techniques.config import FinetuneConfig
from training.techniques.corpus import Article, cv_folds, read_ptc, read_unlabeled
from training.techniques.train import (
    Item,
    base_model_dir,
    build_head,
    check_base,
    chunks,
    class_weights,
    evaluate,
    head_losses,
    runtime_model,
    start_run,
)

log = logging.getLogger("training.techniques.finetune")


def load_encoder(  # type: ignore[no-untyped-def]
    keep_layers: int, state: Path | None = None, attn: str = "eager"
):
    """MiniLM cut to ``keep_layers`` (``attn="eager"`` for export: onnxruntime only fuses
    the eager attention graph; SDPA trains faster and computes the same function)."""
    import torch
    from transformers import BertModel

    base = base_model_dir()
    check_base(base)
    enc = BertModel.from_pretrained(str(base), add_pooling_layer=False, attn_implementation="eager")
    enc.encoder.layer = enc.encoder.layer[:keep_layers]
    enc.config.num_hidden_layers = keep_layers
    if state is not None:
        enc.load_state_dict(torch.load(state, map_location="cpu"))
    return enc


class Featurizer:
    """Concatenated hidden states of ``layers`` (1-based; 0 = embeddings)."""

    def __init__(self, enc, layers: tuple[int, ...]) -> None:  # type: ignore[no-untyped-def]
        self.enc = enc
        self.layers = layers

    def __call__(self, ids, mask):  # type: ignore[no-untyped-def]
        import torch

        hs = self.enc(input_ids=ids, attention_mask=mask, output_hidden_states=True).hidden_states
        return torch.cat([hs[i] for i in self.layers], dim=-1)

    def numpy_fn(self):  # type: ignore[no-untyped-def]
        import torch

        def run(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
            with torch.inference_mode():
                return self(torch.from_numpy(ids), torch.from_numpy(mask)).numpy()

        return run


def make_items(arts: list[Article], tok) -> list[Item]:  # type: ignore[no-untyped-def]
    out = []
    for a in arts:
        segs = encode_ranges(tok, a.text, [(0, len(a.text))])
        if not segs:
            continue
        s = segs[0]
        out.append(
            Item(
                a,
                {"ids": s.ids, "starts": s.starts, "ends": s.ends, "feats": np.zeros((len(s), 0))},
            )
        )
    return out


def collate_ids(batch: list[dict]):  # type: ignore[no-untyped-def]
    import torch

    t = max(len(c["lab"]) for c in batch)
    ids = torch.full((len(batch), t + 2), PAD_ID, dtype=torch.long)
    mask = torch.zeros((len(batch), t + 2), dtype=torch.long)
    lab = torch.full((len(batch), t), -1.0)
    spans = []
    for r, c in enumerate(batch):
        n = len(c["lab"])
        ids[r, 0] = CLS_ID
        ids[r, 1 : n + 1] = torch.from_numpy(c["ids"])
        ids[r, n + 1] = SEP_ID
        mask[r, : n + 2] = 1
        lab[r, :n] = torch.from_numpy(c["lab"])
        spans.extend((r, *s) for s in c["spans"])
    return ids, mask, lab, spans


def featurize_items(items: list[Item], featurizer: Featurizer, tok, stride: int) -> None:  # type: ignore[no-untyped-def]
    """Fill ``item.feats`` with the (current) encoder's features, as at run time."""
    from spinscope.techniques.model import FeatureEncoder

    fe = FeatureEncoder(tok, featurizer.numpy_fn(), max_len=256, stride=stride, batch_size=16)
    for it in items:
        _, feats = fe.features(it.art.text, [(0, len(it.art.text))])
        it.feats = feats[0].astype(np.float32)


def train(args: FinetuneConfig) -> dict:
    """Fine-tune the encoder with the heads; writes ``encoder.pt``, ``head.pt`` and (with a
    held-out fold) ``oof.pkl`` to ``args.out``. Returns the held-out metrics."""
    import torch

    out = start_run(args)
    tok = load_tokenizer(base_model_dir() / "tokenizer.json")
    arts = read_ptc(args.ptc)
    held = set(cv_folds([a.id for a in arts], args.folds)[args.fold]) if args.fold >= 0 else set()
    tr = make_items([a for a in arts if a.id not in held], tok)
    te = make_items([a for a in arts if a.id in held], tok)
    log.info("fold %s: %d train / %d held-out articles", args.fold, len(tr), len(te))
    pseudo: list[Item] = []
    if args.pseudo:
        # Self-training: unlabelled articles with spans predicted by a teacher
        # (``spinscope semeval`` TC output format: id, technique, start, end).
        by_id: dict[str, list[tuple[int, int, str]]] = {}
        for line in Path(args.pseudo).read_text("utf-8").splitlines():
            aid, tech, s, e = line.split("\t")
            by_id.setdefault(aid, []).append((int(s), int(e), tech))
        texts = dict(read_unlabeled(args.ptc))
        pseudo = make_items(
            [Article(k, texts[k], tuple(sorted(v))) for k, v in by_id.items() if k in texts], tok
        )
        log.info("self-training on %d pseudo-labelled articles", len(pseudo))

    counts = Counter(c for it in tr for *_, c in it.spans)
    cw = class_weights(counts, args.class_weight_power)
    feat_layers = tuple(int(x) for x in args.feat_layers.split(","))
    enc = load_encoder(args.keep_layers, attn="sdpa")
    featurizer = Featurizer(enc, feat_layers)
    in_dim = enc.config.hidden_size * len(feat_layers)
    head = build_head(in_dim, args.dim, args.dropout, args.context, False, args.convs, args.rnn)
    opt = torch.optim.AdamW(
        [
            {"params": enc.parameters(), "lr": args.enc_lr},
            {"params": head.parameters(), "lr": args.lr},
        ],
        weight_decay=args.weight_decay,
    )
    rng = random.Random(args.seed)
    size = 254
    n_batches = math.ceil(len(chunks(tr + pseudo, size, random.Random(0), False)) / args.batch_size)
    steps = args.epochs * n_batches
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    bce = torch.nn.BCEWithLogitsLoss(reduction="none")
    ce = torch.nn.CrossEntropyLoss(weight=cw)
    result: dict = {}
    for epoch in range(1, args.epochs + 1):
        enc.train()
        head.train()
        t0 = time.time()
        data = chunks(tr, size, rng, jitter=True)
        for c in chunks(pseudo, size, rng, jitter=False):
            c["pseudo"] = True
            data.append(c)
        rng.shuffle(data)
        tot_t = tot_s = 0.0
        nb = 0
        for k in range(0, len(data), args.batch_size):
            ids, mask, lab, spans = collate_ids(data[k : k + args.batch_size])
            f = featurizer(ids, mask)[:, 1:-1]
            logits, h = head(f, ids[:, 1:-1])
            lt, ls = head_losses(head, logits, h, lab, spans, bce, ce, args.context)
            loss = lt
            if ls is not None:
                loss = loss + args.span_weight * ls
                tot_s += float(ls.detach())
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*enc.parameters(), *head.parameters()], 1.0)
            opt.step()
            sched.step()
            tot_t += float(lt.detach())
            nb += 1
            if nb % 50 == 0:
                log.info(
                    "epoch %d batch %d/%d tok %.4f %.0fs",
                    epoch,
                    nb,
                    n_batches,
                    tot_t / nb,
                    time.time() - t0,
                )
        rec: dict = {
            "epoch": epoch,
            "tok_loss": round(tot_t / nb, 4),
            "span_loss": round(tot_s / nb, 4),
            "seconds": round(time.time() - t0, 1),
        }
        torch.save(enc.state_dict(), out / "encoder.pt")
        torch.save(head.state_dict(), out / "head.pt")
        if te and (epoch % args.eval_every == 0 or epoch == args.epochs):
            enc.eval()
            head.eval()
            featurize_items(te, featurizer, tok, args.stride)
            m, oof = evaluate(runtime_model(head, stride=args.stride, context=args.context), te)
            rec.update(
                si_thr=m["si_best_threshold"],
                si_f1=round(m["si_best"]["f1"], 4),
                si_p=round(m["si_best"]["precision"], 4),
                si_r=round(m["si_best"]["recall"], 4),
                tc_micro=round(m["tc"]["micro_f1"], 4),
                tc_macro=round(m["tc"]["macro_f1"], 4),
            )
            result = m
            with open(out / "oof.pkl", "wb") as fh:
                pickle.dump({"fold": args.fold, "ids": sorted(held), "metrics": m, **oof}, fh)
        log.info("EPOCH %s", json.dumps(rec))
        with open(out / "metrics.jsonl", "a") as fh:
            fh.write(json.dumps(rec) + "\n")
    (out / "args.json").write_text(json.dumps(dataclasses.asdict(args), indent=1))
    if result:
        (out / "eval.json").write_text(json.dumps(result, indent=1))
    return result
