"""Small talk with the bot itself: "wat kun je allemaal?", "hoe gaat het met jou?".

Short messages only: a longer one ("wat kun je doen aan de herrie bij de kroeg?") has a
subject of its own and goes to the model.
"""
from __future__ import annotations

import re

MAX_SMALL_TALK_WORDS = 10

_WHAT_YOU_CAN_DO = re.compile(
    r"\bwat (?:kun|kan|kunt) (?:je|jij|u) (?:allemaal|eigenlijk|zoal|precies|wel|nou)*\s*"
    r"(?:doen|voor (?:mij|me|ons) doen)?\W*$"
    r"|\bwaar(?:mee)? (?:kun|kan|kunt) (?:je|jij|u) (?:mij |me |ons )?(?:allemaal |eigenlijk )*"
    r"(?:mee )?helpen\W*$"
    r"|\bwhat can you (?:do|help (?:me )?with)\b", re.IGNORECASE)
_HOW_ARE_YOU = re.compile(
    r"\bhoe (?:gaat|is) (?:het )?(?:met )?(?:jou|je|u|jij)\b|\balles (?:goed|oké|ok) (?:met )?"
    r"(?:jou|je|jij|u)\b|\bhow are you\b|\bhow(?:'s| is) it going\b", re.IGNORECASE)


def _short(text: str) -> bool:
    return len((text or "").split()) <= MAX_SMALL_TALK_WORDS


def asks_what_the_bot_can_do(text: str) -> bool:
    """"ok en wat kun je allemaal", "waar kan je mee helpen?"."""
    return _short(text) and bool(_WHAT_YOU_CAN_DO.search((text or "").strip()))


def asks_how_the_bot_is(text: str) -> bool:
    """"hoe gaat het met jou?", "alles goed met je?"."""
    return _short(text) and bool(_HOW_ARE_YOU.search(text or ""))
