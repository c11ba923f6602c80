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


#: Seconds between two interruptions when the first was swallowed: an exception that
#: lands in a weakref callback or ``__del__`` (run by the garbage collector in the
#: middle of the block) is reported as "ignored" by the interpreter and never reaches
#: the block, so the limit fires again until the block is left ...
REFIRE_SECONDS = 0.05
#: ... at most this many more times (bounded, should the thread never leave the block).
MAX_REFIRES = 20


class TimeLimit:
    """Raise :class:`TimeLimitExceeded` in the current thread after ``seconds``.

    Usable from any thread. ``with TimeLimit(s) as armed:`` tells whether the limit is
    enforced (always on CPython). Once the block is left, no exception from this limit
    can reach the thread any more: the timers are stopped, and an exception set just
    before that but not yet raised is withdrawn.
    """

    def __init__(self, seconds: float) -> None:
        self._seconds = max(seconds, 0.0)
        self._thread_id = threading.get_ident()
        self._lock = threading.Lock()
        self._active = False
        self._fired = False
        self._timers: list[threading.Timer] = []

    def _start_timer(self, seconds: float) -> None:
        timer = threading.Timer(seconds, self._fire)
        timer.daemon = True
        self._timers.append(timer)
        timer.start()

    def _fire(self) -> None:
        with self._lock:
            if self._active and _SET_ASYNC_EXC is not None:
                self._fired = True
                _SET_ASYNC_EXC(self._thread_id, TimeLimitExceeded)
                if len(self._timers) <= MAX_REFIRES:
                    self._start_timer(REFIRE_SECONDS)

    def __enter__(self) -> bool:
        if _SET_ASYNC_EXC is None:
            return False
        self._thread_id = threading.get_ident()
        with self._lock:
            self._active = True
            self._start_timer(self._seconds)
        return True

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._timers:
            return
        with self._lock:
            self._active = False
            if self._fired and _SET_ASYNC_EXC is not None:
                _SET_ASYNC_EXC(self._thread_id, _CLEAR)
            timers, self._timers = self._timers, []
        for timer in timers:
            timer.cancel()
            # Joined so that no timer thread outlives the block (a fork must not find one).
            timer.join()
