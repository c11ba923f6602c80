"""The sourcing profile of an article: who says what, and what the article says itself.

:func:`sourcing_profile` reads the ``attributions`` and ``assertions`` span groups
(written by ``attribution.v1``) and summarises them for reports:

* ``attributed_share``: share of the article's sentence characters (outside
  boilerplate) inside an attribution with a source;
* ``own_voice_share``: share inside own-voice assertions;
* one row per speaker (name, role, affiliation, what they said, direct/indirect);
* attribution counts grouped by affiliation (the country, where the text makes it
  evident, else the organisation), and the unnamed sources by kind: anonymous people
  ("officials", "a senior aide"), documents ("the report says", "the new regulations
  state") and institutions speaking on the record ("police said", "the embassy said");
  unsourced attributions;
* own-voice assertions with their hedges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spinscope.attribution.lexicon import DOCUMENT_NOUNS
from spinscope.attribution.mentions import country_of
from spinscope.document import Document, Span

__all__ = ["SourcingProfile", "SpeakerRow", "is_document", "sourcing_profile", "unnamed_kind"]


@dataclass(frozen=True)
class SpeakerRow:
    """One speaker of the "who says what" table."""

    name: str | None
    role: str | None
    affiliation: str | None
    group: str | None
    statements: tuple[dict[str, Any], ...]
    #: for a speaker with no name, what the description names: ``"person"`` (anonymous
    #: people), ``"document"`` ("the new regulations") or ``"institution"`` ("police")
    unnamed: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "affiliation": self.affiliation,
            "group": self.group,
            "unnamed": self.unnamed,
            "statements": list(self.statements),
        }


@dataclass(frozen=True)
class SourcingProfile:
    """Who the article lets speak, and how much it asserts in its own voice."""

    attributions: int
    attributed_share: float
    own_voice_share: float
    speakers: tuple[SpeakerRow, ...]
    by_group: dict[str, int] = field(default_factory=dict)
    anonymous: tuple[dict[str, Any], ...] = ()
    documents: tuple[dict[str, Any], ...] = ()
    institutions: tuple[dict[str, Any], ...] = ()
    unsourced: tuple[dict[str, Any], ...] = ()
    assertions: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "attributions": self.attributions,
            "attributed_share": self.attributed_share,
            "own_voice_share": self.own_voice_share,
            "speakers": [s.to_dict() for s in self.speakers],
            "by_group": dict(self.by_group),
            "anonymous": list(self.anonymous),
            "documents": list(self.documents),
            "institutions": list(self.institutions),
            "unsourced": list(self.unsourced),
            "assertions": list(self.assertions),
        }


#: Nouns for part of a text: "details of the legislation" is the legislation speaking.
_PART_NOUNS = frozenset(
    ["details", "text", "terms", "wording", "draft", "version", "section", "copy", "part"]
)
#: Bodies that speak on the record as themselves: "police said" is no anonymous source.
INSTITUTION_NOUNS = frozenset(
    [
        *("department", "ministry", "embassy", "consulate", "government", "police"),
        *("agency", "court", "army", "military", "navy", "administration", "commission"),
        *("committee", "council", "parliament", "congress", "senate", "office", "bureau"),
        *("campaign", "company", "firm", "university", "hospital", "school", "church"),
        *("party", "union", "board", "service", "newspaper", "network", "channel"),
        *("organization", "organisation", "foundation", "institute", "association"),
        *("federation", "cabinet", "regime", "authority", "operator", "utility"),
        *("outlet", "broadcaster", "magazine", "station", "news", "corporation"),
    ]
)
#: Words after a description's noun that say which one it is ("a report by the UN").
_POSTMODIFIERS = frozenset(
    ["of", "by", "from", "for", "in", "on", "at", "with", "to", "that", "which", "who"]
)


#: Words before a noun that make a following participle part of the head ("the leaked
#: email"), not a phrase after it ("a paper published by …").
_DETERMINERS = frozenset(["a", "an", "the", "this", "that", "these", "those", "its", "their"])


def _head(words: list[str]) -> int:
    """How many of a description's words make its head (its noun is the last of them):
    it ends before a postmodifier or a participle after the noun (``a study published
    in …``; not ``the newly released report``). An ``of`` inside a capitalised name is
    no postmodifier (``The University of Surrey expert``: its noun is ``expert``)."""
    for k, word in enumerate(words):
        token, before = word.lower(), words[k - 1].lower() if k else ""
        if token == "of" and before and words[k - 1][0].isupper():
            # "University of Surrey expert": the name runs on, a noun of its own after it
            end = next((j for j in range(k + 1, len(words)) if not words[j][0].isupper()), None)
            if end is not None and end > k + 1 and words[end].lower() not in _POSTMODIFIERS:
                continue
        participle = (
            token.endswith(("ed", "ing"))
            and not before.endswith("ly")
            and before not in _DETERMINERS
        )
        if k and (token in _POSTMODIFIERS or participle):
            return k
    return len(words)


def unnamed_kind(description: str | None) -> str:
    """What an unnamed source's description names: ``"document"``, ``"institution"`` or
    ``"person"`` (people, and whatever is not clearly one of the other two).

    ``the new regulations``, ``a report by the UN``, ``details of the legislation``, ``a
    study published in Nature`` are documents; ``police``, ``the embassy``, ``the state
    department`` institutions; ``a spokesperson for the study`` and ``officials`` people.
    """
    words = re.findall(r"[A-Za-z][\w'’-]*", description or "")
    cut = _head(words)
    tokens = [w.lower() for w in words]
    if not cut:
        return "person"
    head = _singular(tokens[cut - 1])
    if head in DOCUMENT_NOUNS:
        return "document"
    if head in _PART_NOUNS and cut < len(tokens) and tokens[cut] == "of":
        rest = tokens[cut + 1 :]
        stop = next((k for k, t in enumerate(rest) if t in _POSTMODIFIERS), len(rest))
        if rest[:stop] and _singular(rest[stop - 1]) in DOCUMENT_NOUNS:
            return "document"
    if head in INSTITUTION_NOUNS:
        return "institution"
    return "person"


def _singular(noun: str) -> str:
    """``agencies`` → ``agency``, ``videos`` → ``video``; a word the lists hold as it is
    (``news``, ``minutes``, ``details``) stays."""
    if noun in DOCUMENT_NOUNS or noun in INSTITUTION_NOUNS or noun in _PART_NOUNS:
        return noun
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


def is_document(description: str | None) -> bool:
    """Does an unnamed source's description name a text rather than people?"""
    return unnamed_kind(description) == "document"


