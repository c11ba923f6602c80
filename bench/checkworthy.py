"""Check-worthiness benchmark: CheckThat! 2024 Task 1 English with the shipped
``checkworthy-v1`` model, and what the ``checkworthy.v1`` component adds to ``analyze``.

* Quality: F1 of ``Yes`` (the task's figure), precision, recall, accuracy on dev-test
  with the shipped model through the run-time code (what ``spinscope checkthat
  checkworthy`` writes). The cross-validation and dev figures are the ones training
  recorded in the model's ``config.json`` (``python -m training.checkworthy train``
  recomputes them; they need scikit-learn and minutes of CPU, so they are not redone here).
* Speed: sentences/s of the model on the dev and dev-test sentences (best of
  ``--repeats`` passes after a warm-up), and per article on PTC's unlabelled articles:
  the default pipeline with and without ``checkworthy.v1`` at its end, timed in
  alternation in this process (same load on the machine for both).

Results go to the ``checkworthy`` section of ``docs/benchmarks.md``.

Usage::

    .venv/bin/python bench/checkworthy.py [--data ../shared/data] [--articles 40] [--no-doc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from techniques import SHARED, machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:checkworthy:begin -->", "<!-- bench:checkworthy:end -->"


def quality(data: Path) -> dict[str, Any]:
    from spinscope.checkworthy.component import load_model
    from spinscope.checkworthy.metrics import score
    from spinscope.checkworthy.tsv import read_rows, unquote

    model = load_model()
    rows = read_rows(data / "CT24_checkworthy_english_dev-test.tsv", need_text=True)
    probs = model.predict_proba([unquote(r.text or "") for r in rows])
    gold = {r.id: r.positive for r in rows}
    pred = {r.id: bool(p >= model.threshold) for r, p in zip(rows, probs, strict=True)}
    return {"dev_test": score(gold, pred).as_dict(), "threshold": model.threshold}


def speed(data: Path, repeats: int) -> dict[str, Any]:
    from spinscope.checkworthy.component import load_model
    from spinscope.checkworthy.tsv import read_rows, unquote

    model = load_model()
    texts = [
        unquote(r.text or "")
        for split in ("dev", "dev-test")
        for r in read_rows(data / f"CT24_checkworthy_english_{split}.tsv", need_text=True)
    ]
    model.predict_proba(texts[:20])
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        model.predict_proba(texts)
        best = min(best, time.perf_counter() - t0)
    return {"sentences": len(texts), "sentences_per_s": round(len(texts) / best, 1)}


def overhead(ptc: Path, n_articles: int, repeats: int) -> dict[str, Any] | None:
    from spinscope import Document, Pipeline
    from spinscope.config import load_config
    from spinscope.techniques.semeval import read_articles

    unlabeled = ptc / "unlabeled"
    if not unlabeled.is_dir():
        return None
    articles = dict(sorted(read_articles(unlabeled).items())[:n_articles])
    base = list(load_config().pipeline.components)
    pipes = {"default": Pipeline(base).load(), "with": Pipeline([*base, "checkworthy.v1"]).load()}

    def run(nlp: Any) -> tuple[float, int]:
        t0 = time.perf_counter()
        n = 0
        for doc in nlp.pipe([Document(t, id=a) for a, t in articles.items()]):
            n += len(doc.group("checkworthy"))
        return time.perf_counter() - t0, n

    for nlp in pipes.values():  # warm-up: models loaded, caches filled
        nlp(Document(next(iter(articles.values()))))
    best = {k: float("inf") for k in pipes}
    sentences = 0
    for _ in range(repeats):
        for name, nlp in pipes.items():
            seconds, n = run(nlp)
            best[name] = min(best[name], seconds)
            sentences = max(sentences, n)
    per = {k: 1000 * v / len(articles) for k, v in best.items()}
    return {
        "articles": len(articles),
        "sentences": sentences,
        "components": base,
        "default_ms": round(per["default"], 1),
        "with_ms": round(per["with"], 1),
        "added_pct": round(100 * (per["with"] - per["default"]) / per["default"], 1),
    }


def recorded() -> dict[str, Any]:
    from spinscope.checkworthy.model import default_model_dir

    config = json.loads((default_model_dir() / "config.json").read_text("utf-8"))
    return dict(config["metrics"])


def _row(name: str, s: dict[str, Any]) -> str:
    return (
        f"| {name} | {s['f1']:.3f} | {s['precision']:.3f} | {s['recall']:.3f} "
        f"| {s['accuracy']:.3f} |"
    )


def section(results: dict[str, Any], meta: dict[str, Any]) -> str:
    cv, rec = results["recorded"]["cv_train_dev"], results["recorded"]
    sp, ov = results["speed"], results["overhead"]
    lines = [
        BEGIN,
        "",
        f"- date: {meta['date']}",
        f"- machine: {meta['nproc']} CPUs, {meta['cpu']}, {meta['ram_gib']} GiB RAM, "
        f"Python {meta['python']} (1-min load {meta['load_1min_at_start']} at start)",
        "- command: `.venv/bin/python bench/checkworthy.py` (dev-test and speed measured "
        "now; CV and dev as recorded by `python -m training.checkworthy train` in the "
        "model's config.json)",
        "- the same run from the command line: `spinscope checkthat checkworthy "
        "CT24_checkworthy_english_dev-test.tsv -o run.tsv` then `spinscope checkthat "
        "score-checkworthy CT24_checkworthy_english_dev-test.tsv run.tsv`",
        "",
        f"F1, precision and recall of `Yes`; threshold {results['quality']['threshold']:.2f} "
        "(chosen on the CV probabilities).",
        "",
        "| evaluation | F1 | precision | recall | accuracy |",
        "|---|--:|--:|--:|--:|",
        _row(f"{cv['folds']}-fold CV on train+dev, whole debates held out", cv),
        _row("dev, out of fold (part of the CV above)", rec["dev_out_of_fold"]),
        _row("dev-test (shipped model, fit on train+dev)", results["quality"]["dev_test"]),
        "",
        f"CV F1 per fold {cv['f1_fold_mean']:.3f} ± {cv['f1_fold_sd']:.3f}. Views alone "
        "(CV F1): " + ", ".join(f"{name} {v['f1']:.3f}" for name, v in cv["views"].items()) + ".",
        "",
        f"Speed: {sp['sentences_per_s']:,.0f} sentences/s ({sp['sentences']:,} dev and "
        "dev-test sentences, one process; the MiniLM sentence vector is most of it).",
    ]
    if ov is not None:
        lines += [
            "",
            f"`analyze` per article ({ov['articles']} PTC unlabelled articles, "
            f"{ov['sentences']:,} sentences): default pipeline {ov['default_ms']:.0f} ms, "
            f"with `checkworthy.v1` {ov['with_ms']:.0f} ms (**+{ov['added_pct']:.0f} %**).",
        ]
    lines += ["", END]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data")
    ap.add_argument("--articles", type=int, default=40, help="PTC articles for the overhead")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    cw = args.data / "checkworthy"
    if not (cw / "CT24_checkworthy_english_dev-test.tsv").is_file():
        print(f"skip: no data at {cw}", file=sys.stderr)
        return 0
    meta = machine()
    meta["date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    results = {
        "quality": quality(cw),
        "recorded": recorded(),
        "speed": speed(cw, args.repeats),
        "overhead": overhead(args.data / "ptc", args.articles, args.repeats),
    }
    if args.json:
        print(json.dumps(results, indent=2))
    text = section(results, meta)
    print(text)
    if not args.no_doc:
        update_doc(args.doc, text, BEGIN, END, heading="## Check-worthiness")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
