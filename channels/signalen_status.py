"""Signalen's status webhook: /webhooks/signalen_status/webhook.

Signalen (or a small relay in front of it) posts {"signal_id": "<uuid>", "status":
{"state": "o"}} with the shared secret in X-Signalen-Secret. The report's status is
updated and, if the resident asked for updates, an update is queued in the outbox.
"""
from __future__ import annotations

import hmac
import json
import logging
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.reports.db import ensure_schema
from bot.reports.status import UnknownReport, change_status, status_from_signalen
from bot.settings import SIGNALEN_WEBHOOK_SECRET

logger = logging.getLogger(__name__)
MAX_BODY_BYTES = 16 * 1024


class SignalenStatusInput(InputChannel):
    """Receives status changes of signals; it carries no resident messages."""

    @classmethod
    def name(cls) -> Text:
        return "signalen_status"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hook = Blueprint("signalen_status_webhook", __name__)

        @hook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            secret = request.headers.get("X-Signalen-Secret", "")
            if not SIGNALEN_WEBHOOK_SECRET or not hmac.compare_digest(
                    secret.encode(), SIGNALEN_WEBHOOK_SECRET.encode()):
                logger.warning("Signalen status webhook: bad or missing secret")
                return response.json({"error": "forbidden"}, status=403)
            if len(request.body or b"") > MAX_BODY_BYTES:
                return response.json({"error": "body_too_large"}, status=413)
            try:
                body = json.loads(request.body or b"")
                signal_id = str(body["signal_id"])
                status = status_from_signalen((body.get("status") or {}).get("state"))
            except (ValueError, KeyError, TypeError, AttributeError):
                return response.json({"error": "invalid_body"}, status=400)
            if status is None:
                return response.json({"error": "unknown_state"}, status=422)
            try:
                ensure_schema()
                report = change_status(signal_id, status)
            except UnknownReport:
                return response.json({"error": "unknown_signal"}, status=404)
            return response.json({"case_number": report.case_number, "status": report.status})

        return hook
