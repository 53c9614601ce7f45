"""Reads the state of forwarded reports from Signalen, which has no status push.

Two ways, chosen by configuration (read from Amsterdam/signals @ adbe8fc7):

- With a service account (`SIGNALEN_TOKEN`): one request per round to the private list,
  `GET /signals/v1/private/signals/?updated_after=…`, with the full workflow state.
- Without: per report `GET /signals/v1/public/signals/{signal_id}`, which only says
  OPEN or CLOSED; at most `PUBLIC_BATCH` reports a round, each at most every
  `SIGNALEN_POLL_INTERVAL` seconds (GETs are not throttled upstream, POSTs are).

A report is polled while it has a signal id and is not final; with a service account a
final report that Signalen reopens is seen too (the list has every changed signal).
Runs inside the outbox worker's loop.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import Dict, List, Optional

from sqlalchemy import or_

from bot.integrations.signalen import SignalenClient, SignalenError, SignalState
from bot.reports.db import session
from bot.reports.models import Report, utcnow
from bot.reports.status import FINAL, set_status, status_from_signalen
from bot.settings import DATABASE_URL, SIGNALEN_POLL_INTERVAL

logger = logging.getLogger(__name__)

PUBLIC_BATCH = 50
# The private list is asked from a little before the last poll: clocks differ.
OVERLAP = dt.timedelta(minutes=5)


def poll_statuses(client: SignalenClient, url: str = DATABASE_URL,
                  now: Optional[dt.datetime] = None,
                  interval: float = SIGNALEN_POLL_INTERVAL) -> int:
    """One polling round; returns how many reports changed status. Never raises SignalenError."""
    now = now or utcnow()
    due = _due(url, now, dt.timedelta(seconds=interval))
    if not due:
        return 0
    try:
        states = _private(client, url, due) if client.token else _public(client, due)
    except SignalenError as error:
        logger.warning("Status poll stopped: %s", error)
        return 0
    return _apply(url, states, due, now)


def _due(url: str, now: dt.datetime, interval: dt.timedelta) -> Dict[str, Optional[dt.datetime]]:
    """signal_id → last check of the reports to poll now, least recently checked first."""
    with session(url) as db:
        rows = (db.query(Report.signalen_id, Report.status_checked_at)
                .filter(Report.signalen_id.isnot(None),
                        or_(Report.status_checked_at.is_(None),
                            Report.status_checked_at <= now - interval),
                        Report.status.notin_(FINAL))
                .order_by(Report.status_checked_at.isnot(None), Report.status_checked_at)
                .limit(PUBLIC_BATCH * 20))
        return {signal_id: checked for signal_id, checked in rows}


def _public(client: SignalenClient, due: Dict[str, Optional[dt.datetime]]
            ) -> Dict[str, SignalState]:
    return {signal_id: client.signal_status(signal_id) for signal_id in list(due)[:PUBLIC_BATCH]}


def _private(client: SignalenClient, url: str, due: Dict[str, Optional[dt.datetime]]
             ) -> Dict[str, SignalState]:
    checked = [c for c in due.values() if c is not None]
    since = (min(checked) if len(checked) == len(due) else _oldest_created(url, due)) - OVERLAP
    return client.changed_since(since)


def _oldest_created(url: str, due: Dict[str, Optional[dt.datetime]]) -> dt.datetime:
    with session(url) as db:
        return min(created for (created,) in db.query(Report.created_at)
                   .filter(Report.signalen_id.in_(list(due))))


def _apply(url: str, states: Dict[str, SignalState],
           due: Dict[str, Optional[dt.datetime]], now: dt.datetime) -> int:
    """Store the states and tell residents about changes; returns how many changed."""
    private = any(state.private for state in states.values())
    checked: List[str] = list(set(due) | set(states)) if private or not states else list(states)
    changed = 0
    with session(url) as db:
        for report in db.query(Report).filter(Report.signalen_id.in_(checked)):
            report.status_checked_at = now
            state = states.get(report.signalen_id)
            if state is None or state.state == report.signalen_state:
                continue
            report.signalen_state = state.state
            status = status_from_signalen(state.state)
            if status is None:
                logger.info("Report %s: Signalen state %s (silent)", report.case_number,
                            state.state)
                continue
            changed += set_status(db, report, status)
    return changed
