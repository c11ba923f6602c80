"""``spinscope serve``: the web app and HTTP API.

Loopback only unless ``$SPINSCOPE_TOKEN`` is set: on any other address, anyone who can
reach the server could write to the store, so it refuses to start without a token.
"""

from __future__ import annotations

import logging
from typing import Annotated

import typer
from rich.console import Console

__all__ = ["serve"]

_err = Console(stderr=True, highlight=False, soft_wrap=True)


def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on (beyond loopback: SPINSCOPE_TOKEN needed).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    store: Annotated[
        str | None,
        typer.Option(
            help="Store URL or SQLite file (fact-checks; documents once the store keeps "
            "them); default: $SPINSCOPE_STORE or the user data dir's spinscope.db.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help="Analysis workers: 1 runs the pipeline in a thread of the server, more "
            "in that many worker processes (models load once per worker).",
        ),
    ] = 1,
    max_body_mb: Annotated[
        float, typer.Option(min=0.001, help="Largest request body accepted, in MiB.")
    ] = 8.0,
    memory_documents: Annotated[
        bool,
        typer.Option(
            help="Keep analyses in memory (lost at exit) while the store cannot keep them."
        ),
    ] = False,
) -> None:
    """Serve the web app (http://HOST:PORT/) and the HTTP API (/v1, described at /docs)."""
    from spinscope.web.security import bind_refusal
    from spinscope.web.settings import WebSettings

    token = WebSettings.token_from_env()
    refusal = bind_refusal(host, token)
    if refusal is not None:
        _err.print(f"ERROR {refusal}", markup=False)
        raise typer.Exit(2)
    try:
        import uvicorn

        from spinscope.web.app import create_app
    except ImportError as exc:
        _err.print(
            f"ERROR the web app needs the 'web' extra: pip install 'spinscope[web]' ({exc})",
            markup=False,
        )
        raise typer.Exit(2) from exc
    from spinscope.errors import SpinscopeError
    from spinscope.store import Store
    from spinscope.store.paths import resolve_url

    settings = WebSettings(
        host=host,
        port=port,
        store=resolve_url(store),
        workers=workers,
        token=token,
        max_body=int(max_body_mb * 1024 * 1024),
        memory_documents=memory_documents,
    )
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        # A store that cannot be opened is a usage error, said before anything starts.
        Store.open(settings.store).close()
        app = create_app(settings)
    except SpinscopeError as exc:
        _err.print(f"ERROR {exc}", markup=False)
        raise typer.Exit(2) from exc
    where = f"[{host}]" if ":" in host else host
    _err.print(f"spinscope serving on http://{where}:{port}/ (API docs at /docs)", markup=False)
    # uvicorn's access log would print query strings; the app logs method, path and status.
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="info")
