"""The dashboard's figures: technique rates per outlet and over time, the techniques
each outlet uses, and its sourcing profile, as plotly.js figure specs (plain JSON the
page's script hands to ``Plotly.newPlot``).

Everything is aggregated in SQL on the ``documents`` table's columns (and its small
``technique_counts`` JSON column), never by decoding stored analyses, so that the page
stays fast on a large corpus. Rates are pooled as ``spinscope stats`` pools them:
expected technique spans per 1,000 words of the articles that have a technique
profile. Sourcing shares are means over the articles that have them.

Labels (outlets, techniques) are escaped for plotly.js, which reads a few HTML tags
in text: what a stored row says is shown as text, never as markup.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select

from spinscope.store import Store
from spinscope.store.schema import documents

__all__ = ["Dashboard", "OutletRow", "dashboard"]

_T = documents.c
#: Outlets shown, the most frequent first; the time series shows fewer, to stay legible.
TOP_OUTLETS = 15
TIME_OUTLETS = 6
_PALETTE = ("#3b6ea8", "#c4553b", "#4b9b6e", "#8a5aa8", "#c49a3b", "#4a8fa8", "#a83b6e")


@dataclass(frozen=True)
class OutletRow:
    """One outlet's pooled figures."""

    outlet: str
    articles: int
    words: int
    rate: float | None
    own_voice_share: float | None
    attributed_share: float | None


@dataclass
class Dashboard:
    """The figures, and what they were computed over."""

    articles: int
    outlets: list[OutletRow]
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)

    def figures_json(self) -> str:
        return json.dumps(self.figures, ensure_ascii=False)


def _label(value: str) -> str:
    return html.escape(value, quote=False)


def _rate(expected: float | None, words: int | None) -> float | None:
    return round(1000.0 * expected / words, 3) if expected is not None and words else None


def _profiled_words() -> Any:
    # Pooled rates divide by the words of the articles that have a technique profile only.
    return func.sum(case((_T.technique_expected.is_not(None), _T.word_count), else_=0))


