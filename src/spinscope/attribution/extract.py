"""Attribution extraction: a learned cue tagger plus rules for content and source.

Stages, per document:

1. **Quotes** are paired per paragraph (:mod:`spinscope.attribution.text`); an
   unbalanced paragraph contributes no quote spans (refuse, never guess).
2. **Cues**: a logistic-regression token tagger trained on PolNeAR train
   (``cue_model.json.gz``) scores every token; runs of tokens at or above
   ``threshold`` inside one sentence are cue spans (``said``, ``according to``,
   ``is expected``...). Cues inside quotations are dropped: a quoted speaker's own
   reporting verbs are part of the quote's content (:mod:`.cues`).
3. **Speaker labels**: a paragraph opening with ``NAME:`` (a transcript turn ``PENCE:
   ...`` or a ``Graham: ...`` headline) is one attribution whose content is the rest
   of the paragraph; cues inside it are not attributed again (:mod:`.speaker_labels`).
4. **Source and content** per cue, by the first pattern that applies
   (:mod:`.patterns`, with :mod:`.sources`, :mod:`.phrases` and :mod:`.content`):

   * ``according to SRC, CONTENT`` / ``CONTENT, according to SRC``;
   * inverted ``“CONTENT,” said SRC`` / ``CONTENT, said SRC``;
   * ``“CONTENT,” SRC said`` (content before the cue, usually a quotation, which may
     span earlier sentences of the paragraph);
   * ``SRC CUE CONTENT`` (the default): the source is the noun phrase left of the cue
     (appositives such as ``Maria Zakharova, the ... spokeswoman,`` included); the
     content runs from the cue to the end of the sentence or to the next cue's
     source; a quotation opened there is followed to its close;
   * ``…, saying/adding …`` takes the previous source of the sentence, else its subject;
   * a clause-opening subject keeps its postmodifiers (``A poll released Friday by X
     shows``, ``The campaign and the party did not respond``), and so does a participle
     with its agent mid-sentence (``emails reviewed by Vox suggest``);
   * ``X, SRC said, Y`` is one attribution whose content is both sides of the aside;
     ``…, SRC said.`` closing a sentence takes the whole clause before it (cues inside
     it are embedded); ``Said SRC: …`` and ``Citing X, SRC …`` have their source right
     of the cue;
   * a cue embedded in a content without a clause break (``said the email came after
     Trump proposed a ban``) stays inside that content (PolNeAR is univocal: a token
     belongs to one attribution), and cues inside an earlier source or content are
     skipped; naming phrases (``better known as``, ``dubbed``) are not cues;

   and quotations that continue the paragraph after ``“X,” he said.`` are added as
   further content fragments (PolNeAR's discontinuous contents).
5. **Adjacent quotes**: a quotation no attribution covers takes its speaker from the
   text next to it when that is plain — ``“…!” Quipped Pitt.``, ``“…” – Jane Roe``, or
   an attributed sentence right before it (:mod:`.adjacent`).
6. **Kind**: ``direct`` when every content fragment is a quotation, ``mixed`` when
   the content contains quotation marks, ``indirect`` otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spinscope.attribution.adjacent import attribute_adjacent_quotes, closing_overrides
from spinscope.attribution.content import close_relative_clause
from spinscope.attribution.cues import (
    DEFAULT_THRESHOLD,
    MODEL_PATH,
    Cue,
    CueModel,
    cue_spans,
    drop_medium_phrases,
    drop_parenthetical_participles,
    drop_reduced_relatives,
    is_naming,
    is_non_speech,
    load_cue_model,
)
from spinscope.attribution.lexicon import DAYS, DOCUMENTS, PRONOUNS, VENUES
from spinscope.attribution.mentions import is_person_word
from spinscope.attribution.owners import inner_quotation_owners, quotation_owners
from spinscope.attribution.patterns import (
    CueSite,
    after_fronted_question,
    after_fronted_questioner,
    aside_between_quotations,
    attribute_cue,
    closes_sentence,
    headline_clause,
    is_heading,
    is_well_formed,
    main_clause_cue,
)
from spinscope.attribution.result import Attribution, Range, opens_to_paragraph_end
from spinscope.attribution.sources import left_source, without_dateline, without_trailers
from spinscope.attribution.speaker_labels import label_speaker, lowercase_words, speaker_labels
from spinscope.attribution.speech import (
    predicate_fragment,
    reports_no_speech,
    scare_fragment,
    without_superseded_refusals,
)
from spinscope.attribution.text import TokenView
from spinscope.attribution.tokens import token_at

# The cue model and the record type live in their own modules; they stay importable
# from here, where callers have always found them.
__all__ = [
    "DEFAULT_THRESHOLD",
    "MODEL_PATH",
    "Attribution",
    "CueModel",
    "extract",
    "load_cue_model",
]


def extract(
    v: TokenView,
    model: CueModel,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    content_ranges: Sequence[Range] | None = None,
    weak: float | None = None,
) -> list[Attribution]:
    """Attributions of one document (token view), in text order.

    Cues scoring between ``weak`` (default: ``threshold``, i.e. off) and ``threshold``
    are kept only when the rules find a well-formed attribution around them: a named
    or pronoun source and a content of at least three tokens. (On PolNeAR dev,
    ``weak=0.3`` lowers F1 by 3 points: weak cues also cut their neighbours' contents.)
    """
    weak = threshold if weak is None else weak
    probs = model.probabilities(v)
    cues = _find_cues(v, probs, weak, content_ranges)
    cue_tokens = {k for cue in cues for k in range(cue.first, cue.last + 1)}
    by_sentence: dict[int, list[Cue]] = {}
    for cue in cues:
        by_sentence.setdefault(v.sent_of[cue.first], []).append(cue)
    out: list[Attribution] = []
    taken: set[int] = set()  # tokens already used (PolNeAR is univocal)
    for label in speaker_labels(v, taken):
        if _inside(label.cue[0], content_ranges):
            out.append(label)
    weak_cues = {
        cue.first
        for cue in cues
        if weak < threshold and max(probs[cue.first : cue.last + 1]) < threshold
    }
    for sentence, sentence_cues in sorted(by_sentence.items()):
        out += _attribute_sentence(v, sentence, sentence_cues, cue_tokens, weak_cues, taken)
    adjacent = [
        a for a in attribute_adjacent_quotes(v, out) if _inside(a.content[0][0], content_ranges)
    ]
    # "“…?” Wendel asked him.", "“…?” Biden said during a rally.": a closing cue's own
    # content right of it (the pronoun spoken to, an adjunct the tagger took into the
    # cue) gives way to the quotation before it, which it reports
    # — unless a participle clause after a comma goes on from it ("“…?” Rosen asked,
    # looking out on the crowd."): what the speaker did next is a report of its own
    closing = {a.cue[0]: a.cue[1] for a in adjacent if a.content[-1][1] <= a.cue[0]}
    out = [
        a
        for a in out
        if a.cue[0] not in closing
        or a.content[0][0] < a.cue[0]
        or _PARTICIPLE_AFTER.match(v.text, closing[a.cue[0]])
    ] + adjacent
    owned = inner_quotation_owners(v, quotation_owners(v, closing_overrides(v, out)))
    return _with_continuations_joined(v.text, owned)


#: a comma and a participle going on from a closing cue (``asked, proposing``)
_PARTICIPLE_AFTER = re.compile(r",\s+[a-z]+ing\b")


def _with_continuations_joined(text: str, atts: list[Attribution]) -> list[Attribution]:
    """A quotation its paragraph leaves open and the next paragraph goes on with (``X
    told him: “…`` ¶ ``“…”``) is one quotation: the continuation found for the same cue
    and source is one more content fragment of that attribution, not a second one."""
    out: list[Attribution] = []
    for att in atts:
        into = next(
            (
                n
                for n, a in enumerate(out)
                if att.origin == "adjacent"
                and a.cue == att.cue
                and a.source == att.source
                and opens_to_paragraph_end(text, *a.content[-1])
            ),
            None,
        )
        if into is None:
            out.append(att)
            continue
        joined = tuple(sorted({*out[into].content, *att.content}))
        out[into] = out[into].with_content(text, joined)
    return out


def _colon_label(view: TokenView, att: Attribution) -> Attribution | None:
    """A cue closed by a colon whose source and cue words are a heading of capitalised
    words (``Burke to Lund:``, ``SPECIAL REPORT:``) keeps it only where the heading names
    a speaker (:func:`label_speaker`), trimmed to the speaker (``Burke to Lund:`` is
    Burke's); ``None`` drops it. Other sources (``The spokesman:``, ``GOP report:``) stay."""
    assert att.source is not None
    first, last = token_at(view, att.source[0]), token_at(view, att.source[1] - 1)
    cue_first, colon = token_at(view, att.cue[0]), token_at(view, att.cue[1] - 1)
    if cue_first not in (last + 1, colon):
        return att  # words between the source and its cue: no heading
    label_last = colon - 1 if cue_first == last + 1 else last
    words = view.words[first : label_last + 1]
    to = words.index("to") if "to" in words[1:] else len(words)
    # "Sen. Jo Roe to committee Democrats: “…”": whom a named speaker's words were
    # said to may be in lower case
    addressed = (
        to < len(words)
        and all(w[:1].isupper() or w == "." for w in words[:to])
        and colon + 1 < len(view.words)
        and view.is_open_quote(colon + 1)
    )
    if any(w[:1].islower() and w not in ("to", "of") for w in words[: to if addressed else None]):
        head = words[-1].lower()
        if (
            cue_first != colon  # "The pastor warned:": the label is a clause
            or first != view.sentences[view.sent_of[first]][0]  # not a heading
            # "Schiff on end of probe:": a headline's subject speaks about something
            or len(words) > 3
            or any(w[:1].isupper() for w in words[1:])
            or is_person_word(head)
            or head in DOCUMENTS
            or head in VENUES
            or any(w.endswith(("’s", "'s")) for w in words)
        ):
            return att
        # "Second phase:", "Bottom line:": a heading whose noun names no one, nor any
        # text someone issued
        return None
    end = label_speaker(view, first, label_last, lowercase_words(view))
    if end is None:
        return None
    return replace(att, source=(att.source[0], view.chars(first, min(end, last))[1]))


def _inside(char: int, content_ranges: Sequence[Range] | None) -> bool:
    """Is character ``char`` inside the article's content (everything when unknown)?"""
    return content_ranges is None or any(s <= char < e for s, e in content_ranges)


def _find_cues(
    view: TokenView,
    probs: Sequence[float],
    threshold: float,
    content_ranges: Sequence[Range] | None,
) -> list[Cue]:
    """Cue spans in the article's content, without naming phrases (``better known as``)
    and participles describing a source (``Obama, dedicating the museum, said``,
    ``officials briefed on the talks said``)."""
    cues = cue_spans(view, probs, threshold)
    if content_ranges is not None:
        cues = [c for c in cues if _inside(view.starts[c.first], content_ranges)]
    cues = [c for c in cues if not is_naming(view, c) and not is_non_speech(view, c)]
    cues = drop_medium_phrases(view, cues)
    cues = [_from_means_gerund(view, _with_colon_participle(view, c)) for c in cues]
    return drop_reduced_relatives(view, drop_parenthetical_participles(view, cues))


#: words of time the tagger takes into a cue before ``by saying``
_TIMES = DAYS | frozenset(["today", "yesterday", "tonight", "morning", "afternoon", "evening"])


def _from_means_gerund(view: TokenView, cue: Cue) -> Cue:
    """``Clinton kicked off a campaign event Wednesday by saying that …``: a cue of a
    time word, then ``by`` and a gerund, is the gerund alone. It shares the subject of
    the clause (``Clinton``), as ``opened the meeting by saying`` does; with the time
    word in the cue, the verb phrase before it was read as the source."""
    low = view.lower
    by = next((k for k in range(cue.first, cue.last) if low[k] == "by"), None)
    if by is None or by == cue.first or not low[by + 1].endswith("ing"):
        return cue
    if not all(low[k] in _TIMES for k in range(cue.first, by)):
        return cue
    return replace(cue, first=by + 1)


def _with_colon_participle(view: TokenView, cue: Cue) -> Cue:
    """``…, commenting: “…”``: a colon cue after a participle and its comma takes the
    participle in, so that the cue reads as ``…, saying`` and shares the clause's
    source."""
    low, a = view.lower, cue.first
    if (
        cue.first == cue.last
        and low[a] == ":"
        and a - 2 >= 0
        and view.sent_of[a - 2] == view.sent_of[a]
        and low[a - 1].endswith("ing")
        and low[a - 1].isalpha()
        and view.words[a - 1][:1].islower()
        and low[a - 2] == ","
    ):
        return replace(cue, first=a - 1)
    return cue


def _attribute_sentence(
    view: TokenView,
    sentence: int,
    cues: list[Cue],
    cue_tokens: set[int],
    weak_cues: set[int],
    taken: set[int],
) -> list[Attribution]:
    """The attributions of one sentence's cues, left to right.

    A cue inside an earlier attribution's source or content is skipped; a coordinated
    cue shares the source found before it in the sentence (``X announced ... and
    said``). A weak cue (its first token in ``weak_cues``) counts only with a
    well-formed attribution; a colon after a heading (``UPDATE:``) is no cue.
    """
    lo, hi = view.sentences[sentence]
    if cues and view.lower[cues[0].first : cues[0].first + 2] == ["according", "to"]:
        # "According to one official, Hale was informed of the vote": the one informed
        # reports nothing; the clause is the official's
        cues = cues[:1] + [c for c in cues[1:] if not _informed(view, c)]
    if (main := after_fronted_questioner(view, cues, lo)) is not None:
        # "Pressed by X on whether …, Conway said": the question is no one's attribution
        cues = cues[main:]
    elif (main := after_fronted_question(view, cues, lo)) is not None:
        # "Asked why …, Orban replied: “…”": the question, with no source, ends before
        # the main clause, whose subject is the speaker
        cues = cues[:1] + cues[main:]
    if len(cues) > 1 and closes_sentence(view, cues[-1], lo, hi, cue_tokens):
        # "Protocol called for X, sources said.": the closing cue's content is the
        # clause before it; cues inside that clause are embedded (PolNeAR is univocal)
        cues = cues[-1:]
    elif (aside := aside_between_quotations(view, cues, lo, cue_tokens)) is not None:
        # "X was accused of “…,” Gowdy said, “…”": the aside splits the speaker's own
        # sentence; the cues before it are embedded in its content
        cues = cues[aside:]
    elif (main := main_clause_cue(view, cues, lo, hi, cue_tokens)) is not None:
        # "X are scheming, Mayor Y warned, calling them ...": the same, the participle
        # after it sharing its source
        cues = cues[main:]
    out: list[Attribution] = []
    prev_source: Range | None = None
    for n, cue in enumerate(cues):
        if cue.first in taken:
            continue  # a cue inside an earlier attribution's source or content
        site = CueSite(
            view=view,
            sentence=sentence,
            first=cue.first,
            last=cue.last,
            score=cue.score,
            lo=lo,
            hi=hi,
            prev_cue_last=cues[n - 1].last if n else lo - 1,
            next_cue_first=cues[n + 1].first if n + 1 < len(cues) else hi,
            cue_tokens=cue_tokens,
            prev_source=prev_source,
        )
        att = attribute_cue(site, taken)
        if att is None:
            continue
        if cue.first in weak_cues and not is_well_formed(view, att):
            continue
        if is_heading(view, cue, att):
            continue
        headed = headline_clause(view, cue, att)
        if headed is None:
            continue
        att = headed
        if view.lower[cue.last] == ":" and att.source is not None:
            labelled = _colon_label(view, att)
            if labelled is None:
                continue
            att = labelled
        if reports_no_speech(view, cue, att):
            continue
        if att.source is not None and scare_fragment(view, cue, att):
            # "sent a message over the ban on the “peaceful activities” of": the quoted
            # words are no one's the text names; the quotation is found, unattributed
            att = replace(att, source=None)
        att = close_relative_clause(view, att)
        if att.source is not None:
            source = without_trailers(view.text, without_dateline(view.text, att.source))
            fragment = _fragment_source(view, source) or predicate_fragment(view, source, cue.first)
            att = replace(att, source=None if fragment else _with_negation(view.text, source))
        if (
            view.lower[cue.first] == ":"
            and att.source is not None
            and _relative_complement(view, att.source)
        ):
            # "X said to Y, who is now the party's candidate: “…”": the colon closes the
            # clause of an earlier cue; the relative clause's predicate is no source, and
            # the quotation is that cue's source's (else no one's)
            att = replace(att, source=out[-1].source if out else None)
        if view.lower[cue.last] == ":" and att.source is not None and not _verb_in_cue(view, cue):
            prep = _preposition_before(view, token_at(view, att.source[0]), lo)
            if prep is not None:
                # "he said in a soft voice:", "the letter reads in part:": the noun
                # after the preposition is no source; the verb before it reports
                att = _with_verb_before(view, out, att, prep, lo, cue_tokens)
        out.append(att)
        if att.source is not None and not _agent_after_content(view.text, att):
            prev_source = (token_at(view, att.source[0]), token_at(view, att.source[1] - 1))
    return without_superseded_refusals(view, out)


#: verbs whose passive says its subject heard news, not that it said anything
_INFORMED = frozenset(["informed", "notified", "briefed", "told", "advised", "alerted"])


def _informed(view: TokenView, cue: Cue) -> bool:
    """A passive of being told (``was informed of``, ``had been briefed``): its subject
    is the one told, no source of what follows."""
    low = view.lower
    verbs = [k for k in range(cue.first, cue.last + 1) if low[k] in _INFORMED]
    if not verbs:
        return False
    k = verbs[0]
    return k > 0 and low[k - 1] in ("was", "were", "is", "are", "been", "being", "be")


def _with_negation(text: str, source: Range) -> Range:
    """``No one`` whole where the source found is ``one``: the ``No`` a determiner
    list drops is what says no one spoke (``No one spoke of …``)."""
    before = text[max(0, source[0] - 4) : source[0]]
    if text[source[0] : source[1]].lower() == "one" and re.fullmatch(r"(?:^|\W)[Nn]o ", before):
        return (source[0] - 3, source[1])
    return source


def _agent_after_content(text: str, att: Attribution) -> bool:
    """Is the source a ``by`` agent after the content (``described as “…” by the
    mayor``)? The agent is no subject of the sentence: a later cue of the sentence
    (``…, branding her …``) does not share it."""
    source = att.source
    return (
        source is not None
        and all(e <= source[0] for _, e in att.content)
        and text[: source[0]].rstrip().endswith(" by")
    )


def _fragment_source(view: TokenView, source: Range) -> bool:
    """Is ``source`` a fragment of a clause, not a noun phrase? It ends in an article
    (``send Channel 5 News an [email saying]``: the cue took the noun) or opens with a
    participle clause after a comma or a dash (``… — outraging taxpayers and raising
    questions [about]``); no one is named there."""
    first, last = token_at(view, source[0]), token_at(view, source[1] - 1)
    if view.words[last] in ("a", "an", "the"):
        return True
    w = view.words[first]
    return (
        w.islower()
        and len(w) > 5
        and w.endswith("ing")
        and first > 0
        and view.words[first - 1] in (",", "—", "–", "-")
    )


#: copulas of a relative clause ("who is now …"), and adverbs that may follow them
_COPULAS = frozenset(["is", "was", "are", "were", "'s", "’s"])
_COPULA_ADVERBS = frozenset(["now", "then", "also", "still", "currently", "once", "later"])


def _relative_complement(view: TokenView, source: Range) -> bool:
    """Is ``source`` the predicate of a relative clause's copula (``, who is now
    [Arizona’s candidate for Senate]``)? It names the one the clause describes, not a
    subject that speaks."""
    k = token_at(view, source[0]) - 1
    while k >= 0 and view.lower[k] in _COPULA_ADVERBS:
        k -= 1
    return k >= 1 and view.lower[k] in _COPULAS and view.lower[k - 1] in ("who", "which")


def _verb_in_cue(view: TokenView, cue: Cue) -> bool:
    """Does a word come before the colon in ``cue`` (``announced:``)? Its source is then
    that verb's subject, even after a fronted phrase ending in a preposition's object
    ("nine months into the program, the IMF announced:")."""
    return any(view.words[k][:1].isalpha() for k in range(cue.first, cue.last))


#: prepositions whose object, right before a colon, is a manner or a part, not a source
#: ("by" is left out: "is exemplified by this finding:" names the finding)
_MANNER_PREPOSITIONS = frozenset(["in", "with", "on", "at", "from", "into", "over"])


def _preposition_before(view: TokenView, first: int, lo: int) -> int | None:
    """The preposition right before a colon cue's source that starts at token ``first``
    (only lowercase words and commas between: ``in a soft, strong voice``), or ``None``.
    A capitalised or pronoun source (``…, Rubio replied:``) is a subject, whatever
    precedes it."""
    if not view.words[first][:1].islower() or view.lower[first] in PRONOUNS:
        return None
    for k in range(first - 1, max(lo, first - 5) - 1, -1):
        w = view.words[k]
        if view.lower[k] in _MANNER_PREPOSITIONS:
            return k if k - 1 >= lo and view.words[k - 1][:1].islower() else None
        if not (w == "," or w[:1].islower()):
            return None
    return None


def _with_verb_before(
    view: TokenView,
    out: list[Attribution],
    att: Attribution,
    prep: int,
    lo: int,
    cue_tokens: set[int],
) -> Attribution:
    """The colon's content given to the verb before the preposition: the attribution of
    that verb's cue when it has one (its content was only the prepositional phrase),
    else the colon cue with the verb's subject as source (``None`` when it has none)."""
    at = view.starts[prep]
    if out:
        p = out[-1]
        if (
            view.starts[lo] <= p.cue[0] <= at
            and p.content
            and all(p.cue[1] <= s and e <= att.cue[1] for s, e in p.content)
        ):
            del out[-1]
            return replace(att, cue=p.cue, source=p.source)
    src = left_source(view, prep - 1, lo, cue_tokens, None, lo)
    return replace(att, source=None if src is None else view.chars(*src))
