"""Every third-party module the package imports is a declared dependency.

``pip install spinscope`` installs only ``[project] dependencies``: an import served by
a package that merely happens to be installed here (by an extra, or as a dependency of
a dependency) works in development and fails for users. Each module under
``src/spinscope`` is parsed with :mod:`ast`; its imports (top-level and inside
functions, but not ``if TYPE_CHECKING:`` blocks) are mapped to distributions with
:func:`importlib.metadata.packages_distributions`, and each must be declared.
Training code (a ``train`` package) may also use the ``train`` extra.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from functools import cache
from importlib.metadata import packages_distributions
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "spinscope"
MODULES = sorted(PACKAGE.rglob("*.py"))

#: Modules outside a ``train`` package that document needing an extra, and which one:
#: the TF-IDF baseline is research tooling, imported only by ``spinscope semeval``;
#: Parquet export and the Ray engine are optional features with extras of their own.
EXTRA_MODULES = {
    "techniques/baseline.py": "train",
    "corpus/export.py": "corpus",
    "engines/ray.py": "ray",
    "corpus/clusters.py": "corpus",
    "corpus/plots.py": "corpus",
}

_NAME = re.compile(r"\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")


def _normalise(name: str) -> str:
    """PEP 503 normalised distribution name."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_names(requirements: list[str]) -> frozenset[str]:
    names = set()
    for requirement in requirements:
        match = _NAME.match(requirement)
        assert match, f"unparsable requirement {requirement!r}"
        names.add(_normalise(match.group(1)))
    return frozenset(names)


@cache
def _project() -> dict[str, Any]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        project: dict[str, Any] = tomllib.load(f)["project"]
    return project


def runtime_dependencies() -> frozenset[str]:
    return _requirement_names(_project()["dependencies"])


def extra_dependencies(extra: str) -> frozenset[str]:
    return _requirement_names(_project().get("optional-dependencies", {})[extra])


def _is_type_checking(node: ast.stmt) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) in {
        "TYPE_CHECKING",
        "typing.TYPE_CHECKING",
    }


def imported_top_levels(source: str) -> set[str]:
    """Top-level names of the absolute, non-stdlib imports in ``source``, at any depth."""
    tree = ast.parse(source)
    skipped = {id(node) for node in ast.walk(tree) if _is_type_checking(node)}
    names: set[str] = set()
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and id(node) in skipped:
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
        stack.extend(ast.iter_child_nodes(node))
    return {n for n in names if n not in sys.stdlib_module_names and n != "spinscope"}


@cache
def _installed() -> dict[str, list[str]]:
    return packages_distributions()


def distributions_of(top_level: str) -> frozenset[str]:
    """The distributions that provide an importable name; the name itself if none is
    installed here (so an uninstalled import still has to be declared under its name)."""
    found = _installed().get(top_level) or [top_level]
    return frozenset(_normalise(d) for d in found)


def undeclared(source: str, declared: frozenset[str]) -> set[str]:
    """The imports of ``source`` that no declared distribution provides."""
    return {name for name in imported_top_levels(source) if not distributions_of(name) & declared}


def _allowed(module: Path) -> frozenset[str]:
    relative = module.relative_to(PACKAGE)
    if relative.parts[0] == "web":
        extra: str | None = "web"
    elif "train" in relative.parts[:-1]:
        extra = "train"
    else:
        extra = EXTRA_MODULES.get(relative.as_posix())
    return runtime_dependencies() | (extra_dependencies(extra) if extra else frozenset())


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_every_import_is_a_declared_dependency(module: Path) -> None:
    missing = undeclared(module.read_text("utf-8"), _allowed(module))
    assert not missing, f"{module.name} imports {sorted(missing)}, not in the dependencies"


def test_extra_modules_exist() -> None:
    for relative in EXTRA_MODULES:
        assert (PACKAGE / relative).is_file(), f"stale entry {relative} in EXTRA_MODULES"


@pytest.mark.parametrize(
    ("source", "missing"),
    [
        ("import numpy\nfrom lxml import etree\n", set()),
        ("import os, json\nfrom . import sibling\nfrom spinscope import errors\n", set()),
        ("def fit():\n    from sklearn.linear_model import LogisticRegression\n", {"sklearn"}),
        ("class A:\n    def f(self):\n        import scipy.sparse\n", {"scipy"}),
        ("import not_a_real_module_xyz\n", {"not_a_real_module_xyz"}),
        ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import sklearn\n", set()),
        ("if TYPE_CHECKING:\n    pass\nelse:\n    import sklearn\n", {"sklearn"}),
        ("try:\n    import torch\nexcept ImportError:\n    torch = None\n", {"torch"}),
    ],
)
def test_undeclared_imports_are_caught(source: str, missing: set[str]) -> None:
    assert undeclared(source, runtime_dependencies()) == missing


def test_train_extra_allows_training_imports() -> None:
    source = "def f():\n    import torch\n    import sklearn\n"
    assert undeclared(source, runtime_dependencies() | extra_dependencies("train")) == set()


@pytest.mark.parametrize(
    ("requirements", "names"),
    [
        (["lxml[html_clean]>=5.0"], {"lxml"}),
        (
            ["charset_normalizer>=3.3", "Foo.Bar ; python_version<'3.12'"],
            {"charset-normalizer", "foo-bar"},
        ),
        (["blingfire>=0.1.8,<0.2"], {"blingfire"}),
    ],
)
def test_requirement_names(requirements: list[str], names: set[str]) -> None:
    assert _requirement_names(requirements) == names


def test_lxml_html_clean_is_declared() -> None:
    """trafilatura imports justext, which imports ``lxml.html.clean`` (a separate
    distribution since lxml 5.2) without declaring it, so we must."""
    assert "lxml-html-clean" in runtime_dependencies()
