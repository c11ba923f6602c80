"""Training and export of spinscope's models (not part of the installed package).

Run from the repository root with the ``train`` extra installed::

    python -m training.techniques --help
    python -m training.attribution --help

Everything that needs torch or transformers imports them inside the functions that use
them, so data building, folds, scoring and card rendering work without the extra.
"""
