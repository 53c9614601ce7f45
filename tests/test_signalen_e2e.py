"""Signalen end to end (issue 14, "Measured"): the whole running stack (signed Twilio
webhooks, NLU, dialogue, action server, outbox worker) with a Signalen service account
against the Signalen stand-in, which checks addresses against the PDOK stand-in as real
Signalen checks them against PDOK, and the bot reading places from the same register.

- a WhatsApp resident reports with a location pin: the signal has the register's address
  (PDOK `reverse`) and the pin's coordinates; a status change polled from Signalen reaches
  WhatsApp;
- "reactie gevraagd" round-trips: the question is asked in the resident's chat and the
  answer arrives in Signalen as `reaction received`. Signalen only allows the state for a
  reporter with an e-mail address, which a WhatsApp report does not have without
  SIGNALEN_REPLY_ADDRESS (refused below, as upstream refuses it; with the setting:
  tests/test_signalen_reply_e2e.py), so the round trip is made here by a web-chat
  resident who left one;
- the KTO after afgehandeld on WhatsApp: "nee" with a remark arrives as a note and a
  request to reopen.

Its own stack (module scope): the shared one has no service account and no register.
Needs the trained model for the current domain (action_take_signalen_answer, the
signalen_question slot and the KTO responses).
"""
from __future__ import annotations

import re
import secrets
import time
from pathlib import Path
from typing import Any, Dict, List

import pytest

from bot.integrations.pdok import LocatieserverClient
from bot.reports import db as reports_db
from bot.reports.models import Report
from bot.serve import Stack
from bot.settings import ROOT
from channels.webchat import conversation_id
from tests.channel_helpers import wait_for, whatsapp_says
from tests.conftest import channel_env, post_json
from tests.services import embedded_endpoints, free_port
from tests.standins.signalen import SignalenStandIn
from tests.test_whatsapp_sms import new_number

pytestmark = pytest.mark.stack

TOKEN = "signalen-e2e-service-account"
CASE_NUMBER = re.compile(r"M-\d{4}-\d{6}")
DELIVERY = 60  # outbox and status poll run every second
# A pin on the Kerkstraat in Lindendal (tests/standins/data/lindendal_bag.yml).
PIN = (52.09225, 5.11881)


@pytest.fixture(scope="module")
def signalen(pdok_standin):
    standin = SignalenStandIn(token=TOKEN, address_checker=pdok_standin.address_exists,
                              throttle_rate=(1000, 3600.0)).start()
    yield standin
    standin.stop()


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('signalen-e2e') / 'reports.db'}"


def start_signalen_stack(model: Path, workdir: Path, signalen: SignalenStandIn, pdok_standin,
                         twilio_standin, telegram_standin, db_url: str,
                         **settings: str) -> Stack:
    """The whole stack with a Signalen service account, the register and the channel
    stand-ins, polling every second; `settings`: more environment (SIGNALEN_REPLY_ADDRESS)."""
    action_port = free_port()
    tone_file = workdir / "tone_of_voice.yml"
    tone_file.write_text((ROOT / "tone_of_voice.yml").read_text(encoding="utf-8"),
                         encoding="utf-8")
    running = Stack(rasa_port=free_port(), action_port=action_port,
                    endpoints=embedded_endpoints(workdir, action_port),
                    console_port=free_port(), token=secrets.token_hex(16),
                    log_dir=workdir / "logs",
                    env={"GA_DATABASE_URL": db_url, "SIGNALEN_URL": signalen.url,
                         "SIGNALEN_TOKEN": signalen.token, "SIGNALEN_POLL_INTERVAL": "1",
                         "PDOK_URL": pdok_standin.url, "GA_OUTBOX_INTERVAL": "1",
                         "GA_OUTBOX_FIRST_RETRY": "2", "GA_TONE_FILE": str(tone_file),
                         "GA_ACTION_TIMEOUT": "5",
                         **channel_env(twilio_standin.url, telegram_standin.url), **settings})
    running.start(model)
    return running


@pytest.fixture(scope="module")
def signalen_stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory, signalen,
                   pdok_standin, twilio_standin, telegram_standin, db_url: str):
    running = start_signalen_stack(trained_model, tmp_path_factory.mktemp("signalen-stack"),
                                   signalen, pdok_standin, twilio_standin, telegram_standin,
                                   db_url)
    yield running
    running.stop()



def webchat(stack: Stack, sender: str, text: str) -> List[str]:
    status, replies = post_json(f"{stack.url}/webhooks/webchat/webhook",
                                {"sender": sender, "message": text})
    assert status == 200, replies
    return [reply.get("text", "") for reply in replies]


def news(twilio_standin, resident: str, *words: str) -> str:
    """The first message to the resident that has all the words, once it arrived."""
    return wait_for(lambda: next((b for b in twilio_standin.bodies_to(resident)
                                  if all(w in b for w in words)), None), timeout=DELIVERY)


def signal_of(signalen: SignalenStandIn, case_number: str) -> Dict[str, Any]:
    signal_id = wait_for(lambda: next((k for k, v in signalen.signals.items()
                                       if case_number in v["text"]), None), timeout=DELIVERY)
    return {"signal_id": signal_id, **signalen.signals[signal_id]}


