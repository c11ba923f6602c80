"""The patterns that turn one cue into an attribution (its source and content).

The first pattern that applies wins:

* ``X, SRC said, Y``: an aside inside a sentence; the content is both sides of it;
* ``according to SRC, CONTENT`` / ``CONTENT, according to SRC``;
* inverted ``“CONTENT,” said SRC`` / ``CONTENT, said SRC`` / ``Said SRC: “CONTENT”``;
* ``SRC CUE CONTENT`` (the default), or ``“CONTENT,” SRC said`` when a quotation
  closes before the source; some cues have no source (``X is expected to``).

Patterns work on token ranges (both ends inclusive); :func:`attribute_cue` checks
what they found against the tokens already attributed and converts to characters.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spinscope.attribution.content import (
    content_after,
    content_before,
    content_stop,
    is_title_quote,
    quoted_continuation,
    trim_content,
)
from spinscope.attribution.cues import Cue
from spinscope.attribution.lexicon import (
    ADV,
    AUXILIARIES,
    BYLINE_OPENERS,
    CALLING,
    CORE_VERBS,
    DAYS,
    HEADING_LABELS,
    INVERTING,
    NO_SOURCE,
    NO_SOURCE_ACTIVE,
    NOT_NAME_LEAD,
    NP_PREPS,
    OPENERS,
    PASSIVE_AUX,
    PREPOSITIONS,
    PRONOUNS,
    SENTENCE_ADVERBS,
    STOP,
    TEMPORAL,
    VENUES,
)
from spinscope.attribution.phrases import noun_phrase_left, noun_phrase_right, sentence_subject
from spinscope.attribution.result import Attribution, Range, attribution_kind
from spinscope.attribution.sources import (
    SUBORDINATORS,
    fronted_participle_subject,
    left_source,
    opening_name_subject,
)
from spinscope.attribution.text import QUOTE_CHARS, TokenView
from spinscope.attribution.tokens import is_ly_adverb, is_word, token_at

__all__ = [
    "CueSite",
    "attribute_cue",
    "closes_sentence",
    "is_heading",
    "is_well_formed",
    "main_clause_cue",
]


@dataclass(frozen=True, slots=True)
class CueSite:
    """A cue in its sentence, with the token bounds its attribution may use.

    Attributes:
        view: the document's tokens.
        sentence: index of the cue's sentence.
        first, last: the cue's first and last token.
        score: the cue tagger's mean probability over the cue tokens.
        lo, hi: the sentence's first token and its end (exclusive).
        prev_cue_last: last token of the previous cue of the sentence (``lo - 1`` for the
            first cue): a source or a content left of this cue starts after it.
        next_cue_first: first token of the next cue of the sentence (``hi`` for the last).
        cue_tokens: every cue token of the document (never part of a source).
        prev_source: token range of the previous source found in the sentence, shared
            by coordinated cues (``X announced ... and said``).
    """

    view: TokenView
    sentence: int
    first: int
    last: int
    score: float
    lo: int
    hi: int
    prev_cue_last: int
    next_cue_first: int
    cue_tokens: set[int]
    prev_source: Range | None


@dataclass
class Draft:
    """What a pattern found: the source and the content fragments, as token ranges."""

    source: Range | None
    content: list[Range]


def attribute_cue(site: CueSite, taken: set[int]) -> Attribution | None:
    """The attribution of one cue, or ``None`` when it has no content left.

    ``taken`` holds the tokens of earlier attributions (PolNeAR is univocal: a token
    belongs to one attribution); this cue's content, and its source when right of the
    cue, are added to it.
    """
    view = site.view
    if _is_negated_participle(site):
        return None
    stop = content_stop(view, site.last, site.next_cue_first, site.lo, site.hi, site.cue_tokens)
    if site.last > site.first + 1 and view.lower[site.first : site.first + 2] == [
        "according",
        "to",
    ]:
        # "according to a statement issued by X": the tagger ran on into the source
        ran_on = set(range(site.first + 2, site.last + 1))
        site = replace(site, last=site.first + 1, cue_tokens=site.cue_tokens - ran_on)
        stop = content_stop(view, site.last, site.next_cue_first, site.lo, site.hi, site.cue_tokens)
    draft = aside_pattern(site)
    if draft is None:
        if " ".join(view.lower[site.first : site.last + 1]) == "according to":
            draft = according_to_pattern(site, stop)
        else:
            draft = inverted_pattern(site, stop)
            if draft is None:
                draft = source_first_pattern(site, stop)
    return _finish(site, draft, taken)


def _is_negated_participle(site: CueSite) -> bool:
    """``a car driven by Jo Ames, no age or address reported, was ...``: a participle
    after a noun phrase opened by ``no`` reports nothing (the nouns are not speakers).

    The phrase is one to five words (nouns joined by ``or``/``and``) between the cue and
    a clause break, the participle is followed by a comma or ends the sentence.
    """
    low, a, b, lo, hi = site.view.lower, site.first, site.last, site.lo, site.hi
    if a != b or not low[a].endswith(("ed", "en", "wn")):
        return False
    if b + 1 < hi and low[b + 1] not in (",", ".", ";", ")", "—"):
        return False
    k = a - 1
    while (
        k >= lo and a - k <= 5 and is_word(low[k]) and low[k] != "no" and low[k] not in AUXILIARIES
    ):
        k -= 1  # a verb between ("No injuries were reported") makes a clause of its own
    return k >= lo and low[k] == "no" and k < a - 1 and (k == lo or not is_word(low[k - 1]))


def _finish(site: CueSite, draft: Draft, taken: set[int]) -> Attribution | None:
    """Drop content fragments already attributed, add the quotations continuing the
    paragraph, mark the tokens used and convert to character ranges.

    A source that is only punctuation, or that overlaps the content, is no source.
    """
    view, low = site.view, site.view.lower
    source = draft.source
    content = [(i, j) for i, j in draft.content if i <= j and not (set(range(i, j + 1)) <= taken)]
    if not content:
        return None
    # "“X,” he said. “Y.”": quotations continuing the paragraph become further fragments
    last = max(j for _, j in content)
    if view.is_close_quote(last) or (last + 1 < len(view) and view.is_close_quote(last + 1)):
        content += quoted_continuation(view, site.sentence, site.cue_tokens)
    for i, j in content:
        taken.update(range(i, j + 1))
    if source is not None and source[0] > site.last:
        taken.update(range(source[0], source[1] + 1))
    chars = tuple(sorted(view.chars(i, j) for i, j in content))
    if source is not None and not any(is_word(w) for w in low[source[0] : source[1] + 1]):
        source = None  # "N.H. - With ...": punctuation is never a source
    src_chars = view.chars(*source) if source else None
    if src_chars and any(s < src_chars[1] and src_chars[0] < e for s, e in chars):
        src_chars = None
    return Attribution(
        cue=view.chars(site.first, site.last),
        content=chars,
        source=src_chars,
        kind=attribution_kind(view.text, chars),
        score=round(site.score, 4),
    )


# -- X, SRC said, Y -----------------------------------------------------------------


def aside_pattern(site: CueSite) -> Draft | None:
    """``Acts of protest, Mr. Obama said, are acts of patriotism.``: the content is both
    sides of the ``SRC said`` aside (cues right of it are embedded).

    Applies to the first cue of a sentence, a single inverting verb with a short noun
    phrase left of it, opened by a comma and closed by one (a temporal word may
    follow the verb), when no cue or quotation precedes the aside.
    """
    view, low = site.view, site.view.lower
    a, b, lo, hi = site.first, site.last, site.lo, site.hi
    if a != b or low[a] not in INVERTING or site.prev_cue_last >= lo:
        return None
    j = b + 1
    while j < hi and (low[j] in TEMPORAL or low[j] in DAYS or low[j] in ("then", "later")):
        j += 1
    if not (j + 2 < hi and low[j] == "," and not view.is_open_quote(j + 1)):
        return None
    src = noun_phrase_left(view, a - 1, lo, site.cue_tokens, limit=8)
    if src is None:
        return None
    c = src[0] - 1
    if not (lo + 1 < c and low[c] == "," and c - lo <= 20):
        return None
    # a quotation of its own before the aside is no fronted content; the one the aside
    # stands in (a report inside a long quotation, ``is_inner_report``) is
    own = view.quote_of[a]
    if any(t in site.cue_tokens or view.quote_of[t] not in (-1, own) for t in range(lo, c)):
        return None
    left = trim_content(view, lo, c - 1)
    if left is None or not any(is_word(low[t]) for t in range(j + 1, hi)):
        return None
    content = [left]
    right = trim_content(view, j + 1, hi - 1)
    if right is not None:
        content.append(right)
    return Draft(src, content)


# -- according to -------------------------------------------------------------------


def according_to_pattern(site: CueSite, stop: int) -> Draft:
    """``according to SRC, CONTENT`` (fronted) or ``CONTENT, according to SRC``.

    The source is the noun phrase right of the cue, extended by
    :func:`_according_to_phrase`; a fronted cue's content runs from the source to
    ``stop``, a trailing cue's content is the clause before it.
    """
    view, low = site.view, site.view.lower
    a, lo, prev_b = site.first, site.lo, site.prev_cue_last
    src = noun_phrase_right(view, site.last + 1, site.next_cue_first, site.cue_tokens)
    # "But according to X, …" opening a sentence is fronted too
    conj = a - 1 >= lo and low[a - 1] in ("but", "and")
    fronted = a - 1 <= prev_b or (conj and a - 2 <= prev_b) or _after_opening_adverb(site)
    source = src
    after = site.last + 1
    if src is not None:
        source = _according_to_phrase(site, src, fronted)
        after = source[1] + 1
    if not fronted:
        read = _document_read(site)
        if read is not None:
            return read
        thinker = _thinker_of_quotation(site)
        before = content_before(view, a, prev_b)
        rest = _clause_after_aside(site, source, stop) if source is not None else None
        if thinker is None and rest is not None:
            # "a pope who, according to X, “breaks …”": the clause the phrase interrupts
            # goes on after it, and is X's words too
            return Draft(source, [*before, rest])
        return Draft(source if thinker is None else thinker, before)
    content: list[Range] = []
    if after < stop:
        r = trim_content(view, after, stop - 1)
        content = [r] if r else []
    return Draft(source, content)


#: adverbs opening a sentence before a fronted ``according to`` ("Meanwhile, according
#: to X, …"): the phrase still opens the clause it sources
_OPENING_ADVERBS = SENTENCE_ADVERBS | frozenset(
    ["also", "indeed", "moreover", "separately", "similarly", "still", "yet", "earlier", "later"]
)


def _after_opening_adverb(site: CueSite) -> bool:
    """``Meanwhile, according to X, …`` / ``But however, according to X, …``: only a
    sentence adverb and its comma stand between the sentence's start (or the previous
    cue) and the cue, so the ``according to`` phrase is fronted."""
    low, a, prev_b = site.view.lower, site.first, site.prev_cue_last
    k = a - 2
    if k <= prev_b or low[a - 1] != "," or low[k] not in _OPENING_ADVERBS:
        return False
    return k - 1 <= prev_b or (k - 2 <= prev_b and low[k - 1] in OPENERS)


def _clause_after_aside(site: CueSite, source: Range, stop: int) -> Range | None:
    """``The port, according to X, “will close.”`` / ``…, according to X, is to …``: an
    ``according to`` phrase set off by commas inside a clause, which goes on after it
    with a quotation or a finite verb; that rest of the clause (up to ``stop``), or
    ``None`` when the phrase ends the clause or an apposition may follow it."""
    view, low, a = site.view, site.view.lower, site.first
    k = source[1] + 1
    if a - 1 <= site.lo or low[a - 1] != "," or k + 1 >= stop or low[k] != ",":
        return None
    if not (view.is_open_quote(k + 1) or low[k + 1] in _CLAUSE_VERBS):
        return None
    return trim_content(view, k + 1, stop - 1)


#: verbs of believing: the quotation they lead to is the believer's words
_BELIEVING = frozenset(["thought", "believed", "believes", "thinks"])
#: words opening the clause of a believing verb
_CLAUSE_OPENERS = SUBORDINATORS | {"because", "since", "that", "after", ","}


def _thinker_of_quotation(site: CueSite) -> Range | None:
    """``the professor thought Narnia “is not a country,” according to the Post``: the
    quotation ending the clause completes what its subject believed, in that person's
    words; the outlet only reports them. The subject of the believing verb (at most
    three words before the quotation), or ``None``."""
    view, low = site.view, site.view.lower
    k = site.first - 1
    while k > site.prev_cue_last and low[k] == ",":
        k -= 1
    if k <= site.prev_cue_last or view.quote_of[k] < 0:
        return None
    qs = view.quotes[view.quote_of[k]][0]
    opening = next((t for t in range(site.lo, k + 1) if view.starts[t] >= qs), None)
    if opening is None:
        return None
    for verb in range(opening - 1, max(site.prev_cue_last, opening - 5), -1):
        if low[verb] in _BELIEVING:
            # the believer opens the clause: after "because", "that" or the like
            lo = max(
                (t + 1 for t in range(site.prev_cue_last + 1, verb) if low[t] in _CLAUSE_OPENERS),
                default=site.prev_cue_last + 1,
            )
            return left_source(view, verb, lo, site.cue_tokens)
        if not low[verb].isalpha():
            return None
    return None


#: heads of ``according to the report, Jane Roe, ...``: the name is the clause's subject
_DOCUMENT_NOUNS = frozenset(
    [
        "analysis",
        "data",
        "documents",
        "estimates",
        "figures",
        "filing",
        "letter",
        "memo",
        "poll",
        "polls",
        "records",
        "report",
        "reports",
        "statement",
        "study",
        "survey",
    ]
)


#: verbs a document's words are reported with ("the statement reads in part")
_READS = frozenset(["reads", "read", "says", "said", "states", "stated"])


def _document_read(site: CueSite) -> Draft | None:
    """``“…,” the statement reads in part, according to ESPN``: the quotation is the
    document's words (and so its issuer's), the outlet only reports them; the source
    is the document. ``None`` unless the words before the cue are a quotation, a
    document noun phrase and a reading verb."""
    view, low = site.view, site.view.lower
    k = site.first - 1
    while k > site.prev_cue_last and low[k] == ",":
        k -= 1
    if k - 1 > site.prev_cue_last and low[k - 1 : k + 1] == ["in", "part"]:
        k -= 2
    if k - 2 <= site.prev_cue_last or low[k] not in _READS:
        return None
    noun, det = k - 1, k - 2
    if low[noun] not in _DOCUMENT_NOUNS or low[det] not in ("the", "this", "that", "its"):
        return None
    content = content_before(view, det, site.prev_cue_last)
    if not content or not view.is_close_quote(content[-1][1]):
        return None
    return Draft((det, noun), content)


#: finite verbs that go on the clause an ``according to`` phrase interrupts
_CLAUSE_VERBS = frozenset(
    ["is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can"]
)


def _according_to_phrase(site: CueSite, src: Range, fronted: bool) -> Range:
    """``according to a poll released Tuesday by X``: the whole phrase is the source, up
    to the comma (fronted) or the end of the sentence (trailing); otherwise the noun
    phrase alone."""
    low, hi = site.view.lower, site.hi
    j = src[1] + 1
    while j < hi and j - src[0] < 40 and low[j] not in QUOTE_CHARS and j not in site.cue_tokens:
        if low[j] in (";", "—") or (low[j] == "," and fronted):
            break
        if low[j] == ")":
            # "a “trivialized liturgy” (according to Pope Benedict) and apostasy": the
            # parenthesis closes the phrase; the sentence goes on without it
            return (src[0], j - 1) if j - 1 > src[1] else src
        if (
            low[j] == ","
            and j + 1 < hi
            and (low[j + 1] in _CLAUSE_VERBS or site.view.is_open_quote(j + 1))
        ):
            # "One goal, according to an official, is to …": the phrase stands between
            # commas inside the clause, whose verb follows
            return (src[0], j - 1) if j - 1 > src[1] else src
        j += 1
    end = j - 1
    while end > src[1] and not is_word(low[end]):
        end -= 1
    if fronted and low[j] == ",":
        # "According to the agency's chief engineer, Ana Pruett, ...": the name in
        # apposition belongs to the source
        m = j + 1
        while m < hi and m - j <= 4 and site.view.words[m][:1].isupper():
            m += 1
        if (
            2 <= m - j - 1 <= 3
            and site.view.words[end][:1].islower()
            and low[end] not in _DOCUMENT_NOUNS
            and m + 1 < hi
            and low[m] == ","
            and not site.view.is_open_quote(m + 1)
        ):
            return (src[0], m - 1)
    if j >= hi or (fronted and low[j] == ","):
        return (src[0], end)
    return src


# -- inverted: CONTENT, said SRC ----------------------------------------------------


def inverted_pattern(site: CueSite, stop: int) -> Draft | None:
    """``“CONTENT,” said SRC`` / ``CONTENT, said SRC`` / ``Said SRC: “CONTENT”``.

    The source is the noun phrase right of the cue (see :func:`_inverted_source`); the
    content is the clause or quotation before the cue, plus a quotation opened right
    after the source (``said SRC, “…”``) or, for a sentence-initial cue, what follows.
    """
    view, low = site.view, site.view.lower
    np_ = _inverted_source(site)
    if np_ is None:
        return None
    np_ = _with_closing_prepositional_phrase(site, np_)
    source = _with_closing_appositives(site, np_)
    content = content_before(view, site.first, site.prev_cue_last)
    tail = np_[1] + 1
    if tail < stop and low[tail] in ("when", "while", "as"):
        # "…,” said X when interviewed, “…”": the quotation after the clause continues
        comma = next((t for t in range(tail, stop) if low[t] == "," or view.quote_of[t] >= 0), stop)
        tail = comma if comma < stop and low[comma] == "," else tail
    if tail < stop and (
        (low[tail] == "," and tail + 1 < site.hi and view.is_open_quote(tail + 1))
        or (site.first == site.lo and low[tail] in (":", ","))
        or (low[tail] == "," and _fragment_then_quoted_clause(site, tail, stop))
    ):
        content += content_after(view, tail + 1, stop, site.hi)
    return Draft(source, content)


def _fragment_then_quoted_clause(site: CueSite, comma: int, stop: int) -> bool:
    """``In an environment with “so many young women,” said one aide, the men “have no
    self-control.”``: the quotation before the cue is a fragment of the writer's
    phrase, and the clause after the source's comma quotes the speaker; that clause is
    what was said too."""
    view, low = site.view, site.view.lower
    k = site.first - 1
    while k > site.prev_cue_last and low[k] == ",":
        k -= 1
    if k <= site.prev_cue_last or not view.is_close_quote(k) or not _quoted_fragment(site, k):
        return False
    return any(view.is_open_quote(t) for t in range(comma + 2, stop))


def _inverted_source(site: CueSite) -> Range | None:
    """The noun phrase right of the cue, when the cue is inverted.

    The phrase must close its clause and be short, the cue must follow a quotation or
    (an inverting verb) a comma, or open the sentence before a colon or comma
    (``Said Ellis: “…”``); a venue (``said in a statement``) or the object of a
    preposition ending the cue (``said at a town hall``, ``said of RT``) is no source.
    """
    low = site.view.lower
    a, b, lo, hi = site.first, site.last, site.lo, site.hi
    next_a = site.next_cue_first
    right_np = noun_phrase_right(site.view, b + 1, next_a, site.cue_tokens)
    if right_np is None:
        return None
    if all(low[t] in TEMPORAL or low[t] in DAYS for t in range(right_np[0], right_np[1] + 1)):
        return None  # "Flynn, a top surrogate, said Thursday morning": a time, no source
    after = right_np[1] + 1
    if (
        after + 1 < next_a
        and low[after] == "and"
        and site.view.words[right_np[0]][:1].islower()
        and site.view.is_close_quote(a - 1)
    ):
        # "explains local activist and spokesman for X, Jo Roe": two roles of one speaker
        more = noun_phrase_right(site.view, after + 1, next_a, site.cue_tokens)
        if (
            more is not None
            and site.view.words[after + 1][:1].islower()
            and more[1] + 1 < hi
            and low[more[1] + 1] == ","
            and not any(low[t].endswith("ed") for t in range(more[0], more[1] + 1))
        ):
            right_np = (right_np[0], more[1])
            after = more[1] + 1
    knowing = _knowing_tail(site, after)
    if knowing is not None:
        # "…, said a former official deeply familiar with the region.": what the
        # official knows closes the sentence, and belongs to the source's phrase
        right_np = (right_np[0], knowing)
        after = knowing + 1
    ends_clause = (
        after >= next_a
        or low[after] in (",", ".", ";", "!", "?", "—")
        or (
            after < hi
            # "said Bains to CNN's Chris Cuomo": "to" opens whom the words were said to
            and low[after]
            in ("in", "on", "at", "during", "after", "before", "when", "while", "as", "to")
        )
    )
    left_ok = a - 1 > site.prev_cue_last and (
        low[a - 1] in QUOTE_CHARS or (low[a - 1] == "," and low[a] in INVERTING)
    )
    fronted_cue = (
        a == lo
        and a == b
        and low[a] in INVERTING
        and after < hi
        and low[after] in (":", ",")
        and right_np[1] - right_np[0] < 6
    )
    left_ok = left_ok or fronted_cue
    if (
        low[a - 1] == ","
        and site.view.words[lo][:1].isupper()
        and any(
            low[t] in ("who", "whose") and site.view.quote_of[t] < 0 for t in range(lo + 1, a - 1)
        )
    ):
        # "King, who is black, said the word": the name and its relative clause are the
        # subject, what follows the cue its object ("There's “… who the winner will
        # be” in Iowa, said X": a quoted "who" is the speaker's, no relative clause)
        return None
    if _addressee_then_clause(site, after):
        return None
    if (
        ends_clause
        and left_ok
        and right_np[1] - right_np[0] < 12
        and low[right_np[1]] not in VENUES
        and low[b] not in PREPOSITIONS
        and low[b] not in ("of", "about", "for", "with")
    ):
        return right_np
    return None


#: what an unnamed source knows or is close to (``familiar with the talks``)
_KNOWING = frozenset([("familiar", "with"), ("close", "to"), ("briefed", "on"), ("involved", "in")])


def _knowing_tail(site: CueSite, after: int) -> int | None:
    """The last word of ``(deeply) familiar with the Arab world`` when it follows the
    noun phrase right of an inverted cue and closes the sentence (``…, said a former
    official deeply familiar with the Arab world.``); else ``None``."""
    low = site.view.lower
    k = after
    if 0 < k < site.hi and (low[k - 1], low[k]) in _KNOWING:
        k -= 1  # the noun phrase took the adjective in ("official deeply familiar")
    elif k < site.hi and is_ly_adverb(low[k]):
        k += 1
    if k + 2 >= site.hi or (low[k], low[k + 1]) not in _KNOWING:
        return None
    end = k + 2
    while end < site.hi and end - k < 12 and is_word(low[end]) and end not in site.cue_tokens:
        end += 1
    if end < site.hi and is_word(low[end]):
        return None  # more than a short phrase, or a cue of its own
    return end - 1 if end - 1 >= k + 2 else None


#: verbs whose object is whom the words were addressed to (``warned his priests that``)
_ADDRESSING = frozenset(
    ["warned", "told", "assured", "reminded", "informed", "urged", "advised", "cautioned"]
)


def _addressee_then_clause(site: CueSite, after: int) -> bool:
    """``X, the archbishop, warned his priests in a letter that …``: the noun phrase
    right of a verb of addressing, followed by a short prepositional phrase and then
    ``that``, is whom the words were addressed to, not an inverted source."""
    view, low = site.view, site.view.lower
    if low[site.last] not in _ADDRESSING or after >= site.next_cue_first:
        return False
    if low[after] not in PREPOSITIONS:
        return False
    for t in range(after + 1, min(after + 8, site.next_cue_first)):
        if low[t] == "that":
            return True
        if low[t] in (",", ";", ".") or view.quote_of[t] >= 0:
            return False
    return False


def _with_closing_prepositional_phrase(site: CueSite, np_: Range) -> Range:
    """``said one Democratic source on the panel.``: a prepositional phrase closing the
    sentence belongs to the source."""
    view, low, hi = site.view, site.view.lower, site.hi
    after = np_[1] + 1
    if after < hi and low[after] in NP_PREPS | {"of", "with"}:
        j = after
        while (
            j < hi
            and j - after < 9
            and (is_word(low[j]) or _title_stop(view, j))
            and j not in site.cue_tokens
        ):
            j += 1
        if j >= hi - 1 and (j >= hi or not is_word(low[j])) and j - 1 > after:
            return (np_[0], j - 1)
    return np_


def _title_stop(view: TokenView, t: int) -> bool:
    """Is token ``t`` the full stop of a title abbreviation before a name (``Dr.`` in
    ``… diseases Dr. Sylvie Brand``)?"""
    return (
        view.lower[t] == "."
        and 0 < t < len(view.words) - 1
        and len(view.words[t - 1]) <= 4
        and view.words[t - 1][:1].isupper()
        and view.words[t + 1][:1].isupper()
    )


def _with_closing_appositives(site: CueSite, np_: Range) -> Range:
    """``said Scott Reed, senior strategist for ..., who ...``: the appositives to the end
    of the sentence belong to the source (cues inside them too)."""
    view, low, hi = site.view, site.view.lower, site.hi
    after = np_[1] + 1
    if after + 1 < hi and low[after] == "," and not view.is_open_quote(after + 1):
        j = after + 1
        while j < hi and low[j] not in (";", "(") and low[j] not in QUOTE_CHARS:
            if _trailing_participle_cue(site, j):
                # "said X, managing editor of Y, explaining why …": the participle
                # reports what the source went on to say; it is no appositive of theirs
                return (np_[0], j - 1) if j - 1 > after else np_
            j += 1
        end = j - 1
        while end > after and not is_word(low[end]):
            end -= 1
        if end > after and j >= hi and j - after < 45:
            return (np_[0], end)
    return np_


def _trailing_participle_cue(site: CueSite, j: int) -> bool:
    """Is token ``j`` the comma before a participle cue (``, explaining``, ``, adding``)?"""
    low = site.view.lower
    return (
        low[j] == ","
        and j + 1 < site.hi
        and j + 1 in site.cue_tokens
        and low[j + 1].endswith("ing")
        and site.view.words[j + 1][:1].islower()
    )


# -- SRC CUE CONTENT (the default) --------------------------------------------------


def source_first_pattern(site: CueSite, stop: int) -> Draft:
    """``SRC CUE CONTENT``, or ``“CONTENT,” SRC said`` when the content precedes it.

    The source comes from :func:`_source_before_content`; the content from
    :func:`_content_around`.
    """
    named = _named_by_agent(site)
    if named is not None:
        return named
    agent = _passive_agent(site, stop)
    if agent is not None:
        # "X was criticized by Y for ...": the agent speaks, not the grammatical subject
        return Draft(agent, content_after(site.view, agent[1] + 1, stop, site.hi))
    source, stop = _source_before_content(site, stop)
    return Draft(source, _content_around(site, source, stop))


def _passive_agent(site: CueSite, stop: int) -> Range | None:
    """The ``by`` agent of a passive cue (``was sharply criticized by Vance``), or
    ``None``: the subject of a passive is the one spoken about or to, never the
    speaker."""
    b = site.last
    low = site.view.lower
    # "…, as expressed by Wernz in his book:": a participle after "as" is a passive too
    # (a sentence opened by "As reported by X," is left to the rules for such openers)
    reduced = site.first == b and site.first - 1 > site.lo and low[site.first - 1] == "as"
    if not (_passive_shape(site) or (reduced and _participle(low[b]))):
        return None
    # "was posted a few weeks ago by Ann": a time phrase may stand before the agent
    b = _after_time_phrase(low, b + 1, stop) - 1
    if not (b + 2 < stop and low[b + 1] == "by"):
        return None
    agent = noun_phrase_right(site.view, b + 2, stop, site.cue_tokens)
    if agent is None or low[agent[0]] in PRONOUNS:
        return None
    # "by Vance for his plan": the agent ends before a preposition that opens a phrase
    # in lower case ("by the Center for Justice" keeps its name)
    end = next(
        (
            t
            for t in range(agent[0] + 1, agent[1] + 1)
            if low[t] in _AGENT_ENDS and t + 1 <= agent[1] and site.view.words[t + 1][:1].islower()
        ),
        None,
    )
    return agent if end is None else (agent[0], end - 1)


#: when something was said, between a passive and its agent: "yesterday", "a few
#: weeks ago", "on Monday", "last week"
_TIME_PHRASE = re.compile(
    r"(?:yesterday|today|earlier|recently"
    r"|(?:(?:a|one|two|three|several|a few|\d+) )?(?:hours?|days?|weeks?|months?|years?) ago"
    r"|last (?:night|week|month|year)"
    r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
)


def _after_time_phrase(low: Sequence[str], k: int, stop: int) -> int:
    """The token after a time phrase (:data:`_TIME_PHRASE`) that starts at token ``k``
    and is followed by ``by``; ``k`` itself when there is none."""
    for n in range(1, 5):
        if k + n < stop and low[k + n] == "by" and _TIME_PHRASE.fullmatch(" ".join(low[k : k + n])):
            return k + n
    return k


def _named_by_agent(site: CueSite) -> Draft | None:
    """``was described as “a disgrace” by the mayor``, ``— dubbed “reckless” by critics
    —``: a naming participle, its quotation, then ``by`` and the one who named it so.

    The agent said the quoted words and the content is that quotation alone: the rest
    of the sentence is the writer's, about the thing named (the grammatical subject is
    spoken about, never the speaker).
    """
    view, low, a, b, hi = site.view, site.view.lower, site.first, site.last, site.hi
    naming = next((t for t in range(a, b + 1) if low[t] in _NAMING_PARTICIPLES), None)
    if naming is None:
        return None
    if b > naming and low[b] != "as":
        return None  # only "described as", never "described the plan as …"
    if b == naming and b + 2 < hi and low[b + 1] == "as" and view.is_open_quote(b + 2):
        b += 1  # "was condemned as “obstruction” by": the cue ended before its "as"
    if b + 1 >= hi or not view.is_open_quote(b + 1):
        return None
    q = view.quote_of[b + 1]
    close = b + 1
    while close + 1 < hi and view.quote_of[close + 1] == q:
        close += 1
    if close + 2 >= hi or low[close + 1] != "by":
        return None
    agent = noun_phrase_right(view, close + 2, hi, site.cue_tokens)
    if agent is None or low[agent[0]] in PRONOUNS:
        return None
    return Draft(agent, [(b + 1, close)])


#: participles that name a thing with someone's words (``described as “…” by X``)
_NAMING_PARTICIPLES = CALLING | frozenset(
    ["branded", "hailed", "derided", "slammed", "mocked", "condemned", "denounced", "decried"]
)


#: prepositions that end a passive's agent (``by Vance for his plan``)
_AGENT_ENDS = PREPOSITIONS | frozenset(["for", "over", "about", "with", "because"])


def _source_before_content(site: CueSite, stop: int) -> tuple[Range | None, int]:
    """The source of a default-pattern cue, and where its right content stops.

    No source for a sourceless or passive cue (``X is expected to``); the main
    clause's subject for ``..., saying``; the subject after a fronted participle
    (``Citing a report, Trump said``), whose comma then bounds the content; else
    the noun phrase left of the cue.
    """
    view, low = site.view, site.view.lower
    a, lo = site.first, site.lo
    left_src = _subject_left_of_cue(site)
    if _is_sourceless(site, left_src):
        return None, stop
    if _is_trailing_participle(site):
        # "..., saying/adding ...": the subject of the main clause
        return (
            site.prev_source
            or opening_name_subject(view, lo, a, site.cue_tokens)
            or sentence_subject(view, lo, a, site.cue_tokens)
            or _opening_subject(site)
        ), stop
    if left_src is None and _is_gerund_object(site):
        # "Grassley joined colleagues in asking for …": the gerund's subject is the clause's
        return site.prev_source or sentence_subject(view, lo, a - 1, site.cue_tokens), stop
    if left_src is None and _is_time_clause_gerund(site):
        # "Roe stabbed two men while shouting, “…”", "Meta said, before accusing us of
        # …": the gerund of a clause of time shares the main clause's subject
        return site.prev_source or sentence_subject(view, lo, a - 1, site.cue_tokens), stop
    if (
        low[a].endswith("ing")
        and a == site.last
        and (a == lo or (a == lo + 1 and low[lo] in ("after", "before", "while")))
        and (fp := fronted_participle_subject(view, site.last, site.hi, site.cue_tokens))
        is not None
    ):
        # "Citing a report, Trump said ...": the participle's subject follows it
        source, comma = fp
        return source, min(stop, comma)
    return left_src, stop


def _subject_left_of_cue(site: CueSite) -> Range | None:
    """The source left of the cue (:func:`left_source`), without the ``a move`` of
    ``, a move critics called “reckless”`` (critics is the source)."""
    view, low, a = site.view, site.view.lower, site.first
    left_src = left_source(
        view, a, site.prev_cue_last + 1, site.cue_tokens, site.prev_source, site.lo
    )
    if (
        left_src is not None
        and left_src[1] - left_src[0] >= 2
        and low[left_src[0]] in ("a", "an")
        and low[left_src[0] - 1] == ","
        and view.words[left_src[0] + 1][:1].islower()
        and low[a] in CALLING
    ):
        return (left_src[0] + 2, left_src[1])
    if (
        left_src is not None
        and low[left_src[0]] in ("a", "an")
        and left_src[0] - 1 >= site.lo
        and low[left_src[0] - 1] == "were"
        and low[a].endswith("ing")
    ):
        # "If Roe were a Democrat saying that …": one imagined saying it, no speaker
        return None
    return left_src


def _is_sourceless(site: CueSite, left_src: Range | None) -> bool:
    """Is the cue's grammatical subject not its source?

    ``X appears to``, ``X is expected to``, a passive cue without ``by`` (``it was
    reported``); but ``Mr. Deese expected that ...`` (an active past tense right after
    its subject) has a source.
    """
    low, a, b, hi = site.view.lower, site.first, site.last, site.hi
    active_ed = (
        low[a] in NO_SOURCE_ACTIVE
        and left_src is not None
        and left_src[1] == a - 1
        and low[a - 1] not in PASSIVE_AUX
        and not (b + 1 < hi and low[b + 1] == "to")
    )
    return (low[a] in NO_SOURCE and not active_ed) or _is_passive(site)


#: past participles not in -ed/-en/-wn that make a passive (``was told that``: the
#: subject heard it, someone unnamed said it)
_IRREGULAR_PARTICIPLES = frozenset(["told", "said", "heard", "taught", "sought", "thought"])


def _participle(word: str) -> bool:
    """Is ``word`` (lower case) shaped like a past participle?"""
    return word.endswith(("ed", "en", "wn")) or word in _IRREGULAR_PARTICIPLES


def _is_passive(site: CueSite) -> bool:
    """``is expected``, ``was widely reported``, ``has been accused of``: a passive cue
    with no ``by`` agent."""
    b, hi = site.last, site.hi
    return _passive_shape(site) and not (b + 1 < hi and site.view.lower[b + 1] == "by")


def _passive_shape(site: CueSite) -> bool:
    """Is the cue a passive (``is expected``, ``was sharply criticized``, ``has been
    accused``, ``was told``), with or without an agent?"""
    low, a, b, lo = site.view.lower, site.first, site.last, site.lo
    before = a - 1
    while before >= lo and (
        (low[before] in ADV or is_ly_adverb(low[before])) and low[before] not in PASSIVE_AUX
    ):
        before -= 1
    # "has been accused of", "will be criticized": a perfect or modal passive
    verb = next((t for t in range(a, b + 1) if low[t] not in AUXILIARIES), b + 1)
    perfect = (
        a < verb <= b
        and any(low[t] in ("be", "been", "being") for t in range(a, verb))
        and _participle(low[verb])
    )
    # The auxiliary's participle, past any adverbs: "was widely believed", even when the
    # tagger ended the cue at the adverb ("was widely" + "believed to be …").
    after = a + 1
    while after <= b and (low[after] in ADV or is_ly_adverb(low[after])):
        after += 1
    return (
        (low[a] in PASSIVE_AUX and b > a and after < site.hi and _participle(low[after]))
        or perfect
        or (
            before >= lo
            and low[before] in ("is", "was", "are", "were", "be", "been", "being")
            and _participle(next((w for w in low[a : b + 1] if not w.endswith("ly")), ""))
        )
    )


def _is_gerund_object(site: CueSite) -> bool:
    """``… joined colleagues in asking``, ``… ended the call by urging``: a gerund cue
    governed by ``in``/``by`` after the clause's verb and object."""
    low, a, lo = site.view.lower, site.first, site.lo
    return (
        low[a].endswith("ing")
        and site.view.words[a][:1].islower()
        and a - 3 >= lo
        and low[a - 1] in ("in", "by")
        and is_word(low[a - 2])
    )


