"""The callback of the Notificaties API (ZGW): /webhooks/zgw/notificaties.

Not a chat channel: a Rasa connector only so the route is mounted on the Rasa server
beside the other webhooks (credentials.yml). POST with the Authorization header of our
abonnement (`ZGW_CALLBACK_AUTH`): 204 when taken, 403 without or with another header
(Open Notificaties checks both before it stores the abonnement), 400 for a body that is
no notification, 503 when it cannot be stored or the callback is not configured. A status
notification about one of our zaken is stored in the outbox (durable) and processed right
away by `bot.reports.zgw_status.receive`; when the case system cannot be read then, the
outbox worker tries again.
"""
from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from sqlalchemy.exc import SQLAlchemyError

from bot import settings
from bot.reports.db import ensure_schema
from bot.reports.outbox import deliver_due
from bot.reports.zgw_status import authorised, queue_notification

logger = logging.getLogger(__name__)

MAX_BODY = 64 * 1024


def parse_notification(body: bytes) -> Optional[Dict[str, Any]]:
    """The notification as a dict; None for anything else."""
    if len(body) > MAX_BODY:
        return None
    try:
        message = json.loads(body)
    except ValueError:
        return None
    return message if isinstance(message, dict) and isinstance(message.get("kanaal"),
                                                               str) else None


class ZgwNotificationsInput(InputChannel):
    """Receives the Notificaties API's messages on the `zaken` kanaal."""

    @classmethod
    def name(cls) -> Text:
        return "zgw"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "ZgwNotificationsInput":
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        hook = Blueprint("zgw_notifications", __name__)

        @hook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            configured = bool(settings.ZGW_CALLBACK_AUTH and settings.ZGW_ZAKEN_URL)
            return response.json({"status": "ok" if configured else "not_configured"})

        @hook.route("/notificaties", methods=["POST"])
        async def notification(request: Request) -> HTTPResponse:
            if not settings.ZGW_CALLBACK_AUTH:
                return response.json({"error": "not_configured"}, status=503)
            if not authorised(request.headers.get("Authorization")):
                logger.warning("ZGW notification refused: no valid Authorization header")
                return response.json({"error": "forbidden"}, status=403)
            message = parse_notification(request.body or b"")
            if message is None:
                return response.json({"error": "not_a_notification"}, status=400)
            try:
                item = await asyncio.to_thread(_store, message)
            except SQLAlchemyError:
                logger.exception("ZGW notification %s not stored", message.get("resourceUrl"))
                return response.json({"error": "not_stored"}, status=503)
            if item is not None:
                await asyncio.to_thread(deliver_due, item_ids=[item])
            return response.empty(status=204)

        return hook


def _store(message: Dict[str, Any]) -> Optional[int]:
    ensure_schema()
    return queue_notification(message)
