"""Importing into the store, on SQLite and PostgreSQL: idempotence, updates,
rejections, batches that survive a later failure, search, stats, export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from spinscope.factchecks import export_records, import_files, search, stats
from spinscope.factchecks.importers import get_importer
from spinscope.factchecks.model import MAX_FIELD_CHARS
from spinscope.store import Store
from spinscope.store.schema import factchecks, import_runs

ROWS = [
    ("1", "false", "The Moon landing was filmed in a studio."),
    ("2", "true", "Water boils at a lower temperature at altitude."),
    ("3", "half-true", "Unemployment fell by half in two years."),
    ("4", "pants-fire", "Vaccines contain tracking microchips."),
]


def _liar(rows: list[tuple[str, str, str]]) -> str:
    return "".join(
        f"{i}.json\t{label}\t{text}\tsubj\tspeaker\tjob\tstate\tparty\t0\t0\t0\t0\t0\tctx\n"
        for i, label, text in rows
    )


def _count(store: Store) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(factchecks)).scalar_one()


def test_import_is_idempotent_and_updates_changed_rows(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "liar.tsv"
    path.write_text(_liar(ROWS), "utf-8")
    first = import_files(store, [path], get_importer("liar"))
    assert (first.imported, first.updated, first.unchanged, first.rejected) == (4, 0, 0, 0)
    again = import_files(store, [path], get_importer("liar"))
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 4)
    assert _count(store) == 4

    changed = [
        *ROWS[:3],
        ("4", "false", "Vaccines contain tracking microchips!"),
        ("5", "true", "New."),
    ]
    path.write_text(_liar(changed), "utf-8")
    third = import_files(store, [path], get_importer("liar"))
    assert (third.imported, third.updated, third.unchanged) == (1, 1, 3)
    assert _count(store) == 5
    (hit,) = search(store, "tracking microchips", k=5)
    assert hit.claim_text.endswith("!")
    assert hit.verdict == "false"
    with store.engine.connect() as conn:
        runs = conn.execute(select(import_runs).order_by(import_runs.c.id)).all()
    assert [(r.status, r.imported, r.updated, r.unchanged) for r in runs] == [
        ("done", 4, 0, 0),
        ("done", 0, 0, 4),
        ("done", 1, 1, 3),
    ]


def test_duplicates_and_oversized_rows_are_rejected_with_their_line(
    store: Store, tmp_path: Path
) -> None:
    huge = "x" * (MAX_FIELD_CHARS + 1)
    path = tmp_path / "liar.tsv"
    path.write_text(_liar([*ROWS[:2], ROWS[0], ("9", "true", huge)]), "utf-8")
    summary = import_files(store, [path], get_importer("liar"))
    assert summary.imported == 2
    assert [(r.line, r.reason.split(" (")[0]) for r in summary.rejections] == [
        (3, "duplicate of liar.tsv:1"),
        (4, "field 'claim_text' too large"),
    ]


def test_a_bad_line_keeps_the_batches_before_it(store: Store, tmp_path: Path) -> None:
    good = tmp_path / "good.tsv"
    good.write_text(_liar(ROWS[:1]), "utf-8")
    bad = tmp_path / "bad.tsv"
    bad.write_bytes(_liar(ROWS[1:]).encode() + b"7.json\tfalse\t\xe9t\xe9\n")
    summary = import_files(store, [good, bad], get_importer("liar"), batch_size=2)
    assert summary.imported == 4
    (error,) = summary.errors
    assert (error.path, error.line) == (str(bad), 4)
    assert _count(store) == 4
    with store.engine.connect() as conn:
        status = conn.execute(select(import_runs.c.status)).scalar_one()
    assert status == "partial"


def test_sources_keep_ids_apart(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "liar.tsv"
    path.write_text(_liar(ROWS), "utf-8")
    import_files(store, [path], get_importer("liar"), source="politifact-a")
    import_files(store, [path], get_importer("liar"), source="politifact-b")
    assert stats(store).by_source == {"politifact-a": 4, "politifact-b": 4}


def test_search_stats_and_export(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "liar.tsv"
    path.write_text(_liar(ROWS), "utf-8")
    import_files(store, [path], get_importer("liar"))
    hits = search(store, "Was the moon landing filmed in a studio?", k=3)
    assert hits[0].claim_text == ROWS[0][2]
    assert hits[0].score >= hits[-1].score
    assert set(hits[0].as_dict()) >= {"id", "score", "claim_text", "verdict", "source"}
    assert search(store, "zzzunknownword", k=3) == []
    assert search(store, '"" OR NOT ((', k=3) == []
    assert search(store, 'landing" OR "x', k=3)[0].claim_text == ROWS[0][2]

    result = stats(store)
    assert result.total == 4
    assert result.by_verdict == {"false": 2, "mixed": 1, "true": 1}
    assert result.import_runs == 1

    records = list(export_records(store))
    assert [r["source_key"] for r in records] == ["1", "2", "3", "4"]
    assert records[0]["extra"]["context"] == "ctx"
    assert records[0]["source_file"] == str(path)
    assert records[0]["source_line"] == 1
    assert records[0]["importer"] == "liar"


def test_a_failed_batch_keeps_earlier_batches(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy.exc import OperationalError

    from spinscope.factchecks import kb

    real_write = kb._write
    calls = []

    def failing_third(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise OperationalError("INSERT", {}, Exception("disk full"))
        real_write(*args, **kwargs)

    monkeypatch.setattr(kb, "_write", failing_third)
    path = tmp_path / "liar.tsv"
    path.write_text(_liar(ROWS), "utf-8")
    summary = import_files(store, [path], get_importer("liar"), batch_size=1)
    assert summary.imported == 2
    (error,) = summary.errors
    assert error.line == 3
    assert "database error writing lines 3-3" in error.reason
    assert _count(store) == 2
