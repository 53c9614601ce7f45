"""Answers to product questions and interim report answers, from the profile."""
from __future__ import annotations

from typing import Any, Dict, Text

from rasa_sdk import Tracker

from actions.base import ProfileAction


class ActionAnswerTopic(ProfileAction):
    """Answers the latest intent with `utter_answer_<intent>`."""

    def name(self) -> Text:
        return "action_answer_topic"

    def response_for(self, tracker: Tracker, domain: Dict[Text, Any]) -> Text:
        response = f"utter_answer_{tracker.get_intent_of_latest_message()}"
        return response if response in domain.get("responses", {}) else "utter_ask_what_else"


class ActionOpeningHours(ProfileAction):
    """Tells the opening hours of the town hall and phone line."""

    def name(self) -> Text:
        return "action_opening_hours"

    def response_for(self, tracker: Tracker, domain: Dict[Text, Any]) -> Text:
        return "utter_opening_hours"
