"""The ``boilerplate.v1`` component: marks blog/CMS furniture that survived extraction.

Plain-text copies of articles often keep a footer ("No comments: / Post a Comment",
"Share this:", "Posted by Admin at 9:14 AM", "Labels: Syria, Russia", "Newer Post
Older Post Home") or a header (cookie banner, "Skip to content"). The text stays
untouched; each contiguous furniture block at the very end or start of the text
becomes **one** span in the ``boilerplate`` group (label ``"footer"`` or
``"header"``, ``attrs["lines"]`` listing the kind of each line), and analysers skip
it (:meth:`Document.content_ranges`).

Only whole lines count, and only at the edges of the text: a sentence that mentions
comments, or a "Home" line inside the article, is the author's text. A "Related
articles" heading near the end also takes the short headline lines listed under it.
"""

from __future__ import annotations

import re

from spinscope.document import Document, Span
from spinscope.pipeline import Component, register

__all__ = ["BOILERPLATE_PATTERNS", "find_boilerplate", "line_kind"]

_SHARE_WORDS = (
    r"share|tweet|email|e-mail|print|facebook|twitter|x|whatsapp|telegram|linkedin|reddit"
    r"|pinterest|vk|messenger|flipboard|copy link|pin it"
)
_DATE = (
    r"(?:\w+,? )?"
    r"(?:\w+ \d{1,2},? \d{4}|\d{1,2} \w+,? \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
)
_TIME = r"\d{1,2}:\d{2}(?::\d{2})? ?(?:[ap]\.?m\.?)?(?: [A-Z]{2,4})?"

#: Whole-line patterns (case-insensitive) of blog and CMS furniture, with a kind each.
#: Lines are matched after trimming surrounding whitespace.
BOILERPLATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (kind, re.compile(rf"(?:{pattern})", re.I))
    for kind, pattern in [
        (
            "comments",
            r"no comments?:?|\d+ comments?:?|comments? \(\d+\)|post a comment\.?"
            r"|leave a (?:comment|reply)\.?|add (?:a |your )?comment\.?|(?:show|view) comments"
            r"|comments are closed\.?|you must be logged in to post a comment\.?"
            r"|(?:please )?log ?in to (?:post a )?comment\.?",
        ),
        (
            "navigation",
            r"(?:(?:newer|older) posts?|home)(?: ?(?:newer|older) posts?| ?home)*"
            r"|(?:previous|next) (?:post|article|story)(?:: .{1,120})?|back to top"
            r"|skip to(?: main)? content"
            r"|(?:main )?menu|search(?: for)?:?",
        ),
        (
            "subscribe",
            r"subscribe to:? (?:post comments|posts?|comments)(?: \((?:atom|rss)\))?"
            r"|subscribe(?: now| here| to (?:our|the) newsletter)?[.!]?"
            r"|sign up (?:for|to) (?:our|the) newsletter[.!]?|follow us(?: on \w+(?: and \w+)?)?:?",
        ),
        (
            "share",
            rf"(?:(?:{_SHARE_WORDS})(?: (?:this|it|on \w+|(?:to|via) \w+|article|story|post|page))*"
            r"!?:?[\s|,/·•]*){1,12}|blogthis!?|email this",
        ),
        (
            "byline",
            rf"posted by [^.!?\n]{{1,60}}?(?: (?:at|on) (?:{_DATE}(?: at)? ?)?(?:{_TIME})?)?"
            rf"|posted (?:on|at) {_DATE}(?: at {_TIME})?",
        ),
        (
            "labels",
            r"(?:labels?|tags?|filed under|categor(?:y|ies)|topics?):"
            # Items start with a non-space so that "\s*" and the item never compete
            # for the same characters (that ambiguity backtracks exponentially).
            r" ?[^,\s][^,\n]{0,59}(?:, ?[^,\s][^,\n]{0,59}){0,30}",
        ),
        (
            "related",
            r"related(?: posts?| articles?| stories| news| content| coverage)?:?"
            r"|you (?:may|might) also (?:like|be interested in):?|(?:read|see) (?:more|also):?"
            r"|more (?:from|on) (?:this|the) (?:site|author|topic)"
            r"|recommended(?: for you| stories)?:?",
        ),
        (
            "cookies",
            r"(?:we|this (?:web)?site) uses? cookies\b.{0,400}"
            r"|(?:accept|reject|allow|decline)(?: all)?(?: cookies)?|got it!?"
            r"|(?:manage )?cookie (?:policy|settings|preferences|consent)",
        ),
        (
            "legal",
            r"(?:©|\(c\)|copyright)\s*(?:©\s*)?\d{4}(?:\s*[-–]\s*\d{4})?\b.{0,120}"
            r"|(?:.{0,120}\s)?all rights reserved\.?"
            r"|privacy policy|terms (?:of (?:use|service)|and conditions)|contact us|about us",
        ),
        ("powered", r"powered by (?:blogger|wordpress(?:\.com)?|ghost|substack)\.?"),
        ("separator", r"[-_=*·•~#]{3,}"),
    ]
]

