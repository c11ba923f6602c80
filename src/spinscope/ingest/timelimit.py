"""A hard time limit on a block of Python code, in any thread.

:class:`TimeLimit` interrupts the thread that runs the block by raising
:class:`TimeLimitExceeded` in it, from a timer thread, with CPython's
``PyThreadState_SetAsyncExc`` (public C API, called through :mod:`ctypes`). The
exception arrives the way a signal handler's does: at the next bytecode boundary of
the interrupted thread, so a single long C call (one huge regex, one lxml XPath over
a giant tree) finishes first. Callers bound such calls by the size of their input.

Why not the alternatives:

* ``SIGALRM`` only works in the main thread, so the limit was off in a web server's
  request thread, a thread pool or a Ray actor; it also takes over process-wide signal
  state that belongs to the application;
* running the work in another thread and abandoning it at the deadline leaves it
  running: a Python thread cannot be killed, so every runaway page would leak a busy
  thread;
* a pool of worker processes, killed on timeout, copies each page and its result
  between processes and keeps a pool alive; interrupting the thread itself costs one
  short-lived timer thread (about 0.2 ms) per block.

The interrupted thread is left in the state the exception leaves it in (``finally``
blocks and ``with`` exits run), exactly as for ``KeyboardInterrupt``. Where ``ctypes``
offers no ``pythonapi`` (not CPython), the limit is not armed and the caller's other
guards are all there is.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Callable
from types import TracebackType
from typing import cast

__all__ = ["TimeLimit", "TimeLimitExceeded"]


class TimeLimitExceeded(BaseException):
    """Raised inside a block that ran past its :class:`TimeLimit`.

    A ``BaseException``, so that no ``except Exception`` in third-party code swallows it.
    """


def _async_exc_setter() -> Callable[[int, object], int] | None:
    pythonapi = getattr(ctypes, "pythonapi", None)
    setter = getattr(pythonapi, "PyThreadState_SetAsyncExc", None)
    if setter is None:
        return None
    setter.argtypes = (ctypes.c_ulong, ctypes.py_object)
    setter.restype = ctypes.c_int
    return cast("Callable[[int, object], int]", setter)


_SET_ASYNC_EXC = _async_exc_setter()
#: Passed instead of an exception, clears one that was set but not yet raised.
_CLEAR = ctypes.py_object()


class TimeLimit:
    """Raise :class:`TimeLimitExceeded` in the current thread after ``seconds``.

    Usable from any thread. ``with TimeLimit(s) as armed:`` tells whether the limit is
    enforced (always on CPython). Once the block is left, no exception from this limit
    can reach the thread any more: the timer is stopped, and an exception it set just
    before that but that the thread has not yet raised is withdrawn.
    """

    def __init__(self, seconds: float) -> None:
        self._seconds = max(seconds, 0.0)
        self._thread_id = threading.get_ident()
        self._lock = threading.Lock()
        self._active = False
        self._fired = False
        self._timer: threading.Timer | None = None

    def _fire(self) -> None:
        with self._lock:
            if self._active and _SET_ASYNC_EXC is not None:
                self._fired = True
                _SET_ASYNC_EXC(self._thread_id, TimeLimitExceeded)

    def __enter__(self) -> bool:
        if _SET_ASYNC_EXC is None:
            return False
        self._thread_id = threading.get_ident()
        self._active = True
        self._timer = threading.Timer(self._seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()
        return True

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._timer is None:
            return
        with self._lock:
            self._active = False
            if self._fired and _SET_ASYNC_EXC is not None:
                _SET_ASYNC_EXC(self._thread_id, _CLEAR)
        self._timer.cancel()
        # Joined so that no timer thread outlives the block (a fork must not find one).
        self._timer.join()
        self._timer = None
