"""WhatsApp's 24-hour window, templates, Twilio's status callbacks and the fast webhook
answer, in-process: the WhatsApp connector's routes, the outbox and the Twilio stand-in
(no model, no running stack)."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import time
from typing import Any, Dict, List

import pytest

from bot.integrations import DeliveryError
from bot.reports.models import utcnow
from bot.reports.outbox import deliver_due
from bot import channel_store as store
from channels.delivery import send
from channels.whatsapp import WhatsAppInput
from tests.channel_app import ChannelApp, use_database, use_twilio
from tests.channel_helpers import twilio_params, wait_for
from tests.conftest import (TWILIO_SID, TWILIO_TOKEN, TWILIO_WHATSAPP_FROM,
                            WHATSAPP_TEMPLATES)
from tests.standins.base import StandIn, StandInHandler
from tests.standins.twilio import TwilioStandIn

RESIDENT = "whatsapp:+31612340001"
SIDS = WHATSAPP_TEMPLATES
STATUS_TEXT = "Uw melding M-2026-000123 is opgelost."


class SinkHandler(StandInHandler):
    def do_POST(self) -> None:
        self.standin.received.append({"path": self.path, "body": self.body(),
                                      "headers": dict(self.headers)})
        self.send(200, {"ok": True})


class CallbackSink(StandIn):
    """The public address Twilio calls back: keeps the callbacks for the test to pass on."""

    handler = SinkHandler

    def __init__(self) -> None:
        self.received: List[Dict[str, Any]] = []
        super().__init__()


@pytest.fixture
def twilio(monkeypatch, tmp_path):
    standin = TwilioStandIn(TWILIO_SID, TWILIO_TOKEN).start()
    sink = CallbackSink().start()
    use_database(monkeypatch, f"sqlite:///{tmp_path / 'reports.db'}")
    use_twilio(monkeypatch, standin, public_url=sink.url)
    for name, sid in SIDS.items():
        monkeypatch.setenv(f"TWILIO_TEMPLATE_{name}", sid)
        standin.approve_template(sid, ["1", "2"] if name == "STATUS_UPDATE" else ["1"])
    standin.sink = sink
    yield standin
    sink.stop()
    standin.stop()


def resident_wrote(standin: TwilioStandIn, hours_ago: float) -> None:
    """The resident's last message, as Twilio and the bot both saw it."""
    at = utcnow() - dt.timedelta(hours=hours_ago)
    standin.resident_wrote(RESIDENT, at.replace(tzinfo=dt.timezone.utc))
    store.record_inbound("whatsapp", RESIDENT, now=at)


def queue(text: str, about: str = "") -> List[int]:
    return store.queue_messages("whatsapp", RESIDENT, [{"text": text, "about": about}])


async def pass_on_callbacks(app: ChannelApp, sink: CallbackSink) -> List[int]:
    """Hand what Twilio sent to the public address to the connector, signature and all."""
    arrived = list(sink.received)  # those that come while we answer wait for the next call
    del sink.received[:len(arrived)]
    return await post_callbacks(app, arrived)


async def post_callbacks(app: ChannelApp, callbacks: List[dict]) -> List[int]:
    """Post these callbacks to the connector as Twilio posted them."""
    statuses = []
    for callback in callbacks:
        answer = await app.client.post(callback["path"], content=callback["body"], headers={
            "Content-Type": callback["headers"]["Content-Type"],
            "X-Twilio-Signature": callback["headers"]["X-Twilio-Signature"]})
        statuses.append(answer.status_code)
    return statuses


async def no_turn(message) -> None:
    message.output_channel.answered = True


def test_the_window_opens_with_each_message_and_closes_after_24_hours(twilio):
    now = utcnow()
    assert not store.window_open("whatsapp", RESIDENT, now=now), "never wrote: closed"
    store.record_inbound("whatsapp", RESIDENT, now=now - dt.timedelta(hours=23, minutes=59))
    assert store.window_open("whatsapp", RESIDENT, now=now)
    assert not store.window_open("whatsapp", RESIDENT, now=now + dt.timedelta(minutes=2))
    store.record_inbound("whatsapp", RESIDENT, now=now)
    assert store.window_open("whatsapp", RESIDENT, now=now + dt.timedelta(hours=20))
    store.close_window("whatsapp", RESIDENT, now=now + dt.timedelta(minutes=1))
    assert not store.window_open("whatsapp", RESIDENT, now=now + dt.timedelta(minutes=2)), \
        "Twilio's 63016 closes it whatever our clock says"


