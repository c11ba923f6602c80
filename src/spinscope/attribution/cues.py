"""The cue model: a token tagger for the words that introduce an attribution, and cue spans.

A logistic regression trained on PolNeAR train (``cue_model.json.gz``, written by
``python -m training.attribution cues``) scores every token; runs of tokens at
or above the threshold inside one sentence, outside quotations, are cue spans
(``said``, ``according to``, ``is expected``...). A quoted speaker's own reporting
verbs are part of the quote's content, hence no cue inside a quotation.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spinscope.attribution.features import token_features
from spinscope.attribution.lexicon import (
    ADV,
    AUXILIARIES,
    CORE_VERBS,
    DAYS,
    DETS,
    DOCUMENTS,
    INVERTING,
    NAMING,
    PREPOSITIONS,
    PRONOUNS,
    STOP,
    TEMPORAL,
    VENUES,
)
from spinscope.attribution.text import QUOTE_CHARS, TokenView
from spinscope.attribution.tokens import is_inner_report, is_word
from spinscope.errors import ModelError, ModelNotFoundError

__all__ = [
    "DEFAULT_THRESHOLD",
    "MODEL_PATH",
    "Cue",
    "CueModel",
    "cue_spans",
    "drop_parenthetical_participles",
    "drop_reduced_relatives",
    "is_naming",
    "load_cue_model",
]

MODEL_PATH = Path(__file__).with_name("cue_model.json.gz")
#: cue probability threshold, chosen by 5-fold cross-validation on PolNeAR train (max
#: content F1 + source accuracy; ``python -m training.attribution cues --cv 5``)
DEFAULT_THRESHOLD = 0.4


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
            "`python -m training.attribution cues` (from a checkout of spinscope)"
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


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue span: its first and last token (inclusive) and its mean probability."""

    first: int
    last: int
    score: float


def cue_spans(view: TokenView, probs: Sequence[float], threshold: float) -> list[Cue]:
    """Group tokens scoring at least ``threshold`` into cue spans, sentence by sentence.

    A core reporting verb before ``that``, a colon or a quotation is always a cue; a
    span grows over neighbours scoring at least 40 % of the threshold; punctuation is
    trimmed from its edges (a lone colon stays: ``Name: “...”``).
    """
    low = view.lower
    probs = _boost_core_verbs(view, probs, threshold)
    spans: list[Cue] = []
    for lo, hi in view.sentences:
        i = lo
        while i < hi:
            if (
                probs[i] >= threshold
                and not (low[i] in _DETERMINERS and (i + 1 >= hi or probs[i + 1] < threshold * 0.4))
                and (view.quote_of[i] < 0 or is_inner_report(view, i))
            ):
                j = i
                while j + 1 < hi and probs[j + 1] >= threshold * 0.4 and view.quote_of[j + 1] < 0:
                    j += 1
                first, last = i, j
                while first < last and not is_word(low[first]):
                    first += 1
                while last > first and not is_word(low[last]) and low[last] != ":":
                    last -= 1
                first = _with_platform_verb(view, probs, threshold, lo, first)
                first = _after_perception(view, first, last)
                if (is_word(low[first]) or low[first] == ":") and not _named_document(
                    view, first, last
                ):
                    mean = sum(probs[first : last + 1]) / (last - first + 1)
                    spans.append(Cue(first, last, mean))
                i = j + 1
            else:
                i += 1
    return _target_then_participle(
        view,
        _merge_prepositional(
            view,
            [
                _with_called_object(
                    view, _phrasal_whole(view, _view_whole(view, _verb_after_venue(view, c)))
                )
                for c in spans
            ],
        ),
    )


#: verbs of ``As SRC put it,`` / ``As SRC sees it,``
_VIEW_VERBS = frozenset(["put", "puts", "see", "sees", "saw"])


def _view_whole(view: TokenView, cue: Cue) -> Cue:
    """``As one official [put it],``, ``As he [sees it],``: the verb and its ``it`` are
    one cue where the tagger took only one of them (the verb left in the source, or
    ``it`` left in the content), when a comma or a colon follows ``it``."""
    low, first, last = view.lower, cue.first, cue.last
    if low[first] == "it" and first > 0 and low[first - 1] in _VIEW_VERBS:
        first -= 1
    if (
        low[last] in _VIEW_VERBS
        and last + 2 < len(low)
        and low[last + 1] == "it"
        and low[last + 2] in (",", ":")
    ):
        last += 1
    return cue if (first, last) == (cue.first, cue.last) else Cue(first, last, cue.score)


def _named_document(view: TokenView, first: int, last: int) -> bool:
    """Is the cue one document noun after an article, before a quotation (``The report
    “raises questions,” Francis acknowledged``)? The noun is what the quotation is
    about; the verb after the quotation reports it."""
    low = view.lower
    return (
        first == last
        and low[first] in DOCUMENTS
        and first > 0
        and low[first - 1] in _DETERMINERS
        and first + 1 < len(low)
        and view.is_open_quote(first + 1)
    )


def _after_perception(view: TokenView, first: int, last: int) -> int:
    """The first token of a cue that opens with a passive of perception before a
    participle: ``X is heard saying`` reports X's words from the participle on (the one
    heard speaks, as in ``X can be heard saying``); a passive cue would leave X out."""
    low = view.lower
    if (
        first + 2 <= last
        and low[first] in ("is", "was", "are", "were")
        and low[first + 1] in ("heard", "seen")
        and low[first + 2].endswith("ing")
    ):
        return first + 2
    return first


