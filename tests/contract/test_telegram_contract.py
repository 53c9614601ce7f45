"""The Telegram Bot API stand-in's refusals held to the Bot API and to the client.

The Bot API answers an unsuccessful request with `{"ok": false, "error_code": <int>,
"description": <str>}` ("Making requests", https://core.telegram.org/bots/api), with the
HTTP status of `error_code`. A resident who stopped the bot: 403 "Forbidden: bot was
blocked by the user"; an unknown chat: 400 "Bad Request: chat not found".
python-telegram-bot 22 (the client channels.delivery uses) turns those into `Forbidden`
and `BadRequest` (telegram/request/_baserequest.py); channels.delivery keeps the status as
the failed delivery's error code.
"""
from __future__ import annotations

import asyncio

import pytest
import requests
import telegram
from telegram.error import BadRequest, Forbidden

from tests.conftest import TELEGRAM_TOKEN
from tests.standins.telegram import TelegramStandIn


@pytest.fixture
def standin():
    running = TelegramStandIn(TELEGRAM_TOKEN).start()
    running.blocked.add("401")
    running.missing_chats.add("402")
    yield running
    running.stop()


@pytest.mark.parametrize("chat, status, description", [
    ("401", 403, "Forbidden: bot was blocked by the user"),
    ("402", 400, "Bad Request: chat not found")])
def test_refusals_have_the_bot_apis_shape(standin, chat, status, description):
    answer = requests.post(f"{standin.url}/bot{TELEGRAM_TOKEN}/sendMessage",
                           json={"chat_id": chat, "text": "hallo"}, timeout=5)
    assert answer.status_code == status
    assert answer.json() == {"ok": False, "error_code": status, "description": description}


@pytest.mark.parametrize("chat, error, message", [
    ("401", Forbidden, "Forbidden: bot was blocked by the user"),
    ("402", BadRequest, "Chat not found")])
def test_python_telegram_bot_raises_what_the_sender_maps(standin, chat, error, message):
    async def send() -> None:
        async with telegram.Bot(TELEGRAM_TOKEN, base_url=f"{standin.url}/bot") as bot:
            await bot.send_message(chat, "hallo")

    with pytest.raises(error) as raised:
        asyncio.run(send())
    assert raised.value.message == message
