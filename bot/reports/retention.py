"""Applies the retention periods of the personal-data register.

Each record by its own age: report columns past their period are anonymised (set
empty); outbox work that carries a phone number or a text is deleted when it is older
than its period, delivered or not; every event in Rasa's SQL tracker store older than
the period is deleted, also in a conversation that is still going on; a colleague's
name and login go 730 days after their account was switched off.
Run daily, for example from cron: `make retention`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
from pathlib import Path
from typing import Dict, Optional

import yaml
from sqlalchemy import create_engine, or_, select, text
from sqlalchemy.engine import URL

from bot.knowledge.models import UnansweredQuestion
from bot.register import Register, load_register
from bot.webcare import retention as webcare_retention
from bot.reports.db import session
from bot.reports.models import InboundMessage, OptOut, OutboxItem, Report, utcnow
from bot.settings import DATABASE_URL, ENDPOINTS_FILE, ROOT
from bot.klantcontacten.retention import delete_old_requests
from bot.channel_models import ChannelContact, ChannelDelivery, InboxMessage
from bot.worklist.record import forget_old_first_messages
from bot.worklist.table import conversations, words

logger = logging.getLogger(__name__)

ANONYMISED_TEXT = "[geanonimiseerd]"
FORMER_PREFIX = "verwijderd-"  # the user name of an anonymised former colleague
REQUIRED_TEXT_COLUMNS = {"description", "location_text"}
# Rasa's own SQL store and ours (bot/tracker_store.py) share the same tables.
SQL_TRACKER_STORES = {"sql", "bot.tracker_store.trackerstore"}


def tracker_store_url(endpoints_file=ENDPOINTS_FILE) -> Optional[str]:
    """The SQLAlchemy URL of Rasa's SQL tracker store as configured in endpoints.yml
    (with ${VARIABLES} from the environment, filled in after parsing as Rasa does: a value
    such as `inprocess:` must not become YAML)."""
    parsed = yaml.safe_load(Path(endpoints_file).read_text(encoding="utf-8")) or {}
    config = {key: os.path.expandvars(value) if isinstance(value, str) else value
              for key, value in (parsed.get("tracker_store") or {}).items()}
    if str(config.get("type")).lower() not in SQL_TRACKER_STORES:
        return None
    dialect = config.get("dialect", "sqlite")
    if dialect == "sqlite":
        return f"sqlite:///{ROOT / config.get('db', 'rasa.db')}"
    return str(URL.create(dialect, username=config.get("username"),
                          password=config.get("password"), host=config.get("url"),
                          port=int(config["port"]) if config.get("port") else None,
                          database=config.get("db")))


def anonymise_reports(now: dt.datetime, register: Register, url: str = DATABASE_URL) -> int:
    """Empty every personal report column whose period has passed; return rows touched."""
    touched = set()
    with session(url) as db:
        for name, entry in register.personal.items():
            table, column = name.split(".")
            if table != "reports":
                continue
            cutoff = now - dt.timedelta(days=entry.retention_days)
            value = ANONYMISED_TEXT if column in REQUIRED_TEXT_COLUMNS else None
            rows = (db.query(Report).filter(Report.created_at < cutoff,
                                            getattr(Report, column).isnot(None),
                                            getattr(Report, column) != value).all())
            for report in rows:
                setattr(report, column, value)
                report.anonymised_at = now
                touched.add(report.id)
    return len(touched)


def delete_old_rows(now: dt.datetime, register: Register, url: str = DATABASE_URL) -> int:
    """Delete every row holding personal data past its period, by the row's own age."""
    def cutoff(name: str) -> dt.datetime:
        return now - dt.timedelta(days=register.personal[name].retention_days)

    with session(url) as db:
        # Both columns have a period; the shorter one (the later cutoff) applies.
        messages = _delete_old_outbox(db, max(cutoff("outbox.payload"),
                                              cutoff("outbox.recipient")))
        messages += db.query(ChannelDelivery).filter(
            ChannelDelivery.created_at < cutoff("channel_deliveries.recipient")).delete(
                synchronize_session=False)
        messages += _delete_old_contacts(db, cutoff("channel_contacts.recipient"))
        opt_outs = db.query(OptOut).filter(
            OptOut.created_at < cutoff("opt_outs.recipient")).delete(synchronize_session=False)
        staff = _delete_staff_traces(db, cutoff)
        staff += webcare_retention.delete_old(db, cutoff)
        staff += db.query(UnansweredQuestion).filter(UnansweredQuestion.asked_on < cutoff(
            "knowledge_unanswered.text").date()).delete(synchronize_session=False)
        # Providers retry for hours at most; a week of ids is plenty to catch repeats.
        db.query(InboundMessage).filter(
            InboundMessage.received_at < now - dt.timedelta(days=7)).delete(
                synchronize_session=False)
        messages += delete_old_requests(db, cutoff("contact_requests.message"))
        messages += _delete_old_inbox(db, cutoff("channel_inbox.text"))
    return messages + opt_outs + staff