#: social networks a speaker posts on ("posted on Facebook", "wrote on Twitter")
_PLATFORMS = frozenset(["facebook", "twitter", "instagram", "youtube", "snapchat", "tiktok"])


def _with_platform_verb(
    view: TokenView, probs: Sequence[float], threshold: float, lo: int, first: int
) -> int:
    """The first token of a cue that starts at a platform's name: ``Anna posted on
    Facebook`` is a cue from the verb on, when the tagger gave the verb and its
    preposition some weight (40 % of ``threshold``) though only the platform passed it.
    Else ``first`` (a cue of the platform alone has no verb to find a source left of)."""
    low = view.lower
    if low[first] not in _PLATFORMS or first - 2 < lo or low[first - 1] not in ("on", "to"):
        return first
    verb = first - 2
    if not low[verb].endswith("ed") or view.quote_of[verb] >= 0:
        return first
    if min(probs[verb], probs[first - 1]) < threshold * 0.4:
        return first
    return verb


def _verb_after_venue(view: TokenView, cue: Cue) -> Cue:
    """``The campaign in a statement on Thursday rejected …``: a span the tagger ran from
    the venue's noun phrase to the verb after it is the verb alone; the venue is an
    adverbial between the subject (the source) and its verb."""
    low, a, b = view.lower, cue.first, cue.last
    noun = a + 1 if low[a] in ("a", "an") else a  # the tagger may leave the article out
    if not (
        b > noun
        and noun - 2 >= 0
        and low[noun] in VENUES
        and low[noun - 1] in ("a", "an")
        and low[noun - 2] == "in"
        and _subject_ends_at(view, noun - 3)
        and low[b].endswith("ed")
        and view.words[b].isalpha()
        and view.words[b].islower()
    ):
        return cue
    return Cue(b, b, cue.score)


def _subject_ends_at(view: TokenView, k: int) -> bool:
    """Can token ``k`` close the subject before a venue (``The campaign`` in ``The
    campaign in a statement … rejected``)? Not when the venue opens the sentence (``In a
    statement released on Friday, police said``: the participle belongs to the venue),
    nor after a verb, a time or a function word (``said Friday in a statement released``)."""
    if k < 0 or k < view.sentences[view.sent_of[k + 1]][0]:
        return False
    low = view.lower[k]
    return (
        is_word(low)
        and view.words[k].isalpha()
        and low not in STOP
        and low not in ADV
        and low not in DAYS
        and low not in TEMPORAL
        and low not in CORE_VERBS
    )


#: determiners: one opens a cue with its noun (``sent [a letter]``), but a determiner
#: alone is never a cue
_DETERMINERS = frozenset(["the", "a", "an"])

#: particles of phrasal verbs of speech ("spoke out", "lashed out", "hit back")
_PARTICLES = frozenset(["out", "back", "up"])
#: prepositions that take the phrasal verb's target ("spoke out against", "lashed out at")
_TARGET_PREPS = frozenset(["against", "at", "over", "on", "about", "for"])
#: words of a time phrase that may stand between a particle and its preposition
_WHEN_WORDS = DAYS | frozenset(["on", "today", "yesterday", "tonight", "again", "publicly"])


def _phrasal_whole(view: TokenView, cue: Cue) -> Cue:
    """A phrasal verb of speech kept whole: the verb the tagger left before a particle
    (``Clinton [spoke] out Tuesday against``: the verb is no part of the subject) and a
    time phrase between the particle and its preposition (``lashed out on Monday at``:
    the preposition is the cue's, not the content's)."""
    low, lo = view.lower, view.sentences[view.sent_of[cue.first]][0]
    first, last = cue.first, cue.last
    if first == last and low[first] == ":" and (verb := _phrasal_before(view, first, lo)):
        # "Ruiz hit back on Friday: “…”": the colon the tagger found ends the phrasal
        # verb, which is the cue; its subject alone is the source
        first = verb
    if low[first] in _PARTICLES and first - 1 > lo and _phrasal_verb(view, first - 1):
        first -= 1
    if low[last] == "on" and last > first and low[last - 1] in _PARTICLES:
        # "fired back on Friday at the mayor": "on" opens a time phrase, not the
        # target; the cue ends at the target's preposition, or at the particle
        last -= 1
    if low[last] in _PARTICLES:
        k = last + 1
        while k < len(low) and k - last <= 3 and low[k] in _WHEN_WORDS and view.quote_of[k] < 0:
            k += 1
        if k > last + 1 and k < len(low) and low[k] in _TARGET_PREPS - {"on"}:
            last = k
    return cue if (first, last) == (cue.first, cue.last) else Cue(first, last, cue.score)


