"""The output side shared by WhatsApp, SMS and Telegram.

Every message passes the tone renderer for its medium, is written to the outbox and
then handed to the provider at once; what the provider does not take now, the outbox
worker retries. Nothing is sent to a resident who opted out, except the confirmation.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Text

from rasa.core.channels.channel import OutputChannel
from sqlalchemy.exc import SQLAlchemyError

from bot.integrations import DeliveryError
from bot.reports.outbox import deliver_due
from bot.tone import render
from channels.delivery import send
from bot.channel_store import is_opted_out, queue_messages

logger = logging.getLogger(__name__)

# Responses that still go out to a resident who opted out (the confirmation itself).
SENT_AFTER_OPT_OUT = {"utter_opted_out"}


class ToneOutputChannel(OutputChannel):
    """Renders in the medium's tone, queues in the outbox, delivers right away."""

    def __init__(self, channel: Text) -> None:
        self.channel = channel
        self.answered = False  # set once the bot said something (or chose not to)

    def name(self) -> Text:  # type: ignore[override]
        return self.channel

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.answered = True
        if message.get("image") or message.get("custom") or message.get("attachment"):
            logger.info("Only text and buttons go out on %s; other content skipped",
                        self.channel)
        if not message.get("text"):
            return
        if (message.get("utter_action") not in SENT_AFTER_OPT_OUT
                and await asyncio.to_thread(is_opted_out, self.channel, recipient_id)):
            logger.info("Not sent on %s: the resident opted out", self.channel)
            return
        parts = [part.as_dict() for part in render(message, self.channel)]
        about = message.get("utter_action")  # which WhatsApp template fits, if one must
        if about:
            parts = [{**part, "about": str(about)} for part in parts]
        await self.deliver(recipient_id, parts)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        await self.send_response(recipient_id, {"text": text, **kwargs})

    async def deliver(self, recipient_id: Text, parts: List[Dict[str, Any]]) -> None:
        try:
            ids = await asyncio.to_thread(queue_messages, self.channel, recipient_id, parts)
        except SQLAlchemyError:
            logger.exception("Outbox unavailable; sending on %s without a safety net",
                             self.channel)
            await self._send_directly(recipient_id, parts)
            return
        delivered = await asyncio.to_thread(deliver_due, item_ids=ids)
        if delivered < len(ids):
            logger.warning("%s of %s message(s) on %s wait in the outbox for a retry",
                           len(ids) - delivered, len(ids), self.channel)

    async def _send_directly(self, recipient_id: Text, parts: List[Dict[str, Any]]) -> None:
        for part in parts:
            try:
                await asyncio.to_thread(send, self.channel, recipient_id, part)
            except DeliveryError as error:
                logger.error("Message on %s lost: no outbox and no delivery (%s)",
                             self.channel, error)
                return
