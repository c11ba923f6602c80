"""Training of the claim-retrieval re-ranker (``python -m training.claims``)."""
