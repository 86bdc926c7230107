"""For `make dev`: uvicorn --reload --factory odsm.dev:app, configured from the environment."""

from __future__ import annotations

from fastapi import FastAPI

from odsm.core.config import Settings
from odsm.serve import build


def app() -> FastAPI:
    application, _db, _revision = build(Settings())
    return application  # type: ignore[no-any-return]
