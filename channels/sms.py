"""SMS through Twilio: webhook at /webhooks/sms/webhook.

Replies are kept in GSM-7 and split between sentences by the tone renderer (see
tone_of_voice.yml); STOP and START switch messages off and on.
"""
from __future__ import annotations

from typing import Text

from channels.inbound import WebhookError
from channels.twilio_common import TwilioInput

# Twilio's own opt-out words plus the Dutch ones residents use.
OPT_OUT_WORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
                           "STOPPEN", "AFMELDEN", "UITSCHRIJVEN"})
OPT_IN_WORDS = frozenset({"START", "UNSTOP", "AANMELDEN"})


class SmsInput(TwilioInput):
    """Text messages from a phone number (From is +31…)."""

    opt_out_words = OPT_OUT_WORDS
    opt_in_words = OPT_IN_WORDS

    @classmethod
    def name(cls) -> Text:
        return "sms"

    def check_sender(self, sender: Text) -> None:
        if not sender.startswith("+") or not sender[1:].isdigit():
            raise WebhookError(400, "not_a_phone_number")
