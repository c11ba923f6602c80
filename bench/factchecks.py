"""Fact-check import benchmark: EUvsDisinfo (cases + index), CT20 verified claims and
LIAR (train/valid/test) imported into a fresh SQLite store, without embeddings; then
the same files again (every row unchanged) and a few searches. Then the CT20 claims
into another fresh store with their sentence embeddings (``import_files(embed=True)``,
what ``factchecks import`` does by default), and imported without them then embedded
by ``reindex`` (``factchecks import --defer-embeddings`` then ``factchecks reindex``).

The figure that matters is claims per second on the first import (target ≥ 1,000/s):
parsing, normalising, hashing and writing in batches, with the FTS5 index kept up to
date by triggers. Snopes is imported too but reported apart (it is not in the target).
Results go to the ``factchecks`` section of ``docs/benchmarks.md``.

``--backend postgresql`` measures PostgreSQL instead, in a fresh schema of the database
at ``$SPINSCOPE_TEST_POSTGRES_URL`` (printed, not written to the doc).

Usage::

    .venv/bin/python bench/factchecks.py [--data ../shared/data/factchecks] [--no-doc]
        [--backend sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from techniques import SHARED, machine, update_doc

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
BEGIN, END = "<!-- bench:factchecks:begin -->", "<!-- bench:factchecks:end -->"
QUERIES = (
    "White Helmets staged a chemical attack in Syria",
    "Obama was born in Kenya",
    "NATO is preparing to attack Russia",
)


def sets(data: Path) -> list[tuple[str, list[Path], bool]]:
    """(format, files, counted in the target) in import order."""
    return [
        (
            "euvsdisinfo",
            [
                data / "euvsdisinfo" / "cases-2015-2017.csv",
                data / "euvsdisinfo" / "index-2015-2021.csv",
            ],
            True,
        ),
        ("ct20", [data / "ct20-claim-retrieval" / "verified_claims.docs.tsv"], True),
        ("liar", [data / "liar" / f"{s}.tsv" for s in ("train", "valid", "test")], True),
        ("snopes", sorted((data / "snopes").glob("*-stories.json")), False),
    ]


def run(data: Path, backend: str = "sqlite") -> list[dict[str, Any]]:
    from spinscope.factchecks import import_files, search
    from spinscope.factchecks.importers import get_importer
    from spinscope.store.testing import open_test_store

    results = []
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_test_store(backend, Path(tmp)) as store,
    ):
        for rnd in ("first", "again"):
            for fmt, files, target in sets(data):
                t0 = time.perf_counter()
                summary = import_files(store, files, get_importer(fmt), embed=False)
                seconds = time.perf_counter() - t0
                results.append(
                    {
                        "round": rnd,
                        "format": fmt,
                        "files": len(files),
                        "target": target,
                        "rows": summary.stored,
                        "imported": summary.imported,
                        "unchanged": summary.unchanged,
                        "rejected": summary.rejected,
                        "errors": len(summary.errors),
                        "seconds": seconds,
                    }
                )
        t0 = time.perf_counter()
        for query in QUERIES * 10:
            search(store, query, k=5)
        results.append({"round": "search", "ms": (time.perf_counter() - t0) * 1000 / 30})
    results.append(embedded(data, backend))
    return results


#: Multiply-adds of all-MiniLM-L6-v2 per wordpiece (attention scores aside).
MACS_PER_WORDPIECE = 6 * (4 * 384 * 384 + 2 * 384 * 1536)

#: CT20 claims imported with embeddings (the rate is what counts, not the total).
EMBED_ROWS = 3000


def embedded(data: Path, backend: str, rows: int = EMBED_ROWS) -> dict[str, Any]:
    """The first ``rows`` CT20 claims with embeddings: at import, and deferred to
    ``reindex``."""
    from spinscope.embeddings import shared_encoder
    from spinscope.factchecks import import_files
    from spinscope.factchecks.dense import reindex
    from spinscope.factchecks.importers import get_importer
    from spinscope.store.testing import open_test_store

    full = data / "ct20-claim-retrieval" / "verified_claims.docs.tsv"
    shared_encoder()  # model loading is not import time
    out: dict[str, Any] = {"round": "embedded"}
    with tempfile.TemporaryDirectory() as part, tempfile.TemporaryDirectory() as tmp:
        files = [Path(part) / full.name]
        with full.open(encoding="utf-8") as f:
            files[0].write_text("".join(itertools.islice(f, rows + 1)), "utf-8")
        encoder = shared_encoder()
        texts = [line.split("\t")[1] for line in files[0].read_text("utf-8").splitlines()[1:]]
        out["wordpieces"] = sum(len(e.ids) for e in encoder._tokenizer.encode_batch(texts))
        with open_test_store(backend, Path(tmp)) as store:
            encoder.clear_cache()
            t0 = time.perf_counter()
            out["rows"] = import_files(store, files, get_importer("ct20")).embedded
            out["with_s"] = time.perf_counter() - t0
        with open_test_store(backend, Path(tmp) / "deferred") as store:
            t0 = time.perf_counter()
            import_files(store, files, get_importer("ct20"), embed=False)
            out["deferred_import_s"] = time.perf_counter() - t0
            # Vectors of the first import must not come from the encoder's cache.
            encoder.clear_cache()
            t0 = time.perf_counter()
            reindex(store)
            out["reindex_s"] = time.perf_counter() - t0
    return out


def section(results: list[dict[str, Any]], meta: dict[str, Any]) -> str:
    rows = [r for r in results if r["round"] in ("first", "again")]
    lines = [
        BEGIN,
        "",
        f"- date: {meta['date']}",
        f"- machine: {meta['nproc']} CPUs, {meta['cpu']}, {meta['ram_gib']} GiB RAM, "
        f"Python {meta['python']} (1-min load {meta['load_1min_at_start']} at start)",
        "- command: `.venv/bin/python bench/factchecks.py` (a fresh SQLite store in a temp "
        "dir, WAL, batches of 1,000; the table without embeddings)",
        "",
        "| import | format | files | rows stored | new | unchanged | rejected | s | rows/s |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in rows:
        rate = r["rows"] / r["seconds"] if r["seconds"] else 0
        lines.append(
            f"| {r['round']} | {r['format']} | {r['files']} | {r['rows']:,} | {r['imported']:,} "
            f"| {r['unchanged']:,} | {r['rejected']:,} | {r['seconds']:.2f} | {rate:,.0f} |"
        )
    for rnd, what in (("first", "first import (target ≥ 1,000/s)"), ("again", "re-import")):
        counted = [r for r in rows if r["round"] == rnd and r["target"]]
        n, s = sum(r["rows"] for r in counted), sum(r["seconds"] for r in counted)
        lines.append(
            f"\n**EUvsDisinfo + CT20 + LIAR, {what}: {n:,} claims in {s:.1f} s = "
            f"{n / s:,.0f} claims/s**"
        )
    search = next(r for r in results if r["round"] == "search")
    emb = next(r for r in results if r["round"] == "embedded")
    n = emb["rows"]
    wp = emb["wordpieces"] / n
    lines += [
        "",
        f"CT20 with sentence embeddings (its first {n:,} claims, all-MiniLM-L6-v2 int8, "
        "one text "
        "per run): embedded at import "
        f"{emb['with_s']:.1f} s = **{n / emb['with_s']:,.0f} claims/s**; imported with "
        f"`--defer-embeddings` {emb['deferred_import_s']:.1f} s = "
        f"**{n / emb['deferred_import_s']:,.0f} claims/s**, then `factchecks reindex` "
        f"{emb['reindex_s']:.1f} s ({n / emb['reindex_s']:,.0f} claims/s). The encoder "
        "bounds an import with embeddings; deferring them keeps the import rate and "
        "leaves the vectors to `reindex` (or to the first search, which embeds what is "
        "missing).",
        "",
        f"Bound of an import with embeddings: a claim is {wp:.1f} wordpieces on average; "
        f"all-MiniLM-L6-v2 costs {MACS_PER_WORDPIECE / 1e6:.1f} M multiply-adds per "
        f"wordpiece (6 layers of 4·384² attention and 2·384·1536 feed-forward weights), so "
        f"1,000 claims/s need {2 * MACS_PER_WORDPIECE * wp * 1000 / 1e9:.0f} G int8 ops/s, "
        "over half of the ≈ 770 G/s peak of two Zen 4 cores (AVX-512 VNNI at two 256-bit "
        f"halves a cycle, ≈ 3 GHz); measured here: {n / emb['with_s']:,.0f} claims/s = "
        f"{2 * MACS_PER_WORDPIECE * wp * n / emb['with_s'] / 1e9:.0f} G ops/s. Running "
        "claims in batches of similar length was measured and not adopted (2026-12-02): "
        "on an idle machine, five interleaved runs each, 1.23× (8 a run) and 1.21× (16) "
        "the rate of one claim a run; but a vector then depends on its run-mates (int8 "
        "activations share one scale per run: cosine 0.98-1.0 with its own), and with the "
        "CheckThat! knowledge base embedded so, dense MAP@5 on dev fell 0.8149 → 0.7966 "
        "(hybrid 0.8761 → 0.8817, train 0.9139 → 0.9107): near-duplicate claims swap "
        "places. The fp32 graph batched the same way is the same whatever its run-mates "
        "(cosine 0.999999 with its own vector) but slower on one thread (2026-12-02, idle, "
        "1,000 claims, two rounds: 8 a run 229 / 250 claims/s, 16 a run 243 / 241, one a "
        "run 148 / 158) than the int8 graph one claim a run (307 / 398). The target is out "
        "of reach for this encoder on two cores.",
    ]
    lines += [
        "",
        f"Lexical search ({meta['search']}, k=5) over the whole knowledge base: "
        f"{search['ms']:.1f} ms per query (mean of 30).",
        "",
        "Rejected rows are duplicates within the source files (EUvsDisinfo cases repeated "
        "with the same date, title and outlet; one Snopes story listed twice), each "
        "reported with its line.",
        "",
        END,
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "factchecks")
    ap.add_argument("--doc", type=Path, default=DOC)
    ap.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    ap.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}: skipped", file=sys.stderr)
        return 0
    meta = machine()
    meta["date"] = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    meta["search"] = "FTS5 bm25" if args.backend == "sqlite" else "PostgreSQL ts_rank"
    results = run(args.data, args.backend)
    text = section(results, meta)
    print(text)
    if args.backend == "sqlite" and not args.no_doc:
        update_doc(args.doc, text, BEGIN, END, heading="## Fact-check import")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