def outlet_rows(store: Store, limit: int = TOP_OUTLETS) -> tuple[int, list[OutletRow]]:
    """All ``ok`` articles, and the ``limit`` most frequent outlets' figures."""
    ok = _T.status == "ok"
    query = (
        select(
            _T.domain,
            func.count(),
            _profiled_words(),
            func.sum(_T.technique_expected),
            func.avg(_T.own_voice_share),
            func.avg(_T.attributed_share),
        )
        .where(ok, _T.domain.is_not(None))
        .group_by(_T.domain)
        .order_by(func.count().desc(), _T.domain)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        total = int(conn.execute(select(func.count()).where(ok)).scalar_one())
        rows = conn.execute(query).all()
    return total, [
        OutletRow(
            outlet=str(domain),
            articles=int(n),
            words=int(words or 0),
            rate=_rate(expected, words),
            own_voice_share=None if own is None else round(float(own), 3),
            attributed_share=None if attributed is None else round(float(attributed), 3),
        )
        for domain, n, words, expected, own, attributed in rows
    ]


def monthly_rates(store: Store, outlets: list[str]) -> dict[str, list[tuple[str, float]]]:
    """Per outlet, the pooled technique rate of each month with dated articles."""
    if not outlets:
        return {}
    month = func.substr(_T.date, 1, 7)
    query = (
        select(_T.domain, month, _profiled_words(), func.sum(_T.technique_expected))
        .where(_T.status == "ok", _T.date.is_not(None), _T.domain.in_(outlets))
        .group_by(_T.domain, month)
        .order_by(_T.domain, month)
    )
    out: dict[str, list[tuple[str, float]]] = defaultdict(list)
    with store.engine.connect() as conn:
        for domain, key, words, expected in conn.execute(query):
            rate = _rate(expected, words)
            if rate is not None:
                out[str(domain)].append((str(key), rate))
    return dict(out)


def technique_mix(store: Store, outlets: list[str]) -> dict[str, dict[str, float]]:
    """Per outlet, technique spans per 1,000 words by technique."""
    if not outlets:
        return {}
    spans: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    words: dict[str, int] = defaultdict(int)
    query = select(_T.domain, _T.technique_counts, _T.word_count).where(
        _T.status == "ok", _T.domain.in_(outlets), _T.technique_counts.is_not(None)
    )
    with store.engine.connect() as conn:
        for domain, counts, n in conn.execute(query):
            words[domain] += int(n or 0)
            for label, count in (counts or {}).items():
                spans[domain][label] += int(count)
    return {
        outlet: {
            label: round(1000.0 * c / words[outlet], 3) if words[outlet] else 0.0
            for label, c in spans[outlet].items()
        }
        for outlet in outlets
        if outlet in spans
    }


def _layout(title: str, **more: Any) -> dict[str, Any]:
    layout: dict[str, Any] = {
        "title": {"text": title},
        "margin": {"l": 160, "r": 20, "t": 50, "b": 50},
        "height": 420,
        "font": {"family": "system-ui, sans-serif", "size": 12},
    }
    layout.update(more)
    return layout


def figures(
    rows: list[OutletRow],
    monthly: dict[str, list[tuple[str, float]]],
    mix: dict[str, dict[str, float]],
) -> dict[str, dict[str, Any]]:
    """The plotly.js figures (``data`` and ``layout``) by name."""
    rated = [r for r in rows if r.rate is not None]
    names = [_label(r.outlet) for r in rated]
    out: dict[str, dict[str, Any]] = {}
    out["rates"] = {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "y": names[::-1],
                "x": [r.rate for r in rated][::-1],
                "marker": {"color": _PALETTE[0]},
                "hovertemplate": "%{y}: %{x:.2f} per 1,000 words<extra></extra>",
            }
        ],
        "layout": _layout(
            "Technique rate per outlet", xaxis={"title": {"text": "expected spans per 1,000 words"}}
        ),
    }
    out["time"] = {
        "data": [
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": _label(outlet),
                "x": [m for m, _ in points],
                "y": [rate for _, rate in points],
                "line": {"color": _PALETTE[i % len(_PALETTE)]},
            }
            for i, (outlet, points) in enumerate(monthly.items())
        ],
        "layout": _layout(
            "Technique rate over time",
            margin={"l": 60, "r": 20, "t": 50, "b": 50},
            xaxis={"type": "category", "title": {"text": "month"}},
            yaxis={"title": {"text": "per 1,000 words"}},
        ),
    }
    labels = sorted({label for rates in mix.values() for label in rates})
    mixed = [o for o in (r.outlet for r in rows) if o in mix]
    # Stacked bars rather than a heatmap: plotly.js draws a heatmap's colour bar with
    # inline style attributes, which the page's Content-Security-Policy refuses.
    out["mix"] = {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "name": _label(label),
                "y": [_label(o) for o in mixed][::-1],
                "x": [mix[o].get(label, 0.0) for o in mixed][::-1],
                "marker": {"color": _PALETTE[i % len(_PALETTE)]},
                "hovertemplate": "%{y}, " + _label(label) + ": %{x:.2f}<extra></extra>",
            }
            for i, label in enumerate(labels)
        ],
        "layout": _layout(
            "Techniques per outlet (spans per 1,000 words)",
            height=560,
            barmode="stack",
            legend={"orientation": "h", "y": -0.15},
            margin={"l": 160, "r": 20, "t": 50, "b": 40},
        ),
    }
    sourced = [r for r in rows if r.own_voice_share is not None or r.attributed_share is not None]
    snames = [_label(r.outlet) for r in sourced][::-1]
    out["sourcing"] = {
        "data": [
            {
                "type": "bar",
                "orientation": "h",
                "name": "own voice",
                "y": snames,
                "x": [r.own_voice_share for r in sourced][::-1],
                "marker": {"color": _PALETTE[1]},
            },
            {
                "type": "bar",
                "orientation": "h",
                "name": "attributed",
                "y": snames,
                "x": [r.attributed_share for r in sourced][::-1],
                "marker": {"color": _PALETTE[2]},
            },
        ],
        "layout": _layout(
            "Sourcing profile (mean share of statements)",
            barmode="group",
            xaxis={"range": [0, 1], "tickformat": ".0%"},
        ),
    }
    return out


def dashboard(store: Store) -> Dashboard:
    """The dashboard of ``store``'s documents."""
    total, rows = outlet_rows(store)
    outlets = [r.outlet for r in rows]
    monthly = monthly_rates(store, outlets[:TIME_OUTLETS])
    mix = technique_mix(store, outlets)
    return Dashboard(total, rows, figures(rows, monthly, mix))
