"""Danger to people: the emergency number first, then the offer to report it.

The dialogue policy (`bot.policies.ReadingPolicy`) runs this before anything else when
the message reader found urgent danger, also in the middle of a report.
"""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import utter
from actions.reading import reading_of


# Asked after the emergency answer when there is something for the municipality to fix.
OFFER_REPORT = "utter_emergency_offer_report"


def forget_unanswered_question(tracker: Tracker) -> List[EventType]:
    """In a form, the message was no answer to its question: clear what it filled."""
    requested = tracker.get_slot("requested_slot")
    return [SlotSet(requested, None)] if tracker.active_loop_name and requested else []


class ActionEmergency(Action):
    """112 (or the gas and power outage number), then a report only if wanted."""

    def name(self) -> Text:
        return "action_emergency"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        reading = reading_of(tracker)
        utter(dispatcher, f"utter_emergency_{reading.danger or 'emergency'}")
        if tracker.active_loop_name:
            utter(dispatcher, "utter_emergency_report_continues")
            return forget_unanswered_question(tracker)
        if not reading.category or not reading.urgent:
            return []  # someone hurt or threatened, or no danger after all: no report offer
        message = tracker.latest_message
        return [SlotSet("emergency_report", {"text": message.get("text") or "",
                                             "entities": message.get("entities") or []}),
                FollowupAction(OFFER_REPORT)]
