"""How much of the machine one process may use: CPU cores and inference threads.

Model components (ONNX Runtime sessions) ask :func:`inference_threads` how many
intra-op threads to start when their own ``threads`` setting is unset. A process pool
of N workers sets it in each worker to ``cores // N``, so that N workers do not each
start a thread per core and fight over the same cores (oversubscription made two
workers slower than one on a 2-core machine).
"""

from __future__ import annotations

import os

__all__ = ["available_cores", "inference_threads", "set_inference_threads"]

#: Overrides the thread count for every model in this process (and its workers).
THREADS_ENV = "SPINSCOPE_THREADS"

_threads: int | None = None


def available_cores() -> int:
    """The cores this process may run on (CPU affinity, e.g. a container's cgroup
    cpuset, when the platform tells it; else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def set_inference_threads(n: int | None) -> None:
    """Set this process's inference thread count (``None``: the runtime's default)."""
    global _threads
    if n is not None and n < 1:
        raise ValueError(f"inference threads must be at least 1, got {n}")
    _threads = n


def inference_threads() -> int | None:
    """Threads a model session should use: :func:`set_inference_threads`, else
    ``$SPINSCOPE_THREADS``, else ``None`` (the runtime decides: one per core)."""
    if _threads is not None:
        return _threads
    value = os.environ.get(THREADS_ENV, "").strip()
    if value.isdigit() and int(value) >= 1:
        return int(value)
    return None
