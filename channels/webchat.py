"""Web chat: a small accessible chat page plus a validated JSON webhook.

Served by the Rasa server itself at /webhooks/webchat/ (page), /webhooks/webchat/health,
/session, /webhook and /updates, so the page and the bot share one origin.

Web chat ids are issued by the server and bound to the browser: `POST .../session` returns
`{"sender": "webchat-<random>", "token": HMAC-SHA256(GA_WEBCHAT_SECRET, sender)}` (nothing is
stored), and every /webhook and /updates call must carry that token (`X-Chat-Token`
header, or `token` in the body or query); a missing or wrong one gets 403. Ids live in a
namespace of their own (`webchat-…`), so no id reaches a WhatsApp, SMS or Telegram
conversation, and /updates only reads web chat conversations. Text is cleaned at the door
(lone surrogates, control characters); metadata sent by the browser is not passed on.
"""
from __future__ import annotations

import hashlib
import hmac
import html
import json
import logging
import re
import secrets
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.shared.core.events import BotUttered
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import settings
from bot.profile import profile
from bot.tone import render
from channels.inbound import (MAX_BODY_BYTES, WebhookError,
                              answer_or_apologise, menu_answer, over_limit, read_chat_request)

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).with_name("webchat_static")
STATIC_FILES = {"chat.js": "text/javascript", "chat.css": "text/css"}
# Responses sent on their own (not as a reply): status updates and the questions that come
# with them (the municipality's question, the satisfaction question after "afgehandeld").
# Also a new place in the queue and the satisfaction question after a colleague finished.
PUSHED_PREFIX = ("utter_report_status_", "utter_report_reaction_question",
                 "utter_report_kto_ask", "utter_waiting_news", "utter_ask_satisfaction")
# An id the server issued ("webchat-s.<random>", only with its token), or an open id of a
# client without a session (no dot: it can never name an issued conversation).
ISSUED_PREFIX = "webchat-s."
SENDER_PATTERN = re.compile(r"^(?:[A-Za-z0-9_-]{8,64}|webchat-s\.[A-Za-z0-9_-]{16,64})$")
CONVERSATION_PREFIX = "webchat-"
TOKEN_HEADER = "X-Chat-Token"
_PROCESS_SECRET = secrets.token_urlsafe(32)  # when GA_WEBCHAT_SECRET is unset


def chat_token(secret: Text, sender: Text) -> Text:
    """The token that binds `sender` to the browser it was issued to."""
    return hmac.new(secret.encode("utf-8"), sender.encode("utf-8"),
                    hashlib.sha256).hexdigest()


def new_session(secret: Text) -> Dict[Text, Text]:
    """A fresh web chat id and its token."""
    sender = ISSUED_PREFIX + secrets.token_urlsafe(18)
    return {"sender": sender, "token": chat_token(secret, sender)}


def conversation_id(sender: Text) -> Text:
    """The server's conversation id for a browser's id: always in the web chat namespace."""
    return sender if sender.startswith(CONVERSATION_PREFIX) else CONVERSATION_PREFIX + sender


def _pushed(event: BotUttered) -> bool:
    """Sent outside a reply to the resident: a status update or a colleague's message."""
    return bool(event.metadata.get("staff")) or str(
        event.metadata.get("utter_action", "")).startswith(PUSHED_PREFIX)


def render_page() -> Text:
    """The chat page with the municipality's name and phone number filled in."""
    municipality = profile()
    page = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
    return (page.replace("{{municipality}}", html.escape(municipality.name))
                .replace("{{phone}}", html.escape(municipality.phone)))


class WebChatOutput(CollectingOutputChannel):
    """Collects the replies for the HTTP answer, rendered in the web chat's tone."""

    @classmethod
    def name(cls) -> Text:
        return "webchat"

    @property
    def answered(self) -> bool:
        return bool(self.messages)

    async def deliver(self, recipient_id: Text, parts: List[Dict[Text, Any]]) -> None:
        for part in parts:
            await self._persist_message({"recipient_id": recipient_id, **part})

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        await self.deliver(recipient_id, render_for_webchat(message))


def render_for_webchat(message: Dict[Text, Any]) -> List[Dict[Text, Any]]:
    if not message.get("text"):
        return []
    return [part.as_dict() for part in render(message, "webchat")]


def parse_webhook_body(body: bytes) -> Dict[Text, Any]:
    """Validate a web chat request body and return sender, message and metadata."""
    if len(body) > MAX_BODY_BYTES:
        raise WebhookError(413, "body_too_large")
    sender, message, payload = read_chat_request(body, SENDER_PATTERN)
    metadata = payload.get("metadata") or {}
    if not isinstance(metadata, dict):
        raise WebhookError(400, "invalid_metadata")
    return {"sender": sender, "message": message, "metadata": metadata}


