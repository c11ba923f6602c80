"""The numpy TF-IDF views score exactly as scikit-learn's vectorizer + logistic
regression they were exported from; the surface cues."""

from __future__ import annotations

import numpy as np
import pytest

from spinscope.checkworthy.features import (
    CUE_NAMES,
    LinearTfidf,
    char_wb_ngrams,
    cue_features,
    word_ngrams,
)

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
sklearn_linear = pytest.importorskip("sklearn.linear_model")

CORPUS = [
    "We cut taxes by 40 percent in 1993.",
    "Thank you, it's great to be here tonight!",
    "Unemployment  rose to 10.2% under his watch.",
    "I think we should talk about the future.",
    "The Senate voted 52-48 to pass the bill.",
    "Do you really believe that?",
    "Ünïcode wörds, naïve café — déjà vu.",
    "a b c",
    "",
]


@pytest.mark.parametrize(
    ("analyzer", "ngrams", "ours"),
    [("word", (1, 2), word_ngrams), ("word", (1, 1), word_ngrams), ("word", (2, 3), word_ngrams),
     ("char_wb", (2, 5), char_wb_ngrams), ("char_wb", (1, 3), char_wb_ngrams)],
)  # fmt: skip
def test_terms_match_scikit_learn(analyzer: str, ngrams: tuple[int, int], ours: object) -> None:
    vec = sklearn_text.TfidfVectorizer(analyzer=analyzer, ngram_range=ngrams)
    analyse = vec.build_analyzer()
    for text in CORPUS:
        assert ours(text, *ngrams) == analyse(text), text  # type: ignore[operator]


@pytest.mark.parametrize(("analyzer", "ngrams"), [("word", (1, 2)), ("char_wb", (2, 5))])
def test_logits_match_scikit_learn(analyzer: str, ngrams: tuple[int, int]) -> None:
    vec = sklearn_text.TfidfVectorizer(
        analyzer=analyzer, ngram_range=ngrams, sublinear_tf=True, min_df=1
    )
    x = vec.fit_transform(CORPUS[:6])
    lr = sklearn_linear.LogisticRegression().fit(x, [1, 0, 1, 0, 1, 0])
    view = LinearTfidf(
        analyzer=analyzer,
        ngram_range=ngrams,
        index=vec.vocabulary_,
        idf=vec.idf_,
        coef=lr.coef_[0],
        intercept=float(lr.intercept_[0]),
    )
    np.testing.assert_allclose(view.logits(CORPUS), lr.decision_function(vec.transform(CORPUS)))


def test_cues() -> None:
    claim = dict(zip(CUE_NAMES, cue_features("The Senate cut $5 billion in 2011."), strict=True))
    assert {k: v for k, v in claim.items() if v and k != "log_words"} == {
        "digits": 2.5,
        "number_words": 1,
        "money": 1,
        "year": 1,
        "capitalised": 0.5,
        "comparative": 1,
    }
    chat = dict(zip(CUE_NAMES, cue_features("I think you should thank me?"), strict=True))
    assert {k: v for k, v in chat.items() if v and k != "log_words"} == {
        "first_singular": 2,
        "second_person": 1,
        "modal": 1,
        "hedge": 2,
        "question": 1,
    }
    assert cue_features("").tolist() == [0.0] * len(CUE_NAMES)
