"""Contactverzoeken past their period are deleted (`make retention`, bot/personal_data.yml)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from bot.klantcontacten.models import ContactRequest


def delete_old_requests(db: Session, cutoff: dt.datetime) -> int:
    """Delete contactverzoeken left before `cutoff`; how many."""
    return db.query(ContactRequest).filter(ContactRequest.created_at < cutoff).delete(
        synchronize_session=False)
