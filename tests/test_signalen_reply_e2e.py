"""The reply address end to end (SIGNALEN_REPLY_ADDRESS, issue 14): the whole running stack
(signed Twilio webhooks, NLU, dialogue, action server, outbox worker, status poll) with a
Signalen service account and the reply address, against the Signalen, PDOK and Twilio
stand-ins.

A WhatsApp resident who wants updates and gives no e-mail address reaches Signalen with
the municipality's mailbox as reporter e-mail, so staff can set "reactie gevraagd" (upstream
refuses it for a reporter without one: tests/test_signalen_e2e.py). The poll brings the
question to the resident's WhatsApp and their answer reaches Signalen as `reaction
received`. WhatsApp's 24-hour window decides how the question travels (channels.delivery):
inside it as free text; outside it behind an approved template, released as free text
when the resident writes back, and only the message after that is the answer.

Its own stack (module scope): tests/test_signalen_e2e.py's has no reply address, and
there a WhatsApp reporter without an e-mail must stay without one.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

from bot import channel_store
from bot.reports import db as reports_db
from bot.reports.models import Report, utcnow
from bot.serve import Stack
from tests.channel_helpers import wait_for, whatsapp_says
from tests.conftest import WHATSAPP_TEMPLATES
from tests.standins.signalen import SignalenStandIn
from tests.test_signalen_e2e import (DELIVERY, filed_on_whatsapp, news, signal_of,
                                     start_signalen_stack)
from tests.test_whatsapp_sms import new_number

pytestmark = pytest.mark.stack

TOKEN = "signalen-reply-e2e-service-account"
REPLY = "chat-meldingen+{case}@lindendal.nl"
# WhatsApp takes free text until 24 hours after the resident's last message.
OUTSIDE_THE_WINDOW = dt.timedelta(hours=25)


@pytest.fixture(scope="module")
def signalen(pdok_standin):
    standin = SignalenStandIn(token=TOKEN, address_checker=pdok_standin.address_exists,
                              throttle_rate=(1000, 3600.0)).start()
    yield standin
    standin.stop()


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('signalen-reply-e2e') / 'reports.db'}"


@pytest.fixture(scope="module")
def reply_stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory, signalen,
                pdok_standin, twilio_standin, telegram_standin, db_url: str):
    running = start_signalen_stack(trained_model, tmp_path_factory.mktemp("reply-stack"),
                                   signalen, pdok_standin, twilio_standin, telegram_standin,
                                   db_url, SIGNALEN_REPLY_ADDRESS=REPLY)
    yield running
    running.stop()


def filed_without_email(stack: Stack, twilio_standin, signalen: SignalenStandIn
                        ) -> Dict[str, Any]:
    """A new WhatsApp resident's report with updates wanted and no e-mail given, as it
    reached Signalen: resident, case number, signal id and the signal."""
    resident = "whatsapp:" + new_number()
    case_number = filed_on_whatsapp(stack, twilio_standin, resident)
    return {"resident": resident, "case_number": case_number,
            **signal_of(signalen, case_number)}


def ask(signalen: SignalenStandIn, report: Dict[str, Any], question: str) -> None:
    """Staff set "reactie gevraagd" with their question in Signalen."""
    signalen.set_state(report["signal_id"], "reaction requested", question)


def answered_in_signalen(signalen: SignalenStandIn, report: Dict[str, Any]) -> List[tuple]:
    """The `reaction received` status changes of the signal: (state, text)."""
    return [change for change in signalen.history.get(report["signal_id"], [])
            if change[0] == "reaction received"]


def close_the_window(twilio_standin, db_url: str, resident: str) -> None:
    """The resident last wrote 25 hours ago, as Twilio and the bot both know it."""
    last = utcnow() - OUTSIDE_THE_WINDOW
    twilio_standin.resident_wrote(resident, last.replace(tzinfo=dt.timezone.utc))
    channel_store.record_inbound("whatsapp", resident, now=last, url=db_url)


def pending_question(db_url: str, case_number: str) -> Any:
    with reports_db.session(db_url) as db:
        return db.query(Report).filter_by(case_number=case_number).one().signalen_question


def test_a_whatsapp_report_without_email_reaches_signalen_with_the_reply_address(
        reply_stack, twilio_standin, signalen):
    report = filed_without_email(reply_stack, twilio_standin, signalen)
    assert report["reporter"] == {
        "sharing_allowed": False, "phone": report["resident"].split(":")[1],
        "email": REPLY.replace("{case}", report["case_number"])}


def test_inside_the_window_the_question_is_free_text_and_the_answer_reaches_signalen(
        reply_stack, twilio_standin, signalen, db_url):
    report = filed_without_email(reply_stack, twilio_standin, signalen)
    resident, templates_before = report["resident"], len(twilio_standin.templates_to(
        report["resident"]))
    ask(signalen, report, "Brandt de lamp ook overdag?")
    question = news(twilio_standin, resident, "Brandt de lamp ook overdag?")
    assert report["case_number"] in question
    assert len(twilio_standin.templates_to(resident)) == templates_before, "no template"

    thanks = whatsapp_says(reply_stack, twilio_standin, resident, "Ja, ook overdag, al een week")
    assert "doorgegeven" in " ".join(thanks)
    wait_for(lambda: answered_in_signalen(signalen, report), timeout=DELIVERY)
    assert answered_in_signalen(signalen, report) == [
        ("reaction received", "Ja, ook overdag, al een week")]
    assert signalen.records[report["signal_id"]]["state"] == "reaction received"
    assert pending_question(db_url, report["case_number"]) is None


def test_outside_the_window_a_template_asks_first_and_the_answer_after_it_reaches_signalen(
        reply_stack, twilio_standin, signalen, db_url):
    report = filed_without_email(reply_stack, twilio_standin, signalen)
    resident = report["resident"]
    close_the_window(twilio_standin, db_url, resident)
    bodies_before = len(twilio_standin.bodies_to(resident))
    ask(signalen, report, "Welk nummer staat er op de paal?")
    [template] = wait_for(lambda: twilio_standin.templates_to(resident), timeout=DELIVERY)
    assert template["ContentSid"] == WHATSAPP_TEMPLATES["STATUS_UPDATE"], "news about a report"
    assert "Body" not in template
    assert json.loads(template["ContentVariables"])["1"] == report["case_number"]
    assert len(twilio_standin.bodies_to(resident)) == bodies_before, "no free text outside"

    replies = whatsapp_says(reply_stack, twilio_standin, resident, "Wat is er?")
    assert len(replies) == 1, replies
    [question] = replies
    assert "Welk nummer staat er op de paal?" in question and report["case_number"] in question, \
        "the resident's reply releases the held question, and the bot says nothing else"
    assert not answered_in_signalen(signalen, report), "'Wat is er?' is no answer"
    assert pending_question(db_url, report["case_number"]), "still waiting for the answer"

    thanks = whatsapp_says(reply_stack, twilio_standin, resident, "Nummer 12, bij de bushalte")
    assert "doorgegeven" in " ".join(thanks)
    wait_for(lambda: answered_in_signalen(signalen, report), timeout=DELIVERY)
    assert answered_in_signalen(signalen, report) == [
        ("reaction received", "Nummer 12, bij de bushalte")]
