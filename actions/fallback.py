"""The two-stage fallback in Dutch: ask back with a description, then hand over."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.base import utter
from actions.reading import response_text

FALLBACK_INTENT = "nlu_fallback"
ASKED_BACK = ("utter_ask_affirmation", "utter_ask_rephrase")


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
        topic = response_text(domain, f"utter_topic_{intent}", tracker)
        dispatcher.utter_message(response="utter_ask_affirmation", topic=topic, intent=intent)
        return []


class ActionDefaultFallback(Action):
    """Gives up after two misunderstandings and points to a person."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        # "Nog steeds" only when the bot already asked back in this session.
        asked_before = any(event.get("event") == "bot" and (event.get("metadata") or {}).get(
            "utter_action") in ASKED_BACK for event in tracker.events_after_latest_restart())
        utter(dispatcher, "utter_default" if asked_before else "utter_default_first")
        return [UserUtteranceReverted()]