#: conjunctions of time that take a gerund sharing the main clause's subject
_TIME_CONJUNCTIONS = frozenset(["while", "before", "after"])


def _is_time_clause_gerund(site: CueSite) -> bool:
    """``… in the street while shouting``, ``…,” Roe said, before adding``: a gerund
    cue after ``while``/``before``/``after`` that closes a clause (a word, or a word and a
    comma, before the conjunction; a sentence opening with the conjunction is left to
    the fronted-participle rule)."""
    low, a, lo = site.view.lower, site.first, site.lo
    if not (low[a].endswith("ing") and site.view.words[a][:1].islower() and a - 3 >= lo):
        return False
    if low[a - 1] not in _TIME_CONJUNCTIONS:
        return False
    before = a - 2
    if low[before] == ",":
        before -= 1
    return before > lo and is_word(low[before])


def _opening_subject(site: CueSite) -> Range | None:
    """``Lee left early, saying …``: a pronoun, or a name of one to three capitalised
    words, that opens the sentence and is followed by a lower-case word (its verb) is
    the subject a trailing participle shares, when the sentence's fronted-adverbial
    reading (which skips to the comma) found none."""
    view, lo, a = site.view, site.lo, site.first
    low, words = view.lower, view.words
    if lo >= a - 2 or view.quote_of[lo] >= 0:
        return None
    if low[lo] in _SUBJECT_PRONOUNS:
        end = lo
    elif words[lo][:1].isupper() and low[lo] not in _NEVER_OPENING_NAMES:
        end = lo
        while end + 1 < min(a, lo + 3) and words[end + 1][:1].isupper() and is_word(low[end + 1]):
            end += 1
        if end == lo and low[lo].endswith("ing"):
            return None  # "Shutting down a freeway, …": a gerund subject, no one's name
    else:
        return None
    verb = words[end + 1] if end + 1 < a else ""
    if not (verb[:1].isalpha() and verb[:1].islower()) or low[end + 1] in PREPOSITIONS:
        return None
    if low[end + 1] in ("n't", "n’t"):
        return None  # "Can't help …": a contraction's first half, no name
    return (lo, end)


