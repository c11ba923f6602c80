"""Attribution extraction: a learned cue tagger plus rules for content and source.

Stages, per document:

1. **Quotes** are paired per paragraph (:mod:`spinscope.attribution.text`); an
   unbalanced paragraph contributes no quote spans (refuse, never guess).
2. **Cues**: a logistic-regression token tagger trained on PolNeAR train
   (``cue_model.json.gz``) scores every token; runs of tokens at or above
   ``threshold`` inside one sentence are cue spans (``said``, ``according to``,
   ``is expected``...). Cues inside quotations are dropped: a quoted speaker's own
   reporting verbs are part of the quote's content.
3. **Speaker labels**: a paragraph opening with ``NAME:`` (a transcript turn ``PENCE:
   ...`` or a ``Graham: ...`` headline) is one attribution whose content is the rest
   of the paragraph; cues inside it are not attributed again.
4. **Source and content** per cue, by the first pattern that applies:

   * ``according to SRC, CONTENT`` / ``CONTENT, according to SRC``;
   * inverted ``“CONTENT,” said SRC`` / ``CONTENT, said SRC``;
   * ``“CONTENT,” SRC said`` (content before the cue, usually a quotation, which may
     span earlier sentences of the paragraph);
   * ``SRC CUE CONTENT`` (the default): the source is the noun phrase left of the cue
     (appositives such as ``Maria Zakharova, the ... spokeswoman,`` included); the
     content runs from the cue to the end of the sentence or to the next cue's
     source; a quotation opened there is followed to its close;
   * ``…, saying/adding …`` takes the previous source of the sentence, else its subject;
   * a clause-opening subject keeps its postmodifiers (``A poll released Friday by X
     shows``, ``The campaign and the party did not respond``), and so does a participle
     with its agent mid-sentence (``emails reviewed by Vox suggest``);
   * ``X, SRC said, Y`` is one attribution whose content is both sides of the aside;
     ``…, SRC said.`` closing a sentence takes the whole clause before it (cues inside
     it are embedded); ``Said SRC: …`` and ``Citing X, SRC …`` have their source right
     of the cue;
   * a cue embedded in a content without a clause break (``said the email came after
     Trump proposed a ban``) stays inside that content (PolNeAR is univocal: a token
     belongs to one attribution), and cues inside an earlier source or content are
     skipped; naming phrases (``better known as``, ``dubbed``) are not cues;

   and quotations that continue the paragraph after ``“X,” he said.`` are added as
   further content fragments (PolNeAR's discontinuous contents).
5. **Kind**: ``direct`` when every content fragment is a quotation, ``mixed`` when
   the content contains quotation marks, ``indirect`` otherwise.
"""

from __future__ import annotations

import bisect
import gzip
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spinscope.attribution.features import token_features
from spinscope.attribution.lexicon import (
    _ADV,
    _CHAIN,
    _CLAUSE_BREAK,
    _CORE_VERBS,
    _DAYS,
    _DETS,
    _LABELS,
    _NAMING,
    _NO_SOURCE,
    _PARENTHETICAL,
    _PASSIVE_AUX,
    _PREPOSITIONS,
    _PRONOUNS,
    _PUNCT_OK_IN_NP,
    _QUANT,
    _ROLE_ED,
    _STOP,
    _TEMPORAL,
    _VENUES,
)
from spinscope.attribution.text import QUOTE_CHARS, TokenView
from spinscope.errors import ModelError, ModelNotFoundError

__all__ = ["DEFAULT_THRESHOLD", "Attribution", "CueModel", "extract", "load_cue_model"]

Range = tuple[int, int]
MODEL_PATH = Path(__file__).with_name("cue_model.json.gz")
#: cue probability threshold, chosen by 5-fold cross-validation on PolNeAR train (max
#: content F1 + source accuracy; ``python -m spinscope.attribution.train.cues --cv 5``)
DEFAULT_THRESHOLD = 0.4


@dataclass(frozen=True)
class Attribution:
    """One attribution: who (source), how (cue), what (content fragments).

    Attributes:
        cue: character range of the cue.
        content: character ranges of the content, in text order.
        source: character range of the source, or ``None`` (anonymous/implicit).
        kind: ``"direct"``, ``"indirect"`` or ``"mixed"``.
        score: the cue tagger's mean probability over the cue tokens.
    """

    cue: Range
    content: tuple[Range, ...]
    source: Range | None
    kind: str
    score: float

    @property
    def start(self) -> int:
        starts: list[int] = [self.cue[0], *(c[0] for c in self.content)]
        if self.source is not None:
            starts.append(self.source[0])
        return min(starts)

    @property
    def end(self) -> int:
        ends: list[int] = [self.cue[1], *(c[1] for c in self.content)]
        if self.source is not None:
            ends.append(self.source[1])
        return max(ends)


@dataclass(frozen=True)
class CueModel:
    """A logistic regression over string features, read from JSON."""

    weights: Mapping[str, float]
    bias: float
    info: Mapping[str, Any] = field(default_factory=dict)

    def probabilities(self, v: TokenView) -> list[float]:
        w = self.weights
        out = []
        for i in range(len(v)):
            z = self.bias + sum(w.get(f, 0.0) for f in token_features(v, i))
            out.append(1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0)
        return out


@lru_cache(maxsize=4)
def load_cue_model(path: Path | None = None) -> CueModel:
    """Load (once) the cue tagger weights shipped next to this module."""
    path = Path(path) if path else MODEL_PATH
    if not path.is_file():
        raise ModelNotFoundError(
            f"attribution cue model not found at {path}; train it with "
            "`python -m spinscope.attribution.train.cues` (see its docstring)"
        )
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return CueModel(
            weights=data["weights"],
            bias=float(data["bias"]),
            info={k: v for k, v in data.items() if k != "weights"},
        )
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"attribution cue model {path} is corrupt: {exc}") from exc


# -- noun phrases -------------------------------------------------------------------


def _is_word(w: str) -> bool:
    return w[:1].isalnum()


