"""What the attribution tests ask of ``analyse``, read off an invented text.

:func:`read` gives every attribution as a :class:`Read` of plain strings, so that a test
projects the parts it asserts (``[(r.cue, r.source) for r in read(text)]``) instead of
slicing character ranges; :func:`with_cue`, :func:`holding`, :func:`speaker_of` and
:func:`covering_speaker` find the one attribution a test is about.
"""

from __future__ import annotations

from dataclasses import dataclass

from spinscope.attribution import analyse
from spinscope.attribution.text import find_quotes
from spinscope.document import Document


@dataclass(frozen=True)
class Read:
    """One attribution as text: its parts, and the speaker its source resolved to.

    ``name`` and ``role`` are ``None`` when the source is unresolved (or absent);
    ``spans`` are the character ranges of ``content``, for the tests that find an
    attribution by where a quotation lies.
    """

    cue: str
    source: str | None
    content: tuple[str, ...]
    kind: str
    name: str | None
    role: str | None
    spans: tuple[tuple[int, int], ...]

    @property
    def speaker(self) -> str | None:
        """The speaker as the tests name it: its name, else its description (role)."""
        return self.name or self.role

    def holds(self, at: int) -> bool:
        """Does a content fragment hold the character at ``at``?"""
        return any(s <= at < e for s, e in self.spans)

    def covers(self, start: int, end: int) -> bool:
        """Does one content fragment cover all of ``start:end``?"""
        return any(s <= start and end <= e for s, e in self.spans)


def read(doc: str | Document) -> list[Read]:
    """Every attribution ``analyse`` finds in ``doc`` (a text, or a document a pipeline
    built when the test needs its other components), in the order it gives them."""
    if isinstance(doc, str):
        doc = Document(doc)
    text = doc.text
    atts, speakers, links, _ = analyse(doc)
    out = []
    for att, link in zip(atts, links, strict=True):
        sp = speakers[link] if link is not None else None
        out.append(
            Read(
                cue=text[att.cue[0] : att.cue[1]],
                source=text[att.source[0] : att.source[1]] if att.source else None,
                content=tuple(text[s:e] for s, e in att.content),
                kind=att.kind,
                name=sp.name if sp else None,
                role=sp.role if sp else None,
                spans=tuple(att.content),
            )
        )
    return out


def _listing(reads: list[Read]) -> str:
    """The attributions found, for a failure message."""
    return repr([(r.cue, r.source, r.content) for r in reads])


def with_cue(text: str, cue: str) -> Read:
    """The first attribution whose cue is ``cue``; an error when none has it."""
    reads = read(text)
    for r in reads:
        if r.cue == cue:
            return r
    raise AssertionError(f"no attribution with the cue {cue!r}: {_listing(reads)}")


def holding(doc: str | Document, quote: str) -> Read:
    """The first attribution whose content holds the start of ``quote``; an error when
    none does."""
    reads = read(doc)
    at = (doc if isinstance(doc, str) else doc.text).index(quote)
    for r in reads:
        if r.holds(at):
            return r
    raise AssertionError(f"no attribution holds {quote!r}: {_listing(reads)}")


def speaker_of(doc: str | Document, quote: str) -> tuple[str | None, str | None]:
    """``(name, role)`` of the speaker of the attribution whose content holds ``quote``
    (``(None, None)`` when it is unresolved); an error when no attribution holds it."""
    r = holding(doc, quote)
    return r.name, r.role


def covering_speaker(text: str, quote: str) -> str | None:
    """The speaker (name, else description) of the attribution covering all of
    ``quote``; ``"unattributed"`` when none covers it, ``None`` when its speaker is
    unresolved."""
    start = text.index(quote)
    end = start + len(quote)
    for r in read(text):
        if r.covers(start, end):
            return r.speaker
    return "unattributed"


def quoted(text: str) -> list[str]:
    """The quotations ``find_quotes`` marks in ``text``."""
    return [text[s:e] for s, e in find_quotes(text)]
