"""Charts of :mod:`spinscope.corpus.stats` tables, written as PNG or SVG.

Figures are drawn on matplotlib's Agg canvas without ``pyplot`` (no GUI backend, no
global figure state), so plotting works headless and from threads. ``matplotlib``
comes with the ``corpus`` extra (``pip install 'spinscope[corpus]'``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spinscope.corpus.stats import CorpusStats, GroupRow, SpeakerRow, TechniqueRow

__all__ = ["FORMATS", "plot_stats"]

#: Output formats, by file suffix.
FORMATS = ("png", "svg")

_BAR = "#3b6ea5"
_OWN = "#d9822b"


def _figure(height_rows: int, *, wide: bool = False) -> Any:
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - the corpus extra is installed in tests
        raise ImportError("plots need matplotlib: pip install 'spinscope[corpus]'") from exc
    height = max(3.5, 0.35 * height_rows + 1.8)
    figure = Figure(figsize=(10 if wide else 8, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _barh(axes: Any, labels: list[str], values: list[float], color: str = _BAR) -> None:
    positions = list(range(len(labels)))
    axes.barh(positions, values, color=color)
    axes.set_yticks(positions, labels=[_short(label) for label in labels])
    axes.invert_yaxis()  # largest first, at the top
    axes.grid(axis="x", alpha=0.3)


def _short(label: str, width: int = 40) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


def _groups(stats: CorpusStats, rows: list[GroupRow], top: int) -> Any:
    if stats.by in ("week", "month"):
        from matplotlib.ticker import MaxNLocator

        # A time axis has no place for undated articles (the table counts them).
        rows = [r for r in rows if not r.key.startswith("(")]
        figure = _figure(10, wide=True)
        rate_axes, count_axes = figure.subplots(2, 1, sharex=True, height_ratios=(2, 1))
        keys = [r.key for r in rows]
        positions = list(range(len(keys)))
        rate_axes.plot(positions, [r.rate for r in rows], marker="o", color=_BAR, label="all text")
        own = [r.own_rate for r in rows]
        if any(v is not None for v in own):
            rate_axes.plot(
                positions,
                [v if v is not None else float("nan") for v in own],
                marker="s",
                color=_OWN,
                label="own voice",
            )
        rate_axes.legend(loc="upper left")
        rate_axes.set_ylabel("expected technique spans\nper 1,000 words")
        rate_axes.grid(alpha=0.3)
        rate_axes.set_ylim(bottom=0)
        count_axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        count_axes.bar(positions, [r.articles for r in rows], color="#888888")
        count_axes.set_ylabel("articles")
        count_axes.set_xlabel(stats.by)
        step = max(1, len(keys) // 12)
        count_axes.set_xticks(positions[::step], labels=keys[::step], rotation=45, ha="right")
        rate_axes.set_title(f"Technique rate by {stats.by} ({stats.articles:,} articles)")
        return figure
    shown = rows[:top]
    figure = _figure(len(shown))
    axes = figure.subplots()
    _barh(axes, [f"{r.key} ({r.articles})" for r in shown], [r.rate for r in shown])
    axes.set_xlabel("expected technique spans per 1,000 words")
    axes.set_ylabel(f"{stats.by} (articles)")
    more = f", top {top} of {len(rows)}" if len(rows) > top else ""
    axes.set_title(f"Technique rate by {stats.by} ({stats.articles:,} articles{more})")
    return figure


def plot_stats(stats: CorpusStats, path: Path, *, top: int = 20) -> Path:
    """Draw ``stats`` into ``path`` (``.png`` or ``.svg``) and return it.

    Outlets and domains: a bar per group (the ``top`` largest), technique rate.
    Weeks and months: the rate over time (own voice too, when known) above the
    article counts. Techniques: rate per technique. Speakers: statements of the ``top``.
    """
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"plot file must end in .png or .svg, not {path.name!r}")
    rows = list(stats.rows)
    if stats.by == "technique":
        techniques = [r for r in rows if isinstance(r, TechniqueRow)]
        figure = _figure(len(techniques))
        axes = figure.subplots()
        _barh(axes, [r.name for r in techniques], [r.rate for r in techniques])
        axes.set_xlabel("expected spans per 1,000 words")
        axes.set_ylabel("technique")
        axes.set_title(f"Techniques in {stats.articles:,} articles")
    elif stats.by == "speaker":
        speakers = [r for r in rows if isinstance(r, SpeakerRow)][:top]
        figure = _figure(len(speakers))
        axes = figure.subplots()
        _barh(
            axes, [f"{r.name} ({r.articles})" for r in speakers], [r.statements for r in speakers]
        )
        axes.set_xlabel("attributed statements")
        axes.set_ylabel("speaker (articles)")
        axes.set_title(f"Most quoted speakers in {stats.articles:,} articles")
    else:
        figure = _groups(stats, [r for r in rows if isinstance(r, GroupRow)], top)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format=suffix, dpi=150)
    return path
