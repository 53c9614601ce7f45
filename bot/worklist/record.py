"""A conversation's row brought up to date with the events just stored (same transaction).

Rasa's lock store lets one turn per conversation run at a time, so reading the row and
writing it back is safe; only the columns the events changed are written, so the
console's lifecycle columns (team, assignee, snooze) are never overwritten."""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, Optional, Set

from sqlalchemy import select
from sqlalchemy.engine import Connection

from bot.worklist.rules import (FALLBACK_ACTIONS, action_trigger, preview, user_triggers)
from bot.worklist.table import HIGH, NEW_STATUS, URGENT, conversations, words

WORD = re.compile(r"\w+")
MIN_WORD, MAX_WORD, MAX_WORDS = 2, 64, 300

Row = Dict[str, Any]
EMERGENCY_ACTION = "action_emergency"


def new_row(sender_id: str, at: float) -> Row:
    return {"sender_id": sender_id, "channel": "", "started_at": at, "last_activity": at,
            "first_message": "", "last_user_text": "", "last_intent": "", "left_message": "",
            "case_number": None, "paused": False, "trigger_since": None,
            "waiting_since": None, "reasons": "", "last_resume": 0.0, "user_messages": 0,
            "staff_replies": 0, "fallbacks": 0, "events": 0, "status": NEW_STATUS,
            "priority": 0, "search_text": ""}


def record(connection: Connection, sender_id: str, events: Iterable[Dict[str, Any]]) -> None:
    """Apply `events` (Rasa's event dicts, as stored in `events.data`) to the row."""
    events = list(events)
    if not events:
        return
    found = connection.execute(select(conversations).where(
        conversations.c.sender_id == sender_id)).mappings().first()
    row = dict(found) if found else new_row(sender_id, _at(events[0]))
    before = dict(row)
    for event in events:
        apply(row, event)
    row["search_text"] = search_text(row)
    _index_words(connection, sender_id, before.get("search_text") or "", row["search_text"])
    if found is None:
        connection.execute(conversations.insert(), [row])
        return
    changed = {key: value for key, value in row.items() if before.get(key) != value}
    if changed:
        connection.execute(conversations.update().where(
            conversations.c.sender_id == sender_id).values(**changed))


def apply(row: Row, event: Dict[str, Any]) -> None:
    kind, at = event.get("event"), _at(event)
    row["started_at"] = min(row["started_at"], at)
    row["last_activity"] = max(row["last_activity"], at)
    row["events"] += 1
    if kind == "user":
        _user(row, event, at)
    elif kind == "action":
        _action(row, event.get("name") or "", at)
    elif kind == "pause":
        row["paused"], row["status"] = True, "open"
    elif kind == "resume":
        row.update(paused=False, last_resume=at, trigger_since=None, reasons="",
                   left_message="")
        if row["status"] != "resolved":
            row["status"] = NEW_STATUS
    elif kind == "bot" and (event.get("metadata") or {}).get("staff"):
        row["staff_replies"] += 1
    elif kind == "slot" and event.get("name") == "report_case_number" and event.get("value"):
        row["case_number"] = str(event["value"])[:64]
    row["waiting_since"] = None if row["paused"] else row["trigger_since"]


def _user(row: Row, event: Dict[str, Any], at: float) -> None:
    if (event.get("metadata") or {}).get("is_external") is True:
        return  # Rasa's own event for a status update or the queue news, not the resident
    message = event.get("text") or ""
    intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
    row["user_messages"] += 1
    row["channel"] = (event.get("input_channel") or row["channel"])[:64]
    if row["status"] == "resolved":
        row["status"], row["outcome"], row["resolved_at"] = NEW_STATUS, None, None
    elif row["status"] == "snoozed":  # the resident wrote: wake up
        row["status"], row["snoozed_until"] = "open", None
    row["first_message"] = row["first_message"] or preview(message)
    row["last_user_text"] = preview(message)
    if intent:
        row["last_intent"] = intent[:128]
    for reason in user_triggers(message, intent):
        _trigger(row, reason, at)


def _action(row: Row, name: str, at: float) -> None:
    if name in FALLBACK_ACTIONS:
        row["fallbacks"] += 1
    if name == EMERGENCY_ACTION:
        row["priority"] = max(row["priority"], URGENT)
    reason = action_trigger(name)
    if reason:
        _trigger(row, reason, at)
    if reason == "message_left":
        row["left_message"] = row["last_user_text"]


def _trigger(row: Row, reason: str, at: float) -> None:
    if row["trigger_since"] is None:
        row["trigger_since"] = at
    reasons = [key for key in row["reasons"].split(",") if key]
    if reason not in reasons:
        row["reasons"] = ",".join(reasons + [reason])
    if reason == "complaint":
        row["priority"] = max(row["priority"], HIGH)
    if row["status"] != "open":
        row["status"], row["snoozed_until"] = "open", None


def search_text(row: Row) -> str:
    """The words a colleague may search a conversation by (the assignee's name is searched
    in its own column: it changes without events)."""
    parts = (row["sender_id"], row["channel"], row["case_number"] or "", row["first_message"],
             row["last_user_text"], row["left_message"])
    return " ".join(part for part in parts if part).lower()


def tokens(text: str) -> Set[str]:
    """The distinct words of a text (letters and digits), as the search index keeps them."""
    return {word[:MAX_WORD] for word in WORD.findall(text.lower())[:MAX_WORDS]
            if len(word) >= MIN_WORD}


def _index_words(connection: Connection, sender_id: str, old: str, new: str) -> None:
    if old == new:
        return
    before, after = tokens(old), tokens(new)
    gone, added = before - after, after - before
    if gone:
        connection.execute(words.delete().where(words.c.sender_id == sender_id,
                                                words.c.word.in_(gone)))
    if added:
        connection.execute(words.insert(), [{"word": w, "sender_id": sender_id}
                                            for w in sorted(added)])


def forget_old_first_messages(connection: Connection, cutoff: float) -> int:
    """An active conversation older than the retention period keeps no preview of its first
    message, nor of a message left for a colleague before then (their events are gone too),
    nor their words in the search index."""
    rows = connection.execute(select(conversations).where(
        conversations.c.started_at < cutoff, conversations.c.first_message != "")
    ).mappings().all()
    for found in rows:
        row = {**dict(found), "first_message": ""}
        if (found["trigger_since"] or 0) < cutoff:
            row["left_message"] = ""
        row["search_text"] = search_text(row)
        _index_words(connection, row["sender_id"], found["search_text"] or "", row["search_text"])
        connection.execute(conversations.update().where(
            conversations.c.sender_id == row["sender_id"]).values(
            first_message="", left_message=row["left_message"],
            search_text=row["search_text"]))
    return len(rows)


def _at(event: Dict[str, Any]) -> float:
    return float(event.get("timestamp") or 0.0)


def stored_row(connection: Connection, sender_id: str) -> Optional[Row]:
    found = connection.execute(select(conversations).where(
        conversations.c.sender_id == sender_id)).mappings().first()
    return dict(found) if found else None
