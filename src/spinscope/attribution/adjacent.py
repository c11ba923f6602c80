"""Quotations with no cue of their own, attributed from the text next to them.

News writing attributes a quotation once and lets the neighbouring text carry it:

* a short closing sentence names the speaker: ``“That is absurd!” Quipped Pitt.`` or
  ``… Pitt quipped.`` (the sentence splitter ends the quote's sentence at ``!”``);
* a dash names the speaker after the quotation: ``“…” – Jeremy Hale``;
* a quotation that opens its sentence right after an attributed sentence — in the
  same paragraph or as the next paragraph (``Mayor Ortiz defended the plan.`` ¶
  ``“We have the money.”``, ``She told the paper:`` ¶ ``“…”``) — continues that
  attribution's speaker.

Only quotations of four or more words that no attribution covers are considered, and
only when one of these patterns makes the speaker plain: anything else stays
unattributed. All-capital quotations (slogans) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spinscope.attribution.lexicon import CORE_VERBS, INVERTING
from spinscope.attribution.mentions import _is_title, first_name_gender, is_place_name
from spinscope.attribution.result import Attribution, Range, opens_to_paragraph_end
from spinscope.attribution.text import TokenView

__all__ = ["attribute_adjacent_quotes", "closing_overrides"]

_REPORTING = (
    CORE_VERBS
    | INVERTING
    | frozenset(
        [
            "quipped",
            "joked",
            "laughed",
            "shouted",
            "exclaimed",
            "remarked",
            "responded",
            "detailed",
            "concluded",
            "continued",
            "told",
            "wrote",
            "tweeted",
            "posted",
            "admitted",
            "conceded",
            "bemoaned",
            "lamented",
            "complained",
            "countered",
            "reminded",
            "apologized",
            "whispered",
            "replied",
            "snapped",
            "affirmed",
            "answered",
            # opinion and appeal verbs that close a quotation like "said"
            "opined",
            "urged",
            "pleaded",
            "stated",
            "testified",
            "deadpanned",
            "whined",
            "whines",
        ]
    )
)
_NAME = r"(?:(?:[A-Z][\w.’'-]*|of|the|de|van|von|al) ?){1,5}"
#: a group a capitalised adjective describes (``French lawmakers``, ``Democratic leaders``)
_GROUP = (
    r"[A-Z][a-z]+ (?:lawmakers|officials|leaders|legislators|senators|diplomats|"
    r"prosecutors|investigators|authorities|activists|critics|supporters|sources)"
)
# "Quipped Pitt." / "Pitt quipped." / "said Ms. Lane." / "Wendel asked him." — a
# sentence that is only a cue and its source (and the pronoun spoken to); a name may
# carry an appositive ("Tom Hale, a lawyer for the family, asked."), and a participle
# clause may tell what the speaker did while saying it ("Rosen asked, proposing …")
_CLOSING = re.compile(
    rf"^\s*(?:(?P<v1>[A-Za-z]+) (?P<n1>{_NAME})|(?P<n2>{_GROUP}|{_NAME}|he|she|the [a-z]+)"
    r"(?P<appos>, (?:a|an|the|his|her|their) [^,;:.!?“”\"\n]{1,60},)? "
    r"(?P<aux>(?:attempted|tried|sought|went on|goes on) to )?"
    rf"(?P<v2>[a-z]+)"
    r"(?: (?:him|her|them|me|us))?)(?P<adjunct> (?:during|at|in|on|of|after|before|from|while|"
    r"outside|to) [^.!?,;:“”\"\n]{1,60}?)?"
    r"(?P<while>, [a-z]+ing\b[^“”\"\n]{0,120}?)?\s*[.!]?\s*$"
)
# "“…” – Jeremy Hale" / "“…” – Trump warned.": a dash, a name and maybe its verb
_DASH = re.compile(rf"^\s*[–—-]{{1,2}}\s*(?P<name>{_NAME}?)(?: (?P<verb>[a-z]+))?\s*[.!]?\s*$")
_WORDS = re.compile(r"\w+")


def attribute_adjacent_quotes(
    view: TokenView, attributions: Sequence[Attribution]
) -> list[Attribution]:
    """New attributions for uncovered quotations whose speaker the next text gives."""
    text = view.text
    out: list[Attribution] = []
    covered = [(a.start, a.end) for a in attributions]
    known = sorted(attributions, key=lambda a: a.end)
    for qs, qe in view.quotes:
        body = text[qs + 1 : qe - 1]
        if body.isupper() or not _WORDS.search(body):
            continue
        if any(s <= qs + 1 and qe - 1 <= e for s, e in covered):
            continue
        sent = _sentence_of(view, qs)
        if sent is None:
            continue
        if len(_WORDS.findall(body)) < 4:
            # "“Wait, what?” Ada asked.": a short quotation is an utterance only where it
            # ends in its own punctuation and a name and a reporting verb follow
            # "…, to which Kaine affirmed, “Absolutely.”": a reporting clause set off by a
            # comma right before it makes a short quotation an utterance too
            att = _closing(view, sent, qs, qe) if body.rstrip()[-1:] in ",?!" else None
            att = att or _opening(view, qs, qe) or _heard(view, sent, qs, qe)
            att = att or _named_by(view, qs, qe) or _handle_label(view, qs, qe)
            if att is not None:
                att = replace(att, origin="adjacent")
                out.append(att)
                covered.append((att.start, att.end))
            continue
        ss = view.sent_chars[sent][0]
        att = (
            _closing(view, sent, qs, qe)
            or _opening(view, qs, qe)
            or _heard(view, sent, qs, qe)
            or _audience_colon(view, sent, qs, qe)
            or _going_on(view, qs, qe, known)
            or _dash(view, sent, qs, qe)
            or _byline(view, qs, qe)
            or _named_by(view, qs, qe)
            or _handle_label(view, qs, qe)
        )
        if att is None and not text[ss:qs].strip():
            if _whole_sentences(view, qe):
                # a lead-in naming its own speaker ("The lawsuit says,") outranks the
                # speaker of the quotation before it
                att = (
                    _announced(view, sent, qs, qe)
                    or _continuing(view, sent, qs, qe, known)
                    or _answer_lead(view, sent, qs, qe)
                    or _subject_lead(view, sent, qs, qe)
                    or _briefing_lead(view, sent, qs, qe)
                    or _across_narrative(view, sent, qs, qe, known)
                )
            elif (nq := _next_quote(text, qe)) is not None:
                att = _continuing(view, sent, qs, qe, known)
                if att is not None and not _same_speaker_next(text, att, nq, known):
                    att = None
        if att is not None:
            att = replace(att, origin="adjacent")
            out.append(att)
            covered.append((att.start, att.end))
            # the next quotation may continue this one: "She told the paper:" ¶ “…” ¶ “…”
            known = sorted([*known, att], key=lambda a: a.end)
    return out


# "Merkel stated," / "She also said:" — a sentence that is only a source and its cue,
# announcing the quotation after it; the source may carry an appositive ("Jane Roe,
# head of the center, said,") and follow the question it answers ("When asked to
# clarify Roe said,"), and a document may announce its words ("The lawsuit says,")
_ANNOUNCING = re.compile(
    r"^\s*(?:When asked(?: to [a-z]+| about [^,“”\"]{1,40})?,? )?"
    rf"(?P<name>{_NAME}|he|she|[Tt]he [a-z]+ )(?:, [^,“”\"]{{1,60}}, )?"
    r"(?:also |then |later )?(?P<verb>[a-z]+)\s*[,:]\s*$"
)


def _announced(view: TokenView, sent: int, qs: int, qe: int) -> Attribution | None:
    """``Merkel stated,`` ¶ ``“…”``: the sentence before the quotation (in its paragraph
    or closing the previous one) is only a source and a reporting verb."""
    if sent == 0 or view.para_of_sent[sent] - view.para_of_sent[sent - 1] > 1:
        return None
    ps, pe = view.sent_chars[sent - 1]
    m = _ANNOUNCING.match(view.text[ps:pe])
    if m is None or m.group("verb") not in _REPORTING | {"stated"}:
        return None
    name = m.group("name").strip()
    if not name[:1].isupper():
        return None
    ns, vs = ps + m.start("name"), ps + m.start("verb")
    return Attribution.quotation((vs, vs + len(m.group("verb"))), (qs, qe), (ns, ns + len(name)))


#: a clause closing the words before a quotation, after a comma or alone, in which a
#: named subject turns to an audience and a colon opens what was said: ``In May, after
#: Reed cited …, Lane addressed reporters in Dover, Delaware:``; the audience (and where
#: it was, a place with its state) is whom the words were for, never their source
_AUDIENCE_COLON = re.compile(
    rf"(?:^|,\s)(?P<name>{_NAME}) (?P<verb>addressed|told|assured|reminded|warned|urged|"
    r"(?:spoke|wrote|explained|said) to) (?P<audience>[^,;:.!?“”\"\n]{1,60}?)"
    r"(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?)?:\s*$"
)


#: capitalised words opening a sentence that are no part of its subject's name
_NOT_NAMES = frozenset(["then", "and", "but", "so", "later", "there", "here", "in", "on", "at"])


def _audience_colon(view: TokenView, sent: int, qs: int, qe: int) -> Attribution | None:
    """``…, Lane addressed reporters in Dover, Delaware: “…”``: the quotation's sentence
    leads up to it with a named subject speaking to an audience, and a colon."""
    text = view.text
    ss = view.sent_chars[sent][0]
    m = _AUDIENCE_COLON.search(text[ss:qs])
    if m is None:
        return None
    name = _strip_stop(m.group("name"))
    if not name[:1].isupper() or is_place_name(name) or name.split()[0].lower() in _NOT_NAMES:
        return None
    ns, colon = ss + m.start("name"), ss + text[ss:qs].rindex(":")
    return Attribution.quotation((colon, colon + 1), (qs, qe), (ns, ns + len(name)))


_ANSWER = r"(?:answer|reply|response|retort|explanation|message|statement|words)"
#: a sentence announcing its speaker's answer by a noun, closed by a colon: ``Trump had
#: a simple answer:``, ``his reply to The Guardian was:``, ``Her response:``
_ANSWER_LEADS = (
    re.compile(
        rf"(?:^|[,;]\s+|\b(?:and|but|so)\s+)(?P<name>{_NAME}|he|she|they) (?:then )?"
        rf"(?:had|has|gave|gives|offered|offers) (?:a|an|the|this|one)(?: [a-z]+){{0,2}} "
        rf"{_ANSWER}(?: [^:,.;“”\"]{{1,40}})?:\s*$"
    ),
    re.compile(
        rf"(?:^|[,;]\s+|\b(?:and|but|so)\s+)(?P<name>his|her|their|His|Her|Their) {_ANSWER}"
        rf"(?: [^:,.;“”\"]{{1,40}}?)?(?: (?:was|is|were|read|reads|went))?:\s*$"
    ),
)


#: a colon, or a copula and its colon, that introduces a quotation as the words of the
#: noun before it (``the pope’s reply was:``)
_ANSWER_CUE = re.compile(r"(?:(?:was|is|were|reads|read)\s*)?:")
#: ``Now, the pope’s reply to my testimony was:``, ``Lee's answer was simple:``: a
#: possessed answer opening its clause, the clause ending in the colon that introduces
#: the quotation — the possessor is the one answering
_POSSESSED_ANSWER = re.compile(
    rf"(?:^|[,;]\s+|\b(?:and|but|so)\s+)(?P<name>(?:[Tt]he [a-z]+|{_NAME})[’']s|his|her|their|"
    rf"His|Her|Their) {_ANSWER}(?: [^:,.;“”\"]{{1,40}}?)?"
    rf"(?: (?:was|is|were|read|reads)(?: [a-z]+)?)?:\s*$"
)


def _possessed_answer(view: TokenView, colon_end: int, qs: int) -> tuple[Range, int] | None:
    """The possessor of the answer a colon cue closes in the quotation's own sentence
    (``Now, the pope’s reply to my testimony was: “…”`` -> ``the pope``) and where the
    possessed answer starts, or ``None``."""
    sent = _sentence_of(view, qs)
    if sent is None or view.text[colon_end:qs].strip():
        return None
    ss = view.sent_chars[sent][0]
    m = _POSSESSED_ANSWER.search(view.text[ss:colon_end])
    if m is None:
        return None
    name = m.group("name")
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    return (ss + m.start("name"), ss + m.start("name") + len(name)), ss + m.start("name")


def _answer_lead(view: TokenView, sent: int, qs: int, qe: int) -> Attribution | None:
    """``Trump had a simple answer:`` ¶ ``“…”`` / ``He was asked why, his reply was:`` ¶
    ``“…”``: the sentence before the quotation (in its paragraph or closing the previous
    one, page furniture skipped) announces its speaker's answer and ends in a colon —
    the speaker is the one who has the answer (a name or a pronoun, resolved later)."""
    prev, skipped = sent - 1, 0
    while prev >= 0 and _furniture(view, prev) and skipped < 3:
        prev, skipped = prev - 1, skipped + 1
    if prev < 0 or view.para_of_sent[sent] - view.para_of_sent[prev] > 1 + skipped:
        return None
    ps, pe = view.sent_chars[prev]
    line = view.text[ps:pe]
    for pattern in _ANSWER_LEADS:
        m = pattern.search(line)
        if m is None:
            continue
        name = _strip_stop(m.group("name"))
        ns = ps + m.start("name")
        colon = ps + line.rindex(":")
        return Attribution.quotation((colon, colon + 1), (qs, qe), (ns, ns + len(name)))
    return None


#: a paragraph closed by a colon whose sentence opens with a person's full name (and its
#: title) as subject: ``Mary Colbert for one, is certain of this:``, ``Evangelist Ken
#: Cope echoes her warning, … last year:``
_SUBJECT_LEAD = re.compile(
    r"^\s*(?:(?:But|And|So|Now|Still),? )?(?:[A-Z][a-z]+ )?(?P<name>[A-Z][a-z’'-]+"
    r"(?: [A-Z]\.)? [A-Z][a-z’'-]+) (?!of\b|and\b)[a-z][^“”\"\n]*:\s*$"
)


def _subject_lead(view: TokenView, sent: int, qs: int, qe: int) -> Attribution | None:
    """``Mary Colbert for one, is certain of this:`` ¶ ``“…”``: the paragraph before
    the quotation ends, with a colon, the sentence of a subject named in full (a first
    name the lexicon knows, not a place that opens like one): that person's words
    follow. The colon is the cue."""
    if sent == 0 or view.para_of_sent[sent] - view.para_of_sent[sent - 1] != 1:
        return None
    ps, pe = view.sent_chars[sent - 1]
    line = view.text[ps:pe]
    m = _SUBJECT_LEAD.match(line)
    if m is None or first_name_gender(m.group("name").split()[0]) is None:
        return None
    if is_place_name(m.group("name")):
        return None  # "Virginia Beach is bracing for this:": a place, no person, says nothing
    ns = ps + m.start("name")
    colon = ps + line.rindex(":")
    return Attribution.quotation((colon, colon + 1), (qs, qe), (ns, ns + len(m.group("name"))))


#: a paragraph's last sentence telling that someone addressed the press: ``Chief of
#: Police, Tom Lee, spoke to reporters this morning.`` (what they said follows)
_BRIEFING = re.compile(
    rf"^\s*(?P<source>(?:{_NAME}|[Hh]e|[Ss]he)(?:, {_NAME},)?) "
    r"(?P<verb>spoke|talked) (?:to|with) (?:reporters|journalists|the press|the media)\b"
    r"[^.“”\"]{0,80}\.?\s*$"
)


#: a paragraph's last sentence telling that a person gave an explanation, remarks or
#: jokes: ``Jo Brown gave a baffling explanation for why …`` (the words follow)
_GAVE_WORDS = re.compile(
    rf"^\s*(?:[^,“”\"]{{1,60}}, )?(?P<source>{_NAME}|[Tt]he [a-z]+) "
    r"(?P<verb>(?:gave|offered|delivered|made|issued)"
    r"(?: (?:a|an|his|her|their|some|several|this|these|the))?(?: [a-z,-]+){0,3} "
    r"(?:explanation|statement|remarks|comments|jokes|response|answer|defen[cs]e|"
    r"warning|message|speech|argument|case|plea|apology))\b[^“”\"]{0,160}\.?\s*$"
)


def _speaking_person(source: str) -> bool:
    """A person named in full (a first name the lexicon knows) or by a title (``The
    president``, ``the senator``)?"""
    words = source.split()
    if words[0].lower() == "the":
        return len(words) == 2 and _is_title(words[1])
    return first_name_gender(words[0]) is not None


def _briefing_lead(view: TokenView, sent: int, qs: int, qe: int) -> Attribution | None:
    """``Chief Tom Lee spoke to reporters this morning.`` ¶ ``“…”``: the paragraph
    before a quotation paragraph ends telling who addressed the press (or that a person
    named in full gave an explanation, remarks, jokes: ``Jo Brown gave a baffling
    explanation for why …``); the quotation is what they said. The verb phrase is the
    cue."""
    if sent == 0 or view.para_of_sent[sent] - view.para_of_sent[sent - 1] != 1:
        return None
    ps, pe = view.sent_chars[sent - 1]
    m = _BRIEFING.match(view.text[ps:pe]) or _GAVE_WORDS.match(view.text[ps:pe])
    if m is None:
        return None
    if m.re is _GAVE_WORDS and not _speaking_person(m.group("source")):
        return None  # a person named in full or by title gives the words, not a body
    source = m.group("source").strip()
    ss, vs = ps + m.start("source"), ps + m.start("verb")
    return Attribution.quotation((vs, vs + len(m.group("verb"))), (qs, qe), (ss, ss + len(source)))


#: what an embedded tweet prints after its text: its links, then a dash, the account's
#: name and handle and the date (``pic.twitter.com/Ab12 — Jo Roe (@JoRoe) May 4, 2018``)
_TWEET_SIGNATURE = re.compile(
    r"\s*(?:(?:pic\.twitter\.com|https?://t\.co)/\S+\s*)*"
    r"(?:[—–-]{1,2}\s*[^()\n“”\"]{1,60}\(@\w{1,30}\)(?:\s+[A-Z][a-z]+\.? \d{1,2}, \d{4})?)?"
    r"\s*$"
)


def _whole_sentences(view: TokenView, qe: int) -> bool:
    """Does the quotation end its sentence (nothing but punctuation after it)? An
    embedded tweet's signature after it counts as nothing: it tells who posted the
    tweet, which may quote someone else (``Her mother says … “…” pic.twitter.com/Ab12
    — Jo Roe (@JoRoe) May 4, 2018``), so it neither speaks nor ends the quotation."""
    last = _sentence_of(view, qe - 1)
    if last is None:
        return False
    rest = view.text[qe : view.sent_chars[last][1]]
    return not _WORDS.search(rest) or _TWEET_SIGNATURE.match(rest) is not None


def _next_quote(text: str, qe: int) -> int | None:
    """``“… products.” “With costs up, jobs go,” he says.``: a quotation closing a
    sentence of its own (a full stop inside its marks) right before the next quotation
    opens — the sentence splitter keeps the two together. The next one's start, or
    ``None``."""
    if qe < 2 or text[qe - 2] not in ".…":
        return None
    m = re.match(r"[ \t]*[“\"]", text[qe:])
    return qe + m.end() - 1 if m else None


def _same_speaker_next(
    text: str, att: Attribution, next_start: int, known: Sequence[Attribution]
) -> bool:
    """Does the quotation opening at ``next_start`` belong to the speaker ``att`` takes
    on (a pronoun or the same last name)? A different name means a dialogue, whose
    turns change speakers: the quotation stays unattributed."""
    assert att.source is not None
    here = _WORDS.findall(text[att.source[0] : att.source[1]])
    for a in known:
        if a.source is None or not any(s <= next_start + 1 < e for s, e in a.content):
            continue
        there = _WORDS.findall(text[a.source[0] : a.source[1]])
        if not there or not here:
            return False
        return there[-1].lower() in _SAME_PERSON or there[-1] == here[-1]
    return False


_SAME_PERSON = frozenset(["he", "she"])

#: nouns after "the" in a closing clause that name no source ("the day went on")
_NOT_SOURCES = frozenset(["day", "night", "time", "crowd", "rest", "other"])


#: verbs of saying in their base form, after "attempted to", "went on to"
_SAYING = frozenset(
    ["say", "explain", "add", "clarify", "answer", "reply", "argue", "insist", "joke", "warn"]
)


def _sentence_of(view: TokenView, char: int) -> int | None:
    for k, (s, e) in enumerate(view.sent_chars):
        if s <= char < e:
            return k
    return None


def _closing(view: TokenView, sent: int, qs: int, qe: int) -> Attribution | None:
    """``“…!” Quipped Pitt.``: the rest of the quotation's sentence, or the next sentence
    of its paragraph, is only a reporting verb and a name."""
    text = view.text
    last = _sentence_of(view, qe - 1)
    if last is None:
        return None
    se = view.sent_chars[last][1]
    if text[qe:se].strip():
        ns, ne = qe, se
    elif last + 1 < len(view.sent_chars) and view.para_of_sent[last + 1] == view.para_of_sent[last]:
        ns, ne = view.sent_chars[last + 1]
    else:
        return None
    return _closing_in(text, ns, ne, qs, qe)


def _closing_in(text: str, ns: int, ne: int, qs: int, qe: int) -> Attribution | None:
    """The quotation ``qs:qe`` attributed to the cue and source that ``ns:ne`` is only."""
    m = _CLOSING.match(text[ns:ne])
    if m is None:
        return None
    verb, name = (m.group("v1"), m.group("n1")) if m.group("v1") else (m.group("v2"), m.group("n2"))
    name = _strip_stop(name)
    if m.group("aux"):
        # "“…,” Jo Roe attempted to explain.": the speaker's try at saying it is a
        # report of it, when the verb tried is one of saying
        if verb.lower() not in _SAYING:
            return None
    elif verb.lower() not in _REPORTING:
        return None
    if m.group("adjunct") and re.search(r"\b(?:that|whether|if)\b", m.group("adjunct")):
        return None  # "she said in an interview that …": a clause of its own, not an adjunct
    described = name.startswith("the ") and name.split()[-1] not in _NOT_SOURCES
    if not name[:1].isupper() and not (
        (name in ("he", "she") or described) and text[qe - 2 : qe - 1] in ",!?"
    ):
        # "“…,” she bemoaned.", "“…,” the report states.": a pronoun or a described
        # source closes its own quotation, whose comma says so
        return None
    vs = ns + m.start("v1" if m.group("v1") else "v2")
    ve = vs + len(verb)
    if m.group("aux"):
        vs = ns + m.start("aux")
    ns_ = ns + text[ns:ne].index(name)
    return Attribution.quotation((vs, ve), (qs, qe), (ns_, ns_ + len(name)))


#: a speaker a recording lets one hear: "the man is heard saying", "she can be heard
#: yelling" (a passive of perception, then what the speaker does with words)
_HEARD = (
    rf"(?P<name>[Tt]he [a-z]+|he|she|{_NAME}) (?:is|was|can be|could be) (?:heard|seen) "
    r"(?P<verb>saying|yelling|shouting|screaming|telling|muttering|chanting|asking)\b"
)
_HEARD_AFTER = re.compile(rf"\s*{_HEARD}")
_HEARD_BEFORE = re.compile(rf"(?:^|\n|[.;:!?”\"]\s+){_HEARD}(?: [a-z]+)?\s*[,:]?\s*$")


def _heard(view: TokenView, sent: int, qs: int, qe: int) -> Attribution | None:
    """``“…!” the man is heard saying on camera`` / ``The man is heard muttering “…”``:
    a recording's speaker, named or described next to the quotation, whom the text says
    one hears saying it."""
    text = view.text
    last = _sentence_of(view, qe - 1)
    after = None
    if last is not None and text[qe - 2 : qe - 1] in ",!?":
        after = _HEARD_AFTER.match(text, qe, view.sent_chars[last][1])
    lo = max(0, text.rfind("\n", 0, qs) + 1, qs - 160)
    m = after or _HEARD_BEFORE.search(text[lo:qs])
    if m is None:
        return None
    base = 0 if after else lo
    name = _strip_stop(m.group("name"))
    if name in ("he", "she") and not after:
        return None  # a pronoun opening the sentence: leave it to the cue extractor
    ns = base + m.start("name") + m.group("name").index(name)
    vs = base + m.start("verb")
    return Attribution.quotation((vs, vs + len(m.group("verb"))), (qs, qe), (ns, ns + len(name)))


#: "Vale fired back, “…”", "before the moderator reminded Reed, “…”": a clause that is
#: only a source, a reporting verb (and whom it was said to) before the quotation
_OPENING = re.compile(
    rf"(?:^|\n|[.;:]\s+|\b(?:before|after|when|as|while|then|and|but|which)\s+)"
    rf"(?P<name>{_NAME}|the [a-z]+) (?P<verb>[a-z]+)(?: (?:back|in|him|her|them|{_NAME}))?\s*,\s*$"
)


#: "Dubbed “…” by Mr Farage, …", "…, branded “…” by critics,": a naming participle
#: before the quotation and its agent after it
_NAMING_BEFORE = re.compile(
    r"(?:^|\n|[.;:]\s+|,\s+)(?P<verb>(?i:dubbed|branded|labell?ed|called|described as|"
    r"hailed as|derided as))\s*$"
)
_AGENT_AFTER = re.compile(rf"^\s*by (?P<name>{_NAME})")


def _named_by(view: TokenView, qs: int, qe: int) -> Attribution | None:
    """``Dubbed “the worst deal in history” by Mr Farage, …``: the agent of a naming
    participle called the thing so; the quotation is the agent's words."""
    text = view.text
    lo = max(0, text.rfind("\n", 0, qs) + 1, qs - 60)
    m = _NAMING_BEFORE.search(text[lo:qs])
    a = _AGENT_AFTER.match(text[qe : qe + 80])
    if m is None or a is None:
        return None
    name = _strip_stop(a.group("name"))
    if not name or not name[:1].isupper():
        return None
    ns = qe + a.start("name")
    vs = lo + m.start("verb")
    return Attribution.quotation((vs, vs + len(m.group("verb"))), (qs, qe), (ns, ns + len(name)))


