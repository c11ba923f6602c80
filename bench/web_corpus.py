"""Web corpus benchmark: the dashboard, the corpus browser and a stored article's page
over a synthetic store of ``--rows`` articles (default 10,000; rows as ``spinscope
batch`` writes them, figures drawn at random: :mod:`spinscope.web.sample_corpus`).

Each page is requested through the app in process (FastAPI's TestClient: routing,
SQL, rendering, no network), after one warm-up request. Reported: p50, p95 and max
time per page. Targets: the dashboard under 1 s, a stored article's page under
100 ms p95.

Usage::

    .venv/bin/python bench/web_corpus.py [--rows 10000] [--repeat 20] [--pages 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from techniques import machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:web-corpus:begin -->", "<!-- bench:web-corpus:end -->"


def timed(client: Any, paths: list[str]) -> list[float]:
    client.get(paths[0])  # warm-up: templates compiled, caches filled
    out = []
    for path in paths:
        started = time.perf_counter()
        response = client.get(path)
        out.append(time.perf_counter() - started)
        assert response.status_code == 200, (path, response.status_code)
    return out


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20, help="requests per listing page")
    parser.add_argument("--pages", type=int, default=200, help="stored articles requested")
    parser.add_argument("--no-doc", action="store_true", help="print, do not update the doc")
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient
    from sqlalchemy import select

    from spinscope.store import Store
    from spinscope.store.schema import documents
    from spinscope.web import WebSettings, create_app
    from spinscope.web.corpus import StoreDocuments
    from spinscope.web.sample_corpus import fill

    with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/bench.db") as store:
        started = time.perf_counter()
        fill(store, args.rows, version="bench")
        filled = time.perf_counter() - started
        with store.engine.connect() as conn:
            ids = list(conn.execute(select(documents.c.id)).scalars())
        rng = random.Random(7)
        app = create_app(
            WebSettings(components=("sentences.v1",)), documents=StoreDocuments(store, "bench")
        )
        with TestClient(app, base_url="http://127.0.0.1:8000") as client:
            cases = {
                "`/dashboard`": ["/dashboard"] * args.repeat,
                "`/documents` (first page)": ["/documents"] * args.repeat,
                "`/documents` (outlet + technique + dates, page 2)": [
                    "/documents?outlet=rt.com&technique=Loaded_Language"
                    "&since=2024-03-01&until=2024-10-31&page=2"
                ]
                * args.repeat,
                "`/documents?q=…` (title search)": ["/documents?q=disaster"] * args.repeat,
                "`/documents/{id}` (a stored article)": [
                    f"/documents/{rng.choice(ids)}" for _ in range(args.pages)
                ],
                "`/v1/stats?by=technique`": ["/v1/stats?by=technique"] * args.repeat,
            }
            results = {name: timed(client, paths) for name, paths in cases.items()}
    host = machine()
    rows = [
        "| page | requests | p50 | p95 | max |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, times in results.items():
        rows.append(
            f"| {name} | {len(times)} | {1000 * statistics.median(times):.0f} ms | "
            f"{1000 * quantile(times, 0.95):.0f} ms | {1000 * max(times):.0f} ms |"
        )
    load = os.getloadavg()[0]
    text = "\n".join(
        [
            f"Measured {dt.date.today()} on {host['nproc']} cores ({host['cpu']}), "
            f"Python {sys.version.split()[0]} with `python bench/web_corpus.py --rows "
            f"{args.rows}`: a synthetic SQLite store of {args.rows:,} articles "
            f"(written in {filled:.1f} s), each page requested through the app in "
            "process after a warm-up request.",
            "",
            *rows,
            "",
            f"Load average (1 min) at the end: {load:.2f}. The dashboard aggregates in SQL "
            "over the table's columns (and its `technique_counts` JSON column), never "
            "decoding stored analyses; a stored article's page decodes one row.",
        ]
    )
    print(text)
    if not args.no_doc:
        update_doc(DOC, text, BEGIN, END, heading="## Web corpus pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
