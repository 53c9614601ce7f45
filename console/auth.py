"""Staff accounts: argon2 passwords, server-side sessions, CSRF tokens, login limits,
one-time password links and the account changes an admin makes (each audited)."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass
from typing import List, Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import case, or_, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from bot.reports.db import engine, ensure_schema, session
from bot.reports.models import utcnow
from bot.settings import DATABASE_URL
from console.models import (ROLES, AuditEntry, LoginAttempt, LoginCounter, PasswordReset,
                            StaffSession, StaffUser)

SESSION_HOURS = 10
# Per user name *and* address: an attacker slows down on the names they guess from their
# address, and never locks a colleague out who logs in from somewhere else.
MAX_FAILURES = 5
FAILURE_WINDOW = dt.timedelta(minutes=15)
RESET_LINK_VALID = dt.timedelta(hours=24)
MIN_PASSWORD = 12
USERNAME = re.compile(r"[A-Za-z0-9._@-]{2,64}")
DEPARTMENT = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
_hasher = PasswordHasher()
# Verified when the user name does not exist, so that answer takes as long as a wrong
# password for a real account: the response time does not tell which names exist.
DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(24))


class AccountError(ValueError):
    """A staff account cannot be created or changed as asked (`dutch`: for the page)."""

    def __init__(self, message: str, dutch: str = "") -> None:
        super().__init__(message)
        self.dutch = dutch or message


class LoginBlocked(Exception):
    """Too many failed logins for this user name from this address: wait for the window."""


@dataclass(frozen=True)
class Staff:
    """The logged-in colleague, as the pages need them."""

    id: int
    username: str
    name: str
    initials: str
    role: str
    csrf_token: str
    department: Optional[str] = None   # knowledge-base department (editors)

    def may(self, *roles: str) -> bool:
        return self.role == "admin" or self.role in roles


@dataclass(frozen=True)
class Account:
    """One row of the accounts page."""

    id: int
    username: str
    name: str
    initials: str
    role: str
    active: bool
    created_at: dt.datetime
    department: Optional[str] = None
    via_provider: bool = False  # logs in through the municipality's identity provider


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password needs at least {MIN_PASSWORD} characters",
                           f"Kies een wachtwoord van minstens {MIN_PASSWORD} tekens.")


def _password_matches(stored: Optional[str], password: str) -> bool:
    """Argon2 verification; with no stored hash the dummy hash is verified instead."""
    try:
        ok = _hasher.verify(stored or DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    return ok and stored is not None


def create_user(username: str, name: str, initials: str, role: str,
                password: Optional[str] = None, url: str = DATABASE_URL,
                created_by: Optional[int] = None, department: Optional[str] = None) -> int:
    """A new account. Without a password nobody can log in with it until the colleague
    sets one through a one-time link (`create_reset_link`)."""
    username, initials = username.strip(), initials.strip()
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}", "Kies een bestaande rol.")
    if password is not None:
        _check_new_password(password)
    if not username or not initials:
        raise AccountError("username and initials are required",
                           "Vul een gebruikersnaam en initialen in.")
    if not USERNAME.fullmatch(username):
        raise AccountError("a username has 2 to 64 letters, digits or . _ @ -",
                           "Een gebruikersnaam heeft 2 tot 64 letters, cijfers of . _ @ -.")
    ensure_schema(url)
    secret = password if password is not None else secrets.token_urlsafe(32)
    password_hash = _hasher.hash(secret)
    try:
        with session(url) as db:
            if db.query(StaffUser).filter_by(username=username).first():
                raise AccountError(f"the username {username} is taken",
                                   f"De gebruikersnaam {username} bestaat al.")
            user = StaffUser(username=username, name=name.strip()[:120] or username,
                             initials=initials[:8], role=role, password_hash=password_hash,
                             department=_department(department))
            db.add(user)
            db.flush()
            db.add(AuditEntry(user_id=created_by or user.id, action="account_created",
                              detail=f"{username}: {role}"))
            return user.id
    except IntegrityError:
        raise AccountError(f"the username {username} is taken",
                           f"De gebruikersnaam {username} bestaat al.") from None


def accounts(url: str = DATABASE_URL) -> List[Account]:
    ensure_schema(url)
    with session(url) as db:
        return [Account(u.id, u.username, u.name, u.initials, u.role, u.active, u.created_at,
                        u.department, bool(u.oidc_subject))
                for u in db.query(StaffUser).order_by(StaffUser.username)]


# -- the login limit ---------------------------------------------------------------------

def _insert_ignoring_duplicates(dialect: str, **row: object):
    table = LoginCounter.__table__
    if dialect == "postgresql":
        return postgresql_insert(table).values(**row).on_conflict_do_nothing()
    if dialect == "sqlite":
        return sqlite_insert(table).values(**row).on_conflict_do_nothing()
    return None


def reserve_attempt(username: str, ip: str, url: str = DATABASE_URL) -> bool:
    """Count one attempt for (user name, address) before the password is checked; False
    when the pair has used up its tries in the window. One UPDATE does the check and the
    count, so of any number of parallel guesses at most MAX_FAILURES get through."""
    now = utcnow()
    since = now - FAILURE_WINDOW
    key = (LoginCounter.account == username) & (LoginCounter.address == ip)
    expired = LoginCounter.window_start < since
    count = (update(LoginCounter.__table__).where(key)
             .where(or_(LoginCounter.failures < MAX_FAILURES, expired))
             .values(failures=case((expired, 1), else_=LoginCounter.failures + 1),
                     window_start=case((expired, now), else_=LoginCounter.window_start)))
    with engine(url).begin() as connection:
        insert = _insert_ignoring_duplicates(connection.dialect.name, account=username,
                                             address=ip, failures=0, window_start=now)
        if insert is not None:
            connection.execute(insert)
        else:  # another database: a duplicate row is fine, a savepoint keeps the transaction
            try:
                with connection.begin_nested():
                    connection.execute(LoginCounter.__table__.insert().values(
                        account=username, address=ip, failures=0, window_start=now))
            except IntegrityError:
                pass
        return connection.execute(count).rowcount == 1


def log_in(username: str, password: str, ip: str, url: str = DATABASE_URL) -> Optional[str]:
    """A new session token, or None when the name or password is wrong (or the account is
    deactivated). Raises LoginBlocked after MAX_FAILURES for this name from this address.

    A known and an unknown name take the same path: one counter update, one look-up, one
    argon2 verification (against DUMMY_HASH for an unknown name), one write."""
    ensure_schema(url)
    username, ip = username[:64], ip[:64]
    if not reserve_attempt(username, ip, url):
        raise LoginBlocked()
    with session(url) as db:
        user = db.query(StaffUser).filter_by(username=username).first()
        stored, user_id = (user.password_hash, user.id) if user else (None, None)
        active = bool(user and user.active)
    ok = _password_matches(stored, password) and active
    with session(url) as db:
        db.add(LoginAttempt(username=username, ip=ip, succeeded=ok))
        if not ok:
            return None
        db.query(LoginCounter).filter(
            or_((LoginCounter.account == username) & (LoginCounter.address == ip),
                LoginCounter.window_start < utcnow() - FAILURE_WINDOW)
        ).delete(synchronize_session=False)
        return new_session(db, user_id)


def new_session(db, user_id: int, action: str = "login") -> str:
    """Start a session for this account (audited); its token goes in the cookie."""
    token = secrets.token_urlsafe(32)
    db.add(StaffSession(token_hash=_token_hash(token), user_id=user_id,
                        csrf_token=secrets.token_urlsafe(32),
                        expires_at=utcnow() + dt.timedelta(hours=SESSION_HOURS)))
    db.add(AuditEntry(user_id=user_id, action=action))
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
                     found.csrf_token, user.department)


def session_started(token: Optional[str], url: str = DATABASE_URL) -> Optional[dt.datetime]:
    """When the session of this cookie began; None without a session."""
    if not token:
        return None
    with session(url) as db:
        found = db.query(StaffSession).filter_by(token_hash=_token_hash(token)).first()
        return found.created_at if found else None


def log_out(token: Optional[str], url: str = DATABASE_URL) -> None:
    if not token:
        return
    with session(url) as db:
        db.query(StaffSession).filter_by(token_hash=_token_hash(token)).delete()


def csrf_ok(staff: Staff, given: Optional[str]) -> bool:
    return bool(given) and secrets.compare_digest(staff.csrf_token, given)


# -- account changes by an admin -----------------------------------------------------------

def _end_sessions(db, user_id: int, keep: Optional[str] = None) -> None:
    sessions = db.query(StaffSession).filter(StaffSession.user_id == user_id)
    if keep:
        sessions = sessions.filter(StaffSession.token_hash != _token_hash(keep))
    sessions.delete(synchronize_session=False)


def _account(db, user_id: int) -> StaffUser:
    user = db.get(StaffUser, user_id)
    if user is None:
        raise AccountError("this account does not exist", "Dit account bestaat niet.")
    return user


def _other_active_admins(db, user_id: int) -> int:
    return (db.query(StaffUser).filter(StaffUser.role == "admin", StaffUser.active.is_(True),
                                       StaffUser.id != user_id).count())


def change_role(admin_id: int, user_id: int, role: str, url: str = DATABASE_URL) -> str:
    """Returns the audit detail; the new role holds from the colleague's next request."""
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}", "Kies een bestaande rol.")
    with session(url) as db:
        user = _account(db, user_id)
        if user.role == role:
            return f"{user.username}: {role}"
        if user.role == "admin" and user.active and not _other_active_admins(db, user_id):
            raise AccountError("the last active admin keeps the admin role",
                               "Er moet altijd een actieve beheerder zijn.")
        detail = f"{user.username}: {user.role} -> {role}"
        user.role = role
        db.add(AuditEntry(user_id=admin_id, action="role_changed", detail=detail))
        return detail


