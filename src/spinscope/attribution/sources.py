"""Finding the source of a cue: the speaker phrase left of it, or right of a fronted cue.

``SRC CUE`` is the default: the noun phrase left of the cue, across adverbs and a
temporal phrase (``Spicer on Thursday evening said``), appositives included (``Maria
Zakharova, the ... spokeswoman, said``). A coordinated cue shares the subject of the
first verb (``X announced ... and said``), a control verb passes its subject on
(``X continues to insist``), and a fronted participle's subject follows its comma
(``Citing a report, Trump said``). All ranges are token ranges, both ends inclusive;
tokens before ``lo`` belong to an earlier cue and are never part of a source.
"""

from __future__ import annotations

import re

from spinscope.attribution.lexicon import (
    ADV,
    AUXILIARIES,
    CHAIN,
    CLAUSE_ADVERBS,
    DAYS,
    DETS,
    FEMALE_NAMES,
    FINITE,
    INVERTING,
    MALE_NAMES,
    NP_PREPS,
    OPENERS,
    PARENTHETICAL,
    POSSESSIVE_DETS,
    PREPOSITIONS,
    PRONOUNS,
    QUANT_PRONOUNS,
    RELATIVE,
    ROLE_ED,
    SENTENCE_ADVERBS,
    STOP,
    TEMPORAL,
    TITLE_LEAD,
    VENUES,
)
from spinscope.attribution.mentions import is_place_name
from spinscope.attribution.phrases import (
    after_fronted_phrase,
    clause_subject,
    noun_phrase_left,
    noun_phrase_right,
    sentence_subject,
)
from spinscope.attribution.result import Range
from spinscope.attribution.text import QUOTE_CHARS, TokenView
from spinscope.attribution.tokens import is_ly_adverb, is_real_quote, is_surname, is_word

__all__ = [
    "fronted_participle_subject",
    "left_source",
    "opening_name_subject",
    "without_dateline",
]

#: a dateline opening a source: ``WASHINGTON (CNN)``, ``BERLIN (AP) —``, ``(Reuters) -``
_DATELINE = re.compile(
    r"(?:[A-Z][\w.'’-]*(?:,? [A-Z][\w.'’-]*)*,? )?\([A-Z][A-Za-z]*\)\s*(?:[-–—]+\s*)?(?=\w)"
)


def without_dateline(text: str, source: Range) -> Range:
    """The source's character range without a dateline before it (``WASHINGTON (CNN)
    Officials`` → ``Officials``): the place and the agency say where the story was
    filed, not who speaks."""
    m = _DATELINE.match(text, source[0], source[1])
    return (m.end(), source[1]) if m and m.end() < source[1] else source


#: reflexive intensifiers that follow a name (``Christ Himself``) but are never part of it
_REFLEXIVES = frozenset(["himself", "herself", "itself", "themselves"])


#: a full stop after a word, a footnote's number glued to it, and the next sentence
_FOOTNOTE_STOP = re.compile(r"(?<=[a-z]{2})\.\d{1,2} (?=[A-Z])")


def without_trailers(text: str, source: Range) -> Range:
    """The source's character range without what follows a name but is no part of it:
    a capitalised reflexive intensifier (``Christ Himself`` → ``Christ``), the sentence's closing
    punctuation inside parentheses (``(… filed by Abid.)`` → ``Abid``) and the next sentence
    after a footnote's number (``Starting Line.2 Warren has …`` → ``Starting Line``)."""
    start, end = source
    if (note := _FOOTNOTE_STOP.search(text, start, end)) is not None:
        # "according to Iowa Starting Line.2 Warren has …": a footnote's number after
        # the full stop hides the sentence's end from the splitter; the source ends there
        end = note.start()
    head, _, last = text[start:end].rpartition(" ")
    if head and last.lower() in _REFLEXIVES and last[:1].isupper():
        # capitalised, it was read into the name; lower-case, the phrase is no name
        end = start + len(head.rstrip())
    if text[end : end + 1] == ")" or text[end:].lstrip().startswith(")"):
        while end > start + 1 and text[end - 1] in ".!?;,":
            end -= 1
    return (start, end)


#: verbs of perception whose object, before a bare infinitive, is the one speaking
_PERCEIVING = frozenset(["heard", "hear", "hears", "overheard", "saw", "see", "watched"])


