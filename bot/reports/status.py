"""Status changes of reports, polled from Signalen or set with the CLI, told to residents who asked.

CLI: `python -m bot.reports.status M-2026-000123 afgehandeld`

Signalen pushes nothing (it e-mails reporters itself), so `bot.reports.status_poll`
reads the state; `SIGNALEN_STATES` says what each of Signalen's states means for the
resident, or that it is a deliberate silence.
"""
from __future__ import annotations

import argparse
import logging
from typing import Dict, Optional

from bot.reports.db import migrate, session
from bot.reports.models import OutboxItem, Report
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

RESIDENT_UPDATE = "resident_update"
STATUSES = ("gemeld", "in_behandeling", "ingepland", "reactie_gevraagd", "afgehandeld",
            "geannuleerd", "gesloten", "heropend", "handmatig")
# The municipality has a question for the resident (Signalen's "reaction requested").
ASKED = "reactie_gevraagd"
# Statuses after which nothing is expected any more (a closed signal can still be reopened).
FINAL = ("afgehandeld", "geannuleerd", "gesloten")

# Every state of Signalen's workflow (app/signals/apps/signals/workflow.py, Amsterdam/signals
# @ adbe8fc7, STATUS_CHOICES_API + STATUS_CHOICES_APP) → the resident's status, or None: a
# deliberate silence (the stored Signalen state changes, the resident hears nothing).
SIGNALEN_STATES: Dict[str, Optional[str]] = {
    "m": None,                        # Gemeld: told at filing; back to m after triage is no news
    "i": None,                        # In afwachting van behandeling: waiting in a queue
    "b": "in_behandeling",            # In behandeling: someone works on it
    "h": None,                        # On hold: an internal pause, nothing the resident can do
    "ingepland": "ingepland",         # Ingepland: the work is planned
    "ready to send": None,            # Extern: te verzenden: routing to a contractor's system
    "sent": None,                     # Extern: verzonden: routing, internal
    "send failed": None,              # Extern: mislukt: staff's problem, not the resident's
    "done external": None,            # Extern: afgehandeld: staff still close (o) or reopen it
    "closure requested": None,        # Extern: verzoek tot afhandeling: internal sign-off step
    "forward to external": "in_behandeling",  # Doorgezet naar extern: another party handles it
    "reaction requested": "reactie_gevraagd",  # Reactie gevraagd: the municipality has a question
    "reaction received": None,        # Reactie ontvangen: the resident answered, they know
    "o": "afgehandeld",               # Afgehandeld: done
    "a": "geannuleerd",               # Geannuleerd: closed without work
    "s": "gesloten",                  # Gesplitst (historical): closed, split into new signals
    "reopened": "heropend",           # Heropend: picked up again
    "reopen requested": None,         # Verzoek tot heropenen: the resident's own request (KTO)
}
# The public detail only says OPEN or CLOSED (api/app_settings.py: closed = o, a, s).
PUBLIC_STATES: Dict[str, Optional[str]] = {
    "OPEN": None,                     # still open: no news we can tell apart
    "CLOSED": "gesloten",             # done, cancelled or split: the public API does not say which
}


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
        set_status(db, report, status)
        return report


def set_status(db, report: Report, status: str, again: bool = False) -> bool:
    """Change the status in an open session; queue the resident's update. False: no change.
    `again`: the same status is news once more (a new question from the municipality)."""
    if report.status == status and not again:
        return False
    report.status = status
    if report.wants_updates and report.sender_id:
        db.add(OutboxItem(kind=RESIDENT_UPDATE, report_id=report.id))
    logger.info("Report %s is now %s", report.case_number, status)
    return True


def status_from_signalen(state: Optional[str]) -> Optional[str]:
    """Our status for a Signalen state (workflow or public); None: silence or unknown."""
    state = state or ""
    return SIGNALEN_STATES.get(state, PUBLIC_STATES.get(state))


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