def test_inside_the_window_free_text_goes_out_with_a_status_callback(twilio):
    resident_wrote(twilio, hours_ago=1)
    send("whatsapp", RESIDENT, {"text": "Het gemeentehuis is open tot 17.00 uur."})
    sent = twilio.sent[-1]
    assert sent["Body"].startswith("Het gemeentehuis") and "ContentSid" not in sent
    assert sent["From"] == TWILIO_WHATSAPP_FROM
    assert sent["StatusCallback"] == f"{twilio.sink.url}/webhooks/whatsapp/status"
    wait_for(lambda: len(twilio.sink.received) == 3, timeout=5)  # sent, delivered, read

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), no_turn) as app:
            assert await pass_on_callbacks(app, twilio.sink) == [200, 200, 200]

    asyncio.run(run())
    assert store.failed_deliveries() == []


def test_a_status_update_25_hours_later_goes_as_a_template_and_the_reply_releases_it(twilio):
    resident_wrote(twilio, hours_ago=25)
    ids = queue(STATUS_TEXT, about="utter_report_status_afgehandeld")
    assert deliver_due(item_ids=ids) == 0, "held, not given up"
    assert twilio.bodies_to(RESIDENT) == []
    [template] = twilio.templates_to(RESIDENT)
    assert template["ContentSid"] == SIDS["STATUS_UPDATE"] and "Body" not in template
    variables = json.loads(template["ContentVariables"])
    assert variables["1"] == "M-2026-000123" and variables["2"]
    later = utcnow() + dt.timedelta(hours=2)
    later_ids = queue("Een medewerker heeft gereageerd.", about="staff_reply")
    assert deliver_due(now=later) == 0
    assert len(twilio.templates_to(RESIDENT)) == 1, "one invitation until the resident writes"
    assert store.failed_deliveries() == []

    [message] = resident_writes(twilio, "Wat is er?")
    bodies = twilio.bodies_to(RESIDENT)
    assert bodies[:2] == [STATUS_TEXT, "Een medewerker heeft gereageerd."], \
        "the held messages first, in order, as free text"
    assert any("Graag gedaan" in body for body in bodies[2:])
    assert later_ids and wait_for(lambda: twilio.delivered_to(RESIDENT) == bodies, timeout=5)
    assert message.metadata[store.RELEASED_HELD] == [
        "utter_report_status_afgehandeld", "staff_reply"], "which messages it released"


def resident_writes(standin: TwilioStandIn, text: str) -> List[Any]:
    """The resident writes now; the messages the bot got (each answered with one line)."""
    received: List[Any] = []

    async def resident_answers(message) -> None:
        received.append(message)
        await message.output_channel.send_response(message.sender_id, {"text": "Graag gedaan."})

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), resident_answers) as app:
            standin.resident_wrote(RESIDENT)
            answer = await app.post_twilio("/webhooks/whatsapp/webhook",
                                           twilio_params(RESIDENT, text))
            assert answer.status_code == 200 and "<Response>" in answer.text

    asyncio.run(run())
    return received


def test_a_question_asked_inside_the_window_is_not_among_what_the_reply_releases(twilio):
    """The municipality's question went out inside the window, a status update was held
    after it: the resident's reply to the template names only the status update as
    released, so it is the answer to the question (actions.report_answers)."""
    resident_wrote(twilio, hours_ago=1)
    assert deliver_due(item_ids=queue("Vraag over M-2026-000123: welk paalnummer?",
                                      about="utter_report_reaction_question")) == 1
    resident_wrote(twilio, hours_ago=25)
    assert deliver_due(item_ids=queue(STATUS_TEXT,
                                      about="utter_report_status_in_behandeling")) == 0
    assert len(twilio.templates_to(RESIDENT)) == 1
    [message] = resident_writes(twilio, "Paal 12, bij de bakker")
    assert twilio.bodies_to(RESIDENT)[1] == STATUS_TEXT, "released before the answer"
    assert message.metadata[store.RELEASED_HELD] == ["utter_report_status_in_behandeling"]


def test_a_webcare_reply_on_monday_to_a_friday_conversation_is_a_template(twilio):
    resident_wrote(twilio, hours_ago=68)  # Friday 12:30 to Monday 08:30
    deliver_due(item_ids=queue("Beste bewoner, de container wordt morgen geleegd. ^AB",
                               about="staff_reply"))
    [template] = twilio.templates_to(RESIDENT)
    assert template["ContentSid"] == SIDS["STAFF_REPLY"]
    assert twilio.bodies_to(RESIDENT) == []


def test_a_63016_from_twilio_puts_the_message_back_behind_a_template(twilio):
    """Our clock thinks the window is open, Twilio knows better (asynchronous 63016)."""
    twilio.resident_wrote(RESIDENT, dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=30))
    store.record_inbound("whatsapp", RESIDENT)
    ids = queue("Wanneer komt u langs?")
    assert deliver_due(item_ids=ids) == 1, "Twilio took it (201)"
    wait_for(lambda: twilio.sink.received, timeout=5)

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), no_turn) as app:
            assert await pass_on_callbacks(app, twilio.sink) == [200]

    asyncio.run(run())
    [failed] = store.failed_deliveries()
    assert failed["error_code"] == 63016 and failed["recipient"] == RESIDENT
    [template] = twilio.templates_to(RESIDENT)
    assert template["ContentSid"] == SIDS["REPLY_WAITING"]
    assert not store.window_open("whatsapp", RESIDENT)


