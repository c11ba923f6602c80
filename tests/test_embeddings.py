"""The shipped sentence encoder: shapes, normalisation, similarity order, artifact hashes."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
from pathlib import Path

import numpy as np
import pytest

from spinscope.embeddings import SentenceEncoder, default_model_dir
from spinscope.errors import ModelNotFoundError

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    if not (default_model_dir() / "encoder.onnx").is_file():
        pytest.skip("minilm-l6-v2 not shipped in this checkout")
    return SentenceEncoder.load(threads=1)


def test_vectors_are_unit_length_and_in_input_order(encoder: SentenceEncoder) -> None:
    texts = ["A much longer sentence " * 10, "Short.", "", "Medium length sentence here."]
    v = encoder.encode(texts)
    assert v.shape == (4, 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    # A text's vector does not depend on what else is encoded with it.
    one_by_one = np.vstack([encoder.encode([t]) for t in texts])
    np.testing.assert_array_equal(v, one_by_one)


def test_texts_side_by_side_get_the_vectors_they_get_alone(encoder: SentenceEncoder) -> None:
    texts = [f"Claim number {i} about the dam, said {'again ' * i}the minister." for i in range(9)]
    texts += texts[:2]  # repeated texts are encoded once
    side_by_side = SentenceEncoder.load(threads=3)
    assert side_by_side.workers == 3
    np.testing.assert_array_equal(side_by_side.encode(texts), encoder.encode(texts))


_INHERITED: list[SentenceEncoder] = []


def _encode_inherited(texts: list[str]) -> np.ndarray:
    return _INHERITED[0].encode(texts)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_forked_process_encodes_with_threads_of_its_own() -> None:
    # The parent's encoder has started its threads before the fork: the child has none.
    _INHERITED[:] = [SentenceEncoder.load(threads=2)]
    parent = _INHERITED[0].encode(["One claim.", "Another claim."])
    _INHERITED[0].clear_cache()
    with multiprocessing.get_context("fork").Pool(1) as pool:
        child = pool.apply_async(_encode_inherited, (["One claim.", "Another claim."],))
        np.testing.assert_array_equal(child.get(timeout=60), parent)


def test_empty_input() -> None:
    assert SentenceEncoder.load(threads=1).encode([]).shape == (0, 384)


@pytest.mark.parametrize(
    ("query", "paraphrase", "unrelated"),
    [
        (
            "The White Helmets staged a chemical attack in Douma.",
            "A chemical weapons attack in Douma was faked by the White Helmets.",
            "Idlib province has about three million inhabitants.",
        ),
        (
            "Vaccines cause autism in children.",
            "Childhood vaccination leads to autism.",
            "The city council approved a new budget for schools.",
        ),
    ],
)
def test_paraphrase_is_closer_than_unrelated(
    encoder: SentenceEncoder, query: str, paraphrase: str, unrelated: str
) -> None:
    q, p, u = encoder.encode([query, paraphrase, unrelated])
    assert q @ p > 0.6 > q @ u


def test_long_text_is_cut_not_refused(encoder: SentenceEncoder) -> None:
    assert encoder.encode(["word " * 5000]).shape == (1, 384)


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match=r"encoder\.onnx"):
        SentenceEncoder.load(tmp_path)


def test_model_card_lists_the_shipped_hashes() -> None:
    d = default_model_dir()
    card = (d / "MODEL_CARD.md").read_text("utf-8")
    for name, digest in re.findall(r"\| (\S+) \| `([0-9a-f]{64})` \|", card):
        assert hashlib.sha256((d / name).read_bytes()).hexdigest() == digest, name
    assert "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db" in card


def test_cache_returns_the_same_vectors_and_stays_bounded() -> None:
    enc = SentenceEncoder.load(threads=1)
    enc._cache_size = 3
    texts = [f"Sentence number {i} about the budget." for i in range(5)]
    first = enc.encode(texts)
    assert len(enc._cache) == 3
    np.testing.assert_array_equal(enc.encode(texts[::-1]), first[::-1])
    np.testing.assert_array_equal(enc.encode([texts[0], texts[0]]), first[[0, 0]])


def test_clear_cache_encodes_again_to_the_same_vectors() -> None:
    enc = SentenceEncoder.load(threads=1)
    texts = ["The budget was cut.", "Taxes rose again."]
    first = enc.encode(texts)
    assert set(enc._cache) == set(texts)
    enc.clear_cache()
    assert not enc._cache
    np.testing.assert_array_equal(enc.encode(texts), first)
    assert set(enc._cache) == set(texts)