#: "WATCH | @Jo_Roe: “…”": an account's handle (after a label in capitals) and a colon
#: opening the line of an embedded post
_HANDLE_LABEL = re.compile(
    r"^(?:[A-Z]{3,}(?: [A-Z]{2,})?\s*[|:–—-]\s*)?(?P<handle>@[A-Za-z]\w{1,30})\s*:\s*$"
)


def _handle_label(view: TokenView, qs: int, qe: int) -> Attribution | None:
    """``WATCH | @Jo_Roe: “…”``: the account whose handle labels the quotation's line
    posted its words (the colon is the cue)."""
    text = view.text
    lo = text.rfind("\n", 0, qs) + 1
    m = _HANDLE_LABEL.match(text[lo:qs])
    if m is None:
        return None
    hs, he = lo + m.start("handle"), lo + m.end("handle")
    colon = text.index(":", he)
    return Attribution.quotation((colon, colon + 1), (qs, qe), (hs, he))


def _opening(view: TokenView, qs: int, qe: int) -> Attribution | None:
    """``Vale fired back, “…”``: the words before the quotation in its sentence end in a
    clause of a named (or described) source and a reporting verb, set off by a comma."""
    text = view.text
    lo = max(0, text.rfind("\n", 0, qs) + 1, qs - 160)
    m = _OPENING.search(text[lo:qs])
    if m is None:
        return None
    verb = m.group("verb")
    back = text[lo + m.end("verb") : lo + m.end("verb") + 5] == " back"
    chimes = verb in ("chimes", "chimed") and text[lo + m.end("verb") :].startswith(" in")
    if (
        verb not in _REPORTING
        and not (back and verb in ("fired", "shot", "hit", "wrote"))
        and not chimes  # "Another chimes in, “…”"
    ):
        return None
    name = _strip_stop(m.group("name"))
    ns, vs = lo + m.start("name"), lo + m.start("verb")
    return Attribution.quotation(
        (vs, vs + len(verb) + (5 if back else 3 if chimes else 0)), (qs, qe), (ns, ns + len(name))
    )