#: pronouns that can be the subject a trailing participle shares
_SUBJECT_PRONOUNS = frozenset(["he", "i", "she", "they", "we", "you"])
#: capitalised words opening a sentence that never open the name of its subject
#: (prepositions and connectives: "For example, calling …")
_NEVER_OPENING_NAMES = (
    PREPOSITIONS | NP_PREPS | OPENERS | STOP | NOT_NAME_LEAD | frozenset(["of", "with"])
)


def _is_trailing_participle(site: CueSite) -> bool:
    """``..., saying`` / ``..., later adding``: a participle after a comma (``…,
    accurately describing``: an adverb the tagger took into the cue may lead it)."""
    low, a, lo = site.view.lower, site.first, site.lo
    if a < site.last and is_ly_adverb(low[a]) and low[a + 1].endswith("ing"):
        return a - 1 >= lo and low[a - 1] == ","
    return (
        low[a].endswith("ing")
        and a - 1 >= lo
        and (low[a - 1] == "," or (a - 2 >= lo and low[a - 2] == "," and low[a - 1].endswith("ly")))
    )


def _content_around(site: CueSite, source: Range | None, stop: int) -> list[Range]:
    """The content of a default-pattern cue.

    A quotation closing before the source (``“CONTENT,” SRC said``), or the clause
    before it when the cue is followed only by a short adverbial (``..., the minister
    said on Tuesday``), is the content, with a quotation opened after the cue's next
    comma; otherwise the words right of the cue up to ``stop``; failing those, the
    clause before the source.
    """
    view, low = site.view, site.view.lower
    prev_b, right_lo = site.prev_cue_last, site.last + 1
    src_start = source[0] if source else site.first
    k = src_start - 1
    while k > prev_b and low[k] == ",":
        k -= 1
    hung = low[site.first].endswith("ing") and low[site.first - 1] in _HANGING_LEADS
    if (
        k > prev_b
        and not hung
        and (
            (
                view.is_close_quote(k)
                and not is_title_quote(view, k, site.lo)
                and not (
                    _quoted_fragment(site, k)
                    and _clause_follows(site, stop)
                    and not _addressee_only(site, stop)
                )
            )
            or (low[k + 1] == "," and _is_short_adverbial(site, stop) and source is not None)
        )
    ):
        content = content_before(view, src_start, prev_b)
        j = right_lo
        while j < stop and low[j] != ",":
            j += 1
        if j + 1 < stop and view.is_open_quote(j + 1):
            content += content_after(view, j + 1, stop, site.hi)
        return content
    if right_lo < stop and not all(not is_word(w) for w in low[right_lo:stop]):
        return content_after(view, right_lo, stop, site.hi)
    return content_before(view, src_start, prev_b)


