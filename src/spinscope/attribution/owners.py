"""Quotations whose owner the grammar names inside another attribution.

A report often quotes one person's words inside a sentence about another: ``The vice
president criticized Trump's suggestion that skipping taxes “makes me smart.”``, ``The
paper reported that Carlson said the rifles are not needed to “hunt deer.”``,
``According to the network, the town hall will focus on “jobs and schools.”`` The
words in the marks are not the sentence subject's: they belong to the possessor of a
speech noun (``Trump's suggestion``), to the subject of a reporting clause embedded in
the content (``Carlson said``), or to the source of a fronted ``According to X,``
whose clause has no reporting verb of its own.

Such a quotation gets an attribution of its own, with that owner as its source, and
leaves the content of the attribution that swallowed it. Where no such owner is
written, nothing changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spinscope.attribution.lexicon import CORE_VERBS, INVERTING, SPEECH_NOUNS
from spinscope.attribution.result import Attribution
from spinscope.attribution.text import Range, TokenView

__all__ = [
    "content_without",
    "fold_nested_quotations",
    "inner_quotation_owners",
    "quotation_owners",
]

_NAME = r"(?:[A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|de|van|von|al))*)"
_SPEECH_NOUNS = rf"(?:{'|'.join(sorted(SPEECH_NOUNS))})"
#: ``Trump's suggestion that``, ``his statement that``: a speech noun, its possessor and
#: the clause giving its wording, which the quotation in it repeats (``Trump's
#: statement was “true”`` judges the statement: its words are not quoted)
_POSSESSED = re.compile(
    rf"(?<![\w’'])(?P<name>{_NAME}[’']s|his|her|their|His|Her|Their)"
    rf"(?: (?:own|earlier|recent|latest|repeated|public|initial|first))? "
    rf"(?P<cue>{_SPEECH_NOUNS}) that\b"
)
#: ``the neocons’ claims that``, ``Democrats’ warning that``: a plural possessor, its
#: apostrophe after the plural's ``s``, owns the speech noun the same way
_POSSESSED_PLURAL = re.compile(
    rf"(?<![\w’'])(?P<name>(?:(?:the|The) )?[A-Za-z][a-z-]*[a-z]s)[’']"
    rf"(?: (?:own|earlier|recent|latest|repeated|public|initial|first))? "
    rf"(?P<cue>{_SPEECH_NOUNS}) that\b"
)
#: ``Hale's inquiry about “…”``: the quotation right after a possessed question or
#: request gives its wording (``refused to answer Hale's question “…”``)
_ASKED = re.compile(
    rf"(?<![\w’'])(?P<name>{_NAME}[’']s|his|her|their|His|Her|Their)"
    rf" (?P<cue>inquiry|inquiries|question|questions|query|queries|request|demand)"
    rf"(?: (?:about|as to))?[,:]?\s*$"
)
#: ``(a move the White House statement called “unjust”)``: a name (or its statement)
#: that calls something by the quoted words owns them
_CALLED = re.compile(
    rf"(?<![\w’'])(?:the )?(?P<name>{_NAME})(?: (?:statement|spokesman|spokeswoman))?"
    rf" (?P<cue>called|calls|termed|dubbed|labeled|labelled|branded)\s*$"
)
#: ``Witnesses said Traore called Halimi a “demon”``: one who calls someone (a name, a
#: pronoun, an appositive after it) by the quoted words owns them (``called on X to``,
#: ``called for``: no naming)
_CALLED_SOMEONE = re.compile(
    rf"(?<![\w’'])(?P<name>{_NAME}) (?P<cue>called|calls|branded|brands|labeled|labelled)"
    rf" (?!on\b|for\b|off\b|up\b|out\b|in\b|back\b)(?:{_NAME}|him|her|them|me|us)"
    rf"(?:, (?:the |his |her |their )?[a-z]+,)? (?:a|an)\s*$"
)
#: ``then heard Franken say “…”``: the one heard saying the quoted words owns them
_HEARD = re.compile(
    rf"\b(?:heard|hear|hears|hearing) (?P<name>{_NAME}) "
    rf"(?P<cue>say|saying|tell|telling|shout|shouting|yell|yelling|ask|asking)(?: [a-z]+)?,?\s*$"
)
_SAYING = (
    r"(?:said|says|told|tells|stated|states|claimed|claims|argued|argues|insisted|"
    r"insists|wrote|writes|tweeted|added|adds|declared|declares|warned|warns|announced|"
    r"announces|confirmed|confirms)"
)
#: ``… reported that Carlson said that …``, ``what she said were …``, ``noted that
#: defense lawyers said …``: a reporting clause of its own inside the content, with a
#: named, pronoun or unnamed group subject
#: a group or official the text does not name (``defense lawyers``, ``the officials``)
_GROUP = (
    r"(?:(?:the|his|her|their) )?(?:[a-z-]+ ){0,2}"
    r"(?:lawyers|attorneys|officials|prosecutors|aides|advisers|advisors|investigators|"
    r"officers|experts|researchers|analysts|witnesses|critics|spokesman|spokeswoman|"
    r"spokesperson|lawyer|attorney|prosecutor|department|ministry|agency|company|police)"
)
_EMBEDDED = re.compile(
    rf"(?:\b(?:that|what|and|but|because|as|when)|[,;])\s+(?P<name>{_NAME}|{_GROUP}|he|she|they)"
    rf" (?:also |later |then |had |has )?(?P<cue>{_SAYING})\b"
)
#: ``The IG said they found it in May, and Jordan asked “…”``: a question or an answer
#: of its own, coordinated after the content of another's report, right before the
#: quotation it gives
_ANSWERED = re.compile(
    rf"(?:\b(?:and|but|while)|[,;])\s+(?P<name>{_NAME})"
    rf" (?:then |later )?(?P<cue>asked|asks|replied|replies|responded|responds|answered)"
    rf"[,:]?\s*$"
)
#: ``Clinton said Reed was rooting for a crash, to which the mogul responded, “…”``: the
#: one answering in a relative clause, named or described
_TO_WHICH = re.compile(
    rf"\b[Tt]o which (?P<name>{_NAME}|the (?:[a-z-]+ ){{0,3}}[a-z-]+|he|she|they)"
    rf" (?:has |had )?(?:[a-z]+ly )?(?P<cue>responded|replied|answered|retorted|said)"
    rf"[,:]?\s*$"
)
#: ``an email from Kelly saying: “…”``, ``with HMRC saying it will “…”``: the name right
#: before a speech participle (after ``from``, ``with``, ``by``) is the one saying it
_NAMED_PARTICIPLE = re.compile(
    rf"\b(?:from|with|by) (?P<name>{_NAME}) "
    rf"(?P<cue>saying|writing|stating|claiming|arguing|warning|insisting|telling|promising)\b"
)
#: a fronted ``According to X,`` opening the quotation's sentence
_ACCORDING = re.compile(rf"^\W*(?P<cue>According to) (?P<name>(?:the )?{_NAME}),\s")
_REPORTING = CORE_VERBS | INVERTING
_WORDS = re.compile(r"[\w’']+")


def quotation_owners(view: TokenView, attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions, with each quotation whose owner the grammar names inside an
    attribution that is not that owner's moved to an attribution of its own."""
    text = view.text
    out = list(attributions)
    for qs, qe in view.quotes:
        covering = [
            a for a in out if a.cue[1] <= qs and any(s <= qs and qe <= e for s, e in a.content)
        ]
        if not covering and (moved := _according_after(text, out, qs, qe)) is not None:
            out = moved
            continue
        if len(covering) != 1:
            continue
        outer = covering[0]
        owner = _owner(view, outer, qs)
        if owner is None:
            continue
        (ns, ne), (cs, ce) = owner
        if outer.source is not None and _same(text, outer.source, (ns, ne)):
            continue
        out.remove(outer)
        kept = content_without(text, outer.content, qs, qe)
        if kept:
            out.append(outer.with_content(text, kept))
        out.append(Attribution.quotation((cs, ce), (qs, qe), (ns, ne), outer.score))
    out.sort(key=lambda a: a.start)
    return out


