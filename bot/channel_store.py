"""What the channels keep in the project's database: webhook ids seen, the durable
inbox of Twilio's incoming messages, opt-outs, messages to residents waiting in the
outbox, WhatsApp's messaging window per resident and the delivery status Twilio reports
for every message."""
from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from typing import Any, Dict, List, Optional, Sequence, Tuple

from sqlalchemy import and_, exists, func, or_, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import aliased

from bot.reports.db import ensure_schema, session
from bot.reports.models import (CHANNEL_MESSAGE, HELD, NEVER, InboundMessage, OptOut,
                                OutboxItem, utcnow)
from bot.settings import DATABASE_URL, WHATSAPP_WINDOW_HOURS
from bot.channel_models import ChannelContact, ChannelDelivery, InboxMessage

logger = logging.getLogger(__name__)


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


# The durable inbox (Twilio) -------------------------------------------------------

def store_inbox(channel: str, message_id: str, sender: str, text: str,
                metadata: Dict[str, Any], url: str = DATABASE_URL) -> bool:
    """Store an incoming message for the worker, in one transaction with its id in
    `inbound_messages`; False for a repeat. A database error is raised: the webhook
    then answers 500 so that Twilio's retry (when configured) brings the message again.
    """
    ensure_schema(url)
    try:
        with session(url) as db:
            db.add(InboundMessage(channel=channel, message_id=message_id[:128]))
            db.add(InboxMessage(channel=channel, message_id=message_id[:128],
                                sender=sender[:128], text=text,
                                message_metadata=json.dumps(metadata, ensure_ascii=False)))
        return True
    except IntegrityError:
        return False


def claim_inbox(channel: str, worker: str, limit: int, claim_timeout: float,
                now: Optional[dt.datetime] = None,
                url: str = DATABASE_URL) -> List[Dict[str, Any]]:
    """Claim up to `limit` messages for `worker`: per resident only the oldest one not
    yet processed (the next waits until it is done), when nobody holds it or its claim
    is older than `claim_timeout` seconds (a dead worker's). Two workers never get the
    same message: the claim is an UPDATE on the same condition (PostgreSQL also skips
    rows another worker has locked)."""
    now = now or utcnow()
    stale = now - dt.timedelta(seconds=claim_timeout)
    ensure_schema(url)
    earlier = aliased(InboxMessage)
    free = and_(InboxMessage.processed_at.is_(None),
                or_(InboxMessage.claimed_at.is_(None), InboxMessage.claimed_at < stale),
                or_(InboxMessage.retry_at.is_(None), InboxMessage.retry_at <= now))
    head = ~exists().where(earlier.channel == InboxMessage.channel,
                           earlier.sender == InboxMessage.sender,
                           earlier.processed_at.is_(None), earlier.id < InboxMessage.id)
    claimed = []
    with session(url) as db:
        candidates = (db.query(InboxMessage.id)
                      .filter(InboxMessage.channel == channel, free, head)
                      .order_by(InboxMessage.id).limit(limit))
        if db.get_bind().dialect.name == "postgresql":
            candidates = candidates.with_for_update(skip_locked=True)
        for (item_id,) in candidates.all():
            result = db.execute(update(InboxMessage)
                                .where(InboxMessage.id == item_id, free)
                                .values(claimed_at=now, claimed_by=worker,
                                        attempts=InboxMessage.attempts + 1)
                                .execution_options(synchronize_session=False))
            if result.rowcount == 1:
                claimed.append(item_id)
        rows = (db.query(InboxMessage).filter(InboxMessage.id.in_(claimed))
                .order_by(InboxMessage.id).all() if claimed else [])
        return [{"id": row.id, "channel": row.channel, "message_id": row.message_id,
                 "sender": row.sender, "text": row.text,
                 "metadata": json.loads(row.message_metadata),
                 "received_at": row.received_at, "attempts": row.attempts} for row in rows]


def renew_claim(item_id: int, worker: str, now: Optional[dt.datetime] = None,
                url: str = DATABASE_URL) -> bool:
    """Keep a claim alive during a long turn; False when another worker took it over."""
    with session(url) as db:
        return db.query(InboxMessage).filter_by(id=item_id, claimed_by=worker,
                                                processed_at=None).update(
            {InboxMessage.claimed_at: now or utcnow()}, synchronize_session=False) == 1


def finish_inbox(item_id: int, worker: str, error: Optional[str] = None,
                 now: Optional[dt.datetime] = None, url: str = DATABASE_URL) -> bool:
    """The turn is done (or given up with `error`); False when the claim was lost."""
    with session(url) as db:
        return db.query(InboxMessage).filter_by(id=item_id, claimed_by=worker,
                                                processed_at=None).update(
            {InboxMessage.processed_at: now or utcnow(),
             InboxMessage.last_error: error[:500] if error else None},
            synchronize_session=False) == 1