def _quoted_fragment(site: CueSite, close: int) -> bool:
    """Is the quotation closing at token ``close`` a fragment set in the writer's own
    phrase (``As for the question of her “intent,”``, ``In a place with “so many
    women,”``), a word of the same sentence right before its opening mark? Such a
    quotation is no statement that a cue after it could report."""
    view = site.view
    q = view.quote_of[close]
    if q < 0:
        return False
    qs = view.quotes[q][0]
    o = next((t for t in range(site.lo, close + 1) if view.starts[t] >= qs), None)
    return o is not None and o - 1 >= site.lo and is_word(view.lower[o - 1])


#: words that open a clause right after a speech verb (``said it arose …``)
_CLAUSE_SUBJECTS = PRONOUNS | frozenset(["the", "that"])


def _clause_follows(site: CueSite, stop: int) -> bool:
    """Does a clause of its own follow the cue (``Horowitz said it arose “months
    earlier”``): a subject word, then at least two more words before ``stop``?"""
    low, right_lo = site.view.lower, site.last + 1
    return (
        right_lo + 2 < stop
        and low[right_lo] in _CLAUSE_SUBJECTS
        and sum(is_word(w) for w in low[right_lo:stop]) >= 3
    )


#: verbs of telling: the noun phrase right of them is whom the words were told
_TELLING = frozenset(["told", "tells", "tell"])


