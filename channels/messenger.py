"""Facebook Messenger through Meta's Messenger Platform: webhook at
/webhooks/messenger/webhook.

Written from Meta's own documentation (Messenger Platform, Graph API v25.0, the version
its examples use in 2026): "Meta Webhooks for Messenger Platform" (verification request,
event notifications, `X-Hub-Signature-256`), the webhook reference for the `messages`,
`messaging_postbacks`, `message_deliveries`, `message_reads` and `message_echoes`
fields, and "Quick replies". Rasa's own connector (rasa/core/channels/facebook.py,
Rasa 3.6) gave the Input/Output shape; unlike it, this one checks the SHA-256
signature in constant time and refuses a bad one with 403, handles every event in a
batch, and sends through the outbox (channels.delivery.send_messenger).

- `GET /webhook`: Meta's verification request (`hub.mode=subscribe`, `hub.verify_token`,
  `hub.challenge`); the challenge is echoed when the token matches, else 403.
- `POST /webhook`: `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body with the
  app secret>`, checked before anything is read (403 when missing or wrong). The body
  is `{"object": "page", "entry": [{"id", "time", "messaging": [event, …]}]}`; each
  event has `sender.id` (the resident's page-scoped id, PSID), `recipient.id` (the
  Page), `timestamp` and one of `message` (`mid`, `text`, `quick_reply.payload`,
  `attachments` [{type image|location|audio|video|file|fallback, payload}], `is_echo`),
  `postback` (`title`, `payload`, `mid`), `delivery` (`mids`, `watermark`) or `read`.
- Conversations are `messenger:<PSID>` (like `whatsapp:+31…`), so no web chat id
  (always `webchat-…`), Telegram chat id or REST sender can reach them.
- A quick reply's or postback's payload becomes the message text (metadata `button`,
  the title as `typed`), as a Telegram button press does; images become `media`,
  locations `location`, other attachments `unsupported_media`, like the other channels.
- A repeated `mid` is processed once; echoes of the Page's own messages, deliveries and
  reads are not turns (a delivery marks our message delivered in `channel_deliveries`).
- Each resident's last message time is kept (`channel_contacts`) for Meta's 24-hour
  standard messaging window; when they write, messages held outside it go out first.
  A resident who blocked the Page (Meta's 551) gets nothing more until they write again.

Settings come from the environment only: MESSENGER_APP_SECRET, MESSENGER_VERIFY_TOKEN,
MESSENGER_PAGE_ACCESS_TOKEN (see README).
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import secrets
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.integrations.media import media_refusal
from channels.inbound import (ProviderWebhook, WebhookError, answer_or_apologise, resident_wrote,
                              check_body, clean_text, in_order, menu_answer, text_for,
                              valid_location)
from channels.outbound import ToneOutputChannel
from bot.channel_store import (first_delivery, forget_delivery,
                            is_opted_out, record_status, set_opted_out)

logger = logging.getLogger(__name__)

PREFIX = "messenger:"
SIGNATURE_HEADER = "X-Hub-Signature-256"
MAX_EVENTS = 100
MAX_MEDIA = 10
# Seconds the webhook waits for the turns before it answers Meta anyway (Meta expects
# a quick 200 and redelivers a failed notification); 0 answers at once.
ANSWER_WITHIN = float(os.environ.get("GA_MESSENGER_ANSWER_WITHIN", "10"))


def conversation_id(psid: Text) -> Text:
    """The conversation of a page-scoped id: always in the Messenger namespace."""
    return PREFIX + psid


def psid_of(recipient: Text) -> Text:
    return recipient[len(PREFIX):] if recipient.startswith(PREFIX) else recipient


def signature_valid(app_secret: Text, body: bytes, header: Text) -> bool:
    """Meta's X-Hub-Signature-256 over the raw body, compared in constant time."""
    if not app_secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return secrets.compare_digest(header[len("sha256="):].strip().lower().encode(),
                                  expected.encode())


@dataclass
class Event:
    """One resident's message or button press from a webhook notification."""

    message_id: Text
    psid: Text
    text: Text
    metadata: Dict[Text, Any] = field(default_factory=dict)

    @property
    def sender(self) -> Text:
        return conversation_id(self.psid)


@dataclass
class Notification:
    """What one POST carried: the events to answer and our messages Meta delivered."""

    events: List[Event] = field(default_factory=list)
    delivered: List[Text] = field(default_factory=list)


