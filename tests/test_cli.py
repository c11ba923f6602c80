"""The ``spinscope`` command line, through typer's CliRunner (no subprocess)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from spinscope import Document
from spinscope.about import __version__
from spinscope.cli import InputFormat, app
from spinscope.config import DEFAULT_CONFIG_TEXT
from spinscope.ingest import FORMATS
from spinscope.registry import Component, register
from spinscope.run import ExitCode

ARTICLE = (
    "Russia warns that the so-called White Helmets are plotting a false flag attack.\n"
    "“We see what is going on,” the ambassador said.\n"
    "No comments:\n"
    "Post a Comment\n"
)
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(runner: CliRunner, *args: str, input: str | bytes | None = None) -> Any:
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def check_offsets(doc: dict[str, Any]) -> None:
    n = len(doc["text"])
    for group in doc["spans"].values():
        for span in group:
            assert 0 <= span["start"] < span["end"] <= n, span


@pytest.mark.parametrize("route", ["argument", "directory", "stdin"])
def test_cli_analyze_input_routes(runner: CliRunner, article: Path, route: str) -> None:
    if route == "argument":
        result = run(runner, "analyze", str(article), "--format", "json")
    elif route == "directory":
        result = run(runner, "analyze", str(article.parent), "--format", "json")
    else:
        result = run(runner, "analyze", "-", "--format", "json", input=ARTICLE.encode())
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["schema"] == "spinscope.document/1"
    assert doc["text"].rstrip("\n") == ARTICLE.rstrip("\n")
    assert {"sentences", "boilerplate"} <= set(doc["spans"])
    check_offsets(doc)


def test_cli_analyze_reads_stdin_without_argument(runner: CliRunner) -> None:
    result = run(runner, "analyze", "-f", "json", input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert "so-called" in json.loads(result.stdout)["text"]


def test_cli_analyze_text_report_is_default(runner: CliRunner, article: Path) -> None:
    result = run(runner, "analyze", str(article))
    assert result.exit_code == 0, result.output
    assert "so-called White Helmets" in result.stdout
    assert "Post a Comment  ⟵ skipped (footer)" in result.stdout
    assert result.stderr == ""


def test_cli_json_omits_tokens_unless_asked(runner: CliRunner, article: Path) -> None:
    plain = json.loads(run(runner, "analyze", str(article), "-f", "json").stdout)
    assert "tokens" not in plain["spans"]
    full = json.loads(run(runner, "analyze", str(article), "-f", "json", "--include-tokens").stdout)
    assert len(full["spans"]["tokens"]) > 10
    check_offsets(full)


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", 3), (b"  \n\t\n", 3), (BINARY, 3)],
    ids=["empty", "whitespace", "binary"],
)
def test_cli_exit_code_for_bad_input(
    runner: CliRunner, tmp_path: Path, content: bytes, code: int
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run(runner, "analyze", str(path))
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"ERROR {path}: ")


def test_cli_exit_code_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = run(runner, "analyze", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "no such file or directory" in result.stderr


def test_cli_exit_code_empty_directory(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run(runner, "analyze", str(tmp_path / "empty"), "-f", "jsonl")
    assert result.exit_code == 3
    assert "no documents" in result.stderr


def test_cli_mixed_directory_goes_on(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "b.txt").write_bytes(BINARY)  # a PNG named .txt
    (corpus / "c.txt").write_text("Another article. It says things.\n", encoding="utf-8")
    result = run(runner, "analyze", str(corpus), "--format", "jsonl", "-q")
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    docs = [r for r in records if r["schema"] == "spinscope.document/1"]
    errors = [r for r in records if r["schema"] == "spinscope.error/1"]
    assert sorted(d["id"] for d in docs) == ["a", "c"]
    assert len(errors) == 1 and errors[0]["source"].endswith("b.txt")
    assert errors[0]["kind"] == "NotTextError"
    for doc in docs:
        check_offsets(doc)
    err_lines = result.stderr.strip().splitlines()
    assert len(err_lines) == 1 and err_lines[0].startswith("ERROR ")
    assert "b.txt" in err_lines[0]


def test_cli_json_several_documents_is_an_array(runner: CliRunner, tmp_path: Path) -> None:
    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_text(f"Article {name}. Text.", encoding="utf-8")
    result = run(
        runner, "analyze", str(tmp_path / "one.txt"), str(tmp_path / "two.txt"), "-f", "json"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["id"] for d in data] == ["one", "two"]
    assert "2 analysed, 0 failed" in result.stderr


@pytest.mark.parametrize(
    ("components", "code"),
    [("sentences.v1,nonexistent.v1", 4), ("sentences.v1", 0)],
)
def test_cli_components_option(
    runner: CliRunner, article: Path, components: str, code: int
) -> None:
    result = run(runner, "analyze", str(article), "--components", components, "-f", "json")
    assert result.exit_code == code, result.output
    if code:
        assert "nonexistent.v1" in result.stderr and "installed components" in result.stderr
    else:
        assert set(json.loads(result.stdout)["spans"]) == {"sentences"}


def test_cli_config_errors_exit_2(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline]\ncomponentz = []\n", encoding="utf-8")
    result = run(runner, "analyze", str(article), "--config", str(bad))
    assert result.exit_code == 2
    assert "componentz" in result.stderr


def test_cli_config_selects_components(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "spinscope.toml"
    cfg.write_text('[pipeline]\ncomponents = ["boilerplate.v1"]\n', encoding="utf-8")
    result = run(runner, "analyze", str(article), "--config", str(cfg), "-f", "json")
    assert result.exit_code == 0, result.output
    assert set(json.loads(result.stdout)["spans"]) == {"boilerplate"}


@pytest.mark.parametrize(
    "args",
    [["--batch-size", "0"], ["--n-process", "0"], ["--format", "pdf"], ["--max-bytes", "0"]],
)
def test_cli_bad_options_exit_2(runner: CliRunner, article: Path, args: list[str]) -> None:
    assert run(runner, "analyze", str(article), *args).exit_code == 2


def test_cli_version(runner: CliRunner) -> None:
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"spinscope {__version__}"


def test_cli_help_lists_exit_codes(runner: CliRunner) -> None:
    result = run(runner, "analyze", "--help")
    assert result.exit_code == 0
    assert "Exit codes" in result.stdout
    codes = re.findall(r"^\s*([0-4])  \w", result.stdout, re.M)
    assert codes == ["0", "1", "2", "3", "4"]


def test_cli_components_json(runner: CliRunner) -> None:
    result = run(runner, "components", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    by_name = {r["name"]: r for r in rows}
    assert by_name["sentences.v1"]["assigns"] == ["sentences", "tokens"]
    assert by_name["boilerplate.v1"]["default"] is True
    for row in rows:
        assert set(row) >= {"name", "assigns", "requires", "description", "model"}


def test_cli_components_table(runner: CliRunner) -> None:
    result = run(runner, "components")
    assert result.exit_code == 0
    assert "sentences.v1" in result.stdout


def test_cli_html_to_file_refuses_overwrite(
    runner: CliRunner, article: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    first = run(runner, "analyze", str(article), "-o", str(out))  # format from suffix
    assert first.exit_code == 0, first.output
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "skipped" in page
    again = run(runner, "analyze", str(article), "-o", str(out))
    assert again.exit_code == 2 and "--force" in again.stderr
    forced = run(runner, "analyze", str(article), "-o", str(out), "--force")
    assert forced.exit_code == 0


def test_cli_html_several_documents_one_file_each(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(f"Article {name}. It is short.", encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "reports"
    result = run(runner, "analyze", str(corpus), "-f", "html", "-o", str(out))
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.html", "b.html", "c.html", "index.html"]
    assert "wrote 3 HTML reports and" in result.stderr
    index = (out / "index.html").read_text("utf-8")
    for name in ("a", "b", "c"):
        assert f'<a href="{name}.html">{name}</a>' in index
    assert "Failed (1)" in index and "empty.txt" in index
    again = run(runner, "analyze", str(corpus), "-f", "html", "-o", str(out))
    assert again.exit_code == 2 and "not empty" in again.stderr
    assert (
        run(runner, "analyze", str(corpus), "-f", "html", "-o", str(out), "--force").exit_code == 1
    )


def test_cli_html_several_documents_need_a_directory(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("One. Two.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Three. Four.", encoding="utf-8")
    result = run(runner, "analyze", str(tmp_path), "-f", "html")
    assert result.exit_code == 2
    assert "-o DIR" in result.stderr


def test_cli_jsonl_to_file(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run(runner, "analyze", str(article), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    lines = out.read_text("utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "article"


def test_cli_white_helmets_footer_is_boilerplate(
    runner: CliRunner, white_helmets_path: Path
) -> None:
    result = run(runner, "analyze", str(white_helmets_path), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    check_offsets(doc)
    text = doc["text"]
    start = text.index("No comments:")
    end = text.index("Post a Comment") + len("Post a Comment")
    spans = doc["spans"]["boilerplate"]
    assert any(s["start"] <= start and end <= s["end"] for s in spans), spans
    # ...and nothing of the article body: the last sentence ends before the footer.
    assert all(s["start"] >= text.index("which oversaw the destruction") for s in spans)


DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_cli_user_guide_matches_code() -> None:
    guide = (DOCS / "user-guide.md").read_text("utf-8")
    assert DEFAULT_CONFIG_TEXT.strip() in guide, "paste default_config.toml into the guide"
    table = re.findall(r"^\| ([0-9]) \| ", guide, re.M)
    assert table == [str(int(code)) for code in ExitCode]
    for option in (
        "--format",
        "--output",
        "--components",
        "--config",
        "--max-bytes",
        "--text-key",
        "--id-key",
        "--input-format",
        "--n-process",
        "--batch-size",
        "--force",
        "--include-tokens",
    ):
        assert option in guide, option


@pytest.mark.parametrize(
    ("name", "content", "args", "ids"),
    [
        (
            "corpus.jsonl",
            '{"body": "First article. It lies.", "url": "u1", "lang": "en"}\n'
            '{"body": "Second article. It also lies.", "url": "u2"}\n',
            ["--text-key", "body", "--id-key", "url"],
            ["u1", "u2"],
        ),
        (
            "corpus.csv",
            'id,text\n7,"An article, with a comma."\n8,Another one.\n',
            [],
            ["7", "8"],
        ),
        (
            "page.html",
            "<html><head><title>T</title></head><body><article><h1>Headline here</h1>"
            "<p>The so-called experts lied again and again, said the minister on Tuesday "
            "in a long statement to the press.</p></article></body></html>",
            [],
            ["page"],
        ),
    ],
    ids=["jsonl", "csv", "html"],
)
def test_cli_input_kinds(
    runner: CliRunner, tmp_path: Path, name: str, content: str, args: list[str], ids: list[str]
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = run(runner, "analyze", str(path), "-f", "jsonl", *args)
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == ids
    for doc in docs:
        assert doc["schema"] == "spinscope.document/1"
        check_offsets(doc)


def test_cli_stdin_corpus(runner: CliRunner) -> None:
    corpus = "id,text\na,One article.\nb,Another article.\n"
    result = run(runner, "analyze", "-", "--input-format", "csv", "-f", "jsonl", input=corpus)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["a", "b"]


def test_cli_max_bytes(runner: CliRunner, article: Path) -> None:
    result = run(runner, "analyze", str(article), "--max-bytes", "10")
    assert result.exit_code == 3
    assert result.stderr.startswith(f"ERROR {article}: ")


def test_cli_malformed_rows_are_reported_with_line_numbers(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "Fine. Article."}\nnot json\n{"body": 1}\n', encoding="utf-8")
    result = run(runner, "analyze", str(path), "-f", "jsonl", "-q")
    assert result.exit_code == 1
    kinds = [json.loads(line)["schema"] for line in result.stdout.splitlines()]
    assert kinds == ["spinscope.document/1", "spinscope.error/1", "spinscope.error/1"]
    assert [line.split(": ")[0] for line in result.stderr.splitlines()] == [
        f"ERROR {path}:2",
        f"ERROR {path}:3",
    ]


@register("test_crash.v1", assigns=("crashes",), description="Fails on texts with CRASH.")
def _make_crash() -> Component:
    def crash(doc: Document) -> Document:
        if "CRASH" in doc.text:
            raise RuntimeError("boom")
        return doc

    return crash


@pytest.mark.parametrize(
    ("texts", "code"),
    [(["CRASH one.", "CRASH two."], 4), (["CRASH one.", "Fine two."], 1)],
    ids=["all-fail", "one-fails"],
)
def test_cli_component_failure(
    runner: CliRunner, tmp_path: Path, texts: list[str], code: int
) -> None:
    for i, text in enumerate(texts):
        (tmp_path / f"doc{i}.txt").write_text(text, encoding="utf-8")
    result = run(runner, "analyze", str(tmp_path), "-c", "test_crash.v1", "-f", "jsonl", "-q")
    assert result.exit_code == code, result.output
    line = result.stderr.splitlines()[0]
    assert line.startswith(f"ERROR {tmp_path / 'doc0.txt'}: RuntimeError: boom")
    assert line.endswith("[test_crash.v1]")
    records = [json.loads(x) for x in result.stdout.splitlines()]
    assert records[0]["component"] == "test_crash.v1"


def test_cli_input_formats_match_ingest() -> None:
    assert [f.value for f in InputFormat] == list(FORMATS)


def test_cli_output_directory_must_exist(runner: CliRunner, article: Path, tmp_path: Path) -> None:
    result = run(runner, "analyze", str(article), "-o", str(tmp_path / "missing" / "x.json"))
    assert result.exit_code == 2
    assert "create it first" in result.stderr
    assert not (tmp_path / "missing").exists()


def test_cli_encoding_option(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le garçon est là. Très bien.\n".encode("latin-1"))
    result = runner.invoke(app, ["analyze", str(path), "--encoding", "latin-1", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["text"] == "Le garçon est là. Très bien.\n"
    bad = runner.invoke(app, ["analyze", str(path), "--encoding", "no-such-codec"])
    assert bad.exit_code == 2


@pytest.mark.parametrize("sub", ["semeval", "brat"])
def test_cli_research_sub_apps_are_mounted(runner: CliRunner, sub: str) -> None:
    result = runner.invoke(app, [sub, "--help"])
    assert result.exit_code == 0, result.output
