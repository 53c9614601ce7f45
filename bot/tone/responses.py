"""The domain's responses as each medium would get them, for previews and checks."""
from __future__ import annotations

import difflib
from collections import defaultdict
from functools import lru_cache
from typing import Any, Dict, List

import yaml

from bot.profile import profile
from bot.settings import DOMAIN_DIR

# Example values for slot and action placeholders, so a preview reads like a real message.
SAMPLE_VALUES = {
    "report_description": "Er ligt een losse stoeptegel voor de deur",
    "report_location": "Kerkstraat 12, 1234 AB",
    "case_number": "M-2026-000123",
    "handling_days": 5,
    "street": "Kerkstraat",
    "open_day": "maandag",
    "open_time": "08:30",
    "close_time": "17:00",
    "ack": "Vervelend dat de stoep kapot is. Ik noteer: Kerkstraat 12. ",
    "what": "Er ligt een losse stoeptegel voor de deur",
    "count": 2,
    "updates": "U krijgt geen berichten. We vragen niet wie u bent.",
    "case_numbers": "M-2026-000123, M-2026-000124",
    "handling_hours": 24,
}


@lru_cache(maxsize=1)
def domain_responses() -> Dict[str, List[Dict[str, Any]]]:
    responses: Dict[str, List[Dict[str, Any]]] = {}
    for path in sorted(DOMAIN_DIR.glob("*.yml")):
        responses.update((yaml.safe_load(path.read_text(encoding="utf-8")) or {})
                         .get("responses") or {})
    return responses


def find_response(name: str) -> str:
    """The response called `name`, or the one close match (utter_ask_location finds
    utter_ask_report_location); ValueError with suggestions otherwise."""
    names = list(domain_responses())
    if name in names:
        return name
    words = name.split("_")
    contains = [n for n in names if _in_order(words, n.split("_"))]
    if len(contains) == 1:
        return contains[0]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.75)
    if len(close) == 1:
        return close[0]
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise ValueError(f"unknown response {name}{hint}")


def _in_order(words: List[str], other: List[str]) -> bool:
    rest = iter(other)
    return all(word in rest for word in words)


def default_text(name: str) -> str:
    """The text Rasa falls back to: the variation without a condition or a channel."""
    variations = domain_responses()[name]
    plain = [v for v in variations if not v.get("condition") and not v.get("channel")]
    return str((plain or variations)[0].get("text", ""))


def variations_for(name: str, channel: str) -> List[Dict[str, Any]]:
    """The variations Rasa may choose on `channel`: channel-specific ones, else defaults."""
    variations = domain_responses()[name]
    own = [v for v in variations if v.get("channel") == channel]
    return own or [v for v in variations if not v.get("channel")]


def filled(variation: Dict[str, Any], name: str) -> Dict[str, Any]:
    """A variation as a Rasa message, placeholders filled with profile and sample values."""
    values = defaultdict(lambda: "…", {**SAMPLE_VALUES, **profile().template_vars(),
                                       "place": profile().location.place})
    return {"text": str(variation.get("text", "")).format_map(values),
            "buttons": variation.get("buttons") or [], "utter_action": name}