def parse_notification(body: bytes) -> Notification:
    """The resident's events in a webhook body; WebhookError for anything else."""
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise WebhookError(400, "invalid_json")
    if not isinstance(payload, dict) or payload.get("object") != "page":
        raise WebhookError(400, "not_a_page_notification")
    entries = payload.get("entry")
    if not isinstance(entries, list):
        raise WebhookError(400, "missing_entry")
    notification = Notification()
    count = 0
    refused: List[WebhookError] = []
    for entry in entries:
        messaging = entry.get("messaging") if isinstance(entry, dict) else None
        if not isinstance(messaging, list):
            continue  # `changes` (feed) or `standby`: not for this connector
        for raw in messaging:
            count += 1
            if count > MAX_EVENTS:
                raise WebhookError(413, "too_many_events")
            if not isinstance(raw, dict):
                raise WebhookError(400, "invalid_event")
            if isinstance(raw.get("delivery"), dict):
                mids = raw["delivery"].get("mids") or []
                notification.delivered += [str(m) for m in mids if isinstance(m, str)]
                continue
            try:
                event = parse_event(raw)
            except WebhookError as error:  # one bad event does not block the others
                refused.append(error)
                continue
            if event is not None:
                notification.events.append(event)
    if refused and not notification.events and not notification.delivered:
        raise refused[0]
    for error in refused:
        logger.warning("messenger event skipped (%s): %s", error.status, error.code)
    return notification


def _sender(raw: Dict[Text, Any]) -> Text:
    sender = raw.get("sender")
    psid = str(sender.get("id") or "") if isinstance(sender, dict) else ""
    if not psid.isdigit() or len(psid) > 64:
        raise WebhookError(400, "invalid_sender")
    return psid


def parse_event(raw: Dict[Text, Any]) -> Optional[Event]:
    """A message or postback from the resident; None for what is not a turn (echo,
    read, reaction, referral …)."""
    message, postback = raw.get("message"), raw.get("postback")
    if isinstance(message, dict):
        if message.get("is_echo"):
            return None  # the Page's own message (ours, or a colleague's in the inbox)
        psid = _sender(raw)
        mid = message.get("mid")
        if not isinstance(mid, str) or not mid:
            raise WebhookError(400, "missing_mid")
        return Event(mid, psid, *_message_parts(message))
    if isinstance(postback, dict):
        psid = _sender(raw)
        payload = postback.get("payload")
        if not isinstance(payload, str) or not payload:
            raise WebhookError(400, "missing_postback_payload")
        mid = postback.get("mid") or f"postback-{psid}-{raw.get('timestamp')}"
        metadata = {"button": True, "message_id": str(mid)}
        if isinstance(postback.get("title"), str):
            metadata["typed"] = clean_text(postback["title"])[:100]
        return Event(str(mid), psid, clean_text(payload)[:1000], metadata)
    return None


def _message_parts(message: Dict[Text, Any]) -> Tuple[Text, Dict[Text, Any]]:
    """Text and metadata of one resident's message."""
    metadata: Dict[Text, Any] = {"message_id": message["mid"]}
    quick_reply = message.get("quick_reply")
    if isinstance(quick_reply, dict) and isinstance(quick_reply.get("payload"), str) \
            and quick_reply["payload"]:
        metadata["button"] = True
        metadata["typed"] = clean_text(str(message.get("text") or ""))[:100]
        return clean_text(quick_reply["payload"])[:1000], metadata
    attachments = message.get("attachments") or []
    if not isinstance(attachments, list) or len(attachments) > MAX_MEDIA:
        raise WebhookError(400, "invalid_attachments")
    media: List[Dict[str, str]] = []
    unsupported: List[str] = []
    location = None
    for attachment in attachments:
        kind = attachment.get("type") if isinstance(attachment, dict) else None
        payload = attachment.get("payload") if isinstance(attachment, dict) else None
        payload = payload if isinstance(payload, dict) else {}
        if kind == "image" and payload.get("sticker_id"):
            unsupported.append("sticker")  # the thumbs-up is a sticker, not a photo
        elif kind == "image":
            url = payload.get("url")
            # Only Meta's own media hosts (bot.integrations.media): the outbox fetches it.
            if not isinstance(url, str) or media_refusal(url, "messenger"):
                raise WebhookError(400, "invalid_media_url")
            media.append({"url": url, "content_type": "image/jpeg"})
        elif kind == "location":
            coordinates = payload.get("coordinates") or {}
            location = valid_location(coordinates.get("lat"), coordinates.get("long"))
            if location is None:
                raise WebhookError(400, "invalid_location")
            title = attachment.get("title")
            if isinstance(title, str) and title.strip():
                location["address"] = clean_text(title)[:300]
        else:
            unsupported.append(str(kind or "unknown")[:32])
    if media:
        metadata["media"] = media
    if unsupported:
        metadata["unsupported_media"] = unsupported
    if location:
        metadata["location"] = location
    text = message.get("text") if isinstance(message.get("text"), str) else ""
    return text_for(text, media, unsupported, location), metadata


class MessengerOutput(ToneOutputChannel):
    def __init__(self) -> None:
        super().__init__("messenger")


