"""Conversations replayed from Rasa's SQL tracker store's events: one conversation's
transcript, and the dashboard's counts. The overview and the queue read the conversation
table instead (console/lists.py, bot/worklist).

A conversation waits for a person when the resident asked for one, complained, left a
message for a colleague, the bot failed twice in a row, or the resident sounds
frustrated (bot/worklist/rules.py), and no colleague has handed it back since.
"""
from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from bot.worklist.rules import (FALLBACK_ACTIONS, PREVIEW_CHARS, REASONS,  # noqa: F401
                                action_trigger, is_frustrated, preview as _preview,
                                user_triggers)

# The channels that put the words a resident typed for a button in metadata `typed` (and
# drop any metadata a client sends); staff see them next to the text the bot received.
TYPED_CHANNELS = frozenset({"webchat", "whatsapp", "sms", "telegram", "messenger"})
TYPED_CHARS = 100
# After json.loads a valid pair is one character: a surrogate left over stands alone.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@cache
def tracker_engine(url: str) -> Engine:
    return create_engine(url, future=True, pool_pre_ping=True)


@dataclass
class Line:
    """One line of a transcript."""

    kind: str  # user, bot, staff, system
    text: str
    at: float
    author: str = ""
    typed: str = ""  # the words typed for a button, when the channel says so


@dataclass
class Conversation:
    sender_id: str
    channel: str = ""
    first_message: str = ""
    started_at: float = 0.0  # first event in the window read
    last_activity: float = 0.0
    last_intent: str = ""
    case_number: str | None = None
    paused: bool = False
    reasons: list[str] = field(default_factory=list)
    waiting_since: float | None = None
    last_resume: float = 0.0
    staff_replies: list[float] = field(default_factory=list)
    triggers: list[float] = field(default_factory=list)
    user_messages: int = 0
    fallbacks: int = 0
    last_user_text: str = ""
    left_message: str = ""  # the last message left for a colleague, shortened

    @property
    def reason_text(self) -> str:
        return ", ".join(REASONS[r] for r in self.reasons)


def _rows(url: str, since: float, sender: str | None = None):
    query = ("SELECT id, sender_id, type_name, timestamp, intent_name, action_name, data "
             "FROM events WHERE timestamp >= :since")
    params: dict[str, Any] = {"since": since}
    if sender is not None:
        query += " AND sender_id = :sender"
        params["sender"] = sender
    with tracker_engine(url).connect() as connection:
        if not tracker_engine(url).dialect.has_table(connection, "events"):
            return []
        return list(connection.execute(text(query + " ORDER BY id"), params))


def latest_event_id(url: str) -> int:
    with tracker_engine(url).connect() as connection:
        if not tracker_engine(url).dialect.has_table(connection, "events"):
            return 0
        return connection.execute(text("SELECT COALESCE(MAX(id), 0) FROM events")).scalar()


def conversations(url: str, hours: float = 24, now: float | None = None,
                  sender: str | None = None) -> list[Conversation]:
    """Conversations (or the one of `sender`) with activity in the last `hours`,
    newest first."""
    since = (now or time.time()) - hours * 3600
    found: dict[str, Conversation] = {}
    for row in _rows(url, since, sender):
        conversation = found.setdefault(row.sender_id, Conversation(row.sender_id))
        _apply(conversation, row, event_data(row.data))
    for conversation in found.values():
        pending = [t for t in conversation.triggers if t > conversation.last_resume]
        conversation.waiting_since = min(pending) if pending and not conversation.paused else None
    return sorted(found.values(), key=lambda c: c.last_activity, reverse=True)


def event_data(raw: str | None) -> dict[str, Any]:
    """A stored event's JSON; a lone surrogate in it (stored before the channels cleaned
    text at the door, or by another client of the tracker store) becomes U+FFFD, since
    the page could not be encoded with it."""
    data = json.loads(raw or "{}")
    return _without_surrogates(data) if "\\ud" in (raw or "").lower() else data


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {key: _without_surrogates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    return value


def is_external(data: dict[str, Any]) -> bool:
    """An event Rasa made for an external trigger (a report's new status), not a message
    a resident sent: only Rasa's trigger endpoint sets this metadata, no channel passes a
    client's metadata on. Its text starts with "EXTERNAL: ", but so can a resident's."""
    return (data.get("metadata") or {}).get("is_external") is True


def typed_words(data: dict[str, Any]) -> str:
    """What the resident typed for a button, from a channel that sets it; else ""."""
    typed = (data.get("metadata") or {}).get("typed")
    if data.get("input_channel") not in TYPED_CHANNELS or not isinstance(typed, str):
        return ""
    return typed[:TYPED_CHARS]


def _apply(conversation: Conversation, row: Any, data: dict[str, Any]) -> None:
    kind, at = row.type_name, row.timestamp
    conversation.started_at = min(conversation.started_at or at, at)
    conversation.last_activity = max(conversation.last_activity, at)
    if kind == "user":
        message = data.get("text") or ""
        conversation.user_messages += 1
        conversation.channel = data.get("input_channel") or conversation.channel
        if not conversation.first_message and not is_external(data):
            conversation.first_message = message[:200]
        if not is_external(data):
            conversation.last_user_text = message
        if row.intent_name and not row.intent_name.startswith("EXTERNAL"):
            conversation.last_intent = row.intent_name
        for reason in user_triggers(message, row.intent_name):
            _trigger(conversation, reason, at)
    elif kind == "action":
        name = row.action_name or ""
        reason = action_trigger(name)
        if reason:
            _trigger(conversation, reason, at)
        if reason == "message_left":
            conversation.left_message = _preview(conversation.last_user_text)
        if name in FALLBACK_ACTIONS:
            conversation.fallbacks += 1
    elif kind == "pause":
        conversation.paused = True
    elif kind == "resume":
        conversation.paused, conversation.last_resume = False, at
        conversation.left_message = ""  # handled by the colleague who handed it back
    elif kind == "bot" and (data.get("metadata") or {}).get("staff"):
        conversation.staff_replies.append(at)
    elif kind == "slot" and data.get("name") == "report_case_number" and data.get("value"):
        conversation.case_number = data["value"]


def _trigger(conversation: Conversation, reason: str, at: float) -> None:
    conversation.triggers.append(at)
    if reason not in conversation.reasons:
        conversation.reasons.append(reason)


def transcript(url: str, sender: str) -> list[Line]:
    """What the resident, the bot and staff said, in order, plus takeovers."""
    lines: list[Line] = []
    for row in _rows(url, 0, sender):
        data = event_data(row.data)
        if row.type_name == "user" and not is_external(data):
            lines.append(Line("user", data.get("text") or "", row.timestamp,
                              typed=typed_words(data)))
        elif row.type_name == "bot":
            staff = (data.get("metadata") or {}).get("staff")
            lines.append(Line("staff" if staff else "bot", data.get("text") or "",
                              row.timestamp, staff or ""))
        elif row.type_name in ("pause", "resume"):
            lines.append(Line("system", row.type_name, row.timestamp))
    return lines

