"""The cross-encoder of claim retrieval: reads a text and a fact-check together and
scores how surely the fact-check verifies the text's claim (a logit).

The logistic re-ranker (:mod:`~spinscope.factchecks.rerank`) sees how the two searches
ranked a candidate and which words the texts share; the cross-encoder reads both texts
through all of MiniLM-L6's attention layers, so it sees that "the governor vetoed the
bill" and "the bill was signed" disagree although they share words. It costs a run of
the network per pair, so :meth:`~spinscope.factchecks.retrieval.Retriever.search` only
re-scores the re-ranker's best few candidates (``top`` in the model's config.json: 5).

The model (``spinscope/models/xenc-ct20-v1``: all-MiniLM-L6-v2 fine-tuned on CheckThat!
2020 train, int8 ONNX; see its MODEL_CARD.md and ``training/claims/crossenc.py``) is
loaded on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Self

import numpy as np

from spinscope.inference import ProcessPool, inference_workers, model_folder, ort_session

__all__ = ["MODEL_NAME", "CrossEncoder", "claim_side", "shipped_cross_encoder"]

#: The shipped model's folder under ``spinscope/models``.
MODEL_NAME = "xenc-ct20-v1"


def claim_side(claim: str, title: str | None) -> str:
    """The fact-check side of a pair, as the model was trained: the claim, then the
    review's title when it has one that differs."""
    claim = " ".join(claim.split())
    title = " ".join((title or "").split())
    return f"{claim} | {title}" if title and title.casefold() != claim.casefold() else claim


class CrossEncoder:
    """(text, fact-check) pairs → relevance logits; one pair per run of the network.

    One pair per run: the int8 graph quantizes activations with one scale per input
    tensor, so a pair batched with others would get a score that depends on its
    neighbours. Up to ``workers`` pairs run side by side, each on one thread.
    """

    def __init__(
        self,
        session: Any,
        tokenizer: Any,
        *,
        top: int,
        weight: float,
        calibration: tuple[float, float] = (1.0, 0.0),
        workers: int = 1,
    ) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self.top = top
        self.weight = weight
        self.calibration = calibration
        self.workers = max(1, workers)
        self._pool = ProcessPool(self.workers, "spinscope-xenc")

    @classmethod
    def load(cls, directory: str | Path | None = None, *, threads: int | None = None) -> Self:
        """The model in ``directory`` (default: the shipped one)."""
        from tokenizers import Tokenizer

        d = Path(directory) if directory is not None else default_model_dir()
        onnx_path, tok_path, cfg = model_folder(d, "cross-encoder")
        tok = Tokenizer.from_file(str(tok_path))
        # As in training: the longer of the two texts is cut first.
        tok.enable_truncation(max_length=int(cfg["max_length"]), strategy="longest_first")
        tok.no_padding()
        return cls(
            ort_session(onnx_path, 1),
            tok,
            top=int(cfg["top"]),
            weight=float(cfg["weight"]),
            calibration=(float(cfg["calibration"][0]), float(cfg["calibration"][1])),
            workers=inference_workers(threads),
        )

    def logits(self, text: str, claims: Sequence[str]) -> np.ndarray:
        """A float32 logit per fact-check side (:func:`claim_side`) of ``claims``,
        paired with ``text`` (as :func:`~spinscope.factchecks.retrieval.query_text`
        gives it)."""
        if not claims:
            return np.zeros(0, dtype=np.float32)
        encodings = self._tokenizer.encode_batch([(text, c) for c in claims])
        if self.workers > 1 and len(encodings) > 1:
            return np.asarray(list(self._pool.get().map(self._run, encodings)), np.float32)
        return np.asarray([self._run(e) for e in encodings], np.float32)

    def probability(self, prob: np.ndarray, logits: np.ndarray) -> np.ndarray:
        """The combined probability of candidates whose re-ranker probability is ``prob``
        and cross-encoder logit ``logits``: ``sigmoid(a * (logit(prob) + weight *
        logits) + b)``, ``weight`` chosen for MAP and ``(a, b)`` fitted so that it is
        calibrated, both on held-out CheckThat! train tweets (config.json)."""
        p = np.clip(np.asarray(prob, dtype=np.float64), 1e-6, 1 - 1e-6)
        z = np.log(p / (1 - p)) + self.weight * np.asarray(logits, dtype=np.float64)
        a, b = self.calibration
        return np.asarray(1.0 / (1.0 + np.exp(-(a * z + b))))

    def _run(self, encoding: Any) -> float:
        ids = np.asarray([encoding.ids], dtype=np.int64)
        (out,) = self._session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
        return float(np.asarray(out).reshape(-1)[0])


def default_model_dir() -> Path:
    return Path(str(resources.files("spinscope").joinpath("models", MODEL_NAME)))


@cache
def shipped_cross_encoder() -> CrossEncoder:
    """One cross-encoder per process, loaded on first use."""
    return CrossEncoder.load()
