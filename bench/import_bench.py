"""10,000 students imported from a CSV, through the import service on a fresh database built by the
migrations: the preview, the import, and the same file again (which adds nobody). Prints one JSON line."""

from __future__ import annotations

import csv
import json
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from pydantic import SecretStr

from odsm.app import open_database
from odsm.core.config import Settings
from odsm.core.logging import configure_logging
from odsm.core.migrations import migrate
from odsm.features.imports.kinds import ImportKind
from odsm.features.imports.schemas import ImportRequest
from odsm.features.imports.service import ImportService

ROWS = 10_000


def write_spreadsheet(path: Path, rows: int) -> None:
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["First Name", "Last Name", "Date of Birth", "Phone", "E-mail"])
        for n in range(1, rows + 1):
            dob = date(1990, 1, 1) + timedelta(days=n % 6000)
            phone = f"416-{n % 1000:03d}-{n % 10000:04d}"
            out.writerow([f"Given{n}", f"Family{n:06d}", dob.isoformat(), phone, f"s{n}@example.com"])


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="odsm-bench-import-") as tmp:
        settings = Settings(data_dir=Path(tmp) / "data", api_secret=SecretStr("bench"), log_level="warning")
        configure_logging(settings.log_dir, settings.log_level)
        db = open_database(settings)
        migrate(settings, db.engine)
        file = Path(tmp) / "students.csv"
        write_spreadsheet(file, ROWS)
        service = ImportService(db)
        students = ImportKind.students
        t0 = time.perf_counter()
        preview = service.preview(students, ImportRequest(file=str(file)))
        t1 = time.perf_counter()
        checked = ImportRequest(file=str(file), expected_sha256=preview.sha256)
        first = service.run(students, checked)
        t2 = time.perf_counter()
        again = service.run(students, checked)
        t3 = time.perf_counter()
        db.dispose()
    assert preview.rows_valid == ROWS and first.imported == ROWS and again.already_on_file == ROWS
    print(
        json.dumps(
            {
                "rows": ROWS,
                "preview_s": round(t1 - t0, 2),
                "import_s": round(t2 - t1, 2),
                "reimport_s": round(t3 - t2, 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
