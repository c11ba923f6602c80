"""Dates as sources write them, to ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import datetime

_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y/%m/%d")
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")


def iso_date(text: str | None, formats: tuple[str, ...] = _FORMATS) -> str | None:
    """``text`` as an ISO date, or None when it is empty or unreadable.

    >>> iso_date("10 October 2020"), iso_date("2020-10-09T13:00:00Z"), iso_date("soon")
    ('2020-10-10', '2020-10-09', None)
    >>> iso_date("10/03/17", ("%m/%d/%y",))
    '2017-10-03'
    """
    if not text or not text.strip():
        return None
    text = text.strip()
    match = _ISO_PREFIX.match(text)
    if match:
        text = "-".join(match.groups())
        formats = ("%Y-%m-%d",)
    for fmt in formats:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None
