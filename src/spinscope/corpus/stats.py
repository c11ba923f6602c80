"""Corpus aggregates: technique rates, sourcing and speakers by outlet, domain, week,
month, technique or speaker, over analyze's document JSON.

Rates are pooled, not averaged: a group's technique rate is the sum of its articles'
*expected* technique spans (the calibrated scores, as in
:mod:`spinscope.techniques.profile`) per 1,000 of their words, so a long article weighs
as much as its words and a 40-word brief cannot swing an outlet. The sourcing shares
(:mod:`spinscope.attribution.profile`) are means over the articles that have them.

Each document is a dict as ``spinscope analyze --format json|jsonl`` writes it; a
stored document may also carry top-level ``url``, ``domain``, ``title``, ``date`` and
``language``. Profiles are read from ``profiles`` when present and computed from the
spans otherwise; error records and rows without text are skipped.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from spinscope.corpus.speakers import apply_aliases, corpus_aliases, merge_in_document
from spinscope.techniques.definitions import DEFINITIONS, TECHNIQUES

__all__ = [
    "BY",
    "CorpusStats",
    "DocFacts",
    "GroupRow",
    "SpeakerRow",
    "TechniqueRow",
    "corpus_stats",
    "doc_facts",
]

By = Literal["outlet", "domain", "week", "month", "technique", "speaker"]
BY: tuple[By, ...] = ("outlet", "domain", "week", "month", "technique", "speaker")

UNKNOWN = "(unknown)"
UNDATED = "(undated)"


@dataclass(frozen=True)
class DocFacts:
    """What the aggregates need of one document."""

    id: str
    outlet: str
    domain: str
    date: str | None
    words: int = 0
    expected: float = 0.0
    expected_counts: Mapping[str, float] = field(default_factory=dict)
    own_words: int | None = None
    own_expected: float | None = None
    quoted_words: int | None = None
    quoted_expected: float | None = None
    attributions: int | None = None
    attributed_share: float | None = None
    own_voice_share: float | None = None
    speakers: tuple[tuple[str, int], ...] = ()

    @property
    def has_techniques(self) -> bool:
        return self.words > 0


def _date(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _profiles(data: Mapping[str, Any]) -> dict[str, Any]:
    profiles = data.get("profiles")
    out: dict[str, Any] = dict(profiles) if isinstance(profiles, Mapping) else {}
    spans = data.get("spans") if isinstance(data.get("spans"), Mapping) else {}
    assert isinstance(spans, Mapping)
    missing_t = "techniques" not in out and "techniques" in spans
    missing_s = "sourcing" not in out and ("attributions" in spans or "assertions" in spans)
    if missing_t or missing_s:
        from spinscope.document import Document

        doc = Document.from_json(json.dumps(data))
        if missing_t:
            from spinscope.techniques.profile import technique_profile

            out["techniques"] = technique_profile(doc).to_dict()
        if missing_s:
            from spinscope.attribution.profile import sourcing_profile

            out["sourcing"] = sourcing_profile(doc).to_dict()
    return out


#: URL shorteners: a link through one says nothing about who published the article.
SHORTENERS = frozenset(
    {
        "goo.gl",
        "bit.ly",
        "t.co",
        "tinyurl.com",
        "ow.ly",
        "buff.ly",
        "is.gd",
        "dlvr.it",
        "fb.me",
        "lnkd.in",
        "trib.al",
        "shar.es",
        "wp.me",
        "youtu.be",
        "rebrand.ly",
        "cutt.ly",
    }
)


def _shortener(name: Any) -> bool:
    return isinstance(name, str) and name.strip().lower().removeprefix("www.") in SHORTENERS


def doc_facts(data: Mapping[str, Any]) -> DocFacts | None:
    """The numbers of one document dict; ``None`` for an error record or no text."""
    from spinscope.sources.domains import registrable_domain

    if data.get("schema") == "spinscope.error/1" or not isinstance(data.get("text"), str):
        return None
    meta = data.get("meta") if isinstance(data.get("meta"), Mapping) else {}
    assert isinstance(meta, Mapping)
    url = data.get("url") or meta.get("url")
    domain = data.get("domain") or (registrable_domain(url) if isinstance(url, str) else None)
    # A link shortener is not an outlet: the declared outlet or site name, else unknown.
    if _shortener(domain):
        domain = None
    outlets = (meta.get("outlet"), data.get("outlet"), data.get("site_name"), domain)
    outlet = next((o for o in outlets if o and not _shortener(str(o))), None)
    date = _date(data.get("date")) or _date(meta.get("published"))
    profiles = _profiles(data)
    t = profiles.get("techniques") or {}
    s = profiles.get("sourcing")
    named: list[tuple[str, int]] = []
    if s:
        for row in s.get("speakers", ()):
            if row.get("name"):
                named.append((str(row["name"]), len(row.get("statements", ()))))
    # Names cleaned, non-names dropped, "Trump" merged into the article's "Donald Trump".
    speakers = merge_in_document(named)
    return DocFacts(
        id=str(data.get("id", "")),
        outlet=str(outlet or UNKNOWN),
        domain=str(domain or UNKNOWN),
        date=date,
        words=int(t.get("words") or 0),
        expected=float(t.get("expected") or 0.0),
        expected_counts={k: float(v) for k, v in (t.get("expected_counts") or {}).items()},
        own_words=t.get("own_words"),
        own_expected=t.get("own_expected"),
        quoted_words=t.get("quoted_words"),
        quoted_expected=t.get("quoted_expected"),
        attributions=s.get("attributions") if s else None,
        attributed_share=s.get("attributed_share") if s else None,
        own_voice_share=s.get("own_voice_share") if s else None,
        speakers=tuple(speakers),
    )


def _rate(expected: float, words: int) -> float:
    return 1000.0 * expected / words if words else 0.0


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


@dataclass(frozen=True)
class GroupRow:
    """The articles of one outlet, domain, week or month.

    Attributes:
        key: the outlet, domain, ``2024-W07`` or ``2024-02``.
        articles: documents in the group.
        words: their words outside boilerplate (of those with techniques).
        expected: their expected technique spans.
        rate: ``expected`` per 1,000 ``words``.
        own_rate, quoted_rate: the rate of the articles' own voice and of what they
            quote (None when no article of the group has the split).
        attributed_share, own_voice_share: mean shares over the articles with a
            sourcing profile (None when none has one).
        attributions: attributions in all.
        technique_rates: rate per technique label.
        top_speakers: the most quoted speakers with their statements.
    """

    key: str
    articles: int
    words: int
    expected: float
    rate: float
    own_rate: float | None
    quoted_rate: float | None
    attributed_share: float | None
    own_voice_share: float | None
    attributions: int
    technique_rates: dict[str, float]
    top_speakers: tuple[tuple[str, int], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "articles": self.articles,
            "words": self.words,
            "expected": round(self.expected, 3),
            "per_1000_words": round(self.rate, 3),
            "own_per_1000_words": _round(self.own_rate),
            "quoted_per_1000_words": _round(self.quoted_rate),
            "attributed_share": _round(self.attributed_share),
            "own_voice_share": _round(self.own_voice_share),
            "attributions": self.attributions,
            "technique_per_1000_words": {k: round(v, 3) for k, v in self.technique_rates.items()},
            "top_speakers": [{"name": n, "statements": c} for n, c in self.top_speakers],
        }

    def flat(self) -> dict[str, Any]:
        """One CSV row: nested values spread into columns."""
        row = {k: v for k, v in self.to_dict().items() if not isinstance(v, (dict, list))}
        row["top_speakers"] = "; ".join(f"{n} ({c})" for n, c in self.top_speakers)
        row.update({f"rate:{k}": round(v, 3) for k, v in self.technique_rates.items()})
        return row


@dataclass(frozen=True)
class TechniqueRow:
    """One technique over the corpus.

    Attributes:
        technique: the PTC label; name: its human name.
        articles: articles where it is expected at least once in a hundred (> 0.01).
        expected: expected spans in all.
        rate: per 1,000 words of the corpus.
        share: ``articles`` over the articles with techniques.
    """

    technique: str
    name: str
    articles: int
    expected: float
    rate: float
    share: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "technique": self.technique,
            "name": self.name,
            "articles": self.articles,
            "expected": round(self.expected, 3),
            "per_1000_words": round(self.rate, 3),
            "share_of_articles": round(self.share, 3),
        }

    def flat(self) -> dict[str, Any]:
        return self.to_dict()


@dataclass(frozen=True)
class SpeakerRow:
    """One named speaker over the corpus: statements, articles and outlets quoting them."""

    name: str
    statements: int
    articles: int
    outlets: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker": self.name,
            "statements": self.statements,
            "articles": self.articles,
            "outlets": list(self.outlets),
        }

    def flat(self) -> dict[str, Any]:
        row = self.to_dict()
        row["outlets"] = "; ".join(self.outlets)
        return row


Row = GroupRow | TechniqueRow | SpeakerRow


@dataclass(frozen=True)
class CorpusStats:
    """The aggregate table: one row per group, plus corpus totals."""

    by: By
    rows: tuple[Row, ...]
    articles: int
    words: int
    expected: float

    @property
    def rate(self) -> float:
        """The corpus's technique rate (expected spans per 1,000 words)."""
        return _rate(self.expected, self.words)

    def to_dict(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "articles": self.articles,
            "words": self.words,
            "expected": round(self.expected, 3),
            "per_1000_words": round(self.rate, 3),
            "rows": [r.to_dict() for r in self.rows],
        }

    def flat_rows(self) -> list[dict[str, Any]]:
        return [r.flat() for r in self.rows]


