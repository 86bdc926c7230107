"""Which engine this test run uses, and PostgreSQL databases made for it and dropped after it.

`ODSM_TEST_ENGINE=postgresql` runs the suite on the server at `ODSM_TEST_PG_URL` (an administrative
connection; `make test-backend-pg` sets both). Each run builds one template database with the
migrations; each test then gets a copy (`CREATE DATABASE ... TEMPLATE`), so no test sees another's
rows, triggers or schema changes, and every database the run made is dropped at the end.
"""

from __future__ import annotations

import itertools
import os
import secrets

from sqlalchemy import Engine, create_engine, make_url, text

ENGINE = os.environ.get("ODSM_TEST_ENGINE", "sqlite")
ON_POSTGRES = ENGINE == "postgresql"
PG_ADMIN_URL = os.environ.get("ODSM_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")

if ENGINE not in {"sqlite", "postgresql"}:
    raise RuntimeError(f"ODSM_TEST_ENGINE must be sqlite or postgresql, not {ENGINE!r}")


class PgDatabases:
    """Creates and drops this run's databases through one administrative connection."""

    def __init__(self, admin_url: str = PG_ADMIN_URL) -> None:
        self._admin: Engine = create_engine(admin_url, isolation_level="AUTOCOMMIT", pool_size=1)
        self._url = make_url(admin_url)
        # The pid and a random part: two machines' runs may share one server.
        self.prefix = f"odsm_test_{os.getpid()}_{secrets.token_hex(3)}"
        self._names = itertools.count(1)
        self.template: str | None = None

    def url(self, name: str) -> str:
        return self._url.set(database=name).render_as_string(hide_password=False)

    def create(self, *, from_template: bool) -> str:
        """A new database: a copy of the migrated template, or empty. Returns its URL."""
        name = f"{self.prefix}_{next(self._names)}"
        template = self.template if from_template else "template0"
        if template is None:
            raise RuntimeError("the template database has not been created")
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        return self.url(name)

    def create_template(self) -> str:
        """The empty database the migrations build once per run; every test's database copies it."""
        self.template = f"{self.prefix}_template"
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.template}" TEMPLATE template0'))
        return self.url(self.template)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self._admin.connect() as conn:
            # FORCE: a test that failed half way may have left a connection open.
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def drop_all(self) -> None:
        with self._admin.connect() as conn:
            names = conn.execute(text("SELECT datname FROM pg_database")).scalars().all()
            # Only this run's: another worktree's run may be using the same server at the same time.
            for name in [n for n in names if n.startswith(f"{self.prefix}_")]:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self._admin.dispose()


if __name__ == "__main__":
    # The IPC contract suite (TypeScript, electron/test/support/real-backend.ts) makes and drops its
    # databases through this: `python backend/tests/engines.py create` prints a URL; `drop URL` drops it;
    # `sql URL STATEMENTS` changes one behind the app's back, as psql would.
    import sys

    verb, args = sys.argv[1] if len(sys.argv) > 1 else "", sys.argv[2:]
    if verb == "create" and not args:
        print(PgDatabases().create(from_template=False))
    elif verb == "drop" and len(args) == 1:
        PgDatabases().drop(args[0])
    elif verb == "sql" and len(args) == 2:
        import psycopg

        dsn = make_url(args[0]).set(drivername="postgresql").render_as_string(hide_password=False)
        with psycopg.connect(dsn) as pg:
            pg.execute(args[1].encode())  # bytes: a literal '%' is not a placeholder
    else:
        sys.exit("usage: engines.py create | drop URL | sql URL STATEMENTS")
