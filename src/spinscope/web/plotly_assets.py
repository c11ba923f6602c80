"""plotly.js as the installed ``plotly`` package ships it, and its stylesheet.

plotly.js adds its few global CSS rules (mode bar, notifier) as an inline ``<style>``
element, which the app's Content-Security-Policy (no ``'unsafe-inline'``) blocks. It
skips that when the page already has an element ``#plotly.js-style-global`` with the
class ``no-inline-styles``: the dashboard links :func:`stylesheet` under that id, the
same rules read from the bundle itself, so they always match the served plotly.js.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

__all__ = ["injected_style_ids", "script_path", "stylesheet"]

# The rules object in the bundle: {"X,X div":'direction:ltr;...', ...}; X and Y stand
# for the plot's and the notifier's selectors.
_RULES = re.compile(r"\{(\"X,X div\":.*?)\};for\(")
_RULE = re.compile(r"\"([^\"]+)\":(?:\"([^\"]*)\"|'([^']*)')")


@cache
def script_path() -> Path | None:
    """The bundled ``plotly.min.js``, or None without the plotly package."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "package_data" / "plotly.min.js"
    return path if path.is_file() else None


# Bundled libraries (maplibre) add their stylesheet unless an element with its id exists.
_INJECTED = re.compile(
    r'document\.getElementById\("([0-9a-f]{32,64})"\)\)\{var \w+=document\.createElement\("style"\)'
)


@cache
def injected_style_ids() -> tuple[str, ...]:
    """Ids of the ``<style>`` elements the bundle would add at load: the dashboard
    has an element of each id, so that none is added (no map is drawn)."""
    path = script_path()
    if path is None:
        return ()
    return tuple(dict.fromkeys(_INJECTED.findall(path.read_text(encoding="utf-8"))))


@cache
def stylesheet() -> str:
    """plotly.js's global rules as a stylesheet (empty if they cannot be found)."""
    path = script_path()
    if path is None:
        return ""
    match = _RULES.search(path.read_text(encoding="utf-8"))
    if match is None:
        return ""
    rules = []
    for selector, double, single in _RULE.findall(match.group(1)):
        full = (
            selector.replace(",", " ,", 1 if selector.startswith(",") else 0)
            .replace("X", ".js-plotly-plot .plotly")
            .replace("Y", ".plotly-notifier")
        )
        rules.append(f"{full}{{{double or single}}}")
    return "\n".join(rules) + "\n"