def _np_left(v: TokenView, end: int, lo: int, cue_tok: set[int], limit: int = 14) -> Range | None:
    """Token range ``[i, end]`` of the noun phrase ending at token ``end`` (walking left)."""
    low, words = v.lower, v.words
    if end < lo:
        return None
    if low[end] in _PRONOUNS:
        return (end, end)
    i = end
    while i >= lo and end - i < limit:
        w = low[i]
        if i in cue_tok or w in QUOTE_CHARS:
            break
        caps = i < end and words[i + 1][:1].isupper()
        if w == "," and not (caps and i > lo and words[i - 1][:1].isupper() and _listed(v, i, end)):
            break  # "the United States, Britain and France say" keeps its list
        if not _is_word(w) and w not in _PUNCT_OK_IN_NP and w != ",":
            break
        if w == "-" and ((i > lo and low[i - 1] == "-") or (i < end and low[i + 1] == "-")):
            break  # "WASHINGTON -- President Obama said": a dash, not a hyphen
        if words[i].isupper() and len(w) > 1 and i > lo:
            i -= 1  # "Pence (R-IN)": an all-caps state code, not the preposition
            continue
        if w in _NP_PREPS and caps and i > lo and _is_word(low[i - 1]) and low[i - 1] not in _STOP:
            i -= 1  # "the Commission on Presidential Debates", "supporters in Congress"
            continue
        if w in ("who", "which") or (w in _STOP and w != "and"):
            break
        if w == "and" and not (
            i > lo
            and (words[i - 1][:1].isupper() or low[i - 1].endswith("s"))
            and i < end
            and low[i + 1] not in _STOP
            and low[i + 1] not in _ADV
            and low[i + 1] not in _PRONOUNS
        ):
            break
        if w in _PRONOUNS and i != end and w not in ("one",):
            break
        if (
            w.endswith("ed")
            and len(w) > 4
            and w not in _ROLE_ED
            and v.words[i][:1].islower()
            # "of registered voters", "newly filed reports": an adjective, not a verb
            and not (i > lo and (low[i - 1] in ("of", "the") or low[i - 1].endswith("ly")))
        ):
            break
        i -= 1
    start = i + 1
    # drop leading punctuation / possessive pieces and a trailing temporal phrase
    while start <= end and not _is_word(low[start]) and low[start] not in ("(",):
        start += 1
    while end >= start and (low[end] in _TEMPORAL or low[end] in _ADV):
        end -= 1
    if start > end:
        return None
    return (start, end)


_NP_PREPS = frozenset(["at", "by", "for", "from", "in", "on"])
_OBJECT_PRONOUNS = frozenset(["him", "me", "them", "us"])
_POSSESSIVE_DETS = frozenset(["her", "his", "its", "my", "our", "their", "your"])
# Cues that may follow their content and precede their source after a comma
# ("..., said the minister"); other verbs after a comma start a new clause.
_INVERTING = frozenset(
    [
        "added",
        "adds",
        "argued",
        "asked",
        "continued",
        "explained",
        "insisted",
        "noted",
        "recalled",
        "replied",
        "said",
        "says",
        "tweeted",
        "warned",
        "wrote",
        "writes",
    ]
)


def _listed(v: TokenView, comma: int, end: int) -> bool:
    """Is the comma at ``comma`` inside a list of names closed by "and" before ``end``?"""
    return any(v.lower[t] == "and" for t in range(comma + 1, end))


def _np_right(
    v: TokenView, start: int, hi: int, cue_tok: set[int], limit: int = 14
) -> Range | None:
    """Token range of the noun phrase starting at token ``start`` (walking right)."""
    low = v.lower
    if start >= hi:
        return None
    if low[start] in _OBJECT_PRONOUNS:
        return None  # "told me": an object, never a source
    one_of = low[start] == "one" and start + 1 < hi and _is_word(low[start + 1])
    if low[start] in _PRONOUNS and not one_of:
        return (start, start)
    j = start
    while j < hi and j - start < limit:
        w = low[j]
        if j in cue_tok or w in QUOTE_CHARS:
            break
        if not _is_word(w) and w not in _PUNCT_OK_IN_NP:
            break
        if w in _STOP and w != "and":
            break
        if w == "and" and not (j + 1 < hi and v.words[j + 1][:1].isupper()):
            break
        if w in ("who", "which", "saying", "adding", "told"):
            break
        j += 1
    end = j - 1
    while end >= start and not _is_word(low[end]) and low[end] not in (")", "."):
        end -= 1
    if end >= start and low[end] == "." and end > start and len(low[end - 1]) > 3:
        end -= 1
    if end < start or not any(_is_word(low[t]) for t in range(start, end + 1)):
        return None  # "said Tuesday." leaves only the full stop
    return (start, end)


