"""``/docs``: the OpenAPI description in Swagger UI, every file served by the app.

FastAPI's own page loads Swagger UI from a CDN and starts it with an inline script;
this one serves the Swagger UI files that ``fastapi-offline`` ships and starts it from
a served script, so the page works offline under the app's Content-Security-Policy.
"""

from __future__ import annotations

from importlib.resources import files

from fastapi import APIRouter
from fastapi.responses import FileResponse, HTMLResponse
from markupsafe import escape

__all__ = ["router", "swagger_files"]

router = APIRouter(include_in_schema=False)


def swagger_files() -> str:
    """The folder of ``swagger-ui-bundle.js`` and ``swagger-ui.css``."""
    return str(files("fastapi_offline").joinpath("static"))


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · HTTP API</title>
<link rel="stylesheet" href="/static/swagger/swagger-ui.css">
</head>
<body>
<div id="swagger-ui" data-url="/openapi.json"></div>
<script src="/static/swagger/swagger-ui-bundle.js"></script>
<script src="/static/web/docs.js"></script>
</body>
</html>
"""


@router.get("/docs", response_class=HTMLResponse)
def docs() -> HTMLResponse:
    return HTMLResponse(_PAGE.format(title=escape("spinscope")))


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    # Browsers ask for it on every page; FastAPI's icon, shipped with the Swagger files.
    return FileResponse(f"{swagger_files()}/favicon.png", media_type="image/png")
