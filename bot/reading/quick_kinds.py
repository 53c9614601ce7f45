"""Problems a crew handles sooner than the rest of their category.

A dead animal in the street and offensive graffiti (racist, antisemitic, a swastika,
obscene) are cleared within a day or two in most municipalities; a loose tile waits its
turn. `quick_kind_of` names the kind, `bot/profile.yml` (reports.handling_days) its time.
"""
from __future__ import annotations

import re
from typing import Optional

# The animals found dead in the street, in the forms residents write (also for the category
# words of bot/reading/description.py and the danger reader).
ANIMALS = (r"(?:(?:kat|poes|kater|hond|vos|vogel|duif|meeuw|kraai|egel|konijn|haas|eend|gans|"
           r"zwaan|reiger|rat|ree|das|marter|fazant|uil|muis|dier|beest|vis|mol|cat|dog|fox|"
           r"bird|pigeon|animal|swan|duck|hedgehog|seagull|rabbit|heron|crow|badger|"
           r"fish)(?:je|jes|en|s|es)?"
           # plurals that change the stem: "2 dode zwanen" (round r67 of session 40)
           r"|zwanen|ganzen|duiven|katten|vossen|ratten|hazen|dassen|muizen|vissen|mollen|"
           r"reeën|reeen|geese|goose|deer)")
_DEAD_ANIMAL = re.compile(
    rf"\b(?:dode?|dood|dooie?|doodgereden|overreden|aangereden|dead|roadkill)\s+(?:\w+\s+)?{ANIMALS}\b"
    rf"|\b{ANIMALS}\b(?:\s+\w+){{0,4}}\s+(?:dood|overreden|doodgereden|dead)\b"
    r"|\b(?:kadaver|kadavers|karkas|dierkadaver|dood\s+dier|dode\s+dieren)\b",
    re.IGNORECASE)
_OFFENSIVE = re.compile(
    r"\b(?:racistisch\w*|discrimin\w*|kwetsend\w*|beledigend\w*|antisemitisch\w*|"
    r"hakenkrui[sz]\w*|swastika\w*|nazi\w*|obsce\w*|pornografisch\w*|scheldwoord\w*|"
    r"haatdragend\w*|racist\w*|offensive|hateful)\b",
    re.IGNORECASE)
_WRITTEN = re.compile(
    r"\b(?:graffiti|gespoten|gespoot|gekalkt|geklad|bekladding|bekladd?\w*|tekst\w*|"
    r"leus\w*|spuitbus\w*|tag|tags|getagd|geschreven|written|sprayed|painted)\b",
    re.IGNORECASE)

DEAD_ANIMAL = "dead_animal"
OFFENSIVE_GRAFFITI = "offensive_graffiti"


def quick_kind_of(text: str) -> Optional[str]:
    """'dead_animal', 'offensive_graffiti' or None."""
    text = text or ""
    if _DEAD_ANIMAL.search(text):
        return DEAD_ANIMAL
    if _OFFENSIVE.search(text) and (_WRITTEN.search(text) or re.search(r"hakenkrui[sz]|swastika",
                                                                       text, re.IGNORECASE)):
        return OFFENSIVE_GRAFFITI
    return None
