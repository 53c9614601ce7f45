"""What WhatsApp and SMS share: Twilio's signed webhook and its message fields.

Twilio posts a form per incoming message and signs it with X-Twilio-Signature; a
request that does not validate is refused with 403 before anything is read from it.
Photos (NumMedia, MediaUrlN, MediaContentTypeN) and WhatsApp locations (Latitude,
Longitude, Address) reach the dialogue as metadata the report flow uses.

Every message is stored first (the durable inbox, bot.channel_store.store_inbox) and Twilio
gets its empty TwiML answer at once; the connector's worker (channels.inbound.Inbox)
takes the turns afterwards, one at a time per resident in the order they came in, and
the replies go out through the REST API and the outbox. A crash between storing and
processing loses nothing: the next worker takes the message.
Status callbacks (/webhooks/<channel>/status, signed the same way) record what became
of every message.
"""
from __future__ import annotations

import asyncio
import logging
from abc import ABC
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple
from urllib.parse import parse_qsl

from rasa.core.channels.channel import UserMessage
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator

from bot.reports.outbox import deliver_due
from bot.settings import TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_PUBLIC_URL
from channels.inbound import (IMAGE_TYPES, ProviderWebhook, WebhookError, resident_wrote,
                              answer_or_apologise, check_body, menu_answer, text_for,
                              valid_location)
from channels.delivery import OUTSIDE_WINDOW
from channels.fallback import after_failure
from channels.outbound import ToneOutputChannel
from bot.channel_store import (FAILED, STATUS_ORDER, close_window,
                            hold_again,
                            record_status, set_opted_out)

logger = logging.getLogger(__name__)

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
MAX_MEDIA = 10
# What Twilio's delivery error codes mean (https://www.twilio.com/docs/api/errors).
ERROR_CODES = {
    21211: "invalid 'To' number", 21610: "recipient unsubscribed (STOP)",
    21614: "not a mobile number", 30003: "unreachable handset", 30004: "message blocked",
    30005: "unknown destination", 30006: "landline or unreachable carrier",
    30007: "filtered by the carrier", 30008: "unknown error",
    63003: "not a WhatsApp user", 63016: "outside WhatsApp's 24-hour window",
    63024: "invalid WhatsApp recipient", 63032: "recipient opted out of marketing",
}


class TwilioForm(dict):
    """Form fields as Twilio sent them (name → list of values), blanks included."""

    def getall(self, name: Text) -> List[Text]:  # what RequestValidator looks for
        return self[name]

    def first(self, name: Text, default: Text = "") -> Text:
        return (self.get(name) or [default])[0]


def parse_form(request: Request) -> TwilioForm:
    body = check_body(request)
    if not (request.content_type or "").startswith("application/x-www-form-urlencoded"):
        raise WebhookError(415, "expected_form_encoding")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise WebhookError(400, "invalid_utf8")
    form = TwilioForm()
    for name, value in pairs:
        form.setdefault(name, []).append(value)
    return form


def signed_url(request: Request) -> Text:
    """The URL Twilio called; behind a proxy that is TWILIO_PUBLIC_URL plus the path."""
    if not TWILIO_PUBLIC_URL:
        return request.url
    query = f"?{request.query_string}" if request.query_string else ""
    return f"{TWILIO_PUBLIC_URL}{request.path}{query}"


def message_metadata(form: TwilioForm) -> Dict[Text, Any]:
    """Photos, a shared location and what could not be used, for the dialogue."""
    try:
        count = int(form.first("NumMedia", "0") or 0)
    except ValueError:
        raise WebhookError(400, "invalid_num_media")
    if not 0 <= count <= MAX_MEDIA:
        raise WebhookError(400, "invalid_num_media")
    media, unsupported = [], []
    for index in range(count):
        url = form.first(f"MediaUrl{index}")
        kind = form.first(f"MediaContentType{index}").split(";")[0].strip().lower()
        if not url:
            raise WebhookError(400, "missing_media_url")
        if kind in IMAGE_TYPES:
            media.append({"url": url, "content_type": kind})
        else:
            unsupported.append(kind or "unknown")
    metadata: Dict[Text, Any] = {"message_id": form.first("MessageSid")}
    if media:
        metadata["media"] = media
    if unsupported:
        metadata["unsupported_media"] = unsupported
    if form.get("Latitude") or form.get("Longitude"):
        location = valid_location(form.first("Latitude"), form.first("Longitude"))
        if location is None:
            raise WebhookError(400, "invalid_location")
        label = form.first("Address") or form.first("Label")
        if label:
            location["address"] = label[:300]
        metadata["location"] = location
    return metadata


