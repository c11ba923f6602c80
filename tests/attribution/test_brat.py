"""brat standoff reader/writer and the PolNeAR-style scorer, on hand-written fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.attribution.brat import (
    BratAttribution,
    Score,
    find_gold_files,
    match_attributions,
    read_ann,
    score_agreement,
    score_corpus,
    score_pairs,
    write_ann,
)
from spinscope.errors import InputError

TEXT = "Mayor Ann Lee said the bridge will reopen. “It is safe,” she added."
#       0         1         2         3         4         5         6
SRC, CUE, CONTENT = (0, 13), (14, 18), (19, 41)
ANN = (
    "T1\tSource 0 13\tMayor Ann Lee\n"
    "T2\tCue 14 18\tsaid\n"
    "T3\tContent 19 41\tthe bridge will reopen\n"
    "T4\tAttribution 14 18\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 43 55;56 57\t“It is safe,”\n"
    "a continuation line left by a span text with a newline\n"
    "T6\tCue 62 67\tadded\n"
    "T7\tAttribution-no-source 62 67\tadded\n"
    "E2\tAttribution-no-source:T7 Content:T5 Cue:T6\n"
    "#1\tAnnotatorNotes T1\ta note\n"
    "T8\tDiscuss 0 5\tMayor\n"
)


def _write(tmp_path: Path, name: str, content: str) -> Path:
    p = tmp_path / name
    p.write_text(content, "utf-8")
    return p


def test_brat_read_ann_parses_relations(tmp_path: Path) -> None:
    atts = read_ann(_write(tmp_path, "a.ann", ANN))
    assert len(atts) == 2
    first, second = atts
    assert (first.source, first.cue, first.content) == ((SRC,), (CUE,), (CONTENT,))
    assert second.source == ()
    assert second.content == ((43, 55), (56, 57))


def test_brat_write_then_read_round_trips(tmp_path: Path) -> None:
    atts = [
        BratAttribution(cue=(CUE,), content=(CONTENT,), source=(SRC,)),
        BratAttribution(cue=((62, 67),), content=((43, 55), (56, 57))),
    ]
    out = write_ann(atts, TEXT)
    assert "Attribution-no-source" in out
    assert "\tContent 43 55;56 57\t" in out
    back = read_ann(_write(tmp_path, "b.ann", out))
    assert [(a.source, a.cue, a.content) for a in back] == [
        (a.source, a.cue, a.content) for a in atts
    ]


def test_brat_write_keeps_one_line_per_span() -> None:
    text = "He said\nthat it rained."
    out = write_ann([BratAttribution(cue=((3, 7),), content=((3, 22),))], text)
    assert all(line.split("\t")[0][:1] in "TE" for line in out.splitlines())


@pytest.mark.parametrize(
    ("gold", "pred", "matched"),
    [
        ((19, 41), (19, 41), True),  # exact
        ((19, 41), (23, 41), True),  # 3 of 4 tokens
        ((19, 41), (19, 22), False),  # 1 of 4 tokens: under half of the longer span
        ((19, 41), (0, 42), False),  # 4 of 9 tokens: under half of the longer span
        ((19, 41), (0, 41), True),  # 4 of 8 tokens: exactly half
        ((19, 41), (43, 55), False),  # disjoint
    ],
)
def test_brat_match_needs_half_of_the_longer_span(
    gold: tuple[int, int], pred: tuple[int, int], matched: bool
) -> None:
    g = [BratAttribution(cue=(CUE,), content=(gold,))]
    p = [BratAttribution(cue=(CUE,), content=(pred,))]
    assert bool(match_attributions(g, p, TEXT, overlap="longer")) is matched


@pytest.mark.parametrize(
    ("gold", "pred", "matched"),
    [
        ((19, 41), (23, 41), True),  # 3 of the 4 gold tokens
        ((19, 41), (19, 28), True),  # 2 of 4 gold tokens: exactly half
        ((19, 41), (19, 22), False),  # 1 of 4 gold tokens
        ((19, 41), (0, 42), True),  # the whole gold span inside a longer prediction
        ((19, 41), (43, 55), False),  # disjoint
    ],
)
def test_brat_match_default_needs_half_of_the_gold_span(
    gold: tuple[int, int], pred: tuple[int, int], matched: bool
) -> None:
    # the default rule is the one that reproduces PolNeAR's inter-annotator agreement
    g = [BratAttribution(cue=(CUE,), content=(gold,))]
    p = [BratAttribution(cue=(CUE,), content=(pred,))]
    assert bool(match_attributions(g, p, TEXT)) is matched
    assert bool(match_attributions(g, p, TEXT, overlap="gold")) is matched


def test_brat_default_rule_is_asymmetric() -> None:
    # a short prediction inside a long gold content misses; the reverse matches
    long_, short = (0, 42), (19, 22)
    g = [BratAttribution(cue=(CUE,), content=(long_,))]
    p = [BratAttribution(cue=(CUE,), content=(short,))]
    assert not match_attributions(g, p, TEXT)
    assert match_attributions(p, g, TEXT)


def test_brat_score_counts_source_and_cue_accuracy() -> None:
    gold = [
        BratAttribution(cue=(CUE,), content=(CONTENT,), source=(SRC,)),
        BratAttribution(cue=((62, 67),), content=((43, 57),), source=((58, 61),)),
    ]
    pred = [
        BratAttribution(cue=(CUE,), content=(CONTENT,), source=((6, 13),)),  # "Ann Lee": 2/3
        BratAttribution(cue=((62, 67),), content=((43, 57),)),  # source missed
        BratAttribution(cue=((0, 5),), content=((0, 5),)),  # spurious
    ]
    s = score_pairs(Score(), gold, pred, TEXT)
    assert (s.gold, s.pred, s.matched) == (2, 3, 2)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == 1.0
    assert s.source_accuracy == 0.5
    assert s.cue_accuracy == 1.0


def test_brat_gold_layout_takes_first_annotator(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    _write(gold / "text", "art.txt", TEXT)
    _write(gold / "attributions", "art_beef.ann", ANN)
    _write(gold / "attributions", "art_0a1b.ann", ANN.split("T5")[0])
    files = find_gold_files(gold)
    assert files["art"][1].name == "art_0a1b.ann"
    pred = tmp_path / "pred"
    pred.mkdir()
    _write(pred, "art.ann", ANN)
    s = score_corpus(gold, pred)
    assert (s.gold, s.pred, s.matched) == (1, 2, 1)


def test_brat_agreement_scores_annotators_against_each_other(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    _write(gold / "text", "art.txt", TEXT)
    _write(gold / "text", "solo.txt", TEXT)
    _write(gold / "attributions", "art_beef.ann", ANN)  # two attributions
    _write(gold / "attributions", "art_0a1b.ann", ANN.split("T5")[0])  # the first one only
    _write(gold / "attributions", "solo_0a1b.ann", ANN)  # one annotator: not compared
    s = score_agreement(gold)
    # 0a1b vs beef and beef vs 0a1b, pooled: 3 gold, 3 predicted, 2 matched
    assert (s.articles, s.gold, s.pred, s.matched) == (2, 3, 3, 2)
    assert s.precision == s.recall == pytest.approx(2 / 3)
    assert s.source_accuracy == 1.0


def test_brat_agreement_needs_several_annotators(tmp_path: Path) -> None:
    _write(tmp_path, "art.txt", TEXT)
    _write(tmp_path, "art_0a1b.ann", ANN)
    with pytest.raises(InputError):
        score_agreement(tmp_path)
