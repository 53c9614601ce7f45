"""Facebook Messenger in-process: the connector's routes in a bare Sanic app, the outbox
on a temporary SQLite file and Meta's Send API stand-in (no model, no running stack)."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
from typing import Any, Dict, List, Optional

import pytest

from bot.integrations import DeliveryError
from bot.reports import db
from bot.reports.models import NEVER, OutboxItem, utcnow
from bot.reports.outbox import deliver_due
from bot import channel_store as store
from channels import delivery
from channels.delivery import send
from channels.messenger import MessengerInput, conversation_id
from channels.rest import TokenRestInput
from channels.webchat import WebChatInput
from tests.channel_app import ChannelApp, use_database
from tests.standins.meta import (MetaStandIn, delivery_event, echo_event, image, location,
                                 message_event, notification, postback_event, read_event,
                                 sign)

PAGE_TOKEN = "EAAtest" + "x" * 40
APP_SECRET = "app-secret-0123456789"
VERIFY_TOKEN = "verify-me-please"
PSID = "6543210987654321"
RESIDENT = conversation_id(PSID)
STATUS_TEXT = "Uw melding M-2026-000123 is opgelost."


@pytest.fixture
def meta(monkeypatch, tmp_path):
    standin = MetaStandIn(PAGE_TOKEN, APP_SECRET).start()
    use_database(monkeypatch, f"sqlite:///{tmp_path / 'reports.db'}")
    monkeypatch.setenv("MESSENGER_API_URL", standin.url)
    monkeypatch.setenv("MESSENGER_PAGE_ACCESS_TOKEN", PAGE_TOKEN)
    monkeypatch.setenv("MESSENGER_APP_SECRET", APP_SECRET)
    monkeypatch.setenv("MESSENGER_VERIFY_TOKEN", VERIFY_TOKEN)
    monkeypatch.delenv("MESSENGER_STATUS_TAG", raising=False)
    monkeypatch.delenv("MESSENGER_HUMAN_AGENT", raising=False)
    monkeypatch.setattr(delivery, "CHANNEL_TIMEOUT", 2.0)
    yield standin
    standin.stop()


def recorder(reply: Optional[Dict[str, Any]] = None) -> tuple:
    """An on_new_message that keeps the messages and answers each with one line."""
    received: List[Any] = []

    async def on_new_message(message) -> None:
        received.append(message)
        await message.output_channel.send_response(
            message.sender_id, reply or {"text": "Dank u, ik kijk ernaar."})

    return received, on_new_message


async def post_signed(app: ChannelApp, payload: Any, secret: str = APP_SECRET,
                      signature: Optional[str] = None, raw: Optional[bytes] = None):
    body = raw if raw is not None else json.dumps(payload).encode()
    headers = {"Content-Type": "application/json"}
    signature = sign(body, secret) if signature is None else signature
    if signature:
        headers["X-Hub-Signature-256"] = signature
    return await app.client.post("/webhooks/messenger/webhook", content=body, headers=headers)


def resident_wrote(standin: MetaStandIn, hours_ago: float, psid: str = PSID) -> None:
    """The resident's last message, as Meta and the bot both saw it."""
    at = utcnow() - dt.timedelta(hours=hours_ago)
    standin.resident_wrote(psid, at.replace(tzinfo=dt.timezone.utc))
    store.record_inbound("messenger", conversation_id(psid), now=at)


def queue(text: str, about: str = "", buttons: Optional[list] = None) -> List[int]:
    part: Dict[str, Any] = {"text": text, "about": about}
    if buttons:
        part["buttons"] = buttons
    return store.queue_messages("messenger", RESIDENT, [part])


def outbox_item(item_id: int) -> OutboxItem:
    with db.session() as session:
        item = session.get(OutboxItem, item_id)
        session.expunge(item)
        return item


# The webhook ------------------------------------------------------------------------

