"""Which column holds which field: guessed from the headings as schools write them, or as the person chose."""

from __future__ import annotations

import re
import unicodedata

from .kinds import KindSpec


def fold(heading: str) -> str:
    plain = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def guess_mapping(headings: list[str], spec: KindSpec) -> list[str | None]:
    """The field for each column, or None for a column to leave out; a field is taken by one column at most."""
    by_heading: dict[str, str] = {}
    for name, aliases in spec.synonyms.items():
        for alias in aliases:
            by_heading.setdefault(alias, name)
    taken: set[str] = set()
    fields: list[str | None] = []
    for heading in headings:
        field = by_heading.get(fold(heading))
        if field in taken:
            field = None
        if field is not None:
            taken.add(field)
        fields.append(field)
    return fields


def mapping_problem(mapping: list[str | None], headings: list[str], spec: KindSpec) -> dict[str, object] | None:
    """Why a chosen mapping cannot be used (its rule and what it names), or None when it can."""
    if len(mapping) != len(headings):
        return {"rule": "one_per_column", "columns": len(headings), "given": len(mapping)}
    unknown = sorted({f for f in mapping if f is not None and f not in spec.synonyms})
    if unknown:
        return {"rule": "known_field", "unknown": unknown}
    chosen = [f for f in mapping if f is not None]
    twice = sorted({f for f in chosen if chosen.count(f) > 1})
    if twice:
        return {"rule": "one_column_per_field", "fields": twice}
    return None
