"""What the channels keep in the project's database: webhook ids seen, opt-outs,
and messages to residents waiting in the outbox."""
from __future__ import annotations

import json
import logging
from typing import Any, Dict, List

from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.reports.db import ensure_schema, session
from bot.reports.models import InboundMessage, OptOut, OutboxItem
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

CHANNEL_MESSAGE = "channel_message"


def first_delivery(channel: str, message_id: str, url: str = DATABASE_URL) -> bool:
    """True the first time a provider's message id is seen; False for a retry.

    When the database cannot be reached the message is processed anyway: a rare
    double answer is better than a lost message.
    """
    try:
        ensure_schema(url)
        with session(url) as db:
            db.add(InboundMessage(channel=channel, message_id=message_id[:128]))
        return True
    except IntegrityError:
        return False
    except SQLAlchemyError:
        logger.exception("Could not record %s message id; processing it anyway", channel)
        return True


def forget_delivery(channel: str, message_id: str, url: str = DATABASE_URL) -> None:
    """Processing failed: let the provider's retry through."""
    try:
        with session(url) as db:
            db.query(InboundMessage).filter_by(channel=channel,
                                               message_id=message_id[:128]).delete()
    except SQLAlchemyError:
        logger.exception("Could not forget %s message id", channel)


def set_opted_out(channel: str, recipient: str, opted_out: bool,
                  url: str = DATABASE_URL) -> None:
    ensure_schema(url)
    with session(url) as db:
        existing = db.query(OptOut).filter_by(channel=channel, recipient=recipient).first()
        if opted_out and existing is None:
            db.add(OptOut(channel=channel, recipient=recipient))
        elif not opted_out and existing is not None:
            db.delete(existing)


def is_opted_out(channel: str, recipient: str, url: str = DATABASE_URL) -> bool:
    ensure_schema(url)
    with session(url) as db:
        return db.query(OptOut.id).filter_by(channel=channel,
                                             recipient=recipient).first() is not None


def queue_messages(channel: str, recipient: str, messages: List[Dict[str, Any]],
                   url: str = DATABASE_URL) -> List[int]:
    """Put rendered messages in the outbox, in order; returns their ids."""
    ensure_schema(url)
    with session(url) as db:
        items = [OutboxItem(kind=CHANNEL_MESSAGE, channel=channel, recipient=recipient,
                            payload=json.dumps(message, ensure_ascii=False))
                 for message in messages]
        db.add_all(items)
        db.flush()
        return [item.id for item in items]
