"""Tables for presence, the residents' queue and satisfaction answers (migration
0016_presence). Columns marked personal are listed in bot/personal_data.yml."""
from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, Text

from bot.reports.models import Base, utcnow

ONLINE, AWAY, OFFLINE = "online", "away", "offline"
STATUSES = (ONLINE, AWAY, OFFLINE)


class StaffPresence(Base):
    """Whether a colleague can take a conversation now (staff_users.id)."""

    __tablename__ = "staff_presence"

    user_id = Column(Integer, primary_key=True)
    status = Column(String(16), nullable=False, default=OFFLINE)
    changed_at = Column(DateTime, nullable=False, default=utcnow)
    last_seen = Column(DateTime, nullable=False, default=utcnow)


class WaitingResident(Base):
    """A resident who asked for a colleague while colleagues were online. The sender id is
    blanked when the wait ends; the times stay, for the expected wait of later residents."""

    __tablename__ = "waiting_residents"

    id = Column(Integer, primary_key=True)
    sender_id = Column(String(128), index=True)  # personal: the channel address
    channel = Column(String(32), nullable=False)
    joined_at = Column(DateTime, nullable=False, default=utcnow, index=True)
    told_position = Column(Integer)
    told_minutes = Column(Integer)
    told_at = Column(DateTime)
    taken_at = Column(DateTime)  # a colleague took the conversation over
    ended_at = Column(DateTime)  # taken over and finished, or given up
    # "handled" (taken and finished), "expired" (closing time) or "left" (handed back).
    outcome = Column(String(16))


class SatisfactionAnswer(Base):
    """A resident's score (1-5) after a webcare conversation; no sender id is kept."""

    __tablename__ = "satisfaction_answers"

    id = Column(Integer, primary_key=True)
    channel = Column(String(32), nullable=False)
    score = Column(Integer, nullable=False)
    remark = Column(Text)  # personal by accident: masked with bot.logmask before storing
    answered_at = Column(DateTime, nullable=False, default=utcnow, index=True)
