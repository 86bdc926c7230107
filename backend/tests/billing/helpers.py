"""A small school with money: students, products by code, invoices and payments through the real API."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from ..conftest import LiveServer
from ..enrollments.builders import School, ok, today


class Till(School):
    def __init__(self, live: LiveServer) -> None:
        super().__init__(live)
        self._products: dict[str, dict[str, Any]] = {}

    def product(self, code: str) -> dict[str, Any]:
        if not self._products:
            items = ok(self.c.get("/api/v1/billing/products", params={"include_inactive": True}))["items"]
            self._products = {p["code"]: p for p in items}
        return self._products[code]

    def adult(self, **kw: Any) -> dict[str, Any]:
        return self.student(date_of_birth="1990-05-01", **kw)

    def invoice(self, student_id: int, *lines: dict[str, Any], issue: bool = True, **kw: Any) -> dict[str, Any]:
        body = {"student_id": student_id, "lines": list(lines) or [self.lesson_line()], "issue": issue, **kw}
        return ok(self.c.post("/api/v1/invoices", json=body), 201)

    def lesson_line(self, quantity: int = 1) -> dict[str, Any]:
        return {"product_id": self.product("lesson_60")["id"], "quantity": quantity}

    def pay(self, student_id: int, amount: int, **kw: Any) -> Any:
        body = {"student_id": student_id, "method": "debit", "amount_cents": amount, **kw}
        return self.c.post("/api/v1/payments", json=body)

    def statement(self, student_id: int) -> dict[str, Any]:
        return ok(self.c.get(f"/api/v1/billing/students/{student_id}/statement"))

    def invoice_now(self, invoice_id: int) -> dict[str, Any]:
        return ok(self.c.get(f"/api/v1/invoices/{invoice_id}"))


def days_back(n: int) -> str:
    return (today() - timedelta(days=n)).isoformat()
