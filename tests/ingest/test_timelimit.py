"""The hard time limit: interrupts a block in the main thread and in any other thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import pytest

from spinscope.ingest import timelimit
from spinscope.ingest.timelimit import TimeLimit, TimeLimitExceeded

T = TypeVar("T")


def _busy(seconds: float) -> None:
    """Pure-Python work for ``seconds`` (no blocking call the limit would wait for)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        sum(range(100))


def _in_main(fn: Callable[[], T]) -> T:
    return fn()


def _in_pool(fn: Callable[[], T]) -> T:
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(fn).result()


def _in_thread(fn: Callable[[], T]) -> T:
    out: list[T] = []
    thread = threading.Thread(target=lambda: out.append(fn()))
    thread.start()
    thread.join()
    return out[0]


RUNNERS = pytest.mark.parametrize("run", [_in_main, _in_pool, _in_thread], ids=lambda f: f.__name__)


@RUNNERS
def test_runaway_block_is_interrupted(run: Callable[[Callable[[], float]], float]) -> None:
    def work() -> float:
        started = time.monotonic()
        with pytest.raises(TimeLimitExceeded), TimeLimit(0.1) as armed:
            assert armed
            _busy(10)
        return time.monotonic() - started

    assert 0.1 <= run(work) < 1.5


@RUNNERS
def test_nothing_reaches_the_thread_after_the_block(
    run: Callable[[Callable[[], int]], int],
) -> None:
    """Blocks that end right at their limit: whether or not the limit fired inside,
    no exception may arrive later, in code outside the block."""

    def work() -> int:
        fired = 0
        for _ in range(30):
            try:
                with TimeLimit(0.001):
                    _busy(0.001)
            except TimeLimitExceeded:
                fired += 1
            _busy(0.002)  # a late exception would escape from here and fail the test
        return fired

    assert 0 <= run(work) <= 30


def test_block_within_its_limit_is_untouched() -> None:
    with TimeLimit(5.0):
        _busy(0.05)
    _busy(0.05)


def test_no_timer_thread_outlives_the_block() -> None:
    before = threading.active_count()
    with TimeLimit(5.0):
        assert threading.active_count() == before + 1
    assert threading.active_count() == before
    with pytest.raises(TimeLimitExceeded), TimeLimit(0.01):
        _busy(5)
    assert threading.active_count() == before


def test_other_exceptions_pass_through() -> None:
    with pytest.raises(ValueError, match="boom"), TimeLimit(5.0):
        raise ValueError("boom")


def test_not_swallowed_by_except_exception() -> None:
    caught = []
    with pytest.raises(TimeLimitExceeded), TimeLimit(0.05):
        try:
            _busy(5)
        except Exception as exc:  # what careless third-party code does
            caught.append(exc)
    assert caught == []


def test_exception_set_as_the_block_ends_is_withdrawn() -> None:
    """The timer fires while the block's thread is leaving it: the exception, set but
    not yet raised, must never surface in the code after the block."""
    limit = TimeLimit(60.0)
    ready = threading.Event()

    def fire_late() -> None:
        with limit._lock:  # the block's thread now waits for this lock in __exit__
            ready.set()
            time.sleep(0.05)
            limit._fired = True
            assert timelimit._SET_ASYNC_EXC is not None
            timelimit._SET_ASYNC_EXC(limit._thread_id, TimeLimitExceeded)

    helper = threading.Thread(target=fire_late)
    with limit:
        helper.start()
        ready.wait()
    _busy(0.05)
    helper.join()


def test_an_interruption_swallowed_by_a_finaliser_is_fired_again() -> None:
    """Half the block's time is spent in ``__del__``, where an async exception is
    reported as ignored instead of raised: the limit must still end the block."""

    class Finalised:
        def __del__(self) -> None:
            for _ in range(2_000):
                pass

    started = time.perf_counter()
    with pytest.raises(TimeLimitExceeded), TimeLimit(0.05):
        while True:
            Finalised()
            for _ in range(2_000):
                pass
    assert time.perf_counter() - started < 2.0