def _department(department: Optional[str]) -> Optional[str]:
    """A department slug as in knowledge/<slug>.yml, or None for no department."""
    department = (department or "").strip()
    if not department:
        return None
    if not DEPARTMENT.fullmatch(department):
        raise AccountError("a department is a slug like burgerzaken",
                           "Kies een bestaande afdeling.")
    return department


def change_department(admin_id: int, user_id: int, department: Optional[str],
                      url: str = DATABASE_URL) -> str:
    """Set (or clear) the knowledge-base department of an account; returns the detail."""
    department = _department(department)
    with session(url) as db:
        user = _account(db, user_id)
        detail = f"{user.username}: {user.department or '-'} -> {department or '-'}"
        if user.department != department:
            user.department = department
            db.add(AuditEntry(user_id=admin_id, action="department_changed", detail=detail))
        return detail


def set_active(admin_id: int, user_id: int, active: bool, url: str = DATABASE_URL) -> str:
    """Deactivate (the colleague's sessions end at once) or reactivate an account."""
    with session(url) as db:
        user = _account(db, user_id)
        if not active:
            if user_id == admin_id:
                raise AccountError("you cannot deactivate your own account",
                                   "U kunt uw eigen account niet uitzetten.")
            if user.role == "admin" and not _other_active_admins(db, user_id):
                raise AccountError("the last active admin cannot be deactivated",
                                   "Er moet altijd een actieve beheerder zijn.")
            _end_sessions(db, user_id)
            db.query(PasswordReset).filter(PasswordReset.user_id == user_id,
                                           PasswordReset.used_at.is_(None)).delete()
        user.active = active
        user.deactivated_at = None if active else (user.deactivated_at or utcnow())
        db.add(AuditEntry(user_id=admin_id,
                          action="account_reactivated" if active else "account_deactivated",
                          detail=user.username))
        return user.username


