"""Analysed documents (``spinscope batch``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("pipeline_version", sa.String(32), nullable=False),
        sa.Column("doc_id", sa.Text, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("domain", sa.String(255)),
        sa.Column("title", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("language", sa.String(20)),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("error_kind", sa.String(100)),
        sa.Column("component", sa.String(100)),
        sa.Column("document", sa.LargeBinary, nullable=False),
        sa.Column("word_count", sa.Integer),
        sa.Column("technique_counts", sa.JSON),
        sa.Column("technique_expected", sa.Float),
        sa.Column("technique_rate", sa.Float),
        sa.Column("own_voice_share", sa.Float),
        sa.Column("attributed_share", sa.Float),
        sa.Column("analysed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_documents"),
        sa.UniqueConstraint("id", name="uq_documents_id"),
        sa.UniqueConstraint("content_hash", "pipeline_version", name="uq_documents_key"),
    )
    op.create_index("ix_documents_domain", "documents", ["domain"])
    op.create_index("ix_documents_date", "documents", ["date"])
    op.create_index("ix_documents_status", "documents", ["status"])


def downgrade() -> None:
    op.drop_table("documents")
