"""The resident's own days worked out beside an answer: when a document applied for is
ready, from when until when a move can be registered, until when an objection can be made.

A rule ("binnen 6 weken") is only half an answer to "ik kreeg de aanslag op 1 november, kan
ik nog bezwaar maken?"; the day itself is the other half. The periods come from the profile.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.base import utter
from bot.knowledge.articles import Article
from bot.profile import profile
from bot.reading.dates import date_applied, document_named, letter_date, moving_date

Said = Tuple[Text, Dict[Text, Any]]  # a response key and its values


def own_days(article: Article, text: Text, english: bool = False) -> List[Said]:
    """What the text says of the resident's own days, for this article's product."""
    today = profile().now().date()
    found = (_ready_day(article, text, today, english), _moving_days(article, text, today, english),
             _objection_day(article, text, today, english))
    return [said for said in found if said is not None]


def utter_own_days(dispatcher: CollectingDispatcher, tracker: Tracker, article: Article,
                   text: Optional[Text] = None) -> bool:
    """Each of the resident's own days the text names for this article, once per turn;
    True when any was said."""
    told = own_days(article, text or tracker.latest_message.get("text") or "",
                    tracker.get_slot("language") == "en")
    already = {str(message.get("response")) for message in dispatcher.messages}
    for response, values in told:
        if response not in already:
            utter(dispatcher, response, **values)
    return bool(told)


def _ready_day(article: Article, text: Text, today: dt.date, english: bool) -> Optional[Said]:
    """"ik heb op 26 november een paspoort aangevraagd. wanneer kan ik die ophalen?" (round
    r261 of session 62: "ongeveer 5 werkdagen" three times): the day it is ready."""
    settings = profile()
    days = settings.ready_after.get(document_named(text) or document_named(article.title) or "")
    applied = date_applied(text, today) if days else None
    if applied is None:
        return None
    ready = settings.working_days_after(applied, days)
    return ("utter_ready_passed" if ready <= today else "utter_ready_on",
            {"applied": settings.date_name(applied, english),
             "day": settings.date_name(ready, english)})


def _moving_days(article: Article, text: Text, today: dt.date, english: bool
                 ) -> Optional[Said]:
    """"we verhuizen op 15 januari, kan ik het nu al doorgeven?" (round r268 of session 63:
    only the rule of 4 weeks): from when, or until when, the move can be registered."""
    settings = profile()
    notice = settings.moving_notice
    day = (moving_date(text, today, about_moving=True)
           if notice is not None and article.upl == notice.upl else None)
    if day is None:
        return None
    first, last = (day - dt.timedelta(days=notice.days_before),
                   day + dt.timedelta(days=notice.days_after))
    response = ("utter_moving_not_yet" if today < first else "utter_moving_late"
                if today > last else "utter_moving_now")
    return response, {"day": settings.date_name(day, english),
                      "first_day": settings.date_name(first, english),
                      "last_day": settings.date_name(last, english),
                      "days_after": notice.days_after}


def _objection_day(article: Article, text: Text, today: dt.date, english: bool
                   ) -> Optional[Said]:
    """"ik kreeg de aanslag van 1 november, kan ik nog bezwaar maken?" (round r268 of session
    63: only "binnen 6 weken"): the last day of the objection period, counted from the date
    of the letter (Awb 6:7 and 6:8)."""
    settings = profile()
    term = settings.objection_term
    dated = (letter_date(text, today)
             if term is not None and article.upl in term.upls else None)
    if dated is None:
        return None
    last = dated + dt.timedelta(weeks=term.weeks)
    return ("utter_objection_late" if today > last else "utter_objection_until",
            {"day": settings.date_name(dated, english),
             "last_day": settings.date_name(last, english), "weeks": term.weeks})
