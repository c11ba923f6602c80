"""Outlet ratings: one row per rating list and rated site.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "source_ratings",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("host", sa.String(255), nullable=False),
        sa.Column("domain", sa.String(255), nullable=False),
        sa.Column("path", sa.String(500), nullable=False),
        sa.Column("raw", sa.Text, nullable=False),
        sa.Column("bias", sa.String(40)),
        sa.Column("factual", sa.String(40)),
        sa.Column("credibility", sa.String(40)),
        sa.Column("labels", sa.JSON, nullable=False),
        sa.Column("name", sa.Text),
        sa.Column("extra", sa.JSON, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source_file", sa.Text, nullable=False),
        sa.Column("source_line", sa.Integer),
        sa.Column("importer", sa.String(50), nullable=False),
        sa.Column("importer_version", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_source_ratings"),
        sa.UniqueConstraint("id", name="uq_source_ratings_id"),
        sa.UniqueConstraint("source", "host", "path", name="uq_source_ratings_site"),
    )
    op.create_index("ix_source_ratings_host", "source_ratings", ["host"])
    op.create_index("ix_source_ratings_domain", "source_ratings", ["domain"])


def downgrade() -> None:
    op.drop_table("source_ratings")
