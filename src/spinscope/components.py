"""Imports every built-in component module so that its ``@register`` runs.

Add a new built-in component's module here (see CONTRIBUTING.md).
"""

from spinscope import segment  # noqa: F401  sentences.v1
from spinscope.attribution import component as _attribution  # noqa: F401  attribution.v1
from spinscope.ingest import boilerplate  # noqa: F401  boilerplate.v1
from spinscope.techniques import component as _techniques  # noqa: F401  techniques.v1
from spinscope.techniques import labels as _labels  # noqa: F401  labels.v1