def create_reset_link(admin_id: int, user_id: int, url: str = DATABASE_URL) -> str:
    """A one-time token for the colleague to set a new password, valid 24 hours. Only its
    hash is stored: the admin sees the token once. Earlier unused links stop working."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    with session(url) as db:
        user = _account(db, user_id)
        if not user.active:
            raise AccountError("reactivate the account first", "Zet het account eerst weer aan.")
        if user.oidc_subject:  # a local password would be a second way into this account
            raise AccountError("logs in through the identity provider",
                               "Dit account logt in met het gemeente-account.")
        db.query(PasswordReset).filter(
            or_(PasswordReset.user_id == user_id, PasswordReset.expires_at < now)
        ).filter(PasswordReset.used_at.is_(None)).delete(synchronize_session=False)
        db.add(PasswordReset(token_hash=_token_hash(token), user_id=user_id,
                             created_by=admin_id, created_at=now,
                             expires_at=now + RESET_LINK_VALID))
        db.add(AuditEntry(user_id=admin_id, action="reset_link_created",
                          detail=user.username))
    return token


def reset_link_user(token: str, url: str = DATABASE_URL) -> Optional[str]:
    """The user name a valid, unused link is for; None for any other token."""
    ensure_schema(url)
    with session(url) as db:
        found = (db.query(PasswordReset).filter_by(token_hash=_token_hash(token))
                 .filter(PasswordReset.used_at.is_(None), PasswordReset.expires_at > utcnow())
                 .first())
        return found.user.username if found and found.user.active else None


def use_reset_link(token: str, password: str, url: str = DATABASE_URL) -> Optional[str]:
    """Set the new password and spend the link (one UPDATE, so only once); the colleague's
    sessions end. Returns the user name, or None when the link is used, expired or unknown."""
    _check_new_password(password)
    password_hash = _hasher.hash(password)
    now = utcnow()
    with session(url) as db:
        spent = db.execute(
            update(PasswordReset.__table__)
            .where(PasswordReset.token_hash == _token_hash(token),
                   PasswordReset.used_at.is_(None), PasswordReset.expires_at > now)
            .values(used_at=now)).rowcount
        if spent != 1:
            return None
        user = db.query(PasswordReset).filter_by(token_hash=_token_hash(token)).one().user
        if not user.active:
            return None
        user.password_hash = password_hash
        _end_sessions(db, user.id)
        db.add(AuditEntry(user_id=user.id, action="password_reset", detail=user.username))
        return user.username


def change_password(staff: Staff, current: str, new: str, ip: str, keep_token: str,
                    url: str = DATABASE_URL) -> None:
    """A colleague changes their own password; the current one is checked (and counted
    like a login), their other sessions end."""
    _check_new_password(new)
    if not reserve_attempt(staff.username[:64], ip[:64], url):
        raise LoginBlocked()
    with session(url) as db:
        stored = _account(db, staff.id).password_hash
    if not _password_matches(stored, current):
        raise AccountError("the current password is wrong", "Uw huidige wachtwoord klopt niet.")
    password_hash = _hasher.hash(new)
    with session(url) as db:
        user = _account(db, staff.id)
        user.password_hash = password_hash
        _end_sessions(db, staff.id, keep=keep_token)
        db.query(LoginCounter).filter_by(account=staff.username[:64], address=ip[:64]).delete()
        db.add(AuditEntry(user_id=staff.id, action="password_changed", detail=staff.username))
