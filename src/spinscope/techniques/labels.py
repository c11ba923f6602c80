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
  *thugs*, *puppets*, *stooges*, *lackeys*, *henchmen*, *jihadis/jihadists*,
  *(right-wing) demagogues*; *terrorists* when it labels a group ("Kurdish terrorists",
  "Iranian-backed terrorists", "they are terrorists"; not "easier for terrorists");
  *the X regime* when X names a state, its people or capital, or its ruler ("the Syrian
  regime", "the Kiev regime", "Bashar al-Assad's regime"; the target is that name only:
  "September Syrian regime" -> "Syrian") — never a policy or a system ("Glass-Steagall
  regime", "tax regime", "Communist regime") and never "regime change".

Precision (hits judged by hand: does the phrase apply a loaded or disowning name to an
actor or thing?) on every hit in the 371 labelled PTC articles and 422 FakeNewsNet
texts: 192 of 231 hits (83 %), up from 175 of 223 (78 %) before "regime" was restricted
and "terrorists"/"demagogues" added; "the X regime" alone 45 of 47 (96 %, was 47 of 60:
ten were "regime change", one "Latin American regimes", one "Novus Ordo regime", one
"Marxist regimes"); the 21 new "terrorists"/"demagogue" hits, 19 right. Two real labels
are no longer found ("North Korea's Stalinist regimes", "the criminal Putinist regime").
Most remaining misses are "so-called" naming a term of art ("so-called continuing
resolution", "so-called Demilitarized Zone") and generic "terrorist organization(s)".

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
from spinscope.registry import register
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
    r"|thugs|puppets?|stooges?|lackeys?|henchm[ae]n|jihadis|jihadists?"
    r"|(?:(?:far|hard|extreme)[-\s])?(?:(?:right|left)[-\s]wing\s+)?demagogues?)\b",
    re.IGNORECASE,
)
# "terrorists" as a label for a group: named ("Hamas terrorists", "Kurdish terrorists",
# "Iranian-backed terrorists") or predicated ("they are terrorists"). Bare "terrorists"
# ("make it easier for terrorists") names no one.
_TERRORISTS = re.compile(
    r"(?:(?<![\w-])(?P<group>(?:al-|el-)?[A-Z][\w'’]*(?:-[\w'’]+)*|\w+-(?:backed|linked|based"
    r"|sponsored|inspired|affiliated|allied))"
    r"|\b(?P<pred>are|were|them|branded|labell?ed|called|(?<!such )as))"
    r"\s+(?P<cue>terrorists)\b"
)
_NOT_GROUP_WORDS = (
    "The These Those Their Its Some Many Other Most All Any Suspected Alleged Foreign Known "
    "Wanted Armed Real Actual Such No Two Three Four Five"
)
_NOT_GROUP = frozenset(_NOT_GROUP_WORDS.split())
# "the Assad regime", "the Kiev regime", "Syria's regime": up to three capitalised words
# right before "regime" (not "regime change", a policy, not a label).
_REGIME = re.compile(
    r"\b((?:(?:al-|el-)?[A-Z][\w'’.-]*\s+){1,3})regimes?\b(?![-\u2010\u2011\s]+chang)", re.UNICODE
)
# States, their people and the capitals that stand for their governments: "the X regime"
# is a label when X names a state or a ruler, not when it names a policy ("tax regime").
_GEO_NAMES = (
    "Afghan Afghanistan Albania Albanian Algeria Algerian America American Angola Arab "
    "Argentina Argentine Armenia Armenian Australia Australian Austria Austrian Azerbaijan "
    "Azerbaijani Azeri Bahrain Bahraini Bangladesh Bangladeshi Belarus Belarusian Bolivia "
    "Bolivian Bosnia Bosnian Brazil Brazilian Britain British Bulgaria Bulgarian Burma Burmese "
    "Burundi Cambodia Cambodian Cameroon Canada Canadian Chad Chadian Chile Chilean China "
    "Chinese Colombia Colombian Congo Congolese Croatia Croatian Cuba Cuban Czech Denmark Danish "
    "Ecuador Ecuadorian Egypt Egyptian Eritrea Eritrean Estonia Estonian Ethiopia Ethiopian "
    "Finland Finnish France French Georgia Georgian Germany German Greece Greek Guatemala "
    "Guatemalan Haiti Haitian Honduras Honduran Hungary Hungarian India Indian Indonesia "
    "Indonesian Iran Iranian Iraq Iraqi Ireland Irish Israel Israeli Italy Italian Japan "
    "Japanese Jordan Jordanian Kazakhstan Kazakh Kenya Kenyan Korea Korean Kosovo Kuwait "
    "Kuwaiti Kyrgyz Laos Lao Latvia Latvian Lebanon Lebanese Libya Libyan Lithuania Lithuanian "
    "Macedonia Macedonian Malaysia Malaysian Mali Malian Mexico Mexican Moldova Moldovan "
    "Mongolia Mongolian Montenegro Morocco Moroccan Mozambique Myanmar Nepal Nepali Netherlands "
    "Dutch Nicaragua Nicaraguan Niger Nigeria Nigerian Norway Norwegian Oman Omani Pakistan "
    "Pakistani Palestine Palestinian Panama Panamanian Paraguay Peru Peruvian Philippines "
    "Philippine Filipino Poland Polish Portugal Portuguese Qatar Qatari Romania Romanian Russia "
    "Russian Rwanda Rwandan Saudi Serbia Serbian Singapore Slovakia Slovak Slovenia Somalia "
    "Somali Spain Spanish Sudan Sudanese Sweden Swedish Switzerland Swiss Syria Syrian Taiwan "
    "Taiwanese Tajikistan Tajik Tanzania Thailand Thai Tunisia Tunisian Turkey Turkish Turkmen "
    "Turkmenistan Uganda Ugandan Ukraine Ukrainian Uruguay Uzbekistan Uzbek Venezuela "
    "Venezuelan Vietnam Vietnamese Yemen Yemeni Zimbabwe Zimbabwean Soviet Yugoslav "
    "U.S. US USA U.K. UK UAE DPRK PRC USSR Emirati "
    "Kabul Tirana Algiers Yerevan Canberra Vienna Baku Minsk Brasilia Ottawa Beijing Havana "
    "Cairo Asmara Addis Paris Berlin Athens Budapest Delhi Jakarta Tehran Teheran Baghdad "
    "Jerusalem Rome Tokyo Amman Nairobi Pyongyang Seoul Beirut Tripoli Mexico Rabat Managua "
    "Islamabad Manila Warsaw Lisbon Doha Bucharest Moscow Kremlin Kigali Riyadh Belgrade "
    "Mogadishu Madrid Khartoum Stockholm Damascus Taipei Bangkok Tunis Ankara Kampala Kiev "
    "Kyiv Kiyv Caracas Hanoi Sanaa Harare London Washington Ramallah Gaza Hanoi Naypyidaw"
)
_GEO = frozenset(_GEO_NAMES.split())
_GEO_PAIRS = frozenset(
    {
        ("North", "Korea"),
        ("South", "Korea"),
        ("Saudi", "Arabia"),
        ("United", "States"),
        ("Sri", "Lanka"),
        ("Tel", "Aviv"),
        ("North", "Korean"),
        ("South", "Korean"),
        ("South", "African"),
        ("South", "Africa"),
        ("El", "Salvador"),
        ("New", "Delhi"),
    }
)
# Capitalised words that are not a ruler's name: determiners and adjectives at the
# start of a sentence or a headline, policy areas ("Tax regime"), calendar words,
# titles (the name follows them), ideologies ("Communist regime" describes a system,
# not who runs it).
_NOT_NAME_WORDS = (
    "The A An This That These Those Their Its His Her Our Your My New Old Current Former "
    "Previous Present Whole Entire Military Communist Socialist Nazi Fascist Islamist "
    "Islamic Apartheid Criminal Brutal Puppet Ruling Tax Sanctions Trade Visa Customs "
    "Export Import Climate Security Control Legal Regulatory Banking Water Fiscal Monetary "
    "Exchange Rate Treatment Drug Training Diet Exercise Inspection Verification Nuclear "
    "Human Rights Price Pricing Tariff Immigration Asylum Border Oil Gas Energy Protection "
    "Privacy Data Reporting Compliance Licensing Safety Testing Care Health Medical "
    "January February March April May June July August September October November "
    "December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn "
    "Fall Winter Christmas Easter President Prime Minister King Queen Prince Emperor "
    "Supreme Leader General Colonel Sheikh Ayatollah Chairman Premier Dictator Mr Mrs Ms Dr"
)
_NOT_NAME = frozenset(_NOT_NAME_WORDS.split())

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


def _bare(word: str) -> str:
    """A word without a possessive ("Assad’s" -> "Assad")."""
    for suffix in ("'s", "’s", "'", "’"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _name_word(word: str) -> bool:
    """A word that can be (part of) a ruler's name: capitalised, letters only (an
    "al-"/"bin-" particle aside), not an acronym, calendar word or ideology."""
    core = word.split("-", 1)[1] if word[:3].lower() in {"al-", "el-"} else word
    return (
        core[:1].isupper()
        and core.isalpha()
        and not core.isupper()
        and core not in _NOT_NAME
        and not core.endswith(("ist", "ism", "ists"))
    )


def _regime_target(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The state or ruler named by the capitalised words ``text[start:end]`` before
    "regime": the last word (or pair) when it names a state ("September Syrian" ->
    "Syrian", "North Korea's"), else the trailing run of name words ("Bashar al-Assad's",
    "Kim"); ``None`` for anything else ("Glass-Steagall", "Tax", "CIA")."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[start:end])]
    words = [(start + a, start + b) for a, b in words]
    bare = [_bare(text[a:b]) for a, b in words]
    if len(bare) >= 2 and (bare[-2], bare[-1]) in _GEO_PAIRS:
        return (words[-2][0], words[-1][0] + len(bare[-1]))
    if bare[-1] in _GEO:
        return (words[-1][0], words[-1][0] + len(bare[-1]))
    first = len(words)
    while first > 0:
        word, name = text[words[first - 1][0] : words[first - 1][1]], bare[first - 1]
        # Only the last word may be possessive: "Bashar al-Assad's regime".
        if not _name_word(name) or (first < len(words) and name != word):
            break
        first -= 1
    if first == len(words):
        return None
    lone = first == len(words) - 1 and bare[first] == text[words[first][0] : words[first][1]]
    if lone and _sentence_start(text, words[first][0]):
        return None  # "Sanctions regime ..." opening a sentence: capitalised by position
    return (words[first][0], words[-1][0] + len(bare[-1]))


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n"


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
    for m in _TERRORISTS.finditer(text, start, end):
        cue = (m.start("cue"), m.end("cue"))
        group = m.group("group")
        if group is None:  # "they are terrorists"
            out.append(LabelCue(cue[0], cue[1], "pejorative", cue, None))
        elif group not in _NOT_GROUP and (
            # A capitalised word opening a sentence may be capitalised by position only
            # ("Unleashing terrorists"); a state's people or an acronym still names a group.
            group.isupper() or group in _GEO or not _sentence_start(text, m.start("group"))
        ):  # "Kurdish terrorists", "al-Qaeda terrorists"
            tgt = (m.start("group"), m.end("group"))
            out.append(LabelCue(tgt[0], cue[1], "pejorative", cue, tgt))
    for m in _REGIME.finditer(text, start, end):
        target = _regime_target(text, m.start(1), m.end(1))
        if target is None:
            continue
        cue = (m.end(1), m.end())
        out.append(LabelCue(target[0], m.end(), "pejorative", cue, target))
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