def _addressee_only(site: CueSite, stop: int) -> bool:
    """``with “unusual sounds”, a physician told the Senate in January``: a telling verb
    followed only by whom it was told and a short adverbial has no clause of its own
    to report; the quotation before its source is what was told."""
    view, low, right_lo = site.view, site.view.lower, site.last + 1
    if low[site.last] not in _TELLING or right_lo >= stop:
        return False
    np_ = noun_phrase_right(view, right_lo, stop, site.cue_tokens)
    if np_ is None:
        return False
    rest = range(np_[1] + 1, stop)
    if not any(is_word(low[t]) for t in rest):
        return True
    first = next(t for t in rest if is_word(low[t]))
    return (
        (low[first] in PREPOSITIONS or low[first] in TEMPORAL or low[first] in DAYS)
        and stop - first <= 6
        and not any(low[t] == "that" or view.is_open_quote(t) for t in rest)
    )


#: words a participle hangs on its clause with (``…, before conceding that``): its
#: content is right of it, whatever precedes its subject
_HANGING_LEADS = frozenset([",", "before", "after", "while", "despite"])


#: verbs whose "to" opens an infinitive, what is aimed at or wanted (no place or hearer)
_INFINITIVE_TAKERS = frozenset(
    [
        "aim",
        "aims",
        "aimed",
        "plan",
        "plans",
        "planned",
        "want",
        "wants",
        "wanted",
        "hope",
        "hopes",
        "hoped",
        "intend",
        "intends",
        "intended",
        "vow",
        "vows",
        "vowed",
        "pledge",
        "pledges",
        "pledged",
        "promise",
        "promises",
        "promised",
        "seek",
        "seeks",
        "sought",
    ]
)


