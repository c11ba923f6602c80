"""A source phrase never reaches back into page furniture: a wire dateline or a byline
run into the first paragraph ("LONDON, March 3 (Reuters) - The bank said …") is cut off
the source; on invented text."""

from __future__ import annotations

import pytest

from spinscope.attribution.component import analyse
from spinscope.document import Document
from spinscope.pipeline import Pipeline


@pytest.mark.parametrize(
    ("paragraph", "source"),
    [
        ("LONDON, March 3 (Reuters) - The bank said rates would rise in June.", "The bank"),
        ("By Jane Doe and John Roe - The council said it would act soon.", "The council"),
        ("WASHINGTON (AP) — Senator Jo Roe said the bill would pass.", "Senator Jo Roe"),
        # no furniture: the source is as found
        ("In London, the bank said rates would rise in June.", "the bank"),
    ],
)
def test_source_starts_after_a_lead_dateline_or_byline(paragraph: str, source: str) -> None:
    text = f"Rates to rise\n\n{paragraph}\n\nThe rest of the story follows here."
    doc = Pipeline(["boilerplate.v1"]).load()(Document(text))
    atts = analyse(doc)[0]
    sources = [text[a.source[0] : a.source[1]] for a in atts if a.source is not None]
    assert sources == [source]
