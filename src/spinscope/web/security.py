"""What keeps the server safe to run: who may write, what pages may load, how much a
request may send, and which forms are genuine.

* **Bind and token.** Without ``$SPINSCOPE_TOKEN`` the server binds loopback only;
  with it, every write (storing documents, importing fact-checks) needs
  ``Authorization: Bearer <token>``.
* **Headers.** Every response carries a Content-Security-Policy that allows only the
  app's own files (no inline script or style, nothing from another origin), and
  ``nosniff``, ``no-referrer`` and frame denial.
* **Body size.** A request body over the limit is refused with ``413`` before it is
  read whole (by its ``Content-Length``, or while it streams in).
* **Forms.** The web UI's forms carry a token that must match a ``SameSite=Strict``
  cookie, and a cross-origin ``Origin`` is refused.

>>> is_loopback("127.0.0.1"), is_loopback("::1"), is_loopback("localhost")
(True, True, True)
>>> is_loopback("0.0.0.0"), is_loopback("192.168.1.4")
(False, False)
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request

from spinscope.web.problems import Problem, problem_body

__all__ = [
    "CSP",
    "CSRF_COOKIE",
    "BodyLimit",
    "SecurityHeaders",
    "bind_refusal",
    "check_csrf",
    "check_token",
    "is_loopback",
    "new_csrf_token",
    "token_matches",
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: The policy of every response: the app's own files only. ``img-src data:`` lets
#: Swagger UI draw its inline SVG icons.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)

CSRF_COOKIE = "spinscope_csrf"


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only."""
    if host.strip().lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def bind_refusal(host: str, token: str | None) -> str | None:
    """Why the server must not start on ``host``, or ``None`` when it may."""
    if token or is_loopback(host):
        return None
    return (
        f"refusing to listen on {host} without a token: anyone who can reach it could "
        "store documents and import fact-checks. Set SPINSCOPE_TOKEN (clients then send "
        "'Authorization: Bearer <token>'), or bind 127.0.0.1."
    )


def check_token(request: Request, token: str | None) -> None:
    """Raise 401 unless the request carries the bearer ``token`` (none needed if unset)."""
    if token is None:
        return
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token_matches(given.strip(), token):
        raise Problem(
            401,
            "this endpoint writes: send 'Authorization: Bearer <token>' with the server's "
            "SPINSCOPE_TOKEN",
        )


def token_matches(given: str, token: str) -> bool:
    """Whether ``given`` is ``token`` (in constant time)."""
    return hmac.compare_digest(given.encode(), token.encode())


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def check_csrf(request: Request, form_token: str | None) -> None:
    """Raise 403 unless the form's token matches its cookie and the origin is ours."""
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not form_token or not hmac.compare_digest(cookie, form_token):
        raise Problem(403, "the form has expired or did not come from this site: reload the page")
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if urlsplit(origin).netloc.lower() != host.lower():
            raise Problem(403, "cross-origin form submissions are refused")


class SecurityHeaders:
    """Adds the CSP and the other protective headers to every response."""

    _HEADERS = (
        (b"content-security-policy", CSP.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
    )

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers.extend((k, v) for k, v in self._HEADERS if k not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _too_large_message(limit: int) -> str:
    return (
        f"the request body is over the server's limit of {limit:,} bytes; "
        "send a shorter article (or fewer in one batch)"
    )


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with a 413 problem."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def _refuse(self, send: Send) -> None:
        body = json.dumps(problem_body(413, _too_large_message(self.limit))).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/problem+json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared: int | None = None
        for key, value in scope.get("headers", []):
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = None
                if declared is not None and declared > self.limit:
                    await self._refuse(send)
                    return
        if declared is None:
            # No length given (chunked): read the body here, up to the limit, and hand
            # it on whole; what comes after it (a disconnect) is passed through.
            chunks: list[bytes] = []
            received = 0
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    await self.app(scope, receive, send)
                    return
                chunk = message.get("body", b"")
                received += len(chunk)
                if received > self.limit:
                    await self._refuse(send)
                    return
                chunks.append(chunk)
                if not message.get("more_body", False):
                    break
            replayed = False

            async def replay() -> Message:
                nonlocal replayed
                if replayed:
                    return await receive()
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}

            await self.app(scope, replay, send)
            return
        await self.app(scope, receive, send)