def release_inbox(item_id: int, worker: str, error: Optional[str] = None,
                  retry_after: float = 0, now: Optional[dt.datetime] = None,
                  url: str = DATABASE_URL) -> None:
    """Give the message back unprocessed (the turn failed, or the process stops); it is
    taken again `retry_after` seconds from now, before the resident's later messages."""
    now = now or utcnow()
    with session(url) as db:
        db.query(InboxMessage).filter_by(id=item_id, claimed_by=worker,
                                         processed_at=None).update(
            {InboxMessage.claimed_at: None, InboxMessage.claimed_by: None,
             InboxMessage.retry_at: now + dt.timedelta(seconds=retry_after),
             InboxMessage.last_error: error[:500] if error else None},
            synchronize_session=False)


def inbox_waiting(channel: str, url: str = DATABASE_URL) -> int:
    """Messages of `channel` not processed yet."""
    ensure_schema(url)
    with session(url) as db:
        return db.query(InboxMessage).filter(InboxMessage.channel == channel,
                                             InboxMessage.processed_at.is_(None)).count()


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
        return _queue(db, channel, recipient, messages)


def _queue(db: Any, channel: str, recipient: str,
           messages: List[Dict[str, Any]]) -> List[int]:
    items = [OutboxItem(kind=CHANNEL_MESSAGE, channel=channel, recipient=recipient,
                        payload=json.dumps(message, ensure_ascii=False))
             for message in messages]
    db.add_all(items)
    db.flush()
    for item, message in zip(items, messages):  # the delivery status finds its item
        item.payload = json.dumps({**message, "outbox_id": item.id}, ensure_ascii=False)
    return [item.id for item in items]


# WhatsApp's customer service window ------------------------------------------------

WINDOW = dt.timedelta(hours=WHATSAPP_WINDOW_HOURS)
# Metadata of a resident's message that released held messages: the response each of them
# came from (`released_responses`), in order. The message answers the template ("stuur ons
# een bericht"), not a question among the messages it released; a question delivered
# before them it does answer.
RELEASED_HELD = "released_held"
# The channels that hold messages outside a window, and so may set RELEASED_HELD (what
# other channels' clients send as metadata is not trusted with it).
HOLDING_CHANNELS = ("whatsapp", "messenger")
# A contact nobody wrote from for this long is forgotten (personal_data.yml).
CONTACT_RETENTION = dt.timedelta(days=30)


def record_inbound(channel: str, recipient: str, now: Optional[dt.datetime] = None,
                   url: str = DATABASE_URL) -> None:
    """The resident wrote: the window opens (again) and a new template may be sent."""
    now = now or utcnow()
    ensure_schema(url)
    with session(url) as db:
        contact = _contact_to_change(db, channel, recipient)
        contact.last_inbound_at, contact.template_sent_at = now, None
        last_seen = func.coalesce(ChannelContact.last_inbound_at,
                                  ChannelContact.template_sent_at,
                                  ChannelContact.window_closed_at)
        db.query(ChannelContact).filter(last_seen < now - CONTACT_RETENTION).delete(
            synchronize_session=False)


def _contact(db: Any, channel: str, recipient: str) -> Optional[ChannelContact]:
    return db.query(ChannelContact).filter_by(channel=channel, recipient=recipient).first()


def _contact_to_change(db: Any, channel: str, recipient: str) -> ChannelContact:
    """The resident's contact row, added when there is none yet."""
    contact = _contact(db, channel, recipient)
    if contact is None:
        contact = ChannelContact(channel=channel, recipient=recipient)
        db.add(contact)
    return contact


def window_open(channel: str, recipient: str, now: Optional[dt.datetime] = None,
                url: str = DATABASE_URL) -> bool:
    """True when free text reaches the resident: they wrote less than 24 h ago and Twilio
    has not said otherwise since."""
    now = now or utcnow()
    ensure_schema(url)
    with session(url) as db:
        contact = _contact(db, channel, recipient)
        if contact is None or contact.last_inbound_at is None:
            return False
        if contact.window_closed_at and contact.window_closed_at >= contact.last_inbound_at:
            return False
        return now - contact.last_inbound_at < WINDOW


def close_window(channel: str, recipient: str, now: Optional[dt.datetime] = None,
                 url: str = DATABASE_URL) -> None:
    """Twilio answered 63016: the window is closed whatever our clock said."""
    now = now or utcnow()
    ensure_schema(url)
    with session(url) as db:
        _contact_to_change(db, channel, recipient).window_closed_at = now


