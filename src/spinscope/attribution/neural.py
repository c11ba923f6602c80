"""Optional neural backend: a token tagger (ONNX) whose BIO spans are grouped into attributions.

The tagger labels word pieces ``O``/``B-``/``I-`` × ``Source``/``Cue``/``Content``
(PolNeAR is univocal, so an article's attributions are one tag sequence). It is
trained and exported by ``python -m training.attribution tagger`` (in a checkout of the
repository, with the ``train`` extra); at runtime only onnxruntime and tokenizers are
needed. A model folder holds ``tagger.onnx``,
``tokenizer.json`` and ``labels.json``.

Grouping (:func:`group_spans`, model-free and unit-tested): every ``Cue`` span
anchors one attribution; each ``Content`` span joins the nearest cue of its
paragraph (same sentence first), each ``Source`` span the nearest cue of its sentence.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from spinscope.attribution.result import Attribution, attribution_kind
from spinscope.attribution.text import TokenView
from spinscope.errors import ModelError, ModelNotFoundError

__all__ = ["LABELS", "NeuralTagger", "TagSpan", "group_spans"]

LABELS = ("O", "B-Source", "I-Source", "B-Cue", "I-Cue", "B-Content", "I-Content")
WINDOW = 256
STRIDE = 192


@dataclass(frozen=True)
class TagSpan:
    """A tagged character range: ``role`` is ``Source``, ``Cue`` or ``Content``."""

    start: int
    end: int
    role: str
    score: float


def bio_to_spans(
    offsets: Sequence[tuple[int, int]], tags: Sequence[str], probs: Sequence[float]
) -> list[TagSpan]:
    """Merge word-piece BIO tags (with offsets) into character spans."""
    out: list[TagSpan] = []
    cur: list[Any] | None = None
    for (s, e), tag, p in zip(offsets, tags, probs, strict=True):
        if e <= s:
            continue
        if tag == "O":
            if cur:
                out.append(TagSpan(cur[0], cur[1], cur[2], float(np.mean(cur[3]))))
            cur = None
            continue
        bio, role = tag.split("-", 1)
        if cur and role == cur[2] and (bio == "I" or s == cur[1]):
            cur[1] = e
            cur[3].append(p)
        else:
            if cur:
                out.append(TagSpan(cur[0], cur[1], cur[2], float(np.mean(cur[3]))))
            cur = [s, e, role, [p]]
    if cur:
        out.append(TagSpan(cur[0], cur[1], cur[2], float(np.mean(cur[3]))))
    return out


def group_spans(v: TokenView, spans: Sequence[TagSpan]) -> list[Attribution]:
    """Attributions from tagged spans: each cue collects its nearest content and source."""
    import bisect

    sent_starts = [s for s, _ in v.sent_chars]

    def sent_of(char: int) -> int:
        return max(0, bisect.bisect_right(sent_starts, char) - 1)

    def para_of(char: int) -> int:
        return v.para_of_sent[sent_of(char)] if v.para_of_sent else 0

    cues = [s for s in spans if s.role == "Cue"]
    if not cues:
        return []
    contents: dict[int, list[TagSpan]] = {i: [] for i in range(len(cues))}
    sources: dict[int, TagSpan] = {}

    def nearest(span: TagSpan, same: str) -> int | None:
        best: tuple[int, int, int] | None = None
        for i, c in enumerate(cues):
            if same == "sent" and sent_of(c.start) != sent_of(span.start):
                continue
            if same == "para" and para_of(c.start) != para_of(span.start):
                continue
            dist = c.start - span.end if c.start >= span.end else span.start - c.end
            key = (0 if sent_of(c.start) == sent_of(span.start) else 1, max(0, dist), i)
            if best is None or key < best:
                best = key
        return best[2] if best else None

    for s in spans:
        if s.role == "Content":
            i = nearest(s, "para")
            if i is not None:
                contents[i].append(s)
        elif s.role == "Source":
            i = nearest(s, "sent")
            if i is not None and (i not in sources or s.score > sources[i].score):
                sources[i] = s
    out = []
    for i, c in enumerate(cues):
        parts = tuple(sorted((x.start, x.end) for x in contents[i]))
        if not parts:
            continue
        src = sources.get(i)
        out.append(
            Attribution(
                cue=(c.start, c.end),
                content=parts,
                source=(src.start, src.end) if src else None,
                kind=attribution_kind(v.text, parts),
                score=round(c.score, 4),
            )
        )
    return out


class NeuralTagger:
    """ONNX token tagger + tokenizer from a model folder."""

    def __init__(self, model_dir: Path | str) -> None:
        d = Path(model_dir)
        onnx_path = d / "tagger.onnx"
        if not onnx_path.is_file():
            raise ModelNotFoundError(
                f"no attribution tagger at {onnx_path}; train one with "
                "`python -m training.attribution tagger` (from a checkout of spinscope)"
            )
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer

            opts = ort.SessionOptions()
            opts.intra_op_num_threads = 1
            self.session = ort.InferenceSession(
                str(onnx_path), opts, providers=["CPUExecutionProvider"]
            )
            self.tokenizer = Tokenizer.from_file(str(d / "tokenizer.json"))
            self.tokenizer.no_truncation()
            self.tokenizer.no_padding()
            self.labels: list[str] = json.loads((d / "labels.json").read_text("utf-8"))
        except (OSError, ValueError, RuntimeError) as exc:
            raise ModelError(f"attribution tagger at {d} cannot be loaded: {exc}") from exc

    def tag(self, text: str) -> list[TagSpan]:
        enc = self.tokenizer.encode(text, add_special_tokens=False)
        ids = enc.ids
        offsets = enc.offsets
        n = len(ids)
        if n == 0:
            return []
        probs = np.zeros((n, len(self.labels)), dtype=np.float32)
        weight = np.zeros(n, dtype=np.float32)
        body = WINDOW - 2
        for start in range(0, max(1, n - body + STRIDE), STRIDE):
            piece = ids[start : start + body]
            if not piece:
                break
            x = np.array([[101, *piece, 102]], dtype=np.int64)
            logits = self.session.run(None, {"input_ids": x, "attention_mask": np.ones_like(x)})[0]
            p = _softmax(logits[0, 1 : 1 + len(piece)])
            # weight tokens by distance from the window edge (centre counts most)
            k = np.arange(len(piece))
            w = np.minimum(k + 1, len(piece) - k).astype(np.float32)
            probs[start : start + len(piece)] += p * w[:, None]
            weight[start : start + len(piece)] += w
            if start + body >= n:
                break
        probs /= np.maximum(weight, 1e-9)[:, None]
        best = probs.argmax(-1)
        tags = [self.labels[int(i)] for i in best]
        return bio_to_spans(offsets, tags, [float(probs[i, best[i]]) for i in range(n)])


def _softmax(x: Any) -> Any:
    z = x - x.max(-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(-1, keepdims=True)
