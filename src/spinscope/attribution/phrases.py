"""Noun phrases around a cue: walking left or right from a token, and clause subjects.

The walkers stop at words that cannot sit inside a source (stop words, verbs in
``-ed``, cue tokens, quotation marks) and keep what PolNeAR sources keep: titles,
lists of names, prepositional names (``the Commission on Presidential Debates``).
All ranges are token ranges, both ends inclusive.
"""

from __future__ import annotations

from spinscope.attribution.lexicon import (
    ADV,
    CLAUSE_ADVERBS,
    DAYS,
    DETS,
    FINITE,
    NP_PREPS,
    OBJECT_PRONOUNS,
    OPENERS,
    PREPOSITIONS,
    PRONOUNS,
    PUNCT_OK_IN_NP,
    QUANT,
    ROLE_ED,
    SENTENCE_ADVERBS,
    STOP,
    TEMPORAL,
)
from spinscope.attribution.result import Range
from spinscope.attribution.text import QUOTE_CHARS, TokenView
from spinscope.attribution.tokens import is_real_quote, is_surname, is_word

__all__ = [
    "after_fronted_phrase",
    "clause_subject",
    "noun_phrase_left",
    "noun_phrase_right",
    "sentence_subject",
]


def noun_phrase_left(
    view: TokenView, end: int, lo: int, cue_tokens: set[int], limit: int = 14
) -> Range | None:
    """Token range ``[i, end]`` of the noun phrase ending at token ``end`` (walking left).

    Walks at most ``limit`` tokens and never below ``lo``; a pronoun is a phrase alone.
    Lists of names (``the United States, Britain and France``), prepositions before a
    capitalised word and all-caps state codes stay inside; a trailing temporal word goes.
    """
    low, words = view.lower, view.words
    if end < lo:
        return None
    if low[end] in PRONOUNS:
        return (end, end)
    i = end
    while i >= lo and end - i < limit:
        w = low[i]
        if i in cue_tokens or w in QUOTE_CHARS:
            break
        caps = i < end and words[i + 1][:1].isupper()
        if w == "," and not (
            caps and i > lo and words[i - 1][:1].isupper() and _listed(view, i, end)
        ):
            break  # "the United States, Britain and France say" keeps its list
        if not is_word(w) and w not in PUNCT_OK_IN_NP and w != ",":
            break
        if w == "-" and ((i > lo and low[i - 1] == "-") or (i < end and low[i + 1] == "-")):
            break  # "WASHINGTON -- President Obama said": a dash, not a hyphen
        if words[i].isupper() and len(w) > 1 and i > lo:
            i -= 1  # "Pence (R-IN)": an all-caps state code, not the preposition
            continue
        if w in NP_PREPS and caps and i > lo and is_word(low[i - 1]) and low[i - 1] not in STOP:
            i -= 1  # "the Commission on Presidential Debates", "supporters in Congress"
            continue
        if w in ("who", "which") or (w in STOP and w != "and" and not is_surname(view, i)):
            break
        if w == "and" and not (
            i > lo
            and (words[i - 1][:1].isupper() or low[i - 1].endswith("s"))
            and i < end
            and low[i + 1] not in STOP
            and low[i + 1] not in ADV
            and low[i + 1] not in PRONOUNS
        ):
            break
        if w in PRONOUNS and i != end and w not in ("one",):
            break
        if i < end and w in _PAST_VERBS and words[i][:1].islower():
            break  # "Both letters gave examples of …": the subject ends at its verb
        if (
            w.endswith("ed")
            and len(w) > 4
            and w not in ROLE_ED
            and view.words[i][:1].islower()
            # "of registered voters", "newly filed reports": an adjective, not a verb
            and not (i > lo and (low[i - 1] in ("of", "the") or low[i - 1].endswith("ly")))
        ):
            break
        i -= 1
    start = i + 1
    # drop leading punctuation / possessive pieces and a trailing temporal phrase
    while start <= end and not is_word(low[start]) and low[start] not in ("(",):
        start += 1
    while end >= start and (low[end] in TEMPORAL or low[end] in ADV) and not is_surname(view, end):
        end -= 1
    if start < end and low[start] in CLAUSE_ADVERBS and words[start + 1][:1].isupper():
        start += 1  # "Again Fox adds", "Now Smith says": the adverb is no part of the name
    if start > end:
        return None
    return (start, end)


