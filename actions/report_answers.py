"""The resident's words about a report already filed: an addition just after filing ("o
het is bij nummer 20 trouwens"), news that its problem is over ("hij is al gerepareerd"),
or the answer to a question asked with a status update (the municipality's "reactie
gevraagd" question, or the KTO after afgehandeld).
bot.policies sends the message here; bot.reports.answers keeps it and queues it for
Signalen."""
from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import utter
from actions.contact import register_left_message
from actions.reading import channel_of, previous_bot_action, reading_of
from actions.report_slots import CALL_TIME_LINE, answer_of, report_question_response
from actions.status import (case_number_of, described_otherwise, find_report,
                            normalise_case_number, numbers_filed_last)
from bot.channel_store import HOLDING_CHANNELS, RELEASED_HELD
from bot.klantcontacten import contactverzoek
from bot.reading.answers import Contact, as_written_at_home, read_contact
from bot.reading.callback import call_time_wished
from bot.reading.description import category_of
from bot.reading.questions import tells_something_wrong
from bot.reading.report_questions import told_beside_the_solved, withdraws_a_report
from bot.reports.service import add_contact, confirmation_mailed
from bot.reports.answers import (KTO, REACTION, SOLVED_LINE, Question, queue_addition,
                                 queue_kto, queue_reaction)

logger = logging.getLogger(__name__)

QUESTION_SLOT = "signalen_question"
# A KTO answer of more words than a plain yes or no ("ja hoor") carries a remark.
MAX_PLAIN_ANSWER_WORDS = 2
# A KTO answer that is neither yes nor no is asked once more.
KTO_TRIES = 2
# The responses that ask each question (the status update, and the KTO once more).
REACTION_QUESTION = "utter_report_reaction_question"
KTO_QUESTION = "utter_report_kto_ask"
KTO_UNCLEAR = "utter_report_kto_unclear"
ASKED_BY = {REACTION: (REACTION_QUESTION,), KTO: (KTO_QUESTION, KTO_UNCLEAR)}


def asked(question: Optional[Question]) -> List[EventType]:
    """The slot that makes the next message the answer (cleared: no question)."""
    if question is None:
        return [SlotSet(QUESTION_SLOT, None)]
    return [SlotSet(QUESTION_SLOT, {"kind": question.kind,
                                    "case_number": question.case_number, "tries": 0,
                                    "remark": ""})]


def answers_the_template(tracker: Tracker, question: Dict[Text, Any]) -> bool:
    """The message released the question, held outside WhatsApp's (or Messenger's) window
    behind a template: it answers the template's "send us a message", not the question,
    which the resident sees only now. A question delivered earlier (inside the window, or
    tagged on Messenger) is answered by it, whatever later messages it released."""
    if channel_of(tracker) not in HOLDING_CHANNELS:
        return False
    released = released_by(tracker.latest_message.get("metadata") or {})
    return any(response in released for response in ASKED_BY.get(question.get("kind"), ()))


def released_by(metadata: Dict[Text, Any]) -> List[Text]:
    """The responses of the held messages the message released (channels.twilio_common,
    channels.messenger). A count (stored in the inbox before they were named) could
    have been the question."""
    released = metadata.get(RELEASED_HELD) or []
    if isinstance(released, list):
        return [str(response) for response in released]
    return [response for asking in ASKED_BY.values() for response in asking]


def remark_of(text: Text) -> Text:
    """The words of a KTO answer, unless it is only a button or a plain yes or no."""
    if text.startswith("/") or len(re.findall(r"\w+", text)) <= MAX_PLAIN_ANSWER_WORDS:
        return ""
    return text.strip()


