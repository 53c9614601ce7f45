"""The input side shared by the channels: request checks, duplicate deliveries, the
durable inbox (store first, answer the provider, process afterwards in order per
resident), numbered answers to buttons, the per-sender rate limit, and an apology
instead of silence."""
from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import socket
import uuid
from abc import ABC, abstractmethod
from types import SimpleNamespace
from typing import Any, Awaitable, Callable, Dict, List, Optional, Pattern, Text, Tuple

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.shared.core.events import BotUttered, UserUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot import rasa_patches
from bot.profile import profile
from bot.ratelimit import senders
from bot.tone import render
from bot.tone.gsm import strip_emoji
from bot.tone.responses import default_text
from bot import channel_store as store
from bot.channel_store import first_delivery, forget_delivery
from bot.reports.outbox import deliver_due
from bot.knowledge.articles import ARTICLE_ENTITY, ARTICLE_SEPARATOR, choice_payload

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


_ORDINALS = {"eerste": 1, "1e": 1, "first": 1, "tweede": 2, "2e": 2, "second": 2,
             "derde": 3, "3e": 3, "third": 3, "vierde": 4, "4e": 4, "fourth": 4}
_LAST = {"laatste", "last"}
# Words around an ordinal that only point at the list: "den eerste", "nummer 2 graag".
_POINTING = frozenset("de den die het dat nummer nr optie knop keuze antwoord the one option "
                      "number graag aub alstublieft maar dan please".split())


# "allebei eigenlijk", "beide graag": every article offered.
_BOTH = re.compile(r"(?:(?:ja|nou|eh|uh)\s+)?(?:allebei|allebeide|allebij|beide|beiden|"
                   r"alle\s+(?:twee|2|drie|3)|allemaal|both|all\s+of\s+them|both\s+of\s+them)"
                   r"(?:\s+(?:eigenlijk|graag|aub|alstublieft|wel|denk\s+ik|please|actually))*")


def _all_articles(buttons: List[Dict[str, Any]]) -> Optional[Text]:
    """One payload that chooses every article the buttons offer, when they offer two or more."""
    found = [_ARTICLE.search(str(button.get("payload") or "")) for button in buttons]
    ids = [match.group(1) for match in found if match]
    return choice_payload(*ids) if len(ids) > 1 else None


_ARTICLE = re.compile(r'"%s"\s*:\s*"([^"%s]+)"' % (ARTICLE_ENTITY, re.escape(ARTICLE_SEPARATOR)))


def _chosen_number(answer: Text, count: int) -> Optional[int]:
    """The place in the list a typed answer picks ("2", "den eerste", "de laatste"), if any."""
    words = [word for word in answer.split() if word not in _POINTING]
    if len(words) != 1 or not count:
        return None
    word = words[0]
    number = (int(word) if word.isdigit() else count if word in _LAST
              else _ORDINALS.get(word))
    return number if number and 1 <= number <= count else None


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
    if _BOTH.fullmatch(answer):
        return _all_articles(buttons)
    chosen = _chosen_number(answer, len(buttons))
    if chosen is not None:
        return buttons[chosen - 1].get("payload")
    for button in buttons:
        if answer and answer == _normal(str(button.get("title", ""))):
            return button.get("payload")
    return _named_button(answer, buttons)


# Words around a button's own words that only say yes or point at it ("ja, huurtoeslag").
_AROUND_A_CHOICE = frozenset("ja jawel graag die dat de het over ik bedoel yes please the".split())


def _named_button(answer: Text, buttons: List[Dict[str, Any]]) -> Optional[Text]:
    """The one button whose title holds every word of the answer besides a yes ("ja
    huurtoeslag" for "Huurtoeslag aanvragen"), if exactly one does."""
    words = {word for word in answer.split() if word not in _AROUND_A_CHOICE}
    if not words:
        return None
    named = [button for button in buttons
             if words <= set(_normal(str(button.get("title", ""))).split())]
    return named[0].get("payload") if len(named) == 1 else None


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


# The durable inbox -------------------------------------------------------------------

# Seconds after which a claim counts as a dead worker's (a live worker renews its claims
# every third of that while a turn runs); how often the worker looks for messages
# stored by other instances or left by a crash; turns at the same time per process.
CLAIM_TIMEOUT = float(os.environ.get("GA_INBOX_CLAIM_TIMEOUT", "60"))
POLL_INTERVAL = float(os.environ.get("GA_INBOX_POLL_INTERVAL", "2"))
MAX_TURNS = int(os.environ.get("GA_INBOX_MAX_TURNS", "16"))
# A turn that fails is tried again after 2, 4, 8, … seconds, MAX_ATTEMPTS times in all,
# before the resident's later messages; then it is logged and given up.
FIRST_RETRY = float(os.environ.get("GA_INBOX_FIRST_RETRY", "2"))
MAX_ATTEMPTS = int(os.environ.get("GA_INBOX_MAX_ATTEMPTS", "5"))
# Tests only: the worker claims messages and then waits forever before the turn (the
# moment a crash is simulated by killing the process).
TEST_HOLD = "GA_INBOX_TEST_HOLD"


