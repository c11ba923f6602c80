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
        ("liar", "liar/test.tsv", 1283, 0),
        ("snopes", "snopes/true-stories.json", 1322, 0),
    ],
)
def test_research_files_import_whole(
    shared_data: Path, tmp_path: Path, fmt: str, relative: str, stored: int, rejected: int
) -> None:
    with Store.open(str(tmp_path / "kb.db")) as store:
        summary = import_files(store, [shared_data / "factchecks" / relative], get_importer(fmt))
    assert summary.errors == []
    assert (summary.stored, summary.rejected) == (stored, rejected)
