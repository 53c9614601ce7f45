"""A question asked in other words: "Tevens zou ik graag willen weten of ik een vergunning
nodig heb …", "ik vroeg me af wanneer …", "maar ik bedoelde wat … kost". One pattern for
the question reader (what is asked beside a report) and the description cleaner (what
stays out of the report)."""
from __future__ import annotations

import re

WANTS_TO_KNOW = re.compile(
    r"\b(?:(?:wil(?:de)?|wou) (?:\w+ ){0,2}(?:weten|vragen)|zou (?:ik )?(?:\w+ ){0,2}willen "
    r"(?:weten|vragen)|graag weten|"
    r"vroeg (?:ik )?me (?:\w+ )?af|vraag (?:ik )?me (?:\w+ )?af|would like to know|wonder(?:ed)?|"
    r"(?:ik|wij|we) bedoel(?:de|den)?)"  # (round r237)
    r" (?:of|wat|hoe|waar|wanneer|welke|wie|hoeveel|waarom|if|whether|what|how|where|when)\b",
    re.IGNORECASE)


def wants_to_know(text: str) -> bool:
    """The text asks something in other words than a question ("ik wil weten wanneer …")."""
    return bool(WANTS_TO_KNOW.search(text or ""))