def test_status_callbacks_are_signed_and_failures_are_recorded_and_logged(twilio, caplog):
    resident_wrote(twilio, hours_ago=1)
    twilio.undeliverable.add(RESIDENT)
    deliver_due(item_ids=queue("Dank u voor uw melding."))
    wait_for(lambda: len(twilio.sink.received) == 2, timeout=5)  # sent, undelivered

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), no_turn) as app:
            forged = dict(twilio.sink.received[-1])
            forged["headers"] = {**forged["headers"], "X-Twilio-Signature": "Zm9yZ2Vk"}
            twilio.sink.received.append(forged)
            with caplog.at_level(logging.ERROR):
                assert await pass_on_callbacks(app, twilio.sink) == [200, 200, 403]

    asyncio.run(run())
    [failed] = store.failed_deliveries()
    assert (failed["status"], failed["error_code"]) == ("undelivered", 30003)
    assert "undelivered" in caplog.text and "30003" in caplog.text


def test_refusals_that_cannot_get_better_are_permanent(twilio):
    resident_wrote(twilio, hours_ago=1)
    with pytest.raises(DeliveryError) as invalid:
        send("sms", "+3112", {"text": "hallo"})
    assert not invalid.value.retry and "21211" in str(invalid.value)
    twilio.unsubscribed.add("+31612340002")
    with pytest.raises(DeliveryError) as unsubscribed:
        send("sms", "+31612340002", {"text": "hallo"})
    assert not unsubscribed.value.retry and "21610" in str(unsubscribed.value)
    assert store.is_opted_out("sms", "+31612340002"), "STOP sent to Twilio counts as ours"


def test_a_template_twilio_refuses_is_an_error_and_the_message_waits(twilio, caplog):
    twilio.templates.clear()  # the SIDs in the settings are not (or no longer) approved
    resident_wrote(twilio, hours_ago=30)
    with caplog.at_level(logging.ERROR), pytest.raises(DeliveryError) as held:
        send("whatsapp", RESIDENT, {"text": "Een medewerker heeft gereageerd.",
                                    "about": "staff_reply"})
    assert held.value.retry, "a configuration error never drops the message"
    assert "staff_reply" in caplog.text and "21655" in caplog.text


def test_a_missing_template_is_a_clear_error_and_the_message_waits(twilio, monkeypatch,
                                                                   caplog):
    for name in SIDS:
        monkeypatch.delenv(f"TWILIO_TEMPLATE_{name}")
    resident_wrote(twilio, hours_ago=30)
    with caplog.at_level(logging.ERROR), pytest.raises(DeliveryError) as held:
        send("whatsapp", RESIDENT, {"text": STATUS_TEXT, "about": "utter_report_status_x"})
    assert held.value.retry
    assert "TWILIO_TEMPLATE_STATUS_UPDATE" in caplog.text
    assert twilio.sent == []


def test_the_webhook_answers_before_a_slow_turn_and_drops_twilios_retry(twilio):
    turns = []

    async def slow_turn(message) -> None:
        await asyncio.sleep(1.5)
        turns.append(message.text)
        message.output_channel.answered = True

    async def run() -> None:
        channel = WhatsAppInput()
        channel.answer_within = 0.2
        async with ChannelApp(channel, slow_turn) as app:
            params = twilio_params(RESIDENT, "Mijn container is niet geleegd")
            started = time.monotonic()
            answer = await app.post_twilio("/webhooks/whatsapp/webhook", params)
            assert time.monotonic() - started < 1.0, "Twilio is answered before the turn ends"
            assert answer.status_code == 200 and "<Response></Response>" in answer.text
            retry = await app.post_twilio("/webhooks/whatsapp/webhook", params)
            assert retry.status_code == 200
            await asyncio.sleep(2.0)

    asyncio.run(run())
    assert turns == ["Mijn container is niet geleegd"], "processed once, in the background"


def test_a_whatsapp_number_is_forgotten_30_days_after_its_last_message(twilio):
    from bot.reports import db
    from bot.channel_models import ChannelContact

    now = utcnow()
    store.mark_template_sent("whatsapp", "whatsapp:+31600000001", now=now - dt.timedelta(days=40))
    store.record_inbound("whatsapp", "whatsapp:+31600000002", now=now - dt.timedelta(days=31))
    store.record_inbound("whatsapp", RESIDENT, now=now)
    with db.session() as session:
        assert [c.recipient for c in session.query(ChannelContact)] == [RESIDENT]
