"""What the attribution tests ask of ``analyse``: the speaker of the attribution holding a
quotation of an invented text."""

from __future__ import annotations

from spinscope.attribution import analyse
from spinscope.document import Document


def speaker_of(text: str, quote: str) -> tuple[str | None, str | None]:
    """``(name, role)`` of the speaker of the attribution whose content holds ``quote``
    (``(None, None)`` when it is unresolved); an error when no attribution holds it."""
    atts, speakers, links, _ = analyse(Document(text))
    at = text.index(quote)
    for att, link in zip(atts, links, strict=True):
        if any(s <= at < e for s, e in att.content):
            sp = speakers[link] if link is not None else None
            return (sp.name, sp.role) if sp else (None, None)
    raise AssertionError(f"no attribution holds {quote!r}")


def covering_speaker(text: str, quote: str) -> str | None:
    """The speaker (name, else description) of the attribution covering all of
    ``quote``; ``"unattributed"`` when none covers it, ``None`` when its speaker is
    unresolved."""
    start = text.index(quote)
    end = start + len(quote)
    atts, speakers, links, _ = analyse(Document(text))
    for att, sid in zip(atts, links, strict=True):
        if any(s <= start and end <= e for s, e in att.content):
            if sid is None:
                return None
            return speakers[sid].name or speakers[sid].role
    return "unattributed"
