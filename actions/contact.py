"""Reaching a person: phone and opening hours, depending on the time of day, and the
messages a resident leaves while waiting for a colleague."""
from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import utter
from bot.profile import profile


class OpeningHoursAction(Action, ABC):
    """Base for actions whose answer depends on whether colleagues are at work now.

    Subclasses set the two response keys and a name; `clock` can be injected for
    tests. Abstract, so the SDK does not register it as an action.
    """

    open_response: str = ""
    closed_response: str = ""

    def __init__(self, clock: Any | None = None) -> None:
        self._clock = clock

    @abstractmethod
    def name(self) -> str:
        """The action's name in the domain."""

    def _now(self) -> dt.datetime:
        return self._clock() if self._clock else profile().now()

    def utter_by_hours(self, dispatcher: CollectingDispatcher, english: bool = False) -> None:
        """Utter the open response (with today's closing time) or the closed one (with
        the next opening)."""
        now, municipality = self._now(), profile()
        if municipality.is_open(now):
            utter(dispatcher, self.open_response,
                  close=municipality.closing_time(now).strftime("%H:%M"))
        else:
            day, opens = municipality.next_opening(now, english)
            utter(dispatcher, self.closed_response, next_day=day,
                  next_open=opens.strftime("%H:%M"))

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        self.utter_by_hours(dispatcher, tracker.get_slot("language") == "en")
        return []


class ActionContactHuman(OpeningHoursAction):
    """Tells the resident how to reach a colleague now, or when that is possible again.
    The resident's next messages are then for a colleague (bot.policies.ReadingPolicy)."""

    open_response = "utter_contact_open"
    closed_response = "utter_contact_closed"

    def name(self) -> str:
        return "action_contact_human"


class ActionTakeMessage(OpeningHoursAction):
    """Acknowledges a message the resident left for a colleague."""

    open_response = "utter_message_taken_open"
    closed_response = "utter_message_taken_closed"

    def name(self) -> str:
        return "action_take_message"

