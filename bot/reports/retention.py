"""Applies the retention periods of the personal-data register.

Report columns past their period are anonymised (set empty); conversations in
Rasa's SQL tracker store whose last event is past the period are deleted.
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
from sqlalchemy import and_, create_engine, or_, select, text
from sqlalchemy.engine import URL

from bot.knowledge.models import UnansweredQuestion
from bot.register import Register, load_register
from bot.reports.answers import KINDS as ANSWER_KINDS
from bot.reports.db import session
from bot.reports.models import (CHANNEL_MESSAGE, NEVER, InboundMessage, OptOut, OutboxItem,
                                Report, utcnow)
from bot.settings import DATABASE_URL, ENDPOINTS_FILE, ROOT
from bot.klantcontacten.retention import delete_old_requests
from bot.channel_models import ChannelDelivery, InboxMessage
from bot.worklist.table import conversations, words

logger = logging.getLogger(__name__)

ANONYMISED_TEXT = "[geanonimiseerd]"
REQUIRED_TEXT_COLUMNS = {"description", "location_text"}
# Rasa's own SQL store and ours (bot/tracker_store.py) share the same tables.
SQL_TRACKER_STORES = {"sql", "bot.tracker_store.trackerstore"}


def tracker_store_url(endpoints_file=ENDPOINTS_FILE) -> Optional[str]:
    """The SQLAlchemy URL of Rasa's SQL tracker store as configured in endpoints.yml
    (with ${VARIABLES} from the environment, as Rasa reads it)."""
    text = os.path.expandvars(Path(endpoints_file).read_text(encoding="utf-8"))
    config = (yaml.safe_load(text) or {}).get("tracker_store") or {}
    if str(config.get("type")).lower() not in SQL_TRACKER_STORES:
        return None
    dialect = config.get("dialect", "sqlite")
    if dialect == "sqlite":
        return f"sqlite:///{ROOT / config.get('db', 'rasa.db')}"
    return str(URL.create(dialect, username=config.get("username"),
                          password=config.get("password"), host=config.get("url"),
                          port=config.get("port"), database=config.get("db")))


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
    """Delete delivered messages to residents, old opt-outs and old webhook ids."""
    def cutoff(name: str) -> dt.datetime:
        return now - dt.timedelta(days=register.personal[name].retention_days)

    with session(url) as db:
        # Work delivered, and messages to residents given up (shown as failed deliveries).
        messages = db.query(OutboxItem).filter(
            OutboxItem.report_id.is_(None),
            or_(OutboxItem.delivered_at.isnot(None),
                and_(OutboxItem.kind == CHANNEL_MESSAGE, OutboxItem.next_attempt_at >= NEVER)),
            OutboxItem.created_at < cutoff("outbox.payload")).delete(synchronize_session=False)
        # The resident's answers to Signalen, once delivered (they belong to a report).
        messages += db.query(OutboxItem).filter(
            OutboxItem.kind.in_(ANSWER_KINDS), OutboxItem.delivered_at.isnot(None),
            OutboxItem.created_at < cutoff("outbox.payload")).delete(synchronize_session=False)
        messages += db.query(ChannelDelivery).filter(
            ChannelDelivery.created_at < cutoff("channel_deliveries.recipient")).delete(
                synchronize_session=False)
        opt_outs = db.query(OptOut).filter(
            OptOut.created_at < cutoff("opt_outs.recipient")).delete(synchronize_session=False)
        staff = _delete_staff_traces(db, cutoff)
        staff += db.query(UnansweredQuestion).filter(UnansweredQuestion.asked_on < cutoff(
            "knowledge_unanswered.text").date()).delete(synchronize_session=False)
        # Providers retry for hours at most; a week of ids is plenty to catch repeats.
        db.query(InboundMessage).filter(
            InboundMessage.received_at < now - dt.timedelta(days=7)).delete(
                synchronize_session=False)
        messages += delete_old_requests(db, cutoff("contact_requests.message"))
        # Incoming Twilio messages, once processed (never one still waiting).
        messages += db.query(InboxMessage).filter(
            InboxMessage.processed_at.isnot(None),
            InboxMessage.received_at < cutoff("channel_inbox.text")).delete(
                synchronize_session=False)
    return messages + opt_outs + staff


def _delete_staff_traces(db, cutoff) -> int:
    from console.models import AuditEntry, LoginAttempt, LoginCounter, Note

    return sum(query.delete(synchronize_session=False) for query in (
        db.query(LoginAttempt).filter(LoginAttempt.at < cutoff("login_attempts.ip")),
        db.query(LoginCounter).filter(
            LoginCounter.window_start < cutoff("login_counters.address")),
        db.query(Note).filter(Note.created_at < cutoff("notes.text")),
        db.query(AuditEntry).filter(AuditEntry.at < cutoff("audit_log.sender_id"))))


def delete_old_conversations(now: dt.datetime, register: Register, url: Optional[str]) -> int:
    """Delete tracker-store conversations whose last event is older than the period, and
    their rows in the console's conversation table."""
    if not url:
        return 0
    days = register.personal["tracker.events"].retention_days
    cutoff = (now - dt.timedelta(days=days)).replace(tzinfo=dt.timezone.utc).timestamp()
    engine = create_engine(url, future=True)
    with engine.begin() as connection:
        if not engine.dialect.has_table(connection, "events"):
            return 0
        old = [row[0] for row in connection.execute(text(
            "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"),
            {"cutoff": cutoff})]
        for sender_id in old:
            connection.execute(text("DELETE FROM events WHERE sender_id = :sender"),
                               {"sender": sender_id})
        if engine.dialect.has_table(connection, "conversations"):  # bot/worklist: its rows go too
            gone = select(conversations.c.sender_id).where(
                conversations.c.last_activity < cutoff)
            connection.execute(words.delete().where(words.c.sender_id.in_(gone)))
            connection.execute(conversations.delete().where(
                conversations.c.last_activity < cutoff))
    return len(old)


def apply_retention(now: Optional[dt.datetime] = None, reports_url: str = DATABASE_URL,
                    tracker_url: Optional[str] = None) -> Dict[str, int]:
    now = now or utcnow()
    register = load_register()
    result = {"reports_anonymised": anonymise_reports(now, register, reports_url),
              "messages_deleted": delete_old_rows(now, register, reports_url),
              "conversations_deleted": delete_old_conversations(now, register, tracker_url)}
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
