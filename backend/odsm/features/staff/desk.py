"""Who a request comes from, and what the permission table lets them do."""

from __future__ import annotations

from dataclasses import dataclass

from .permissions import Permission, role_may
from .schemas import StaffRead


@dataclass(frozen=True)
class Access:
    """Who a request comes from: sign-in off (anyone may do anything), or the signed-in account."""

    enabled: bool
    account: StaffRead | None = None
    office_may_certify: bool = False

    def may(self, permission: Permission) -> bool:
        if not self.enabled or permission is Permission.PUBLIC:
            return True
        if self.account is None:
            return False
        return role_may(self.account.role, permission, office_may_certify=self.office_may_certify)

    def permissions(self) -> list[Permission]:
        return [p for p in Permission if p is not Permission.PUBLIC and self.may(p)]
