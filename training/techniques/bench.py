"""Speed of the shipped artifact: load time and articles/s of the component.

``python -m training.techniques bench --ptc DIR [--model DIR] [--n 60]``
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from training.techniques.config import BenchConfig


def run(a: BenchConfig) -> dict[str, Any]:
    """Load time, articles/s (best of 3 passes), spans found and artifact size."""
    from spinscope.document import Document
    from spinscope.techniques.component import TechniquesComponent, load_model, model_dir

    t0 = time.perf_counter()
    model = load_model(a.model, threads=a.threads)
    load_s = time.perf_counter() - t0
    sub = "unlabeled" if a.unlabeled else "articles"
    paths = sorted((Path(a.ptc) / sub).glob("*.txt"))[: a.n]
    docs = [Document(p.read_text("utf-8")) for p in paths]
    comp = TechniquesComponent(model)
    comp(Document("Warm-up sentence for the encoder."))
    el = float("inf")
    for _ in range(3):  # best of 3 passes: the CPUs are shared
        fresh = [Document(x.text) for x in docs]
        t0 = time.perf_counter()
        n_spans = 0
        for k in range(0, len(fresh), a.batch):
            for d in comp.pipe(fresh[k : k + a.batch]):
                n_spans += len(d.group("techniques"))
        el = min(el, time.perf_counter() - t0)
    d = Path(a.model) if a.model else model_dir()
    size = sum(f.stat().st_size for f in d.iterdir() if f.is_file())
    return {
        "articles": len(docs),
        "chars": sum(len(x.text) for x in docs),
        "seconds": round(el, 2),
        "articles_per_s": round(len(docs) / el, 2),
        "load_s": round(load_s, 3),
        "threads": a.threads,
        "cpu_count": os.cpu_count(),
        "loadavg": os.getloadavg(),
        "spans": n_spans,
        "artifact_bytes": size,
    }
