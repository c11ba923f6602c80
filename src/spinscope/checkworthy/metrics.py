"""CheckThat! 2024 Task 1 scoring: F1 of the positive class ``Yes`` (the official
figure), with its precision and recall, and accuracy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass

__all__ = ["Scores", "score"]


@dataclass(frozen=True)
class Scores:
    """Figures over ``n`` sentences; F1, precision and recall of ``Yes``."""

    f1: float
    precision: float
    recall: float
    accuracy: float
    n: int

    def as_dict(self) -> dict[str, float | int]:
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(self).items()}


def score(gold: Mapping[str, bool], predicted: Mapping[str, bool]) -> Scores:
    """Scores of ``predicted`` against ``gold`` (sentence id -> is ``Yes``).

    Both must hold the same ids: the task scores every sentence.

    >>> score({"1": True, "2": True, "3": False, "4": False},
    ...       {"1": True, "2": False, "3": True, "4": False})
    Scores(f1=0.5, precision=0.5, recall=0.5, accuracy=0.5, n=4)

    Raises:
        ValueError: an id of one side is missing from the other.
    """
    missing, extra = gold.keys() - predicted.keys(), predicted.keys() - gold.keys()
    if missing or extra:
        parts = []
        if missing:
            parts.append(f"{len(missing)} gold id(s) not predicted (e.g. {min(missing)!r})")
        if extra:
            parts.append(f"{len(extra)} predicted id(s) not in gold (e.g. {min(extra)!r})")
        raise ValueError("; ".join(parts))
    tp = sum(1 for k, y in gold.items() if y and predicted[k])
    fp = sum(1 for k, y in gold.items() if not y and predicted[k])
    fn = sum(1 for k, y in gold.items() if y and not predicted[k])
    n = len(gold)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = (n - fp - fn) / n if n else 0.0
    return Scores(f1, precision, recall, accuracy, n)
