"""What the latest message said (the NLU reader's entities), and response text by key."""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Set, Text

from rasa_sdk import Tracker

from bot.profile import profile
from bot.reading.result import Reading

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def reading_of(tracker: Tracker) -> Reading:
    """The reading of the latest message, made once by the NLU pipeline."""
    return Reading.from_entities(tracker.latest_message.get("entities"))


def previous_bot_action(tracker: Tracker) -> Optional[Text]:
    """The bot's last action before the latest message (not counting listening)."""
    seen_message = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_message:
                return None
            seen_message = True
        elif (seen_message and event.get("event") == "action"
              and event.get("name") != "action_listen"):
            return event.get("name")
    return None


def ran_this_turn(tracker: Tracker, action: Text) -> bool:
    """Whether `action` ran since the resident's latest message."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == action:
            return True
    return False


def last_bot_response(tracker: Tracker) -> Optional[Text]:
    """The name of the bot's latest response ("utter_callback_ask_number")."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None


def responses_said(tracker: Tracker, since_restart: bool = False) -> Set[Text]:
    """The names of the responses the bot gave in this conversation."""
    events = tracker.events_after_latest_restart() if since_restart else tracker.events
    return {(event.get("metadata") or {}).get("utter_action") for event in events
            if event.get("event") == "bot"} - {None}


def channel_of(tracker: Tracker) -> Text:
    return tracker.get_latest_input_channel() or "rest"


def _matches(variant: Dict[Text, Any], tracker: Tracker, channel: Text) -> bool:
    if variant.get("channel") not in (None, channel):
        return False
    return all(tracker.get_slot(condition.get("name")) == condition.get("value")
               for condition in variant.get("condition") or [])


def response_text(domain: Dict[Text, Any], key: Text, tracker: Tracker, **values: Any) -> Text:
    """The text of a domain response, chosen as Rasa would and filled in.

    For text that is part of another message (an acknowledgement before a question),
    so Dutch stays in the domain files.
    """
    variants: List[Dict[Text, Any]] = domain.get("responses", {}).get(key) or []
    channel = channel_of(tracker)
    ranked = sorted(variants, key=lambda v: (not v.get("condition"), v.get("channel") is None))
    chosen: Optional[Dict[Text, Any]] = next(
        (v for v in ranked if _matches(v, tracker, channel)), None)
    if chosen is None:
        return ""
    filled = {**profile().template_vars(), **tracker.current_slot_values(), **values}
    return _PLACEHOLDER.sub(lambda m: str(filled.get(m.group(1), m.group(0))),
                            chosen.get("text", ""))


def resident_texts(tracker: Tracker) -> List[str]:
    """The resident's messages, newest first (what they typed, not a button's payload)."""
    texts = []
    for event in reversed(tracker.events):
        if event.get("event") == "user" and not (event.get("text") or "").startswith("/"):
            texts.append((event.get("metadata") or {}).get("typed") or event.get("text") or "")
    return texts
