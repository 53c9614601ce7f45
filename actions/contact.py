"""Reaching a person: phone and opening hours, depending on the time of day, and the
messages a resident leaves while waiting for a colleague."""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
from abc import ABC, abstractmethod
from typing import Any, Optional

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.base import ProfileAction, utter
from actions.reading import (channel_of, last_bot_response, previous_bot_action, reading_of,
                             resident_texts, responses_said)
from actions.report_slots import HIGH_PRIORITY, answer_kept_beside
from actions.status import case_number_of, danger_now_told, find_report, tell_status
from bot import settings
from bot.intents import ASK_HUMAN_INTENT, CRISIS_AGAIN, CRISIS_ANSWERS
from bot.klantcontacten import contactverzoek
from bot.klantcontacten.kanalen import way_back
from bot.klantcontacten.subjects import Subject, subject_of
from bot.knowledge.aspects import lead_for_the_product
from bot.knowledge.english import dutch_search_words
from bot.profile import profile
from bot.reading.answers import (as_written_at_home, asks_for_a_person, only_announces_an_addition,
                                 prefers_a_call, read_contact)
from bot.reading.callback import preferred_time, wants_callback
from bot.reading.danger import cannot_use_the_phone
from bot.reading.report_questions import asks_how_far, mentions_a_report
from bot.reading.result import Reading
from actions.webcare import colleagues_online, join_queue

logger = logging.getLogger(__name__)
EARLIER_MESSAGES = 5  # how many of the resident's earlier messages may name the subject


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

    def utter_by_hours(self, dispatcher: CollectingDispatcher, english: bool = False,
                       kind: Optional[str] = None, suffix: str = "", **values: Any) -> None:
        """Utter the open response (with today's closing time) or the closed one (with
        the next opening); `kind` picks `utter_<kind>_open` / `_closed` instead, and
        `suffix` a variant of either ("_no_phone")."""
        opened = (f"utter_{kind}_open" if kind else self.open_response) + suffix
        closed = (f"utter_{kind}_closed" if kind else self.closed_response) + suffix
        utter_open_or_closed(dispatcher, self._now(), opened, closed, english, **values)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        self.utter_by_hours(dispatcher, tracker.get_slot("language") == "en")
        return []


def utter_open_or_closed(dispatcher: CollectingDispatcher, now: dt.datetime, opened: str,
                         closed: str, english: bool = False, **values: Any) -> None:
    """`opened` with today's closing time, or `closed` with the next opening."""
    municipality = profile()
    if municipality.is_open(now):
        utter(dispatcher, opened, close=municipality.closing_time(now).strftime("%H:%M"),
              **values)
    else:
        day, opens = municipality.next_opening(now, english)
        utter(dispatcher, closed, next_day=day, next_open=opens.strftime("%H:%M"), **values)