#: words a determiner may follow inside one noun phrase (``all the``, ``one of the``,
#: ``countries including the US``)
_BEFORE_DETERMINER = frozenset(
    ["of", "all", "both", "half", "such", "what", "including", "like", "among", "than"]
)


def after_fronted_phrase(view: TokenView, np_: Range, lo: int) -> Range:
    """``On both of their blogs the pair said``: a noun phrase that a preposition opening
    the clause governs, run into the subject for want of a comma, is cut at the article
    that follows a lowercase noun: ``NOUN the NOUN`` is never one noun phrase, and the
    article opens the subject."""
    low = view.lower
    p = np_[0] - 1
    if p < lo or low[p] not in _FRONTING or (p > lo and low[p - 1] not in OPENERS):
        return np_
    for t in range(np_[0] + 1, np_[1]):
        if _determiner_after_noun(view, t, np_[0]):
            return (t, np_[1])
    return np_


#: prepositions that front a phrase before a clause's subject
_FRONTING = frozenset(["on", "in", "at", "from", "during", "after", "before", "across", "under"])


def _determiner_after_noun(view: TokenView, i: int, lo: int) -> bool:
    """Does the article at token ``i`` follow a lowercase noun (``their blogs the
    pair``)? No noun phrase holds ``NOUN the NOUN``: the article opens the subject, and
    what lies before it is a fronted phrase without its comma."""
    low = view.lower
    if view.words[i] not in ("the", "a", "an") or i - 1 < lo:
        return False
    prev = low[i - 1]
    return (
        prev.isalpha()
        and view.words[i - 1][:1].islower()
        and prev not in _BEFORE_DETERMINER
        and prev not in DETS
        and prev not in QUANT
        and prev not in STOP
        and prev not in PREPOSITIONS
        and prev not in NP_PREPS
        and prev not in ADV
        and prev not in FINITE
        and not prev.endswith(("ing", "ed", "ly"))
    )


def _listed(view: TokenView, comma: int, end: int) -> bool:
    """Is the comma at ``comma`` inside a list of names closed by "and" before ``end``?"""
    return any(view.lower[t] == "and" for t in range(comma + 1, end))


#: lowercase particles inside a name between capitalised words (``Bild am Sonntag``,
#: ``Banco de España``), which a stop word list would take for a verb or preposition
_NAME_PARTICLES = frozenset(["am", "im", "de", "del", "der", "di", "du", "la", "le", "van", "von"])


def noun_phrase_right(
    view: TokenView, start: int, hi: int, cue_tokens: set[int], limit: int = 14
) -> Range | None:
    """Token range of the noun phrase starting at token ``start`` (walking right).

    Walks at most ``limit`` tokens and never to ``hi``; stops at a stop word, a cue, a
    quotation mark or a relative pronoun; an object pronoun (``told me``) is no phrase.
    """
    low = view.lower
    if start >= hi:
        return None
    # "said US Attorney …", "said WHO specialist …": an acronym in capitals is a name,
    # not the pronoun it spells
    acronym = _acronym(view, start)
    if low[start] in OBJECT_PRONOUNS and not acronym:
        return None  # "told me": an object, never a source
    one_of = low[start] == "one" and start + 1 < hi and is_word(low[start + 1])
    if low[start] in PRONOUNS and not one_of and not acronym:
        return (start, start)
    j = start
    while j < hi and j - start < limit:
        w = low[j]
        acr = _acronym(view, j)
        if _split_possessive(view, j, hi):
            j += 2  # "the U.N.’s Office": an abbreviation's possessive, split in two
            continue
        if j in cue_tokens or w in QUOTE_CHARS:
            break
        if not is_word(w) and w not in PUNCT_OK_IN_NP:
            break
        if w == ")" and "(" not in low[start:j]:
            break  # "(according to Pope Benedict) and …": the parenthesis closes the phrase
        if (
            w in _NAME_PARTICLES
            and j > start
            and view.words[j - 1][:1].isupper()
            and j + 1 < hi
            and view.words[j + 1][:1].isupper()
        ):
            j += 1  # "the Bild am Sonntag newspaper": a particle inside a name
            continue
        if w in STOP and w != "and" and not acr:
            break
        if w == "and" and not (j + 1 < hi and view.words[j + 1][:1].isupper()):
            break
        if w in ("who", "which", "saying", "adding", "told") and not acr:
            break
        j += 1
    end = j - 1
    while end >= start and not is_word(low[end]) and low[end] not in (")", "."):
        end -= 1
    if end >= start and low[end] == "." and end > start and len(low[end - 1]) > 3:
        end -= 1
    if end < start or not any(is_word(low[t]) for t in range(start, end + 1)):
        return None  # "said Tuesday." leaves only the full stop
    return (start, end)


