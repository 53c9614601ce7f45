"""Telegram through python-telegram-bot: webhook at /webhooks/telegram/webhook.

Telegram sends the secret set with the webhook in X-Telegram-Bot-Api-Secret-Token;
updates are parsed with telegram.Update.de_json. Text, photos, locations and inline
keyboard presses reach the dialogue; replies go out through telegram.Bot.

Set the webhook once with:
    python -m channels.telegram set-webhook https://bot.example.nl/webhooks/telegram/webhook
"""
from __future__ import annotations

import argparse
import asyncio
import json
import logging
import secrets
import sys
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

import telegram
from rasa.core.channels.channel import UserMessage
from sanic.request import Request

from bot.integrations import DeliveryError
from bot.integrations.media import telegram_media_url
from bot.settings import TELEGRAM_BOT_TOKEN, TELEGRAM_SECRET_TOKEN
from channels.delivery import answer_callback_query, telegram_bot, use_telegram_token
from channels.inbound import (IMAGE_TYPES, ProviderWebhook, WebhookError,
                              answer_or_apologise, check_body, menu_answer, text_for,
                              valid_location)
from channels.outbound import ToneOutputChannel

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query"]


def parse_update(body: bytes) -> telegram.Update:
    """An Update from the request body; WebhookError for anything else."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise WebhookError(400, "invalid_json")
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        raise WebhookError(400, "missing_update_id")
    try:
        return telegram.Update.de_json(data, None)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise WebhookError(400, "invalid_update")


def message_parts(message: telegram.Message) -> Dict[Text, Any]:
    """Text and metadata (photos, location, unusable media) of one Telegram message."""
    metadata: Dict[Text, Any] = {}
    media: List[Dict[str, str]] = []
    unsupported: List[str] = []
    if message.photo:
        largest = max(message.photo, key=lambda size: size.width * size.height)
        media.append({"url": telegram_media_url(largest.file_id),
                      "content_type": "image/jpeg"})
    elif message.document and message.document.mime_type in IMAGE_TYPES:
        media.append({"url": telegram_media_url(message.document.file_id),
                      "content_type": message.document.mime_type})
    elif message.effective_attachment and not message.location:
        unsupported.append(type(message.effective_attachment).__name__.lower()
                           if not isinstance(message.effective_attachment, (list, tuple))
                           else "attachment")
    location = None
    if message.location:
        location = valid_location(message.location.latitude, message.location.longitude)
        if message.venue and location:
            location["address"] = f"{message.venue.title}, {message.venue.address}"[:300]
    if media:
        metadata["media"] = media
    if unsupported:
        metadata["unsupported_media"] = unsupported
    if location:
        metadata["location"] = location
    text = text_for(message.text or message.caption or "", media, unsupported, location)
    return {"text": text, "metadata": metadata}


class TelegramOutput(ToneOutputChannel):
    def __init__(self) -> None:
        super().__init__("telegram")


class TelegramInput(ProviderWebhook):
    """The project's Telegram connector."""

    def __init__(self, token: Text = "", secret: Text = "") -> None:
        self.token = token or TELEGRAM_BOT_TOKEN
        self.secret = secret or TELEGRAM_SECRET_TOKEN
        if self.token:  # replies use the same token, also one given only in credentials.yml
            use_telegram_token(self.token)

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "TelegramInput":
        credentials = credentials or {}
        return cls(str(credentials.get("access_token") or ""),
                   str(credentials.get("secret_token") or ""))

    def configured(self) -> bool:
        return bool(self.token and self.secret)

    def get_output_channel(self) -> TelegramOutput:
        return TelegramOutput()

    def accept(self, request: Request) -> Tuple[Text, telegram.Update]:
        given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if not secrets.compare_digest(given.encode(), self.secret.encode()):
            raise WebhookError(403, "invalid_secret_token")
        update = parse_update(check_body(request))
        return str(update.update_id), update

    def sender_of(self, update: telegram.Update) -> Optional[Text]:
        chat = update.effective_chat
        return str(chat.id) if chat else None

    async def handle(self, request: Request, update: telegram.Update,
                     on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        if update.callback_query:
            await self._answer_button(update.callback_query)
            query = update.callback_query
            chat = query.message.chat if query.message else None
            if chat is None or not query.data:
                return
            text, metadata = query.data, {"button": True}
        elif update.message:
            chat = update.message.chat
            parts = message_parts(update.message)
            text, metadata = parts["text"], parts["metadata"]
            payload = await menu_answer(request, str(chat.id), text)
            if payload:
                metadata["typed"], text = text, payload
        else:
            logger.info("Telegram update %s without a new message ignored", update.update_id)
            return
        metadata["message_id"] = str(update.update_id)
        message = UserMessage(text, self.get_output_channel(), str(chat.id),
                              input_channel=self.name(), metadata=metadata)
        await answer_or_apologise(request, message, on_new_message)

    async def _answer_button(self, query: telegram.CallbackQuery) -> None:
        """Stop the spinner on the pressed button; a failure here loses nothing."""
        try:
            await answer_callback_query(query.id)
        except (telegram.error.TelegramError, DeliveryError) as error:
            logger.info("Button press not acknowledged: %s", error)


async def set_webhook(url: Text) -> bool:
    """Point Telegram at our webhook, with the secret token it must send back."""
    async with telegram_bot() as bot:
        return await bot.set_webhook(url, secret_token=TELEGRAM_SECRET_TOKEN,
                                     allowed_updates=ALLOWED_UPDATES)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m channels.telegram",
                                     description="Telegram webhook management.")
    sub = parser.add_subparsers(dest="command", required=True)
    hook = sub.add_parser("set-webhook", help="tell Telegram where to send updates")
    hook.add_argument("url", help="https://…/webhooks/telegram/webhook")
    args = parser.parse_args(argv)
    if not TELEGRAM_BOT_TOKEN or not TELEGRAM_SECRET_TOKEN:
        print("error: set TELEGRAM_BOT_TOKEN and TELEGRAM_SECRET_TOKEN first", file=sys.stderr)
        return 2
    if not args.url.startswith("https://"):
        print("error: Telegram only calls https:// webhooks", file=sys.stderr)
        return 2
    try:
        asyncio.run(set_webhook(args.url))
    except telegram.error.TelegramError as error:
        print(f"error: Telegram refused: {error}", file=sys.stderr)
        return 1
    print(f"Telegram now sends updates to {args.url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
