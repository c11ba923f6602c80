"""CheckThat! 2020 Task 2 (verified claim retrieval): its query, qrels and run files,
retrieval from the knowledge base, and MAP@k.

Files (tab-separated, UTF-8):

- queries ``tweet_id, tweet_content``: a header row is optional and its first cell may
  be empty; quoting is CSV-style (``"A ""quoted"" word"``), as in the KB file;
- qrels ``tweet_id 0 vclaim_id relevance`` (only relevant pairs are listed);
- run (TREC) ``tweet_id Q0 vclaim_id rank score tag``.

MAP@k is trec_eval's ``map_cut_k`` (the task's README refers to trec_eval; MAP@5 is
the official figure): for a query q with relevant set R_q and ranking
d_1..d_n (sorted by score, best first),

    AP@k(q) = (1 / |R_q|) * sum over i <= k with d_i in R_q of P@i

and MAP@k is the mean over every query of the qrels; a query the run does not answer,
or with no relevant claim, scores 0. With one relevant claim per tweet (all but one
tweet of the dev split) AP@k is 1/rank of that claim when it is in the top k, else 0.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from spinscope.factchecks.importers.base import clean, csv_rows, text_lines
from spinscope.factchecks.lexical import search
from spinscope.factchecks.model import ImportFileError
from spinscope.store import Store
from spinscope.store.schema import factchecks

#: Cut-offs the task reports (MAP@5 is the official figure).
CUTOFFS = (1, 3, 5)

#: Run tag written when none is given.
DEFAULT_TAG = "spinscope-hybrid"

#: Ways to rank (``checkthat retrieve --method``): the hybrid retriever, or one of its
#: two searches alone.
METHODS = ("hybrid", "bm25", "dense")


@dataclass(frozen=True)
class Query:
    id: str
    text: str


@dataclass(frozen=True)
class RunLine:
    """One ranked claim for one query."""

    qid: str
    docid: str
    rank: int
    score: float
    tag: str = DEFAULT_TAG


@dataclass(frozen=True)
class Scores:
    """MAP at each cut-off over ``queries`` queries of the qrels."""

    map_at: dict[int, float]
    queries: int
    answered: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            **{f"map@{k}": round(v, 4) for k, v in self.map_at.items()},
            "queries": self.queries,
            "answered": self.answered,
        }


def read_queries(path: Path) -> list[Query]:
    """Queries of ``path``; the first row is a header when its second cell is
    ``tweet_content`` (whatever its first cell, often empty)."""
    queries: list[Query] = []
    for line, row in csv_rows(path, delimiter="\t", quoting=csv.QUOTE_MINIMAL):
        if not any(cell.strip() for cell in row):
            continue
        if line == 1 and len(row) >= 2 and row[1].strip().lower() == "tweet_content":
            continue
        if len(row) != 2:
            raise ImportFileError(str(path), f"{len(row)} columns, expected 2", line)
        qid, text = clean(row[0]), clean(row[1])
        if not qid:
            raise ImportFileError(str(path), "no query id", line)
        queries.append(Query(qid, text or ""))
    return queries


def _fields(path: Path, width: int) -> Iterable[tuple[int, list[str]]]:
    for line, raw in enumerate(text_lines(path), 1):
        cells = raw.split()
        if not cells:
            continue
        if len(cells) != width:
            raise ImportFileError(str(path), f"{len(cells)} fields, expected {width}", line)
        yield line, cells


def read_qrels(path: Path) -> dict[str, set[str]]:
    """``tweet_id -> relevant vclaim ids``; a query listed only with relevance 0 maps to
    an empty set (it still counts, as 0, in the mean)."""
    qrels: dict[str, set[str]] = {}
    for line, (qid, _, docid, relevance) in _fields(path, 4):
        try:
            relevant = int(relevance) > 0
        except ValueError as exc:
            raise ImportFileError(
                str(path), f"relevance {relevance!r} is not a number", line
            ) from exc
        qrels.setdefault(qid, set())
        if relevant:
            qrels[qid].add(docid)
    return qrels


def write_run(lines: Iterable[RunLine], path: Path) -> int:
    """Write a TREC run; returns the number of lines."""
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for r in lines:
            f.write(f"{r.qid}\tQ0\t{r.docid}\t{r.rank}\t{r.score:.6f}\t{r.tag}\n")
            count += 1
    return count


def read_run(path: Path) -> list[RunLine]:
    """A TREC run (whitespace-separated, six fields a line)."""
    run = []
    for line, (qid, _, docid, rank, score, tag) in _fields(path, 6):
        try:
            run.append(RunLine(qid, docid, int(rank), float(score), tag))
        except ValueError as exc:
            raise ImportFileError(str(path), f"bad rank or score: {exc}", line) from exc
    return run


def rankings(run: Iterable[RunLine]) -> dict[str, list[str]]:
    """Claim ids per query, best score first (ties by rank): the scorer ranks by score."""
    by_query: dict[str, list[RunLine]] = defaultdict(list)
    for r in run:
        by_query[r.qid].append(r)
    return {
        qid: list(dict.fromkeys(r.docid for r in sorted(lines, key=lambda r: (-r.score, r.rank))))
        for qid, lines in by_query.items()
    }


def average_precision(relevant: set[str], ranking: Sequence[str], k: int) -> float:
    """AP@k of one ranking (see the module docstring); 0 without relevant claims."""
    if not relevant:
        return 0.0
    hits, total = 0, 0.0
    for i, docid in enumerate(ranking[:k], 1):
        if docid in relevant:
            hits += 1
            total += hits / i
    return total / len(relevant)


def score(
    qrels: Mapping[str, set[str]], run: Iterable[RunLine], cutoffs: Sequence[int] = CUTOFFS
) -> Scores:
    """MAP@k for each cut-off, over the queries of ``qrels``."""
    ranked = rankings(run)
    n = len(qrels)
    map_at = {
        k: (
            sum(average_precision(rel, ranked.get(q, []), k) for q, rel in qrels.items()) / n
            if n
            else 0.0
        )
        for k in cutoffs
    }
    return Scores(map_at, n, sum(1 for q in qrels if ranked.get(q)))


def source_keys(store: Store, source: str) -> dict[str, str]:
    """Store id -> the source's own key (the vclaim id for ``ct20``) of one source."""
    statement = select(factchecks.c.id, factchecks.c.source_key).where(
        factchecks.c.source == source
    )
    with store.engine.connect() as conn:
        return {row.id: row.source_key for row in conn.execute(statement)}