def left_source(
    view: TokenView,
    cue_first: int,
    lo: int,
    cue_tokens: set[int],
    shared: Range | None = None,
    sent_lo: int | None = None,
) -> Range | None:
    """The source left of a cue starting at token ``cue_first`` (tokens from ``lo`` on are free).

    ``shared`` is the source of the previous cue of the sentence and ``sent_lo`` the
    sentence's first token: a cue coordinated with an earlier verb (``Authorities
    announced ... and said ...``) shares that verb's subject.
    """
    low, words = view.lower, view.words
    chain = _chain_start(view, cue_first, lo)
    if chain is not None:
        # "The nominee continues to insist": the subject of the governing verb
        return left_source(view, chain, lo, cue_tokens, shared, sent_lo)
    outlet = _platform_start(view, cue_first, lo)
    if outlet is not None:
        # "He took to Facebook to state that …": the subject of the verb that took the
        # speaker to the platform
        return left_source(view, outlet, lo, cue_tokens, shared, sent_lo)
    k = _skip_adverbs_and_time(view, cue_first, lo)
    if k < lo:
        return None
    if (
        k == cue_first - 1
        and low[k] in ("him", "her", "them")
        and k - 1 >= lo
        and low[k - 1] in _PERCEIVING
    ):
        # "A woman heard him say, “…”": the one heard says the words, not the hearer
        return (k, k)
    if k == cue_first - 1 and low[k] in POSSESSIVE_DETS and _possessed_gerund(view, k, cue_first):
        # "His warning against …", "their insisting that …": a noun in "-ing" after a
        # possessive is a noun (or a gerund whose agent the possessive is), no participle
        return (k, k)
    if (
        k == cue_first - 1
        and low[cue_first][:1].isalpha()
        and not low[cue_first].endswith(("ed", "ing"))
    ):
        # a nominal cue with a possessive: "Trump's claim that ...", "his claim that ..."
        if low[k] in POSSESSIVE_DETS:
            return (k, k)
        if low[k] in ("’s", "'s") and k - 1 >= lo and words[k - 1][:1].isupper():
            np_ = noun_phrase_left(view, k - 1, lo, cue_tokens)
            return (np_[0], k) if np_ is not None else None
    if low[k] in ("and", "but") and k > lo:
        main = _main_clause_start(view, lo if sent_lo is None else sent_lo, k)
        if main is not None:
            # "As Lee tried to ask …, Reed cut off the question and said": the verb shares
            # the main clause's subject, not that of the clause before it
            return sentence_subject(view, main, k, cue_tokens)
        # "X keeps its finances secret but says ...": the coordinated verb shares the subject
        if shared is not None:
            return shared
        return sentence_subject(
            view, _last_clause_start(view, lo if sent_lo is None else sent_lo, k), k, cue_tokens
        )
    if low[k] == "," and k > lo and "then" in low[k + 1 : cue_first]:
        # "Chelsea destroys him ..., then says:": a verb coordinated by "then" shares the
        # subject of the first
        if shared is not None:
            return shared
        return sentence_subject(view, lo if sent_lo is None else sent_lo, k, cue_tokens)
    if (
        low[k] == ","
        and shared is not None
        and shared[0] == shared[1]
        and low[shared[0]] in ("which", "who")
        and shared[0] - 2 >= (sent_lo or 0)
        and low[shared[0] - 1] == ","
        and "," not in low[shared[0] + 1 : k]
    ):
        # "The Guardian, which did not identify its sources, said": the relative
        # clause (a cue of its own) closes, and its antecedent is the main verb's subject
        head = noun_phrase_left(view, shared[0] - 2, sent_lo or 0, cue_tokens)
        if head is not None:
            return head
    if low[k] == "," and k - 1 >= lo:
        found = _appositive_source(view, k, lo, cue_tokens)
        opening = _opening_name_appositive(view, k, lo, cue_tokens, sent_lo)
        if opening is not None and (found is None or found[0] > opening[0]):
            return opening
        if found is not None and (named := _named_description(view, found, lo, cue_tokens)):
            # "“…,” a chain-saw artist named Chris Cox, the founder of X, told me"
            return named
        return found
    lead = _making_claim_lead(view, cue_first, lo)
    if lead is not None:
        # "said Rick, before making the extraordinary claim that …": who makes the claim
        # is the subject of the clause the participle hangs on
        return _hung_participle_subject(view, lead, lo, cue_tokens, shared, sent_lo)
    if low[k] in _PARTICIPLE_LEADS and k > lo and _hung_participle(view, cue_first):
        # "she said, before calling it a “good” deal", "Donnelly came in for criticism
        # after saying …": the one who does the saying is the main clause's subject
        return _hung_participle_subject(view, k, lo, cue_tokens, shared, sent_lo)
    if view.is_close_quote(k) and low[k - 1] == "," and _title_opening(view, k, lo) is not None:
        # "Dolly Kyle, author of “The Other Woman,” said": the comma closing the
        # appositive stands inside the title's quotation marks
        return _opening_name_appositive(view, k, lo, cue_tokens, sent_lo)
    if (
        low[k] in _DASHES
        and k - 1 > lo
        and low[cue_first] not in AUXILIARIES
        and (aside := _source_before_aside(view, k, lo, cue_tokens))
    ):
        # "Tom Reed – no friend of the mayor – said": the dashes close an aside on the
        # subject; the source is the noun phrase before the opening dash ("The idea
        # behind the law – … – is to promote": a copula's subject is what is meant)
        return aside
    if low[k] in QUOTE_CHARS or (not is_word(low[k]) and low[k] not in (")", ".")):
        return None
    if (
        (
            low[k] in _GIVING
            or (low[k] in _MAKING and any(w in _SPEECH_MADE for w in low[k + 1 : k + 4]))
        )
        and view.words[k][:1].islower()
        and k > lo
    ):
        # "A group of parents sent a letter": the nominal cue's source is who sends it
        return left_source(view, k, lo, cue_tokens, shared, sent_lo)
    rel = _relative_clause_source(view, k, lo, cue_tokens)
    if rel is not None:
        return rel
    if k - 1 >= lo and low[k] in _PEOPLE_QUANTIFIERS and low[k - 1] in ("which", "that"):
        # "a storm, which some are calling an “inland hurricane”": a quantifier standing
        # for people is the subject of the relative clause, and its speakers
        return (k, k)
    np_ = noun_phrase_left(view, k, lo, cue_tokens)
    if np_ is not None and (head := _unclosed_relative_subject(view, np_, lo, cue_tokens)):
        # "Cruz, who had a clash with Trump during the primary nevertheless embraced …
        # and said": the relative clause was never closed by a comma; the noun phrase a
        # preposition governs is in it, and the verb's subject is the name before "who"
        return head
    if np_ is not None and _place_before_participle(view, np_, cue_first, lo):
        # "Farrakhan was captured on video in Tehran, Iran chanting “…”": a place a
        # preposition governs does not chant; the one the clause's verb is said of does
        return _subject_before_verb(view, lo if sent_lo is None else sent_lo, np_[0], cue_tokens)
    if (
        np_ is not None
        and np_[0] < np_[1]
        and np_[0] - 1 >= lo
        and low[np_[0] - 1] == ","
        and low[np_[0]].endswith("ing")
        and words[np_[0]][:1].islower()
        and (words[np_[0] + 1][:1].isupper() or low[np_[0] + 1] in PRONOUNS)
    ):
        # "Williams tried ..., pressing Pence for ...": the participle's object is no
        # source; the participle shares the subject of the clause
        if shared is not None:
            return shared
        return sentence_subject(view, lo if sent_lo is None else sent_lo, np_[0] - 1, cue_tokens)
    if np_ is not None and _spent_span(view, np_, cue_first, lo):
        # "humanity spent its formative years learning that": the span of time is the
        # verb's object; the one learning is the verb's subject
        return left_source(view, np_[0] - 1, lo, cue_tokens, shared, sent_lo)
    if np_ is not None:
        np_ = _with_described_head(view, np_, lo, cue_tokens)
        np_ = _with_member_head(view, np_, lo, cue_tokens)
    if np_ is not None:
        np_ = after_fronted_phrase(view, np_, lo)
        giver = _giver(view, np_, lo, cue_tokens)
        if giver is not None:
            return giver
    if np_ is not None and _is_bare_determiner(view, np_, k, cue_first, lo):
        return None  # "the" alone: the cue is a noun ("the report"), not a verb
    if np_ is not None and np_[0] - 2 >= lo and low[np_[0] - 1] == "by":
        agent = _participle_agent_source(view, np_, lo, cue_tokens)
        if agent is not None:
            return agent
    if np_ is not None and (named := _named_description(view, np_, lo, cue_tokens)):
        # "“…,” a chain-saw artist named Chris Cox told me": the description that
        # "named" introduces the name with is the source's start
        np_ = named
    if np_ is not None:
        led = _lead_in_after_quotation(view, np_, lo)
        if led is not None:
            return led
    if sent_lo is not None and lo == sent_lo and not (np_ is not None and low[np_[1]] in PRONOUNS):
        ext = clause_subject(view, lo, k, cue_tokens)
        if ext is not None and (np_ is None or (ext[0] < np_[0] and np_[1] <= ext[1])):
            return ext
    return np_