def test_the_verification_handshake(meta):
    async def run() -> None:
        async with ChannelApp(MessengerInput(), recorder()[1]) as app:
            good = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN,
                    "hub.challenge": "1158201444"}
            answer = await app.client.get("/webhooks/messenger/webhook", params=good)
            assert answer.status_code == 200 and answer.text == "1158201444"
            for wrong in ({"hub.verify_token": "guess"}, {"hub.mode": "unsubscribe"},
                          {"hub.verify_token": ""}):
                answer = await app.client.get("/webhooks/messenger/webhook",
                                              params={**good, **wrong})
                assert answer.status_code == 403, wrong
            odd = {**good, "hub.challenge": "<script>"}
            assert (await app.client.get("/webhooks/messenger/webhook",
                                         params=odd)).status_code == 400
            assert (await app.client.get("/webhooks/messenger/")).json() == {"status": "ok"}

    asyncio.run(run())


def test_without_settings_the_channel_answers_503(meta, monkeypatch):
    monkeypatch.delenv("MESSENGER_APP_SECRET")

    async def run() -> None:
        async with ChannelApp(MessengerInput(), recorder()[1]) as app:
            answer = await post_signed(app, notification(message_event(PSID, "hallo")))
            assert answer.status_code == 503
            assert (await app.client.get("/webhooks/messenger/")).json() == {
                "status": "not_configured"}

    asyncio.run(run())


def test_a_missing_or_wrong_signature_is_refused_and_nothing_is_processed(meta):
    received, on_new_message = recorder()
    payload = notification(message_event(PSID, "hallo"))
    body = json.dumps(payload).encode()

    async def run() -> None:
        async with ChannelApp(MessengerInput(), on_new_message) as app:
            assert (await post_signed(app, payload, signature="")).status_code == 403
            assert (await post_signed(app, payload, secret="other")).status_code == 403
            assert (await post_signed(app, payload, signature="sha256=" + "0" * 64)
                    ).status_code == 403
            assert (await post_signed(app, payload, signature=sign(body, APP_SECRET)[7:])
                    ).status_code == 403, "the sha256= prefix is part of the header"
            changed = body.replace(b"hallo", b"hallO")
            assert (await post_signed(app, None, raw=changed,
                                      signature=sign(body, APP_SECRET))).status_code == 403
            sha1 = {"Content-Type": "application/json", "X-Hub-Signature": "sha1=abc"}
            assert (await app.client.post("/webhooks/messenger/webhook", content=body,
                                          headers=sha1)).status_code == 403
            assert (await post_signed(app, None, raw=b"{not json")).status_code == 400
            assert (await post_signed(app, {"object": "instagram", "entry": []})
                    ).status_code == 400
            assert (await post_signed(app, None, raw=b"x" * (1024 * 1024))).status_code == 413

    asyncio.run(run())
    assert received == [] and meta.sent == []


def test_a_message_becomes_a_user_message_and_the_reply_goes_through_the_outbox(meta):
    received, on_new_message = recorder()
    meta.resident_wrote(PSID)
    event = message_event(PSID, "De lantaarnpaal in de Kerkstraat is kapot \ud800")

    async def run() -> None:
        async with ChannelApp(MessengerInput(), on_new_message) as app:
            answer = await post_signed(app, notification(event))
            assert answer.status_code == 200 and answer.text == "EVENT_RECEIVED"

    asyncio.run(run())
    [message] = received
    assert message.sender_id == f"messenger:{PSID}" and message.input_channel == "messenger"
    assert message.text == "De lantaarnpaal in de Kerkstraat is kapot \ufffd"
    assert message.metadata == {"message_id": event["message"]["mid"]}
    [sent] = meta.sent_to(PSID)
    assert sent["messaging_type"] == "RESPONSE" and "tag" not in sent
    assert sent["message"] == {"text": "Dank u, ik kijk ernaar."}
    assert store.window_open("messenger", RESIDENT), "the resident's message time is kept"


