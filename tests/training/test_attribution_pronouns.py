"""The pronoun antecedent-ranking experiment: its candidates, features and ranking.

Fixtures are invented text and made-up samples.
"""

from __future__ import annotations

import numpy as np
from training.attribution import pronouns
from training.attribution.pronouns import FEATURES, Sample, candidates, fit, last_speakers, predict

from spinscope.attribution.speakers import Speaker


def _features(**on: float) -> list[float]:
    return [on.get(name, 0.0) for name in FEATURES]


def test_candidates_most_recent_first_with_agreement() -> None:
    text = "Mary Jones spoke. Tom Reed spoke. “Yes,” he said."
    pos = text.index("he said")
    mary = Speaker(0, "Mary Jones", gender="f", mentions=[(0, 10)], attributions=[0])
    tom = Speaker(1, "Tom Reed", gender="m", mentions=[(18, 26)], attributions=[1])
    got = candidates(text, pos, "m", [mary, tom], last_speaker=1)
    assert [sid for sid, _ in got] == [1, 0]
    tom_f = dict(zip(FEATURES, got[0][1], strict=True))
    assert tom_f["agrees"] == 1.0 and tom_f["conflicts"] == 0.0
    assert tom_f["spoke_last"] == 1.0 and tom_f["recency"] == 1.0
    mary_f = dict(zip(FEATURES, got[1][1], strict=True))
    assert mary_f["conflicts"] == 1.0 and mary_f["spoke_last"] == 0.0


def test_candidates_skip_organisations_and_later_mentions() -> None:
    text = "The Acme Corporation said so. “Yes,” he said. Later, Tom Reed spoke."
    pos = text.index("he said")
    acme = Speaker(0, "Acme Corporation", mentions=[(4, 20)], attributions=[0])
    tom = Speaker(1, "Tom Reed", gender="m", mentions=[(53, 61)], attributions=[1])
    assert candidates(text, pos, "m", [acme, tom], last_speaker=0) == []


def test_last_speakers_is_the_speaker_of_the_source_before() -> None:
    sources = [(0, 5), None, (20, 25), (40, 42)]
    assert last_speakers(sources, [3, None, None, 7]) == [None, None, 3, 3]


def _sample(devset: str, rows: list[list[float]], right: int) -> Sample:
    labels = np.zeros(len(rows))
    labels[right] = 1.0
    return Sample(devset, "a", (0, 1), np.array(rows), labels, True, True)


def test_ranking_learns_agreement_and_abstains_when_unsure() -> None:
    agree, conflict = _features(agrees=1.0), _features(conflicts=1.0)
    train = [_sample(f"s{i}", [conflict, agree], 1) for i in range(20)]
    w = fit(train, c=1.0)
    assert w[FEATURES.index("agrees")] > 0 > w[FEATURES.index("conflicts")]
    assert predict(_sample("t", [agree, conflict], 0), w, threshold=0.5) == (True, True)
    # two candidates alike: neither reaches a high threshold, none is named
    assert predict(_sample("t", [agree, agree], 0), w, threshold=0.9) == (False, False)
    nobody = Sample("t", "a", (0, 1), np.zeros((0, len(FEATURES))), np.zeros(0), False, False)
    assert predict(nobody, w, threshold=0.5) == (False, False)


def test_untouched_sets_name_annotated_files() -> None:
    for name in pronouns.UNTOUCHED:
        assert (pronouns.DEVSETS / f"{name}.jsonl").is_file()
