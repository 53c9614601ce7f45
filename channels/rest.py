"""Rasa's REST channel as the integration API: /webhooks/rest/webhook, behind a token.

Same request and answer as Rasa's `rest` channel ({"sender", "message"} in, the bot's
messages out), with the rules of Rasa's HTTP API: the token (RASA_TOKEN) as `?token=`
or `Authorization: Bearer …`, and without RASA_TOKEN the channel is off (403). The
channel name is always `rest` and metadata sent by the client is dropped (photos and
locations are trusted only from the connector that verified them); a sender id in
another channel's namespace (whatsapp:+…, +31…, a Telegram chat id, webchat-…) is
refused, so this door opens no other channel's conversation. Bodies are limited,
text is cleaned, and the per-sender rate limit applies.
"""
from __future__ import annotations

import logging
import os
import re
import secrets
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.inbound import WebhookError, check_body, over_limit, read_chat_request
from channels.webchat import CONVERSATION_PREFIX

logger = logging.getLogger(__name__)

SENDER_PATTERN = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")
# Ids other channels use: Telegram chat ids (digits, negative for groups), web chat.
OTHER_CHANNELS = re.compile(rf"^(-?\d+|{CONVERSATION_PREFIX}.*)$")


def token_given(request: Request) -> Text:
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        return header[len("Bearer "):].strip()
    return request.args.get("token", "")


def parse_body(body: bytes) -> Dict[Text, Text]:
    """Sender and message of a REST request; WebhookError for anything else."""
    sender, message, _ = read_chat_request(body, SENDER_PATTERN, OTHER_CHANNELS)
    return {"sender": sender, "message": message}


def expand_token(value: Text) -> Text:
    """`${RASA_TOKEN}` from the environment; an unset variable is no token (the channel is
    off), never the literal text."""
    token = os.path.expandvars(value).strip()
    return "" if "$" in token else token


class TokenRestInput(InputChannel):
    """Rasa's REST channel, behind the token of Rasa's HTTP API."""

    def __init__(self, token: Optional[Text] = None) -> None:
        self.token = token if token is not None else os.environ.get("RASA_TOKEN", "")

    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "TokenRestInput":
        token = (credentials or {}).get("token")
        return cls(expand_token(str(token)) if token else None)

    def get_output_channel(self) -> CollectingOutputChannel:
        return CollectingOutputChannel()

    def authorised(self, request: Request) -> bool:
        given = token_given(request)
        return bool(self.token and given) and secrets.compare_digest(given.encode(),
                                                                     self.token.encode())

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        rest = Blueprint("rest_webhook", __name__)

        @rest.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.token else "not_configured"})

        @rest.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.authorised(request):
                logger.warning("REST channel refused: no valid token")
                return response.json({"error": "unauthorised"}, status=403)
            try:
                fields = parse_body(check_body(request))
            except WebhookError as error:
                logger.info("REST request refused: %s", error.code)
                return response.json({"error": error.code}, status=error.status)
            limited = over_limit(self.name(), fields["sender"])
            if limited is not None:
                return response.json(limited)
            collector = self.get_output_channel()
            await on_new_message(UserMessage(fields["message"], collector, fields["sender"],
                                             input_channel=self.name(), metadata={}))
            return response.json(collector.messages)

        return rest
