"""Webcare with the resident: their place in the queue, and the satisfaction question
after a colleague finished the conversation. The console starts the last two through
Rasa's API (bot.webcare.waiting_news, console.rasa_api.ask_satisfaction); each ends by
listening again, as if the resident were to speak next."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted
from rasa_sdk.executor import CollectingDispatcher

from actions.base import utter
from actions.reading import channel_of
from bot import settings
from bot.webcare import presence, satisfaction, waiting

logger = logging.getLogger(__name__)


def _utc(moment: Optional[dt.datetime]) -> Optional[dt.datetime]:
    """A profile-clock moment as the store's naive UTC."""
    if moment is None:
        return None
    return moment.astimezone(dt.timezone.utc).replace(tzinfo=None)


def colleagues_online(now: Optional[dt.datetime] = None) -> Optional[int]:
    """How many colleagues are online in the console; None when the store cannot tell
    (then the bot says what it said before presence existed)."""
    try:
        return presence.online_count(settings.DATABASE_URL, _utc(now))
    except Exception:  # noqa: BLE001 - the handover still happens
        logger.warning("Presence not readable", exc_info=True)
        return None


def tell_place(dispatcher: CollectingDispatcher, tracker: Tracker,
               now: Optional[dt.datetime] = None, response: str = "utter_waiting_position"
               ) -> None:
    """Say the resident's place and expected wait (`response`, or its "_unknown" twin
    when the wait cannot be known), and remember what was said."""
    place = waiting.place_of(tracker.sender_id, settings.DATABASE_URL, _utc(now))
    if place is None:
        return
    if place.minutes is None:
        utter(dispatcher, f"{response}_unknown", position=place.position)
    else:
        utter(dispatcher, response, position=place.position, minutes=place.minutes)
    waiting.told(tracker.sender_id, place, settings.DATABASE_URL, _utc(now))


def join_queue(dispatcher: CollectingDispatcher, tracker: Tracker,
               now: Optional[dt.datetime] = None) -> None:
    try:
        waiting.join(tracker.sender_id, channel_of(tracker), settings.DATABASE_URL,
                     _utc(now))
        tell_place(dispatcher, tracker, now)
    except Exception:  # noqa: BLE001 - the resident still hears a colleague will come
        logger.warning("Queue place not told", exc_info=True)


class ActionTellWaiting(Action):
    """The resident's new place in the queue (run by bot.webcare.waiting_news)."""

    def name(self) -> str:
        return "action_tell_waiting"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        await asyncio.to_thread(tell_place, dispatcher, tracker, None, "utter_waiting_news")
        return [ActionExecuted("action_listen")]


class ActionAskSatisfaction(Action):
    """"Hoe tevreden bent u?" after a colleague finished; the next message that holds a
    score is its answer (bot.policies routes it to action_take_satisfaction)."""

    def name(self) -> str:
        return "action_ask_satisfaction"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        utter(dispatcher, "utter_ask_satisfaction")
        return [ActionExecuted("action_listen")]


class ActionTakeSatisfaction(Action):
    """Keeps the score and the (masked) remark, without who gave it, and thanks."""

    def name(self) -> str:
        return "action_take_satisfaction"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        # The text the policy read the score from (a button's payload is its number).
        answer = satisfaction.read_answer((tracker.latest_message or {}).get("text") or "")
        if answer is None:
            return []
        try:
            await asyncio.to_thread(satisfaction.store, answer, channel_of(tracker),
                                    settings.DATABASE_URL)
        except Exception:  # noqa: BLE001 - the resident is thanked all the same
            logger.warning("Satisfaction answer not stored", exc_info=True)
        utter(dispatcher, "utter_satisfaction_thanks")
        return []
