"""Fact-check knowledge base: import runs, ClaimReview rows, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# Columns searched, with their weights (claim and title count more than the disproof).
_SEARCHED = ("claim_text", "review_title", "disproof")


def upgrade() -> None:
    op.create_table(
        "import_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("importer", sa.String(50), nullable=False),
        sa.Column("importer_version", sa.String(20), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True)),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("imported", sa.Integer, nullable=False),
        sa.Column("updated", sa.Integer, nullable=False),
        sa.Column("unchanged", sa.Integer, nullable=False),
        sa.Column("rejected", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_import_runs"),
    )
    op.create_table(
        "factchecks",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("source_key", sa.Text, nullable=False),
        sa.Column("claim_text", sa.Text, nullable=False),
        sa.Column("claimant", sa.Text),
        sa.Column("claim_date", sa.String(10)),
        sa.Column("rating_text", sa.Text),
        sa.Column("verdict", sa.String(20), nullable=False),
        sa.Column("review_url", sa.Text),
        sa.Column("review_title", sa.Text),
        sa.Column("publisher", sa.Text),
        sa.Column("review_date", sa.String(10)),
        sa.Column("language", sa.String(20)),
        sa.Column("disproof", sa.Text),
        sa.Column("extra", sa.JSON, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source_file", sa.Text, nullable=False),
        sa.Column("source_line", sa.Integer),
        sa.Column("importer", sa.String(50), nullable=False),
        sa.Column("importer_version", sa.String(20), nullable=False),
        sa.Column("import_run_id", sa.Integer),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_factchecks"),
        sa.UniqueConstraint("id", name="uq_factchecks_id"),
        sa.UniqueConstraint("source", "source_key", name="uq_factchecks_source_key"),
        sa.ForeignKeyConstraint(
            ["import_run_id"],
            ["import_runs.id"],
            name="fk_factchecks_import_run_id_import_runs",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_factchecks_import_run_id", "factchecks", ["import_run_id"])
    op.create_index("ix_factchecks_verdict", "factchecks", ["verdict"])

    if op.get_bind().dialect.name == "sqlite":
        _sqlite_fts()
    else:
        _postgres_fts()


def _sqlite_fts() -> None:
    # External-content FTS5 index over factchecks, kept in step by triggers; Porter
    # stemming to match PostgreSQL's 'english' configuration.
    cols = ", ".join(_SEARCHED)
    new = ", ".join(f"new.{c}" for c in _SEARCHED)
    old = ", ".join(f"old.{c}" for c in _SEARCHED)
    op.execute(
        f"CREATE VIRTUAL TABLE factchecks_fts USING fts5({cols}, content='factchecks', "
        "content_rowid='pk', tokenize='porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER factchecks_fts_ai AFTER INSERT ON factchecks BEGIN "
        f"INSERT INTO factchecks_fts(rowid, {cols}) VALUES (new.pk, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER factchecks_fts_ad AFTER DELETE ON factchecks BEGIN "
        f"INSERT INTO factchecks_fts(factchecks_fts, rowid, {cols}) "
        f"VALUES ('delete', old.pk, {old}); END"
    )
    op.execute(
        "CREATE TRIGGER factchecks_fts_au AFTER UPDATE ON factchecks BEGIN "
        f"INSERT INTO factchecks_fts(factchecks_fts, rowid, {cols}) "
        f"VALUES ('delete', old.pk, {old}); "
        f"INSERT INTO factchecks_fts(rowid, {cols}) VALUES (new.pk, {new}); END"
    )


def _postgres_fts() -> None:
    op.execute(
        "ALTER TABLE factchecks ADD COLUMN search tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('english', coalesce(claim_text, '')), 'A') || "
        "setweight(to_tsvector('english', coalesce(review_title, '')), 'B') || "
        "setweight(to_tsvector('english', coalesce(disproof, '')), 'D')) STORED"
    )
    op.execute("CREATE INDEX ix_factchecks_search ON factchecks USING gin (search)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS factchecks_fts_{suffix}")
        op.execute("DROP TABLE IF EXISTS factchecks_fts")
    op.drop_table("factchecks")
    op.drop_table("import_runs")
