"""'Kunt u mij terugbellen?': the resident asks to be called back.

Read from the words, not by the NLU model (whose `ask_human` also covers "I want to chat with a
person"): the bot then takes the number and passes the request on as a callback, instead of
answering the subject or promising an answer in the chat.

Choices:
- a callback is asked with "terugbellen" (any form), "bel me (even) terug/op", "kan iemand
  mij bellen", "gebeld worden", or in English "call me (back)", "give me a call";
- "bel 112", "moet ik bellen?", "ik heb gebeld" are about the resident calling, not a request;
- a complaint that a promised callback never came ("niet teruggebeld") is no new request.
"""
from __future__ import annotations

import re
from typing import Optional

from bot.text import sentences

# Who may call: "iemand", "u", "een collega", "die collega", "mevrouw Jansen".
_CALLER = (r"(?:iemand(?:\s+van\s+(?:de\s+|het\s+)?\w+)?|jullie|u|(?:een|die|de|deze|uw|jullie)"
           r"\s+(?:collega|medewerker|ambtenaar|mevrouw|meneer)|(?:mevrouw|meneer|mw\.?|dhr\.?)"
           r"\s+\w+)")
_ASKS = re.compile(
    r"\bterug\s*(?:te\s+)?bel\w*|\bterugbel\w*|\bbel\w*\s+(?:me|mij|ons)\s+(?:\w+\s+){0,3}?"
    r"(?:terug|op)\b|\b(?:kan|kunt|kun|kunnen|wil|wilt|zou|zouden)\s+(?:er\s+)?" + _CALLER +
    r"\s+(?:me|mij|ons)\s+(?:\w+\s+){0,2}?(?:op)?bellen\b"
    r"|\b(?:op)?gebeld\s+(?:te\s+)?worden\b"
    r"|\bbel\w*\s+(?:u|jullie|je)\s+(?:me|mij|ons)\s+(?:\w+\s+){0,2}?terug\b"
    r"|\b(?:dat|zodat)\s+(?:iemand|een\s+collega|een\s+medewerker|jullie|u)\s+(?:me|mij|ons)"
    r"\s+(?:\w+\s+){0,2}?(?:belt|bellen|terugbelt|terugbellen)\b"
    r"|\bterug\s*gebeld\s+(?:te\s+)?worden\b"
    r"|\b(?:u|jullie|iemand|een\s+collega)\s+(?:kunt|kan|kunnen|mag|mogen)\s+(?:me|mij|ons)\s+"
    r"(?:\w+\s+){0,2}?(?:bellen|terugbellen)\b"
    # "kunnen jullie bellen? 0571-234567" (round r76 of session 41)
    r"|\b(?:kunnen|kunt|kan|willen|wilt)\s+(?:jullie|u|iemand)\s+(?:\w+\s+)?(?:op)?bellen\s*\?"
    r"|\b(?:call|phone|ring)\s+me\s+(?:back|on|at|instead)\b|\bgive\s+me\s+a\s+(?:call|ring)\b"
    r"|\bring\s+me\s+back\b|\bplease\s+(?:call|phone|ring)\s+me\b"
    # "Could someone phone me instead?" (round r76 of session 41: "a colleague answers here")
    r"|\b(?:can|could|would|will)\s+(?:someone|somebody|anyone|you|a\s+colleague)\s+"
    r"(?:please\s+)?(?:call|phone|ring)\s+(?:me|us)\b",
    re.IGNORECASE)
_NOT_A_REQUEST = re.compile(
    r"\b(?:niet|nooit|nog\s+steeds\s+niet)\s+(?:\w+\s+)?teruggebeld\b|\bbeloofd\w*\s+(?:\w+\s+){0,4}?terug"
    r"|\bniet\s+(?:\w+\s+){0,2}?(?:gebeld|bellen|terugbellen)\b|\bliever\s+niet\b"
    r"|\bbel\w*\s+(?:me|mij|ons)\s+(?:dan\s+)?(?:niet|nie)\b"
    r"|\b(?:zou|zouden)\s+(?:\w+\s+){0,3}?terug\s*bell\w*\b.*\b(?:nooit|niet|niks|geen)\b"
    r"|\bdidn'?t\s+call\s+me\b|\bnever\s+called\b|\bdon'?t\s+call\b|\bdo\s+not\s+call\b",
    re.IGNORECASE)