#: "“…,” said Trump, continuing, “…”": a participle of going on, set off by commas,
#: between two quotations of one sentence
_GOING_ON = re.compile(
    r"[,;]\s*(?:and |then |before )?(?:continuing|continued|adding|added|going on)\s*[,:]\s*$"
)


def _going_on(
    view: TokenView, qs: int, qe: int, known: Sequence[Attribution]
) -> Attribution | None:
    """``“I love it,” said Trump, continuing, “…”``: the quotation goes on with the
    attribution with a source that ends right before its ``, continuing,`` (nothing but
    that participle between them)."""
    text = view.text
    lo = max(0, text.rfind("\n", 0, qs) + 1)
    m = _GOING_ON.search(text[lo:qs])
    if m is None:
        return None
    at = lo + m.start()
    for a in known:
        if a.source is None or a.start < lo:
            continue
        end = max(a.end, a.source[1], a.cue[1])
        if end <= at and not _WORDS.search(text[end:at]):
            return Attribution.quotation(a.cue, (qs, qe), a.source, a.score)
    return None


def _dash(view: TokenView, sent: int, qs: int, qe: int) -> Attribution | None:
    """``“…” – Jeremy Hale`` / ``“…” – Hale urged.``: a dash and a name (and its
    reporting verb, which is then the cue) close the paragraph."""
    text = view.text
    end = text.find("\n", qe)
    end = len(text) if end < 0 else end
    m = _DASH.match(text[qe:end])
    if m is None or (m.group("verb") and m.group("verb") not in _REPORTING):
        return None
    name = _strip_stop(m.group("name"))
    dash = qe + re.search(r"[–—-]", text[qe:end]).start()  # type: ignore[union-attr]
    ns = qe + text[qe:end].index(name)
    cue = (dash, dash + 1)
    if m.group("verb"):
        cue = (qe + m.start("verb"), qe + m.end("verb"))
    return Attribution.quotation(cue, (qs, qe), (ns, ns + len(name)))


