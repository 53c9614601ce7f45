"""Channels end to end (issue 15, "Measured"): the whole running stack (webhooks, NLU,
dialogue, action server, outbox worker, console) with Messenger, Twilio's status
callbacks and the delivery fallback switched on, against the Meta, Twilio, Telegram and
Signalen stand-ins.

- a Messenger resident files a report with a photo and a location: signed webhooks into
  the stack, answers through the Graph API stand-in, the report stored with its point
  and photo, and the photo reaches Signalen;
- a webcare reply on Monday to a Friday WhatsApp conversation goes out as the approved
  template, and as free text once the resident answers;
- on Messenger the same reply goes with Meta's HUMAN_AGENT tag (the Page has that
  permission here), and a reply more than 7 days on waits for the resident's next message;
- a status update that WhatsApp cannot deliver (Twilio's `undelivered` callback, error
  30003, signed and posted to the stack's status URL) shows in the console, on the list
  of failed deliveries and on the conversation page (both checked with axe-core when
  Debian's Chromium is there), and goes out by SMS to the same number because the
  resident asked for updates.

Its own stack (module scope): the shared one has no Messenger, no public status URL and
no fallback. Needs the trained model (the `trained_model` fixture marks it `stack`).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import secrets
import shutil
from pathlib import Path
from typing import Any, Dict, List

import pytest

from bot.reports import db as reports_db
from bot.reports.models import Report, utcnow
from bot.reports.status import change_status
from bot.serve import Stack
from bot.settings import ROOT
from bot import channel_store as store
from console.auth import create_user
from tests.channel_helpers import post, wait_for, whatsapp_says
from tests.console_client import ConsoleUser, conversation_path
from tests.conftest import STAFF_PASSWORD, WHATSAPP_TEMPLATES, channel_env
from tests.services import embedded_endpoints, free_port
from tests.standins.meta import MetaStandIn, image, location, message_event, notification, sign
from tests.test_whatsapp_sms import new_number

pytestmark = pytest.mark.stack

PAGE_TOKEN = "EAAe2e" + "y" * 40
APP_SECRET = "e2e-app-secret-0123456789"
CASE_NUMBER = re.compile(r"M-\d{4}-\d{6}")
DELIVERY = 60


@pytest.fixture(scope="module")
def meta():
    standin = MetaStandIn(PAGE_TOKEN, APP_SECRET).start()
    yield standin
    standin.stop()


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('channels-e2e') / 'reports.db'}"


@pytest.fixture(scope="module")
def channels_stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory, meta,
                   signalen_standin, twilio_standin, telegram_standin, db_url: str):
    workdir = tmp_path_factory.mktemp("channels-stack")
    action_port, rasa_port = free_port(), free_port()
    tone_file = workdir / "tone_of_voice.yml"
    tone_file.write_text((ROOT / "tone_of_voice.yml").read_text(encoding="utf-8"),
                         encoding="utf-8")
    running = Stack(rasa_port=rasa_port, action_port=action_port,
                    endpoints=embedded_endpoints(workdir, action_port),
                    console_port=free_port(), token=secrets.token_hex(16),
                    log_dir=workdir / "logs",
                    env={"GA_DATABASE_URL": db_url, "SIGNALEN_URL": signalen_standin.url,
                         "GA_OUTBOX_INTERVAL": "1", "GA_OUTBOX_FIRST_RETRY": "2",
                         "GA_TONE_FILE": str(tone_file), "GA_ACTION_TIMEOUT": "5",
                         **channel_env(twilio_standin.url, telegram_standin.url),
                         # Twilio calls back the stack itself, as it would the public address.
                         "TWILIO_PUBLIC_URL": f"http://127.0.0.1:{rasa_port}",
                         "GA_DELIVERY_FALLBACK": "whatsapp=sms,telegram=sms,messenger=sms",
                         "MESSENGER_API_URL": meta.url,
                         "MESSENGER_PAGE_ACCESS_TOKEN": PAGE_TOKEN,
                         "MESSENGER_APP_SECRET": APP_SECRET,
                         "MESSENGER_VERIFY_TOKEN": "e2e-verify",
                         "MESSENGER_HUMAN_AGENT": "1"})
    running.start(trained_model)
    create_user("storing", "Storing", "ST", "agent", STAFF_PASSWORD, url=db_url)
    yield running
    running.stop()


def messenger_says(stack: Stack, meta: MetaStandIn, psid: str, **message: Any) -> List[str]:
    """One signed notification with one message event; the texts the bot sent back."""
    before = len(meta.texts_to(psid))
    meta.resident_wrote(psid)
    body = json.dumps(notification(message_event(psid, **message))).encode()
    status, answer = post(f"{stack.url}/webhooks/messenger/webhook", body,
                          {"Content-Type": "application/json",
                           "X-Hub-Signature-256": sign(body, APP_SECRET)})
    assert status == 200, answer
    return wait_for(lambda: meta.texts_to(psid)[before:], timeout=DELIVERY)


def quick_reply_payloads(meta: MetaStandIn, psid: str) -> List[str]:
    last = meta.sent_to(psid)[-1]["message"]
    return [reply["payload"] for reply in last.get("quick_replies", [])]


def report_of(db_url: str, case_number: str) -> Report:
    with reports_db.session(db_url) as db:
        report = db.query(Report).filter_by(case_number=case_number).one()
        db.expunge(report)
        return report


def test_a_messenger_resident_files_a_report_with_a_photo_and_a_location(
        channels_stack, meta, signalen_standin, db_url):
    psid = "7" + str(secrets.randbelow(10 ** 14)).zfill(14)
    asked = messenger_says(channels_stack, meta, psid,
                           text="De stoeptegel ligt los bij mij voor de deur")
    assert "Waar is het?" in asked[-1]
    asked = messenger_says(channels_stack, meta, psid,
                           attachments=[location(52.0912, 5.1187, "Mijn locatie")])
    assert "foto" in asked[-1].lower()
    photo_url = meta.media_url("tegel.jpg")
    asked = messenger_says(channels_stack, meta, psid, attachments=[image(photo_url)])
    assert "/affirm" in quick_reply_payloads(meta, psid), "updates? asked with quick replies"
    summary = messenger_says(channels_stack, meta, psid, text="Nee, dat hoeft niet",
                             quick_reply="/deny")
    assert "Klopt dit?" in summary[-1]
    filed = messenger_says(channels_stack, meta, psid, text="Ja", quick_reply="/affirm")
    case_number = CASE_NUMBER.search(" ".join(filed)).group(0)

    report = report_of(db_url, case_number)
    assert (report.channel, report.sender_id) == ("messenger", f"messenger:{psid}")
    assert (report.latitude, report.longitude) == (52.0912, 5.1187)
    assert report.photo_url == photo_url
    signal = wait_for(lambda: next((s for s in signalen_standin.signals.values()
                                    if case_number in s["text"]), None), timeout=DELIVERY)
    assert signal["location"]["geometrie"]["coordinates"] == [5.1187, 52.0912]
    signal_id = next(k for k, v in signalen_standin.signals.items() if v is signal)
    assert wait_for(lambda: signalen_standin.attachments.get(signal_id), timeout=DELIVERY)
    assert all(m["messaging_type"] == "RESPONSE" for m in meta.sent_to(psid))



@pytest.fixture(scope="module")
def failed_update(channels_stack, twilio_standin, db_url) -> Dict[str, str]:
    """A WhatsApp resident who asked for updates; the status update is undelivered."""
    number = new_number()
    resident = f"whatsapp:{number}"
    whatsapp_says(channels_stack, twilio_standin, resident,
                  "De straatlamp bij Julianastraat 9 doet het al dagen niet")
    whatsapp_says(channels_stack, twilio_standin, resident, "nee, geen foto")
    whatsapp_says(channels_stack, twilio_standin, resident, "ja graag")
    filed = whatsapp_says(channels_stack, twilio_standin, resident, "klopt")
    case_number = CASE_NUMBER.search(" ".join(filed)).group(0)
    assert report_of(db_url, case_number).wants_updates

    twilio_standin.undeliverable.add(resident)  # the phone is off from now on
    change_status(case_number, "afgehandeld", url=db_url)
    return {"resident": resident, "number": number, "case_number": case_number}


def test_a_failed_status_update_falls_back_to_sms_and_shows_in_the_console(
        channels_stack, twilio_standin, failed_update, db_url):
    resident, number = failed_update["resident"], failed_update["number"]
    case_number = failed_update["case_number"]
    [sms] = wait_for(lambda: [b for b in twilio_standin.bodies_to(number) if case_number in b],
                     timeout=DELIVERY)
    assert "opgelost" in sms
    # The stand-in notes a callback once the stack answered it (after the SMS went out).
    callbacks = wait_for(lambda: [c for c in twilio_standin.callbacks
                                  if c["params"]["To"] == resident
                                  and c["params"]["MessageStatus"] == "undelivered"],
                         timeout=DELIVERY)
    assert all(c["answer"] == 200 for c in callbacks), \
        "Twilio's signed callback reached the stack's status URL"
    [failed] = [f for f in store.failed_deliveries(url=db_url) if f["recipient"] == resident]
    assert (failed["error_code"], failed["fallback"]) == (30003, "sms")

    agent = ConsoleUser(channels_stack.console_url, "storing", STAFF_PASSWORD)
    status, html = agent.get("/console/deliveries")
    assert status == 200 and case_number in html
    assert "niet bereikbaar" in html and "foutcode 30003" in html
    assert "als sms gestuurd" in html
    status, html = agent.get(conversation_path(resident))
    assert status == 200 and "Niet aangekomen berichten" in html and "foutcode 30003" in html


@pytest.mark.skipif(not shutil.which("chromium"), reason="needs Debian's Chromium (make browser)")
def test_the_failed_delivery_pages_meet_wcag(channels_stack, failed_update, db_url):
    from playwright.sync_api import sync_playwright

    from tests.test_console_browser import CHROMIUM, CHROMIUM_ARGS, assert_accessible, local

    wait_for(lambda: store.failed_deliveries(url=db_url), timeout=DELIVERY)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                             headless=True)
        try:
            page = browser.new_context().new_page()
            page.goto(local(f"{channels_stack.console_url}/console/login"))
            page.fill("#username", "storing")
            page.fill("#password", STAFF_PASSWORD)
            page.click("main button[type=submit]")
            page.goto(local(f"{channels_stack.console_url}/console/deliveries"))
            assert "foutcode 30003" in page.content()
            assert_accessible(page)
            page.goto(local(channels_stack.console_url
                            + conversation_path(failed_update["resident"])))
            assert "Niet aangekomen berichten" in page.content()
            assert_accessible(page)
        finally:
            browser.close()


def test_a_webcare_reply_on_monday_to_a_friday_conversation_reaches_whatsapp_as_a_template(
        channels_stack, twilio_standin, db_url):
    """Friday 12:30 to Monday 08:30 is 68 hours: the colleague's reply waits behind the
    approved staff_reply template and goes out as free text when the resident answers."""
    resident = f"whatsapp:{new_number()}"
    assert "collega" in " ".join(whatsapp_says(channels_stack, twilio_standin, resident,
                                               "Ik wil graag een mens spreken"))
    friday = utcnow() - dt.timedelta(hours=68)
    store.record_inbound("whatsapp", resident, now=friday, url=db_url)
    twilio_standin.resident_wrote(resident, friday.replace(tzinfo=dt.timezone.utc))
    agent = ConsoleUser(channels_stack.console_url, "storing", STAFF_PASSWORD)
    assert agent.post(conversation_path(resident, "take"))[0] == 303
    assert agent.post(conversation_path(resident, "reply"),
                      text="Goedemorgen, de container wordt morgen geleegd.")[0] == 303
    [template] = wait_for(lambda: twilio_standin.templates_to(resident), timeout=DELIVERY)
    assert template["ContentSid"] == WHATSAPP_TEMPLATES["STAFF_REPLY"]
    assert not [b for b in twilio_standin.bodies_to(resident) if "^ST" in b]

    whatsapp_says(channels_stack, twilio_standin, resident, "Ik ben er weer")
    reply = wait_for(lambda: [b for b in twilio_standin.delivered_to(resident) if "^ST" in b],
                     timeout=DELIVERY)
    assert "container wordt morgen geleegd" in reply[0]


def test_a_webcare_reply_after_the_messenger_window_goes_tagged_and_after_7_days_waits(
        channels_stack, meta, db_url):
    """Meta's stand-in refuses untagged messages after 24 hours and HUMAN_AGENT after 7 days."""
    psid = str(secrets.randbelow(10 ** 15) + 10 ** 15)
    resident = f"messenger:{psid}"
    assert "collega" in " ".join(messenger_says(channels_stack, meta, psid,
                                                text="Ik wil graag een mens spreken"))
    friday = utcnow() - dt.timedelta(hours=68)
    store.record_inbound("messenger", resident, now=friday, url=db_url)
    meta.resident_wrote(psid, friday.replace(tzinfo=dt.timezone.utc))
    agent = ConsoleUser(channels_stack.console_url, "storing", STAFF_PASSWORD)
    assert agent.post(conversation_path(resident, "take"))[0] == 303
    assert agent.post(conversation_path(resident, "reply"),
                      text="Goedemorgen, de container wordt morgen geleegd.")[0] == 303
    [tagged] = wait_for(lambda: [m for m in meta.sent_to(psid)
                                 if "container wordt morgen" in m["message"].get("text", "")],
                        timeout=DELIVERY)
    assert (tagged["messaging_type"], tagged["tag"]) == ("MESSAGE_TAG", "HUMAN_AGENT")

    last_week = utcnow() - dt.timedelta(days=8)
    store.record_inbound("messenger", resident, now=last_week, url=db_url)
    meta.resident_wrote(psid, last_week.replace(tzinfo=dt.timezone.utc))
    assert agent.post(conversation_path(resident, "reply"),
                      text="Is de container inmiddels geleegd?")[0] == 303
    with pytest.raises(AssertionError):  # held: nothing may reach Meta before the resident writes
        wait_for(lambda: [t for t in meta.texts_to(psid) if "inmiddels geleegd" in t], timeout=5)
    meta.resident_wrote(psid)
    body = json.dumps(notification(message_event(psid, text="Ja hoor, dank u"))).encode()
    assert post(f"{channels_stack.url}/webhooks/messenger/webhook", body,
                {"Content-Type": "application/json",
                 "X-Hub-Signature-256": sign(body, APP_SECRET)})[0] == 200
    [released] = wait_for(lambda: [m for m in meta.sent_to(psid)
                                   if "inmiddels geleegd" in m["message"].get("text", "")],
                          timeout=DELIVERY)
    assert released["messaging_type"] == "RESPONSE" and "tag" not in released
