"""Text -> model windows and back, shared by training and the runtime (numpy only).

The text is never normalised for indexing: the fast tokenizer's character offsets
point into the original string, so every span the model emits is an exact
``[start, end)`` range of the document text. Long texts are cut into windows of at most
``max_len`` wordpieces (``[CLS]`` + ``max_len - 2`` + ``[SEP]``), overlapping or not
depending on the stride (see :func:`make_windows`), so there is no truncation at 512
tokens.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

__all__ = [
    "Segment",
    "Window",
    "encode_ranges",
    "load_tokenizer",
    "make_windows",
    "normalise_span_text",
    "repetition_count",
    "snap_to_words",
    "span_extra_features",
    "token_range",
]

CLS_ID = 101
SEP_ID = 102
PAD_ID = 0
#: Extra scalar features appended to the pooled span vector: [repeated, log length].
N_EXTRA = 2


def load_tokenizer(path: str | Path) -> Tokenizer:
    """The WordPiece tokenizer from ``tokenizer.json``, without padding or truncation."""
    tok = Tokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    return tok


@dataclass(frozen=True)
class Segment:
    """The wordpieces of one content range of a text.

    Attributes:
        ids: wordpiece ids (no special tokens), int64.
        starts: absolute character start of each wordpiece in the full text.
        ends: absolute character end (exclusive) of each wordpiece.
    """

    ids: np.ndarray
    starts: np.ndarray
    ends: np.ndarray

    def __len__(self) -> int:
        return int(self.ids.shape[0])


@dataclass(frozen=True)
class Window:
    """Wordpieces ``[a, b)`` of segment ``seg`` fed to the encoder as one sequence."""

    seg: int
    a: int
    b: int


def encode_ranges(tok: Tokenizer, text: str, ranges: Sequence[tuple[int, int]]) -> list[Segment]:
    """Tokenize each ``[start, end)`` range of ``text``; empty ranges are skipped."""
    out: list[Segment] = []
    pieces = [(a, b) for a, b in ranges if text[a:b].strip()]
    if not pieces:
        return out
    if not text.isascii() and _SURROGATE.search(text):
        # The Rust tokenizer cannot take lone surrogates (only reachable from the Python
        # API); U+FFFD keeps every character offset where it was.
        text = _SURROGATE.sub("\ufffd", text)
    encs = tok.encode_batch([text[a:b] for a, b in pieces], add_special_tokens=False)
    for (a, _), enc in zip(pieces, encs, strict=True):
        if not enc.ids:
            continue
        offs = np.asarray(enc.offsets, dtype=np.int64).reshape(-1, 2)
        out.append(
            Segment(
                ids=np.asarray(enc.ids, dtype=np.int64),
                starts=offs[:, 0] + a,
                ends=offs[:, 1] + a,
            )
        )
    return out


def make_windows(n: int, size: int, stride: int) -> list[tuple[int, int]]:
    """``[a, b)`` windows of at most ``size`` covering ``range(n)``.

    ``stride < size``: windows of ``size`` every ``stride`` (the last one flush with the
    end), so they overlap. ``stride >= size``: the fewest windows that fit, of (nearly)
    equal length and without overlap: every wordpiece is encoded exactly once and a
    batch of one document's windows needs no padding (a flush last window re-encoded on
    average half a window per document, ≈ 10 % of the encoder's work on PTC articles).
    """
    if n <= size:
        return [(0, n)]
    if stride >= size:
        k = -(-n // size)
        cuts = [round(i * n / k) for i in range(k + 1)]
        return list(itertools.pairwise(cuts))
    out = []
    a = 0
    while True:
        if a + size >= n:
            out.append((n - size, n))
            break
        out.append((a, a + size))
        a += stride
    return out


def token_range(seg: Segment, start: int, end: int) -> tuple[int, int] | None:
    """Indices ``[i, j)`` of the wordpieces overlapping characters ``[start, end)``."""
    i = int(np.searchsorted(seg.ends, start, side="right"))
    j = int(np.searchsorted(seg.starts, end, side="left"))
    return (i, j) if i < j else None


_WORD = re.compile(r"\w", re.UNICODE)
_SURROGATE = re.compile("[\ud800-\udfff]")


#: Characters that join two words into one ("so-called", "al-Sham", "Russia's").
_JOINERS = frozenset("-'’\u2010\u2011")


def _joined(text: str, i: int) -> bool:
    """True if ``text[i - 1]`` and ``text[i]`` belong to one word."""
    left, right = text[i - 1], text[i]
    if _WORD.match(left) and _WORD.match(right):
        return True
    # A joiner flanked by word characters: "so|-called", "so-|called".
    if left in _JOINERS:
        return i >= 2 and _WORD.match(text[i - 2]) is not None and _WORD.match(right) is not None
    if right in _JOINERS:
        return (
            i + 1 < len(text)
            and _WORD.match(left) is not None
            and _WORD.match(text[i + 1]) is not None
        )
    return False


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow ``[start, end)`` so that it does not cut a word (hyphenated ones included) in two."""
    while start > 0 and _joined(text, start):
        start -= 1
    n = len(text)
    while end < n and _joined(text, end):
        end += 1
    return start, end


_NON_WORD = re.compile(r"\W+", re.UNICODE)


def normalise_span_text(s: str) -> str:
    """Lower-cased words joined by single spaces (for repetition counting)."""
    return _NON_WORD.sub(" ", s.lower()).strip()


def repetition_count(norm_article: str, span_text: str) -> int:
    """How often the span's normalised text occurs in the normalised article.

    ``norm_article`` must be ``" " + normalise_span_text(article) + " "``.
    """
    key = normalise_span_text(span_text)
    if not key:
        return 0
    # Overlapping matches (consecutive repeats share the space between them), counted
    # with str.find: a regex per span cost 8 % of the model's run time.
    needle = f" {key} "
    n = 0
    i = norm_article.find(needle)
    while i >= 0:
        n += 1
        i = norm_article.find(needle, i + 1)
    return n


def span_extra_features(norm_article: str, span_text: str) -> list[float]:
    """``[repeated (0/1), log1p(words) / 4]`` for one span."""
    repeated = 1.0 if repetition_count(norm_article, span_text) >= 2 else 0.0
    n_words = len(normalise_span_text(span_text).split())
    return [repeated, math.log1p(n_words) / 4.0]


def central_windows(windows: Sequence[tuple[int, int]], n: int) -> np.ndarray:
    """For each of ``n`` wordpieces, the index of the window where it is most central."""
    best = np.full(n, -1, dtype=np.int64)
    margin = np.full(n, -1, dtype=np.int64)
    for wi, (a, b) in enumerate(windows):
        idx = np.arange(a, b)
        m = np.minimum(idx - a, b - 1 - idx)
        better = m > margin[a:b]
        best[a:b][better] = wi
        margin[a:b][better] = m[better]
    return best
