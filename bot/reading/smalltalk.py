"""Small talk with the bot itself: "wat kun je allemaal?", "hoe gaat het met jou?".

Short messages only: a longer one ("wat kun je doen aan de herrie bij de kroeg?") has a
subject of its own and goes to the model.
"""
from __future__ import annotations

import re

MAX_SMALL_TALK_WORDS = 10

_OPENING = r"^\W*(?:(?:ok[eé]?|oké|en|hoi|hallo|hey|dus|nou|ja|goed)\W+)*"
_WHAT_YOU_CAN_DO = re.compile(
    _OPENING + r"(?:wat (?:kun|kan|kunt) (?:je|jij|u)(?: allemaal| eigenlijk| zoal| precies|"
    r" wel| nou)*(?: doen| voor (?:mij|me|ons) doen)?"
    r"|waar(?:mee)? (?:kun|kan|kunt) (?:je|jij|u) (?:mij |me |ons )?(?:allemaal |eigenlijk )*"
    r"(?:mee )?helpen"
    r"|what can you (?:do|help (?:me )?with))\W*$", re.IGNORECASE)
_HOW_ARE_YOU = re.compile(
    r"\bhoe (?:gaat|is) het (?:met )?(?:jou|je|u|jij)\b(?! \w)|\balles (?:goed|oké|ok) (?:met )?"
    r"(?:jou|jij|je|u)\W*$|\bhow are you\b|\bhow(?:'s| is) it going\b", re.IGNORECASE)


def _short(text: str) -> bool:
    return len((text or "").split()) <= MAX_SMALL_TALK_WORDS


def asks_what_the_bot_can_do(text: str) -> bool:
    """"ok en wat kun je allemaal", "waar kan je mee helpen?"."""
    return _short(text) and bool(_WHAT_YOU_CAN_DO.match((text or "").strip()))


def asks_how_the_bot_is(text: str) -> bool:
    """"hoe gaat het met jou?", "alles goed met je?"."""
    return _short(text) and bool(_HOW_ARE_YOU.search(text or ""))


# (not "wanneer komen ze weer langs?": again, round r106)
_WEATHER = re.compile(r"\b(?:(?:het|wat voor|mooi|lekker|slecht) weer(?! \w+ (?:langs|terug|"
                      r"ophalen|legen))|weerbericht|weersverwachting|regen\w*|zonnig|graden|"
                      r"weather|forecast)\b", re.IGNORECASE)
_ASKING = re.compile(r"\?|^\W*(?:wat|hoe|wordt|gaat|komt|krijgen|what|how|will|is it)\b",
                     re.IGNORECASE)


def asks_about_the_weather(text: str) -> bool:
    """"wat voor weer wordt het morgen?": small talk the municipality has no answer to."""
    return _short(text) and bool(_WEATHER.search(text or "")) and bool(
        _ASKING.search((text or "").strip()))


_THE_TIME = re.compile(r"^\W*(?:(?:en|weet (?:je|u)|zeg|trouwens)\W+)*"
                       r"(?:hoe ?laat is het|wat is de tijd|what time is it|what's the time)\b"
                       r"(?: (?:nu|nou|eigenlijk|daar|now))*\W*$", re.IGNORECASE)


def asks_the_time(text: str) -> bool:
    """"hoe laat is het eigenlijk?": the time, not a link."""
    return bool(_THE_TIME.match((text or "").strip()))


# "ben je een robot?", "praat ik met een mens?", "are you a bot?": not "ik ben 78" beside a
# question about a permit (round r138 of session 50: "Ik ben een digitale assistent").
_ASKS_IF_A_BOT = re.compile(
    r"\b(?:ben|bent|is)\s+(?:je|jij|u|dit|dat|het)\b|\b(?:praat|chat|spreek)\s+ik\b"
    r"|\b(?:robot|bot|chatbot|computerprogramma|ai|human|machine|automatic)\b"
    r"|\b(?:echte?|een) (?:mens|persoon|person)\b|\bmet een computer\b|\bare these\b"
    r"|\bare you\b|\bis this\b|\bam i (?:talking|chatting|speaking)\b", re.IGNORECASE)


def asks_if_a_bot(text: str) -> bool:
    """Whether the message asks if the resident is talking to a bot or a person."""
    return bool(_ASKS_IF_A_BOT.search(text or ""))
