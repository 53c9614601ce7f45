"""Telegram through the webhook of the running stack: updates as Telegram sends them,
replies caught by the Bot API stand-in, reports by the Signalen stand-in."""
from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import time

import pytest

from bot.settings import ROOT
from tests.channel_helpers import arrived, telegram_post, wait_for
from tests.conftest import TELEGRAM_SECRET, TELEGRAM_TOKEN, channel_env
from tests.standins.telegram import PHOTO

_ids = itertools.count(500_000)


def update(chat_id: int, **message) -> dict:
    """An update in the shape of Telegram's Bot API."""
    person = {"id": chat_id, "is_bot": False, "first_name": "Jan", "language_code": "nl"}
    return {"update_id": next(_ids), "message": {
        "message_id": next(_ids), "from": person, "date": 1763900000,
        "chat": {"id": chat_id, "first_name": "Jan", "type": "private"}, **message}}


def button_press(chat_id: int, data: str) -> dict:
    person = {"id": chat_id, "is_bot": False, "first_name": "Jan"}
    return {"update_id": next(_ids), "callback_query": {
        "id": str(next(_ids)), "from": person, "chat_instance": "-42", "data": data,
        "message": {"message_id": next(_ids), "date": 1763900000, "text": "Klopt dit?",
                    "chat": {"id": chat_id, "type": "private"}}}}


@pytest.fixture
def telegram(stack, telegram_standin):
    """Post one update; return the messages the bot sent to that chat."""
    url = f"{stack.url}/webhooks/telegram/webhook"

    def send(payload: dict, replies: bool = True) -> list:
        message = (payload.get("message") or payload.get("edited_message")
                   or payload["callback_query"]["message"])
        chat = str(message["chat"]["id"])
        before = len([m for m in telegram_standin.sent if m["chat_id"] == chat])
        status, answer = telegram_post(url, json.dumps(payload).encode())
        assert status == 200, answer
        def sent() -> list:
            return [m for m in telegram_standin.sent if m["chat_id"] == chat][before:]

        return arrived(sent) if replies else sent()

    return send


def test_loose_tile_with_photo_and_location(telegram, telegram_standin, signalen_standin):
    chat = 7001
    asked = telegram(update(chat, text="Stoeptegel ligt los bij mij voor de deur"))
    assert "deel uw locatie" in asked[-1]["text"] and asked[-1]["parse_mode"] == "HTML"
    asked = telegram(update(chat, location={"latitude": 52.0912, "longitude": 5.1187}))
    assert "foto" in asked[-1]["text"].lower()
    photo = [{"file_id": "small-id", "file_unique_id": "s", "file_size": 900, "width": 90,
              "height": 67},
             {"file_id": "large-id", "file_unique_id": "l", "file_size": 90000, "width": 1280,
              "height": 960}]
    asked = telegram(update(chat, photo=photo))
    keyboard = asked[-1]["reply_markup"]["inline_keyboard"]
    assert [row[0]["callback_data"] for row in keyboard] == ["/affirm", "/deny"]
    summary = telegram(button_press(chat, "/affirm"))
    assert "Klopt dit?" in summary[-1]["text"]
    assert "gedeelde locatie" in summary[-1]["text"]
    filed = telegram(button_press(chat, "/affirm"))
    assert "M-" in filed[0]["text"]
    assert len(telegram_standin.answered) >= 2, "button presses are acknowledged"
    signal = wait_for(lambda: next((s for s in signalen_standin.signals.values()
                                    if "Stoeptegel ligt los bij mij" in s["text"]), None))
    assert signal["location"]["geometrie"]["coordinates"] == [5.1187, 52.0912]
    signal_id = next(k for k, v in signalen_standin.signals.items() if v is signal)
    assert wait_for(lambda: signalen_standin.attachments.get(signal_id)) == [PHOTO]