def body_token(body: bytes) -> Optional[Text]:
    """The token in the request body (`"token": …`), for clients that cannot set headers."""
    try:
        token = json.loads(body.decode("utf-8")).get("token")
    except (UnicodeDecodeError, ValueError, AttributeError):
        return None
    return token if isinstance(token, str) else None


class WebChatInput(InputChannel):
    """The project's own web chat page and webhook."""

    def __init__(self, secret: Optional[Text] = None,
                 unbound_ids: Optional[bool] = None) -> None:
        self.secret = secret or settings.WEBCHAT_SECRET or _PROCESS_SECRET
        # Open ids (no session, no token) for integrations that post {sender, message};
        # they live apart from issued ids. GA_WEBCHAT_UNBOUND_IDS=0 refuses them.
        self.unbound_ids = (settings.WEBCHAT_UNBOUND_IDS if unbound_ids is None
                            else unbound_ids)

    @classmethod
    def name(cls) -> Text:
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "WebChatInput":
        """The secret from the environment (or `secret:` under the connector)."""
        secret = (credentials or {}).get("secret")
        if not isinstance(secret, str) or secret.startswith("${"):
            secret = None  # an unset ${VARIABLE} is no secret
        return cls(secret=secret)

    def bound(self, request: Request, sender: Text,
              given: Optional[Text] = None) -> bool:
        """Whether the call carries the token issued with `sender`, or is an open id
        (allowed unless switched off; never an issued one)."""
        token = request.headers.get(TOKEN_HEADER) or given or request.args.get("token")
        if not token:
            return self.unbound_ids and not sender.startswith(ISSUED_PREFIX)
        return hmac.compare_digest(
            str(token).encode("utf-8"), chat_token(self.secret, sender).encode("utf-8"))

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        webchat = Blueprint("webchat_webhook", __name__)

        @webchat.route("/", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            return response.html(render_page())

        @webchat.route("/static/<filename>", methods=["GET"])
        async def static(request: Request, filename: Text) -> HTTPResponse:
            if filename not in STATIC_FILES:
                return response.json({"error": "not_found"}, status=404)
            return await response.file(STATIC_DIR / filename,
                                       mime_type=STATIC_FILES[filename])

        @webchat.route("/health", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webchat.route("/session", methods=["POST"])
        async def session(request: Request) -> HTTPResponse:
            """A new conversation id for this browser and the token that proves it."""
            return response.json(new_session(self.secret))

        @webchat.route("/updates", methods=["GET"])
        async def updates(request: Request) -> HTTPResponse:
            """Messages sent on their own (status updates, staff) after `after` (a timestamp)."""
            sender = request.args.get("sender", "")
            if not SENDER_PATTERN.match(sender):
                return response.json({"error": "invalid_sender"}, status=400)
            if not self.bound(request, sender):
                return response.json({"error": "invalid_token"}, status=403)
            try:
                after = float(request.args.get("after", "0"))
            except ValueError:
                return response.json({"error": "invalid_after"}, status=400)
            tracker = await request.app.ctx.agent.tracker_store.retrieve(
                conversation_id(sender))
            events = tracker.events if tracker else []
            if tracker is not None and tracker.get_latest_input_channel() not in (
                    None, self.name()):
                return response.json([])  # never another channel's messages
            messages = [{**part, "timestamp": e.timestamp} for e in events
                        if isinstance(e, BotUttered) and e.timestamp > after
                        and _pushed(e)
                        for part in render_for_webchat(e.message())]
            return response.json(messages)

        @webchat.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                fields = parse_webhook_body(request.body or b"")
            except WebhookError as error:
                logger.info("Web chat request rejected: %s", error.code)
                return response.json({"error": error.code}, status=error.status)
            given = None if request.headers.get(TOKEN_HEADER) else body_token(request.body)
            if not self.bound(request, fields["sender"], given):
                logger.info("Web chat request rejected: invalid_token")
                return response.json({"error": "invalid_token"}, status=403)
            sender = conversation_id(fields["sender"])
            limited = over_limit(self.name(), sender)
            if limited is not None:
                return response.json(limited)
            collector = WebChatOutput()
            text, metadata = fields["message"], {}  # a browser's claims (photos, places): no
            payload = await menu_answer(request, sender, text)
            if payload:  # a button's words typed instead of clicked ("De plek")
                text, metadata = payload, {"typed": text}
            await answer_or_apologise(request, UserMessage(
                text, collector, sender, input_channel=self.name(), metadata=metadata,
            ), on_new_message)
            return response.json(collector.messages)

        return webchat

    def get_output_channel(self) -> Optional[CollectingOutputChannel]:
        return WebChatOutput()
