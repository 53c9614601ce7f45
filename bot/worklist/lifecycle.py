"""What colleagues do with a conversation's row: snooze, resolve, priority, assign to a
colleague or a team, and round robin within a team up to a capacity per colleague.
The console calls these with the tracker database's engine."""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence

from sqlalchemy import and_, case, func, select
from sqlalchemy.engine import Connection, Engine

from bot.worklist.table import PRIORITIES, conversations as table

ACTIVE = ("open", "pending", "snoozed")  # what counts against a colleague's capacity


@dataclass(frozen=True)
class Member:
    id: int
    name: str


def wake_snoozed(engine: Engine, now: Optional[float] = None) -> int:
    """Snoozed conversations whose time has come are open again; how many woke."""
    with engine.begin() as connection:
        return connection.execute(table.update().where(
            table.c.status == "snoozed", table.c.snoozed_until <= (now or time.time()))
            .values(status="open", snoozed_until=None)).rowcount


def _change(engine: Engine, sender: str, **values) -> bool:
    with engine.begin() as connection:
        return connection.execute(table.update().where(table.c.sender_id == sender)
                                  .values(**values)).rowcount == 1


def snooze(engine: Engine, sender: str, until: float) -> bool:
    return _change(engine, sender, status="snoozed", snoozed_until=until)


def resolve(engine: Engine, sender: str, outcome: str, now: Optional[float] = None) -> bool:
    """Resolved with the outcome chosen: out of the queue until the resident writes again."""
    with engine.begin() as connection:
        return connection.execute(table.update().where(
            table.c.sender_id == sender, table.c.status != "resolved").values(
            status="resolved", outcome=outcome, snoozed_until=None,
            resolved_at=now or time.time(), trigger_since=None, waiting_since=None,
            reasons="")).rowcount == 1


def reopen(engine: Engine, sender: str) -> bool:
    return _change(engine, sender, status="open", snoozed_until=None, outcome=None,
                   resolved_at=None)


def set_priority(engine: Engine, sender: str, priority: int) -> bool:
    if priority not in PRIORITIES:
        raise ValueError(f"unknown priority {priority}")
    return _change(engine, sender, priority=priority)


def assign(engine: Engine, sender: str, member: Optional[Member], team: Optional[str],
           now: Optional[float] = None) -> bool:
    """To a colleague (and their team, if given), or to a team with nobody yet."""
    return _change(engine, sender, team=team, assignee_id=member.id if member else None,
                   assigned_to=member.name if member else None,
                   assigned_at=(now or time.time()) if member else None)


def to_queue(engine: Engine, sender: str, now: Optional[float] = None) -> bool:
    """Sent to a team: open and waiting (since it first waited, or now), unless resolved
    later; a taken-over conversation is not waiting (its colleague has it)."""
    since = func.coalesce(table.c.trigger_since, now or time.time())
    reasons = case((table.c.reasons == "", "transferred"),
                   (table.c.reasons.like("%transferred%"), table.c.reasons),
                   else_=table.c.reasons + ",transferred")
    return _change(engine, sender, status="open", snoozed_until=None, trigger_since=since,
                   waiting_since=case((table.c.paused, None), else_=since), reasons=reasons)


def loads(connection: Connection, members: Sequence[Member]) -> Dict[int, int]:
    """Active conversations per colleague."""
    ids = [member.id for member in members]
    rows = connection.execute(select(table.c.assignee_id, func.count()).where(
        table.c.assignee_id.in_(ids), table.c.status.in_(ACTIVE))
        .group_by(table.c.assignee_id))
    found = dict(rows.all())
    return {member_id: found.get(member_id, 0) for member_id in ids}


def next_member(connection: Connection, members: Sequence[Member],
                capacity: int) -> Optional[Member]:
    """Round robin: of the colleagues below `capacity`, the one assigned longest ago (never
    assigned first), ties by fewest active conversations; None when everyone is full."""
    load = loads(connection, members)
    last = dict(connection.execute(select(table.c.assignee_id, func.max(table.c.assigned_at))
                                   .where(table.c.assignee_id.in_(list(load)))
                                   .group_by(table.c.assignee_id)).all())
    free = [member for member in members if load[member.id] < capacity]
    if not free:
        return None
    return min(free, key=lambda m: (last.get(m.id) or 0.0, load[m.id], m.id))


def auto_assign(engine: Engine, team: str, members: Sequence[Member], capacity: int,
                now: Optional[float] = None) -> List[tuple]:
    """Give the team's unassigned waiting conversations (longest waiting first, most urgent
    first) to its members by round robin; the (sender, member) pairs assigned."""
    assigned = []
    with engine.begin() as connection:
        waiting = connection.execute(select(table.c.sender_id).where(and_(
            table.c.team == team, table.c.assignee_id.is_(None),
            table.c.waiting_since.isnot(None), table.c.status == "open"))
            .order_by(table.c.priority.desc(), table.c.waiting_since)).scalars().all()
        for sender in waiting:
            member = next_member(connection, members, capacity)
            if member is None:
                break
            at = (now or time.time()) + len(assigned) * 1e-3  # keeps the rotation's order
            connection.execute(table.update().where(table.c.sender_id == sender).values(
                assignee_id=member.id, assigned_to=member.name, assigned_at=at))
            assigned.append((sender, member))
    return assigned
