"""The attribution record shared by the rule-based and the neural extractors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

__all__ = ["Attribution", "Range", "attribution_kind", "opens_to_paragraph_end"]

#: a ``(start, end)`` pair: characters (end exclusive) or tokens (end inclusive)
Range = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One attribution: who (source), how (cue), what (content fragments).

    Attributes:
        cue: character range of the cue.
        content: character ranges of the content, in text order.
        source: character range of the source, or ``None`` (anonymous/implicit).
        kind: ``"direct"``, ``"indirect"`` or ``"mixed"``.
        score: the cue tagger's mean probability over the cue tokens.
        origin: ``"sentence"`` when the attribution's own sentence gives it,
            ``"adjacent"`` for a quotation with no cue of its own, attributed from the
            text next to it, ``"echo"`` for a quotation repeating words an earlier
            attribution quoted (its cue and source are that attribution's). Not
            compared: the same attribution however it was found.
    """

    cue: Range
    content: tuple[Range, ...]
    source: Range | None
    kind: str
    score: float
    origin: str = field(default="sentence", compare=False)

    @property
    def start(self) -> int:
        starts: list[int] = [self.cue[0], *(c[0] for c in self.content)]
        if self.source is not None:
            starts.append(self.source[0])
        return min(starts)

    @property
    def end(self) -> int:
        ends: list[int] = [self.cue[1], *(c[1] for c in self.content)]
        if self.source is not None:
            ends.append(self.source[1])
        return max(ends)

    @classmethod
    def quotation(
        cls, cue: Range, quote: Range, source: Range | None, score: float = 1.0
    ) -> Attribution:
        """A direct attribution of one quotation (``score`` 1: found by a rule, not the
        cue tagger, unless an attribution's own score is passed on)."""
        return cls(cue=cue, content=(quote,), source=source, kind="direct", score=score)

    def with_content(self, text: str, content: tuple[Range, ...]) -> Attribution:
        """The same attribution with other content (its kind recomputed from ``text``):
        what is left when a quotation inside it is given to another speaker."""
        return replace(self, content=content, kind=attribution_kind(text, content))


def attribution_kind(text: str, content: Sequence[Range]) -> str:
    """``direct`` when every content fragment (character ranges) is a quotation, ``mixed``
    when the content contains quotation marks, ``indirect`` otherwise."""
    quoted = [
        text[s] in "“„«\"‘'" and (text[e - 1] in "”»\"’'" or opens_to_paragraph_end(text, s, e))
        for s, e in content
    ]
    if all(quoted):
        return "direct"
    if any(c in text[s:e] for s, e in content for c in '“”"«»'):
        return "mixed"
    return "indirect"


def opens_to_paragraph_end(text: str, s: int, e: int) -> bool:
    """Does the fragment ``s:e`` open a quotation that its paragraph leaves open (the
    convention for a quotation going on in the next paragraph: ``“… penalties.`` ¶
    ``“That’s why …”``)? Such a fragment is all quotation. So is one that the next
    quotation of its paragraph takes up, the paragraph break between them lost (``“…
    our nation. “Yes, they …”``)."""
    rest = text[e:]
    newline = rest.find("\n")
    line = (rest if newline < 0 else rest[:newline]).strip()
    return (
        text[s] in '“„«"'
        and not any(c in text[s + 1 : e] for c in '”»"')
        and text[e - 1] in ".!?"
        and (not line or (text[s] == "“" and line[:1] == "“"))
    )