_WRITER = r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,3}"
_OUTLET = r"[A-Z][\w.&’'-]*(?: [A-Z][\w.&’'-]*){0,2}"
#: a headline and its byline before an excerpt: ``“Headline,” by NYT’s Jo Roe:`` /
#: ``--WSJ, Jo Roe and Al Poe, “Headline”:`` (a subtitle may follow the headline: ``“…”:
#: “…”:``); the writers are the source
_BYLINES = (
    re.compile(rf"[”\"]\s*by (?P<name>(?:{_OUTLET}[’']s )?{_WRITER}):\s*$"),
    re.compile(
        rf"(?:^|\n)\W*{_OUTLET}, (?P<name>(?:{_WRITER}, )*{_WRITER}(?:,? and {_WRITER})?)"
        rf"(?: on [A-Z]?\d+)?, (?:[“\"][^”\"\n]+[”\"]:\s*){{1,2}}$"
    ),
)


def _byline(view: TokenView, qs: int, qe: int) -> Attribution | None:
    """``“Budget Limits Await,” by WSJ’s Nick Tamm: “…”``: in a news roundup, the excerpt
    after a headline and its byline is the writers' (their colon is the cue)."""
    text = view.text
    ls = text.rfind("\n", 0, qs) + 1
    lead = text[ls:qs]
    for pattern in _BYLINES:
        m = pattern.search(lead)
        if m is not None:
            colon = ls + lead.rindex(":")
            return Attribution.quotation(
                (colon, colon + 1), (qs, qe), (ls + m.start("name"), ls + m.end("name"))
            )
    return None


