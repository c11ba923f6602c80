"""Train the cue tagger on PolNeAR train and export it to JSON weights.

    .venv/bin/python -m spinscope.attribution.train.cues \
        --polnear ../shared/data/polnear --out src/spinscope/attribution/cue_model.json.gz

Logistic regression (liblinear, one core) over :func:`token_features`; a token is
positive when it lies inside a gold ``Cue`` span. Features seen fewer than
``--min-count`` times are dropped; weights below ``--prune`` in magnitude are not
exported.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

from spinscope.attribution.brat import find_gold_files, read_ann
from spinscope.attribution.features import token_features
from spinscope.attribution.text import TokenView


def load(compartment: Path) -> tuple[list[list[str]], list[int]]:
    X: list[list[str]] = []
    y: list[int] = []
    for _article, (txt, ann) in sorted(find_gold_files(compartment).items()):
        text = txt.read_bytes().decode("utf-8")
        v = TokenView.from_text(text)
        cue_chars = [r for att in read_ann(ann) for r in att.cue]
        marks = bytearray(len(text) + 1)
        for s, e in cue_chars:
            marks[s:e] = b"\x01" * (e - s)
        for i in range(len(v)):
            X.append(token_features(v, i))
            y.append(1 if any(marks[v.starts[i] : v.ends[i]]) else 0)
    return X, y


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--polnear", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--prune", type=float, default=0.06)
    args = ap.parse_args()

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    t0 = time.time()
    X, y = load(args.polnear / "train")
    counts = Counter(f for feats in X for f in feats)
    keep = {f for f, c in counts.items() if c >= args.min_count}
    dv = DictVectorizer()
    M = dv.fit_transform([{f: 1 for f in feats if f in keep} for feats in X]).tocsr()
    M.indices = M.indices.astype("int32")
    M.indptr = M.indptr.astype("int32")
    print(
        f"{M.shape[0]} tokens, {M.shape[1]} features, {sum(y)} cue tokens ({time.time() - t0:.0f}s)"
    )
    clf = LogisticRegression(solver="liblinear", C=args.C, max_iter=200)
    clf.fit(M, y)
    names = dv.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4)
        for n, w in zip(names, clf.coef_[0], strict=True)
        if abs(w) >= args.prune
    }
    model = {
        "name": "polnear-cue-lr",
        "version": 1,
        "trained_on": "PolNeAR train (first annotator per article)",
        "C": args.C,
        "bias": round(float(clf.intercept_[0]), 4),
        "weights": weights,
    }
    with gzip.open(args.out, "wt", encoding="utf-8") as fh:
        json.dump(model, fh, separators=(",", ":"), sort_keys=True)
    print(f"wrote {args.out}: {len(weights)} weights ({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
