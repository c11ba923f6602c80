"""The web UI: server-rendered pages from the HTML report's templates.

``GET /`` is the form (paste or upload an article); ``POST /analyze`` answers with the
document's page, or, when the analysis is kept, redirects to its permanent address
``/documents/{id}``. Every value is escaped by the templates (``autoescape``); the
pages load only the app's own CSS and JS.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader
from starlette.concurrency import run_in_threadpool

from spinscope.about import __version__
from spinscope.document import Document, ErrorRecord
from spinscope.reports._templates import assets, environment
from spinscope.reports.html import report_context
from spinscope.web.analysis import Article
from spinscope.web.documents import Unavailable
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
def documents_page(app: State) -> Response:
    try:
        entries = app.documents.summaries(limit=200)
    except Unavailable as exc:
        return _render("error.html", 501, error=Problem(501, str(exc)), documents_available=False)
    return _render("documents.html", entries=entries, documents_available=True)
