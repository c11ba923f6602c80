"""The "claims already fact-checked" section of the reports (``claims`` group, from
``claims.v1``).

Each claim with its sentence, its check-worthiness (when a check-worthiness component
ran) and its best match: the fact-checked claim, verdict, publisher, date, link and the
debunk. Registered as the ``claims`` report section (entry point group
``spinscope.report_sections``).

A document can come from anywhere (a JSON file, a hand-built test): every attribute is
checked, a malformed match is dropped, and a link is kept only if it is http(s).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from spinscope.claims.component import GROUP
from spinscope.document import Document, Span
from spinscope.reports._layout import Finding
from spinscope.reports.helpers import DIM, MAX_ROWS, finding_index, more_text, trim
from spinscope.reports.sections import ReportSection

__all__ = ["SECTION", "ClaimRow", "ClaimsView", "MatchRow", "claims_view"]

#: Longest debunk shown (the JSON document keeps it whole).
DISPROOF_CHARS = 300

#: Matches scoring at least this are shown as the same claim, the others (from the
#: component's threshold up) as a close claim. Measured on matches the same-claim model
#: never saw (docs/benchmarks.md, "Claims"): at 0.9 or more, 13 of 17 shown on the
#: sentences of propaganda articles were the same claim and all 98 on fake-news headlines;
#: below it, 16 of 49 and 48 of 53. A fact-check of a close claim (same story, another
#: assertion: "Syria surrendered its stockpile" next to a debunked "Syria is free of
#: chemical weapons") is context, and its verdict is not the sentence's.
SAME_CLAIM_SCORE = 0.9


@dataclass(frozen=True, slots=True)
class MatchRow:
    """A fact-check as the reports show it (one line each, trimmed)."""

    claim: str
    score: float | None
    verdict: str | None
    rating: str | None
    publisher: str | None
    date: str | None
    url: str | None
    disproof: str | None

    @property
    def verdict_text(self) -> str:
        """``"false (disinformation)"``: the verdict, and the publisher's own words when
        they differ from it."""
        verdict = self.verdict or "unrated"
        if self.rating and self.rating.casefold() != verdict.casefold():
            return f"{verdict} ({self.rating})"
        return verdict

    @property
    def same_claim(self) -> bool:
        """Is the fact-check shown as checking this very claim (see :data:`SAME_CLAIM_SCORE`)?
        A match without a score is not. The lexical fallback's word-overlap score is held
        to the same bar (at 0.9 the two share nearly all their content words)."""
        return self.score is not None and self.score >= SAME_CLAIM_SCORE

    @property
    def relation(self) -> str:
        """``"same claim"`` or ``"close claim"``: how the reports introduce the fact-check."""
        return "same claim" if self.same_claim else "close claim"

    @property
    def byline(self) -> str:
        """Publisher and date, ``"EUvsDisinfo, 2018-09-06"``."""
        return ", ".join(p for p in (self.publisher, self.date) if p)


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim: its sentence, check-worthiness, finding number and matches."""

    text: str
    checkworthy: float | None
    index: int | None
    matches: tuple[MatchRow, ...]

    @property
    def top(self) -> MatchRow | None:
        return self.matches[0] if self.matches else None


@dataclass(frozen=True, slots=True)
class ClaimsView:
    """What the reports show of the ``claims`` group."""

    claims: tuple[ClaimRow, ...]

    @property
    def matched(self) -> int:
        return sum(1 for c in self.claims if c.matches)

    def verdicts(self, *, same_claim: bool = False) -> dict[str, int]:
        """Verdicts of the claims' best matches, most frequent first; with
        ``same_claim``, only of those shown as the same claim (a close claim's verdict
        is not the sentence's)."""
        counts = Counter(
            c.top.verdict or "unrated"
            for c in self.claims
            if c.top is not None and (c.top.same_claim or not same_claim)
        )
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    @property
    def same(self) -> int:
        """Claims whose best match is shown as the same claim."""
        return sum(1 for c in self.claims if c.top is not None and c.top.same_claim)

    def headline(self) -> list[str]:
        n = self.matched
        if not self.claims:
            return []
        same = self.same
        phrase = f"{same:,} claim{'s' * (same != 1)} already fact-checked"
        # Only the same claims' verdicts: a close claim's is not the sentence's.
        verdicts = self.verdicts(same_claim=True)
        if verdicts:
            phrase += " (verdicts: " + ", ".join(f"{k} {v}" for k, v in verdicts.items()) + ")"
        if n > same:
            phrase += f", {n - same:,} with a fact-check of a close claim"
        unmatched = len(self.claims) - n
        out = [phrase]
        if unmatched:
            out.append(f"{unmatched:,} check-worthy claim{'s' * (unmatched != 1)} unmatched")
        return out


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _score(value: Any) -> float | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1
    return float(value) if ok else None