def test_a_repeated_mid_is_processed_once_and_echoes_deliveries_reads_are_no_turns(meta):
    received, on_new_message = recorder()
    meta.resident_wrote(PSID)
    event = message_event(PSID, "Wanneer is het gemeentehuis open?")

    async def run() -> None:
        async with ChannelApp(MessengerInput(), on_new_message) as app:
            assert (await post_signed(app, notification(event))).status_code == 200
            assert (await post_signed(app, notification(event))).status_code == 200
            [ours] = meta.sent_to(PSID)
            others = notification(echo_event(PSID, "Dank u, ik kijk ernaar."),
                                  delivery_event(PSID, [ours["message_id"]]),
                                  read_event(PSID))
            assert (await post_signed(app, others)).status_code == 200

    asyncio.run(run())
    assert [m.text for m in received] == ["Wanneer is het gemeentehuis open?"]
    assert len(meta.sent_to(PSID)) == 1
    from bot.channel_models import ChannelDelivery

    with db.session() as session:
        [row] = session.query(ChannelDelivery).filter_by(channel="messenger").all()
        assert row.status == "delivered", "Meta's delivery event is recorded"


def test_every_event_of_a_batch_is_handled_in_order(meta):
    received, on_new_message = recorder()
    meta.resident_wrote(PSID)
    meta.resident_wrote("1111222233334444")
    batch = notification(message_event(PSID, "eerste"), message_event(PSID, "tweede"),
                         message_event("1111222233334444", "hallo"))

    async def run() -> None:
        async with ChannelApp(MessengerInput(), on_new_message) as app:
            assert (await post_signed(app, batch)).status_code == 200

    asyncio.run(run())
    assert [m.text for m in received if m.sender_id == RESIDENT] == ["eerste", "tweede"], \
        "one resident's messages in the order they came"
    assert [m.text for m in received if m.sender_id == "messenger:1111222233334444"] == [
        "hallo"]


def test_quick_replies_and_postbacks_bring_their_payload(meta):
    received, on_new_message = recorder()
    meta.resident_wrote(PSID)
    quick = message_event(PSID, "Ja, graag", quick_reply="/affirm")
    start = postback_event(PSID, "/greet", title="Aan de slag")

    async def run() -> None:
        async with ChannelApp(MessengerInput(), on_new_message) as app:
            assert (await post_signed(app, notification(quick, start))).status_code == 200

    asyncio.run(run())
    assert [m.text for m in received] == ["/affirm", "/greet"]
    assert received[0].metadata == {"message_id": quick["message"]["mid"], "button": True,
                                    "typed": "Ja, graag"}
    assert received[1].metadata["button"] is True
    assert received[1].metadata["typed"] == "Aan de slag"


def test_photos_and_locations_become_the_metadata_the_report_form_uses(meta):
    received, on_new_message = recorder()
    meta.resident_wrote(PSID)
    photo = message_event(PSID, attachments=[image("https://scontent.xx.fbcdn.net/v/p.jpg")])
    place = message_event(PSID, attachments=[location(52.0907, 5.1214, "Kerkstraat 12")])
    voice = message_event(PSID, attachments=[{"type": "audio",
                                              "payload": {"url": "https://cdn.fb/a.mp4"}}])
    bad = message_event(PSID, attachments=[location(152.0, 5.1)])

    async def run() -> None:
        async with ChannelApp(MessengerInput(), on_new_message) as app:
            assert (await post_signed(app, notification(photo, place, voice))
                    ).status_code == 200
            assert (await post_signed(app, notification(bad))).json() == {
                "error": "invalid_location"}
            answer = await post_signed(app, notification(bad, message_event(PSID, "hoi")))
            assert answer.status_code == 200, "one bad event does not block the batch"

    asyncio.run(run())
    assert [m.text for m in received] == ["/share_photo", "/share_location",
                                          "/unsupported_media", "hoi"]
    assert received[0].metadata["media"] == [
        {"url": "https://scontent.xx.fbcdn.net/v/p.jpg", "content_type": "image/jpeg"}]
    assert received[1].metadata["location"] == {"latitude": 52.0907, "longitude": 5.1214,
                                                "address": "Kerkstraat 12"}
    assert received[2].metadata["unsupported_media"] == ["audio"]