def _delete_old_outbox(db, cutoff: dt.datetime) -> int:
    """Work with a recipient or a text (messages to residents, their answers to Signalen,
    klantcontacten) goes at its age, delivered, retrying, held or dead: the period is
    the period. Report work without either stays; the report's columns are its data."""
    return db.query(OutboxItem).filter(
        OutboxItem.created_at < cutoff,
        or_(OutboxItem.payload.isnot(None), OutboxItem.recipient.isnot(None))).delete(
            synchronize_session=False)


def _delete_old_contacts(db, cutoff: dt.datetime) -> int:
    """A resident's window record once nothing in it is newer than the cutoff."""
    def before(column) -> object:
        return or_(column.is_(None), column < cutoff)

    return db.query(ChannelContact).filter(
        before(ChannelContact.last_inbound_at), before(ChannelContact.template_sent_at),
        before(ChannelContact.window_closed_at)).delete(synchronize_session=False)


def _delete_old_inbox(db, cutoff: dt.datetime) -> int:
    """Incoming messages at their age, processed or not: one still waiting after the
    period will not be answered any more (logged: the worker must have been down)."""
    stuck = db.query(InboxMessage).filter(InboxMessage.processed_at.is_(None),
                                          InboxMessage.received_at < cutoff).count()
    if stuck:
        logger.warning("Retention deletes %d incoming messages never processed", stuck)
    return db.query(InboxMessage).filter(InboxMessage.received_at < cutoff).delete(
        synchronize_session=False)


def _delete_staff_traces(db, cutoff) -> int:
    from console.models import AuditEntry, LoginAttempt, LoginCounter, Note, Takeover

    return _anonymise_former_staff(db, cutoff("staff_users.name")) + sum(
        query.delete(synchronize_session=False) for query in (
            db.query(LoginAttempt).filter(LoginAttempt.at < cutoff("login_attempts.ip")),
            db.query(LoginCounter).filter(
                LoginCounter.window_start < cutoff("login_counters.address")),
            db.query(Note).filter(Note.created_at < cutoff("notes.text")),
            db.query(Takeover).filter(Takeover.taken_at < cutoff("takeovers.sender_id")),
            db.query(AuditEntry).filter(AuditEntry.at < cutoff("audit_log.sender_id"))))


def _anonymise_former_staff(db, cutoff: dt.datetime) -> int:
    """Accounts switched off before the cutoff lose name, login, initials, password and
    identity-provider subject; the row stays, the audit log and versions point at it."""
    from console.models import StaffUser

    former = db.query(StaffUser).filter(StaffUser.active.is_(False),
                                        StaffUser.deactivated_at < cutoff,
                                        ~StaffUser.username.like(f"{FORMER_PREFIX}%")).all()
    for user in former:
        user.username, user.name, user.initials = f"{FORMER_PREFIX}{user.id}", "Oud-collega", "--"
        user.password_hash, user.oidc_subject = "!", None
    return len(former)


def delete_old_events(now: dt.datetime, register: Register,
                      url: Optional[str]) -> Dict[str, int]:
    """Delete every tracker-store event older than the period, each by its own age (an
    active resident's early messages too); count the conversations left with none."""
    nothing = {"conversations_deleted": 0, "events_deleted": 0}
    if not url:
        return nothing
    days = register.personal["tracker.events"].retention_days
    cutoff = (now - dt.timedelta(days=days)).replace(tzinfo=dt.timezone.utc).timestamp()
    engine = create_engine(url, future=True)
    with engine.begin() as connection:
        if not engine.dialect.has_table(connection, "events"):
            return nothing
        gone = connection.execute(text(
            "SELECT COUNT(*) FROM (SELECT sender_id FROM events GROUP BY sender_id "
            "HAVING MAX(timestamp) < :cutoff) AS old"), {"cutoff": cutoff}).scalar()
        events = connection.execute(text("DELETE FROM events WHERE timestamp < :cutoff"),
                                    {"cutoff": cutoff}).rowcount
        if engine.dialect.has_table(connection, "conversations"):  # bot/worklist: its rows go too
            old = select(conversations.c.sender_id).where(conversations.c.last_activity < cutoff)
            connection.execute(words.delete().where(words.c.sender_id.in_(old)))
            connection.execute(conversations.delete().where(
                conversations.c.last_activity < cutoff))
            forget_old_first_messages(connection, cutoff)  # an active one's old first message
    return {"conversations_deleted": gone, "events_deleted": events}


def apply_retention(now: Optional[dt.datetime] = None, reports_url: str = DATABASE_URL,
                    tracker_url: Optional[str] = None) -> Dict[str, int]:
    now = now or utcnow()
    register = load_register()
    result = {"reports_anonymised": anonymise_reports(now, register, reports_url),
              "messages_deleted": delete_old_rows(now, register, reports_url),
              **delete_old_events(now, register, tracker_url)}
    logger.info("Retention applied at %s: %s", now.isoformat(), result)
    return result


def main() -> None:
    from bot.reports.db import migrate

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--now", type=dt.datetime.fromisoformat,
                        help="pretend it is this moment (UTC, ISO 8601)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    migrate()
    print(apply_retention(args.now, tracker_url=tracker_store_url()))


if __name__ == "__main__":
    main()
