"""Lexical search of the knowledge base: SQLite FTS5 (bm25) or PostgreSQL full text
(ts_rank), one result shape. Retrieval by meaning comes on top of this later."""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import text

from spinscope.store import Store

_WORD = re.compile(r"\w+")

# Links carry no words a claim shares (pic.twitter.com/ECRq..., bit.ly/...), while
# hashtags and @handles name the subject in CamelCase (#AustralianFires,
# @realDonaldTrump): links are dropped and tags split into words. On the CheckThat! 2020
# tweets this raises MAP@5 by about 0.03 (docs/benchmarks.md, "Claim retrieval").
_URL = re.compile(
    r"(?:https?://|www\.)\S+"
    # Tweets glue picture links and short links to the word before ("fires.pic.twitter.com/x"):
    # the link goes, the word stays.
    r"|(?:pic\.twitter\.com|bit\.ly|t\.co|youtu\.be|goo\.gl|fb\.me|ow\.ly|tinyurl\.com)/\S*",
    re.IGNORECASE,
)
_TAG = re.compile(r"[#@](\w+)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)")

#: At most this many distinct query words are used (a whole article is not a query).
MAX_TERMS = 64

#: On SQLite, at most this many query words are searched, the rarest, and none found in
#: this share of the rows or more, unless that leaves none. FTS5's bm25 gives a word in
#: half the rows or more no weight; one in a tenth little (idf below log 9 ~ 2.2, against
#: 6-9 for a word in a few claims), yet such words make an OR query read much of the
#: index. Both chosen by CheckThat! 2020 train MAP@5 (bm25 and hybrid; docs/benchmarks.md,
#: "Claim retrieval"): fewer words or a smaller share lose MAP.
MAX_SEARCHED = 32
MAX_SHARE = 0.1
#: ... but a word in fewer rows than this is read fast and kept: a small knowledge base is
#: searched with every word. (The hybrid re-ranker's features also depend on which rows
#: the lexical search proposes; on a few rows a word in half of them still tells them apart.)
COMMON_ROWS = 1000
#: ... and the kept words, rarest first, may together be in at most this many rows (the
#: rarest is always kept). An OR query's time grows with the rows its words are in (about
#: 1.3 µs a row here), so this bounds it on a large knowledge base, where a query of
#: mid-frequency words (each in 1-10 % of the rows) would read a million postings: over
#: 1M synthetic claims it took the p95 from 405 ms to 74 ms. It never binds on 15,630 rows
#: or fewer (32 words, each in fewer than a tenth of the rows or COMMON_ROWS, the larger:
#: at most 32 x 1,562), so the CheckThat! 2020 figures (10,375 claims) are those without
#: it; on the 46,010 fact-checks of four real sources (EUvsDisinfo, Snopes, LIAR,
#: CheckThat!) the tweets' bm25 top 5 were the same even at 30,000. On PostgreSQL it is
#: the only limit (the query keeps every word found, MAX_TERMS at most, rarest first while
#: within the budget), so there it can bind on a smaller knowledge base, for a query of
#: common words: ts_rank was not measured for CheckThat!.
MAX_POSTINGS = 50_000
# A share no word reaches: PostgreSQL keeps every word found (only the row budget binds).
_NO_SHARE = 2.0

#: English function words left out of queries: PostgreSQL's 'english' configuration
#: drops these (Snowball's list), and on SQLite they would match nearly every row and
#: make a query several times slower while adding little to the ranking.
_STOP_LIST = """i me my myself we our ours ourselves you your yours yourself yourselves he him his
    himself she her hers herself it its itself they them their theirs themselves what which
    who whom this that these those am is are was were be been being have has had having do
    does did doing a an the and but if or because as until while of at by for with about
    against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each
    few more most other some such no nor not only own same so than too very s t can will
    just don should now"""
STOP_WORDS = frozenset(_STOP_LIST.split())

_COLUMNS = (
    "f.id, f.source, f.claim_text, f.verdict, f.rating_text, f.claimant, f.review_url, "
    "f.review_title, f.publisher, f.review_date"
)

