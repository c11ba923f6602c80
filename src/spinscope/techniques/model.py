"""The technique model at run time: onnxruntime + tokenizers + numpy, no torch.

One shared (frozen, int8) MiniLM encoder reads windows of the text; a token head turns
its features into, for every wordpiece, a hidden state and an "inside a propaganda
span" logit. Spans come from thresholding the token probabilities (each wordpiece read
in the window where it is most central); each span is labelled by the technique head, a
linear layer over ``mean ⊕ max ⊕ first ⊕ last`` of the span's hidden states plus two
scalar features (does the span's text recur in the article; log length), run in numpy
from ``tc_head.npz``.

The same :class:`TechniqueModel` runs with a torch encoder during training, so the
cross-validated numbers measure exactly this code path.

Memory: :meth:`TechniqueModel.predict` streams a document through the encoder
``chunk_windows`` windows at a time, runs the token head on each finished stretch of
wordpieces (with a few wordpieces of context on each side, the head being
convolutional) and decodes spans as soon as a quiet stretch (no wordpiece near the
threshold) closes them, so it holds the encoder features and head states of about
one chunk, plus a float per wordpiece, whatever the document's length. A document of
at most ``chunk_windows`` windows (any news article) takes exactly the one-pass path.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from tokenizers import Tokenizer

from spinscope.errors import ModelError, ModelNotFoundError
from spinscope.inference import ort_session
from spinscope.techniques.data import (
    CLS_ID,
    PAD_ID,
    SEP_ID,
    Segment,
    central_windows,
    encode_ranges,
    load_tokenizer,
    make_windows,
    normalise_span_text,
    snap_to_words,
    span_extra_features,
    token_range,
)
from spinscope.techniques.definitions import TECHNIQUES

__all__ = ["Encoded", "EncoderFn", "ModelConfig", "Prediction", "TechniqueModel"]

#: ``(input_ids [B, T] int64, attention_mask [B, T] int64) -> (token_logits [B, T],
#: hidden [B, T, H])``.
EncoderFn = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]

_HAS_WORD = re.compile(r"\w", re.UNICODE)


@dataclass(frozen=True)
class ModelConfig:
    """Inference settings, stored in the artifact's ``config.json``.

    Attributes:
        max_len: encoder sequence length including ``[CLS]``/``[SEP]``.
        stride: wordpieces between window starts (windows overlap by ``max_len-2-stride``).
        batch_size: windows per encoder call.
        threshold: token probability above which a wordpiece is inside a span.
        max_gap: runs of wordpieces separated by at most this many are merged.
        smooth: moving-average width (wordpieces, odd) applied to the token
            probabilities before thresholding; 1 = none.
        min_tokens: runs shorter than this many wordpieces are dropped.
        tc_context: when > 0, the technique head also sees the mean head state of the
            ``tc_context`` wordpieces on each side of the span (a fifth block).
        second_label_min: emit a second technique for the same span when its
            probability reaches this (PTC spans can carry two techniques).
        temperature: technique-head softmax temperature (calibration).
        calib: ``(a, b, c)`` of the span-score calibrator
            ``sigmoid(a * logit(span_conf) + b * log(p_label) + c)``.
    """

    max_len: int = 256
    stride: int = 192
    batch_size: int = 16
    threshold: float = 0.4
    max_gap: int = 1
    smooth: int = 1
    min_tokens: int = 1
    tc_context: int = 0
    second_label_min: float = 0.4
    temperature: float = 1.0
    calib: tuple[float, float, float] = (1.0, 1.0, 0.0)
    labels: tuple[str, ...] = TECHNIQUES

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelConfig:
        known = {f for f in cls.__dataclass_fields__}
        kw = {k: v for k, v in data.items() if k in known}
        if "calib" in kw:
            kw["calib"] = tuple(float(x) for x in kw["calib"])
        if "labels" in kw:
            kw["labels"] = tuple(kw["labels"])
        return cls(**kw)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["calib"] = list(self.calib)
        d["labels"] = list(self.labels)
        return d


@dataclass
class Encoded:
    """A text run through encoder and token head: token probabilities, head states."""

    text: str
    norm: str
    segments: list[Segment]
    probs: list[np.ndarray] = field(default_factory=list)
    hidden: list[np.ndarray] = field(default_factory=list)


@dataclass(frozen=True)
class Prediction:
    """One technique span: character range, label, calibrated score and raw parts."""

    start: int
    end: int
    label: str
    score: float
    span_conf: float
    label_prob: float


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-x)))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


#: Longest stretch of text handed to the tokenizer in one call (see
#: :meth:`FeatureEncoder.segments`).
TOKENIZE_CHARS = 100_000
#: Only the blanks the BERT normalizer keeps as blanks (other ``\s`` characters, such
#: as U+001C, are control characters it deletes, joining their neighbours).
_SPACE = re.compile(r"[ \t\n\r]+")


def _whitespace_pieces(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """``[start, end)`` cut at whitespace into pieces of about ``limit`` characters at
    most (a stretch without whitespace stays whole: cutting it could change its
    wordpieces)."""
    while end - start > limit:
        m = _SPACE.search(text, start + limit, end)
        if m is None:
            break
        yield start, m.start()
        start = m.end()
    if start < end:
        yield start, end


class FeatureEncoder:
    """Frozen encoder over overlapping windows -> one feature vector per wordpiece.

    Each wordpiece takes its features from the window where it is most central, so
    every token sees at least ``(max_len - 2 - stride) / 2`` tokens of context.
    """

    def __init__(
        self,
        tokenizer: Tokenizer,
        encoder: Callable[[np.ndarray, np.ndarray], np.ndarray],
        *,
        max_len: int = 256,
        stride: int = 192,
        batch_size: int = 16,
        chunk_windows: int = 64,
    ) -> None:
        self.tokenizer = tokenizer
        self.encoder = encoder
        self.max_len = max_len
        self.stride = stride
        self.batch_size = batch_size
        #: Windows encoded per chunk by :meth:`iter_features` (a multiple of the batch
        #: size keeps batches full): 64 x 254 wordpieces ≈ 70 kB of text, ≈ 25 MB of
        #: float32 features.
        self.chunk_windows = chunk_windows

    @classmethod
    def from_onnx(
        cls, tokenizer: Tokenizer, path: str | Path, *, threads: int | None = None, **kw: Any
    ) -> FeatureEncoder:
        sess = ort_session(Path(path), threads)

        def run(ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
            return np.asarray(sess.run(["feats"], {"input_ids": ids, "attention_mask": mask})[0])

        return cls(tokenizer, run, **kw)

    def segments(self, text: str, ranges: Sequence[tuple[int, int]]) -> list[Segment]:
        """The wordpieces of each non-empty range (see :func:`encode_ranges`).

        A range longer than :data:`TOKENIZE_CHARS` is tokenized in pieces cut at
        whitespace (the BERT pre-tokenizer splits there anyway, so the wordpieces are
        the same): the tokenizer's per-token Python objects for a whole 10 MB text would
        take gigabytes.
        """
        out: list[Segment] = []
        for a, b in ranges:
            # One piece at a time: the tokenizer's output for all of them at once is
            # what this avoids.
            parts = [
                seg
                for piece in _whitespace_pieces(text, a, b, TOKENIZE_CHARS)
                for seg in encode_ranges(self.tokenizer, text, [piece])
            ]
            if len(parts) == 1:
                out.append(parts[0])
            elif parts:
                out.append(
                    Segment(
                        ids=np.concatenate([p.ids for p in parts]),
                        starts=np.concatenate([p.starts for p in parts]),
                        ends=np.concatenate([p.ends for p in parts]),
                    )
                )
        return out

    def iter_features(
        self, segs: Sequence[Segment], chunk_windows: int | None = None
    ) -> Iterator[list[tuple[int, int, np.ndarray]]]:
        """Encode ``segs`` (one document) a chunk of windows at a time.

        Yields, per chunk, ``(segment index, first wordpiece, features [k, F])`` for
        every stretch of wordpieces whose features are final (each wordpiece is read in
        the window where it is most central); a segment's stretches come in order and
        cover it. ``chunk_windows=0`` encodes the whole document as one chunk.

        Batches never mix documents, nor chunks: the int8 encoder quantizes activations
        with one scale per batch, so a window's features depend on its batch mates.
        Within a chunk, longest windows first keeps padding low; a document of at most
        one chunk is batched exactly as in one pass.
        """
        chunk = self.chunk_windows if chunk_windows is None else chunk_windows
        size = self.max_len - 2
        wins = [make_windows(len(s), size, self.stride) for s in segs]
        jobs = [(si, wi, a, b) for si, ws in enumerate(wins) for wi, (a, b) in enumerate(ws)]
        if chunk <= 0:
            chunk = max(1, len(jobs))
        owner = [central_windows(ws, len(s)) for ws, s in zip(wins, segs, strict=True)]
        for o in owner:
            # Owners never decrease along a segment (windows advance monotonically), so
            # the wordpieces a run of windows owns are one contiguous stretch.
            if o.size > 1 and bool((np.diff(o) < 0).any()):
                raise ModelError("window ownership is not monotone")
        for c0 in range(0, len(jobs), chunk):
            part = sorted(jobs[c0 : c0 + chunk], key=lambda j: j[2] - j[3])
            first: dict[int, int] = {}
            last: dict[int, int] = {}
            for si, wi, _, _ in part:
                first[si] = min(first.get(si, wi), wi)
                last[si] = max(last.get(si, wi), wi)
            lo = {si: int(np.searchsorted(owner[si], first[si], "left")) for si in first}
            hi = {si: int(np.searchsorted(owner[si], last[si], "right")) for si in first}
            feats: dict[int, np.ndarray] = {}
            for k in range(0, len(part), self.batch_size):
                batch = part[k : k + self.batch_size]
                t = max(b - a for *_, a, b in batch) + 2
                ids = np.full((len(batch), t), PAD_ID, dtype=np.int64)
                mask = np.zeros((len(batch), t), dtype=np.int64)
                for r, (si, _, a, b) in enumerate(batch):
                    ids[r, 0] = CLS_ID
                    ids[r, 1 : b - a + 1] = segs[si].ids[a:b]
                    ids[r, b - a + 1] = SEP_ID
                    mask[r, : b - a + 2] = 1
                out = self.encoder(ids, mask)
                for r, (si, wi, a, b) in enumerate(batch):
                    f = feats.get(si)
                    if f is None:
                        f = np.zeros((hi[si] - lo[si], out.shape[-1]), dtype=np.float32)
                        feats[si] = f
                    mine = np.flatnonzero(owner[si][a:b] == wi)
                    f[a + mine - lo[si]] = out[r, 1 + mine]
            yield [(si, lo[si], feats[si]) for si in sorted(feats)]

    def features_many(
        self, items: Sequence[tuple[str, Sequence[tuple[int, int]]]]
    ) -> list[tuple[list[Segment], list[np.ndarray]]]:
        """For each ``(text, ranges)``: its segments and ``[n_tokens, F]`` features
        (the whole document at once; :meth:`iter_features` bounds memory)."""
        out: list[tuple[list[Segment], list[np.ndarray]]] = []
        for text, ranges in items:
            segs = self.segments(text, ranges)
            parts: list[list[np.ndarray]] = [[] for _ in segs]
            for chunk in self.iter_features(segs, 0):
                for si, _, f in chunk:
                    parts[si].append(f)
            out.append((segs, [p[0] if len(p) == 1 else np.concatenate(p) for p in parts]))
        return out

    def features(
        self, text: str, ranges: Sequence[tuple[int, int]]
    ) -> tuple[list[Segment], list[np.ndarray]]:
        return self.features_many([(text, ranges)])[0]


#: ``(feats [1, N, F] float32, wordpiece ids [1, N] int64) -> (token_logits [1, N],
#: hidden [1, N, D])``.
HeadFn = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


#: Wordpieces of context the token head sees on each side (one k=5 convolution reads
#: 2; the dilated ones of ``convs > 1`` add ``2 * 2**k`` each), rounded up generously.
_HEAD_CONTEXT = 64


def _head_context(info: dict[str, Any]) -> int | None:
    """Wordpieces of context the exported token head needs on each side, or ``None``
    when it reads the whole segment (a recurrent layer): then the head runs once per
    segment, as in training."""
    args = info.get("train_args") or {}
    if int(args.get("rnn", 0) or 0) > 0:
        return None
    convs = int(args.get("convs", 1) or 1)
    need: int = 2 + sum(2 * 2**k for k in range(1, convs))
    return max(_HEAD_CONTEXT, need)


@dataclass
class _Pending:
    """One segment's wordpieces between the encoder and the span decoder."""

    seg: Segment
    feats: list[np.ndarray] = field(default_factory=list)
    feats_from: int = 0  # wordpiece index of the first buffered feature row
    fed: int = 0  # wordpieces whose features have arrived
    headed: int = 0  # wordpieces run through the token head
    probs: list[np.ndarray] = field(default_factory=list)
    hidden: list[np.ndarray] = field(default_factory=list)
    decoded: int = 0  # wordpieces already turned into predictions


