"""Token view of a document for the attribution rules: words, sentences, paragraphs, quotes.

Built once per document from the ``sentences``/``tokens`` groups (``sentences.v1``).
Quote marks are paired per paragraph (one line of text):

* curly ``“ ”`` / ``« »`` / ``„`` open and close; a straight ``"`` toggles;
* double quotes do not nest in English news, so a second opener before a closer
  makes the paragraph *unbalanced*; single quotes (``‘ ’``) inside a double-quoted
  span are nested quotes and stay part of it;
* a paragraph that ends inside an open quote is accepted when the next paragraph
  opens a quote too (the multi-paragraph quotation convention), or when its only
  double mark opens it at the paragraph's start or after a lead-in (a quotation whose
  closing mark was forgotten, ending with its paragraph); otherwise the paragraph's
  quotes are refused (no quote spans) rather than guessed;
* paragraphs with no double quotes may use single quotes (British style), paired
  only where ``‘`` follows a space and ``’`` is not an apostrophe inside a word.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from spinscope.attribution.lexicon import CORE_VERBS, FEMALE_NAMES, INVERTING, MALE_NAMES
from spinscope.document import Document
from spinscope.segment import sentence_offsets, token_offsets

__all__ = ["QUOTE_CHARS", "TokenView", "find_quotes"]

Range = tuple[int, int]

#: months and modals that are also surnames (``Theresa May``, ``Jean March``)
SURNAME_WORDS = frozenset(["May", "March", "June", "April", "August"])

OPEN_DQ = "“„«"
CLOSE_DQ = "”»"
QUOTE_CHARS = frozenset("\"“”„«»‘’'")
_PARA = re.compile(r"[^\n\r\u2028\u2029]+")


#: the characters the pairing below acts on: every other character is skipped unread
_DOUBLE_MARKS = re.compile("[\"“”„«»]|''")
_SINGLE_MARKS = re.compile("[‘’]")


def _pair_double(text: str, start: int, end: int) -> tuple[list[Range], bool, bool]:
    """Quote ranges (marks included) in ``text[start:end]``; flags: balanced, ends open.

    A quotation left open at a sentence's end and taken up by an opening mark at the
    next sentence's start (``He writes: “… our nation. “Yes, they agree.”``) is the
    convention for a quotation that goes on in a new paragraph, its paragraph break
    lost: two quotations, the first without its closing mark. That reading is taken
    only where reading the second mark as a quotation nested in the first leaves the
    first open to the paragraph's end."""
    nested = _pair_double_marks(text, start, end, split=False)
    if nested[1] and nested[2]:
        split = _pair_double_marks(text, start, end, split=True)
        if split[1] and not split[2] and len(split[0]) > len(nested[0]):
            return split
    return nested


#: a full stop (or ``!``/``?``) ending a sentence, then the space before an opening mark
_STOP_BEFORE_OPENER = re.compile(r"[.!?]\s+$")


def _pair_double_marks(
    text: str, start: int, end: int, *, split: bool
) -> tuple[list[Range], bool, bool]:
    """:func:`_pair_double`'s pairing; with ``split``, an opening ``“`` at a sentence's
    start inside an open ``“`` quotation closes that one after its full stop (no
    closing mark) and opens the next, instead of nesting in it."""
    out: list[Range] = []
    open_at: int | None = None
    nested = 0
    for m in _DOUBLE_MARKS.finditer(text, start, end):
        i = m.start()
        c = text[i]
        if c == "'":
            # NYT-style ''double apostrophes'' act as a straight double quote
            c = '"'
            if open_at is not None:
                out.append((open_at, i + 2))
                open_at = None
                continue
        if c in OPEN_DQ or (c == '"' and open_at is None):
            if open_at is not None:
                if c != "“" or text[open_at] != "“":
                    return [], False, False
                stop = _STOP_BEFORE_OPENER.search(text, open_at + 1, i)
                if split and not nested and stop is not None and text[i + 1 : i + 2].isupper():
                    out.append((open_at, stop.start() + 1))
                    open_at = i
                    continue
                # “… will say “’Wow …’ Hey.”: a quotation inside the quotation
                nested += 1
                continue
            open_at = i
        elif c in CLOSE_DQ or c == '"':
            if nested and c == "”":
                nested -= 1
                continue
            if open_at is None:
                stray = _single_opener(text, out[-1][1] if out else start, i)
                if stray is not None:
                    # "‘We will not back down,” Vale said": a single mark opened it
                    out.append((stray, i + 1))
                    continue
                # a closer with no opener: the continuation of a quote from the previous
                # paragraph never looks like this, so it is an unbalanced paragraph.
                return [], False, False
            out.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        return [*out, (open_at, end)], True, True
    return out, True, False


