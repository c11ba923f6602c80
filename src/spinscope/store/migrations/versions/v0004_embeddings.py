"""Sentence embeddings of the fact-checks (claim retrieval by meaning).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "factcheck_embeddings",
        sa.Column("factcheck_pk", sa.Integer, nullable=False),
        sa.Column("model", sa.String(100), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("vector", sa.LargeBinary, nullable=False),
        sa.Column("embedded_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("factcheck_pk", name="pk_factcheck_embeddings"),
        sa.ForeignKeyConstraint(
            ["factcheck_pk"],
            ["factchecks.pk"],
            name="fk_factcheck_embeddings_factcheck_pk_factchecks",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_factcheck_embeddings_model", "factcheck_embeddings", ["model"])


def downgrade() -> None:
    op.drop_table("factcheck_embeddings")