def retrieve(
    store: Store,
    queries: Iterable[Query],
    *,
    source: str,
    k: int = 5,
    tag: str = DEFAULT_TAG,
    method: str = "hybrid",
) -> list[RunLine]:
    """The top ``k`` claims of ``source`` for each query; a query with no match has no
    line. ``hybrid`` (:class:`~spinscope.factchecks.retrieval.Retriever`, the score a
    probability) ranks every claim; ``bm25`` only those sharing a word with the query
    (score: bm25 or ts_rank); ``dense`` by cosine of sentence embeddings."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}: one of {', '.join(METHODS)}")
    keys = source_keys(store, source)
    queries = list(queries)
    run: list[RunLine] = []
    if method == "bm25":
        for query in queries:
            hits = search(store, query.text, k=k, source=source)
            run += [
                RunLine(query.id, keys[h.id], rank, h.score, tag) for rank, h in enumerate(hits, 1)
            ]
        return run
    from spinscope.factchecks.retrieval import Method, Retriever

    retriever = Retriever.open(store, source=source)
    how = Method(method)
    for query, matches in zip(
        queries, retriever.search([q.text for q in queries], k=k, method=how), strict=True
    ):
        run += [
            RunLine(query.id, keys[m.id], rank, m.cosine if how is Method.dense else m.score, tag)
            for rank, m in enumerate(matches, 1)
        ]
    return run
