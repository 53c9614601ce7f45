"""Login through the municipality's identity provider: the console's half. The protocol
is in bot/integrations/oidc.py; here the provider's groups become a console role and the
colleague's account is found (by the provider's subject, or on the first login by user
name) or made. The provider decides the role at every login; a colleague switched off in
the console stays off."""
from __future__ import annotations

import hashlib
import logging
from typing import Dict, Iterable, Optional

from bot import settings
from bot.integrations.oidc import Identity
from bot.reports.db import ensure_schema, session
from console import auth
from console.models import ROLES, AuditEntry, StaffUser

logger = logging.getLogger(__name__)

# With several groups the widest role wins (ROLES is ordered from least to most).
NO_PASSWORD = "!"  # not an argon2 hash: nobody logs in locally with such an account


def role_map(text: str = settings.OIDC_ROLE_MAP) -> Dict[str, str]:
    """"kcc-medewerker=agent,kcc-beheer=admin" as a dict; empty: the role names
    themselves."""
    if not text.strip():
        return {role: role for role in ROLES}
    mapping = {}
    for pair in text.split(","):
        group, _, role = pair.partition("=")
        if role.strip() not in ROLES:
            raise ValueError(f"OIDC_ROLE_MAP: {pair.strip()!r} does not end in one of "
                             f"{', '.join(ROLES)}")
        mapping[group.strip()] = role.strip()
    return mapping


def console_role(values: Iterable[str], mapping: Dict[str, str]) -> Optional[str]:
    roles = {mapping[value] for value in values if value in mapping}
    return max(roles, key=ROLES.index) if roles else None


def log_in(identity: Identity, role: str, url: str = settings.DATABASE_URL) -> Optional[str]:
    """A session token for the colleague, or None when their account is switched off."""
    ensure_schema(url)
    subject = f"{identity.issuer}|{identity.subject}"[:255]
    with session(url) as db:
        user = db.query(StaffUser).filter_by(oidc_subject=subject).first()
        if user is None:
            user = _first_login(db, identity, subject, role)
        if not user.active:
            return None
        if user.role != role:
            db.add(AuditEntry(user_id=user.id, action="role_changed",
                              detail=f"{user.username}: {user.role} -> {role} "
                                     f"(identity provider)"))
            user.role = role
        return auth.new_session(db, user.id, "login_oidc")


def _first_login(db, identity: Identity, subject: str, role: str) -> StaffUser:
    """A new account without a password. Never a local account of the same user name:
    `preferred_username` and `email` are not unique or may be changed by the user at some
    providers, so taking them as proof would let one colleague into another's account."""
    username = _username(identity)
    if db.query(StaffUser).filter_by(username=username).first() is not None:
        username = f"oidc-{hashlib.sha256(subject.encode()).hexdigest()[:12]}"
    user = StaffUser(username=username, name=identity.name[:120], role=role,
                     initials=_initials(identity.name), password_hash=NO_PASSWORD,
                     oidc_subject=subject)
    db.add(user)
    db.flush()
    db.add(AuditEntry(user_id=user.id, action="account_created",
                      detail=f"{username}: {role} (identity provider)"))
    return user


def _username(identity: Identity) -> str:
    name = identity.username.strip()
    if auth.USERNAME.fullmatch(name):
        return name
    return f"oidc-{hashlib.sha256(identity.subject.encode()).hexdigest()[:12]}"


def _initials(name: str) -> str:
    """"Anna de Vries" -> "AV": first and last word, the signature under replies."""
    words = [w for w in name.split() if w[:1].isalpha()]
    if not words:
        return "--"
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()