def _strip_stop(name: str) -> str:
    """``Pitt.`` → ``Pitt``; ``Jr.`` and initials keep their full stop."""
    name = name.strip()
    last = name.split()[-1] if name.split() else ""
    if last.endswith(".") and len(last) > 3 and last not in ("Jr.", "Sr."):
        name = name[:-1]
    return name


def _continuing(
    view: TokenView, sent: int, qs: int, qe: int, known: Sequence[Attribution]
) -> Attribution | None:
    """A quotation opening its sentence right after an attributed sentence: the same
    paragraph's previous sentence or the previous paragraph's last one (page furniture
    such as ``Story continued below`` in between is skipped)."""
    prev = sent - 1
    skipped = 0
    while (
        prev >= 0 and view.para_of_sent[prev] != view.para_of_sent[sent] and _furniture(view, prev)
    ):
        prev -= 1
        skipped += 1
        if skipped > 2:
            return None
    if prev < 0 or view.para_of_sent[sent] - view.para_of_sent[prev] > 1 + skipped:
        return None
    ps, pe = view.sent_chars[prev]
    last = None
    for a in known:
        if a.end > qs:
            break
        if a.source is not None and ps <= a.end <= pe + 1:
            last = a
    if last is None:
        return None
    lead_in = view.text[ps:pe].rstrip().endswith((":", ","))
    reports = _reports(view, last)
    # "Colbert is certain of this:" ¶ “…” ¶ “…”: a colon closing its paragraph
    # announces speech too (a label's colon, "PENCE: …", does not)
    reports = reports or (
        view.text[last.cue[0] : last.cue[1]] == ":"
        and not view.text[
            last.cue[1] : view.text.find("\n", last.cue[1]) % (len(view.text) + 1)
        ].strip()
    )
    # "The post read: “… card.¶“On asking …”": a quotation its paragraph leaves open
    # goes on in the next paragraph's opening quotation (the convention for a quotation
    # of several paragraphs, its break sometimes lost), whatever verb introduced it
    left_open = view.para_of_sent[sent] - view.para_of_sent[prev] in (0, 1) and any(
        opens_to_paragraph_end(view.text, s, e) for s, e in last.content
    )
    if not lead_in and not reports and not left_open:
        return None  # "referring to", "labeled", "shouting": not the quotation's report
    if any(a.source is None and ps <= a.cue[0] < pe and a.cue[0] > last.cue[0] for a in known):
        return None  # a later agentless cue in that sentence: the speaker is unclear
    answerer = _asked_one(view.text, last)
    return Attribution.quotation(last.cue, (qs, qe), answerer or last.source, last.score)


