"""PTC articles as training examples, read with the runtime's SemEval readers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from spinscope.techniques import semeval


@dataclass(frozen=True)
class Article:
    """One article with its technique spans ``(start, end, technique)``, sorted."""

    id: str
    text: str
    spans: tuple[tuple[int, int, str], ...] = ()

    @property
    def tc(self) -> list[semeval.TCRow]:
        """The spans as SemEval TC rows ``(technique, start, end)``."""
        return [(t, s, e) for s, e, t in self.spans]


def articles_of(ptc: semeval.PTC) -> list[Article]:
    """The articles of a loaded PTC folder, sorted by id, with their TC spans."""
    return [
        Article(aid, text, tuple(sorted((s, e, t) for t, s, e in ptc.tc.get(aid, []))))
        for aid, text in ptc.articles.items()
    ]


def read_ptc(root: str | Path) -> list[Article]:
    """The labelled articles of ``root/articles`` with the spans of ``root/labels-tc``."""
    return articles_of(semeval.load_ptc(root))


def read_unlabeled(root: str | Path) -> list[tuple[str, str]]:
    """``(id, text)`` of the unlabelled articles (``root/unlabeled/article<ID>.txt``)."""
    return list(semeval.read_articles(Path(root) / "unlabeled").items())


def cv_folds(ids: list[str], k: int) -> list[list[str]]:
    """The shared article-level CV folds (``semeval.folds`` with its fixed seed 13)."""
    return semeval.folds(ids, k=k, seed=13)