class Inbox:
    """One connector's worker over its stored messages, one per process.

    It claims the oldest waiting message of each resident (bot.channel_store.claim_inbox),
    runs `turn` for it and marks it processed only when the turn is done, so a crash
    before that leaves it to the next worker; different residents' turns run at the same
    time, one resident's one after another in the order they came in."""

    def __init__(self, channel: Text,
                 turn: Callable[[Dict[str, Any]], Awaitable[None]]) -> None:
        self.channel, self.turn = channel, turn
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._task: Optional["asyncio.Task[None]"] = None
        self._wake = asyncio.Event()
        self._running: Dict[int, "asyncio.Task[None]"] = {}

    def start(self) -> None:
        """Start the worker on the running loop (again, after a previous loop ended)."""
        if self._task is None or self._task.done() or self._task.get_loop().is_closed():
            self._wake, self._running = asyncio.Event(), {}
            self._task = asyncio.get_running_loop().create_task(self._run())

    def wake(self) -> None:
        """A message was stored: look at once instead of at the next poll."""
        self.start()
        self._wake.set()

    async def stop(self) -> None:
        """Stop claiming; turns still running are given back to the inbox."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        running = list(self._running.values())
        for task in running:
            task.cancel()
        await asyncio.gather(*running, return_exceptions=True)
        self._task = None

    async def drain(self, timeout: float = 30) -> bool:
        """Wait until nothing of this channel waits or runs (tests, a graceful stop)."""
        self.wake()
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            if not self._running and not await asyncio.to_thread(store.inbox_waiting,
                                                                 self.channel):
                return True
            await asyncio.sleep(0.05)
        return False

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            free = MAX_TURNS - len(self._running)
            items: List[Dict[str, Any]] = []
            if free > 0:
                try:
                    items = await asyncio.to_thread(store.claim_inbox, self.channel,
                                                    self.worker, free, CLAIM_TIMEOUT)
                except Exception:  # the database is away: try again at the next poll
                    logger.exception("%s inbox: could not claim messages", self.channel)
            for item in items:
                self._running[item["id"]] = asyncio.get_running_loop().create_task(
                    self._process(item))
            if items and len(items) == free:
                continue  # there may be more waiting
            # Not asyncio.wait_for: on Python 3.11 it can swallow a cancellation that
            # comes as the event is set, and stop() would wait forever.
            waiter = asyncio.get_running_loop().create_task(self._wake.wait())
            try:
                await asyncio.wait({waiter}, timeout=POLL_INTERVAL)
            finally:
                waiter.cancel()

    async def _process(self, item: Dict[str, Any]) -> None:
        keeper = asyncio.get_running_loop().create_task(self._keep_claim(item["id"]))
        try:
            failure: Optional[Exception] = None
            try:
                if os.environ.get(TEST_HOLD):
                    await asyncio.Event().wait()
                await self.turn(item)
            except asyncio.CancelledError:  # the process stops: the next start takes it
                await asyncio.to_thread(store.release_inbox, item["id"], self.worker)
                raise
            except Exception as error:
                failure = error
            try:
                if failure is not None:
                    await self._failed(item, failure)
                elif not await asyncio.to_thread(store.finish_inbox, item["id"],
                                                 self.worker):
                    logger.error("%s inbox: message %s was taken over during its turn",
                                 self.channel, item["message_id"])
            except SQLAlchemyError:  # its claim runs out and it is taken again
                logger.exception("%s inbox: could not record the end of message %s",
                                 self.channel, item["message_id"])
        finally:
            keeper.cancel()
            self._running.pop(item["id"], None)
            self._wake.set()

    async def _failed(self, item: Dict[str, Any], error: Exception) -> None:
        reason = f"{type(error).__name__}: {error}"
        if item["attempts"] >= MAX_ATTEMPTS:
            logger.error("%s message %s failed %s times; given up", self.channel,
                         item["message_id"], item["attempts"], exc_info=error)
            await asyncio.to_thread(store.finish_inbox, item["id"], self.worker, reason)
            return
        delay = FIRST_RETRY * 2 ** (item["attempts"] - 1)
        logger.error("%s message %s failed (attempt %s); tried again in %s s",
                     self.channel, item["message_id"], item["attempts"], delay,
                     exc_info=error)
        await asyncio.to_thread(store.release_inbox, item["id"], self.worker, reason, delay)

    async def _keep_claim(self, item_id: int) -> None:
        while True:
            await asyncio.sleep(CLAIM_TIMEOUT / 3)
            try:
                await asyncio.to_thread(store.renew_claim, item_id, self.worker)
            except SQLAlchemyError:
                logger.exception("%s inbox: could not renew a claim", self.channel)


RATE_LIMITED = "utter_rate_limited"
TECHNICAL_PROBLEM = rasa_patches.APOLOGY


def channel_reply(name: Text, channel: Text) -> List[Dict[str, Any]]:
    """A domain response the channel layer sends itself, in the medium's tone."""
    text = default_text(name).format_map(profile().template_vars())
    return [part.as_dict() for part in render({"text": text, "utter_action": name}, channel)]


