"""Every table a write can touch names a kind the renderer knows, or is bookkeeping no screen shows."""

from __future__ import annotations

import odsm.models  # noqa: F401  (registers every table)
from odsm.core.change_kinds import SILENT_TABLES, decode_kinds, encode_kinds, kind_of_table
from odsm.core.orm import Base

# The renderer's RecordKind (renderer/src/lib/query-keys.ts) without its own 'demo'.
RENDERER_KINDS = {
    "audit", "billing", "certification", "classroom", "courses", "enrollments", "instructors", "lessons", "settings",
    "students", "vehicles",
}  # fmt: skip


def test_every_table_names_a_kind_the_renderer_refreshes_by() -> None:
    for table in Base.metadata.tables:
        kind = kind_of_table(table)
        assert kind is None if table in SILENT_TABLES else kind in RENDERER_KINDS, (table, kind)


def test_a_table_nobody_named_is_told_by_its_own_name_never_dropped() -> None:
    assert kind_of_table("gift_cards") == "gift_cards"


def test_kinds_travel_in_one_notification_payload_and_back() -> None:
    kinds = {"students", "audit"}
    assert encode_kinds(kinds) == "audit,students"
    assert decode_kinds(encode_kinds(kinds)) == kinds