def _is_short_adverbial(site: CueSite, stop: int) -> bool:
    """Is the text right of the cue a short prepositional phrase (``said on Tuesday``)
    with no ``that`` or quotation, i.e. no content of its own?

    A dated event also counts: ``..., the minister announced on Tuesday, in a move ...``.
    """
    view, low, right_lo = site.view, site.view.lower, site.last + 1
    if right_lo < stop and low[right_lo] == "to" and low[site.last] in _INFINITIVE_TAKERS:
        return False  # "…, the Trust aims to convert 110,000 apartments": what it aims at
    if right_lo < stop and all(
        low[t] in DAYS or low[t] in TEMPORAL or not is_word(low[t]) for t in range(right_lo, stop)
    ):
        return True  # "..., the school announced Tuesday."
    return (
        right_lo < stop
        and low[right_lo] in PREPOSITIONS
        and (
            stop - right_lo <= 6
            or (
                right_lo + 2 < stop
                and (low[right_lo + 1] in DAYS or low[right_lo + 1] in TEMPORAL)
                and low[right_lo + 2] == ","
            )
        )
        and not any(low[t] == "that" or view.is_open_quote(t) for t in range(right_lo, stop))
    )


# -- checks used by the extractor ---------------------------------------------------


def closes_sentence(view: TokenView, cue: Cue, lo: int, hi: int, cue_tokens: set[int]) -> bool:
    """Does ``cue`` close its sentence as ``…, SRC said.`` (its content is the clause before)?"""
    low = view.lower
    a, b = cue.first, cue.last
    if any(
        is_word(low[t]) and low[t] not in TEMPORAL and low[t] not in DAYS for t in range(b + 1, hi)
    ):
        return False
    src = left_source(view, a, lo, cue_tokens, None, lo)
    if src is None or src[1] - src[0] > 8:
        return False
    c = src[0] - 1
    if c - 1 > lo + 3 and low[c] == "as" and low[c - 1] == ",":
        # "…, as my colleague X wrote recently.": any verb of an "as" clause closing the
        # sentence reports the clause before it
        return not view.is_close_quote(c - 2)
    if (
        low[a] not in INVERTING
        and low[a] not in ("say", "told", "announced", "reported")
        and low[a] not in ADV
        and not is_ly_adverb(view.words[a])
    ):
        return False
    return c > lo + 3 and low[c] == "," and not view.is_close_quote(c - 1)


