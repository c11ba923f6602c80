"""The ``labels.v1`` component: the words a text uses to label actors, and in whose voice.

Name-calling is the technique analysts ask about first ("the *so-called* White
Helmets", "*pseudo-humanitarian* personnel", "*terror outfits*"), and the one the PTC
annotators were least consistent about: of the 28 uses of "so-called" in the 371
labelled PTC articles only 14 % lie inside a gold span — the same as an average word
(13 %) — and of 22 "terror(ist) group/outfit/..." phrases 36 %. A model faithful to PTC
(``techniques.v1``) therefore leaves most of them unmarked, correctly by its training
data. This component is the other, deliberately separate view: a small, documented
lexicon of **labelling devices**, reported as what they are — cues with the label they
apply and the voice that applies it — never as model predictions, never with a
probability, and never in the SemEval outputs.

Kinds (the span's ``label``):

* ``distancing`` — a marker that disowns the name it precedes: *so-called*,
  *self-styled*, *self-proclaimed*, *self-appointed*, *pseudo-*;
* ``pejorative`` — a name that files an actor under a hated or feared category:
  *terror/terrorist outfit, gang, cell, network, group, organisation, militia, army*;
  *thugs*, *puppets*, *stooges*, *lackeys*, *henchmen*, *jihadis/jihadists*;
  *the <Name> regime*.

Each span's ``attrs``: ``cue`` (the marker's own range), ``target`` (the range of the
name it applies to, when there is one), ``technique`` (``Name_Calling,Labeling``) with
its definition, and ``voice``: ``own`` (the article's words), ``reported`` (indirect
speech: the article's wording of someone's claim, so the outlet adopted the label) or
``quoted`` (inside a direct quote), with ``speaker`` when attributed. Voice needs the
``attributions`` group (``attribution.v1`` earlier in the pipeline); without it every
label is ``own``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from spinscope.document import Document, Span
from spinscope.pipeline import register
from spinscope.techniques.definitions import DEFINITIONS

__all__ = [
    "GROUP",
    "LabelCue",
    "LabelUse",
    "LabelsComponent",
    "LabelsProfile",
    "find_labels",
    "labels_profile",
]

GROUP = "labels"
TECHNIQUE = "Name_Calling,Labeling"

_DASH = r"\-\u2010\u2011"
# "so-called", "so called", "self-styled", "self-proclaimed", "self-appointed".
_DISTANCING = re.compile(
    rf"\b(?:so[{_DASH} ]called|self[{_DASH}](?:styled|proclaimed|appointed))\b", re.IGNORECASE
)
# "pseudo-humanitarian", "pseudo-science" (the marker is the prefix of one word).
# ("pseudonym" is not one: the hyphen is required, except in "pseudoscience".)
_PSEUDO = re.compile(rf"\bpseudo[{_DASH}]\w[\w{_DASH}]*\w|\bpseudoscien\w*", re.IGNORECASE)
_PEJORATIVE = re.compile(
    r"\b(?:terror(?:ist)?\s+(?:outfit|gang|cell|network|group|organi[sz]ation|militia|army)s?"
    r"|thugs|puppets?|stooges?|lackeys?|henchm[ae]n|jihadis|jihadists?)\b",
    re.IGNORECASE,
)
# "the Assad regime", "the Kiev regime": a capitalised name right before "regime".
_REGIME = re.compile(r"\b((?:[A-Z][\w'’.-]*\s+){1,3})regimes?\b")

_WORD = re.compile(r"[\w'’]+(?:[" + _DASH + r"][\w'’]+)*")
# Words that end a lowercase target ("so-called evidence of ..." -> "evidence").
_STOP_WORDS = (
    "a an the of in on at to for from by with and or but as that which who whom whose "
    "is are was were be been being has have had do does did will would can could may "
    "might must shall should this these those it its their his her our your my we they "
    "he she you i not no because after before than then so"
)
_STOP = frozenset(_STOP_WORDS.split())
# Joining words allowed inside a capitalised name ("Organization for the Prohibition of
# Chemical Weapons"). Not "and": "the so-called White Helmets and the Syrian Army" is two.
_NAME_JOIN = frozenset({"of", "for", "the", "al", "de", "du", "la", "von", "van"})
_QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»"}
#: The longest target taken after a distancing marker (words).
MAX_TARGET_WORDS = 8


@dataclass(frozen=True, slots=True)
class LabelCue:
    """One labelling device found in a text.

    Attributes:
        start, end: the highlighted range (marker and target).
        kind: ``distancing`` or ``pejorative``.
        cue: the marker's own ``(start, end)``.
        target: the ``(start, end)`` of the name the label applies to, if any.
    """

    start: int
    end: int
    kind: str
    cue: tuple[int, int]
    target: tuple[int, int] | None


def _target_after(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """The name that follows ``pos``: a quoted phrase, a capitalised name, or one word
    (an adjective-like first word takes the next one too: "free media")."""
    i = pos
    while i < limit and text[i] in " \t":
        i += 1
    if i >= limit:
        return None
    if text[i] in _QUOTES:
        close = text.find(_QUOTES[text[i]], i + 1, min(limit, i + 80))
        if close > i + 1:
            return (i, close + 1)
        return None
    words: list[tuple[int, int]] = []
    for m in _WORD.finditer(text, i, limit):
        gap = text[words[-1][1] if words else i : m.start()]
        if words and gap.strip():
            break  # punctuation between words ends the name
        if "\n" in gap:
            break
        words.append((m.start(), m.end()))
        if len(words) >= MAX_TARGET_WORDS:
            break
    if not words:
        return None
    first = text[words[0][0] : words[0][1]]
    if first.lower() in _STOP:
        return None
    if first[0].isupper():
        end = words[0][1]
        for k in range(1, len(words)):
            w = text[words[k][0] : words[k][1]]
            if w[0].isupper():
                end = words[k][1]
            elif w.lower() not in _NAME_JOIN:
                break
        return (words[0][0], end)
    end = words[0][1]
    if len(words) > 1:
        second = text[words[1][0] : words[1][1]]
        if second.lower() not in _STOP and second[0].islower() and _adjectival(first):
            end = words[1][1]
    return (words[0][0], end)


_ADJ_ENDINGS = ("al", "ic", "ive", "ous", "ary", "ful", "less", "an", "ist", "ed", "ent", "ant")
_ADJ_WORDS = frozenset({"free", "democratic", "independent", "humanitarian", "moderate", "fake"})


def _adjectival(word: str) -> bool:
    w = word.lower()
    return w in _ADJ_WORDS or "-" in w or w.endswith(_ADJ_ENDINGS)


def find_labels(text: str, start: int = 0, end: int | None = None) -> list[LabelCue]:
    """Labelling devices in ``text[start:end]`` (offsets index ``text``), in text order."""
    end = len(text) if end is None else end
    out: list[LabelCue] = []
    for m in _DISTANCING.finditer(text, start, end):
        tgt = _target_after(text, m.end(), end)
        if tgt is None:
            continue  # "is so called because ...": no name follows
        out.append(LabelCue(m.start(), tgt[1], "distancing", (m.start(), m.end()), tgt))
    for m in _PSEUDO.finditer(text, start, end):
        tgt = _target_after(text, m.end(), end)
        stop = m.end()
        if tgt is not None and text[tgt[0]].islower() and tgt[0] - m.end() <= 1:
            stop = _WORD.match(text, tgt[0]).end()  # type: ignore[union-attr]
        out.append(LabelCue(m.start(), stop, "distancing", (m.start(), m.end()), None))
    for m in _PEJORATIVE.finditer(text, start, end):
        out.append(LabelCue(m.start(), m.end(), "pejorative", (m.start(), m.end()), None))
    for m in _REGIME.finditer(text, start, end):
        name = m.group(1).rstrip()
        if name.split()[0] in {"The", "A", "This", "That", "Their", "Its"}:
            first = m.start(1) + len(name.split()[0]) + 1
            if first >= m.start(1) + len(name):
                continue  # "The regime": no name
        else:
            first = m.start(1)
        cue = (m.end(1), m.end())
        out.append(LabelCue(first, m.end(), "pejorative", cue, (first, m.start(1) + len(name))))
    out.sort(key=lambda c: (c.start, -c.end))
    kept: list[LabelCue] = []
    for c in out:
        if kept and c.start < kept[-1].end:
            continue  # "so-called terror outfits": the outer device is enough
        kept.append(c)
    return kept


def _voice(doc: Document, cue: tuple[int, int]) -> dict[str, Any]:
    if not doc.has_group("attributions"):
        return {"voice": "own"}
    for a in doc.group("attributions"):
        if not a.attrs.get("source"):
            continue  # "is known for ...": a source-less hedge, the article's own voice
        for part in a.attrs.get("content", ()):
            if part["start"] <= cue[0] and cue[1] <= part["end"]:
                speaker = a.attrs.get("speaker") or {}
                voice = "quoted" if a.attrs.get("kind") == "direct" else "reported"
                out: dict[str, Any] = {"voice": voice}
                if speaker.get("name"):
                    out["speaker"] = speaker["name"]
                return out
    return {"voice": "own"}


def _range(r: tuple[int, int]) -> dict[str, int]:
    return {"start": r[0], "end": r[1]}


#: What each kind of labelling device does (shown with the highlighted span).
KIND_DEFINITIONS = {
    "distancing": "A marker that disowns the name it precedes ('so-called', "
    "'self-styled', 'pseudo-'), inviting doubt about the actor without an argument.",
    "pejorative": "A name that files an actor under a feared or hated category "
    "('terror outfit', 'thugs', 'the X regime') instead of describing what it does.",
}


class LabelsComponent:
    """Adds the ``labels`` span group (see the module docstring)."""

    def __call__(self, doc: Document) -> Document:
        spans = []
        for a, b in doc.content_ranges():
            for c in find_labels(doc.text, a, b):
                attrs: dict[str, Any] = {
                    "cue": _range(c.cue),
                    "technique": TECHNIQUE,
                    "technique_name": DEFINITIONS[TECHNIQUE].name,
                    "definition": KIND_DEFINITIONS[c.kind],
                    **_voice(doc, c.cue),
                }
                if c.target is not None:
                    attrs["target"] = _range(c.target)
                spans.append(Span(c.start, c.end, c.kind, None, attrs))
        doc.set_spans(GROUP, spans)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


@register(
    "labels.v1",
    assigns=(GROUP,),
    # Whose voice uses a label comes from the attributions: without them every label
    # would read as the article's own.
    requires=("attributions",),
    uses=("boilerplate",),
    languages=("en",),
    description="labelling devices (so-called, pseudo-, terror outfits...) and their voice",
)
def make_labels() -> LabelsComponent:
    """Build the component (a lexicon: nothing to load)."""
    return LabelsComponent()


# -- profile -------------------------------------------------------------------------

#: Voices, in the order reports list them.
VOICES = ("own", "reported", "quoted")


@dataclass(frozen=True, slots=True)
class LabelUse:
    """One labelling device as reports show it: what, and in whose voice."""

    start: int
    end: int
    text: str
    kind: str
    voice: str
    speaker: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "voice": self.voice,
            "speaker": self.speaker,
        }


@dataclass(frozen=True, slots=True)
class LabelsProfile:
    """The labels of one article (``labels`` group), outside boilerplate, in text order."""

    uses: tuple[LabelUse, ...]

    @property
    def by_voice(self) -> dict[str, int]:
        """Uses per voice (all three voices, zeros included)."""
        counts = dict.fromkeys(VOICES, 0)
        for u in self.uses:
            counts[u.voice] += 1
        return counts

    def headline(self) -> str:
        n = len(self.uses)
        if not n:
            return "no labelling devices"
        own = self.by_voice["own"]
        return f"{n} labelling device{'s' * (n != 1)}, {own} in the article's own voice"

    def to_dict(self) -> dict[str, Any]:
        return {
            "labels": len(self.uses),
            "by_voice": self.by_voice,
            "uses": [u.to_dict() for u in self.uses],
        }


def labels_profile(doc: Document) -> LabelsProfile:
    """The :class:`LabelsProfile` of ``doc``'s ``labels`` group.

    Spans may come from anywhere (a JSON file, a hand-built document): an unknown voice
    counts as ``own`` and a speaker that is not a string is dropped.
    """
    ranges = doc.content_ranges()
    uses = []
    for s in doc.group(GROUP) if doc.has_group(GROUP) else ():
        if not any(a <= s.start and s.end <= b for a, b in ranges):
            continue
        voice = s.attrs.get("voice")
        speaker = s.attrs.get("speaker")
        uses.append(
            LabelUse(
                s.start,
                s.end,
                doc.span_text(s),
                s.label,
                voice if voice in VOICES else "own",
                speaker if isinstance(speaker, str) and speaker.strip() else None,
            )
        )
    return LabelsProfile(tuple(uses))
