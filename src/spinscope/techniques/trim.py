"""Technique spans trimmed to phrase boundaries: the component's post-processing.

The span decoder thresholds per-wordpiece probabilities, so a span can start or end
inside a noun phrase ("the future of", "our society in the") or run across a sentence
end. Readers see such fragments as noise, so :func:`trim_span` applies a small rule set:

1. **No span crosses a sentence end.** A span is cut at every sentence end inside it
   (``.``, ``!``, ``?`` or ``…``, optionally followed by closing quotes or brackets, then
   whitespace and an upper-case letter, digit or opening quote; not after a known
   abbreviation or a single initial such as "U.S." or "J."), and at every line break
   (PTC articles and extracted web pages put sentences or paragraphs on lines).
2. **No name cut in two.** A capitalised word at an edge of the span that continues,
   across one space, a capitalised word outside it ("the United" | "States", "President"
   | "Trump said") is left out.
3. **No dangling function words at the edges.** A piece loses, while present, a leading
   preposition or conjunction ("of the regime" → "the regime") and a trailing
   determiner, possessive, preposition, conjunction or "own" ("our society in the" →
   "our society", "its own" → "its" → nothing).
4. **No piece without a content word.** A piece left with only function words,
   pronouns or auxiliaries ("its own", "of the") is dropped.

An edge that loses no word stays exactly where the decoder put it (punctuation and all),
so spans that need no trimming are unchanged. The rules read the text only (no sentence
splitter needed): the lists below are the whole rule set.
"""

from __future__ import annotations

import re

__all__ = ["CONTENT_FREE", "LEADING_STRIP", "TRAILING_STRIP", "sentence_cuts", "trim_span"]

_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "each",
        "every",
        "no",
        "another",
        "such",
        "what",
        "which",
        "whose",
        "all",
        "both",
        "either",
        "neither",
    ]
)
_POSSESSIVES = frozenset(["my", "your", "his", "her", "its", "our", "their", "one's", "own"])
_PREPOSITIONS = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "about",
        "as",
        "into",
        "onto",
        "upon",
        "over",
        "under",
        "after",
        "before",
        "between",
        "among",
        "amongst",
        "through",
        "during",
        "against",
        "without",
        "within",
        "than",
        "via",
        "per",
        "like",
        "across",
        "toward",
        "towards",
        "around",
        "behind",
        "beyond",
        "despite",
        "since",
        "until",
        "amid",
        "amidst",
    ]
)
_CONJUNCTIONS = frozenset(
    [
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "if",
        "because",
        "while",
        "whereas",
        "although",
        "though",
    ]
)
_PRONOUNS = frozenset(
    [
        "i",
        "me",
        "you",
        "he",
        "him",
        "she",
        "it",
        "we",
        "us",
        "they",
        "them",
        "one",
        "itself",
        "himself",
        "herself",
        "themselves",
        "who",
        "whom",
        "there",
        "here",
    ]
)
_AUXILIARIES = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
    ]
)

#: Words a piece may not start with.
LEADING_STRIP = _PREPOSITIONS | _CONJUNCTIONS
#: Words a piece may not end with.
TRAILING_STRIP = _DETERMINERS | _POSSESSIVES | _PREPOSITIONS | _CONJUNCTIONS
#: Words that do not make a phrase on their own: a piece of only these is dropped.
CONTENT_FREE = TRAILING_STRIP | _PRONOUNS | _AUXILIARIES

_WORD = re.compile(r"\w+(?:['’-]\w+)*", re.UNICODE)
_LAST_WORD = re.compile(r"\w+$")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\s*\n\s*")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Jr|Sr|Inc|Ltd|Co|Corp|vs|etc|"
    r"No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])$"
)


def sentence_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at the sentence ends and line breaks inside it: the pieces,
    in order (the separating punctuation stays with the piece before, the whitespace
    with neither)."""
    pieces: list[tuple[int, int]] = []
    a = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.group().strip() and _ABBREVIATION.search(text, start, m.start()):
            continue
        stop = m.start() + len(m.group().rstrip())
        if stop > a:
            pieces.append((a, stop))
        a = m.end()
    if a < end:
        pieces.append((a, end))
    return pieces


def _cuts_name(text: str, a: int, b: int, after: bool) -> bool:
    """Whether the capitalised word ``text[a:b]`` continues, across one space, into
    another capitalised word after it (``after``) or before it: a name cut in two
    ("the United" | "States")."""
    if not text[a:b][:1].isupper():
        return False
    if after:
        return text[b : b + 1] == " " and text[b + 1 : b + 2].isupper()
    return a >= 2 and text[a - 1] == " " and text[a - 2].isalpha() and _initial_upper(text, a - 1)


def _initial_upper(text: str, end: int) -> bool:
    """Whether the word ending at ``end`` starts with a capital letter."""
    m = _LAST_WORD.search(text, max(0, end - 64), end)
    return m is not None and m.group()[:1].isupper()


def _trim_piece(text: str, start: int, end: int) -> tuple[int, int] | None:
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text, start, end)]
    i, j = 0, len(words)
    # A name cut at an edge loses its part inside the span.
    if words and words[0][0] == start and _cuts_name(text, words[0][0], words[0][1], False):
        i += 1
    if j > i and words[-1][1] == end and _cuts_name(text, words[-1][0], words[-1][1], True):
        j -= 1
    while i < j and words[i][2] in LEADING_STRIP:
        i += 1
    while j > i and words[j - 1][2] in TRAILING_STRIP:
        j -= 1
    kept = words[i:j]
    if not any(w not in CONTENT_FREE for _, _, w in kept):
        return None
    s = start if i == 0 else kept[0][0]
    e = end if j == len(words) else kept[-1][1]
    return (s, e) if s < e else None


def trim_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The phrase-bounded pieces of the span ``[start, end)`` of ``text`` (see the module
    docstring): one piece when only its edges change, several when it crosses a sentence
    end, none when nothing of it is a phrase."""
    out: list[tuple[int, int]] = []
    for a, b in sentence_cuts(text, start, end):
        piece = _trim_piece(text, a, b)
        if piece is not None:
            out.append(piece)
    return out