class ActionTakeSignalenAnswer(Action):
    """Passes the resident's answer on to Signalen (through the outbox) and thanks them."""

    def name(self) -> Text:
        return "action_take_signalen_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        question: Dict[Text, Any] = tracker.get_slot(QUESTION_SLOT) or {}
        if question and answers_the_template(tracker, question):
            return []  # the released question speaks for itself; the next message answers it
        text = tracker.latest_message.get("text") or ""
        if question.get("kind") == REACTION:
            await asyncio.to_thread(queue_reaction, question["case_number"],
                                    tracker.sender_id, text)
            utter(dispatcher, "utter_report_reaction_thanks")
            return [SlotSet(QUESTION_SLOT, None)]
        if question.get("kind") == KTO:
            return await self._kto(dispatcher, tracker, question, text)
        return [SlotSet(QUESTION_SLOT, None)]

    async def _kto(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                   question: Dict[Text, Any], text: Text) -> List[EventType]:
        satisfied = answer_of(tracker, reading_of(tracker))
        remark = " ".join(part for part in (question.get("remark"), remark_of(text)) if part)
        tries = int(question.get("tries") or 0) + 1
        if satisfied is None and tries < KTO_TRIES:
            utter(dispatcher, KTO_UNCLEAR)
            return [SlotSet(QUESTION_SLOT, {**question, "tries": tries, "remark": remark})]
        await asyncio.to_thread(queue_kto, question["case_number"], tracker.sender_id,
                                satisfied, remark)
        utter(dispatcher, "utter_report_kto_reopen" if satisfied is False
              else "utter_report_kto_thanks")
        return [SlotSet(QUESTION_SLOT, None)]


class ActionAddToReport(Action):
    """Adds what the resident tells just after filing to that report, and says so."""

    def name(self) -> Text:
        return "action_add_to_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        case_number = _the_report_added_to(tracker)
        text = tracker.latest_message.get("text") or ""
        contact = read_contact(text)
        if contact.email or contact.phone:
            return await _contact_added(dispatcher, tracker, case_number, contact)
        when = call_time_wished(text)
        if when:  # "na 3 uur is goed" after the callback was passed on (round r217 c4)
            added = bool(case_number) and await asyncio.to_thread(
                queue_addition, case_number, tracker.sender_id,
                CALL_TIME_LINE.format(call_time=when))
            utter(dispatcher, "utter_ack_wish_call_time" if added
                  else "utter_report_addition_not_added", when=when)
            return []
        place = reading_of(tracker).location
        added = bool(case_number) and await asyncio.to_thread(
            queue_addition, case_number, tracker.sender_id,
            tracker.latest_message.get("text") or "", place.text if place else "")
        if added and reading_of(tracker).danger == "hazard":
            utter(dispatcher, "utter_ack_hazard_passed_on")  # a colleague gives it priority
        if added:
            utter(dispatcher, "utter_report_addition_added", case_number=case_number)
        else:
            utter(dispatcher, "utter_report_addition_not_added")
        kind = reading_of(tracker).report_question
        beside = report_question_response(tracker, kind, urgent=False) if kind else None
        if beside in domain.get("responses", {}):  # "… Kan ik ook een foto sturen?" (r217)
            utter(dispatcher, beside)
        return []


async def _contact_added(dispatcher: CollectingDispatcher, tracker: Tracker,
                         case_number: Optional[Text], contact: Contact) -> List[EventType]:
    """"krijg ik nou wel bericht? mijn mail is …" just after filing (round r205 of session
    55: a dead end): the e-mail address or number on that report, for its updates."""
    try:
        report = case_number and await asyncio.to_thread(
            add_contact, case_number, tracker.sender_id, contact.email, contact.phone)
    except ValueError:  # an address the back office would refuse
        report = None
    if not report:
        utter(dispatcher, "utter_report_addition_not_added")
        return []
    utter(dispatcher, "utter_report_contact_added", case_number=case_number,
          contact=as_written_at_home(contact.email or contact.phone))
    if confirmation_mailed(report, contact.email):
        utter(dispatcher, "utter_report_contact_confirm_link")
    return []


