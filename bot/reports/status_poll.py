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
from typing import Dict, Iterable, List, Optional, Tuple

from sqlalchemy import or_

from bot.integrations.signalen import (SignalenClient, SignalenError, SignalenRefused,
                                       SignalState)
from bot.reports.db import session
from bot.reports.models import Report, StatusPoll, utcnow
from bot.reports.status import ASKED, FINAL, set_status, status_from_signalen
from bot.settings import DATABASE_URL, SIGNALEN_POLL_INTERVAL

logger = logging.getLogger(__name__)

PUBLIC_BATCH = 50
# The private list is asked from a little before the last poll: clocks differ.
OVERLAP = dt.timedelta(minutes=5)
# How far back the private list is read: on first use, and at most after a long stop.
FIRST_LOOKBACK = dt.timedelta(days=1)
MAX_LOOKBACK = dt.timedelta(days=7)
PRIVATE_POLL = "private_list"
CHUNK = 500

States = Dict[str, SignalState]


def poll_statuses(client: SignalenClient, url: str = DATABASE_URL,
                  now: Optional[dt.datetime] = None,
                  interval: float = SIGNALEN_POLL_INTERVAL) -> int:
    """One polling round; returns how many reports changed status. Never raises SignalenError."""
    now = now or utcnow()
    every = dt.timedelta(seconds=interval)
    due = _due(url, now, every)
    if client.token:
        return _poll_private(client, url, due, now, every)
    if not due:
        return 0
    states, checked = _public(client, due)
    return _apply(url, states, checked, now)


def refresh_report(client: SignalenClient, signal_id: str, url: str = DATABASE_URL) -> None:
    """Read one report's state now, for a resident who asks about it. With a service
    account the poller already has the full state (within its interval): nothing to do;
    without one, the public detail is read. Never raises SignalenError."""
    if client.token:
        return
    states, checked = _public(client, {signal_id: None})
    _apply(url, states, checked, utcnow())


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
            ) -> Tuple[States, List[str]]:
    """The public state per signal; a signal Signalen refuses (404, 4xx) is skipped but
    counted as checked, so it does not stay first in line. When Signalen is unavailable or
    throttles, the round stops with what it read."""
    states: States = {}
    checked: List[str] = []
    for signal_id in list(due)[:PUBLIC_BATCH]:
        try:
            states[signal_id] = client.signal_status(signal_id)
        except SignalenRefused as error:
            logger.warning("Status of signal %s not read: %s", signal_id, error)
        except SignalenError as error:
            logger.warning("Status poll stopped: %s", error)
            break
        checked.append(signal_id)
    return states, checked


def _poll_private(client: SignalenClient, url: str, due: Dict[str, Optional[dt.datetime]],
                  now: dt.datetime, interval: dt.timedelta) -> int:
    """With a service account: every interval, also when no report is due (a final report
    that is reopened is seen), the signals changed since the last poll."""
    last = _watermark(url)
    if not due and last is not None and last > now - interval:
        return 0
    since = _since(last, now)
    try:
        states = client.changed_since(since)
    except SignalenError as error:
        logger.warning("Status poll stopped: %s", error)
        return 0
    changed = _apply(url, states, set(due) | set(states), now)
    _set_watermark(url, now)
    return changed


def _since(last: Optional[dt.datetime], now: dt.datetime) -> dt.datetime:
    """From the last poll (less OVERLAP); a day back on first use, at most MAX_LOOKBACK."""
    if last is None:
        return now - FIRST_LOOKBACK
    if last - OVERLAP < now - MAX_LOOKBACK:
        logger.warning("Status poll: last read %s, reading only the last %s", last, MAX_LOOKBACK)
        return now - MAX_LOOKBACK
    return last - OVERLAP


def _watermark(url: str) -> Optional[dt.datetime]:
    with session(url) as db:
        mark = db.get(StatusPoll, PRIVATE_POLL)
        return mark.polled_at if mark else None


def _set_watermark(url: str, now: dt.datetime) -> None:
    with session(url) as db:
        mark = db.get(StatusPoll, PRIVATE_POLL)
        if mark is None:
            db.add(StatusPoll(kind=PRIVATE_POLL, polled_at=now))
        else:
            mark.polled_at = now


def _chunks(values: Iterable[str], size: int = CHUNK) -> Iterable[List[str]]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _apply(url: str, states: States, checked: Iterable[str], now: dt.datetime) -> int:
    """Store the states of the checked signals and tell residents about changes; returns
    how many changed."""
    changed = 0
    with session(url) as db:
        for chunk in _chunks(set(checked)):
            for report in db.query(Report).filter(Report.signalen_id.in_(chunk)):
                report.status_checked_at = now
                changed += _changed(db, report, states.get(report.signalen_id))
    return changed


def _changed(db, report: Report, state: Optional[SignalState]) -> int:
    if state is None or state.state == report.signalen_state:
        return 0
    report.signalen_state = state.state
    if report.signalen_number is None and state.number is not None:
        report.signalen_number = state.number  # a signal staff linked by its signal_id
    status = status_from_signalen(state.state)
    if status == ASKED:
        # Asked in the resident's chat (bot.reports.answers); a second question, after the
        # first was answered, is news too although our status stays the same.
        report.signalen_question = state.text or None
        return int(set_status(db, report, status, again=True))
    if status is None:
        logger.info("Report %s: Signalen state %s (silent)", report.case_number, state.state)
        return 0
    return int(set_status(db, report, status))