#: the most words a narrative paragraph between a quotation and its continuation may have
_ASIDE_WORDS = 40
#: a paragraph that is only a participle of going on and a colon (``Adding:``): the
#: speaker of the quotation before it goes on after it
_GOING_ON_LINE = re.compile(r"^(?:(?:And|and|Then|then) )?(?P<verb>[Aa]dding|[Cc]ontinuing)\s*:$")


def _across_narrative(
    view: TokenView, sent: int, qs: int, qe: int, known: Sequence[Attribution]
) -> Attribution | None:
    """``Roe explained: “… again.`` ¶ ``In short, it would close the shops.`` ¶ ``“We
    asked for more time.”``: a paragraph that is wholly a quotation, after one short
    narrative paragraph that follows an attributed quotation, continues that
    quotation's speaker — the writer's gloss names no one else who could be speaking.
    ``Adding:`` alone between the two says so outright, and is then the cue.

    The narrative paragraph must hold no quotation and no cue, end its sentence (a
    heading or a colon's lead-in announces something else) and name no one but the
    earlier speaker; the paragraph before it must end with an attribution (with a source)
    of a quotation, reported by a verb of saying."""
    text = view.text
    para = view.para_of_sent[sent]
    if sent == 0 or text[view.sent_chars[sent][0] : qs].strip():
        return None
    aside = [k for k in range(sent) if view.para_of_sent[k] == para - 1]
    earlier = [k for k in range(sent) if view.para_of_sent[k] == para - 2]
    if not aside or not earlier or aside[-1] != sent - 1:
        return None
    a_s, a_e = view.sent_chars[aside[0]][0], view.sent_chars[aside[-1]][1]
    e_s, e_e = view.sent_chars[earlier[0]][0], view.sent_chars[earlier[-1]][1]
    gloss = text[a_s:a_e].strip()
    going_on = _GOING_ON_LINE.match(gloss)
    if going_on is None and (
        not gloss.endswith((".", "!", "?"))
        or any(c in gloss for c in '“”"')
        or len(_WORDS.findall(gloss)) > _ASIDE_WORDS
        or any(a_s <= a.cue[0] < a_e for a in known)
    ):
        return None
    last = None
    for a in known:
        if e_s <= a.end <= e_e + 1:
            last = a
    if last is None or last.source is None:
        return None
    if going_on is None and not _reports(view, last):
        return None  # "Adding:" is the verb of saying: the earlier cue needs none
    if not any(c in '“”"' for c in text[max(e_s, last.start - 1) : min(e_e, last.end + 1)]):
        return None  # the earlier paragraph's last attribution is no quotation
    if going_on is not None:
        vs = a_s + text[a_s:a_e].index(going_on.group("verb"))
        cue = (vs, vs + len(going_on.group("verb")))
        return Attribution.quotation(cue, (qs, qe), last.source, last.score)
    speaker = set(_WORDS.findall(text[last.source[0] : last.source[1]]))
    if _names_someone(text, view, aside, speaker):
        return None
    return Attribution.quotation(last.cue, (qs, qe), last.source, last.score)


