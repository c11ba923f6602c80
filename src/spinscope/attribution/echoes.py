"""Quotation fragments that echo words a speaker was quoted saying earlier.

Commentary quotes someone at length and then takes a few of those words up again in
its own sentences: ``Farage said: “… a battle between us and the entire religion …”``
then ``… that they are in a “battle” with the “entire religion” of Islam``. The marks
say whose words they are: the one quoted saying them first.

A short quotation (:data:`MIN_WORDS` to :data:`MAX_WORDS` words) that no attribution gives a
speaker — written in the article's own voice, or reported by a cue with no subject
(``If X were a Muslim saying that Muslims must destroy “…”``) — takes the speaker of
the earlier quotation whose words hold its own, where exactly one speaker's earlier
quotations do. A headline's quotation is no such origin: the headline sums up the words
the article quotes in full later, and those are no echo of it. A quotation someone
else's cue introduces keeps that cue's source (resolved or not): its words are that
source's, whoever said them first. A single word is as often the writer's own scare
quote; a title or a name (``DuVernay’s “13th”``, ``told “Fox & Friends”``), a named
phrase (``used the phrase “…”``) and a term the article quotes again and again are no
one's echo.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spinscope.attribution.lexicon import (
    DETS,
    OBJECT_PRONOUNS,
    POSSESSIVE_DETS,
    PREPOSITIONS,
    PRONOUNS,
    STOP,
)
from spinscope.attribution.result import Attribution, Range

__all__ = ["MAX_WORDS", "MIN_WORDS", "Echo", "find_echoes"]

#: the fewest and the most words an echo has: one or two quoted words are as often the
#: writer's own (a scare quote, “genius”; a topic, “mental health”, “sonic attack”) as
#: anyone's echo; longer quotations are statements of their own
MIN_WORDS, MAX_WORDS = 3, 6
#: words that tell no speaker's words from another's (nor a report's verb of saying)
_FUNCTION = (
    STOP
    | DETS
    | PREPOSITIONS
    | PRONOUNS
    | OBJECT_PRONOUNS
    | POSSESSIVE_DETS
    | frozenset(
        ["all", "and", "or", "not", "is", "are", "was", "be", "of", "to", "in", "for", "on"]
    )
    # "the “he said” structure": a report's words, quoted as a term
    | frozenset(["said", "says", "say", "told"])
)
#: what, right before a quotation, makes it a name rather than someone's words: a
#: possessive (a work's title: ``DuVernay’s “13th”``) or a noun naming a phrase (``used
#: the phrase “…”``: whoever uses it owns it)
_NAMED_BEFORE = re.compile(
    r"(?:[’']s?|\b(?:his|her|their|its|phrase|term|terms|word|words|slogan|label|"
    r"expression|motto|title|hashtag))\s*$",
    re.IGNORECASE,
)
#: the quotations of the same words, outside the headline and no speaker's, that make
#: them a term the article goes on using
_TERM_USES = 3
#: verbs of crying out, after which a capital opens the words cried (``chanting “Death
#: to America”``), no name
_CRIED = re.compile(
    r"\b(?:chant|shout|scream|yell|cry|crie|roar)(?:s|ed|d|ing)?[,:]?\s*$", re.IGNORECASE
)
#: cues that give a title, not someone's words (``a piece titled “…”``)
_TITLING = re.compile(r"\b(?:titled|entitled|headlined|headed)\b", re.IGNORECASE)
#: sources that are the writer (or the writer's readers), who echo others' words
_WRITER = frozenset(["i", "we", "me", "us", "you"])
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


@dataclass(frozen=True)
class Echo:
    """One echo: the quotation ``quote`` repeats words of attribution ``origin``'s
    quotation; ``within`` is the attribution whose content held it (``None``: none)."""

    quote: Range
    origin: int
    within: int | None


#: the most words of a headline
_HEADLINE_WORDS = 25


def _headline_end(text: str) -> int:
    """Where the article's headline ends: its first line, when that is short and ends
    with no full stop; 0 when the article opens with a paragraph."""
    first = text.lstrip()
    start = len(text) - len(first)
    line = first.split("\n", 1)[0].rstrip()
    if not line or line.endswith(".") or len(_WORD.findall(line)) > _HEADLINE_WORDS:
        return 0
    return start + len(line)


def _opens_sentence(text: str, qs: int) -> bool:
    """Does the quotation at ``qs`` open its sentence (its capital then says nothing)?"""
    before = text[max(0, qs - 200) : qs].rstrip(" \t")
    return not before or before[-1] in ".!?:\n…" or before.endswith((".”", '."', "?”", "!”"))


def _words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def _holds(words: Sequence[str], run: Sequence[str]) -> bool:
    n = len(run)
    return any(list(words[i : i + n]) == list(run) for i in range(len(words) - n + 1))


def find_echoes(
    text: str,
    quotes: Sequence[Range],
    atts: Sequence[Attribution],
    links: Sequence[int | None],
) -> list[Echo]:
    """The echoes among ``quotes`` (character ranges with their marks), given the
    attributions and, per attribution, its speaker (``None``: none)."""
    quoted: list[tuple[Range, int, list[str]]] = []  # earlier quotations with a speaker
    title = _headline_end(text)
    for k, a in enumerate(atts):
        if links[k] is None or a.source is None:
            continue
        if _TITLING.search(text, a.cue[0], a.cue[1]):
            continue  # "a piece titled “…”": a title, not words its writer is known by
        for qs, qe in quotes:
            if qe <= title:
                continue  # a headline sums up the words the article goes on to quote
            if any(s <= qs + 1 and qe - 1 <= e for s, e in a.content):
                quoted.append(((qs, qe), k, _words(text[qs + 1 : qe - 1])))
    runs = [_words(text[qs + 1 : qe - 1]) for qs, qe in quotes]
    held = {q for q, _, _ in quoted}
    # the quotations no speaker's attribution holds, outside the headline
    free = [r for q, r in zip(quotes, runs, strict=True) if q[1] > title and q not in held]
    out: list[Echo] = []
    for (qs, qe), run in zip(quotes, runs, strict=True):
        body = text[qs + 1 : qe - 1]
        if not MIN_WORDS <= len(run) <= MAX_WORDS or body.isupper():
            continue
        if (
            body[:1].isupper()
            and not _opens_sentence(text, qs)
            and not _CRIED.search(text, max(0, qs - 30), qs)
        ):
            continue  # "told “Fox & Friends.”", "hear “Speaker Pelosi”": a name, a title
        if free.count(run) >= _TERM_USES:
            continue  # "the “he said/she said” structure", again and again: a term
        if _NAMED_BEFORE.search(text, max(0, qs - 40), qs):
            continue  # "DuVernay’s “13th”", "used the phrase “…”": a title, a phrase named
        if all(w in _FUNCTION for w in run):
            continue  # "“it”", "“for all of us”": no words to know a speaker by
        within = next(
            (
                k
                for k, a in enumerate(atts)
                if any(s <= qs + 1 and qe - 1 <= e for s, e in a.content)
            ),
            None,
        )
        if within is not None:
            a = atts[within]
            if links[within] is not None:
                continue
            if a.source is not None and text[a.source[0] : a.source[1]].lower() not in _WRITER:
                continue  # someone else's cue introduces it: the words are theirs
        holders = {links[k]: k for (s, e), k, words in quoted if e <= qs and _holds(words, run)}
        if len(holders) != 1:
            continue
        (origin,) = holders.values()
        out.append(Echo((qs, qe), origin, within))
    return out
