"""sourcing_profile: the per-article who-says-what summary."""

from __future__ import annotations

from spinscope.attribution.profile import sourcing_profile
from spinscope.document import Document, Span


def test_sourcing_profile_keeps_speakers_without_id_apart() -> None:
    text = "Ann said it rained. Bob said it snowed."
    doc = Document(text)
    doc.set_spans("sentences", [Span(0, 19, "sentence"), Span(20, 39, "sentence")])

    def att(start: int, name: str) -> Span:
        return Span(
            start,
            start + 18,
            "attribution",
            0.9,
            {
                "source": {"start": start, "end": start + 3},
                "cue": {"start": start + 4, "end": start + 8},
                "content": [{"start": start + 9, "end": start + 18}],
                "kind": "indirect",
                "speaker": {"name": name, "role": None},
            },
        )

    doc.set_spans("attributions", [att(0, "Ann"), att(20, "Bob")])
    doc.set_spans("assertions", [])
    names = sorted(row.name or "" for row in sourcing_profile(doc).speakers)
    assert names == ["Ann", "Bob"]