def _target_then_participle(view: TokenView, spans: list[Cue]) -> list[Cue]:
    """Drop a phrasal cue ending in its target's preposition when a speech participle
    follows the target (``hit back at the council, saying …``): the target is whom the
    words answer, not what was said; the participle's content is the words."""
    kept: list[Cue] = []
    for k, cue in enumerate(spans):
        nxt = spans[k + 1] if k + 1 < len(spans) else None
        low = view.lower
        if (
            nxt is not None
            and low[cue.last] in _TARGET_PREPS
            and cue.last > cue.first
            and any(low[i] in _PARTICLES for i in range(cue.first, cue.last))
            and view.sent_of[nxt.first] == view.sent_of[cue.first]
            and low[nxt.first].endswith("ing")
            and low[nxt.first - 1] == ","
            and nxt.first - cue.last <= 8
            and all(view.quote_of[i] < 0 for i in range(cue.last + 1, nxt.first))
        ):
            continue
        kept.append(cue)
    return kept


def _phrasal_verb(view: TokenView, i: int) -> bool:
    """Is token ``i`` a past or present verb a speech particle may follow (``hit``,
    ``fired``, ``spoke``, ``lashed``)?"""
    w = view.words[i]
    return (
        w.isalpha()
        and w.islower()
        and view.lower[i].endswith(("ed", "oke", "ack", "it", "uck", "its", "es"))
    )


def _phrasal_before(view: TokenView, colon: int, lo: int) -> int | None:
    """The verb of a phrasal verb of speech (``hit back``, ``lashed out``) right before
    the colon at ``colon``, a time phrase (``on Friday``) allowed between: its index, or
    ``None``."""
    k = colon - 1
    while k > lo and colon - k <= 3 and view.lower[k] in _WHEN_WORDS:
        k -= 1
    if k - 1 > lo and view.lower[k] in _PARTICLES and _phrasal_verb(view, k - 1):
        return k - 1
    return None


#: verbs of saying before whom, then ``that``: ``testified to the City Council that``
_TO_HEARER_VERBS = CORE_VERBS | frozenset(
    ["testified", "testifies", "explained", "wrote", "admitted", "acknowledged", "conceded"]
)
#: what opens the hearer or the occasion after such a verb
_HEARER_LEADS = frozenset(["to", "before", "at", "in", "during"])


def _verb_to_hearer_that(view: TokenView, i: int) -> bool:
    """``the authority testified to the City Council that it had …``: a verb of saying,
    a short phrase of whom it was said to (or where), and ``that`` opening a clause
    with its subject (a determiner, a pronoun or a name right after it)."""
    low = view.lower
    if low[i] not in _TO_HEARER_VERBS or i + 3 >= len(view) or low[i + 1] not in _HEARER_LEADS:
        return False
    for k in range(i + 2, min(i + 9, len(view) - 1)):
        if view.sent_of[k] != view.sent_of[i] or not is_word(low[k]) or view.quote_of[k] >= 0:
            return False
        if low[k] == "that":
            nxt = view.words[k + 1]
            return low[k + 1] in DETS or low[k + 1] in PRONOUNS or nxt[:1].isupper()
    return False


def _boost_core_verbs(view: TokenView, probs: Sequence[float], threshold: float) -> list[float]:
    """Raise a core reporting verb introducing a that-clause or a quotation to the threshold."""
    boosted = list(probs)
    for i, w in enumerate(view.lower):
        if (
            (
                w in CORE_VERBS
                and i + 1 < len(view)
                and view.sent_of[i + 1] == view.sent_of[i]
                and (view.lower[i + 1] in ("that", ":") or view.is_open_quote(i + 1))
            )
            or _verb_comma_quotation(view, i)
            or _verb_to_hearer_that(view, i)
            or (
                # "…, warns WHO Director Jane Doe": an inverted verb after its content, before
                # a capitalised source (the tagger, trained on "said", scores "warns" low)
                w in INVERTING
                and 0 < i < len(view) - 1
                and view.lower[i - 1] == ","
                and view.sent_of[i + 1] == view.sent_of[i]
                and view.words[i + 1][:1].isupper()
            )
            or (
                # "“…,” the protesters chanted, according to the newspaper": the verb
                # closing a quotation speaks for its subject; the trailing "according to"
                # (which the tagger prefers) names where it was reported
                (w in CORE_VERBS or w in _SHOUTING)
                and _after_quotation(view, i)
                and i + 2 < len(view)
                and view.lower[i + 1] == ","
                and view.lower[i + 2] == "according"
            )
            or (
                # "“…,” the singer complained.": a verb of speaking with a manner,
                # closing a quotation with its subject and nothing after (the tagger
                # scores these low after a description)
                (w in _CLOSING_MANNER or w in INVERTING)
                and _after_quotation(view, i)
                and (i + 1 == len(view) or view.lower[i + 1] in (".", ","))
            )
            or (
                # "“…,” reads the report": a document's words, the verb inverted after
                # them, before the document's noun phrase
                w in ("reads", "read")
                and 0 < i < len(view) - 1
                and view.is_close_quote(i - 1)
                and view.text[view.starts[i - 1] - 1 : view.starts[i - 1]] == ","
                and view.sent_of[i + 1] == view.sent_of[i]
                and view.lower[i + 1] in DETS
            )
            or (
                # "opponents chanted, “Hey hey, ho ho”": a quotation shouted; "Wright
                # uttered “…”": one uttered
                (w in _SHOUTING or w in _UTTERING)
                and i + 2 < len(view)
                and view.sent_of[i + 2] == view.sent_of[i]
                and (
                    view.is_open_quote(i + 1)
                    or (view.lower[i + 1] == "," and view.is_open_quote(i + 2))
                )
            )
            # "“… hired. That way, Ellison said, the union …”": a named speaker's report
            # inside a long quotation (the tagger, which never saw cues in quotations,
            # scores it low)
            or is_inner_report(view, i)
            or _calls_someone_quoted(view, i)
        ):
            boosted[i] = max(boosted[i], threshold)
        colon = _reaction_colon(view, i)
        if colon is not None:
            # "Cpl. Dean Washington reacted to the incident: “…”": the reaction, with
            # what it answers, is the cue; the tagger scores it low
            for k in range(i, colon + 1):
                boosted[k] = max(boosted[k], threshold)
    return boosted


