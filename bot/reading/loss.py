"""A death the resident tells of: "mijn vrouw is vorig jaar overleden".

Not a death denied ("niemand is overleden", "hij is niet dood gegaan") or supposed ("Is de
andere ouder overleden?", "als ik overlijd"): condolences to a resident who lost no one hurt
(round r260 of session 62: "wtf?? niemand is overleden" got "Gecondoleerd met uw verlies").
"""
from __future__ import annotations

import re

LOSS = re.compile(r"\b(?:overleden|overleed|gestorven|overlijden|dood ?gegaan|heengegaan|"
                  r"passed away|died)\b", re.IGNORECASE)
_DENIED = re.compile(r"\b(?:niemand|nobody|no one|niet|nie|geen|not|never|nooit)\b(?:\W+\w+){0,2}"
                     r"\W*$", re.IGNORECASE)
_SUPPOSED = re.compile(r"\b(?:als|indien|stel|wanneer|mocht|if|when|in case|once)\b"
                       r"(?:\W+\w+){0,6}\W*$", re.IGNORECASE)
_ASKED_OF_SOMEONE_ELSE = re.compile(r"^\W*(?:is|zijn|was|waren|has|have|did)\b",
                                    re.IGNORECASE)


def tells_a_death(text: str) -> bool:
    """The text tells that someone died; not denied, supposed or asked about."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text or ""):
        for found in LOSS.finditer(sentence):
            before = sentence[:found.start()]
            if _DENIED.search(before) or _SUPPOSED.search(before):
                continue
            if sentence.rstrip().endswith("?") and _ASKED_OF_SOMEONE_ELSE.search(sentence):
                continue  # "Is de andere ouder overleden?" asks, tells nothing
            return True
    return False


# "niemand is overleden?? hoe verander ik dan het kenteken" (round r276: the death article,
# "Gecondoleerd met uw verlies", from the word denied)
_DEATH_DENIED = re.compile(
    r"\b(?:(?:er\s+is\s+)?niemand|nobody|no\s+one)\b(?:\W+\w+){0,2}?\W+(?:overleden|gestorven|"
    r"dood(?:\s*gegaan)?|died|dead)\b[!?.]*", re.IGNORECASE)


def without_a_death_denied(text: str) -> str:
    """The text without the words that deny a death, so the death is no subject of it."""
    return " ".join(_DEATH_DENIED.sub(" ", text or "").split())