def template_sent(channel: str, recipient: str, url: str = DATABASE_URL) -> Optional[dt.datetime]:
    """When a template last asked the resident to reply (None: not since they wrote)."""
    ensure_schema(url)
    with session(url) as db:
        contact = _contact(db, channel, recipient)
        return contact.template_sent_at if contact else None


def mark_template_sent(channel: str, recipient: str, now: Optional[dt.datetime] = None,
                       url: str = DATABASE_URL) -> None:
    now = now or utcnow()
    with session(url) as db:
        _contact_to_change(db, channel, recipient).template_sent_at = now


def release_held(channel: str, recipient: str, now: Optional[dt.datetime] = None,
                 url: str = DATABASE_URL) -> List[int]:
    """Make the resident's waiting messages due now (they just wrote); their ids, in order.

    An item another process has claimed (under lease, its held marker cleared) is left alone.
    """
    now = now or utcnow()
    ensure_schema(url)
    releasable = and_(_undelivered(channel, recipient),
                      or_(OutboxItem.next_attempt_at <= now,
                          OutboxItem.last_error.like(f"{HELD}%")))
    with session(url) as db:
        ids = [item_id for (item_id,) in
               db.query(OutboxItem.id).filter(releasable).order_by(OutboxItem.id)]
        if ids:  # the same condition again: a claim in between wins
            db.query(OutboxItem).filter(OutboxItem.id.in_(ids), releasable,
                                        OutboxItem.next_attempt_at > now).update(
                {OutboxItem.next_attempt_at: now}, synchronize_session=False)
        return ids


def being_sent(channel: str, recipient: str, now: Optional[dt.datetime] = None,
               url: str = DATABASE_URL) -> List[int]:
    """The resident's messages another process is sending right now (claimed, not yet
    delivered, a held one included): the resident has not seen them, so the message they
    just wrote answers none of them."""
    now = now or utcnow()
    with session(url) as db:
        return [item_id for (item_id,) in db.query(OutboxItem.id).filter(
            _undelivered(channel, recipient), OutboxItem.dead_at.is_(None),
            OutboxItem.last_error.is_(None), OutboxItem.next_attempt_at > now
        ).order_by(OutboxItem.id)]


def _undelivered(channel: str, recipient: str) -> Any:
    """The resident's channel messages not delivered yet and not waiting forever."""
    return and_(OutboxItem.kind == CHANNEL_MESSAGE, OutboxItem.channel == channel,
                OutboxItem.recipient == recipient, OutboxItem.delivered_at.is_(None),
                OutboxItem.next_attempt_at < NEVER)


def released_responses(item_ids: Sequence[int], url: str = DATABASE_URL) -> Any:
    """The response each released message came from (its `about`, "" for none), in the
    order of `item_ids`: the value of RELEASED_HELD. When the store cannot say, their
    number, which the actions read as "the question may be among them"."""
    if not item_ids:
        return []
    try:
        with session(url) as db:
            payloads = dict(db.query(OutboxItem.id, OutboxItem.payload)
                            .filter(OutboxItem.id.in_(list(item_ids))))
    except SQLAlchemyError:
        logger.warning("Released messages not described; counted only", exc_info=True)
        return len(item_ids)
    return [str(json.loads(payloads.get(item_id) or "{}").get("about") or "")
            for item_id in item_ids]


# Delivery status (Twilio's status callbacks) -----------------------------------------

# Later states never go back to earlier ones when callbacks arrive out of order.
STATUS_ORDER = {"queued": 0, "accepted": 0, "sending": 1, "sent": 2, "delivered": 3,
                "read": 4, "undelivered": 5, "failed": 5}
FAILED = {"failed", "undelivered"}


def record_delivery(provider_sid: str, channel: str, outbox_id: Optional[int],
                    kind: str = "text", template: Optional[str] = None,
                    status: str = "queued", recipient: Optional[str] = None,
                    url: str = DATABASE_URL) -> Optional[int]:
    """A message the provider took, to be followed by its status callbacks.

    Returns the error code when a failure callback for it arrived first (else None).
    """
    try:
        ensure_schema(url)
        with session(url) as db:
            existing = db.query(ChannelDelivery).filter_by(provider_sid=provider_sid[:64]).first()
            if existing is not None:
                existing.outbox_id, existing.kind, existing.template = outbox_id, kind, template
                existing.recipient = existing.recipient or recipient
                return existing.error_code if existing.status in FAILED else None
            db.add(ChannelDelivery(provider_sid=provider_sid[:64], channel=channel,
                                   outbox_id=outbox_id, kind=kind, template=template,
                                   status=status, recipient=recipient))
    except SQLAlchemyError:
        logger.exception("Could not record %s delivery %s", channel, provider_sid)
    return None


