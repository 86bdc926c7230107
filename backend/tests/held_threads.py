"""Two threads, one held inside what it runs while the test watches whether another gets through."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def held_inside(run: Callable[[Callable[[], None]], object]) -> Iterator[None]:
    """Runs `run(hold)` on a thread of its own; `hold()`, called inside it, waits there until the block ends.
    The block starts once the thread is inside."""
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        inside.set()
        release.wait(30)

    thread = threading.Thread(target=run, args=(hold,))
    thread.start()
    try:
        assert inside.wait(10), "the held call never got inside"
        yield
    finally:
        release.set()
        thread.join(timeout=30)


def started(target: Callable[[], object], seconds: float) -> threading.Thread:
    """`target` on a thread, after `seconds` to finish in: `is_alive()` then tells whether it was held back."""
    thread = threading.Thread(target=target)
    thread.start()
    thread.join(timeout=seconds)
    return thread