def _split_possessive(view: TokenView, t: int, hi: int) -> bool:
    """Is token ``t`` an apostrophe the tokenizer split from its word and its ``s``
    (``U.N.`` ``’`` ``s``), written with no space between them: a possessive, no
    quotation mark?"""
    if not (t > 0 and t + 1 < hi and view.lower[t] in ("’", "'") and view.lower[t + 1] == "s"):
        return False
    before, mark, after = view.chars(t - 1, t - 1), view.chars(t, t), view.chars(t + 1, t + 1)
    return before[1] == mark[0] and mark[1] == after[0]


def _acronym(view: TokenView, t: int) -> bool:
    """Is token ``t`` written in capitals of two letters or more (``WHO``, ``US``)?"""
    w = view.words[t]
    return len(w) >= 2 and w.isalpha() and w.isupper()


def clause_subject(view: TokenView, lo: int, end: int, cue_tokens: set[int]) -> Range | None:
    """The whole noun phrase opening a clause and ending at token ``end``.

    ``A poll released Friday by X shows``, ``Many people involved in the talks
    assumed``, ``The campaign and the party did not respond``: a determiner- or
    name-led subject with postmodifiers (participles, prepositional phrases,
    relative clauses, coordination) but no finite verb, comma or quotation. A
    fronted prepositional phrase (``In her favour, all the experts said``) is skipped.
    """
    low, words = view.lower, view.words
    s = lo
    if s <= end and low[s] in OPENERS:
        s += 1
    if s <= end and low[s] in PREPOSITIONS | {"for", "with", "by", "of", "since"}:
        c = next((t for t in range(s + 1, min(end, s + 10)) if low[t] == ","), None)
        if c is None:
            return None
        s = c + 1
    if end - s < 1 or end - s > 20 or low[end] in PRONOUNS or low[end] in STOP:
        return None
    w0 = low[s]
    if not (
        w0 in QUANT
        or w0 in ("those", "these", "both", "each", "every", "no")
        or (
            words[s][:1].isupper()
            and w0 not in STOP
            and w0 not in ADV
            and w0 not in PRONOUNS
            and w0 not in TEMPORAL
            and w0 not in DAYS
            and w0 not in SENTENCE_ADVERBS
            and not w0.endswith(("ly", "ing"))
        )
    ):
        return None
    for t in range(s, end + 1):
        w = low[t]
        if (
            t in cue_tokens
            or is_real_quote(view, t)
            or w in (",", ";", ":", "—", "–", "--")
            or w in FINITE
            or (w == "-" and (low[t - 1] == "-" or low[t + 1] == "-"))
        ):
            return None
        if w.endswith("ed") and t < end and (low[t + 1] in DETS or low[t + 1] == "the"):
            return None  # "released a statement": a finite verb with its object
        if t > s and w in _PAST_VERBS and words[t][:1].islower():
            return None  # "Both letters gave examples of": a finite verb
    return (s, end)