#: ``“…,” according to authorities,`` right after a quotation: its nearer source
_ACCORDING_AFTER = re.compile(
    rf"^[,”\"]*\s+(?P<cue>according to) (?P<name>(?:the )?(?:{_NAME}|[a-z]+(?: [a-z]+)?)),"
)


def _according_after(
    text: str, attributions: Sequence[Attribution], qs: int, qe: int
) -> list[Attribution] | None:
    """``The risk is “very high,” according to authorities, and it could spread, the
    agency warned``: the quotation an ``according to`` phrase right after it sources
    leaves the content of the report whose cue comes later in the sentence, for an
    attribution of its own. ``None`` when there is no such phrase, or no one such report."""
    m = _ACCORDING_AFTER.match(text[qe : qe + 80])
    if m is None or "\n" in m.group():
        return None
    ns, ne = qe + m.start("name"), qe + m.end("name")
    covering = [
        a for a in attributions if a.cue[0] >= ne and any(s <= qs and qe <= e for s, e in a.content)
    ]
    if len(covering) != 1 or text[ne : covering[0].cue[0]].count(".") > 0:
        return None
    outer = covering[0]
    if outer.source is not None and _same(text, outer.source, (ns, ne)):
        return None
    out = [a for a in attributions if a is not outer]
    kept = content_without(text, outer.content, qs, ne + 1)
    if kept:
        out.append(outer.with_content(text, kept))
    cue = (qe + m.start("cue"), qe + m.end("cue"))
    out.append(Attribution.quotation(cue, (qs, qe), (ns, ne), outer.score))
    out.sort(key=lambda a: a.start)
    return out