def record_refusal(channel: str, recipient: str, outbox_id: Optional[int],
                   error_code: Optional[int], error_message: str,
                   now: Optional[dt.datetime] = None, url: str = DATABASE_URL) -> str:
    """A message the provider refused for good (no provider id): a failed delivery of
    its own, listed with the others; returns the id it is kept under."""
    now = now or utcnow()
    sid = f"{channel}-refused-{uuid.uuid4().hex}"
    ensure_schema(url)
    with session(url) as db:
        db.add(ChannelDelivery(provider_sid=sid[:64], channel=channel, outbox_id=outbox_id,
                               kind="text", status="failed", error_code=error_code,
                               error_message=error_message[:500] or None,
                               recipient=recipient, created_at=now, updated_at=now))
    return sid


def record_status(provider_sid: str, status: str, error_code: Optional[int] = None,
                  error_message: Optional[str] = None, channel: str = "",
                  now: Optional[dt.datetime] = None, recipient: Optional[str] = None,
                  url: str = DATABASE_URL) -> Optional[Dict[str, Any]]:
    """Store a status callback; returns what is known of the message.

    A callback that comes before the send was recorded is kept (None is returned);
    `record_delivery` then finds it.
    """
    now = now or utcnow()
    ensure_schema(url)
    for _ in range(2):
        try:
            return _record_status(provider_sid[:64], status, error_code, error_message,
                                  channel, now, recipient, url)
        except IntegrityError:  # recorded by the sender at the same moment: update it
            continue
    return None


def _record_status(sid: str, status: str, error_code: Optional[int],
                   error_message: Optional[str], channel: str, now: dt.datetime,
                   recipient: Optional[str], url: str) -> Optional[Dict[str, Any]]:
    with session(url) as db:
        delivery = db.query(ChannelDelivery).filter_by(provider_sid=sid).first()
        if delivery is None:
            db.add(ChannelDelivery(provider_sid=sid, channel=channel or "?", kind="text",
                                   status=status, error_code=error_code,
                                   error_message=(error_message or "")[:500] or None,
                                   recipient=recipient, created_at=now, updated_at=now))
            return None
        delivery.recipient = delivery.recipient or recipient
        previous = delivery.status
        if STATUS_ORDER.get(status, 0) >= STATUS_ORDER.get(previous, 0):
            delivery.status = status
            if error_code is not None:
                delivery.error_code = error_code
                delivery.error_message = (error_message or "")[:500] or None
        delivery.updated_at = now
        return {"channel": delivery.channel, "outbox_id": delivery.outbox_id,
                "kind": delivery.kind, "status": delivery.status, "previous": previous,
                "error_code": delivery.error_code, "recipient": delivery.recipient}


def hold_again(outbox_id: int, now: Optional[dt.datetime] = None,
               url: str = DATABASE_URL) -> Optional[int]:
    """A message Twilio took but could not deliver (63016) goes back into the outbox."""
    now = now or utcnow()
    with session(url) as db:
        item = db.get(OutboxItem, outbox_id)
        if item is None or item.kind != CHANNEL_MESSAGE:
            return None
        item.delivered_at, item.next_attempt_at = None, now
        item.last_error = "Twilio 63016: outside WhatsApp's 24-hour window"
        return item.id


def delivery(provider_sid: str, url: str = DATABASE_URL) -> Optional[Dict[str, Any]]:
    """What is known of one message: channel, recipient, status, error, its outbox item's
    message (payload) and the fallback already applied."""
    ensure_schema(url)
    with session(url) as db:
        row = db.query(ChannelDelivery).filter_by(provider_sid=provider_sid[:64]).first()
        if row is None:
            return None
        item = db.get(OutboxItem, row.outbox_id) if row.outbox_id else None
        return {"sid": row.provider_sid, "channel": row.channel, "kind": row.kind,
                "recipient": row.recipient or (item.recipient if item else None),
                "status": row.status, "error_code": row.error_code,
                "message": json.loads(item.payload) if item and item.payload else None,
                "fallback": row.fallback}


# What the fallback did for a failed template: it sent the held message another way
# instead (the held message is not released later), or the held message had already
# gone out on WhatsApp (the resident wrote before the failure was reported).
INSTEAD_OF_HELD = "_instead_of_held"
RELEASED_ON_WHATSAPP = "released_on_whatsapp"