def main_clause_cue(
    view: TokenView, cues: Sequence[Cue], lo: int, hi: int, cue_tokens: set[int]
) -> int | None:
    """Index of the cue of ``…, SRC warned on Tuesday, calling them …``: a cue closing
    the clause before a trailing participle cue (``, calling``/``, adding``).

    Its content is the clause before its source (cues there are embedded, as with
    :func:`closes_sentence`) and the participle shares its source; ``None`` when no
    cue after the first one is followed so.
    """
    low = view.lower
    for n in range(1, len(cues) - 1):
        cue, nxt = cues[n], cues[n + 1]
        j = cue.last + 1
        if (
            j + 1 < hi
            and low[j] in ("on", "in", "late", "early")
            and (low[j + 1] in DAYS or low[j + 1] in TEMPORAL)
        ):
            j += 1
        while j < hi and (low[j] in DAYS or low[j] in TEMPORAL):
            j += 1
        if not (j < hi and low[j] == "," and nxt.first == j + 1 and low[nxt.first].endswith("ing")):
            continue
        if closes_sentence(view, cue, lo, cue.last + 1, cue_tokens):
            return n
    return None


def aside_between_quotations(
    view: TokenView, cues: Sequence[Cue], lo: int, cue_tokens: set[int]
) -> int | None:
    """Index of the cue of ``… “X,” SRC said, “Y”``: a verb of saying after a later cue,
    its short source right after a quotation closed by its comma, a comma and a
    quotation right after it. The speaker's aside splits one sentence of theirs (``The
    judge had been accused of “softening his report,” Gowdy said, “when it was …”``):
    both sides are the speaker's, cues before it embedded; ``None`` when no cue is
    set so."""
    low = view.lower
    for n in range(1, len(cues)):
        cue = cues[n]
        b = cue.last
        if low[cue.first] not in INVERTING and low[cue.first] not in CORE_VERBS:
            continue
        if not (b + 2 < len(low) and low[b + 1] == "," and view.is_open_quote(b + 2)):
            continue
        src = left_source(view, cue.first, lo, cue_tokens, None, lo)
        if src is None or src[1] - src[0] > 5:
            continue
        c = src[0] - 1
        if c - 1 > lo and view.is_close_quote(c) and low[c - 1] == ",":
            return n
    return None


