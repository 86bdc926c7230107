"""Who may be named as "Certified by": the people a driving school has certify students on the MTO site.

Two kinds of people, in one list:
- the school's instructors whose DI licence is valid today: in most Ontario schools the instructor-owner or a
  senior instructor signs the BDE completion, and an instructor without a valid licence may not (the school
  may not even certify that instructor's students, DOMAIN.md);
- the staff accounts whose role holds the certify permission (the owner, and the office when the owner
  allows it: odsm.features.staff.permissions), for a school whose owner or desk does it and teaches no lessons.
With sign-in off a school often has no staff accounts at all, so the instructors alone must be enough.
An account that belongs to a listed instructor is not listed twice.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from odsm.features.instructors.service import find_instructor, licensed_instructors
from odsm.features.staff.permissions import Role
from odsm.features.staff.service import accounts_that_may_certify, find_account, roles_that_may_certify

from .errors import CertifierNotAllowed, CertifierUnknown
from .schemas import Certifier, CertifierKind, CertifierRef

ROLE_WORDS = {Role.OWNER: "Owner", Role.OFFICE: "Office", Role.INSTRUCTOR: "Instructor"}


def certifiers_on(s: Session, today: date) -> list[Certifier]:
    """Instructors by name, then staff accounts by name."""
    instructors = licensed_instructors(s, today)
    people = [
        Certifier(kind=CertifierKind.INSTRUCTOR, id=i.id, name=f"{i.first_name} {i.last_name}", role="Instructor")
        for i in instructors
    ]
    listed = {i.id for i in instructors}
    people += [
        Certifier(kind=CertifierKind.STAFF, id=a.id, name=a.name, role=ROLE_WORDS[Role(a.role)])
        for a in accounts_that_may_certify(s)
        if a.instructor_id is None or a.instructor_id not in listed
    ]
    return people


def certifier_name(s: Session, ref: CertifierRef, today: date) -> str:
    """The chosen person's name as the record keeps it, or the refusal that says why they may not certify."""
    who = {"field": "certifier", "kind": ref.kind.value, "id": ref.id}
    if ref.kind is CertifierKind.INSTRUCTOR:
        instructor = find_instructor(s, ref.id)
        if instructor is None:
            raise CertifierUnknown(details={**who, "rule": "known"})
        name = f"{instructor.first_name} {instructor.last_name}"
        if not instructor.active:
            raise CertifierNotAllowed(
                f"{name} no longer works at the school, so cannot be named as certifying.",
                details={**who, "rule": "active", "name": name},
            )
        if instructor.di_licence_expiry < today:
            raise CertifierNotAllowed(
                f"{name}'s DI licence expired on {instructor.di_licence_expiry.isoformat()}: only an instructor "
                "with a valid licence may certify.",
                details={
                    **who,
                    "rule": "di_licence_valid",
                    "name": name,
                    "di_licence_expiry": instructor.di_licence_expiry.isoformat(),
                },
            )
        return name
    account = find_account(s, ref.id)
    if account is None:
        raise CertifierUnknown(details={**who, "rule": "known"})
    if not account.active:
        raise CertifierNotAllowed(
            f"{account.name}'s account is switched off, so cannot be named as certifying.",
            details={**who, "rule": "active", "name": account.name},
        )
    role = Role(account.role)
    if role not in roles_that_may_certify(s):
        raise CertifierNotAllowed(
            f"{account.name} is {ROLE_WORDS[role].lower()} staff, and that role may not certify students "
            "(the owner may allow the office to, in Settings).",
            details={**who, "rule": "may_certify", "name": account.name, "role": role.value},
        )
    return account.name
