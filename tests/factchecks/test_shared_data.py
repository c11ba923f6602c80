"""The importers on the research data's own files (skipped when ../shared/data is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.factchecks import import_files
from spinscope.factchecks.importers import get_importer
from spinscope.store import Store

pytestmark = pytest.mark.data


@pytest.mark.parametrize(
    ("fmt", "relative", "stored", "rejected"),
    [
        ("euvsdisinfo", "euvsdisinfo/cases-2015-2017.csv", 3071 - 302, 302),
        ("ct20", "ct20-claim-retrieval/verified_claims.docs.tsv", 10375, 0),
        # 21 Flip-O-Meter topics ("On abortion") are no claims
        ("liar", "liar/test.tsv", 1283 - 21, 21),
        ("snopes", "snopes/true-stories.json", 1322, 0),
    ],
)
def test_research_files_import_whole(
    shared_data: Path, tmp_path: Path, fmt: str, relative: str, stored: int, rejected: int
) -> None:
    with Store.open(str(tmp_path / "kb.db")) as store:
        summary = import_files(
            store, [shared_data / "factchecks" / relative], get_importer(fmt), embed=False
        )
    assert summary.errors == []
    assert (summary.stored, summary.rejected) == (stored, rejected)


def test_ct20_dev_bm25_map(shared_data: Path, tmp_path: Path) -> None:
    from spinscope.factchecks.claim_retrieval import read_qrels, read_queries, retrieve, score

    data = shared_data / "factchecks" / "ct20-claim-retrieval"
    with Store.open(str(tmp_path / "kb.db")) as store:
        import_files(store, [data / "verified_claims.docs.tsv"], get_importer("ct20"), embed=False)
        queries = read_queries(data / "dev" / "tweets.queries.tsv")
        run = retrieve(store, queries, source="ct20", method="bm25")
    result = score(read_qrels(data / "dev" / "tweet-vclaim-pairs.qrels"), run)
    # Measured 0.791 (docs/benchmarks.md, "Claim retrieval").
    assert result.queries == 197 and result.map_at[5] > 0.78