def _left_source(
    v: TokenView,
    a: int,
    lo: int,
    cue_tok: set[int],
    shared: Range | None = None,
    sent_lo: int | None = None,
) -> Range | None:
    """The source left of a cue at token ``a`` (tokens from ``lo`` on are free).

    ``shared`` is the source of the previous cue of the sentence and ``sent_lo`` the
    sentence's first token: a cue coordinated with an earlier verb (``Authorities
    announced ... and said ...``) shares that verb's subject.
    """
    low, words = v.lower, v.words
    chain = _chain_start(v, a, lo)
    if chain is not None:
        # "The nominee continues to insist": the subject of the governing verb
        return _left_source(v, chain, lo, cue_tok, shared, sent_lo)
    k = a - 1
    while k >= lo and (low[k] in _ADV or _ly_adverb(v.words[k])):
        if low[k] in ("’s", "'s") and not (k - 1 >= lo and low[k - 1] in _PRONOUNS):
            break
        k -= 1
    # "Spicer on Thursday evening said": skip a temporal phrase
    t = k
    while t >= lo and (low[t] in _TEMPORAL or low[t] in _DAYS):
        t -= 1
    if t < k and t >= lo and low[t] in ("on", "last", "this", "earlier", "late", "early", "in"):
        t -= 1
    if t < k and t >= lo and _is_word(low[t]):
        k = t
    if k < lo:
        return None
    if k == a - 1 and low[a][:1].isalpha() and not low[a].endswith(("ed", "ing")):
        # a nominal cue with a possessive: "Trump's claim that ...", "his claim that ..."
        if low[k] in _POSSESSIVE_DETS:
            return (k, k)
        if low[k] in ("’s", "'s") and k - 1 >= lo and words[k - 1][:1].isupper():
            np_ = _np_left(v, k - 1, lo, cue_tok)
            return (np_[0], k) if np_ is not None else None
    if low[k] in ("and", "but") and k > lo:
        # "X keeps its finances secret but says ...": the coordinated verb shares the subject
        if shared is not None:
            return shared
        return _sentence_subject(v, lo if sent_lo is None else sent_lo, k, cue_tok)
    if low[k] == "," and k - 1 >= lo:
        # "Name, appositive, CUE": find the comma opening the appositive (at most three
        # comma-separated segments: "Ramil Carr, 31, a photographer, said")
        c = k
        first_c = -1
        for _ in range(3):
            c -= 1
            while c >= lo and low[c] != "," and not _real_quote(v, c) and c not in cue_tok:
                c -= 1
            if not (c > lo and low[c] == "," and k - c <= 40):
                if first_c > lo and c < lo and words[first_c + 1][:1].isupper():
                    # "The minister of the economy, Mr. Guajardo, argues": the sentence
                    # opens with a role noun phrase before the named appositive
                    c = first_c
                    break
                return None
            if first_c < 0:
                first_c = c
            if words[c - 1].isdigit() and c - 2 >= lo and low[c - 2] == ",":
                continue  # an age: "Schiff, 56, who ..., told"
            if (
                words[c - 1][:1].isupper()
                or low[c - 1] == ")"
                or low[c + 1] in _PARENTHETICAL
                or low[c + 1] in _RELATIVE
            ):
                break
        else:
            return None
        if k - c - 1 < 1:
            return None
        head = _np_left(v, c - 1, lo, cue_tok)
        if head is None:
            return None
        first = low[c + 1]
        if first in _RELATIVE or words[c + 1].isdigit():
            # PolNeAR sources keep relative clauses, ages and "including" lists: "Chris
            # Cox, who runs the NRA's lobbying arm, said" (239 of 342 "who" asides and 35
            # of 36 "including" asides of PolNeAR train sources)
            return (head[0], k)
        if first in _PARENTHETICAL or (first.endswith("ing") and first not in ("king",)):
            # "Clinton, speaking to reporters, said" / "Trump, in Kentucky, said"
            return head
        return (head[0], k)
    if low[k] in QUOTE_CHARS or (not _is_word(low[k]) and low[k] not in (")", ".")):
        return None
    np_ = _np_left(v, k, lo, cue_tok)
    # "Some believe ...", "But many say ...": a quantifier alone is the subject
    quantifier = (
        np_ is not None
        and np_[0] == np_[1]
        and low[np_[0]] in _QUANT_PRONOUNS
        and k == a - 1
        and (np_[0] == lo or low[np_[0] - 1] in _OPENERS)
        and not low[a].endswith(("s", "ion", "ment"))
    )
    if (
        np_ is not None
        and all(low[t] in _DETS for t in range(np_[0], np_[1] + 1))
        and not quantifier
    ):
        return None  # "the" alone: the cue is a noun ("the report"), not a verb
    if np_ is not None and np_[0] - 2 >= lo and low[np_[0] - 1] == "by":
        # "emails combed through by Vox suggest": the agent's participle modifies the
        # noun phrase before it, which heads the source
        p = np_[0] - 2
        if p - 1 >= lo and low[p] in ("through", "out", "up", "down", "off"):
            p -= 1
        if low[p].endswith(("ed", "en", "wn")) and words[p][:1].islower() and p - 1 >= lo:
            head = _np_left(v, p - 1, lo, cue_tok)
            if head is not None and head[1] == p - 1 and low[head[1]] not in _PRONOUNS:
                return (head[0], np_[1])
    if sent_lo is not None and lo == sent_lo and not (np_ is not None and low[np_[1]] in _PRONOUNS):
        ext = _clause_subject(v, lo, k, cue_tok)
        if ext is not None and (np_ is None or (ext[0] < np_[0] and np_[1] <= ext[1])):
            return ext
    return np_


# Past tenses of _NO_SOURCE verbs: "Mr. Deese expected that ..." has a source, "X is
# expected to" / "a move widely expected to" do not.
_NO_SOURCE_ACTIVE = frozenset(["believed", "considered", "expected"])
# Verbs naming their object: ", a move critics called “reckless”" (critics is the source).
_CALLING = frozenset(["called", "deemed", "described", "dubbed", "labeled", "labelled", "termed"])
# Quantifiers that stand alone as a subject ("Some believe", "But many say").
_QUANT_PRONOUNS = frozenset(["many", "most", "several", "some"])
# Words opening a clause before its subject.
_OPENERS = frozenset(["and", "but", "so", "still", "yet"])
_SENTENCE_ADVERBS = frozenset(
    ["however", "instead", "meanwhile", "now", "thus", "today", "tonight", "yesterday"]
)
# Finite verbs and auxiliaries: a clause subject never contains one.
_FINITE = frozenset(
    [
        "are",
        "can",
        "could",
        "did",
        "do",
        "does",
        "had",
        "has",
        "have",
        "is",
        "may",
        "might",
        "must",
        "said",
        "says",
        "shall",
        "should",
        "was",
        "were",
        "will",
        "would",
    ]
)


def _clause_subject(v: TokenView, lo: int, end: int, cue_tok: set[int]) -> Range | None:
    """The whole noun phrase opening a clause and ending at token ``end``.

    ``A poll released Friday by X shows``, ``Many people involved in the talks
    assumed``, ``The campaign and the party did not respond``: a determiner- or
    name-led subject with postmodifiers (participles, prepositional phrases,
    relative clauses, coordination) but no finite verb, comma or quotation. A
    fronted prepositional phrase (``In her favour, all the experts said``) is skipped.
    """
    low, words = v.lower, v.words
    s = lo
    if s <= end and low[s] in _OPENERS:
        s += 1
    if s <= end and low[s] in _PREPOSITIONS | {"for", "with", "by", "of", "since"}:
        c = next((t for t in range(s + 1, min(end, s + 10)) if low[t] == ","), None)
        if c is None:
            return None
        s = c + 1
    if end - s < 1 or end - s > 20 or low[end] in _PRONOUNS or low[end] in _STOP:
        return None
    w0 = low[s]
    if not (
        w0 in _QUANT
        or w0 in ("those", "these", "both", "each", "every", "no")
        or (
            words[s][:1].isupper()
            and w0 not in _STOP
            and w0 not in _ADV
            and w0 not in _PRONOUNS
            and w0 not in _TEMPORAL
            and w0 not in _DAYS
            and w0 not in _SENTENCE_ADVERBS
            and not w0.endswith(("ly", "ing"))
        )
    ):
        return None
    for t in range(s, end + 1):
        w = low[t]
        if (
            t in cue_tok
            or _real_quote(v, t)
            or w in (",", ";", ":", "—", "–", "--")
            or w in _FINITE
            or (w == "-" and (low[t - 1] == "-" or low[t + 1] == "-"))
        ):
            return None
        if w.endswith("ed") and t < end and (low[t + 1] in _DETS or low[t + 1] == "the"):
            return None  # "released a statement": a finite verb with its object
    return (s, end)


