"""Personal data out of the logs: phone numbers, e-mail addresses, postcodes and street
addresses are masked in every log line, whoever writes it (Rasa, the SDK, our code)."""
from __future__ import annotations

import logging
import re

from bot.reading.streets import STREET_TYPES

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w])(?:\+|00)\d[\d ]{7,15}\d|(?<![\w])0[1-9](?:[ -]?\d){8}(?!\d)")
POSTCODE = re.compile(r"\b[1-9]\d{3} ?[A-Za-z]{2}\b")
ADDRESS = re.compile(rf"\b[A-Z][\w'.-]*(?:{'|'.join(STREET_TYPES)})\s+\d+(?:\s?[a-zA-Z]\b)?")


def mask(text: str) -> str:
    text = EMAIL.sub("[e-mail]", text)
    text = PHONE.sub(lambda m: "[telefoon …" + re.sub(r"\D", "", m.group(0))[-2:] + "]", text)
    text = ADDRESS.sub("[adres]", text)
    return POSTCODE.sub("[postcode]", text)


class MaskingFilter(logging.Filter):
    """Masks the formatted message of every record that passes a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def install() -> None:
    """Put the filter on every handler of the root logger (call after logging is set up)."""
    root = logging.getLogger()
    for handler in root.handlers:
        if not any(isinstance(f, MaskingFilter) for f in handler.filters):
            handler.addFilter(MaskingFilter())