def _single_opener(text: str, start: int, end: int) -> int | None:
    """The first ``‘`` in ``text[start:end]`` that opens at a word's start and is not
    closed by a ``’`` before ``end`` (a quotation opened with a single mark and closed
    with a double one), or ``None``."""
    for k in range(start, end):
        if text[k] != "‘":
            continue
        before = text[k - 1] if k > start else " "
        if not (before.isspace() or before in "([—-:") or _is_ayin(text, k):
            continue
        closed = any(
            text[j] == "’" and not (j + 1 < end and text[j + 1].isalnum())
            for j in range(k + 1, end)
        )
        if not closed:
            return k
    return None


def _pair_single(text: str, start: int, end: int) -> list[Range]:
    out: list[Range] = []
    open_at: int | None = None
    for m in _SINGLE_MARKS.finditer(text, start, end):
        i = m.start()
        c = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if (
            c == "‘"
            and (before.isspace() or before in "([—-")
            and open_at is None
            and not _is_ayin(text, i)
        ):
            open_at = i
        elif c == "’" and open_at is not None and not (before.isalnum() and after.isalnum()):
            if after.isalnum():
                continue
            out.append((open_at, i + 1))
            open_at = None
    return out if open_at is None else []


def find_quotes(text: str) -> list[Range]:
    """Balanced quotation ranges (marks included) across the text, in order."""
    paras = [m.span() for m in _PARA.finditer(text) if m.group().strip()]
    quotes: list[Range] = []
    quoted_before = False  # the previous paragraph closes or continues a quotation
    skip_to = -1  # the last line of a quotation run over several lines, already paired
    for k, (ps, pe) in enumerate(paras):
        if k <= skip_to:
            continue
        para = text[ps:pe].strip()
        has_double = any(c in '"“”„«»' for c in text[ps:pe]) or "''" in text[ps:pe]
        if not has_double:
            quotes.extend(_pair_single(text, ps, pe))
            quoted_before = False
            continue
        ranges, balanced, ends_open = _pair_double(text, ps, pe)
        if not balanced:
            quoted_before = False
            continue
        if ends_open:
            nxt = text[paras[k + 1][0] : paras[k + 1][1]].lstrip() if k + 1 < len(paras) else ""
            # "“…” ¶ “… in me." ¶ Copeland …: a paragraph that is all quotation, right
            # after one that closes or continues a quotation, is its last paragraph
            # though its closing mark was forgotten
            # (curly marks only: straight ones do not tell opening from closing)
            last_part = quoted_before and para[:1] in OPEN_DQ
            if (not nxt or nxt[0] not in OPEN_DQ + '"') and not last_part:
                closed = _closed_on_later_line(text, paras, k)
                if closed is not None:
                    last, close, rest = closed
                    quotes.extend([*ranges[:-1], (ranges[-1][0], close + 1), *rest])
                    skip_to = last
                    quoted_before = False
                    continue
                run = _run_to_next_opener(text, paras, k)
                if run is not None:
                    ranges[-1] = (ranges[-1][0], paras[run][1])
                    quotes.extend(ranges)
                    skip_to = run
                    quoted_before = True
                    continue
                # a later line closing it (unpaired, so refused above) shows the
                # quotation runs on past this paragraph: ending it here would cut it
                if _open_to_paragraph_end(text, ps, pe) and _later_closer(text, paras, k) is None:
                    quotes.extend(ranges)
                    quoted_before = False
                    continue
                quoted_before = False
                continue  # an unclosed quote that is not a multi-paragraph quotation
        quotes.extend(ranges)
        quoted_before = ends_open or para[-1:] in CLOSE_DQ + '"'
    return quotes