def test_a_turn_that_fails_lets_metas_redelivery_through(meta):
    attempts = []

    async def flaky_turn(message) -> None:
        attempts.append(message.text)
        if len(attempts) == 1:
            raise RuntimeError("tracker store down")
        message.output_channel.answered = True

    payload = notification(message_event(PSID, "hallo"))

    async def run() -> None:
        async with ChannelApp(MessengerInput(), flaky_turn) as app:
            assert (await post_signed(app, payload)).status_code == 500
            assert (await post_signed(app, payload)).status_code == 200

    asyncio.run(run())
    assert attempts == ["hallo", "hallo"]


def test_no_other_door_reaches_a_messenger_conversation(meta):
    received, on_new_message = recorder()

    async def run() -> None:
        async with ChannelApp(WebChatInput(), on_new_message) as app:
            answer = await app.client.post("/webhooks/webchat/webhook", content=json.dumps(
                {"sender": RESIDENT, "message": "ja"}).encode())
            assert answer.status_code == 400
            answer = await app.client.post("/webhooks/webchat/webhook", content=json.dumps(
                {"sender": PSID, "message": "ja"}).encode())
            assert answer.status_code == 200
        async with ChannelApp(TokenRestInput("integration-token-0123456789"),
                              on_new_message) as app:
            answer = await app.client.post(
                "/webhooks/rest/webhook?token=integration-token-0123456789",
                content=json.dumps({"sender": RESIDENT, "message": "ja"}).encode())
            assert answer.status_code == 400

    asyncio.run(run())
    assert [m.sender_id for m in received] == [f"webchat-{PSID}"]


# Sending ----------------------------------------------------------------------------

def test_buttons_go_as_quick_replies_within_metas_limits(meta):
    resident_wrote(meta, hours_ago=1)
    buttons = [{"title": "Ja, graag", "payload": "/affirm"},
               {"title": "Nee, liever niet vandaag", "payload": "/deny"}]
    buttons += [{"title": f"Keuze {i}", "payload": f"/choose{{\"n\": {i}}}"} for i in range(14)]
    send("messenger", RESIDENT, {"text": "Wilt u een foto sturen?", "buttons": buttons})
    [sent] = meta.sent_to(PSID)
    replies = sent["message"]["quick_replies"]
    assert len(replies) == 13
    assert replies[0] == {"content_type": "text", "title": "Ja, graag", "payload": "/affirm"}
    assert replies[1]["title"] == "Nee, liever niet va…" and len(replies[1]["title"]) == 20
    assert replies[1]["payload"] == "/deny"


def test_a_long_text_is_split_at_2000_characters_buttons_on_the_last_part(meta):
    resident_wrote(meta, hours_ago=1)
    sentence = "De gemeente haalt het grofvuil op afspraak op. "
    text = (sentence * 100).strip()  # 4,700 characters
    send("messenger", RESIDENT, {"text": text, "buttons": [{"title": "Ja", "payload": "/a"}]})
    parts = meta.sent_to(PSID)
    assert len(parts) == 3 and all(len(p["message"]["text"]) <= 2000 for p in parts)
    assert " ".join(p["message"]["text"] for p in parts) == text
    assert [("quick_replies" in p["message"]) for p in parts] == [False, False, True]


def test_the_outbox_delivers_and_records_the_message(meta):
    resident_wrote(meta, hours_ago=2)
    [item_id] = queue("Het gemeentehuis is open tot 17.00 uur.")
    assert deliver_due(item_ids=[item_id]) == 1
    assert meta.texts_to(PSID) == ["Het gemeentehuis is open tot 17.00 uur."]
    assert outbox_item(item_id).delivered_at is not None
    assert store.failed_deliveries() == []


