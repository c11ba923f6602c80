"""Finding the content of a cue: the clause or quotation it introduces, and its edges.

Right of the cue, the content runs to the end of the sentence or to the next cue's
source, starting at ``that`` when the cue has an object first (``told reporters that``)
and stopping at a new clause (``, but``); a quotation opened there is followed to its
close, across sentences. Left of the cue, a quotation closing just before it (``“X,”
he said``) is the content. Quotations continuing the paragraph after the sentence are
further fragments (PolNeAR's discontinuous contents). Token ranges, both ends inclusive.
"""

from __future__ import annotations

from dataclasses import replace

from spinscope.attribution.lexicon import AUXILIARIES, CLAUSE_BREAK, DAYS, TITLE_LEAD, VENUES
from spinscope.attribution.result import Attribution, Range
from spinscope.attribution.sources import SUBORDINATORS, left_source
from spinscope.attribution.text import QUOTE_CHARS, TokenView
from spinscope.attribution.tokens import is_inner_report, is_word, quote_at, token_at

__all__ = [
    "close_relative_clause",
    "content_after",
    "content_before",
    "content_stop",
    "is_title_quote",
    "quoted_continuation",
    "trim_content",
]


def content_stop(
    view: TokenView, cue_last: int, next_cue_first: int, lo: int, hi: int, cue_tokens: set[int]
) -> int:
    """Where a content right of the cue ending at ``cue_last`` must stop (exclusive).

    It stops before ``, SRC NEXTCUE`` or ``and SRC NEXTCUE``; a next cue with no clause
    break before its source (``said the email came after Trump proposed a ban``) is
    embedded in this content (PolNeAR is univocal), which then runs to the sentence end
    ``hi``. Without a next cue, that is the sentence end too.
    """
    low = view.lower
    stop = next_cue_first
    if next_cue_first < hi:
        next_source = left_source(view, next_cue_first, cue_last + 1, cue_tokens, None, lo)
        breaks: tuple[str, ...] = (",", "and", "but", ";", "—")
        if next_source is not None and next_source[0] > cue_last:
            stop = next_source[0]
            # "... included “X” while opponents chanted, “Y”": a clause with a subject
            breaks += ("while", "whereas")
        k = stop - 1
        while k > cue_last and low[k] in breaks:
            k -= 1
        boundary = k + 1 < stop
        stop = (
            k + 1 if boundary else _before_trailing_participle(view, cue_last, next_cue_first, hi)
        )
    stop = _before_next_quotation_clause(view, cue_last, stop)
    stop = _after_calling_label(view, cue_last, stop)
    return _within_subordinate_clause(view, cue_last, lo, hi, stop, cue_tokens)


def _before_trailing_participle(
    view: TokenView, cue_last: int, next_cue_first: int, hi: int
) -> int:
    """``…, as taught by the priests, saying, “…”``: a participle cue after a comma
    (``saying``, ``adding``) opens a report of its own by the clause's subject, even
    when the noun before its comma is no source; the content before it ends at that
    comma. Else the sentence end ``hi`` (the next cue is embedded)."""
    low, words = view.lower, view.words
    k = next_cue_first
    if (
        cue_last + 1 < k - 1
        and low[k - 1] == ","
        and words[k][:1].islower()
        and low[k].endswith("ing")
        and low[k].isalpha()
    ):
        return k - 1
    return hi


def _within_subordinate_clause(
    view: TokenView, cue_last: int, lo: int, hi: int, stop: int, cue_tokens: set[int]
) -> int:
    """``As Lee tried to ask about the tapes, Reed cut off the question and said: …``: a
    cue in a subordinate clause opening the sentence has its content end at the comma
    closing that clause, when the main clause after it has a subject and a cue of its
    own; else ``stop`` (``As Simonyan put it, RT is …``: the main clause is what was
    said)."""
    low, words = view.lower, view.words
    lo = _after_fronted_phrase(view, lo, cue_last)
    if lo >= cue_last or low[lo] not in SUBORDINATORS:
        return stop
    if any(low[t] == "," for t in range(lo + 1, cue_last)):
        return stop  # the cue is past the subordinate clause
    c = next((t for t in range(cue_last + 1, stop) if low[t] == ","), None)
    if c is None or c + 2 >= stop or view.quote_of[c + 1] >= 0:
        return stop
    if not (words[c + 1][:1].isupper() and words[c + 2][:1].islower()):
        return stop
    if not any(
        t in cue_tokens or (low[t] == ":" and t + 1 < hi and view.is_open_quote(t + 1))
        for t in range(c + 2, hi)
    ):
        # "…, Cruz addressed reporters in Evansville: “…”": a colon opening a quotation
        # in the main clause introduces words of its subject's, as a cue would
        return stop
    return c