def _possessed_gerund(view: TokenView, k: int, cue_first: int) -> bool:
    """Is the cue at ``cue_first`` a word in "-ing" that the possessive at ``k`` governs?
    ``her`` is an object as often ("sent her warning letters", "kept her waiting"): it
    counts only where it opens its sentence or follows a preposition."""
    low = view.lower
    if not (low[cue_first].endswith("ing") and low[cue_first].isalpha()):
        return False
    if low[k] != "her":
        return True
    return k == 0 or view.sent_of[k - 1] != view.sent_of[k] or low[k - 1] in PREPOSITIONS


def _unclosed_relative_subject(
    view: TokenView, np_: Range, lo: int, cue_tokens: set[int]
) -> Range | None:
    """The noun phrase before ``, who`` when ``np_`` is the object of a preposition
    inside that relative clause and no comma closes the clause before the cue
    (``Cruz, who had a clash with Trump during the primary nevertheless said``);
    ``None`` otherwise."""
    low = view.lower
    if np_[0] - 1 < lo or low[np_[0] - 1] not in PREPOSITIONS:
        return None
    for r in range(np_[0] - 1, max(lo, np_[0] - 40) - 1, -1):
        if view.quote_of[r] >= 0 or low[r] in (".", "!", "?", ";", ":") or r in cue_tokens:
            return None
        if low[r] == ",":
            if low[r + 1] != "who" or r - 1 < lo:
                return None
            head = noun_phrase_left(view, r - 1, lo, cue_tokens)
            if head is None or head[1] != r - 1 or low[head[1]] in PRONOUNS:
                return None
            return head
    return None


def _named_description(view: TokenView, np_: Range, lo: int, cue_tokens: set[int]) -> Range | None:
    """``np_`` with the description before ``named``/``called`` it follows (``a man
    named Chris Cox``), or ``None`` where there is no such description."""
    low = view.lower
    k = np_[0] - 1
    if k - 1 < lo or low[k] not in ("named", "called") or not view.words[np_[0]][:1].isupper():
        return None
    # "a man", "a chain-saw artist": lower-case words (hyphens between) back to an article
    j = k - 1
    while j >= lo and j > k - 7 and low[j] not in DETS:
        if not (low[j] == "-" or (is_word(low[j]) and view.words[j].islower())):
            return None
        if j in cue_tokens or view.quote_of[j] >= 0:
            return None
        j -= 1
    if j < lo or low[j] not in DETS or j == k - 1:
        return None
    return (j, np_[1])


#: quantifiers that stand alone for people ("which some call", "that many see as")
_PEOPLE_QUANTIFIERS = frozenset(["some", "many", "others", "most", "few"])

#: the dashes that set an aside off in a sentence ("--" comes as two "-" tokens)
_DASHES = frozenset(["–", "—", "-"])


def _dash_mark(view: TokenView, k: int) -> int | None:
    """The first token of the dash ending at token ``k`` ("–", "—", or "--" written as
    two hyphens); ``None`` when there is none (a lone hyphen joins words, it sets off
    no aside)."""
    low = view.lower
    if low[k] in ("–", "—"):
        return k
    if low[k] == "-" and k > 0 and low[k - 1] == "-":
        return k - 1
    return None


def _source_before_aside(
    view: TokenView, close: int, lo: int, cue_tokens: set[int]
) -> Range | None:
    """The subject before an aside set off by a pair of dashes whose closing dash ends
    at token ``close`` (``Obama -- who has played 300 rounds -- said``); ``None`` when no
    opening dash of the same kind comes before it in the sentence, or a quotation mark
    stands between, or no name or description ends right before it."""
    low = view.lower
    first = _dash_mark(view, close)
    if first is None:
        return None
    for j in range(first - 1, lo, -1):
        if low[j] in QUOTE_CHARS:
            return None
        opening = _dash_mark(view, j)
        if opening is None:
            continue
        if low[opening : j + 1] != low[first : close + 1]:
            return None  # a dash of another kind: no pair
        np_ = noun_phrase_left(view, opening - 1, lo, cue_tokens)
        if np_ is None or np_[1] != opening - 1:
            return None
        # "take at face value anything the Establishment – both MPs and media – tells
        # us": the subject opens at its own article, not at the words the phrase ran into
        article = max(
            (
                t
                for t in range(np_[0] + 1, np_[1])
                if low[t] in ("the", "a", "an")
                and view.words[t - 1].isalpha()
                and view.words[t - 1].islower()
                and low[t - 1] not in PREPOSITIONS
                and low[t - 1] not in ("of", "for", "with", "by", "about", "against")
            ),
            default=None,
        )
        return (article, np_[1]) if article is not None else np_
    return None


#: speech participles that hang on a clause ("…, saying", "before calling it …"); their
#: speaker is that clause's subject, never a noun just before them
_HUNG_PARTICIPLES = frozenset(
    [
        "acknowledging",
        "adding",
        "admitting",
        "arguing",
        "branding",
        "calling",
        "claiming",
        "conceding",
        "declaring",
        "describing",
        "insisting",
        "noting",
        "saying",
        "stating",
        "warning",
    ]
)

#: words that open a participle clause on the main clause ("after saying")
_PARTICIPLE_LEADS = frozenset(["after", "before", "while", "despite"])


#: nouns of what is claimed that ``making the … claim`` hangs on a clause with
_CLAIM_NOUNS = frozenset(["claim", "claims", "accusation", "allegation", "assertion", "argument"])


def _making_claim_lead(view: TokenView, cue_first: int, lo: int) -> int | None:
    """The token opening ``before making the extraordinary claim`` (``before``, or the
    comma of ``…, making the claim``) when the cue is such a claim noun after ``making``
    and at most two lower-case words; else ``None``."""
    low, words = view.lower, view.words
    if low[cue_first] not in _CLAIM_NOUNS:
        return None
    for t in range(cue_first - 1, max(lo, cue_first - 4), -1):
        if low[t] == "making":
            lead = t - 1
            ok = lead > lo and (low[lead] in _PARTICIPLE_LEADS or low[lead] == ",")
            return lead if ok else None
        if not (words[t][:1].islower() and words[t].isalpha()):
            return None
    return None


def _place_before_participle(view: TokenView, np_: Range, cue_first: int, lo: int) -> bool:
    """Is ``np_``, right before a lower-case participle cue (``chanting``), a place's name
    that a preposition governs, itself or the place it follows after a comma (``in
    Tehran, Iran``, ``at Ohio State``)?"""
    low, words = view.lower, view.words
    if not (low[cue_first].endswith("ing") and words[cue_first][:1].islower()):
        return False
    if np_[1] + 1 != cue_first or not is_place_name(" ".join(words[np_[0] : np_[1] + 1])):
        return False
    t = np_[0] - 1
    if t - 1 >= lo and low[t] == "," and words[t - 1][:1].isupper():
        # "in Tehran, Iran": the country after the city's comma
        while t - 1 >= lo and words[t - 1][:1].isupper():
            t -= 1
        t -= 1
    return t >= lo and low[t] in NP_PREPS