def _week(date: str) -> str:
    year, week, _ = dt.date.fromisoformat(date).isocalendar()
    return f"{year}-W{week:02d}"


def _key(facts: DocFacts, by: By) -> str:
    if by == "outlet":
        return facts.outlet
    if by == "domain":
        return facts.domain
    if facts.date is None:
        return UNDATED
    return _week(facts.date) if by == "week" else facts.date[:7]


def _group_row(key: str, docs: list[DocFacts], top: int) -> GroupRow:
    with_t = [d for d in docs if d.has_techniques]
    words = sum(d.words for d in with_t)
    expected = sum(d.expected for d in with_t)
    voiced = [d for d in with_t if d.own_words is not None]
    own_words = sum(d.own_words or 0 for d in voiced)
    quoted_words = sum(d.quoted_words or 0 for d in voiced)
    speakers: Counter[str] = Counter()
    for d in docs:
        speakers.update(dict(d.speakers))
    by_label: dict[str, float] = defaultdict(float)
    for d in with_t:
        for label, value in d.expected_counts.items():
            by_label[label] += value
    return GroupRow(
        key=key,
        articles=len(docs),
        words=words,
        expected=expected,
        rate=_rate(expected, words),
        own_rate=_rate(sum(d.own_expected or 0.0 for d in voiced), own_words) if voiced else None,
        quoted_rate=(
            _rate(sum(d.quoted_expected or 0.0 for d in voiced), quoted_words) if voiced else None
        ),
        attributed_share=_mean(
            [d.attributed_share for d in docs if d.attributed_share is not None]
        ),
        own_voice_share=_mean([d.own_voice_share for d in docs if d.own_voice_share is not None]),
        attributions=sum(d.attributions or 0 for d in docs),
        technique_rates={t: _rate(by_label.get(t, 0.0), words) for t in TECHNIQUES},
        top_speakers=tuple(speakers.most_common(top)),
    )


