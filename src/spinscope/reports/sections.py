"""Report sections: what each analysis adds to the reports, as a plugin.

An analysis contributes one :class:`ReportSection` per profile it shows: a typed view
built from the document (and the report's findings, to cross-reference rows with
finding numbers), a terminal renderer (`rich`), a Jinja2 template for the HTML report
and a JSON-ready dictionary for the ``profiles`` object of ``--format json``. The
reports themselves know no analysis: they show every section whose span groups the
document has, in :attr:`ReportSection.order`.

Sections are found through the ``spinscope.report_sections`` entry point group
(the entry point's object is a :class:`ReportSection`); spinscope's own analyses
declare theirs in ``pyproject.toml`` exactly as a third-party package would::

    [project.entry-points."spinscope.report_sections"]
    "claims" = "spinscope.claims.report:SECTION"

For a notebook or a test, :func:`register_section` adds one in this process.

Example:
    >>> from rich.text import Text
    >>> from spinscope import Document, Span
    >>> from spinscope.reports import render_text
    >>> section = ReportSection(
    ...     name="shouting",
    ...     title="Shouting",
    ...     groups=("shouting",),
    ...     build=lambda doc, found: len(doc.group("shouting")),
    ...     text=lambda n: [Text(f"{n} shouted words")],
    ...     profile=lambda doc: {"count": len(doc.group("shouting"))},
    ...     template_source="<p>{{ view }} shouted words</p>\\n",
    ... )
    >>> doc = Document("STOP it.", id="d")
    >>> _ = doc.set_spans("shouting", [Span(0, 4, "caps")])
    >>> with registered(section):
    ...     "1 shouted words" in render_text(doc)
    True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Generic, TypeVar

from rich.console import RenderableType

from spinscope.document import Document
from spinscope.plugins import REPORT_SECTIONS, entry_points_of, load_named
from spinscope.reports._layout import Finding

__all__ = [
    "RecordSection",
    "ReportSection",
    "register_section",
    "registered",
    "section_template",
    "sections",
    "unregister_section",
]

V = TypeVar("V")


def _no_headline(view: Any) -> Sequence[str]:
    return ()


@dataclass(frozen=True)
class ReportSection(Generic[V]):
    """One analysis's part of the reports.

    Attributes:
        name: the key of its entry in the JSON ``profiles`` object (``"sourcing"``);
            unique among sections.
        title: the heading shown above it (text and HTML).
        groups: the span groups it reads; it is shown when the document has any of
            them (and, when a report is limited to some groups, one of those).
        build: makes the typed view the renderers show, from the document and the
            report's findings (numbered in text order).
        text: the terminal renderer: `rich` renderables shown under the title.
        profile: the JSON ``profiles.<name>`` entry (computed from the document alone).
        headline: short phrases for the report header ("at a glance").
        order: sections are shown by increasing order, then name.
        package: the package holding the HTML template (``"spinscope.techniques"``).
        template: the template's path inside ``package``
            (``"templates/technique_profile.html"``). The template gets ``view`` and
            ``section``; reports' macros (``ref``, ``more``) and globals
            (``swatch``, ``max_rows``, the ``score`` filter) are available.
        template_source: the template's text itself, instead of a packaged file (for
            sections defined in a notebook or test).
        html_id: the ``id`` of the HTML ``<section>``; default ``<name>-profile``.
    """

    name: str
    title: str
    groups: tuple[str, ...]
    build: Callable[[Document, Sequence[Finding]], V]
    text: Callable[[V], Sequence[RenderableType]]
    profile: Callable[[Document], Mapping[str, Any]]
    headline: Callable[[V], Sequence[str]] = _no_headline
    order: int = 100
    package: str | None = None
    template: str | None = None
    template_source: str | None = None
    html_id: str | None = None

    def __post_init__(self) -> None:
        if not self.name or not self.groups:
            raise ValueError("a report section needs a name and at least one span group")
        if (self.template_source is None) == (self.package is None or self.template is None):
            raise ValueError(
                f"report section {self.name!r}: give either package and template, "
                "or template_source"
            )

    @property
    def anchor(self) -> str:
        """The ``id`` of the section's HTML element."""
        return self.html_id or f"{self.name}-profile"

    def applies(self, doc: Document, groups: Iterable[str] | None = None) -> bool:
        """True if ``doc`` has one of the section's groups (among ``groups``, if given)."""
        wanted = None if groups is None else frozenset(groups)
        return any(doc.has_group(g) and (wanted is None or g in wanted) for g in self.groups)

    def template_text(self) -> str:
        """The HTML template's source."""
        if self.template_source is not None:
            return self.template_source
        assert self.package is not None and self.template is not None
        return files(self.package).joinpath(self.template).read_text(encoding="utf-8")


