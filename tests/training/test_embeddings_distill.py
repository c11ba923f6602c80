"""The distillation's data helpers on invented texts (no torch needed): cleaning and
de-duplication of training texts, the devset articles held out, length batching (replayable
per epoch for a resumed run), the cached per-token teacher states, and the fidelity and
separation measures."""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest
from training.embeddings.distill import (
    CANDIDATES,
    TokenStates,
    dedupe,
    devset_docs,
    encoder_speed,
    epoch_batches,
    fidelity,
    length_batches,
    lr_factor,
    separation,
)


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["The moon landing was filmed.", "the moon  landing was FILMED."],
            ["The moon landing was filmed."],
        ),
        (["Too short.", "Taxes went up again."], ["Taxes went up again."]),
        (["Read more https://example.com/x now"], ["Read more now"]),
        ([], []),
    ],
)
def test_dedupe(texts: list[str], expected: list[str]) -> None:
    assert dedupe(texts) == expected


def test_devset_docs_reads_every_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"doc": "fnn/BuzzFeed_Fake_1"}) + "\n\n")
    b.write_text(
        json.dumps({"doc": "ptc/article9"}) + "\n" + json.dumps({"doc": "fnn/BuzzFeed_Fake_1"})
    )
    assert devset_docs([a, b, tmp_path / "missing.jsonl"]) == {
        "fnn/BuzzFeed_Fake_1",
        "ptc/article9",
    }


def test_length_batches_cover_every_text_once_with_similar_lengths() -> None:
    lengths = [random.Random(i).randint(3, 120) for i in range(1000)]
    batches = length_batches(lengths, 16, random.Random(1))
    assert sorted(i for b in batches for i in b) == list(range(1000))
    assert all(len(b) <= 16 for b in batches)
    spread = np.mean([max(lengths[i] for i in b) - min(lengths[i] for i in b) for b in batches])
    assert spread < 10


@pytest.mark.parametrize(
    ("progress", "expected"),
    [(0.0, 0.04), (0.025, 0.5), (0.05, 1.0), (0.525, 0.5), (1.0, 0.0), (1.5, 0.0)],
)
def test_lr_factor_warms_up_then_decays(progress: float, expected: float) -> None:
    assert lr_factor(progress) == pytest.approx(expected)


@pytest.mark.parametrize("epoch", [0, 1, 5])
def test_epoch_batches_replay_the_same_order(epoch: int) -> None:
    lengths = [random.Random(i).randint(3, 120) for i in range(500)]
    assert epoch_batches(lengths, 16, 13, epoch) == epoch_batches(lengths, 16, 13, epoch)
    assert epoch_batches(lengths, 16, 13, epoch) != epoch_batches(lengths, 16, 13, epoch + 1)


@pytest.mark.parametrize(("size", "kept"), [(3, 3), (4, 4)])
def test_candidates_have_the_students_size(size: int, kept: int) -> None:
    assert all(len(c) == kept and list(c) == sorted(set(c)) for c in CANDIDATES[size])


def test_four_layer_candidates_keep_the_last_layer() -> None:
    assert all(c[-1] == 5 for c in CANDIDATES[4])


@pytest.mark.parametrize(
    ("idx", "length", "expected"),
    [
        ([0], 2, [[[1.0], [2.0]]]),
        ([1, 0], 3, [[[3.0], [0.0], [0.0]], [[1.0], [2.0], [0.0]]]),
        ([2], 3, [[[4.0], [5.0], [6.0]]]),
    ],
)
def test_token_states_batch_pads_each_text(
    idx: list[int], length: int, expected: list[list[list[float]]]
) -> None:
    states = TokenStates(np.arange(1, 7, dtype=np.float16).reshape(6, 1), np.asarray([0, 2, 3, 6]))
    out = states.batch(idx, length)
    assert out.dtype == np.float32
    assert out.tolist() == expected


@pytest.mark.parametrize(
    ("b", "mean", "lowest"),
    [
        ([[1.0, 0.0], [0.0, 1.0]], 1.0, 1.0),
        ([[0.0, 1.0], [0.0, 1.0]], 0.5, 0.0),
    ],
)
def test_fidelity(b: list[list[float]], mean: float, lowest: float) -> None:
    out = fidelity(np.eye(2), np.asarray(b))
    assert out["mean"] == mean
    assert out["min"] == lowest


@pytest.mark.parametrize(
    ("cos", "auc"),
    [
        ([0.9, 0.8, 0.3, 0.2], 1.0),  # every "same" pair above every other
        ([0.2, 0.3, 0.8, 0.9], 0.0),
    ],
)
def test_separation_auc(cos: list[float], auc: float) -> None:
    out = separation(np.asarray(cos), np.asarray([1, 1, 0, 0]), np.ones(4))
    assert out["auc"] == auc


class _Fake:
    """An encoder that only counts its cold-cache calls."""

    def __init__(self) -> None:
        self.cleared = 0

    def clear_cache(self) -> None:
        self.cleared += 1

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.zeros((len(texts), 2), dtype=np.float32)


def test_encoder_speed_interleaves_cold_passes() -> None:
    encs = {"a": _Fake(), "b": _Fake()}
    out = encoder_speed(encs, ["x", "y"], 3)
    assert encs["a"].cleared == encs["b"].cleared == 3
    assert len(out["passes"]["a"]) == 3 and out["a"] > 0