# Asides kept inside a PolNeAR source: "X, who ..., said", "unions, including the AFL-CIO,"
_RELATIVE = frozenset(["including", "like", "who", "whose", "which"])
# Lowercase words in -ly that are nouns or adjectives, not adverbs ("Scott's family said").
_LY_NOUNS = frozenset(
    [
        "ally",
        "anomaly",
        "assembly",
        "bully",
        "daily",
        "family",
        "monopoly",
        "rally",
        "supply",
        "weekly",
    ]
)


def _ly_adverb(word: str) -> bool:
    """``repeatedly``, ``also publicly``: an adverb between a source and its cue."""
    return word[:1].islower() and word.endswith("ly") and len(word) > 4 and word not in _LY_NOUNS


def _chain_start(v: TokenView, a: int, lo: int) -> int | None:
    """First token of ``continues to`` / ``was able to`` governing a cue at ``a``.

    Returns ``None`` unless the cue is an infinitive (``to insist`` or ``... to
    insist``) after at least one control verb of :data:`_CHAIN` (adverbs and
    auxiliaries may sit among them).
    """
    low = v.lower
    k = a if low[a] == "to" else a - 1
    if k <= lo or low[k] != "to":
        return None
    j, seen = k - 1, False
    while j >= lo and k - j <= 5:
        w = low[j]
        if w in _CHAIN:
            seen = True
        elif not (w in _ADV or _ly_adverb(v.words[j])) or w in ("’s", "'s"):
            break
        j -= 1
    return j + 1 if seen and j + 1 < k else None


def _real_quote(v: TokenView, i: int) -> bool:
    """A quotation mark, not a possessive apostrophe (``veterans' families``)."""
    w = v.lower[i]
    return w in QUOTE_CHARS and not (w in ("'", "’") and v.quote_of[i] < 0)


def _sentence_subject(v: TokenView, lo: int, hi: int, cue_tok: set[int]) -> Range | None:
    """The noun phrase opening a sentence (skipping a short fronted adverbial)."""
    low = v.lower
    start = lo
    for k in range(lo, min(hi, lo + 6)):
        if low[k] == ",":
            start = k + 1
            break
    if start < hi and low[start] in _PRONOUNS:
        return (start, start)
    j = start
    while j < hi and j - start < 14:
        w, word = low[j], v.words[j]
        if j in cue_tok:
            break
        quantified = low[start] in _QUANT
        if (
            (w in _STOP and w not in ("and", "in", "at", "for"))
            or (w in _ADV and w not in ("’s", "'s"))
            or (w.endswith("ed") and word[:1].islower() and w not in _ROLE_ED)
            or (not _is_word(w) and w not in _PUNCT_OK_IN_NP)
            or (j + 1 < hi and low[j + 1] == "to" and word[:1].islower())
            # a name-led subject takes no lowercase words but role nouns and connectors:
            # "Russia’s Deputy UN Ambassador Vladimir Safronkov | made the warning"
            or (
                not quantified
                and word[:1].islower()
                and w not in _DETS
                and w not in ("of", "’s", "'s", "and", "for", "-", ".")
                and not w.endswith(("man", "woman", "person", "official", "officials"))
            )
        ):
            break
        j += 1
    if j == start:
        return None
    return (start, j - 1)


# -- content ------------------------------------------------------------------------


def _quote_at(v: TokenView, i: int) -> Range | None:
    q = v.quote_of[i]
    return v.quotes[q] if q >= 0 else None


def _strip_range(v: TokenView, i: int, j: int) -> tuple[int, int] | None:
    """Trim punctuation that PolNeAR leaves out of a content (edges, outside quotes)."""
    low = v.lower
    edge = (",", ":", ";", "—", "–", "-", ".", '"', "“", "”", "'")
    while i <= j and low[i] in edge and v.quote_of[i] < 0:
        i += 1  # stray quote marks of an unbalanced paragraph are not content
    while j >= i and (low[j] in edge or low[j] in ("?", "!")) and v.quote_of[j] < 0:
        j -= 1
    while j >= i and low[j] in ("and", "but") and v.quote_of[j] < 0:
        j -= 1
    # trailing adverbials: "... on Friday", "... in a statement", "... last week"
    while j - 1 > i and v.quote_of[j] < 0:
        if low[j] in _DAYS and low[j - 1] == "on":
            j -= 2
        elif j - 2 > i and low[j] in _VENUES and low[j - 1] in ("a", "an") and low[j - 2] == "in":
            j -= 3
        else:
            break
        while j >= i and low[j] in (",",) and v.quote_of[j] < 0:
            j -= 1
    return (i, j) if i <= j else None


def _kind(text: str, content: Sequence[Range]) -> str:
    quoted = [text[s] in "“„«\"‘'" and text[e - 1] in "”»\"’'" for s, e in content]
    if all(quoted):
        return "direct"
    if any(c in text[s:e] for s, e in content for c in '“”"«»'):
        return "mixed"
    return "indirect"


