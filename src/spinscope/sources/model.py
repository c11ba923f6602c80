"""An outlet rating and the vocabularies its fields are normalised to.

Rating lists write the same judgement many ways ("far right", "extreme-right",
"right conspiracy- pseudoscience"); the normalisers map them onto one small vocabulary
each, so that ratings of different lists can stand side by side. What a value said
as written stays in ``extra`` (``bias_raw``...), so nothing is lost.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from spinscope.sources.domains import Site

__all__ = [
    "BIAS",
    "CREDIBILITY",
    "FACTUAL",
    "RatingRecord",
    "content_hash",
    "normalise_bias",
    "normalise_credibility",
    "normalise_factual",
    "normalise_label",
    "rating_id",
]

#: Political bias, left to right (MBFC's scale; "least biased" is ``center``).
BIAS = ("extreme-left", "left", "left-center", "center", "right-center", "right", "extreme-right")

#: Factual reporting, worst to best (MBFC's scale; Baly et al. use low, mixed, high).
FACTUAL = ("very-low", "low", "mixed", "mostly-factual", "high", "very-high")

#: Credibility categories; a numeric score (NewsGuard's 0-100) is kept as its number.
CREDIBILITY = ("low", "medium", "high")

_LABEL_FIXES = {
    "fake-news": "fake",
    "satirical": "satire",
    "unrealiable": "unreliable",
}


def _words(raw: str) -> list[str]:
    return re.sub(r"[^a-z]+", " ", raw.casefold()).split()


def normalise_bias(raw: str | None) -> tuple[str | None, tuple[str, ...]]:
    """The bias on :data:`BIAS` (or None) and the category labels a bias field may
    carry instead or besides (MBFC files "right conspiracy-pseudoscience" as bias).

    >>> normalise_bias("far right conspiracy-pseusdoscience")
    ('extreme-right', ('conspiracy', 'pseudoscience'))
    >>> normalise_bias("least biased")
    ('center', ())
    >>> normalise_bias("center-left")
    ('left-center', ())
    """
    if not raw:
        return None, ()
    words = _words(raw)
    text = " ".join(words)
    labels: list[str] = []
    if "conspiracy" in words:
        labels.append("conspiracy")
    if re.search(r"\b(?:pseu\w*|psue\w*|quackery)\b", text):
        labels.append("pseudoscience")
    if re.search(r"\bpro science\b", text):
        labels.append("pro-science")
    labels += [w for w in ("satire", "questionable", "propaganda") if w in words]
    if "junk" in words:
        labels.append("junk-news")
    extreme = bool({"extreme", "far", "alt"} & set(words))
    leaning = bool({"center", "centre", "leaning"} & set(words))
    left, right = "left" in words, "right" in words
    bias: str | None = None
    if left != right:
        side = "left" if left else "right"
        bias = f"extreme-{side}" if extreme else f"{side}-center" if leaning else side
    elif not left and {"least", "center", "centre"} & set(words):
        bias = "center"
    return bias, tuple(labels)


def normalise_factual(raw: str | None) -> str | None:
    """Factual reporting on :data:`FACTUAL`, or None when the value is not on it.

    >>> normalise_factual("Very Low"), normalise_factual("mostly factual")
    ('very-low', 'mostly-factual')
    """
    value = "-".join(_words(raw or ""))
    return value if value in FACTUAL else None


def normalise_credibility(raw: str | None) -> str | None:
    """``low``/``medium``/``high`` (from "high credibility" too), a numeric score as
    its number (``"95"``), else None.

    >>> normalise_credibility("High Credibility"), normalise_credibility(" 95.0 ")
    ('high', '95')
    """
    if not raw or not raw.strip():
        return None
    try:
        number = float(raw)
    except ValueError:
        words = [w for w in _words(raw) if w != "credibility"]
        value = "-".join(words)
        return value if value in CREDIBILITY else None
    return f"{number:g}"


def normalise_label(raw: str) -> str | None:
    """A category label in lower case, words joined by hyphens, known typos fixed.

    >>> normalise_label("Fake News"), normalise_label(" satirical ")
    ('fake', 'satire')
    """
    value = "-".join(re.sub(r"[^\w]+", " ", raw.casefold()).split())
    return _LABEL_FIXES.get(value, value) or None


@dataclass(frozen=True)
class RatingRecord:
    """One outlet's rating as an importer read it from a list.

    Attributes:
        site: where the rating applies (host, registrable domain, section path).
        raw: the site as the list wrote it (a URL, a domain).
        bias, factual, credibility: normalised (see the module's vocabularies).
        labels: category labels (``conspiracy``, ``satire``, ``fake``...), sorted.
        name: the outlet's name, when the list gives one.
        extra: the list's other fields and the raw values of normalised ones.
        line: line of the file the row starts on.
    """

    site: Site
    raw: str
    bias: str | None = None
    factual: str | None = None
    credibility: str | None = None
    labels: tuple[str, ...] = ()
    name: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    line: int | None = None

    def rates_anything(self) -> bool:
        return bool(self.bias or self.factual or self.credibility or self.labels)

    def content(self) -> dict[str, Any]:
        """What a re-import compares: every field but the line."""
        return {
            "host": self.site.host,
            "domain": self.site.domain,
            "path": self.site.path,
            "raw": self.raw,
            "bias": self.bias,
            "factual": self.factual,
            "credibility": self.credibility,
            "labels": list(self.labels),
            "name": self.name,
            "extra": self.extra,
        }


def rating_id(source: str, site: Site) -> str:
    """32 hex digits naming a source's rating of a site across re-imports."""
    return hashlib.sha256(f"{source}\x1f{site.key}".encode()).hexdigest()[:32]


def content_hash(record: RatingRecord) -> str:
    payload = json.dumps(record.content(), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()
