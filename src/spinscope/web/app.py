"""The application: routes, middleware, and what starts and stops with it."""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.base import RequestResponseEndpoint

from spinscope.about import __version__
from spinscope.config import load_config
from spinscope.pipeline import Pipeline
from spinscope.reports import static_files
from spinscope.store import Store
from spinscope.web import api, docs, pages
from spinscope.web.analysis import Analyzer
from spinscope.web.corpus import open_documents
from spinscope.web.documents import DocumentAccess, MemoryDocuments, Unavailable
from spinscope.web.problems import install, problem_response
from spinscope.web.security import BodyLimit, SecurityHeaders
from spinscope.web.settings import WebSettings
from spinscope.web.state import AppState

__all__ = ["create_app"]

log = logging.getLogger("spinscope.web")

_DESCRIPTION = """Analyse news articles: propaganda techniques, who says what, the
article's own-voice assertions and labelling devices, each with its evidence.

Errors are RFC 9457 problem details (`application/problem+json`). Endpoints that
write (storing an analysis, importing fact-checks) need `Authorization: Bearer <token>`
when the server has a token (`SPINSCOPE_TOKEN`)."""


def create_app(
    settings: WebSettings | None = None,
    *,
    pipeline: Pipeline | None = None,
    documents: DocumentAccess | None = None,
) -> FastAPI:
    """The web app. Models load, the store opens and the workers start when the app
    starts (its lifespan), and stop with it.

    Args:
        settings: the server's settings; default: loopback, no store, one worker.
        pipeline: the pipeline to run; default: the configuration's (``settings.components``).
        documents: where documents are kept; default: :func:`open_documents` of the store.
    """
    settings = settings or WebSettings()
    config = load_config()
    if settings.store:
        # The server's store is also where claims and outlets are looked up.
        config = config.with_store(settings.store, settings.components)
    if pipeline is None:
        pipeline = Pipeline.from_config(config, components=settings.components)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store.open(settings.store) if settings.store else None
        access = documents
        if access is None:
            # Rows are keyed as `spinscope batch` keys them: one text, one pipeline, one row.
            version = "none"
            if store is not None:
                from spinscope.corpus.documents import pipeline_version

                version = pipeline_version(pipeline)
            access = open_documents(store, version)
            if not access.available and settings.memory_documents:
                access = MemoryDocuments()
        analyzer = Analyzer(pipeline, workers=settings.workers, options=config.ingest)
        started = time.perf_counter()
        analyzer.start()
        log.info(
            "analysis ready: %d %s worker(s) in %.1f s",
            analyzer.workers,
            analyzer.kind,
            time.perf_counter() - started,
        )
        app.state.spinscope = AppState(settings, analyzer, store, access)
        try:
            yield
        finally:
            analyzer.close()
            if store is not None:
                store.close()

    app = FastAPI(
        title="spinscope",
        version=__version__,
        description=_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    install(app)

    async def unavailable(request: Request, exc: Exception) -> Response:
        return problem_response(501, str(exc), title="Not available yet")

    app.add_exception_handler(Unavailable, unavailable)

    @app.middleware("http")
    async def access_log(request: Request, call_next: RequestResponseEndpoint) -> Response:
        # Method, path, status and time only: query strings and bodies can hold article
        # text, which stays out of the logs.
        started = time.perf_counter()
        response = await call_next(request)
        log.info(
            "%s %s %d %.0f ms",
            request.method,
            request.url.path,
            response.status_code,
            1000 * (time.perf_counter() - started),
        )
        return response

    app.add_middleware(BodyLimit, limit=settings.max_body)
    app.add_middleware(SecurityHeaders)
    app.include_router(api.router)
    app.include_router(docs.router)
    app.include_router(pages.router)
    app.mount("/static/report", StaticFiles(directory=str(static_files())), name="report-static")
    app.mount("/static/web", StaticFiles(packages=[("spinscope.web", "static")]), name="web-static")
    app.mount("/static/swagger", StaticFiles(directory=docs.swagger_files()), name="swagger")
    return app
