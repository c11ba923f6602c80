"""Claims in the article and the fact-checks that already checked them (``claims.v1``).

Importing this package is cheap: the store and its search load only when a knowledge
base exists (see :mod:`.component`).
"""