#: Kinds that head a list of links: short lines under them belong to the block.
_LIST_HEADINGS = frozenset({"related"})
#: Longest "line" of a related-articles list (a headline, not a paragraph).
_MAX_ITEM_CHARS = 150
#: Lines longer than this are never furniture (cookie banners come close).
_MAX_LINE_CHARS = 500


def line_kind(line: str) -> str | None:
    """The furniture kind of one line (``"comments"``, ``"share"``...), or ``None``."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_LINE_CHARS:
        return None
    for kind, pattern in BOILERPLATE_PATTERNS:
        if pattern.fullmatch(stripped):
            return kind
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line's non-space content; blank lines are ``(p, p)``."""
    out: list[tuple[int, int]] = []
    pos = 0
    for raw, content in zip(text.splitlines(keepends=True), text.splitlines(), strict=True):
        stripped = content.strip()
        start = pos + (content.find(stripped) if stripped else 0)
        out.append((start, start + len(stripped)))
        pos += len(raw)
    return out


def _block(
    text: str, lines: list[tuple[int, int]], order: range, *, max_lines: int, lists: bool
) -> list[tuple[int, str]]:
    """Furniture lines met walking ``order`` from one edge: ``(line index, kind)``.

    Stops at the first line that is not furniture. With ``lists``, short unknown lines
    are held back and join the block only if a list heading ("Related articles") sits
    above them; otherwise the block ends below them.
    """
    block: list[tuple[int, str]] = []
    held: list[int] = []
    for i in order:
        start, end = lines[i]
        if start == end:
            continue
        kind = line_kind(text[start:end])
        if kind is None:
            if lists and end - start <= _MAX_ITEM_CHARS and len(block) + len(held) < max_lines:
                held.append(i)
                continue
            break
        if held:
            if kind not in _LIST_HEADINGS:
                break
            block.extend((j, "related_item") for j in held)
            held = []
        block.append((i, kind))
        if len(block) >= max_lines:
            break
    return block


def find_boilerplate(text: str, *, max_lines: int = 12) -> list[Span]:
    """The furniture blocks at the end (and start) of ``text``, one span per block.

    Args:
        text: the document text.
        max_lines: the most lines one block may have; a longer run of "furniture" at
            the edge of a text is more likely a list the author wrote.

    Returns:
        Up to two spans, ``"header"`` then ``"footer"``, each covering its block from
        the first to the last non-space character, with ``attrs["lines"]`` giving
        the kind of each line top to bottom.
    """
    if max_lines < 1 or not text.strip():
        return []
    lines = _lines(text)
    spans: list[Span] = []
    footer = _block(text, lines, range(len(lines) - 1, -1, -1), max_lines=max_lines, lists=True)
    footer.sort()
    first_footer_line = footer[0][0] if footer else len(lines)
    header = _block(text, lines, range(first_footer_line), max_lines=max_lines, lists=False)
    for label, block in (("header", header), ("footer", footer)):
        if block:
            start, end = lines[block[0][0]][0], lines[block[-1][0]][1]
            spans.append(Span(start, end, label, attrs={"lines": [kind for _, kind in block]}))
    return spans


@register(
    "boilerplate.v1",
    assigns=("boilerplate",),
    default_config={"max_lines": 12},
    description="Marks blog/CMS furniture (comment/share footers, bylines) that analysers skip.",
)
def make_boilerplate(max_lines: int = 12) -> Component:
    """The ``boilerplate.v1`` component.

    Args:
        max_lines: the most lines one header or footer block may have.
    """

    def boilerplate(doc: Document) -> Document:
        doc.set_spans("boilerplate", find_boilerplate(doc.text, max_lines=max_lines))
        return doc

    return boilerplate