#: words of saying that, after a comma inside an unclosed quotation (``“We will win,
#: Smith said``), show where its forgotten closing mark belonged
_CUE_WORDS = CORE_VERBS | INVERTING
_WORD = re.compile(r"[A-Za-z’']+")


def _open_to_paragraph_end(text: str, ps: int, pe: int) -> bool:
    """Whether a paragraph's only double mark opens a quotation that runs, its closing
    mark forgotten, to the paragraph's end.

    A one-paragraph quotation sometimes loses its closing mark (``Varadkar explained:
    "They were proposing a circuit break. …`` ¶ narrative). The mark must open the
    paragraph (curly: a straight one there may close what the paragraph before left
    open) or follow a lead-in that ends in a colon, or a comma after a word of saying
    (``told us, "I have a source …``), and be followed by a word. A word of saying after
    a comma inside the stretch (``“We will win, Smith said.``), outside a quotation
    nested in it, shows the closer belonged before it, so the paragraph stays refused
    rather than quoting the attribution.
    """
    marks = [m.start() for m in _DOUBLE_MARKS.finditer(text, ps, pe)]
    if len(marks) != 1:
        return False
    i = marks[0]
    if i + 1 >= pe or not text[i + 1].isalnum():
        return False
    lead = text[ps:i].strip()
    if lead:
        words = [w.lower() for w in _WORD.findall(lead)]
        if not (lead.endswith(":") or (lead.endswith(",") and any(w in _CUE_WORDS for w in words))):
            return False
    elif text[i] not in OPEN_DQ:
        return False
    # words inside a quotation nested in it (``and said, ‘Rod, we were told …``) are
    # the quoted speaker's report, not the writer's attribution
    nested = re.search(r"(?<=\s)‘", text[i:pe])
    stretch = text[i : pe if nested is None else i + nested.start()]
    for comma in re.finditer(",", stretch):
        after = _WORD.findall(stretch[comma.end() :])[:4]
        if any(w.lower() in _CUE_WORDS for w in after):
            return False
    return True


#: how many lines a quotation may run on before the line that closes it
_MAX_QUOTE_LINES = 6


def _closed_on_later_line(
    text: str, paras: list[Range], k: int
) -> tuple[int, int, list[Range]] | None:
    """Where a quotation left open at the end of line ``k`` closes on a later line.

    Text laid out one sentence per line (``“I will go to the appellate level.`` ¶ ``I
    will go to the Supreme Court.`` ¶ ``I will waste all my time,” he said.``) splits a
    quotation of several sentences over lines that are no paragraphs. It is one
    quotation when the lines between hold no double quote mark and the first mark of
    the closing line closes (``”``, or ``"`` right after a word or punctuation) and the
    rest of that line pairs. Returns (that line's index, the closer's offset, the
    rest's quotes), or ``None`` (an open quote that is not closed so is refused).
    """
    later = _later_closer(text, paras, k)
    if later is None:
        return None
    j, i = later
    rest, balanced, ends_open = _pair_double(text, i + 1, paras[j][1])
    if not balanced or ends_open:
        return None
    return j, i, rest


def _later_closer(text: str, paras: list[Range], k: int) -> tuple[int, int] | None:
    """The line after line ``k`` (within a quotation's reach) whose first double mark
    closes a quotation, and that mark's offset; ``None`` when the next marked line
    opens one or no line is marked."""
    for j in range(k + 1, min(k + 1 + _MAX_QUOTE_LINES, len(paras))):
        ps, pe = paras[j]
        m = _DOUBLE_MARKS.search(text, ps, pe)
        if m is None:
            continue
        i = m.start()
        closes = text[i] in CLOSE_DQ or (
            text[i] == '"' and i > ps and not text[i - 1].isspace() and text[i - 1] not in "([—-:"
        )
        return (j, i) if closes else None
    return None


#: how many unmarked lines a quotation opened at a line's start may run on before the
#: next quotation's line (the multi-paragraph convention in one-sentence-per-line text)
_MAX_RUN_LINES = 3


