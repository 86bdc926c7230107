"""Builds the large benchmark database through the migrations: 100,000 students and 1,000,000 lessons, and
the school's money: 300,000 invoices with their lines, some credit notes, 500,000 payments with their allocations.

Rows go in on the real schema (the ORM tables), bypassing the services: this is a benchmark fixture, not
school data, so no audit entries are written for it. On SQLite, Core bulk inserts with the journal off; on
PostgreSQL (DATABASE_URL set, as the backend reads it), COPY, then the id sequences moved past the rows.
Invoices and credit notes are numbered as issuing numbers them (each series from 1, no gap, in date order) and
the counter rows are set past them, so the next invoice the app issues takes the next number. The default
products and billing settings are left to the app, which creates them in an audited write on first use.
Usage: [DATABASE_URL=postgresql+psycopg://...] python bench/big_dataset.py DATA_DIR [--students N] [--lessons N]
       [--invoices N] [--payments N]
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from psycopg.types.json import Json
from pydantic import SecretStr
from sqlalchemy import Connection, Table, create_engine, event, insert, text

from odsm.core.config import Settings
from odsm.core.migrations import migrate
from odsm.core.unit_of_work import Database
from odsm.features.billing.defaults import DEFAULT_PRODUCTS, HST_BASIS_POINTS
from odsm.features.billing.money import totals
from odsm.features.billing.repository import rebuild_owing, rebuild_tax_rates
from odsm.features.students.search_keys import search_keys
from odsm.models import (
    Course,
    DocumentCounter,
    DocumentKind,
    Enrollment,
    HoursEntry,
    Instructor,
    Invoice,
    InvoiceLine,
    InvoiceStatus,
    Lesson,
    Payment,
    PaymentAllocation,
    PaymentKind,
    Student,
    Vehicle,
)

FIRST = ["Amara", "Ben", "Chloe", "Dev", "Emily", "Farah", "Gurpreet", "Hana", "Isaac", "Jun", "Kiran", "Liam"]
LAST = ["Okafor", "Tremblay", "Singh", "Nguyen", "Smith", "Patel", "Li", "Brown", "Wilson", "Martin", "Roy", "Chen"]
_SYLLABLES = ["ka", "lo", "mi", "ra", "to", "ne", "sa", "vi", "do", "ri", "an", "el", "or", "un", "be", "ch"]


def name_pool(real: list[str], size: int, rng: random.Random) -> tuple[list[str], list[float]]:
    """Names with a realistic spread: a few common ones (about 1.5% of people) and a long tail (Zipf-like).

    A pool of 20 names would give every surname 5% of 100,000 students, which no school has.
    """
    names = list(real)
    while len(names) < size:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        names.append(word.capitalize())
    weights = [1 / (rank + 6) for rank in range(len(names))]
    return names, weights


BATCH = 20_000
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def progress(label: str, done: int, total: int, started: float) -> None:
    rate = done / max(time.perf_counter() - started, 1e-6)
    sys.stderr.write(f"\r  {label}: {done:,}/{total:,} ({rate:,.0f} rows/s)   ")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def copy_rows(conn: Connection, table: Table, rows: Iterator[dict[str, Any]], total: int, label: str) -> None:
    """PostgreSQL's COPY: several times the rows a second of a multi-row INSERT."""
    started, done = time.perf_counter(), 0
    first = next(rows, None)
    if first is None:
        return
    columns = list(first)
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    names = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in itertools.chain([first], rows):
            copy.write_row([Json(v) if isinstance(v, list | dict) else v for v in (row[c] for c in columns)])
            done += 1
            if done % BATCH == 0:
                progress(label, done, total, started)
    progress(label, done, total, started)
    if "id" in table.c:
        # Rows came with their ids: the next id the app hands out must come after them.
        conn.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), (SELECT max(id) FROM \"{table.name}\"))")
        )


def bulk(conn: Connection, table: Table, rows: Iterator[dict[str, Any]], total: int, label: str) -> None:
    if conn.dialect.name == "postgresql":
        copy_rows(conn, table, rows, total, label)
        return
    started, done, batch = time.perf_counter(), 0, []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            conn.execute(insert(table), batch)
            done += len(batch)
            batch = []
            progress(label, done, total, started)
    if batch:
        conn.execute(insert(table), batch)
        done += len(batch)
    progress(label, done, total, started)


