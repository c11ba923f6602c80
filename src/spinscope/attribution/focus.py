"""Who the sentence before a quotation is about: its subject, not a person it names after.

``After court, Roe told reporters Lane had threatened to sue him. “I don’t want that,”
he said.``: the pronoun takes up Roe, the subject, though Lane is written later; ``In
court, Lane badgered Roe. “Are you done?” he said.`` is Lane. Recency alone picks the
person written last, here the object or a name inside a report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: a quotation closing right before the pronoun that follows it ("“…,” he said")
_QUOTE_BEFORE = re.compile(r"“[^“”]{1,3000}[,?!.]”\s*$")

#: a short phrase set off before a sentence's subject ("After court,", "On Tuesday,")
_FRONTED = re.compile(r"(?:[A-Z]\w*(?:\s+\w+){0,3},\s+)?")

#: a word that may follow a subject's name: a verb in the past or present, an adverb
#: ("Roe told", "Lane badgered", "Roe later said"), not a conjunction or a possessive
_AFTER_SUBJECT = re.compile(r"\s+(?!and\b|or\b|but\b)[a-z]\w+")


#: a question the subject puts to the one named after it: the one asked answers
#: ("Melvin followed up by asking Clinton if he had apologized. “…,” he said"); a question
#: put to the subject after that name leaves the subject ("Trump described Powell as a
#: friend when asked about her")
_ASKING = re.compile(r"\b(?:ask|question|press|quiz|interview)\w*", re.IGNORECASE)


def sentence_before(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the sentence before the one that the quotation closing right before
    ``pos`` opens (or, with no such quotation, that ``pos`` opens); ``None`` when the
    quotation or the pronoun does not open its sentence."""
    quote = _QUOTE_BEFORE.search(text, max(0, pos - 3000), pos)
    start = quote.start() if quote else pos
    lo = max(0, start - 600)
    bounds = list(_BOUNDARY.finditer(text, lo, start))
    if not bounds or text[bounds[-1].end() : start].strip():
        return None
    end = bounds[-1].start() + 1
    before = [b for b in bounds[:-1] if b.end() <= end]
    begin = before[-1].end() if before else lo
    return (begin, end) if text[begin:end].strip() else None


#: the end of a sentence (its closing punctuation, a quotation mark, spaces) or a line
_BOUNDARY = re.compile(r"[.!?][”\"’']?\s+|\n")


def subject_before(text: str, pos: int, names: Sequence[str], later: str) -> str | None:
    """The one of ``names`` (last names) that is the subject of the sentence before the
    quotation closing right before ``pos``, when ``later`` (another last name) is written
    after it in that sentence, as its object or inside what it reports; else ``None``."""
    span = sentence_before(text, pos)
    if span is None:
        return None
    sentence = text[span[0] : span[1]]
    opening = _FRONTED.match(sentence)
    at = opening.end() if opening else 0
    for name in names:
        mm = re.match(rf"{re.escape(name)}\b", sentence[at:])
        if name != later and mm and _AFTER_SUBJECT.match(sentence, at + mm.end()):
            after = sentence[at + mm.end() :]
            named = re.search(rf"\b{re.escape(later)}\b", after)
            return name if named and not _ASKING.search(after, 0, named.start()) else None
    return None