def _after_fronted_phrase(view: TokenView, lo: int, cue_last: int) -> int:
    """``In May, after Trump cited …``: where a subordinate clause starts after a short
    phrase of time or place set off by a comma at the sentence's start; else ``lo``."""
    low = view.lower
    for t in range(lo + 1, min(lo + 5, cue_last - 1)):
        if low[t] == ",":
            return t + 1 if low[t + 1] in SUBORDINATORS else lo
    return lo


#: verbs calling someone by a quoted label ("branded Lee a “traitor”")
_LABELLING = frozenset(
    ["branded", "brands", "branding", "called", "calls", "labelled", "labeled", "labels"]
)


def _after_calling_label(view: TokenView, cue_last: int, stop: int) -> int:
    """``Tom Ray, the rebel who caused outcry when he branded Lee a “traitor”, has been
    arrested``: what was said is the label; a comma after its closing quotation mark
    ends the clause holding it, and the words after it are the writer's. Else
    ``stop``."""
    low = view.lower
    labelled = (
        cue_last + 2 < len(low)
        and low[cue_last + 1] in ("a", "an")
        and view.is_open_quote(cue_last + 2)
    )
    if low[cue_last] not in _LABELLING and not labelled:
        return stop
    for t in range(cue_last + 1, min(stop, cue_last + 10)):
        if view.is_open_quote(t):
            if low[t - 1] not in ("a", "an"):
                return stop
            c = next((u for u in range(t + 1, stop) if view.is_close_quote(u)), None)
            return c + 1 if c is not None and c + 1 < stop and low[c + 1] == "," else stop
    return stop


#: words opening a clause of the writer's after a quotation
_CLAUSE_AFTER_QUOTE = frozenset(["before", "after", "when", "while", "until"])


def _before_next_quotation_clause(view: TokenView, cue_last: int, stop: int) -> int:
    """``Reed interjected: “…,” before the moderator reminded Reed, “…”``: a quotation
    right after the cue closes its content when the writer's clause after it brings
    another quotation (someone else's words); else ``stop``."""
    low = view.lower
    q = cue_last + 1
    if q < stop and low[q] in (":", ","):
        q += 1
    if q >= stop or not view.is_open_quote(q):
        return stop
    c = next((t for t in range(q + 1, stop) if view.is_close_quote(t)), None)
    if c is None:
        return stop
    k = c + 1
    while k < stop and low[k] in (",", "—", "–"):
        k += 1
    if k >= stop or low[k] not in _CLAUSE_AFTER_QUOTE:
        return stop
    # the clause's quotation is announced (", “…”"): someone's words, not a phrase
    if not any(view.is_open_quote(t) and low[t - 1] in (",", ":") for t in range(k + 2, stop)):
        return stop
    return c + 1


def content_before(view: TokenView, end: int, prev_cue_last: int) -> list[Range]:
    """Content ending at token ``end`` (exclusive), after the previous cue's last token.

    A quotation closing there (``“X,” SRC said``) is taken whole, even when it opened
    before the previous cue; otherwise the tokens since the previous cue, trimmed.
    """
    low = view.lower
    k = end - 1
    while k > prev_cue_last and low[k] in (",", "—", "–", "-", ":"):
        k -= 1
    if k - 1 > prev_cue_last and low[k] == "as" and low[k - 1] == ",":
        k -= 2  # "X is so, as Jo wrote": the "as" opens the source's clause
    if k <= prev_cue_last:
        return []
    if view.is_close_quote(k) or (
        k - 1 > prev_cue_last and view.is_close_quote(k - 1) and low[k] == ","
    ):
        qk = k if view.is_close_quote(k) else k - 1
        q = quote_at(view, qk)
        if q is not None:
            return [(token_at(view, q[0]), k if low[k] in QUOTE_CHARS else qk)]
    r = trim_content(view, prev_cue_last + 1, k)
    return [r] if r else []