class ActionContactHuman(OpeningHoursAction):
    """Tells the resident how to reach a colleague now, or when that is possible again.
    The resident's next messages are then for a colleague (bot.policies.ReadingPolicy).

    During opening hours it depends on who is online in the console: nobody, and the
    resident is told so and asked to leave a message; somebody, and the resident joins
    the queue and hears their place and the expected wait (actions.webcare)."""

    open_response = "utter_contact_open"
    closed_response = "utter_contact_closed"

    def name(self) -> str:
        return "action_contact_human"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        text = tracker.latest_message.get("text") or ""
        if (tracker.get_slot("requested_slot") == "report_updates" and prefers_a_call(text)
                and not asks_for_a_person(text)):
            # "Ik kan niet zo goed sms lezen, liefst even bellen" (round r172): news by phone,
            # the report goes on and asks the number; no handover
            return [SlotSet("report_updates", True)]
        now, municipality = self._now(), profile()
        # "0612345678. EN GEEF ME NU EEN MENS" at the contact question: the number is kept
        kept = answer_kept_beside(tracker, reading_of(tracker))
        if Reading.from_entities(tracker.latest_message.get("entities")).repeated:
            utter(dispatcher, "utter_ack_human_after_repeats")  # "al 3 keer gemeld, ik wil …"
        if not _urgent_now(tracker):
            await _not_ours_first(dispatcher, tracker)
        # "ik ben doof en kan niet bellen": the same answers without "or call us"
        no_phone = "_no_phone" if any(cannot_use_the_phone(text) for text in resident_texts(
            tracker)[:EARLIER_MESSAGES + 1]) else ""
        if no_phone and tracker.get_slot("requested_slot") and not asks_for_a_person(text):
            # in a report: no phone is needed, and "leave your message" would cut across it
            utter(dispatcher, "utter_report_question_urgent_number_no_phone"
                  if _urgent_now(tracker) and not municipality.is_open(now)
                  else "utter_report_no_phone_needed")
            return kept
        if not municipality.is_open(now):
            if _urgent_now(tracker):  # "het water komt de gang in, ik wil dat er iemand komt"
                utter(dispatcher, "utter_report_question_urgent_number")
            self.utter_by_hours(dispatcher, tracker.get_slot("language") == "en",
                                suffix=no_phone)
            _crisis_line_again(dispatcher, tracker)
            return kept
        online = await asyncio.to_thread(colleagues_online, now)
        close = municipality.closing_time(now).strftime("%H:%M")
        if online == 0:
            utter(dispatcher, f"utter_contact_nobody_online{no_phone}", close=close)
            _crisis_line_again(dispatcher, tracker)
            return kept
        utter(dispatcher, f"{self.open_response}{no_phone}", close=close)
        if online is not None:
            await asyncio.to_thread(join_queue, dispatcher, tracker, now)
        return kept


