"""The resident's answer to "how satisfied are you?" after a webcare conversation: a
score from 1 to 5 (a button, a typed number or a word) and an optional remark."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from bot.reading.privacy import scrub
from bot import logmask, settings
from bot.reports.db import session
from bot.reports.models import utcnow
from bot.webcare.models import SatisfactionAnswer

NUMBER_WORDS = {"een": 1, "één": 1, "eén": 1, "one": 1, "twee": 2, "two": 2, "drie": 3,
                "three": 3, "vier": 4, "four": 4, "vijf": 5, "five": 5}
# The buttons' words (bot/domain/webcare.yml) and the like; longest first: "heel erg
# tevreden" before "tevreden", "niet tevreden" before "tevreden".
SCORE_WORDS = (
    (r"(?:heel|zeer|erg) (?:erg )?ontevreden|helemaal niet tevreden|very (?:dis|un)satisfied"
     r"|very unhappy", 1),
    (r"ontevreden|niet tevreden|niet zo tevreden|dissatisfied|unsatisfied|not satisfied"
     r"|unhappy", 2),
    (r"neutraal|gaat wel|redelijk|neutral", 3),
    (r"(?:heel|zeer|erg) (?:erg )?tevreden|super tevreden|very satisfied|very happy", 5),
    (r"tevreden|satisfied|happy", 4),
)
MAX_REMARK = 500
# A digit alone, before punctuation or "/5" ("4, snel geholpen"): "5 stoeptegels los" is none.
_SCORE = re.compile(r"^\s*(?:cijfer\s*)?([1-5])(?:\s*(?:/|van|uit|out of)\s*5)?(?!\d|[,.]\d)"
                    r"(?:\s*$|\s*[.,:;!)\-–]+\s*(.*)$|\s*(?:/|van|uit|out of)\s*5\s+(.*)$)",
                    re.IGNORECASE | re.DOTALL)
# A number word alone or before a comma ("vier, prima"): "een klacht" is no score.
_WORD = re.compile(r"^\s*(" + "|".join(NUMBER_WORDS) + r")\s*(?:$|[.,:;!\-–]\s*(.*)$)",
                   re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Answer:
    score: int
    remark: str = ""


def read_answer(text: str) -> Optional[Answer]:
    """A score and remark from the resident's message; None when it holds no score (then
    it is a new question, not an answer)."""
    text = (text or "").strip()
    for pattern in (_SCORE, _WORD):
        found = pattern.match(text)
        if found:
            score = found.group(1)
            value = int(score) if score.isdigit() else NUMBER_WORDS[score.lower()]
            remark = next((group for group in found.groups()[1:] if group), "")
            return Answer(value, remark.strip()[:MAX_REMARK])
    lowered = text.lower()
    for words, score in SCORE_WORDS:
        found = re.search(rf"\b(?:{words})\b", lowered)
        if found and len(text) <= MAX_REMARK:
            return Answer(score, text if len(text.split()) > 3 else "")
    return None


def store(answer: Answer, channel: str, url: str = settings.DATABASE_URL,
          now: Optional[dt.datetime] = None) -> None:
    """Keep the score, and the remark masked (no sender id, no phone number or e-mail)."""
    remark = logmask.mask(scrub(answer.remark)[0]) if answer.remark else None
    with session(url) as db:
        db.add(SatisfactionAnswer(channel=channel or "rest", score=answer.score,
                                  remark=remark, answered_at=now or utcnow()))
