"""Speaker labels: ``NAME: words`` opening a paragraph is one attribution.

``PENCE: Well, look, ...`` (a transcript turn) and ``Graham: Trump's Rhetoric
Destroying GOP`` (a headline) are attributions whose content is the rest of the
paragraph; PolNeAR annotates them so.
"""

from __future__ import annotations

import re

from spinscope.attribution.content import trim_content
from spinscope.attribution.lexicon import (
    AUXILIARIES,
    BYLINE_OPENERS,
    CORE_VERBS,
    DETS,
    DOCUMENTS,
    FEMALE_NAMES,
    HEADING_LABELS,
    HEADLINE_TAGS,
    IMPERATIVES,
    MALE_NAMES,
    NOT_NAMES,
    PLACES,
    PRONOUNS,
    STOP,
    VENUES,
)
from spinscope.attribution.mentions import is_person_word, is_place_name
from spinscope.attribution.result import Attribution, Range, attribution_kind
from spinscope.attribution.text import QUOTE_CHARS, TokenView
from spinscope.attribution.tokens import is_word

__all__ = ["label_speaker", "lowercase_words", "speaker_labels"]

#: particles of surnames, written in lower case elsewhere ("de Blasio")
_PARTICLES = frozenset(
    ["al", "bin", "da", "de", "del", "der", "di", "du", "la", "le", "van", "von"]
)
#: capitalised words that never name anyone on their own
_NOT_A_NAME = (
    STOP | DETS | PRONOUNS | AUXILIARIES | HEADING_LABELS | HEADLINE_TAGS | IMPERATIVES | NOT_NAMES
)
#: a label holding a number: a broadcaster's call sign and channel ("FOX 5 DC", "Channel
#: 4"); a date ("October 20"), a numbered caption ("Figure 1") or a product ("RTX 3080")
#: before a colon is a heading, not a speaker
_NUMBERED_LABEL = re.compile(
    r"(?:[A-Z][\w.’'-]* )*?(?:[A-Z]{2,}|Channel) \d{1,2}(?: [A-Z]{2,}){0,2}"
)


#: endings of adjectives, which no one-word name has (``Unthinkable``, ``Disgraceful``,
#: ``Scandalous``); a short word ending so may be a surname (``Gable``)
_ADJECTIVE = re.compile(r"^[a-z]{4,}(?:able|ible|ful|ous)$")


def speaker_labels(view: TokenView, taken: set[int]) -> list[Attribution]:
    """Attributions of the paragraphs that open with a speaker label, in text order.

    The label is one to five capitalised words, not a generic heading (``UPDATE:``,
    ``Editor's Note:``, ``Q:``); the content has three words or more. The tokens used
    are added to ``taken``, so cues inside the turn are not re-attributed.
    """
    out: list[Attribution] = []
    low = view.lower
    common = lowercase_words(view)
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
        speaker_end = label_speaker(view, i, colon - 1, common)
        if speaker_end is None:
            continue
        end = _paragraph_end(view, k)
        if _linked_headline(view, k, i, colon, end):
            continue
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
                source=view.chars(i, speaker_end),
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
        elif not (w.isdigit() and n_words) and w not in (".", "-", "&", "’s", "'s"):
            # (a number after a word belongs to the name: "FOX 5 DC:", "Channel 4:")
            break
        j += 1
    if not (j < hi and low[j] == ":" and 1 <= n_words <= 5 and j > i):
        return None
    if any(w.isdigit() for w in low[i:j]) and not _NUMBERED_LABEL.fullmatch(
        view.text[view.starts[i] : view.ends[j - 1]]
    ):
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


#: what closes a transcript turn or a quoted headline (a link's title ends bare)
_TURN_ENDS = frozenset([".", "!", "?", "…", "”", '"', "’", "'", ")"])


