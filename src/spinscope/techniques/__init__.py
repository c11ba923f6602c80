"""Propaganda techniques: the 14 PTC techniques, the span model and the article profile.

Importing this package is cheap: the model loads lazily (see :mod:`.component`).
"""

from spinscope.techniques.definitions import DEFINITIONS, TECHNIQUES

__all__ = ["DEFINITIONS", "TECHNIQUES"]