#: finite forms of ``be`` and ``have`` a clause's subject stands right before
_BE_HAVE = frozenset(["is", "was", "are", "were", "has", "had", "have"])


def _subject_before_verb(view: TokenView, lo: int, hi: int, cue_tokens: set[int]) -> Range | None:
    """The noun phrase right before the first finite ``be``/``have`` of the clause from
    ``lo`` to ``hi`` (``Louis Farrakhan was captured …``), ``None`` when there is no such
    verb or no noun phrase before it (better no source than a fronted phrase's noun)."""
    low = view.lower
    t = next((t for t in range(lo + 1, hi) if low[t] in _BE_HAVE), None)
    if t is None or view.quote_of[t] >= 0:
        return None
    return noun_phrase_left(view, t - 1, lo, cue_tokens)


def _hung_participle(view: TokenView, cue_first: int) -> bool:
    """Is the cue at ``cue_first`` a lower-case speech participle (``calling``)?"""
    return view.lower[cue_first] in _HUNG_PARTICIPLES and view.words[cue_first][:1].islower()


def _hung_participle_subject(
    view: TokenView,
    k: int,
    lo: int,
    cue_tokens: set[int],
    shared: Range | None,
    sent_lo: int | None,
) -> Range | None:
    """The subject of the clause a speech participle hangs on (its clause opens at
    token ``k``): the previous cue's source when the sentence has one (``she said,
    before calling …``), else the subject opening the clause; none when that noun
    phrase ends right before ``k`` (when in doubt the speaker stays unresolved)."""
    if shared is not None:
        return shared
    low = view.lower
    if k - 3 >= lo and low[k - 1] == "," and low[k - 2] in INVERTING:
        # "“…,” Klein writes, before conceding": the name between the quotation and its
        # reporting verb (a cue the tagger missed) is the clause's subject
        name = noun_phrase_left(view, k - 3, lo, cue_tokens, limit=4)
        if name is not None and name[0] - 1 >= lo and view.is_close_quote(name[0] - 1):
            return name
    start = _last_clause_start(view, lo if sent_lo is None else sent_lo, k)
    subject = sentence_subject(view, start, k, cue_tokens)
    if subject is None or subject[1] >= k - 1:
        return None
    return subject


#: conjunctions opening a subordinate clause fronted before the main clause
SUBORDINATORS = frozenset(
    [
        "as",
        "when",
        "while",
        "after",
        "before",
        "because",
        "although",
        "since",
        "if",
        "once",
        "though",
    ]
)


def _main_clause_start(view: TokenView, sent_lo: int, k: int) -> int | None:
    """The first token of the main clause when the sentence opens with a subordinate
    clause (``As Lee tried to ask about the tapes, Reed …``) ending before token ``k``:
    the token after its comma, a capitalised word; else ``None``."""
    low, words = view.lower, view.words
    if sent_lo >= k or low[sent_lo] not in SUBORDINATORS:
        return None
    c = next((t for t in range(sent_lo + 1, k) if low[t] == ","), None)
    if c is None or c + 1 >= k or not words[c + 1][:1].isupper() or view.quote_of[c + 1] >= 0:
        return None
    return c + 1


def _last_clause_start(view: TokenView, sent_lo: int, k: int) -> int:
    """The first token of the clause holding token ``k``: after the last semicolon
    before it (and a conjunction opening the clause), else ``sent_lo``. ``The very word
    is repugnant; and we are as a people opposed to …``: a verb after ``; and`` is
    coordinated within its own clause, whose subject is ``we``, not the sentence's."""
    low = view.lower
    semi = next((t for t in range(k - 1, sent_lo - 1, -1) if low[t] == ";"), None)
    if semi is None:
        return sent_lo
    start = semi + 1
    if start < k and low[start] in OPENERS:
        start += 1
    return start


#: adjective or participle phrases that describe who speaks by what they know
#: ("an agent familiar with the investigation", "people close to the talks")
_KNOWING = (("familiar", "with"), ("close", "to"), ("briefed", "on"), ("involved", "in"))


def _with_described_head(view: TokenView, np_: Range, lo: int, cue_tokens: set[int]) -> Range:
    """``one agent familiar with the investigation told``: the noun phrase left of the
    cue is the object of ``familiar with``/``close to``; the source is the noun before
    it, with the phrase (the investigation does not speak)."""
    low = view.lower
    a = np_[0]
    if a - 3 < lo or (low[a - 2], low[a - 1]) not in _KNOWING:
        return np_
    head = noun_phrase_left(view, a - 3, lo, cue_tokens)
    if head is None or head[1] != a - 3 or not view.words[a - 3][:1].islower():
        return np_
    return (head[0], np_[1])


#: words that open a phrase of members ("some blocs in the party")
_MEMBER_LEADS = frozenset(
    ["some", "many", "several", "most", "few", "other", "the", "these", "those", "all", "both"]
)
#: endings of adjectives that open one ("centrist figures", "conservative members")
_ADJECTIVE_ENDS = ("ist", "ive", "al", "ic", "an", "ent", "ant", "ous", "ior")
#: prepositions between members and their body ("blocs in the party")
_MEMBERS_OF = frozenset(["in", "within", "inside", "of", "at"])


def _with_member_head(view: TokenView, np_: Range, lo: int, cue_tokens: set[int]) -> Range:
    """``…, centrist figures in the party emphasized``: the noun phrase left of the cue
    is the body the members belong to; when a plural noun in lower case opens the clause
    right before its preposition (after a comma, or at the sentence start), the source is
    the members with it (a word before the noun says it is a noun phrase)."""
    low, words = view.lower, view.words
    a = np_[0]
    if a - 2 < lo or low[a - 1] not in _MEMBERS_OF:
        return np_
    head = noun_phrase_left(view, a - 2, lo, cue_tokens)
    if head is None or head[1] != a - 2 or head[0] == head[1] or (a - 2) in cue_tokens:
        return np_  # "…, reads in part:": one word alone may be a verb
    noun = words[a - 2]
    if not (noun.islower() and noun.isalpha() and noun.endswith("s") and not noun.endswith("ss")):
        return np_
    if head[0] != lo and low[head[0] - 1] not in (",", "—", "–"):
        return np_
    lead = low[head[0]]
    if lead not in _MEMBER_LEADS and not lead.endswith(_ADJECTIVE_ENDS):
        return np_  # "…, posit scientists in the paper": a verb may open the phrase
    return (head[0], np_[1])


#: spans of time one spends doing something (``spent years arguing that``)
_SPANS = frozenset(
    ["years", "months", "weeks", "days", "hours", "decades", "time", "life", "lives", "career"]
)
#: verbs whose object is such a span
_SPENDING = frozenset(["spent", "spends", "spend", "spending", "passed", "devoted"])


