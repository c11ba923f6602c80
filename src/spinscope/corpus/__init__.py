"""Corpora in the store: resumable batch analysis (``spinscope batch``), the stored
documents (:func:`~spinscope.corpus.documents.iter_documents`) and their export
(``spinscope export``); republication clusters, aggregates and plots (``spinscope corpus``)."""
