"""Hands one rendered message to Twilio or Telegram (called from the outbox)."""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List

import requests
import telegram
from telegram.error import BadRequest, Forbidden, InvalidToken, TelegramError
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from bot.integrations import DeliveryError
from bot.settings import (CHANNEL_TIMEOUT, TELEGRAM_API_URL, TELEGRAM_BOT_TOKEN,
                          TWILIO_ACCOUNT_SID, TWILIO_API_URL, TWILIO_AUTH_TOKEN,
                          TWILIO_SMS_FROM, TWILIO_WHATSAPP_FROM)

logger = logging.getLogger(__name__)
# Twilio's client logs every request's headers at INFO; our own line says enough.
logging.getLogger("twilio.http_client").setLevel(logging.WARNING)

# Telegram limits callback data to 64 bytes.
MAX_CALLBACK_DATA = 64


def send(channel: str, recipient: str, message: Dict[str, Any]) -> None:
    """Deliver or raise DeliveryError; `retry` says whether trying again can help."""
    if channel in ("whatsapp", "sms"):
        return send_twilio(channel, recipient, message)
    if channel == "telegram":
        return asyncio.run(send_telegram(recipient, message))
    raise DeliveryError(f"no delivery for channel {channel}", retry=False)


def twilio_client() -> Client:
    client = Client(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
                    http_client=TwilioHttpClient(timeout=CHANNEL_TIMEOUT))
    client.api.base_url = TWILIO_API_URL  # only tests point elsewhere
    return client


def send_twilio(channel: str, recipient: str, message: Dict[str, Any]) -> None:
    sender = TWILIO_WHATSAPP_FROM if channel == "whatsapp" else TWILIO_SMS_FROM
    if not TWILIO_ACCOUNT_SID or not sender:
        raise DeliveryError(f"Twilio {channel} is not configured", retry=True)
    origin = ({"messaging_service_sid": sender} if sender.startswith("MG")
              else {"from_": sender})
    try:
        created = twilio_client().messages.create(to=recipient, body=message["text"], **origin)
    except TwilioRestException as error:
        raise DeliveryError(f"Twilio answered {error.status} (code {error.code})",
                            retry=error.status >= 500 or error.status == 429)
    except requests.RequestException as error:
        raise DeliveryError(f"Twilio unreachable: {type(error).__name__}", retry=True)
    logger.info("Twilio took %s message %s (%s segment(s))", channel, created.sid,
                message.get("segments") or created.num_segments or "?")


def telegram_bot() -> telegram.Bot:
    return telegram.Bot(TELEGRAM_BOT_TOKEN, base_url=f"{TELEGRAM_API_URL}/bot",
                        base_file_url=f"{TELEGRAM_API_URL}/file/bot")


def inline_keyboard(buttons: List[Dict[str, str]]) -> telegram.InlineKeyboardMarkup:
    """One button per row; the payload travels as callback data."""
    return telegram.InlineKeyboardMarkup([
        [telegram.InlineKeyboardButton(b["title"], callback_data=_callback_data(b))]
        for b in buttons])


def _callback_data(button: Dict[str, str]) -> str:
    data = button.get("payload") or button["title"]
    return data if len(data.encode()) <= MAX_CALLBACK_DATA else button["title"][:32]


async def send_telegram(chat_id: str, message: Dict[str, Any]) -> None:
    if not TELEGRAM_BOT_TOKEN:
        raise DeliveryError("Telegram is not configured", retry=True)
    bot = telegram_bot()
    markup = inline_keyboard(message["buttons"]) if message.get("buttons") else None
    try:
        sent = await bot.send_message(chat_id, message["text"],
                                      parse_mode=message.get("parse_mode"),
                                      reply_markup=markup, read_timeout=CHANNEL_TIMEOUT,
                                      write_timeout=CHANNEL_TIMEOUT)
    except (BadRequest, Forbidden, InvalidToken) as error:
        raise DeliveryError(f"Telegram refused: {error.message}", retry=False)
    except TelegramError as error:  # network errors, timeouts, RetryAfter
        raise DeliveryError(f"Telegram unreachable: {type(error).__name__}", retry=True)
    finally:
        await bot.shutdown()
    logger.info("Telegram took message %s", sent.message_id)
