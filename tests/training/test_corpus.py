"""PTC reading and folds of the training code: the runtime's readers, unchanged."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from training.techniques.corpus import Article, cv_folds, read_ptc, read_unlabeled

from spinscope.techniques import semeval

from .conftest import ARTICLES, UNLABELED


def test_read_ptc_sorted_articles_with_sorted_spans(ptc_dir: Path) -> None:
    arts = read_ptc(ptc_dir)
    assert [a.id for a in arts] == sorted(ARTICLES)
    by_id = {a.id: a for a in arts}
    for aid, (text, spans) in ARTICLES.items():
        assert by_id[aid].text == text
        assert by_id[aid].spans == tuple(sorted((s, e, t) for t, s, e in spans))
    assert by_id["103"].spans == ()
    # A duplicated gold label stays duplicated (TC scores an n-label span n times).
    assert by_id["104"].tc.count(("Slogans", 0, 29)) == 2


def test_article_offsets_index_the_text(ptc_dir: Path) -> None:
    for a in read_ptc(ptc_dir):
        for s, e, _ in a.spans:
            assert a.text[s:e].strip() == a.text[s:e]


def test_read_ptc_keeps_carriage_returns(tmp_path: Path) -> None:
    root = tmp_path / "ptc"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "article1.txt").write_bytes(b"A\r\nB")
    assert read_ptc(root) == [Article("1", "A\r\nB")]


def test_read_unlabeled(ptc_dir: Path) -> None:
    assert read_unlabeled(ptc_dir) == sorted(UNLABELED.items())


@pytest.mark.parametrize("k", [2, 3, 5])
def test_cv_folds_are_the_shared_folds(k: int) -> None:
    ids = [str(100 + i) for i in range(37)]
    assert cv_folds(ids, k) == semeval.folds(ids, k=k, seed=13)


def test_cv_folds_reproduce_the_shipped_split() -> None:
    """The split behind the shipped CV figures: sorted ids, Random(13), round-robin."""
    ids = [str(111111111 + 7 * i) for i in range(371)]
    order = sorted(ids)
    random.Random(13).shuffle(order)
    folds = cv_folds(list(reversed(ids)), 5)
    assert folds == [order[i::5] for i in range(5)]
    assert [len(f) for f in folds] == [75, 74, 74, 74, 74]