#: verbs of answering or reacting, whose colon introduces the words of the reaction
_REACTING = frozenset(
    [
        *("reacted", "reacts", "responded", "responds", "replied", "replies"),
        *("commented", "comments", "answered", "answers", "retorted"),
    ]
)
#: prepositions opening what the reaction answers ("to the ruling", "on the news")
_REACTION_TO = frozenset(["to", "on", "about", "after"])


def _reaction_colon(view: TokenView, i: int) -> int | None:
    """The colon of ``X reacted to the incident: “…”`` when token ``i`` is such a verb
    of reacting, after its subject, followed by at most a short phrase of what it
    answers, a colon and a quotation opening in its sentence; else ``None``."""
    low = view.lower
    if low[i] not in _REACTING or not view.words[i].islower() or i == 0:
        return None
    if not is_word(low[i - 1]) or view.quote_of[i - 1] >= 0:
        return None
    k = i + 1
    if k < len(view) and low[k] in _REACTION_TO:
        k += 1
        while k < min(len(view), i + 8) and is_word(low[k]) and view.quote_of[k] < 0:
            k += 1
        if low[k - 1] in _CALLED_OUT_TO:
            return None  # "Officers responded to the scene:": they came, they said nothing
    if k + 1 >= len(view) or low[k] != ":" or view.sent_of[k + 1] != view.sent_of[i]:
        return None
    return k if view.is_open_quote(k + 1) else None


#: where police or crews respond to: a place or a call, no words answered
_CALLED_OUT_TO = frozenset(
    [
        *("scene", "call", "calls", "home", "house", "area", "address", "location"),
        *("residence", "alarm", "emergency", "fire", "crash", "blaze", "shooting"),
    ]
)


#: subjects a verb of saying may follow directly (the verb then is no noun: "he states"
#: is not "the United States", "she notes" not "the notes")
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "i", "we", "it"])
#: words that open an aside between a verb of saying and its quotation ("states, while
#: drawing laughter from the audience, “…”")
_ASIDE_OPENERS = frozenset(["while", "as", "during", "before", "after", "in", "at", "with"])


def _verb_comma_quotation(view: TokenView, i: int) -> bool:
    """Is token ``i`` a core verb of saying after its subject (a pronoun, or a name,
    an adverb allowed between) whose quotation follows a comma, or a comma and a short
    aside (``He states, “…”``, ``Hale zealously states, while drawing laughter,
    “…”``)? The tagger, trained on ``said``, scores ``states`` or ``claims`` low there."""
    low, words = view.lower, view.words
    if (
        (low[i] not in CORE_VERBS and low[i] not in _MANNER_BEFORE)
        or not words[i].islower()
        or i == 0
        or i + 2 >= len(view)
    ):
        return False
    k = i - 1
    if low[k].endswith("ly") and words[k].islower() and k > 0:
        k -= 1  # "He zealously states"
    subject = low[k] in _SUBJECT_PRONOUNS or (words[k][:1].isupper() and words[k].isalpha())
    if not subject or view.sent_of[k] != view.sent_of[i] or view.quote_of[k] >= 0:
        return False
    if low[i + 1] != ",":
        return False
    if view.is_open_quote(i + 2) and view.sent_of[i + 2] == view.sent_of[i]:
        return True
    if low[i + 2] not in _ASIDE_OPENERS:
        return False
    for j in range(i + 3, min(i + 16, len(view) - 1)):
        if view.sent_of[j] != view.sent_of[i] or view.quote_of[j] >= 0 or low[j] in ".;:":
            return False
        if low[j] == ",":
            return view.is_open_quote(j + 1) and view.sent_of[j + 1] == view.sent_of[i]
    return False


#: verbs that call someone by the quoted words ("branded Lee a “traitor”")
_CALLING_VERBS = frozenset(
    ["branded", "brands", "branding", "called", "calls", "labelled", "labeled", "labels"]
)
#: words right before such a verb that make it the clause's verb (its subject a pronoun
#: or a name, or an auxiliary): "a man called Jo" is a naming, no speech
_CALLER_BEFORE = frozenset(
    [
        "he",
        "she",
        "they",
        "we",
        "i",
        "had",
        "has",
        "have",
        "was",
        "were",
        "also",
        "once",
        "publicly",
        "then",
        "repeatedly",
        "even",
    ]
)


def _with_called_object(view: TokenView, cue: Cue) -> Cue:
    """A verb calling someone by quoted words takes its object into the cue (``[branded
    North Korea] an “outlaw nation”``, as PolNeAR marks it): the content is the label."""
    if not _calls_someone_quoted(view, cue.last):
        return cue
    k = cue.last + 1
    while view.lower[k] not in ("a", "an"):
        k += 1
    return Cue(cue.first, k - 1, cue.score)


