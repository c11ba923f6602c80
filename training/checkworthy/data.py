"""The CheckThat! 2024 Task 1 English splits, and their sentence vectors (cached)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from spinscope.checkworthy.tsv import read_rows, unquote
from spinscope.embeddings import SentenceEncoder

SPLITS = ("train", "dev", "dev-test")

#: Sentence ids follow the debates in time; blocks of this many ids group sentences of
#: the same debates, so that cross-validation folds hold out whole debates (their topics
#: and speakers) instead of scattering each debate over every fold.
ID_BLOCK = 2500


@dataclass(frozen=True)
class Split:
    name: str
    ids: list[str]
    texts: list[str]
    y: np.ndarray

    @property
    def groups(self) -> np.ndarray:
        return np.asarray([int(i) // ID_BLOCK for i in self.ids])


def split_path(data: Path, name: str) -> Path:
    return data / f"CT24_checkworthy_english_{name}.tsv"


def load_split(data: Path, name: str) -> Split:
    rows = read_rows(split_path(data, name), need_text=True, need_label=True)
    return Split(
        name,
        [r.id for r in rows],
        [unquote(r.text or "") for r in rows],
        np.asarray([r.positive for r in rows], dtype=np.int64),
    )


def embed(texts: list[str], cache: Path, *, threads: int = 1) -> np.ndarray:
    """MiniLM vectors of ``texts``, cached in ``cache`` (an .npz keyed by text hashes)."""
    keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
    known: dict[str, np.ndarray] = {}
    if cache.is_file():
        with np.load(cache) as z:
            known = dict(zip(z["keys"].tolist(), z["vectors"], strict=True))
    todo = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    if todo:
        enc = SentenceEncoder.load(threads=threads)
        vectors = enc.encode([t for _, t in todo])
        known.update({k: v for (k, _), v in zip(todo, vectors, strict=True)})
        cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(cache, keys=np.asarray(list(known)), vectors=np.vstack(list(known.values())))
    return np.vstack([known[k] for k in keys]).astype(np.float32)
