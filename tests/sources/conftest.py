# ruff: noqa: E501
"""Small rating lists written per test: valid, malformed, duplicate, bad encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

MBFC = """\
source,country,bias,factual_reporting,press_freedom,media_type,popularity,mbfc_credibility_rating,nela_gt_label
www.rt.com,russia,right-center,very low,total oppression,tv station,high traffic,low credibility,unreliable
https://apnews.com/,usa,least biased,very high,mostly free,news agency,high traffic,high credibility,reliable
infowars.com,usa,right conspiracy-pseudoscience,very low,mostly free,website,high traffic,low credibility,unreliable
not a domain,usa,left,high,,,,,
rt.com,russia,left,high,,,,,
emptyrating.com,usa,,,,,,,
too,few,columns
"""

BALY = """\
source_url\tsource_url_normalized\tref\tfact\tbias
http://www.rt.com/\trt.com\thttps://mediabiasfactcheck.com/rt-news/\tlow\tright-center
http://www.who.int/en/\twho.int-en\thttps://mediabiasfactcheck.com/who/\thigh\tcenter
"""

OPENSOURCES_CSV = """\
,type,2nd type,3rd type,Source Notes (things to know?),
rt.com,state,,,,
newyorker.com/humor,satire,,,humor section only,
82.221.129.208,conspiracy,fake,,,
"""

OPENSOURCES_JSON = """\
{
  "rt.com" : {
    "type" : "state",
    "2nd type" : "",
    "3rd type" : "",
    "Source Notes (things to know?)" : ""
  },
  "newyorker.com/humor" : {
    "type" : "satire",
    "2nd type" : "",
    "3rd type" : "",
    "Source Notes (things to know?)" : "humor section only"
  }
}
"""

GENERIC = """\
domain,reliability_label,reliability_score
abcnews.go.com,1.0,95.0
rt.com,0.0,32.5
"""


@pytest.fixture
def lists(tmp_path: Path) -> Path:
    folder = tmp_path / "lists"
    (folder / "emnlp18").mkdir(parents=True)
    (folder / "mbfc.csv").write_text(MBFC, "utf-8")
    (folder / "emnlp18" / "corpus.tsv").write_text(BALY, "utf-8")
    (folder / "sources.csv").write_text(OPENSOURCES_CSV, "utf-8")
    (folder / "sources.json").write_text(OPENSOURCES_JSON, "utf-8")
    (folder / "newsguard.csv").write_text(GENERIC, "utf-8")
    # A valid row, then a Latin-1 byte: the file stops there, the first row stays.
    (folder / "latin1.csv").write_bytes(
        b"source,bias,factual_reporting\nrt.com,right,low\nle-monde.fr,left-center,high \xe9\n"
    )
    return folder
