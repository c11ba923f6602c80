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

from spinscope.attribution.lexicon import CORE_VERBS, INVERTING
from spinscope.attribution.result import Attribution
from spinscope.attribution.text import TokenView

__all__ = ["attribute_adjacent_quotes"]

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
            "concluded",
            "continued",
            "told",
            "wrote",
            "tweeted",
            "posted",
            "admitted",
            "conceded",
        ]
    )
)
_NAME = r"(?:(?:[A-Z][\w.’'-]*|of|the|de|van|von|al) ?){1,5}"
# "Quipped Pitt." / "Pitt quipped." / "said Ms. Lane." — a sentence that is only a cue
# and its source
_CLOSING = re.compile(
    rf"^\s*(?:(?P<v1>[A-Za-z]+) (?P<n1>{_NAME})|(?P<n2>{_NAME}) (?P<v2>[a-z]+))\s*[.!]?\s*$"
)
_DASH = re.compile(rf"^\s*[–—-]{{1,2}}\s*(?P<name>{_NAME})\s*$")
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
        if len(_WORDS.findall(body)) < 4 or body.isupper():
            continue
        if any(s <= qs + 1 and qe - 1 <= e for s, e in covered):
            continue
        sent = _sentence_of(view, qs)
        if sent is None:
            continue
        ss = view.sent_chars[sent][0]
        att = _closing(view, sent, qs, qe) or _dash(view, sent, qs, qe)
        if att is None and not text[ss:qs].strip() and _whole_sentences(view, qe):
            att = _continuing(view, sent, qs, qe, known)
        if att is not None:
            out.append(att)
            covered.append((att.start, att.end))
            # the next quotation may continue this one: "She told the paper:" ¶ “…” ¶ “…”
            known = sorted([*known, att], key=lambda a: a.end)
    return out


def _whole_sentences(view: TokenView, qe: int) -> bool:
    """Does the quotation end its sentence (nothing but punctuation after it)?"""
    last = _sentence_of(view, qe - 1)
    if last is None:
        return False
    return not _WORDS.search(view.text[qe : view.sent_chars[last][1]])


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
    m = _CLOSING.match(text[ns:ne])
    if m is None:
        return None
    verb, name = (m.group("v1"), m.group("n1")) if m.group("v1") else (m.group("v2"), m.group("n2"))
    name = _strip_stop(name)
    if verb.lower() not in _REPORTING or not name[:1].isupper():
        return None
    vs = ns + text[ns:ne].index(verb, 0 if m.group("v1") else len(m.group("n2")))
    ns_ = ns + text[ns:ne].index(name)
    return Attribution(
        cue=(vs, vs + len(verb)),
        content=((qs, qe),),
        source=(ns_, ns_ + len(name)),
        kind="direct",
        score=1.0,
    )


def _dash(view: TokenView, sent: int, qs: int, qe: int) -> Attribution | None:
    """``“…” – Jeremy Hale``: a dash and a name close the paragraph."""
    text = view.text
    end = text.find("\n", qe)
    end = len(text) if end < 0 else end
    m = _DASH.match(text[qe:end])
    if m is None:
        return None
    name = _strip_stop(m.group("name"))
    dash = qe + re.search(r"[–—-]", text[qe:end]).start()  # type: ignore[union-attr]
    ns = qe + text[qe:end].index(name)
    return Attribution(
        cue=(dash, dash + 1),
        content=((qs, qe),),
        source=(ns, ns + len(name)),
        kind="direct",
        score=1.0,
    )


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
    # "Here's what he said:" ¶ “…” ¶ “…”: the cue's colon is no part of its verb
    cue = view.text[last.cue[0] : last.cue[1]].lower().replace(":", " ").split()
    lead_in = view.text[ps:pe].rstrip().endswith((":", ","))
    if not lead_in and not (cue and cue[0] in _REPORTING):
        return None  # "referring to", "labeled", "shouting": not the quotation's report
    if any(a.source is None and ps <= a.cue[0] < pe and a.cue[0] > last.cue[0] for a in known):
        return None  # a later agentless cue in that sentence: the speaker is unclear
    return Attribution(
        cue=last.cue,
        content=((qs, qe),),
        source=last.source,
        kind="direct",
        score=last.score,
    )


def _furniture(view: TokenView, sent: int) -> bool:
    """A short paragraph without a full stop (``Story Continued Below``,
    ``Advertisement - story continues below``): page furniture, not text."""
    s, e = view.sent_chars[sent]
    line = view.text[s:e].strip()
    return len(_WORDS.findall(line)) <= 6 and not line.endswith((".", "!", "?", "”", '"', ":"))
