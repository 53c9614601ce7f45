"""The resident's answers that go back to Signalen: to "reactie gevraagd" and to the KTO.

Signalen asks both by e-mail itself (a questionnaire session, a feedback form), with a
token that is in no API answer. So, with a service account (`SIGNALEN_TOKEN`), the bot
asks in the resident's own channel and passes the answer on the way upstream's own forms
do (Amsterdam/signals @ adbe8fc7):

- **Reactie gevraagd**: the question is the status text (read by the status poll); the
  answer becomes the status `reaction received` with the answer as its text, as
  `questionnaires/services/reaction_request.py` does when the e-mailed form is answered.
  When the signal is no longer waiting for it (staff moved on, or the resident answered
  the e-mail first) the workflow refuses that, and the answer is added as a note instead.
- **KTO** after `afgehandeld`: a note with satisfied or not and the remark; when not
  satisfied also the status `reopen requested`, as `feedback/rest_framework/serializers.py`
  does for an unhappy answer, so staff decide to reopen. A signal that is no longer
  afgehandeld gets the note only (upstream's form also reopens only from afgehandeld).

- **An addition** just after filing ("o het is bij nummer 20 trouwens"): kept in the
  report's description and location, and a note on the signal for staff (the public API
  takes nothing after the create; a create still waiting carries the words itself).

All travel through the outbox (retried until Signalen takes them). Signalen allows
"reactie gevraagd" only for a reporter with an e-mail address; a resident who left none
has the municipality's reply address there when `SIGNALEN_REPLY_ADDRESS` is set
(`bot/reports/reply_address.py`), so Signalen's own mails go to that mailbox and the
resident is asked here.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Optional

from bot.reading.privacy import scrub
from bot.integrations import DeliveryError
from bot.integrations.signalen import (REACTION_RECEIVED, REOPEN_REQUESTED, SignalenClient,
                                       MAX_STATUS_TEXT, SignalenRefused)
from bot.reports.db import session
from bot.reports.models import OutboxItem, Report
from bot.reports.status import ASKED
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

REACTION = "reaction"
KTO = "kto"
SIGNALEN_REACTION = "signalen_reaction"
SIGNALEN_KTO = "signalen_kto"
SIGNALEN_ADDITION = "signalen_addition"
KINDS = (SIGNALEN_REACTION, SIGNALEN_KTO, SIGNALEN_ADDITION)
DONE = "afgehandeld"
# What staff read in Signalen (notes and status texts are for staff, not for residents).
REACTION_NOTE = "Reactie van de melder via de chatbot (de melding wachtte niet meer op een " \
                "reactie):\n{answer}"
KTO_NOTE = "Tevredenheid (KTO) via de chatbot: {verdict}.{remark}"
KTO_VERDICTS = {True: "tevreden", False: "niet tevreden", None: "geen ja of nee gegeven"}
KTO_REMARK = "\nOpmerking van de melder: {remark}"
ADDITION_NOTE = "Aanvulling van de melder via de chatbot, na het melden:\n{addition}"
# What the resident said when telling the problem is over ("hij is al gerepareerd").
SOLVED_LINE = "Volgens de melder is het opgelost: {text}"
# How an addition is kept in the report store (the description and the location).
ADDITION_LINE = "Aanvulling: {addition}"
REOPEN_TEXT = "De melder is niet tevreden blijkt uit feedback via de chatbot. Zo nodig " \
              "heropenen.{remark}"


@dataclass(frozen=True)
class Question:
    """What to ask the resident about one report: `kind` REACTION (with the municipality's
    `text`) or KTO."""

    kind: str
    case_number: str
    text: str = ""


def answers_reach_signalen() -> bool:
    """Reports go to Signalen and a service account may change their status."""
    from bot import settings

    return bool(settings.SIGNALEN_URL and settings.SIGNALEN_TOKEN
                and settings.REPORTS_BACKEND == "signalen")


def question_for(case_number: str, sender_id: str, can_answer: Optional[bool] = None,
                 url: str = DATABASE_URL) -> Optional[Question]:
    """The question to ask with this report's status update; None when there is none or
    the answer could not reach Signalen (`can_answer`, by default: a service account)."""
    if not (answers_reach_signalen() if can_answer is None else can_answer):
        return None
    with session(url) as db:
        report = _report(db, case_number, sender_id)
        if report is None or report.signalen_number is None:
            return None
        if report.status == ASKED and report.signalen_question:
            return Question(REACTION, case_number, report.signalen_question)
        if report.status == DONE:
            return Question(KTO, case_number)
    return None


def queue_reaction(case_number: str, sender_id: str, answer: str,
                   url: str = DATABASE_URL) -> bool:
    """Queue the resident's answer to the municipality's question (without personal data:
    names, BSN, phone numbers, e-mail addresses …); False: no such report of this resident."""
    return _queue(SIGNALEN_REACTION, case_number, sender_id, {"answer": _without_personal_data(
        answer)}, url)


def queue_kto(case_number: str, sender_id: str, satisfied: Optional[bool], remark: str,
              url: str = DATABASE_URL) -> bool:
    """Queue the resident's KTO answer (satisfied: None when they said neither yes nor no)."""
    return _queue(SIGNALEN_KTO, case_number, sender_id,
                  {"satisfied": satisfied, "remark": _without_personal_data(remark)}, url)


