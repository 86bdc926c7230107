"""Searching students over the API: accents, run-together names and characters above U+FFFF."""

from __future__ import annotations

from ..conftest import LiveServer, student_payload


def add(live: LiveServer, first: str, last: str) -> None:
    payload = student_payload(first_name=first, last_name=last, licence_number=None, phone=None)
    r = live.client.post("/api/v1/students", json=payload)
    assert r.status_code == 201, r.text


def found(live: LiveServer, q: str) -> list[str]:
    r = live.client.get("/api/v1/students", params={"q": q})
    assert r.status_code == 200, r.text
    return [f"{s['first_name']} {s['last_name']}" for s in r.json()["items"]]


def test_a_name_with_a_character_above_uffff_is_found_by_its_first_letters(live: LiveServer) -> None:
    add(live, "Li", "A𠮷")
    add(live, "Bo", "B𠮷")
    assert found(live, "a") == ["Li A𠮷"]
    assert found(live, "A𠮷") == ["Li A𠮷"]
    assert found(live, "li a𠮷") == ["Li A𠮷"]
    assert found(live, "𠮷") == []


def test_search_ignores_accents_in_the_term_and_in_the_name(live: LiveServer) -> None:
    add(live, "Élodie", "Lefèvre")
    add(live, "Marc", "Lefevre")
    add(live, "Søren", "Brøndum")
    add(live, "Anna", "Lefort")
    assert found(live, "Lefevre") == ["Élodie Lefèvre", "Marc Lefevre"]
    assert found(live, "lefèvre") == ["Élodie Lefèvre", "Marc Lefevre"]
    assert found(live, "elodie lefe") == ["Élodie Lefèvre"]
    assert found(live, "soren brond") == ["Søren Brøndum"]
    assert found(live, "Lefè") == ["Élodie Lefèvre", "Marc Lefevre"]
    assert found(live, "lefo") == ["Anna Lefort"]


def test_a_chinese_name_is_found_typed_with_or_without_a_space(live: LiveServer) -> None:
    add(live, "小明", "王")
    add(live, "小红", "王")
    add(live, "伟", "李")
    assert found(live, "王小明") == ["小明 王"]
    assert found(live, "小明王") == ["小明 王"]
    assert found(live, "王 小明") == ["小明 王"]
    assert found(live, "王") == ["小明 王", "小红 王"]
    assert found(live, "王小") == ["小明 王", "小红 王"]
    assert found(live, "王小刚") == []


def test_a_term_with_a_space_matches_word_for_word(live: LiveServer) -> None:
    add(live, "Ben", "Tremblay")
    add(live, "Bent", "Rasmussen")
    assert found(live, "ben tr") == ["Ben Tremblay"]
    assert found(live, "bent r") == ["Bent Rasmussen"]


def test_a_term_without_a_space_runs_over_the_spaces_of_a_name(live: LiveServer) -> None:
    add(live, "Joao", "de Souza")
    add(live, "Ben", "Tremblay")
    add(live, "Bent", "Rasmussen")
    assert found(live, "desouza") == ["Joao de Souza"]
    assert found(live, "joaodes") == ["Joao de Souza"]
    # Both, in last-name order: run together, "bent" is also how "Ben Tremblay" starts.
    assert found(live, "bent") == ["Bent Rasmussen", "Ben Tremblay"]