# "bij de tweede melding": which of the reports filed together
_ORDINALS = (re.compile(r"\b(?:eerste|1e|1ste|first)\b", re.IGNORECASE),
             re.compile(r"\b(?:tweede|2e|2de|second)\b", re.IGNORECASE),
             re.compile(r"\b(?:derde|3e|3de|third)\b", re.IGNORECASE))


def _the_report_added_to(tracker: Tracker) -> Optional[Text]:
    """The report an addition after filing is for: of several filed together the one the
    message names by its number or its place in the row ("bij de tweede melding zetten",
    round r164: it went to the first); else the first."""
    filed = numbers_filed_last(tracker)
    named = case_number_of(tracker)
    if named in filed:
        return named
    text = tracker.latest_message.get("text") or ""
    for index, ordinal in enumerate(_ORDINALS[:len(filed)]):
        if ordinal.search(text):
            return filed[index]
    return tracker.get_slot("report_case_number")


# How far back a case number told by the bot (a status answer) counts as the one meant.
RECENT_BOT_MESSAGES = 4


class ActionReportSolved(Action):
    """"Hij is al gerepareerd, die melding kan weg": heard, and passed on with the report
    (its description, and a note in Signalen) so nobody goes out for nothing. A report of
    another conversation, or none found, goes to a colleague as a message. A new problem
    told beside it ("maar nu zit er een kuil") starts a report of its own."""

    def name(self) -> Text:
        return "action_report_solved"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        text = tracker.latest_message.get("text") or ""
        if previous_bot_action(tracker) == self.name():
            utter(dispatcher, "utter_report_solved_again")  # "kunt u hem afsluiten?"
            return []
        found = await _the_report_meant(tracker)
        if found is None:
            utter(dispatcher, "utter_report_solved_passed_on")
            await _pass_on(tracker, None, text)
        else:
            utter(dispatcher, "utter_report_withdrawn" if withdraws_a_report(text)
                  else "utter_report_solved", case_number=found.case_number)
            await _pass_on(tracker, found.case_number, text)
        if _a_new_problem(told_beside_the_solved(text)):
            utter(dispatcher, "utter_report_solved_and_new")
            return [FollowupAction("action_start_report")]
        return []


def _a_new_problem(told: Text) -> bool:
    return bool(told) and (tells_something_wrong(told) or category_of(told) is not None)


async def _the_report_meant(tracker: Tracker) -> Optional[Any]:
    """The report by the number in the message or just told, if it is about what the
    resident describes; None when there is none or the store is down."""
    number = case_number_of(tracker) or _number_told_by_the_bot(tracker)
    if not number:
        return None
    try:
        found = await asyncio.to_thread(find_report, number, tracker.sender_id)
    except Exception:  # noqa: BLE001 - the colleague looks it up
        logger.warning("Report of a solved problem not found", exc_info=True)
        return None
    if found is None or described_otherwise(tracker, found):
        return None  # another subject's number: not that report closed by mistake
    if found.updates is None:
        return None  # filed from another conversation: a number alone closes nothing
    return found


def _number_told_by_the_bot(tracker: Tracker) -> Optional[Text]:
    """The case number of the status just told (looked up by its place or the sender)."""
    said = [event.get("text") for event in tracker.events if event.get("event") == "bot"]
    for text in reversed(said[-RECENT_BOT_MESSAGES:]):
        found = normalise_case_number(text)
        if found:
            return found
    return None


async def _pass_on(tracker: Tracker, case_number: Optional[Text], text: Text) -> None:
    """On the resident's own report: kept with it; otherwise a message for a colleague."""
    kept = bool(case_number) and await asyncio.to_thread(
        queue_addition, case_number, tracker.sender_id, SOLVED_LINE.format(text=text))
    if not kept and contactverzoek.enabled():
        await asyncio.to_thread(register_left_message, tracker, None, None,
                                f"{case_number}: {text}" if case_number else None)