def _cue_spans(
    v: TokenView, probs: Sequence[float], threshold: float
) -> list[tuple[int, int, float]]:
    probs = list(probs)
    for i, w in enumerate(v.lower):
        # a core reporting verb introducing a that-clause or a quotation is always a cue
        if (
            w in _CORE_VERBS
            and i + 1 < len(v)
            and v.sent_of[i + 1] == v.sent_of[i]
            and (v.lower[i + 1] in ("that", ":") or v.is_open_quote(i + 1))
        ):
            probs[i] = max(probs[i], threshold)
    out = []
    for a, b in v.sentences:
        i = a
        while i < b:
            if probs[i] >= threshold and v.quote_of[i] < 0:
                j = i
                while j + 1 < b and probs[j + 1] >= threshold * 0.4 and v.quote_of[j + 1] < 0:
                    j += 1
                # trim punctuation-only edges except a lone colon cue
                s, e = i, j
                while s < e and not _is_word(v.lower[s]):
                    s += 1
                while e > s and not _is_word(v.lower[e]) and v.lower[e] != ":":
                    e -= 1
                if _is_word(v.lower[s]) or v.lower[s] == ":":
                    out.append((s, e, sum(probs[s : e + 1]) / (e - s + 1)))
                i = j + 1
            else:
                i += 1
    # "denied X in a statement": a nominal cue after a preposition belongs to the verb's cue
    kept: list[tuple[int, int, float]] = []
    for s_, e_, p_ in out:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and v.sent_of[prev[0]] == v.sent_of[s_]
            and s_ - 1 >= 0
            and v.lower[s_ - 1] in ("in", "on", "at", "during", "with", "from", "via")
        ):
            continue
        kept.append((s_, e_, p_))
    out = kept
    return out


def extract(
    v: TokenView,
    model: CueModel,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    content_ranges: Sequence[Range] | None = None,
    weak: float | None = None,
) -> list[Attribution]:
    """Attributions of one document (token view), in text order.

    Cues scoring between ``weak`` (default: ``threshold``, i.e. off) and ``threshold``
    are kept only when the rules find a well-formed attribution around them: a named
    or pronoun source and a content of at least three tokens. (On PolNeAR dev,
    ``weak=0.3`` lowers F1 by 3 points: weak cues also cut their neighbours' contents.)
    """
    weak = threshold if weak is None else weak
    probs = model.probabilities(v)
    cues = _cue_spans(v, probs, weak)
    if content_ranges is not None:
        cues = [c for c in cues if any(s <= v.starts[c[0]] < e for s, e in content_ranges)]
    # "better known as", "dubbed": naming, not attributing
    cues = [c for c in cues if not _NAMING.fullmatch(" ".join(v.lower[c[0] : c[1] + 1]))]
    cues = _drop_parenthetical_participles(v, cues)
    cue_tok = {k for a, b, _ in cues for k in range(a, b + 1)}
    by_sent: dict[int, list[tuple[int, int, float]]] = {}
    for c in cues:
        by_sent.setdefault(v.sent_of[c[0]], []).append(c)
    out: list[Attribution] = []
    low = v.lower
    taken: set[int] = set()  # tokens already used (PolNeAR is univocal)
    for lab in _speaker_labels(v, taken):
        if content_ranges is None or any(s <= lab.cue[0] < e for s, e in content_ranges):
            out.append(lab)
    for sent, sent_cues in sorted(by_sent.items()):
        lo, hi = v.sentences[sent]
        prev_source: Range | None = None
        if len(sent_cues) > 1 and _final_cue(v, sent_cues[-1], lo, hi, cue_tok):
            # "Protocol called for X, sources said.": the closing cue's content is the
            # clause before it; cues inside that clause are embedded (PolNeAR is univocal)
            sent_cues = sent_cues[-1:]
        for n, (a, b, p) in enumerate(sent_cues):
            prev_b = sent_cues[n - 1][1] if n else lo - 1
            next_a = sent_cues[n + 1][0] if n + 1 < len(sent_cues) else hi
            if a in taken:
                continue  # a cue inside an earlier attribution's source or content
            att = _one(v, sent, a, b, p, prev_b, next_a, cue_tok, taken, prev_source)
            weak_cue = weak < threshold and max(probs[a : b + 1]) < threshold
            if att is not None and weak_cue and not _well_formed(v, att):
                att = None
            if (
                att is not None
                and att.source is not None
                and low[a] == ":"
                and " ".join(v.text[att.source[0] : att.source[1]].lower().split()) in _LABELS
            ):
                att = None  # "UPDATE: ...", "Editor's Note: ...": a heading, not a speaker
            if att is not None:
                out.append(att)
                if att.source is not None:
                    prev_source = (_tok_at(v, att.source[0]), _tok_at(v, att.source[1] - 1))
    out.sort(key=lambda x: x.start)
    return out


def _final_cue(
    v: TokenView, cue: tuple[int, int, float], lo: int, hi: int, cue_tok: set[int]
) -> bool:
    """Does ``cue`` close its sentence as ``…, SRC said.`` (its content is the clause before)?"""
    low = v.lower
    a, b, _ = cue
    if any(
        _is_word(low[t]) and low[t] not in _TEMPORAL and low[t] not in _DAYS
        for t in range(b + 1, hi)
    ):
        return False
    if (
        low[a] not in _INVERTING
        and low[a] not in ("say", "told")
        and low[a] not in _ADV
        and not _ly_adverb(v.words[a])
    ):
        return False
    src = _left_source(v, a, lo, cue_tok, None, lo)
    if src is None or src[1] - src[0] > 8:
        return False
    c = src[0] - 1
    return c > lo + 3 and low[c] == "," and not v.is_close_quote(c - 1)


def _drop_parenthetical_participles(
    v: TokenView, cues: list[tuple[int, int, float]]
) -> list[tuple[int, int, float]]:
    """Drop ``dedicating`` in ``Obama, dedicating the museum on Saturday, said ...``.

    An ``-ing`` cue opening a comma-delimited aside right after a capitalised name,
    closed by ``, CUE``, describes the source; the main cue's source is the name.
    """
    low = v.lower
    starts = {a for a, _, _ in cues}
    out = []
    for a, b, p in cues:
        if (
            low[a].endswith("ing")
            and a - 2 >= v.sentences[v.sent_of[a]][0]
            and low[a - 1] == ","
            and v.words[a - 2][:1].isupper()
        ):
            hi = v.sentences[v.sent_of[a]][1]
            k = b + 1
            while k < hi and low[k] != "," and v.quote_of[k] < 0 and k not in starts:
                k += 1
            if k + 1 < hi and low[k] == "," and k + 1 in starts:
                continue
        out.append((a, b, p))
    return out


