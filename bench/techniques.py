"""Techniques benchmark: articles/s and peak RSS on the 165 unlabelled PTC articles.

Variants, each measured in a fresh subprocess (peak RSS = ``ru_maxrss`` of that process,
model loading included):

* ``component`` — the shipped model through ``Pipeline(["techniques.v1"])`` alone;
* ``neural`` — the shipped model through
  ``Pipeline(["boilerplate.v1", "sentences.v1", "techniques.v1"])`` (skipped, with the
  reason, when ``techniques.v1`` is not installed or its model is missing);
* ``baseline`` — the TF-IDF + logistic-regression baseline
  (:mod:`spinscope.techniques.baseline`: SI lines, then TC labels), trained once on the
  371 labelled articles before any timing (training is reported, never timed with it).

Throughput is the best of ``--repeats`` passes over all articles after one warm-up
article. Results go to stdout (JSON with ``--json``) and to the ``techniques`` section
of ``docs/benchmarks.md`` (between its markers; other sections are left alone).

Usage::

    .venv/bin/python bench/techniques.py [--ptc ../shared/data/ptc] [--no-doc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SPINSCOPE_SHARED", ROOT.parent / "shared"))
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:techniques:begin -->", "<!-- bench:techniques:end -->"
NEURAL_PIPELINE = ["boilerplate.v1", "sentences.v1", "techniques.v1"]
#: The component alone (what the 10 articles/s target is about): techniques.v1 needs no
#: other component; without boilerplate spans it reads the whole text.
COMPONENT_PIPELINE = ["techniques.v1"]
VARIANTS = ("component", "neural", "baseline")


# -- machine ----------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """``nproc``, CPU model and RAM of this machine."""
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gib = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gib = int(line.split()[1]) / 1024**2
                break
    except OSError:
        pass
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {
        "nproc": nproc,
        "cpu": cpu,
        "ram_gib": round(ram_gib, 1),
        "python": platform.python_version(),
        "load_1min_at_start": round(load, 2),
    }


# -- worker (fresh process per variant) ---------------------------------------------


def _peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux. Linux carries it across fork+exec, so the parent
    # stays small (it never imports scikit-learn: training runs in its own process).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _vm_hwm_mib() -> float | None:
    """``VmHWM`` of /proc/self/status: this address space's own peak (a cross-check)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _time_passes(run: Any, articles: dict[str, str], repeats: int) -> tuple[float, int]:
    first = next(iter(articles.values()))
    run({"warmup": first})
    best = float("inf")
    n_spans = 0
    for _ in range(repeats):
        start = time.perf_counter()
        n_spans = run(articles)
        best = min(best, time.perf_counter() - start)
    return best, n_spans


def worker(
    variant: str, articles_dir: Path, model_path: Path | None, repeats: int
) -> dict[str, Any]:
    """Measure one variant in this (fresh) process."""
    from spinscope.techniques.semeval import read_articles

    articles = read_articles(articles_dir)
    t0 = time.perf_counter()
    if variant == "baseline":
        from spinscope.techniques.baseline import TechniquesBaseline

        assert model_path is not None
        model = TechniquesBaseline.load(model_path)
        load_s = time.perf_counter() - t0

        def run(batch: dict[str, str]) -> int:
            return sum(len(model.analyze(text)) for text in batch.values())

    else:
        from spinscope import Document, Pipeline
        from spinscope.registry import registry

        if "techniques.v1" not in registry:
            return {
                "variant": variant,
                "status": "skipped",
                "reason": "techniques.v1 not installed",
            }
        try:
            nlp = Pipeline(COMPONENT_PIPELINE if variant == "component" else NEURAL_PIPELINE).load()
        except Exception as exc:  # a missing model artifact is a skip, not a crash
            return {
                "variant": variant,
                "status": "skipped",
                "reason": f"{type(exc).__name__}: {exc}",
            }
        load_s = time.perf_counter() - t0

        def run(batch: dict[str, str]) -> int:
            docs = [Document(text, id=aid) for aid, text in batch.items()]
            n = 0
            for result in nlp.pipe(docs):
                if not isinstance(result, Document):
                    raise RuntimeError(f"article {result.id} failed: {result.error}")
                n += len(result.group("techniques"))
            return n

    seconds, n_spans = _time_passes(run, articles, repeats)
    return {
        "variant": variant,
        "status": "ok",
        "articles": len(articles),
        "chars": sum(len(t) for t in articles.values()),
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(articles) / seconds, 2),
        "load_s": round(load_s, 2),
        "peak_rss_mib": round(_peak_rss_mib(), 1),
        "vm_hwm_mib": round(_vm_hwm_mib() or 0.0, 1),
        "spans": n_spans,
    }


def train_worker(ptc_dir: Path, model_path: Path) -> dict[str, Any]:
    """Train the baseline on every labelled article and save it (not timed with a variant)."""
    from spinscope.techniques.baseline import train
    from spinscope.techniques.semeval import load_ptc

    ptc = load_ptc(ptc_dir)
    start = time.perf_counter()
    train(ptc).save(model_path)
    return {"train_articles": len(ptc.ids), "train_s": time.perf_counter() - start}


