"""The two-stage fallback in Dutch: ask back with a description, then hand over."""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.base import utter
from actions.knowledge import fallback_articles, utter_choice
from actions.reading import response_text, responses_said
from bot.knowledge.articles import choice_payload

logger = logging.getLogger(__name__)

FALLBACK_INTENT = "nlu_fallback"
ASKED_BACK = ("utter_ask_affirmation", "utter_ask_rephrase")


def _candidate_intent(tracker: Tracker, domain: Dict[Text, Any]) -> Optional[Text]:
    """The best guess behind the fallback, if it is a topic worth asking back about."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    guesses = [entry.get("name") for entry in ranking if entry.get("name") != FALLBACK_INTENT]
    if guesses and f"utter_topic_{guesses[0]}" in domain.get("responses", {}):
        return guesses[0]
    return None


async def _asked_about_articles(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """"Bedoelt u: Gehandicaptenparkeerkaart?" when the knowledge base fairly surely knows
    what a Dutch message the model could not place is about."""
    if tracker.get_slot("language") == "en":
        return False  # English is searched with the glossary's Dutch words, elsewhere
    try:
        articles = await asyncio.to_thread(fallback_articles,
                                           tracker.latest_message.get("text") or "")
    except Exception:  # the knowledge base is down: the model's guess remains
        logger.warning("Knowledge base not asked at a fallback", exc_info=True)
        return False
    if len(articles) == 1:
        utter(dispatcher, "utter_ask_affirmation_article", title=articles[0].title,
              article_payload=choice_payload(articles[0].id))
    elif articles:
        utter_choice(dispatcher, articles)
    return bool(articles)


class ActionDefaultAskAffirmation(Action):
    """Asks "Bedoelt u …?" with a plain-language description of the best guess."""

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if await _asked_about_articles(dispatcher, tracker):
            return []
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
        asked_before = bool(responses_said(tracker, since_restart=True) & set(ASKED_BACK))
        utter(dispatcher, "utter_default" if asked_before else "utter_default_first")
        return [UserUtteranceReverted()]
