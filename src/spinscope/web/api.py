"""The HTTP API, version 1: analysis, fact-checks, stored documents."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal, Self, get_args
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request, Response, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field, model_validator
from starlette.concurrency import run_in_threadpool

from spinscope.about import __version__
from spinscope.document import Document, ErrorRecord
from spinscope.reports.json import document_dict
from spinscope.techniques.definitions import TECHNIQUES
from spinscope.web.analysis import Article
from spinscope.web.documents import STATS_FIELDS, Filters, Unavailable
from spinscope.web.problems import MEDIA_TYPE, Problem, status_for_kind
from spinscope.web.security import check_token
from spinscope.web.state import AppState, state

__all__ = ["AnalyzeRequest", "router"]

router = APIRouter()
v1 = APIRouter(prefix="/v1")
State = Annotated[AppState, Depends(state)]
# Declares the bearer token in the OpenAPI description (Swagger UI's "Authorize"); the
# token itself is checked by check_token, only for what writes.
Bearer = Annotated[
    HTTPAuthorizationCredentials | None,
    Security(HTTPBearer(auto_error=False, description="SPINSCOPE_TOKEN, for writes")),
]

_PROBLEM = {"content": {MEDIA_TYPE: {}}, "description": "a problem (RFC 9457)"}
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: _PROBLEM for code in (401, 413, 415, 422, 500, 501, 503)
}


class AnalyzeRequest(BaseModel):
    """One article: ``text`` or ``html``, with optional metadata."""

    text: str | None = Field(None, description="The article as plain text.")
    html: str | None = Field(None, description="The article's HTML page (text is extracted).")
    url: str | None = Field(
        None, max_length=2000, description="Where it was published (metadata; never fetched)."
    )
    title: str | None = Field(None, max_length=1000)
    id: str | None = Field(None, max_length=200, description="Document id; default: a hash.")
    store: bool = Field(False, description="Keep the analysis in the store (needs the token).")

    @model_validator(mode="after")
    def _one_body(self) -> Self:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' and 'html'")
        return self

    def article(self, source: str) -> Article:
        body = self.text if self.text is not None else self.html
        assert body is not None
        return Article(
            data=body.encode("utf-8", "surrogatepass"),
            format="text" if self.text is not None else "html",
            source=source,
            title=self.title,
            url=self.url,
            id=self.id,
        )


class BatchRequest(BaseModel):
    documents: list[AnalyzeRequest] = Field(..., min_length=1)


def _problem_for(record: ErrorRecord) -> Problem:
    return Problem(status_for_kind(record.kind), record.error, kind=record.kind)


@router.get("/healthz", tags=["server"])
def healthz(app: State) -> dict[str, Any]:
    """Liveness: the version, the analysis workers, what the store offers."""
    return {
        "status": "ok",
        "version": __version__,
        "workers": app.analyzer.workers,
        "engine": app.analyzer.kind,
        "store": app.store is not None,
        "documents": app.documents.available,
    }


async def _keep(app: State, request: Request, doc: Document) -> str:
    check_token(request, app.settings.token)
    doc_id: str = await run_in_threadpool(app.documents.put, doc)
    return doc_id


def _check_store_request(app: AppState, request: Request, wanted: bool) -> None:
    """Refuse before analysing when the analysis could not be kept."""
    if not wanted:
        return
    check_token(request, app.settings.token)
    if not app.documents.available:
        raise Unavailable(app.documents.reason)


@v1.post("/analyze", tags=["analysis"], responses=_ERRORS)
async def analyze(
    body: AnalyzeRequest,
    request: Request,
    response: Response,
    app: State,
    _token: Bearer = None,
) -> dict[str, Any]:
    """Analyse one article; the answer is the document as ``spinscope analyze -f json``.
    A stored one's address is the answer's ``Location`` header."""
    _check_store_request(app, request, body.store)
    result = await app.analyzer.analyse_one(body.article("request"))
    if isinstance(result, ErrorRecord):
        raise _problem_for(result)
    if body.store:
        stored = await _keep(app, request, result)
        response.headers["Location"] = f"/v1/documents/{quote(stored, safe='')}"
    return document_dict(result)


@v1.post("/analyze/batch", tags=["analysis"], responses=_ERRORS)
async def analyze_batch(
    body: BatchRequest, request: Request, app: State, _token: Bearer = None
) -> dict[str, Any]:
    """Analyse several articles; one result per article, in order: a document, or an
    error record (``spinscope.error/1``) for one that could not be analysed."""
    if len(body.documents) > app.settings.max_batch:
        raise Problem(
            413,
            f"{len(body.documents)} documents in one batch; at most "
            f"{app.settings.max_batch} per request",
        )
    _check_store_request(app, request, any(d.store for d in body.documents))
    articles = [d.article(f"documents[{i}]") for i, d in enumerate(body.documents)]
    results = await app.analyzer.analyse(articles)
    out: list[dict[str, Any]] = []
    for item, result in zip(body.documents, results, strict=True):
        if isinstance(result, ErrorRecord):
            out.append(result.to_dict())
            continue
        if item.store:
            await _keep(app, request, result)
        out.append(document_dict(result))
    return {"results": out}


@v1.get("/factchecks/search", tags=["fact-checks"], responses=_ERRORS)
def factchecks_search(
    app: State,
    q: Annotated[str, Query(min_length=1, max_length=10_000, description="Text to look for.")],
    k: Annotated[int, Query(ge=1, le=100)] = 5,
    source: str | None = None,
) -> dict[str, Any]:
    """Fact-checks sharing words with ``q``, best first (lexical)."""
    from spinscope.factchecks.lexical import search

    hits = search(app.require_store(), q, k=k, source=source)
    return {"hits": [h.as_dict() for h in hits]}


@v1.post("/factchecks/import", tags=["fact-checks"], responses=_ERRORS)
async def factchecks_import(
    request: Request,
    app: State,
    format: Annotated[str, Query(description="The file's format (as `factchecks import -f`).")],
    source: str | None = None,
    filename: Annotated[
        str, Query(max_length=200, description="The file's name (its suffix may matter).")
    ] = "upload",
    _token: Bearer = None,
) -> dict[str, Any]:
    """Import one fact-check file sent as the request body; importing it again adds
    nothing. Needs the token."""
    from spinscope.factchecks.importers import get_importer
    from spinscope.factchecks.kb import import_files

    check_token(request, app.settings.token)
    store = app.require_store()
    try:
        importer = get_importer(format)
    except ValueError as exc:
        raise Problem(422, str(exc)) from exc
    data = await request.body()
    name = Path(filename).name or "upload"

    def run() -> dict[str, Any]:
        with tempfile.TemporaryDirectory(prefix="spinscope-import-") as tmp:
            path = Path(tmp) / name
            path.write_bytes(data)
            summary = import_files(store, [path], importer, source=source)
        return summary.as_dict()

    return await run_in_threadpool(run)


@v1.get("/documents/{doc_id}", tags=["documents"], responses=_ERRORS)
def get_document(doc_id: str, app: State) -> dict[str, Any]:
    """A stored document, as analysed."""
    doc = app.documents.get(doc_id)
    if doc is None:
        raise Problem(404, f"no stored document with id {doc_id!r}")
    return document_dict(doc)


#: Documents per page of ``GET /v1/documents`` (and of the corpus browser).
PAGE_SIZE = 50


def document_filters(
    q: Annotated[
        str | None,
        Query(max_length=200, description="Words in the title or address (case-insensitive)."),
    ] = None,
    outlet: Annotated[str | None, Query(max_length=255, description="The outlet's domain.")] = None,
    technique: Annotated[
        str | None, Query(max_length=100, description="A technique label the document has.")
    ] = None,
    since: Annotated[
        str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Published on or after.")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=r"^\d{4}-\d{2}-\d{2}$", description="Published on or before.")
    ] = None,
) -> Filters:
    """The corpus filters of a request (a FastAPI dependency)."""
    if technique and technique not in TECHNIQUES:
        raise Problem(422, f"unknown technique {technique!r}; one of: {', '.join(TECHNIQUES)}")
    return Filters(outlet=outlet, technique=technique, since=since, until=until, q=q)


DocumentFilters = Annotated[Filters, Depends(document_filters)]


@v1.get("/documents", tags=["documents"], responses=_ERRORS)
def list_documents(
    app: State,
    filters: DocumentFilters,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    limit: Annotated[int, Query(ge=1, le=500)] = PAGE_SIZE,
) -> dict[str, Any]:
    """Stored documents passing the filters, newest first, ``limit`` per page."""
    offset = (page - 1) * limit
    rows = app.documents.summaries(limit=limit, offset=offset, filters=filters)
    return {
        "documents": [r.as_dict() for r in rows],
        "total": app.documents.count(filters),
        "page": page,
        "limit": limit,
        "filters": filters.as_dict(),
    }


StatsField = Literal["outlet", "language", "format", "technique", "month"]
assert set(get_args(StatsField)) == set(STATS_FIELDS)


@v1.get("/stats", tags=["documents"], responses=_ERRORS)
def stats(app: State, by: StatsField = "outlet") -> dict[str, Any]:
    """Stored documents counted by ``by`` (``technique``: spans per technique)."""
    return {"by": by, "counts": app.documents.stats(by)}


@v1.get("/clusters", tags=["documents"], responses=_ERRORS)
def clusters(app: State) -> dict[str, Any]:
    """Clusters of stored documents: one story told by several outlets."""
    return {"clusters": app.documents.clusters()}


router.include_router(v1)
