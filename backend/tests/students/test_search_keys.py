"""The search keys without a server: the fold, the joined keys and the range's upper bound."""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateTable

from odsm.features.students.search_keys import KEY_LENGTH, SearchKeys, fold, prefix_upper_bound, search_keys
from odsm.models import Student


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Lefevre", "Lefèvre"),
        ("lefèvre", "Lefevre"),
        ("LEFÈVRE", "lefèvre"),
        ("Nunez", "Núñez"),
        ("Sorensen", "Sørensen"),
        ("Lodz", "Łódź"),
        ("Strauss", "Strauß"),
        ("Aeby", "Æby"),
        ("Dokovic", "Đoković"),
        ("O'Brien", "O\u2019Brien"),  # the typographic apostrophe
        ("amara", "\uff21\uff2d\uff21\uff32\uff21"),  # full-width AMARA
        ("ilkay", "İlkay"),
        ("a b", "  A \t B "),
    ],
)
def test_fold_makes_what_a_front_desk_types_equal_to_the_stored_name(typed: str, stored: str) -> None:
    assert fold(typed) == fold(stored)


@pytest.mark.parametrize(("one", "other"), [("Lee", "Li"), ("か", "が"), ("Anne", "Anna")])
def test_fold_keeps_different_letters_apart(one: str, other: str) -> None:
    assert fold(one) != fold(other)


def test_a_name_keys_hold_both_orders_with_and_without_spaces() -> None:
    keys = search_keys("Xiao Ming", "Wang", "(416) 555-0142")
    assert keys.search_first_last == "xiao ming wang"
    assert keys.search_last_first == "wang xiao ming"
    assert keys.search_first_last_joined == "xiaomingwang"
    assert keys.search_last_first_joined == "wangxiaoming"
    assert (keys.phone_digits, keys.phone_local) == ("4165550142", "5550142")


def test_keys_are_cut_to_the_column_length_after_folding_lengthens_them() -> None:
    keys = search_keys("ß" * 100, "ß" * 100, None)
    assert len(keys.search_first_last) == len(keys.search_last_first_joined) == KEY_LENGTH
    assert keys.phone_digits is None


@pytest.mark.parametrize(
    ("prefix", "bound"),
    [
        ("ab", "ac"),
        ("a", "b"),
        ("a\uffff", "a\U00010000"),
        ("a\U00020bb7", "a\U00020bb8"),
        ("a\ud7ff", "a\ue000"),
        ("a\U0010ffff", "b"),
        ("\U0010ffff", None),
    ],
)
def test_the_upper_bound_is_the_prefix_with_its_last_code_point_raised(prefix: str, bound: str | None) -> None:
    assert prefix_upper_bound(prefix) == bound


@pytest.mark.parametrize("key", ["a", "a𠮷", "a\U0010ffff\U0010ffff", "a\uffff", "azzz", "a\U000e0001x"])
def test_every_key_that_starts_with_the_prefix_falls_inside_the_range(key: str) -> None:
    bound = prefix_upper_bound("a")
    assert bound is not None
    assert "a" <= key < bound
    # The same order holds for the UTF-8 bytes that SQLite and PostgreSQL ("C") compare.
    assert b"a" <= key.encode() < bound.encode()


@pytest.mark.parametrize("key", ["b", "b𠮷", "`z"])
def test_no_key_without_the_prefix_falls_inside_the_range(key: str) -> None:
    bound = prefix_upper_bound("a")
    assert bound is not None
    assert not ("a" <= key < bound)


@pytest.mark.parametrize("column", [*SearchKeys._fields, "licence_number"])
def test_every_prefix_searched_column_compares_code_points_on_postgresql(column: str) -> None:
    # In a locale's order ":" (the bound after "...9") sorts before the digits, and the range would be empty.
    ddl = str(CreateTable(Student.__table__).compile(dialect=postgresql.dialect()))  # type: ignore[arg-type]
    [line] = [line for line in ddl.splitlines() if line.strip().startswith(f"{column} ")]
    assert 'COLLATE "C"' in line