#: irregular past-tense verbs, no noun's spelling: one ends a subject noun phrase
_PAST_VERBS = frozenset(
    [
        "gave",
        "took",
        "made",
        "got",
        "went",
        "came",
        "won",
        "lost",
        "told",
        "wrote",
        "spoke",
        "held",
        "met",
        "sent",
        "brought",
        "thought",
        "felt",
        "saw",
        "began",
        "became",
        "found",
        "struck",
        "drew",
        "sought",
        "fought",
        "kept",
        "stood",
        "ran",
        "broke",
        "chose",
        "spent",
        "sat",
        "leaned",
    ]
)


#: adverbs that open a narrative sentence before its subject ("Then he said")
_SEQUENCE = frozenset(["then", "later", "finally", "suddenly", "now", "still", "so"])


def sentence_subject(view: TokenView, lo: int, hi: int, cue_tokens: set[int]) -> Range | None:
    """The noun phrase opening a sentence at ``lo`` (skipping a short fronted adverbial),
    before token ``hi``."""
    low = view.lower
    if lo + 1 < hi and low[lo] in ("(", "["):
        lo += 1  # "(For what it's worth, they also found …": the aside's own subject
    start = lo
    # "Asked to comment on the charges against him, Bannon ...": a fronted participial
    # phrase may be long; a short adverbial otherwise
    fronted = (
        lo + 1 < hi
        and low[lo].endswith(("ed", "ing"))
        and view.words[lo][:1].isupper()
        and view.words[lo + 1][:1].islower()
    ) or _fronted_participle_clause(view, lo, hi)
    # "Holt corrected him, saying": a name and its verb before the comma are the
    # clause's subject and verb, no fronted adverbial
    # ("Mara Lind sat up, looked …, and said": a name of two or three words too)
    name_end = lo
    while name_end + 1 < min(hi, lo + 3) and view.words[name_end + 1][:1].isupper():
        name_end += 1
    clause = (
        name_end + 1 < hi
        and view.words[lo][:1].isupper()
        and low[lo] not in PREPOSITIONS | OPENERS | STOP
        and (
            low[name_end + 1] in _PAST_VERBS
            or (low[name_end + 1].endswith("ed") and low[name_end + 1].isalpha())
        )
    )
    if (named := _name_before_relative(view, lo, name_end, hi)) is not None:
        return named
    for k in range(lo, min(hi, lo + (26 if fronted else 6))):
        if low[k] == "," and not clause:
            start = k + 1
            break
    if start + 1 < hi and low[start] in _SEQUENCE and low[start + 1] in PRONOUNS:
        start += 1  # "Then he leaned down and said": the pronoun after the adverb
    if start < hi and low[start] in PRONOUNS:
        return (start, start)
    j = start
    while j < hi and j - start < 14:
        w, word = low[j], view.words[j]
        if j in cue_tokens:
            break
        # "Both memos went on to say": a determiner-led subject takes lowercase nouns
        quantified = low[start] in QUANT or low[start] in ("both", "each", "these", "those")
        if (
            (w in STOP and w not in ("and", "in", "at", "for"))
            or (w in ADV and w not in ("’s", "'s"))
            or (
                w.endswith("ed")
                and word[:1].islower()
                and w not in ROLE_ED
                # "The sharp-tongued Republican": a compound adjective, not a verb
                and not (j - 1 > start and low[j - 1] == "-")
            )
            or (not is_word(w) and w not in PUNCT_OK_IN_NP)
            or (j + 1 < hi and low[j + 1] == "to" and word[:1].islower())
            # "The billionaire gave the host a C+ ..., praising him": the subject ends at
            # its verb, whose objects describe no one
            or (j > start and w in _PAST_VERBS)
            # a name-led subject takes no lowercase words but role nouns and connectors:
            # "Russia’s Deputy UN Ambassador Vladimir Safronkov | made the warning"
            or (
                not quantified
                and word[:1].islower()
                and w not in DETS
                and w not in ("of", "’s", "'s", "and", "for", "-", ".")
                and not w.endswith(("man", "woman", "person", "official", "officials"))
                and not _role_after_possessor(view, j, hi)
                and not _role_after_opener(view, start, j, hi)
            )
        ):
            break
        j += 1
    if j == start:
        return None
    return (start, j - 1)


