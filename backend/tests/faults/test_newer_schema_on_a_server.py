"""A desk whose app is older than the server's schema refuses to start, and changes nothing there."""

from __future__ import annotations

from odsm.core import startup_faults as faults
from odsm.core.migrations import current_revision
from odsm.core.unit_of_work import Database

from ..raw_database import raw_sql
from .spawn import backend_env
from .test_startup_faults import _run_backend

FUTURE = "9999_from_the_future"


def test_a_database_migrated_by_a_newer_app_is_refused_with_its_exit_code(db: Database) -> None:
    settings = db.settings
    db.dispose()
    raw_sql(settings, f"UPDATE alembic_version SET version_num = '{FUTURE}'")
    env = backend_env(**({"DATABASE_URL": settings.database_url} if settings.database_url else {}))
    proc = _run_backend(settings.data_dir, env=env)
    assert proc.returncode == faults.DATABASE_TOO_NEW, proc.stderr[-2000:]
    assert "newer version of the app" in proc.stderr
    db = Database(settings)
    try:
        assert current_revision(db.engine) == FUTURE  # nothing migrated, nothing rolled back
    finally:
        db.dispose()