#: The group of an unaffiliated unnamed source, by kind.
_UNNAMED_GROUPS = {"person": "anonymous", "document": "documents", "institution": "institutions"}


def _text(doc: Document, r: dict[str, int]) -> str:
    return " ".join(doc.text[r["start"] : r["end"]].split())


def _statement(doc: Document, span: Span) -> dict[str, Any]:
    a = span.attrs
    return {
        "start": span.start,
        "end": span.end,
        "kind": a.get("kind"),
        "cue": _text(doc, a["cue"]),
        "content": " … ".join(_text(doc, c) for c in a.get("content", [])),
        "mention": (a.get("speaker") or {}).get("mention"),
    }


def _merge(ranges: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(ranges):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total


def sourcing_profile(doc: Document) -> SourcingProfile:
    """Summarise ``doc``'s attributions and assertions (run ``attribution.v1`` first)."""
    atts = list(doc.group("attributions"))
    content = [(s, e) for s, e in doc.content_ranges()]
    sentences = [
        (s.start, s.end) for s in doc.sentences if any(a <= s.start < b for a, b in content)
    ]
    total = max(1, _merge(sentences))
    sourced_parts: list[tuple[int, int]] = []
    rows: dict[object, list[Span]] = {}
    speakers: dict[object, dict[str, Any]] = {}
    by_kind: dict[str, list[dict[str, Any]]] = {"person": [], "document": [], "institution": []}
    unsourced: list[dict[str, Any]] = []
    for span in atts:
        sp = span.attrs.get("speaker")
        if span.attrs.get("source") is None or sp is None:
            unsourced.append(_statement(doc, span))
            continue
        sourced_parts.extend((c["start"], c["end"]) for c in span.attrs.get("content", []))
        # Speakers resolved by attribution.v1 carry an id; hand-built or imported ones
        # may not, and must not all collapse into one row: key them by name and role.
        sid: object = sp["id"] if sp.get("id") is not None else (sp.get("name"), sp.get("role"))
        speakers[sid] = sp
        rows.setdefault(sid, []).append(span)
        if sp.get("name") is None:
            statement = {**_statement(doc, span), "description": sp.get("role")}
            by_kind[unnamed_kind(sp.get("role"))].append(statement)
    table = []
    by_group: dict[str, int] = {}
    for sid, spans in rows.items():
        sp = speakers[sid]
        unnamed = unnamed_kind(sp.get("role")) if sp.get("name") is None else None
        named_body = sp.get("name") if unnamed_kind(sp.get("name")) == "institution" else None
        group = (
            country_of(sp.get("affiliation"))
            or country_of(sp.get("name"))
            or sp.get("affiliation")
            # "the Clinton campaign", "the Justice Department": a named institution is
            # its own group, not an unaffiliated speaker
            or named_body
            or (_UNNAMED_GROUPS[unnamed] if unnamed else "unaffiliated")
        )
        by_group[group] = by_group.get(group, 0) + len(spans)
        table.append(
            SpeakerRow(
                name=sp.get("name"),
                role=sp.get("role"),
                affiliation=sp.get("affiliation"),
                group=group,
                statements=tuple(_statement(doc, s) for s in spans),
                unnamed=unnamed,
            )
        )
    table.sort(key=lambda r: (-len(r.statements), r.statements[0]["start"]))
    assertions = [
        {
            "start": a.start,
            "end": a.end,
            "text": " ".join(doc.text[a.start : a.end].split()),
            "hedges": list(a.attrs.get("hedges", [])),
        }
        for a in doc.group("assertions")
    ]
    own = _merge([(a.start, a.end) for a in doc.group("assertions")])
    return SourcingProfile(
        attributions=len(atts),
        attributed_share=round(min(1.0, _merge(sourced_parts) / total), 3),
        own_voice_share=round(min(1.0, own / total), 3),
        speakers=tuple(table),
        by_group=dict(sorted(by_group.items(), key=lambda kv: -kv[1])),
        anonymous=tuple(by_kind["person"]),
        documents=tuple(by_kind["document"]),
        institutions=tuple(by_kind["institution"]),
        unsourced=tuple(unsourced),
        assertions=tuple(assertions),
    )
