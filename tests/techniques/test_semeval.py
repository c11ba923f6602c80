"""SemEval-2020 Task 11 formats and official scorers on hand-computed cases.

Every expected figure is worked out in the comment next to it. No PTC text or label is
reproduced here: the data tests only count and self-score the shared corpus.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spinscope.techniques.semeval import (
    PTC_TECHNIQUES,
    fill_template,
    fold_splits,
    folds,
    load_ptc,
    merge_spans,
    read_articles,
    read_si,
    read_tc,
    read_techniques,
    read_template,
    score_si,
    score_tc,
    si_from_tc,
    write_si,
    write_tc,
)

# -- merge ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spans", "merged"),
    [
        ([], []),
        ([(0, 5)], [(0, 5)]),
        ([(4, 10), (0, 6)], [(0, 10)]),  # share chars 4-5 -> one span, sorted input not needed
        ([(0, 5), (5, 9)], [(0, 5), (5, 9)]),  # touching: no shared character, kept apart
        ([(0, 10), (2, 3), (9, 12), (20, 25)], [(0, 12), (20, 25)]),  # chained + disjoint
        ([(3, 7), (3, 7)], [(3, 7)]),  # exact duplicates collapse
    ],
)
def test_merge_spans(spans: list[tuple[int, int]], merged: list[tuple[int, int]]) -> None:
    assert merge_spans(spans) == merged


# -- SI scorer --------------------------------------------------------------------

SI_CASES = [
    # id, gold, pred, P, R, F1
    ("exact", {"a": [(0, 10)]}, {"a": [(0, 10)]}, 1.0, 1.0, 1.0),
    # |s∩t| = 5: P = 5/10, R = 5/10, F1 = 0.5
    ("half-overlap", {"a": [(0, 10)]}, {"a": [(5, 15)]}, 0.5, 0.5, 0.5),
    # pred inside gold, |s∩t| = 5: P = 5/5 = 1, R = 5/20 = 0.25, F1 = 2*0.25/1.25 = 0.4
    ("inside", {"a": [(0, 20)]}, {"a": [(5, 10)]}, 1.0, 0.25, 0.4),
    # one pred over two gold: P = (4/10 + 4/10)/1 = 0.8, R = (4/4 + 4/4)/2 = 1,
    # F1 = 2*0.8/1.8 = 8/9
    ("one-pred-two-gold", {"a": [(0, 4), (6, 10)]}, {"a": [(0, 10)]}, 0.8, 1.0, 8 / 9),
    # gold (0,6),(4,10) overlap -> merged (0,10): P = 10/10, R = 10/10 (unmerged, P would be
    # (6/10 + 6/10)/1 = 1.2)
    ("gold-merged", {"a": [(0, 6), (4, 10)]}, {"a": [(0, 10)]}, 1.0, 1.0, 1.0),
    # touching gold spans stay two: P = (5/9 + 4/9)/1 = 1, R = (5/5 + 4/4)/2 = 1
    ("gold-touching", {"a": [(0, 5), (5, 9)]}, {"a": [(0, 9)]}, 1.0, 1.0, 1.0),
    # two preds in one gold: P = (3/3 + 2/2)/2 = 1, R = (3/10 + 2/10)/1 = 0.5, F1 = 2/3
    ("two-preds-one-gold", {"a": [(0, 10)]}, {"a": [(0, 3), (6, 8)]}, 1.0, 0.5, 2 / 3),
    # no predictions: |S| = 0 -> P = 0; nothing recalled -> R = 0; F1 = 0
    ("no-predictions", {"a": [(0, 10)]}, {}, 0.0, 0.0, 0.0),
    ("empty-article-pred", {"a": [(0, 10)]}, {"a": []}, 0.0, 0.0, 0.0),
    # pairs are per article: a's pred (0,10) does not meet b's gold (0,10): P = 0/1, R = 0/2
    ("across-articles", {"a": [(20, 30)], "b": [(0, 10)]}, {"a": [(0, 10)]}, 0.0, 0.0, 0.0),
    # a exact (1, 1), b misses: P = (1 + 0)/2 = 0.5, R = (1 + 0)/2 = 0.5
    (
        "two-articles",
        {"a": [(0, 10)], "b": [(20, 30)]},
        {"a": [(0, 10)], "b": [(0, 5)]},
        0.5,
        0.5,
        0.5,
    ),
    # pred in an article without gold spans still counts in |S|: P = (1 + 0)/2, R = 1/1,
    # F1 = 2*0.5/1.5 = 2/3
    (
        "pred-on-clean-article",
        {"a": [(0, 10)], "b": []},
        {"a": [(0, 10)], "b": [(0, 4)]},
        0.5,
        1.0,
        2 / 3,
    ),
    # gold article left out of the predictions still counts in |T|: P = 1/1, R = 1/2
    ("article-not-predicted", {"a": [(0, 10)], "b": [(0, 10)]}, {"a": [(0, 10)]}, 1.0, 0.5, 2 / 3),
]


@pytest.mark.parametrize(
    ("gold", "pred", "p", "r", "f1"), [c[1:] for c in SI_CASES], ids=[c[0] for c in SI_CASES]
)
def test_score_si(
    gold: dict[str, list[tuple[int, int]]],
    pred: dict[str, list[tuple[int, int]]],
    p: float,
    r: float,
    f1: float,
) -> None:
    score = score_si(gold, pred)
    assert score.precision == pytest.approx(p)
    assert score.recall == pytest.approx(r)
    assert score.f1 == pytest.approx(f1)


def test_score_si_counts() -> None:
    # gold (0,6),(4,10) merge to one span: |T| = 1; |S| = 2
    score = score_si({"a": [(0, 6), (4, 10)]}, {"a": [(0, 2), (12, 14)]})
    assert (score.overall.n_pred, score.overall.n_gold) == (2, 1)
    # p_sum = 2/2 + 0 = 1, r_sum = 2/10
    assert score.p_sum == pytest.approx(1.0)
    assert score.r_sum == pytest.approx(0.2)


def test_score_si_rejects_overlapping_predictions_like_the_official_script() -> None:
    with pytest.raises(ValueError, match="overlap"):
        score_si({"a": [(0, 10)]}, {"a": [(0, 6), (4, 10)]})
    with pytest.raises(ValueError, match="overlap"):  # exact duplicates overlap too
        score_si({"a": [(0, 10)]}, {"a": [(0, 6), (0, 6)]})


def test_score_si_merge_pred_is_the_official_m_flag() -> None:
    # merged pred (0,10) == gold: P = R = 1
    score = score_si({"a": [(0, 10)]}, {"a": [(0, 6), (4, 10)]}, merge_pred=True)
    assert (score.precision, score.recall, score.overall.n_pred) == (1.0, 1.0, 1)


def test_score_si_touching_predictions_are_allowed() -> None:
    # (0,5),(5,10) share no character: P = (5/5 + 5/5)/2 = 1, R = (5/10 + 5/10)/1 = 1
    score = score_si({"a": [(0, 10)]}, {"a": [(0, 5), (5, 10)]})
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_score_si_unknown_article() -> None:
    with pytest.raises(ValueError, match="not in the gold"):
        score_si({"a": [(0, 10)]}, {"zzz": [(0, 10)]})


# -- TC scorer --------------------------------------------------------------------

X, Y, Z = "Doubt", "Slogans", "Repetition"


def test_score_tc_all_correct() -> None:
    gold = {"a": [(X, 0, 5), (Y, 6, 9)], "b": [(Z, 0, 3)]}
    score = score_tc(gold, gold)
    assert (score.micro.precision, score.micro.recall, score.f1, score.macro_f1) == (1, 1, 1, 1)


def test_score_tc_micro_and_per_technique() -> None:
    gold = {"a": [(X, 0, 5), (Y, 6, 9), (X, 10, 12)]}
    pred = {"a": [(X, 0, 5), (X, 6, 9), (Y, 10, 12)]}
    score = score_tc(gold, pred)
    # only (0,5) right: TP = 1 of 3 -> P = R = F1 = 1/3
    assert score.micro.f1 == pytest.approx(1 / 3)
    # X: TP 1, predicted 2, gold 2 -> P = R = F1 = 0.5;  Y: TP 0 -> 0;  macro = 0.25
    assert score.per_technique[X].f1 == pytest.approx(0.5)
    assert score.per_technique[Y].f1 == 0.0
    assert score.macro_f1 == pytest.approx(0.25)


@pytest.mark.parametrize(
    ("pred_labels", "tp"),
    [
        ([X, Y], 2),  # same multiset as gold {X, Y}
        ([Y, X], 2),  # order of duplicate lines does not matter
        ([X, X], 1),  # {X, X} ∩ {X, Y} = {X}
        ([Z, Z], 0),
    ],
)
def test_score_tc_duplicate_spans_match_as_multiset(pred_labels: list[str], tp: int) -> None:
    gold = {"a": [(X, 0, 5), (Y, 0, 5)]}
    pred = {"a": [(label, 0, 5) for label in pred_labels]}
    score = score_tc(gold, pred)
    assert score.micro.f1 == pytest.approx(tp / 2)  # 2 gold, 2 predicted


def test_score_tc_duplicate_per_technique() -> None:
    score = score_tc({"a": [(X, 0, 5), (Y, 0, 5)]}, {"a": [(X, 0, 5), (X, 0, 5)]})
    # X: TP 1, pred 2, gold 1 -> P 0.5, R 1, F1 2/3;  Y: TP 0, pred 0, gold 1 -> 0
    assert score.per_technique[X].precision == pytest.approx(0.5)
    assert score.per_technique[X].recall == 1.0
    assert score.per_technique[X].f1 == pytest.approx(2 / 3)
    assert score.per_technique[Y].f1 == 0.0
    assert score.macro_f1 == pytest.approx(1 / 3)  # (2/3 + 0)/2


def test_score_tc_no_credit_across_articles() -> None:
    gold = {"a": [(X, 0, 5)], "b": [(Y, 0, 5)]}
    pred = {"a": [(Y, 0, 5)], "b": [(X, 0, 5)]}
    assert score_tc(gold, pred).micro.f1 == 0.0


def test_score_tc_strict_needs_the_gold_spans() -> None:
    gold = {"a": [(X, 0, 5), (Y, 6, 9)]}
    with pytest.raises(ValueError, match="differ"):
        score_tc(gold, {"a": [(X, 0, 5)]})
    with pytest.raises(ValueError, match="differ"):
        score_tc(gold, {})  # no predictions at all
    with pytest.raises(ValueError, match="differ"):  # one duplicate too many
        score_tc(gold, {"a": [(X, 0, 5), (X, 0, 5), (Y, 6, 9)]})


def test_score_tc_lenient() -> None:
    gold = {"a": [(X, 0, 5), (Y, 6, 9)]}
    pred = {"a": [(X, 0, 5), (X, 20, 25)]}
    micro = score_tc(gold, pred, strict=False).micro
    # TP 1; predicted 2 -> P 0.5; gold 2 -> R 0.5
    assert (micro.precision, micro.recall, micro.f1) == (0.5, 0.5, 0.5)
    empty = score_tc(gold, {}, strict=False).micro
    assert (empty.precision, empty.recall, empty.f1, empty.n_gold) == (0.0, 0.0, 0.0, 2)


def test_score_tc_technique_list() -> None:
    gold = {"a": [(X, 0, 5)]}
    score = score_tc(gold, gold, techniques=PTC_TECHNIQUES)
    assert list(score.per_technique) == list(PTC_TECHNIQUES)
    # F1 1 for Doubt, 0 for the 13 classes never seen: macro = 1/14
    assert score.macro_f1 == pytest.approx(1 / 14)
    with pytest.raises(ValueError, match="class list"):
        score_tc(gold, {"a": [("Not_A_Technique", 0, 5)]}, techniques=PTC_TECHNIQUES)


def test_score_tc_empty_and_unknown_article() -> None:
    score = score_tc({"a": []}, {})
    assert (score.f1, score.macro_f1, score.per_technique) == (0.0, 0.0, {})
    with pytest.raises(ValueError, match="not in the gold"):
        score_tc({"a": []}, {"b": [(X, 0, 5)]})


def test_to_dict_is_json_ready() -> None:
    si = score_si({"a": [(0, 10)]}, {"a": [(5, 15)]}).to_dict()
    assert si == {
        "task": "SI",
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
        "n_pred": 1,
        "n_gold": 1,
    }
    tc = score_tc({"a": [(X, 0, 5)]}, {"a": [(X, 0, 5)]}).to_dict()
    assert tc["f1"] == 1.0
    assert tc["per_technique"][X]["n_gold"] == 1


# -- reading and writing ----------------------------------------------------------


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_read_articles_keeps_exact_characters(tmp_path: Path) -> None:
    _write(tmp_path / "article7.txt", "Title\r\n\r\nBody “quoted”.\n")
    _write(tmp_path / "article10.txt", "Ten\n")
    _write(tmp_path / "notes.md", "ignored")
    articles = read_articles(tmp_path)
    assert list(articles) == ["10", "7"]
    assert articles["7"] == "Title\r\n\r\nBody “quoted”.\n"  # no newline translation
    with pytest.raises(FileNotFoundError):
        read_articles(tmp_path / "missing")


def test_read_si_dir_registers_empty_files(tmp_path: Path) -> None:
    _write(tmp_path / "si" / "article1.task1-SI.labels", "1\t0\t5\n1\t7\t9\n\n")
    _write(tmp_path / "si" / "article2.task1-SI.labels", "")
    assert read_si(tmp_path / "si") == {"1": [(0, 5), (7, 9)], "2": []}
    # a single predictions file, CRLF line ends tolerated
    pred = _write(tmp_path / "pred.txt", "2\t3\t4\r\n1\t0\t1\r\n")
    assert read_si(pred) == {"2": [(3, 4)], "1": [(0, 1)]}


def test_read_tc_and_template(tmp_path: Path) -> None:
    gold = _write(tmp_path / "article1.task2-TC.labels", f"1\t{X}\t0\t5\n1\t{Y}\t0\t5\n")
    assert read_tc(gold) == {"1": [(X, 0, 5), (Y, 0, 5)]}
    template = _write(tmp_path / "template.tsv", "1\t?\t0\t5\n1\t?\t0\t5\n3\t?\t2\t4\n")
    assert read_template(template) == [("1", 0, 5), ("1", 0, 5), ("3", 2, 4)]
    assert read_template(gold) == [("1", 0, 5), ("1", 0, 5)]  # gold doubles as template
    assert si_from_tc(read_tc(gold)) == {"1": [(0, 5), (0, 5)]}


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("1\t0\n", "expected 3"),
        ("1\t0\t5\tx\n", "expected 3"),
        ("1\tzero\t5\n", "integers"),
        ("1\t5\t5\n", "empty"),
        ("1\t-1\t5\n", "empty or negative"),
    ],
)
def test_read_si_errors_name_file_and_line(tmp_path: Path, content: str, match: str) -> None:
    path = _write(tmp_path / "bad.tsv", "1\t0\t5\n" + content)
    with pytest.raises(ValueError, match=match) as info:
        read_si(path)
    assert "bad.tsv:2" in str(info.value)


def test_write_si_merges_and_sorts(tmp_path: Path) -> None:
    out = io.StringIO()
    n = write_si(out, {"2": [(8, 9)], "1": [(4, 10), (0, 6), (20, 22)]})
    assert n == 3
    assert out.getvalue() == "1\t0\t10\n1\t20\t22\n2\t8\t9\n"
    path = tmp_path / "sub" / "pred.tsv"
    write_si(path, {"1": [(0, 6), (4, 10)]})
    assert read_si(path) == {"1": [(0, 10)]}
    # the written file passes the official (strict) scorer
    assert score_si({"1": [(0, 10)]}, read_si(path)).f1 == 1.0


def test_write_tc_and_fill_template(tmp_path: Path) -> None:
    template = [("1", 0, 5), ("1", 0, 5), ("3", 2, 4)]
    rows = fill_template(template, [X, Y, Z])
    path = tmp_path / "pred.tsv"
    assert write_tc(path, rows) == 3
    assert path.read_text("utf-8") == f"1\t{X}\t0\t5\n1\t{Y}\t0\t5\n3\t{Z}\t2\t4\n"
    assert read_tc(path) == {"1": [(X, 0, 5), (Y, 0, 5)], "3": [(Z, 2, 4)]}
    with pytest.raises(ValueError, match="2 labels for 3"):
        fill_template(template, [X, Y])
    with pytest.raises(ValueError, match="tab"):
        write_tc(io.StringIO(), [("1", "bad\tname", 0, 5)])


def test_load_ptc_layout(tmp_path: Path) -> None:
    _write(tmp_path / "articles" / "article1.txt", "Hello world.\n")
    _write(tmp_path / "articles" / "article2.txt", "Nothing here.\n")
    _write(tmp_path / "labels-si" / "article1.task1-SI.labels", "1\t0\t5\n")
    _write(tmp_path / "labels-tc" / "article1.task2-TC.labels", f"1\t{X}\t0\t5\n")
    _write(tmp_path / "techniques.txt", f"{X}\n{Y}\n\n")
    ptc = load_ptc(tmp_path)
    assert ptc.ids == ["1", "2"]
    assert ptc.si == {"1": [(0, 5)], "2": []}
    assert ptc.tc == {"1": [(X, 0, 5)], "2": []}
    assert read_techniques(tmp_path / "techniques.txt") == [X, Y]
    _write(tmp_path / "labels-tc" / "article3.task2-TC.labels", f"3\t{X}\t0\t5\n")
    with pytest.raises(ValueError, match=r"no article3\.txt"):
        load_ptc(tmp_path)


def test_load_ptc_span_past_text(tmp_path: Path) -> None:
    _write(tmp_path / "articles" / "article1.txt", "short")
    _write(tmp_path / "labels-si" / "article1.task1-SI.labels", "1\t0\t50\n")
    with pytest.raises(ValueError, match="past its text"):
        load_ptc(tmp_path)


# -- folds ------------------------------------------------------------------------


def test_folds_pinned() -> None:
    # The split shared with the neural model: sorted ids, Random(seed).shuffle, round-robin.
    # Pinned so that neither side can change it silently.
    assert folds(list("jihgfedcba"), k=3, seed=13) == [
        ["d", "i", "f", "e"],
        ["a", "g", "c"],
        ["h", "b", "j"],
    ]
    order = sorted(str(i) for i in range(7))
    random.Random(0).shuffle(order)
    assert folds([str(i) for i in range(7)], k=2, seed=0) == [order[0::2], order[1::2]]


def test_folds_partition() -> None:
    ids = [f"{i:04d}" for i in range(23)]
    parts = folds(reversed(ids), k=5)
    assert sorted(a for p in parts for a in p) == ids
    assert [len(p) for p in parts] == [5, 5, 5, 4, 4]
    assert folds(ids) == parts == folds(ids + ids[:3])  # input order and repeats ignored
    splits = list(fold_splits(ids))
    assert len(splits) == 5
    for (train, test), part in zip(splits, parts, strict=True):
        assert test == sorted(part)
        assert not set(train) & set(test)
        assert sorted(train + test) == ids


@pytest.mark.parametrize("k", [0, 1, 4])
def test_folds_bad_k(k: int) -> None:
    with pytest.raises(ValueError, match="k >= 2"):
        folds(["a", "b", "c"], k=k)


# -- on the shared corpus (counts and self-scores only) -----------------------------


@pytest.mark.data
def test_ptc_corpus(shared_data: Path) -> None:
    ptc = load_ptc(shared_data / "ptc")
    assert len(ptc.articles) == 371
    assert read_techniques(shared_data / "ptc" / "techniques.txt") == list(PTC_TECHNIQUES)
    techniques = {t for rows in ptc.tc.values() for t, _, _ in rows}
    assert techniques == set(PTC_TECHNIQUES)
    assert score_tc(ptc.tc, ptc.tc, techniques=PTC_TECHNIQUES).f1 == 1.0
    merged = {aid: merge_spans(spans) for aid, spans in ptc.si.items()}
    assert score_si(ptc.si, merged).f1 == 1.0
    # the SI gold is the TC gold without labels
    assert score_si(ptc.si, si_from_tc(ptc.tc), merge_pred=True).f1 == pytest.approx(1.0)
    assert [len(p) for p in folds(ptc.ids)] == [75, 74, 74, 74, 74]
    assert len(read_articles(shared_data / "ptc" / "unlabeled")) == 165


def test_formats_and_scorer_stay_light() -> None:
    # Runtime code may import these; neither may pull in scikit-learn or torch.
    import subprocess
    import sys

    code = (
        "import sys, spinscope.techniques.semeval, spinscope.techniques.semeval_cli, "
        "spinscope.techniques.baseline; "
        "print([m for m in ('sklearn', 'scipy', 'torch') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- against a literal transcription of the official SI algorithm --------------------


def _official_si(
    gold: dict[str, list[tuple[int, int]]], pred: dict[str, list[tuple[int, int]]]
) -> tuple[float, float]:
    """task-SI_scorer.py, transcribed: spans as sets of positions, gold merged by
    repeated union of intersecting sets, then Σ|s∩t|/|s| and Σ|s∩t|/|t| per article."""

    def merge(sets: list[set[int]]) -> list[set[int]]:
        sets = [set(s) for s in sets]
        changed = True
        while changed:
            changed = False
            for i in range(len(sets)):
                for j in range(len(sets)):
                    if i != j and sets[i] & sets[j]:
                        sets[j] = sets[j] | sets[i]
                        del sets[i]
                        changed = True
                        break
                if changed:
                    break
        return sets

    g = {a: merge([set(range(s, e)) for s, e in v]) for a, v in gold.items()}
    p = {a: [set(range(s, e)) for s, e in v] for a, v in pred.items()}
    n_s = sum(len(v) for v in p.values())
    n_t = sum(len(v) for v in g.values())
    p_num = sum(len(s & t) / len(s) for a in p for s in p[a] for t in g.get(a, []))
    r_num = sum(len(s & t) / len(t) for a in p for s in p[a] for t in g.get(a, []))
    return (p_num / n_s if n_s else 0.0), (r_num / n_t if n_t else 0.0)


_span = st.tuples(st.integers(0, 40), st.integers(1, 12)).map(lambda t: (t[0], t[0] + t[1]))
_articles = st.dictionaries(st.sampled_from(["a", "b", "c"]), st.lists(_span, max_size=5))


@settings(max_examples=300, deadline=None)
@given(gold=_articles, pred=_articles)
def test_score_si_matches_the_official_algorithm(
    gold: dict[str, list[tuple[int, int]]], pred: dict[str, list[tuple[int, int]]]
) -> None:
    gold = {**{a: [] for a in pred}, **gold}  # predictions only for gold articles
    disjoint = {a: merge_spans(v) for a, v in pred.items()}  # what write_si produces
    p, r = _official_si(gold, disjoint)
    score = score_si(gold, disjoint)
    assert score.precision == pytest.approx(p)
    assert score.recall == pytest.approx(r)
    # merge_pred=True is the official -m flag: merge first, then the same computation
    merged = score_si(gold, pred, merge_pred=True)
    assert (merged.precision, merged.recall) == (score.precision, score.recall)
