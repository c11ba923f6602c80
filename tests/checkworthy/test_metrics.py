"""F1 of Yes, precision, recall and accuracy on tiny known cases."""

from __future__ import annotations

import pytest

from spinscope.checkworthy.metrics import Scores, score


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        # tp=2 fp=1 fn=1 tn=1: P=R=F1=2/3, accuracy 3/5
        ("YYNNY", "YNYNY", Scores(2 / 3, 2 / 3, 2 / 3, 3 / 5, 5)),
        # tp=1 fp=0 fn=2: P=1, R=1/3, F1=0.5
        ("YYYN", "YNNN", Scores(0.5, 1.0, 1 / 3, 0.5, 4)),
        ("NN", "NN", Scores(0.0, 0.0, 0.0, 1.0, 2)),
        ("YY", "NN", Scores(0.0, 0.0, 0.0, 0.0, 2)),
    ],
)
def test_known_cases(gold: str, pred: str, expected: Scores) -> None:
    g = {str(i): c == "Y" for i, c in enumerate(gold)}
    p = {str(i): c == "Y" for i, c in enumerate(pred)}
    assert score(g, p) == pytest.approx(expected)


def test_ids_must_match() -> None:
    with pytest.raises(ValueError, match=r"1 gold id\(s\) not predicted \(e.g. '2'\); 1 predicted"):
        score({"1": True, "2": False}, {"1": True, "3": False})


def test_as_dict_rounds() -> None:
    result = score({"1": True, "2": False, "3": True}, {"1": True, "2": True, "3": False})
    assert result.as_dict() == {
        "f1": 0.5, "precision": 0.5, "recall": 0.5, "accuracy": 0.3333, "n": 3
    }  # fmt: skip