# bm25 weights per indexed column (claim_text, review_title, disproof); bm25 is lower
# for better matches, so the score is its negation. The k best rows are chosen on
# (pk, score) alone and only they are joined to their columns: an OR query matches
# thousands of rows, and sorting them with their texts took half of the query's time.
# Joining the table inside the ranking only when a source must be checked (an FTS5
# MATCH with a `rowid IN (...)` constraint is run once per rowid).
_SQLITE_BEST = (
    "SELECT rowid AS pk, -bm25(factchecks_fts, 1.0, 0.5, 0.2) AS score FROM factchecks_fts "
    "WHERE factchecks_fts MATCH :query ORDER BY score DESC, rowid LIMIT :k"
)
_SQLITE_BEST_OF_SOURCE = (
    "SELECT f.pk, -bm25(factchecks_fts, 1.0, 0.5, 0.2) AS score "
    "FROM factchecks_fts JOIN factchecks f ON f.pk = factchecks_fts.rowid "
    "WHERE factchecks_fts MATCH :query AND f.source = :source ORDER BY score DESC, f.pk LIMIT :k"
)
_SQLITE = (
    f"SELECT {_COLUMNS}, r.score FROM ({{best}}) r JOIN factchecks f ON f.pk = r.pk "
    "ORDER BY r.score DESC, f.pk"
)
_POSTGRES = (
    f"SELECT {_COLUMNS}, ts_rank(f.search, q) AS score "
    "FROM factchecks f, to_tsquery('english', :query) q "
    "WHERE f.search @@ q{source} ORDER BY score DESC, f.pk LIMIT :k"
)
#: (dialect is SQLite, one source only) -> statement.
_STATEMENTS = {
    (True, False): text(_SQLITE.format(best=_SQLITE_BEST)),
    (True, True): text(_SQLITE.format(best=_SQLITE_BEST_OF_SOURCE)),
    (False, False): text(_POSTGRES.format(source="")),
    (False, True): text(_POSTGRES.format(source=" AND f.source = :source")),
}


@dataclass(frozen=True)
class SearchHit:
    """A fact-check matching a query; ``score`` is higher for better matches, comparable
    only within one result list (bm25 on SQLite, ts_rank on PostgreSQL)."""

    id: str
    score: float
    claim_text: str
    verdict: str
    rating_text: str | None
    claimant: str | None
    review_url: str | None
    review_title: str | None
    publisher: str | None
    review_date: str | None
    source: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def plain_text(query: str) -> str:
    """``query`` without links, its hashtags and @handles split into words.

    >>> plain_text("#COVID19 hoax, says @NavidHasan_: https://t.co/x1 #DefundTheCBC")
    'COVID 19 hoax, says Navid Hasan_:   Defund The CBC'
    """
    query = _URL.sub(" ", query)
    return _TAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)), query)


def query_terms(query: str) -> list[str]:
    """Distinct words of ``query``, in order, without stop words (unless that leaves none).

    >>> query_terms('Did "NATO" invade the... nato?')
    ['nato', 'invade']
    >>> query_terms("To be or not to be")
    ['to', 'be', 'or', 'not']
    >>> query_terms("#AustralianFires via @realDonaldTrump pic.twitter.com/ECRqyfc8mI")
    ['australian', 'fires', 'via', 'real', 'donald', 'trump']
    """
    words = dict.fromkeys(_WORD.findall(plain_text(query).casefold()))
    content = [w for w in words if w not in STOP_WORDS]
    return (content or list(words))[:MAX_TERMS]


# FTS5's bm25 gives a word found in half the rows or more an idf of log(<= 1) <= 0,
# which it clamps to 1e-6: such a word adds nothing to a score but makes an OR query
# read (nearly) every row. Document frequencies come from counting each word's matches
# (FTS5 stems the quoted word exactly as it stems the index, which a Python stemmer
# would only approximate), once per word and store: they change only on import, which
# calls :func:`forget`.
_COUNT = text("SELECT count(*) FROM factchecks_fts WHERE factchecks_fts MATCH :word")
# PostgreSQL stems the word as it stems the index (a stop word matches nothing).
_COUNT_POSTGRES = text(
    "SELECT count(*) FROM factchecks WHERE search @@ plainto_tsquery('english', :word)"
)
_ROWS = text("SELECT count(*) FROM factchecks")
#: Words whose frequencies are kept per store before the cache starts afresh.
_CACHE_WORDS = 200_000


