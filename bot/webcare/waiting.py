"""The residents waiting for a colleague: their place in the queue and the expected wait.

A resident joins when they ask for a colleague while colleagues are online (the action
server); the console ends the wait when a colleague takes the conversation over. At
closing time every wait still open ends ("expired"): the message stays in the console.

The expected wait is place × minutes per resident ÷ colleagues online. Minutes per
resident: the profile's service_norms.handling_minutes, else the median time colleagues
held a conversation over the last MEASURE_DAYS, from at least MIN_MEASURED takeovers;
else unknown, and the resident is told so.
"""
from __future__ import annotations

import datetime as dt
import math
import statistics
from dataclasses import dataclass
from typing import List, Optional
from zoneinfo import ZoneInfo

from bot import settings
from bot.profile import Profile, profile
from bot.reports.db import session
from bot.reports.models import utcnow
from bot.webcare import presence
from bot.webcare.models import WaitingResident

MEASURE_DAYS = 14
MIN_MEASURED = 3
MAX_WAIT_HOURS = 12  # a wait older than this ends in any case


@dataclass(frozen=True)
class Place:
    """Where one resident stands: 1 is next; minutes None when it cannot be known."""

    position: int
    minutes: Optional[int]


def _open(db):
    return db.query(WaitingResident).filter(WaitingResident.ended_at.is_(None),
                                            WaitingResident.taken_at.is_(None))


def join(sender_id: str, channel: str, url: str = settings.DATABASE_URL,
         now: Optional[dt.datetime] = None) -> None:
    """The resident waits (once: asking again keeps their place)."""
    now = now or utcnow()
    with session(url) as db:
        if _open(db).filter(WaitingResident.sender_id == sender_id).first() is None:
            db.add(WaitingResident(sender_id=sender_id, channel=channel or "rest",
                                   joined_at=now))


def place_of(sender_id: str, url: str = settings.DATABASE_URL,
             now: Optional[dt.datetime] = None,
             municipality: Optional[Profile] = None) -> Optional[Place]:
    """The resident's place and expected wait; None when they are not waiting."""
    now = now or utcnow()
    with session(url) as db:
        mine = _open(db).filter(WaitingResident.sender_id == sender_id).first()
        if mine is None:
            return None
        position = _open(db).filter(WaitingResident.joined_at <= mine.joined_at).count()
        per_resident = minutes_per_resident(db, now, municipality or profile())
    return Place(position, expected_minutes(position, per_resident,
                                            presence.online_count(url, now)))


def expected_minutes(position: int, per_resident: Optional[float],
                     online: int) -> Optional[int]:
    """Whole minutes (at least 1), or None when nobody is online or the pace is unknown."""
    if per_resident is None or online < 1:
        return None
    return max(1, math.ceil(position * per_resident / online))


def minutes_per_resident(db, now: dt.datetime, municipality: Profile) -> Optional[float]:
    configured = municipality.service_norms.handling_minutes
    if configured:
        return float(configured)
    held = [(row.ended_at - row.taken_at).total_seconds() / 60 for row in db.query(
        WaitingResident).filter(WaitingResident.outcome == "handled",
                                WaitingResident.ended_at >= now - dt.timedelta(days=MEASURE_DAYS))]
    return statistics.median(held) if len(held) >= MIN_MEASURED else None


def taken(sender_id: str, url: str = settings.DATABASE_URL,
          now: Optional[dt.datetime] = None) -> None:
    """A colleague took the conversation over: the wait is over (the clock of handling
    starts)."""
    with session(url) as db:
        for row in _open(db).filter(WaitingResident.sender_id == sender_id):
            row.taken_at = now or utcnow()


def ended(sender_id: str, url: str = settings.DATABASE_URL,
          now: Optional[dt.datetime] = None) -> None:
    """The conversation went back to the bot: handled when a colleague had it; the sender
    id is blanked."""
    now = now or utcnow()
    with session(url) as db:
        for row in db.query(WaitingResident).filter(WaitingResident.sender_id == sender_id,
                                                     WaitingResident.ended_at.is_(None)):
            row.ended_at, row.sender_id = now, None
            row.outcome = "handled" if row.taken_at else "left"


def expire(url: str = settings.DATABASE_URL, now: Optional[dt.datetime] = None,
           municipality: Optional[Profile] = None) -> int:
    """End the waits nobody will answer today: all of them once closed, and any older than
    MAX_WAIT_HOURS. How many ended."""
    now, municipality = now or utcnow(), municipality or profile()
    closed = not municipality.is_open(
        now.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo(municipality.timezone)))
    with session(url) as db:
        rows = _open(db)
        if not closed:
            rows = rows.filter(WaitingResident.joined_at < now - dt.timedelta(
                hours=MAX_WAIT_HOURS))
        found = rows.all()
        for row in found:
            row.ended_at, row.sender_id, row.outcome = now, None, "expired"
        return len(found)


def waiting_senders(url: str = settings.DATABASE_URL) -> List[str]:
    """The residents waiting now, longest first."""
    with session(url) as db:
        return [row.sender_id for row in _open(db).order_by(WaitingResident.joined_at)]


def told(sender_id: str, place: Place, url: str = settings.DATABASE_URL,
         now: Optional[dt.datetime] = None) -> None:
    """What the resident was told last, so news goes out only when it changes."""
    with session(url) as db:
        for row in _open(db).filter(WaitingResident.sender_id == sender_id):
            row.told_position, row.told_minutes = place.position, place.minutes
            row.told_at = now or utcnow()
