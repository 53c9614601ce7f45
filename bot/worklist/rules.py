"""When a conversation needs a person: the resident asked for one, complained, left a
message for a colleague, said a report can be closed, the bot failed twice in a row, or the
resident sounds frustrated."""
from __future__ import annotations

import re
from typing import List, Optional

REASONS = {"ask_human": "vroeg om een medewerker", "complaint": "klacht",
           "message_left": "bericht achtergelaten",
           "bot_failed": "bot begreep het twee keer niet", "frustration": "frustratie",
           "transferred": "overgedragen aan een team",
           "report_solved": "meldt dat een melding is opgelost"}
PREVIEW_CHARS = 200
FRUSTRATION = re.compile(
    r"\b(al (twee|drie|3|2|vier|zo vaak|weken|maanden) (keer|x)|nu al|alweer|belachelijk|"
    r"schandalig|waardeloos|onzin|kut|klote|godverdomme|verdomme|tering|kanker|fuck|shit|"
    r"ik word gek|niemand helpt|van het kastje naar de muur)\b", re.IGNORECASE)
ACTION_REASONS = {"action_contact_human": "ask_human", "action_take_message": "message_left",
                  "action_take_callback": "message_left",
                  "action_report_solved": "report_solved",
                  "action_default_fallback": "bot_failed"}
FALLBACK_ACTIONS = ("action_default_ask_affirmation", "action_default_fallback")


def is_frustrated(message: str) -> bool:
    """ALL CAPS shouting, "al drie keer", swearing and the like."""
    letters = [ch for ch in message if ch.isalpha()]
    shouting = len(letters) >= 8 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8
    return shouting or bool(FRUSTRATION.search(message)) or "!!!" in message


def user_triggers(message: str, intent: Optional[str]) -> List[str]:
    found = ["complaint"] if intent == "complaint" else []
    return found + (["frustration"] if is_frustrated(message) else [])


def action_trigger(name: str) -> Optional[str]:
    return ACTION_REASONS.get(name)


def preview(message: str) -> str:
    message = " ".join(message.split())
    return message if len(message) <= PREVIEW_CHARS else message[:PREVIEW_CHARS - 1] + "…"