def _run_to_next_opener(text: str, paras: list[Range], k: int) -> int | None:
    """The last line of a quotation that opens line ``k`` and runs, unclosed, over
    unmarked lines up to a line opening the next quotation, or ``None``.

    Text laid out one sentence per line applies the multi-paragraph convention to its
    lines: ``“The only way out is a clean break.`` ¶ ``And then we will have left.`` ¶
    ``“There was no question about a deal.”`` leaves the quotation open until the line
    that opens the next one. Only a line that is one quotation from its first character,
    with no other double mark, counts: ``He said: “We will win.`` or ``“No,” he said.
    “We will win.`` followed by narrative is a forgotten closer, not a run, and a line
    quoting someone inside it may be the writer's own words around them. Every line
    between must hold no double quote mark.
    """
    ps, pe = paras[k]
    marks = _DOUBLE_MARKS.findall(text, ps, pe)
    if len(marks) != 1 or text[ps:pe].lstrip()[:1] not in OPEN_DQ + '"':
        return None
    for j in range(k + 1, min(k + 2 + _MAX_RUN_LINES, len(paras))):
        ls, le = paras[j]
        if _DOUBLE_MARKS.search(text, ls, le) is None:
            continue
        line = text[ls:le].lstrip()
        return j - 1 if j > k + 1 and line[:1] in OPEN_DQ + '"' else None
    return None


_HONORIFIC_END = re.compile(
    r"(?:^|\s)(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev|St|"
    r"Cpl|Maj|Pvt|Cmdr|Amb|Msgr|Supt|Insp|Atty)\.$"
)
#: ``St.`` ends a line as a street's abbreviation too; the other titles never end one
_LINE_END_TITLE = re.compile(r"(?<!\bSt)\.$")


def _is_ayin(text: str, i: int) -> bool:
    """Is the ``‘`` at ``i`` a letter of a transliterated name (``Al-‘Ayesh``, ``Sha‘ban``),
    written between a letter or a hyphen after a letter and the next letter? It opens no
    quotation, and the name is one word."""
    if i < 2 or i + 1 >= len(text) or text[i] != "‘" or not text[i + 1].isalpha():
        return False
    before = text[i - 1]
    return before.isalpha() or (before == "-" and text[i - 2].isalpha())


def _join_ayin_words(text: str, toks: list[Range]) -> list[Range]:
    """Tokens with a transliterated name written with an ayin (:func:`_is_ayin`) made
    one token: the tokenizer splits ``Al-‘Ayesh`` at the hyphen and the mark."""
    out: list[Range] = []
    for s, e in toks:
        joined = bool(out) and (
            out[-1][1] == s
            and (
                _is_ayin(text, s)
                or (s > 0 and _is_ayin(text, s - 1))
                or (text[s] == "-" and _is_ayin(text, e))
            )
        )
        if joined:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _join_honorifics(text: str, sents: list[Range]) -> list[Range]:
    """Undo sentence breaks after a title: ``... borrowing. Mr.`` | ``McKinley notes ...``.

    The shared splitter sometimes ends a sentence at ``Mr.``; the attribution rules
    need the title and the name in one sentence (PolNeAR sources keep the title).
    """
    out: list[Range] = []
    for s, e in sents:
        prev = text[out[-1][0] : out[-1][1]] if out else ""
        if out and _HONORIFIC_END.search(prev) and text[s : s + 1].isupper():
            gap = text[out[-1][1] : s]
            breaks = sum(gap.count(c) for c in "\n\r\u2028\u2029")
            # one line break after a title (``the Rev.`` ¶ ``Fernando Karadima``): a text
            # laid out one sentence per line, whose splitter cut at the title's full stop
            if breaks == 0 or (gap.strip(" \t") == "\n" and _LINE_END_TITLE.search(prev)):
                out[-1] = (out[-1][0], e)
                continue
        out.append((s, e))
    return out


#: a quotation closing its sentence, then another quotation opening the next one
_QUOTE_RUN = re.compile(r"[.!?][”\"]\s+(?=[“\"][A-Z])")


