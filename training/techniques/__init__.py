"""Training, evaluation and export of the technique model (``python -m training.techniques``)."""
