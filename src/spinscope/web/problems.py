"""Errors as RFC 9457 problem details (``application/problem+json``).

Every error the API answers, its own and the framework's (validation, 404, 405), has
the same shape: ``{"type", "title", "status", "detail"}`` plus, for a validation
error, ``errors`` (where and why). Messages never echo the request body.
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from spinscope.errors import (
    EmptyInputError,
    EncodingError,
    HTMLExtractionError,
    InputError,
    InputTooLargeError,
    NotTextError,
)

__all__ = ["MEDIA_TYPE", "Problem", "install", "problem_response", "status_for_kind"]

MEDIA_TYPE = "application/problem+json"

# An ErrorRecord carries its exception's class name; the status a client gets for it.
_KIND_STATUS: dict[str, int] = {
    InputTooLargeError.__name__: 413,
    EmptyInputError.__name__: 422,
    NotTextError.__name__: 415,
    EncodingError.__name__: 422,
    HTMLExtractionError.__name__: 422,
    InputError.__name__: 422,
}


def status_for_kind(kind: str) -> int:
    """The HTTP status of an analysis that failed with exception class ``kind``."""
    return _KIND_STATUS.get(kind, 500)


class Problem(Exception):
    """An error to answer as problem details."""

    def __init__(self, status: int, detail: str, *, title: str | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.title = title or HTTPStatus(status).phrase
        self.extra = extra


def problem_body(
    status: int, detail: str, title: str | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "type": "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }


def problem_response(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> Response:
    return JSONResponse(
        problem_body(status, detail, title, **extra),
        status_code=status,
        media_type=MEDIA_TYPE,
        headers=dict(headers) if headers else None,
    )


async def _problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Problem)
    return problem_response(exc.status, exc.detail, title=exc.title, **exc.extra)


async def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    return problem_response(exc.status_code, detail, headers=exc.headers)


async def _validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    # Where and why only: the offending value ("input") could be article text.
    errors = [
        {"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))}
        for e in exc.errors()
    ]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    detail = f"{'.'.join(first['loc'])}: {first['msg']}" if first["loc"] else str(first["msg"])
    return problem_response(422, detail, title="Invalid request", errors=errors)


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` as problem details."""
    app.add_exception_handler(Problem, _problem)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(RequestValidationError, _validation)
