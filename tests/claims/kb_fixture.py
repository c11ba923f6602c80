"""A tiny fact-check knowledge base with known matches (EUvsDisinfo's two CSV shapes)."""

from __future__ import annotations

import csv
from pathlib import Path

from spinscope.factchecks import import_files
from spinscope.factchecks.importers import get_importer
from spinscope.store import Store

CASES_HEADER = [
    "issue", "date", "outlet", "language", "origin", "reported by", "keywords", "source",
    "title", "summary", "disproof",
]  # fmt: skip
CASES = [
    (
        "White Helmets stage chemical attacks in Syria",
        "The White Helmets stage chemical attacks in Syria to blame the government.",
        "No evidence supports this: the OPCW attributed the attacks to the Syrian air force.",
    ),
    (
        "Vaccines contain <script>alert(1)</script> microchips",
        "Vaccines contain <script>alert(1)</script> tracking microchips for surveillance.",
        "<b>Vaccines</b> contain no microchips.",
    ),
    (
        "NATO prepares to invade Belarus",
        "NATO troops prepare an invasion of Belarus from Poland.",
        "No such preparations exist.",
    ),
]
INDEX = [
    (
        "2018-09-06",
        "https://euvsdisinfo.eu/report/white-helmets-plotting-false-flag/",
        "White Helmets plotting false flag chemical attack in Idlib",
    ),
]

#: An article with two sentences the KB has checked, one it has not, and a footer.
ARTICLE = (
    "Officials claimed that the White Helmets stage chemical attacks in Syria to blame "
    "the government. The weather in the capital was pleasant all through the spring. "
    "A blogger wrote that vaccines contain tracking microchips for surveillance.\n"
    "No comments:\nPost a Comment\n"
)


def write_kb(folder: Path) -> list[Path]:
    """The two CSV files of the tiny knowledge base, in ``folder``."""
    cases, index = folder / "cases-tiny.csv", folder / "index-tiny.csv"
    with cases.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(CASES_HEADER)
        for i, (title, summary, disproof) in enumerate(CASES):
            out.writerow([i, "10/03/17", "TV", "Russian", "", "", "", "", title, summary, disproof])
    with index.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["date", "id", "title", "countries", "keywords", "languages", "outlets"])
        for date, url, title in INDEX:
            out.writerow([date, url, title, "Syria", "White Helmets", "English", "TV"])
    return [cases, index]


def fill(store: Store, folder: Path) -> None:
    summary = import_files(store, write_kb(folder), get_importer("euvsdisinfo"))
    assert summary.stored == len(CASES) + len(INDEX), summary.as_dict()
