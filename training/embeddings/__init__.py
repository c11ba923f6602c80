"""Sentence embeddings for claim retrieval: all-MiniLM-L6-v2 exported to int8 ONNX."""