def filed_on_whatsapp(stack: Stack, twilio_standin, resident: str) -> str:
    """A broken street light reported with a pin, updates wanted; the case number."""
    asked = whatsapp_says(stack, twilio_standin, resident, "De straatlamp brandt niet meer")
    assert "deel uw locatie" in asked[-1]
    whatsapp_says(stack, twilio_standin, resident, Latitude=str(PIN[0]), Longitude=str(PIN[1]))
    whatsapp_says(stack, twilio_standin, resident, "nee")       # no photo
    whatsapp_says(stack, twilio_standin, resident, "1")         # 1. Ja, graag: updates
    filed = whatsapp_says(stack, twilio_standin, resident, "ja")
    return CASE_NUMBER.search(" ".join(filed)).group(0)


@pytest.fixture(scope="module")
def whatsapp_report(signalen_stack, twilio_standin, signalen) -> Dict[str, Any]:
    resident = "whatsapp:" + new_number()
    case_number = filed_on_whatsapp(signalen_stack, twilio_standin, resident)
    return {"resident": resident, "case_number": case_number,
            **signal_of(signalen, case_number)}


def test_a_pin_reported_on_whatsapp_reaches_signalen_with_the_registers_address(
        whatsapp_report, pdok_standin):
    nearest = LocatieserverClient(pdok_standin.url, "Lindendal").reverse(*PIN)[0]
    location = whatsapp_report["location"]
    assert location["geometrie"]["coordinates"] == [PIN[1], PIN[0]], "the pin's own point"
    assert location["address"]["openbare_ruimte"] == nearest.street == "Kerkstraat"
    assert location["address"]["huisnummer"] == nearest.house_number
    assert location["address"]["postcode"] == nearest.postcode
    assert location["address"]["woonplaats"] == nearest.woonplaats
    assert pdok_standin.address_exists(location["address"]), "Signalen's check passed"
    assert whatsapp_report["reporter"]["phone"] == whatsapp_report["resident"].split(":")[1]


def test_a_status_polled_from_signalen_reaches_whatsapp(whatsapp_report, signalen,
                                                       twilio_standin):
    signalen.set_state(whatsapp_report["signal_id"], "b", "We gaan ermee aan de slag")
    assert news(twilio_standin, whatsapp_report["resident"], whatsapp_report["case_number"],
                "bezig")


def test_signalen_asks_no_reaction_of_a_reporter_without_email(whatsapp_report, signalen):
    with pytest.raises(ValueError, match="No email address known"):
        signalen.set_state(whatsapp_report["signal_id"], "reaction requested", "Welke paal?")


def test_reactie_gevraagd_round_trips_through_the_chat(signalen_stack, signalen, db_url):
    sender = f"web-reaction-{secrets.token_hex(4)}"
    start = time.time()
    webchat(signalen_stack, sender, "de straatlamp brandt niet bij Kerkstraat 7")
    webchat(signalen_stack, sender, "ja graag")
    webchat(signalen_stack, sender, "inwoner@voorbeeld.nl")
    filed = webchat(signalen_stack, sender, "ja")
    case_number = CASE_NUMBER.search(" ".join(filed)).group(0)
    signal = signal_of(signalen, case_number)
    assert signal["location"]["address"]["openbare_ruimte"] == "Kerkstraat"

    signalen.set_state(signal["signal_id"], "reaction requested", "Brandt de lamp ook overdag?")
    question = wait_for(lambda: [u for u in webchat_updates(signalen_stack, sender, start)
                                 if "Brandt de lamp ook overdag?" in u], timeout=DELIVERY)
    assert case_number in question[0]
    thanks = webchat(signalen_stack, sender, "Ja, ook overdag, al een week")
    assert "doorgegeven" in " ".join(thanks)
    wait_for(lambda: ("reaction received", "Ja, ook overdag, al een week")
             in signalen.history.get(signal["signal_id"], []), timeout=DELIVERY)
    with reports_db.session(db_url) as db:
        report = db.query(Report).filter_by(sender_id=conversation_id(sender)).one()
        assert report.case_number == case_number and report.signalen_question is None


def webchat_updates(stack: Stack, sender: str, after: float) -> List[str]:
    import json
    import urllib.request

    url = f"{stack.url}/webhooks/webchat/updates?sender={sender}&after={after}"
    with urllib.request.urlopen(url, timeout=10) as answer:
        return [update.get("text", "") for update in json.load(answer)]


def test_the_kto_answer_arrives_in_signalen_and_asks_to_reopen(whatsapp_report, signalen,
                                                               signalen_stack, twilio_standin):
    resident, case_number = whatsapp_report["resident"], whatsapp_report["case_number"]
    signalen.set_state(whatsapp_report["signal_id"], "o", "De lamp is vervangen")
    asked = news(twilio_standin, resident, "tevreden", case_number)
    assert "1. Ja" in asked and "2. Nee" in asked
    answer = whatsapp_says(signalen_stack, twilio_standin, resident,
                      "Nee, hij brandt nog steeds niet")
    assert "opnieuw" in " ".join(answer)
    signal_id = whatsapp_report["signal_id"]
    wait_for(lambda: signalen.records[signal_id]["state"] == "reopen requested",
             timeout=DELIVERY)
    note = signalen.notes[signal_id][-1]
    assert "niet tevreden" in note and "Nee, hij brandt nog steeds niet" in note
