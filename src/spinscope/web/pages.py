"""The web UI: server-rendered pages from the HTML report's templates.

``GET /`` is the form (paste or upload an article); ``POST /analyze`` answers with the
document's page, or, when the analysis is kept, redirects to its permanent address
``/documents/{id}``. Every value is escaped by the templates (``autoescape``); the
pages load only the app's own CSS and JS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader
from starlette.concurrency import run_in_threadpool

from spinscope.about import __version__
from spinscope.document import Document, ErrorRecord
from spinscope.reports._templates import assets, environment
from spinscope.reports.html import report_context
from spinscope.techniques.definitions import TECHNIQUES
from spinscope.web.analysis import Article
from spinscope.web.api import PAGE_SIZE, document_filters
from spinscope.web.documents import Unavailable
from spinscope.web.plotly_assets import injected_style_ids, script_path, stylesheet
from spinscope.web.problems import Problem, status_for_kind
from spinscope.web.security import CSRF_COOKIE, check_csrf, new_csrf_token, token_matches
from spinscope.web.state import AppState, state

__all__ = ["render_document", "router"]

router = APIRouter(include_in_schema=False)
State = Annotated[AppState, Depends(state)]

#: How the toggles name the span groups they switch (others: the group's own name).
GROUP_NAMES = {
    "techniques": "Propaganda techniques",
    "attributions": "Attributions (who says what)",
    "assertions": "Own-voice assertions",
    "labels": "Labelling devices",
    "claims": "Claims",
}

FORMATS = (("auto", "detect"), ("text", "plain text"), ("html", "HTML page"))


@cache
def _environment() -> Environment:
    base = environment()
    loader = ChoiceLoader([PackageLoader("spinscope.web", "templates"), base.loader])  # type: ignore[list-item]
    return base.overlay(loader=loader)


def _render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    page = (
        _environment()
        .get_template(name)
        .render(assets=assets(), version=__version__, lang="en", **context)
    )
    return HTMLResponse(page, status_code=status)


def render_document(doc: Document, *, permalink: str | None = None, **extra: Any) -> str:
    """The web page of an analysed document."""
    context = report_context(doc)
    present = {item.group for item in context["summary"]}
    toggles = [(g, GROUP_NAMES.get(g, g)) for g in sorted(present, key=_group_order)]
    return (
        _environment()
        .get_template("document.html")
        .render(
            assets=assets(),
            version=__version__,
            permalink=permalink,
            toggles=toggles,
            **extra,
            **context,
        )
    )


def _group_order(group: str) -> tuple[int, str]:
    names = list(GROUP_NAMES)
    return (names.index(group) if group in names else len(names), group)


@dataclass
class _Form:
    text: str = ""
    format: str = "auto"
    title: str = ""
    url: str = ""
    keep: bool = False


def _home(
    app: AppState,
    form: _Form | None = None,
    *,
    error: Problem | None = None,
    status: int = 200,
) -> Response:
    token = new_csrf_token()
    response = _render(
        "home.html",
        status,
        csrf=token,
        form=form or _Form(),
        formats=FORMATS,
        error=error,
        documents_available=app.documents.available,
        token_required=app.settings.token is not None,
    )
    response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


@router.get("/", response_class=HTMLResponse)
def home(app: State) -> Response:
    return _home(app)


@router.post("/analyze", response_class=HTMLResponse)
async def analyze_form(
    request: Request,
    app: State,
    csrf: Annotated[str, Form()] = "",
    text: Annotated[str, Form()] = "",
    format: Annotated[str, Form()] = "auto",
    title: Annotated[str, Form(max_length=1000)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    keep: Annotated[bool, Form()] = False,
    token: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    check_csrf(request, csrf)
    form = _Form(text=text, format=format, title=title, url=url, keep=keep)
    data = await file.read() if file is not None and file.filename else b""
    source = file.filename if data and file is not None and file.filename else "pasted text"
    if not data:
        data = text.encode("utf-8", "surrogatepass")
    if not data.strip():
        return _home(app, form, error=Problem(422, "paste an article or choose a file"), status=422)
    fmt = format if format in ("text", "html") else _guess_format(data)
    if keep:
        # The form carries the token: a plain form cannot send a bearer header.
        if app.settings.token is not None and not token_matches(token, app.settings.token):
            raise Problem(401, "keeping an analysis needs the server's access token")
        if not app.documents.available:
            raise Unavailable(app.documents.reason)
    article = Article(data, fmt, source, title=title or None, url=url or None)
    result = await app.analyzer.analyse_one(article)
    if isinstance(result, ErrorRecord):
        problem = Problem(status_for_kind(result.kind), result.error, title="Cannot analyse this")
        return _home(app, form, error=problem, status=problem.status)
    if keep:
        doc_id = await run_in_threadpool(app.documents.put, result)
        return RedirectResponse(f"/documents/{quote(doc_id, safe='')}", status_code=303)
    page = render_document(result, documents_available=app.documents.available)
    return HTMLResponse(page)


def _guess_format(data: bytes) -> str:
    from spinscope.ingest.sniff import HEAD_BYTES, sniff_format

    return "html" if sniff_format(data[:HEAD_BYTES]) == "html" else "text"


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(doc_id: str, app: State) -> Response:
    try:
        doc = app.documents.get(doc_id)
    except Unavailable as exc:
        return _render("error.html", 501, error=Problem(501, str(exc)), documents_available=False)
    if doc is None:
        problem = Problem(404, f"no stored document with id {doc_id!r}")
        return _render("error.html", 404, error=problem, documents_available=True)
    page = render_document(
        doc, permalink=f"/documents/{quote(doc_id, safe='')}", documents_available=True
    )
    return HTMLResponse(page)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    app: State,
    request: Request,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """The corpus browser: stored documents, filtered and paged."""
    try:
        filters = document_filters(**_filter_params(request))
    except Problem as problem:
        return _render("error.html", problem.status, error=problem, documents_available=True)
    try:
        entries = app.documents.summaries(
            limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE, filters=filters
        )
        total = app.documents.count(filters)
        outlets = app.documents.outlets()
    except Unavailable as exc:
        return _render("error.html", 501, error=Problem(501, str(exc)), documents_available=False)
    pages = max(1, -(-total // PAGE_SIZE))
    params = filters.as_dict()
    return _render(
        "documents.html",
        entries=entries,
        filters=params,
        outlets=outlets,
        techniques=TECHNIQUES,
        total=total,
        page=page,
        pages=pages,
        previous=urlencode({**params, "page": page - 1}) if page > 1 else None,
        next=urlencode({**params, "page": page + 1}) if page < pages else None,
        documents_available=True,
    )


def _filter_params(request: Request) -> dict[str, str | None]:
    # An empty form field means "any"; a malformed one is refused as the API refuses it.
    out: dict[str, str | None] = {}
    for name in ("q", "outlet", "technique", "since", "until"):
        value = (request.query_params.get(name) or "").strip()[:255]
        out[name] = value or None
    for name in ("since", "until"):
        date = out[name]
        if date is not None and not _DATE.fullmatch(date):
            raise Problem(422, f"{name} must be a date (YYYY-MM-DD), got {date!r}")
    return out


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_page(app: State) -> Response:
    """Technique rates per outlet and over time, and the sourcing profile."""
    from spinscope.web.dashboard import dashboard

    store = getattr(app.documents, "store", None)
    if store is None:
        reason = app.documents.reason or "the dashboard needs the server's store"
        return _render("error.html", 501, error=Problem(501, reason), documents_available=False)
    board = dashboard(store)
    return _render(
        "dashboard.html",
        board=board,
        figures=board.figures,
        injected_style_ids=injected_style_ids(),
        documents_available=True,
    )


@router.get("/static/plotly/plotly.min.js")
def plotly_js() -> Response:
    """plotly.js as the installed plotly package ships it (no CDN)."""
    path = script_path()
    if path is None:
        raise Problem(501, "the dashboard needs plotly (pip install 'spinscope[web]')")
    return FileResponse(path, media_type="text/javascript", headers=_CACHED)


@router.get("/static/plotly/plotly.css")
def plotly_css() -> Response:
    """plotly.js's own rules, linked instead of injected (see :mod:`plotly_assets`)."""
    return Response(stylesheet(), media_type="text/css", headers=_CACHED)


_CACHED = {"Cache-Control": "public, max-age=86400"}