def _speaker_labels(v: TokenView, taken: set[int]) -> list[Attribution]:
    """``NAME: words`` opening a paragraph: a transcript turn or a ``Name: claim`` headline.

    ``PENCE: Well, look, ...`` and ``Graham: Trump's Rhetoric Destroying GOP`` are
    attributions whose content is the rest of the paragraph (PolNeAR annotates them
    so). The label is one to five capitalised words, not a generic heading
    (``UPDATE:``, ``Editor's Note:``, ``Q:``); the content has three words or more. The
    tokens used are added to ``taken``, so cues inside the turn are not re-attributed.
    """
    out: list[Attribution] = []
    low, words = v.lower, v.words
    first_of_para = [
        k for k in range(len(v.sentences)) if k == 0 or v.para_of_sent[k] != v.para_of_sent[k - 1]
    ]
    for k in first_of_para:
        lo, hi = v.sentences[k]
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
            continue
        label = " ".join(low[i:j]).replace(" ’s", "’s").replace(" 's", "'s")
        if (
            low[i] in _LABELS
            or label in _LABELS
            or low[i] in _CORE_VERBS  # "Said Ellis: ..." is an ordinary cue
            or (j - i == 1 and len(low[i]) < 2)
        ):
            continue
        para = v.para_of_sent[k]
        last = k
        while last + 1 < len(v.sentences) and v.para_of_sent[last + 1] == para:
            last += 1
        end = v.sentences[last][1] - 1
        r = _strip_range(v, j + 1, end)
        if r is None or sum(_is_word(w) for w in low[r[0] : r[1] + 1]) < 3:
            continue
        while r[1] > r[0] and low[r[1]] in QUOTE_CHARS and v.quote_of[r[1]] < 0:
            r = (r[0], r[1] - 1)  # the stray quote closing a transcript paragraph
        taken.update(range(i, end + 1))
        content = (v.chars(*r),)
        out.append(
            Attribution(
                cue=v.chars(j, j),
                content=content,
                source=v.chars(i, j - 1),
                kind=_kind(v.text, content),
                score=1.0,
            )
        )
    return out


def _well_formed(v: TokenView, att: Attribution) -> bool:
    if att.source is None:
        return False
    src = v.text[att.source[0] : att.source[1]]
    if not (src[:1].isupper() or src.lower() in _PRONOUNS):
        return False
    return sum(len(v.text[s:e].split()) for s, e in att.content) >= 3


