"""Sentence embeddings with the shipped all-MiniLM-L6-v2 (int8 ONNX, no torch).

all-MiniLM-L6-v2 is a sentence-similarity model: two texts that say the same thing get
vectors with a high cosine, whatever their wording. Claim retrieval uses it to find a
fact-checked claim that an article restates in other words.

Example:
    >>> from spinscope.embeddings import SentenceEncoder
    >>> enc = SentenceEncoder.load()
    >>> v = enc.encode(["The White Helmets staged a chemical attack.",
    ...                 "A chemical attack was faked by the White Helmets.",
    ...                 "Idlib has three million inhabitants."])
    >>> v.shape
    (3, 384)
    >>> bool(v[0] @ v[1] > v[0] @ v[2])
    True
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Self

import numpy as np

from spinscope.inference import ProcessPool, inference_workers, model_folder, ort_session

__all__ = ["MODEL_NAME", "SentenceEncoder", "default_model_dir", "shared_encoder"]

#: The shipped model's folder under ``spinscope/models``.
MODEL_NAME = "minilm-l6-v2"


#: Texts whose vectors are kept (384 float32 each: 8,192 texts ≈ 12 MB).
CACHE_SIZE = 8192


def default_model_dir() -> Path:
    return Path(str(resources.files("spinscope").joinpath("models", MODEL_NAME)))


class SentenceEncoder:
    """Texts → L2-normalised float32 vectors (mean of the last layer's wordpieces).

    Texts longer than ``max_length`` wordpieces are cut there (the model's own limit).
    Up to ``workers`` texts run side by side, each on one thread.
    """

    def __init__(
        self,
        session: Any,
        tokenizer: Any,
        *,
        dim: int,
        max_length: int,
        cache_size: int = CACHE_SIZE,
        workers: int = 1,
    ) -> None:
        self._session = session
        self._tokenizer = tokenizer
        self.dim = dim
        self.max_length = max_length
        self.workers = max(1, workers)
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._pool = ProcessPool(self.workers, "spinscope-encoder")

    @classmethod
    def load(cls, directory: str | Path | None = None, *, threads: int | None = None) -> Self:
        """The encoder in ``directory`` (default: the shipped ``minilm-l6-v2``), running
        ``threads`` texts at a time (default: the process's inference threads)."""
        from tokenizers import Tokenizer

        d = Path(directory) if directory is not None else default_model_dir()
        onnx_path, tok_path, cfg = model_folder(d, "sentence encoder")
        max_length = int(cfg["max_length"])
        tok = Tokenizer.from_file(str(tok_path))
        tok.enable_truncation(max_length=max_length)
        tok.no_padding()
        # One thread per run, runs side by side: a sentence of a few dozen wordpieces is
        # too small a matrix product to split over threads (on two cores, two threads on
        # one text ran slower than one), while two texts at once take both cores. A
        # vector is the same either way (each of its values is summed on one thread).
        return cls(
            ort_session(onnx_path, 1),
            tok,
            dim=int(cfg["dim"]),
            max_length=max_length,
            workers=inference_workers(threads),
        )

    def clear_cache(self) -> None:
        """Forget the cached vectors (a benchmark timing the encoder needs a cold cache)."""
        with self._lock:
            self._cache.clear()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An ``(len(texts), dim)`` float32 array; row ``i`` embeds ``texts[i]``.

        Recent texts come from a cache: in one analysis, claim matching and
        check-worthiness embed the same sentences, and the encoder is the costly part.

        Each text runs alone: the int8 graph quantizes activations with one scale per
        input tensor, so a text batched with others would get a vector that depends on
        its neighbours (cosine down to 0.989 with its own vector alone). One text per run
        keeps a claim's vector, and every score computed from it, reproducible
        whatever else is encoded with it; it costs ≈ 30 % of the throughput.
        """
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        with self._lock:
            for i, text in enumerate(texts):
                hit = self._cache.get(text)
                if hit is None:
                    todo.setdefault(text, []).append(i)
                else:
                    self._cache.move_to_end(text)
                    out[i] = hit
        if not todo:
            return out
        fresh = list(todo)
        encodings = self._tokenizer.encode_batch(fresh)
        if self.workers > 1 and len(fresh) > 1:
            vectors = list(self._pool.get().map(self._run, encodings))
        else:
            vectors = [self._run(enc) for enc in encodings]
        with self._lock:
            for text, vec in zip(fresh, vectors, strict=True):
                out[todo[text]] = vec
                self._cache[text] = vec
                if len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return out

    def _run(self, encoding: Any) -> np.ndarray:
        """One text's vector: a run of its own (see :meth:`encode`)."""
        ids = np.asarray([encoding.ids], dtype=np.int64)
        mask = np.ones_like(ids)
        (vec,) = self._session.run(None, {"input_ids": ids, "attention_mask": mask})
        return np.asarray(vec[0])


@cache
def shared_encoder() -> SentenceEncoder:
    """One encoder per process (the model loads once, ≈ 0.2 s)."""
    return SentenceEncoder.load()
