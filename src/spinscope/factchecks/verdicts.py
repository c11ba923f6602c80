"""Textual and numeric ratings mapped onto :data:`~spinscope.factchecks.model.VERDICTS`."""

from __future__ import annotations

import re

# Rating texts as publishers write them (lower case, punctuation folded to spaces).
_TEXTUAL: dict[str, str] = {
    "false": "false",
    "pants on fire": "false",
    "pants fire": "false",
    "fake": "false",
    "fabricated": "false",
    "incorrect": "false",
    "wrong": "false",
    "not true": "false",
    "hoax": "false",
    "scam": "false",
    "misattributed": "false",
    "miscaptioned": "false",
    "disinformation": "false",
    "four pinocchios": "false",
    "mostly false": "mostly-false",
    "barely true": "mostly-false",
    "misleading": "mostly-false",
    "largely false": "mostly-false",
    "three pinocchios": "mostly-false",
    "mixture": "mixed",
    "mixed": "mixed",
    "half true": "mixed",
    "partly true": "mixed",
    "partly false": "mixed",
    "partially true": "mixed",
    "partially false": "mixed",
    "half flip": "mixed",
    "two pinocchios": "mixed",
    "mostly true": "mostly-true",
    "mostly correct": "mostly-true",
    "largely true": "mostly-true",
    "one pinocchio": "mostly-true",
    "true": "true",
    "correct": "true",
    "accurate": "true",
    "correct attribution": "true",
    "geppetto checkmark": "true",
}


def _key(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.casefold()).strip()


def from_text(text: str | None) -> str | None:
    """The verdict a rating text names, or None when it names none we know.

    >>> from_text("Mostly False"), from_text("pants-fire"), from_text("Satire")
    ('mostly-false', 'false', None)
    """
    if not text:
        return None
    return _TEXTUAL.get(_key(text))


def from_scale(value: float, worst: float, best: float) -> str:
    """A numeric rating on a worst..best scale, in five equal bands.

    >>> from_scale(1, 1, 5), from_scale(3, 1, 5), from_scale(5, 1, 5)
    ('false', 'mixed', 'true')
    """
    if best == worst:
        return "other"
    share = min(max((value - worst) / (best - worst), 0.0), 1.0)
    bands = ("false", "mostly-false", "mixed", "mostly-true", "true")
    return bands[min(int(share * 5), 4)]


def normalise(text: str | None) -> str:
    """The verdict for ``text``; "other" when it names none."""
    return from_text(text) or "other"
