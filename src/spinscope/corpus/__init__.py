"""Corpus-level analyses: republication clusters, aggregates, plots."""
