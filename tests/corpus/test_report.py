"""The "also published by" report section: golden reports of a stored document in a
republication cluster, and a malformed record shown without failing.

Regenerate the goldens after an intended change with
``SPINSCOPE_UPDATE_GOLDEN=1 pytest tests/corpus/test_report.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from spinscope import Document
from spinscope.corpus.report import republished_view
from spinscope.document import Meta
from spinscope.reports import render_html, render_json, render_text

GOLDEN = Path(__file__).parents[1] / "reports" / "golden"
UPDATE = os.environ.get("SPINSCOPE_UPDATE_GOLDEN") == "1"

TEXT = (
    "The finance minister said on Monday that the new budget would cut income taxes. "
    "Critics called the plan a cynical ploy to win votes before the autumn election."
)

RECORD: dict[str, Any] = {
    "outlets": ["first.com", "third.net"],
    "first_seen": {"id": "a" * 32, "domain": "first.com", "date": "2024-01-02", "url": None},
    "others": ["a" * 32, "c" * 32],
    "size": 3,
    "text": "also published by first.com, third.net (first seen: first.com, 2024-01-02)",
    "elsewhere": [
        {
            "id": "a" * 32,
            "domain": "first.com",
            "date": "2024-01-02",
            "url": "https://first.com/budget",
            "similarity": None,
            "first_seen": True,
            "added": [],
            "removed": [],
            "changed": [
                {
                    "this": "The finance minister said on Monday that the new budget would "
                    "cut income taxes.",
                    "other": "The finance minister said on Tuesday that the new budget would "
                    "cut income taxes.",
                }
            ],
        },
        {
            "id": "c" * 32,
            "domain": "third.net",
            "date": None,
            "url": "javascript:alert(1)",
            "similarity": 0.812,
            "first_seen": False,
            "added": [
                "Subscribe to our newsletter.",
                "Share this story.",
                "More <b>news</b>.",
                "Ads.",
            ],
            "removed": [],
            "changed": [],
        },
    ],
}


def republished(record: Any = RECORD) -> Document:
    meta = Meta(
        url="https://copy.org/budget", published="2024-01-05", extra={"republished": record}
    )
    return Document(TEXT, id="copy", meta=meta)


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert actual == path.read_text("utf-8"), f"{name} changed; SPINSCOPE_UPDATE_GOLDEN=1"


def test_republished_text_report_golden() -> None:
    check_golden("republished-report.txt", render_text(republished(), width=100))


def test_republished_html_report_golden() -> None:
    page = render_html(republished())
    check_golden("republished-report.html", page)
    assert 'href="javascript:' not in page
    assert "More &lt;b&gt;news&lt;/b&gt;." in page


def test_the_json_profile_repeats_the_record() -> None:
    profile = json.loads(render_json(republished()))["profiles"]["republished"]
    assert profile["outlets"] == ["first.com", "third.net"]
    assert profile["first_seen"]["url"] == "https://first.com/budget"


@pytest.mark.parametrize(
    "record",
    [
        {"elsewhere": [None, {"id": 3}, {"domain": "x.com"}, {"id": "k", "changed": ["x"]}]},
        {"elsewhere": "nope"},
        "also published by someone",
    ],
)
def test_a_malformed_record_is_shown_as_far_as_it_goes(record: Any) -> None:
    doc = republished(record)
    view = republished_view(doc)
    assert all(p.id == "k" for p in view.elsewhere)
    shown = "Also published by" in render_text(doc, width=100)
    assert shown == (isinstance(record, dict) and isinstance(record["elsewhere"], list))
