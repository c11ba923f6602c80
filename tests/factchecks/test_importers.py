"""Each importer on small files written here: valid, malformed and bad input."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from spinscope.factchecks.importers import IMPORTERS, get_importer
from spinscope.factchecks.model import ClaimReview, ImportFileError, Rejection

CLAIM_REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checks.example/moon",
    "claimReviewed": "The Moon is made of cheese.",
    "itemReviewed": {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "A. Blogger"},
        "datePublished": "2024-03-01",
        "appearance": {"@type": "CreativeWork", "url": "https://blog.example/1"},
    },
    "author": {"@type": "Organization", "name": "Checks Example"},
    "datePublished": "2024-03-05T10:00:00Z",
    "inLanguage": {"@type": "Language", "name": "English", "alternateName": "en"},
    "reviewBody": "Samples brought back show rock.",
    "reviewRating": {"@type": "Rating", "alternateName": "Pants on Fire", "ratingValue": 1},
}
SECOND = {
    **CLAIM_REVIEW,
    "url": "https://checks.example/sun",
    "claimReviewed": "The Sun is hot.",
    "reviewRating": {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1},
}

HTML_PAGE = f"""<!doctype html>
<html><head><title>Check</title>
<script type="application/ld+json">{json.dumps({"@type": "WebPage", "name": "x"})}</script>
<script type="application/ld+json">
{json.dumps(CLAIM_REVIEW)}
</script></head><body><p>text</p></body></html>
"""

EUVS_CASES = (
    '"issue","date","outlet","language","origin","reported by","keywords","source",'
    '"title","summary","disproof"\n'
    '82,10/03/17,"TV One","Russian","Ukraine","Team","Military","https://tv.example/1",'
    '"Blasts were staged","The blasts were staged by soldiers.","No evidence; see report."\n'
    '82,10/03/17,"TV One","Russian","Ukraine","Team","Military"\n'
    '82,10/04/17,"Paper","Russian","Ukraine","Team","Military","https://p.example/2",'
    '"Another ""quoted"" claim","Multi\nline summary","Debunk"\n'
)
EUVS_INDEX = (
    "date,id,title,countries,keywords,languages,outlets\n"
    "2021-02-18,https://euvsdisinfo.example/report/a/,A claim,Russia+Germany,X+Y,Russian,TASS\n"
    "2021-02-19,,No id here,Russia,X,Russian,TASS\n"
)
CT20 = (
    "\tvclaim\ttitle\n"
    "0\tA claim about taxes.\tDid taxes rise?\n"
    '1\t"A ""law"" was passed."\tWas the law passed?\n'
    "2\tonly two columns\n"
)
SNOPES = """[
    {
        "url": "https://snopes.example/a",
        "evaluation": "mostly-false",
        "title": "Did a "thing" happen?",
        "subtitle": "",
        "author": "Writer",
        "statement": "The so-called "thing" happened in 2020.",
        "post_author": "",
        "date_posted": "10 October 2020"
    },
    {
        "url": "https://snopes.example/b",
        this line is broken
        "statement": "Something else."
    },
    {
        "url": "https://snopes.example/c",
        "evaluation": "mostly-false",
        "title": "Title only",
        "statement": "",
        "date_posted": ""
    }
]"""
LIAR_ROW = (
    '2635.json\tfalse\tSays the group supports "abortion" on demand.\tabortion\tdwayne-bohac'
    "\tState representative\tTexas\trepublican\t0\t1\t0\t0\t0\ta mailer\n"
)
LIAR = (
    LIAR_ROW
    + LIAR_ROW.replace("2635.json\tfalse", "10540.json\tbarely-true")
    + "3.json\tfalse\ttoo few columns\n"
    + LIAR_ROW.replace("2635.json\tfalse", "4.json\tsort-of")
)
USER_CSV = (
    "Claim;Verdict;Link;When\n"
    "Vaccines contain chips;False;https://u.example/1;2021-05-01\n"
    "Water is wet;Correct;https://u.example/2;not a date\n"
    ";True;https://u.example/3;2021-05-01\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def _read(
    fmt: str, path: Path, options: dict[str, str] | None = None
) -> tuple[list[ClaimReview], list[Rejection]]:
    items = list(get_importer(fmt, options).read(path))
    records = [i for i in items if isinstance(i, ClaimReview)]
    rejections = [i for i in items if isinstance(i, Rejection)]
    return records, rejections


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("one.json", json.dumps(CLAIM_REVIEW)),
        ("array.json", json.dumps([CLAIM_REVIEW, SECOND])),
        ("graph.jsonld", json.dumps({"@context": "https://schema.org", "@graph": [CLAIM_REVIEW]})),
        (
            "feed.json",
            json.dumps(
                {
                    "@type": "DataFeed",
                    "dataFeedElement": [
                        {"@type": "DataFeedItem", "item": [CLAIM_REVIEW]},
                        {"@type": "DataFeedItem", "item": SECOND},
                    ],
                }
            ),
        ),
        ("page.html", HTML_PAGE),
        ("lines.jsonl", json.dumps(CLAIM_REVIEW) + "\n" + json.dumps(SECOND) + "\n"),
    ],
)
def test_claimreview_shapes(tmp_path: Path, name: str, text: str) -> None:
    records, rejections = _read("claimreview", _write(tmp_path, name, text))
    assert not rejections
    moon = records[0]
    assert moon.claim_text == "The Moon is made of cheese."
    assert (moon.verdict, moon.rating_text) == ("false", "Pants on Fire")
    assert moon.claimant == "A. Blogger"
    assert (moon.claim_date, moon.review_date) == ("2024-03-01", "2024-03-05")
    assert moon.publisher == "Checks Example"
    assert moon.review_url == "https://checks.example/moon"
    assert moon.disproof == "Samples brought back show rock."
    assert moon.language == "en"
    assert moon.extra["appearance"] == "https://blog.example/1"
    if name == "page.html":
        assert moon.line == 4
    for other in records[1:]:
        assert (other.claim_text, other.verdict) == ("The Sun is hot.", "true")


def test_claimreview_rejects_items_without_claim_and_bad_json_lines(tmp_path: Path) -> None:
    no_claim = {**CLAIM_REVIEW, "claimReviewed": "", "itemReviewed": {}}
    text = json.dumps(CLAIM_REVIEW) + "\n{not json\n" + json.dumps(no_claim) + "\n"
    records, rejections = _read("claimreview", _write(tmp_path, "x.jsonl", text))
    assert len(records) == 1
    assert [(r.line, r.reason.split(":")[0]) for r in rejections] == [
        (2, "invalid JSON"),
        (3, "ClaimReview #2"),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"@type": "ClaimReview", ', "invalid JSON"),
        ('{"@type": "WebPage"}', "no ClaimReview object found"),
        ("<html><body>no data</body></html>", "no <script"),
    ],
)
def test_claimreview_file_errors(tmp_path: Path, text: str, reason: str) -> None:
    with pytest.raises(ImportFileError, match=reason):
        _read("claimreview", _write(tmp_path, "bad.json", text))


def test_euvsdisinfo_cases(tmp_path: Path) -> None:
    records, rejections = _read("euvsdisinfo", _write(tmp_path, "cases.csv", EUVS_CASES))
    assert [r.line for r in records] == [2, 4]
    first = records[0]
    assert first.claim_text == "The blasts were staged by soldiers."
    assert first.review_title == "Blasts were staged"
    assert first.disproof == "No evidence; see report."
    assert (first.claimant, first.claim_date, first.verdict) == ("TV One", "2017-10-03", "false")
    assert records[1].review_title == 'Another "quoted" claim'
    assert records[1].claim_text == "Multi\nline summary"
    assert [(r.line, r.reason) for r in rejections] == [(3, "7 columns, the header has 11")]


def test_euvsdisinfo_index(tmp_path: Path) -> None:
    records, rejections = _read("euvsdisinfo", _write(tmp_path, "index.csv", EUVS_INDEX))
    (only,) = records
    assert only.source_key == only.review_url == "https://euvsdisinfo.example/report/a/"
    assert only.extra["countries"] == ["Russia", "Germany"]
    assert [(r.line, r.reason) for r in rejections] == [(3, "no id (case URL)")]


def test_ct20(tmp_path: Path) -> None:
    records, rejections = _read("ct20", _write(tmp_path, "verified_claims.docs.tsv", CT20))
    assert [(r.source_key, r.claim_text) for r in records] == [
        ("0", "A claim about taxes."),
        ("1", 'A "law" was passed.'),
    ]
    assert records[0].review_title == "Did taxes rise?"
    assert [(r.line, r.reason) for r in rejections] == [(4, "2 columns, expected 3")]


def test_snopes_reads_unescaped_quotes_and_takes_the_verdict_from_the_file(
    tmp_path: Path,
) -> None:
    records, rejections = _read("snopes", _write(tmp_path, "mostly-false-stories.json", SNOPES))
    assert [r.claim_text for r in records] == [
        'The so-called "thing" happened in 2020.',
        "Title only",
    ]
    assert records[0].review_title == 'Did a "thing" happen?'
    assert {r.verdict for r in records} == {"mostly-false"}
    assert records[0].review_date == "2020-10-10"
    (rejected,) = rejections
    assert rejected.line == 12
    assert "unreadable line 14" in rejected.reason


@pytest.mark.parametrize(
    ("file_name", "verdict"),
    [("mixture-stories.json", "mixed"), ("scam-stories.json", "false"), ("x.json", "other")],
)
def test_snopes_verdicts_from_file_names(tmp_path: Path, file_name: str, verdict: str) -> None:
    text = '[\n    {\n        "url": "https://s.example/x",\n        "title": "T"\n    }\n]\n'
    records, _ = _read("snopes", _write(tmp_path, file_name, text))
    assert records[0].verdict == verdict


def test_liar(tmp_path: Path) -> None:
    records, rejections = _read("liar", _write(tmp_path, "train.tsv", LIAR))
    assert [(r.source_key, r.verdict, r.rating_text) for r in records] == [
        ("2635", "false", "false"),
        ("10540", "mostly-false", "barely-true"),
    ]
    # quoting off: the quotes are part of the statement
    assert records[0].claim_text == 'Says the group supports "abortion" on demand.'
    assert records[0].claimant == "dwayne-bohac"
    assert records[0].extra["party"] == "republican"
    assert [(r.line, r.reason) for r in rejections] == [
        (3, "3 columns, expected 14"),
        (4, "unknown label 'sort-of'"),
    ]


@pytest.mark.parametrize(
    ("statement", "topic"),
    [
        ("On abortion", True),
        ("On the Iran nuclear deal.", True),
        ("Onthe Iran nuclear deal", True),
        ("Ontario raised its minimum wage", False),
        ("On support for gay marriage.", True),
        ("On running for the presidency in 2012", True),
        # a statement that says something is a claim
        ("On Tuesday, Obama said taxes rose.", False),
        ("On abortion he has voted both ways", False),
        ("Says the group supports abortion on demand.", False),
        ("On the campaign trail, nobody will stop the wall being built, ever, believe me.", False),
    ],
)
def test_liar_flip_o_meter_topics_are_rejected_with_their_line(
    tmp_path: Path, statement: str, topic: bool
) -> None:
    row = LIAR_ROW.replace('Says the group supports "abortion" on demand.', statement)
    records, rejections = _read("liar", _write(tmp_path, "train.tsv", LIAR_ROW + row))
    assert len(records) == (1 if topic else 2)
    if topic:
        (rejected,) = rejections
        assert rejected.line == 2 and "Flip-O-Meter topic" in rejected.reason
        assert repr(statement) in rejected.reason


def test_csv_with_mapped_columns(tmp_path: Path) -> None:
    options = {
        "claim": "Claim",
        "rating": "Verdict",
        "review_url": "Link",
        "review_date": "When",
        "delimiter": ";",
    }
    records, rejections = _read("csv", _write(tmp_path, "mine.csv", USER_CSV), options)
    assert [(r.claim_text, r.verdict, r.review_date) for r in records] == [
        ("Vaccines contain chips", "false", "2021-05-01"),
        ("Water is wet", "true", None),
    ]
    assert [(r.line, r.reason) for r in rejections] == [(4, "empty claim")]


def test_csv_needs_a_claim_column(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no column 'Text'"):
        _read("csv", _write(tmp_path, "mine.csv", "a,b\n1,2\n"), {"claim": "Text"})
    with pytest.raises(ImportFileError, match="no claim column"):
        _read("csv", _write(tmp_path, "mine.csv", "a,b\n1,2\n"))


def test_unknown_format_and_option() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        get_importer("xml")
    with pytest.raises(ValueError, match="no option colour"):
        get_importer("liar", {"colour": "red"})


#: Two valid first lines per format, so that a bad third line is reached.
VALID_START = {
    "claimreview": b'{"@type": "ClaimReview", "claimReviewed": "a"}\n'
    b'{"@type": "ClaimReview", "claimReviewed": "b"}\n',
    "csv": b"claim,rating\nA claim,False\n",
    "ct20": b"\tvclaim\ttitle\n1\tA claim\tA title\n",
    "euvsdisinfo": b"date,id,title\n2021-01-01,https://e.example/1,A claim\n",
    "liar": LIAR_ROW.encode(),
    "snopes": b"[\n    {\n",
}
VALID_START["liar"] += VALID_START["liar"].replace(b"2635", b"2636")


@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
@pytest.mark.parametrize(
    ("content", "reason", "line"),
    [
        (None, "no such file", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", None),
        (b"\xff\xfe Windows-1252 \x93quotes\x94\n", "not UTF-8 \\(byte 0xff\\)", 3),
    ],
    ids=["missing", "binary", "latin1"],
)
def test_bad_files_name_the_file_and_line(
    tmp_path: Path, fmt: str, content: bytes | None, reason: str, line: int | None
) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content if line is None else VALID_START[fmt] + content)
    with pytest.raises(ImportFileError, match=reason) as caught:
        list(get_importer(fmt).read(path))
    assert caught.value.path == str(path)
    assert caught.value.line == line


def test_a_field_over_the_parser_limit_is_an_error_with_its_line(tmp_path: Path) -> None:
    big = "x" * (1 << 21)
    path = _write(tmp_path, "c.tsv", f'\tvclaim\ttitle\n1\ta\tb\n2\t"{big}\n')
    with pytest.raises(ImportFileError, match="field larger than field limit") as caught:
        list(get_importer("ct20").read(path))
    assert caught.value.line == 3
    assert csv.field_size_limit() == 131072  # the process-wide limit is restored