def _split_quote_runs(text: str, sents: list[Range]) -> list[Range]:
    """Split a sentence at a quotation ending in a full stop followed by another
    quotation (``… delivered “more than a million packages.” “Bad drugs kill,” Al Roe
    told …``): the shared splitter keeps them together, and the first sentence's cue
    would take the second quotation from the cue that closes it."""
    out: list[Range] = []
    for s, e in sents:
        start = s
        for m in _QUOTE_RUN.finditer(text, s, e):
            out.append((start, m.start() + 2))
            start = m.end()
        out.append((start, e))
    return out


@dataclass
class TokenView:
    """Flat token arrays of a document, with sentence and quote membership."""

    text: str
    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    lower: list[str] = field(default_factory=list)
    sent_of: list[int] = field(default_factory=list)
    sentences: list[Range] = field(default_factory=list)  # token index ranges [a, b)
    sent_chars: list[Range] = field(default_factory=list)
    quotes: list[Range] = field(default_factory=list)  # character ranges
    quote_of: list[int] = field(default_factory=list)  # quote index or -1
    para_of_sent: list[int] = field(default_factory=list)

    @cached_property
    def sentence_has_quote(self) -> list[bool]:
        """Per sentence: does any of its tokens lie inside a quotation?"""
        return [any(self.quote_of[k] >= 0 for k in range(a, b)) for a, b in self.sentences]

    @cached_property
    def surname_words(self) -> frozenset[str]:
        """Months and modals the document writes as a surname after a first name
        (``Theresa May``): there, the word alone may be that person too (``May told``)."""
        return frozenset(
            self.words[i]
            for i in range(1, len(self.words))
            if self.words[i] in SURNAME_WORDS
            and self.lower[i - 1] in FEMALE_NAMES | MALE_NAMES
            and self.words[i - 1][:1].isupper()
        )

    @classmethod
    def from_document(cls, doc: Document) -> TokenView:
        if doc.has_group("sentences") and doc.has_group("tokens"):
            sents = [(s.start, s.end) for s in doc.sentences]
            toks = [(t.start, t.end) for t in doc.tokens]
        else:
            sents = list(sentence_offsets(doc.text))
            toks = [t for s, e in sents for t in token_offsets(doc.text, s, e)]
        return cls.build(doc.text, sents, toks)

    @classmethod
    def from_text(cls, text: str) -> TokenView:
        sents = list(sentence_offsets(text))
        toks = [t for s, e in sents for t in token_offsets(text, s, e)]
        return cls.build(text, sents, toks)

    @classmethod
    def build(cls, text: str, sents: list[Range], toks: list[Range]) -> TokenView:
        sents = _split_quote_runs(text, _join_honorifics(text, sents))
        toks = _join_ayin_words(text, toks)
        v = cls(text=text)
        v.quotes = find_quotes(text)
        q_starts = [q[0] for q in v.quotes]
        tok_starts = [t[0] for t in toks]
        para = 0
        prev_end = 0
        for k, (ss, se) in enumerate(sents):
            if k and any(c in "\n\r\u2028\u2029" for c in text[prev_end:ss]):
                para += 1
            prev_end = se
            lo = bisect.bisect_left(tok_starts, ss)
            hi = bisect.bisect_left(tok_starts, se)
            if hi <= lo:
                continue
            a = len(v.starts)
            for ts, te in toks[lo:hi]:
                w = text[ts:te]
                v.starts.append(ts)
                v.ends.append(te)
                v.words.append(w)
                v.lower.append(w.lower())
                v.sent_of.append(len(v.sentences))
                j = bisect.bisect_right(q_starts, ts) - 1
                v.quote_of.append(j if j >= 0 and ts < v.quotes[j][1] else -1)
            v.sentences.append((a, len(v.starts)))
            v.sent_chars.append((ss, se))
            v.para_of_sent.append(para)
        return v

    def __len__(self) -> int:
        return len(self.words)

    def chars(self, i: int, j: int) -> Range:
        """Character range of tokens ``i..j`` inclusive."""
        return self.starts[i], self.ends[j]

    def is_open_quote(self, i: int) -> bool:
        q = self.quote_of[i]
        return q >= 0 and self.starts[i] == self.quotes[q][0]

    def is_close_quote(self, i: int) -> bool:
        q = self.quote_of[i]
        return q >= 0 and self.ends[i] == self.quotes[q][1] and self.words[i] in QUOTE_CHARS