def _spent_span(view: TokenView, np_: Range, cue_first: int, lo: int) -> bool:
    """Is ``np_`` a span of time spent before a participle cue (``humanity spent its
    formative years learning that``)? It is the object of the verb before it, no one who
    speaks."""
    low = view.lower
    v = np_[0] - 1
    return (
        v > lo
        and low[v] in _SPENDING
        and low[np_[1]] in _SPANS
        and low[cue_first].endswith("ing")
        and view.words[cue_first][:1].islower()
    )


#: verbs that hand over what a nominal cue names: ``The family sent Alnwick a
#: statement``, ``Both letters gave examples of … views stated``
_GIVING = frozenset(
    [
        *("gave", "sent", "brought", "wrote", "handed", "showed", "offered"),
        # after an auxiliary: "did send CBS an email saying"
        *("give", "send", "bring", "write", "hand", "show", "offer"),
    ]
)
#: auxiliaries before a giving verb in its base form
_GIVING_AUXILIARIES = frozenset(["did", "does", "do", "will", "would", "can", "could", "may"])
#: verbs making or giving words ("Obama makes the speech", "she delivered a statement"):
#: before a noun of speech, their subject says the words ("makes a reference to" names
#: no speech)
_MAKING = frozenset(
    ["gives", "sends", "makes", "made", "delivers", "delivered", "issues", "issued"]
)
_SPEECH_MADE = frozenset(
    ["speech", "remarks", "comments", "statement", "address", "announcement", "pledge", "vow"]
)


def _giver(view: TokenView, np_: Range, lo: int, cue_tokens: set[int]) -> Range | None:
    """The subject of a giving verb right before the noun phrase left of a cue: that
    phrase is the verb's object or recipient, and the one who gives the statement or
    the examples is its source. ``None`` when no giving verb precedes the phrase."""
    low = view.lower
    v = np_[0] - 1
    if np_[0] < np_[1] and low[np_[0]] in _GIVING and v >= lo and low[v] in _GIVING_AUXILIARIES:
        v = np_[0]  # "did send CBS an email": the base form read as the phrase's first word
    if v - 1 < lo or low[v] not in _GIVING or not view.words[v][:1].islower():
        return None
    if low[v - 1] in _GIVING_AUXILIARIES:
        v -= 1  # "The State Department did send CBS an email saying"
    elif not low[v].endswith(("ed", "ave", "ent", "ote", "ought", "wn")):
        return None  # a base form needs its auxiliary ("to send" has no subject here)
    subj = noun_phrase_left(view, v - 1, lo, cue_tokens)
    if subj is None or subj[1] != v - 1:
        return None
    return subj


def _lead_in_word(view: TokenView, t: int) -> bool:
    """Can token ``t`` sit in a description before a name (``Queen's University``,
    ``research fellow and lecturer``)? Not a verb, pronoun or other function word."""
    w = view.lower[t]
    if w in ("of", "and", "’s", "'s", "-"):
        return True
    if w in STOP or w in FINITE or w in PRONOUNS or w in ADV:
        return False
    return view.words[t][:1].isupper() or (w.isalpha() and not w.endswith(("ed", "ing", "ly")))


def _lead_in_after_quotation(view: TokenView, np_: Range, lo: int) -> Range | None:
    """``“…,” Queen's University, Belfast, research fellow and lecturer Wes Fraser told
    the BBC``: between a closing quotation and the name that speaks it lies a long
    description with commas (an institution, its town, roles); all of it is the source.
    ``None`` unless only names, roles, commas and ``of``/``and`` lie between."""
    low, words = view.lower, view.words
    t = np_[0] - 1
    commas = 0
    while t >= lo and np_[0] - t <= 12:
        w = low[t]
        if view.is_close_quote(t):
            break
        if w == ",":
            commas += 1
        elif not _lead_in_word(view, t):
            return None
        t -= 1
    if (
        t < lo
        or not view.is_close_quote(t)
        or commas == 0
        or not words[t + 1][:1].isupper()
        or not words[np_[1]][:1].isupper()
    ):
        return None
    return (t + 1, np_[1])


#: conjunctions opening a clause with a subject of its own
_SUBORDINATORS = frozenset(
    ["when", "after", "before", "while", "because", "since", "if", "until", "once", "as"]
)


def _relative_clause_source(view: TokenView, k: int, lo: int, cue_tokens: set[int]) -> Range | None:
    """``an official who asked not to be named said``: the noun phrase with its ``who``
    clause (PolNeAR sources keep relative clauses), when nothing but words lies
    between ``who`` and the cue."""
    low = view.lower
    for r in range(k, max(lo, k - 12) - 1, -1):
        if not is_word(low[r]) or r in cue_tokens or view.quote_of[r] >= 0:
            return None
        if low[r] == "who" and r - 1 >= lo and r < k:
            if any(low[x] in _SUBORDINATORS for x in range(r + 1, k + 1)):
                # "the rebel who caused outcry when he branded …": the clause inside the
                # relative clause has a subject of its own, which is the source
                return None
            head = noun_phrase_left(view, r - 1, lo, cue_tokens)
            if head is None or head[1] != r - 1 or low[head[1]] in PRONOUNS:
                return None
            return (head[0], k)
    return None


#: connectives set off by commas between a subject and its verb (``He did, however, insist``)
_ASIDE_ADVERBS = frozenset(
    ["however", "though", "also", "too", "meanwhile", "nonetheless", "nevertheless", "instead"]
)


#: auxiliaries of a passive of perception (``is heard``, ``can be seen``)
_PERCEIVED_AUX = frozenset(["is", "was", "are", "were", "be", "been"])


def _skip_adverbs_and_time(view: TokenView, cue_first: int, lo: int) -> int:
    """The last token of the source candidate: left of adverbs, auxiliaries and a
    temporal phrase between subject and cue (``he has repeatedly said``, ``Spicer on
    Thursday evening said``). Below ``lo`` when nothing is left."""
    low = view.lower
    k = cue_first - 1
    if k - 1 >= lo and low[k] in ("heard", "seen") and low[k - 1] in _PERCEIVED_AUX:
        k -= 1  # "The man can be heard yelling": the one heard is the one speaking
    while True:
        # "Reed not only declined …": "only" is an adverb here, though not everywhere
        # ("the only official")
        while k >= lo and (low[k] in ADV or low[k] == "only" or is_ly_adverb(view.words[k])):
            if low[k] in ("’s", "'s") and not (k - 1 >= lo and low[k - 1] in PRONOUNS):
                break
            if is_surname(view, k):
                break  # "Theresa May said"
            k -= 1
        if not (
            k - 2 >= lo and low[k] == "," and low[k - 1] in _ASIDE_ADVERBS and low[k - 2] == ","
        ):
            break
        # "He did, however, insist": a connective between commas leaves subject and verb
        # one clause
        k -= 3
    t = k
    while t >= lo and (low[t] in TEMPORAL or low[t] in DAYS) and not is_surname(view, t):
        t -= 1
    if t < k and t >= lo and low[t] in ("on", "last", "this", "earlier", "late", "early", "in"):
        t -= 1
    if t < k and t >= lo and is_word(low[t]):
        k = t
    if k - 3 >= lo and low[k] in VENUES and low[k - 1] in ("a", "an") and low[k - 2] == "in":
        # "The campaign in a statement rejected": the venue stands between subject and verb
        k -= 3
    return k