# "Kunt u mij niet gewoon even terugbellen?": a request asked as a question, not a refusal.
_CANNOT_YOU = re.compile(r"\b(?:kunt|kan|kun|kunnen|zou|zouden|wil|wilt|willen)\s+(?:u|je|jij|"
                         r"jullie|iemand|er\s+niet\s+iemand)\s+(?:me|mij|ons)\s+niet\b",
                         re.IGNORECASE)


def wants_callback(text: str) -> bool:
    """Whether the resident asks to be called back."""
    plain = (text or "").replace("’", "'")
    return bool(_ASKS.search(plain)) and not _NOT_A_REQUEST.search(_CANNOT_YOU.sub(" ", plain))


def without_the_callback(text: str) -> str:
    """The text without its sentences that ask for a call back ("… is kapot. Kan iemand mij
    even terugbellen?": "… is kapot.")."""
    return " ".join(part.strip() for part in sentences(text) if not wants_callback(part))


_HOUR = r"\d{1,2}(?:[:.]\d{2})?(?![\d-])(?!\s*(?:meter|m|cm|km|mm)\b)(?:\s*(?:uur|u|am|pm)\b)?"
_DAY = (r"vandaag|morgen|overmorgen|tomorrow|today|"
        r"(?:maan|dins|woens|donder|vrij|zater|zon)dag(?:ochtend|middag|avond)?|"
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_TIME = re.compile(
    rf"\b(?:(?:volgende|komende|next)\s+(?:week|{_DAY})|{_DAY})"
    r"(?:\s*(?:ochtend|middag|avond|morning|afternoon|evening))?\b"
    r"|(?:'s|s)\s*(?:ochtends|morgens|middags|avonds)\b|\bvan(?:ochtend|morgen|middag|avond)\b"
    r"|\b(?:overdag|during the day)\b"
    r"|\b(?:in\s+de|na\s+de|voor\s+de|in\s+the)\s+(?:ochtend|middag|lunch|morning|afternoon)\b"
    rf"|\b(?:tussen|between)\s+{_HOUR}\s*(?:en|and|-)\s*{_HOUR}"
    rf"|\b(?:na|voor|vanaf|om|rond|tegen|after|before|from|at|around)\s+{_HOUR}",
    re.IGNORECASE)


def preferred_time(text: str) -> Optional[str]:
    """When the resident wants to be called, as they wrote it ("morgen tussen 10 en 12");
    None when they name no day or time."""
    parts = [" ".join(match.group().split()) for match in _TIME.finditer(text or "")
             if not _PAST.search(text[:match.start()]) and not _ruled_out(text, match)
             and not (_EARLIER_TODAY.fullmatch(match.group().strip())
                      and _said_of_the_past(_sentence_around(text, match.start())))]
    return " ".join(dict.fromkeys(parts)) or None  # "morgen … het liefst morgen": once


# "ik zit maandag niet achter de computer", "ik zei niet 's avonds" (round r106): no wish.
_NOT_NEAR = re.compile(r"\b(?:niet|not|nooit|never)\b", re.IGNORECASE)
NOT_NEAR_WORDS = 3


def _ruled_out(text: str, match: "re.Match[str]") -> bool:
    """A "niet" within a few words of the time, in its clause."""
    before = re.split(r"[,.;!?]", text[:match.start()])[-1].split()[-NOT_NEAR_WORDS:]
    after = re.split(r"[,.;!?]", text[match.end():])[0].split()[:NOT_NEAR_WORDS]
    return bool(_NOT_NEAR.search(" ".join(before + after)))


# "Ik was vanochtend aan de balie": a part of today names when something happened when its
# sentence tells the past or does not ask for the call ("bel me terug, liefst vanmiddag").
_EARLIER_TODAY = re.compile(r"van(?:ochtend|morgen|middag|nacht)", re.IGNORECASE)
_CALL_WORD = re.compile(r"\b(?:bel|bell\w*|terugbel\w*|opbel\w*|gebeld|bereikbaar|call\w*)\b",
                        re.IGNORECASE)
_PAST_TENSE = re.compile(r"\b(?:was|waren|geweest|gebeurd|kwam|kwamen|had|hadden|zei|zag|"
                         r"gedaan|gezegd)\b", re.IGNORECASE)


def _said_of_the_past(sentence: str) -> bool:
    return bool(_PAST_TENSE.search(sentence)) or not _CALL_WORD.search(sentence)


def _sentence_around(text: str, at: int) -> str:
    """The sentence of `text` that holds position `at`."""
    start = max(text.rfind(mark, 0, at) for mark in ".!?") + 1
    ends = [n for n in (text.find(mark, at) for mark in ".!?") if n >= 0]
    return text[start:min(ends) if ends else len(text)]


# "sinds zondag", "vorige week dinsdag": when something happened, not when to call.
_PAST = re.compile(r"\b(?:sinds|vorige|afgelopen|gisteren|al|since|last)\s+(?:\w+\s+)?$",
                   re.IGNORECASE)


# "niet bellen want ik ben doof, alleen sms", "bellen heeft geen zin", "text only please": news
# and questions in writing (round r215 of session 56: never kept, so someone might call).
_NO_CALLS = re.compile(
    r"\bniet (?:op)?bellen\b|\bgeen (?:telefoon|bellen|telefoontjes)\b"
    # "nee laat dat bellen maar, mijn telefoon ligt overdag in een kluisje" (round r217: read
    # as "call me during the day")
    r"|\blaat (?:dat |het |dat hele |maar )?(?:bellen|telefoneren) (?:maar )?(?:zitten|achterwege)?"
    r"|\bbellen (?:\w+ ){0,2}(?:heeft geen zin|lukt (?:me |mij )?niet|gaat niet|kan (?:ik )?niet|"
    r"is (?:\w+ )?(?:moeilijk|lastig)|moeilijk|lastig)\b"
    r"|\b(?:alleen|enkel|liefst|liever) (?:via |per |een |met )?(?:sms\w*|mail\w*|e-?mail\w*|"
    r"whatsapp\w*|appen|app|schriftelijk)\b"
    r"|\b(?:do not|don'?t|dont|please do not|no) (?:phone |ring )?call(?:s|ing)?(?: me)?\b"
    r"|\b(?:text|sms|email|e-mail) only\b|\bonly (?:by |via )?(?:text|sms|email|e-mail|whatsapp)\b",
    re.IGNORECASE)
_NOT_REACHABLE = re.compile(r"\bneem (?:ik )?(?:\w+ )?niet op\b|\bbereikbaar\b|\breachable\b",
                            re.IGNORECASE)


def says_no_calls(text: str) -> bool:
    """The resident asks not to be phoned: news and questions in writing only."""
    return bool(_NO_CALLS.search(text or ""))


# A call to the resident, not one the resident makes ("should i call vitens or you?", round
# r219 of session 56: "called around 30").
_CALL_TO_ME = re.compile(
    r"\bbel\w* (?:\w+ )?(?:me|mij)\b|\b(?:call|ring|phone) me\b|\bgebeld\b|\bterug ?bel\w*"
    r"|\b(?:wanneer|hoe laat) (?:\w+ )?bellen\b|\bbellen (?:ze|jullie|u)\b"
    r"|\bbelt (?:u|jullie|iemand|ze|de gemeente)\b|\bwhen (?:will|do) (?:you|they) call\b"
    # "Liefst na 10 uur 's ochtends bellen", "graag bellen na 10 uur" (round r233 of session 58)
    r"|(?i:\b(?:liefst|graag|liever|best|pas)\s+(?:\w+\s+|'s\s+){0,5}?bellen\b)"
    r"|\bbellen\s+(?:na|voor|tussen|vanaf|rond|om)\b")
# "overdag werk ik, na 17 uur ben ik thuis": the part of the day the resident is away is no
# time to call
_AWAY = re.compile(r"\b(?:werk|werken|werkt|ben ik (?:niet|weg|aan het werk)|neem ik (?:\w+ )?"
                   r"niet op|kan ik niet|at work|i work)\b", re.IGNORECASE)


def call_time_wished(text: str) -> Optional[str]:
    """When the resident can be phoned, said beside a call to them ("na 18u, overdag neem ik
    niet op"); None when no call to them is spoken of."""
    if not (_CALL_TO_ME.search(text or "") or _NOT_REACHABLE.search(text or "")):
        return None
    free = " , ".join(part for part in re.split(r"[,.;!?]", text or "")
                      if not _AWAY.search(part))
    return preferred_time(free)
