"""The article-level profiles that reports show: one per applicable report section.

Each analysis contributes its profile as a :class:`~spinscope.reports.sections.ReportSection`
(technique profile, who says what, labels applied...); this module builds the views of
those that apply to a document, once per report, and the JSON ``profiles`` object.

Not a stable API: renderers in this package use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spinscope.document import Document
from spinscope.reports._layout import Finding
from spinscope.reports.sections import ReportSection, sections

__all__ = ["Profiles", "SectionView", "profile_dicts", "profiles"]


@dataclass(frozen=True, slots=True)
class SectionView:
    """A section and the view it built of one document."""

    section: ReportSection[Any]
    view: Any

    def headline(self) -> list[str]:
        return list(self.section.headline(self.view))


@dataclass(frozen=True, slots=True)
class Profiles:
    """The profiles of one document, in section order (only the sections that apply)."""

    views: tuple[SectionView, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.views)

    def get(self, name: str) -> Any:
        """The view built by section ``name``, or ``None`` if it does not apply."""
        return next((v.view for v in self.views if v.section.name == name), None)

    def headline(self) -> list[str]:
        """The one-line "at a glance" summary, as phrases."""
        return [phrase for v in self.views for phrase in v.headline()]


def profiles(
    doc: Document, found: Sequence[Finding] = (), groups: Iterable[str] | None = None
) -> Profiles:
    """The profiles of ``doc`` whose span groups are present (and among ``groups``).

    Args:
        doc: an analysed document.
        found: the report's findings, to cross-reference rows with finding numbers.
        groups: the groups the report shows; default: all.
    """
    wanted = None if groups is None else list(groups)
    return Profiles(
        tuple(SectionView(s, s.build(doc, found)) for s in sections() if s.applies(doc, wanted))
    )


def profile_dicts(doc: Document) -> dict[str, Any]:
    """The JSON ``profiles`` object: one entry per section that applies (docs/schema.md).

    Empty when the document has none of the groups they read.
    """
    return {s.name: dict(s.profile(doc)) for s in sections() if s.applies(doc)}