class MessengerInput(ProviderWebhook):
    """The project's Facebook Messenger connector (one Facebook Page)."""

    answer_within = ANSWER_WITHIN

    def __init__(self, app_secret: Text = "", verify_token: Text = "",
                 page_access_token: Text = "") -> None:
        self.app_secret = app_secret or os.environ.get("MESSENGER_APP_SECRET", "")
        self.verify_token = verify_token or os.environ.get("MESSENGER_VERIFY_TOKEN", "")
        # Replies are sent by channels.delivery with MESSENGER_PAGE_ACCESS_TOKEN.
        self.page_access_token = (page_access_token
                                  or os.environ.get("MESSENGER_PAGE_ACCESS_TOKEN", ""))

    @classmethod
    def name(cls) -> Text:
        return "messenger"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "MessengerInput":
        """Secrets only from the environment; credentials.yml names the connector."""
        return cls()

    def configured(self) -> bool:
        return bool(self.app_secret and self.verify_token)

    def get_output_channel(self) -> MessengerOutput:
        return MessengerOutput()

    def accept(self, request: Request) -> Tuple[Text, Notification]:
        body = check_body(request)
        if not signature_valid(self.app_secret, body,
                               request.headers.get(SIGNATURE_HEADER, "")):
            raise WebhookError(403, "invalid_signature")
        return "", parse_notification(body)

    def sender_of(self, event: Event) -> Optional[Text]:
        return event.sender

    async def before_handling(self, request: Request, event: Event) -> None:
        """The resident wrote: the 24-hour window opens and held messages go out first."""
        def unblocked() -> None:  # Meta's 551 (blocked) stopped us; writing again unblocks
            if is_opted_out(self.name(), event.sender):
                set_opted_out(self.name(), event.sender, False)

        await resident_wrote(self.name(), event.sender, event.metadata, also=unblocked)

    async def handle(self, request: Request, event: Event,
                     on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        text, metadata = event.text, dict(event.metadata)
        if not metadata.get("button"):
            payload = await menu_answer(request, event.sender, text)
            if payload:
                metadata["typed"], text = text, payload
        message = UserMessage(text, self.get_output_channel(), event.sender,
                              input_channel=self.name(), metadata=metadata)
        await answer_or_apologise(request, message, on_new_message)

    async def _turn(self, request: Request, event: Event,
                    on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        await self.before_handling(request, event)
        if not await self.within_limit(event):
            return
        await self.handle(request, event, on_new_message)

    async def _receive(self, request: Request,
                       on_new_message: Callable[[UserMessage], Awaitable[Any]]
                       ) -> HTTPResponse:
        """Record each event's mid, start its turn (in order per resident) and answer
        when the turns are done or after `answer_within` seconds; a turn that failed by
        then gets a 500 (its mid forgotten) so Meta's redelivery brings it again."""
        try:
            _, notification = self.accept(request)
        except WebhookError as error:
            logger.warning("messenger webhook refused (%s): %s", error.status, error.code)
            return response.json({"error": error.code}, status=error.status)
        for mid in notification.delivered:
            await asyncio.to_thread(record_status, mid, "delivered", None, None, self.name())
        started: List[Tuple[Text, "asyncio.Task[None]"]] = []
        for event in notification.events:
            if not await asyncio.to_thread(first_delivery, self.name(), event.message_id):
                logger.info("Repeated messenger delivery %s ignored", event.message_id)
                continue
            started.append((event.message_id, in_order(
                event.sender, self._turn(request, event, on_new_message))))
        tasks = {task for _, task in started}
        if tasks and self.answer_within > 0:
            await asyncio.wait(tasks, timeout=self.answer_within)
        failed = [(mid, task) for mid, task in started if task.done()
                  and not task.cancelled() and task.exception() is not None]
        for mid, task in failed:
            await asyncio.to_thread(forget_delivery, self.name(), mid)
            logger.error("messenger message %s could not be handled; Meta redelivers", mid,
                         exc_info=task.exception())
        for mid, task in started:
            if not task.done():
                task.add_done_callback(lambda done, mid=mid: self._after_answer(mid, done))
        if failed:
            return response.json({"error": "temporarily_unavailable"}, status=500)
        return response.text("EVENT_RECEIVED")

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        hook = Blueprint(f"{self.name()}_webhook", __name__)

        @hook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.configured() else "not_configured"})

        @hook.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            """Meta's verification request when the webhook is configured."""
            if not self.configured():
                return response.json({"error": "not_configured"}, status=503)
            mode = request.args.get("hub.mode", "")
            token = request.args.get("hub.verify_token", "")
            challenge = request.args.get("hub.challenge", "")
            if mode != "subscribe" or not secrets.compare_digest(
                    token.encode(), self.verify_token.encode()):
                logger.warning("messenger webhook verification refused")
                return response.json({"error": "verification_failed"}, status=403)
            if not challenge or len(challenge) > 256 or not challenge.isalnum():
                return response.json({"error": "invalid_challenge"}, status=400)
            return response.text(challenge)

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.configured():
                return response.json({"error": "not_configured"}, status=503)
            return await self._receive(request, on_new_message)

        return hook
