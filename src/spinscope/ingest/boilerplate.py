"""The ``boilerplate.v1`` component: marks blog/CMS furniture that survived extraction.

Plain-text copies of articles often keep a footer ("No comments: / Post a Comment",
"Share this:", "Posted by Admin at 9:14 AM"). The text stays untouched; the lines are
marked as a ``boilerplate`` span group, and analysers skip them
(:meth:`Document.content_ranges`).
"""

from __future__ import annotations

import re

from spinscope.document import Document, Span
from spinscope.pipeline import Component, register

__all__ = ["BOILERPLATE_PATTERNS", "find_boilerplate"]

#: Whole-line patterns (case-insensitive) of blog and CMS furniture, with a label each.
BOILERPLATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (label, re.compile(rf"^\s*(?:{pattern})\s*$", re.I))
    for label, pattern in [
        ("comments", r"no comments:?|\d+ comments?:?|post a comment|leave a (?:comment|reply)"
         r"|newer post|older post|home|subscribe to:? post comments \(atom\)"),
        ("share", r"share (?:this|on \w+)(?: ?:)?|email this|blogthis!?|share to (?:twitter|facebook|pinterest)"
         r"|tweet|pin it|print(?: this)?(?: article)?"),
        ("byline", r"posted by .{1,60}? at \d{1,2}:\d{2}(?: ?[ap]m)?|labels?: .{0,200}"),
        ("related", r"related (?:posts|articles|stories):?|you may also like:?|read more:?"),
        ("legal", r"(?:©|\(c\)|copyright) .{0,120}|all rights reserved\.?"),
    ]
]


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n\u2028\u2029")
        out.append((pos, pos + len(stripped)))
        pos += len(line)
    return out


def _label(text: str) -> str | None:
    if not text.strip():
        return "blank"
    for label, pattern in BOILERPLATE_PATTERNS:
        if pattern.match(text):
            return label
    return None


def find_boilerplate(text: str, *, max_lines: int = 12) -> list[Span]:
    """Boilerplate lines in the trailing (and leading) block of ``text``.

    Only a contiguous run of furniture lines at the very end (or start) is marked:
    a "Home" or "Tweet" line inside the article body is the author's text.
    """
    lines = _lines(text)
    marked: list[Span] = []

    def scan(indices: range | list[int]) -> None:
        taken = 0
        for i in indices:
            start, end = lines[i]
            label = _label(text[start:end])
            if label is None or taken >= max_lines:
                break
            if label != "blank":
                marked.append(Span(start, end, label))
                taken += 1

    scan(list(reversed(range(len(lines)))))
    tail = {s.start for s in marked}
    scan(range(len(lines)))
    unique = {(s.start, s.end): s for s in marked}
    del tail
    return sorted(unique.values(), key=lambda s: s.start)


@register(
    "boilerplate.v1",
    assigns=("boilerplate",),
    default_config={"max_lines": 12},
    description="Marks blog/CMS furniture (comment and share footers, bylines) that analysers skip.",
)
def make_boilerplate(max_lines: int = 12) -> Component:
    def boilerplate(doc: Document) -> Document:
        doc.set_spans("boilerplate", find_boilerplate(doc.text, max_lines=max_lines))
        return doc

    return boilerplate
