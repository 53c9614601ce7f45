"""Who of the colleagues is online, away or offline.

A colleague sets their status in the console's header; logging out makes them offline,
and so does doing nothing in the console for PRESENCE_IDLE_MINUTES (a closed laptop) or
having no console session any more (expired, or the account switched off). All times
are naive UTC, like the rest of the store.
"""
from __future__ import annotations

import datetime as dt
from typing import Optional

from sqlalchemy import text

from bot import settings
from bot.reports.db import session
from bot.reports.models import utcnow
from bot.webcare.models import OFFLINE, ONLINE, STATUSES, StaffPresence

# Logged out, session expired, account switched off: offline, whatever the status says.
# (The console's table, read by name: bot/ does not import console/.)
HAS_SESSION = text("EXISTS (SELECT 1 FROM staff_sessions WHERE staff_sessions.user_id = "
                   "staff_presence.user_id AND staff_sessions.expires_at > :now)")
# Activity is written at most this often per colleague (a page view is not a write).
TOUCH_EVERY = dt.timedelta(seconds=60)


def _idle_limit() -> dt.timedelta:
    return dt.timedelta(minutes=settings.PRESENCE_IDLE_MINUTES)


def effective(row: Optional[StaffPresence], now: dt.datetime) -> str:
    """The status that counts now: offline when never set or idle too long."""
    if row is None or row.status not in STATUSES:
        return OFFLINE
    if row.status != OFFLINE and now - row.last_seen > _idle_limit():
        return OFFLINE
    return row.status


def set_status(user_id: int, status: str, url: str = settings.DATABASE_URL,
               now: Optional[dt.datetime] = None) -> str:
    """Set a colleague's status (online, away, offline); returns it."""
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    now = now or utcnow()
    with session(url) as db:
        row = db.get(StaffPresence, user_id)
        if row is None:
            db.add(StaffPresence(user_id=user_id, status=status, changed_at=now,
                                 last_seen=now))
        else:
            row.status, row.changed_at, row.last_seen = status, now, now
    return status


def touch(user_id: int, url: str = settings.DATABASE_URL,
          now: Optional[dt.datetime] = None) -> None:
    """The colleague did something in the console: not idle. An idle "online" that
    comes back stays offline until they choose again."""
    now = now or utcnow()
    with session(url) as db:
        row = db.get(StaffPresence, user_id)
        if row is None or now - row.last_seen < TOUCH_EVERY:
            return
        if effective(row, now) == OFFLINE and row.status != OFFLINE:
            row.status, row.changed_at = OFFLINE, now
        row.last_seen = now


def status_of(user_id: int, url: str = settings.DATABASE_URL,
              now: Optional[dt.datetime] = None) -> str:
    with session(url) as db:
        return effective(db.get(StaffPresence, user_id), now or utcnow())


def online_count(url: str = settings.DATABASE_URL, now: Optional[dt.datetime] = None) -> int:
    """How many colleagues can take a conversation now: online, active lately and with a
    console session that has not ended ("away" does not count)."""
    now = now or utcnow()
    with session(url) as db:
        rows = db.query(StaffPresence).filter(
            StaffPresence.status == ONLINE, StaffPresence.last_seen >= now - _idle_limit(),
            HAS_SESSION.bindparams(now=now))
        return rows.count()
