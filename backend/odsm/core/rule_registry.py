"""Rules as a registry: each rule is a pure function over facts loaded once, registered with the stages
it applies to (excalidraw's action registry, applied to rules).

A feature keeps one registry per kind of record (`lessons/booking_rules.py`, `classroom/session_rules.py`).
`broken` lists every refusal in registration order (the dry run shows them all); `enforce` raises the
first. Rules import no session and run no query, so they are unit-tested from plain values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Generic, TypeVar

from odsm.core.errors import AppError

S = TypeVar("S", bound=Enum)
F = TypeVar("F")
Rule = Callable[[F], AppError | None]


def refusal_of(check: Callable[[], object]) -> AppError | None:
    """A rule from another feature's check that raises its refusal (`ledger.ensure_open`): the refusal, or None."""
    try:
        check()
    except AppError as refusal:
        return refusal
    return None


class RuleRegistry(Generic[S, F]):
    def __init__(self) -> None:
        self._rules: list[tuple[frozenset[S], Rule[F]]] = []

    def rule(self, *, on: Iterable[S]) -> Callable[[Rule[F]], Rule[F]]:
        stages = frozenset(on)

        def register(fn: Rule[F]) -> Rule[F]:
            self._rules.append((stages, fn))
            return fn

        return register

    def rules_for(self, stage: S) -> list[Rule[F]]:
        return [fn for stages, fn in self._rules if stage in stages]

    def broken(self, stage: S, facts: F) -> list[AppError]:
        return [refusal for fn in self.rules_for(stage) if (refusal := fn(facts)) is not None]

    def enforce(self, stage: S, facts: F) -> None:
        for fn in self.rules_for(stage):
            refusal = fn(facts)
            if refusal is not None:
                raise refusal
