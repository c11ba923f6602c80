from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from spinscope.corpus.plots import plot_stats
from spinscope.corpus.stats import BY, corpus_stats

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("by", BY)
@pytest.mark.parametrize("suffix", ["png", "svg"])
def test_plots_are_written(
    documents: list[dict[str, Any]], tmp_path: Path, by: str, suffix: str
) -> None:
    stats = corpus_stats(documents, by)  # type: ignore[arg-type]
    path = plot_stats(stats, tmp_path / "out" / f"chart.{suffix}")
    data = path.read_bytes()
    assert len(data) > 5000
    if suffix == "png":
        assert data.startswith(PNG_MAGIC)
    else:
        text = data.decode("utf-8")
        assert "<svg" in text
        # titled, with labelled axes (matplotlib writes text as paths, and each as a comment)
        assert "4 articles" in text or "Most quoted" in text


def test_top_limits_the_bars(documents: list[dict[str, Any]], tmp_path: Path) -> None:
    stats = corpus_stats(documents, "outlet")
    one = plot_stats(stats, tmp_path / "one.svg", top=1).read_text("utf-8")
    three = plot_stats(stats, tmp_path / "all.svg", top=3).read_text("utf-8")
    assert "top 1 of 3" in one and "top 1 of 3" not in three


def test_other_suffixes_are_refused(documents: list[dict[str, Any]], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        plot_stats(corpus_stats(documents), tmp_path / "chart.pdf")