def test_numbers_and_words_answer_buttons(telegram):
    chat = 7002
    telegram(update(chat, text="de lantaarnpaal in de Kerkstraat 3 is kapot"))
    asked = telegram(update(chat, text="geen foto"))
    assert "bericht als er iets verandert" in asked[-1]["text"]
    summary = telegram(update(chat, text="2"))
    assert "U krijgt geen berichten" in summary[-1]["text"]


def test_wrong_secret_bad_json_and_repeats(stack, telegram, telegram_standin):
    url = f"{stack.url}/webhooks/telegram/webhook"
    body = json.dumps(update(7003, text="hallo")).encode()
    assert telegram_post(url, body, secret="wrong")[0] == 403
    assert telegram_post(url, body, secret="")[0] == 403
    assert telegram_post(url, b"{not json")[0] == 400
    assert telegram_post(url, b'{"message": {}}') == (400, '{"error":"missing_update_id"}')
    assert telegram_post(url, b'{"update_id": 1, "message": {"chat": 5}}')[0] == 400
    assert telegram_post(url, b"\xff\xfe")[0] == 400
    assert telegram_post(url, b"x" * (1024 * 1024))[0] == 413
    assert not [m for m in telegram_standin.sent if m["chat_id"] == "7003"]
    def to_7003() -> list:
        return [m for m in telegram_standin.sent if m["chat_id"] == "7003"]

    assert telegram_post(url, body)[0] == 200
    first = arrived(to_7003)
    assert first
    assert telegram_post(url, body)[0] == 200, "a repeated update_id is accepted…"
    time.sleep(2)  # a redone turn would be sent within this time, as the first one was
    assert to_7003() == first, "…not redone"


def test_voice_messages_and_edits(telegram):
    voice = {"file_id": "v1", "file_unique_id": "v", "duration": 3, "mime_type": "audio/ogg"}
    assert "kan ik niet openen" in telegram(update(7004, voice=voice))[0]["text"]
    edited = update(7004, text="hallo")
    edited["edited_message"] = edited.pop("message")
    edited["edited_message"]["edit_date"] = 1763900100
    assert telegram(edited, replies=False) == [], "an edit is acknowledged, not answered again"


def test_replies_survive_a_telegram_outage(telegram, telegram_standin):
    telegram_standin.fail_with = 502
    try:
        assert telegram(update(7005, text="Wanneer is het gemeentehuis open?"),
                        replies=False) == []
    finally:
        telegram_standin.fail_with = None
    assert wait_for(lambda: [m for m in telegram_standin.sent if m["chat_id"] == "7005"],
                    timeout=60)


def test_set_webhook_command(telegram_standin):
    env = {**os.environ, **channel_env("http://127.0.0.1:9", telegram_standin.url)}
    hook = "https://bot.lindendal.example/webhooks/telegram/webhook"
    run = subprocess.run([sys.executable, "-m", "channels.telegram", "set-webhook", hook],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert telegram_standin.webhook["url"] == hook
    assert telegram_standin.webhook["secret_token"] == TELEGRAM_SECRET
    assert json.loads(telegram_standin.webhook["allowed_updates"]) == [
        "message", "callback_query"]
    plain = subprocess.run([sys.executable, "-m", "channels.telegram", "set-webhook",
                            "http://insecure.example/hook"], cwd=ROOT, env=env,
                           capture_output=True, text=True)
    assert plain.returncode == 2 and "https" in plain.stderr
    assert TELEGRAM_TOKEN not in run.stdout + run.stderr


def test_gas_on_telegram_gets_the_outage_number_first(telegram):
    sent = telegram(update(700_001, text="Ik ruik een sterke gaslucht in het trappenhuis "
                                          "van onze flat aan de Beukenlaan"))
    assert "0800-9009" in sent[0]["text"] and "112" in sent[0]["text"]


def test_an_english_resident_is_answered_in_english_on_telegram(telegram):
    sent = telegram(update(700_002, text="Hello, can you tell me when the town hall is open?"))
    assert "open" in sent[0]["text"] and "Het gemeentehuis" not in sent[0]["text"]
