from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from odsm.core.audit import Audited
from odsm.core.orm import Base, UTCDateTime, utcnow


def search_key(length: int) -> String:
    """A column searched by prefix: a range scan `term <= key < bound`, which means "starts with term" only
    in code point order. SQLite compares bytes already; PostgreSQL would compare in the database's locale,
    where "a c" may sort between "ab" and "ac" and ":" (the bound after "…9") before the digits, so these
    columns are collated "C" there. Its B-tree index answers the range all the same."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


class Student(Audited, Base):
    __tablename__ = "students"
    __audit_exclude__ = frozenset(
        {
            "search_first_last",
            "search_last_first",
            "search_first_last_joined",
            "search_last_first_joined",
            "phone_digits",
            "phone_local",
        }
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    date_of_birth: Mapped[date] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(40))
    # Digits only, so "(416) 555-0100" and "4165550100" find the same student.
    phone_digits: Mapped[str | None] = mapped_column(search_key(40))
    # The last seven digits: front desks often type the number without its area code.
    phone_local: Mapped[str | None] = mapped_column(search_key(7))
    email: Mapped[str | None] = mapped_column(String(254))
    address: Mapped[str | None] = mapped_column(Text)
    licence_number: Mapped[str | None] = mapped_column(search_key(15))
    licence_class: Mapped[str | None] = mapped_column(String(2))
    g1_issue_date: Mapped[date | None] = mapped_column(Date)
    licence_expiry: Mapped[date | None] = mapped_column(Date)
    guardian_name: Mapped[str | None] = mapped_column(String(200))
    guardian_phone: Mapped[str | None] = mapped_column(String(40))
    guardian_email: Mapped[str | None] = mapped_column(String(254))
    emergency_contact_name: Mapped[str | None] = mapped_column(String(200))
    emergency_contact_phone: Mapped[str | None] = mapped_column(String(40))
    # Consent to share with MTO, the Insurance Bureau of Canada and the MTO course inspector.
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    notes: Mapped[str | None] = mapped_column(Text)
    # Folded "first last" and "last first" (no case, no accents): search is an index range scan on either
    # ("oka" finds Okafor, "amara oka" and "okafor am" find Amara Okafor), on SQLite and PostgreSQL alike.
    search_first_last: Mapped[str] = mapped_column(search_key(210))
    search_last_first: Mapped[str] = mapped_column(search_key(210))
    # The same keys with their spaces taken out, for a name typed run together ("王小明" finds 王 小明).
    search_first_last_joined: Mapped[str] = mapped_column(search_key(210))
    search_last_first_joined: Mapped[str] = mapped_column(search_key(210))
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    # Optimistic concurrency: every UPDATE checks and bumps it (SQLAlchemy's version_id_col).
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012

    def audit_student_id(self) -> int | None:
        return self.id

    __table_args__ = (
        Index("ix_students_licence_number", "licence_number", unique=True),
        # archived_at rides along so that counting the matches of a search reads the index alone.
        Index("ix_students_search_first_last", "search_first_last", "archived_at"),
        Index("ix_students_search_last_first", "search_last_first", "archived_at"),
        # search_last_first rides along as the sort key of a page: without it SQLite reads every match's row
        # to sort them (22 ms for "oka" at 100,000 students, against 1 ms with it).
        Index("ix_students_search_first_last_joined", "search_first_last_joined", "archived_at", "search_last_first"),
        Index("ix_students_search_last_first_joined", "search_last_first_joined", "archived_at", "search_last_first"),
        Index("ix_students_phone_digits", "phone_digits"),
        Index("ix_students_phone_local", "phone_local"),
        Index("ix_students_last_first", "last_name", "first_name"),
    )
