"""The Jinja2 environment of the HTML pages, and the CSS and JS they inline.

Templates are files: the page frame, the report and the index under
``spinscope/reports/templates/``, each report section's in its analysis's package
(loaded by name as ``sections/<name>``, see :mod:`spinscope.reports.sections`).
Everything printed is HTML-escaped (``autoescape=True``) after its control characters
are made visible (:func:`~spinscope.reports._layout.display_text`); only the inline
CSS, JS, the CSP and the tooltip JSON, which this package builds, are marked safe.

The stylesheet and the script are files too (``static/report.css``, ``report.js``), so
that a web app can serve them; a report inlines them to stay one self-contained file,
and its Content-Security-Policy allows exactly those two blocks, by hash.

Not a stable API: renderers in this package use it.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from jinja2 import ChoiceLoader, Environment, FunctionLoader, PackageLoader, StrictUndefined
from markupsafe import Markup

from spinscope.about import __version__
from spinscope.reports._layout import (
    OWN_VOICE_GROUP,
    colour_index,
    display_text,
    plural,
    span_name,
)
from spinscope.reports.helpers import MAX_ROWS, score
from spinscope.reports.sections import section_template

__all__ = ["Assets", "assets", "environment", "render", "static_files", "swatch_class"]


def static_files() -> Traversable:
    """The folder of ``report.css`` and ``report.js`` (for a web app to serve)."""
    return files("spinscope.reports").joinpath("static")


def _sha256(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode()


@dataclass(frozen=True, slots=True)
class Assets:
    """The inline ``<style>`` and ``<script>`` of a page, and the CSP that pins them."""

    css: Markup
    js: Markup
    csp: Markup


@cache
def assets() -> Assets:
    """Read the static files once; the inline blocks open on a new line."""
    static = static_files()
    css = "\n" + static.joinpath("report.css").read_text(encoding="utf-8")
    js = "\n" + static.joinpath("report.js").read_text(encoding="utf-8")
    csp = (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    # Our own files and hashes, never article text: inserted as they are.
    return Assets(Markup(css), Markup(js), Markup(csp))


def swatch_class(group: str, label: str) -> str:
    """The CSS class of a label's colour. Own-voice assertions are underlined in the
    text, not shaded: so is their swatch."""
    return "bare own" if group == OWN_VOICE_GROUP else f"c{colour_index(group, label)}"


def _finalize(value: Any) -> Any:
    """What ``{{ value }}`` prints, before escaping: nothing for ``None``, and text with
    its control characters made visible (markup built by the templates is left alone)."""
    if value is None:
        return ""
    if hasattr(value, "__html__"):
        return value
    return display_text(str(value))


@cache
def environment() -> Environment:
    """The environment shared by every page (templates are compiled once)."""
    env = Environment(
        loader=ChoiceLoader(
            [PackageLoader("spinscope.reports", "templates"), FunctionLoader(section_template)]
        ),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["score"] = score
    env.globals.update(swatch=swatch_class, plural=plural, max_rows=MAX_ROWS, span_name=span_name)
    return env


def render(name: str, **context: Any) -> str:
    """Render template ``name`` with the page's assets and the version."""
    template = environment().get_template(name)
    return template.render(assets=assets(), version=__version__, **context)
