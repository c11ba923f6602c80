"""The store's tables as SQLAlchemy Core metadata.

Migrations (``migrations/versions``) create them; this module is what queries use and
what ``alembic revision --autogenerate`` compares against. Dialect-specific search
structures (the SQLite FTS5 table and its triggers, the PostgreSQL ``tsvector`` column)
live in the migrations only: queries reach them through :mod:`spinscope.store.search`.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# Named constraints so that migrations can alter them on SQLite (batch mode) too.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

#: One row per ``factchecks import`` of one source: who imported what, and the counts.
import_runs = Table(
    "import_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", String(200), nullable=False),
    Column("importer", String(50), nullable=False),
    Column("importer_version", String(20), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("status", String(20), nullable=False),
    Column("imported", Integer, nullable=False, default=0),
    Column("updated", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
)

#: Fact-checks as schema.org ClaimReview, one row per reviewed claim.
factchecks = Table(
    "factchecks",
    metadata,
    # Integer key: the SQLite full-text index refers to rows by it.
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("source", String(200), nullable=False),
    Column("source_key", Text, nullable=False),
    Column("claim_text", Text, nullable=False),
    Column("claimant", Text),
    Column("claim_date", String(10)),
    Column("rating_text", Text),
    Column("verdict", String(20), nullable=False, index=True),
    Column("review_url", Text),
    Column("review_title", Text),
    Column("publisher", Text),
    Column("review_date", String(10)),
    Column("language", String(20)),
    Column("disproof", Text),
    Column("extra", JSON, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("source_file", Text, nullable=False),
    Column("source_line", Integer),
    Column("importer", String(50), nullable=False),
    Column("importer_version", String(20), nullable=False),
    Column(
        "import_run_id",
        Integer,
        ForeignKey("import_runs.id", ondelete="SET NULL"),
        index=True,
    ),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source", "source_key", name="uq_factchecks_source_key"),
)

#: Outlet ratings from the lists ``spinscope sources import`` reads, one row per list
#: and rated site: ratings of one site by several lists stand side by side.
source_ratings = Table(
    "source_ratings",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("source", String(200), nullable=False),
    Column("host", String(255), nullable=False, index=True),
    Column("domain", String(255), nullable=False, index=True),
    Column("path", String(500), nullable=False),
    Column("raw", Text, nullable=False),
    Column("bias", String(40)),
    Column("factual", String(40)),
    Column("credibility", String(40)),
    Column("labels", JSON, nullable=False),
    Column("name", Text),
    Column("extra", JSON, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("source_file", Text, nullable=False),
    Column("source_line", Integer),
    Column("importer", String(50), nullable=False),
    Column("importer_version", String(20), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("source", "host", "path", name="uq_source_ratings_site"),
)

#: Analysed articles (``spinscope batch``): one row per text and pipeline version, the
#: ``analyze`` JSON compressed beside the columns that queries filter and aggregate on.
documents = Table(
    "documents",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("content_hash", String(64), nullable=False),
    Column("pipeline_version", String(32), nullable=False),
    Column("doc_id", Text, nullable=False),
    Column("source", Text),
    Column("url", Text),
    Column("domain", String(255), index=True),
    Column("title", Text),
    Column("date", String(10), index=True),
    Column("language", String(20)),
    Column("status", String(10), nullable=False, index=True),
    Column("error", Text),
    Column("error_kind", String(100)),
    Column("component", String(100)),
    Column("document", LargeBinary, nullable=False),
    Column("word_count", Integer),
    Column("technique_counts", JSON),
    Column("technique_expected", Float),
    Column("technique_rate", Float),
    Column("own_voice_share", Float),
    Column("attributed_share", Float),
    Column("analysed_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("content_hash", "pipeline_version", name="uq_documents_key"),
)

#: One sentence embedding per fact-check (``factchecks.pk``) and model: the claim text's
#: vector as float16 bytes (half the size of float32; cosines move by < 1e-3). The hash
#: of the embedded text lets an update that keeps the text keep its vector.
factcheck_embeddings = Table(
    "factcheck_embeddings",
    metadata,
    Column(
        "factcheck_pk",
        Integer,
        ForeignKey("factchecks.pk", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("model", String(100), nullable=False, index=True),
    Column("text_hash", String(64), nullable=False),
    Column("vector", LargeBinary, nullable=False),
    Column("embedded_at", DateTime(timezone=True), nullable=False),
)

#: Republication clusters (``spinscope corpus clusters --save``): the last clustering of
#: the stored documents, replaced as a whole by the next one.
clusters = Table(
    "clusters",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(32), nullable=False, unique=True),
    Column("first_document_id", String(32), nullable=False),
    Column("size", Integer, nullable=False),
    Column("threshold", Float, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

#: One row per stored document in a cluster (its ``documents.id``), the first-seen too.
cluster_members = Table(
    "cluster_members",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("cluster_id", String(32), nullable=False, index=True),
    Column("document_id", String(32), nullable=False, index=True),
    Column("domain", String(255)),
    Column("date", String(10)),
    Column("similarity", Float),
    Column("first", Integer, nullable=False),
)
