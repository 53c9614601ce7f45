"""Teams are the knowledge base's departments; their members are the colleagues whose
account has that department. Round robin (settings.ROUND_ROBIN) is per team."""
from __future__ import annotations

from dataclasses import dataclass
import time
from typing import Dict, List, Optional, Tuple

from bot import settings
from bot.reports.db import session
from bot.worklist import lifecycle
from bot.worklist.lifecycle import Member
from console import knowledge, lists
from console.models import StaffUser

WORKERS = ("agent", "admin")  # roles that take conversations


def round_robin(setting: Optional[str] = None) -> Dict[str, int]:
    """Team slug -> capacity per colleague, from "team:capacity,team:capacity"."""
    found = {}
    for part in (settings.ROUND_ROBIN if setting is None else setting).split(","):
        team, _, capacity = part.strip().partition(":")
        if team and capacity.strip().isdigit() and int(capacity) > 0:
            found[team] = int(capacity)
    return found


DEPARTMENTS_SECONDS = 60
_DEPARTMENTS: Dict[str, Tuple[float, Dict[str, str]]] = {}


def teams(db_url: str) -> Dict[str, str]:
    """Slug -> name of every department in the knowledge base, plus any on an account."""
    found = dict(_departments(db_url))
    for member in colleagues(db_url):
        if member.department and member.department not in found:
            found[member.department] = member.department.replace("_", " ").capitalize()
    return dict(sorted(found.items()))


def _departments(db_url: str) -> Dict[str, str]:
    """The knowledge base's departments, read once a minute (every list shows them)."""
    at, found = _DEPARTMENTS.get(db_url, (0.0, {}))
    if time.monotonic() - at > DEPARTMENTS_SECONDS:
        found = knowledge.departments(db_url)
        _DEPARTMENTS[db_url] = (time.monotonic(), found)
    return found


@dataclass(frozen=True)
class Colleague:
    id: int
    name: str
    department: Optional[str]


def colleagues(db_url: str) -> List[Colleague]:
    """Active colleagues who take conversations, by name."""
    with session(db_url) as db:
        users = (db.query(StaffUser).filter(StaffUser.active.is_(True),
                                            StaffUser.role.in_(WORKERS))
                 .order_by(StaffUser.name).all())
        return [Colleague(u.id, u.name, u.department) for u in users]


def members(db_url: str, team: str) -> List[Member]:
    return [Member(c.id, c.name) for c in colleagues(db_url) if c.department == team]


def hand_out(tracker_url: str, db_url: str, only: Optional[str] = None) -> List[tuple]:
    """Round robin for every team that has it (or just `only`): (sender, member) pairs."""
    assigned = []
    for team, capacity in round_robin().items():
        if only is None or team == only:
            assigned += lifecycle.auto_assign(lists.engine(tracker_url), team,
                                              members(db_url, team), capacity)
    return assigned