def trim_content(view: TokenView, first: int, last: int) -> Range | None:
    """Tokens ``first..last`` without what PolNeAR leaves out of a content.

    Punctuation at the edges (outside quotes), a trailing ``and``/``but`` and a trailing
    adverbial (``on Friday``, ``in a statement``) go; ``None`` when nothing is left.
    """
    low = view.lower
    i, j = first, last
    edge = (",", ":", ";", "—", "–", "-", ".", '"', "“", "”", "'")
    while i <= j and low[i] in edge and view.quote_of[i] < 0:
        i += 1  # stray quote marks of an unbalanced paragraph are not content
    while j >= i and (low[j] in edge or low[j] in ("?", "!")) and view.quote_of[j] < 0:
        j -= 1
    while j >= i and low[j] in ("and", "but") and view.quote_of[j] < 0:
        j -= 1
    # trailing adverbials: "... on Friday", "... in a statement", "... last week"
    while j - 1 > i and view.quote_of[j] < 0:
        if low[j] in DAYS and low[j - 1] == "on":
            j -= 2
        elif j - 2 > i and low[j] in VENUES and low[j - 1] in ("a", "an") and low[j - 2] == "in":
            j -= 3
        else:
            break
        while j >= i and low[j] in (",",) and view.quote_of[j] < 0:
            j -= 1
    return (i, j) if i <= j else None


def _correlative_but(view: TokenView, i: int, comma: int) -> bool:
    """``would mean not only saving £39 billion, but also end …``: the ``but also`` of a
    ``not only`` in the content goes on with it; it opens no new clause."""
    low = view.lower
    return (
        comma + 2 < len(low)
        and low[comma + 1] == "but"
        and low[comma + 2] == "also"
        and any(low[t : t + 2] == ["not", "only"] for t in range(i, comma))
    )


def _relative_aside(view: TokenView, k: int, stop: int) -> bool:
    """``say that the group, who are siblings, had “a plan …”``: a relative clause set
    off by two commas inside the content describes the noun before it, and the verb
    after its closing comma goes on with the reported clause; it opens no new clause.
    (``…, which angered voters.`` runs to the end: a clause of the writer's.)"""
    low, words = view.lower, view.words
    if low[k] != "," or low[k + 1] not in ("who", "which") or low[k + 2] == ",":
        # "Benedict, who, a month before …, lamented “…”": an aside inside the relative
        # clause, whose own verb follows it
        return False
    for c in range(k + 3, min(stop - 1, k + 25)):
        if view.quote_of[c] >= 0 or low[c] in (";", ":", "—", "–"):
            return False
        if low[c] == ",":
            verb = low[c + 1]
            return words[c + 1][:1].islower() and (
                verb in AUXILIARIES or verb.endswith("ed") or verb in ("said", "says")
            )
    return False


def content_after(view: TokenView, start: int, stop: int, hi: int) -> list[Range]:
    """Content from token ``start`` to ``stop`` (exclusive) in a sentence ending at ``hi``.

    A quotation opening at ``start`` is taken whole; otherwise the content starts at
    ``that`` when the cue has an object first and ends at a new clause; at the end of
    the sentence, a quotation opened inside it is followed to its close.
    """
    low = view.lower
    i = start
    while i < stop and low[i] in (",", ":", "—", "–"):
        i += 1
    if i >= stop:
        return []
    i = _past_aside(view, start, i, stop)
    i = _past_addressee(view, i, stop)
    end = stop - 1
    q = quote_at(view, i) if view.is_open_quote(i) else None
    if q is None:
        # "said for years that ...", "told reporters that ...": the content starts at "that"
        for k in range(i, min(stop, i + 6)):
            if view.quote_of[k] >= 0:
                break
            if low[k] == "that" and k > i:
                # "said the plan was sound and that critics were wrong": a second
                # "that"-clause joined to the first; the content starts before both
                if low[k - 1] in ("and", "or", "but"):
                    break
                # "echoed this view in an email that urged …": a relative clause on the
                # noun before it; what was said is the object, not that clause
                if k + 1 < stop and low[start - 1] not in _TELLING and _relative_that(view, k):
                    break
                i = k
                break
        # a new clause ends the content: ", but ...", "; ...", ", while ..."
        for k in range(i + 2, stop - 1):
            if view.quote_of[k] >= 0:
                continue
            nxt = low[k + 1]
            if _correlative_but(view, i, k) or _relative_aside(view, k, stop):
                continue
            if low[k] == ";" or (
                low[k] == ","
                and (
                    nxt in CLAUSE_BREAK
                    or (nxt == "and" and k + 2 < stop and low[k + 2].endswith("ed"))
                )
            ):
                if _quotation_after(view, k, stop):
                    continue
                end = k - 1
                stop = k
                break
    if q is not None:
        qend = token_at(view, q[1] - 1)
        if stop == hi and qend >= hi and _reports_inside(view, hi, qend):
            # "…: “Ellison told the crowd …. That way, Ellison said, …”": the quotation
            # stops being this cue's where a named speaker's own report begins
            return [(i, hi - 1)]
        # a quotation that runs to (or past) the sentence end: take the quotation
        if qend >= end or all(not is_word(w) for w in low[qend + 1 : stop]):
            return [(i, qend)]
    if stop == hi:
        # a quotation opened inside the clause may close in a later sentence
        for k in range(i, stop):
            if view.is_open_quote(k):
                qq = quote_at(view, k)
                if qq is not None and not _reports_inside(view, hi, token_at(view, qq[1] - 1)):
                    end = max(end, token_at(view, qq[1] - 1))
    r = trim_content(view, i, end)
    return [r] if r else []


