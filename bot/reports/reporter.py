"""The reporter Signalen knows of a report: what a create carries, and a contact the
resident adds after filing (`bot.reports.service.add_contact`).

Signalen's public create takes the reporter once; afterwards only the private API changes
it (Amsterdam/signals @ adbe8fc7, ADR 0004 "Updating the reporter information of a
signal", `api/serializers/signal_reporter.py`): a new reporter replaces the current one as
a whole. So the bot sends the whole contact: the resident's own e-mail address, else the
one Signalen has (the reply address, `bot.reports.reply_address`, never added later: its
confirmation link would go to the municipality's mailbox and hold the change up); their
phone number, else the number they write from (WhatsApp, SMS), else the one Signalen has;
`sharing_allowed` false, as at filing.

What Signalen does with it: a new e-mail address is used only after the resident follows
the link Signalen mails to it (24 hours by default); the old address, if any, is told that
a change was asked; until then Signalen keeps the old reporter. A changed phone number
with the same (or no) e-mail address is taken at once. The signal's reporters are read
first: when the newest one not cancelled already holds this contact (a retry after a lost
answer, a second request for the same change) nothing is sent, so no second mail.

A contact added while the create was under way (the resident answers within seconds,
forwarding runs in the background) missed that create: `queue_if_changed` compares the
reporter sent with the report as it is after the create, and queues the update then.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Tuple

from bot.integrations import DeliveryError
from bot.integrations.signalen import (MAX_PHONE, REPORTER_APPROVED, REPORTER_CANCELLED,
                                       REPORTER_VERIFYING, SignalenClient, SignalReporter)
from bot.reports.db import session
from bot.reports.models import OutboxItem, Report, utcnow
from bot.reports.reply_address import reply_address

logger = logging.getLogger(__name__)

SIGNALEN_REPORTER = "signalen_reporter"
CHANNELS_WITH_A_NUMBER = ("whatsapp", "sms")


def for_create(report: Report, client: SignalenClient) -> Dict[str, Any]:
    """Anonymous unless the resident asked for updates; then the contact they gave, and
    without an e-mail of theirs the municipality's reply address when there is one (so
    staff can ask a question, `bot.reports.reply_address`)."""
    if not report.wants_updates:
        return {}
    reporter: Dict[str, Any] = {"sharing_allowed": False}
    email = report.contact_email or reply_address(report.case_number, bool(client.token))
    if email:
        reporter["email"] = email
    phone = report.contact_phone or channel_phone(report)
    if phone:
        reporter["phone"] = phone[:MAX_PHONE]
    return reporter


def channel_phone(report: Report) -> Optional[str]:
    """The number a WhatsApp or SMS resident writes from (Telegram and web chat have none)."""
    if report.channel in CHANNELS_WITH_A_NUMBER and report.sender_id:
        return report.sender_id.split(":", 1)[-1]
    return None


def queue_if_changed(url: str, report_id: int, sent: Dict[str, Any],
                     client: SignalenClient) -> bool:
    """After a create: queue a reporter update when the report's contact changed while the
    create was under way; True when one was queued."""
    with session(url) as db:
        report = db.get(Report, report_id)
        if report is None or for_create(report, client) == sent:
            return False
        if not client.token:
            logger.warning("Report %s: contact added while it was sent; without a service "
                           "account (SIGNALEN_TOKEN) Signalen keeps the reporter it got",
                           report.case_number)
            return False
        db.add(OutboxItem(kind=SIGNALEN_REPORTER, report_id=report.id))
    logger.info("Report %s: contact added while it was sent; reporter update queued",
                report.case_number)
    return True


def deliver(item: OutboxItem, client: Optional[SignalenClient]) -> None:
    """Give the signal the report's contact as a new reporter (the outbox's sender for
    SIGNALEN_REPORTER); nothing when Signalen has it already."""
    if client is None or not client.token:
        raise DeliveryError("no Signalen service account (SIGNALEN_URL, SIGNALEN_TOKEN)",
                            retry=False)
    report = item.report
    if report.signalen_number is None:  # queued only after the create; never expected
        raise DeliveryError(f"report {report.case_number} has no Signalen id", retry=True)
    reporters = client.reporters(report.signalen_number)
    email, phone = wanted(report, current(reporters))
    if _already_asked(reporters, email, phone):
        logger.info("Report %s: Signalen has this reporter already", report.case_number)
        return
    made = client.add_reporter(report.signalen_number, email, phone)
    _log_outcome(report.case_number, made)


def wanted(report: Report, now: Optional[SignalReporter]) -> Tuple[Optional[str],
                                                                     Optional[str]]:
    """The e-mail address and phone number to send: the resident's, else Signalen's own."""
    email = report.contact_email or (now.email if now else None)
    phone = report.contact_phone or channel_phone(report) or (now.phone if now else None)
    return email, phone[:MAX_PHONE] if phone else None


def current(reporters: List[SignalReporter]) -> Optional[SignalReporter]:
    """The signal's reporter now: the newest approved one."""
    approved = [reporter for reporter in reporters if reporter.state == REPORTER_APPROVED]
    return approved[-1] if approved else None


def _already_asked(reporters: List[SignalReporter], email: Optional[str],
                   phone: Optional[str]) -> bool:
    """The newest reporter not cancelled holds this contact: taken, or its link still valid."""
    alive = [reporter for reporter in reporters if reporter.state != REPORTER_CANCELLED]
    if not alive or not alive[-1].holds(email, phone):
        return False
    return alive[-1].state == REPORTER_APPROVED or alive[-1].waiting(utcnow())


def _log_outcome(case_number: str, made: SignalReporter) -> None:
    if made.state == REPORTER_VERIFYING:
        logger.info("Report %s: Signalen mailed the new address a link to confirm it (valid "
                    "until %s); the reporter changes when the resident follows it",
                    case_number, made.expires)
    elif made.state == REPORTER_APPROVED:
        logger.info("Report %s: Signalen took the new reporter", case_number)
    else:
        logger.warning("Report %s: Signalen saw no change in the reporter (state %s)",
                       case_number, made.state)