def _appositive_source(view: TokenView, comma: int, lo: int, cue_tokens: set[int]) -> Range | None:
    """``Name, appositive, CUE``: the name, with the appositive when PolNeAR keeps it.

    Finds the comma opening the appositive (at most three comma-separated segments:
    ``Ramil Carr, 31, a photographer, said``), then keeps relative clauses, ages and
    ``including`` lists in the source but drops participial and prepositional asides.
    """
    low, words = view.lower, view.words
    k = comma
    c = k
    first_c = -1
    for _ in range(3):
        c -= 1
        while c >= lo and low[c] != "," and not is_real_quote(view, c) and c not in cue_tokens:
            c -= 1
        if not (c > lo and low[c] == "," and k - c <= 40):
            if (
                first_c > lo
                # the sentence, or a quotation before it, opens with the role
                and (c < lo or is_real_quote(view, c))
                # a name, not a clause: "..., Chelsea destroys him and his smile, then"
                and _role_and_name(view, first_c + 1, k)
            ):
                # "The minister of the economy, Mr. Guajardo, argues", "“…,” his
                # director, Jo Roe, recalled": a role noun phrase opens the sentence
                # (or follows its quotation) before the named appositive
                c = first_c
                break
            return None
        if first_c > c and _fronted_adverbial(view, lo, c) and _role_and_name(view, first_c + 1, k):
            # "On Monday, the bishop, Tom Reyes, said": a phrase of time or place opens
            # the sentence before the role and its named appositive
            c = first_c
            break
        if first_c < 0:
            first_c = c
        if words[c - 1].isdigit() and c - 2 >= lo and low[c - 2] == ",":
            continue  # an age: "Schiff, 56, who ..., told"
        if (
            (
                words[c - 1][:1].isupper()
                and not _name_inside_description(view, c - 1, lo)
                and not _prefixed_adjective(view, c - 1)
            )
            or low[c - 1] == ")"
            or low[c + 1] in PARENTHETICAL
            or low[c + 1] in RELATIVE
            or _floating_quantifier(view, c + 1, k)
        ):
            break
    else:
        return None
    if k - c - 1 < 1:
        return None
    head = noun_phrase_left(view, c - 1, lo, cue_tokens)
    if head is None:
        return None
    first = low[c + 1]
    if (words[c + 1].isdigit() and low[c + 2] != ",") or (
        k - c <= 5 and low[k - 1] in _ASIDE_VERBS
    ):
        # "Some Republicans, 74 percent of them, said", "Trump, the thinking goes,
        # said": a share or a comment set off between commas is no description
        return head
    if first in RELATIVE or words[c + 1].isdigit():
        # PolNeAR sources keep relative clauses, ages and "including" lists: "Chris
        # Cox, who runs the NRA's lobbying arm, said" (239 of 342 "who" asides and 35
        # of 36 "including" asides of PolNeAR train sources)
        return (head[0], k)
    if (
        first in PARENTHETICAL
        or (first.endswith("ing") and first not in ("king",))
        or _floating_quantifier(view, c + 1, k)
    ):
        # "Clinton, speaking to reporters, said" / "Trump, in Kentucky, said"
        return head
    return (head[0], k)


#: verbs closing a comment set off between commas (``the thinking goes``, ``it seems``)
_ASIDE_VERBS = frozenset(["goes", "seems", "appears", "says", "argues", "believes", "admits"])


def _fronted_adverbial(view: TokenView, lo: int, comma: int) -> bool:
    """Do tokens ``lo`` to ``comma - 1`` open the sentence with a short phrase of time,
    place or manner set off by a comma (``On Monday``, ``Later``, ``In Kabul``), no
    clause of its own?"""
    low = view.lower
    if not 1 <= comma - lo <= 6:
        return False
    first = low[lo]
    opens = (
        first in PREPOSITIONS
        or first in TEMPORAL
        or first in DAYS
        or first in ADV
        or is_ly_adverb(view.words[lo])
    )
    return opens and not any(
        low[t] in FINITE or low[t] in (",", ";") or view.quote_of[t] >= 0
        for t in range(lo + 1, comma)
    )


def _name_inside_description(view: TokenView, end: int, lo: int) -> bool:
    """Is the capitalised run ending at token ``end`` the object of a preposition in a
    lowercase description (``a member and founder of the Trumpettes USA``)? Then the
    appositive goes on before it: it is no speaker's name."""
    t = end
    while t > lo and view.words[t][:1].isupper():
        t -= 1
    if t == end or t <= lo:
        return False
    k = t - 1 if view.lower[t] in ("the", "a", "an") else t
    return view.lower[k] in ("of", "for", "at") and view.words[k - 1][:1].islower()


def _prefixed_adjective(view: TokenView, end: int) -> bool:
    """Is the capitalised word at ``end`` the tail of a lowercase prefix's compound
    (``pro-Sharia``, ``anti-Trump``)? Such a word qualifies a noun in a list of
    adjectives (``the pro-Sharia, pro-caliphate organization X``): no name ends there."""
    low = view.lower
    return end - 2 >= 0 and low[end - 1] == "-" and view.words[end - 2].islower()


def _role_and_name(view: TokenView, a: int, b: int) -> bool:
    """Are tokens ``a`` to ``b - 1`` a name, after at most a few role words (``Jo Roe``,
    ``one-time leadership contender Chuka Umunna``, ``one-time Labour leadership
    contender Chuka Umunna``)? A clause (``Chelsea destroys him and his smile``) is not."""
    low, words = view.lower, view.words
    lowercase = 0
    for t in range(a, b):
        if words[t][:1].isupper() or not words[t][:1].isalpha():
            continue
        w = low[t]
        lowercase += 1
        hyphened = low[t - 1] == "-" or (t + 1 < b and low[t + 1] == "-")
        if lowercase > 5 or not (
            hyphened
            or (
                w.isalpha()
                and w not in STOP
                and w not in ADV
                and w not in FINITE
                and w not in PRONOUNS
                and not w.endswith(("ly", "ed"))
            )
        ):
            return False
    # the name closes the appositive: a capitalised word last, with its own capital first
    return b - 1 >= a and words[b - 1][:1].isupper() and words[b - 1][:1].isalpha()