#: words that open an aside set off by commas between a verb and its quotation
_ASIDE_OPENERS = frozenset(["while", "as", "during", "before", "after", "in", "at", "with"])


def _past_aside(view: TokenView, start: int, i: int, stop: int) -> int:
    """The quotation's first token when token ``i`` opens an aside after a comma that a
    comma and a quotation close (``states, while drawing laughter from the audience,
    “…”``): the aside tells when or how, the quotation is what was said. Else ``i``."""
    low = view.lower
    if i == start or low[i - 1] != "," or low[i] not in _ASIDE_OPENERS:
        return i
    for k in range(i + 1, min(stop, i + 14) - 1):
        if view.quote_of[k] >= 0 or low[k] in ".;:":
            return i
        if low[k] == ",":
            return k + 1 if view.is_open_quote(k + 1) else i
    return i


#: verbs whose object is the hearer ("told the committee that …")
_TELLING = frozenset(
    ["told", "tell", "tells", "telling", "warned", "assured", "reminded", "informed", "advised"]
)


def _relative_that(view: TokenView, k: int) -> bool:
    """Is the ``that`` at token ``k`` a relative pronoun, a noun with its article before
    it and a past-tense verb right after it (``an email that urged``)? (``told reporters
    that armed men …`` has no article: the object, and its clause.)"""
    before, after = view.words[k - 1], view.words[k + 1]
    return (
        k >= 2
        and view.lower[k - 2] in ("a", "an", "the")
        and before.isalpha()
        and before.islower()
        and before not in ("said", "told", "say", "says")
        and after.isalpha()
        and after.islower()
        and after.endswith("ed")
    )


def _past_addressee(view: TokenView, i: int, stop: int) -> int:
    """The quotation's first token when token ``i`` opens a short addressee that a colon
    and a quotation close (``told him: “…”``, ``told the committee: “…”``): whom the
    words were for is no part of them. Else ``i``."""
    low = view.lower
    for k in range(i + 1, min(stop, i + 4) - 1):
        if not is_word(low[k - 1]) or view.quote_of[k - 1] >= 0:
            return i
        if low[k] == ":":
            return k + 1 if view.is_open_quote(k + 1) else i
    return i


def _quotation_after(view: TokenView, k: int, stop: int) -> bool:
    """``said the pope gave him hope, but on abuse, he “continues to be blind”``: a
    quotation opening after the clause break at token ``k`` (and before ``stop``, the
    next cue's source) is the speaker's own words, so the clause holding it is still
    what was said; the content goes on through the break.

    Not after a relative pronoun (``Benedict, who … lamented “how much filth”``: the
    relative clause reports its own words), nor when a verb follows the break with no
    subject (``announced a photo, but did not make it public because …``): that verb
    goes on the clause of the cue's subject, the writer's account. Only a partial
    quotation counts: one announced by a colon or comma is a report of its own."""
    low = view.lower
    w = k + 1 if low[k] == "," else k
    if w + 1 >= stop or low[w] in ("which", "who"):
        return False
    after = low[w + 1]
    if after in AUXILIARIES or after.endswith("ed"):
        return False
    # a partial quotation, set in the clause's words; one announced by a colon or comma
    # ("though he has said: “…”") is the report of a cue of its own
    return any(view.is_open_quote(t) and is_word(low[t - 1]) for t in range(k + 2, stop))


def _reports_inside(view: TokenView, first: int, last: int) -> bool:
    """Do tokens ``first..last`` (a quotation's later sentences) hold a named speaker's
    report (:func:`is_inner_report`)? Then that report is an attribution of its own, and
    the content of the cue that opened the quotation ends with its own sentence."""
    return any(is_inner_report(view, k) for k in range(first, last + 1))


