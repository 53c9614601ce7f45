"""Staff accounts: argon2 passwords, server-side sessions, CSRF tokens, login limits."""
from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError

from bot.reports.db import ensure_schema, session
from bot.reports.models import utcnow
from bot.settings import DATABASE_URL
from console.models import ROLES, AuditEntry, LoginAttempt, StaffSession, StaffUser

SESSION_HOURS = 10
MAX_FAILURES = 5  # per user name
MAX_FAILURES_PER_IP = 20  # a contact centre shares one address
FAILURE_WINDOW = dt.timedelta(minutes=15)
MIN_PASSWORD = 12
_hasher = PasswordHasher()


class AccountError(ValueError):
    """A staff account cannot be created as asked."""


@dataclass(frozen=True)
class Staff:
    """The logged-in colleague, as the pages need them."""

    id: int
    username: str
    name: str
    initials: str
    role: str
    csrf_token: str

    def may(self, *roles: str) -> bool:
        return self.role == "admin" or self.role in roles


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(username: str, name: str, initials: str, role: str, password: str,
                url: str = DATABASE_URL) -> int:
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters")
    if not username.strip() or not initials.strip():
        raise AccountError("username and initials are required")
    ensure_schema(url)
    with session(url) as db:
        if db.query(StaffUser).filter_by(username=username).first():
            raise AccountError(f"the username {username} is taken")
        user = StaffUser(username=username.strip(), name=name.strip() or username,
                         initials=initials.strip()[:8], role=role,
                         password_hash=_hasher.hash(password))
        db.add(user)
        db.flush()
        db.add(AuditEntry(user_id=user.id, action="account_created", detail=role))
        return user.id


def too_many_failures(username: str, ip: str, url: str = DATABASE_URL) -> bool:
    since = utcnow() - FAILURE_WINDOW
    with session(url) as db:
        failed = db.query(LoginAttempt).filter(LoginAttempt.succeeded.is_(False),
                                               LoginAttempt.at >= since)
        return (failed.filter(LoginAttempt.username == username).count() >= MAX_FAILURES
                or failed.filter(LoginAttempt.ip == ip).count() >= MAX_FAILURES_PER_IP)


def log_in(username: str, password: str, ip: str, url: str = DATABASE_URL) -> Optional[str]:
    """A new session token, or None when the name or password is wrong."""
    ensure_schema(url)
    with session(url) as db:
        user = db.query(StaffUser).filter_by(username=username, active=True).first()
        ok = False
        if user is not None:
            try:
                ok = _hasher.verify(user.password_hash, password)
            except (VerifyMismatchError, InvalidHashError):
                ok = False
        db.add(LoginAttempt(username=username[:64], ip=ip[:64], succeeded=ok))
        if not ok:
            return None
        token = secrets.token_urlsafe(32)
        db.add(StaffSession(token_hash=_token_hash(token), user_id=user.id,
                            csrf_token=secrets.token_urlsafe(32),
                            expires_at=utcnow() + dt.timedelta(hours=SESSION_HOURS)))
        db.add(AuditEntry(user_id=user.id, action="login"))
        return token


def staff_for(token: Optional[str], url: str = DATABASE_URL) -> Optional[Staff]:
    if not token:
        return None
    ensure_schema(url)
    with session(url) as db:
        found = db.query(StaffSession).filter_by(token_hash=_token_hash(token)).first()
        if found is None or found.expires_at < utcnow() or not found.user.active:
            return None
        user = found.user
        return Staff(user.id, user.username, user.name, user.initials, user.role,
                     found.csrf_token)


def log_out(token: str, url: str = DATABASE_URL) -> None:
    with session(url) as db:
        db.query(StaffSession).filter_by(token_hash=_token_hash(token)).delete()


def csrf_ok(staff: Staff, given: Optional[str]) -> bool:
    return bool(given) and secrets.compare_digest(staff.csrf_token, given)
