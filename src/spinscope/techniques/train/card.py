"""Write ``MODEL_CARD.md`` for the artifact from the measured CV report and benchmark.

``python -m spinscope.techniques.train.card --model DIR --cv cv_report.json
--bench bench.json``
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from spinscope.techniques.definitions import DEFINITIONS, TECHNIQUES
from spinscope.techniques.train.export import sha256


def _f(x: float) -> str:
    return f"{x:.3f}"


def render(model: Path, cv: dict, bench: dict | None, notes: str = "") -> str:
    cfg = json.loads((model / "config.json").read_text())
    inf = cv["inference"]
    args = cfg["train_args"]
    rows = "\n".join(
        f"| {r['fold']} | {r['articles']} | {r['threshold']} | {_f(r['si_precision'])} | "
        f"{_f(r['si_recall'])} | {_f(r['si_f1'])} | {_f(r['tc_micro_f1'])} | "
        f"{_f(r['tc_macro_f1'])} |"
        for r in cv["folds"]
    )
    m = cv["mean"]
    per = cv["pooled_tc"]["per_technique_f1"]
    per_rows = "\n".join(f"| {DEFINITIONS[t].name} (`{t}`) | {_f(per[t])} |" for t in TECHNIQUES)
    files = sorted(p for p in model.iterdir() if p.is_file() and p.name != "MODEL_CARD.md")
    sha_rows = "\n".join(f"| `{p.name}` | {p.stat().st_size:,} | `{sha256(p)}` |" for p in files)
    speed = ""
    if bench:
        speed = (
            f"- {bench['articles_per_s']} articles/s over {bench['articles']} PTC articles "
            f"({bench['chars']:,} characters), `threads={bench['threads']}`, on a "
            f"{bench['cpu_count']}-core AMD EPYC (AVX2, no AVX-512/VNNI) shared with other jobs "
            f"(load average {bench['loadavg'][0]:.1f} at the time); model load "
            f"{bench['load_s']:.2f} s. The int8 encoder alone runs ≈ 4,600 wordpieces/s "
            "here (fp32: ≈ 2,300); a PTC article is ≈ 1,200 wordpieces (× 1.3 for window "
            "overlap), so the encoder bounds the speed at ≈ 3 articles/s on this CPU.\n"
            f"- Artifact size {bench['artifact_bytes'] / 1e6:.1f} MB.\n"
        )
    n_folds = len(cv["folds"])
    n_heads = cfg["onnx_check"].get("heads", 1)
    cwp = args["class_weight_power"]
    mean_row = (
        f"| **mean** | | | {_f(m['si_precision'])} | {_f(m['si_recall'])} | "
        f"**{_f(m['si_f1'])}** | **{_f(m['tc_micro_f1'])}** | {_f(m['tc_macro_f1'])} |"
    )
    return f"""# techniques-v1 — propaganda-technique spans

Span detection and classification of the 14 propaganda techniques of the PTC corpus
(SemEval-2020 Task 11), for the `techniques.v1` component. Runs with onnxruntime +
HF `tokenizers` + numpy (no torch).

## Model

- **Encoder**: `sentence-transformers/all-MiniLM-L6-v2` (6 layers, 384-d), **frozen**,
  exported to ONNX and quantized to int8 with `onnxruntime.quantization.quantize_dynamic`;
  output = hidden states of layers {cfg["encoder_layers"]} concatenated (768-d).
  Base weights sha256 `{cfg["base_sha256"]}` (pinned in training).
- **Windows**: {inf["max_len"]} wordpieces with stride {inf["stride"]} over each content
  range (text outside `boilerplate` spans); each wordpiece takes its features from the
  window where it is most central. No truncation: articles of any length.
  Offsets come from the fast tokenizer and index the original text.
- **Span head (SI)** (`head.onnx`, {n_heads} head(s), logits averaged): LayerNorm →
  Linear({args["dim"]}) → GELU, plus a
  residual Conv1d (kernel 5) → per-wordpiece "inside a propaganda span" logit. Spans are
  runs of wordpieces with probability ≥ {inf["threshold"]} (gaps ≤ {inf["max_gap"]}
  bridged), widened to whole words.
- **Technique head (TC)** (`tc_head.npz`, numpy): linear layer over mean ⊕ max ⊕ first ⊕
  last of the span-head states ⊕ two features: *repetition* (the span's normalised text
  occurs ≥ 2 times in the article) and log length. Softmax with temperature
  {inf["temperature"]} (fitted on out-of-fold predictions). A second technique is
  emitted for the same span when its probability is ≥ {inf["second_label_min"]}.
- **Score** of each (span, technique): `sigmoid(a·logit(span prob) + b·logit(technique
  prob) + c)` with `(a, b, c)` = {[round(x, 4) for x in inf["calib"]]}, fitted by
  logistic regression on out-of-fold predictions; target: a gold span of the same
  technique overlaps the predicted span.
