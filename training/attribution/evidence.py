"""The evidence a speaker confidence would read: one record per shown speaker.

Every speaker the resolver links is described by a :class:`SpeakerEvidence` record,
built from what the resolver decided (:class:`~spinscope.attribution.speakers.Resolution`)
and where the source, the cue and the content lie. ``python -m training.attribution
confidence`` fits a logistic regression on it over the annotated speaker sets and
measures it by cross-validation; it was not adopted (docs/benchmarks.md, "Speaker
confidence"), so it lives with the training code.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from dataclasses import astuple, dataclass, fields

from spinscope.attribution.lexicon import CORE_VERBS
from spinscope.attribution.result import Attribution, Range
from spinscope.attribution.speakers import Resolution, Speaker, _is_person

__all__ = ["SpeakerEvidence", "speaker_evidence"]

#: a source after its cue's "according to" or a passive's "by"
_ACCORDING = re.compile(r"according\b", re.I)
_BY_BEFORE = re.compile(r"\bby\s*$", re.I)


@dataclass(frozen=True, slots=True)
class SpeakerEvidence:
    """What the confidence of one attribution's speaker is computed from (each field one
    feature of the model, in this order; flags are 0/1, counts and distances as
    ``log1p``)."""

    #: the source as resolved: a name, a pronoun, a description, people named together
    name: float
    pronoun: float
    description: float
    joint: float
    #: the source's own words parsed otherwise (``King`` read as "Don King")
    rewritten: float
    #: a speaker first met here, one met before, a source shared with an earlier cue
    new: float
    earlier: float
    shared: float
    #: characters from the speaker's last mention to the source; none within reach
    gap: float
    gap_unknown: float
    #: the speaker has a name; is a person (1), not one (0), or untold (both 0)
    named: float
    person: float
    not_person: float
    #: the source after its cue ("said X"), after "according to", after "by"
    inverted: float
    according: float
    by_agent: float
    #: the source in the sentence of the content, sentences between, characters between
    same_sentence: float
    sentences_apart: float
    chars_apart: float
    #: a quotation attributed from the text next to it, with no cue of its own
    adjacent: float
    #: other attributions with this very source range
    shared_source: float
    #: the cue tagger's score; a label's colon; a core verb of saying; the cue's words
    cue_score: float
    colon: float
    saying: float
    cue_words: float
    #: the speaker's name written inside the content
    name_in_content: float
    #: the speaker's surname (or name) in the article, its attributions
    name_count: float
    attributions: float
    #: other speakers with a source in the content's paragraph, or between source and content
    others_in_paragraph: float
    others_between: float
    #: content length (characters); a direct quotation; mixed
    content_chars: float
    direct: float
    mixed: float
    #: speakers in the article; words of the source
    speakers: float
    source_words: float

    @classmethod
    def names(cls) -> list[str]:
        """The feature names, in the model's order."""
        return [f.name for f in fields(cls)]

    def vector(self) -> list[float]:
        return [float(x) for x in astuple(self)]


def _log(n: float) -> float:
    return math.log1p(max(0.0, n))


def _sentence(sents: Sequence[Range], starts: Sequence[int], pos: int) -> int:
    """Index of the sentence holding ``pos`` (the one before, between sentences)."""
    return max(0, bisect.bisect_right(starts, pos) - 1) if sents else 0


def _paragraph(text: str, pos: int) -> Range:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _key(sp: Speaker) -> str | None:
    """The word the article writes the speaker by: a person's surname, else the name."""
    if not sp.name:
        return None
    return sp.name.split()[-1] if _is_person(sp) is not False else sp.name


def speaker_evidence(
    text: str,
    sents: Sequence[Range],
    atts: Sequence[Attribution],
    speakers: Sequence[Speaker],
    links: Sequence[int | None],
    resolutions: Sequence[Resolution | None],
) -> list[SpeakerEvidence | None]:
    """Per attribution, the evidence for its speaker (``None`` where it has none)."""
    starts = [s for s, _ in sents]
    out: list[SpeakerEvidence | None] = []
    for k, att in enumerate(atts):
        sid, how = links[k], resolutions[k]
        if sid is None or how is None or att.source is None or not att.content:
            out.append(None)
            continue
        out.append(_evidence(text, sents, starts, atts, speakers, links, k, sid, how))
    return out


def _evidence(
    text: str,
    sents: Sequence[Range],
    starts: Sequence[int],
    atts: Sequence[Attribution],
    speakers: Sequence[Speaker],
    links: Sequence[int | None],
    k: int,
    sid: int,
    how: Resolution,
) -> SpeakerEvidence:
    att = atts[k]
    sp = speakers[sid]
    src = att.source
    assert src is not None
    c0, c1 = att.content[0][0], att.content[-1][1]
    person = _is_person(sp)
    s_src, s_content = (_sentence(sents, starts, p) for p in (src[0], c0))
    apart = 0 if src[1] <= c1 and src[0] >= c0 else min(abs(c0 - src[1]), abs(src[0] - c1))
    if any(s <= src[0] < e for s, e in att.content):
        apart = 0
    key = _key(sp)
    content_text = " ".join(text[s:e] for s, e in att.content)
    pattern = re.compile(rf"\b{re.escape(key)}\b") if key else None
    para = _paragraph(text, c0)
    lo, hi = sorted((src[1], c0))
    others_para, others_between = set(), set()
    for j, b in enumerate(atts):
        other = links[j]
        if other is None or other == sid or b.source is None:
            continue
        if para[0] <= b.source[0] < para[1]:
            others_para.add(other)
        if lo <= b.source[0] < hi:
            others_between.add(other)
    gap = how.gap
    cue_text = text[att.cue[0] : att.cue[1]]
    return SpeakerEvidence(
        name=float(how.mention == "name"),
        pronoun=float(how.mention == "pronoun"),
        description=float(how.mention == "description"),
        joint=float(how.mention == "joint"),
        rewritten=float(how.parsed != how.mention),
        new=float(how.linked == "new"),
        earlier=float(how.linked == "earlier"),
        shared=float(how.linked == "shared"),
        gap=_log(gap) if gap is not None else 0.0,
        gap_unknown=float(gap is None),
        named=float(sp.name is not None),
        person=float(person is True),
        not_person=float(person is False),
        inverted=float(src[0] >= att.cue[1]),
        according=float(bool(_ACCORDING.match(text, att.cue[0], att.cue[1]))),
        by_agent=float(bool(_BY_BEFORE.search(text, max(0, src[0] - 6), src[0]))),
        same_sentence=float(s_src == s_content),
        sentences_apart=_log(abs(s_src - s_content)),
        chars_apart=_log(apart),
        adjacent=float(att.origin == "adjacent"),
        shared_source=_log(sum(1 for j, b in enumerate(atts) if j != k and b.source == src)),
        cue_score=float(att.score),
        colon=float(cue_text.strip() == ":"),
        saying=float(any(w.strip(",:") in CORE_VERBS for w in cue_text.lower().split())),
        cue_words=_log(len(cue_text.split())),
        name_in_content=float(bool(pattern and pattern.search(content_text))),
        name_count=_log(len(pattern.findall(text)) if pattern else 0),
        attributions=_log(len(sp.attributions)),
        others_in_paragraph=_log(len(others_para)),
        others_between=_log(len(others_between)),
        content_chars=_log(sum(e - s for s, e in att.content)),
        direct=float(att.kind == "direct"),
        mixed=float(att.kind == "mixed"),
        speakers=_log(len(speakers)),
        source_words=_log(len(text[src[0] : src[1]].split())),
    )
