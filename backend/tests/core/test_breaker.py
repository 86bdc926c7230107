"""The database breaker counts as pybreaker does, while the calls it guards run side by side."""

from __future__ import annotations

import pybreaker
import pytest

from odsm.core.breaker import DatabaseBreaker

from ..held_threads import held_inside, started


class Down(Exception):
    """Stands for a database that cannot be used (the one kind of error the breaker counts)."""


class Refused(Exception):
    """Stands for anything else: a rule's refusal, a lock, a bug in one statement."""


def _breaker(fail_max: int = 2) -> DatabaseBreaker:
    return DatabaseBreaker(fail_max=fail_max, reset_timeout=60, exclude=[Refused])


def _fail(kind: type[Exception]) -> None:
    raise kind("no")


def test_failures_that_count_open_it_and_then_it_refuses_without_running_the_call() -> None:
    breaker = _breaker()
    with pytest.raises(Down):
        breaker.call(_fail, Down)
    assert breaker.current_state == "closed" and breaker.fail_counter == 1
    with pytest.raises(pybreaker.CircuitBreakerError):
        breaker.call(_fail, Down)  # the second opens it
    assert breaker.current_state == "open"
    ran: list[bool] = []
    with pytest.raises(pybreaker.CircuitBreakerError):
        breaker.call(lambda: ran.append(True))
    assert ran == []


def test_a_success_or_an_error_that_does_not_count_resets_the_count() -> None:
    breaker = _breaker(fail_max=3)
    with pytest.raises(Down):
        breaker.call(_fail, Down)
    assert breaker.call(lambda: 7) == 7
    assert breaker.fail_counter == 0
    with pytest.raises(Down):
        breaker.call(_fail, Down)
    with pytest.raises(Refused):
        breaker.call(_fail, Refused)
    assert breaker.fail_counter == 0 and breaker.current_state == "closed"


def test_a_call_under_way_does_not_hold_back_another() -> None:
    breaker = _breaker()
    with held_inside(breaker.call):
        other = started(lambda: breaker.call(lambda: None), 5)
        assert not other.is_alive(), "the second call waited for the first to end"


def test_while_half_open_one_trial_runs_at_a_time() -> None:
    breaker = _breaker(fail_max=1)
    with pytest.raises(pybreaker.CircuitBreakerError):
        breaker.call(_fail, Down)
    breaker.half_open()
    with held_inside(breaker.call):
        other = started(lambda: breaker.call(lambda: None), 1)
        assert other.is_alive(), "a second call ran beside the half-open trial"
    other.join(timeout=30)
    assert breaker.current_state == "closed"
