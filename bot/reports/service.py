"""Filing a report: committed locally first, with a case number, then queued for the back
end the municipality chose (REPORTS_BACKEND: Signalen or a ZGW case system)."""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from typing import Optional, Tuple

from sqlalchemy.exc import IntegrityError

from bot import settings
from bot.reports.db import session
from bot.reports.models import OutboxItem, Report, utcnow
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

SIGNALEN_CREATE = "signalen_create"
ZGW_CREATE = "zgw_create"
# REPORTS_BACKEND → the outbox kind of a new report, and whether that back end is set up.
BACKENDS = {"signalen": (SIGNALEN_CREATE, lambda: bool(settings.SIGNALEN_URL)),
            "zgw": (ZGW_CREATE, lambda: bool(settings.ZGW_ZAKEN_URL))}
# Every outbox kind that delivers a new report (dead letters are made of these).
REPORT_CREATES = tuple(kind for kind, _ in BACKENDS.values())


def backend_kind() -> str:
    """The outbox kind for REPORTS_BACKEND; ValueError names an unknown back end."""
    if settings.REPORTS_BACKEND not in BACKENDS:
        raise ValueError(f"REPORTS_BACKEND={settings.REPORTS_BACKEND!r}: use one of "
                         f"{', '.join(BACKENDS)}")
    return BACKENDS[settings.REPORTS_BACKEND][0]


def backend_configured() -> bool:
    """Whether reports are forwarded at all (else they stay local)."""
    entry = BACKENDS.get(settings.REPORTS_BACKEND)
    return bool(entry and entry[1]())


@dataclass(frozen=True)
class NewReport:
    """What the report form collected; only what is strictly needed."""

    category: str
    description: str
    location_text: str
    channel: str
    sender_id: str
    latitude: Optional[float] = None
    longitude: Optional[float] = None
    street: Optional[str] = None
    house_number: Optional[str] = None
    postcode: Optional[str] = None
    woonplaats: Optional[str] = None
    address_confirmed: bool = False  # the address register knows street and number
    nummeraanduiding_id: Optional[str] = None  # the register's id of that address (BAG)
    photo_url: Optional[str] = None
    wants_updates: bool = False
    contact_email: Optional[str] = None
    contact_phone: Optional[str] = None
    priority: str = "normal"

    def idempotency_key(self) -> str:
        """Same resident, same report content: the same key, so a resubmission files nothing new."""
        parts = (self.sender_id, self.category, self.description.strip().lower(),
                 self.location_text.strip().lower(), self.photo_url or "")
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def case_number(report_id: int, created_at: dt.datetime) -> str:
    return f"M-{created_at.year}-{report_id:06d}"


def file_report(new: NewReport, url: str = DATABASE_URL,
                forward: Optional[bool] = None) -> Tuple[Report, bool]:
    """Store the report (or find the one already filed) and return it with `created`;
    `forward` (default: the back end is configured) queues it for the back end."""
    forward = backend_configured() if forward is None else forward
    kind = backend_kind() if forward else None
    key = new.idempotency_key()
    existing = _find(key, url)
    if existing:
        return existing, False
    try:
        with session(url) as db:
            report = Report(idempotency_key=key, **vars(new), created_at=utcnow())
            db.add(report)
            db.flush()
            report.case_number = case_number(report.id, report.created_at)
            if forward:
                db.add(OutboxItem(kind=kind, report_id=report.id))
    except IntegrityError:
        # Two deliveries of the same message raced; the other one won.
        found = _find(key, url)
        if found is None:
            raise
        return found, False
    logger.info("Report %s filed (category %s)", report.case_number, report.category)
    return report, True


def _find(key: str, url: str) -> Optional[Report]:
    with session(url) as db:
        return db.query(Report).filter_by(idempotency_key=key).one_or_none()
