"""The ``claims.v1`` component: the article's claims that the fact-check knowledge base
has already checked.

Span group written (schema ``spinscope.document/1``)::

    spans.claims[] = {"start", "end", "label": "claim", "score": <best match's score>,
                      "checkworthy": <score> | null,
                      "matches": [{"id", "score", "claim", "verdict", "rating", "url",
                                   "publisher", "date", "source", "disproof"}, ...]}

**Which spans are claims.** The candidates are the document's sentences (from the
``sentences`` group: an own-voice assertion and attributed content both lie in one, and
a fact-checked claim is usually a sentence's worth) outside boilerplate, of at least
``min_words`` words. When a check-worthiness component ran earlier (span group
``checkworthy``, one scored span per sentence), only sentences scoring at least
``min_checkworthy`` are candidates, and each claim carries that score; every one of
them is kept, matched or not (a check-worthy claim no one has checked is worth seeing).
Without it, every candidate sentence is queried, ``checkworthy`` is ``null``, and only
sentences with a match are kept (listing every sentence as a claim would say nothing).

Matches come from :mod:`spinscope.claims.matching` (queried once per batch of
documents), best first, at most ``k``, each scoring at least ``threshold``.

**The knowledge base** is the store named by the ``store`` setting (``analyze
--store``), else ``$SPINSCOPE_STORE``, else ``spinscope.db`` in the user data directory.
When it does not exist or holds no fact-check the component is *unavailable*: the
pipeline skips it on every document and says why in every report. Looking costs a
file check: no database library is imported and no file is created.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from spinscope.document import Document, Span
from spinscope.errors import ConfigError, SpinscopeError
from spinscope.registry import register
from spinscope.store.locate import StoreLocation, locate_store, open_table, sqlite_path

if TYPE_CHECKING:
    from spinscope.claims.matching import ClaimMatcher
    from spinscope.store import Store

__all__ = [
    "CHECKWORTHY_GROUP",
    "GROUP",
    "ClaimsComponent",
    "KnowledgeBase",
    "candidates",
    "locate_kb",
    "make_claims",
]

GROUP = "claims"
CHECKWORTHY_GROUP = "checkworthy"

#: The same-claim model's threshold (see :data:`spinscope.claims.matching.MATCH_THRESHOLD`),
#: repeated here so that building the component without a store imports no database code.
DEFAULT_THRESHOLD = 0.69

_WORD = re.compile(r"\w+")


#: Where the knowledge base is, or why there is none (``url``, ``missing``).
KnowledgeBase = StoreLocation

# Kept under its old name: the SQLite file of a store URL.
_sqlite_path = sqlite_path


def locate_kb(store: str | None = None) -> KnowledgeBase:
    """The knowledge base ``store`` names (an URL or SQLite file; default:
    ``$SPINSCOPE_STORE``, else the user data directory's ``spinscope.db``).

    Only checks that an SQLite file exists (a server database is taken to be there).
    """
    return locate_store(
        store,
        what="fact-check knowledge base",
        hint="spinscope factchecks import creates one; --store names another",
    )


def candidates(
    doc: Document, *, min_words: int = 5, min_checkworthy: float = 0.5
) -> list[tuple[int, int, float | None]]:
    """The sentences worth checking: ``(start, end, checkworthy)`` without surrounding
    spaces, in text order (see the module's docstring)."""
    scored = doc.has_group(CHECKWORTHY_GROUP)
    out: list[tuple[int, int, float | None]] = []
    for sentence in doc.sentences:
        if doc.is_boilerplate(sentence):
            continue
        raw = doc.text[sentence.start : sentence.end]
        start = sentence.start + (len(raw) - len(raw.lstrip()))
        end = sentence.start + len(raw.rstrip())
        if end <= start or len(_WORD.findall(raw)) < min_words:
            continue
        checkworthy = None
        if scored:
            scores = [_checkworthy(s) for s in doc.group(CHECKWORTHY_GROUP).overlapping(start, end)]
            checkworthy = max((s for s in scores if s is not None), default=0.0)
            if checkworthy < min_checkworthy:
                continue
        out.append((start, end, checkworthy))
    return out


def _checkworthy(span: Span) -> float | None:
    value = span.score if span.score is not None else span.attrs.get("score")
    return float(value) if isinstance(value, int | float) else None


class ClaimsComponent:
    """Finds the document's check-worthy sentences and their fact-check matches.

    ``unavailable`` says why there is no knowledge base to query (the pipeline then
    skips the component with that reason), or is ``None``.
    """

    def __init__(
        self,
        kb: KnowledgeBase,
        *,
        k: int = 3,
        threshold: float = DEFAULT_THRESHOLD,
        min_words: int = 5,
        min_checkworthy: float = 0.5,
    ) -> None:
        self.kb = kb
        self.k = k
        self.threshold = threshold
        self.min_words = min_words
        self.min_checkworthy = min_checkworthy
        self.unavailable: str | None = kb.missing
        self._store: Store | None = None
        self._matcher: ClaimMatcher | None = None
        if self.unavailable is None:
            self._open()

    def _open(self) -> None:
        from spinscope.claims.matching import ClaimMatcher
        from spinscope.store.schema import factchecks

        assert self.kb.url is not None
        store, self.unavailable = open_table(
            self.kb.url, factchecks, what="fact-check knowledge base"
        )
        if store is None:
            return
        self._store = store
        self._matcher = ClaimMatcher.open(store)
        # A pipeline does not close its components: the connections are closed when the
        # component goes away, not left to the driver's garbage-collection warnings.
        self._closer = weakref.finalize(self, store.close)

    def close(self) -> None:
        """Close the knowledge base's connections (the component cannot run after)."""
        if self._store is not None:
            self._closer()
            self._store = None
            self._matcher = None

    def __call__(self, doc: Document) -> Document:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        """Annotate ``docs``, querying the knowledge base once for all their sentences."""
        batch = list(docs)
        if self._matcher is None:
            raise SpinscopeError(f"claims.v1 cannot run: {self.unavailable}")
        found = [
            candidates(d, min_words=self.min_words, min_checkworthy=self.min_checkworthy)
            for d in batch
        ]
        texts = [d.text[s:e] for d, cands in zip(batch, found, strict=True) for s, e, _ in cands]
        matches = iter(self._matcher.match(texts, self.k, self.threshold))
        for doc, cands in zip(batch, found, strict=True):
            spans = []
            for start, end, checkworthy in cands:
                ms = next(matches)
                if not ms and checkworthy is None:
                    continue
                attrs: dict[str, Any] = {
                    "checkworthy": checkworthy,
                    "matches": [m.as_dict() for m in ms],
                }
                spans.append(Span(start, end, "claim", ms[0].score if ms else None, attrs))
            doc.set_spans(GROUP, spans)
            yield doc


def _check(name: str, value: float, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise ConfigError(f"claims.v1 {name} must be in [{low}, {high}], got {value!r}")
    return float(value)


@register(
    "claims.v1",
    assigns=(GROUP,),
    requires=("sentences",),
    uses=("boilerplate", CHECKWORTHY_GROUP),
    languages=("en",),
    description="Claims the fact-check knowledge base has checked, with their matches.",
)
def make_claims(
    store: str = "",
    k: int = 3,
    threshold: float = DEFAULT_THRESHOLD,
    min_words: int = 5,
    min_checkworthy: float = 0.5,
) -> ClaimsComponent:
    """Build the component (finds, and opens, the knowledge base once).

    Args:
        store: the knowledge base: a store URL or an SQLite file; empty: the default
            (``$SPINSCOPE_STORE``, else ``spinscope.db`` in the user data directory).
        k: matches kept per claim, at most.
        threshold: a match's least score.
        min_words: sentences with fewer words are not candidates.
        min_checkworthy: with a ``checkworthy`` group, a sentence's least score.
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ConfigError(f"claims.v1 k must be a positive integer, got {k!r}")
    if isinstance(min_words, bool) or not isinstance(min_words, int) or min_words < 1:
        raise ConfigError(f"claims.v1 min_words must be a positive integer, got {min_words!r}")
    if not isinstance(store, str):
        raise ConfigError(f"claims.v1 store must be a URL or a file path, got {store!r}")
    return ClaimsComponent(
        locate_kb(store),
        k=k,
        threshold=_check("threshold", threshold, 0.0, 1.0),
        min_words=min_words,
        min_checkworthy=_check("min_checkworthy", min_checkworthy, 0.0, 1.0),
    )