def _floating_quantifier(view: TokenView, t: int, comma: int) -> bool:
    """``The letters, both dated Tuesday, claim``: ``both``/``all``/``each`` and a
    participle open an aside about the plural subject before it, which speaks alone."""
    low = view.lower
    return (
        low[t] in ("both", "all", "each")
        and t + 1 < comma
        and low[t + 1].endswith(("ed", "en", "ing"))
        and view.words[t + 1][:1].islower()
    )


#: words that open an appositive after a name: a description (``a spokesman for``), an
#: age, or a relative clause
_APPOSITIVE_OPENERS = frozenset(["a", "an", "the", "who", "whose", "one"])


def _opening_name_appositive(
    view: TokenView, comma: int, lo: int, cue_tokens: set[int], sent_lo: int | None
) -> Range | None:
    """``Lloyd Glacier, a spokesman for X, a charity started by Y, that …, said`` /
    ``Newt Gingerich, who just this week defended Trump, told``: the clause opens with a
    name and a comma, and everything up to the comma before the cue is its appositive —
    however long, and whatever verbs or names it holds (they describe the name; they do
    not speak). The name with its appositive, as PolNeAR keeps it; ``None`` when the
    clause does not open so."""
    low, words = view.lower, view.words
    start = lo if sent_lo is None else sent_lo
    main = _main_clause_start(view, start, comma)
    if main is None:
        main = _after_opening_quotation(view, start, comma)
    if main is None:
        main = start
    name_start = main
    if main + 2 < comma and words[main][:1].isupper() and low[main + 1] in ("’s", "'s"):
        # "Labour’s Jo Roe, who …, said": a possessor (a party, a firm) before the name
        name_start = main + 2
    end = name_start
    while end < comma and words[end][:1].isupper() and is_word(low[end]):
        end += 1
    named_end = end
    if low[end] == "(":
        # "Harry Reid (D-Nev.), who …, added": a party and state in parentheses are
        # part of the name, not the end of the clause's subject
        close = next((t for t in range(end + 1, min(end + 8, comma)) if low[t] == ")"), None)
        end = end if close is None else close + 1
    # a name of one to four capitalised words, then the appositive's comma
    if not (name_start < named_end <= name_start + 4) or low[end] != "," or end >= comma:
        return None
    if main < lo and not end < lo:
        # an earlier cue of the sentence may lie inside the appositive ("who defended
        # X"): it describes the name and does not end the clause; anywhere else it does
        return None
    if low[main] in PRONOUNS or low[main] in STOP or words[main].isupper():
        return None
    first = low[end + 1]
    title = _title_opening(view, comma, lo) if view.is_close_quote(comma) else None
    # "Dolly Kyle, author of “…,”": a bare role noun before its title
    bare_role = title is not None and words[end + 1].islower() and low[end + 2] in ("of", "for")
    if (
        first not in _APPOSITIVE_OPENERS
        and not words[end + 1].isdigit()
        and not _role_then_relative(view, end + 1, comma)
        and not bare_role
    ):
        return None
    if comma - end > 60:
        return None
    last = comma if title is None else title - 1
    if any(view.quote_of[t] >= 0 or low[t] in (";", ":") for t in range(end + 1, last)):
        return None  # a quotation or a clause break: no longer one noun phrase
    return (main, comma)


def _after_opening_quotation(view: TokenView, sent_lo: int, comma: int) -> int | None:
    """``“…,” Jo Roe, director of X, which filed the suit, told …``: the token after a
    quotation that opens the sentence and closes with its comma, when a capitalised word
    follows it there — the clause reporting the quotation starts with its subject's
    name; else ``None``."""
    q = view.quote_of[sent_lo]
    if q < 0 or not view.is_open_quote(sent_lo):
        return None
    t = sent_lo
    while t < comma and view.quote_of[t] == q:
        t += 1
    if t >= comma or view.lower[t - 1] not in QUOTE_CHARS or view.lower[t - 2] not in ",?!":
        return None
    return t if view.words[t][:1].isupper() else None


def _title_opening(view: TokenView, close: int, lo: int) -> int | None:
    """The opening quotation mark of a short title closing at token ``close`` (``author
    of “The Other Woman,”``): at most six words after ``of``/``in``/``’s``, the first
    capitalised; ``None`` for any other quotation."""
    q = view.quote_of[close]
    if q < 0:
        return None
    o = close
    while o - 1 >= lo and view.quote_of[o - 1] == q:
        o -= 1
    if o - 1 < lo or view.lower[o - 1] not in TITLE_LEAD or o + 1 >= close:
        return None
    if not view.words[o + 1][:1].isupper() or sum(is_word(w) for w in view.lower[o:close]) > 6:
        return None
    return o


def opening_name_subject(view: TokenView, lo: int, hi: int, cue_tokens: set[int]) -> Range | None:
    """``Jo Roe, the pastoral assistant of the parish, welcomes …, saying``: a sentence
    opening with a name and its appositive, closed by a comma before a lower-case verb;
    the name with its appositive is the subject a trailing participle shares (``None``
    when the sentence does not open so)."""
    low, words = view.lower, view.words
    end = lo
    while end < hi and end - lo < 4 and words[end][:1].isupper() and is_word(low[end]):
        end += 1
    if end == lo or end >= hi or low[end] != "," or _opens_with_adverb(view, lo, end):
        return None
    close = next((t for t in range(end + 1, min(hi, end + 40)) if low[t] == ","), None)
    if close is None or close + 1 >= hi:
        return None
    verb = words[close + 1]
    if not (verb.isalpha() and verb.islower()) or verb.endswith("ing") or verb in STOP:
        return None
    if _holds_finite_verb(view, end + 1, close):
        return None  # "Finally, the companies filed suit, …": a clause, no appositive
    found = _opening_name_appositive(view, close, lo, cue_tokens, lo)
    return None if found is None else (found[0], close - 1)


#: sentence adverbs that open a sentence before a comma, written with a capital like a
#: one-word name (``Finally, the companies …``)
_OPENING_ADVERBS = (
    SENTENCE_ADVERBS
    | CLAUSE_ADVERBS
    | frozenset(
        [
            "finally",
            "earlier",
            "later",
            "still",
            "so",
            "first",
            "second",
            "third",
            "last",
            "besides",
        ]
    )
)

#: prepositions a participle describing a noun takes (``a charity started for …``)
_AFTER_PARTICIPLE = PREPOSITIONS | frozenset(
    ["across", "against", "for", "into", "near", "of", "over", "through", "under"]
)


