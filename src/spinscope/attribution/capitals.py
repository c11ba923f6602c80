"""Capitalised common words: a word an article capitalises only where every word is.

A sentence's first word and a headline's words are capitalised whatever they are, so a
source written there (``Warrants Show Police Never Searched …``, ``More hoping for …``,
``Agents identified …``) may look like a one-word name. The article itself tells a name
from a common word: it writes a common word in lower case elsewhere (``search
warrants``) and never capitalises it in the middle of a sentence, where a name keeps
its capital (``said Trump``, ``according to Reason``).
"""

from __future__ import annotations

import re

from spinscope.attribution.lexicon import ADV, NOT_NAME_LEAD, PRONOUNS, STOP
from spinscope.attribution.mentions import first_name_gender

__all__ = ["capitalised_by_position", "common_word", "marking_word_before"]

#: what ends a sentence or a heading before a word, or opens a quotation or a label
_OPENING = re.compile(r"(?:^|[.!?:;\n“”\"‘’'(\[—–-])\s*$")
#: a word the article writes in lower case before it, and the capitalised words of a
#: name the word may end ("by the New Jersey State Police"): the word is mid-sentence
_LOWER_BEFORE = r"(?<![\w’'-])[a-z][\w’'-]*,?[ \t]+(?:[A-Z][\w.&’'-]*[ \t]+){0,4}"


#: capitalised words before an office that mark no other office (``The Attorney``)
_UNMARKING = frozenset(["the", "a", "an", "former", "then", "ex", "now", "our", "his", "her"])


#: words of a closed class (function words, sentence adverbs, indefinite pronouns),
#: common whether or not the article writes them in lower case ("Perhaps", "Please")
_CLOSED_CLASS = (
    STOP
    | NOT_NAME_LEAD
    | ADV
    | PRONOUNS
    | frozenset(
        [
            *("please", "perhaps", "other", "others", "everyone", "everybody", "someone"),
            *("somebody", "anyone", "anybody", "nobody", "back", "twice", "lot", "such"),
            *("well", "more", "only", "many", "some", "few", "both", "each", "every", "all"),
        ]
    )
)


#: function words, never a name whatever capitalises them ("May" and "Will" may be)
_FUNCTION_WORDS = (STOP | PRONOUNS | frozenset(["whoever", "whatever", "whichever", "having"])) - {
    "may",
    "will",
}


def marking_word_before(text: str, start: int) -> str | None:
    """The capitalised word that marks what follows, right before ``start``
    (``District`` of ``District Attorney``; not ``The`` of ``The Attorney``), or
    ``None``."""
    prev = re.search(r"(?:^|(?<=\s))([\w’'.-]+)[ \t]+$", text[max(0, start - 80) : start])
    if prev is None or not prev.group(1)[:1].isupper():
        return None
    word = prev.group(1)
    if word.lower().strip(".") in _UNMARKING or re.search(r"[’']s?$", word):
        return None  # "Hungary’s Prime Minister": whose office, not which
    return word


def capitalised_by_position(text: str, start: int) -> bool:
    """Is the word at ``start`` where any word is capitalised: a sentence's or a
    heading's first word, or a word after a capitalised one (a headline in title case)?"""
    before = text[max(0, start - 80) : start]
    if _OPENING.search(before):
        return True
    prev = re.search(r"(\S+)\s+$", before)
    return prev is not None and prev.group(1)[:1].isupper()


def common_word(text: str, word: str, *, lower_seen: bool = True) -> bool:
    """Is ``word``, a capitalised word (``Warrants``, ``SCOOP``) or a first name's
    look-alike aside, a common word of ``text``: written in lower case somewhere in it
    and nowhere capitalised after a lower-case word, alone or ending a name? Short words in capitals
    (``US``, ``WHO``) are acronyms, and a first name is a name. A closed-class word
    (``Perhaps``, ``Other``) need not be seen in lower case. With ``lower_seen``
    false, a word never capitalised mid-sentence is enough (one the article writes
    nowhere else)."""
    w = word.strip(".’'")
    if not re.fullmatch(r"[A-Za-z][a-z-]*|[A-Z]{4,}", w) or not w[:1].isupper():
        return False
    if first_name_gender(w.capitalize()):
        return False
    low = w.lower()
    closed = low in _CLOSED_CLASS
    if low in _FUNCTION_WORDS and not w.isupper():
        # "In", "Whoever": a function word is no name, whatever title capitalises it
        # elsewhere ("Dead In The Water")
        return True
    if (
        lower_seen
        and not closed
        and not re.search(rf"(?<![\w’'-]){re.escape(low)}(?![\w’'-])", text)
    ):
        return False
    forms = {w, w.capitalize()}
    return not any(re.search(rf"{_LOWER_BEFORE}{re.escape(f)}(?![\w’'-])", text) for f in forms)
