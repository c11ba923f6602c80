"""The article-level profiles that reports show, computed once and made safe to render.

Two profiles, each shown only when its span groups are present:

* the **technique profile** (``techniques`` group): techniques per 1,000 words, counts
  per technique with human names, and the most confident spans with their text,
  score and definition (:func:`spinscope.techniques.profile.technique_profile`);
* the **sourcing profile** (``attributions`` and/or ``assertions``): who says what, the
  share of the article attributed to a source, and what it asserts in its own voice
  with its hedges (:func:`spinscope.attribution.profile.sourcing_profile`);
* the **labels profile** (``labels``): the labelling devices and the voice that uses
  each (:func:`spinscope.techniques.labels.labels_profile`).

The analysis components write the span attributes these read, but a document can come
from anywhere (a JSON file, a hand-built test): every attribute is checked, and a
malformed one is dropped rather than crashing the report.

Not a stable API: renderers in this package use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spinscope.attribution.profile import SourcingProfile, sourcing_profile
from spinscope.document import Document, Span
from spinscope.reports._layout import (
    ATTRIBUTION_GROUP,
    OWN_VOICE_GROUP,
    Finding,
    as_range,
    display_text,
)
from spinscope.techniques.definitions import DEFINITIONS
from spinscope.techniques.labels import GROUP as LABELS_GROUP
from spinscope.techniques.labels import LabelsProfile, LabelUse, labels_profile
from spinscope.techniques.profile import TechniqueProfile, technique_profile

__all__ = [
    "TECHNIQUE_GROUP",
    "LabelsView",
    "OwnVoice",
    "Profiles",
    "SourcingView",
    "Statement",
    "TechniqueCount",
    "TechniqueView",
    "TopTechnique",
    "profile_dicts",
    "profiles",
    "technique_name",
    "trim",
]

#: The span group of propaganda techniques.
TECHNIQUE_GROUP = "techniques"

#: Most confident technique spans shown.
TOP_K = 5

#: Longest statement or assertion text shown (the rest is cut with "…").
STATEMENT_CHARS = 400


def trim(text: str, limit: int = STATEMENT_CHARS) -> str:
    """``text`` on one line, control characters made visible, cut at ``limit``."""
    flat = " ".join(display_text(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def technique_name(label: str) -> str:
    """The human name of a PTC label (``Name_Calling,Labeling`` → ``Name calling``)."""
    technique = DEFINITIONS.get(label)
    return technique.name if technique is not None else label


# -- technique profile -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TechniqueCount:
    """One row of the counts table."""

    label: str
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class TopTechnique:
    """One of the most confident technique spans."""

    label: str
    name: str
    score: float | None
    text: str
    definition: str
    index: int | None  # the finding's number, if it is one


@dataclass(frozen=True, slots=True)
class TechniqueView:
    """What the reports show of a :class:`TechniqueProfile`."""

    profile: TechniqueProfile
    counts: tuple[TechniqueCount, ...]
    top: tuple[TopTechnique, ...]

    @property
    def headline(self) -> str:
        p = self.profile
        return (
            f"{p.spans:,} technique span{'s' * (p.spans != 1)} in {p.words:,} "
            f"word{'s' * (p.words != 1)}: {p.per_1000_words:.1f} per 1,000 words"
        )


def _finding_index(found: Sequence[Finding]) -> dict[tuple[str, int, int, str], int]:
    index: dict[tuple[str, int, int, str], int] = {}
    for f in found:
        index.setdefault((f.group, f.span.start, f.span.end, f.span.label), f.index)
    return index


def _technique_view(doc: Document, found: Sequence[Finding]) -> TechniqueView:
    profile = technique_profile(doc, k=TOP_K)
    counts = [
        TechniqueCount(label, technique_name(label), n) for label, n in profile.counts.items() if n
    ]
    # Labels outside the 14 PTC techniques (another model, a hand-made file) still count.
    extra = Counter(
        s.label
        for s in doc.group(TECHNIQUE_GROUP)
        if s.label not in profile.counts and not doc.is_boilerplate(s)
    )
    counts += [TechniqueCount(label, label or "(no label)", n) for label, n in extra.items()]
    counts.sort(key=lambda c: (-c.count, c.name))
    index = _finding_index(found)
    spans: dict[tuple[int, int, str], Span] = {}
    for s in doc.group(TECHNIQUE_GROUP):
        spans.setdefault((s.start, s.end, s.label), s)
    top = []
    for t in profile.top:
        span = spans.get((t.start, t.end, t.label))
        own = span.attrs.get("definition") if span is not None else None
        # The span's own definition (what the findings table shows) comes first.
        definition = own if isinstance(own, str) and own else t.definition
        top.append(
            TopTechnique(
                label=t.label,
                name=technique_name(t.label),
                score=span.score if span is not None else t.score,
                text=t.text,
                definition=definition,
                index=index.get((TECHNIQUE_GROUP, t.start, t.end, t.label)),
            )
        )
    return TechniqueView(profile, tuple(counts), tuple(top))


# -- sourcing profile --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Statement:
    """One row of the "who says what" table.

    Attributes:
        speaker: the speaker's name; ``None`` for an unnamed or missing source.
        role: the speaker's role or, for an unnamed source, its description.
        affiliation: what the speaker is grouped under (a country where evident).
        source: how the article names the source, when no speaker was resolved.
        kind: ``direct``, ``indirect`` or ``mixed`` (or ``None``).
        cue: the reporting words.
        content: what is attributed, on one line.
        index: the attribution's number among the report's findings.
        anonymous: the source is named by description only ("officials").
        unsourced: no source at all ("is known for"): the article's own voice.
    """

    speaker: str | None
    role: str | None
    affiliation: str | None
    source: str | None
    kind: str | None
    cue: str
    content: str
    index: int | None
    anonymous: bool = False
    unsourced: bool = False

    @property
    def who(self) -> str:
        """The speaker column in one string."""
        if self.unsourced:
            return "no source named"
        if self.speaker:
            return self.speaker
        if self.anonymous:
            return f"unnamed: {self.role}" if self.role else "unnamed source"
        return self.source or "unresolved source"

    @property
    def describe(self) -> str:
        """Role and affiliation (each left out when the speaker column already says it)."""
        parts = []
        if self.role and not (self.anonymous and not self.speaker):
            parts.append(self.role)
        if self.affiliation and self.affiliation.casefold() not in self.who.casefold():
            parts.append(self.affiliation)
        return " · ".join(parts)


@dataclass(frozen=True, slots=True)
class OwnVoice:
    """An own-voice assertion: a sentence the article states without a source."""

    text: str
    hedges: tuple[str, ...]
    index: int | None


@dataclass(frozen=True, slots=True)
class SourcingView:
    """What the reports show of a :class:`SourcingProfile`."""

    profile: SourcingProfile
    statements: tuple[Statement, ...]
    assertions: tuple[OwnVoice, ...]
    has_attributions: bool
    has_assertions: bool
    has_sentences: bool

    @property
    def hedged(self) -> int:
        return sum(1 for a in self.assertions if a.hedges)

    def headline(self) -> list[str]:
        """The summary, as short phrases."""
        p = self.profile
        out: list[str] = []
        if self.has_attributions:
            sourced = sum(1 for s in self.statements if not s.unsourced)
            phrase = f"{sourced:,} attributed statement{'s' * (sourced != 1)}"
            if self.has_sentences:
                phrase += f" ({p.attributed_share:.0%} of the text)"
            out.append(phrase)
        if self.has_assertions:
            n = len(self.assertions)
            phrase = f"{n:,} own-voice assertion{'s' * (n != 1)}"
            if n:
                phrase += f", {self.hedged:,} hedged"
            if self.has_sentences:
                phrase += f" ({p.own_voice_share:.0%} of the text)"
            out.append(phrase)
        return out

    def by_affiliation(self) -> str:
        """``"Russia 5 · Western 1"``: attributed statements per affiliation."""
        return " · ".join(f"{display_text(k)} {v}" for k, v in self.profile.by_group.items())


#: What the profile groups speakers under when it knows no affiliation.
_NO_AFFILIATION = frozenset({"anonymous", "unaffiliated"})


def _affiliation(group: str | None, affiliation: str | None) -> str | None:
    """The profile's group (the country where evident, else the affiliation), unless it
    only says that there is no affiliation."""
    if group and (affiliation or group not in _NO_AFFILIATION):
        return group
    return _str(affiliation)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _clean_attribution(span: Span, n: int, ids: dict[tuple[Any, ...], int]) -> Span:
    a = span.attrs
    source = as_range(a.get("source"), n)
    cue = as_range(a.get("cue"), n) or (span.start, span.start)
    raw = a.get("content")
    content = [r for r in (as_range(c, n) for c in (raw if isinstance(raw, list) else [])) if r]
    speaker: dict[str, Any] | None = None
    sp = a.get("speaker")
    if isinstance(sp, Mapping) and source is not None:
        fields = {k: _str(sp.get(k)) for k in ("name", "role", "affiliation", "mention")}
        sid = sp.get("id")
        if type(sid) is not int:
            # Without an id, the profile would merge every such speaker into one row:
            # give the same (name, role, affiliation) the same made-up id.
            key = (fields["name"], fields["role"], fields["affiliation"])
            sid = ids.setdefault(key, -2 - len(ids))
        speaker = {"id": sid, **fields}
    return Span(
        span.start,
        span.end,
        span.label,
        span.score,
        {
            "source": None if source is None else {"start": source[0], "end": source[1]},
            "cue": {"start": cue[0], "end": cue[1]},
            "content": [{"start": s, "end": e} for s, e in content],
            "kind": _str(a.get("kind")),
            "speaker": speaker,
        },
    )


def _clean_assertion(span: Span, text: str) -> Span:
    raw = span.attrs.get("hedges")
    hedges = []
    for h in raw if isinstance(raw, list) else []:
        r = as_range(h, len(text))
        if r is None:
            continue
        words = _str(h.get("text")) or text[r[0] : r[1]]
        hedges.append({"start": r[0], "end": r[1], "text": words, "kind": _str(h.get("kind"))})
    return Span(span.start, span.end, span.label, span.score, {"hedges": hedges})


def _sanitised(doc: Document) -> Document:
    """A copy of ``doc`` whose attribution and assertion attrs have the documented shape."""
    n = len(doc.text)
    ids: dict[tuple[Any, ...], int] = {}
    spans: dict[str, Iterable[Span]] = {
        name: doc.group(name) for name in ("sentences", "boilerplate") if doc.has_group(name)
    }
    spans[ATTRIBUTION_GROUP] = [_clean_attribution(s, n, ids) for s in doc.group(ATTRIBUTION_GROUP)]
    spans[OWN_VOICE_GROUP] = [_clean_assertion(s, doc.text) for s in doc.group(OWN_VOICE_GROUP)]
    return Document(doc.text, id=doc.id, spans=spans)


def _sourcing_view(doc: Document, found: Sequence[Finding]) -> SourcingView:
    clean = _sanitised(doc)
    profile = sourcing_profile(clean)
    index = _finding_index(found)
    extent = {(g, start, end): i for (g, start, end, _), i in reversed(index.items())}
    # The profile's statements carry the attribution's extent: map it back to the span.
    by_extent: dict[tuple[int, int], list[Span]] = {}
    for s in clean.group(ATTRIBUTION_GROUP):
        by_extent.setdefault((s.start, s.end), []).append(s)

    def take(st: Mapping[str, Any]) -> tuple[Span | None, int | None]:
        candidates = by_extent.get((st["start"], st["end"])) or []
        span = candidates.pop(0) if candidates else None
        if span is None:
            return None, None
        return span, index.get((ATTRIBUTION_GROUP, span.start, span.end, span.label))

    rows: list[Statement] = []
    for row in profile.speakers:
        for st in row.statements:
            _, number = take(st)
            rows.append(
                Statement(
                    speaker=_str(row.name),
                    role=_str(row.role),
                    affiliation=_affiliation(row.group, row.affiliation),
                    source=_str(st.get("mention")),
                    kind=_str(st.get("kind")),
                    cue=trim(str(st.get("cue") or "")),
                    content=trim(str(st.get("content") or "")),
                    index=number,
                    anonymous=row.name is None,
                )
            )
    for st in profile.unsourced:
        span, number = take(st)
        source = None
        if span is not None:
            r = as_range(span.attrs.get("source"), len(doc.text))
            source = trim(doc.text[r[0] : r[1]], 80) if r else None
        rows.append(
            Statement(
                speaker=None,
                role=None,
                affiliation=None,
                source=source,
                kind=_str(st.get("kind")),
                cue=trim(str(st.get("cue") or "")),
                content=trim(str(st.get("content") or "")),
                index=number,
                unsourced=source is None,
            )
        )
    assertions = tuple(
        OwnVoice(
            text=trim(str(a.get("text") or "")),
            hedges=tuple(
                trim(str(h["text"]), 60)
                for h in a.get("hedges", [])
                if isinstance(h, Mapping) and h.get("text")
            ),
            index=extent.get((OWN_VOICE_GROUP, a["start"], a["end"])),
        )
        for a in profile.assertions
    )
    return SourcingView(
        profile=profile,
        statements=tuple(rows),
        assertions=assertions,
        has_attributions=doc.has_group(ATTRIBUTION_GROUP),
        has_assertions=doc.has_group(OWN_VOICE_GROUP),
        has_sentences=doc.has_group("sentences") and len(doc.sentences) > 0,
    )


# -- labels profile ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LabelsView:
    """What the reports show of a :class:`LabelsProfile`: each use with its finding number."""

    profile: LabelsProfile
    uses: tuple[tuple[LabelUse, int | None], ...]

    @staticmethod
    def used_by(use: LabelUse) -> str:
        """ "the article", "Russia (reported speech)", "Safronkov (quote)"."""
        if use.voice == "own":
            return "the article (own voice)"
        who = use.speaker or "an unnamed source"
        return f"{who} ({'quote' if use.voice == 'quoted' else 'reported speech'})"


def _labels_view(doc: Document, found: Sequence[Finding]) -> LabelsView:
    profile = labels_profile(doc)
    index = _finding_index(found)
    return LabelsView(
        profile,
        tuple((u, index.get((LABELS_GROUP, u.start, u.end, u.kind))) for u in profile.uses),
    )


# -- all ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Profiles:
    """The profiles of one document; ``None`` where the groups are absent (or not shown)."""

    techniques: TechniqueView | None = None
    sourcing: SourcingView | None = None
    labels: LabelsView | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.techniques, self.sourcing, self.labels))

    def headline(self) -> list[str]:
        """The one-line "at a glance" summary, as phrases."""
        out = []
        if self.techniques is not None:
            p = self.techniques.profile
            out.append(f"{p.per_1000_words:.1f} techniques per 1,000 words")
        if self.sourcing is not None:
            out += self.sourcing.headline()
        if self.labels is not None and self.labels.uses:
            out.append(self.labels.profile.headline())
        return out


def _wanted(doc: Document, name: str, groups: Iterable[str] | None) -> bool:
    return doc.has_group(name) and (groups is None or name in groups)


def profiles(
    doc: Document, found: Sequence[Finding] = (), groups: Iterable[str] | None = None
) -> Profiles:
    """The profiles of ``doc`` whose span groups are present (and among ``groups``).

    Args:
        doc: an analysed document.
        found: the report's findings, to cross-reference rows with finding numbers.
        groups: the groups the report shows; default: all.
    """
    wanted = None if groups is None else set(groups)
    techniques = _technique_view(doc, found) if _wanted(doc, TECHNIQUE_GROUP, wanted) else None
    sourcing = (
        _sourcing_view(doc, found)
        if _wanted(doc, ATTRIBUTION_GROUP, wanted) or _wanted(doc, OWN_VOICE_GROUP, wanted)
        else None
    )
    labels = _labels_view(doc, found) if _wanted(doc, LABELS_GROUP, wanted) else None
    return Profiles(techniques, sourcing, labels)


def profile_dicts(doc: Document) -> dict[str, Any]:
    """The JSON ``profiles`` object: ``techniques``, ``sourcing``, ``labels`` (docs/schema.md).

    Empty when the document has none of the groups they read.
    """
    out: dict[str, Any] = {}
    if doc.has_group(TECHNIQUE_GROUP):
        out["techniques"] = technique_profile(doc, k=TOP_K).to_dict()
    if doc.has_group(ATTRIBUTION_GROUP) or doc.has_group(OWN_VOICE_GROUP):
        out["sourcing"] = sourcing_profile(_sanitised(doc)).to_dict()
    if doc.has_group(LABELS_GROUP):
        out["labels"] = labels_profile(doc).to_dict()
    return out
