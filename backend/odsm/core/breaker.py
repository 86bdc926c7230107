"""The database's circuit breaker: pybreaker's states and counting, without its lock around the work.

pybreaker's `CircuitBreaker.call` holds the breaker's one lock for as long as the guarded call runs. Around a
unit of work that made the backend run one unit of work at a time: a read waited for a write's fsync, and on
PostgreSQL every request of a desk waited while one of its writes queued for another desk's lock.

Here a call runs outside the lock while the breaker is closed, and only its outcome goes through pybreaker:
a failure that counts is handed to `CircuitBreaker.call` to count (which may open the breaker), and a
success after failures resets the count. Open and half-open calls go through pybreaker whole, so an open
breaker refuses at once and its half-open trial is still one call at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import Any, NoReturn, TypeVar

import pybreaker

T = TypeVar("T")


def _reraise(exc: BaseException) -> NoReturn:
    raise exc


def _nothing() -> None:
    return None


class DatabaseBreaker(pybreaker.CircuitBreaker):
    def call(self, func: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self.current_state != pybreaker.STATE_CLOSED:
            return super().call(func, *args, **kwargs)
        try:
            result = func(*args, **kwargs)
        except BaseException as exc:
            if self.is_system_error(exc):
                super().call(_reraise, exc)  # counted; raises it, or the breaker's error if this opened it
            self._after_success()  # pybreaker counts an excluded error as a success
            raise
        self._after_success()
        return result

    def _after_success(self) -> None:
        if not self.fail_counter:
            return  # nothing to reset: the common case takes no lock
        with suppress(pybreaker.CircuitBreakerError):  # another call opened the breaker meanwhile: that stands
            super().call(_nothing)