def _reports(view: TokenView, a: Attribution) -> bool:
    """Is the attribution's cue a verb of saying (or a speech act done by speaking)? A
    reporting verb inside a longer cue reports too ("went on to say", "also told"); the
    cue's colon is no part of its verb ("Here's what he said:")."""
    cue = view.text[a.cue[0] : a.cue[1]].lower().replace(":", " ").split()
    return any(w in _REPORTING or w in _SPEECH_ACTS or w in ("say", "tell") for w in cue)


def _names_someone(text: str, view: TokenView, sents: Sequence[int], speaker: set[str]) -> bool:
    """Does any of the sentences name someone (or something) other than ``speaker``: a
    capitalised word inside a sentence, or one opening it that is a first name or that
    the text capitalises mid-sentence too (a proper name, not a capitalised opener)?"""
    for k in sents:
        s, e = view.sent_chars[k]
        words = re.findall(r"[\w’'-]+", text[s:e])
        for i, w in enumerate(words):
            if not w[:1].isupper() or w in speaker:
                continue
            if i > 0 or first_name_gender(w) is not None:
                return True
            if re.search(rf"[a-z,] {re.escape(w)}\b", text):
                return True
    return False


#: verbs putting a question to someone
_ASKING = frozenset(["asked", "asks"])
#: the one asked, named right after the verb, then the question in the writer's words
_ASKED = re.compile(
    r"\s+((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*)"
    r"(?=\s+(?:how|what|why|whether|if|when|where|who|about)\b)"
)


def _asked_one(text: str, last: Attribution) -> Range | None:
    """``TMZ then asked Simmons how he would solve it`` ¶ ``“…”``: after a question the
    writer words, the quotation that follows is the answer, by the one asked (a name
    right after the verb), never the asker's; ``None`` for another cue or a question
    quoted."""
    words = text[last.cue[0] : last.cue[1]].lower().split()
    if not words or words[-1] not in _ASKING or last.kind != "indirect":
        return None
    m = _ASKED.match(text, last.cue[1])
    return m.span(1) if m else None


#: verbs of a speech act whose sentence a quotation may go on with (``Trump vowed to use
#: it liberally. “My feeling is …”``): the act is done by speaking, so the quotation
#: that follows is its wording
_SPEECH_ACTS = frozenset(
    [
        "vowed",
        "vows",
        "pledged",
        "promised",
        "promises",
        "accused",
        "accuses",
        "expanded",
        "elaborated",
        "boasted",
        "urged",
        "predicted",
        "blasted",
        "slammed",
        "reprimanded",
        "recalled",
        # "“…,” he repeated once again. “Everybody knows it.”": saying it again
        "repeated",
        "repeats",
        # "…, saying he would test them. “We are not …”": the participle reports too
        "saying",
        "adding",
    ]
)


def _furniture(view: TokenView, sent: int) -> bool:
    """A short paragraph without a full stop (``Story Continued Below``,
    ``Advertisement - story continues below``): page furniture, not text."""
    s, e = view.sent_chars[sent]
    line = view.text[s:e].strip()
    return len(_WORDS.findall(line)) <= 6 and not line.endswith((".", "!", "?", "”", '"', ":"))