def test_a_status_update_after_25_hours_goes_with_the_account_update_tag(meta):
    resident_wrote(meta, hours_ago=25)
    ids = queue(STATUS_TEXT, about="utter_report_status_afgehandeld")
    assert deliver_due(item_ids=ids) == 1
    [sent] = meta.sent_to(PSID)
    assert (sent["messaging_type"], sent["tag"]) == ("MESSAGE_TAG", "ACCOUNT_UPDATE")
    assert sent["message"]["text"] == STATUS_TEXT


def test_outside_the_window_other_messages_wait_for_the_resident(meta):
    resident_wrote(meta, hours_ago=30)
    ids = queue("Een medewerker heeft gereageerd. ^AB", about="staff_reply")
    assert deliver_due(item_ids=ids) == 0, "held, not given up"
    assert meta.sent == []
    held = outbox_item(ids[0])
    assert held.last_error.startswith("held:") and held.next_attempt_at < NEVER
    received, on_new_message = recorder({"text": "Graag gedaan."})

    async def run() -> None:
        async with ChannelApp(MessengerInput(), on_new_message) as app:
            meta.resident_wrote(PSID)
            answer = await post_signed(app, notification(message_event(PSID, "Wat is er?")))
            assert answer.status_code == 200

    asyncio.run(run())
    assert meta.texts_to(PSID) == ["Een medewerker heeft gereageerd. ^AB", "Graag gedaan."], \
        "the held message first, then the answer, both as responses"
    assert {m["messaging_type"] for m in meta.sent} == {"RESPONSE"}


def resident_writes(text: str) -> List[Any]:
    """The resident writes now; the messages the bot got (each answered with one line)."""
    received, on_new_message = recorder({"text": "Graag gedaan."})

    async def run() -> None:
        async with ChannelApp(MessengerInput(), on_new_message) as app:
            answer = await post_signed(app, notification(message_event(PSID, text)))
            assert answer.status_code == 200

    asyncio.run(run())
    return received


def test_without_a_status_tag_the_question_waits_and_the_residents_message_releases_it(
        meta, monkeypatch):
    """The Messenger side of the template's reply (tests/test_signalen_reply_e2e.py for
    WhatsApp): the held question goes out when the resident writes, and their message
    names it as released, so it is not taken as the answer (actions.report_answers)."""
    monkeypatch.setenv("MESSENGER_STATUS_TAG", "")
    resident_wrote(meta, hours_ago=30)
    question = "Vraag over M-2026-000123: welk paalnummer?"
    assert deliver_due(item_ids=queue(question, about="utter_report_reaction_question")) == 0
    assert meta.sent == [], "held: no tag for a status update"
    meta.resident_wrote(PSID)
    [message] = resident_writes("Wat is er?")
    assert meta.texts_to(PSID) == [question, "Graag gedaan."]
    assert message.metadata[store.RELEASED_HELD] == ["utter_report_reaction_question"]


def test_a_question_sent_with_the_tag_is_not_among_what_the_residents_message_releases(meta):
    """The question went out tagged outside the window; a colleague's reply after it waits.
    The resident's message releases only the reply: it answers the question."""
    resident_wrote(meta, hours_ago=30)
    question = "Vraag over M-2026-000123: welk paalnummer?"
    assert deliver_due(item_ids=queue(question, about="utter_report_reaction_question")) == 1
    assert deliver_due(item_ids=queue("Een medewerker heeft gereageerd. ^AB",
                                      about="staff_reply")) == 0
    meta.resident_wrote(PSID)
    [message] = resident_writes("Paal 12, bij de bakker")
    assert meta.texts_to(PSID)[1:] == ["Een medewerker heeft gereageerd. ^AB", "Graag gedaan."]
    assert message.metadata[store.RELEASED_HELD] == ["staff_reply"]


