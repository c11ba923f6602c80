"""The cross-encoder of claim retrieval: pairs as it was trained on, one pair per run, the
combined probability, and how :meth:`Retriever.search` uses it (and ``same_claims`` not)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from spinscope.embeddings import default_model_dir
from spinscope.factchecks import import_files
from spinscope.factchecks.crossenc import CrossEncoder, claim_side
from spinscope.factchecks.importers import get_importer
from spinscope.factchecks.retrieval import Method, Retriever
from spinscope.store import Store

KB = (
    "\tvclaim\ttitle\n"
    "c1\tThe White Helmets staged a chemical attack in Douma.\tDid the White Helmets Fake "
    "an Attack?\n"
    "c2\tDrinking bleach cures the coronavirus.\tDoes Bleach Cure COVID-19?\n"
    "c3\tBarack Obama was born in Kenya.\tWas Obama Born in Kenya?\n"
)


@pytest.mark.parametrize(
    ("claim", "title", "expected"),
    [
        ("Obama was born in Kenya.", None, "Obama was born in Kenya."),
        ("Obama was born in Kenya.", "", "Obama was born in Kenya."),
        (
            "Obama was born in Kenya.",
            "Was Obama Born?",
            "Obama was born in Kenya. | Was Obama Born?",
        ),
        ("Obama  was\nborn.", "OBAMA WAS BORN.", "Obama was born."),
        ("A claim.", "  A   title ", "A claim. | A title"),
    ],
)
def test_claim_side(claim: str, title: str | None, expected: str) -> None:
    assert claim_side(claim, title) == expected


class LengthSession:
    """An ONNX session stand-in: the logit is the pair's wordpiece count."""

    def __init__(self) -> None:
        self.batches: list[tuple[int, ...]] = []

    def run(self, _: Any, feeds: dict[str, np.ndarray]) -> list[np.ndarray]:
        ids = feeds["input_ids"]
        self.batches.append(ids.shape)
        assert (feeds["attention_mask"] == 1).all()
        return [np.asarray([float(ids.shape[1])], dtype=np.float32)]


def _encoder(workers: int = 1, max_length: int = 128) -> tuple[CrossEncoder, LengthSession]:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(default_model_dir() / "tokenizer.json"))
    tok.enable_truncation(max_length=max_length, strategy="longest_first")
    tok.no_padding()
    session = LengthSession()
    return CrossEncoder(session, tok, top=10, weight=1.0, workers=workers), session


@pytest.mark.parametrize("workers", [1, 2])
def test_one_pair_per_run_in_order(workers: int) -> None:
    xenc, session = _encoder(workers)
    # [CLS] a [SEP] b [SEP]: "cats" → 5, "the cat is here" → 8 wordpieces.
    logits = xenc.logits("dogs", ["cats", "the cat is here"])
    assert logits.tolist() == [5.0, 8.0]
    assert all(shape[0] == 1 for shape in session.batches)
    assert xenc.logits("dogs", []).shape == (0,)


def test_long_pairs_are_cut_to_max_length() -> None:
    xenc, _ = _encoder(max_length=16)
    (n,) = xenc.logits("word " * 40, ["claim " * 40])
    assert n == 16


@pytest.mark.parametrize(
    ("prob", "logit", "weight", "calibration", "expected"),
    [
        (0.5, 0.0, 1.0, (1.0, 0.0), 0.5),
        (0.2, 0.0, 1.0, (1.0, 0.0), 0.2),
        (0.2, 3.0, 0.0, (1.0, 0.0), 0.2),
        (0.5, 2.0, 1.0, (1.0, 0.0), 1 / (1 + np.exp(-2.0))),
        (0.5, 2.0, 0.5, (2.0, -1.0), 1 / (1 + np.exp(-1.0))),
    ],
)
def test_probability(
    prob: float, logit: float, weight: float, calibration: tuple[float, float], expected: float
) -> None:
    xenc = CrossEncoder(None, None, top=10, weight=weight, calibration=calibration)
    assert xenc.probability(np.asarray([prob]), np.asarray([logit]))[0] == pytest.approx(expected)


class FavouringEncoder(CrossEncoder):
    """A cross-encoder that reads one fact-check's claim as the match of every text."""

    def __init__(self, favourite: str, top: int = 10) -> None:
        super().__init__(None, None, top=top, weight=1.0)
        self.favourite = favourite
        self.calls: list[tuple[str, list[str]]] = []

    def logits(self, text: str, claims: Sequence[str]) -> np.ndarray:
        self.calls.append((text, list(claims)))
        return np.asarray([20.0 if self.favourite in c else -20.0 for c in claims], np.float32)


@pytest.fixture
def kb(store: Store, tmp_path: Path) -> Store:
    path = tmp_path / "kb.tsv"
    path.write_text(KB, "utf-8")
    import_files(store, [path], get_importer("ct20"))
    return store


TEXT = "Drinking bleach cures the coronavirus, #COVID19 https://t.co/x"


def test_search_reorders_by_the_cross_encoder(kb: Store) -> None:
    (plain,) = Retriever(kb, use_cross_encoder=False).search([TEXT], k=3)
    assert plain[0].claim_text.startswith("Drinking bleach")
    xenc = FavouringEncoder("Kenya")
    (found,) = Retriever(kb, cross_encoder=xenc).search([TEXT], k=3)
    assert found[0].claim_text.startswith("Barack Obama")
    # A ranking by score (as the CheckThat! scorer makes) keeps the order.
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)
    # The query as the encoders see it (link dropped, hashtag split); the claim with its title.
    ((text, claims),) = xenc.calls
    assert "https" not in text and "COVID 19" in text
    assert "Barack Obama was born in Kenya. | Was Obama Born in Kenya?" in claims


def test_only_the_top_candidates_are_rescored(kb: Store) -> None:
    xenc = FavouringEncoder("Kenya", top=1)
    (found,) = Retriever(kb, cross_encoder=xenc).search([TEXT], k=3)
    ((_, claims),) = xenc.calls
    assert len(claims) == 1
    assert found[0].claim_text.startswith("Drinking bleach")
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


@pytest.mark.parametrize("method", [Method.bm25, Method.dense])
def test_single_search_methods_skip_it(kb: Store, method: Method) -> None:
    xenc = FavouringEncoder("Kenya")
    Retriever(kb, cross_encoder=xenc).search([TEXT], k=3, method=method)
    assert xenc.calls == []


def test_same_claims_skips_it(kb: Store) -> None:
    xenc = FavouringEncoder("Kenya")
    Retriever(kb, cross_encoder=xenc).same_claims([TEXT], k=3, min_score=0.0)
    assert xenc.calls == []