#: a line break after a title (``the Rev.`` ¶ ``Fernando Karadima``) inside one sentence:
#: a line cut of a text laid out one sentence per line, no new paragraph
_TITLE_BREAK = re.compile(r"\b[A-Z][a-z]{1,4}\.\n(?=[A-Z])")


def _owner(view: TokenView, outer: Attribution, qs: int) -> tuple[Range, Range] | None:
    """``(source, cue)`` of the owner the text between ``outer``'s cue and the quotation
    names (the last one before it), or the ``According to`` source of a sentence whose
    cue reports nothing; ``None`` when the grammar names none."""
    text = view.text
    sent = next((k for k, (s, e) in enumerate(view.sent_chars) if s <= qs < e), None)
    if sent is None:
        return None
    ss = view.sent_chars[sent][0]
    lo = max(outer.cue[1], ss)
    between = text[lo:qs]
    if (counted := _according_subject(view, outer, ss, qs)) is not None:
        return counted
    mark = max(between.rfind(c) for c in '“”"')
    if mark >= 0:
        # "Jo said “…” given Lee’s remarks that …": an owner named after an earlier
        # quotation of the sentence still names this one's
        lo += mark + 1
        between = text[lo:qs]
    if "\n" in _TITLE_BREAK.sub(" ", between):
        return None  # another paragraph lies in between
    best: tuple[Range, Range] | None = None
    patterns = (
        _POSSESSED,
        _POSSESSED_PLURAL,
        _EMBEDDED,
        _ANSWERED,
        _TO_WHICH,
        _ASKED,
        _CALLED,
        _CALLED_SOMEONE,
        _HEARD,
        _NAMED_PARTICIPLE,
    )
    for pattern in patterns:
        for m in pattern.finditer(between):
            name = m.group("name")
            if name.endswith(("’s", "'s")):
                name = name[:-2]
            ns = lo + m.start("name")
            found = ((ns, ns + len(name)), (lo + m.start("cue"), lo + m.end("cue")))
            if best is None or found[1][0] > best[1][0]:
                best = found
    if best is not None:
        return best
    return _according(view, outer, ss)


