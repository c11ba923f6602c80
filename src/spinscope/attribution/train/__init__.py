"""Training scripts for the attribution models (sklearn/torch: never imported at runtime)."""