def _subprocess(args: list[str]) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip()[-800:])
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def run_variant(variant: str, articles_dir: Path, model_path: Path, repeats: int) -> dict[str, Any]:
    args = ["--worker", variant, "--articles", str(articles_dir), "--model", str(model_path)]
    try:
        return _subprocess([*args, "--repeats", str(repeats)])
    except RuntimeError as exc:
        return {"variant": variant, "status": "failed", "reason": str(exc)}


# -- report -----------------------------------------------------------------------


def section(results: list[dict[str, Any]], info: dict[str, Any], meta: dict[str, Any]) -> str:
    """The markdown of the techniques section."""
    base = next((r for r in results if r["variant"] == "baseline" and r["status"] == "ok"), None)
    lines = [
        BEGIN,
        "### Throughput and memory (bench/techniques.py)",
        "",
        f"- date: {meta['date']}",
        f"- machine: {info['nproc']} CPUs (`nproc`), {info['cpu']}, {info['ram_gib']} GiB RAM, "
        f"Python {info['python']}; 1-min load average {info['load_1min_at_start']} at start, "
        f"{meta['load_1min_at_end']} at end (other jobs share the CPUs: compare rows of one run)",
        f"- command: `{meta['command']}`",
        f"- input: {meta['articles']} unlabelled PTC articles ({meta['chars']:,} characters), "
        f"best of {meta['repeats']} passes after a warm-up article; each variant in a fresh "
        "process, peak RSS = `ru_maxrss` (model load included), `VmHWM` of the same process as "
        "a cross-check",
        f"- baseline trained once on {meta['train_articles']} labelled articles in "
        f"{meta['train_s']:.1f} s (not timed below)",
        "",
        "| variant | articles/s | peak RSS (MiB) | VmHWM (MiB) | model load (s) | spans found |"
        " speed vs baseline | RSS vs baseline |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        name = {
            "component": "`techniques.v1` alone",
            "neural": "neural (`boilerplate.v1 → sentences.v1 → techniques.v1`)",
            "baseline": "TF-IDF + LR baseline (SI lines → TC)",
        }[r["variant"]]
        if r["status"] != "ok":
            reason = str(r.get("reason", "")).replace(f"{ROOT}/", "")
            reason = reason.replace("\n", " ").replace("|", "/")
            lines.append(f"| {name} | {r['status']}: {reason} | | | | | | |")
            continue
        if base is not None:
            speed = f"{r['articles_per_s'] / base['articles_per_s']:.2f}×"
            rss = f"{r['peak_rss_mib'] / base['peak_rss_mib']:.2f}×"
        else:
            speed = rss = "n/a"
        lines.append(
            f"| {name} | {r['articles_per_s']:.1f} | {r['peak_rss_mib']:.0f}"
            f" | {r['vm_hwm_mib']:.0f} | {r['load_s']:.2f}"
            f" | {r['spans']} | {speed} | {rss} |"
        )
    lines += ["", END]
    return "\n".join(lines)


def update_doc(
    doc: Path,
    text: str,
    begin: str = BEGIN,
    end: str = END,
    heading: str | None = "## Techniques",
) -> None:
    """Replace the section of ``doc`` between ``begin`` and ``end`` (or append it, under
    ``heading``; create the file if needed). Other bench scripts share this."""
    if doc.is_file():
        current = doc.read_text("utf-8")
    else:
        current = "# Benchmarks\n\nFigures measured by the scripts in `bench/` (`make bench`).\n"
    if begin in current and end in current:
        head, rest = current.split(begin, 1)
        _, tail = rest.split(end, 1)
        new = head + text + tail
    else:
        title = f"{heading}\n\n" if heading else ""
        new = current.rstrip("\n") + "\n\n" + title + text + "\n"
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(new, "utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--ptc", type=Path, default=SHARED / "data" / "ptc")
    ap.add_argument("--variants", default=",".join(VARIANTS))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--worker", choices=VARIANTS, help=argparse.SUPPRESS)
    ap.add_argument("--articles", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--model", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--train-to", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.worker, args.articles, args.model, args.repeats)))
        return 0
    if args.train_to:
        print(json.dumps(train_worker(args.ptc, args.train_to)))
        return 0

    if not (args.ptc / "unlabeled").is_dir():
        print(f"skip: no PTC data at {args.ptc}", file=sys.stderr)
        return 0
    from spinscope.techniques.semeval import read_articles  # pure Python: parent stays small

    info = machine()
    unlabeled = read_articles(args.ptc / "unlabeled")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        model_path = Path(tmp) / "baseline.pkl"
        trained = _subprocess(["--ptc", str(args.ptc), "--train-to", str(model_path)])
        for variant in args.variants.split(","):
            result = run_variant(variant, args.ptc / "unlabeled", model_path, args.repeats)
            print(json.dumps(result), file=sys.stderr)
            results.append(result)
    argv_shown = " ".join(argv if argv is not None else sys.argv[1:])
    meta = {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "command": f".venv/bin/python bench/techniques.py {argv_shown}".strip(),
        "articles": len(unlabeled),
        "chars": sum(len(t) for t in unlabeled.values()),
        "repeats": args.repeats,
        **trained,
        "load_1min_at_end": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }
    if args.json:
        print(json.dumps({"machine": info, "meta": meta, "results": results}, indent=2))
    if not args.no_doc:
        update_doc(args.doc, section(results, info, meta))
        print(f"updated {args.doc}", file=sys.stderr)
    return 0 if all(r["status"] != "failed" for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
