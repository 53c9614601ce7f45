"""Status changes of reports, from Signalen's webhook or the CLI, told to residents who asked.

CLI: `python -m bot.reports.status M-2026-000123 afgehandeld`
"""
from __future__ import annotations

import argparse
import logging
from typing import Optional

from bot.reports.db import migrate, session
from bot.reports.models import OutboxItem, Report
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

RESIDENT_UPDATE = "resident_update"
STATUSES = ("gemeld", "in_behandeling", "ingepland", "afgehandeld", "geannuleerd", "heropend")
# Signalen status states (signals.apps.signals.workflow) → our statuses.
SIGNALEN_STATES = {"m": "gemeld", "i": "in_behandeling", "b": "in_behandeling",
                   "h": "in_behandeling", "ingepland": "ingepland", "o": "afgehandeld",
                   "a": "geannuleerd", "reopened": "heropend"}


class UnknownReport(LookupError):
    """No report with that case number or Signalen id."""


def change_status(reference: str, status: str, url: str = DATABASE_URL) -> Report:
    """Set a report's status by case number or Signalen id; queue an update if wanted."""
    if status not in STATUSES:
        raise ValueError(f"unknown status '{status}', use one of {', '.join(STATUSES)}")
    with session(url) as db:
        report = (db.query(Report).filter((Report.case_number == reference)
                                          | (Report.signalen_id == reference)).one_or_none())
        if report is None:
            raise UnknownReport(reference)
        if report.status == status:
            return report
        report.status = status
        if report.wants_updates and report.sender_id:
            db.add(OutboxItem(kind=RESIDENT_UPDATE, report_id=report.id))
        logger.info("Report %s is now %s", report.case_number, status)
        return report


def status_from_signalen(state: Optional[str]) -> Optional[str]:
    return SIGNALEN_STATES.get(state or "")


def main() -> None:
    parser = argparse.ArgumentParser(description="Change the status of a report.")
    parser.add_argument("reference", help="case number (M-2026-000123) or Signalen id")
    parser.add_argument("status", choices=STATUSES)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    migrate()
    try:
        report = change_status(args.reference, args.status)
    except UnknownReport:
        raise SystemExit(f"No report {args.reference}")
    print(f"{report.case_number}: {report.status}")


if __name__ == "__main__":
    main()
