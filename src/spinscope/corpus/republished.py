"""Where else a stored article was published: the records
:func:`spinscope.corpus.clusters.republications` returns and the reports show.

Kept apart from the clustering itself, so that reading or showing a record imports
nothing of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Publication", "Republication"]


@dataclass(frozen=True)
class Publication:
    """One other publication of a stored document's text (a member of its cluster).

    Attributes:
        id: its ``documents.id``.
        domain, date, url: where and when it was published (as stored).
        similarity: Jaccard similarity of its shingles with the first-seen's (None for
            the first-seen itself).
        first: whether it is the cluster's first-seen member.
        added, removed, changed: how it differs from the document asked about
            (:func:`diff_sentences`: its sentences that document lacks, that document's
            sentences it lacks, ``(that document's, its)`` rewordings); empty unless
            :func:`republications` was asked for differences.
        compared: whether ``added``/``removed``/``changed`` were computed.
    """

    id: str
    domain: str | None
    date: str | None
    url: str | None = None
    similarity: float | None = None
    first: bool = False
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[tuple[str, str], ...] = ()
    compared: bool = False

    def label(self) -> str:
        """``"a.com (2024-03-05, https://a.com/x)"``: the outlet, then date and address."""
        details = ", ".join(p for p in (self.date, self.url) if p)
        name = self.domain or self.url or self.id
        if self.domain is None and self.url:
            details = self.date or ""
        return f"{name} ({details})" if details else name

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "domain": self.domain,
            "date": self.date,
            "url": self.url,
            "similarity": None if self.similarity is None else round(self.similarity, 3),
            "first_seen": self.first,
        }
        if self.compared:
            out["added"] = list(self.added)
            out["removed"] = list(self.removed)
            out["changed"] = [{"this": a, "other": b} for a, b in self.changed]
        return out


@dataclass(frozen=True)
class Republication:
    """Where else a stored document was published (its cluster's other members).

    Attributes:
        outlets: the other members' domains, first-seen's first, without repeats
            (the document's own outlet only when another member shares it).
        first_domain, first_date: the first-seen member's outlet and date.
        first_id: the first-seen member's ``documents.id``.
        others: ``documents.id`` of the other members.
        size: members of the cluster, the document included.
        first_url: the first-seen member's address.
        elsewhere: the other members, first-seen's first, then by date.
    """

    outlets: tuple[str, ...]
    first_domain: str | None
    first_date: str | None
    first_id: str
    others: tuple[str, ...]
    size: int
    first_url: str | None = None
    elsewhere: tuple[Publication, ...] = ()

    def text(self) -> str:
        """``"also published by a.com, b.org (first seen: a.com, 2024-03-05)"``."""
        first = ", ".join(p for p in (self.first_domain, self.first_date) if p) or "unknown"
        outlets = ", ".join(self.outlets) or f"{len(self.others)} other article(s)"
        return f"also published by {outlets} (first seen: {first})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlets": list(self.outlets),
            "first_seen": {
                "id": self.first_id,
                "domain": self.first_domain,
                "date": self.first_date,
                "url": self.first_url,
            },
            "others": list(self.others),
            "size": self.size,
            "elsewhere": [p.to_dict() for p in self.elsewhere],
        }