def _calls_someone_quoted(view: TokenView, i: int) -> bool:
    """Is token ``i`` a verb calling someone by quoted words (``Tom Ray had branded Lee
    a “traitor”``, ``when he branded MP Anna Soubry a “Nazi”``)? The one calling says
    the label, as with ``said``: an object of at most six words, then ``a``/``an`` and
    an opening quotation mark, in the verb's sentence."""
    low = view.lower
    if low[i] not in _CALLING_VERBS or i == 0:
        return False
    before = view.words[i - 1]
    if low[i - 1] not in _CALLER_BEFORE and not (before[:1].isupper() and before.isalpha()):
        return False
    for k in range(i + 2, min(i + 9, len(view) - 1)):
        if view.sent_of[k] != view.sent_of[i] or view.quote_of[k] >= 0 or low[k] in ".;:":
            return False
        if low[k] in ("a", "an") and view.is_open_quote(k + 1):
            return low[i + 1] not in ("on", "for", "off", "up", "out", "in", "back")
    return False


def _after_quotation(view: TokenView, i: int) -> bool:
    """Is token ``i`` the verb of ``“…,” NP VERB`` (a noun phrase of one to four words
    between a closing quotation and it)?"""
    k = i - 1
    while k >= 0 and i - k <= 4 and is_word(view.lower[k]) and view.quote_of[k] < 0:
        k -= 1
    return k < i - 1 and k >= 0 and view.is_close_quote(k)


#: verbs that tell how a quotation was said ("complained", "quipped"): after it, with
#: their subject, they are its cue
_CLOSING_MANNER = frozenset(
    [
        "complained",
        "lamented",
        "bemoaned",
        "admitted",
        "conceded",
        "countered",
        "quipped",
        "joked",
        "exclaimed",
        "remarked",
        "responded",
        "revealed",
        "detailed",
        "boasted",
        "insisted",
        # a witness's words, a dry reply, a complaint: each a way of saying
        "testified",
        "deadpanned",
        "whined",
        "whines",
    ]
)

#: verbs that introduce a quotation shouted rather than said
_SHOUTING = frozenset(
    [
        "chanted",
        "chant",
        "chants",
        "chanting",
        "shouted",
        "shouts",
        "shouting",
        "yelled",
        "yells",
        "yelling",
        "screamed",
        "screams",
        "screaming",
    ]
)


#: verbs that introduce a quotation uttered, muttered or whispered
#: verbs of a speaker's manner that, after their subject and a comma, introduce the
#: words said so ("he snapped, “…”", "he grinned, “…”")
_MANNER_BEFORE = frozenset(
    [
        *("snapped", "snaps", "grinned", "smiled", "laughed", "sighed", "shrugged"),
        *("quipped", "joked", "scoffed", "retorted", "fumed", "raged", "teased"),
    ]
)
_UTTERING = frozenset(
    ["uttered", "utters", "utter", "muttered", "mutters", "whispered", "whispers"]
)


def _merge_prepositional(view: TokenView, spans: list[Cue]) -> list[Cue]:
    """Drop a nominal cue after a preposition (``denied X in a statement``): it belongs
    to the preceding cue of its sentence."""
    kept: list[Cue] = []
    for cue in spans:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and view.sent_of[prev.first] == view.sent_of[cue.first]
            and cue.first - 1 >= 0
            and view.lower[cue.first - 1] in ("in", "on", "at", "during", "with", "from", "via")
        ):
            continue
        kept.append(cue)
    return kept


def is_naming(view: TokenView, cue: Cue) -> bool:
    """``better known as``, ``dubbed``, ``the technique called “chronometry”``, ``commonly
    referred to as``: naming, not attributing; and ``Said`` as a first name."""
    low = view.lower
    if _is_first_name_said(view, cue):
        return True
    if NAMING.fullmatch(" ".join(low[cue.first : cue.last + 1])) is not None:
        return True
    if (
        low[cue.last - 1 : cue.last + 1] == ["referred", "to"]
        and cue.last + 1 < len(low)
        and low[cue.last + 1] == "as"
    ):
        # "the neighborhood commonly referred to as Chelsea": the passive names a thing
        # (the active has its object before "as": "referred to the plan as a disaster")
        return True
    # "a technique called “X”", "a group called Citizens First": a noun after a
    # determiner, then the name ("Ames called the plan a disaster" is speech)
    k = cue.last
    nxt = cue.last + 1
    return (
        low[k] in ("called", "named")
        and k - 2 >= 0
        and nxt < len(low)
        and (view.words[nxt][:1].isupper() or low[nxt] in QUOTE_CHARS)
        and low[k - 1].isalpha()
        and low[k - 1] == view.words[k - 1]
        and low[k - 1] not in AUXILIARIES
        and low[k - 1] not in ADV
        and low[k - 2] in ("a", "an", "the")
    )


#: words after which a capitalised ``Said`` opens a name rather than a title-cased
#: clause (``If Said Khecharem were``; a headline's ``Top Cop Said House …`` is speech)
_BEFORE_FIRST_NAME = frozenset(
    ["if", "when", "while", "as", "and", "but", "because", "although", "though", "since"]
)


