"""The web app and HTTP API (``spinscope serve``; the ``web`` extra).

FastAPI routes (:mod:`~spinscope.web.api` under ``/v1``, the UI in
:mod:`~spinscope.web.pages`, Swagger UI in :mod:`~spinscope.web.docs`), analyses run
off the event loop (:mod:`~spinscope.web.analysis`), stored documents reached through
:mod:`~spinscope.web.documents` only, and the protections in
:mod:`~spinscope.web.security`. The pages are the HTML report's templates, extended.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spinscope.web.app import create_app
    from spinscope.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]


def __getattr__(name: str) -> Any:
    # FastAPI is imported when the app is made, not when the CLI imports this package.
    if name == "create_app":
        from spinscope.web.app import create_app

        return create_app
    if name == "WebSettings":
        from spinscope.web.settings import WebSettings

        return WebSettings
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