def _according(view: TokenView, outer: Attribution, ss: int) -> tuple[Range, Range] | None:
    """``According to TVNewser, the town hall will focus on “…”``: the fronted source,
    where ``outer``'s cue (after it) is no reporting verb — the clause's subject then
    does not speak, the named source does."""
    text = view.text
    m = _ACCORDING.match(text[ss : outer.cue[0]])
    if m is None or outer.cue[0] < ss + m.end():
        return None
    cue_words = [w.lower() for w in _WORDS.findall(text[outer.cue[0] : outer.cue[1]])]
    if any(w in _REPORTING for w in cue_words):
        return None  # "According to X, Trump said “…”": Trump speaks, X reports it
    name = m.group("name")
    ns = ss + m.start("name")
    return (ns, ns + len(name)), (ss + m.start("cue"), ss + m.end("cue"))


#: people described by a number or a quantifier, the subject of a clause after a
#: fronted ``According to X,`` (``65 women who know him said``)
_PEOPLE_HEADS = frozenset(
    [
        *("people", "women", "men", "residents", "experts", "officials", "lawmakers"),
        *("students", "parents", "members", "voters", "witnesses", "doctors", "workers"),
        *("scientists", "researchers", "leaders", "employees", "teachers", "veterans"),
    ]
)
_COUNTED = (
    r"(?:\d[\d,]*|[Ss]ome|[Mm]any|[Ss]everal|[Dd]ozens of|[Hh]undreds of|[Tt]wo|[Tt]hree|"
    r"[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)"
)
#: ``According to Breitbart, on Friday, 65 women … defended him and said he has always
#: behaved “…”``: the fronted source, optional fronted phrases of time or place, then a
#: subject of counted people whose clause reports the quotation itself
_ACCORDING_SUBJECT = re.compile(
    rf"^\W*According to [^,“”\"]+, (?:(?:on|in|at|last|this|earlier|later)\b[^,“”\"]*, )*"
    rf"(?P<name>{_COUNTED} (?:[a-z-]+ ){{0,2}}?(?P<head>[a-z]+))\b[^“”\"\n]*?"
    rf"\b(?P<cue>said|says|told|tells|wrote|writes|stated|states|declared|insisted)\b"
    # an earlier quotation of the same clause ("behaved “…” and treated “…”")
    rf"(?:[^“”\"\n]|“[^“”\"\n]*”)*$"
)


def _according_subject(
    view: TokenView, outer: Attribution, ss: int, qs: int
) -> tuple[Range, Range] | None:
    """``According to Breitbart, 65 women … said he has always behaved “honorably”``:
    the counted people whose own reporting clause gives the quotation, not the source
    that reports their words. ``None`` unless ``outer`` is that fronted ``According to``."""
    text = view.text
    if text[outer.cue[0] : outer.cue[1]].lower() != "according to":
        return None
    m = _ACCORDING_SUBJECT.match(text[ss:qs])
    if m is None or outer.cue[0] >= ss + m.start("name"):
        return None
    head = m.group("head")
    if head not in _PEOPLE_HEADS:
        return None
    return (ss + m.start("name"), ss + m.end("name")), (ss + m.start("cue"), ss + m.end("cue"))


def _same(text: str, a: Range, b: Range) -> bool:
    """Do the two mentions end in the same word (``Carlson`` / ``Gretchen Carlson``)?"""
    wa, wb = _WORDS.findall(text[a[0] : a[1]]), _WORDS.findall(text[b[0] : b[1]])
    return bool(wa and wb) and wa[-1].lower() == wb[-1].lower()