def _is_first_name_said(view: TokenView, cue: Cue) -> bool:
    """``a spokesman named Said Khecharem``, ``If Said Khecharem were``: ``Said``
    capitalised inside a sentence, before another capitalised word, is a first name.
    After a capitalised word it stays a verb, as headlines capitalise every word
    (``What They Said To …``)."""
    k = cue.last
    if view.words[k] != "Said" or k + 1 >= len(view.words) or k == 0:
        return False
    nxt, prev = view.words[k + 1], view.words[k - 1]
    if not (nxt[:1].isupper() and nxt.isalpha()):
        return False
    if view.sent_of[k - 1] != view.sent_of[k]:
        return False
    return prev == "," or (prev.isalpha() and prev.islower()) or prev.lower() in _BEFORE_FIRST_NAME


#: auxiliaries and modals: alone they never report speech (``We do n't need ...``)
_PERCEPTION = frozenset(["see", "hear", "watch", "notice", "saw", "heard"])
#: verbs the tagger scores as cues in news idioms that report no speech: ``Pressure has
#: mounted on X``, ``The campaign focused on jobs``, ``He attempted to block it``
_NOT_SPEECH = frozenset(
    [
        "mount",
        "mounts",
        "mounted",
        "mounting",
        "focused",
        "attempted",
        # things done to pages, accounts and troops, never words
        "mobilised",
        "mobilized",
        "removed",
        "removing",
        "shut",
    ]
)
#: ``have stood for a thousand years``, ``is leading among Democrats``, ``has shown
#: signs of life``, ``responded like they always do``: lasting, ranking, evidence and a
#: manner, where the same verbs elsewhere take a stance (``stood for free speech``,
#: ``showed that``, ``responded that``)
_NOT_SPEECH_SHAPES = re.compile(
    r"^(?:(?:has|have|had|is|are|was|were|be|been|also|still|now|already|[a-z]+ly) ){0,3}(?:"
    r"(?:stood|stand|stands|standing) for (?:[\w,-]+ ){0,4}(?:years|decades|centuries|"
    r"months|weeks|days|hours|generations|millennia)\b"
    r"|(?:leading|trailing) (?:among|by|in the polls)\b"
    r"|(?:show|shows|showed|shown|showing) (?:no |some |few )?signs? of\b"
    r"|(?:respond|responds|responded|responding|react|reacts|reacted|reacting) like "
    r"(?!this\b|that\b|so\b|:)"
    # a choice still open ("must decide whether to stop"): nothing decided, nothing said;
    # PolNeAR takes the gerund ("deciding whether to act") for a cue, so it stays
    r"|(?:decide|decides) (?:whether|if|what|which|how|who|when)\b"
    # a wish shown by deeds ("have never shown a desire to fight"), where "expressed a
    # desire" says it
    r"|(?:never )?(?:show|shows|showed|shown|showing) (?:a|an|any) (?:desire|appetite|"
    r"willingness)\b"
    # backing a candidate, siding with one, being keen on or puzzled by something: a
    # stance shown by deeds or a state of mind, no words ("endorsed the view that" and
    # "supporting claims that" report what was said, and stay)
    r"|(?:supporting|backing) (?!the idea\b|claims?\b|calls?\b|that\b)"
    r"|(?:willing|unwilling|ready|eager) to (?:back|support|endorse|vote)\b"
    r"|(?:have|has|had) (?:so |very )?(?:little|much|more|less|no) support\b"
    r"|(?:have|has|had) endorsed (?!the (?:views?|claims?|ideas?|notion|argument|calls?)\b)"
    r"|(?:align|aligns|aligned|aligning) (?:themselves|himself|herself|itself|ourselves)\b"
    r"|(?:not |n't |n’t )?(?:excited|eager) (?:about|to|for)\b"
    r"|(?:confused|unsure) (?:about|over|as to)\b"
    r"|(?:doubts|concerns) about\b"
    r")"
)
#: adverbs of sincerity or manner, which alone report no speech (``…, seriously, that``):
#: the evidential ones (``reportedly``, ``allegedly``) do, and are not here
_MANNER_ADVERBS = frozenset(
    [
        "candidly",
        "frankly",
        "genuinely",
        "honestly",
        "literally",
        "really",
        "seriously",
        "sincerely",
        "truly",
    ]
)
#: adjectives of a liking or a devotion (``She was passionate about country music``): a
#: trait of the subject, not words reported
_DEVOTION = frozenset(["passionate", "fond", "enthusiastic"])
#: ``There were prayers said``, ``there are masses held``: a participle after an
#: existential ``there is/are`` and its noun describes the noun; no one is said to speak
_EXISTENTIAL = re.compile(
    r"(?:^| )there (?:is|are|was|were|(?:has|have|had) been)(?: (?!who\b|that\b|which\b)"
    r"[a-z][\w'’-]*){1,4}$"
)
_PLEA = re.compile(r"^(?:pleads?|pleaded|pled)(?: not)? (?:guilty|innocent|no contest)\b")
#: why a source is unnamed, not what it said: ``an official who asked not to be named``,
#: ``who requested anonymity``, ``who declined to be identified``
_ANONYMITY = re.compile(
    r"^(?:asked|requested|declined|refused|spoke|speaking)\b(?: not)?(?: to be (?:named|"
    r"identified|quoted)| anonymity| on (?:the )?condition)"
)