def _linked_headline(view: TokenView, sentence: int, first: int, colon: int, end: int) -> bool:
    """Is the labelled paragraph a link to a related story, ``Annie Lowrey: California is
    becoming unlivable``, between the article's paragraphs? A full name (two words or
    more) labels a one-sentence paragraph past the first that ends with no punctuation:
    a columnist's byline and the headline of their piece, not a turn of speech."""
    para = view.para_of_sent[sentence]
    next_para = view.para_of_sent[sentence + 1] if sentence + 1 < len(view.sentences) else para + 1
    if para == 0 or next_para == para:
        return False
    names = [t for t in range(first, colon) if view.words[t][:1].isupper()]
    return len(names) >= 2 and end > colon + 2 and view.lower[end] not in _TURN_ENDS


def _paragraph_end(view: TokenView, sentence: int) -> int:
    """Last token of the paragraph that ``sentence`` belongs to."""
    para = view.para_of_sent[sentence]
    last = sentence
    while last + 1 < len(view.sentences) and view.para_of_sent[last + 1] == para:
        last += 1
    return view.sentences[last][1] - 1


def lowercase_words(view: TokenView) -> frozenset[str]:
    """The words ``view`` writes in lower case somewhere: common words in this article."""
    return frozenset(w for w in view.words if w[:1].islower())


def label_speaker(view: TokenView, first: int, last: int, common: frozenset[str]) -> int | None:
    """The last token of the speaker that the label ``first..last`` before a colon names;
    ``None`` when it names no one.

    A label names a speaker when a person, a group or a document heads it (``Flood
    Victim``, ``Harbour Lawyer``, ``Poll``), when it holds a known first name (``MARY
    ELLIS``), or when every word is a capitalised word the article never writes in lower
    case and no place, tag or function word (``Okafor``, ``Councilman Burke``). ``X to
    Y:`` is X speaking to Y (the speaker ends before ``to``). A heading in capitals of
    two words or more (``SPECIAL REPORT``), a tabloid tag (``Shock``), a place
    (``Montana``), a clause (``It Is Spreading``) or a topic whose words the article
    writes in lower case (``Valley Flooding``) names no one.
    """
    words, low = view.words, view.lower
    toks = [t for t in range(first, last + 1) if any(c.isalpha() for c in words[t])]
    lows = [low[t] for t in toks]
    if "to" in lows[1:]:
        toks = toks[: lows.index("to")]
        lows = lows[: len(toks)]
    if not toks:
        return None
    head = lows[-1].removesuffix("’s").removesuffix("'s")
    if len(toks) > 1 and all(words[t].isupper() for t in toks):
        # a transcript speaker in capitals has a first name (JANE ROE), a heading not;
        # nor has a broadcaster (FOX 5 DC), which the article also names in a sentence
        # ("Wheeler told FOX 5 DC he …"), as it never does a heading
        if any(w in FEMALE_NAMES or w in MALE_NAMES for w in lows):
            return toks[-1]
        return toks[-1] if _named_in_a_sentence(view, first, toks[-1]) else None
    if any(w in _NOT_A_NAME for w in lows):
        return None
    if len(toks) == 1 and _ADJECTIVE.search(head) and head not in FEMALE_NAMES | MALE_NAMES:
        return None  # "Unthinkable:", "Scandalous:": the writer's verdict, no one's name
    if head in DOCUMENTS or head in VENUES or is_person_word(head):
        return toks[-1]
    if any(w in PLACES for w in lows) or is_place_name(" ".join(words[t] for t in toks)):
        return None  # "New Hampshire:" heads a list item, no one speaks
    for t, w in zip(toks, lows, strict=True):
        if w in _PARTICLES and t != toks[-1]:
            continue  # "De Blasio", "Van Hollen"
        name_like = words[t][:1].isupper() and (
            w in FEMALE_NAMES or w in MALE_NAMES or is_person_word(w) or w not in common
        )
        if not name_like:
            return None
    return toks[-1]


def _named_in_a_sentence(view: TokenView, first: int, last: int) -> bool:
    """Does the text write the label ``first..last`` elsewhere after a lowercase word
    (``told FOX 5 DC``), as a name inside a sentence?"""
    label = view.text[view.starts[first] : view.ends[last]]
    at = view.starts[first]
    return any(m.start() != at for m in re.finditer(rf"(?<=[a-z] ){re.escape(label)}\b", view.text))
