from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from spinscope.sources.importers import get_importer
from spinscope.sources.ratings import import_files, ratings_for
from spinscope.store import Store
from spinscope.store.schema import source_ratings


def _count(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(source_ratings)).scalar_one())


def test_import_is_idempotent_and_reports_rejections(store: Store, lists: Path) -> None:
    first = import_files(store, [lists / "mbfc.csv"], get_importer("mbfc"))
    assert (first.source, first.imported, first.updated, first.unchanged) == ("mbfc", 3, 0, 0)
    reasons = {(Path(r.file).name, r.line): r.reason for r in first.rejections}
    assert reasons[("mbfc.csv", 6)] == (
        "rt.com rated at mbfc.csv:2 (right-center/very-low/low there, left/high here)"
    )
    assert len(reasons) == 4
    again = import_files(store, [lists / "mbfc.csv"], get_importer("mbfc"))
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 3)
    assert _count(store) == 3


def test_an_edited_row_is_updated_in_place(store: Store, lists: Path, tmp_path: Path) -> None:
    mapped = get_importer("csv", {"credibility": "reliability_score"})
    assert import_files(store, [lists / "newsguard.csv"], mapped, source="ng").imported == 2
    edited = tmp_path / "newsguard.csv"
    edited.write_text("domain,credibility\nrt.com,20\nabcnews.go.com,95\n", "utf-8")
    summary = import_files(store, [edited], get_importer("csv"), source="ng")
    assert (summary.imported, summary.updated, summary.unchanged) == (0, 2, 0)
    assert ratings_for(store, "rt.com")[0].credibility == "20"


def test_conflicting_sources_stand_side_by_side(store: Store, lists: Path) -> None:
    import_files(store, [lists / "mbfc.csv"], get_importer("mbfc"))
    import_files(store, [lists / "emnlp18" / "corpus.tsv"], get_importer("baly"))
    import_files(store, [lists / "sources.csv"], get_importer("opensources"))
    found = ratings_for(store, "https://www.rt.com/news/542-story/")
    assert [(r.source, r.bias, r.factual, r.labels) for r in found] == [
        ("baly:emnlp18", "right-center", "low", ()),
        ("mbfc", "right-center", "very-low", ()),
        ("opensources", None, None, ("state",)),
    ]
    assert found[1].source_file.endswith("mbfc.csv") and found[1].source_line == 2


def test_most_specific_rating_of_each_list(store: Store, lists: Path, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("domain,bias\ngo.com,left\nabcnews.go.com,left-center\n", "utf-8")
    import_files(store, [path], get_importer("csv"))
    import_files(store, [lists / "sources.csv"], get_importer("opensources"))
    assert [r.matched for r in ratings_for(store, "http://abcnews.go.com/Politics")] == [
        "abcnews.go.com"
    ]
    assert [r.matched for r in ratings_for(store, "espn.go.com")] == ["go.com"]
    # a section's rating applies under its path only
    assert [r.matched for r in ratings_for(store, "newyorker.com/humor/daily-shouts/a")] == [
        "newyorker.com/humor"
    ]
    assert ratings_for(store, "newyorker.com/magazine/a") == []
    assert ratings_for(store, "newyorker.com/humorous") == []


def test_file_errors_keep_the_rows_before(store: Store, lists: Path) -> None:
    summary = import_files(store, [lists / "latin1.csv"], get_importer("mbfc"))
    assert summary.imported == 1
    assert [e.line for e in summary.errors] == [3]
    assert [r.matched for r in ratings_for(store, "rt.com")] == ["rt.com"]


def test_lookup_of_something_else_is_an_error(store: Store) -> None:
    with pytest.raises(ValueError, match="not a URL or domain name"):
        ratings_for(store, "no such thing")


def test_content_hash_decides_unchanged(store: Store, lists: Path) -> None:
    import_files(store, [lists / "sources.csv"], get_importer("opensources"))
    with store.engine.begin() as conn:
        conn.execute(update(source_ratings).values(content_hash="x"))
    summary = import_files(store, [lists / "sources.csv"], get_importer("opensources"))
    assert (summary.updated, summary.unchanged) == (2, 0)


def test_each_baly_file_is_its_own_source(store: Store, lists: Path) -> None:
    from spinscope.sources.ratings import import_lists

    (lists / "acl2020").mkdir()
    (lists / "acl2020" / "corpus.tsv").write_text(
        (lists / "emnlp18" / "corpus.tsv").read_text("utf-8"), "utf-8"
    )
    files = [lists / "acl2020" / "corpus.tsv", lists / "emnlp18" / "corpus.tsv"]
    summaries = import_lists(store, files, get_importer("baly"))
    assert [(s.source, s.imported, s.rejected) for s in summaries] == [
        ("baly:acl2020", 2, 0),
        ("baly:emnlp18", 2, 0),
    ]
    assert [r.source for r in ratings_for(store, "rt.com")] == ["baly:acl2020", "baly:emnlp18"]


def test_a_duplicate_in_another_file_names_that_file(store: Store, lists: Path) -> None:
    files = [lists / "mbfc.csv", lists / "latin1.csv"]
    summary = import_files(store, files, get_importer("mbfc"), source="mbfc")
    reasons = [r.reason for r in summary.rejections if Path(r.file).name == "latin1.csv"]
    assert any(f"rated at {lists / 'mbfc.csv'}:2" in reason for reason in reasons)