def _one(
    v: TokenView,
    sent: int,
    a: int,
    b: int,
    p: float,
    prev_b: int,
    next_a: int,
    cue_tok: set[int],
    taken: set[int],
    prev_source: Range | None = None,
) -> Attribution | None:
    lo, hi = v.sentences[sent]
    low = v.lower
    cue_text = " ".join(low[a : b + 1])
    source: Range | None = None
    content: list[tuple[int, int]] = []
    right_lo = b + 1

    # tokens right of the cue up to the next cue's region
    next_src_start = next_a
    if next_a < hi:
        ns = _left_source(v, next_a, b + 1, cue_tok, None, lo)
        if ns is not None and ns[0] > b:
            next_src_start = ns[0]
        # (a source left of this cue: "X criticized Y and said ...", the coordinated cue
        # shares the subject and the content stops at "and")
        # the right-hand content stops before ", SRC NEXTCUE" or "and SRC NEXTCUE"
        k = next_src_start - 1
        while k > b and low[k] in (",", "and", "but", ";", "—"):
            k -= 1
        boundary = k + 1 < next_src_start
        # "said the email came after Trump proposed a ban": an embedded cue with no clause
        # break before it stays inside this content (PolNeAR is univocal)
        next_src_start = k + 1 if boundary else hi

    def left_content(end: int) -> list[tuple[int, int]]:
        """Content ending at token ``end`` (exclusive), left of the cue/source."""
        k = end - 1
        while k > prev_b and low[k] in (",", "—", "–", "-", ":"):
            k -= 1
        if k <= prev_b:
            return []
        if v.is_close_quote(k) or (k - 1 > prev_b and v.is_close_quote(k - 1) and low[k] == ","):
            qk = k if v.is_close_quote(k) else k - 1
            q = _quote_at(v, qk)
            if q is not None:
                return [(_tok_at(v, q[0]), k if low[k] in QUOTE_CHARS else qk)]
        r = _strip_range(v, prev_b + 1, k)
        return [r] if r else []

    paren = _parenthetical(v, a, b, lo, hi, prev_b, cue_tok)
    if paren is not None:
        # "Acts of protest, Mr. Obama said, are acts of patriotism.": the content is
        # both sides of the "SRC said" aside (cues right of it are embedded)
        source, left_r, right_start = paren
        content = [left_r]
        r = _strip_range(v, right_start, hi - 1)
        if r is not None:
            content.append(r)
    elif cue_text == "according to":
        src = _np_right(v, b + 1, next_a, cue_tok)
        source = src
        after = (src[1] + 1) if src else b + 1
        fronted = a - 1 <= prev_b or (
            (a - 1 > lo and low[a - 1] in ("but", "and")) and a - 2 <= prev_b
        )
        if src is not None:
            # "according to a poll released Tuesday by X": the whole phrase is the source,
            # up to the comma (fronted) or the end of the sentence (trailing)
            j = src[1] + 1
            while j < hi and j - src[0] < 40 and low[j] not in QUOTE_CHARS and j not in cue_tok:
                if low[j] in (";", "—") or (low[j] == "," and fronted):
                    break
                j += 1
            end = j - 1
            while end > src[1] and not _is_word(low[end]):
                end -= 1
            if j >= hi or (fronted and low[j] == ","):
                source = src = (src[0], end)
                after = end + 1
        if fronted:
            if after < next_src_start:
                r = _strip_range(v, after, next_src_start - 1)
                content = [r] if r else []
        else:
            content = left_content(a)
    else:
        left_src = _left_source(v, a, prev_b + 1, cue_tok, prev_source, lo)
        if (
            left_src is not None
            and left_src[1] - left_src[0] >= 2
            and low[left_src[0]] in ("a", "an")
            and low[left_src[0] - 1] == ","
            and v.words[left_src[0] + 1][:1].islower()
            and low[a] in _CALLING
        ):
            left_src = (left_src[0] + 2, left_src[1])  # ", a move critics called “reckless”"
        right_np = _np_right(v, b + 1, next_a, cue_tok)
        inverted = False
        if right_np is not None:
            after = right_np[1] + 1
            ends_clause = (
                after >= next_a
                or low[after] in (",", ".", ";", "!", "?", "—")
                or (after < hi and low[after] in ("in", "on", "at", "during", "after", "before"))
            )
            left_ok = a - 1 > prev_b and (
                low[a - 1] in QUOTE_CHARS or (low[a - 1] == "," and low[a] in _INVERTING)
            )
            # "Said Ellis: “…”": a sentence-initial reporting verb before its source
            fronted_cue = (
                a == lo
                and a == b
                and low[a] in _INVERTING
                and after < hi
                and low[after] in (":", ",")
                and right_np[1] - right_np[0] < 6
            )
            left_ok = left_ok or fronted_cue
            if (
                ends_clause
                and left_ok
                and right_np[1] - right_np[0] < 12
                and low[right_np[1]] not in _VENUES
                # "said at a town hall", "said of RT": the object of the cue's preposition
                and low[b] not in _PREPOSITIONS
                and low[b] not in ("of", "about", "for", "with")
            ):
                inverted = True
        if inverted and right_np is not None:
            source = right_np
            after = right_np[1] + 1
            if after < hi and low[after] in _NP_PREPS | {"of", "with"}:
                # "said one Democratic source on the panel."
                j = after
                while j < hi and j - after < 8 and _is_word(low[j]) and j not in cue_tok:
                    j += 1
                if j >= hi - 1 and (j >= hi or not _is_word(low[j])) and j - 1 > after:
                    source = right_np = (right_np[0], j - 1)
                    after = j
            if after + 1 < hi and low[after] == "," and not v.is_open_quote(after + 1):
                # "said Scott Reed, senior strategist for ..., who ...": the appositives to
                # the end of the sentence belong to the source (cues inside them too)
                j = after + 1
                while j < hi and low[j] not in (";", "(") and low[j] not in QUOTE_CHARS:
                    j += 1
                end = j - 1
                while end > after and not _is_word(low[end]):
                    end -= 1
                if end > after and j >= hi and j - after < 45:
                    source = (right_np[0], end)
            content = left_content(a)
            tail = right_np[1] + 1
            if tail < next_src_start and (
                (low[tail] == "," and tail + 1 < hi and v.is_open_quote(tail + 1))
                or (a == lo and low[tail] in (":", ","))
            ):
                content += _right_content(v, tail + 1, next_src_start, hi)
        else:
            first = low[a]
            before = a - 1
            while before >= lo and (low[before] in _ADV and low[before] not in _PASSIVE_AUX):
                before -= 1
            passive = (
                (first in _PASSIVE_AUX and b > a and low[a + 1].endswith(("ed", "en", "wn")))
                or (
                    before >= lo
                    and low[before] in ("is", "was", "are", "were", "be", "been", "being")
                    and next((w for w in low[a : b + 1] if not w.endswith("ly")), "").endswith(
                        ("ed", "en", "wn")
                    )
                )
            ) and not (b + 1 < hi and low[b + 1] == "by")
            active_ed = (
                first in _NO_SOURCE_ACTIVE
                and left_src is not None
                and left_src[1] == a - 1
                and low[a - 1] not in _PASSIVE_AUX
                and not (b + 1 < hi and low[b + 1] == "to")
            )
            if (first in _NO_SOURCE and not active_ed) or passive:
                source = None
            elif (
                first.endswith("ing")
                and a - 1 >= lo
                and (
                    low[a - 1] == ","
                    or (a - 2 >= lo and low[a - 2] == "," and low[a - 1].endswith("ly"))
                )
            ):
                # "..., saying/adding ...": the subject of the main clause
                source = prev_source or _sentence_subject(v, lo, a, cue_tok)
            elif (
                first.endswith("ing")
                and a == b
                and (a == lo or (a == lo + 1 and low[lo] in ("after", "before", "while")))
                and (fp := _fronted_participle(v, b, hi, cue_tok)) is not None
            ):
                # "Citing a report, Trump said ...": the participle's subject follows it
                source, comma = fp
                next_src_start = min(next_src_start, comma)
            else:
                source = left_src
            src_start = source[0] if source else a
            k = src_start - 1
            while k > prev_b and low[k] == ",":
                k -= 1
            adverbial = (
                right_lo < next_src_start
                and low[right_lo] in _PREPOSITIONS
                and (
                    next_src_start - right_lo <= 6
                    # "..., the minister announced on Tuesday, in a move ...": a dated event
                    or (
                        right_lo + 2 < next_src_start
                        and (low[right_lo + 1] in _DAYS or low[right_lo + 1] in _TEMPORAL)
                        and low[right_lo + 2] == ","
                    )
                )
                and not any(
                    low[t] == "that" or v.is_open_quote(t) for t in range(right_lo, next_src_start)
                )
            )
            if k > prev_b and (
                (v.is_close_quote(k) and not _title_quote(v, k, lo))
                or (low[k + 1] == "," and adverbial and source is not None)
            ):
                # "“CONTENT,” SRC said (to reporters)": the quotation is the content
                content = left_content(src_start)
                j = b + 1
                while j < next_src_start and low[j] != ",":
                    j += 1
                if j + 1 < next_src_start and v.is_open_quote(j + 1):
                    content += _right_content(v, j + 1, next_src_start, hi)
            elif right_lo < next_src_start and not all(
                not _is_word(w) for w in low[right_lo:next_src_start]
            ):
                content = _right_content(v, right_lo, next_src_start, hi)
            else:
                content = left_content(src_start)
    content = [(i, j) for i, j in content if i <= j and not (set(range(i, j + 1)) <= taken)]
    if not content:
        return None
    # "“X,” he said. “Y.”": quotations continuing the paragraph become further fragments
    last = max(j for _, j in content)
    if v.is_close_quote(last) or (last + 1 < len(v) and v.is_close_quote(last + 1)):
        content += _continuation(v, sent, cue_tok)
    for i, j in content:
        taken.update(range(i, j + 1))
    if source is not None and source[0] > b:
        taken.update(range(source[0], source[1] + 1))
    chars = tuple(sorted(v.chars(i, j) for i, j in content))
    if source is not None and not any(_is_word(w) for w in low[source[0] : source[1] + 1]):
        source = None  # "N.H. - With ...": punctuation is never a source
    src_chars = v.chars(*source) if source else None
    if src_chars and any(s < src_chars[1] and src_chars[0] < e for s, e in chars):
        src_chars = None
    return Attribution(
        cue=v.chars(a, b),
        content=chars,
        source=src_chars,
        kind=_kind(v.text, chars),
        score=round(p, 4),
    )