- Training: both heads jointly on cached int8-encoder features (so int8 costs no accuracy
  relative to the numbers below: they *are* the int8 model); {args["epochs"]} epochs
  (first head; the notes below describe the ensemble),
  AdamW lr {args["lr"]}, chunks of {args["chunk"]} wordpieces, batch {args["batch_size"]},
  dropout {args["dropout"]}, class-weighted cross-entropy (weights ∝ frequency^-{cwp}),
  gold spans plus boundary-jittered copies (±2 wordpieces), seed {args["seed"]}.

## Data

PTC v2 (SemEval-2020 Task 11): the 371 labelled news articles of the shared copy,
14 techniques. Research-use data: no article text is shipped in this package.

## Evaluation: {n_folds}-fold article-level cross-validation

Folds: `spinscope.techniques.semeval.folds(ids, k=5, seed=13)`; scorers: the official
SemEval definitions (`semeval.score_si` with merged predictions; TC micro-F1 over gold
spans, an n-label span gets the model's top-n techniques). The SI threshold and the
calibrators of each row are fitted on the *other* folds' out-of-fold predictions
(cross-fitted); the shipped values are fitted on all {n_folds} folds.

| fold | articles | threshold | SI P | SI R | SI F1 | TC micro-F1 | TC macro-F1 |
|---|---|---|---|---|---|---|---|
{rows}
{mean_row}

Calibration (15 equal-width bins, cross-fitted): ECE of the span scores
**{cv["ece_span_scores_crossfit"]:.3f}** over {cv["n_calibration_points"]:,} emitted
(span, technique) pairs; ECE of the top-1 technique probability on gold spans
{cv["ece_tc_top1_crossfit"]:.3f}.

Per-technique TC F1 (pooled out-of-fold, gold spans):

| technique | F1 |
|---|---|
{per_rows}

{notes}
## Speed

{speed}
## Reproduce

```bash
HF_HUB_OFFLINE=1 spinscope train techniques --ptc ../shared/data/ptc --out runs/tech \\
    --heads 8:13,16:14          # both heads, CV report, artifact in runs/tech/artifact
# or step by step (what produced this artifact):
python -m spinscope.techniques.train.encoder --ptc ../shared/data/ptc --out runs/enc
python -m spinscope.techniques.train.train --ptc ../shared/data/ptc \\
    --feats runs/enc/feats-labeled.npz --out runs/tech/fold0 --fold 0   # ... folds 0-4
python -m spinscope.techniques.train.train --ptc ../shared/data/ptc \\
    --feats runs/enc/feats-labeled.npz --out runs/tech/full --fold -1
# head B: same with --epochs 16 --seed 14 --out runs/tech/v11-fold<k> / v11-full
python -m spinscope.techniques.train.report --ptc ../shared/data/ptc \\
    --feats runs/enc/feats-labeled.npz --out runs/tech/cv_report.json \\
    runs/tech/fold0,runs/tech/v11-fold0 ... runs/tech/fold4,runs/tech/v11-fold4
python -m spinscope.techniques.train.export --run runs/tech/full runs/tech/v11-full \\
    --enc runs/enc --cv runs/tech/cv_report.json --out src/spinscope/models/techniques-v1
python -m spinscope.techniques.train.bench --ptc ../shared/data/ptc > runs/tech/bench.json
python -m spinscope.techniques.train.card --model src/spinscope/models/techniques-v1 \\
    --cv runs/tech/cv_report.json --bench runs/tech/bench.json
```

## Files

| file | bytes | sha256 |
|---|---|---|
{sha_rows}

## Licence

Base weights: all-MiniLM-L6-v2, Apache-2.0 (sentence-transformers). The fine-tuned heads
are ours (Apache-2.0, as spinscope). Trained on PTC (research use).

## Limitations

- Frozen encoder: lower SI/TC than a fully fine-tuned transformer would give; English
  news only; the corpus' annotation style (what counts as "loaded language") is learned.
- Splits of these 371 articles flatter TC (shared outlets and topics across folds).
- Scores are calibrated on PTC out-of-fold predictions; other genres shift them.
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True)
    ap.add_argument("--cv", required=True)
    ap.add_argument("--bench", default=None)
    ap.add_argument("--notes", default=None, help="markdown file appended to the eval part")
    a = ap.parse_args()
    model = Path(a.model)
    cv = json.loads(Path(a.cv).read_text())
    bench = json.loads(Path(a.bench).read_text()) if a.bench else None
    notes = Path(a.notes).read_text() if a.notes else ""
    (model / "MODEL_CARD.md").write_text(render(model, cv, bench, notes))


if __name__ == "__main__":
    main()
