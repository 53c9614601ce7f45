"""The channels' own tables in the project's database (migration 0006).

`channel_contacts` keeps, per WhatsApp resident, when they last wrote (WhatsApp takes
free text only within 24 hours of that) and when a template last asked them to reply;
`channel_deliveries` keeps every message handed to Twilio with the status its status
callbacks report. Personal columns are classified in bot/personal_data.yml.
"""
from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, Text, UniqueConstraint

from bot.reports.models import Base, utcnow


class ChannelContact(Base):
    """When a resident last wrote on a channel with a messaging window (WhatsApp)."""

    __tablename__ = "channel_contacts"
    __table_args__ = (UniqueConstraint("channel", "recipient", name="uq_channel_contact"),)

    id = Column(Integer, primary_key=True)
    channel = Column(String(32), nullable=False)
    recipient = Column(String(128), nullable=False)
    last_inbound_at = Column(DateTime)
    # Twilio said the window was closed (63016) although our clock thought it open.
    window_closed_at = Column(DateTime)
    # A template asked the resident to reply; not sent again until they write.
    template_sent_at = Column(DateTime)


class ChannelDelivery(Base):
    """One message handed to Twilio, Telegram or Meta, with the latest status its
    callbacks reported, or the provider's refusal."""

    __tablename__ = "channel_deliveries"
    __table_args__ = (UniqueConstraint("provider_sid", name="uq_channel_delivery_sid"),)

    id = Column(Integer, primary_key=True)
    provider_sid = Column(String(64), nullable=False)
    channel = Column(String(32), nullable=False)
    outbox_id = Column(Integer)  # the outbox item it delivers (the held one, for a template)
    kind = Column(String(16), nullable=False, default="text")  # text or template
    template = Column(String(64))
    status = Column(String(16), nullable=False, default="queued")
    error_code = Column(Integer)
    error_message = Column(Text)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow)
    # The conversation the message was for (migration 0014), for the console.
    recipient = Column(String(128), index=True)
    # What the fallback did after a failure (channels.fallback.OUTCOMES) and, when it sent
    # the message another way, that message's outbox item.
    fallback = Column(String(32))
    fallback_outbox_id = Column(Integer)


class InboxMessage(Base):
    """An incoming Twilio message, stored before Twilio gets its answer and processed
    afterwards by the connector's worker, in order per resident (channels.inbound.Inbox).

    A worker claims a message (claimed_at, claimed_by) and marks it processed when the
    turn is done; a claim older than the claim timeout belongs to a dead worker and is
    taken over. Processed rows are deleted after 7 days (bot/reports/retention.py)."""

    __tablename__ = "channel_inbox"
    __table_args__ = (UniqueConstraint("channel", "message_id", name="uq_channel_inbox"),)

    id = Column(Integer, primary_key=True)
    channel = Column(String(32), nullable=False)
    message_id = Column(String(128), nullable=False)  # Twilio's MessageSid
    sender = Column(String(128), nullable=False)
    text = Column(Text, nullable=False)
    message_metadata = Column("metadata", Text, nullable=False)  # JSON: media, location
    received_at = Column(DateTime, nullable=False, default=utcnow)
    claimed_at = Column(DateTime)
    claimed_by = Column(String(96))
    attempts = Column(Integer, nullable=False, default=0)
    retry_at = Column(DateTime)  # after a failed turn: not before this moment
    last_error = Column(String(500))
    processed_at = Column(DateTime)
