"""CheckThat! 2020 Task 2 files, MAP@k and retrieval on a tiny knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.factchecks import import_files
from spinscope.factchecks.claim_retrieval import (
    Query,
    RunLine,
    average_precision,
    read_qrels,
    read_queries,
    read_run,
    retrieve,
    score,
    write_run,
)
from spinscope.factchecks.importers import get_importer
from spinscope.factchecks.lexical import search
from spinscope.factchecks.model import ImportFileError
from spinscope.store import Store

KB = (
    "\tvclaim\ttitle\n"
    "c1\tBananas cure the common cold.\tDo Bananas Cure Colds?\n"
    'c2\t"The ""Eiffel Tower"" was sold twice by a con man."\tWas the Eiffel Tower Sold?\n'
    "c3\tPenguins can fly short distances over Antarctica.\tCan Penguins Fly?\n"
)
QUERIES_BODY = (
    "q1\tEating bananas every day cured my cold!! #BananaPower pic.twitter.com/AbC123\n"
    'q2\t"They say the ""Eiffel Tower"" got sold twice, wow"\n'
    "q3\tzzzqux blorp\n"
)


@pytest.mark.parametrize("header", ["", "\ttweet_content\n", "tweet_id\ttweet_content\n"])
def test_queries_with_or_without_header(tmp_path: Path, header: str) -> None:
    path = tmp_path / "tweets.queries.tsv"
    path.write_text(header + QUERIES_BODY, "utf-8")
    assert read_queries(path) == [
        Query("q1", "Eating bananas every day cured my cold!! #BananaPower pic.twitter.com/AbC123"),
        Query("q2", 'They say the "Eiffel Tower" got sold twice, wow'),
        Query("q3", "zzzqux blorp"),
    ]


@pytest.mark.parametrize(
    ("text", "line"), [("q1\tone\textra\n", 1), ("\ttweet_content\n\tno id\n", 2)]
)
def test_malformed_queries_name_the_line(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "q.tsv"
    path.write_text(text, "utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_queries(path)
    assert caught.value.line == line


def test_run_round_trip(tmp_path: Path) -> None:
    run = [RunLine("q1", "c1", 1, 12.5, "t"), RunLine("q1", "c3", 2, -0.25, "t")]
    path = tmp_path / "run.tsv"
    assert write_run(run, path) == 2
    assert path.read_text("utf-8").splitlines()[0] == "q1\tQ0\tc1\t1\t12.500000\tt"
    assert read_run(path) == run


def test_qrels(tmp_path: Path) -> None:
    path = tmp_path / "qrels"
    path.write_text("a 0 x 1\na 0 y 1\nb 0 z 0\n\n", "utf-8")
    assert read_qrels(path) == {"a": {"x", "y"}, "b": set()}


@pytest.mark.parametrize(
    ("relevant", "ranking", "k", "expected"),
    [
        ({"x"}, ["x", "a", "b"], 5, 1.0),
        ({"x"}, ["a", "b", "x"], 5, 1 / 3),
        ({"x"}, ["a", "b", "x"], 1, 0.0),
        ({"x", "y"}, ["x", "a", "y"], 3, (1 + 2 / 3) / 2),
        ({"x", "y"}, ["x", "a", "y"], 1, 1 / 2),
        (set(), ["x"], 5, 0.0),
        ({"x"}, [], 5, 0.0),
    ],
)
def test_average_precision(relevant: set[str], ranking: list[str], k: int, expected: float) -> None:
    assert average_precision(relevant, ranking, k) == pytest.approx(expected)


def test_map_by_hand() -> None:
    # q1: relevant at rank 2 -> AP@1 0, AP@3 1/2. q2: relevant {a, b} at ranks 1 and 3
    # -> AP@1 1/2, AP@3 (1 + 2/3)/2 = 5/6. q3: not in the run -> 0. The run lists q2's
    # claims out of score order (the score decides) and a query absent from the qrels.
    qrels = {"q1": {"r"}, "q2": {"a", "b"}, "q3": {"z"}}
    run = [
        RunLine("q1", "n", 1, 9.0),
        RunLine("q1", "r", 2, 8.0),
        RunLine("q2", "b", 1, 1.0),
        RunLine("q2", "a", 2, 3.0),
        RunLine("q2", "n", 3, 2.0),
        RunLine("extra", "r", 1, 5.0),
    ]
    result = score(qrels, run, cutoffs=(1, 3))
    assert result.map_at[1] == pytest.approx((0 + 1 / 2 + 0) / 3)
    assert result.map_at[3] == pytest.approx((1 / 2 + 5 / 6 + 0) / 3)
    assert (result.queries, result.answered) == (3, 2)
    assert result.as_dict()["map@3"] == round((1 / 2 + 5 / 6) / 3, 4)


@pytest.mark.parametrize("method", ["bm25", "hybrid"])
def test_retrieval_on_a_tiny_kb(store: Store, tmp_path: Path, method: str) -> None:
    kb = tmp_path / "verified_claims.docs.tsv"
    kb.write_text(KB, "utf-8")
    queries_path = tmp_path / "q.tsv"
    queries_path.write_text("\ttweet_content\n" + QUERIES_BODY, "utf-8")
    for _ in range(2):  # importing again changes nothing
        summary = import_files(store, [kb], get_importer("ct20"))
    assert (summary.imported, summary.unchanged) == (0, 3)
    # Another source's claim on the same words is not retrieved.
    other = tmp_path / "liar.tsv"
    other.write_text(
        "9.json\tfalse\tBananas cure the common cold, eating bananas.\t"
        + "\t".join("x" * 11)
        + "\n",
        "utf-8",
    )
    import_files(store, [other], get_importer("liar"))
    assert search(store, "bananas cold", k=1)[0].source == "liar"

    run = retrieve(store, read_queries(queries_path), source="ct20", k=2, method=method)
    top = {r.qid: r.docid for r in run if r.rank == 1}
    assert all(r.docid in {"c1", "c2", "c3"} for r in run)
    assert {q: top[q] for q in ("q1", "q2")} == {"q1": "c1", "q2": "c2"}
    if method == "bm25":
        assert "q3" not in top  # q3 shares no word with a claim: no line
    else:
        # Every claim is ranked; q3's best is a guess, with a low probability.
        assert len(run) == 6 and max(r.score for r in run if r.qid == "q3") < 0.2
    assert score({"q1": {"c1"}, "q2": {"c2"}, "q3": {"c3"}}, run).map_at[1] >= 2 / 3


def test_unknown_method(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown method"):
        retrieve(store, [], source="ct20", method="tfidf")
