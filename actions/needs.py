"""Acute social need (no food tonight, no bed, an eviction, worries about someone): the
article that names the route for tonight and the weekend, whatever product the model
heard in the message. The reading policy runs this when the reader found such a need."""
from __future__ import annotations

import asyncio
import logging
from typing import List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import utter
from actions.knowledge import ANSWERED, CHOICE, ensure_knowledge, find_answer, utter_article
from actions.reading import reading_of
from bot.knowledge import retrieval
from bot.knowledge.articles import Article
from bot.profile import profile
from bot.settings import DATABASE_URL
from bot.text import sentences

logger = logging.getLogger(__name__)


def _published(article_id: Text, url: str) -> Optional[Article]:
    """The published article with that id (blocking)."""
    ensure_knowledge(url)
    return next((a for a in retrieval.live_index(url).current().articles
                 if a.id == article_id), None)


class ActionAnswerNeed(Action):
    """The acute need's article; in English (the articles are Dutch) the numbers that
    help tonight, with the article's link."""

    def name(self) -> Text:
        return "action_answer_need"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        need = reading_of(tracker).need
        await utter_need(dispatcher, tracker, need)
        await _answer_beside(dispatcher, tracker, need)
        return []


async def _answer_beside(dispatcher: CollectingDispatcher, tracker: Tracker,
                         need: Optional[Text]) -> None:
    """"Sinds mijn man overleden is zit ik de hele dag alleen. Ook moet ik nog iets regelen
    met zijn overlijden": after the need, the article the rest of the message asks for,
    when the knowledge base is sure of one."""
    if tracker.get_slot("language") == "en":
        return
    try:
        decision = await asyncio.to_thread(
            find_answer, tracker, None, False, DATABASE_URL,
            tracker.latest_message.get("text") or "")
    except Exception:
        logger.exception("Knowledge base lookup failed")
        return
    if decision.kind == ANSWERED and decision.articles[0].id != need:
        utter_article(dispatcher, tracker, decision.articles[0])
        return
    try:
        article = await asyncio.to_thread(_told_beside, tracker.latest_message.get("text") or "",
                                          need, DATABASE_URL)
    except Exception:
        logger.exception("Knowledge base lookup failed")
        return
    if article is not None:
        utter_article(dispatcher, tracker, article, article.title)


def _told_beside(text: Text, need: Optional[Text], url: str) -> Optional[Article]:
    """"… Ik kan niet meer goed boodschappen doen en de trap is zwaar. Ook is het soms erg
    stil in huis.": the article one sentence of a letter fits well, besides the need's."""
    ensure_knowledge(url)
    index = retrieval.live_index(url).current()
    for sentence in sentences(text):
        decision = index.answer_for(sentence)
        if (decision.kind in (ANSWERED, CHOICE) and decision.scores
                and decision.scores[0] >= retrieval.ANSWER_SCORE
                and decision.articles[0].id != need):
            return decision.articles[0]
    return None


async def utter_need(dispatcher: CollectingDispatcher, tracker: Tracker,
                     need: Optional[Text]) -> None:
    """The need's article, or (in English, or with the knowledge base down) the numbers."""
    try:
        article = await asyncio.to_thread(_published, need, DATABASE_URL) if need else None
    except Exception:  # the knowledge base is down: the numbers still help
        logger.exception("Knowledge base lookup failed")
        article = None
    if article is None or tracker.get_slot("language") == "en":
        utter(dispatcher, "utter_acute_need", link=article.link if article else profile().website)
    else:
        utter_article(dispatcher, tracker, article)