#: participles that, after a determiner or a preposition, qualify a noun (``the alleged
#: attack``, ``after a suspected raid``): a hedge on the article's own words, not speech
_ATTRIBUTIVE = frozenset(
    ["alleged", "claimed", "purported", "reported", "rumored", "rumoured", "supposed", "suspected"]
)
_BEFORE_ATTRIBUTIVE = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "any",
        "another",
        "each",
        "every",
        "some",
        "such",
        "'s",
        "’s",
        "about",
        "after",
        "against",
        "before",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "over",
    ]
)


def is_non_speech(view: TokenView, cue: Cue) -> bool:
    """Cues that report no speech: an auxiliary alone (``We do n't need``), a perception
    verb (``You can see``), a negated passive (``The same ca n't be said of``), the
    anonymity formulas (``spoke on condition of anonymity``, ``who asked not to be
    named``: why a source is unnamed, not what it said), ``Pressure has mounted``, a
    reputation or a name (``is known for``, ``is known as``), a participle
    qualifying a noun (``an alleged attack``, ``There were prayers said``) and a
    liking (``was passionate about``)."""
    low = view.lower
    words = low[cue.first : cue.last + 1]
    if all(w in AUXILIARIES or w in ("n't", "not") for w in words):
        return True
    after = low[cue.last + 1] if cue.last + 1 < len(low) else ""
    if "known" in words and (
        words[words.index("known") + 1 : words.index("known") + 2] in (["for"], ["as"])
        or (words[-1] == "known" and after in ("for", "as"))
    ):
        return True
    lo = view.sentences[view.sent_of[cue.first]][0]
    if (
        words[0] in _ATTRIBUTIVE
        and cue.first > lo
        and low[cue.first - 1] in _BEFORE_ATTRIBUTIVE
        and after not in ("that", "to", ",", ":")
    ):
        return True
    if words[:2] == ["on", "condition"] or any(w in _NOT_SPEECH | _DEVOTION for w in words):
        return True
    if len(words) == 1 and words[0] in _MANNER_ADVERBS:
        return True
    if (words[0].endswith("ed") or words[0] in ("said", "told", "written", "spoken")) and (
        _EXISTENTIAL.search(" ".join(low[max(lo, cue.first - 7) : cue.first]))
    ):
        return True  # "There were prayers said across the country"
    if _NOT_SPEECH_SHAPES.match(" ".join(low[cue.first : cue.last + 8])):
        return True
    if _PLEA.search(" ".join(low[cue.first : cue.last + 3])):
        return True  # "pleaded guilty": a plea in court, not words reported ("pleaded with")
    if _ANONYMITY.match(" ".join(low[cue.first : cue.last + 6])):
        return True
    before = low[max(lo, cue.first - 3) : cue.first] + words
    verb = [w for w in before if w in _PERCEPTION]
    if verb and re.search(
        r"\b(?:you|we) (?:can|could) (?:see|hear|watch|notice)\b", " ".join(before)
    ):
        return True  # "You can see the damage": perception, not speech
    if _comparison_baseline(view, cue, lo):
        return True
    if _subject_participle(view, cue, lo):
        return True
    # "ca n't be said", "cannot be said", "could not be said"
    joined = " ".join(before)
    return bool(re.search(r"(?:n't|not|cannot) be said\b", joined))


#: the finite verb a subject's reduced relative clause runs into
_COPULAS = frozenset(["is", "was", "are", "were"])
#: what opens a clause of the participle's own, whose verb is not the sentence's
_CLAUSE_OPENERS = frozenset(
    [
        *(",", ";", ":", "that", "how", "what", "why", "whether", "if", "who", "which"),
        *("where", "when", "while", "because", "since", "although", "as"),
    ]
)


def _subject_participle(view: TokenView, cue: Cue, lo: int) -> bool:
    """``One of the most glaring instances showing her privilege was the fact that …``:
    an ``-ing`` cue right after a common noun, whose phrase runs into the sentence's
    copula, qualifies the subject (a reduced relative clause); it reports no speech,
    and a cue further on keeps its own source."""
    low = view.lower
    a = cue.first
    prev = low[a - 1] if a - 1 >= lo else ""
    if (
        cue.first != cue.last
        or not low[a].endswith("ing")
        or not prev.isalpha()
        or not view.words[a - 1].islower()
        or prev in AUXILIARIES
        or prev in PRONOUNS
        or prev in PREPOSITIONS
        or prev in ("and", "or", "but", "while", "when", "after", "before", "by", "without")
        or prev.endswith("ly")
    ):
        return False
    hi = view.sentences[view.sent_of[a]][1]
    for k in range(a + 1, min(hi, a + 9)):
        if low[k] in _CLAUSE_OPENERS or view.quote_of[k] >= 0:
            return False  # "thinking how the information … was": the copula is the clause's
        if low[k] in _COPULAS:
            return k > a + 1
    return False


#: verbs of expecting that, after ``than SRC``, give the baseline of a comparison
_BASELINE_VERBS = frozenset(
    ["expected", "anticipated", "predicted", "forecast", "projected", "estimated", "thought"]
)