def _url(value: Any) -> str | None:
    url = _str(value)
    if url is None or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    return url if url.lower().startswith(("https://", "http://")) else None


def _match(raw: Any) -> MatchRow | None:
    if not isinstance(raw, Mapping) or _str(raw.get("claim")) is None:
        return None
    disproof = _str(raw.get("disproof"))
    return MatchRow(
        claim=trim(str(raw["claim"])),
        score=_score(raw.get("score")),
        verdict=_str(raw.get("verdict")),
        rating=_str(raw.get("rating")),
        publisher=_str(raw.get("publisher")),
        date=_str(raw.get("date")),
        url=_url(raw.get("url")),
        disproof=trim(disproof, DISPROOF_CHARS) if disproof else None,
    )


def _matches(span: Span) -> tuple[MatchRow, ...]:
    raw = span.attrs.get("matches")
    found = (_match(m) for m in (raw if isinstance(raw, list) else []))
    return tuple(m for m in found if m is not None)


def claims_view(doc: Document, found: Sequence[Finding] = ()) -> ClaimsView:
    """The claims of ``doc`` as the reports show them, in text order."""
    index = finding_index(found)
    return ClaimsView(
        tuple(
            ClaimRow(
                text=trim(doc.span_text(s)),
                checkworthy=_score(s.attrs.get("checkworthy")),
                index=index.get((GROUP, s.start, s.end, s.label or GROUP)),
                matches=_matches(s),
            )
            for s in doc.group(GROUP)
        )
    )


def claims_text(view: ClaimsView) -> list[RenderableType]:
    """The section in the terminal: headline, then each claim and its best match."""
    out: list[RenderableType] = []
    headline = view.headline()
    out.append(Text(" · ".join(headline) if headline else "No claim found.", style=DIM))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(overflow="fold")
    for claim in view.claims[:MAX_ROWS]:
        cell = Text(f"“{claim.text}”")
        if claim.checkworthy is not None:
            cell.append(f"\ncheck-worthiness {claim.checkworthy:.2f}", style=DIM)
        top = claim.top
        if top is None:
            cell.append("\nno fact-check found", style=DIM)
        else:
            cell.append("\nchecked: " if top.same_claim else "\nclose claim checked: ", style=DIM)
            cell.append(f"“{top.claim}”", style="italic")
            cell.append(f"\n{top.verdict_text}", style="bold")
            if top.byline:
                cell.append(f" · {top.byline}", style=DIM)
            if top.score is not None:
                cell.append(f" · match {top.score:.2f}", style=DIM)
            if top.url:
                cell.append(f"\n{top.url}", style=DIM)
            if top.disproof:
                cell.append(f"\ndisproof: {top.disproof}")
            if len(claim.matches) > 1:
                cell.append(f"\n+{len(claim.matches) - 1} more match(es) in the JSON", style=DIM)
        grid.add_row(Text("" if claim.index is None else str(claim.index), style="bold"), cell)
    if view.claims:
        out.append(grid)
    if len(view.claims) > MAX_ROWS:
        out.append(more_text(len(view.claims) - MAX_ROWS))
    return out


def _profile(doc: Document) -> dict[str, Any]:
    view = claims_view(doc)
    return {
        "claims": len(view.claims),
        "matched": view.matched,
        "same_claim": view.same,
        "verdicts": view.verdicts(),
        "items": [
            {
                "start": s.start,
                "end": s.end,
                "checkworthy": row.checkworthy,
                "matches": len(row.matches),
                "top": None
                if row.top is None
                else {
                    "claim": row.top.claim,
                    "score": row.top.score,
                    "relation": row.top.relation,
                    "verdict": row.top.verdict,
                    "publisher": row.top.publisher,
                    "date": row.top.date,
                    "url": row.top.url,
                },
            }
            for s, row in zip(doc.group(GROUP), view.claims, strict=True)
        ],
    }


class _ClaimsSection(ReportSection[ClaimsView]):
    """Shown for ``claims.v1``'s spans only: a ``claims`` group of another shape (a
    hand-labelled fixture, another plugin's) has no matches to show."""

    def applies(self, doc: Document, groups: Iterable[str] | None = None) -> bool:
        return super().applies(doc, groups) and any("matches" in s.attrs for s in doc.group(GROUP))


SECTION: ReportSection[ClaimsView] = _ClaimsSection(
    name="claims",
    title="Claims already fact-checked",
    groups=(GROUP,),
    build=claims_view,
    text=claims_text,
    profile=_profile,
    headline=ClaimsView.headline,
    order=40,
    package="spinscope.claims",
    template="templates/claims_profile.html",
)
