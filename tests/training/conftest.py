"""A tiny hand-written PTC folder (no research data) for the training tests."""

from __future__ import annotations

from pathlib import Path

import pytest

#: id -> (text, [(technique, start, end)])
ARTICLES: dict[str, tuple[str, list[tuple[str, int, int]]]] = {
    "101": (
        "Evil traitors ruin our great nation.\n\nThey lie. They lie again.\n",
        [("Name_Calling,Labeling", 0, 13), ("Loaded_Language", 5, 13), ("Flag-Waving", 19, 35)],
    ),
    "102": (
        "Experts say the plan works.\n\nEveryone knows it is true.\n",
        [("Appeal_to_Authority", 0, 26), ("Bandwagon,Reductio_ad_hitlerum", 29, 54)],
    ),
    "103": ("The council met on Tuesday.\n", []),
    "104": (
        "Make the harbour great again!\n",
        [("Slogans", 0, 29), ("Slogans", 0, 29), ("Doubt", 9, 16)],
    ),
    "105": ("Is the mayor hiding something?\n", [("Doubt", 0, 30)]),
}
UNLABELED = {"201": "An unlabelled article.\n", "202": "Another one, shorter.\n"}


@pytest.fixture
def ptc_dir(tmp_path: Path) -> Path:
    root = tmp_path / "ptc"
    for sub in ("articles", "labels-tc", "unlabeled"):
        (root / sub).mkdir(parents=True)
    for aid, (text, spans) in ARTICLES.items():
        (root / "articles" / f"article{aid}.txt").write_text(text, "utf-8", newline="")
        lines = "".join(f"{aid}\t{t}\t{s}\t{e}\n" for t, s, e in spans)
        (root / "labels-tc" / f"article{aid}.task2-TC.labels").write_text(lines, "utf-8")
    for aid, text in UNLABELED.items():
        (root / "unlabeled" / f"article{aid}.txt").write_text(text, "utf-8")
    return root
