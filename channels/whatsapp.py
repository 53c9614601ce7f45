"""WhatsApp through Twilio: webhook at /webhooks/whatsapp/webhook."""
from __future__ import annotations

from typing import Text

from channels.inbound import WebhookError
from channels.twilio_common import TwilioInput


class WhatsAppInput(TwilioInput):
    """WhatsApp messages (From is whatsapp:+31…), with photos and shared locations.

    Free text reaches the resident only within 24 hours of their last message; outside
    it a template from whatsapp_templates.yml goes out and the messages wait (see
    channels.delivery)."""

    has_window = True

    @classmethod
    def name(cls) -> Text:
        return "whatsapp"

    def check_sender(self, sender: Text) -> None:
        if not sender.startswith("whatsapp:+"):
            raise WebhookError(400, "not_a_whatsapp_sender")
