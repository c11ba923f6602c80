"""Training, evaluation and export of the technique model (needs the ``train`` extra)."""
