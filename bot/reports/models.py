"""Tables of the report store. Columns marked personal must be listed in bot/personal_data.yml."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import (Boolean, Column, DateTime, Float, ForeignKey, Integer, String, Text,
                        UniqueConstraint, false)
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

# The outbox kind of a message to a resident on WhatsApp, SMS or Telegram.
CHANNEL_MESSAGE = "channel_message"
# An outbox item's next attempt when it is given up (refused for good); it stays so.
NEVER = dt.datetime(9999, 1, 1)
# How a message waiting for WhatsApp's window starts its outbox error (channels.delivery).
HELD = "held:"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Report(Base):
    """One melding, committed locally before it is forwarded."""

    __tablename__ = "reports"
    __table_args__ = (UniqueConstraint("idempotency_key", name="uq_reports_idempotency_key"),)

    id = Column(Integer, primary_key=True)
    case_number = Column(String(20), unique=True)
    idempotency_key = Column(String(64), nullable=False)
    category = Column(String(64), nullable=False)
    description = Column(Text, nullable=False)
    location_text = Column(Text, nullable=False)
    street = Column(String(120))
    house_number = Column(String(16))
    postcode = Column(String(7))
    woonplaats = Column(String(80))
    # The address register (PDOK) confirmed street and number: Signalen gets the address.
    address_confirmed = Column(Boolean, nullable=False, default=False, server_default=false())
    # The BAG nummeraanduiding id of that address (PDOK's `nummeraanduiding_id`, 16 digits).
    nummeraanduiding_id = Column(String(16))
    latitude = Column(Float)
    longitude = Column(Float)
    photo_url = Column(Text)
    channel = Column(String(32), nullable=False)
    sender_id = Column(String(128))
    wants_updates = Column(Boolean, nullable=False, default=False)
    contact_email = Column(String(254))
    contact_phone = Column(String(32))
    priority = Column(String(16), nullable=False, default="normal", server_default="normal")
    status = Column(String(32), nullable=False, default="gemeld")
    signalen_id = Column(String(64))         # Signalen's signal_id (a UUID)
    signalen_number = Column(Integer)        # Signalen's id (SIG-<id> for staff)
    signalen_state = Column(String(32))      # last state read (OPEN/CLOSED or a workflow state)
    status_checked_at = Column(DateTime)     # last status poll
    # The municipality's question while the signal is "reaction requested" (its status text).
    signalen_question = Column(Text)
    photo_error = Column(Text)               # why Signalen did not take the photo
    zaak_url = Column(Text)                  # the zaak in the ZGW case system (REPORTS_BACKEND=zgw)
    zaak_status_url = Column(Text)           # the zaak's last status told about (ZGW)
    zaak_status_at = Column(DateTime)        # its datumStatusGezet (UTC): older ones are old news
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)
    anonymised_at = Column(DateTime)

    outbox = relationship("OutboxItem", back_populates="report")


class OutboxItem(Base):
    """Work that must reach another system: retried with backoff until delivered.

    Report work points at its report; a message to a resident carries its channel,
    recipient and the rendered message (JSON) itself.
    """

    __tablename__ = "outbox"

    id = Column(Integer, primary_key=True)
    kind = Column(String(32), nullable=False)
    report_id = Column(Integer, ForeignKey("reports.id"))
    channel = Column(String(32))
    recipient = Column(String(128))
    payload = Column(Text)
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(DateTime, nullable=False, default=utcnow)
    last_error = Column(Text)
    delivered_at = Column(DateTime)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    # A dead letter: refused by the other system (or a create whose answer was lost),
    # not retried until staff correct and resend it.
    dead_at = Column(DateTime)
    dead_reason = Column(Text)
    # A create was sent but its answer was lost at this time: check before creating again.
    uncertain_at = Column(DateTime)

    report = relationship("Report", back_populates="outbox")


class StatusPoll(Base):
    """When a status poll last read Signalen (the private list's watermark)."""

    __tablename__ = "status_polls"

    kind = Column(String(32), primary_key=True)
    polled_at = Column(DateTime, nullable=False)


class InboundMessage(Base):
    """A webhook delivery already taken in, so a retry of it is processed only once."""

    __tablename__ = "inbound_messages"
    __table_args__ = (UniqueConstraint("channel", "message_id", name="uq_inbound_message"),)

    id = Column(Integer, primary_key=True)
    channel = Column(String(32), nullable=False)
    message_id = Column(String(128), nullable=False)
    received_at = Column(DateTime, nullable=False, default=utcnow)


class OptOut(Base):
    """A resident who sent STOP: the bot sends nothing more until they send START."""

    __tablename__ = "opt_outs"
    __table_args__ = (UniqueConstraint("channel", "recipient", name="uq_opt_out"),)

    id = Column(Integer, primary_key=True)
    channel = Column(String(32), nullable=False)
    recipient = Column(String(128), nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)
