"""Fetch a photo a resident sent, wherever the channel keeps it.

Twilio media URLs need the account's credentials; a Telegram photo is named
`telegram:<file_id>` so the bot token never ends up in a stored URL.
"""
from __future__ import annotations

from typing import Tuple

import requests
from urllib3.exceptions import HTTPError as Urllib3Error

from bot.integrations import DeliveryError
from bot.settings import (CHANNEL_TIMEOUT, TELEGRAM_API_URL, TELEGRAM_BOT_TOKEN,
                          TWILIO_ACCOUNT_SID, TWILIO_API_URL, TWILIO_AUTH_TOKEN)

TELEGRAM_PREFIX = "telegram:"
MAX_BYTES = 20 * 1024 * 1024


def telegram_media_url(file_id: str) -> str:
    return f"{TELEGRAM_PREFIX}{file_id}"


def fetch_media(url: str) -> Tuple[bytes, str]:
    """The bytes and content type of a resident's photo; DeliveryError (retry) when
    the provider cannot be reached right now."""
    if url.startswith(TELEGRAM_PREFIX):
        return _get(_telegram_file_url(url[len(TELEGRAM_PREFIX):]))
    auth = None
    if url.startswith(TWILIO_API_URL + "/") and TWILIO_ACCOUNT_SID:
        auth = (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN)
    return _get(url, auth)


def _telegram_file_url(file_id: str) -> str:
    api = f"{TELEGRAM_API_URL}/bot{TELEGRAM_BOT_TOKEN}"
    try:
        answer = requests.get(f"{api}/getFile", params={"file_id": file_id},
                              timeout=CHANNEL_TIMEOUT).json()
    except (requests.RequestException, ValueError) as error:
        raise DeliveryError(f"Telegram getFile failed: {type(error).__name__}", retry=True)
    if not answer.get("ok"):
        raise DeliveryError(f"Telegram getFile refused: {answer.get('description')}",
                            retry=False)
    return f"{TELEGRAM_API_URL}/file/bot{TELEGRAM_BOT_TOKEN}/{answer['result']['file_path']}"


def _get(url: str, auth=None) -> Tuple[bytes, str]:
    try:
        response = requests.get(url, auth=auth, timeout=CHANNEL_TIMEOUT, stream=True)
        response.raise_for_status()
        content = response.raw.read(MAX_BYTES + 1, decode_content=True)
    except (requests.RequestException, Urllib3Error) as error:
        # Reading the body raises urllib3's own errors (ReadTimeoutError, ProtocolError).
        raise DeliveryError(f"photo could not be fetched: {type(error).__name__}", retry=True)
    if len(content) > MAX_BYTES:
        raise DeliveryError("photo larger than 20 MB", retry=False)
    content_type = response.headers.get("Content-Type", "image/jpeg").split(";")[0]
    return content, content_type
