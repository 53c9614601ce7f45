"""The console's dead-letter page: reports Signalen refused, corrected and resent by staff.

The work is done by `bot.reports.dead_letters`; this module only turns the page's form
into corrections (only fields that were changed, with the right types).
"""
from __future__ import annotations

import re
from typing import Any, Dict, Mapping, Optional

from bot.reports.dead_letters import CORRECTABLE, DeadLetter

NUMBERS = ("latitude", "longitude")
SIGNAL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


class BadCorrection(ValueError):
    """A form value that cannot be used (a coordinate that is not a number)."""


def corrections(form: Mapping[str, Any], current: Mapping[str, Any]) -> Dict[str, Any]:
    """The fields staff changed; an emptied field becomes None."""
    changed: Dict[str, Any] = {}
    for name in CORRECTABLE:
        if name not in form:
            continue
        value = _value(name, str(form.get(name) or "").strip())
        if value != current.get(name):
            changed[name] = value
    return changed


def _value(name: str, text: str) -> Optional[Any]:
    if not text:
        return None
    if name in NUMBERS:
        try:
            return float(text.replace(",", "."))
        except ValueError:
            raise BadCorrection(f"{name}: '{text}' is geen getal")
    return text


def find(letters: list, report_id: int) -> Optional[DeadLetter]:
    return next((letter for letter in letters if letter.report_id == report_id), None)
