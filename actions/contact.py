"""Reaching a person: phone and opening hours, depending on the time of day."""
from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import utter
from bot.profile import profile


class ActionContactHuman(Action):
    """Tells the resident how to reach a colleague now, or when that is possible again."""

    def __init__(self, clock: Optional[Any] = None) -> None:
        self._clock = clock

    def name(self) -> Text:
        return "action_contact_human"

    def _now(self) -> dt.datetime:
        return self._clock() if self._clock else profile().now()

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        now, municipality = self._now(), profile()
        if municipality.is_open(now):
            utter(dispatcher, "utter_contact_open",
                  close=municipality.closing_time(now).strftime("%H:%M"))
        else:
            day, opens = municipality.next_opening(now)
            utter(dispatcher, "utter_contact_closed", next_day=day,
                  next_open=opens.strftime("%H:%M"))
        return []
