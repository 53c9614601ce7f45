"""Filing a report: committed locally first, with a case number, then queued for the back
end the municipality chose (REPORTS_BACKEND: Signalen or a ZGW case system); and a contact
for updates the resident adds afterwards (`add_contact`)."""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass
from typing import Optional, Tuple

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import settings
from bot.integrations.signalen import valid_email
from bot.reports.db import session
from bot.reports.models import OutboxItem, Report, utcnow
from bot.reports.reporter import SIGNALEN_REPORTER
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


# What a phone number may carry that no back end needs ("06-1234 5678").
PHONE_SEPARATORS = re.compile(r"[\s\-.()/]")


def add_contact(case_number: str, sender_id: str, email: Optional[str] = None,
                phone: Optional[str] = None, url: str = DATABASE_URL) -> Optional[Report]:
    """Give a report filed earlier an e-mail address and/or phone number for updates
    (`wants_updates`; the other contact is kept); only the conversation that filed it may.

    Returns None for a case number this conversation did not file (or one anonymised);
    else the report, and the back office learns it: a create still waiting carries it; a
    signal already in Signalen gets a new reporter through the outbox
    (`bot.reports.reporter`; a new e-mail address only after the resident follows the link
    Signalen mails, see `confirmation_mailed`); otherwise it is only kept here, and logged
    (no service account, a zaak already made: the Zaken API cannot change its rol, no
    back end). ValueError: neither given, or an e-mail address Signalen would refuse.
    """
    email, phone = _contact_given(email, phone)
    with session(url) as db:
        report = (db.query(Report).filter(Report.case_number == case_number,
                                          Report.sender_id == sender_id)
                  .with_for_update().one_or_none())
        if report is None or report.anonymised_at is not None:
            logger.warning("No report %s of this conversation: contact not added", case_number)
            return None
        report.wants_updates = True
        report.contact_email = email or report.contact_email
        report.contact_phone = phone or report.contact_phone
        _pass_on_contact(db, report)
    return report


def confirmation_mailed(report: Report, email: Optional[str]) -> bool:
    """Whether Signalen mails `email`, given to `add_contact` for this report, a link to
    confirm it before using it: the report was in Signalen already (an address Signalen
    has for it already is not mailed again)."""
    return bool(email and report.signalen_id and _signalen_takes_reporters())


def _signalen_takes_reporters() -> bool:
    """A reporter can be changed in Signalen: its address and a service account are set."""
    return bool(settings.SIGNALEN_URL and settings.SIGNALEN_TOKEN)


def _contact_given(email: Optional[str], phone: Optional[str]) -> Tuple[Optional[str],
                                                                        Optional[str]]:
    email = (email or "").strip() or None
    phone = PHONE_SEPARATORS.sub("", phone or "") or None
    if not (email or phone):
        raise ValueError("add_contact needs an e-mail address or a phone number")
    if email and not valid_email(email):
        raise ValueError("not an e-mail address Signalen accepts")
    return email, phone


def _pass_on_contact(db: Session, report: Report) -> None:
    """Queue what tells the back office; log where the contact stays only here."""
    if report.signalen_id is not None:
        _queue_for_signalen(db, report)
    elif report.zaak_url is not None:
        logger.warning("Report %s: contact added after its zaak was made; the Zaken API "
                       "cannot change a rol (only create and destroy), so the zaak keeps "
                       "the one it has unless its delivery had not made it yet; kept in the "
                       "report store", report.case_number)
    elif _create_waiting(db, report.id):
        logger.info("Report %s: contact added before delivery; the create carries it",
                    report.case_number)
    else:
        logger.warning("Report %s: contact added; no back end gets reports, it is kept in "
                       "the report store only", report.case_number)


def _queue_for_signalen(db: Session, report: Report) -> None:
    """A new reporter for the signal, through the outbox; not without a service account."""
    if _signalen_takes_reporters():
        db.add(OutboxItem(kind=SIGNALEN_REPORTER, report_id=report.id))
        logger.info("Report %s: contact added; reporter update for Signalen queued",
                    report.case_number)
    else:
        logger.warning("Report %s: contact added after it reached Signalen; without a "
                       "service account (SIGNALEN_TOKEN) Signalen cannot be told, it is "
                       "kept in the report store only", report.case_number)


def _create_waiting(db: Session, report_id: int) -> bool:
    """The report's create is still in the outbox (due, retried or a dead letter)."""
    return db.query(OutboxItem.id).filter(
        OutboxItem.report_id == report_id, OutboxItem.kind.in_(REPORT_CREATES),
        OutboxItem.delivered_at.is_(None)).first() is not None
