"""Console tables, in the project's database next to the reports (same migrations)."""
from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import relationship

from bot.reports.models import Base, utcnow

ROLES = ("agent", "editor", "kb_manager", "admin")


class StaffUser(Base):
    __tablename__ = "staff_users"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False, unique=True)
    name = Column(String(120), nullable=False)
    initials = Column(String(8), nullable=False)
    role = Column(String(16), nullable=False)
    # The knowledge-base department (slug of knowledge/<department>.yml) whose articles an
    # editor may change; none for colleagues outside a department.
    department = Column(String(64))
    password_hash = Column(String(255), nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    deactivated_at = Column(DateTime)  # the name, initials and password go 730 days later
    # `iss` and `sub` of the identity provider's ID token, for a colleague who logs in there
    oidc_subject = Column(String(255), unique=True)


class StaffSession(Base):
    __tablename__ = "staff_sessions"

    id = Column(Integer, primary_key=True)
    token_hash = Column(String(64), nullable=False, unique=True)
    user_id = Column(Integer, ForeignKey("staff_users.id"), nullable=False)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    expires_at = Column(DateTime, nullable=False)

    user = relationship("StaffUser")


class LoginAttempt(Base):
    __tablename__ = "login_attempts"

    id = Column(Integer, primary_key=True)
    username = Column(String(64), nullable=False)
    ip = Column(String(64), nullable=False)
    succeeded = Column(Boolean, nullable=False)
    at = Column(DateTime, nullable=False, default=utcnow)


class LoginCounter(Base):
    """Failed logins of one account from one address in the current window: one row per
    pair, counted with a single UPDATE so parallel guesses cannot slip past the limit."""

    __tablename__ = "login_counters"

    account = Column(String(64), primary_key=True)  # the user name typed, known or not
    address = Column(String(64), primary_key=True)
    failures = Column(Integer, nullable=False, default=0)
    window_start = Column(DateTime, nullable=False, default=utcnow)


class PasswordReset(Base):
    """A one-time link to set a password: only the hash of its random token is kept."""

    __tablename__ = "password_resets"

    id = Column(Integer, primary_key=True)
    token_hash = Column(String(64), nullable=False, unique=True)
    user_id = Column(Integer, ForeignKey("staff_users.id"), nullable=False, index=True)
    created_by = Column(Integer, ForeignKey("staff_users.id"))
    created_at = Column(DateTime, nullable=False, default=utcnow)
    expires_at = Column(DateTime, nullable=False)
    used_at = Column(DateTime)

    user = relationship("StaffUser", foreign_keys=[user_id])


class Takeover(Base):
    """A conversation an agent has taken over; one agent per conversation."""

    __tablename__ = "takeovers"

    sender_id = Column(String(128), primary_key=True)
    user_id = Column(Integer, ForeignKey("staff_users.id"), nullable=False)
    taken_at = Column(DateTime, nullable=False, default=utcnow)

    user = relationship("StaffUser")


class Note(Base):
    __tablename__ = "notes"

    id = Column(Integer, primary_key=True)
    sender_id = Column(String(128), nullable=False, index=True)
    user_id = Column(Integer, ForeignKey("staff_users.id"), nullable=False)
    text = Column(Text, nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)

    user = relationship("StaffUser")


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("staff_users.id"))
    action = Column(String(32), nullable=False)
    sender_id = Column(String(128))
    detail = Column(Text)
    at = Column(DateTime, nullable=False, default=utcnow)

    user = relationship("StaffUser")


class ToneVersion(Base):
    """A saved tone guide, for the history and undo."""

    __tablename__ = "tone_versions"

    id = Column(Integer, primary_key=True)
    user_id = Column(Integer, ForeignKey("staff_users.id"))
    text = Column(Text, nullable=False)
    comment = Column(String(200))
    created_at = Column(DateTime, nullable=False, default=utcnow)

    user = relationship("StaffUser")
