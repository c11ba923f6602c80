"""What a server is started with."""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["TOKEN_ENV", "WebSettings"]

#: Environment variable holding the bearer token that write endpoints require.
TOKEN_ENV = "SPINSCOPE_TOKEN"


@dataclass(frozen=True, slots=True)
class WebSettings:
    """Settings of one server.

    Attributes:
        host: the address bound (the token rule depends on it).
        port: the port bound.
        store: the store's URL; ``None`` runs without one (no fact-check search).
        workers: analysis workers: 1 runs the pipeline in a thread of the server
            process, more run a pool of worker processes.
        token: the bearer token write endpoints require; ``None``: none required
            (allowed on loopback only).
        max_body: the largest request body accepted, in bytes (413 above it).
        max_batch: the most documents one ``/v1/analyze/batch`` request may hold.
        components: the pipeline's components; default: the configuration's.
        memory_documents: keep analysed documents in memory when the store has no
            documents (lost at exit).
    """

    host: str = "127.0.0.1"
    port: int = 8000
    store: str | None = None
    workers: int = 1
    token: str | None = None
    max_body: int = 8 * 1024 * 1024
    max_batch: int = 64
    components: tuple[str, ...] | None = None
    memory_documents: bool = False

    @staticmethod
    def token_from_env() -> str | None:
        """``$SPINSCOPE_TOKEN``, or ``None`` when unset or blank."""
        return os.environ.get(TOKEN_ENV, "").strip() or None
