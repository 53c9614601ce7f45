"""The overview and the queue, read page by page from the conversation table
(bot/worklist): searchable by case number, channel, words and agent, filtered by status,
channel, team, assignee and waiting."""
from __future__ import annotations

import time
from dataclasses import dataclass, fields
from typing import Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import urlencode

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql.elements import ColumnElement

from bot.klantcontacten.contacts import OUTCOMES, UNKNOWN
from bot.worklist import lifecycle
from bot.worklist.rules import REASONS
from bot.worklist.record import tokens
from bot.worklist.table import (PRIORITIES, STATUSES, conversations as table, ensure_table,
                                  words)
from console.conversations import tracker_engine

PER_PAGE = 50
QUEUE_LIMIT = 50
MAX_WORDS = 5
FEW = 5000  # conversations with the rarest word searched: checked one by one
STATUS_NAMES = {"open": "open", "pending": "bij de bot", "snoozed": "uitgesteld",
                "resolved": "afgerond"}
LIST_COLUMNS = [column for column in table.c]


@dataclass
class Listed:
    """One conversation's row, as the lists and the conversation page show it."""

    sender_id: str
    channel: str
    started_at: float
    last_activity: float
    first_message: str
    last_user_text: str
    last_intent: str
    left_message: str
    case_number: Optional[str]
    paused: bool
    waiting_since: Optional[float]
    reasons: List[str]
    status: str
    priority: int
    snoozed_until: Optional[float]
    outcome: Optional[str]
    team: Optional[str]
    assignee_id: Optional[int]
    assigned_to: Optional[str]
    user_messages: int
    staff_replies: int

    @property
    def reason_text(self) -> str:
        return ", ".join(REASONS[r] for r in self.reasons if r in REASONS)

    @property
    def status_text(self) -> str:
        return STATUS_NAMES.get(self.status, self.status)

    @property
    def outcome_text(self) -> str:
        if self.outcome == UNKNOWN:
            return UNKNOWN
        return OUTCOMES.get(self.outcome or "", (self.outcome or "",))[0]

    @property
    def priority_text(self) -> str:
        return PRIORITIES.get(self.priority, str(self.priority))


LISTED_FIELDS = [f.name for f in fields(Listed)]


def _listed(row: Mapping[str, Any]) -> Listed:
    values = {name: row[name] for name in LISTED_FIELDS}
    values["reasons"] = [key for key in (row["reasons"] or "").split(",") if key]
    return Listed(**values)


@dataclass(frozen=True)
class Filters:
    q: str = ""
    status: str = ""
    channel: str = ""
    team: str = ""
    assignee: str = ""  # a user id, "none", or "" for anyone
    waiting: bool = False
    page: int = 1

    @classmethod
    def from_args(cls, args: Mapping[str, Any]) -> "Filters":
        def arg(name: str, longest: int = 64) -> str:
            return (args.get(name) or "").strip()[:longest]

        status = arg("status")
        assignee = arg("assignee")
        page = arg("pagina")
        return cls(q=arg("q", 200), status=status if status in STATUSES else "",
                   channel=arg("channel"), team=arg("team"),
                   assignee=assignee if assignee == "none" or assignee.isdigit() else "",
                   waiting=arg("waiting") == "1",
                   page=max(1, min(int(page), 100_000)) if page.isdigit() else 1)

    def query(self, page: Optional[int] = None) -> str:
        """The filters as a query string (without empty ones), at `page`."""
        values = {"q": self.q, "status": self.status, "channel": self.channel,
                  "team": self.team, "assignee": self.assignee,
                  "waiting": "1" if self.waiting else "", "pagina": page or self.page}
        return urlencode({key: value for key, value in values.items()
                          if value and not (key == "pagina" and value == 1)})

    @property
    def any(self) -> bool:
        return bool(self.q or self.status or self.channel or self.team or self.assignee
                    or self.waiting)


@dataclass
class Page:
    rows: List[Listed]
    total: int
    number: int
    per_page: int = PER_PAGE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def first(self) -> int:
        return (self.number - 1) * self.per_page + 1 if self.rows else 0

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1 if self.rows else 0


def _word_range(word: str) -> ColumnElement:
    """Words starting with `word`: a range on the index, which SQLite and PostgreSQL both
    use (LIKE 'x%' needs special collations for that)."""
    following = word[:-1] + chr(ord(word[-1]) + 1)
    return and_(words.c.word >= word, words.c.word < following)


