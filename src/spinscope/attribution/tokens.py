"""Word and token predicates shared by the attribution rules."""

from __future__ import annotations

import bisect

from spinscope.attribution.lexicon import FEMALE_NAMES, LY_NOUNS, MALE_NAMES
from spinscope.attribution.result import Range
from spinscope.attribution.text import QUOTE_CHARS, SURNAME_WORDS, TokenView

__all__ = [
    "is_inner_report",
    "is_ly_adverb",
    "is_real_quote",
    "is_surname",
    "is_word",
    "quote_at",
    "token_at",
]


def is_word(word: str) -> bool:
    """Does the token start with a letter or digit (not punctuation)?"""
    return word[:1].isalnum()


def is_ly_adverb(word: str) -> bool:
    """``repeatedly``, ``also publicly``: an adverb between a source and its cue."""
    return word[:1].islower() and word.endswith("ly") and len(word) > 4 and word not in LY_NOUNS


#: words before a month that make it a date (``in May``, ``since early March``)
_DATE_LEAD = frozenset(
    [
        "in",
        "on",
        "since",
        "by",
        "until",
        "till",
        "of",
        "from",
        "to",
        "through",
        "throughout",
        "during",
        "before",
        "after",
        "last",
        "next",
        "this",
        "that",
        "early",
        "late",
        "mid",
        "and",
        "or",
        "between",
        "each",
        "every",
        "-",
        "–",
    ]
)


def is_surname(view: TokenView, i: int) -> bool:
    """``Theresa May``: a capitalised month or modal after a first name is a surname; so
    is the word alone (``May told the BBC``, ``Prime Minister May said``) in a document
    that writes it after a first name, unless a date word leads it (``in May``) or a
    number or punctuation follows it (``May 5``, ``in March, …``)."""
    if i <= 0 or view.words[i] not in SURNAME_WORDS:
        return False
    if view.lower[i - 1] in FEMALE_NAMES | MALE_NAMES and view.words[i - 1][:1].isupper():
        return True
    nxt = view.words[i + 1] if i + 1 < len(view.words) else ""
    return (
        view.words[i] in view.surname_words
        and view.lower[i - 1] not in _DATE_LEAD
        and nxt[:1].isalpha()
        and nxt[:1].islower()
    )


def is_real_quote(view: TokenView, i: int) -> bool:
    """A quotation mark, not a possessive apostrophe (``veterans' families``)."""
    w = view.lower[i]
    return w in QUOTE_CHARS and not (w in ("'", "’") and view.quote_of[i] < 0)


def quote_at(view: TokenView, i: int) -> Range | None:
    """Character range of the quotation containing token ``i``, if any."""
    q = view.quote_of[i]
    return view.quotes[q] if q >= 0 else None


def token_at(view: TokenView, char: int) -> int:
    """Index of the token containing (or last starting before) character ``char``."""
    return max(0, bisect.bisect_right(view.starts, char) - 1)


#: reporting verbs of a named speaker set off by commas inside a quotation
_INNER_REPORTING = frozenset(["added", "argued", "explained", "said", "says", "told", "wrote"])
_INNER_PRONOUNS = frozenset(["he", "i", "it", "she", "they", "we", "you"])


def is_inner_report(view: TokenView, i: int) -> bool:
    """Is token ``i`` the verb of a named speaker's report set off by commas in a later
    sentence of a quotation (``“… hired.`` ¶ ``That way, Ellison said, the union can
    …”``)? A newspaper or a speaker quoted at length reports someone else there, and
    those words are that person's attribution. A pronoun (``, he said,``) is the
    quoted speaker going on; a quotation's first sentence is too short to tell."""
    low, words = view.lower, view.words
    q = view.quote_of[i]
    if q < 0 or low[i] not in _INNER_REPORTING or i + 1 >= len(low) or low[i + 1] != ",":
        return False
    opener = token_at(view, view.quotes[q][0])
    if view.sent_of[opener] == view.sent_of[i]:
        return False
    k = i - 1
    while k > opener and i - k <= 3 and words[k][:1].isupper() and is_word(low[k]):
        k -= 1
    return k < i - 1 and low[k] == "," and low[k + 1] not in _INNER_PRONOUNS
