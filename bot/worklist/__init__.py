"""The console's conversation table: one row per conversation, kept up to date as Rasa
saves events (bot/tracker_store.py, in the same transaction), so lists and the queue
are read from rows instead of by replaying the event log.

The table lives in the tracker database next to Rasa's `events` (SQLite or PostgreSQL):
rows change in the transaction that stores their events. `table.ensure_table` creates it
(and its indexes) when the tracker store starts, with SQLAlchemy's `create_all`, which
speaks both dialects; `python -m bot.worklist.backfill` fills it once from the events of
an existing tracker database. Event columns are written by the tracker store; the
lifecycle columns (status, priority, team, assignee, outcome) by the console.
"""