def content_without(
    text: str, content: Sequence[Range], qs: int, qe: int
) -> tuple[tuple[int, int], ...]:
    """The content fragments without the quotation ``[qs, qe)`` (a fragment around it
    splits in two), without edge punctuation; fragments with no word are dropped."""
    kept = []
    for s, e in content:
        for a, b in ((s, min(e, qs)), (max(s, qe), e)):
            while a < b and (text[a].isspace() or text[a] in ",:;–—-"):
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in ",:;–—-"):
                b -= 1
            if b > a and _WORDS.search(text[a:b]):
                kept.append((a, b))
    return tuple(kept)


#: words opening the reporting clause, capitalised at a sentence's start
_LEAD_WORDS = ("as", "and", "but", "when", "then", "because", "while", "like", "so")
_LEADS = "|".join([*_LEAD_WORDS, *(w.capitalize() for w in _LEAD_WORDS)])
#: capitalised words that are no reported speaker: the one quoting (``I said, ‘…’``) or no one
_NO_REPORTER = frozenset(["I", "We", "You", "It", "This", "That", "There", "What"])
#: ``as Ann Lee said, ‘…’``, ``Lee would say to me: ‘…’``, ``and everybody says, ‘…’``:
#: a speaker inside a quotation reporting someone else's words, which a nested quotation
#: gives; the reporter (the clause's subject) opens a clause of the outer quotation
_INNER_REPORT = re.compile(
    rf"(?:^|[,;:.!?(—–-]\s*|\b(?:{_LEADS})\s+)"
    rf"(?P<name>{_NAME}|(?:[Ee]verybody|[Ee]veryone|[Ss]omebody|[Ss]omeone|[Pp]eople|he|she|"
    rf"they|He|She|They))"
    rf"(?: (?:would|will|could|might|always|once|then|also|just|never|still|even|"
    rf"used to|would always|had|has|have|kept|keeps))*"
    rf" (?P<cue>said|says|say|saying|told|tells|tell|asked|asks|ask|wrote|writes|replied|"
    rf"replies|added|adds|shouted|shouts|yelled|yells|tweeted|tweets|declared|declares)"
    rf"(?: (?:to|at) (?:me|us|him|her|them|you)"
    # "Lee told women: ‘…’", "Lee wrote once, ‘…’": whom the verb addressed, or an
    # adverb, one plain word before the comma or colon that opens the words
    rf"|(?: the)? [a-z]+(?=[,:]))?[,:]?\s*$"
)
#: ``Lee praised him as ‘a role model’``, ``Lee called it ‘a disgrace’``: one who names
#: someone or something by the nested quotation's words owns them
_INNER_NAMING = re.compile(
    rf"(?<![\w’'])(?P<name>{_NAME})"
    rf" (?P<cue>praised|hailed|called|described|branded|labeled|labelled|dubbed)"
    rf" (?:him|her|them|it|me|us)(?: as)?\s*$"
)


def inner_quotation_owners(
    view: TokenView, attributions: Sequence[Attribution]
) -> list[Attribution]:
    """The attributions, with each quotation nested in a quotation (``“We will win, and as
    Ann Lee said, ‘Let it come out.’ We are ready,” Ray said.``) that a speaker inside the
    outer quotation reports given an attribution of its own: those words are the
    reported speaker's, not the one quoting them. The outer attribution keeps the rest."""
    text = view.text
    out = list(attributions)
    for qs, qe in view.quotes:
        for ns_ne, (cs, ce), (is_, ie) in _inner_reports(text, qs, qe):
            for a in [a for a in out if any(s <= is_ and ie <= e for s, e in a.content)]:
                out.remove(a)
                kept = content_without(text, a.content, is_, ie)
                if kept:
                    out.append(a.with_content(text, kept))
            out.append(Attribution.quotation((cs, ce), (is_, ie), ns_ne))
    out.sort(key=lambda a: a.start)
    return out


