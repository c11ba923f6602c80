"""Training of the attribution models (``python -m training.attribution``)."""
