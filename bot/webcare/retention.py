"""Retention of the webcare tables (called by bot.reports.retention.delete_old_rows)."""
from __future__ import annotations

import datetime as dt
from typing import Callable

from bot.webcare.models import SatisfactionAnswer, StaffPresence, WaitingResident


def delete_old(db, cutoff: Callable[[str], dt.datetime]) -> int:
    """Waits, satisfaction remarks and presence (of a colleague gone for a month) older
    than their register period."""
    return sum(query.delete(synchronize_session=False) for query in (
        db.query(WaitingResident).filter(
            WaitingResident.joined_at < cutoff("waiting_residents.sender_id")),
        db.query(SatisfactionAnswer).filter(
            SatisfactionAnswer.answered_at < cutoff("satisfaction_answers.remark")),
        db.query(StaffPresence).filter(
            StaffPresence.last_seen < cutoff("staff_presence.last_seen"))))
