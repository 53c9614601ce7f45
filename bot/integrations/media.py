"""Fetch a photo a resident sent, wherever the channel keeps it, and only there.

Twilio media URLs need the account's credentials; a Telegram photo is named
`telegram:<file_id>` so the bot token never ends up in a stored URL.

A photo URL is fetched only from the provider that sent it: Twilio's API host
(api.twilio.com, or TWILIO_API_URL) and its media CDN (*.twiliocdn.com), Telegram's file
API for a `telegram:<file_id>`, and Meta's CDN (lookaside.fbsbx.com, *.fbcdn.net, or the
MESSENGER_API_URL host), over https. Anything else (an internal address, another site)
is refused before any request, with a permanent DeliveryError naming the host; the
outbox records it on the report (`photo_error`). GA_MEDIA_ORIGINS adds origins
(`https://media.example.nl`, comma-separated) for a stand-in or a proxy.
"""
from __future__ import annotations

import os
import re
from typing import Iterable, Optional, Tuple
from urllib.parse import urlsplit

import requests
from urllib3.exceptions import HTTPError as Urllib3Error

from bot import settings
from bot.integrations import DeliveryError
from bot.settings import (CHANNEL_TIMEOUT, TELEGRAM_API_URL, TELEGRAM_BOT_TOKEN,
                          TWILIO_ACCOUNT_SID, TWILIO_API_URL, TWILIO_AUTH_TOKEN)

TELEGRAM_PREFIX = "telegram:"
MAX_BYTES = 20 * 1024 * 1024
TELEGRAM_FILE_ID = re.compile(r"^[A-Za-z0-9_-]{1,200}$")

# The hosts each provider serves residents' media from (a leading dot: any subdomain).
PROVIDER_HOSTS = {
    "twilio": ("api.twilio.com", ".twiliocdn.com"),
    "meta": ("lookaside.fbsbx.com", ".fbcdn.net"),
    "telegram": (),  # only `telegram:<file_id>`, fetched through TELEGRAM_API_URL
}
# Which provider a report's channel gets its photos from; other channels send none.
CHANNEL_PROVIDERS = {"whatsapp": ("twilio",), "sms": ("twilio",),
                     "telegram": ("telegram",), "messenger": ("meta",)}


def telegram_media_url(file_id: str) -> str:
    return f"{TELEGRAM_PREFIX}{file_id}"


def _origin(url: str) -> Optional[Tuple[str, str, Optional[int]]]:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if not parts.hostname:
        return None
    default = {"https": 443, "http": 80}.get(parts.scheme.lower())
    return parts.scheme.lower(), parts.hostname.lower(), port or default


def _configured_origins(provider: str) -> Iterable[str]:
    """Where a provider's API is configured to be (stand-ins in tests, a proxy)."""
    if provider == "twilio":
        yield TWILIO_API_URL
    elif provider == "meta":
        yield os.environ.get("MESSENGER_API_URL", "https://graph.facebook.com")


def media_refusal(url: str, channel: Optional[str] = None) -> Optional[str]:
    """Why `url` may not be fetched (None: it may): it must come from the provider of
    `channel`, or of any channel with photos when the channel is not known."""
    providers = (CHANNEL_PROVIDERS.get(channel or "", ()) if channel
                 else tuple(PROVIDER_HOSTS))
    if url.startswith(TELEGRAM_PREFIX):
        if "telegram" not in providers:
            return f"a Telegram photo on the {channel} channel"
        if not TELEGRAM_FILE_ID.match(url[len(TELEGRAM_PREFIX):]):
            return "not a Telegram file id"
        return None
    origin = _origin(url)
    if origin is None:
        return "not a web address"
    scheme, host, port = origin
    extra = [o.strip() for o in settings.MEDIA_ORIGINS.split(",") if o.strip()]
    for provider in providers:
        if any(_origin(allowed) == origin
               for allowed in [*_configured_origins(provider), *extra]):
            return None
        if scheme == "https" and port == 443 and any(
                host == name or (name.startswith(".") and host.endswith(name))
                for name in PROVIDER_HOSTS[provider]):
            return None
    return (f"{scheme}://{host}" + (f":{port}" if port not in (80, 443) else "")
            + f" is not a media host of {', '.join(providers) or 'this channel'}")


def fetch_media(url: str, channel: Optional[str] = None) -> Tuple[bytes, str]:
    """The bytes and content type of a resident's photo; DeliveryError (retry) when
    the provider cannot be reached right now, DeliveryError (no retry, nothing fetched)
    when the URL is not the provider's (see media_refusal)."""
    refusal = media_refusal(url, channel)
    if refusal is not None:
        raise DeliveryError(f"photo not fetched: {refusal}", retry=False)
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