def _search(connection: Connection, q: str,
            colleagues: Mapping[int, str]) -> List[ColumnElement]:
    """Every word matches: a word of the case number, channel, conversation id or what the
    resident wrote (by its start), or the name of the colleague it is assigned to.
    The rarest word is looked up first; when few conversations have it, the others are
    checked among those only."""
    conditions, candidates = [], None
    counted = []
    for word in list(tokens(q))[:MAX_WORDS]:
        named = [user_id for user_id, name in colleagues.items()
                 if any(part.startswith(word) for part in tokens(name))]
        if named:
            found = select(words.c.sender_id).where(_word_range(word))
            conditions.append(or_(table.c.sender_id.in_(found), table.c.assignee_id.in_(named)))
            continue
        counted.append((connection.execute(select(func.count()).where(_word_range(word)))
                        .scalar_one(), word))
    for count, word in sorted(counted):
        query = select(words.c.sender_id).where(_word_range(word))
        if candidates is None and count <= FEW:
            candidates = set(connection.execute(query).scalars())
        elif candidates is not None:
            candidates &= set(connection.execute(
                query.where(words.c.sender_id.in_(sorted(candidates)))).scalars())
        else:
            conditions.append(table.c.sender_id.in_(query))
    if candidates is not None:
        conditions.append(table.c.sender_id.in_(sorted(candidates)))
    return conditions


def _conditions(connection: Connection, filters: Filters,
                colleagues: Mapping[int, str]) -> List[ColumnElement]:
    conditions = _search(connection, filters.q, colleagues)
    if filters.status:
        conditions.append(table.c.status == filters.status)
    if filters.channel:
        conditions.append(table.c.channel == filters.channel)
    if filters.team:
        conditions.append(table.c.team == (None if filters.team == "none" else filters.team))
    if filters.assignee == "none":
        conditions.append(table.c.assignee_id.is_(None))
    elif filters.assignee:
        conditions.append(table.c.assignee_id == int(filters.assignee))
    if filters.waiting:
        conditions.append(table.c.waiting_since.isnot(None))
    return conditions


def engine(url: str) -> Engine:
    """The tracker database's engine, with the conversation table made sure of."""
    _ensure(url)
    return tracker_engine(url)


_ENSURED: set = set()


def _ensure(url: str) -> None:
    if url not in _ENSURED:
        ensure_table(tracker_engine(url))
        _ENSURED.add(url)


def wake_due(url: str, now: Optional[float] = None) -> int:
    """Wake snoozed conversations whose time has come (a write only when one is due)."""
    now = now or time.time()
    with engine(url).connect() as connection:
        due = connection.execute(select(table.c.sender_id).where(
            table.c.status == "snoozed", table.c.snoozed_until <= now).limit(1)).first()
    return lifecycle.wake_snoozed(engine(url), now) if due else 0


def overview(url: str, filters: Filters, colleagues: Mapping[int, str] = {}) -> Page:
    """One page of conversations, last active first; `colleagues` (id -> name) lets a
    search find conversations by the name of the colleague they are assigned to."""
    with engine(url).connect() as connection:
        where = and_(true(), *_conditions(connection, filters, colleagues))
        total = connection.execute(select(func.count()).select_from(table).where(where)
                                   ).scalar_one()
        number = min(filters.page, max(1, -(-total // PER_PAGE)))
        # The page's keys from the index first, then only those rows (a deep page skips
        # index entries, not rows).
        keys = (select(table.c.sender_id).where(where).order_by(table.c.last_activity.desc())
                .limit(PER_PAGE).offset((number - 1) * PER_PAGE))
        rows = connection.execute(
            select(*LIST_COLUMNS).where(table.c.sender_id.in_(keys))
            .order_by(table.c.last_activity.desc())).mappings().all()
    return Page([_listed(row) for row in rows], total, number)


def queue(url: str, taken: Dict[str, str], filters: Filters = Filters(),
          limit: int = QUEUE_LIMIT) -> Tuple[List[Listed], int]:
    """Conversations waiting for a person that nobody has taken, most urgent and then
    longest waiting first (at most `limit`), and how many wait in all."""
    conditions = [table.c.waiting_since.isnot(None), table.c.status == "open"]
    if filters.team:
        conditions.append(table.c.team == (None if filters.team == "none" else filters.team))
    if filters.channel:
        conditions.append(table.c.channel == filters.channel)
    if taken:
        conditions.append(table.c.sender_id.notin_(list(taken)))
    where = and_(*conditions)
    with engine(url).connect() as connection:
        total = connection.execute(select(func.count()).select_from(table).where(where)
                                   ).scalar_one()
        rows = connection.execute(
            select(*LIST_COLUMNS).where(where)
            .order_by(table.c.priority.desc(), table.c.waiting_since).limit(limit)
        ).mappings().all()
    return [_listed(row) for row in rows], total


def one(url: str, sender: str) -> Optional[Listed]:
    with engine(url).connect() as connection:
        row = connection.execute(select(*LIST_COLUMNS).where(table.c.sender_id == sender)
                                 ).mappings().first()
    return _listed(row) if row else None


_CHANNELS: Dict[str, Tuple[float, List[str]]] = {}
CHANNELS_SECONDS = 300


def channels(url: str) -> List[str]:
    """The channels conversations came in on, for the filter (read every few minutes)."""
    at, found = _CHANNELS.get(url, (0.0, []))
    if time.monotonic() - at > CHANNELS_SECONDS:
        with engine(url).connect() as connection:
            found = sorted(c for c in connection.execute(
                select(table.c.channel).distinct()).scalars() if c)
        _CHANNELS[url] = (time.monotonic(), found)
    return found
