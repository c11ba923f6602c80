"""What a bigger encoder would cost: articles/s of the encoder alone, by model size.

The techniques model must run at >= 10 PTC-size articles/s on 2 CPU cores.
The SemEval-2020 winners used BERT/RoBERTa-base and -large encoders; this benchmark
measures what those *shapes* cost on this machine through exactly the shipped export
path (eager attention -> onnxruntime BERT fusion -> dynamic int8), so design decisions
about the encoder rest on numbers, not guesses.

Speed does not depend on weight values, so every shape is built with random weights
(seeded; no download, no pretrained file needed). Each shape encodes the 165 unlabelled
PTC articles' real wordpiece counts as windows of 256 without overlap (the shipped
windowing), best of ``--repeats`` passes over ``--windows`` windows, then the rate is
scaled to whole articles: ``articles/s = wordpieces/s ÷ mean wordpieces per article``.
The encoder is only part of the component (token head, decoding and technique head add
≈ 10-20 %), so these are upper bounds for the component's speed.

Usage::

    .venv/bin/python bench/encoder_sizes.py [--ptc ../shared/data/ptc] [--no-doc]

Needs the ``train`` extra (torch, transformers) to build the shapes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SPINSCOPE_SHARED", ROOT.parent / "shared"))
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:encoder_sizes:begin -->", "<!-- bench:encoder_sizes:end -->"

#: name -> (layers, hidden, heads, intermediate, note)
SHAPES: dict[str, tuple[int, int, int, int, str]] = {
    "minilm-l3": (3, 384, 12, 1536, "shipped (techniques-v2): MiniLM-L6 cut to 3 layers"),
    "minilm-l6": (6, 384, 12, 1536, "all-MiniLM-L6-v2, all layers (techniques-v1 depth)"),
    "base-12": (12, 768, 12, 3072, "BERT/RoBERTa-base shape"),
    "large-24": (24, 1024, 16, 4096, "BERT/RoBERTa-large shape (SemEval-2020 winners)"),
}
WINDOW = 256


def build_onnx(shape: tuple[int, int, int, int, str], out: Path) -> Path:
    """Random-weight BERT of ``shape`` -> fused int8 ONNX (the shipped export path)."""
    import torch
    from transformers import BertConfig, BertModel

    if str(ROOT) not in sys.path:  # the training package lives at the repository root
        sys.path.insert(0, str(ROOT))
    from training.techniques.encoder import export_onnx, fuse_and_quantize

    layers, hidden, heads, inter, _ = shape
    torch.manual_seed(0)
    cfg = BertConfig(
        num_hidden_layers=layers,
        hidden_size=hidden,
        num_attention_heads=heads,
        intermediate_size=inter,
        vocab_size=30522,
        max_position_embeddings=512,
        attn_implementation="eager",
    )
    model = BertModel(cfg, add_pooling_layer=False).eval()

    class Wrap(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.m = model

        def forward(self, ids, mask):  # type: ignore[no-untyped-def]
            return self.m(input_ids=ids, attention_mask=mask).last_hidden_state

    fp32 = out / "fp32.onnx"
    export_onnx(Wrap().eval(), fp32)
    return fuse_and_quantize(fp32, out, num_heads=heads, hidden_size=hidden, layers=layers)


def wordpieces_per_article(ptc: Path) -> list[int]:
    """Wordpiece count of every unlabelled PTC article (the shipped tokenizer)."""
    from spinscope.techniques.data import load_tokenizer

    tok_path = ROOT / "src" / "spinscope" / "models" / "techniques-v2" / "tokenizer.json"
    tok = load_tokenizer(tok_path)
    texts = [p.read_text("utf-8") for p in sorted((ptc / "unlabeled").glob("*.txt"))]
    return [len(tok.encode(t, add_special_tokens=False).ids) for t in texts]


def measure(path: Path, n_windows: int, repeats: int, threads: int) -> float:
    """Wordpieces/s of the encoder at ``path`` on full windows, batch 16 (best pass)."""
    import numpy as np
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])
    rng = np.random.default_rng(0)
    ids = rng.integers(1000, 29000, size=(n_windows, WINDOW), dtype=np.int64)
    mask = np.ones_like(ids)
    sess.run(None, {"input_ids": ids[:2], "attention_mask": mask[:2]})  # warm-up
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for k in range(0, n_windows, 16):
            sess.run(None, {"input_ids": ids[k : k + 16], "attention_mask": mask[k : k + 16]})
        best = min(best, time.perf_counter() - t0)
    return n_windows * (WINDOW - 2) / best


def section(rows: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    ship = next(r for r in rows if r["shape"] == "minilm-l3")
    lines = [
        BEGIN,
        "## Encoder size vs speed (techniques)",
        "",
        f"Measured {meta['date']} on {meta['machine']}, {meta['threads']} onnxruntime "
        f"threads; command: `{meta['command']}`. Random weights of each shape through the "
        "shipped export path (fused attention, int8 dynamic), windows of 256; article rate "
        f"= wordpieces/s ÷ {meta['mean_wordpieces']:.0f} (mean wordpieces of the 165 "
        "unlabelled PTC articles). Encoder only: an upper bound for the component.",
        "",
        "| shape | layers × hidden | int8 MB | wordpieces/s | articles/s (encoder only) "
        "| × shipped |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['shape']}: {r['note']} | {r['layers']} × {r['hidden']} | {r['mb']:.0f} "
            f"| {r['wordpieces_per_s']:,.0f} | {r['articles_per_s']:.2f} "
            f"| {r['wordpieces_per_s'] / ship['wordpieces_per_s']:.2f} |"
        )
    lines += ["", END]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ptc", type=Path, default=SHARED / "data" / "ptc")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--windows", type=int, default=64, help="windows timed per shape")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--no-doc", action="store_true")
    a = ap.parse_args(argv)
    if not (a.ptc / "unlabeled").is_dir():
        print(f"skip: {a.ptc / 'unlabeled'} not found")
        return 0
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError:
        print("skip: needs the train extra (pip install -e .[train])")
        return 0
    sys.path.insert(0, str(ROOT / "bench"))
    from techniques import machine, update_doc

    counts = wordpieces_per_article(a.ptc)
    mean_wp = sum(counts) / len(counts)
    rows = []
    for name in a.shapes.split(","):
        shape = SHAPES[name]
        with tempfile.TemporaryDirectory() as tmp:
            q = build_onnx(shape, Path(tmp))
            mb = q.stat().st_size / 1e6
            # Larger shapes get fewer windows so that the run stays short.
            n = max(16, a.windows * 384 * 3 // (shape[1] * shape[0]) // 16 * 16)
            n = min(n, a.windows)
            wps = measure(q, n, a.repeats, a.threads)
        row = {
            "shape": name,
            "note": shape[4],
            "layers": shape[0],
            "hidden": shape[1],
            "mb": mb,
            "windows": n,
            "wordpieces_per_s": wps,
            "articles_per_s": wps / mean_wp,
        }
        print(json.dumps(row), flush=True)
        rows.append(row)
    m = machine()
    meta = {
        "date": dt.date.today().isoformat(),
        "machine": f"{m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB, "
        f"load {m['load_1min_at_start']} at start",
        "threads": a.threads,
        "command": ".venv/bin/python bench/encoder_sizes.py",
        "mean_wordpieces": mean_wp,
    }
    if not a.no_doc:
        update_doc(a.doc, section(rows, meta), BEGIN, END, heading=None)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