#: conjunctions and prepositions that open a fronted adverbial on a participle
#: (``After running with the plan, …``, ``While visiting Paris, …``)
_PARTICIPLE_CLAUSE_LEADS = frozenset(["after", "before", "while", "since", "upon", "on", "when"])


def _fronted_participle_clause(view: TokenView, lo: int, hi: int) -> bool:
    """Does the sentence open with a conjunction or preposition and a participle
    (``After running with the Level 3 plan, the minister …``)? That adverbial, however
    long, ends at its comma; the main clause's subject follows it."""
    low = view.lower
    return (
        lo + 1 < hi
        and low[lo] in _PARTICIPLE_CLAUSE_LEADS
        and view.words[lo][:1].isupper()
        and low[lo + 1].endswith("ing")
        and low[lo + 1].isalpha()
    )


def _name_before_relative(view: TokenView, lo: int, name_end: int, hi: int) -> Range | None:
    """The name opening a sentence right before a relative clause set off by a comma
    (``Goddard, whose actions were …, had challenged``, ``Jo Roe, who hails from …,
    honored``): the relative clause describes the name, which stays the subject of the
    verb after it. ``None`` when the sentence does not open so."""
    low, words = view.lower, view.words
    if not (
        name_end + 2 < hi
        and low[name_end + 1] == ","
        and low[name_end + 2] in ("who", "whose")
        and low[lo] not in PREPOSITIONS | OPENERS | STOP
        and all(words[t][:1].isupper() and is_word(low[t]) for t in range(lo, name_end + 1))
    ):
        return None
    return (lo, name_end)


def _role_after_opener(view: TokenView, start: int, j: int, hi: int) -> bool:
    """Is the lowercase word at ``j`` part of a description between a capitalised first
    word and a name (``Popular drinking hole The Idle Hour will``, ``Rock legend Gene
    Simmons``)? The first word is a descriptor, not a name ending at a verb."""
    low, words = view.lower, view.words
    k = j
    while k - 1 > start and words[k - 1][:1].islower() and low[k - 1].isalpha():
        k -= 1
    if k - 1 != start or j - k >= 3 or not words[start][:1].isupper():
        return False
    return _role_then_name(view, k, j, hi)


def _role_then_name(view: TokenView, k: int, j: int, hi: int) -> bool:
    """Do the lowercase words from ``k`` (through ``j``) read as a role — no function word,
    adverb, determiner, verb or participle — right before a name of two capitalised
    words?"""
    low, words = view.lower, view.words
    t = j
    while t < hi and t - k < 4 and words[t][:1].islower() and low[t].isalpha():
        w = low[t]
        if w in STOP or w in ADV or w in FINITE or w in DETS or w in _PAST_VERBS:
            return False
        if w.endswith("ed") or w in ("left", "put", "set", "hit", "let", "read"):
            return False
        t += 1
    return t + 1 < hi and words[t][:1].isupper() and words[t + 1][:1].isupper()


def _role_after_possessor(view: TokenView, j: int, hi: int) -> bool:
    """Is the lowercase word at ``j`` part of a role between a possessor and a name
    (``Reed's campaign manager Karen Vale``)? The subject is the person named, not the
    possessor alone. A place or body may open the role (``Labour's London mayor Sadiq
    Khan``)."""
    low, words = view.lower, view.words
    k = j
    while k - 1 >= 0 and words[k - 1][:1].islower() and low[k - 1].isalpha() and j - k < 3:
        k -= 1
    m = k
    while m - 1 >= 0 and words[m - 1][:1].isupper() and low[m - 1].isalpha() and k - m < 2:
        m -= 1
    if m - 1 < 0 or low[m - 1] not in ("’s", "'s"):
        return False
    return _role_then_name(view, k, j, hi)