@dataclass
class _Frequencies:
    rows: int | None = None
    words: dict[str, int] = field(default_factory=dict)


_frequencies: weakref.WeakKeyDictionary[Store, _Frequencies] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def forget(store: Store) -> None:
    """Drop the cached word frequencies of ``store`` (its fact-checks changed)."""
    with _lock:
        _frequencies.pop(store, None)


def document_frequencies(store: Store, terms: list[str]) -> tuple[int, dict[str, int]]:
    """(rows of the index, rows matching each of ``terms``), cached per store."""
    with _lock:
        cache = _frequencies.setdefault(store, _Frequencies())
        rows = cache.rows
        known = {t: cache.words[t] for t in terms if t in cache.words}
    missing = [t for t in terms if t not in known]
    if rows is None or missing:
        with store.engine.connect() as conn:
            if rows is None:
                rows = int(conn.execute(_ROWS).scalar_one())
            sqlite = store.dialect == "sqlite"
            for t in missing:
                word = f'"{t}"' if sqlite else t
                known[t] = int(
                    conn.execute(_COUNT if sqlite else _COUNT_POSTGRES, {"word": word}).scalar_one()
                )
        with _lock:
            if len(cache.words) + len(missing) > _CACHE_WORDS:
                cache.words.clear()
            cache.rows = rows
            cache.words.update({t: known[t] for t in missing})
    return rows, known


def searched_terms(
    store: Store,
    terms: list[str],
    limit: int = MAX_SEARCHED,
    share: float = MAX_SHARE,
    common_rows: int = COMMON_ROWS,
    postings: int = MAX_POSTINGS,
) -> list[str]:
    """The words of ``terms`` worth an FTS5 query: at most ``limit``, the rarest first,
    none found in ``share`` of the rows or more when that is ``common_rows`` or more,
    unless that leaves none (the rarest stays), and together in at most ``postings`` rows
    (the rarest stays); words found nowhere go too (they cannot match). With ``share``
    0.5 the words left out are some of those bm25 gives an idf of 0 (clamped to 1e-6):
    the scores of the others stay as they are."""
    rows, df = document_frequencies(store, terms)
    found = [t for t in terms if df[t] > 0]
    if not found:
        return []
    bound = max(share * rows, common_rows)
    kept = [t for t in found if df[t] < bound]
    if not kept:
        return [min(found, key=lambda t: df[t])]
    out: list[str] = []
    read = 0
    for t in sorted(kept, key=lambda t: df[t])[:limit]:
        if out and read + df[t] > postings:
            break
        out.append(t)
        read += df[t]
    return out


def search(store: Store, query: str, *, k: int = 5, source: str | None = None) -> list[SearchHit]:
    """The ``k`` fact-checks sharing most words with ``query`` (any word may match),
    from every source or from ``source`` only.

    On SQLite the query keeps its :data:`MAX_SEARCHED` rarest words, without those in
    :data:`MAX_SHARE` of the rows or more and in at least :data:`COMMON_ROWS`; on both
    databases the kept words, rarest first, are together in at most
    :data:`MAX_POSTINGS` rows (:func:`searched_terms`)."""
    terms = query_terms(query)
    if not terms or k <= 0:
        return []
    sqlite = store.dialect == "sqlite"
    if sqlite:
        terms = searched_terms(store, terms, MAX_SEARCHED, MAX_SHARE, COMMON_ROWS, MAX_POSTINGS)
    else:
        # PostgreSQL ranks with ts_rank, not bm25, so only the row budget applies (the
        # word limits were chosen for bm25): a large knowledge base stays bounded.
        terms = searched_terms(store, terms, MAX_TERMS, _NO_SHARE, 0, MAX_POSTINGS)
    if not terms:
        return []
    # Each word quoted on SQLite: FTS5 operators in the text are taken literally.
    param = " OR ".join(f'"{t}"' for t in terms) if sqlite else " | ".join(terms)
    statement = _STATEMENTS[sqlite, source is not None]
    values: dict[str, Any] = {"query": param, "k": k}
    if source is not None:
        values["source"] = source
    with store.engine.connect() as conn:
        rows = conn.execute(statement, values).mappings().all()
    return [SearchHit(**{**row, "score": float(row["score"])}) for row in rows]