def _opens_with_adverb(view: TokenView, lo: int, end: int) -> bool:
    """Is the one capitalised word before the comma at ``end`` a sentence adverb or a
    time (``Finally,``, ``Meanwhile,``, ``Yesterday,``) rather than a name? A first name
    in -ly (``Kelly, the singer,``) stays a name."""
    if end - lo != 1:
        return False
    w = view.lower[lo]
    return (
        w in _OPENING_ADVERBS
        or w in DAYS
        or w in TEMPORAL
        or (is_ly_adverb(w) and w not in FEMALE_NAMES and w not in MALE_NAMES)
    )


def _holds_finite_verb(view: TokenView, first: int, last: int) -> bool:
    """Does tokens ``first`` … ``last - 1`` hold a finite verb, so they are a clause and
    no appositive? An auxiliary (``has``, ``was``), or a verb in -ed after a noun with an
    object after it (``the companies filed suit``); a participle before a preposition
    (``a charity started by Jo``, ``a group based in Ohio``) or after a determiner or an
    adverb (``the newly appointed chair``) describes a noun and is no finite verb; so
    does a relative clause (``Jo Roe, who has worked here``), where the scan stops."""
    low, words = view.lower, view.words
    for t in range(first, last):
        w = low[t]
        if w in RELATIVE or w == "that":
            return False
        if w in FINITE:
            return True
        if not (t > first and t + 1 < last and w.endswith("ed") and words[t].isalpha()):
            continue
        before, after = low[t - 1], low[t + 1]
        if (
            words[t].islower()
            and w not in ROLE_ED
            and is_word(before)
            and before not in DETS
            and before not in STOP
            and not is_ly_adverb(before)
            and is_word(after)
            and after not in STOP
            and after not in _AFTER_PARTICIPLE
        ):
            return True
    return False


def _role_then_relative(view: TokenView, first: int, comma: int) -> bool:
    """``Keith Vaz, chairman of the committee, who had called for …, said``: a bare
    role noun opens the appositive, and a relative clause follows it before the cue's
    comma — a description of the name, never a clause of its own."""
    low, words = view.lower, view.words
    w = low[first]
    if (
        not w.isalpha()
        or not words[first][:1].islower()
        or w in ADV
        or w in STOP
        or w in FINITE
        or w.endswith(("ly", "ing", "ed"))
    ):
        return False
    return any(
        low[t] == "," and low[t + 1] in RELATIVE - {"including", "like"}
        for t in range(first + 1, comma - 1)
    )


def _is_bare_determiner(view: TokenView, np_: Range, k: int, cue_first: int, lo: int) -> bool:
    """Is the noun phrase only determiners (``the report``: a nominal cue)?

    A quantifier alone is a subject, not a determiner: ``Some believe ...``, ``But
    many say ...``.
    """
    low = view.lower
    quantifier = (
        np_[0] == np_[1]
        and low[np_[0]] in QUANT_PRONOUNS
        and k == cue_first - 1
        and (np_[0] == lo or low[np_[0] - 1] in OPENERS)
        and not low[cue_first].endswith(("s", "ion", "ment"))
    )
    return all(low[t] in DETS for t in range(np_[0], np_[1] + 1)) and not quantifier


def _participle_agent_source(
    view: TokenView, agent: Range, lo: int, cue_tokens: set[int]
) -> Range | None:
    """``emails combed through by Vox suggest``: the noun phrase before the agent's
    participle heads the source, which runs to the end of the agent."""
    low, words = view.lower, view.words
    p = agent[0] - 2
    if p - 1 >= lo and low[p] in ("through", "out", "up", "down", "off"):
        p -= 1
    if low[p].endswith(("ed", "en", "wn")) and words[p][:1].islower() and p - 1 >= lo:
        head = noun_phrase_left(view, p - 1, lo, cue_tokens)
        if head is not None and head[1] == p - 1 and low[head[1]] not in PRONOUNS:
            return (head[0], agent[1])
    return None


#: verbs that take a speaker to a platform before a purpose infinitive of speech
#: ("took to Facebook to state", "went on television to announce")
_TO_PLATFORM = frozenset(
    [
        "take",
        "takes",
        "took",
        "taken",
        "taking",
        "go",
        "goes",
        "went",
        "gone",
        "going",
        "turn",
        "turns",
        "turned",
        "turning",
        "head",
        "heads",
        "headed",
    ]
)


def _platform_start(view: TokenView, cue_first: int, lo: int) -> int | None:
    """First token of ``took to Facebook`` / ``went on television`` before an infinitive
    of speech at ``cue_first`` (``… to state that``; the cue may hold the platform's
    name, ``Twitter to say``), or ``None``: the infinitive's source is that verb's
    subject, not missing."""
    low = view.lower
    for j in range(cue_first - 1, max(lo, cue_first - 8) - 1, -1):
        w = low[j]
        if not is_word(w) and w not in ("’s", "'s"):
            return None  # punctuation: another clause
        if w in _TO_PLATFORM and j + 2 < len(low) and low[j + 1] in ("to", "on"):
            tail = low[j + 2 : cue_first + 3]
            return j if "to" in tail else None
    return None


def _chain_start(view: TokenView, cue_first: int, lo: int) -> int | None:
    """First token of ``continues to`` / ``was able to`` governing a cue at ``cue_first``.

    Returns ``None`` unless the cue is an infinitive (``to insist`` or ``... to
    insist``) after at least one control verb of :data:`CHAIN` (adverbs and
    auxiliaries may sit among them).
    """
    low = view.lower
    k = cue_first if low[cue_first] == "to" else cue_first - 1
    if k <= lo or low[k] != "to":
        return None
    j, seen = k - 1, False
    while j >= lo and k - j <= 5:
        w = low[j]
        if w in CHAIN:
            seen = True
        elif not (w in ADV or is_ly_adverb(view.words[j])) or w in ("’s", "'s"):
            break
        j -= 1
    return j + 1 if seen and j + 1 < k else None


def fronted_participle_subject(
    view: TokenView, cue_last: int, hi: int, cue_tokens: set[int]
) -> tuple[Range, int] | None:
    """``Lamenting their luck, Mexicans say``: the subject after a fronted participle.

    Returns the subject's token range and the comma closing the participial phrase.
    """
    low = view.lower
    b = cue_last
    c = b + 1
    while c < hi and c - b <= 25 and low[c] != "," and view.quote_of[c] < 0 and c not in cue_tokens:
        c += 1
    if not (c < hi and low[c] == "," and c - b > 1):
        return None
    np_ = noun_phrase_right(view, c + 1, hi, cue_tokens, limit=8)
    if np_ is None:
        return None
    i, j = np_
    for t in range(i + 1, j + 1):
        w = low[t]
        if w in FINITE or w in ADV or (w.endswith("ed") and w not in ROLE_ED):
            j = t - 1  # "the mayor lifted ...": the subject ends before its verb
            break
    while j > i and (low[j] in ADV or is_ly_adverb(view.words[j])):
        j -= 1
    if low[i] in STOP or low[i] in PREPOSITIONS or not is_word(low[i]):
        return None
    return (i, j), c
