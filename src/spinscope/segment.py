"""Sentences and tokens with character offsets: the shared ``sentences.v1`` component.

Why blingfire: its finite-state sentence and word breakers are compiled C (about 1 ms
for a 3,000-character article, ~50x faster than pysbd's regex cascade), return
offsets into the input instead of rewritten strings, and handle curly quotes and
abbreviations ("U.S.", "Gen.") well on news text. Two rules sit on top of it:

* a line break always ends a sentence (news text and PTC articles put one paragraph
  or sentence per line, and headlines carry no final full stop);
* every offset blingfire returns is checked against the text; a paragraph where they
  disagree (exotic Unicode) falls back to a regex segmentation, so offsets are never
  wrong, only occasionally coarser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import blingfire

from spinscope.document import Document, Span
from spinscope.pipeline import Component, register

__all__ = ["segment", "sentence_offsets", "token_offsets"]

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")
_FALLBACK_SENT = re.compile(r".+?(?:[.!?…][\"'”’)\]]*(?=\s)|$)", re.S)
_FALLBACK_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]", re.U)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _valid(piece: str, offsets: list[tuple[int, int]]) -> bool:
    last = 0
    for s, e in offsets:
        if not (last <= s < e <= len(piece)) or piece[s:e].isspace():
            return False
        last = s
    return True


def sentence_offsets(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence; whitespace is never part of one."""
    for line in _LINE.finditer(text):
        base = line.start()
        piece = line.group()
        if not piece.strip():
            continue
        _, offsets = blingfire.text_to_sentences_and_offsets(piece)
        if not offsets or not _valid(piece, offsets):
            offsets = [m.span() for m in _FALLBACK_SENT.finditer(piece) if m.group().strip()]
        for s, e in offsets:
            s, e = _strip(piece, s, e)
            if s < e:
                yield base + s, base + e


def token_offsets(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each word/punctuation token in ``text[start:end]``."""
    end = len(text) if end is None else end
    piece = text[start:end]
    if not piece.strip():
        return
    _, offsets = blingfire.text_to_words_with_offsets(piece)
    if not offsets or not _valid(piece, offsets):
        offsets = [m.span() for m in _FALLBACK_TOKEN.finditer(piece)]
    for s, e in offsets:
        yield start + s, start + e


def segment(doc: Document) -> Document:
    """Assign ``sentences`` and ``tokens`` to ``doc`` (boilerplate included: it is text)."""
    sentences = [Span(s, e, "sentence") for s, e in sentence_offsets(doc.text)]
    tokens = [Span(ts, te) for s in sentences for ts, te in token_offsets(doc.text, s.start, s.end)]
    doc.set_spans("sentences", sentences)
    doc.set_spans("tokens", tokens)
    return doc


@register(
    "sentences.v1",
    assigns=("sentences", "tokens"),
    description="Sentence and token boundaries with character offsets (blingfire).",
)
def make_sentences() -> Component:
    return segment
