"""Own-voice assertions: what the article states without attributing it to anyone.

A sentence (outside boilerplate) is an own-voice assertion when less than half of its
characters belong to an attribution that has a source (the source, the cue or the
content). Attributions *without* a source (``X is known for ...``, ``it is
believed ...``) do not remove a sentence: an agentless attribution is the article
speaking, and the cue is recorded as an ``unsourced`` hedge. Questions, one- to
three-word lines and lines ending in a colon (``No comments:``) are not assertions.

Hedges are recorded with their offsets: epistemic markers (``alleged``,
``so-called``, ``purported``, ``reportedly``, ``suspected``...), modals (``may``,
``might``, ``could``) and the unsourced cues above
that hedge (``is believed``, ``seems``; not ``was``, ``asked`` or ``named``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from spinscope.attribution.result import Attribution

__all__ = ["HEDGES", "Assertion", "find_assertions", "find_hedges"]

Range = tuple[int, int]

#: hedge pattern -> kind
HEDGES: dict[str, str] = {
    r"alleged(?:ly)?": "epistemic",
    r"so[- ]called": "distancing",
    r"purported(?:ly)?": "epistemic",
    r"reported(?:ly)?(?= \w+ed\b| to\b)|reportedly": "epistemic",
    r"suspected": "epistemic",
    r"apparent(?:ly)?": "epistemic",
    r"supposed(?:ly)?": "epistemic",
    r"unconfirmed|unverified": "epistemic",
    r"claimed": "epistemic",
    r"(?:seem|appear)(?:s|ed)? to": "epistemic",
    r"(?:is|are|was|were) (?:believed|thought|said|estimated|understood) to": "agentless",
    # The impersonal passive before a that-clause ("It is understood that …", "it was
    # widely reported that …") names no source whether or not the cue tagger scores it.
    r"it (?:is|was|has been|had been) (?:(?:widely|generally|long|now|also|further) )?"
    r"(?:believed|thought|said|understood|reported|rumou?red|alleged|claimed|suspected"
    r"|estimated) that": "agentless",
    r"(?:is|are|was|were) estimated": "agentless",
    r"(?:is|are|was|were) known (?:for|to|as)": "agentless",
    r"may|might|could|possibly|perhaps|likely|probably": "modal",
}
#: an agentless cue that hedges (``is believed``, ``seems``, ``has long been known``): other
#: cues with no source (``was``, ``asked``, ``named``, ``once again``) are not hedges
_UNSOURCED_HEDGE = re.compile(
    r"^(?:it )?(?:is|are|was|were|be|been|being|has been|have been|had been|long been) "
    r"(?:(?:widely|long|generally|often) )?"
    r"(?:said|believed|thought|reported|alleged|accused(?: of)?|claimed|expected|estimated|"
    r"understood|rumou?red|known(?: to| as| for)?|suspected|considered|"
    r"(?:seen|regarded|viewed) as)$"
    r"|^(?:(?:widely|long|generally|often) )?(?:regarded|seen|viewed|considered) as$"
    r"|^(?:widely|long|generally|often) (?:known|believed|thought|reported)(?: to| as| for)?$"
    r"|^(?:alleged|claimed|suspected|expected|accused of|reportedly|according to reports)$"
    r"|^(?:seem|appear)(?:s|ed)?(?: to)?$"
)
_HEDGE_RE = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in HEDGES) + r")\b", re.I)
_KINDS = [(re.compile(rf"^(?:{p})$", re.I), k) for p, k in HEDGES.items()]


@dataclass(frozen=True)
class Assertion:
    """A sentence the article asserts in its own voice."""

    start: int
    end: int
    score: float
    hedges: tuple[dict[str, object], ...]

    @property
    def hedged(self) -> bool:
        return bool(self.hedges)

    def to_attrs(self) -> dict[str, object]:
        return {"hedged": self.hedged, "hedges": list(self.hedges)}


def find_hedges(text: str, start: int, end: int) -> list[dict[str, object]]:
    """Hedge markers in ``text[start:end]`` as ``{"start","end","text","kind"}``."""
    out: list[dict[str, object]] = []
    for m in _HEDGE_RE.finditer(text, start, end):
        kind = next((k for rx, k in _KINDS if rx.match(m.group())), "epistemic")
        if kind == "modal" and m.group() != m.group().lower():
            continue  # "May" the month, not the modal
        if _not_hedging(text, m.start(), m.end()):
            continue
        out.append({"start": m.start(), "end": m.end(), "text": m.group(), "kind": kind})
    return out


def _not_hedging(text: str, start: int, end: int) -> bool:
    """A hedge word used for something else: permission (``You may opt out``), inability
    (``She could not``, ``could never``), evidence (``it became apparent that``) or a
    reporting verb with its agent (``the inspector general alleged,``)."""
    word = text[start:end].lower()
    before = text[max(0, start - 12) : start].lower()
    after = text[end : end + 8].lower()
    if word in ("may", "might", "could") and re.search(r"\byou\s+$", before):
        return True
    if word == "could" and re.match(r"\s*(?:not|n[’']t|never)\b|n[’']t", after):
        return True
    if word == "apparent" and re.search(r"\b(?:became|become|becomes|is|was)\s+$", before):
        return True
    return word in ("alleged", "claimed") and bool(re.match(r"\s*(?:[,.;:]|that\b)", after))


def _coverage(start: int, end: int, ranges: Sequence[Range]) -> float:
    covered = 0
    pos = start
    for s, e in sorted(ranges):
        s, e = max(s, pos), min(e, end)
        if e > s:
            covered += e - s
            pos = e
    return covered / max(1, end - start)


def find_assertions(
    text: str,
    sentences: Sequence[Range],
    attributions: Sequence[Attribution],
    content_ranges: Sequence[Range] | None = None,
) -> list[Assertion]:
    """Own-voice assertions among ``sentences`` given the article's attributions."""
    # Sorted by start, so that each sentence looks only at the attributions that can
    # reach it: linear in the article, not sentences × attributions.
    sourced = sorted((a.start, a.end) for a in attributions if a.source is not None)
    sourced_starts = [r[0] for r in sourced]
    longest = max((end - start for start, end in sourced), default=0)
    unsourced = sorted((a for a in attributions if a.source is None), key=lambda a: a.cue[0])
    cue_starts = [a.cue[0] for a in unsourced]
    allowed = sorted(content_ranges) if content_ranges is not None else None
    allowed_starts = [r[0] for r in allowed] if allowed is not None else []
    out = []
    for s, e in sentences:
        if allowed is not None:
            k = bisect.bisect_right(allowed_starts, s) - 1
            if k < 0 or not s < allowed[k][1]:
                continue
        sent = text[s:e].strip()
        words = re.findall(r"\w+", sent)
        if len(words) < 4 or sent.endswith(("?", ":")) or sent.isupper():
            continue
        lo = bisect.bisect_left(sourced_starts, s - longest)
        hi = bisect.bisect_left(sourced_starts, e)
        cov = _coverage(s, e, [r for r in sourced[lo:hi] if s < r[1]])
        if cov >= 0.5:
            continue
        hedges = find_hedges(text, s, e)
        taken = [(cast(int, h["start"]), cast(int, h["end"])) for h in hedges]
        for a in unsourced[bisect.bisect_left(cue_starts, s) : bisect.bisect_left(cue_starts, e)]:
            cue = " ".join(text[a.cue[0] : a.cue[1]].lower().split())
            if not _UNSOURCED_HEDGE.match(cue):
                continue  # "was", "asked", "named", "voted against": agentless, not hedging
            # One hedge per stretch of text: the cue "is understood" inside "it is
            # understood that" is the same hedge.
            if not any(hs < a.cue[1] and a.cue[0] < he for hs, he in taken):
                hedges.append(
                    {
                        "start": a.cue[0],
                        "end": a.cue[1],
                        "text": text[a.cue[0] : a.cue[1]],
                        "kind": "unsourced",
                    }
                )
                taken.append(a.cue)
        hedges.sort(key=lambda h: (int(str(h["start"])), int(str(h["end"]))))
        out.append(Assertion(s, e, round(1.0 - cov, 3), tuple(hedges)))
    return out