def _comparison_baseline(view: TokenView, cue: Cue, lo: int) -> bool:
    """``more power than the grid operator expected``: what someone expected is the
    measure a comparison is made against; nothing said is reported (no clause follows)."""
    low = view.lower
    if low[cue.first] not in _BASELINE_VERBS or cue.first != cue.last:
        return False
    after = low[cue.last + 1] if cue.last + 1 < len(low) else "."
    if after in ("that", "to", ":") or (is_word(after) and after not in ("in", "on", "at", "by")):
        return False
    for k in range(cue.first - 1, max(lo - 1, cue.first - 6), -1):
        if low[k] == "than":
            return k < cue.first - 1
        if not is_word(low[k]):
            return False
    return False


def drop_parenthetical_participles(view: TokenView, cues: list[Cue]) -> list[Cue]:
    """Drop ``dedicating`` in ``Obama, dedicating the museum on Saturday, said ...``.

    An ``-ing`` cue opening a comma-delimited aside right after a capitalised name,
    closed by ``, CUE``, describes the source; the main cue's source is the name.
    """
    low = view.lower
    starts = {c.first for c in cues}
    out = []
    for cue in cues:
        a = cue.first
        if (
            low[a].endswith("ing")
            and a - 2 >= view.sentences[view.sent_of[a]][0]
            and low[a - 1] == ","
            and view.words[a - 2][:1].isupper()
        ):
            hi = view.sentences[view.sent_of[a]][1]
            k = cue.last + 1
            while k < hi and low[k] != "," and view.quote_of[k] < 0 and k not in starts:
                k += 1
            if k + 1 < hi and low[k] == "," and k + 1 in starts:
                continue
        out.append(cue)
    return out


#: what a statement is made in: ``in a statement``, ``in the press release``
_MEDIA = frozenset(
    [
        "statement",
        "statements",
        "release",
        "interview",
        "letter",
        "post",
        "tweet",
        "email",
        "speech",
        "video",
        "op-ed",
        "essay",
        "memo",
    ]
)
_MEDIUM_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "his",
        "her",
        "its",
        "their",
        "this",
        "press",
        "written",
        "separate",
        "joint",
    ]
)


def drop_medium_phrases(view: TokenView, cues: list[Cue]) -> list[Cue]:
    """Drop the cue the tagger finds in ``in a statement`` / ``In the press release``
    when a speech verb follows in the same sentence (``The union, in a statement,
    said: …``, ``In the press release Sheriff Roe said, …``): the phrase names where
    the verb's speaker spoke; as a cue of its own it takes the speaker away from the
    verb and leaves that attribution with no source."""
    low = view.lower
    out = []
    for cue in cues:
        sent = view.sent_of[cue.first]
        lo = view.sentences[sent][0]
        k = cue.first
        while k > lo and k > cue.first - 3 and low[k - 1] in _MEDIUM_WORDS:
            k -= 1
        m = cue.first
        hi = view.sentences[sent][1]
        while m < hi - 1 and m < cue.first + 3 and low[m] in _MEDIUM_WORDS:
            m += 1
        in_phrase = (
            k > lo
            and low[k - 1] in ("in", "on")
            and low[m] in _MEDIA
            and cue.last <= m
            and all(low[j] in _MEDIUM_WORDS | _MEDIA for j in range(cue.first, cue.last + 1))
        )
        later = any(
            c.first > m and view.sent_of[c.first] == sent and c.first - cue.last <= 8 for c in cues
        )
        if in_phrase and later:
            continue
        out.append(cue)
    return out


#: a participle with its preposition right after a noun describes that noun:
#: ``officials briefed on the investigation said``, ``people familiar with the talks``
_DESCRIBING = frozenset(["on", "about", "with", "by", "in", "to"])
#: participles that describe a source rather than report its speech (``Police
#: announced on Friday`` is a finite verb)
_DESCRIBING_PARTICIPLES = frozenset(
    [
        "briefed",
        "consulted",
        "contacted",
        "informed",
        "interviewed",
        "involved",
        "polled",
        "questioned",
        "quoted",
        "surveyed",
    ]
)


def drop_reduced_relatives(view: TokenView, cues: list[Cue]) -> list[Cue]:
    """Drop ``briefed on`` in ``Officials briefed on the investigation told reporters``.

    A past participle cue followed by a preposition, right after a noun that opens
    its sentence's subject, and followed in the same sentence (no comma, quotation
    or ``that`` between) by another cue, is a reduced relative clause describing the
    source of that cue; with it, the source is the whole phrase.
    """
    low = view.lower
    out = []
    for n, cue in enumerate(cues):
        a = cue.first
        lo, hi = view.sentences[view.sent_of[a]]
        nxt = cues[n + 1] if n + 1 < len(cues) else None
        prep = cue.last if low[cue.last] in _DESCRIBING else cue.last + 1
        if (
            nxt is not None
            and view.sent_of[nxt.first] == view.sent_of[a]
            and low[a] in _DESCRIBING_PARTICIPLES
            and prep < hi
            and low[prep] in _DESCRIBING
            and prep - a <= 1
            and a - 1 >= lo
            and low[a - 1].isalpha()
            and low[a - 1] not in AUXILIARIES
            and not low[a - 1].endswith("ly")
            and all(
                low[t] not in (",", "that", ";", ":") and view.quote_of[t] < 0
                for t in range(cue.last + 1, nxt.first)
            )
            and nxt.first - cue.last <= 12
        ):
            continue
        out.append(cue)
    return out
