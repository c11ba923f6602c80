"""What every route shares: settings, the analyzer, the store, the document access."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from spinscope.store import Store
from spinscope.web.analysis import Analyzer
from spinscope.web.documents import DocumentAccess
from spinscope.web.problems import Problem
from spinscope.web.settings import WebSettings

__all__ = ["AppState", "state"]


@dataclass
class AppState:
    settings: WebSettings
    analyzer: Analyzer
    store: Store | None
    documents: DocumentAccess

    def require_store(self) -> Store:
        if self.store is None:
            raise Problem(
                503, "the server runs without a store: start it with --store URL for fact-checks"
            )
        return self.store


def state(request: Request) -> AppState:
    """The app's state (a FastAPI dependency)."""
    current: AppState = request.app.state.spinscope
    return current