async def _not_ours_first(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """"Ik wil iemand spreken over mijn huurtoeslag": first that Dienst Toeslagen handles it
    (the article says where to go), then how to reach a colleague all the same."""
    from actions.knowledge import not_ours_article

    text = tracker.latest_message.get("text") or ""
    try:
        article = await asyncio.to_thread(not_ours_article, text)
    except Exception:  # noqa: BLE001 - the handover goes on without it
        logger.warning("Knowledge base lookup failed", exc_info=True)
        return
    if article is not None:
        english = tracker.get_slot("language") == "en" and article.answer_en
        utter(dispatcher, "utter_contact_not_ours",
              answer=(article.answer_en if english else article.answer).strip())


def _crisis_line_again(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """After despair was told, "Onze collega's zijn er nu niet" is not the last word: the
    113 line that is there day and night (round r74 of session 41)."""
    if responses_said(tracker) & set(CRISIS_ANSWERS):
        utter(dispatcher, CRISIS_AGAIN)


def _urgent_now(tracker: Tracker) -> bool:
    """A hazard told in this message, a report with priority being made or just made, or
    "wie moet ik nou bellen?" after a danger was told."""
    reading = Reading.from_entities(tracker.latest_message.get("entities"))
    if reading.danger == "hazard" or tracker.get_slot("report_priority") == HIGH_PRIORITY:
        return True
    return reading.report_question == "phone" and any(
        Reading.from_entities((event.get("parse_data") or {}).get("entities")).danger
        for event in tracker.events if event.get("event") == "user")


# Questions in a message left out of hours that ask for someone before a colleague reads it.
_CANNOT_WAIT = ("urgent_number", "faster", "phone")


def _urgent_number_out_of_hours(dispatcher: CollectingDispatcher, reading: Reading,
                                now: Any) -> None:
    """"kan er vanavond niet iemand een hek omheen zetten?", "er is toch wel een nooddienst?"
    while nobody reads the chat (round r205 of session 55: "a colleague reads it Monday" three
    times about a hole on a school route): the numbers that are there day and night."""
    if reading.report_question in _CANNOT_WAIT and not profile().is_open(now):
        utter(dispatcher, "utter_report_question_urgent_number")


class ActionTakeMessage(OpeningHoursAction):
    """Acknowledges a message the resident left for a colleague, and registers it as a
    contactverzoek for the department that owns its subject (bot.klantcontacten)."""

    open_response = "utter_message_taken_open"
    closed_response = "utter_message_taken_closed"

    def name(self) -> str:
        return "action_take_message"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        english = tracker.get_slot("language") == "en"
        called_back = _last_handover(tracker) == "action_take_callback"
        reading = Reading.from_entities(tracker.latest_message.get("entities"))
        if "bsn" in reading.personal_data:
            utter(dispatcher, "utter_bsn_not_needed")  # it is left out of what is passed on
        # (or about an earlier report: "M-…: nu is mijn buurvrouw erover gevallen")
        filed = case_number_of(tracker) or tracker.get_slot("report_case_number")
        about_filed = bool(filed) and danger_now_told(tracker)
        hazard = reading.danger == "hazard" or about_filed
        if hazard:  # "er ligt een koelkast, kinderen kunnen erin kruipen"
            if reading.injured:
                utter(dispatcher, "utter_ack_injured")
            utter(dispatcher, "utter_ack_hazard_passed_on")  # about a report filed already
            advice = f"utter_hazard_advice_{reading.danger_reason}"
            if advice in domain.get("responses", {}):
                utter(dispatcher, advice)
            elif reading.danger == "hazard" and not profile().is_open(self._now()):
                # a colleague reads it only on Monday (round r101): the day-and-night numbers
                utter(dispatcher, "utter_report_question_urgent_number")
        else:
            _urgent_number_out_of_hours(dispatcher, reading, self._now())
        text = tracker.latest_message.get("text") or ""
        if only_announces_an_addition(text):  # "ik wil iets toevoegen aan melding M-…"
            utter(dispatcher, "utter_addition_ask")
            return []
        addition = last_bot_response(tracker) == "utter_addition_ask"
        if previous_bot_action(tracker) == self.name() and not addition:
            _utter_added(dispatcher, tracker, text)  # not the whole text again (round 86)
        elif called_back and _asks_for_a_person(tracker, text):
            utter(dispatcher, "utter_message_waiting_call_now")
        else:
            # "bereikbaar op 06…, liefst na 15u" in the message: the colleague calls, not
            # "answers here" (round r223 of session 57)
            suffix = ("_callback" if called_back or reading.phone
                      else "_hazard" if hazard else "")
            self.utter_by_hours(dispatcher, english, suffix=suffix)
        await _status_beside(dispatcher, tracker, domain, text)
        await answer_meanwhile(dispatcher, tracker)
        number = case_number_of(tracker) if addition else filed if about_filed else None
        if contactverzoek.enabled():  # the addition with the report it is for
            await asyncio.to_thread(register_left_message, tracker, reading.phone,
                                    preferred_time(text) if reading.phone else None,
                                    f"{number}: {text}" if number else None)
        return []


def _utter_added(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
    """A further message to the one left: added to it. "Heeft u mijn nummer … en dat het
    donderdag na 14.00 uur moet?" is told what was passed on, and a wish for a person the
    number to call now (round r244: "Ik heb dit bij uw bericht voor de collega gezet" four
    times, also for "Een medewerker spreken")."""
    number = callback_number(tracker) if "?" in text else None
    if number:
        when = next(filter(None, (preferred_time(said) for said in resident_texts(tracker))), None)
        utter(dispatcher, "utter_message_callback_noted", callback=as_written_at_home(number),
              when=f", {when}" if when else "")
    elif _asks_for_a_person(tracker, text):
        utter(dispatcher, "utter_message_waiting_call_now")
    else:
        utter(dispatcher, "utter_message_added")


def _asks_for_a_person(tracker: Tracker, text: str) -> bool:
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return asks_for_a_person(text) or intent == ASK_HUMAN_INTENT


async def _status_beside(dispatcher: CollectingDispatcher, tracker: Tracker,
                         domain: dict[str, Any], text: str) -> None:
    """"M-2026-000001: nu ligt er ook glas. wat is de status?": the message goes to the
    colleague and the status is told now, not left for Monday (round r86 of session 43)."""
    number = case_number_of(tracker)
    if not number or not asks_how_far(text) or _status_told_this_turn(tracker):
        return
    try:
        found = await asyncio.to_thread(find_report, number, tracker.sender_id)
    except Exception:  # the store is down: the colleague answers
        logger.warning("Status beside a message not found", exc_info=True)
        return
    if found is not None:
        tell_status(dispatcher, found, domain, tracker)


def _status_told_this_turn(tracker: Tracker) -> bool:
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == "action_report_status":
            return True
    return False


class ActionTakeCallback(OpeningHoursAction):
    """"Kunt u mij terugbellen?": with a number in this conversation, the callback is passed
    on (a contactverzoek that keeps the number) and confirmed with the number and when; without
    one, the bot asks for it (the next message with a number comes back here)."""

    open_response = "utter_callback_taken_open"
    closed_response = "utter_callback_taken_closed"

    def name(self) -> str:
        return "action_take_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        phone = callback_number(tracker)
        if phone is None:  # asked already ("ja, graag"): once more, shorter
            asked = last_bot_response(tracker) == "utter_callback_ask_number"
            utter(dispatcher, "utter_callback_number_again" if asked
                  else "utter_callback_ask_number")
            return []
        when, shown = callback_time(tracker), as_written_at_home(phone)
        if when:
            utter(dispatcher, "utter_callback_taken_when", phone=shown, when=when)
        else:
            self.utter_by_hours(dispatcher, tracker.get_slot("language") == "en", phone=shown)
        if contactverzoek.enabled():
            await asyncio.to_thread(register_left_message, tracker, phone, when)
        return []


class ActionTellWhen(OpeningHoursAction):
    """"Wordt het wel echt vandaag?" after a callback or a message for a colleague: when a
    colleague comes back, honestly, without passing anything on again."""

    def name(self) -> str:
        return "action_tell_when"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        kind = "callback" if _last_handover(tracker) == "action_take_callback" else "message"
        _urgent_number_out_of_hours(
            dispatcher, Reading.from_entities(tracker.latest_message.get("entities")), self._now())
        self.utter_by_hours(dispatcher, tracker.get_slot("language") == "en", f"when_{kind}")
        return []


class ActionTellTheTime(ProfileAction):
    """"Hoe laat is het?": the time where the municipality is (a placeholder only an action
    fills)."""

    def name(self) -> str:
        return "action_tell_the_time"

    def response_for(self, tracker: Tracker, domain: dict[str, Any]) -> str:
        return "utter_the_time"


HANDOVERS = ("action_take_callback", "action_take_message", "action_contact_human")


def _last_handover(tracker: Tracker) -> Optional[str]:
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") in HANDOVERS:
            return event.get("name")
    return None


CALLBACK_MESSAGES = 3  # the request, the question for the number, and its answer


def callback_time(tracker: Tracker) -> Optional[str]:
    """When the resident would like to be called ("morgen na 14 uur"), from the newest of
    their last messages that names it."""
    for text in resident_texts(tracker)[:CALLBACK_MESSAGES]:
        if not (wants_callback(text) or read_contact(text).phone):
            continue  # "de lamp is sinds zondag kapot" tells no time to call
        when = preferred_time(text)
        if when:
            return when
    return None


async def pass_on_callback(tracker: Tracker) -> Optional[dict]:
    """A callback asked for beside a report ("Zou iemand mij willen terugbellen? 06…"):
    passed on as a contactverzoek, and the acknowledgement said before the next question;
    None without a number."""
    phone = callback_number(tracker)
    if phone is None:
        return None
    if contactverzoek.enabled():
        await asyncio.to_thread(register_left_message, tracker, phone, callback_time(tracker))
    return {"key": "utter_callback_taken_in_report",
            "values": {"phone": as_written_at_home(phone) or ""}}


def callback_number(tracker: Tracker) -> Optional[str]:
    """The newest phone number the resident gave in this conversation, else the number a
    WhatsApp or SMS resident writes from; None when there is neither."""
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            break
        if event.get("event") == "user":
            phone = Reading.from_entities((event.get("parse_data") or {}).get("entities")).phone
            if phone:
                return phone
    back = way_back(channel_of(tracker), tracker.sender_id)
    return back.adres if back.soort == "telefoonnummer" else None


async def pass_on_instead(dispatcher: CollectingDispatcher, tracker: Tracker, text: str,
                          clock: Any | None = None) -> None:
    """"Het is een bericht voor uw collega" in a report the bot offered: the words it took for
    a report are passed on to a colleague after all."""
    taker = ActionTakeMessage(clock=clock)
    taker.utter_by_hours(dispatcher, tracker.get_slot("language") == "en")
    if contactverzoek.enabled():
        await asyncio.to_thread(register_left_message, tracker, None, None, text)


async def answer_meanwhile(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """"Ik heb vanavond geen eten meer in huis" while waiting for a colleague: the answer
    the knowledge base has for it (actions.knowledge.meanwhile_articles), so the resident
    need not wait for it."""
    from actions.knowledge import meanwhile_articles

    english = tracker.get_slot("language") == "en"
    text = tracker.latest_message.get("text") or ""
    if mentions_a_report(text):
        return  # "… gemeld … M-…: het ligt er nog steeds": about that report, no article (r107)
    if english:  # "what is the municipal tax for?" (round r76 of session 41: only passed on)
        text = dutch_search_words(text)
        if not text:
            return
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "bot"]
    try:
        articles = await asyncio.to_thread(meanwhile_articles, text, said)
    except Exception:  # noqa: BLE001 - the message is passed on all the same
        logger.warning("Knowledge base lookup failed", exc_info=True)
        return
    told = " ".join(" ".join(line.split()) for line in said)
    for article in articles:
        answer = article.answer_en if english and article.answer_en else (
            lead_for_the_product(article, text) or article.answer)  # long: its core
        if " ".join(answer.split()) not in told:
            utter(dispatcher, "utter_kb_meanwhile_in_dutch" if english and not article.answer_en
                  else "utter_kb_meanwhile", answer=answer.strip())


def left_subject(tracker: Tracker, url: str) -> Subject:
    """The article the bot just answered with, else what the resident's words are about."""
    from actions.knowledge import previous_article

    article = previous_article(tracker, url)
    if article is not None:
        return Subject.of(article)
    return subject_of(resident_texts(tracker)[:EARLIER_MESSAGES + 1], url)


def register_left_message(tracker: Tracker, callback_phone: Optional[str] = None,
                          callback_when: Optional[str] = None,
                          text: Optional[str] = None) -> None:
    """Record the message (default: the latest) as a contactverzoek (a callback keeps its
    number); never breaks the acknowledgement."""
    message = tracker.latest_message or {}
    text = text or (message.get("metadata") or {}).get("typed") or message.get("text") or ""
    try:
        contactverzoek.leave_message(
            tracker.sender_id, channel_of(tracker), text,
            left_subject(tracker, settings.DATABASE_URL),
            "eng" if tracker.get_slot("language") == "en" else "nld",
            callback_phone=callback_phone, callback_when=callback_when)
    except Exception:  # noqa: BLE001 - the resident still hears the message was passed on
        logger.warning("Contactverzoek not recorded", exc_info=True)


class ActionAnswerComplaint(Action):
    """The complaint answer (with the municipality's link), when a status answer is met
    with "waarom gebeurt er niks?" or a complaint asks to be anonymous
    (bot.policies.ReadingPolicy)."""

    def name(self) -> str:
        return "action_answer_complaint"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if reading_of(tracker).report_question == "anonymous":
            utter(dispatcher, "utter_complaint_not_anonymous")  # not the street report's text
        utter(dispatcher, "utter_answer_complaint")
        return []
