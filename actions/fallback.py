"""The two-stage fallback in Dutch: ask back with a description, then hand over."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.base import utter

FALLBACK_INTENT = "nlu_fallback"


def _candidate_intent(tracker: Tracker, domain: Dict[Text, Any]) -> Optional[Text]:
    """The best guess behind the fallback, if it is a topic worth asking back about."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    guesses = [entry.get("name") for entry in ranking if entry.get("name") != FALLBACK_INTENT]
    if guesses and f"utter_topic_{guesses[0]}" in domain.get("responses", {}):
        return guesses[0]
    return None


class ActionDefaultAskAffirmation(Action):
    """Asks "Bedoelt u …?" with a plain-language description of the best guess."""

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intent = _candidate_intent(tracker, domain)
        if intent is None:
            dispatcher.utter_message(response="utter_ask_rephrase")
            return []
        topic = domain["responses"][f"utter_topic_{intent}"][0]["text"]
        dispatcher.utter_message(response="utter_ask_affirmation", topic=topic, intent=intent)
        return []


class ActionDefaultFallback(Action):
    """Gives up after two misunderstandings and points to a person."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        utter(dispatcher, "utter_default")
        return [UserUtteranceReverted()]
