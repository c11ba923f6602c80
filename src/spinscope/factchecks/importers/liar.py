"""LIAR (PolitiFact statements): TSV, 14 columns, no header, no quoting."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

from spinscope.factchecks.importers.base import Importer, Item, clean, csv_rows
from spinscope.factchecks.model import ClaimReview, Rejection

COLUMNS = (
    "id",
    "label",
    "statement",
    "subjects",
    "speaker",
    "speaker_job",
    "state",
    "party",
    "barely_true_count",
    "false_count",
    "half_true_count",
    "mostly_true_count",
    "pants_on_fire_count",
    "context",
)

#: PolitiFact's Truth-O-Meter, six steps onto five (pants-fire is a kind of false).
LABELS = {
    "pants-fire": "false",
    "false": "false",
    "barely-true": "mostly-false",
    "half-true": "mixed",
    "mostly-true": "mostly-true",
    "true": "true",
}


#: PolitiFact's Flip-O-Meter items in LIAR: a topic ("On abortion.", "On the Iran nuclear
#: deal") whose rating says whether a politician changed position on it, not whether a
#: claim is true. Matched to an article they would show "On abortion — false" beside any
#: sentence about abortion, so they are rejected, each with its line and this reason.
# (One LIAR row runs the article in: "Onthe Iran nuclear deal".)
_TOPIC = re.compile(r"On(?: (?:the |a |an )?|the )\w[\w\s.'’-]*")
_TOPIC_WORDS = 8
# a statement with a verb says something ("On Tuesday Obama said taxes rose")
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|did|does|do|said|says|"
    r"say|wants?|voted)\b",
    re.IGNORECASE,
)


def is_topic(statement: str) -> bool:
    """``On <topic>``, a few words and no verb: a Flip-O-Meter item, not a claim."""
    text = statement.strip()
    return (
        bool(_TOPIC.fullmatch(text))
        and len(text.split()) <= _TOPIC_WORDS
        and not _VERB.search(text)
    )


class LiarImporter(Importer):
    name = "liar"
    # 2: Flip-O-Meter topics are rejected; 3: also "Onthe …"
    version = "3"
    default_source = "liar"

    def read(self, path: Path) -> Iterator[Item]:
        for line, row in csv_rows(path, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(COLUMNS):
                yield Rejection(str(path), line, f"{len(row)} columns, expected {len(COLUMNS)}")
                continue
            fields = dict(zip(COLUMNS, (c.strip() for c in row), strict=True))
            label = fields["label"].lower()
            statement_id = fields["id"].removesuffix(".json")
            if label not in LABELS:
                yield Rejection(str(path), line, f"unknown label {fields['label']!r}")
            elif not statement_id:
                yield Rejection(str(path), line, "no statement id")
            elif not fields["statement"]:
                yield Rejection(str(path), line, "no statement")
            elif is_topic(fields["statement"]):
                yield Rejection(
                    str(path),
                    line,
                    f"{fields['statement']!r} is a Flip-O-Meter topic (a rating of a change "
                    "of position), not a claim",
                )
            else:
                extra = {
                    k: fields[k]
                    for k in ("subjects", "speaker_job", "state", "party", "context")
                    if fields[k]
                }
                yield ClaimReview(
                    claim_text=fields["statement"],
                    source_key=statement_id,
                    verdict=LABELS[label],
                    rating_text=label,
                    claimant=clean(fields["speaker"]),
                    publisher="PolitiFact",
                    language="en",
                    extra=extra,
                    line=line,
                )