def _technique_rows(docs: list[DocFacts]) -> list[TechniqueRow]:
    with_t = [d for d in docs if d.has_techniques]
    words = sum(d.words for d in with_t)
    rows = []
    for label in TECHNIQUES:
        values = [d.expected_counts.get(label, 0.0) for d in with_t]
        articles = sum(1 for v in values if v > 0.01)
        rows.append(
            TechniqueRow(
                technique=label,
                name=DEFINITIONS[label].name if label in DEFINITIONS else label,
                articles=articles,
                expected=sum(values),
                rate=_rate(sum(values), words),
                share=articles / len(with_t) if with_t else 0.0,
            )
        )
    rows.sort(key=lambda r: (-r.rate, r.technique))
    return rows


def _speaker_rows(docs: list[DocFacts]) -> list[SpeakerRow]:
    statements: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    outlets: dict[str, Counter[str]] = defaultdict(Counter)
    for d in docs:
        for name, count in d.speakers:
            statements[name] += count
            articles[name] += 1
            outlets[name][d.outlet] += 1
    rows = [
        SpeakerRow(
            name, statements[name], articles[name], tuple(o for o, _ in outlets[name].most_common())
        )
        for name in statements
    ]
    rows.sort(key=lambda r: (-r.statements, -r.articles, r.name))
    return rows


def corpus_stats(
    documents: Iterable[Mapping[str, Any]], by: By = "outlet", *, top: int = 3
) -> CorpusStats:
    """Aggregate ``documents`` (analyze's JSON dicts) by ``by``.

    Outlets and domains come largest first, weeks and months in order (undated last),
    techniques by rate, speakers by statements. ``top``: speakers listed per group.
    """
    if by not in BY:
        raise ValueError(f"cannot group by {by!r}: one of {', '.join(BY)}")
    docs = [f for d in documents if (f := doc_facts(d)) is not None]
    # A bare surname is the corpus's dominant full name of it ("Clinton": "Hillary Clinton").
    aliases = corpus_aliases(d.speakers for d in docs)
    if aliases:
        docs = [replace(d, speakers=apply_aliases(d.speakers, aliases)) for d in docs]
    with_t = [d for d in docs if d.has_techniques]
    rows: list[Row]
    if by == "technique":
        rows = list(_technique_rows(docs))
    elif by == "speaker":
        rows = list(_speaker_rows(docs))
    else:
        groups: dict[str, list[DocFacts]] = defaultdict(list)
        for d in docs:
            groups[_key(d, by)].append(d)
        group_rows = [_group_row(k, v, top) for k, v in groups.items()]
        if by in ("week", "month"):
            group_rows.sort(key=lambda r: (r.key == UNDATED, r.key))
        else:
            group_rows.sort(key=lambda r: (-r.articles, r.key.casefold(), r.key))
        rows = list(group_rows)
    return CorpusStats(
        by=by,
        rows=tuple(rows),
        articles=len(docs),
        words=sum(d.words for d in with_t),
        expected=sum(d.expected for d in with_t),
    )
