"""Claims benchmark: the ``claims.v1`` stage's share of ``analyze`` time per article,
with the EUvsDisinfo knowledge base (cases + index) imported into a fresh SQLite store.

The default pipeline runs without ``claims.v1`` over PTC's unlabelled articles, then
``claims.v1`` over the same documents; what it adds is claims time ÷ rest (target
≤ 30 %), its share claims time ÷ (rest + claims). Opening the store (once per process)
is timed apart. Results go to the ``claims`` section of ``docs/benchmarks.md``.

Usage::

    .venv/bin/python bench/claims.py [--data ../shared/data] [--articles 40] [--no-doc]
        [--store kb.db]

``--store`` reuses an SQLite file holding that import (made on the first run with that
option), since the import, embeddings included, takes minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from techniques import SHARED, machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:claims:begin -->", "<!-- bench:claims:end -->"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data")
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--no-doc", action="store_true")
    ap.add_argument("--store", type=Path, help="SQLite file of the import, made if missing")
    args = ap.parse_args(argv)
    kb_dir = args.data / "factchecks" / "euvsdisinfo"
    articles = sorted((args.data / "ptc" / "unlabeled").glob("*.txt"))[: args.articles]
    if not kb_dir.is_dir() or not articles:
        print(f"skip: needs {kb_dir} and {args.data / 'ptc' / 'unlabeled'}")
        return 0

    from spinscope.claims.component import make_claims
    from spinscope.config import load_config
    from spinscope.factchecks import import_files
    from spinscope.factchecks.importers import get_importer
    from spinscope.pipeline import Pipeline
    from spinscope.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        path = args.store or Path(tmp) / "kb.db"
        url = f"sqlite:///{path}"
        with Store.open(url) as store:
            files = [kb_dir / "cases-2015-2017.csv", kb_dir / "index-2015-2021.csv"]
            rows = import_files(store, files, get_importer("euvsdisinfo")).stored
        names = [n for n in load_config().pipeline.components if n != "claims.v1"]
        rest = Pipeline(names).load()
        texts = [p.read_text("utf-8") for p in articles]
        rest(texts[0])  # warm-up
        t0 = time.perf_counter()
        docs = [rest(t) for t in texts]
        t_rest = time.perf_counter() - t0
        t0 = time.perf_counter()
        claims = make_claims(store=url)
        t_open = time.perf_counter() - t0
        t0 = time.perf_counter()
        for doc in docs:
            claims(doc)
        t_claims = time.perf_counter() - t0
        n_claims = sum(len(d.group("claims")) for d in docs)
        sentences = sum(len(d.sentences) for d in docs)
        claims.close()
    n = len(docs)
    share = t_claims / (t_rest + t_claims)
    command = "python bench/claims.py " + " ".join(argv if argv is not None else sys.argv[1:])
    m = machine()
    text = (
        f"{BEGIN}\n"
        f"Measured {dt.date.today()} on {m['nproc']} cores ({m['cpu']}; 1-min load "
        f"{m['load_1min_at_start']} at start), `{command.strip()}`: "
        f"{n} PTC unlabelled articles ({sentences:,} sentences), EUvsDisinfo knowledge base "
        f"of {rows:,} fact-checks (SQLite), hybrid matching (words and meaning, re-ranked).\n\n"
        "| stage | ms per article |\n|---|---|\n"
        f"| default pipeline without claims.v1 | {1000 * t_rest / n:.0f} |\n"
        f"| claims.v1 | {1000 * t_claims / n:.0f} |\n"
        f"| claims.v1 share of analyze | {share:.0%} |\n"
        f"| **claims.v1 added to analyze** | **+{t_claims / t_rest:.0%}** (target ≤ +30 %) |\n\n"
        f"Opening the store once per process: {1000 * t_open:.0f} ms. Claims found: "
        f"{n_claims} ({n_claims / n:.1f} per article).\n"
        f"{END}"
    )
    print(text)
    if not args.no_doc:
        update_doc(DOC, text, BEGIN, END, heading="## Claims")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