def test_a_message_that_releases_nothing_says_nothing_of_it(meta):
    resident_wrote(meta, hours_ago=2)
    [message] = resident_writes("Hallo")
    assert store.RELEASED_HELD not in message.metadata


def test_a_staff_reply_within_7_days_uses_the_human_agent_tag_when_allowed(meta, monkeypatch):
    monkeypatch.setenv("MESSENGER_HUMAN_AGENT", "1")
    resident_wrote(meta, hours_ago=68)  # Friday 12:30 to Monday 08:30
    assert deliver_due(item_ids=queue("De container wordt morgen geleegd. ^AB",
                                      about="staff_reply")) == 1
    [sent] = meta.sent_to(PSID)
    assert sent["tag"] == "HUMAN_AGENT"
    resident_wrote(meta, hours_ago=24 * 8)
    ids = queue("Nog een vraag. ^AB", about="staff_reply")
    assert deliver_due(item_ids=ids) == 0, "after 7 days not even a human agent may write"
    assert len(meta.sent) == 1


def test_metas_window_refusal_is_permanent_and_visible(meta, caplog):
    """Our clock thinks the window is open, Meta knows better (10 / 2018278)."""
    meta.resident_wrote(PSID, dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=30))
    store.record_inbound("messenger", RESIDENT)
    ids = queue("Wanneer komt u langs?")
    with caplog.at_level(logging.ERROR):
        assert deliver_due(item_ids=ids) == 0
    item = outbox_item(ids[0])
    assert item.next_attempt_at == NEVER, "given up: Meta refuses it every time"
    assert "2018278" in item.last_error
    [failed] = store.failed_deliveries()
    assert (failed["channel"], failed["recipient"]) == ("messenger", RESIDENT)
    assert failed["error_code"] == 10 and "24-hour window" in failed["error_message"]
    assert "2018278" in caplog.text
    assert not store.window_open("messenger", RESIDENT), "the window is closed now"


@pytest.mark.parametrize("switch, retry, code", [
    ("rate_limit", True, "613"), (500, True, "code 2"), (503, True, "code 2")])
def test_rate_limits_and_outages_are_retried(meta, switch, retry, code):
    resident_wrote(meta, hours_ago=1)
    meta.fail_with = switch
    with pytest.raises(DeliveryError) as refused:
        send("messenger", RESIDENT, {"text": "hallo"})
    assert refused.value.retry is retry and code in str(refused.value)
    meta.fail_with = None
    assert store.failed_deliveries() == []


def test_a_bad_token_or_a_blocked_resident_is_permanent(meta, monkeypatch, caplog):
    resident_wrote(meta, hours_ago=1)
    monkeypatch.setenv("MESSENGER_PAGE_ACCESS_TOKEN", "EAAwrong")
    with caplog.at_level(logging.ERROR), pytest.raises(DeliveryError) as refused:
        send("messenger", RESIDENT, {"text": "hallo"})
    assert not refused.value.retry and "190" in str(refused.value)
    assert "MESSENGER_PAGE_ACCESS_TOKEN" in caplog.text and "EAAwrong" not in caplog.text
    monkeypatch.setenv("MESSENGER_PAGE_ACCESS_TOKEN", PAGE_TOKEN)
    meta.blocked.add(PSID)
    with pytest.raises(DeliveryError) as blocked:
        send("messenger", RESIDENT, {"text": "hallo"})
    assert not blocked.value.retry and "551" in str(blocked.value)
    assert store.is_opted_out("messenger", RESIDENT), "blocked: nothing more is sent"
    store.record_inbound("messenger", "messenger:999")  # a PSID of another Page
    with pytest.raises(DeliveryError) as unknown:
        send("messenger", "messenger:999", {"text": "hallo"})
    assert not unknown.value.retry and "100" in str(unknown.value)
    assert [f["error_code"] for f in store.failed_deliveries()] == [100, 551, 190]


