"""Training of the check-worthiness model (``checkworthy-v1``) on CheckThat! 2024 Task 1."""
