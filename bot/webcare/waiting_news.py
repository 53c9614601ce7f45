"""News for residents in the queue when their place changes, on their own channel.

Run by the outbox worker each round (`python -m bot.reports.outbox`). Like status news,
it goes through Rasa's API with output_channel=latest: Rasa runs action_tell_waiting,
whose domain response (tone renderer and all) goes out on the resident's channel. Not
more often than WAITING_NEWS_SECONDS per resident, and only when the place changed.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Callable, List, Optional
from urllib.parse import quote

import requests

from bot import settings
from bot.reports.db import session
from bot.reports.models import utcnow
from bot.webcare import waiting
from bot.webcare.models import WaitingResident

logger = logging.getLogger(__name__)
TELL_ACTION = "action_tell_waiting"
TIMEOUT = 10


def due(url: str = settings.DATABASE_URL, now: Optional[dt.datetime] = None) -> List[str]:
    """The residents whose place changed since they were told, and not told just now."""
    now = now or utcnow()
    pause = dt.timedelta(seconds=settings.WAITING_NEWS_SECONDS)
    with session(url) as db:
        rows = [(row.sender_id, row.told_position, row.told_at) for row in db.query(
            WaitingResident).filter(WaitingResident.ended_at.is_(None),
                                    WaitingResident.taken_at.is_(None))]
    found = []
    for sender, position, told_at in rows:
        if told_at is not None and now - told_at < pause:
            continue
        place = waiting.place_of(sender, url, now)
        if place is not None and place.position != position:
            found.append(sender)
    return found


def ask_rasa(sender_id: str) -> None:
    """Let Rasa run the telling action in the resident's conversation."""
    answer = requests.post(
        f"{settings.RASA_URL}/conversations/{quote(sender_id, safe=':+@')}/execute",
        params={"output_channel": "latest", "token": settings.RASA_TOKEN,
                "include_events": "NONE"},
        json={"name": TELL_ACTION}, timeout=TIMEOUT)
    answer.raise_for_status()


def tell_due(url: str = settings.DATABASE_URL, now: Optional[dt.datetime] = None,
             send: Callable[[str], None] = ask_rasa) -> List[str]:
    """End today's waits that nobody will answer, then tell who moved up. Those told."""
    waiting.expire(url, now)
    told = []
    for sender in due(url, now):
        try:
            send(sender)
            told.append(sender)
        except (requests.RequestException, OSError) as error:
            logger.warning("Queue news not sent (tried again next round): %s",
                           type(error).__name__)
    return told
