"""The speaker dev set holds offsets and ids only, and its scorer's speaker match."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEVSETS = sorted((ROOT / "bench" / "devsets").glob("speakers-fakenewsnet*.jsonl"))


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_speakers", ROOT / "bench" / "speakers.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("devset", DEVSETS, ids=lambda p: p.stem)
def test_speakers_devset_has_no_text(devset: Path) -> None:
    rows = [json.loads(line) for line in devset.read_text("utf-8").splitlines()]
    # a truncated set is caught by its size; the last short articles with quotations left
    # in the corpus give a set of twelve about thirty-five quotations
    assert len(rows) >= 30
    for r in rows:
        assert set(r) <= {"id", "quote", "speaker", "reason"}
        assert r["id"].split("_")[0] in ("BuzzFeed", "PolitiFact")
        s, e = r["quote"]
        assert isinstance(s, int) and isinstance(e, int) and s < e
        if r["speaker"] is None:
            assert r["reason"] in ("unclear", "not-a-quote")
        else:
            assert all(isinstance(x, int) for x in r["speaker"])


def test_speakers_devsets_share_no_article() -> None:
    """Each set's articles are unseen by the others (a fresh set measures generalisation)."""
    ids = [{json.loads(line)["id"] for line in p.read_text("utf-8").splitlines()} for p in DEVSETS]
    assert len(DEVSETS) >= 3
    assert sum(len(s) for s in ids) == len(set().union(*ids))


@pytest.mark.parametrize(
    ("annotated", "speaker", "same"),
    [
        ("Donald Trump", {"name": "Trump"}, True),
        ("Donald Trump", {"name": "Donald Trump"}, True),
        ("Barney Frank", {"name": "Now Barney Frank"}, False),
        ("Joe Arpaio", {"name": "Getty Joe Arpaio"}, False),
        ("Hillary Clinton", {"name": "Bill Clinton"}, False),
        ("a DSCC official", {"name": None, "role": "DSCC official"}, True),
        ("a Democratic senator", {"name": None, "role": "senator"}, True),
        ("Harry Reid", {"name": "Monday"}, False),
        # a description is also matched by its head, before what says which one it is
        ("A lecturer at Northfield College", {"name": None, "role": "lecturer"}, True),
        ("One aide close to the governor who saw the memo", {"role": "aide"}, True),
        ("One aide close to the governor", {"role": "governor"}, False),
        ("A lecturer at Northfield College", {"role": "student"}, False),
        # a participle phrase after the noun says which one it is
        ("a volunteer helping to run the shelter", {"role": "volunteer"}, True),
        ("an official statement released after the vote", {"role": "official statement"}, True),
        ("a volunteer helping to run the shelter", {"role": "shelter"}, False),
        # ... but a participle before the noun is part of the head
        ("a newly elected senator from Ohio", {"role": "senator"}, True),
        ("a newly elected senator from Ohio", {"role": "newly"}, False),
        # a name's words after "of" are no head to cut at
        ("Bank of Ruritania", {"name": "Bank"}, False),
        # a double surname is one name with or without its hyphen
        ("Jo Lane Roe", {"name": "Lane-Roe"}, True),
        ("Jo Lane-Roe", {"name": "Jo Lane Roe"}, True),
        ("Jo Lane Roe", {"name": "Lane"}, False),
        ("Jo Lane-Roe", {"name": "Ann Roe"}, False),
    ],
)
def test_speakers_bench_same_speaker(
    bench: ModuleType, annotated: str, speaker: dict[str, object], same: bool
) -> None:
    assert bench.same_speaker(annotated, speaker) is same


def test_speakers_bench_named_precision(
    bench: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quote left without a speaker counts against accuracy, not against the precision
    of the speakers that are shown."""
    text = (
        "Mayor Ann Lee spoke. “The bridge will reopen in May,” Lee said. Tom Reed stood. "
        "“We want answers now,” he shouted. “Not this year,” an aide replied."
    )
    folder = tmp_path / "BuzzFeed" / "RealNewsContent"
    folder.mkdir(parents=True)
    (folder / "BuzzFeed_Real_1-Webpage.json").write_text(json.dumps({"text": text}), "utf-8")
    quotes = [(text.index(q), text.index("”", text.index(q)) + 1) for q in ("“The", "“We", "“Not")]
    gold = [text.index(n) for n in ("Ann Lee", "Tom Reed", "Ann Lee")]
    rows = [
        {"id": "BuzzFeed_Real_1", "quote": list(q), "speaker": [g, g + 7 + (g == gold[1])]}
        for q, g in zip(quotes, gold, strict=True)
    ]
    devset = tmp_path / "set.jsonl"
    devset.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    system = [
        ([quotes[0]], {"name": "Lee", "role": None}),  # right
        ([quotes[1]], None),  # unresolved: wrong, but no speaker shown
        ([quotes[2]], {"name": None, "role": "an aide"}),  # a wrong speaker shown
    ]
    monkeypatch.setattr(bench, "system_speakers", lambda _text: system)
    res = bench.evaluate(tmp_path, devset)
    assert [o["gold"] for o in res["outcomes"]] == ["Ann Lee", "Tom Reed", "Ann Lee"]
    assert (res["found"], res["right"], res["named"], res["named_right"]) == (3, 1, 2, 1)
    assert (res["speaker_accuracy"], res["named_precision"]) == (0.333, 0.5)