def _inner_reports(text: str, qs: int, qe: int) -> list[tuple[Range | None, Range, Range]]:
    """``(source, cue, nested quotation)`` of each nested quotation in the quotation
    ``[qs, qe)`` that a reporting clause inside it introduces; the source is ``None``
    where the reporter is someone the clause does not name (``my daughter said, ‘…’``)."""
    found: list[tuple[Range | None, Range, Range]] = []
    start = qs + 1
    double = text[qs] == "“" and text[qe - 1] == "”"
    while True:
        k = _next_single_opener(text, start, qe - 1, double)
        if k is None:
            return found
        # a nested double mark closes before the outer quotation's own closing mark
        close = _single_closer(text, text[k], k + 1, qe - 1 if text[k] == "“" else qe)
        if close is None:
            return found
        m = _INNER_REPORT.search(text[qs + 1 : k]) or _INNER_NAMING.search(text[qs + 1 : k])
        name = _reporter(text, qs + 1 + m.start("name"), qs + 1 + m.end("name")) if m else None
        if m is not None and name is not None:
            cue = (qs + 1 + m.start("cue"), qs + 1 + m.end("cue"))
            found.append((name, cue, (k, close)))
        elif m is None and (other := _unnamed_report(text[qs + 1 : k])) is not None:
            found.append((None, (qs + 1 + other[0], qs + 1 + other[1]), (k, close)))
        start = close


def _reporter(text: str, start: int, end: int) -> Range | None:
    """The reported speaker's name in ``text[start:end]`` without a capitalised clause
    opener run into it (``And Lee``), or ``None`` when it names the one quoting (``And
    I``) or no one."""
    words = text[start:end].split(" ")
    while words and words[0].lower() in _LEAD_WORDS:
        start += len(words.pop(0)) + 1
    if not words:
        return None
    base = re.split(r"[’']", words[0], maxsplit=1)[0]
    if base in _NO_REPORTER:
        return None
    if base != words[0]:
        # "he’d say, ‘…’": a pronoun with a contraction is the pronoun, never a name
        return (start, start + len(base)) if base in _CONTRACTED_PRONOUNS else None
    return (start, end)


#: a verb of saying that ends the clause before a nested quotation (``and said, ‘…’``,
#: ``he mumbled “yes”``, ``the message said in part “…”``), with whom it addressed
_OTHERS_CUE = re.compile(
    r"(?<![\w’'])(?P<cue>said|says|say|told|tells|asked|asks|wrote|writes|replied|replies|"
    r"answered|answers|responded|mumbled|muttered|whispered|shouted|yelled|screamed|"
    r"added|adds|declared|read|reads|promised|promising)"
    r"(?: in part| to (?:me|us|him|her|them))?[,:]?\s*$"
)
#: words that may stand between a reporting verb and its subject (``I would always say``)
_BETWEEN_SUBJECT = frozenset(
    [
        "would",
        "will",
        "could",
        "might",
        "always",
        "once",
        "then",
        "also",
        "just",
        "never",
        "still",
        "even",
        "simply",
        "had",
        "has",
        "have",
        "did",
        "does",
        "finally",
        "later",
        "should",
        "must",
        "may",
        "can",
        "shall",
        "not",
        "to",
    ]
)
#: the one quoting as a reporter: their own words, or a listener's (``you say, ‘…’``)
_FIRST_PERSON = frozenset(["i", "we", "i’d", "we’d", "i'd", "we'd", "you", "you’d", "you'd"])
#: a relative pronoun taking a verb: a clause whose subject is a third party's, even
#: where the sentence opens with the one quoting (``I have a source that has … said``)
_RELATIVE = re.compile(r"\b(?:who|that)\s+(?:has|had|have|is|was|would|will|\w+ed|\w+s)\b")


