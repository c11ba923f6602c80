"""The full name and title a speaker known by a surname alone was introduced with.

Articles introduce a person once in full, with a title (``Chief Education Officer Dr
Ramona Archer-Bradshaw``), and then write the surname alone (``Archer-Bradshaw said``).
Linking keeps such a speaker under the surname, as the resolution of pronouns knows it;
what a reader is shown is the person the article introduced: the full name, and the
title written right before it as the role.
"""

from __future__ import annotations

import re

from spinscope.attribution.lexicon import NOT_NAME_LEAD
from spinscope.attribution.mentions import (
    _is_title,
    _not_a_name,
    _strip_det,
    first_name_gender,
    parse_mention,
)
from spinscope.attribution.text import find_quotes

__all__ = ["introduced_in_full"]

#: a surname as a speaker's whole name: capitalised, lower case after its first letter
#: or an apostrophe (``McConney``, ``O’Brien``), parts maybe joined by hyphens
_SURNAME = re.compile(r"[A-Z](?:[’'][A-Z])?[a-z][\w’']*(?:-[A-Z][\w’']+)*")
#: an honorific between a title and a name (``Chief Education Officer Dr Ramona …``)
_HONORIFIC = r"(?:Mr|Ms|Mrs|Dr|Prof|Sir)\.?"
#: a sentence's end (not an honorific's or an initial's full stop)
_SENTENCE_END = re.compile(r"(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\b[A-Z])[.!?]\s")
#: words of a title run before a name, at most
_TITLE_WORDS = 6


def introduced_in_full(
    text: str, surname: str, pos: int, gender: str | None
) -> tuple[str, str | None] | None:
    """``(full name, title)`` for a speaker named ``surname`` alone, first mentioned at
    ``pos``: the one person the text before writes with a first name and that surname
    outside quotations (a known first name, or any after an honorific), and the title
    written directly before that name (``None`` if none). ``None`` when no such person
    is written, or two are (``Donald Trump`` and ``Melania Trump``: which is meant is
    not said, unless only one has the speaker's gender), or the first name's gender is
    not the speaker's."""
    if not _SURNAME.fullmatch(surname) or surname.lower() in NOT_NAME_LEAD:
        return None
    if _not_a_name(surname):
        return None
    before = text[:pos]
    quotes = find_quotes(text)
    pattern = re.compile(
        rf"(?<![\w’'-])(?P<hon>{_HONORIFIC} )?(?P<first>[A-Z][a-z]+) {re.escape(surname)}"
        # "Hillary Clinton’s focus": the person is written in full before a possessive
        r"(?:(?=[’']s\b)|(?![\w’'-]))(?P<gen>,? (?:Jr|Sr)\b)?"
    )
    firsts: set[str] = set()
    spots: list[tuple[int, int, str]] = []
    for fm in pattern.finditer(before):
        if any(qs <= fm.start() < qe for qs, qe in quotes):
            continue
        first = fm.group("first")
        if not (first_name_gender(first) or fm.group("hon")) or first.lower() in NOT_NAME_LEAD:
            continue
        lead = before[: fm.start()].rstrip(" ")
        if fm.group("gen") or lead.endswith("-") or _first_before(lead):
            # "Donald Trump Jr.", "Billy-Bob Johnson", "Mary Ann Smith": a name with
            # another part is someone else's, or not all of it is seen
            return None
        firsts.add(first)
        spots.append((fm.start(), fm.end("first") + 1 + len(surname), first))
    if len(firsts) > 1 and gender is not None:
        # "Bill Clinton’s foundation … Clinton said … she": the one of that gender
        firsts = {f for f in firsts if first_name_gender(f) == gender}
    if len(firsts) != 1:
        return None
    first = firsts.pop()
    if gender is not None and first_name_gender(first) not in (None, gender):
        return None
    full = f"{first} {surname}"
    for start, end, _ in spots:
        if (role := _title_before(before, start, end, full)) is not None:
            return full, role
    return full, None


def _first_before(lead: str) -> bool:
    """Does ``lead`` end in a known first name (``Mary`` of ``Mary Ann Smith``)?"""
    last = re.search(r"(?<![\w’'-])([A-Z][a-z]+)$", lead)
    return last is not None and first_name_gender(last.group(1)) is not None


def _title_before(text: str, start: int, end: int, full: str) -> str | None:
    """The title written directly before the name ``full`` at ``start``–``end``
    (``Minister of Education`` of ``… by Minister of Education Kay McConney``), as the
    mention parser splits it from the name; ``None`` if there is none. The run read
    starts at a capitalised word of the same clause, the longest the parser reads as
    that name with a title."""
    clause = max(text.rfind(c, 0, start) for c in ',;:()“”"—–\n') + 1
    for stop in _SENTENCE_END.finditer(text, clause, start):
        clause = stop.end()
    words = [m.start() + clause for m in re.finditer(r"\S+", text[clause:start])]
    for at in words[-_TITLE_WORDS:]:
        if not text[at].isupper():
            continue
        m = parse_mention(text[at:end])
        if m.kind == "name" and m.name == full and m.role and not m.members:
            role = _strip_det(m.role)
            return role if _title_only(role) else None
    return None


def _title_only(role: str) -> bool:
    """Is ``role`` a title alone: a title word last, and before it only capitalised
    words, ``the`` or title words (``Education minister``), maybe with the body it is of
    in capitals after (``Minister of Trade and Industry``)? What the parser leaves of a
    clause (``British newspaper alleges that``, ``Trump and Democratic nominee``,
    ``Soros-backed``) is no role to show."""
    head, _, body = role.partition(" of ")
    words = head.split()
    if not words or not _is_title(words[-1].strip(",.")):
        return False
    if not all(
        (w[:1].isupper() and w.lower() != "and") or w == "the" or _is_title(w) for w in words
    ):
        return False
    return all(w[:1].isupper() or w in ("the", "and", "of") for w in body.split())
