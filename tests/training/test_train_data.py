"""Training examples from cached features: token labels, span ranges, chunks (no torch);
and, where torch is installed, a head trained on them."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from training.techniques.corpus import read_ptc
from training.techniques.train import chunks, load_items

from spinscope.techniques.data import encode_ranges, load_tokenizer
from spinscope.techniques.definitions import TECHNIQUES

TOKENIZER = Path(__file__).parents[2] / "src/spinscope/models/techniques-v2/tokenizer.json"
DIM = 8


@pytest.fixture
def feats(ptc_dir: Path, tmp_path: Path) -> Path:
    """A feature cache shaped like the encoder step's, with random features."""
    if not TOKENIZER.is_file():
        pytest.skip("shipped tokenizer not present")
    tok = load_tokenizer(TOKENIZER)
    rng = np.random.default_rng(0)
    arrays = {}
    for a in read_ptc(ptc_dir):
        seg = encode_ranges(tok, a.text, [(0, len(a.text))])[0]
        arrays[f"{a.id}/ids"] = seg.ids
        arrays[f"{a.id}/starts"] = seg.starts
        arrays[f"{a.id}/ends"] = seg.ends
        arrays[f"{a.id}/feats"] = rng.normal(size=(len(seg), DIM)).astype(np.float16)
    path = tmp_path / "feats-labeled.npz"
    np.savez(path, **arrays)
    return path


def test_items_label_the_wordpieces_inside_spans(ptc_dir: Path, feats: Path) -> None:
    items = load_items(read_ptc(ptc_dir), feats)
    assert sorted(items) == ["101", "102", "103", "104", "105"]
    it = items["101"]
    words = [it.art.text[s:e] for s, e in zip(it.seg.starts, it.seg.ends, strict=True)]
    inside = {w for w, lab in zip(words, it.lab, strict=True) if lab}
    assert {"evil", "traitor", "our", "nation"} <= {w.lower() for w in inside}
    assert not any(lab for w, lab in zip(words, it.lab, strict=True) if w in ("They", "lie"))
    assert items["103"].lab.sum() == 0 and items["103"].spans == []
    # One token range per gold span, with its technique index.
    assert len(it.spans) == 3
    i, j, c = it.spans[0]
    assert TECHNIQUES[c] == "Name_Calling,Labeling"
    assert "".join(words[i:j]).lower() == "eviltraitors"
    assert it.lab14.shape == (len(it.seg), len(TECHNIQUES))
    assert it.feats.dtype == np.float32


def test_feature_columns_can_be_selected(ptc_dir: Path, feats: Path) -> None:
    items = load_items(read_ptc(ptc_dir), feats, dims=(2, 5))
    assert items["101"].feats.shape[1] == 3


def test_item_extra_features(ptc_dir: Path, feats: Path) -> None:
    it = load_items(read_ptc(ptc_dir), feats)["101"]
    words = [it.art.text[s:e] for s, e in zip(it.seg.starts, it.seg.ends, strict=True)]
    they = [k for k, w in enumerate(words) if w == "They"]
    repeated, _ = it.extra(they[0], they[0] + 2)  # "They lie" occurs twice
    single, _ = it.extra(0, 1)
    assert repeated > single


@pytest.mark.parametrize("jitter", [False, True])
def test_chunks_cover_the_articles(ptc_dir: Path, feats: Path, jitter: bool) -> None:
    items = list(load_items(read_ptc(ptc_dir), feats).values())
    out = chunks(items, 512, random.Random(0), jitter)
    kept = [it for it in items if len(it.seg) >= 8]  # shorter pieces are dropped
    assert len(out) == len(kept) >= 2  # every article fits one chunk
    n_gold = sum(len(it.spans) for it in kept)
    n_spans = sum(len(c["spans"]) for c in out)
    assert n_spans >= n_gold if jitter else n_spans == n_gold
    for c in out:
        assert len(c["feats"]) == len(c["ids"]) == len(c["lab"])
        for i, j, _, extra in c["spans"]:
            assert 0 <= i < j <= len(c["lab"]) and len(extra) == 2


def test_chunks_split_long_articles(ptc_dir: Path, feats: Path) -> None:
    items = list(load_items(read_ptc(ptc_dir), feats).values())
    out = chunks(items, 8, random.Random(1), False)
    assert out and all(len(c["lab"]) == 8 for c in out)  # pieces under 8 are dropped


def test_head_trains_on_cached_features(ptc_dir: Path, feats: Path, tmp_path: Path) -> None:
    pytest.importorskip("torch")
    import json

    from training.techniques.config import TrainConfig
    from training.techniques.train import train

    out = tmp_path / "run"
    cfg = TrainConfig(
        ptc=str(ptc_dir), feats=str(feats), out=str(out), fold=0, folds=2, epochs=2, threads=1
    )
    metrics = train(cfg)
    assert set(metrics) == {"si", "si_best_threshold", "si_best", "tc"}
    assert 0.0 <= metrics["tc"]["micro_f1"] <= 1.0
    for name in ("head.pt", "oof.pkl", "args.json", "eval.json", "metrics.jsonl"):
        assert (out / name).is_file()
    assert json.loads((out / "args.json").read_text())["fold"] == 0
