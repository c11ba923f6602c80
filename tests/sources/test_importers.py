from __future__ import annotations

from pathlib import Path

import pytest

from spinscope.factchecks.model import ImportFileError, Rejection
from spinscope.sources.importers import IMPORTERS, get_importer
from spinscope.sources.model import RatingRecord


def _read(fmt: str, path: Path, **options: str) -> tuple[list[RatingRecord], list[Rejection]]:
    items = list(get_importer(fmt, options).read(path))
    return (
        [i for i in items if isinstance(i, RatingRecord)],
        [i for i in items if isinstance(i, Rejection)],
    )


def test_mbfc_rows_and_rejections(lists: Path) -> None:
    records, rejections = _read("mbfc", lists / "mbfc.csv")
    rt, ap, infowars, rt_again = records
    assert (rt.site.host, rt.bias, rt.factual, rt.credibility) == (
        "rt.com",
        "right-center",
        "very-low",
        "low",
    )
    assert rt.extra["country"] == "russia" and rt.extra["nela_gt_label"] == "unreliable"
    assert (ap.site.host, ap.bias, ap.factual) == ("apnews.com", "center", "very-high")
    assert ap.extra["bias_raw"] == "least biased"
    assert (infowars.bias, infowars.labels) == ("right", ("conspiracy", "pseudoscience"))
    # a duplicate site is the writer's business (it knows the source): read as is
    assert rt_again.site == rt.site and rt_again.line == 6
    assert [(r.line, r.reason) for r in rejections] == [
        (5, "not a domain or URL: 'not a domain'"),
        (7, "no rating for 'emptyrating.com'"),
        (8, "3 columns, the header has 9"),
    ]


def test_baly_rates_whole_sites_under_the_folder_name(lists: Path) -> None:
    path = lists / "emnlp18" / "corpus.tsv"
    records, rejections = _read("baly", path)
    assert not rejections
    assert [(r.site.key, r.factual, r.bias) for r in records] == [
        ("rt.com", "low", "right-center"),
        ("who.int", "high", "center"),
    ]
    assert get_importer("baly").source_for(path) == "baly:emnlp18"


@pytest.mark.parametrize("name", ["sources.csv", "sources.json"])
def test_opensources_csv_and_json(lists: Path, name: str) -> None:
    records, rejections = _read("opensources", lists / name)
    by_key = {r.site.key: r for r in records}
    assert by_key["rt.com"].labels == ("state",)
    humor = by_key["newyorker.com/humor"]
    assert humor.labels == ("satire",) and humor.extra == {"notes": "humor section only"}
    if name == "sources.csv":
        assert [r.reason for r in rejections] == ["not a domain or URL: '82.221.129.208'"]
    else:
        assert [r.line for r in records] == [2, 8]


def test_generic_csv_with_mapped_columns(lists: Path) -> None:
    records, _ = _read("csv", lists / "newsguard.csv", credibility="reliability_score")
    assert [(r.site.host, r.credibility, r.extra) for r in records] == [
        ("abcnews.go.com", "95", {"reliability_label": "1.0", "credibility_raw": "95.0"}),
        ("rt.com", "32.5", {"reliability_label": "0.0"}),
    ]
    assert get_importer("csv").source_for(lists / "newsguard.csv") == "csv:newsguard"


def test_bad_encoding_stops_the_file_at_its_line(lists: Path) -> None:
    reader = get_importer("mbfc").read(lists / "latin1.csv")
    first = next(reader)
    assert isinstance(first, RatingRecord) and first.site.host == "rt.com"
    with pytest.raises(ImportFileError, match=r"latin1.csv:3: not UTF-8 \(byte 0xe9\)"):
        next(reader)


@pytest.mark.parametrize(
    ("fmt", "content", "message"),
    [
        ("mbfc", "", "empty file"),
        (
            "mbfc",
            "domain,bias\nrt.com,left\n",
            "not this format: no column source, factual_reporting",
        ),
        ("baly", "a\tb\n", "not this format"),
        ("csv", "bias,factual\nleft,high\n", "no domain column"),
        ("opensources", "type\n", None),
    ],
)
def test_files_of_another_format_are_clear_errors(
    tmp_path: Path, fmt: str, content: str, message: str | None
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(content, "utf-8")
    if message is None:
        assert list(get_importer(fmt).read(path)) == []
        return
    with pytest.raises(ImportFileError, match=message):
        list(get_importer(fmt).read(path))


def test_malformed_json_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "sources.json"
    path.write_text('{\n  "rt.com": {"type": "state"},\n  oops\n}\n', "utf-8")
    with pytest.raises(ImportFileError, match=r"sources.json:3: malformed JSON"):
        list(get_importer("opensources").read(path))


def test_unknown_format_and_option() -> None:
    assert set(IMPORTERS) == {"mbfc", "baly", "opensources", "csv"}
    with pytest.raises(ValueError, match="unknown format 'nope'"):
        get_importer("nope")
    with pytest.raises(ValueError, match="has no option colour"):
        get_importer("csv", {"colour": "x"})