class TechniqueModel:
    """Span detection + technique classification over whole texts.

    Args:
        features: the frozen encoder (text -> per-wordpiece features).
        head: the trained token head (features -> span logits + head states).
        tc_w: technique head weights ``[14, 4 * D + 2]``.
        tc_b: technique head bias ``[14]``.
        config: inference settings.
    """

    def __init__(
        self,
        features: FeatureEncoder | None,
        head: HeadFn,
        tc_w: np.ndarray,
        tc_b: np.ndarray,
        config: ModelConfig | None = None,
        info: dict[str, Any] | None = None,
    ) -> None:
        self.features = features
        self.head = head
        self.tc_w = np.asarray(tc_w, dtype=np.float64)
        self.tc_b = np.asarray(tc_b, dtype=np.float64)
        self.config = config or ModelConfig()
        self.info = dict(info or {})
        if self.tc_w.shape[0] != len(self.config.labels):
            raise ModelError("technique head and label list disagree in size")
        self.head_context = _head_context(self.info)
        #: Decoded wordpieces are flushed once this many wait in the buffer and a quiet
        #: stretch allows it (see :meth:`predict`).
        self.flush_tokens = 4096

    FILES = ("encoder.onnx", "head.onnx", "tc_head.npz", "tokenizer.json", "config.json")

    @classmethod
    def load(cls, directory: str | Path, *, threads: int | None = None) -> TechniqueModel:
        """Load an exported artifact directory with onnxruntime."""
        d = Path(directory)
        missing = [n for n in cls.FILES if not (d / n).is_file()]
        if missing:
            raise ModelNotFoundError(
                f"technique model files {missing} not found in {d}; train and export one "
                "with `python -m training.techniques recipe` (from a checkout of spinscope) "
                "or reinstall spinscope"
            )
        raw = json.loads((d / "config.json").read_text("utf-8"))
        config = ModelConfig.from_dict(raw.get("inference", {}))
        fe = FeatureEncoder.from_onnx(
            load_tokenizer(d / "tokenizer.json"),
            d / "encoder.onnx",
            threads=threads,
            max_len=config.max_len,
            stride=config.stride,
            batch_size=config.batch_size,
        )
        sess = ort_session(d / "head.onnx", threads)
        wants_ids = any(i.name == "ids" for i in sess.get_inputs())

        def head(feats: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            feed = {"feats": feats, "ids": ids} if wants_ids else {"feats": feats}
            lg, h = sess.run(["token_logits", "hidden"], feed)
            return np.asarray(lg), np.asarray(h)

        with np.load(d / "tc_head.npz") as z:
            w, b = z["weight"], z["bias"]
        return cls(fe, head, w, b, config, raw)

    def with_config(self, **changes: Any) -> TechniqueModel:
        """A copy sharing encoder and heads, with some settings changed."""
        model = TechniqueModel(
            self.features,
            self.head,
            self.tc_w,
            self.tc_b,
            replace(self.config, **changes),
            self.info,
        )
        model.head_context = self.head_context
        model.flush_tokens = self.flush_tokens
        return model

    # -- encoding ------------------------------------------------------------------
    def from_features(
        self,
        text: str,
        ranges: Sequence[tuple[int, int]],
        segments: list[Segment],
        feats: list[np.ndarray],
    ) -> Encoded:
        """Run the token head over precomputed encoder features."""
        content = " ".join(text[a:b] for a, b in ranges)
        enc = Encoded(text, f" {normalise_span_text(content)} ", segments, [])
        for seg, f in zip(segments, feats, strict=True):
            lg, h = self.head(np.asarray(f, dtype=np.float32)[None], seg.ids[None])
            enc.probs.append(_sigmoid(np.asarray(lg[0], dtype=np.float64)))
            enc.hidden.append(np.asarray(h[0], dtype=np.float32))
        return enc

    def encode_many(
        self, items: Sequence[tuple[str, Sequence[tuple[int, int]] | None]]
    ) -> list[Encoded]:
        """Encode several texts (each with content ranges; ``None`` = all of it)."""
        if self.features is None:
            raise ModelError("this model has no encoder; use from_features()")
        norm = [(t, [(0, len(t))] if r is None else list(r)) for t, r in items]
        out = self.features.features_many(norm)
        return [
            self.from_features(t, r, segs, fs) for (t, r), (segs, fs) in zip(norm, out, strict=True)
        ]

    def encode(self, text: str, ranges: Sequence[tuple[int, int]] | None = None) -> Encoded:
        return self.encode_many([(text, ranges)])[0]

    # -- span head -----------------------------------------------------------------
    def detect(self, enc: Encoded, threshold: float | None = None) -> list[tuple[int, int, float]]:
        """Propaganda spans ``(start, end, mean token probability)``, word-aligned."""
        thr = self.config.threshold if threshold is None else threshold
        out: list[tuple[int, int, float]] = []
        cfg = self.config
        for seg, raw in zip(enc.segments, enc.probs, strict=True):
            p = raw
            if cfg.smooth > 1 and len(raw) > 1:
                k = np.ones(cfg.smooth) / cfg.smooth
                pad = cfg.smooth // 2
                p = np.convolve(np.pad(raw, pad, mode="edge"), k, mode="valid")
            on = np.flatnonzero(p >= thr)
            if on.size == 0:
                continue
            runs: list[list[int]] = [[int(on[0]), int(on[0]) + 1]]
            for i in on[1:]:
                if i - runs[-1][1] <= cfg.max_gap:
                    runs[-1][1] = int(i) + 1
                else:
                    runs.append([int(i), int(i) + 1])
            for i, j in runs:
                if j - i < cfg.min_tokens:
                    continue
                s, e = snap_to_words(enc.text, int(seg.starts[i]), int(seg.ends[j - 1]))
                if not _HAS_WORD.search(enc.text[s:e]):
                    continue
                out.append((s, e, float(p[i:j].mean())))
        out.sort()
        merged: list[tuple[int, int, float]] = []
        for s, e, c in out:
            if merged and s < merged[-1][1]:
                ps, pe, pc = merged[-1]
                merged[-1] = (ps, max(pe, e), max(pc, c))
            else:
                merged.append((s, e, c))
        return merged

    # -- technique head ------------------------------------------------------------
    def span_features(self, enc: Encoded, spans: Sequence[tuple[int, int]]) -> np.ndarray:
        """``[n, B*D + 2]``: mean ⊕ max ⊕ first ⊕ last head state (⊕ context mean when
        ``tc_context``), then the extra features."""
        ctx = self.config.tc_context
        dim = self.tc_w.shape[1] - 2
        d = dim // (5 if ctx else 4)
        feats = np.zeros((len(spans), dim + 2), dtype=np.float64)
        for k, (s, e) in enumerate(spans):
            for seg, h in zip(enc.segments, enc.hidden, strict=True):
                r = token_range(seg, s, e)
                if r is None:
                    continue
                x = h[r[0] : r[1]]
                feats[k, :d] = x.mean(axis=0)
                feats[k, d : 2 * d] = x.max(axis=0)
                feats[k, 2 * d : 3 * d] = x[0]
                feats[k, 3 * d : 4 * d] = x[-1]
                if ctx:
                    feats[k, 4 * d : 5 * d] = h[max(0, r[0] - ctx) : r[1] + ctx].mean(axis=0)
                break
            feats[k, dim:] = span_extra_features(enc.norm, enc.text[s:e])
        return feats

    def classify(self, enc: Encoded, spans: Sequence[tuple[int, int]]) -> np.ndarray:
        """Technique probabilities ``[n, 14]`` for character spans of an encoded text."""
        if not spans:
            return np.zeros((0, len(self.config.labels)), dtype=np.float64)
        z = (self.span_features(enc, spans) @ self.tc_w.T + self.tc_b) / self.config.temperature
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return np.asarray(p / p.sum(axis=1, keepdims=True))

    def score(self, span_conf: float, label_prob: float) -> float:
        """Calibrated probability that a (span, technique) prediction is right."""
        a, b, c = self.config.calib
        z = a * _logit(span_conf) + b * _logit(label_prob) + c
        return float(1.0 / (1.0 + math.exp(-z)))

    # -- end to end ----------------------------------------------------------------
    def predict_encoded(self, enc: Encoded) -> list[Prediction]:
        spans = self.detect(enc)
        probs = self.classify(enc, [(s, e) for s, e, _ in spans])
        labels = self.config.labels
        out: list[Prediction] = []
        for (s, e, conf), p in zip(spans, probs, strict=True):
            order = np.argsort(-p, kind="stable")
            for rank, li in enumerate(order[:2]):
                pl = float(p[li])
                if rank == 1 and pl < self.config.second_label_min:
                    break
                out.append(Prediction(s, e, labels[li], self.score(conf, pl), conf, pl))
        return out

    def predict(
        self, text: str, ranges: Sequence[tuple[int, int]] | None = None
    ) -> list[Prediction]:
        """Technique spans of ``text`` (only inside ``ranges`` when given).

        Streams the text through encoder, head and decoder (see the module docstring):
        memory stays bounded by the chunk size, not the text's length, and a text of at
        most one chunk gives exactly :meth:`predict_encoded` of :meth:`encode`.
        """
        if self.features is None:
            raise ModelError("this model has no encoder; use from_features()")
        rngs = [(0, len(text))] if ranges is None else list(ranges)
        content = " ".join(text[a:b] for a, b in rngs)
        norm = f" {normalise_span_text(content)} "
        del content
        pending = [_Pending(seg) for seg in self.features.segments(text, rngs)]
        out: list[Prediction] = []
        chunks = self.features.iter_features([p.seg for p in pending])
        chunk = next(chunks, None)
        several = False
        while chunk is not None:
            ahead = next(chunks, None)  # only to know whether there is more than one
            several = several or ahead is not None
            for si, lo, f in chunk:
                p = pending[si]
                if lo != p.fed:
                    raise ModelError("encoder stretches arrived out of order")
                p.feats.append(f)
                p.fed += len(f)
                self._run_head(p)
                if several and sum(len(x) for x in p.probs) >= self.flush_tokens:
                    out.extend(self._flush_quiet(text, norm, p))
            chunk = ahead
        # What is left (the whole document, when it fits one chunk) is decoded at once,
        # as one Encoded: exactly the one-pass path.
        rest = [p for p in pending if p.probs]
        enc = Encoded(
            text,
            norm,
            [_slice(p.seg, p.decoded, p.headed) for p in rest],
            [_cat(p.probs) for p in rest],
            [_cat(p.hidden) for p in rest],
        )
        out.extend(self.predict_encoded(enc))
        out.sort(key=lambda x: (x.start, x.end))
        return out

    def _run_head(self, p: _Pending) -> None:
        """Run the token head over the wordpieces of ``p`` whose context has arrived."""
        n = len(p.seg)
        ctx = self.head_context
        if p.fed < n and (ctx is None or p.fed - ctx <= p.headed):
            return
        upto = n if p.fed >= n else p.fed - (ctx or 0)
        feats = _cat(p.feats)
        a = p.headed if ctx is None else max(p.feats_from, p.headed - ctx)
        b = p.fed if ctx is None else min(p.fed, upto + ctx)
        x = feats[a - p.feats_from : b - p.feats_from]
        lg, h = self.head(np.asarray(x, dtype=np.float32)[None], p.seg.ids[a:b][None])
        keep = slice(p.headed - a, upto - a)
        p.probs.append(_sigmoid(np.asarray(lg[0][keep], dtype=np.float64)))
        p.hidden.append(np.asarray(h[0][keep], dtype=np.float32))
        p.headed = upto
        # Keep only the features the next head call reads as left context.
        start = p.headed if ctx is None else max(0, p.headed - ctx)
        p.feats = [feats[start - p.feats_from :].copy()] if start < p.fed else []
        p.feats_from = start

    def _flush_quiet(self, text: str, norm: str, p: _Pending) -> list[Prediction]:
        """Decode the buffered wordpieces of ``p`` up to the last quiet cut.

        A cut at wordpiece ``c`` changes no prediction when no wordpiece within ``m``
        of it reaches the threshold (so no run of ``detect`` — gaps, smoothing and
        ``tc_context`` included — reaches across it) and the text is not one word there
        (so no span snaps across it). Without such a cut the buffer keeps growing.
        """
        cfg = self.config
        m = cfg.max_gap + 1 + cfg.smooth + cfg.tc_context
        probs = _cat(p.probs)
        n = len(probs)
        if n < 2 * m + 1:
            return []
        hot = np.concatenate([[0], np.cumsum(probs >= cfg.threshold)])
        cand = np.arange(m, n - m + 1)
        quiet = cand[hot[cand + m] - hot[cand - m] == 0]
        starts = p.seg.starts
        cut = -1
        for c in quiet[::-1].tolist():
            pos = int(starts[p.decoded + c])
            if snap_to_words(text, pos, pos)[0] == pos:  # not inside a word
                cut = c
                break
        if cut <= 0:
            p.probs = [probs]
            return []
        hidden = _cat(p.hidden)
        enc = Encoded(
            text, norm, [_slice(p.seg, p.decoded, p.decoded + cut)], [probs[:cut]], [hidden[:cut]]
        )
        preds = self.predict_encoded(enc)
        p.probs = [probs[cut:]]
        p.hidden = [hidden[cut:]]
        p.decoded += cut
        return preds


def _cat(parts: list[np.ndarray]) -> np.ndarray:
    return parts[0] if len(parts) == 1 else np.concatenate(parts)


def _slice(seg: Segment, a: int, b: int) -> Segment:
    if a == 0 and b == len(seg):
        return seg
    return Segment(seg.ids[a:b], seg.starts[a:b], seg.ends[a:b])
