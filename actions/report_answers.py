"""The resident's words about a report already filed: an addition just after filing ("o
het is bij nummer 20 trouwens"), or the answer to a question asked with a status update
(the municipality's "reactie gevraagd" question, or the KTO after afgehandeld).
bot.policies sends the message here; bot.reports.answers keeps it and queues it for
Signalen."""
from __future__ import annotations

import asyncio
import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import utter
from actions.reading import channel_of, reading_of
from actions.report_slots import answer_of
from bot.channel_store import HOLDING_CHANNELS, RELEASED_HELD
from bot.reports.answers import (KTO, REACTION, Question, queue_addition, queue_kto,
                                 queue_reaction)

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
        case_number = tracker.get_slot("report_case_number")
        place = reading_of(tracker).location
        added = bool(case_number) and await asyncio.to_thread(
            queue_addition, case_number, tracker.sender_id,
            tracker.latest_message.get("text") or "", place.text if place else "")
        if added:
            utter(dispatcher, "utter_report_addition_added", case_number=case_number)
        else:
            utter(dispatcher, "utter_report_addition_not_added")
        return []
