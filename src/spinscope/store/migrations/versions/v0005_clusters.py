"""Republication clusters: one row per cluster, one per member document.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "clusters",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("first_document_id", sa.String(32), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("threshold", sa.Float, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_clusters"),
        sa.UniqueConstraint("id", name="uq_clusters_id"),
    )
    op.create_table(
        "cluster_members",
        sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("cluster_id", sa.String(32), nullable=False),
        sa.Column("document_id", sa.String(32), nullable=False),
        sa.Column("domain", sa.String(255)),
        sa.Column("date", sa.String(10)),
        sa.Column("similarity", sa.Float),
        sa.Column("first", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_cluster_members"),
    )
    op.create_index("ix_cluster_members_cluster_id", "cluster_members", ["cluster_id"])
    op.create_index("ix_cluster_members_document_id", "cluster_members", ["document_id"])


def downgrade() -> None:
    op.drop_table("cluster_members")
    op.drop_table("clusters")
