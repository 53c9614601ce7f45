"""The input side shared by the channels: request checks, duplicate deliveries,
and numbered answers to buttons."""
from __future__ import annotations

import logging
import re
from abc import ABC, abstractmethod
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.tone.gsm import strip_emoji
from channels.outbound import in_thread
from channels.store import first_delivery, forget_delivery

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
MAX_MESSAGE_CHARS = 10_000
# Payload intents the channels send for messages without text.
SHARE_PHOTO = "/share_photo"
SHARE_LOCATION = "/share_location"
UNSUPPORTED_MEDIA = "/unsupported_media"
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}


class WebhookError(ValueError):
    """A request that cannot be processed; `code` is safe to show to the caller."""

    def __init__(self, status: int, code: Text) -> None:
        super().__init__(code)
        self.status = status
        self.code = code


def check_body(request: Request) -> bytes:
    body = request.body or b""
    if len(body) > MAX_BODY_BYTES:
        raise WebhookError(413, "body_too_large")
    return body


def text_for(text: Text, media: List[Dict[str, str]], unsupported: List[str],
             location: Optional[Dict[str, Any]]) -> Text:
    """The message text, or a payload intent when a photo or location came without words."""
    text = text.strip()[:MAX_MESSAGE_CHARS]
    if text:
        return text
    if location:
        return SHARE_LOCATION
    if media:
        return SHARE_PHOTO
    if unsupported:
        return UNSUPPORTED_MEDIA
    return ""


def valid_location(latitude: Any, longitude: Any) -> Optional[Dict[str, float]]:
    try:
        lat, lon = float(latitude), float(longitude)
    except (TypeError, ValueError):
        return None
    if -90 <= lat <= 90 and -180 <= lon <= 180:
        return {"latitude": lat, "longitude": lon}
    return None


def _normal(text: Text) -> Text:
    return " ".join(re.sub(r"[^\w\s]", " ", strip_emoji(text).lower()).split())


async def menu_answer(request: Request, sender: Text, text: Text) -> Optional[Text]:
    """The button payload a typed answer stands for ("2", or a button's words), if any.

    On media without clickable buttons the bot shows a numbered list; the buttons are
    read back from the last bot message in the tracker, so any instance can answer.
    """
    if not text or len(text) > 60 or text.startswith("/"):
        return None
    tracker = await request.app.ctx.agent.tracker_store.retrieve(sender)
    buttons: List[Dict[str, Any]] = []
    for event in reversed(tracker.events if tracker else []):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered) and event.data.get("buttons"):
            buttons = event.data["buttons"]
            break
    answer = _normal(text)
    if answer.isdigit() and 1 <= int(answer) <= len(buttons):
        return buttons[int(answer) - 1].get("payload")
    for button in buttons:
        if answer and answer == _normal(str(button.get("title", ""))):
            return button.get("payload")
    return None


async def once(channel: Text, message_id: Text,
               handle: Callable[[], Awaitable[None]]) -> bool:
    """Run `handle` for the first delivery of a message id; False for a repeat.

    When handling fails the id is forgotten, so the provider's retry gets through.
    """
    if not await in_thread(first_delivery, channel, message_id):
        logger.info("Repeated %s delivery %s ignored", channel, message_id)
        return False
    try:
        await handle()
    except Exception:
        await in_thread(forget_delivery, channel, message_id)
        raise
    return True


class ProviderWebhook(InputChannel, ABC):
    """A messaging provider's webhook: a health route, checks before anything is
    processed, and each delivery processed once (a failure lets the retry through)."""

    @abstractmethod
    def configured(self) -> bool:
        """True when the settings this channel needs are there."""

    @abstractmethod
    def accept(self, request: Request) -> Tuple[Text, Any]:
        """Check the request; return (provider message id, parsed message) or raise
        WebhookError."""

    @abstractmethod
    async def handle(self, request: Request, parsed: Any,
                     on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        """Pass the message on to the dialogue."""

    def acknowledge(self) -> HTTPResponse:
        return response.json({"ok": True})

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        hook = Blueprint(f"{self.name()}_webhook", __name__)

        @hook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.configured() else "not_configured"})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.configured():
                return response.json({"error": "not_configured"}, status=503)
            try:
                message_id, parsed = self.accept(request)
            except WebhookError as error:
                logger.warning("%s webhook refused (%s): %s", self.name(), error.status,
                               error.code)
                return response.json({"error": error.code}, status=error.status)

            async def handle() -> None:
                await self.handle(request, parsed, on_new_message)

            try:
                await once(self.name(), message_id, handle)
            except Exception:
                logger.exception("%s message %s could not be handled; the provider retries",
                                 self.name(), message_id)
                return response.json({"error": "temporarily_unavailable"}, status=500)
            return self.acknowledge()

        return hook