#: participles that open a sentence naming who asked the speaker (``Pressed by X on …,``)
_QUESTIONED = frozenset(["asked", "pressed", "questioned", "quizzed", "challenged", "prodded"])


def after_fronted_questioner(view: TokenView, cues: Sequence[Cue], lo: int) -> int | None:
    """Index of the main clause's cue in ``Pressed by X and Y on whether …, Conway said,
    “…”``: a sentence opening with a participle and ``by`` names the questioner in that
    clause; the speaker is the subject of the main clause, a name or pronoun after a
    comma or a closing quotation mark right before the cue. Cues before it are part of
    the question (``None``: no such sentence, or no such cue)."""
    low = view.lower
    if not (lo + 1 < len(low) and low[lo] in _QUESTIONED and low[lo + 1] == "by"):
        return None
    return _main_clause_after(view, cues, lo)


def after_fronted_question(view: TokenView, cues: Sequence[Cue], lo: int) -> int | None:
    """Index of the main clause's cue in ``Asked in an interview why …, Orban replied:
    “…”``: a sentence opening with a participle of being asked (no ``by``) reports the
    question with no source, and ends where the main clause's subject, a name or pronoun
    after a comma, comes right before its cue. The cues between are inside the question
    (``does not want``), so they must not carry its content across the main clause
    (``None``: no such sentence, or no such cue)."""
    low = view.lower
    if not (
        cues
        and cues[0].first == lo
        and lo + 1 < len(low)
        and low[lo] in _QUESTIONED
        and view.words[lo][:1].isupper()
        and low[lo + 1] != "by"
    ):
        return None
    main = _main_clause_after(view, cues, lo)
    return main if main is not None and main > 0 else None


def _main_clause_after(view: TokenView, cues: Sequence[Cue], lo: int) -> int | None:
    """Index of the first cue whose subject, a name or pronoun, follows a comma, a dash
    closing an aside (``– if they exist – Spicer argued``) or a closing quotation mark
    right before it: the main clause after a fronted phrase."""
    low = view.lower
    for n, cue in enumerate(cues):
        k = cue.first - 1
        while k > lo and (view.words[k][:1].isupper() or low[k] in PRONOUNS):
            k -= 1
        if k < cue.first - 1 and (low[k] in (",", "–", "—") or view.words[k] in QUOTE_CHARS):
            return n
    return None


def is_well_formed(view: TokenView, att: Attribution) -> bool:
    """A named or pronoun source and a content of at least three words."""
    if att.source is None:
        return False
    src = view.text[att.source[0] : att.source[1]]
    if not (src[:1].isupper() or src.lower() in PRONOUNS):
        return False
    return sum(len(view.text[s:e].split()) for s, e in att.content) >= 3


def is_heading(view: TokenView, cue: Cue, att: Attribution) -> bool:
    """``UPDATE: ...``, ``Editor's Note: ...``, ``By Jane Roe: ...``: a colon cue after a
    heading or a byline, not a speaker."""
    if att.source is None or view.lower[cue.first] != ":":
        return False
    words = view.text[att.source[0] : att.source[1]].lower().split()
    return bool(words) and (" ".join(words) in HEADING_LABELS or words[0] in BYLINE_OPENERS)


def headline_clause(view: TokenView, cue: Cue, att: Attribution) -> Attribution | None:
    """A clause before a colon, or a headline, that is not a speaker with its words.

    ``Former Miss Universe sizes up Melania Trump: 'I think …'``: the speaker of a
    headline clause before a colon is its subject, never the verb's object; with no
    quotation after the colon the clause is the article's own words (``Obama Canceled
    It, Trump Reinstated It: A Very Sacred Day is Back``), as is a headline (a first
    paragraph with no closing full stop) whose cue is no reporting verb and whose
    content holds no quotation. ``None`` drops the attribution.
    """
    if att.source is None:
        return att
    low = view.lower
    # the marks may stand just outside the content ('I think …')
    quoted = any(
        c in QUOTE_CHARS or c == "'"
        for s, e in att.content
        for c in view.text[max(0, s - 1) : e + 1]
    )
    first = token_at(view, att.source[0])
    last = token_at(view, att.source[1] - 1)
    sentence = view.sent_of[cue.first]
    hi = view.sentences[sentence][1]
    headline = (
        sentence == 0
        and (len(view.sentences) == 1 or view.para_of_sent[1] != view.para_of_sent[0])
        and low[hi - 1] not in (".", "!", "?", ":")
        and not quoted
    )
    if headline and not any(low[t] in CORE_VERBS for t in range(cue.first, cue.last + 1)):
        return None
    if low[cue.first] != ":" or cue.first != cue.last:
        return att
    words = view.words
    verb = next(
        (
            t
            for t in range(first + 1, last + 1)
            if words[t][:1].islower()
            and words[t].isalpha()
            and (
                low[t] in CORE_VERBS
                or (low[t].endswith("s") and not low[t].endswith("ss") and len(low[t]) > 3)
                or low[t].endswith("ed")
            )
            and all(words[u][:1].isupper() for u in range(first, t))
        ),
        None,
    )
    if verb is None:
        return att
    if not quoted:
        return None
    start, end = view.chars(first, verb - 1)
    return replace(att, source=(start, end))