def closing_overrides(view: TokenView, attributions: Sequence[Attribution]) -> list[Attribution]:
    """``…, as the president likes to say, “…,” Vietor said.`` / ``Take X, who …: “…,” the
    aide said.``: a quotation that an earlier cue of its sentence swallowed, but that a
    name (or a described source) and a reporting verb close, is that closing clause's.

    The closing clause names the speaker outright; the earlier cue (a colon, a verb
    whose content ran on into the quotation) keeps only what comes before the
    quotation, and goes where nothing is left. A colon found without its subject takes
    the named subject speaking to an audience before it (``…, Lane spoke to voters:``)."""
    text = view.text
    out = list(attributions)
    for qs, qe in view.quotes:
        bare = [a for a in out if a.source is None and a.content == ((qs, qe),)]
        if bare and text[bare[0].cue[0] : bare[0].cue[1]] == ":":
            # a colon the cue tagger found without its subject: the subject speaking
            # to an audience before it is the source
            opening = _sentence_of(view, qs)
            named = None if opening is None else _audience_colon(view, opening, qs, qe)
            if named is not None and named.cue == bare[0].cue:
                out[out.index(bare[0])] = replace(bare[0], source=named.source)
        colon = [
            a
            for a in out
            if a.content == ((qs, qe),) and _ANSWER_CUE.fullmatch(text, a.cue[0], a.cue[1])
        ]
        found = _possessed_answer(view, colon[0].cue[1], qs) if colon else None
        if found is not None and (colon[0].source is None or colon[0].source[0] >= found[1]):
            # the source found inside the possessed answer is the answer itself ("Lee's
            # answer was:") or what it answers ("Lee's reply to the letter was:"): the
            # one answering is its possessor
            out[out.index(colon[0])] = replace(colon[0], source=found[0])
        sent = _sentence_of(view, qe - 1)
        if sent is None or not text[qe : view.sent_chars[sent][1]].strip():
            continue  # the closing clause must be in the quotation's own sentence
        relayed = _relayed_closing(view, out, qs, qe)
        if relayed is not None:
            outlet, own, clause = relayed
            out = [a for a in out if a is not outlet]
            out += [own, outlet.with_content(text, (clause,))]
            continue
        covering = [
            a
            for a in out
            if a.cue[1] <= qs and any(s <= qs + 1 and qe - 1 <= e for s, e in a.content)
        ]
        if not covering:
            continue
        closing = _closing(view, sent, qs, qe)
        if closing is None or closing.cue[0] < qe:
            continue
        if _relays(text, closing, covering, view.sent_chars[sent][0]):
            # "X told them there was “…,” the AP reported.": the outlet closing the
            # sentence carries X's report; the quotation stays X's, and the outlet
            # reports the clause that introduces it
            for a in covering:
                cut = tuple((s, min(e, qe)) for s, e in a.content if s < qe)
                out[out.index(a)] = a.with_content(text, cut)
            kept = _before(text, ((view.sent_chars[sent][0], qs),), qs)
            out = [a for a in out if a.cue[0] != closing.cue[0]]
            if kept:
                out.append(closing.with_content(text, kept))
            continue
        for a in covering:
            out.remove(a)
            kept = _before(text, a.content, qs)
            if kept:
                out.append(a.with_content(text, kept))
        out = [a for a in out if a.cue[0] != closing.cue[0]]
        out.append(closing)
    out.sort(key=lambda a: a.start)
    return out


#: verbs of a channel passing on someone else's report (``the AP reported``)
_RELAYING = frozenset(["reported", "reports"])


def _relayed_closing(
    view: TokenView, attributions: Sequence[Attribution], qs: int, qe: int
) -> tuple[Attribution, Attribution, Range] | None:
    """``“We will appeal,” Tom Reyes said, the Gazette reported.``: an outlet relaying a
    quotation whose own name and reporting verb close it; the quotation is that
    speaker's, and the outlet reports only the reporting clause. Gives the outlet's
    attribution, the speaker's new one and the reporting clause."""
    text = view.text
    for a in attributions:
        if (
            a.source is None
            or a.source[0] <= qe
            or text[a.cue[0] : a.cue[1]].lower() not in _RELAYING
            or not any(s <= qs + 1 and qe - 1 <= e for s, e in a.content)
        ):
            continue
        end = a.source[0]
        while end > qe and text[end - 1].isspace():
            end -= 1
        if text[end - 1 : end] != ",":
            continue
        own = _closing_in(text, qe, end - 1, qs, qe)
        start = qe
        while start < end and text[start].isspace():
            start += 1
        if own is not None and own.source is not None:
            return a, own, (start, end - 1)
    return None


def _relays(text: str, closing: Attribution, covering: Sequence[Attribution], ss: int) -> bool:
    """Does the closing clause only relay (``…, The Associated Press reported.``) a
    quotation that a verb of the same sentence, with its subject written before it,
    introduces (``Judge Ann Lee told the defendants there was “…”``)? The quotation is
    then that subject's words, not the outlet's."""
    if text[closing.cue[0] : closing.cue[1]].lower() not in _RELAYING:
        return False
    return all(
        a.source is not None
        and ss <= a.source[0]
        and a.source[1] <= a.cue[0]
        and _WORDS.search(text, a.cue[0], a.cue[1]) is not None
        for a in covering
    )


def _before(text: str, content: Sequence[tuple[int, int]], qs: int) -> tuple[tuple[int, int], ...]:
    """The content fragments cut at character ``qs``, without trailing punctuation; empty
    when no word is left."""
    kept = []
    for s, e in content:
        e = min(e, qs)
        while e > s and (text[e - 1].isspace() or text[e - 1] in ",:;–—-"):
            e -= 1
        if e > s and _WORDS.search(text[s:e]):
            kept.append((s, e))
    return tuple(kept)