class TwilioInput(ProviderWebhook, ABC):
    """One Twilio channel; subclasses say which (WhatsApp or SMS)."""

    # Single-word messages that switch messages off or on again (empty: none).
    opt_out_words: frozenset = frozenset()
    opt_in_words: frozenset = frozenset()
    # Free text only within a window after the resident's last message (WhatsApp).
    has_window = False
    durable = True

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "TwilioInput":
        return cls()

    def configured(self) -> bool:
        return bool(TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN)

    def get_output_channel(self) -> ToneOutputChannel:
        return ToneOutputChannel(self.name())

    def check_sender(self, sender: Text) -> None:
        """Raise WebhookError when `sender` does not belong on this channel."""

    def accept(self, request: Request) -> Tuple[Text, UserMessage]:
        form = self.verified_form(request)
        message = self._user_message(form)
        return message.metadata["message_id"], message

    def acknowledge(self) -> HTTPResponse:
        return response.text(EMPTY_TWIML, content_type="text/xml")

    def inbox_fields(self, message: UserMessage) -> Tuple[Text, Text, Dict[Text, Any]]:
        return message.sender_id, message.text, message.metadata

    def from_inbox(self, item: Dict[str, Any]) -> UserMessage:
        return UserMessage(item["text"], self.get_output_channel(), item["sender"],
                           input_channel=self.name(), metadata=item["metadata"])

    def verified_form(self, request: Request) -> TwilioForm:
        form = parse_form(request)
        signature = request.headers.get("X-Twilio-Signature", "")
        if not RequestValidator(TWILIO_AUTH_TOKEN).validate(signed_url(request), form,
                                                            signature):
            raise WebhookError(403, "invalid_signature")
        return form

    async def before_handling(self, request: Request, message: UserMessage) -> None:
        """The resident wrote: WhatsApp's window opens and held messages go out first."""
        if self.has_window:
            await resident_wrote(self.name(), message.sender_id, message.metadata)

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Any:
        hook = super().blueprint(on_new_message)

        @hook.route("/status", methods=["POST"])
        async def status(request: Request) -> HTTPResponse:
            if not self.configured():
                return response.json({"error": "not_configured"}, status=503)
            try:
                form = self.verified_form(request)
                result = await self.record_status(form)
            except WebhookError as error:
                logger.warning("%s status callback refused (%s): %s", self.name(),
                               error.status, error.code)
                return response.json({"error": error.code}, status=error.status)
            return response.json({"ok": True, "known": result is not None})

        return hook

    async def record_status(self, form: TwilioForm) -> Optional[Dict[str, Any]]:
        """Store one status callback; a 63016 puts the message back, behind a template."""
        sid, status = form.first("MessageSid"), form.first("MessageStatus")
        if not sid or status not in STATUS_ORDER:
            raise WebhookError(400, "missing_sid_or_status")
        code_text = form.first("ErrorCode")
        try:
            code = int(code_text) if code_text else None
        except ValueError:
            raise WebhookError(400, "invalid_error_code")
        meaning = ERROR_CODES.get(code) if code else None
        result = await asyncio.to_thread(record_status, sid, status, code, meaning,
                                         self.name(), None, form.first("To") or None)
        if result is None:
            logger.info("%s status %s for a message we do not know", self.name(), status)
            return None
        if status in FAILED:
            logger.error("%s message %s %s: Twilio error %s (%s)", self.name(), sid, status,
                         code, meaning or "see Twilio's error list")
            if code != OUTSIDE_WINDOW:
                await asyncio.to_thread(after_failure, sid)
        if (code == OUTSIDE_WINDOW and self.has_window and result["kind"] == "text"
                and result["outbox_id"]):
            recipient = form.first("To")
            await asyncio.to_thread(close_window, self.name(), recipient)
            item = await asyncio.to_thread(hold_again, result["outbox_id"])
            if item is not None:
                await asyncio.to_thread(deliver_due, item_ids=[item])
        return result

    def sender_of(self, message: UserMessage) -> Optional[Text]:
        return message.sender_id

    def _user_message(self, form: TwilioForm) -> UserMessage:
        sender, sid = form.first("From"), form.first("MessageSid")
        if not sender or not sid:
            raise WebhookError(400, "missing_from_or_message_sid")
        self.check_sender(sender)
        metadata = message_metadata(form)
        text = text_for(form.first("Body"), metadata.get("media", []),
                        metadata.get("unsupported_media", []), metadata.get("location"))
        return UserMessage(text, self.get_output_channel(), sender,
                           input_channel=self.name(), metadata=metadata)

    async def handle(self, request: Request, message: UserMessage,
                     on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        word = message.text.strip().upper()
        if word in self.opt_out_words or word in self.opt_in_words:
            opted_out = word in self.opt_out_words
            await asyncio.to_thread(set_opted_out, self.name(), message.sender_id, opted_out)
            message.metadata["typed"] = message.text
            message.text = "/opt_out" if opted_out else "/opt_in"
        else:
            payload = await menu_answer(request, message.sender_id, message.text)
            if payload:
                message.metadata["typed"] = message.text
                message.text = payload
        await answer_or_apologise(request, message, on_new_message)
