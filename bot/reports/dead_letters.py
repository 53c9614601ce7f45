"""Reports that Signalen refused, or whose create answer was lost: listed for staff, resent by them.

`dead_letters()` lists them with Signalen's reason; `resend(report_id, corrections)`
applies staff's corrections to the report and queues it again; `link(report_id,
signal_id)` records the signal staff found in Signalen for a lost answer. For the
console (another process): plain functions on the report store.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional

from bot.reports.db import session
from bot.reports.models import OutboxItem, Report, utcnow
from bot.reports.service import REPORT_CREATES
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

# What staff may correct before resending (the columns Signalen's body is made from).
CORRECTABLE = ("category", "description", "location_text", "street", "house_number",
               "postcode", "woonplaats", "latitude", "longitude", "contact_email",
               "contact_phone")

# Correcting one of these drops the register's confirmation of the address.
ADDRESS_FIELDS = {"street", "house_number", "postcode", "woonplaats"}


@dataclass(frozen=True)
class DeadLetter:
    """A report that waits for a person."""

    report_id: int
    case_number: str
    category: str
    description: str
    location_text: str
    reason: str
    since: dt.datetime
    attempts: int
    uncertain: bool  # the create may have arrived: check Signalen before resending
    fields: Dict[str, Any]  # the correctable values as they are now


class NotADeadLetter(LookupError):
    """The report has no Signalen item waiting for staff."""


def dead_letters(url: str = DATABASE_URL) -> List[DeadLetter]:
    """Every report waiting for staff, oldest first."""
    with session(url) as db:
        rows = (db.query(OutboxItem, Report).join(Report, OutboxItem.report_id == Report.id)
                .filter(OutboxItem.kind.in_(REPORT_CREATES), OutboxItem.dead_at.isnot(None),
                        OutboxItem.delivered_at.is_(None))
                .order_by(OutboxItem.dead_at).all())
        return [DeadLetter(report.id, report.case_number, report.category, report.description,
                           report.location_text, item.dead_reason or "", item.dead_at,
                           item.attempts, item.uncertain_at is not None,
                           {name: getattr(report, name) for name in CORRECTABLE})
                for item, report in rows]


def resend(report_id: int, corrections: Optional[Mapping[str, Any]] = None,
           url: str = DATABASE_URL) -> Report:
    """Correct the report and queue it for Signalen again (a new create)."""
    unknown = set(corrections or {}) - set(CORRECTABLE)
    if unknown:
        raise ValueError(f"cannot correct {', '.join(sorted(unknown))}; "
                         f"allowed: {', '.join(CORRECTABLE)}")
    with session(url) as db:
        item, report = _dead(db, report_id)
        for name, value in (corrections or {}).items():
            setattr(report, name, value)
        if set(corrections or {}) & ADDRESS_FIELDS:
            report.address_confirmed = False  # staff's address is not the register's
            report.nummeraanduiding_id = None
        _revive(item)
        logger.info("Report %s resent by staff (corrected: %s)", report.case_number,
                    ", ".join(sorted(corrections or {})) or "nothing")
        return report


def link(report_id: int, signal_id: str, url: str = DATABASE_URL) -> Report:
    """Staff found the signal of a lost create in Signalen: use it, create nothing."""
    with session(url) as db:
        item, report = _dead(db, report_id)
        report.signalen_id = signal_id
        report.signalen_state = None
        _revive(item)  # delivers the photo, if any, to the found signal
        return report


def _dead(db, report_id: int):
    item = (db.query(OutboxItem)
            .filter(OutboxItem.report_id == report_id, OutboxItem.kind.in_(REPORT_CREATES),
                    OutboxItem.dead_at.isnot(None), OutboxItem.delivered_at.is_(None))
            .one_or_none())
    if item is None:
        raise NotADeadLetter(report_id)
    return item, item.report


def _revive(item: OutboxItem) -> None:
    changes: Dict[str, Any] = {"dead_at": None, "dead_reason": None, "uncertain_at": None,
                               "attempts": 0, "next_attempt_at": utcnow()}
    for name, value in changes.items():
        setattr(item, name, value)
