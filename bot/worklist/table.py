"""The `conversations` table in the tracker database (see the package docstring)."""
from __future__ import annotations

import logging

from sqlalchemy import (Boolean, Column, Float, Index, Integer, MetaData, String, Table,
                        Text)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

logger = logging.getLogger(__name__)

STATUSES = ("open", "pending", "snoozed", "resolved")
NEW_STATUS = "pending"  # with the bot; "open" once a person is needed or has it
PRIORITIES = {0: "normaal", 1: "hoog", 2: "urgent"}
HIGH, URGENT = 1, 2

metadata = MetaData()

conversations = Table(
    "conversations", metadata,
    Column("sender_id", String(255), primary_key=True),
    # From the events (bot/worklist/record.py).
    Column("channel", String(64), nullable=False, default=""),
    Column("started_at", Float, nullable=False),
    Column("last_activity", Float, nullable=False),
    Column("first_message", Text, nullable=False, default=""),
    Column("last_user_text", Text, nullable=False, default=""),
    Column("last_intent", String(128), nullable=False, default=""),
    Column("left_message", Text, nullable=False, default=""),
    Column("case_number", String(64)),
    Column("paused", Boolean, nullable=False, default=False),
    Column("trigger_since", Float),   # first trigger since the last hand-back
    Column("waiting_since", Float),   # trigger_since while no colleague has it
    Column("reasons", String(128), nullable=False, default=""),  # keys, comma separated
    Column("last_resume", Float, nullable=False, default=0.0),
    Column("user_messages", Integer, nullable=False, default=0),
    Column("staff_replies", Integer, nullable=False, default=0),
    Column("fallbacks", Integer, nullable=False, default=0),
    Column("events", Integer, nullable=False, default=0),
    # What a search looks in, lower case: one column to scan instead of six.
    Column("search_text", Text, nullable=False, default=""),
    # The lifecycle: events move it too (a trigger opens, a new message reopens).
    Column("status", String(16), nullable=False, default=NEW_STATUS),
    Column("priority", Integer, nullable=False, default=0),
    # Written by the console.
    Column("snoozed_until", Float),
    Column("outcome", String(32)),
    Column("resolved_at", Float),
    Column("team", String(64)),
    Column("assignee_id", Integer),
    Column("assigned_to", String(120)),
    Column("assigned_at", Float),
    # Each list filter with the order of the list and the key: the page is chosen from
    # the index alone, and a second filter (status) is checked there too.
    Index("ix_conversations_last_activity", "last_activity", "sender_id"),
    Index("ix_conversations_status_activity", "status", "last_activity", "sender_id"),
    Index("ix_conversations_channel_activity", "channel", "status", "last_activity",
          "sender_id"),
    Index("ix_conversations_team_activity", "team", "status", "last_activity", "sender_id"),
    Index("ix_conversations_assignee_activity", "assignee_id", "status", "last_activity",
          "sender_id"),
    Index("ix_conversations_waiting", "waiting_since", "last_activity", "sender_id"),
)
# The queue in its order: most urgent first, then longest waiting.
Index("ix_conversations_queue", conversations.c.status, conversations.c.priority.desc(),
      conversations.c.waiting_since)

# The words of each conversation's `search_text`: a search looks words up by prefix in the
# primary key's index instead of scanning every row's text.
words = Table(
    "conversation_words", metadata,
    Column("word", String(64), primary_key=True),
    Column("sender_id", String(255), primary_key=True),
    Index("ix_conversation_words_sender", "sender_id"),
)


def ensure_table(engine: Engine) -> None:
    """Create the table and its indexes where missing. Several processes starting side by
    side may race on PostgreSQL: the loser's error is harmless (the table is there)."""
    try:
        metadata.create_all(engine, checkfirst=True)
    except SQLAlchemyError as error:
        with engine.connect() as connection:
            if not engine.dialect.has_table(connection, "conversations"):
                raise
        logger.info("conversations table created by another process (%s)", type(error).__name__)


def analyze(engine: Engine) -> None:
    """Fresh statistics for the planner, so a filter on a few open conversations uses the
    status index rather than a team's. PostgreSQL's autovacuum does this by itself; the
    console runs it hourly for SQLite."""
    with engine.begin() as connection:
        for name in ("conversations", "conversation_words"):
            connection.exec_driver_sql(f"ANALYZE {name}")
