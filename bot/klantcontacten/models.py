"""The contactverzoeken table: a message left for a colleague and its state.

Personal columns are classified in bot/personal_data.yml.
"""
from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, Text

from bot.reports.models import Base, utcnow

OPEN, HANDLED = "te_verwerken", "verwerkt"  # Open Klant's Taakstatus values


class ContactRequest(Base):
    """One contactverzoek: the resident's message(s) until a colleague answered."""

    __tablename__ = "contact_requests"

    id = Column(Integer, primary_key=True)
    sender_id = Column(String(128), nullable=False, index=True)  # the conversation
    channel = Column(String(32), nullable=False)
    subject = Column(String(200), nullable=False)
    department = Column(String(64), nullable=False)   # knowledge-base slug, or "kcc"
    department_label = Column(String(120), nullable=False)
    message = Column(Text, nullable=False)             # scrubbed of personal data
    callback_phone = Column(String(32))  # only when the resident asked to be called back
    language = Column(String(3), nullable=False, default="nld")
    status = Column(String(16), nullable=False, default=OPEN)
    klantcontact_uuid = Column(String(36))
    betrokkene_uuid = Column(String(36))
    internetaak_uuid = Column(String(36))
    created_at = Column(DateTime, nullable=False, default=utcnow)
    handled_at = Column(DateTime)
