"""Speaker labels: ``NAME: words`` opening a paragraph is one attribution.

``PENCE: Well, look, ...`` (a transcript turn) and ``Graham: Trump's Rhetoric
Destroying GOP`` (a headline) are attributions whose content is the rest of the
paragraph; PolNeAR annotates them so.
"""

from __future__ import annotations

from spinscope.attribution.content import trim_content
from spinscope.attribution.lexicon import BYLINE_OPENERS, CORE_VERBS, HEADING_LABELS
from spinscope.attribution.result import Attribution, Range, attribution_kind
from spinscope.attribution.text import QUOTE_CHARS, TokenView
from spinscope.attribution.tokens import is_word

__all__ = ["speaker_labels"]


def speaker_labels(view: TokenView, taken: set[int]) -> list[Attribution]:
    """Attributions of the paragraphs that open with a speaker label, in text order.

    The label is one to five capitalised words, not a generic heading (``UPDATE:``,
    ``Editor's Note:``, ``Q:``); the content has three words or more. The tokens used
    are added to ``taken``, so cues inside the turn are not re-attributed.
    """
    out: list[Attribution] = []
    low = view.lower
    first_of_para = [
        k
        for k in range(len(view.sentences))
        if k == 0 or view.para_of_sent[k] != view.para_of_sent[k - 1]
    ]
    for k in first_of_para:
        label = _label(view, k)
        if label is None:
            continue
        i, colon = label
        end = _paragraph_end(view, k)
        r = trim_content(view, colon + 1, end)
        if r is None or sum(is_word(w) for w in low[r[0] : r[1] + 1]) < 3:
            continue
        while r[1] > r[0] and low[r[1]] in QUOTE_CHARS and view.quote_of[r[1]] < 0:
            r = (r[0], r[1] - 1)  # the stray quote closing a transcript paragraph
        taken.update(range(i, end + 1))
        content = (view.chars(*r),)
        out.append(
            Attribution(
                cue=view.chars(colon, colon),
                content=content,
                source=view.chars(i, colon - 1),
                kind=attribution_kind(view.text, content),
                score=1.0,
            )
        )
    return out


def _label(view: TokenView, sentence: int) -> Range | None:
    """``(first label token, colon)`` when the sentence opens with a speaker label."""
    low, words = view.lower, view.words
    lo, hi = view.sentences[sentence]
    i = lo + 1 if lo < hi and low[lo] in ('"', "“") else lo
    j, n_words = i, 0
    while j < hi and j - i < 10 and low[j] != ":":
        w = words[j]
        if w[:1].isupper() and w[:1].isalpha():
            n_words += 1
        elif w not in (".", "-", "&", "’s", "'s"):
            break
        j += 1
    if not (j < hi and low[j] == ":" and 1 <= n_words <= 5 and j > i):
        return None
    label = " ".join(low[i:j]).replace(" ’s", "’s").replace(" 's", "'s")
    if (
        low[i] in HEADING_LABELS
        or label in HEADING_LABELS
        or low[i] in BYLINE_OPENERS  # "By Jane Roe:", "Posted:": page furniture
        or low[i] in CORE_VERBS  # "Said Ellis: ..." is an ordinary cue
        # "Our Standards:", "My take:": a page heading, not a speaker
        or low[i] in ("our", "my", "your", "their", "his", "her", "its")
        or (j - i == 1 and len(low[i]) < 2)
    ):
        return None
    return i, j


def _paragraph_end(view: TokenView, sentence: int) -> int:
    """Last token of the paragraph that ``sentence`` belongs to."""
    para = view.para_of_sent[sentence]
    last = sentence
    while last + 1 < len(view.sentences) and view.para_of_sent[last + 1] == para:
        last += 1
    return view.sentences[last][1] - 1