def _never(doc: Document) -> bool:
    return False


@dataclass(frozen=True)
class RecordSection(ReportSection[V]):
    """A section over a record a component leaves in ``doc.meta.extra`` rather than a
    span group (an outlet's ratings, where else a text was published).

    ``groups`` names the record's key; the section is shown when ``has_record(doc)``
    says the document holds one (and hides when a report is limited to groups that
    leave that key out).
    """

    has_record: Callable[[Document], bool] = _never

    def applies(self, doc: Document, groups: Iterable[str] | None = None) -> bool:
        wanted = None if groups is None else frozenset(groups)
        return self.has_record(doc) and (wanted is None or any(g in wanted for g in self.groups))


#: Sections registered in this process, by name.
_LOCAL: dict[str, ReportSection[Any]] = {}


def register_section(section: ReportSection[Any], *, replace: bool = False) -> ReportSection[Any]:
    """Add ``section`` in this process (it takes precedence over an entry point of the
    same name). Raises :class:`ValueError` if the name is taken, unless ``replace``."""
    if not replace and section.name in _LOCAL:
        raise ValueError(f"report section {section.name!r} is already registered")
    _LOCAL[section.name] = section
    return section


def unregister_section(name: str) -> None:
    """Remove a section added with :func:`register_section` (no-op if absent)."""
    _LOCAL.pop(name, None)


@contextmanager
def registered(section: ReportSection[Any]) -> Iterator[ReportSection[Any]]:
    """Register ``section`` for the duration of a ``with`` block."""
    previous = _LOCAL.get(section.name)
    register_section(section, replace=True)
    try:
        yield section
    finally:
        if previous is None:
            unregister_section(section.name)
        else:
            register_section(previous, replace=True)


def _load(name: str) -> ReportSection[Any]:
    ep = entry_points_of(REPORT_SECTIONS)[name]
    section: ReportSection[Any] = load_named(
        ep, ReportSection, what="a spinscope.reports.sections.ReportSection"
    )
    return section


_LOADED: dict[tuple[str, str], ReportSection[Any]] = {}


def sections() -> list[ReportSection[Any]]:
    """Every known section (entry points and in-process registrations), in order."""
    found: dict[str, ReportSection[Any]] = {}
    for name, ep in entry_points_of(REPORT_SECTIONS).items():
        key = (name, ep.value)
        if key not in _LOADED:
            _LOADED[key] = _load(name)
        found[name] = _LOADED[key]
    found.update(_LOCAL)
    return sorted(found.values(), key=lambda s: (s.order, s.name))


def section_template(name: str) -> tuple[str, None, Callable[[], bool]] | None:
    """Jinja2 loader function: ``sections/<name>`` is the template of section ``name``."""
    prefix = "sections/"
    if not name.startswith(prefix):
        return None
    section = _find(name.removeprefix(prefix))
    if section is None:
        return None
    # A compiled template is reused while the name still means the same section.
    return section.template_text(), None, lambda: _find(section.name) is section


def _find(name: str) -> ReportSection[Any] | None:
    return next((s for s in sections() if s.name == name), None)
