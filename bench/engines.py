"""Engines benchmark: the default pipeline over the 165 unlabelled PTC articles, in this
process and in process pools, with and without the cores shared among the workers.

Variants (each in a fresh subprocess, so no model or pool is warm from another):

* ``local``: ``n_process=1`` (the in-process engine; the models' own thread pools);
* ``pool-shared``: ``n_process=2``, each worker's models get ``cores // 2`` threads
  (what ``--n-process 2`` does);
* ``pool-unshared``: ``n_process=2``, each worker's models get the single-process
  thread count (what the pool did before threads were sized to the workers).

Times include building the pipeline (and, for pools, starting the workers and loading
the models in each): what a user waits for. The ratio column compares with ``local``
measured in the same run. Results go to the ``engines`` section of
``docs/benchmarks.md``.

Usage::

    .venv/bin/python bench/engines.py [--ptc ../shared/data/ptc] [--no-doc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from techniques import SHARED, machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:engines:begin -->", "<!-- bench:engines:end -->"
VARIANTS = ("local", "pool-shared", "pool-unshared")


def worker(variant: str, articles_dir: Path) -> dict[str, Any]:
    """Analyse every article once with ``variant``; runs in its own process."""
    import spinscope
    from spinscope.document import Document
    from spinscope.engines import LocalEngine, ProcessPoolEngine
    from spinscope.resources import available_cores
    from spinscope.techniques.semeval import read_articles

    articles = read_articles(articles_dir)
    docs = [Document(text, id=aid) for aid, text in sorted(articles.items())]
    cores = available_cores()
    start = time.perf_counter()
    nlp = spinscope.load()
    if variant == "local":
        engine: Any = LocalEngine()
        threads = None
    elif variant == "pool-shared":
        engine = ProcessPoolEngine(n_process=2)
        threads = engine.threads
    else:
        # The single-process default of the technique model (up to 4 threads each).
        engine = ProcessPoolEngine(n_process=2, threads=min(4, cores))
        threads = engine.threads
    results = list(nlp.pipe(docs, batch_size=16, engine=engine))
    seconds = time.perf_counter() - start
    failed = sum(1 for r in results if not isinstance(r, Document))
    return {
        "variant": variant,
        "articles": len(docs),
        "failed": failed,
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(docs) / seconds, 2),
        "threads_per_worker": threads,
        "cores": cores,
    }


def run_variant(variant: str, articles_dir: Path) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", variant, "--articles", str(articles_dir)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def section(results: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    base = next(r for r in results if r["variant"] == "local")
    lines = [
        BEGIN,
        "",
        f"Measured {meta['date']} on {meta['machine']} with "
        f"`{meta['command']}`: the default pipeline over {base['articles']} articles, "
        "pipeline build and worker start-up included.",
        "",
        "| engine | workers × threads | articles/s | vs local |",
        "|---|---|---:|---:|",
    ]
    for r in results:
        shape = "1 × default" if r["variant"] == "local" else f"2 × {r['threads_per_worker']}"
        ratio = r["articles_per_s"] / base["articles_per_s"]
        lines.append(f"| {r['variant']} | {shape} | {r['articles_per_s']} | {ratio:.2f}× |")
    lines += [
        "",
        "Sharing the cores (each worker's models get `cores // n_process` threads) keeps "
        "the workers from fighting over the same cores; each worker loads its own models, "
        "so `n_process = 1` stays the default.",
        "",
        END,
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--ptc", type=Path, default=SHARED / "data" / "ptc")
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--worker", choices=VARIANTS, help=argparse.SUPPRESS)
    ap.add_argument("--articles", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.articles)))
        return 0
    articles_dir = args.ptc / "unlabeled"
    if not articles_dir.is_dir():
        print(f"skipped: {articles_dir} not found", file=sys.stderr)
        return 0
    m = machine()
    results = [run_variant(v, articles_dir) for v in VARIANTS]
    for r in results:
        print(json.dumps(r))
    meta = {
        "date": dt.date.today().isoformat(),
        "machine": f"{m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB, Python {m['python']}",
        "command": "python bench/engines.py",
    }
    if not args.no_doc:
        update_doc(args.doc, section(results, meta), BEGIN, END, heading="## Engines")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
