"""``python -m training.claims STEP``: the re-ranker of hybrid claim retrieval.

* ``features``: import the CheckThat! 2020 verified claims (with embeddings) into an
  SQLite store under ``--work``, and write the candidates' features and labels of the
  train and dev tweets (``features.npz``);
* ``fit``: logistic regression on train, its regularisation chosen by 5-fold
  cross-validation grouped by tweet (MAP@5 of the held-out folds), the match threshold
  chosen on the held-out predictions; dev is scored once, at the end; writes
  ``src/spinscope/factchecks/rerank.json``;
* ``sameclaim``: the model that decides which matches of an article sentence are shown
  (``training.claims.sameclaim``), from the annotated sets ``bench/devsets/claim-matches*.jsonl``
  (``--devset``, repeated, to choose others) and a knowledge base holding the four sources
  they were sampled from (``--kb URL``); writes ``src/spinscope/factchecks/sameclaim.json``.
  With ``--compare a,b;a,b,c``, it only reports the cross-validated figures of each
  feature set (the re-ranker's features and ``training.claims.sameclaim.EXTRA``).
* ``xenc-candidates``, ``xenc-train``, ``xenc-score``, ``xenc-calibrate``, ``xenc-export``,
  ``xenc-check``, ``xenc-ensemble``, ``xenc-depth``, ``xenc-depth-cost``: the cross-encoder
  re-ranker (``training.claims.crossenc``): cache the hybrid candidates of the train and dev
  tweets, fine-tune all-MiniLM-L6-v2 on them, score a split (torch; ``--split held-out``:
  the held-out train tweets, as trained), calibrate the combined score (held-out tweets),
  export it to int8 ONNX, check the int8 graph against torch (fidelity, dev MAP, cost per
  tweet), average several runs' logits (comparing them on the held-out tweets), and
  compare how deep the runtime re-scores and how it combines the scores (held-out MAP,
  then cost per tweet through ``Retriever.search``).
  ``xenc-STEP --help``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "factchecks" / "ct20-claim-retrieval"


def xenc_main(argv: Sequence[str]) -> None:
    """The cross-encoder's steps, each configured by its dataclass."""
    from training.claims import crossenc
    from training.options import add_arguments, from_namespace

    p = argparse.ArgumentParser(prog="python -m training.claims", description=crossenc.__doc__)
    sub = p.add_subparsers(dest="step", required=True, metavar="STEP")
    steps = {
        "xenc-candidates": (crossenc.CandidatesConfig, crossenc.candidates),
        "xenc-train": (crossenc.CrossencConfig, crossenc.train),
        "xenc-score": (crossenc.ScoreConfig, crossenc.score),
        "xenc-calibrate": (crossenc.CalibrateConfig, crossenc.calibrate),
        "xenc-export": (crossenc.ExportConfig, crossenc.export),
        "xenc-check": (crossenc.CheckConfig, crossenc.check),
        "xenc-ensemble": (crossenc.EnsembleConfig, crossenc.ensemble),
        "xenc-depth": (crossenc.DepthConfig, crossenc.depth),
        "xenc-depth-cost": (crossenc.DepthCostConfig, crossenc.depth_cost),
    }
    for name, (config, fn) in steps.items():
        add_arguments(sub.add_parser(name, help=(fn.__doc__ or "").split("\n")[0]), config)
    ns = p.parse_args(argv)
    config, fn = steps[ns.step]
    result = fn(from_namespace(config, ns))  # type: ignore[operator]
    print(json.dumps(result, indent=2) if isinstance(result, dict) else result)


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0].startswith("xenc-"):
        xenc_main(args)
        return
    p = argparse.ArgumentParser(prog="python -m training.claims", description=__doc__)
    p.add_argument("step", choices=("features", "fit", "sameclaim"))
    p.add_argument("--data", type=Path, default=DATA)
    p.add_argument("--work", type=Path, default=ROOT / "build" / "claims")
    p.add_argument(
        "--out", type=Path, default=ROOT / "src" / "spinscope" / "factchecks" / "rerank.json"
    )
    p.add_argument("--kb", help="sameclaim: store URL of the knowledge base")
    p.add_argument("--devset", type=Path, action="append", help="sameclaim: annotated set")
    p.add_argument("--compare", help="sameclaim: feature sets to compare, 'a,b;a,b,c'")
    ns = p.parse_args(argv)
    ns.work.mkdir(parents=True, exist_ok=True)
    if ns.step == "features":
        from training.claims.features import build

        build(ns.data, ns.work)
    elif ns.step == "sameclaim":
        from training.claims.sameclaim import DEVSETS, compare
        from training.claims.sameclaim import fit as fit_sameclaim

        if not ns.kb:
            p.error("sameclaim needs --kb URL")
        devsets = ns.devset or [ROOT / d for d in DEVSETS]
        if ns.compare:
            sets = [s.split(",") for s in ns.compare.split(";")]
            print(json.dumps(compare(devsets, ns.kb, sets), indent=2))
            return
        out = ns.out.with_name("sameclaim.json")
        print(json.dumps(fit_sameclaim(devsets, ns.kb, out), indent=2))
    else:
        from training.claims.fit import fit

        print(json.dumps(fit(ns.work / "features.npz", ns.out), indent=2))
