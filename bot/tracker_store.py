"""Rasa's SQL tracker store with the same tables, made cheaper per turn.

Every turn Rasa reads the conversation and writes the new events. The stock store
builds an ORM object per event on read, and runs both the read and the write on the
event loop, so one conversation's disk flush stalls every other conversation. This
store reads the event data column only with one prepared Core statement, does the
database work in a thread, and puts SQLite in WAL mode (one flush per commit; the
console can read while Rasa writes).
Rasa's lock store still makes sure one turn per conversation runs at a time.
The events of a save also update the conversation's row in the console's conversation
table (bot/worklist), in the same transaction.

Use it in endpoints.yml: `tracker_store: {type: bot.tracker_store.TrackerStore, ...}`
with the same keys as Rasa's `type: SQL`.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import sys
from pathlib import Path
from typing import Any, Dict, Optional, Text

from rasa.core.tracker_store import SQLTrackerStore
from rasa.core.tracker_store import TrackerStore as RasaTrackerStore
from rasa.core.utils import AvailableEndpoints
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
import sqlalchemy as sa
from sqlalchemy import create_engine, event
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from bot.worklist.record import record
from bot.worklist.table import ensure_table

# How many of a tracker's events are in the database: read with it, so saving needs
# no count query (Rasa's lock store keeps other instances out in between).
STORED = "_stored_event_count"


def _use_wal(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class TrackerStore(SQLTrackerStore):
    """SQLTrackerStore that keeps the event loop free and skips the ORM on reads."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        db = kwargs.get("db", ":memory:")
        if kwargs.get("dialect", "sqlite") == "sqlite" and db != ":memory:":
            # endpoints.yml names var/tracker.db; var/ may not exist when GA_VAR_DIR moved the rest
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            # SQLAlchemy 1.4 opens a new SQLite connection per session; keep a few open.
            self.engine = create_engine(self.engine.url, poolclass=QueuePool, pool_size=4,
                                        connect_args={"check_same_thread": False})
            event.listen(self.engine, "connect", _use_wal)
            self.sessionmaker = sessionmaker(bind=self.engine)
        self._data_queries = {flag: self._data_query(flag) for flag in (False, True)}
        ensure_table(self.engine)

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool
                        ) -> Optional[DialogueStateTracker]:
        rows = await asyncio.to_thread(self._event_data, sender_id,
                                       fetch_events_from_all_sessions)
        if not (self.domain and rows):
            return None
        events = [json.loads(data) for data in rows]
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        setattr(tracker, STORED, len(events))
        return tracker

    def _event_data(self, sender_id: Text, all_sessions: bool) -> list:
        with self.engine.connect() as connection:
            rows = connection.execute(self._data_queries[all_sessions],
                                      {"sender_id": sender_id})
            return list(rows.scalars())

    def _data_query(self, all_sessions: bool) -> sa.sql.Select:
        """Rasa's `_event_query` for the data column only, as one Core statement built
        once (SQLAlchemy then reuses its compiled form)."""
        events = self.SQLEvent.__table__
        sender_id = sa.bindparam("sender_id")
        query = sa.select(events.c.data).where(events.c.sender_id == sender_id)
        if not all_sessions:
            session_start = (sa.select(sa.func.max(events.c.timestamp))
                             .where(events.c.sender_id == sender_id,
                                    events.c.type_name == SessionStarted.type_name)
                             .scalar_subquery())
            query = query.where(sa.or_(events.c.timestamp >= session_start,
                                       session_start.is_(None)))
        return query.order_by(events.c.id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await self.stream_events(tracker)
        await asyncio.to_thread(self._insert_new_events, tracker)

    def _insert_new_events(self, tracker: DialogueStateTracker) -> None:
        stored = getattr(tracker, STORED, None)
        if stored is None and not tracker.events:
            stored = 0  # a new conversation: none of its events are stored yet
        if stored is None:
            with self.session_scope() as session:
                stored = self._event_query(session, tracker.sender_id, False).count()
        new = [new_event.as_dict() for new_event in itertools.islice(tracker.events, stored, None)]
        if new:
            with self.engine.begin() as connection:  # core insert: no ORM session needed
                connection.execute(self.SQLEvent.__table__.insert(),
                                   [self._row(tracker.sender_id, data) for data in new])
                record(connection, tracker.sender_id, new)
        setattr(tracker, STORED, len(tracker.events))

    @staticmethod
    def _row(sender_id: Text, data: Dict[str, Any]) -> Dict[str, Any]:
        return {"sender_id": sender_id, "type_name": data.get("event"),
                "timestamp": data.get("timestamp"),
                "intent_name": data.get("parse_data", {}).get("intent", {}).get("name"),
                "action_name": data.get("name"), "data": json.dumps(data)}


def create_tables(endpoints_file: str) -> None:
    """Create the tracker store's tables before Rasa starts. Several Sanic workers
    starting side by side each try it, and all but one log an error."""
    RasaTrackerStore.create(AvailableEndpoints.read_endpoints(endpoints_file).tracker_store)


if __name__ == "__main__":
    create_tables(sys.argv[1])
