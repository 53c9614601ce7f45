"""Open Klant work that Open Klant refused (listed for the console, tried again by staff), and
work still waiting for Open Klant (down or unreachable: retried by itself, shown meanwhile)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import List, Optional

from bot import settings
from bot.klantcontacten.delivery import KINDS
from bot.reports.db import session
from bot.reports.models import OutboxItem, utcnow

LABELS = {"openklant_contact": "klantcontact", "openklant_request": "contactverzoek",
          "openklant_request_update": "contactverzoek aangevuld",
          "openklant_request_done": "contactverzoek verwerkt"}


@dataclass(frozen=True)
class OpenKlantDeadLetter:
    item_id: int
    what: str
    reason: str
    since: dt.datetime
    attempts: int
    case_number: Optional[str]


def dead_letters(url: Optional[str] = None) -> List[OpenKlantDeadLetter]:
    """Every refused Open Klant item, oldest first."""
    with session(url or settings.DATABASE_URL) as db:
        items = (db.query(OutboxItem)
                 .filter(OutboxItem.kind.in_(KINDS), OutboxItem.dead_at.isnot(None),
                         OutboxItem.delivered_at.is_(None))
                 .order_by(OutboxItem.dead_at).all())
        return [OpenKlantDeadLetter(item.id, LABELS[item.kind], item.dead_reason or "",
                                    item.dead_at, item.attempts,
                                    json.loads(item.payload or "{}").get("case_number"))
                for item in items]


@dataclass(frozen=True)
class OpenKlantWaiting:
    item_id: int
    what: str
    since: dt.datetime          # queued (UTC)
    attempts: int
    last_error: str
    next_attempt_at: dt.datetime
    case_number: Optional[str]


def waiting(url: Optional[str] = None) -> List[OpenKlantWaiting]:
    """Open Klant work that failed at least once and is being retried, oldest first."""
    with session(url or settings.DATABASE_URL) as db:
        items = (db.query(OutboxItem)
                 .filter(OutboxItem.kind.in_(KINDS), OutboxItem.dead_at.is_(None),
                         OutboxItem.delivered_at.is_(None), OutboxItem.attempts > 0)
                 .order_by(OutboxItem.id).all())
        return [OpenKlantWaiting(item.id, LABELS[item.kind], item.created_at, item.attempts,
                                 (item.last_error or "")[:300], item.next_attempt_at,
                                 json.loads(item.payload or "{}").get("case_number"))
                for item in items]


def retry(item_id: int, url: Optional[str] = None) -> bool:
    """Queue a refused item again (after Open Klant's configuration was fixed)."""
    with session(url or settings.DATABASE_URL) as db:
        item = db.get(OutboxItem, item_id)
        if item is None or item.kind not in KINDS or item.dead_at is None:
            return False
        item.dead_at, item.dead_reason, item.attempts = None, None, 0
        item.next_attempt_at = utcnow()
        return True