def queue_addition(case_number: str, sender_id: str, addition: str, place: str = "",
                   url: str = DATABASE_URL) -> bool:
    """Add what the resident told after filing to their report (`place`: the words that
    name a place, also added to the location) and, when Signalen takes notes from this
    bot, queue it as a note; False: no such report of this resident."""
    addition = _without_personal_data(addition).strip()
    with session(url) as db:
        report = _report(db, case_number, sender_id)
        if report is None or not addition:
            return False
        report.description = f"{report.description}\n{ADDITION_LINE.format(addition=addition)}"
        if place:
            added_place = ADDITION_LINE.format(addition=place)
            report.location_text = f"{report.location_text} ({added_place})"
        if answers_reach_signalen():
            db.add(OutboxItem(kind=SIGNALEN_ADDITION, report_id=report.id,
                              payload=json.dumps({"addition": addition})))
    return True


# Said to the municipality's staff in Signalen when an answer held nothing but personal data.
ONLY_PERSONAL_DATA = "[het antwoord bevatte alleen persoonsgegevens; die zijn weggelaten]"


def _without_personal_data(text: str) -> str:
    if not (text or "").strip():
        return text
    scrubbed, removed = scrub(text)
    return scrubbed if scrubbed.strip() or not removed else ONLY_PERSONAL_DATA


def _queue(kind: str, case_number: str, sender_id: str, payload: dict, url: str) -> bool:
    with session(url) as db:
        report = _report(db, case_number, sender_id)
        if report is None:
            logger.warning("No report %s of this conversation: answer not passed on", case_number)
            return False
        if kind == SIGNALEN_REACTION:
            report.signalen_question = None  # answered: not asked again
        db.add(OutboxItem(kind=kind, report_id=report.id, payload=json.dumps(payload)))
    return True


def _report(db, case_number: str, sender_id: str) -> Optional[Report]:
    """The report, only for the conversation that filed it."""
    return (db.query(Report)
            .filter(Report.case_number == case_number, Report.sender_id == sender_id)
            .one_or_none())


def deliver(item: OutboxItem, client: Optional[SignalenClient]) -> None:
    """Pass one queued answer to Signalen (the outbox's sender for KINDS)."""
    if client is None or not client.token:
        raise DeliveryError("no Signalen service account (SIGNALEN_URL, SIGNALEN_TOKEN)",
                            retry=False)
    number = item.report.signalen_number
    if number is None:  # an addition waits for the create still under way
        raise DeliveryError(f"report {item.report.case_number} has no Signalen id",
                            retry=item.kind == SIGNALEN_ADDITION)
    payload = json.loads(item.payload)
    if item.kind == SIGNALEN_ADDITION:
        client.add_note(number, ADDITION_NOTE.format(addition=payload["addition"]))
        state = None
    elif item.kind == SIGNALEN_REACTION:
        state = _send_reaction(client, number, payload["answer"])
    else:
        state = _send_kto(client, number, payload.get("satisfied"), payload.get("remark") or "")
    if state is not None:
        # The state we set is known: a next question (back to "reaction requested") is a
        # change the status poll must see.
        item.report.signalen_state = state


def _send_reaction(client: SignalenClient, number: int, answer: str) -> Optional[str]:
    """The state set, or None when the answer became a note."""
    try:
        client.set_state(number, REACTION_RECEIVED, answer)
        return REACTION_RECEIVED
    except SignalenRefused as error:
        if error.status != 400:
            raise
        if _already_set(client, number, REACTION_RECEIVED, answer):
            return REACTION_RECEIVED
        logger.info("Signal %s takes no reaction now (%s): the answer becomes a note",
                    number, error.reason)
        client.add_note(number, REACTION_NOTE.format(answer=answer))
        return None


def _send_kto(client: SignalenClient, number: int, satisfied: Optional[bool],
              remark: str) -> Optional[str]:
    """The state set (a request to reopen), or None: a note only."""
    remark_line = KTO_REMARK.format(remark=remark) if remark else ""
    note = KTO_NOTE.format(verdict=KTO_VERDICTS[satisfied], remark=remark_line)
    if satisfied is not False:
        client.add_note(number, note)
        return None
    reopen_text = REOPEN_TEXT.format(remark=remark_line)
    try:  # one request: status and note are applied together or not at all
        client.set_state(number, REOPEN_REQUESTED, reopen_text, note=note)
        return REOPEN_REQUESTED
    except SignalenRefused as error:
        if error.status != 400:
            raise
        if _already_set(client, number, REOPEN_REQUESTED, reopen_text):
            return REOPEN_REQUESTED
        logger.info("Signal %s is not reopened on request (%s): the note only", number,
                    error.reason)
        client.add_note(number, note)
        return None


def _already_set(client: SignalenClient, number: int, state: str, text: str) -> bool:
    """Whether an earlier try whose answer was lost already set this state with this text
    (the retry is refused: the workflow does not go from a state to itself)."""
    now = client.private_state(number)
    return now.state == state and now.text == text[:MAX_STATUS_TEXT]