def test_unreachable_or_unconfigured_meta_waits_in_the_outbox(meta, monkeypatch):
    resident_wrote(meta, hours_ago=1)
    monkeypatch.setenv("MESSENGER_API_URL", "http://127.0.0.1:9")
    with pytest.raises(DeliveryError) as unreachable:
        send("messenger", RESIDENT, {"text": "hallo"})
    assert unreachable.value.retry and PAGE_TOKEN not in str(unreachable.value)
    monkeypatch.delenv("MESSENGER_PAGE_ACCESS_TOKEN")
    with pytest.raises(DeliveryError) as unconfigured:
        send("messenger", RESIDENT, {"text": "hallo"})
    assert unconfigured.value.retry


def test_the_connector_is_listed_in_credentials_yml():
    import yaml

    from bot.settings import ROOT

    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text(encoding="utf-8"))
    assert "channels.messenger.MessengerInput" in credentials
    assert not credentials["channels.messenger.MessengerInput"], "no secrets in the repo"


def test_a_resident_who_blocked_the_page_is_written_again_after_writing(meta):
    resident_wrote(meta, hours_ago=1)
    meta.blocked.add(PSID)
    assert deliver_due(item_ids=queue("Uw melding is ontvangen.")) == 0
    assert store.is_opted_out("messenger", RESIDENT)
    meta.blocked.discard(PSID)
    received, on_new_message = recorder()

    async def run() -> None:
        async with ChannelApp(MessengerInput(), on_new_message) as app:
            answer = await post_signed(app, notification(message_event(PSID, "hallo")))
            assert answer.status_code == 200

    asyncio.run(run())
    assert not store.is_opted_out("messenger", RESIDENT)
    assert meta.texts_to(PSID) == ["Dank u, ik kijk ernaar."]


def test_a_status_update_from_rasa_reaches_the_output_channel_tagged(meta):
    """What Rasa's trigger_intent (output_channel=latest) does for a status change."""
    from channels.messenger import MessengerOutput

    resident_wrote(meta, hours_ago=48)
    output = MessengerInput().get_output_channel()
    assert isinstance(output, MessengerOutput) and output.name() == "messenger"
    asyncio.run(output.send_response(RESIDENT, {
        "text": STATUS_TEXT, "utter_action": "utter_report_status_afgehandeld"}))
    [sent] = meta.sent_to(PSID)
    assert sent["tag"] == "ACCOUNT_UPDATE" and sent["message"]["text"] == STATUS_TEXT


def test_replies_are_rendered_in_messengers_own_tone(meta):
    """The `messenger` medium of tone_of_voice.yml: its greeting, emoji, and buttons whose
    titles are too long for a quick reply as a numbered list with numbered quick replies."""
    from channels.messenger import MessengerOutput

    resident_wrote(meta, hours_ago=1)
    asyncio.run(MessengerOutput().send_response(RESIDENT, {
        "text": "Waarmee kan ik u helpen?", "utter_action": "utter_greeting",
        "buttons": [{"title": "Iets melden op straat", "payload": "/report_problem"},
                    {"title": "Afval", "payload": "/waste"}]}))
    [sent] = meta.sent_to(PSID)
    assert sent["message"]["text"].startswith("Hallo! 👋 Waarmee kan ik u helpen?")
    assert "1. Iets melden op straat\n2. Afval" in sent["message"]["text"]
    assert [(r["title"], r["payload"]) for r in sent["message"]["quick_replies"]] == [
        ("1", "/report_problem"), ("2", "/waste")]


def test_a_photo_url_that_is_not_metas_is_refused_at_the_door(meta):
    received, on_new_message = recorder()
    meta.resident_wrote(PSID)
    forged = message_event(PSID, attachments=[image("https://10.0.0.1/intern.jpg")])

    async def run() -> None:
        async with ChannelApp(MessengerInput(), on_new_message) as app:
            answer = await post_signed(app, notification(forged))
            assert answer.json() == {"error": "invalid_media_url"}

    asyncio.run(run())
    assert received == []