def build(
    data_dir: Path,
    students: int,
    lessons: int,
    invoices: int = 0,
    payments: int = 0,
    instructors: int = 200,
    vehicles: int = 100,
    database_url: str | None = None,
) -> Path:
    """`database_url` overrides DATABASE_URL ("" is the SQLite file in `data_dir`)."""
    url = {} if database_url is None else {"database_url": database_url}
    settings = Settings(data_dir=data_dir, api_secret=SecretStr("bench"), log_level="warning", **url)
    db = Database(settings)
    migrate(settings, db.engine)
    db.dispose()
    engine = create_engine(settings.resolved_database_url)

    if settings.is_sqlite:

        @event.listens_for(engine, "connect")
        def _fast(dbapi_conn: Any, _rec: Any) -> None:
            # A throwaway fixture: no journal while loading. The backend reopens it in WAL mode.
            dbapi_conn.execute("PRAGMA journal_mode=OFF")
            dbapi_conn.execute("PRAGMA synchronous=OFF")

    rng = random.Random(20261122)
    firsts, first_weights = name_pool(FIRST, 400, rng)
    lasts, last_weights = name_pool(LAST, 3000, rng)
    created = NOW - timedelta(days=400)
    with engine.begin() as conn:
        bulk(
            conn,
            Instructor.__table__,  # type: ignore[arg-type]
            (
                {
                    "id": i,
                    "first_name": rng.choices(firsts, first_weights)[0],
                    "last_name": rng.choices(lasts, last_weights)[0],
                    "di_licence_number": f"DI-{100000 + i}",
                    "di_licence_expiry": date(2028, 3, 31) if i % 25 else date(2026, 3, 31),
                    "authorised_in_car": True,
                    "authorised_classroom": i % 5 == 0,
                    "active": True,
                    "created_at": created,
                    "updated_at": created,
                    "version": 1,
                }
                for i in range(1, instructors + 1)
            ),
            instructors,
            "instructors",
        )
        bulk(
            conn,
            Vehicle.__table__,  # type: ignore[arg-type]
            (
                {
                    "id": i,
                    "plate": f"BNCH {i:03d}",
                    "vin": f"2HGFC2F59MH{i:06d}",
                    "make": "Honda",
                    "model": "Civic",
                    "year": 2022,
                    "transmission": "automatic",
                    "dual_brake": True,
                    "insurance_expiry": date(2027, 6, 30),
                    "inspection_expiry": date(2027, 6, 30),
                    "active": True,
                    "created_at": created,
                    "updated_at": created,
                    "version": 1,
                }
                for i in range(1, vehicles + 1)
            ),
            vehicles,
            "vehicles",
        )
        bulk(
            conn,
            Course.__table__,  # type: ignore[arg-type]
            iter(
                [
                    {
                        "id": 1,
                        "name": "BDE Class G",
                        "kind": "bde",
                        "classroom_minutes": 1200,
                        "in_car_minutes": 600,
                        "flex_minutes": 600,
                        "price_cents": 89900,
                        "tax_rate_basis_points": 1300,
                        "active": True,
                        "created_at": created,
                        "updated_at": created,
                        "version": 1,
                    }
                ]
            ),
            1,
            "courses",
        )

        names: list[str] = []  # what an invoice is billed to

        def student_rows() -> Iterator[dict[str, Any]]:
            for i in range(1, students + 1):
                first, last = rng.choices(firsts, first_weights)[0], rng.choices(lasts, last_weights)[0]
                names.append(f"{first} {last}")
                dob = date(2005 + i % 5, 1 + i % 12, 1 + i % 28)
                phone = f"(416) 555-{i % 10000:04d}"
                yield {
                    "id": i,
                    "first_name": first,
                    "last_name": last,
                    "date_of_birth": dob,
                    "phone": phone,
                    "licence_number": f"{last[0]}{i:09d}{dob:%y%m%d}"[:15].ljust(15, "0"),
                    "licence_class": "G1" if i % 3 else "G2",
                    # Consent at registration, as the front desk records it: without it nobody is ready.
                    "consent_at": created,
                    **search_keys(first, last, phone)._asdict(),
                    "created_at": created,
                    "updated_at": created,
                    "version": 1,
                }

        bulk(conn, Student.__table__, student_rows(), students, "students")  # type: ignore[arg-type]

        hours_day = (NOW - timedelta(days=300)).date()

        def planned_minutes(i: int) -> dict[str, int]:
            complete = i % 3 == 0
            return {
                "classroom": 1200 if complete else 900,
                "in_car": 600 if complete else 420,
                "flex": 600 if complete else 300,
            }

        def enrollment_rows() -> Iterator[dict[str, Any]]:
            for i in range(1, students + 1):
                first_class = (NOW - timedelta(days=rng.randint(0, 700))).date()
                deadline = first_class + timedelta(days=365)
                # The running totals the service keeps beside the ledger (the ledger rows follow below).
                totals = {f"{c}_minutes": m for c, m in planned_minutes(i).items()}
                on_time = hours_day <= deadline
                totals |= {f"{c}_minutes_on_time": (m if on_time else 0) for c, m in planned_minutes(i).items()}
                yield {
                    **totals,
                    "id": i,
                    "student_id": i,
                    "course_id": 1,
                    "enrolled_on": first_class - timedelta(days=7),
                    "first_class_date": first_class,
                    "deadline": deadline,
                    "final_mark_percent": 80 if i % 3 == 0 else None,
                    "result": "pass" if i % 3 == 0 else "pending",
                    # Finished students get certified promptly; about one in fifty waits on the worklist.
                    "status": "certified" if i % 3 == 0 and i % 50 else "active",
                    "created_at": created,
                    "updated_at": created,
                    "version": 1,
                }

        bulk(conn, Enrollment.__table__, enrollment_rows(), students, "enrollments")  # type: ignore[arg-type]

        per_student = max(1, lessons // students)

        def lesson_rows() -> Iterator[dict[str, Any]]:
            lesson_id = 0
            for s in range(1, students + 1):
                instructor = 1 + s % instructors
                vehicle = 1 + s % vehicles
                base = NOW - timedelta(days=rng.randint(0, 600))
                for k in range(per_student):
                    lesson_id += 1
                    start = (base + timedelta(days=3 * k)).replace(hour=8 + (s % 10), minute=0, second=0)
                    done = start < NOW
                    yield {
                        "id": lesson_id,
                        "student_id": s,
                        "enrollment_id": s,
                        "instructor_id": instructor,
                        "vehicle_id": vehicle,
                        "starts_at": start,
                        "ends_at": start + timedelta(hours=1),
                        "pickup_location": "Main office",
                        "status": "completed" if done else "scheduled",
                        "actual_start": start if done else None,
                        "actual_end": start + timedelta(hours=1) if done else None,
                        "skills_covered": [],
                        "fee_cents": 0,
                        "created_at": created,
                        "updated_at": created,
                        "version": 1,
                    }

        bulk(conn, Lesson.__table__, lesson_rows(), per_student * students, "lessons")  # type: ignore[arg-type]

        def hours_rows() -> Iterator[dict[str, Any]]:
            for s in range(1, students + 1):
                day = hours_day
                planned = planned_minutes(s)
                for category, parts in (("classroom", 4), ("in_car", 10), ("flex", 1)):
                    minutes = planned[category]
                    for _ in range(parts):
                        yield {
                            "enrollment_id": s,
                            "student_id": s,
                            "category": category,
                            "minutes": minutes // parts,
                            "occurred_on": day,
                            "source": "homelink" if category == "flex" else "correction",
                            "reason": "bench fixture",
                            "recorded_at": created,
                        }

        bulk(conn, HoursEntry.__table__, hours_rows(), students * 15, "hours ledger")  # type: ignore[arg-type]
        if invoices:
            money(conn, rng, names, invoices, payments, created)
    engine.dispose()
    # Reopen through the app's engine once: fresh statistics, and a SQLite file back in WAL mode.
    db = Database(settings)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    db.dispose()
    return settings.sqlite_path or Path(settings.resolved_database_url.rsplit("/", 1)[-1])


# What the school sells, as its default products price it (no pack: a pack's hours would need prepaid entries).
_SOLD = [(name, price) for _code, kind, name, price, _minutes in DEFAULT_PRODUCTS if kind != "pack"]
_METHODS = ["cash", "debit", "credit_card", "e_transfer", "cheque"]
CREDITED_EVERY = 50  # one invoice in fifty is cancelled by a credit note (for the whole of it, nothing paid)


def money(
    conn: Connection, rng: random.Random, names: list[str], invoices: int, payments: int, created: datetime
) -> None:
    """Issued invoices over the last two years with their lines, credit notes, payments and allocations.

    Sums stay consistent as the services keep them: what is placed on an invoice never passes its total less its
    credit notes; a credited invoice is credited whole and paid nothing; one payment in a hundred leaves $20 on
    account. Numbers run from 1 in each series, in date order, and the counters are set past them.
    """
    today = NOW.date()
    students = len(names)
    # (date, student) per invoice, in date order: ids and numbers are given in that order, as issuing gives them.
    heads = sorted((today - timedelta(days=rng.randint(1, 700)), rng.randint(1, students)) for _ in range(invoices))
    docs: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    for n, (day, student) in enumerate(heads, start=1):
        count = rng.choice((1, 1, 1, 2, 2, 3))
        picked = [(*rng.choice(_SOLD), HST_BASIS_POINTS) for _ in range(count)]
        if n % 40 == 0:  # now and then a pass-through charge with no HST on it
            picked.append(("Licence test fee paid on the student's behalf", 5_325, 0))
        t = totals(((price, rate) for _name, price, rate in picked), registered=True)
        docs.append(_document(n, n, DocumentKind.INVOICE, student, names[student - 1], day, t, created))
        lines += [_line(n, k, name, price, rate) for k, (name, price, rate) in enumerate(picked, start=1)]
    lines_of: dict[int, list[dict[str, Any]]] = {}
    for x in lines:
        lines_of.setdefault(x["invoice_id"], []).append(x)
    credited = sorted(
        (d for d in docs if d["number"] % CREDITED_EVERY == 0),
        key=lambda d: (min(today, d["invoice_date"] + timedelta(days=3)), d["id"]),
    )
    notes: list[dict[str, Any]] = []
    for k, invoice in enumerate(credited, start=1):
        note_id, day = invoices + k, min(today, invoice["invoice_date"] + timedelta(days=3))
        originals = lines_of[invoice["id"]]
        t = totals(((x["amount_cents"], x["tax_rate_basis_points"]) for x in originals), registered=True)
        note = _document(
            note_id, k, DocumentKind.CREDIT_NOTE, invoice["student_id"], invoice["bill_to_name"], day, t, created
        )
        notes.append(note | {"credit_of_id": invoice["id"], "reason": "Course cancelled before it started"})
        for x in originals:
            credit = f"Credit: {x['description']}"
            lines.append(_line(note_id, x["position"], credit, x["amount_cents"], x["tax_rate_basis_points"]))
    by_id = {d["id"]: d for d in docs}
    lines.sort(key=lambda x: (x["invoice_id"], x["position"]))
    bulk(conn, Invoice.__table__, iter(docs + notes), len(docs) + len(notes), "invoices and credit notes")  # type: ignore[arg-type]
    bulk(  # type: ignore[arg-type]
        conn, InvoiceLine.__table__, ({"id": i, **x} for i, x in enumerate(lines, start=1)), len(lines), "invoice lines"
    )

    # Payments: one invoice in ten is left unpaid and one in ten part paid; the rest are paid in full. The
    # payments are shared out over the invoices that are paid something, one to three instalments each.
    payable = [d for d in docs if d["number"] % CREDITED_EVERY and d["number"] % 10 != 7]
    instalments = (
        [payments // len(payable) + (1 if i < payments % len(payable) else 0) for i in range(len(payable))]
        if payable
        else []
    )
    pays: list[dict[str, Any]] = []
    allocations: list[dict[str, Any]] = []
    for invoice, parts in zip(payable, instalments, strict=True):
        if parts == 0:
            continue
        total = invoice["total_cents"]
        to_pay = total // 2 if invoice["number"] % 10 == 3 else total
        day = invoice["invoice_date"]
        for part in range(parts):
            amount = to_pay // parts + (to_pay % parts if part == parts - 1 else 0)
            day = min(today, day + timedelta(days=rng.randint(0, 30)))
            pid = len(pays) + 1
            extra = 2_000 if pid % 100 == 0 else 0  # money on account, placed on no invoice
            pays.append(
                {
                    "id": pid,
                    "kind": PaymentKind.PAYMENT.value,
                    "student_id": invoice["student_id"],
                    "refers_to_id": None,
                    "method": _METHODS[pid % len(_METHODS)],
                    "reference": f"CHQ {pid}" if _METHODS[pid % len(_METHODS)] == "cheque" else None,
                    "amount_cents": amount + extra,
                    "received_on": day,
                    "reason": None,
                    "created_at": created,
                    "version": 1,
                }
            )
            if amount > 0:
                allocations.append(
                    {
                        "id": len(allocations) + 1,
                        "payment_id": pid,
                        "invoice_id": invoice["id"],
                        "amount_cents": amount,
                        "allocated_on": day,
                    }
                )
    assert all(a["amount_cents"] <= by_id[a["invoice_id"]]["total_cents"] for a in allocations)
    bulk(conn, Payment.__table__, iter(pays), len(pays), "payments")  # type: ignore[arg-type]
    bulk(conn, PaymentAllocation.__table__, iter(allocations), len(allocations), "allocations")  # type: ignore[arg-type]
    # What each open invoice still owes, and each document's totals per rate, as the app would have kept them.
    rebuild_owing(conn)
    rebuild_tax_rates(conn)
    # The counters past the last numbers: the app's next invoice is INV-(invoices + 1), with no gap.
    bulk(
        conn,
        DocumentCounter.__table__,  # type: ignore[arg-type]
        iter(
            [
                {"name": DocumentKind.INVOICE.value, "next_number": len(docs) + 1},
                {"name": DocumentKind.CREDIT_NOTE.value, "next_number": len(notes) + 1},
            ]
        ),
        2,
        "billing counters",
    )


def _document(
    doc_id: int, number: int, kind: DocumentKind, student: int, name: str, day: date, t: Any, created: datetime
) -> dict[str, Any]:
    issued = datetime.combine(day, datetime.min.time(), UTC).replace(hour=15)
    return {
        "id": doc_id,
        "kind": kind.value,
        "status": InvoiceStatus.ISSUED.value,
        "number": number,
        "student_id": student,
        "credit_of_id": None,
        "enrollment_id": None,
        "lesson_id": None,
        "invoice_date": day,
        "due_on": day + timedelta(days=30),
        "bill_to_name": name,
        "bill_to_kind": "student",
        "hst_registered": True,
        "hst_number": "",
        "subtotal_cents": t.subtotal_cents,
        "tax_cents": t.tax_cents,
        "total_cents": t.total_cents,
        "notes": None,
        "reason": None,
        "issued_at": issued,
        "created_at": created,
        "updated_at": created,
        "version": 1,
    }


def _line(invoice_id: int, position: int, description: str, price: int, rate: int) -> dict[str, Any]:
    return {
        "invoice_id": invoice_id,
        "position": position,
        "product_id": None,
        "description": description,
        "quantity": 1,
        "unit_price_cents": price,
        "tax_rate_basis_points": rate,
        "amount_cents": price,
        "prepaid_minutes": 0,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--lessons", type=int, default=1_000_000)
    parser.add_argument("--invoices", type=int, default=300_000)
    parser.add_argument("--payments", type=int, default=500_000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    path = build(args.data_dir, args.students, args.lessons, args.invoices, args.payments)
    sys.stderr.write(f"  built {path.name} in {time.perf_counter() - t0:.1f} s\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