def _unnamed_report(before: str) -> Range | None:
    """The cue's range in ``before`` (the outer quotation up to a nested one) when a
    verb of saying ends it whose subject is a third party the clause does not name
    (``My daughter … said, ‘…’``, ``the message said in part “…”``, ``he mumbled
    “yes”``): those words are no more the one quoting than a named reporter's, and
    are nobody's it can tell. ``None`` where the one quoting is the reporter (``I
    said, ‘…’``, ``I called and said, ‘…’``) or no verb of saying comes first."""
    m = _OTHERS_CUE.search(before)
    if m is None:
        return None
    clause = re.split(r"[.!?;]\s", before[: m.start()])[-1]
    words = [w.strip(",:()—–") for w in clause.split()]
    words = [w for w in words if w]
    while words and (words[-1].lower() in _BETWEEN_SUBJECT or words[-1].endswith("ly")):
        if words.pop().lower() == "to" and words:
            words.pop()  # "I wanted to say", "I had to tell them": the verb "to" follows
    if not words:
        return None
    last = words[-1].lower()
    if last in _FIRST_PERSON:
        return None
    coordinated = last in ("and", "but", "then") and words[0].lower() in _FIRST_PERSON
    if coordinated and _RELATIVE.search(clause) is None:
        return None  # "I called and said, ‘…’": the one quoting still speaks
    if last in ("was", "were", "is", "are", "be", "been", "being"):
        return None  # "what was said was": a passive names no one, nor says who
    return (m.start("cue"), m.end("cue"))


#: pronouns a contraction may follow in a reporting clause (``He’d say``)
_CONTRACTED_PRONOUNS = frozenset(["He", "She", "They", "he", "she", "they"])


def _next_single_opener(text: str, start: int, end: int, double: bool = False) -> int | None:
    """The first nested opening mark in ``text[start:end]`` at a word's start: a single
    mark, or with ``double`` (a curly double quotation around it) a curly double one too
    (``“In 1993, Lee told women: “You’re …” In 1994 …”``: the quoted post's own marks)."""
    marks = "‘'“" if double else "‘'"
    for k in range(start, end):
        opens = k == 0 or text[k - 1].isspace() or text[k - 1] in ":(—"
        if text[k] in marks and opens and k + 1 < end and not text[k + 1].isspace():
            return k
    return None


def _single_closer(text: str, mark: str, start: int, end: int) -> int | None:
    """End (exclusive) of the nested quotation opened by ``mark``: its closing mark, one
    not between two letters (``we’re`` is an apostrophe)."""
    closer = {"‘": "’", "“": "”"}.get(mark, "'")
    for j in range(start, end):
        if text[j] == closer and not (j + 1 < end and text[j + 1].isalnum()):
            return j + 1
    return None


def fold_nested_quotations(text: str, attributions: Sequence[Attribution]) -> list[Attribution]:
    """The attributions with each nested quotation's own attribution (see
    :func:`inner_quotation_owners`) folded back into the quotation around it. PolNeAR
    gives a token to one attribution only and annotates the outer quotation whole, its
    reporting clause and nested quotation included; its layout needs the fold."""
    out = list(attributions)
    for inner in list(out):
        if len(inner.content) != 1:
            continue
        # a reporter the outer quotation does not name leaves the verb as its anchor
        anchor = inner.cue[0] if inner.source is None else inner.source[0]
        s, e = inner.content[0]
        if text[s] not in "‘'“":
            continue
        for outer in out:
            if outer is inner:
                continue
            lo, hi = outer.content[0][0], outer.content[-1][1]
            if not (lo <= anchor and inner.cue[1] <= hi):
                continue
            if text[s] == "“" and not lo < s < hi:
                continue  # a double mark is nested only inside the outer quotation's span
            if "“" not in text[lo:anchor] and '"' not in text[lo:anchor]:
                continue
            if hi < s and _WORDS.search(text[hi:s]):
                continue
            while e < len(text) and text[e] in '”"':
                e += 1  # the mark closing the outer quotation right after the nested one
            content = sorted([*outer.content, (s, e)])
            out[out.index(outer)] = outer.with_content(text, _joined(text, content))
            out.remove(inner)
            break
    return out


def _joined(text: str, content: Sequence[Range]) -> tuple[Range, ...]:
    """Content fragments with those only punctuation or spaces apart made one."""
    out: list[Range] = []
    for s, e in content:
        if out and not _WORDS.search(text[out[-1][1] : s]):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)
