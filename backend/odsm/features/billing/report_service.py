"""The money reports and the accountant's CSV: reads that change nothing, as Core statements on one
connection (`Database.query`). The HST return's own figures are BillingService.hst_report."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection

from odsm.core.durable_files import written_whole
from odsm.core.unit_of_work import Database
from odsm.features.school.clock import local_today
from odsm.features.school.service import load_settings

from . import accountant_csv, reports
from . import reports_repository as repo
from .report_errors import AccountantCsvNotWritable
from .report_schemas import AccountantCsvRequest, AccountantCsvResult, Grouping, Receivables, RevenueReport


class MoneyReportService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def revenue(self, year: int, grouping: Grouping) -> RevenueReport:
        school = self.db.read(load_settings)
        periods = reports.periods_of(year, grouping)
        rows = self.db.query(lambda conn: repo.issued_by_day(conn, periods[0][1], periods[-1][2]))
        return reports.revenue_report(year, grouping, school.hst_registered, periods, rows)

    def receivables(self, limit: int) -> Receivables:
        today = local_today(self.db.read(load_settings))
        return reports.receivables(self.db.query(repo.open_invoices), today, limit)

    def write_accountant_csv(self, request: AccountantCsvRequest) -> AccountantCsvResult:
        """Written under a temporary name and renamed: a file under its real name is always whole."""
        with written_whole(request.file, AccountantCsvNotWritable) as temp:

            def read(conn: Connection) -> accountant_csv.Counts:
                start, end = request.start, request.end
                # newline="": the csv module writes its own CRLF line ends.
                with open(temp, "w", encoding="utf-8", newline="") as out:
                    return accountant_csv.write(
                        out,
                        repo.documents_in_period(conn, start, end),
                        repo.line_descriptions(conn, start, end),
                        repo.payments_in_period(conn, start, end),
                        repo.placed_on(conn, start, end),
                    )

            counts = self.db.query(read)
        target = Path(request.file)
        return AccountantCsvResult(
            file=str(target),
            bytes=target.stat().st_size,
            start=request.start,
            end=request.end,
            rows=counts.rows,
            invoices=counts.invoices,
            credit_notes=counts.credit_notes,
            payments=counts.payments,
        )
