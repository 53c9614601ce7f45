"""The input side shared by the channels: request checks, duplicate deliveries,
numbered answers to buttons, the per-sender rate limit, and an apology instead of
silence."""
from __future__ import annotations

import asyncio
import json
import logging
import re
from abc import ABC, abstractmethod
from typing import Any, Awaitable, Callable, Dict, List, Optional, Pattern, Text, Tuple

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import rasa_patches
from bot.profile import profile
from bot.ratelimit import senders
from bot.tone import render
from bot.tone.gsm import strip_emoji
from bot.tone.responses import default_text
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


def read_chat_request(body: bytes, sender_pattern: Pattern[str],
                      refused_senders: Optional[Pattern[str]] = None
                      ) -> Tuple[Text, Text, Dict[Text, Any]]:
    """Sender, clean message and the whole payload of a {"sender", "message"} request
    (web chat, REST); WebhookError for anything else."""
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise WebhookError(400, "invalid_json")
    if not isinstance(payload, dict):
        raise WebhookError(400, "invalid_json")
    sender, message = payload.get("sender"), payload.get("message")
    if not isinstance(sender, str) or not sender_pattern.match(sender):
        raise WebhookError(400, "invalid_sender")
    if refused_senders is not None and refused_senders.match(sender):
        raise WebhookError(403, "sender_of_another_channel")
    if not isinstance(message, str):
        raise WebhookError(400, "missing_message")
    return sender, clean_text(message)[:MAX_MESSAGE_CHARS], payload


# Lone surrogates (JSON allows "\ud800") and control characters other than tab and
# newline: never valid text, and they break what stores or shows it later.
_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: Text) -> Text:
    """Text made valid Unicode at the door: a lone surrogate becomes U+FFFD, control
    characters go."""
    return _CONTROLS.sub("", _SURROGATES.sub("\ufffd", text))


def text_for(text: Text, media: List[Dict[str, str]], unsupported: List[str],
             location: Optional[Dict[str, Any]]) -> Text:
    """The message text, or a payload intent when a photo or location came without words."""
    text = clean_text(text).strip()[:MAX_MESSAGE_CHARS]
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
    if not await asyncio.to_thread(first_delivery, channel, message_id):
        logger.info("Repeated %s delivery %s ignored", channel, message_id)
        return False
    try:
        await handle()
    except Exception:
        await asyncio.to_thread(forget_delivery, channel, message_id)
        raise
    return True


# Turns taken in the background, one at a time per sender, in the order they came in.
_SENDER_LOCKS: Dict[Text, asyncio.Lock] = {}
_RUNNING: set = set()


def in_order(sender: Text, work: Awaitable[None]) -> "asyncio.Task[None]":
    """Run `work` after the sender's earlier messages (asyncio.Lock wakes waiters FIFO)."""
    lock = _SENDER_LOCKS.setdefault(sender, asyncio.Lock())

    async def run() -> None:
        try:
            async with lock:
                await work
        finally:
            if not lock.locked() and not getattr(lock, "_waiters", None):
                _SENDER_LOCKS.pop(sender, None)

    task = asyncio.get_running_loop().create_task(run())
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)
    return task


RATE_LIMITED = "utter_rate_limited"
TECHNICAL_PROBLEM = rasa_patches.APOLOGY


def channel_reply(name: Text, channel: Text) -> List[Dict[str, Any]]:
    """A domain response the channel layer sends itself, in the medium's tone."""
    text = default_text(name).format_map(profile().template_vars())
    return [part.as_dict() for part in render({"text": text, "utter_action": name}, channel)]


async def answer_or_apologise(request: Request, message: UserMessage,
                              on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
    """Pass the message on; should the bot stay silent without a reason (not paused,
    not opted out), the resident gets an apology instead of silence."""
    await on_new_message(message)
    output = message.output_channel
    if getattr(output, "answered", True):
        return
    tracker = await request.app.ctx.agent.tracker_store.retrieve(message.sender_id)
    if tracker is not None and tracker.is_paused():  # a colleague has the conversation
        return
    logger.error("No answer on %s; the resident gets an apology", message.input_channel)
    await output.deliver(message.sender_id, channel_reply(TECHNICAL_PROBLEM,
                                                          message.input_channel))


def over_limit(channel: Text, sender: Text) -> Optional[List[Dict[str, Any]]]:
    """None when the sender may go on; else the reply to send (empty after the first)."""
    if senders.allow(f"{channel}:{sender}"):
        return None
    logger.warning("%s sender over the rate limit; message not processed", channel)
    return channel_reply(RATE_LIMITED, channel) if senders.first_refusal(
        f"{channel}:{sender}") else []


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

    # Answer the provider without waiting for the whole turn (it goes on as a task of its
    # own, replies through the API); the delivery is recorded first, so a retry of the
    # same message is still dropped.
    answer_first = False
    # With answer_first: wait at most this long for the turn before answering (0: none).
    answer_within = 0.0

    def acknowledge(self) -> HTTPResponse:
        return response.json({"ok": True})

    async def before_handling(self, request: Request, parsed: Any) -> None:
        """Called for every first delivery before the rate limit and the turn."""

    @abstractmethod
    def sender_of(self, parsed: Any) -> Optional[Text]:
        """Who sent the parsed message (None when there is no one to answer)."""

    async def _answer_first(self, message_id: Text, parsed: Any,
                            handle: Callable[[], Awaitable[None]]) -> HTTPResponse:
        """Record the delivery, start the turn, and answer when it is done or after
        `answer_within` seconds, whichever is first; a turn that failed by then is
        answered 500 (and forgotten) so the provider's retry gets through."""
        if not await asyncio.to_thread(first_delivery, self.name(), message_id):
            logger.info("Repeated %s delivery %s ignored", self.name(), message_id)
            return self.acknowledge()
        task = in_order(self.sender_of(parsed) or message_id, handle())
        if self.answer_within > 0:
            await asyncio.wait({task}, timeout=self.answer_within)
        if task.done() and not task.cancelled() and task.exception() is not None:
            await asyncio.to_thread(forget_delivery, self.name(), message_id)
            logger.error("%s message %s could not be handled; the provider retries",
                         self.name(), message_id, exc_info=task.exception())
            return response.json({"error": "temporarily_unavailable"}, status=500)
        if not task.done():
            task.add_done_callback(lambda done: self._after_answer(message_id, done))
        return self.acknowledge()

    def _after_answer(self, message_id: Text, task: "asyncio.Task[None]") -> None:
        if not task.cancelled() and task.exception() is not None:
            logger.error("%s message %s failed after the provider had its answer",
                         self.name(), message_id, exc_info=task.exception())

    async def within_limit(self, parsed: Any) -> bool:
        sender = self.sender_of(parsed)
        reply = over_limit(self.name(), sender) if sender else None
        if reply is None:
            return True
        if reply:
            await self.get_output_channel().deliver(sender, reply)
        return False

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
                await self.before_handling(request, parsed)
                if not await self.within_limit(parsed):
                    return
                await self.handle(request, parsed, on_new_message)

            if self.answer_first:
                return await self._answer_first(message_id, parsed, handle)
            try:
                await once(self.name(), message_id, handle)
            except Exception:
                logger.exception("%s message %s could not be handled; the provider retries",
                                 self.name(), message_id)
                return response.json({"error": "temporarily_unavailable"}, status=500)
            return self.acknowledge()

        return hook
