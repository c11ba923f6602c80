"""The attribution.v1 component, its JSON, and the sourcing profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spinscope.attribution import sourcing_profile
from spinscope.document import Document
from spinscope.errors import ConfigError, ModelNotFoundError, PipelineError
from spinscope.pipeline import Pipeline
from spinscope.registry import registry

ARTICLE = (
    "Denmark’s Deputy Trade Minister Lars Holm said on Monday that the talks had failed.\n"
    "“We will not sign this deal,” Holm said.\n"
    "Karen Ode, the Dutch Finance Ministry spokeswoman, said the talks would resume.\n"
    "Officials said the deadline would pass.\n"
    "The deal is expected to collapse within a year.\n"
    "The talks began in 2019.\n"
)


@pytest.fixture(scope="module")
def doc() -> Document:
    nlp = Pipeline(["boilerplate.v1", "sentences.v1", "attribution.v1"])
    return nlp(Document(ARTICLE))


def test_component_is_registered() -> None:
    info = registry.get("attribution.v1")
    assert info.assigns == ("attributions", "assertions")
    assert info.requires == ("sentences",)


def test_component_needs_sentences_first() -> None:
    with pytest.raises(PipelineError):
        Pipeline(["attribution.v1"])


def test_component_rejects_a_bad_threshold() -> None:
    with pytest.raises(ConfigError):
        Pipeline(["sentences.v1", "attribution.v1"], {"attribution.v1": {"threshold": 2}}).load()
    from spinscope.attribution.component import make_attribution

    with pytest.raises(ConfigError):
        make_attribution(threshold=0)


def test_component_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    from spinscope.attribution.component import make_attribution

    with pytest.raises(ModelNotFoundError, match="train it"):
        make_attribution(model_path=str(tmp_path / "nope.json.gz"))


def test_component_json_shape(doc: Document) -> None:
    data = doc.to_dict()["spans"]
    atts = data["attributions"]
    assert len(atts) == 5
    assert atts[4]["source"] is None and atts[4]["speaker"] is None  # "is expected"
    first = atts[0]
    assert set(first) >= {"start", "end", "label", "score", "source", "cue", "content", "kind"}
    assert ARTICLE[first["cue"]["start"] : first["cue"]["end"]] == "said"
    assert first["speaker"]["name"] == "Lars Holm"
    assert first["speaker"]["role"] == "Denmark’s Deputy Trade Minister"
    assert (
        first["start"] <= first["source"]["start"] and first["content"][-1]["end"] <= first["end"]
    )
    assert atts[1]["kind"] == "direct" and atts[1]["speaker"]["name"] == "Lars Holm"
    assert Document.from_json(doc.to_json()) == doc


def test_component_sourcing_profile(doc: Document) -> None:
    p = sourcing_profile(doc)
    rows = {r.name: r for r in p.speakers}
    assert len(rows["Lars Holm"].statements) == 2
    assert rows["Karen Ode"].role == "the Dutch Finance Ministry spokeswoman"
    assert rows["Karen Ode"].group == "Netherlands"
    assert [a["description"] for a in p.anonymous] == ["Officials"]
    assert [u["cue"] for u in p.unsourced] == ["is expected"]
    assert [a["text"] for a in p.assertions] == [
        "The deal is expected to collapse within a year.",
        "The talks began in 2019.",
    ]
    assert 0.0 < p.attributed_share < 1.0 and 0.0 < p.own_voice_share < 1.0
    d = p.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert d["by_group"]["Denmark"] == 2
    assert d["speakers"][0]["name"] == "Lars Holm"


def test_component_sample_article(white_helmets_path: Path) -> None:
    text = white_helmets_path.read_text("utf-8")
    nlp = Pipeline(["boilerplate.v1", "sentences.v1", "attribution.v1"])
    doc = nlp(Document(text))
    rows = {r.name: r for r in sourcing_profile(doc).speakers}
    assert rows["Vladimir Safronkov"].role == "Russia’s Deputy UN Ambassador"
    assert len(rows["Vladimir Safronkov"].statements) >= 4  # "Safronkov", "the Russian official"
    assert rows["Viktor Kupchishin"].role is not None
    assert "Russian Center for Reconciliation" in rows["Viktor Kupchishin"].role
    assert rows["Maria Zakharova"].role == "the Russian Foreign Ministry spokeswoman"
    own = [doc.text[a.start : a.end] for a in doc.group("assertions")]
    assert any(s.startswith("The White Helmets group is known for") for s in own)
    assert not any("Post a Comment" in s for s in own)


@pytest.mark.parametrize(
    "text",
    [
        "x",
        "\n\n  \n",
        "“An unclosed quotation that runs\n“into the next paragraph and closes,” he said.",
        "Σήμερα ο υπουργός είπε ότι οι συνομιλίες απέτυχαν.",
        "said said said according to",
    ],
)
def test_component_odd_inputs_do_not_fail(text: str) -> None:
    nlp = Pipeline(["sentences.v1", "attribution.v1"])
    doc = nlp(Document(text))
    for span in doc.group("attributions"):
        assert 0 <= span.start < span.end <= len(text)
    sourcing_profile(doc).to_dict()


PORT = (
    "Ministers clash over port deal\n"
    "The government will sell a stake in the national port operator, Finance Minister "
    "Ana Varga announced on Tuesday, in a move critics called reckless.\n"
    "“This is the best deal we could get,” Varga told reporters in the capital. "
    "“We have no reason to wait.”\n"
    "Opposition leader Peter Holm said the sale was “a giveaway to friends of the ruling "
    "party” and vowed to challenge it in court.\n"
    "Holm, who has led the Social Democrats since 2019, added that the price was set in secret.\n"
    "According to two officials familiar with the talks, the buyer is a consortium led by "
    "the shipping group Nordline.\n"
    "A Nordline spokeswoman declined to comment.\n"
    "The port handled 40 million tonnes of cargo last year. It is widely regarded as the "
    "country's most valuable public asset.\n"
)


def test_component_news_article_who_says_what() -> None:
    doc = Pipeline(["boilerplate.v1", "sentences.v1", "attribution.v1"])(Document(PORT))
    first = doc.group("attributions")[0].attrs
    assert PORT[first["content"][0]["start"] : first["content"][0]["end"]] == (
        "The government will sell a stake in the national port operator"
    )
    p = sourcing_profile(doc)
    rows = {r.name: r for r in p.speakers if r.name}
    assert rows["Ana Varga"].role == "Finance Minister"
    assert rows["Ana Varga"].affiliation is None  # a portfolio is not an affiliation
    assert [s["kind"] for s in rows["Ana Varga"].statements] == ["indirect", "direct"]
    # "said ... and vowed to ...": the coordinated cue is its own statement, same speaker
    assert [s["cue"] for s in rows["Peter Holm"].statements] == ["said", "vowed", "added"]
    assert {a["description"] for a in p.anonymous} >= {"two officials", "Nordline spokeswoman"}
    # what the officials know is how they know, not who they are: the speaker is the
    # description's head, the statement's source keeps the whole phrase
    assert "two officials familiar with the talks" in {a["mention"] for a in p.anonymous}
    # an agentless passive is not a source: the article speaks, hedged
    assert [u["cue"].startswith("widely regarded") for u in p.unsourced] == [True]
    own = {a["text"]: [h["kind"] for h in a["hedges"]] for a in p.assertions}
    assert own["It is widely regarded as the country's most valuable public asset."] == [
        "unsourced"
    ]
    assert "The port handled 40 million tonnes of cargo last year." in own
    assert not any(t.startswith("Holm") for t in own)
