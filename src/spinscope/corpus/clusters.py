"""Republication clusters: the same article published again, whole or edited.

Each text becomes a set of word shingles (``k`` consecutive words, lower case); MinHash
signatures and locality-sensitive hashing (``datasketch``) find candidate pairs without
comparing every pair, and each candidate pair is then checked on the exact shingle
sets. Two texts are copies when their Jaccard similarity reaches ``threshold``, or when
nearly all of the shorter one is in the longer one (``containment``): a truncated
republication, or one with a long footer, shares little of the *union* but all of
itself. Copies of copies join one cluster.

A cluster names its *first-seen* article (earliest date, then smallest id) and, for
every other member, the sentences it adds, drops or rewords relative to it.

``datasketch`` comes with the ``corpus`` extra (``pip install 'spinscope[corpus]'``).
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from spinscope.corpus.republished import Publication, Republication
from spinscope.segment import sentence_offsets

if TYPE_CHECKING:
    from spinscope.store import Store

__all__ = [
    "Cluster",
    "ClusterOptions",
    "Copy",
    "Publication",
    "Record",
    "Republication",
    "find_clusters",
    "record_from_dict",
    "republications",
    "save_clusters",
    "shingles",
]

_WORD = re.compile(r"\w+", re.UNICODE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Record:
    """A text to cluster, with where and when it was published."""

    id: str
    text: str
    domain: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class ClusterOptions:
    """How near a duplicate must be.

    Attributes:
        shingle: words per shingle.
        threshold: Jaccard similarity of shingle sets that makes two texts copies.
        containment: share of the smaller text's shingles found in the other that makes
            them copies too (a truncated copy, or one with a long footer added).
        min_shingles: shorter texts are too short to tell a copy from a shared phrase
            and are not clustered.
        num_perm: MinHash permutations.
        lsh_threshold: similarity at which LSH proposes a pair for checking; below
            ``threshold`` so that containment pairs are found too.
    """

    shingle: int = 3
    threshold: float = 0.5
    containment: float = 0.8
    min_shingles: int = 20
    num_perm: int = 128
    lsh_threshold: float = 0.3


@dataclass(frozen=True)
class Copy:
    """A cluster member other than the first-seen, and how it differs from it.

    Attributes:
        id, domain, date: the member.
        similarity: Jaccard similarity of its shingles with the first-seen's.
        added: its sentences that the first-seen does not have.
        removed: the first-seen's sentences it does not have.
        changed: ``(first-seen sentence, its sentence)`` pairs reworded in place.
    """

    id: str
    domain: str | None
    date: str | None
    similarity: float
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "domain": self.domain,
            "date": self.date,
            "similarity": round(self.similarity, 3),
            "added": list(self.added),
            "removed": list(self.removed),
            "changed": [{"first": a, "copy": b} for a, b in self.changed],
        }


@dataclass(frozen=True)
class Cluster:
    """Near-duplicates of one article.

    Attributes:
        first: the first-seen member (earliest date, then smallest id).
        copies: the other members, in date then id order.
    """

    first: Record
    copies: tuple[Copy, ...]

    @property
    def size(self) -> int:
        return 1 + len(self.copies)

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.first.id, *(c.id for c in self.copies))

    @property
    def outlets(self) -> tuple[str, ...]:
        """The distinct domains, first-seen's first."""
        seen = [self.first.domain, *(c.domain for c in self.copies)]
        return tuple(dict.fromkeys(d for d in seen if d))

    @property
    def dates(self) -> tuple[str, ...]:
        """The distinct dates, in order."""
        return tuple(sorted({d for d in (self.first.date, *(c.date for c in self.copies)) if d}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "size": self.size,
            "first": {"id": self.first.id, "domain": self.first.domain, "date": self.first.date},
            "outlets": list(self.outlets),
            "dates": list(self.dates),
            "copies": [c.to_dict() for c in self.copies],
        }


def _date(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    match = _DATE.match(value.strip())
    return match.group() if match else None


def record_from_dict(data: Mapping[str, Any]) -> Record | None:
    """A :class:`Record` from analyze's document JSON (``meta.url``, ``meta.outlet``,
    ``meta.published``), from a stored document (top-level ``url``/``domain``/``date``)
    or from a corpus row with ``text``; ``None`` for an error record or a row without
    text."""
    from spinscope.sources.domains import registrable_domain

    text = data.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    meta = data.get("meta") if isinstance(data.get("meta"), Mapping) else {}
    assert isinstance(meta, Mapping)
    url = data.get("url") or meta.get("url")
    domain = data.get("domain") or (registrable_domain(url) if isinstance(url, str) else None)
    domain = domain or meta.get("outlet") or data.get("outlet")
    date = _date(data.get("date")) or _date(meta.get("published")) or _date(data.get("published"))
    return Record(
        id=str(data.get("id", "")),
        text=text,
        domain=str(domain) if domain else None,
        date=date,
    )


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def shingles(text: str, k: int = 3) -> set[str]:
    """The ``k``-word shingles of ``text`` (lower case, punctuation ignored).

    >>> sorted(shingles("The cat sat on the mat.", k=4))
    ['cat sat on the', 'sat on the mat', 'the cat sat on']
    """
    words = _WORD.findall(_normalise(text))
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def _sort_key(record: Record) -> tuple[int, str, str]:
    # Undated records come after dated ones: their first publication is unknown.
    return (0 if record.date else 1, record.date or "", record.id)


def _datasketch() -> Any:
    try:
        import datasketch
    except ImportError as exc:  # pragma: no cover - the corpus extra is installed in tests
        raise ImportError(
            "republication clusters need datasketch: pip install 'spinscope[corpus]'"
        ) from exc
    return datasketch


@dataclass
class _Index:
    """The records kept, their shingle hashes, and a union-find forest over them."""

    records: list[Record] = field(default_factory=list)
    sets: list[frozenset[int]] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)

    def add(self, record: Record, grams: set[str]) -> int:
        number = len(self.records)
        self.records.append(record)
        self.sets.append(frozenset(hash(g) for g in grams))
        self.parent.append(number)
        return number

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> Iterator[list[int]]:
        members: dict[int, list[int]] = {}
        for i in range(len(self.records)):
            members.setdefault(self.find(i), []).append(i)
        yield from members.values()


def _similar(a: frozenset[int], b: frozenset[int], options: ClusterOptions) -> float | None:
    common = len(a & b)
    if not common:
        return None
    jaccard = common / (len(a) + len(b) - common)
    if jaccard >= options.threshold or common / min(len(a), len(b)) >= options.containment:
        return jaccard
    return None


def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _sentences(text: str) -> list[str]:
    return [" ".join(text[s:e].split()) for s, e in sentence_offsets(text)]


def diff_sentences(
    first: str, other: str
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Sentences ``other`` adds to ``first``, drops from it, and rewords in place.

    >>> first = "The mayor spoke on Monday. The council agreed. Nobody objected."
    >>> diff_sentences(first, first.replace("Monday", "Tuesday") + " Read more here.")
    (('Read more here.',), (), (('The mayor spoke on Monday.', 'The mayor spoke on Tuesday.'),))
    """
    a, b = _sentences(first), _sentences(other)
    key_a = [_normalise(s) for s in a]
    key_b = [_normalise(s) for s in b]
    added: list[str] = []
    removed: list[str] = []
    changed: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, key_a, key_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old, new = a[i1:i2], b[j1:j2]
        # A one-for-one replacement of a similar sentence is a rewording.
        while old and new and difflib.SequenceMatcher(None, old[0], new[0]).ratio() >= 0.6:
            changed.append((old.pop(0), new.pop(0)))
        removed += old
        added += new
    return tuple(added), tuple(removed), tuple(changed)


def find_clusters(
    records: Iterable[Record],
    options: ClusterOptions | None = None,
    *,
    min_size: int = 2,
) -> list[Cluster]:
    """Clusters of near-duplicate records with at least ``min_size`` members, largest
    first (then by first-seen date and id)."""
    opts = options or ClusterOptions()
    ds = _datasketch()
    index = _Index()
    lsh = ds.MinHashLSH(threshold=opts.lsh_threshold, num_perm=opts.num_perm)
    for record in records:
        grams = shingles(record.text, opts.shingle)
        if len(grams) < opts.min_shingles:
            continue
        number = index.add(record, grams)
        minhash = ds.MinHash(num_perm=opts.num_perm)
        minhash.update_batch([g.encode("utf-8") for g in grams])
        lsh.insert(number, minhash, check_duplication=False)
        # Query before the next insert: each pair is proposed once, by its later member.
        for other in lsh.query(minhash):
            if other != number and _similar(index.sets[number], index.sets[other], opts):
                index.union(number, other)
    return _build(index, min_size)


def _build(index: _Index, min_size: int) -> list[Cluster]:
    clusters = []
    for group in index.groups():
        if len(group) < max(2, min_size):
            continue
        group.sort(key=lambda i: _sort_key(index.records[i]))
        head, rest = group[0], group[1:]
        first = index.records[head]
        copies = []
        for i in rest:
            record = index.records[i]
            added, removed, changed = diff_sentences(first.text, record.text)
            copies.append(
                Copy(
                    id=record.id,
                    domain=record.domain,
                    date=record.date,
                    similarity=_jaccard(index.sets[head], index.sets[i]),
                    added=added,
                    removed=removed,
                    changed=changed,
                )
            )
        clusters.append(Cluster(first, tuple(copies)))
    clusters.sort(key=lambda c: (-c.size, *_sort_key(c.first)))
    return clusters


def _cluster_id(cluster: Cluster) -> str:
    return hashlib.sha256("\x1f".join(sorted(cluster.ids)).encode()).hexdigest()[:32]


def save_clusters(store: Store, found: Iterable[Cluster], *, threshold: float) -> int:
    """Replace the store's clusters with ``found`` (their ids are stored documents'
    ``documents.id``); returns how many were written."""
    from datetime import UTC, datetime

    from sqlalchemy import delete, insert

    from spinscope.store.schema import cluster_members, clusters

    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    for cluster in found:
        key = _cluster_id(cluster)
        rows.append(
            {
                "id": key,
                "first_document_id": cluster.first.id,
                "size": cluster.size,
                "threshold": threshold,
                "created_at": now,
            }
        )
        first = cluster.first
        members.append(
            {
                "cluster_id": key,
                "document_id": first.id,
                "domain": first.domain,
                "date": first.date,
                "similarity": None,
                "first": 1,
            }
        )
        members += [
            {
                "cluster_id": key,
                "document_id": c.id,
                "domain": c.domain,
                "date": c.date,
                "similarity": c.similarity,
                "first": 0,
            }
            for c in cluster.copies
        ]
    # One clustering replaces the last: a document's cluster is the latest one's.
    with store.engine.begin() as conn:
        conn.execute(delete(cluster_members))
        conn.execute(delete(clusters))
        if rows:
            conn.execute(insert(clusters), rows)
            conn.execute(insert(cluster_members), members)
    return len(rows)


#: Other members compared sentence by sentence when differences are asked for: a page
#: about one article stays quick however often its text was republished.
MAX_COMPARED = 20


def republications(
    store: Store, document_id: str, *, differences: bool = False
) -> Republication | None:
    """The other articles of the stored document's cluster (``documents.id``), from the
    last saved clustering; ``None`` when it is in none (or none was saved).

    With ``differences``, the stored texts are compared: each other member (up to
    :data:`MAX_COMPARED`) says which sentences it adds, lacks and rewords relative to
    this document.
    """
    from sqlalchemy import select

    from spinscope.store.schema import cluster_members, documents

    m = cluster_members.c
    inner = select(m.cluster_id).where(m.document_id == document_id).limit(1)
    query = (
        select(m.document_id, m.domain, m.date, m.first, m.similarity, documents.c.url)
        .outerjoin(documents, documents.c.id == m.document_id)
        .where(m.cluster_id == inner.scalar_subquery())
    )
    with store.engine.connect() as conn:
        members = conn.execute(query.order_by(m.first.desc(), m.date, m.pk)).all()
    if not members:
        return None
    first = members[0]
    others = [r for r in members if r.document_id != document_id]
    elsewhere = [
        Publication(
            id=r.document_id,
            domain=r.domain,
            date=r.date,
            url=r.url,
            similarity=r.similarity,
            first=bool(r.first),
        )
        for r in others
    ]
    if differences:
        elsewhere = _compared(store, document_id, elsewhere)
    return Republication(
        outlets=tuple(dict.fromkeys(r.domain for r in others if r.domain)),
        first_domain=first.domain,
        first_date=first.date,
        first_id=first.document_id,
        others=tuple(r.document_id for r in others),
        size=len(members),
        first_url=first.url,
        elsewhere=tuple(elsewhere),
    )


def _compared(store: Store, document_id: str, elsewhere: list[Publication]) -> list[Publication]:
    import json

    from sqlalchemy import select

    from spinscope.corpus.records import decode_record
    from spinscope.store.schema import documents

    wanted = [document_id, *(p.id for p in elsewhere[:MAX_COMPARED])]
    query = select(documents.c.id, documents.c.document).where(documents.c.id.in_(wanted))
    with store.engine.connect() as conn:
        blobs = {key: blob for key, blob in conn.execute(query)}
    texts: dict[str, str] = {}
    for key, blob in blobs.items():
        text = json.loads(decode_record(blob)).get("text")
        if isinstance(text, str):
            texts[key] = text
    own = texts.get(document_id)
    if own is None:
        return elsewhere
    out = []
    for publication in elsewhere:
        other = texts.get(publication.id)
        if other is None:
            out.append(publication)
            continue
        added, removed, changed = diff_sentences(own, other)
        out.append(
            replace(publication, added=added, removed=removed, changed=changed, compared=True)
        )
    return out