def apply_fallback(provider_sid: str, outcome: str, recipient: Optional[str] = None,
                   messages: Sequence[Dict[str, Any]] = (), now: Optional[dt.datetime] = None,
                   url: str = DATABASE_URL) -> Optional[Tuple[str, List[int]]]:
    """Note what the fallback did for a failed message and queue its `messages` (on the
    channel `outcome`, to `recipient`), in one transaction: (outcome, their outbox ids),
    or None when it was done before (a repeated callback).

    A failed template stands for the message it held. That message is marked delivered
    by the fallback, so the resident's next message does not release it a second time
    (outcome "sms_instead_of_held"); when it has gone out on WhatsApp already (released
    after the resident wrote: delivered or being sent) nothing is queued
    (RELEASED_ON_WHATSAPP)."""
    now, channel = now or utcnow(), outcome
    with session(url) as db:
        if db.query(ChannelDelivery).filter(
                ChannelDelivery.provider_sid == provider_sid[:64],
                ChannelDelivery.fallback.is_(None)).update(
                {ChannelDelivery.fallback: outcome[:32]}, synchronize_session=False) != 1:
            return None
        failed = db.query(ChannelDelivery).filter_by(provider_sid=provider_sid[:64]).one()
        if messages and failed.kind == "template" and failed.outbox_id:
            if _take_held(db, failed.outbox_id, f"sent as {channel} after template "
                          f"{failed.provider_sid} failed", now):
                outcome = f"{channel}{INSTEAD_OF_HELD}"
            else:
                outcome, messages = RELEASED_ON_WHATSAPP, ()
        ids = _queue(db, channel, recipient, list(messages)) if messages else []
        failed.fallback, failed.fallback_outbox_id = outcome[:32], ids[0] if ids else None
        return outcome, ids


def _take_held(db: Any, outbox_id: int, note: str, now: dt.datetime) -> bool:
    """Mark a message that is still held (not being sent, not sent) as delivered some
    other way; False when it was released to WhatsApp (its held marker is cleared when a
    process claims it)."""
    return db.query(OutboxItem).filter(
        OutboxItem.id == outbox_id, OutboxItem.delivered_at.is_(None),
        OutboxItem.last_error.like(f"{HELD}%")).update(
        {OutboxItem.delivered_at: now, OutboxItem.last_error: note[:500]},
        synchronize_session=False) == 1


def failed_deliveries(limit: int = 50, recipient: Optional[str] = None,
                      url: str = DATABASE_URL) -> List[Dict[str, Any]]:
    """Messages that did not reach the resident, newest first (for the console): channel,
    recipient, the provider's error, the message's text and what the fallback did (with
    the fallback message's own status)."""
    ensure_schema(url)
    fallback_item = aliased(OutboxItem)
    with session(url) as db:
        query = (db.query(ChannelDelivery, OutboxItem, fallback_item)
                 .outerjoin(OutboxItem, OutboxItem.id == ChannelDelivery.outbox_id)
                 .outerjoin(fallback_item,
                            fallback_item.id == ChannelDelivery.fallback_outbox_id)
                 .filter(ChannelDelivery.status.in_(FAILED)))
        if recipient is not None:
            query = query.filter(or_(ChannelDelivery.recipient == recipient,
                                     and_(ChannelDelivery.recipient.is_(None),
                                          OutboxItem.recipient == recipient)))
        rows = query.order_by(ChannelDelivery.updated_at.desc(),
                              ChannelDelivery.id.desc()).limit(limit).all()
        return [_failure(db, d, item, fallback) for d, item, fallback in rows]


def _failure(db: Any, d: ChannelDelivery, item: Optional[OutboxItem],
             fallback: Optional[OutboxItem]) -> Dict[str, Any]:
    text = json.loads(item.payload).get("text", "") if item and item.payload else ""
    return {"channel": d.channel, "recipient": d.recipient or (item.recipient if item else None),
            "sid": d.provider_sid, "kind": d.kind, "status": d.status,
            "error_code": d.error_code, "error_message": d.error_message, "at": d.updated_at,
            "text": text, "fallback": d.fallback,
            "fallback_channel": fallback.channel if fallback else None,
            "fallback_status": _fallback_status(db, fallback)}


def _fallback_status(db: Any, item: Optional[OutboxItem]) -> Optional[str]:
    """The fallback message's state: the provider's last status, else the outbox's."""
    if item is None:
        return None
    latest = (db.query(ChannelDelivery.status).filter_by(outbox_id=item.id)
              .order_by(ChannelDelivery.id.desc()).first())
    if latest is not None:
        return latest[0]
    if item.next_attempt_at >= NEVER:
        return "failed"
    return "sent" if item.delivered_at else "queued"
