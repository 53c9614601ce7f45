"""Messages in a language the bot does not speak."""
from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import utter
from actions.emergency import forget_unanswered_question
from bot.reading.language import cries_for_help


class ActionOtherLanguage(Action):
    """A language the bot does not speak: one short message in it, Dutch and English."""

    def name(self) -> Text:
        return "action_other_language"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        if cries_for_help(tracker.latest_message.get("text") or ""):
            utter(dispatcher, "utter_other_language_112")  # 112 before the apology
        utter(dispatcher, "utter_other_language")
        return forget_unanswered_question(tracker)
