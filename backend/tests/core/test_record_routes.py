"""RecordRoutes: each declared route reads like a handwritten one to FastAPI and calls one service method."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import anyio
import httpx
from fastapi import Depends, FastAPI
from pydantic import BaseModel

from odsm.core.config import Settings
from odsm.core.record_routes import RecordRoutes


class Note(BaseModel):
    text: str


class NoteRead(BaseModel):
    id: int
    text: str


class NotePage(BaseModel):
    items: list[NoteRead]


class NoteService:
    def list(self, include_inactive: bool) -> NotePage:
        return NotePage(items=[NoteRead(id=2, text="retired")] if include_inactive else [])

    def create(self, data: Note) -> NoteRead:
        return NoteRead(id=1, text=data.text)

    def get(self, note_id: int) -> NoteRead:
        return NoteRead(id=note_id, text="kept")

    def update(self, note_id: int, data: Note) -> NoteRead:
        return NoteRead(id=note_id, text=data.text)

    def pin(self, note_id: int, data: Note) -> NoteRead:
        return NoteRead(id=note_id, text=f"pinned: {data.text}")


def _provide() -> NoteService:
    return NoteService()


def _app(tmp_path: Path) -> FastAPI:
    records = RecordRoutes("notes", Annotated[NoteService, Depends(_provide)], record_id="note_id")
    records.list_retirable("list_notes", NoteService.list, NotePage)
    records.create("create_note", NoteService.create, Note, NoteRead)
    records.get("get_note", NoteService.get, NoteRead)
    records.update("update_note", NoteService.update, Note, NoteRead)
    records.action("/pin", "pinNote", "pin_note", NoteService.pin, Note, NoteRead, status_code=201)
    app = FastAPI(generate_unique_id_function=lambda route: route.name)
    app.state.settings = Settings(data_dir=tmp_path)
    app.include_router(records.router)
    return app


def test_each_route_hands_the_path_id_and_the_body_to_its_service_method(tmp_path: Path) -> None:
    async def ask() -> list[tuple[int, object]]:
        transport = httpx.ASGITransport(app=_app(tmp_path))
        async with httpx.AsyncClient(transport=transport, base_url="http://odsm") as client:
            answers = [
                await client.post("/notes", json={"text": "a"}),
                await client.get("/notes/7"),
                await client.patch("/notes/7", json={"text": "b"}),
                await client.post("/notes/7/pin", json={"text": "c"}),
                await client.get("/notes/0"),
                await client.get("/notes"),
                await client.get("/notes", params={"include_inactive": "true"}),
            ]
            return [(answer.status_code, answer.json()) for answer in answers]

    created, got, updated, pinned, refused, active, every = anyio.run(ask)
    assert created == (201, {"id": 1, "text": "a"})
    assert got == (200, {"id": 7, "text": "kept"})
    assert updated == (200, {"id": 7, "text": "b"})
    assert pinned == (201, {"id": 7, "text": "pinned: c"})
    assert refused[0] == 422  # the path id is bounded like PathId
    assert (active, every) == ((200, {"items": []}), (200, {"items": [{"id": 2, "text": "retired"}]}))


def test_each_route_names_its_operation_channel_and_refusals(tmp_path: Path) -> None:
    paths = _app(tmp_path).openapi()["paths"]
    one = paths["/notes/{note_id}"]
    assert (one["get"]["operationId"], one["get"]["x-channel"]) == ("get_note", "db:notes:get")
    assert sorted(one["get"]["responses"]) == ["200", "404", "422"]
    assert sorted(one["patch"]["responses"]) == ["200", "404", "409", "422"]
    assert paths["/notes"]["post"]["x-channel"] == "db:notes:create"
    listed = paths["/notes"]["get"]
    assert (listed["operationId"], listed["x-channel"]) == ("list_notes", "db:notes:list")
    assert [parameter["name"] for parameter in listed["parameters"]] == ["include_inactive"]
    assert sorted(paths["/notes"]["post"]["responses"]) == ["201", "409", "422"]
    pin = paths["/notes/{note_id}/pin"]["post"]
    assert (pin["operationId"], pin["x-channel"]) == ("pin_note", "db:notes:pinNote")
    assert pin["parameters"][0]["name"] == "note_id"
    assert "description" not in pin
