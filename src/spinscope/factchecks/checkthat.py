"""``spinscope checkthat``: CheckThat! 2020 Task 2 (verified claim retrieval) runs and
their score.

    spinscope checkthat retrieve --kb verified_claims.docs.tsv tweets.queries.tsv -o run.tsv
    spinscope checkthat score tweet-vclaim-pairs.qrels run.tsv

Exit codes: 0 done; 2 usage error or an unreadable file (an ``ERROR`` line on stderr).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from spinscope.checkworthy.checkthat_cli import add_commands as add_checkworthy_commands
from spinscope.factchecks.cli import fail, open_store

# The store and SQLAlchemy load inside the commands, as in the factchecks sub-app.
if TYPE_CHECKING:
    from spinscope.store import Store

__all__ = ["app", "checkthat_app"]


class Method(StrEnum):
    """``--method`` choices (:data:`spinscope.factchecks.claim_retrieval.METHODS`)."""

    hybrid = "hybrid"
    bm25 = "bm25"
    dense = "dense"


#: Source name the KB is imported under (the ct20 importer's default).
SOURCE = "ct20"

checkthat_app = typer.Typer(
    name="checkthat",
    help="CheckThat! runs and scores: 2020 Task 2 verified claim retrieval (MAP@k), "
    "2024 Task 1 check-worthiness (F1).",
    no_args_is_help=True,
    add_completion=False,
)

_err = Console(stderr=True, highlight=False, soft_wrap=True)


@contextmanager
def _store(url: str | None) -> Iterator[Store]:
    """The store at ``url``, else a temporary SQLite file removed afterwards."""
    with (
        tempfile.TemporaryDirectory(prefix="spinscope-checkthat-") as tmp,
        open_store(url or f"sqlite:///{Path(tmp) / 'kb.db'}", create=True) as store,
    ):
        yield store


@checkthat_app.command("retrieve")
def retrieve_command(
    queries: Annotated[
        Path, typer.Argument(help="Queries TSV: tweet_id, tweet_content.", show_default=False)
    ],
    kb: Annotated[
        Path,
        typer.Option(
            "--kb", help="verified_claims.docs.tsv (vclaim_id, vclaim, title).", show_default=False
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="TREC run file to write.", show_default=False)
    ],
    k: Annotated[int, typer.Option("-k", min=1, help="Claims per query.")] = 5,
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="Store URL to import the KB into and search (kept); default a temporary "
            "SQLite file.",
            show_default=False,
        ),
    ] = None,
    method: Annotated[
        Method,
        typer.Option(
            help="hybrid: lexical and dense candidates re-ranked (score: probability of a "
            "match); bm25: lexical only; dense: sentence embeddings only."
        ),
    ] = Method.hybrid,
    tag: Annotated[
        str | None,
        typer.Option(help="Run tag (last column); default spinscope-METHOD.", show_default=False),
    ] = None,
) -> None:
    """Import the KB (idempotent, with embeddings unless --method bm25), rank its claims
    for each query and write the top k as a TREC run: qid Q0 vclaim_id rank score tag."""
    from spinscope.factchecks.claim_retrieval import read_queries, retrieve, write_run
    from spinscope.factchecks.importers import get_importer
    from spinscope.factchecks.kb import import_files
    from spinscope.factchecks.model import ImportFileError

    for path in (queries, kb):
        if not path.is_file():
            raise fail(f"no such file: {path}")
    try:
        parsed = read_queries(queries)
    except ImportFileError as exc:
        raise fail(str(exc)) from exc
    with _store(store) as opened:
        summary = import_files(
            opened, [kb], get_importer("ct20"), source=SOURCE, embed=method != Method.bm25
        )
        for error in summary.errors:
            raise fail(str(error))
        for rejection in summary.rejections:
            _err.print(f"REJECTED {rejection}", markup=False)
        run = retrieve(
            opened,
            parsed,
            source=SOURCE,
            k=k,
            tag=tag or f"spinscope-{method.value}",
            method=method.value,
        )
    write_run(run, output)
    answered = len({r.qid for r in run})
    _err.print(
        f"{summary.stored:,} verified claims ({summary.imported:,} new); "
        f"{len(parsed):,} queries, {answered:,} with a match; {len(run):,} lines -> {output}",
        markup=False,
    )


@checkthat_app.command("score")
def score_command(
    qrels: Annotated[
        Path, typer.Argument(help="Qrels: tweet_id 0 vclaim_id relevance.", show_default=False)
    ],
    run: Annotated[
        Path, typer.Argument(help="TREC run: qid Q0 vclaim_id rank score tag.", show_default=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
) -> None:
    """MAP@1/3/5 of RUN over the queries of QRELS (a query without relevant claims, or
    missing from the run, counts as 0)."""
    from spinscope.factchecks.claim_retrieval import read_qrels, read_run, score
    from spinscope.factchecks.model import ImportFileError

    for path in (qrels, run):
        if not path.is_file():
            raise fail(f"no such file: {path}")
    try:
        result = score(read_qrels(qrels), read_run(run))
    except ImportFileError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        print(json.dumps(result.as_dict(), indent=2))
        return
    # Plain print: tab-separated lines for other tools (rich would expand the tabs).
    for k, value in result.map_at.items():
        print(f"MAP@{k}\t{value:.4f}")
    print(f"queries\t{result.queries} ({result.answered} in the run)")


# CheckThat! 2024 Task 1 (check-worthiness) lives with its model.
add_checkworthy_commands(checkthat_app)

#: The name ``spinscope.cli`` mounts.
app = checkthat_app