def quoted_continuation(view: TokenView, sentence: int, cue_tokens: set[int]) -> list[Range]:
    """Quotations in the following sentences of the same paragraph, until a cue or prose."""
    out: list[Range] = []
    para = view.para_of_sent[sentence]
    k = sentence + 1
    while k < len(view.sentences) and view.para_of_sent[k] == para:
        a, b = view.sentences[k]
        if any(t in cue_tokens for t in range(a, b)) or not view.is_open_quote(a):
            break
        q = quote_at(view, a)
        if q is None:
            break
        qend = token_at(view, q[1] - 1)
        out.append((a, qend))
        k = view.sent_of[qend] + 1
    return out


def is_title_quote(view: TokenView, close: int, lo: int) -> bool:
    """Is the quotation closing at token ``close`` a short title (``of “Fox News Sunday,”``)?

    A quotation of at most five words right after ``of``/``on``/``’s`` names a show,
    a book or a slogan; it is not the content of the cue that follows it. ``lo`` is the
    sentence's first token.
    """
    q = quote_at(view, close)
    if q is None:
        return False
    o = token_at(view, q[0])
    words = sum(is_word(w) for w in view.lower[o : close + 1])
    return o - 1 >= lo and view.lower[o - 1] in TITLE_LEAD and words <= 5


#: verbs that open a main clause's predicate after a relative clause (besides auxiliaries)
_MAIN_VERBS = frozenset(["added", "said", "says", "told", "went", "wrote"])


def close_relative_clause(view: TokenView, att: Attribution) -> Attribution:
    """``Ryan, who has been critical of Trump's comments in the past, did not bite``:
    the content of a cue in a relative clause set off by commas ends at the comma that
    closes the clause, before the main clause's verb (an auxiliary or a past tense)."""
    if att.source is None or len(att.content) != 1:
        return att
    if (closed := _close_object_relative(view, att)) is not None:
        return closed
    if view.text[att.source[0] : att.source[1]].lower() not in ("who", "which"):
        return att
    k = token_at(view, att.source[0])
    s, e = att.content[0]
    if k == 0 or view.lower[k - 1] != "," or s < att.cue[1]:
        return att
    low = view.lower
    a, b = token_at(view, s), token_at(view, e - 1)
    if any(view.quote_of[t] >= 0 for t in range(a, b + 1)):
        return att
    for t in range(a + 1, b):
        nxt = view.words[t + 1]
        if (
            low[t] == ","
            and nxt[:1].islower()
            and (
                low[t + 1] in AUXILIARIES or low[t + 1] in _MAIN_VERBS or low[t + 1].endswith("ed")
            )
        ):
            r = trim_content(view, a, t - 1)
            if r is None:
                return att
            return replace(att, content=(view.chars(r[0], r[1]),))
    return att


#: lowercase one-word subjects of a relative clause that speak ("which some call")
_SUBJECT_WORDS = frozenset(["some", "many", "most", "few", "he", "she", "they", "we", "i", "you"])


def _close_object_relative(view: TokenView, att: Attribution) -> Attribution | None:
    """``A storm — which some are calling an “inland hurricane” — left …``: a relative
    clause whose subject speaks is set off by a comma or a dash; its content ends where
    the same mark closes the clause before a lowercase word (the main clause's verb goes
    on). ``None`` when the source opens no such clause or the clause does not close."""
    assert att.source is not None
    low = view.lower
    k = token_at(view, att.source[0])
    if k < 2 or low[k - 1] not in ("which", "that") or low[k - 2] not in (",", "—", "–"):
        return None
    last = token_at(view, att.source[1] - 1)
    if not (view.words[k][:1].isupper() or low[last].endswith("s") or low[k] in _SUBJECT_WORDS):
        return None  # "which drew criticism from": a verb taken for the source
    mark = low[k - 2]
    s, e = att.content[0]
    if s < att.cue[1]:
        return None
    a, b = token_at(view, s), token_at(view, e - 1)
    for t in range(a + 1, b):
        if low[t] != mark:
            continue
        after = t + 1 if view.is_close_quote(t + 1) else t
        if after + 1 <= b and view.words[after + 1][:1].islower() and is_word(low[after + 1]):
            r = trim_content(view, a, after if after > t else t - 1)
            return None if r is None else replace(att, content=(view.chars(r[0], r[1]),))
    return None
