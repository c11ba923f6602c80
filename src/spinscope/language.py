"""Which language a document is written in, and which components may analyse it.

The text is identified with py3langid (a maintained fork of langid.py whose model ships
inside the package: nothing is downloaded). A news page is often mixed: a German report
quoting an English press release, an English story with a Spanish slogan. So the guess
reads the *narration*, paragraph by paragraph: stretches in quotation marks are set
aside (a quotation is in its speaker's language, not the article's), each paragraph
with enough letters is identified on its own, and the paragraphs vote with their letters.
The guess records each language's share of the letters. A paragraph counts only when
its normalised probability is high, and a document only when enough letters were
identified: short snippets ("They lied.") stay *unknown*, and every component runs on
them, as the user asked.

What the page declares (``<html lang>``, ``og:locale``, JSON-LD ``inLanguage``, a
corpus's language field) is kept as ``meta.language`` until the pipeline decides: the
declaration stands when a fair part of the text (:data:`DECLARED_MIN_SHARE`) is in that
language, and the text wins when it clearly disagrees (a template's ``lang="en"`` on a
German article), see :func:`decide_language`.

Components declare the languages they analyse (``@register(..., languages=("en",))``);
the pipeline skips a component whose languages do not include the document's, and
records why (:data:`PIPELINE_KEY` in ``meta.extra``), so that no English model's output
is shown on German text unless the user forces the language.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "DECLARED_MIN_SHARE",
    "MIN_LETTERS",
    "MIN_PARAGRAPH_LETTERS",
    "MIN_SCORE",
    "PIPELINE_KEY",
    "LanguageGuess",
    "decide_language",
    "detect_language",
    "language_code",
    "language_name",
    "narration",
]

#: ``meta.extra`` key of the pipeline's record: the language decided, the components
#: that ran and those skipped with the reason.
PIPELINE_KEY = "pipeline"

#: A guess needs at least this many identified letters ...
MIN_LETTERS = 40
#: ... and each paragraph that votes at least this normalised probability.
MIN_SCORE = 0.9
#: A paragraph votes on its own from this many letters; shorter lines ("Have any
#: questions?", a byline) say too little, and are read only when the whole text is short.
MIN_PARAGRAPH_LETTERS = 20
#: The declared language stands when at least this share of the identified letters is in
#: it: on a mixed page the page knows best which part is the article. Below it the text
#: clearly disagrees, and wins.
DECLARED_MIN_SHARE = 0.3
#: Characters of the text the guess reads (the first pages of an article are enough, and
#: a 5 MB document is not read whole).
SAMPLE_CHARS = 20_000

# Quotations set aside: straight and curly double quotes, German „…“ and »…«, French
# «…», each within a paragraph. Single quotes are left alone: ’ is also the apostrophe.
_QUOTED = re.compile(r'"[^"\n]*"|“[^“”\n]*”|„[^„“”"\n]*[“”"]|«[^«»\n]*»|»[^«»\n]*«')

# py3langid's label for "no linguistic content" (code, tables of numbers): no vote.
_NO_LANGUAGE = "zxx"

_lock = threading.Lock()
_identifier: Any = None


@dataclass(frozen=True)
class LanguageGuess:
    """An identified language: ISO 639-1 code and its confidence.

    ``shares`` holds, when the text was read paragraph by paragraph, each language's
    share of the identified letters (``{"de": 0.82, "en": 0.18}``), and ``score`` is then
    the guessed language's share; for a text read as one sample ``score`` is py3langid's
    normalised probability.
    """

    language: str
    score: float
    shares: Mapping[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"language": self.language, "score": round(self.score, 4)}
        if self.shares:
            out["shares"] = {k: round(v, 3) for k, v in self.shares.items()}
        return out


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            # Loading decompresses the model (about a second): once per process, on the
            # first document that needs it.
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def narration(text: str) -> str:
    """``text`` with the stretches in quotation marks blanked (same length, same lines).

    >>> narration('Er sagte: "We are ready." Dann ging er.')
    'Er sagte:                 Dann ging er.'
    """
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def _classify(sample: str) -> LanguageGuess | None:
    if _letters(sample) < MIN_LETTERS:
        return None
    language, score = _model().classify(sample)
    if score < MIN_SCORE or language == _NO_LANGUAGE:
        return None
    return LanguageGuess(str(language), float(score))


def _by_paragraph(text: str) -> LanguageGuess | None:
    """The language most of the paragraphs' letters are in, with every language's share."""
    votes: dict[str, int] = {}
    for paragraph in text.split("\n"):
        letters = _letters(paragraph)
        if letters < MIN_PARAGRAPH_LETTERS:
            continue
        language, score = _model().classify(paragraph)
        if score >= MIN_SCORE and language != _NO_LANGUAGE:
            votes[str(language)] = votes.get(str(language), 0) + letters
    total = sum(votes.values())
    if total < MIN_LETTERS:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    shares = {language: n / total for language, n in ranked}
    return LanguageGuess(ranked[0][0], shares[ranked[0][0]], shares)


def detect_language(text: str) -> LanguageGuess | None:
    """The language of ``text``'s narration, or ``None`` when the evidence is too thin.

    Read paragraph by paragraph without its quotations; when that leaves too few
    letters (a text of short lines, or mostly quotation), as one sample, first without
    the quotations, then with them.

    >>> detect_language("Die Kommissionspräsidentin sagte am Mittwoch, dass die "
    ...                 "Verhandlungen weitergehen würden.").language
    'de'
    >>> detect_language("They lied.") is None
    True
    """
    sample = text[:SAMPLE_CHARS]
    told = narration(sample)
    return _by_paragraph(told) or _classify(told) or _classify(sample)


def language_code(value: str | None) -> str | None:
    """The ISO 639 code at the head of a language tag (``"de-DE"``, ``"en_US"`` -> ``"de"``,
    ``"en"``), lower case; ``None`` for anything else."""
    match = re.match(r"[A-Za-z]{2,3}(?=$|[-_])", (value or "").strip())
    return match.group(0).lower() if match else None


def decide_language(guess: LanguageGuess | None, declared: str | None) -> str | None:
    """The document's language from the text's ``guess`` and the ``declared`` code.

    The declaration stands when the text has too little to say, or when at least
    :data:`DECLARED_MIN_SHARE` of it is in the declared language (a German page quoting
    English at length); otherwise the text wins (a template's ``lang="en"`` on a German
    article).

    >>> decide_language(LanguageGuess("en", 0.6, {"en": 0.6, "de": 0.4}), "de")
    'de'
    >>> decide_language(LanguageGuess("de", 1.0, {"de": 1.0}), "en")
    'de'
    """
    if guess is None:
        return declared
    if declared and declared != guess.language:
        share = guess.shares.get(declared, 0.0)
        if share >= DECLARED_MIN_SHARE:
            return declared
    return guess.language


_NAMES = {
    "ar": "Arabic",
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "zh": "Chinese",
    "ja": "Japanese",
    "fa": "Persian",
}


def language_name(code: str) -> str:
    """An English name for common ISO 639-1 codes (the code itself otherwise)."""
    return _NAMES.get(code, code)