def _parenthetical(
    v: TokenView, a: int, b: int, lo: int, hi: int, prev_b: int, cue_tok: set[int]
) -> tuple[Range, Range, int] | None:
    """``X, SRC said, Y``: (source, left content, first token of the right content)."""
    low = v.lower
    if a != b or low[a] not in _INVERTING or prev_b >= lo:
        return None
    j = b + 1
    while j < hi and (low[j] in _TEMPORAL or low[j] in _DAYS or low[j] in ("then", "later")):
        j += 1
    if not (j + 2 < hi and low[j] == "," and not v.is_open_quote(j + 1)):
        return None
    src = _np_left(v, a - 1, lo, cue_tok, limit=8)
    if src is None:
        return None
    c = src[0] - 1
    if not (lo + 1 < c and low[c] == "," and c - lo <= 20):
        return None
    if any(t in cue_tok or v.quote_of[t] >= 0 for t in range(lo, c)):
        return None
    left = _strip_range(v, lo, c - 1)
    if left is None or not any(_is_word(low[t]) for t in range(j + 1, hi)):
        return None
    return src, left, j + 1


def _fronted_participle(
    v: TokenView, b: int, hi: int, cue_tok: set[int]
) -> tuple[Range, int] | None:
    """``Lamenting their luck, Mexicans say``: the subject after a fronted participle.

    Returns the subject's token range and the comma closing the participial phrase.
    """
    low = v.lower
    c = b + 1
    while c < hi and c - b <= 25 and low[c] != "," and v.quote_of[c] < 0 and c not in cue_tok:
        c += 1
    if not (c < hi and low[c] == "," and c - b > 1):
        return None
    np_ = _np_right(v, c + 1, hi, cue_tok, limit=8)
    if np_ is None:
        return None
    i, j = np_
    for t in range(i + 1, j + 1):
        w = low[t]
        if w in _FINITE or w in _ADV or (w.endswith("ed") and w not in _ROLE_ED):
            j = t - 1  # "the mayor lifted ...": the subject ends before its verb
            break
    while j > i and (low[j] in _ADV or _ly_adverb(v.words[j])):
        j -= 1
    if low[i] in _STOP or low[i] in _PREPOSITIONS or not _is_word(low[i]):
        return None
    return (i, j), c


def _title_quote(v: TokenView, close: int, lo: int) -> bool:
    """Is the quotation closing at token ``close`` a short title (``of “Fox News Sunday,”``)?

    A quotation of at most five words right after ``of``/``on``/``’s`` names a show,
    a book or a slogan; it is not the content of the cue that follows it.
    """
    q = _quote_at(v, close)
    if q is None:
        return False
    o = _tok_at(v, q[0])
    words = sum(_is_word(w) for w in v.lower[o : close + 1])
    return o - 1 >= lo and v.lower[o - 1] in _TITLE_LEAD and words <= 5


_TITLE_LEAD = frozenset(["'s", "at", "from", "in", "of", "on", "to", "’s"])


def _tok_at(v: TokenView, char: int) -> int:
    return max(0, bisect.bisect_right(v.starts, char) - 1)


def _right_content(v: TokenView, start: int, stop: int, hi: int) -> list[tuple[int, int]]:
    """Content from token ``start`` to ``stop`` (exclusive), following a quotation."""
    low = v.lower
    i = start
    while i < stop and low[i] in (",", ":", "—", "–"):
        i += 1
    if i >= stop:
        return []
    end = stop - 1
    q = _quote_at(v, i) if v.is_open_quote(i) else None
    if q is None:
        # "said for years that ...", "told reporters that ...": the content starts at "that"
        for k in range(i, min(stop, i + 6)):
            if v.quote_of[k] >= 0:
                break
            if low[k] == "that" and k > i:
                i = k
                break
        # a new clause ends the content: ", but ...", "; ...", ", while ..."
        for k in range(i + 2, stop - 1):
            if v.quote_of[k] >= 0:
                continue
            nxt = low[k + 1]
            if low[k] == ";" or (
                low[k] == ","
                and (
                    nxt in _CLAUSE_BREAK
                    or (nxt == "and" and k + 2 < stop and low[k + 2].endswith("ed"))
                )
            ):
                end = k - 1
                stop = k
                break
    if q is not None:
        qend = _tok_at(v, q[1] - 1)
        # a quotation that runs to (or past) the sentence end: take the quotation
        if qend >= end or all(not _is_word(w) for w in low[qend + 1 : stop]):
            return [(i, qend)]
    if stop == hi:
        # a quotation opened inside the clause may close in a later sentence
        for k in range(i, stop):
            if v.is_open_quote(k):
                qq = _quote_at(v, k)
                if qq is not None:
                    end = max(end, _tok_at(v, qq[1] - 1))
    r = _strip_range(v, i, end)
    return [r] if r else []


def _continuation(v: TokenView, sent: int, cue_tok: set[int]) -> list[tuple[int, int]]:
    """Quotations in the following sentences of the same paragraph, until a cue or prose."""
    out: list[tuple[int, int]] = []
    para = v.para_of_sent[sent]
    k = sent + 1
    while k < len(v.sentences) and v.para_of_sent[k] == para:
        a, b = v.sentences[k]
        if any(t in cue_tok for t in range(a, b)) or not v.is_open_quote(a):
            break
        q = _quote_at(v, a)
        if q is None:
            break
        qend = _tok_at(v, q[1] - 1)
        out.append((a, qend))
        k = v.sent_of[qend] + 1
    return out