async def answer_or_apologise(request: Request, message: UserMessage,
                              on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
    """Pass the message on; should the bot stay silent without a reason (not paused,
    not opted out, no held messages released by this message), the resident gets an
    apology instead of silence."""
    await on_new_message(message)
    output = message.output_channel
    if getattr(output, "answered", True) or (message.metadata or {}).get(store.RELEASED_HELD):
        return
    tracker = await request.app.ctx.agent.tracker_store.retrieve(message.sender_id)
    if tracker is not None and tracker.is_paused():  # a colleague has the conversation
        return
    logger.error("No answer on %s; the resident gets an apology", message.input_channel)
    await output.deliver(message.sender_id, channel_reply(TECHNICAL_PROBLEM,
                                                          message.input_channel))


async def resident_wrote(channel: Text, sender: Text, metadata: Dict[str, Any],
                         also: Optional[Callable[[], None]] = None) -> None:
    """The resident wrote on a channel with a 24-hour window: record the time, release the
    messages held for them and note in `metadata` what they had not seen yet; `also` runs
    with the recording (a channel's own bookkeeping)."""
    def record() -> Tuple[List[int], List[int]]:
        store.record_inbound(channel, sender)
        if also:
            also()
        return store.release_held(channel, sender), store.being_sent(channel, sender)

    try:
        held, sending = await asyncio.to_thread(record)
    except SQLAlchemyError:  # the conversation goes on; the outbox catches up later
        logger.exception("%s: could not record the resident's message time", channel)
        return
    if held or sending:  # what the resident had not seen yet, whoever sends it
        metadata[store.RELEASED_HELD] = await asyncio.to_thread(store.released_responses,
                                                                held + sending)
    if held:
        logger.info("%s: %s held message(s) released, the resident wrote", channel, len(held))
        await asyncio.to_thread(deliver_due, item_ids=held)


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

    # Store every message durably before answering (bot.channel_store.store_inbox), answer
    # at once, and let the connector's Inbox worker take the turns; the subclass says how
    # a parsed message is stored (`inbox_fields`) and read back (`from_inbox`).
    durable = False

    def acknowledge(self) -> HTTPResponse:
        return response.json({"ok": True})

    def inbox_fields(self, parsed: Any) -> Tuple[Text, Text, Dict[Text, Any]]:
        """Sender, text and metadata of a parsed message, for the durable inbox."""
        raise NotImplementedError

    def from_inbox(self, item: Dict[str, Any]) -> Any:
        """The parsed message again, from what `inbox_fields` stored."""
        raise NotImplementedError

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

    async def take_turn(self, request: Any, parsed: Any,
                        on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        await self.before_handling(request, parsed)
        if not await self.within_limit(parsed):
            return
        await self.handle(request, parsed, on_new_message)

    def inbox(self, app: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]]
              ) -> Inbox:
        """This connector's worker (made once; the turn needs only the app's agent)."""
        if getattr(self, "_inbox", None) is None:
            request = SimpleNamespace(app=app)

            async def turn(item: Dict[str, Any]) -> None:
                await self.take_turn(request, self.from_inbox(item), on_new_message)

            self._inbox = Inbox(self.name(), turn)
        return self._inbox

    async def _store_and_answer(self, request: Request, message_id: Text, parsed: Any,
                                on_new_message: Callable[[UserMessage], Awaitable[Any]]
                                ) -> HTTPResponse:
        """Store the message (a repeat is dropped), answer at once, wake the worker."""
        sender, text, metadata = self.inbox_fields(parsed)
        try:
            new = await asyncio.to_thread(store.store_inbox, self.name(), message_id,
                                          sender, text, metadata)
        except SQLAlchemyError:
            logger.exception("%s message %s could not be stored; the provider retries",
                             self.name(), message_id)
            return response.json({"error": "temporarily_unavailable"}, status=500)
        if not new:
            logger.info("Repeated %s delivery %s ignored", self.name(), message_id)
        self.inbox(request.app, on_new_message).wake()
        return self.acknowledge()

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        hook = Blueprint(f"{self.name()}_webhook", __name__)

        if self.durable:
            @hook.listener("after_server_start")
            async def start_inbox(app: Any, _loop: Any) -> None:
                if self.configured():  # first what a crash or another instance left
                    self.inbox(app, on_new_message).wake()

            @hook.listener("before_server_stop")
            async def stop_inbox(app: Any, _loop: Any) -> None:
                if getattr(self, "_inbox", None) is not None:
                    await self._inbox.stop()

        @hook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            answer: Dict[str, Any] = {"status": "ok" if self.configured()
                                      else "not_configured"}
            if self.durable and self.configured():  # the backlog, for monitoring
                try:
                    answer["waiting"] = await asyncio.to_thread(store.inbox_waiting,
                                                                self.name())
                except SQLAlchemyError:
                    answer["status"] = "database_unavailable"
            return response.json(answer)

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

            if self.durable:
                return await self._store_and_answer(request, message_id, parsed,
                                                    on_new_message)

            async def handle() -> None:
                await self.take_turn(request, parsed, on_new_message)

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
