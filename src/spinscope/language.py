"""Which language a document is written in, and which components may analyse it.

The text is identified with py3langid (a maintained fork of langid.py whose model ships
inside the package: nothing is downloaded). A guess counts only when the sample has
enough letters and the normalised probability is high: short snippets ("They lied.")
stay *unknown*, and every component runs on them, as the user asked.

Components declare the languages they analyse (``@register(..., languages=("en",))``);
the pipeline skips a component whose languages do not include the document's, and
records why (:data:`PIPELINE_KEY` in ``meta.extra``), so that no English model's output
is shown on German text unless the user forces the language.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

__all__ = [
    "MIN_LETTERS",
    "MIN_SCORE",
    "PIPELINE_KEY",
    "LanguageGuess",
    "detect_language",
    "language_name",
]

#: ``meta.extra`` key of the pipeline's record: the language decided, the components
#: that ran and those skipped with the reason.
PIPELINE_KEY = "pipeline"

#: A guess needs at least this many letters in the sample ...
MIN_LETTERS = 40
#: ... and at least this normalised probability.
MIN_SCORE = 0.9
#: Characters of the text the guess reads (the start of an article is enough, and a
#: 5 MB document is not read whole).
SAMPLE_CHARS = 5_000

_lock = threading.Lock()
_identifier: Any = None


@dataclass(frozen=True)
class LanguageGuess:
    """An identified language: ISO 639-1 code and normalised probability."""

    language: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"language": self.language, "score": round(self.score, 4)}


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            # Loading decompresses the model (about a second): once per process, on the
            # first document that needs it.
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def detect_language(text: str) -> LanguageGuess | None:
    """The language of ``text``, or ``None`` when the evidence is too thin to say.

    >>> detect_language("Die Kommissionspräsidentin sagte am Mittwoch, dass die "
    ...                 "Verhandlungen weitergehen würden.").language
    'de'
    >>> detect_language("They lied.") is None
    True
    """
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    language, score = _model().classify(sample)
    if score < MIN_SCORE:
        return None
    return LanguageGuess(str(language), float(score))


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
