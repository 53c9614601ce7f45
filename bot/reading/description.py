"""What is wrong, in the resident's words: a clean description and the problems it names.

`clean_description` keeps the facts for the field crew and drops greetings, sign-offs,
chat noise, preambles and personal data. `category_of` reads the report category from
keywords (compounds and typos included); `split_problems` tells one problem described
in several sentences from a message that names two different problems.

The resident's own words stay: nothing is reworded. What goes: text speak ("ff melden
dat", "thx", "grtz"), emoji and "!!!", the story before "… en toen zag ik dat" (unless it
holds a fact: someone fell, it is dangerous, how long), clauses that only ask the
municipality to act or only vent ("kunnen jullie daar iets aan doen?", "belachelijk!"),
unless they name something not said elsewhere. "Ik heb dit al drie keer gemeld" becomes
"(al vaker gemeld)" after the problem. A message in capitals is put in sentence case.

Choices: litter and dumping ("zwerfafval", "gedumpt") are public space, not waste
collection; a street bin ("prullenbak vol") is waste collection; tree roots lifting the
pavement are pavement. Two problems of the same category stay one report.
"""
from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Dict, Iterator, List, Optional, Tuple

from rapidfuzz.distance import OSA

from bot.reading.asking import WANTS_TO_KNOW
from bot.reading.money import money_trouble
from bot.reading.privacy import scrub
from bot.reading.quick_kinds import ANIMALS
from bot.text import KNOWN_FORMS as _KNOWN_FORMS, capitalised, subordinate_as_main
from bot.reading.streets import STREET_ENDINGS, STREET_ENDINGS_WIDE

PAVEMENT = "report_pavement_road"
WASTE = "report_waste_collection"
LIGHTING = "report_street_lighting"
OTHER = "report_public_space_other"
CATEGORIES = (PAVEMENT, WASTE, LIGHTING, OTHER)
STRONG = 1.0
WEAK = 0.5  # a place rather than a problem ("op de stoep"), or a vague word ("paal")

# --- keywords --------------------------------------------------------------------------
# Single words; a word also matches as the head or start of a compound ("stoeptegels",
# "containerpas") and, from 7 letters on, with a typo.
_WORDS: Dict[str, Dict[str, float]] = {
    PAVEMENT: {
        "tegel": STRONG, "stoeptegel": STRONG, "klinker": STRONG, "kassei": STRONG,
        "bestrating": STRONG, "asfalt": STRONG, "wegdek": STRONG, "kuil": STRONG,
        "gat": STRONG, "gaten": STRONG, "gaatje": STRONG, "drempel": STRONG,
        "putdeksel": STRONG, "stoeprand": STRONG, "verzakt": STRONG, "verzakking": STRONG,
        "opgebroken": STRONG, "hobbel": STRONG, "losliggend": STRONG, "wortel": STRONG,
        "boomwortel": STRONG, "scheur": STRONG, "pothole": STRONG, "pavement": WEAK,
        "stoep": WEAK, "trottoir": WEAK, "voetpad": WEAK, "fietspad": WEAK, "weg": WEAK,
        "rijbaan": WEAK, "stenen": WEAK, "steen": WEAK, "sidewalk": WEAK, "road": WEAK,
        "los": WEAK, "losse": WEAK, "wegmarkering": STRONG, "stoepen": WEAK,
        # English words for the street's surface (round r232 of session 58: a missing
        # manhole cover was street lighting, "the light on" beside it)
        "manhole": STRONG, "tile": STRONG, "tiles": STRONG, "paving": STRONG,
        "kerb": STRONG, "curb": STRONG, "potholes": STRONG,
    },
    WASTE: {
        "container": STRONG, "kliko": STRONG, "klikko": STRONG, "minicontainer": STRONG,
        "vuilnis": STRONG, "vuilnisbak": STRONG, "vuilbak": STRONG, "prullenbak": STRONG,
        "afvalbak": STRONG, "glasbak": STRONG, "papierbak": STRONG, "afval": STRONG,
        "restafval": STRONG, "huisvuil": STRONG, "gft": STRONG, "pmd": STRONG,
        "vuilniszak": STRONG, "vuilzak": STRONG, "afvalzak": STRONG, "grofvuil": STRONG,
        "vuilniswagen": STRONG, "vuilnisman": STRONG, "vuilnismannen": STRONG,
        "ophaaldag": STRONG, "geleegd": STRONG, "geledigd": STRONG, "opgehaald": STRONG,
        "bin": STRONG, "bins": STRONG, "garbage": STRONG, "trash": STRONG, "rubbish": STRONG,
        "bak": WEAK, "bakken": WEAK,
    },
    LIGHTING: {
        "lantaarnpaal": STRONG, "lantaarnpalen": STRONG, "lantaarn": STRONG,
        "lantaren": STRONG, "lantarenpaal": STRONG, "straatlamp": STRONG, "lamp": STRONG,
        "lampen": STRONG, "lampje": STRONG, "verlichting": STRONG, "lichtmast": STRONG,
        "lichtpunt": STRONG, "straatlicht": STRONG, "streetlight": STRONG,
        "knippert": STRONG, "knipperen": STRONG, "knipperend": STRONG, "flikkert": STRONG,
        "flikkeren": STRONG, "light": WEAK, "licht": WEAK, "paal": WEAK, "donker": WEAK,
    },
    OTHER: {
        "boom": STRONG, "bomen": STRONG, "tak": STRONG, "takken": STRONG, "graffiti": STRONG,
        "bankje": STRONG, "zitbank": STRONG, "speeltuin": STRONG, "speeltoestel": STRONG,
        "schommel": STRONG, "glijbaan": STRONG, "hondenpoep": STRONG, "poep": STRONG,
        "hondenstront": STRONG, "overlast": WEAK, "onkruid": STRONG, "riool": STRONG,
        "rioolput": STRONG, "kolk": STRONG, "verstopt": STRONG, "verstopping": STRONG,
        "dumping": STRONG, "gedumpt": STRONG, "dumpen": STRONG, "dumpt": STRONG,
        "gedumped": STRONG, "zwerfafval": STRONG, "zwerfvuil": STRONG,
        "rommel": STRONG, "troep": STRONG, "rotzooi": STRONG, "wateroverlast": STRONG,
        "ratten": WEAK, "rat": WEAK, "ongedierte": WEAK, "kadaver": STRONG,
        "fietswrak": STRONG, "weesfiets": STRONG, "vandalisme": STRONG, "vernield": STRONG,
        # "heeft iemand lelijke woorden gespoten" (round 85): graffiti without the word
        "gespoten": STRONG, "beklad": STRONG, "bekladding": STRONG, "bekladt": STRONG,
        "bekrast": STRONG, "kladderij": STRONG, "gekalkt": STRONG, "geklad": STRONG,
        "getagd": STRONG, "spuitbus": STRONG, "hangjongeren": STRONG,
        # street furniture that takes money (round r229 of session 58: "slikt geen pasjes")
        "parkeerautomaat": STRONG, "parkeermeter": STRONG, "betaalautomaat": STRONG,
        "parkeerpaal": STRONG, "oplaadpaal": STRONG, "laadpaal": STRONG,
        "bord": STRONG, "verkeersbord": STRONG, "paaltje": STRONG, "hek": STRONG,
        "struik": STRONG, "struiken": STRONG, "heg": STRONG, "gras": STRONG,
        "bladeren": STRONG, "omgewaaid": STRONG, "omgevallen": STRONG, "gladheid": STRONG,
        # ice on the road is for the gritters, not waste (round r122 of session 49: "the salt
        # truck" was a waste report with 2 working days)
        # ("ijs", "ice" and "icy" are phrases below: "rijbewijs", "police", "policy")
        "spiegelglad": STRONG, "ijzel": STRONG, "bevroren": STRONG, "strooien": STRONG,
        "gestrooid": STRONG, "strooiwagen": STRONG, "slippery": STRONG, "gritter": STRONG,
        "gritting": STRONG, "gritted": STRONG,
        "litter": STRONG,
        # "die hond loopt elke dag los" is no loose tile (round r84)
        "loslopend": STRONG, "loslopende": STRONG,
        "tree": STRONG, "branch": STRONG, "bench": STRONG, "playground": STRONG,
        "sewer": STRONG, "blocked": STRONG, "dumped": STRONG, "wesp": STRONG,
        "wespennest": STRONG, "eikenprocessierups": STRONG, "afvalwater": STRONG,
        "geveegd": STRONG, "vegen": STRONG, "veegwagen": STRONG, "veegt": STRONG,
        "wipwap": STRONG, "wipkip": STRONG, "klimrek": STRONG, "zandbak": STRONG,
        "herrie": STRONG, "lawaai": STRONG, "geluidsoverlast": STRONG, "geluidshinder": STRONG,
        "noise": STRONG,
        # traffic lights are road furniture, not street lighting ("het stoplicht is uit")
        "verkeerslicht": STRONG, "verkeerslichten": STRONG, "stoplicht": STRONG,
        "stoplichten": STRONG, "trafficlight": STRONG,
        # a bus shelter and loose glass on the street (own try, session 44: joined with the
        # full bin beside it into one report)
        "bushokje": STRONG, "abri": STRONG, "wachthuisje": STRONG, "glasscherven": STRONG,
        "scherven": STRONG,
    },
}
# Phrases, matched on the normalised text.
_PHRASES: Dict[str, Dict[str, float]] = {
    PAVEMENT: {
        r"lig(?:t|gen)\s+(?:\w+\s+){0,3}?(?:los|open|scheef|omhoog)": STRONG,
        r"put\s+in\s+(?:de|het)\s+(?:weg|straat|baan|voetpad|stoep)": STRONG,
        # "een put zonder deksel", "de put is open" (round r201 of session 54)
        r"\bput\s+(?:zonder\s+deksel|(?:is|ligt|staat)\s+open)|\bopen\s+put\b": STRONG,
        r"gat\s+in": STRONG, r"(?:hole|crack)s?\s+in\s+the\s+(?:road|pavement|street)": STRONG,
        r"loose\s+(?:tile|paving)": STRONG,
        # a surface in a bad state: "de stoep ligt er ook slecht bij", "fietspad vol gaten"
        r"(?<!bij de )(?<!naast de )(?<!langs de )(?<!boven de )(?<!aan de )"
        r"(?:stoep|trottoir|voetpad|fietspad|bestrating|wegdek|asfalt|klinkers?)\s+"
        r"(?:(?:ligt|liggen|is|zijn|er|erg|heel|echt|ook|helemaal|zo|best|nogal|in|een|"
        r"staat|hier|daar)\s+){0,4}(?:slecht|kapot|stuk|verzakt|gescheurd|oneffen|hobbelig|"
        r"vol\s+gaten)":
            STRONG,
    },
    WASTE: {
        r"niet\s+(?:\w+\s+){0,2}(?:geleegd|geledigd|opgehaald|leeggemaakt)": STRONG,
        r"(?:grijze|groene|blauwe|oranje|gele)\s+(?:bak|container|kliko)": STRONG,
        r"not\s+(?:been\s+)?(?:collected|emptied)": STRONG,
    },
    LIGHTING: {
        r"brand(?:t|en)\s+(?:\w+\s+)?(?:niet|overdag|de\s+hele\s+dag|continu|dag\s+en\s+nacht)":
            STRONG,
        r"niet\s+(?:meer\s+)?(?:brandt|branden|aan\s+gaat|aangaat|werkt)": STRONG,
        r"(?:licht|lamp)\s+(?:is\s+|gaat\s+|blijft\s+)?uit": STRONG, r"geen\s+licht": STRONG,
        r"(?:aarde|stik|pik)donker": STRONG, r"light\s+(?:is\s+)?(?:out|off|broken)": STRONG,
    },
    OTHER: {
        r"\b(?:ijs|ice|icy|black\s+ice)\b": STRONG,
        # "die hond loopt elke dag los" is no loose tile (round r84 of session 43)
        r"\b(?:hond|honden|dog|dogs)\W+(?:\w+\s+){0,4}?(?:loopt|lopen|liep|runs?|running)\s+"
        r"(?:\w+\s+){0,3}?(?:los|loose)\b": STRONG,
        r"\b(?:loopt|lopen|liep)\s+(?:\w+\s+)?(?:hond|honden)\s+(?:\w+\s+){0,2}?los\b": STRONG,
        # furniture or an appliance left out on the street: "er staat al 2 weken een kapotte
        # koelkast op de stoep" is no broken pavement
        r"(?:staat|staan|ligt|liggen|stond|lag|gezet|neergezet|gedumpt)\s+(?:\w+\s+){0,5}?"
        r"(?:koelkast|vriezer|diepvries\w*|wasmachine|droger|matras\w*|bank|bankstel|kast|"
        r"meubel\w*|televisie|tv|fridge|mattress|sofa|couch)\w*\s+(?:\w+\s+){0,2}?"
        r"(?:op|aan|langs|naast|bij|on)\s+(?:de|het|the)\s+(?:stoep|straat|trottoir|weg|"
        r"pavement|sidewalk|street)": STRONG,
        r"(?:koelkast|vriezer|wasmachine|droger|matras|bankstel|meubel\w*|televisie)\w*\s+"
        r"(?:op|aan|langs|naast|bij)\s+(?:de|het)\s+(?:stoep|straat|trottoir|weg)\s+"
        r"(?:\w+\s+){0,2}?(?:gezet|neergezet|gedumpt|gegooid|achtergelaten)": STRONG,
        r"water\s+op\s+(?:straat|de\s+weg)": STRONG, r"blijft\s+water\s+staan": STRONG,
        r"(?:straat|weg|stoep|fietspad|tunnel|plein|park|parkeerplaats|kruising|\w+straat|"
        r"\w+weg|\w+laan|\w+plein)\s+(?:\w+\s+){0,2}?(?:staat|staan|stond|stonden)\s+"
        r"(?:\w+\s+){0,3}?(?:blank|onder\s+water)": STRONG,
        r"(?:put|putten|kolk|kolken|riool|afvoer)\s+(?:\w+\s+)?(?:lopen|loopt|liep|liepen)\s+over":
            STRONG,
        r"illega(?:al|le)\s+(?:afval|gestort|dump)": STRONG, r"hangt\s+over": STRONG,
        r"dog\s+(?:poo|poop|mess)": STRONG, r"fly[\s-]?tipping": STRONG,
        # "2 dode zwanen in de vijver" (round r67 of session 40: no category, out of scope)
        rf"(?:dode?|dooie?|dead)\s+{ANIMALS}": STRONG,
        r"(?:kei|knoei|snoei)?(?:harde|luide)\s+(?:muziek|bas|beats)": STRONG,
        r"loud\s+music": STRONG, r"full\s+blast|noisy\s+(?:neighbou?rs?|party)": STRONG,
        # "de muziek van het café op het Marktplein staat tot diep in de nacht keihard aan"
        r"muziek\s+(?:\w+\s+){0,12}?(?:te\s+)?(?:kei|knoei|snoei|veel\s+te\s+)?(?:hard|luid)\b":
            STRONG,
        r"(?:overlast|klacht\w*|last)\s+(?:\w+\s+){0,2}(?:geluid|muziek)": STRONG,
        # a vehicle in the way: "er staat een busje op de stoep", "fout geparkeerd"
        r"(?:auto|busje|bus|bestelbus|bestelauto|camionette|camper|caravan|vrachtwagen|aanhanger|"
        r"aanhangwagen|boot|scooter|car|van|truck)s?\s+(?:\w+\s+){0,6}?(?:op\s+(?:de|het)\s+"
        r"(?:stoep|fietspad|trottoir|gras|voetpad|groen)|geparkeerd|parkeert|parkeren)": STRONG,
        r"(?:fout|verkeerd|dubbel|half)\s+geparkeerd": STRONG,
        r"(?:auto|brommer|fiets)wrak": STRONG,
        # an abandoned vehicle: "een auto zonder kentekenplaten, ramen ingeslagen" (round r54)
        r"(?:auto|busje|bestelbus|caravan|aanhanger|aanhangwagen|camper|scooter|brommer|car|van)"
        r"s?\s+(?:\w+\s+){0,3}?(?:zonder|without)\s+(?:\w+\s+)?(?:kenteken\w*|nummerpla\w*|"
        r"nummerbord\w*|platen|wielen|banden|ruiten|number\s+plates?|plates|wheels|tyres|tires)"
        r"|(?:achtergelaten|verlaten|abandoned)\s+(?:auto|busje|caravan|car|van)"
        # "een auto op blokken", "lekke banden en al maanden niet weggereden"
        r"|(?:auto|busje|caravan|aanhanger|car|van)s?\s+(?:\w+\s+){0,3}?(?:op\s+(?:blokken|"
        r"stenen)|met\s+(?:vier\s+|4\s+)?lekke\s+banden|al\s+(?:\w+\s+)?(?:weken|maanden)\s+"
        r"niet\s+(?:\w+\s+)?(?:gereden|weggereden|verplaatst))": STRONG,
        # "2 fietsen zonder wielen tegen een lantaarnpaal": the bikes, not the lamp
        r"(?:fiets|fietsen|bike|bikes)\s+(?:\w+\s+){0,3}?(?:zonder\s+(?:\w+\s+)?(?:wielen|wiel|"
        r"voorwiel|achterwiel|zadel|ketting)|achtergelaten|verroest|without\s+wheels)":
            STRONG + WEAK,
        r"parked\s+on\s+the\s+(?:pavement|sidewalk|cycle\s+path)": STRONG,
        # Rats seen or living somewhere are pest control, also beside the containers they
        # come to ("bij de containers zie ik ratten lopen"); rats drawn by a full bin are not.
        r"(?:zie|zag|zien|gezien)\s+(?:\w+\s+){0,4}?(?:ratten|muizen|ongedierte)"
        r"|(?:ratten|muizen)\s+(?:\w+\s+){0,2}?(?:lopen|rennen|zitten|wonen|nesten|nest|rond|"
        r"gezien|gespot|gesignaleerd)|(?:veel|heel veel|allemaal|steeds meer|grote)\s+ratten"
        r"|(?:lopen|rennen|zitten|scharrelen)\s+(?:\w+\s+){0,2}?(?:ratten|muizen)"
        r"|(?:last|overlast)\s+van\s+(?:\w+\s+)?(?:ratten|muizen|ongedierte)"
        r"|(?:ratten|muizen)plaag|rattennest|(?:rats|mice)\s+(?:\w+\s+)?(?:near|around|by|in|at|on|behind|under|everywhere)":
            STRONG + WEAK,
    },
}
_PHRASE_PATTERNS = [(category, re.compile(rf"\b(?:{pattern})\b"), weight)
                    for category, phrases in _PHRASES.items()
                    for pattern, weight in phrases.items()]
_KEYWORDS: List[Tuple[str, str, float]] = sorted(
    ((word, category, weight) for category, words in _WORDS.items()
     for word, weight in words.items()),
    key=lambda item: -len(item[0]))
_INFLECTIONS = ("", "s", "en", "n", "e", "je", "jes", "tje", "tjes", "'s")
_NOT_KEYWORDS = frozenset({
    # products and bills, not problems in the street (round r57: a tax question and a waste
    # pass asked for were filed as waste reports)
    "afvalstoffenheffing", "afvalheffing", "rioolheffing", "afvalpas", "afvalpassen",
    "afvalkalender", "afvalwijzer", "afvalapp",
    "tegelijk", "tegelijkertijd", "wegens", "weggegooid", "gatenkaas",
    # "haar parkeervergunning moet ook stoppen" (round r198 of session 53: a street report)
    "stoppen", "stopt", "stopte", "gestopt",
    "lampion", "losgeld", "bakker", "bakkerij", "gratis", "lossen",
    "weggehaald", "wegwezen", "boomgaard", "hekel", "bordje",
    "afgebroken", "struikelen", "struikelt", "struikelde",
    "struikelden", "gestruikeld", "struikelpartij",
    "garage", "garages",  # one letter from "garbage": fireworks sold from a garage
    "take", "takes", "taking"})  # "how long does it take" is no branch ("tak") (r138)


def _inflected_forms() -> Dict[str, Tuple[str, float]]:
    """Every keyword with every ending, for the common case of an exact word (longest wins)."""
    forms: Dict[str, Tuple[str, float]] = {}
    for word, category, weight in reversed(_KEYWORDS):
        forms.update({word + ending: (category, weight) for ending in _INFLECTIONS})
    return forms


_FORMS = _inflected_forms()
_FLEMISH_AND_SHORT = {"ni": "niet", "nie": "niet", "'t": "het", "t": "het", "da": "dat",
                      "nt": "niet", "marcheert": "werkt", "marcheren": "werken",
                      "marcheerde": "werkte", "ne": "een"}


def _normalise(text: str) -> str:
    """Lower case, no accents, Flemish and chat spellings written out."""
    text = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = re.findall(r"'t|[\w']+|[^\w\s]", text)
    return " ".join(_FLEMISH_AND_SHORT.get(word, word) for word in words)


# Keywords that end street names ("Molenweg"): only the word itself counts.
_WHOLE_WORDS_ONLY = frozenset({"weg"})


def _matches(token: str, keyword: str) -> bool:
    """The keyword as the word, an inflection, or the head or start of a compound."""
    whole = keyword in _WHOLE_WORDS_ONLY
    for ending in _INFLECTIONS:
        form = keyword + ending
        if token == form or (not whole and len(token) - len(form) >= 3 and token.endswith(form)):
            return True
    return len(keyword) >= 5 and token.startswith(keyword) and len(token) > len(keyword) + 2


def _typo_of(token: str, keyword: str) -> bool:
    if len(keyword) < 7 or abs(len(token) - len(keyword)) > 1:
        return False
    allowed = 2 if len(keyword) >= 10 else 1
    return OSA.distance(token, keyword, score_cutoff=allowed) <= allowed


@lru_cache(maxsize=8192)
def _keyword_of(token: str) -> Optional[Tuple[str, float]]:
    """The category and weight of the longest keyword the token is (a form of)."""
    if token in _NOT_KEYWORDS:
        return None
    if token in _FORMS:
        return _FORMS[token]
    for word, category, weight in _KEYWORDS:
        if _matches(token, word):
            return category, weight
    for word, category, weight in _KEYWORDS:
        if _typo_of(token, word):
            return category, weight
    return None


# Grounds that are a problem themselves ("het gras is te lang") or only where something
# lies ("op het gras").
_SURFACES = frozenset({"gras", "grasveld", "berm", "plantsoen", "speeltuin", "park"})
_LOCATIVE = frozenset({"op", "in", "over", "naast", "langs", "bij", "door", "onder"})


def _is_surface(token: str) -> bool:
    """"speeltuin", also as "speeltuintje" (round r230 of session 58: a lamp there was
    "other")."""
    return token in _SURFACES or re.sub(r"t?je$", "", token) in _SURFACES


def _after_preposition(tokens: List[str], index: int) -> bool:
    before = tokens[max(0, index - 2):index]
    return bool(before) and (before[-1] in _LOCATIVE or len(before) == 2
                             and before[0] in _LOCATIVE and before[1] in ("de", "het", "een"))


# "ik bin 76" is Frisian or German for "I am", not a bin (round r76 of session 41).
# ("als 't maar weg is", "het moet weg": away, not a road; round r190 of session 53)
_VERB_AFTER = {"bin": frozenset({"ik", "ich"}),
               "weg": frozenset({"is", "zijn", "moet", "moeten", "maar", "snel", "al",
                                 "helemaal", "mag", "mogen", "kan", "gaat", "ging", "was",
                                 "waren", "eindelijk", "zo", "t", "nog"})}
# "een kapotte matras die weg moet(en)" (round r207 of session 55: a pavement report): the
# word before a verb that says it has to go
_VERB_NEXT = {"weg": frozenset({"moet", "moeten", "mag", "mogen", "kan", "kunnen", "halen",
                                "gooien", "brengen", "doen", "hebben", "willen", "wil"})}
_THE_ROAD = frozenset({"de", "deze", "hele", "onze", "op", "over", "langs", "the"})


# "het wordt al donker", "nu het zo donker wordt" (rounds r205 and r209 of session 55: street
# lighting for a burst main and a second report): the time of day, not a dark street
_DUSK = re.compile(r"\b(?:wordt|word|werd|worden) (?:het |t )?(?:al |zo |bijna |nu |straks |"
                   r"ook )*donker\b|\bdonker (?:wordt|word|werd)\b|\b(?:het|t) is al donker\b"
                   r"|\b(?:getting|gets|got) dark\b")


def _scores(text: str) -> Dict[str, float]:
    normalised = _DUSK.sub(" ", _normalise(text))
    scores: Dict[str, float] = defaultdict(float)
    weak: Dict[str, float] = defaultdict(float)
    tokens = re.findall(r"[a-z][a-z']*", normalised)
    for index, token in enumerate(tokens):
        found = _keyword_of(token)
        if found and index and tokens[index - 1] in _VERB_AFTER.get(token, ()):
            continue
        if (found and index + 1 < len(tokens) and tokens[index + 1] in _VERB_NEXT.get(token, ())
                and not (index and tokens[index - 1] in _THE_ROAD)):
            continue
        if found and _after_preposition(tokens, index) and (
                _is_surface(token) or any(scores.values())):
            # "alles ligt op het gras", "de lamp bij het bankje is kapot" (round r266 of
            # session 63: a tie, no category): where, not what
            found = (found[0], WEAK)
        if found and found[1] >= STRONG:
            scores[found[0]] += found[1]
        elif found:  # places and vague words: several of them still name no problem
            weak[found[0]] = max(weak[found[0]], found[1])
    for category, weight in weak.items():
        scores[category] += weight
    for category, pattern, weight in _PHRASE_PATTERNS:
        scores[category] += weight * len(pattern.findall(normalised))
    return {category: score for category, score in scores.items() if score > 0}


def _best(scores: Dict[str, float]) -> Optional[str]:
    """The category with the highest score; None when there is none or a tie, except waste
    tied with "other": rubbish with what it draws or hides ("vuilniszakken … ratten",
    "grof afval gedumpt … matrassen") is waste (round 96)."""
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    tied = [category for category, score in ranked if score == ranked[0][1]]
    if sorted(tied) == sorted([WASTE, OTHER]):
        return WASTE
    if not ranked or len(tied) > 1:
        return None
    return ranked[0][0]


_NOT_COLLECTED = re.compile(
    r"\bniet\s+(?:\w+\s+){0,2}(?:opgehaald|meegenomen|gehaald|geleegd)\b|\bvergeten\b"
    r"|\b(?:staat|ligt|liggen|staan)\s+(?:er\s+)?(?:\w+\s+)?nog\b|\bnot\s+(?:been\s+)?collected\b"
    # the crew did not turn up: "betaald maar ze zijn niet gekomen", "er kwam niemand"
    r"|\b(?:niet|niemand|nooit)\s+(?:\w+\s+)?(?:gekomen|langsgekomen|langs\s+geweest|"
    r"komen\s+opdagen|verschenen)\b|\bniemand\s+(?:\w+\s+)?geweest\b|\b(?:kwamen|kwam)\s+(?:ze\s+|er\s+)?(?:niet|niemand|nooit)\b"
    r"|\b(?:never|nobody|no\s+one)\s+(?:came|showed\s+up)\b|\bdid\s*n[o']?t\s+(?:come|show\s+up)\b")


# Someone else's furniture left in the street: "iemand heeft een bank gedumpt bij de glasbak".
_DUMPED = re.compile(
    r"\b(?:iemand|mensen|ze|men|buren|buurman|buurvrouw|er)\b(?: \w+){0,8} (?:gedumpt|komen "
    r"dumpen|achtergelaten|neergegooid|neergekwakt|neergezet|gezet|gelegd|gegooid|gedropt)\b"
    # "bank en matras op straat, niet van mij" (round 91): someone else's
    r"|\b(?:is|zijn|het|die|dat|dit)? ?niet van (?:mij|ons)\b|\bnot (?:mine|ours)\b"
    r"|\b(?:is|zijn|wordt|worden|werd|werden|ligt|liggen|staat|staan) (?:\w+ ){0,3}?(?:gedumpt|"
    r"achtergelaten|neergegooid)\b|\b(?:someone|somebody|people|they) (?:has |have )?dumped\b"
    r"|\b(?:was|were|been) dumped\b|\bnot (?:my|our) (?:\w+ )?(?:mattress|sofa|couch|stuff|"
    r"rubbish|furniture)\b"
    # "bij glasbak molenweg matras en meubels gedumpt" (round r58: the pickup answer)
    r"|\b(?:matras\w*|meubel\w*|bank|banken|kast\w*|stoel\w*|bankstel|koelkast|afval|"
    r"vuilniszak\w*|troep|rommel|spullen)\b(?: \w+){0,3} (?:gedumpt|gedumped|dumped)\b"
    # "bij container op parkeerplaats Lidl veel vuilnis zakken naast" (round r109: the
    # pickup answer): waste put beside a container is someone's dumping
    r"|\b(?:vuilnis ?zak\w*|zakken|afval|troep|rommel|matras\w*|spullen)\b(?: \w+){0,4} naast\b"
    r"(?! (?:mijn|ons|onze|m[ij]?n) )"
    r"|\bnaast (?:de |het )?(?:container\w*|glasbak\w*|papierbak\w*|ondergrondse \w+)\b")
_OWN_PLAN = re.compile(r"\b(?:ik|wij|we)\b(?: \w+){0,3} (?:kan|mag|wil|moet|kunnen|mogen|willen)\b"
                       r"|\b(?:kan|mag|wil|moet) (?:ik|wij|we)\b")


# "mijn rijbewijs is weg, denk dat ik hem bij de bakker heb laten vallen" (round r61: a
# pavement report at the baker's): one's own things lost are no problem in the street
# (also in the languages newcomers write: "dowód", "kimlik", "Ausweis")
DOCUMENT_WORDS = (r"(?:paspoort\w*|id ?kaart\w*|id-kaart\w*|identiteitskaart\w*|"
                  r"identiteitsbewijs\w*|rijbewijs\w*|reisdocument\w*|passports?|"
                  r"driving licen[cs]e|id cards?|"
                  r"dow[óo]d\w*|paszport\w*|prawo jazdy|kimli[gğk]\w*|pasaport\w*|ehliyet\w*|"
                  r"ausweis\w*|reisepass\w*|reispas\w*|f[üu]hrerschein\w*)")
_OWN_THINGS = (rf"(?:{DOCUMENT_WORDS}|portemonnee|portemonnaie|pinpas|bankpas|sleutel|sleutels|"
               r"telefoon|mobiel|tas|handtas|wallet|keys)")
_LOST_OWN = re.compile(
    rf"\b(?:mijn|m n|mn|onze|ons|zijn|haar|my|our)\s+(?:\w+\s+)?{_OWN_THINGS}\b(?:\s+\w+){{0,4}}?"
    r"\s+(?:kwijt|weg|verloren|gestolen|zoek|laten vallen|lost|stolen|missing)\b"
    rf"|\b(?:kwijt|verloren|lost)\s+(?:\w+\s+)?(?:mijn|m n|mn|my)\s+{_OWN_THINGS}\b", re.IGNORECASE)


def lost_own_things(text: str) -> bool:
    """"Mijn rijbewijs is weg": the resident lost something of their own."""
    return bool(_LOST_OWN.search(text or ""))


def says_dumped(text: str) -> bool:
    """Someone else's bulky waste left in public space: a report of dumping, not a pickup
    ("iemand heeft een bank gedumpt"; not "mag ik mijn bank daar neerzetten?")."""
    plain = _normalise(text)
    return bool(_DUMPED.search(plain)) and not _OWN_PLAN.search(plain)


# Words that tell something is broken or damaged, not only in the way or dirty.
_DAMAGE = re.compile(
    r"\b(?:kapot\w*|stuk|los|losse|losliggend\w*|loszittend\w*|gat|gaten|gaatje\w*|scheur\w*|"
    r"verzakt\w*|verzakking\w*|ingezakt|omhoog\w*|opgedrukt|opgewipt\w*|opgeduwd|wortel\w*|"
    r"hobbel\w*|kuil\w*|"
    r"oneffen\w*|beschadig\w*|gebroken|afgebroken|brokkel\w*|afgebrokkeld|uitsteekt|steekt uit|"
    r"wiebel\w*|scheef|schuin|broken|loose|holes?|potholes?|cracks?|cracked|damaged|uneven)\b")


def says_damage(text: str) -> bool:
    """"De tegel ligt los", "gat in de weg": something is broken (not "er staat een bank op
    de stoep")."""
    return bool(_DAMAGE.search(_normalise(text)))


def says_not_collected(text: str) -> bool:
    """"Het grofvuil is niet opgehaald", "het staat er nog": a pickup was missed."""
    return bool(_NOT_COLLECTED.search(_normalise(text)))


def names_only_a_place(text: str) -> bool:
    """"Stoep", "de weg": one word that says where, not what is wrong."""
    words = [w for w in re.findall(r"[a-z][a-z']*", _normalise(text)) if w not in ("de", "het")]
    found = _keyword_of(words[0]) if len(words) == 1 else None
    return bool(found) and found[1] < STRONG


def category_of(text: str) -> Optional[str]:
    """The report category the keywords point to; None when unclear.

    Read from the clean description, so "via deze weg" or a sign-off "Van Dijk" count for
    nothing."""
    return _best(_scores(clean_description(text) or text or ""))


GENERAL_CATEGORY = "report_public_space_other"


def names_another_problem(text: str, category: Optional[str]) -> bool:
    """"ja. en m'n container is ook nog steeds niet geleegd" at the summary of a street-light
    report (round r71 of session 41): words beside a yes that tell a problem of another kind,
    a report of its own rather than more about this one."""
    told = category_of(text or "")
    return (told is not None and category is not None
            and GENERAL_CATEGORY not in (told, category) and told != category)


# --- the clean description -------------------------------------------------------------
# Sign-offs: everything from them on goes. The short ones only count after a full stop
# or comma ("… los. Groetjes, Anja"), not inside a sentence ("de groeten van mijn buurman");
# chat sign-offs ("grtz", "thx", "doei") also count as the last words of the message.
_SIGN_OFF = re.compile(
    r"(?:(?:^|(?<=[\s.,!?;:]))(?:(?:met\s+)?(?:vriendelijke|hartelijke|beste|warme|zonnige)\s+"
    r"groet(?:en|jes)?|m\.?v\.?g\.?|hoogachtend|met\s+(?:de\s+meeste\s+)?hoogachting|alvast\s+(?:hartelijk\s+|heel\s+|super\s+)?(?:bedankt|dank)|"
    r"bij\s+voorbaat\s+(?:hartelijk\s+)?dank|(?:kind|best)\s+regards|thanks\s+in\s+advance)"
    r"|(?:^|(?<=[.,!?;:]))\s*(?:groetjes|groeten|gr\.|grtz|grts|grtjs|vr\.?\s*gr\.?|regards|"
    r"liefs|doei+|doeg|daag|bye|ciao|thx|tnx|thnx|thanks|dankje(?:wel)?|fijne\s+dag|"
    r"fijn\s+weekend|prettige\s+dag|tot\s+ziens|xx+)"
    r"|\s(?:grtz|grts|grtjs|groetjes|thx|tnx|thnx|doei+|doeg|bye|ciao|xx+)"
    r"(?=(?:\W+\w+){0,2}\W*$))"
    r"\b.*$",
    re.IGNORECASE | re.DOTALL)
_GREETING = re.compile(
    r"^(?:(?:beste|geachte)\s+(?:heer|meneer|mevrouw)\s*[,/]\s*(?:heer|meneer|mevrouw)\b[,.!:;]?"
    r"|(?:beste|geachte|lieve|dear)\b[^,.!?:;\n]{0,40}[,.!?:;\n]"
    r"|(?:(?:zeer\s+)?beste|(?:zeer\s+)?geachte|dear)\s+(?:heer|mevrouw|meneer|"
    r"dames\s+en\s+heren|gemeente|"
    r"medewerker|allen|mensen|team|sir|madam)(?:\s*(?:/|of|en|or)\s*(?:mevrouw|heer|meneer|"
    r"madam))?(?:\s+[A-Z][\w-]+)?"
    r"|(?:(?:goede?|goeie?)n?\s?(?:morgen|middag|avond|dag)|hallo+|hoi+|hoihoi|he+y+|hee+|hi|"
    r"hello|hellu|hai+|heuj|hej|moi|moin|yo+|guten\s+(?:tag|morgen|abend)|merhaba|selam|"
    r"good\s+(?:morning|afternoon|evening)|"
    r"dzie[nń]\s+dobry|bonjour|buenos\s+d[ií]as|hola"
    # "gelukkig nieuwjaar eerst maar eh.." (round r246 of session 60: in the description)
    r"|(?:gelukkig|zalig|happy)\s+(?:nieuwjaar|new\s+year)(?:\s+(?:eerst|allemaal|nog)"
    r"(?:\s+maar)?(?:\s+eh+)?)?|(?:fijne|prettige|vrolijke|merry)\s+(?:feestdagen|kerst(?:dagen)?|"
    r"christmas))\b|dag(?=\s*(?:[,.!:;]|$|gemeente|allemaal|"
    r"mevrouw|meneer)))"
    r"(?:\s+(?:daar|allemaal|allen|gemeente(?:\s+(?-i:[A-Z])[\w-]+)?|there|all|team))*"
    r"[\s,.!:;-]*",
    re.IGNORECASE)
_NOISE = re.compile(
    r"^(?:(?:ja|jaa|jawel|nee|neen|nie|oke|oké|okee|ok|okay|ehm|eh|uhm|uh|hmm+|sorry|o\s+ja|oja|"
    r"oh|en|maar|pf+|zucht|jeetje|tja|en\s+nog\s+iets|nog\s+iets|allee|awel|amai)\b"
    r"(?!\s+dat\b)[\s,.!:;-]*"
    # "trouwens in de Lindelaan ligt …", not "verder brandt de lamp …" (the verb would lead)
    r"|(?:trouwens|btw|overigens|verder|daarnaast|ook\s+nog)\b[\s,:;-]*"
    r"(?=(?:in|op|bij|aan|de|het|een|er|voor|achter|naast|tegenover|ons|onze|mijn)\b)"
    r"|let\s+op\s*[:!]+\s*"
    # "top. o en er ligt nu weer glas …" after an answer (round r102: the description "Top.")
    r"|(?:top|super|prima|mooi|fijn|perfect|helder|duidelijk|thanks|thx|merci|bedankt|"
    r"dank\s*je(?:\s+wel)?)\s*[.!,]+\s*|o\s+(?=en\b)"
    r"|(?:nou|zo|dus|even|nogmaals|(?:ff|effe|even)(?:\s+(?:snel|kort))?|snel|kort)\s*[,.!:;-]+\s*"
    # "laat maar, ik meld hem gewoon opnieuw." (round 95): giving up on the old report
    r"|laat\s+(?:maar|ook\s+maar|dan\s+maar)(?:\s+zitten)?\s*[,.!:;-]+\s*"
    r"|(?:dat|dit|zoals)\s+(?:zei|schreef|typte|vertelde)\s+ik\s+(?:toch|al|net|eerder|"
    r"hierboven)(?:\s+al)?\b[\s,.!:;-]*"
    # "nee aanpassen, het gaat om …": the wish to change, not the problem
    r"|(?:aanpassen|wijzigen|veranderen|verbeteren|correctie)\s*[,.!:;-]+\s*"
    # "nee da klopt ni, het is …", "de omschrijving, er staat ook …", "wacht, …": about the
    # summary, not the problem
    r"|(?:dat\s+|da\s+|dit\s+|het\s+)?klopt\s+(?:niet|ni|nie|niks)(?:\s+(?:helemaal|echt))?"
    r"\s*[,.!:;-]+\s*|(?:de\s+|het\s+)?(?:omschrijving|beschrijving)\s*[,:;-]+\s*"
    r"|(?:o\s+|oh\s+)?wacht\s*[,.!:;-]+\s*"
    # "laat maar. meld het dan maar opnieuw, straatkolk verstopt": the wish to report again
    r"|laat\s+maar\s*[.!;]+\s*|(?:dan\s+)?(?:ik\s+)?meld\s+(?:ik\s+)?(?:het|dit)\s+"
    r"(?:dan\s+)?(?:maar\s+)?(?:wel\s+)?(?:opnieuw|nog\s+een\s+keer)\s*[,.!:;-]+\s*"
    # "Ik weet niet precies wat u bedoelt.": about the bot's question, not the problem
    r"|ik\s+(?:weet|snap|begrijp)\s+(?:niet|het\s+niet)\s+(?:(?:zo\s+)?(?:goed|precies)\s+)?"
    r"wat\s+(?:u|je|jij|jullie)\s+(?:bedoel[td]?|vraag[td]?|wil[t]?(?:\s+weten)?)\s*[.!?,:;-]+\s*"
    # "ok english.", "do you speak English?": the language asked for, not the problem
    r"|(?:in\s+)?(?:english|engels)(?:\s+(?:please|pls|graag|aub|alstublieft))?\s*[.!,:;-]+\s*"
    r"|(?:do\s+you\s+speak|can\s+we\s+(?:speak|talk)(?:\s+in)?|spreekt\s+u|spreek\s+je)\s+"
    r"(?:english|engels)\s*\?+\s*"
    # "sorry my Dutch is not so good.": about the resident's Dutch (round 80)
    r"|(?:sorry,?\s+)?(?:my\s+dutch\s+is\s+not\s+(?:so\s+|very\s+)?good|"
    r"i\s+(?:don'?t|do\s+not|cannot|can'?t)\s+speak\s+(?:any\s+|much\s+)?dutch|"
    r"ik\s+spreek\s+(?:geen|niet\s+goed|weinig|een\s+beetje|beetje)\s+nederlands|"
    r"mijn\s+nederlands\s+is\s+niet\s+(?:zo\s+|heel\s+|erg\s+)?goed|"
    r"sorry\s+voor\s+mijn\s+(?:slechte\s+)?nederlands)\s*[.!,:;-]+\s*)",
    re.IGNORECASE)
_EVEN = r"(?:even|ff|effe|efkes|eventjes)"
_FILL = r"(?:\s+(?:graag|even|ff|effe|efkes|eens|nog|hierbij|bij\s+deze|u|jullie|bij\s+u|"
_FILL += r"bij\s+jullie|er|wel|ook|gewoon|eventjes|snel|iets|wat|beleefd|vriendelijk)\b)*"
_ABOUT = r"(?:\s+(?:over|van|betreffende|omtrent|aangaande|m\.?b\.?t\.?|voor|om))?"
_BY_THIS = r"(?:(?:(?:via|langs)\s+deze\s+weg|bij\s+deze|hierbij|graag)\s+)?"
# "twee aparte meldingen", "een paar dingen": the resident announces more than one problem.
_SEVERAL = (r"(?:twee|2|drie|3|vier|4|meerdere|een\s+paar|enkele|verschillende)"
            r"(?:\s+(?:aparte|losse|verschillende|andere))?\s+"
            r"(?:meldingen|dingen|problemen|zaken|klachten|punten)")
_ANNOUNCES_SEVERAL = re.compile(rf"\b{_SEVERAL}\b", re.IGNORECASE)
_PREAMBLES = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    # "Ik wil twee aparte meldingen doen:", "Ik heb 2 dingen.", "Twee meldingen:"
    rf"^(?:{_BY_THIS}(?:ik\s+|'k\s+|wij\s+|we\s+)?(?:wil|wilde|zou|wou|heb|hebben|had|"
    rf"kom|ga|moet|wil\s+graag)(?:\s+(?:ik|we|wij))?{_FILL}(?:\s+(?:willen|graag))?\s+|"
    rf"(?:er\s+zijn|het\s+gaat\s+om)\s+)?{_SEVERAL}(?:\s+(?:doen|maken|indienen|melden|"
    rf"doorgeven|onder\s+(?:uw|de|jullie)\s+aandacht\s+brengen))?{_ABOUT}\s*[:,.-]?",
    # "Graag wil ik u attenderen op het volgende." (the letter's own heading)
    rf"^{_BY_THIS}(?:ik\s+)?(?:wil|wilde|zou|wou)(?:\s+ik)?{_FILL}(?:\s+(?:willen|graag))?"
    r"\s+(?:(?:beleefd|vriendelijk)\s+)?(?:attenderen|wijzen|informeren|attent\s+maken)\s+"
    r"(?:op|over)\s+(?:het\s+volgende|iets|het\s+feit\s+dat)\s*[:.,-]?",
    # "Graag wil ik uw aandacht vragen voor de speeltuin …" (round 98: "W aandacht vragen …")
    rf"^{_BY_THIS}(?:ik\s+)?(?:wil|wilde|zou|wou)(?:\s+ik)?{_FILL}\s+(?:uw|jullie|de)\s+"
    r"aandacht\s+(?:(?:willen|graag)\s+)?(?:vragen|vestigen|trekken)\s+(?:voor|op)\s+",
    # "Attenderen op het feit dat de lantaarnpaal …" (what is left of "Graag wil ik u …")
    r"^(?:u\s+)?(?:attenderen|wijzen)\s+op\s+het\s+feit\s+dat\s+",
    rf"^{_BY_THIS}(?:ik\s+|'k\s+)?(?:wil|wilde|zou|wou|kom|ga|moet)(?:\s+ik)?{_FILL}"
    rf"(?:\s+(?:willen|graag))?\s+(?:een\s+)?(?:melding|klacht|probleem)\s+"
    rf"(?:doen|maken|indienen|plaatsen|doorgeven|melden){_ABOUT}\s*(?:[:,.-]|dat\b)?",
    rf"^{_BY_THIS}(?:ik\s+|'k\s+)?(?:wil|wilde|zou|wou)(?:\s+ik)?{_FILL}(?:\s+(?:willen|graag))?"
    r"\s+(?:melden|laten\s+weten|doorgeven|mededelen|aangeven|zeggen|erop\s+wijzen|"
    r"erop\s+attenderen|opmerken|vermelden|rapporteren)\s*(?:dat\b|[:,.-])?",
    rf"^(?:hierbij|bij\s+deze|graag)\s+(?:meld|wil|wil\s+ik|meld\s+ik|maak|doe)(?:\s+ik)?{_FILL}"
    rf"(?:\s+(?:een\s+)?(?:melding(?:\s+van)?|melden|laten\s+weten))?{_ABOUT}\s*(?:dat\b|[:,.-])?",
    rf"^(?:ik\s+|'k\s*|k)?(?:heb|hebben|had)(?:\s+(?:{_EVEN}|nog|wel|toch))*\s+(?:een\s+)?"
    rf"(?:melding|klacht|probleem|vraag|vraagje|meldingetje){_ABOUT}\s*[:,.-]",
    rf"^(?:ik\s+)?meld\s+(?!(?:\w+\s+){{0,3}}(?:weer|opnieuw|nogmaals|wederom)\b)"
    rf"(?:(?:hierbij|bij\s+deze|u|jullie|{_EVEN})\s+)*(?:dat\b)?",
    rf"^{_EVEN}\s+(?:een\s+)?(?:melding(?:\s+(?:doen|maken))?|melden|doorgeven|laten\s+weten|"
    r"zeggen|mededelen|vermelden)\s*(?:dat\b|[:,.-])?",
    r"^(?:melding|klacht|probleem|onderwerp)\s*[:-]",
    # "Rozenlaan 7. Twee dingen: …" (what is left of "ik ben …, Rozenlaan 7"): the address
    # alone opens nothing; the place is stored apart (round 76)
    rf"^[a-z][\w'-]*(?:{STREET_ENDINGS_WIDE})\s+"
    r"\d{1,4}\s?[a-z]?\s*[.:;]",
    r"^(?:i\s+)?(?:would\s+like|want|wanted|'d\s+like|wish)\s+to\s+(?:report|let\s+you\s+know|"
    r"mention|tell\s+you)\s*(?:that\b|:)?",
))
# "ik wil niet dat mijn buurman weet dat ik hem verklikt heb": who reports stays out of it
_ANONYMITY_WISH = re.compile(
    r"\b(?:ik\s+)?(?:wil|wilde|hoop|zou\s+het\s+fijn\s+vinden\s+als)\s+(?:\w+\s+){0,2}?"
    r"(?:niet\s+dat|dat\s+niet)\s+(?:\w+\s+){0,4}?(?:weet|ziet|hoort|merkt|te\s+weten\s+komt)"
    r"\s+(?:dat|wie)\s+(?:\w+\s+){0,5}?(?:gemeld|verklikt|verraden|aangegeven|doorgegeven|"
    r"verlinkt|meldt|meldde|melde)(?:\s+(?:heb|hebt|heeft|is))?\b[\s,.!]*",
    re.IGNORECASE)
# "Ben jij een echt persoon of een robot?", "Ge hebt mijn vraag niet beantwoord": said to
# the bot about the chat, not about the problem (round 85)
_ABOUT_THE_CHAT = re.compile(
    r"(?:^|(?<=[.!?]))\s*[^.!?]*?(?:\b(?:ben|bent|zijt|is)\s+(?:jij|je|u|ge|gij|dit|dat|het)\s+"
    r"(?:nu\s+)?(?:een\s+)?(?:echte?\s+)?(?:persoon|mens|robot|bot|chatbot|computer|"
    r"medewerker)\b|\bpraat\s+ik\s+(?:nu\s+)?met\s+(?:een\s+)?(?:echte?\s+)?(?:persoon|mens|"
    r"robot|bot|computer|medewerker)\b|\b(?:je|jij|u|ge|gij)\s+(?:hebt|heeft|heb|hebde)\s+"
    r"(?:\w+\s+){0,2}?(?:vraag|vragen)\s+(?:\w+\s+){0,2}?(?:niet|nie|ni)\s+beantwoord\b"
    # "U geeft geen antwoord op mijn vraag", "nu is t nog gekker", "Anders gaan uw mensen
    # bij de verkeerde boom kijken" (round r245: added to the report for the field crew)
    r"|\b(?:je|jij|u|ge|gij)\s+(?:geeft|geef|gaf|geeft\s+u)\s+(?:\w+\s+)?(?:geen|nooit|niet)\s+"
    r"(?:\w+\s+)?antwoord\b|\bnu\s+is\s+(?:het|t|'t)\s+(?:nog\s+)?(?:gekker|erger|raarder|"
    r"vreemder|slechter)\b|\b(?:dat|dit)\s+snapt\s+(?:toch\s+)?niemand\b"
    r"|\banders\s+(?:gaan|zoeken|kijken|komen|vinden|staan)\s+(?:uw|jullie|de|ze)\b[^.!?]*?"
    r"\b(?:verkeerde?|niks|niets|nooit)\b"
    # "Ik begrijp u niet goed." (round r269 of session 63: the first words of the report)
    r"|(?:sorry\s*,?\s*)?\b(?:ik|i)\s+(?:begrijp|snap|understand)\s+(?:u|je|jou|jullie|het|"
    r"dit|er|you|it|this)\s+(?:\w+\s+)?(?:niet|nie|niks|niets|not)\b(?:\s+(?:goed|helemaal|zo\s+goed|"
    r"well))?(?=\s*[.!?]|\s*$)"
    r"|\bare\s+you\s+(?:a\s+)?(?:real\s+)?(?:person|human|robot|bot)\b"
    r"|\byou\s+(?:did\s*n[o']?t|have\s*n[o']?t)\s+answer(?:ed)?\s+my\s+question\b"
    # "Mijn kleinzoon heeft mij geleerd hoe ik dit berichtje kan sturen, dus u moet het mij
    # vergeven als …" (round r229 of session 58: a report of its own)
    r"|\b(?:heeft|hebben|heb)\s+(?:mij|me|ons)\s+(?:\w+\s+){0,3}?(?:geleerd|uitgelegd|laten zien|"
    r"geholpen)\b[^.!?]*?\b(?:bericht\w*|chat\w*|sturen|typen|appen|computer|telefoon|tablet|"
    r"(?:dit|dat|het)\s+werkt)\b"  # "… heeft mij geleerd hoe dit werkt" (round r237)
    r"|\b(?:vergeven|vergeef|excuseer|excuses|sorry)\b[^.!?]*?\b(?:niet\s+(?:\w+\s+)?goed\s+"
    r"gaat|fout\w*|typfout\w*|spelfout\w*|handig)\b"
    # "amai, dat was veel tekst" (round r231 of session 58): about the bot's answer
    r"|\b(?:dat|dit|het)\s+(?:was|is)\s+(?:(?:wel|echt|zeg|nogal|zeer|erg)\s+)?(?:veel|te\s+veel|"
    r"erg\s+veel|een\s+hoop|lang|te\s+lang)\s+(?:tekst|om\s+te\s+lezen|info|informatie)\b"
    r"|\b(?:that|this)\s+(?:was|is)\s+a\s+lot\s+(?:of\s+)?(?:text|to\s+read)\b"
    # "Mijn buurvrouw zegt dat ik het via de computer moet melden, dus …" (round r231)
    r"|\b(?:via|met|op) (?:de|het|deze|die) (?:computer|internet|website|chat|app|laptop|"
    r"tablet)\b[^.!?]*?\b(?:melden|doen|sturen|schrijven|doorgeven|typen|laten weten)\b)"
    r"[^.!?]*[.!?]*",
    re.IGNORECASE)
# "GEEN UPDATES NODIG GEWOON DOORSTUREN", "no updates needed, just send it": about the
# report's news and sending, not the problem (round r129 of session 49); that clause goes.
_ABOUT_THE_NEWS = re.compile(
    r"(?:^|(?<=[.!?,]))[^.!?,]*?\b(?:geen|no)\s+(?:updates?|berichten|bericht|sms(?:je)?|"
    r"mail(?:tje)?|messages?)\b(?:\s+(?:nodig|needed|hoeven|hoeft|please|graag))?"
    r"(?:[\s,]+(?:gewoon|just|maar|dan)?\s*(?:(?:door|op|in)?sturen|versturen|verstuur|"
    r"send(?:\s+it)?|submit)(?:\s+(?:maar|please|aub|graag))?)?[\s.!?,]*",
    re.IGNORECASE)
# "No dutch.", "sorry mijn nederlands is niet goed, …": about the language, not the problem
# (round r85); only that clause goes.
_ABOUT_THE_LANGUAGE = re.compile(
    r"(?:^|(?<=[.!?,]))[^.!?,]*?(?:\b(?:no|not|little|bad|my)\s+dutch\b|\b(?:speak|write)\s+"
    r"(?:\w+\s+)?dutch\b|\b(?:geen|weinig|slecht|mijn)\s+nederlands\b|\bspreek\s+(?:\w+\s+)?"
    r"nederlands\b)(?:(?!\s(?:maar|but)\s)[^.!?,])*[.!?,]*\s*(?:(?:maar|but)\s+)?",
    re.IGNORECASE)
_THANKS_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?]))\s*(?:(?:alvast|bij\s+voorbaat)\s+)?(?:hartelijk\s+)?(?:bedankt|dank\s+"
    r"(?:u|je|jullie)(?:\s+wel)?|dankjewel|dankuwel|thanks|thank\s+you|merci|thx|tnx)\b[^.!?]*"
    r"[.!?]*\s*$",
    re.IGNORECASE)
_HAS_WORD = re.compile(r"[^\W_]")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def without_chat_remarks(text: str) -> str:
    """The text without what is said to the bot about the chat ("U geeft geen antwoord op
    mijn vraag"), for a remark added to a report."""
    return " ".join(_ABOUT_THE_CHAT.sub(" ", text or "").split())


def _lines_as_sentences(text: str) -> str:
    """Line breaks end sentences: 'Goedemorgen\\nDe lamp…' → 'Goedemorgen. De lamp…'."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    ended = [line if line[-1] in ".!?,:;" else line + "." for line in lines[:-1]]
    return " ".join(ended + lines[-1:])


# --- chat noise: emoji, emoticons, repeated punctuation --------------------------------
_EMOJI = re.compile("(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF]"
                    "[\uFE0E\uFE0F\u200D\u20E3\U0001F3FB-\U0001F3FF]*)+")
_EMOTICON = re.compile(r"(?<!\S)(?:[:;=]'?-?[()\[\]DdPpOo/\\|*3@$]+|<3+|[xX]D+|\^_?\^|"
                       r"\(:|\):)(?=[\s.,!?]|$)")


def _without(pattern: re.Pattern, text: str) -> str:
    """The text without the pattern; where it stood between two sentences, a full stop."""
    def gap(match: re.Match) -> str:
        before, after = text[:match.start()].rstrip(), text[match.end():].lstrip()
        ends = before and before[-1] not in ".!?,;:" and after[:1].isupper()
        return ". " if ends else " "
    return pattern.sub(gap, text)


def _without_chat_noise(text: str) -> str:
    """Emoji and emoticons go; "!!!" and "???" become one mark."""
    text = _without(_EMOTICON, _without(_EMOJI, text))
    text = re.sub(r"[!?][!?1]*[!?]", lambda m: "?" if "?" in m.group() else "!", text)
    text = re.sub(r"\.{4,}", "...", text)
    return re.sub(r",{2,}", ",", text)


# A letter's own opening sentence: "Hierbij wil ik, als oud-onderwijzer …, twee zaken onder
# uw aandacht brengen." It names no problem (round r46: the whole letter was the description).
_FRAMING = re.compile(
    r"\b(?:onder\s+(?:uw|de|jullie)\s+aandacht|(?:uw|jullie)\s+aandacht\s+(?:vragen|vestigen)|"
    r"attenderen|(?:een|twee|drie|2|3|enkele|een\s+paar)\s+(?:zaken|zaakjes|dingen|punten|"
    r"meldingen|kwesties)|(?:een|de)\s+(?:volgende\s+)?zaak|het\s+volgende|iets\s+(?:melden|"
    r"doorgeven)|(?:een\s+)?melding\s+(?:doen|maken)"
    # "I just moved here.", "Ik woon hier pas.": about the resident (round r52: "What: I just
    # moved here.")
    r"|(?:i|we)\s+(?:just\s+|recently\s+)?(?:moved|live|am\s+new|are\s+new)|ik\s+(?:woon|ben)\s+"
    r"(?:hier\s+)?(?:pas|net|sinds\s+kort|nieuw)|(?:wij|we)\s+(?:wonen|zijn)\s+(?:hier\s+)?"
    r"(?:pas|net|sinds\s+kort|nieuw))\b", re.IGNORECASE)


def _without_framing(text: str) -> str:
    """The text without opening sentences that only announce what is coming."""
    while True:
        first, _, rest = text.partition(". ")
        if not rest or not _FRAMING.search(first) or _scores(first):
            return text
        text = rest.lstrip()


def _strip_openers(text: str) -> str:
    """Greetings, chat noise and preambles at the start, in any order, repeatedly."""
    while True:
        before = text
        for pattern in (_GREETING, _NOISE, *_PREAMBLES):
            found = pattern.match(text)
            if found is None or not found.group():
                continue
            text = text[found.end():].lstrip(" ,.;:!?-")
            if found.group().rstrip().lower().endswith("dat"):
                text = subordinate_as_main(text)  # "… melden dat de lamp kapot is"
        if text == before:
            return text


# --- shouting: all capitals become sentence case ---------------------------------------
# Names the crew should still read as names; street names are recognised by their ending.
_STREET_END = re.compile(rf"\w{{3,}}(?:{STREET_ENDINGS_WIDE}|straatje|plantsoen|allee|markt|park)$",
                         re.IGNORECASE)
_COMMON_PLACES = frozenset("""
fietspad voetpad wandelpad zandpad tuinpad looppad ruiterpad jaagpad bospad schelpenpad
grindpad tegelpad snelweg zijweg rijweg fietsweg autoweg omweg uitweg ventweg busweg zandweg
landweg spoorweg onderweg halfweg toegangsweg vluchtweg wandelweg parallelweg zijstraat
winkelstraat woonstraat dwarsstraat schoolplein speelplein parkeerplein kerkhof binnenhof
supermarkt weekmarkt jaarmarkt rommelmarkt oprijlaan bomenlaan stadspark speelpark wijkpark
natuurpark bedrijvenpark industriepark pretpark attractiepark vakantiepark skatepark hondenpark
windpark zonnepark recreatiepark waterpark winkelpark
""".split())
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*)$")
_POSTCODE_LETTERS = re.compile(r"\d{4}\s?[A-Z]{2}\b")


def _starts_sentence(text: str, position: int) -> bool:
    """A sentence starts here: not after "nr. " or "A.H. "."""
    before = text[:position]
    if not _SENTENCE_START.search(before):
        return False
    stripped = before.rstrip()
    return not stripped.endswith(".") or not _ends_in_abbreviation(stripped[:-1])


def _is_shouted(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _proper_forms(text: str) -> Dict[str, str]:
    """Words written with a capital inside a sentence of the original text: 'de Jumbo'."""
    forms: Dict[str, str] = {}
    for match in _WORD.finditer(text):
        word = match.group()
        if (word[0].isupper() and not word.isupper() and not word.isdigit()
                and not _starts_sentence(text, match.start())):
            forms.setdefault(word.lower(), word)
    return forms


def _lower_case(word: str, forms: Dict[str, str]) -> str:
    low = word.lower()
    if low in forms:
        return forms[low]
    if low in _KNOWN_FORMS:
        return _KNOWN_FORMS[low]
    if _STREET_END.match(low) and low not in _COMMON_PLACES:
        return capitalised(low)
    return low


def _unshouted(text: str, original: str) -> str:
    """All-capital stretches (the whole text, or three words or more) in sentence case."""
    words = [m for m in _WORD.finditer(text) if not re.search(r"\d", m.group())
             and not _POSTCODE_LETTERS.match(text, max(0, m.start() - 5))]
    shouted = [_is_shouted(m.group()) or len(m.group()) == 1 for m in words]
    if not any(_is_shouted(m.group()) and m.group().lower() not in _KNOWN_FORMS
               and len(m.group()) >= 3 for m in words):
        return text
    if all(shouted):
        runs = [(0, len(words))]
    else:
        runs, start = [], None
        for i, flag in enumerate(shouted + [False]):
            if flag and start is None:
                start = i
            elif not flag and start is not None:
                if sum(_is_shouted(m.group()) for m in words[start:i]) >= 3:
                    runs.append((start, i))
                start = None
    forms = _proper_forms(original)
    pieces, position = [], 0
    for first, last in runs:
        for match in words[first:last]:
            word = match.group()
            if len(word) == 1 and word != "U" and text[match.start() - 1:match.start()] != "'":
                new = word  # an initial, "A.H.", or a letter of a case number: "M 2026"
            else:
                new = _lower_case(word, forms)
            if _starts_sentence(text, match.start()):
                new = capitalised(new)
            pieces.append(text[position:match.start()] + new)
            position = match.end()
    return "".join(pieces) + text[position:]


# --- sentences and their clauses -------------------------------------------------------
_ABBREVIATIONS = frozenset("""
nr no nrs ca bijv bv o.a m.b.t t.o.v z.s.m a.u.b s.v.p st str mevr dhr mw fam e.d etc enz
i.p.v t.h.v n.a.v ivm i.v.m plm ong resp tel evt incl excl max min
""".split())
_TERMINATOR = re.compile(r"(?:[.!?]+|…)(?=\s|$)")


def _ends_in_abbreviation(body: str) -> bool:
    last = body.split()[-1].lower().lstrip("(\"'") if body.split() else ""
    return last in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[^\W\d_]\.)*[^\W\d_]", last))


def _sentences(text: str) -> List[List[str]]:
    """[body, terminator] pairs; "nr. 5" and "A.H." do not end a sentence."""
    sentences, start = [], 0
    for match in _TERMINATOR.finditer(text):
        body = text[start:match.start()]
        if match.group() == "." and _ends_in_abbreviation(body):
            continue
        if body.strip():
            sentences.append([body.strip(), match.group()])
        start = match.end()
    if text[start:].strip():
        sentences.append([text[start:].strip(), ""])
    return sentences


_PADDING_CLAUSE_BREAK = re.compile(
    r"\s*[,;]\s*|\s+(?=(?:en|maar|want|dus)\s+(?:ik|wij|we|jullie|u|dit|dat|het|er|niemand|"
    r"iemand|waarom|wanneer|wie|hoe|hopen|hoop|vragen|vraag|verzoeken|willen|wil|zouden)\b)",
    re.IGNORECASE)


def _clauses_of(body: str) -> List[Tuple[str, str]]:
    """(separator before it, clause) for each clause of a sentence."""
    pieces, separator, start = [], "", 0
    for match in _PADDING_CLAUSE_BREAK.finditer(body):
        pieces.append((separator, body[start:match.start()]))
        separator, start = match.group(), match.end()
    pieces.append((separator, body[start:]))
    return [(sep, clause) for sep, clause in pieces if clause.strip()]


# --- a story around the problem ---------------------------------------------------------
_SEE = r"(?:zag|zie|zagen|merkte|merk|merkten|ontdekte|ontdek|ontdekten|constateerde|bemerkte)"
_WHO = r"(?:ik|we|wij|'k)"
_WHEN = (r"(?:\s+(?:net|toen|opeens|ineens|plots|plotseling|vandaag|vanochtend|vanmorgen|"
         r"vanmiddag|vanavond|gisteren|gisteravond|daar|hier|nu|dus|ook|al|meteen|direct|"
         r"gelijk|helaas|tot\s+(?:mijn|onze)\s+(?:schrik|verbazing|ergernis)))*")
_STORY_TURN = re.compile(
    rf"\b{_SEE}\s+{_WHO}{_WHEN}\s+dat\b"
    rf"|\ben(?:\s+toen)?\s+{_SEE}{_WHEN}\s+dat\b"
    rf"|\b{_WHO}\s+(?:{_SEE}|kwam\s+erachter|kwamen\s+erachter){_WHEN}\s+dat\b"
    rf"|\b{_WHO}\s+(?:heb|hebben){_WHEN}\s+(?:gezien|gemerkt|ontdekt|geconstateerd)\s+dat\b"
    r"|\b(?:viel|valt)\s+(?:het\s+)?(?:me|mij|ons)\s+(?:\w+\s+){0,2}?op\s+dat\b"
    rf"|\b(?:toen|opeens|ineens|plots){_WHEN}\s+{_SEE}\s+{_WHO}{_WHEN}(?:\s+dat\b)?"
    rf"|^(?:toen|terwijl)\s+{_WHO}\b[^.!?]{{3,80}}?,?\s+{_SEE}\s+{_WHO}{_WHEN}(?:\s+dat\b)?"
    rf"|^(?:{_SEE}|heb{_WHEN}\s+gezien){_WHEN}\s+dat\b"
    r"|\b(?:(?:i|we)\s+|and\s+(?:then\s+)?)(?:noticed|saw|spotted|discovered|found|realised|"
    r"realized)\s+that\b",
    re.IGNORECASE)
# What the crew needs from the scenery: someone fell, it is dangerous, how long it lasts.
_FACTS = re.compile(
    r"\b(?:gevallen|gestruikeld|struikel\w*|onderuit|gewond\w*|verwond\w*|bloed\w*|pijn|"
    r"gebroken|breuk|ziekenhuis|huisarts|ambulance|gevaar\w*|levensgevaarlijk|bijna|ongeluk\w*|"
    r"aangereden|botsing|schade|kapot|stuk|sinds|al\s+(?:\w+\s+)?(?:dagen|weken|maanden))\b",
    re.IGNORECASE)


def _has_facts(text: str) -> bool:
    return bool(_FACTS.search(text)) or any(score >= STRONG for score in _scores(text).values())


def _after_story(body: str) -> Optional[str]:
    """The problem after "… en toen zag ik dat", when what came before is only scenery."""
    match = _STORY_TURN.search(body)
    if not match:
        return None
    rest = body[match.end():].strip(" ,:;-")
    if len(_WORD.findall(rest)) < 2 or _has_facts(body[:match.start()]):
        return None
    turned = _er_first(rest)
    return subordinate_as_main(turned) if turned == rest else turned  # "de bak vol zit"


def _er_first(clause: str) -> str:
    """"er een putdeksel ontbreekt op de stoep" (after "zag dat") as a sentence of its own:
    "er ontbreekt een putdeksel op de stoep" (round 75)."""
    words = clause.split()
    if len(words) < 3 or words[0].lower() != "er" or words[1].lower() in _VERBS:
        return clause  # "er ligt een tak die is afgebroken" is a sentence already
    for index in range(2, min(len(words), 8)):
        verb = words[index].rstrip(",.;:!?")
        if verb.lower() in _VERBS:
            mark = words[index][len(verb):]  # "… in de zandbak ligt." keeps its full stop
            rest = [*words[1:index], *words[index + 1:]]
            rest[index - 2] += mark
            return " ".join([words[0], verb, *rest])
    return clause


# --- reported before --------------------------------------------------------------------
REPORTED_BEFORE = "(al vaker gemeld)"
_REPORTED = (r"(?:gemeld|gebeld|doorgegeven|aangegeven|geklaagd|gemaild|geschreven|"
             r"gerapporteerd|aangekaart|(?:een\s+)?melding\s+(?:gemaakt|gedaan|ingediend)|"
             r"contact\s+(?:mee\s+)?opgenomen)")
_REPORT = (r"(?:meld|melden|bel|bellen|mail|mailen|klaag|klagen|schrijf|schrijven|"
           r"contact\s+opneem|(?:een\s+)?melding\s+(?:maak|doe|maken|doen))")
_HOW_OFTEN = (r"(?:een|twee|drie|vier|vijf|zes|tien|\d+|\d+x|x|paar|meerdere|verschillende|"
              r"diverse|talloze|zoveel|vaak|vaker|eerder|eens|keer|keren|maal|dit|het|dat|"
              r"hierover|hiervoor|daarover|erover|ook|al|reeds|bij|jullie|u|de|gemeente|vorige|"
              r"vorig|afgelopen|week|maand|jaar|weken|maanden|gisteren|nu|wel|ik|we|wij|heb|"
              r"hebben|is|was|zijn|waren|deze|dag|dagen)")
_ORDINAL = (r"(?:tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|zoveelste|"
            r"\d+(?:e|de|ste))")
_REPORTED_BEFORE = re.compile(
    rf"\bde\s+{_ORDINAL}\s+keer\s+(?:dat\s+)?{_WHO}\s+(?:{_HOW_OFTEN}\s+){{0,4}}?{_REPORT}\b"
    rf"|\bde\s+{_ORDINAL}\s+keer\s+(?:{_HOW_OFTEN}\s+){{0,2}}?{_REPORT}\s+{_WHO}\b"
    rf"|\b(?:al|reeds|eerder|vaker|eens|opnieuw|nogmaals|meermaals|herhaaldelijk|keer|keren|"
    rf"maal|\d+x|vorige|vorig|afgelopen|gisteren|geleden)\s+(?:{_HOW_OFTEN}\s+){{0,4}}?{_REPORTED}\b"
    rf"|\b{_REPORT}\s+(?:{_HOW_OFTEN}\s+){{0,3}}?(?:voor\s+)?de\s+{_ORDINAL}\s+keer\b"
    rf"|\b(?:de|mijn|onze)\s+{_ORDINAL}\s+melding\b|\b(?:eerdere|vorige)\s+melding(?:en)?\b"
    r"|\bmeld\s+(?:ik\s+)?(?:(?:het|dit|dat|die|hem|maar|toch|nu|u|jullie|gewoon|dan|wel|"
    r"even|ff)\s+)*(?:weer|opnieuw|"
    r"nogmaals|wederom)(?:\s+eens)?\b"
    r"|\b(?:mijn|onze|de)\s+melding\s+van\s+(?:vorige|afgelopen|gisteren|vorig|\d+)",
    re.IGNORECASE)
_ABOUT_WHAT = re.compile(r"^\s*(?:dat|over|voor|omtrent|betreffende|m\.?b\.?t\.?|:)\s+",
                         re.IGNORECASE)


# --- feelings, questions and requests --------------------------------------------------
# A clause with one of these asks the municipality to act, or only vents; it goes when its
# other words are all padding or already said elsewhere in the description.
_FEELINGS = frozenset("""
belachelijk schandalig schande schandaal bizar absurd idioot triest treurig ongelooflijk
ongelofelijk onacceptabel onaanvaardbaar onbegrijpelijk onvoorstelbaar ergerlijk irritant
frustrerend gefrustreerd frustratie zat spuugzat kotsbeu strontziek beu boos kwaad woedend
pissig razend geïrriteerd geirriteerd teleurgesteld teleurstellend balen baal jammer pff pfff
zucht grr jeetje godverdomme kut shit wtf omg serieus belasting belastinggeld dramatisch
hopeloos walgelijk schaam gek bespottelijk lachwekkend waanzin waanzinnig krankzinnig onzin
schandelijk onbeschoft
""".split())
_ASKING = frozenset("""
graag gelieve aub svp pls plz please alstublieft alsjeblieft zsm asap verzoek hopelijk
bedankt dank dankjewel dankuwel thx tnx merci sorry excuus thanks thank ok okay oke
""".split())
# A clause of padding words only, with one of these, asks to act: "snel komen!".
_ACTIONS = frozenset("""
komen langskomen maken oplossen repareren weghalen opruimen ophalen legen fixen regelen
kijken helpen vervangen aanpakken oppakken dichten doe doen
""".split())
_PADDING = _FEELINGS | _ASKING | frozenset("""
ik je jij u hij zij ze we wij jullie men het de een 't dit dat die deze er hier daar hierover
daarover hiervoor daarvoor hieraan daaraan eraan ervoor erover ermee hiermee daarmee mee me mij
mijn m'n ons onze uw hem haar hun hen zich is ben bent zijn was waren wordt worden werd word
heb hebt heeft hebben had kan kun kunt kunnen kon konden wil wilt willen wou wilde zou zouden
zal zullen moet moeten mag mogen ga gaat gaan komt komen kom doet doen doe gedaan en of maar
want dus toch nou nu eens even ff effe eventjes efkes wel niet nie ni geen nooit niks niets
iets wat nog al alweer weer ook zo heel erg echt gewoon helemaal hoor he hè ja nee dan als
aan op in van voor met naar om te bij over door tot langs snel sneller mogelijk spoedig
wanneer waarom hoe wie welke hoelang lang laat waar waarvoor oplossen opgelost lossen verhelpen
verholpen repareren gerepareerd maken gemaakt maakt fixen gefixt regelen geregeld weghalen
weggehaald halen opruimen opgeruimd ophalen opgehaald legen vervangen kijken bekijken
langskomen sturen iemand niemand aandacht actie ondernemen bekend hiervan ervan duren duurt
gebeuren gebeurt gebeurd wachten wacht nodig hulp helpen contact opnemen bellen terugbellen
laten weten horen reactie antwoord bericht melding gemeente verantwoordelijk verder spoed
binnenkort eindelijk keer keren maal vind vinden vond ergeren erger altijd steeds elke
eigenlijk betalen betaal eigen voordat totdat zodat omdat dichten gedicht aanpakken
aangepakt oppakken opgepakt afhandelen afgehandeld doorgeven doorgegeven melden gemeld
gebeld gemaild opnieuw nogmaals eerder vaker vorige vorig afgelopen week weken maand maanden
jaar gisteren vandaag geleden een twee drie vier vijf tien meerdere super mega ontzettend zooo
klaar normaal jaren tijd dag dagen nummer nr alsnog stoor storen haalt haal ruimt ruim weg
betaalt vergoedt vergoeden aansprakelijk
lastig lastigvallen hoop hopen hoopt vragen vraag verzoeken excuus
can could would you someone please fix this that when will be fixed repair repaired come
look sort out soon asap possible thanks thank it is the a do something about
kunde kunt ge gij da wilde zoudt haast denk denken klein kleine kleintje rush hurry urgent
dringend heel erg zal wel zo'n zon vaart lopen 112 lijkt overdreven
""".split())
# "Geen haast verder hoor", "kleine melding", "wilde het even doorgeven": how the resident
# weighs it, which misleads a crew sent to an open manhole (round 75).
_HEDGE = re.compile(
    r"\b(?:geen|niet\s+zo(?:'n)?|niet\s+veel)\s+(?:haast|spoed|prioriteit)\b"
    r"|\bkleine?\s+(?:melding\w*|dingetje)\b|\b(?:wilde|wou|wil)\s+(?:het\s+)?(?:even\s+|ff\s+)?"
    r"(?:doorgeven|melden|laten\s+weten)\b|\bno\s+(?:rush|hurry)\b|\bnot\s+urgent\b"
    # "het is niet heel dringend hoor", "zal wel niet zo'n vaart lopen", "112 lijkt me
    # overdreven" (rounds 83-84): how the resident weighs it, not what the crew should read
    r"|\bniet\s+(?:heel\s+|zo\s+|erg\s+)?dringend\b|\bniet\s+zo(?:'n|\s+een)\s+vaart\b"
    r"|\b112\s+(?:lijkt|is|vind)\s+(?:me\s+|mij\s+|ik\s+)?(?:wat\s+|een\s+beetje\s+)?overdreven\b",
    re.IGNORECASE)
_ASKS = re.compile(
    r"\b(?:kunnen|kunt|kan|wil|wilt|willen|zou|zouden)\s+(?:jullie|u|je|jij|iemand|de\s+"
    r"gemeente)\b|\b(?:jullie|iemand)\s+(?:kunnen|kan|willen|zouden|moeten|moet)\b"
    r"|\b(?:kunde|kunt\s+ge|wilt\s+ge|could\s+you|can\s+you|would\s+you|please)\b"
    r"|\bzo\s+snel\s+mogelijk\b|\b(?:ik|we|wij)\s+(?:hoop|hopen)\b|\b(?:hoop|hopen|hoopt)\s+"
    r"dat\b|^(?:wanneer|hoe\s+lang|waarom|wie)\b",
    re.IGNORECASE)
_VENTS = re.compile(
    r"\b(?:erger\s+(?:me|mij|ons)|word\s+(?:er\s+)?(?:gek|knettergek|horendol))"
    r"(?:\s+(?:dood|kapot|rot|groen\s+en\s+geel|blauw|suf|wild|een\s+ongeluk))?"
    r"|\b(?:gebeurt|gebeurd|doet|doen)\s+(?:\w+\s+)?(?:niks|niets|nooit\s+(?:iets|wat)|"
    r"geen\s+(?:bal|moer|reet|donder))\b|\bniemand\s+(?:doet|komt|reageert|luistert|pakt)\b"
    r"|\b(?:niks|niets)\s+(?:\w+\s+){0,2}(?:gebeurd|gedaan|aan\s+gedaan)\b"
    r"|\bte\s+gek\s+voor\s+woorden\b|\bkan\s+(?:toch\s+)?niet\s+waar\s+zijn\b"
    r"|\b(?:ben|zijn)\s+(?:het\s+)?(?:\w+\s+)?(?:zat|beu)\b"
    r"|\bwat\s+een\s+(?:zooi|bende|puinhoop|rotzooi|troep|ellende|toestand|gedoe|schande)\b",
    re.IGNORECASE)
# "Belachelijk dat …", "ik ben het zat dat …", "ik erger me aan …": the problem follows.
_FEELING_LEAD = re.compile(
    r"^(?:(?:ik\s+vind\s+het|het\s+is|dit\s+is|wat)\s+)?(?:(?:echt|zo|heel|ontzettend|"
    r"werkelijk|gewoon|toch|te)\s+)*(?:belachelijk|schandalig|bizar|absurd|triest|treurig|"
    r"ongelooflijk|onbegrijpelijk|onacceptabel|onaanvaardbaar|idioot|ergerlijk|irritant|"
    r"frustrerend|een\s+schande|te\s+gek\s+voor\s+woorden|niet\s+normaal)\s*,?\s+dat\s+"
    r"|^(?:ik\s+)?(?:ben|word)\s+(?:het\s+)?(?:(?:zo|echt|helemaal|spuug|kots)\s+)*"
    r"(?:zat|beu|spuugzat|kotsbeu)\s*,?\s+(?:dat|van|met)\s+"
    r"|^(?:ik\s+)?erger\s+(?:me|mij)\s+(?:(?:dood|kapot|rot|suf|blauw|groen\s+en\s+geel|wild|"
    r"mateloos|enorm|echt|zo)\s+)*(?:aan|over)\s+",
    re.IGNORECASE)


def _words(text: str) -> List[str]:
    return [word.lower().replace("’", "'") for word in _WORD.findall(text)]


def _same_word(one: str, other: str) -> bool:
    """The same word, or an inflection of it: 'lamp'/'lampen', 'kapot'/'kapotte'."""
    if one == other:
        return True
    shorter = min(len(one), len(other))
    common = len(os.path.commonprefix([one, other]))
    return shorter >= 4 and common >= shorter - 2 and abs(len(one) - len(other)) <= 3


def _is_padding_candidate(clause: str, question: bool) -> bool:
    words = _words(clause)
    return (question or bool(_ASKS.search(clause) or _VENTS.search(clause)
                             or _HEDGE.search(clause))
            or any(word in _FEELINGS or word in _ASKING for word in words)
            or (any(word in _ACTIONS for word in words) and not _new_words(clause)))


def _new_words(clause: str) -> List[str]:
    clause = _VENTS.sub(" ", _REPORTED_BEFORE.sub(" ", clause))
    return [word for word in _words(clause) if word not in _PADDING]


class _Told:
    """One sentence of the description while it is being cleaned."""

    def __init__(self, body: str, end: str) -> None:
        self.marked = REPORTED_BEFORE in body  # cleaned before: the marker stays
        self.body = " ".join(body.replace(REPORTED_BEFORE, " ").split())
        self.end = end
        self.clauses: List[Tuple[str, str, bool]] = []  # separator, clause, candidate
        self.story = False
        self.dropped = False

    def text(self) -> str:
        kept = [(sep, clause) for sep, clause, _ in self.clauses] if self.clauses else [
            ("", self.body)]
        body = kept[0][1] + "".join(sep + clause for sep, clause in kept[1:])
        if self.marked:
            body = body.rstrip(" ,;:") + " " + REPORTED_BEFORE
        return body + self.end


# "al gebeld" when the fire brigade is there: help was called, the report is new (round r55)
_CALLED_FOR_HELP = re.compile(r"\bgebeld\b", re.IGNORECASE)
_EMERGENCY_SERVICE = re.compile(r"\b(?:112|brandweer|politie|ambulance|ziekenwagen|"
                                r"hulpdiensten|fire brigade|police)\b", re.IGNORECASE)


def _reported_before(told: _Told) -> bool:
    """Handle "ik heb dit al drie keer gemeld": keep the problem it names, if any.

    True when the sentence said it was reported before (and the marker is owed)."""
    match = _REPORTED_BEFORE.search(told.body)
    if not match:
        return False
    before, after = told.body[:match.start()], told.body[match.end():]
    about = _ABOUT_WHAT.match(after)
    if (about and not [word for word in _new_words(before) if not word.isdigit()]
            and len(_WORD.findall(after[about.end():])) >= 2):
        rest = after[about.end():].strip()
        if about.group().strip().lower() == "dat":
            rest = subordinate_as_main(rest)  # "ik meld opnieuw dat de lamp kapot is"
        told.body = capitalised(rest)
        told.marked = True
        return False
    if _new_words(before + " " + after):
        _drop_report_clause(told, match)
        return False
    told.dropped = True
    return True


_REPORT_CLAUSE_BREAK = re.compile(r"\s*[,;:]\s*|\s+(?=(?:en|maar|want)\s)", re.IGNORECASE)


def _drop_report_clause(told: _Told, match: re.Match) -> None:
    """"De tegel ligt los, ik meld het voor de 4e keer": that clause goes, the marker comes.

    When the problem is in the same clause ("de al vaker gemelde lamp"), nothing changes."""
    spans, start = [], 0
    for found in _REPORT_CLAUSE_BREAK.finditer(told.body):
        spans.append((start, found.start(), found.end()))
        start = found.end()
    spans.append((start, len(told.body), len(told.body)))
    for i, (begin, end, next_begin) in enumerate(spans):
        if not begin <= match.start() < end:
            continue
        if len(spans) == 1 or [word for word in _new_words(told.body[begin:end])
                               if not word.isdigit()]:
            return
        if i == 0:
            rest = _JOINER.sub("", told.body[next_begin:])
            told.body = capitalised(rest) if told.body[:1].isupper() else rest
        else:
            told.body = told.body[:spans[i - 1][1]] + told.body[end:]
        told.marked = True
        return


def _clean_sentences(text: str) -> str:
    """Stories, feelings, questions and requests out; the problem and its facts stay."""
    told = [_Told(body, end) for body, end in _sentences(text)]
    for sentence in told:  # "Ik ben 81 jaar en woon al 50 jaar in de Lindelaan.": not needed
        sentence.dropped = (bool(_ABOUT_MYSELF.match(sentence.body)) and not _scores(
            sentence.body)) or bool(_ONLY_AN_ADDRESS.fullmatch(sentence.body.strip()))
    called = [bool(_CALLED_FOR_HELP.search(sentence.body)) for sentence in told]
    owed = [i for i, sentence in enumerate(told) if _reported_before(sentence)]
    if _EMERGENCY_SERVICE.search(text):  # "al gebeld. brandweer is er al": help, not us
        owed = [i for i in owed if not called[i]]
        for i, sentence in enumerate(told):
            sentence.marked = sentence.marked and not called[i]
    for sentence in told:
        if sentence.dropped:
            continue
        rest = _after_story(sentence.body)
        if rest is not None:
            sentence.body, sentence.story = capitalised(rest), True
        lead = _FEELING_LEAD.match(sentence.body)
        if lead and len(_WORD.findall(sentence.body[lead.end():])) >= 2:
            sentence.body = capitalised(sentence.body[lead.end():])
            sentence.end = "." if sentence.end.startswith("?") else sentence.end
    first_story = next((i for i, sentence in enumerate(told) if sentence.story), None)
    for sentence in told[:first_story or 0]:
        sentence.dropped = sentence.dropped or not _has_facts(sentence.body)
    _drop_padding([sentence for sentence in told if not sentence.dropped])
    _settle_marker(told, owed)
    kept = [sentence.text() for sentence in told if not sentence.dropped]
    # "… van de boom. mijn vrouw …": a sentence after a full stop starts with a capital
    return " ".join(kept[:1] + [capitalised(text) if before.endswith(".") else text
                                for before, text in zip(kept, kept[1:])])


# "… wortels van de boom. Rozenlaan 3. mijn vrouw …": the address alone is on the Waar line.
_ONLY_AN_ADDRESS = re.compile(rf"[a-z][\w'-]*(?:{STREET_ENDINGS_WIDE})\s+\d{{1,4}}\s?[a-z]?",
                              re.IGNORECASE)
# The resident's own age or years at an address: personal, and nothing the crew needs.
_ABOUT_MYSELF = re.compile(r"^(?:ik|wij|we)\s+(?:ben|zijn)\s+(?:al\s+)?\d{2,3}\s*(?:jaar|jr)\b"
                           r"|^(?:ik|wij|we)\s+(?:woon|wonen)\s+(?:hier\s+)?(?:al|sinds)\b",
                           re.IGNORECASE)
_JOINER = re.compile(r"^(?:(?:en|maar|want|dus)\b[\s,]*)+", re.IGNORECASE)


def _drop_padding(told: List[_Told]) -> None:
    """Clauses that only ask, thank or vent go, unless they name something new."""
    said: List[str] = []
    for sentence in told:
        question = sentence.end.startswith("?")
        sentence.clauses = [(sep, clause, _is_padding_candidate(clause, question))
                            for sep, clause in _clauses_of(sentence.body)]
        said += [word for _, clause, candidate in sentence.clauses if not candidate
                 for word in _new_words(clause)]
    for sentence in told:
        kept = [item for item in sentence.clauses
                if not item[2] or any(not any(_same_word(word, known) for known in said)
                                      for word in _new_words(item[1]))]
        if not kept:
            sentence.dropped = True
            continue
        if kept[-1] is not sentence.clauses[-1] and sentence.end:
            sentence.end = "."
        if kept[0] is not sentence.clauses[0]:
            first = _JOINER.sub("", kept[0][1].strip())
            if sentence.body[:1].isupper():
                first = capitalised(first)
            kept[0] = ("", first, kept[0][2])
        sentence.clauses = kept


def _settle_marker(told: List[_Told], owed: List[int]) -> None:
    """One "(al vaker gemeld)", on the sentence the repetition was about."""
    marked = [i for i, sentence in enumerate(told) if sentence.marked and not sentence.dropped]
    for sentence in told:
        sentence.marked = sentence.marked and not sentence.dropped
    if marked:
        for i in marked[1:]:
            told[i].marked = False
        return
    for i in owed[:1]:
        before = [j for j in range(i - 1, -1, -1) if not told[j].dropped]
        after = [j for j in range(i + 1, len(told)) if not told[j].dropped]
        for j in (before or after)[:1]:
            told[j].marked = True


_PLEASE = re.compile(r"(?<![\w.])(?:a\.u\.b\.?|s\.v\.p\.?|aub|svp|pls|plz|plis|pliz|"
                     r"alsjeblieft|alstublieft|alsjeblief)(?!\w)", re.IGNORECASE)


def _balanced(text: str) -> str:
    """Without a closing bracket whose opening one went with the personal data removed
    ("ik ben Sanne Visser (06-…). De schommel …")."""
    kept, depth = [], 0
    for char in text:
        if char == ")" and depth == 0:
            continue
        depth += (char == "(") - (char == ")")
        kept.append(char)
    return "".join(kept)


def _tidy(text: str) -> str:
    text = _PLEASE.sub(" ", _balanced(text))
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.!?;:)])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"[,;:]+\s*([.!?])", r"\1", text)
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"(^|[.!?]\s)\s*[,;:.]+\s*", r"\1", text)
    text = re.sub(r"(?<!\.)\.\s*\.(?!\.)", ".", text)  # what was removed left two stops
    return text.strip(" ,;:-")


def _finish(text: str) -> str:
    text = _tidy(text)
    return capitalised(text) if _HAS_WORD.search(text) else ""


# "…, wonend Rozenlaan 19": where the resident lives is theirs, not the problem's (round 78)
_HOME_ADDRESS = re.compile(
    r",?\s*\b(?:wonend|woonachtig|woonadres|thuisadres|(?:ik\s+)?woon(?:\s+zelf)?(?=\s+(?:op|aan|in)\s))"
    r"\s+(?:op\s+|aan\s+|in\s+)?(?:de\s+)?"
    rf"[\w'-]+(?:{STREET_ENDINGS_WIDE})(?:\s*\d{{1,4}}(?:\s?[a-zA-Z]\b)?\b"
    # "Ik woon zelf op de Lindelaan hoor, …" (round of session 65): the street alone too
    r"|\b(?:\s+(?:hoor|zelf|trouwens|he|hè))?(?=\s*[,.;!?)]|\s+(?:maar|en)\b))",
    re.IGNORECASE)


# "u kunt mij bellen op 0343-…", "ik heb geen computer": how to reach the resident, which
# goes on the contact line (the number itself is scrubbed), not in what the crew reads
_HOW_TO_REACH_ME = re.compile(
    r"(?:^|(?<=[.!?,;]))\s*(?:(?:en|maar)\s+)?(?:(?:u|je|jullie)\s+(?:kunt|kan|kunnen|mag|mogen)|"
    r"(?:kunt|kan|kunnen)\s+(?:u|je|jullie))\s+(?:mij|me|ons)\s+(?:\w+\s+){0,2}?(?:bellen|mailen|"
    r"bereiken|appen|sms'?en)\b[^.!?,;]*"
    r"|(?:^|(?<=[.!?,;]))\s*(?:(?:en|maar)\s+)?bel\s+(?:me|mij)\s+(?:gerust|maar|even)\b[^.!?,;]*"
    # "bericht voor de collega: bel mij maandag terug op …" (round r113: in the description)
    r"|(?:^|(?<=[.!?,;:]))\s*(?:(?:en|maar)\s+)?(?:graag\s+)?bel\s+(?:me|mij|ons)\s+(?:\w+\s+){0,3}?"
    r"terug\b[^.!?;]*|\b(?:een\s+)?bericht\s+voor\s+(?:de|een|uw|jullie)\s+(?:collega|medewerker)"
    r"\w*\s*:?"
    r"|(?:^|(?<=[.!?,;]))\s*(?:(?:en|maar)\s+)?ik\s+heb\s+geen\s+(?:computer|internet|e-?mail|"
    r"mailadres|smartphone)\b[^.!?,;]*",
    re.IGNORECASE)


# "…, kan ik dat ook meteen melden?" after what is wrong: the request, not the problem
_ASKS_TO_REPORT_IT = re.compile(
    r"\s*[,;]\s*(?:kan|mag|kun|moet|wil) (?:ik|je|u|we|jij) (?:dat|dit|het|die|deze) "
    r"(?:\w+ ){0,3}?(?:melden|doorgeven|aangeven|laten weten)\s*\?*(?=\s|$)"
    # "er ligt een plank los van het bankje, dat wil ik ook melden" (round r113)
    r"|\s*[,;]\s*(?:dat|dit|die|het) (?:wil|wou|moet) ik (?:\w+ ){0,2}?(?:melden|doorgeven)"
    r"\s*[.!]*(?=\s|$)",
    re.IGNORECASE)


@lru_cache(maxsize=512)
def clean_description(text: str) -> str:
    """The description for the field crew: facts only, no personal data; "" when none.

    Cached: the reader, `category_of` and `split_problems` clean the same message."""
    original = text or ""
    text = _without_chat_noise(_lines_as_sentences(original))
    text = after_a_turn_to_something_else(text)
    text = _SIGN_OFF.sub("", text)
    text, _ = scrub(text)
    text = _OWN_AGE.sub(" ", text)
    text = _HOW_TO_REACH_ME.sub(" ", text)
    text = _ASKS_TO_REPORT_IT.sub(lambda asked: "." if asked.string[asked.end():].strip() else "",
                                  text)
    text = " ".join(_HOME_ADDRESS.sub(" ", text).split())  # not "goeienavondmaar" (r276)
    text = _ANONYMITY_WISH.sub("", text)
    text = _ABOUT_THE_NEWS.sub(" ", _ABOUT_THE_LANGUAGE.sub(" ", _ABOUT_THE_CHAT.sub(" ", text)))
    text = _without_framing(_strip_openers(text))
    text = _unshouted(text, original)
    text = _without_own_circumstances(text)
    told = _er_first(_strip_openers(_clean_sentences(text)))
    told = _THANKS_SENTENCE.sub("", told)
    unasked = _OWN_QUESTION.sub(lambda asked: ". " if asked.string[asked.end():].strip() else "",
                                _TRAILING_QUESTION.sub("", told))
    told = unasked if _scores(unasked) else told
    if _HAS_WORD.search(_tidy(told)):
        return _finish(told)
    # Nothing left: only greetings, feelings or questions, unless it did name a problem.
    text = _THANKS_SENTENCE.sub("", text)
    return _finish(text) if _scores(text) else ""


# "Ik zit in de bijstand", "mijn man is in april overleden", "ik wil hulp bij het huishouden"
# beside a street problem (round r214 of session 55: in the report for the field crew): the
# resident's own circumstances, sensitive and not the crew's business, when the sentence
# tells nothing of the problem itself
_OWN_CIRCUMSTANCES = re.compile(
    r"\b(?:ik|wij|we|mijn|mn|m'n|onze|ons|my|i)\b.*\b(?:bijstand\w*|uitkering\w*|schulden|"
    r"kwijtschelding|belastingaanslag|aanslag|overleden|weduwe|weduwnaar|huishoudelijke hulp|"
    r"hulp (?:bij|in) het huishouden|hulp in huis|wmo|mantelzorg\w*|dementie|depressie|kanker|"
    r"chemo|benefits|passed away|widow\w*)\b"
    # "ik woon hier nog maar sinds kort (van Gent afkomstig)" (round r217 of session 56)
    r"|\b(?:ik|wij|we|en) (?:woon|wonen) (?:hier )?(?:nog )?(?:maar )?(?:sinds kort|pas|net)\b"
    # "ik ben van bij Antwerpen", "wij komen uit Polen" (round r269 of session 63)
    r"|\b(?:ik|wij|we|'k) (?:ben|zijn|kom|komen) (?:\w+ )?(?:van bij|uit de buurt van) \w+"
    r"|\b(?:ik|wij|we) (?:ben|zijn) (?:hier )?(?:net )?(?:nieuw|pas komen wonen|net komen wonen)\b"
    # "Ik ben mevrouw …, 84 jaar oud, en woon al 52 jaar aan de Dorpsstraat", "hulp in de
    # huishouding", a question of its own in a letter (round r231 of session 58)
    r"|\b(?:woon|wonen) (?:hier )?(?:al )?(?:\d+|ruim \d+|vele|veel) jaar\b|\b\d{2,3} jaar oud\b"
    r"|\bhulp in de huishouding\b|\bhuishoudelijke hulp\b|\bin aanmerking (?:kom|komen)\b",
    re.IGNORECASE)


# A sentence that is a question in other words: "Bovendien wil ik weten wanneer het grofvuil
# weer wordt opgehaald." (round r239: a report of its own at the school)
_ASKS_IN_OTHER_WORDS = re.compile(
    r"^\W*(?:(?:tevens|ook|verder|daarnaast|bovendien|en|maar|o|oh)\s+)?(?:(?:ik|wij|we)\s+)?"
    rf"(?:{WANTS_TO_KNOW.pattern})", re.IGNORECASE)


def _without_own_circumstances(text: str) -> str:
    kept = [sentence for sentence in _SENTENCE_END.split(text)
            if not ((_OWN_CIRCUMSTANCES.search(sentence) or money_trouble(sentence))
                    and not _scores(sentence) or _ASKS_IN_OTHER_WORDS.match(sentence))]
    return " ".join(kept) if kept else text


# The resident's own age left as a sentence of its own after the name went ("Ik ben mevrouw
# De Vries, 78 jaar." became "78 jaar.", own try, session 46): not for the field crew.
_OWN_AGE = re.compile(r"(?:^|(?<=[.!?])\s+)\W*(?:ik ben |en |,\s*)?\d{1,3} ?(?:jaar|jr)(?: oud)?"
                      r"\s*[.!?]+(?=\s|$)", re.IGNORECASE)


# "de prullenbak is vol hoe lang duurt t": a question typed on after the problem without a
# stop (round r108: in the description); a question of its own sentence goes elsewhere.
_TRAILING_QUESTION = re.compile(
    r"[\s,]+(?:en\s+|maar\s+)?(?:hoe\s*lang|wanneer|how\s+long|when)\s+(?:duurt|dure|gaat|"
    r"komt|komen|wordt|worden|zijn|is|will|does|do)\b[^.!]*\??\s*$"
    # "…, worden die ooit weggehaald?" (round r269 of session 63: the second problem lost)
    r"|\s*,\s*(?:en\s+|maar\s+)?(?:worden|wordt|gaat|gaan|komt|komen|zal|zullen|will|are|is)"
    r"\s+(?:die|dat|deze|het|ze|zij|hij|they|it|that|those)\b[^.!?,]*\?\s*$", re.IGNORECASE)


# "de container is niet geleegd, moet ik hem laten staan? en de lamp …" (round r230 of
# session 58): what the resident asks about their own doing is no fact for the field crew
_OWN_QUESTION = re.compile(r"(?:\s*[,;]\s*|(?<=[.!?])\s*|^\s*)(?:en\s+|maar\s+)?(?:moet|mag|kan|"
                           r"kun|moeten|mogen|kunnen|should|can|may)\s+(?:ik|we|wij|i)\b[^.!?]*\?\s*",
                           re.IGNORECASE)


# "laat ook maar, ik sta al op de markt in deventer. wel iets anders: die wegwerkers …"
# (round r81: all of it in the report): what comes after the turn is what is reported.
_SOMETHING_ELSE = re.compile(r"\b(?:wel |nog |ook )?(?:iets|wat) anders\s*[:!]|\bander punt\s*:"
                             r"|\bsomething else\s*:", re.IGNORECASE)


MIN_TURNED_WORDS = 3


def after_a_turn_to_something_else(text: str) -> str:
    """The text after "wel iets anders:", when something is told there; else all of it."""
    turns = list(_SOMETHING_ELSE.finditer(text))
    rest = text[turns[-1].end():] if turns else ""
    return rest if len(rest.split()) >= MIN_TURNED_WORDS else text


# --- one problem or more ---------------------------------------------------------------
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CLAUSE_BREAK = re.compile(
    r"\s*;\s*"
    r"|,?\s+(?=(?:en|and)\s+(?:ook|verder|daarnaast|bovendien|dan|nog|also)\b)"
    r"|,\s+(?=(?:ook|verder|daarnaast|bovendien|tevens|plus|also)\b)"
    r"|,?\s+(?=(?:en|maar|and|but)\s)"
    r"|,\s+",
    re.IGNORECASE)
# Only the joining words go: "Ook ligt er …" keeps its "Ook" (without it, it reads as a question).
_CONNECTOR = re.compile(r"^(?:(?:en|and|maar|but|o\s+ja|oja|oh|ten\s+(?:eerste|tweede|derde)|"
                        r"firstly|secondly)\b[\s,]*)+", re.IGNORECASE)
# "Ik heb er een tak in gezet zodat fietsers het zien": the resident's own doing, no problem.
_A_PROBLEM_OF_ITS_OWN = re.compile(r"\b(?:niet|kapot|stuk|weg|los|gebroken|maar)\b",
                                   re.IGNORECASE)
_ONLY_FOR_NOW = re.compile(r"\bmaar (?:dat|het|die|hij|ze) (?:\w+ ){0,2}?(?:houdt|helpt|"
                           r"blijft|werkt|hou|help)\b.*$", re.IGNORECASE)
_AROUND_IT = re.compile(r"\b(?:omheen|eromheen|rondom|eronder|around it|next to it)\b",
                        re.IGNORECASE)
_ADDITIVE_START = re.compile(r"^(?:en\s+)?(?:ook|verder|daarnaast|bovendien|tevens|also|"
                             r"furthermore|besides|en\s+er)\b", re.IGNORECASE)
_VERBS = frozenset("""
is zijn was waren ligt liggen lag lagen staat staan stond brandt branden knippert
knipperen flikkert hangt hangen zit zitten doet doen werkt werken wordt worden werd heeft
hebben had groeit groeien lekt stinkt stinken loopt lopen kan kunnen moet moeten mag zou
gaat gaan komt komen blijft blijven steekt puilt valt vallen viel ontbreekt mist ontbreken
are has have does doesnt isnt arent needs need smells
""".split())
_PARTICIPLE = re.compile(r"^(?:\w{0,5})ge\w{2,}(?:d|t|en)$")


@dataclass(frozen=True)
class Problem:
    """One problem a message names: its category and the words about it."""

    category: str
    text: str


# Words that say what is wrong, not with what: "er zit een scheur in het plastic" after "de
# glijbaan is kapot" is that slide's crack (round 75); litter and gulls beside full bins are
# those bins' mess.
_DEFECTS = frozenset({"scheur", "gat", "gaten", "gaatje", "kuil", "verzakt", "verzakking",
                      "opgebroken", "hobbel", "losliggend"})
_LITTER = frozenset({"zwerfvuil", "zwerfafval", "rommel", "troep", "rotzooi", "litter"})


_A_STREET = re.compile(rf"\w(?:{STREET_ENDINGS})\b",
                      re.IGNORECASE)


def _detail_kind(piece: str) -> Optional[str]:
    """"defect" or "litter" when every keyword of the piece is one of those words."""
    found = [(token, _keyword_of(token)) for token in re.findall(r"[a-z][a-z']*",
                                                                  _normalise(piece))]
    words = {_keyword_word(token) for token, keyword in found if keyword}
    if not words or _A_STREET.search(piece):
        return None  # "de molenweg ligt vol gaten" names its own place
    if words <= _DEFECTS:
        return "defect"
    return "litter" if words <= _LITTER else None


def _keyword_word(token: str) -> str:
    """The keyword a token is a form of ("scheuren" -> "scheur"), or the token itself."""
    return next((word for word, _, _ in _KEYWORDS if _matches(token, word)), token)


@dataclass
class _Clause:
    start: int
    end: int
    scores: Dict[str, float]
    additive: bool
    own_doing: bool = False  # "ik heb er een tak in gezet": what the resident did about it
    around: bool = False  # "er ligt overal rommel omheen": about the thing just named
    detail: Optional[str] = None  # _detail_kind: what is wrong with the thing just named


def _has_verb(text: str) -> bool:
    words = re.findall(r"[a-z']+", _normalise(text))
    return any(word in _VERBS or _PARTICIPLE.match(word) for word in words)


_STREET_TYPES = rf"(?:{STREET_ENDINGS_WIDE}|park)"
_STREET_ENDS = re.compile(rf"\w{_STREET_TYPES}\W*$", re.IGNORECASE)
_STREET_STARTS = re.compile(rf"\W*(?:en|and)?\s*(?:de\s+|het\s+)?\w+{_STREET_TYPES}\b",
                            re.IGNORECASE)


def _clause_spans(sentence: str, offset: int, announced: bool = False
                  ) -> Iterator[Tuple[int, int]]:
    """Clauses of a sentence; a break before 'en' needs a verb on the right-hand side,
    unless the resident announced several problems ("twee meldingen: een losse tegel en
    een kapotte lamp")."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        right = sentence[match.end():]
        next_break = _CLAUSE_BREAK.search(right)
        right_clause = right[:next_break.start()] if next_break else right
        left = sentence[start:match.start()]
        if len(left.split()) < 2 or not (announced or _has_verb(right_clause)):
            continue
        if _STREET_ENDS.search(left) and _STREET_STARTS.match(right):
            continue  # "op de hoek van de Kerkstraat en de Julianastraat brandt …": one corner
        yield offset + start, offset + match.start()
        start = match.end()
    yield offset + start, offset + len(sentence)


def _clauses(text: str, announced: bool = False) -> List[_Clause]:
    clauses, position = [], 0
    for sentence in _SENTENCE_END.split(text):
        offset = text.index(sentence, position)
        position = offset + len(sentence)
        # "… gezet maar niet geleegd" is a problem; "… gezet maar dat houdt niet lang" is not
        quiet = not _A_PROBLEM_OF_ITS_OWN.search(_ONLY_FOR_NOW.sub("", sentence))
        for start, end in _clause_spans(sentence, offset, announced):
            piece = text[start:end]
            if _HAS_WORD.search(piece):
                clauses.append(_Clause(start, end, _scores(piece),
                                       bool(_ADDITIVE_START.match(piece.strip())),
                                       quiet and bool(_OWN_DOING.match(piece)),
                                       bool(_AROUND_IT.search(piece)), _detail_kind(piece)))
    return clauses


def _strong_category(scores: Dict[str, float]) -> Optional[str]:
    best = _best(scores)
    return best if best and scores[best] >= STRONG else None


def _starts_new_problem(group: Dict[str, float], clause: _Clause) -> bool:
    """A clause starts a new problem when it clearly names a category the group lacks."""
    category = _strong_category(clause.scores)
    if category is None or not group or clause.own_doing or clause.around:
        return False
    if group.get(category, 0) >= STRONG:
        return False
    if clause.detail == "defect" or clause.detail == "litter" and group.get(WASTE, 0) >= STRONG:
        return False
    return any(score >= STRONG for score in group.values()) or clause.additive


_NEXT_ONE = re.compile(r"^\W*(?:ten\s+(?:tweede|derde|vierde|slotte)|tweedens|derdens|"
                       r"(?:het\s+)?(?:tweede|derde)\s+(?:punt|ding|probleem|zaak)|"
                       r"secondly|thirdly|second(?:ly)?,|punt\s+(?:2|twee|3|drie))\b",
                       re.IGNORECASE)


def _group_clauses(clauses: List[_Clause], text: str = "",
                   place_of: Callable[[str], Optional[str]] = lambda _: None,
                   several: bool = False) -> List[List[_Clause]]:
    """`several`: the message says it tells more than one thing ("2 dingen: …"), so a
    problem at another place is another problem even when its words are weak ones (round
    r240: a loose railing and a car without plates in one report)."""
    named = _best if several else _strong_category
    groups: List[List[_Clause]] = []
    totals: List[Dict[str, float]] = []
    for clause in clauses:
        # a problem told at each of two places: two groups (read only when it may matter)
        elsewhere = bool(groups and text and named(clause.scores) and not clause.around
                         and not _REFERS_BACK.match(text[clause.start:clause.end])
                         and named(totals[-1]) and _other_places(
                             place_of, text[groups[-1][0].start:groups[-1][-1].end],
                             text[clause.start:clause.end]))
        piece = text[clause.start:clause.end] if text else ""
        before = text[groups[-1][0].start:groups[-1][-1].end] if groups else ""
        other_things = bool(groups and not clause.around and _ANOTHER_THING.match(piece)
                            and _names_other_things(before, piece, spot_needed=not (
                                _category_of_group(before) == _category_of_group(piece)
                                == OTHER)))
        same_thing = bool(groups and piece and not _ANOTHER_THING.match(piece)
                          and _the_same_thing(text[groups[-1][0].start:groups[-1][-1].end],
                                              piece))
        effect = bool(groups and piece and (_AN_EFFECT.match(piece) and not _ALSO.search(piece)
                                            or _PESTS_AT_IT.match(piece)))
        other_kind = bool(groups and piece and not same_thing and not effect and _another_kind(
            text[groups[-1][0].start:groups[-1][-1].end], piece))
        # "Ten tweede zit er in de Hoofdstraat, …, een gat": the next problem starts at the
        # marker, though its words come later in the sentence (round r46)
        next_one = bool(groups and piece and _NEXT_ONE.match(piece)
                        and _strong_category(totals[-1]))
        if groups and not next_one and (
                same_thing or effect or not elsewhere and not other_things
                and not other_kind and not _starts_new_problem(totals[-1], clause)):
            groups[-1].append(clause)
        else:
            groups.append([clause])
            totals.append(defaultdict(float))
        for category, score in clause.scores.items():
            totals[-1][category] += score
    return groups


# Problems of one category that go to other crews: dog mess is cleaned, noise is
# enforced, a broken bench or swing is repaired (round 97: one report with 10 days).
_KINDS_OF_THEIR_OWN = {
    "mess": frozenset({"hondenpoep", "poep", "hondenstront", "zwerfafval", "zwerfvuil",
                       "litter"}),
    "noise": frozenset({"herrie", "lawaai", "geluidsoverlast", "geluidshinder", "noise"}),
}


def _other_kinds(text: str) -> frozenset:
    """The kinds of OTHER problem the text names: one of its own kinds, or "thing"."""
    kinds = set()
    for token in re.findall(r"[a-z][a-z']*", _normalise(text)):
        found = _keyword_of(token)
        if not found or found != (OTHER, STRONG):
            continue
        word = _keyword_word(token)
        if word in _SURFACES:
            continue  # "alles ligt op het gras": where it lies, no thing of its own
        kinds.add(next((kind for kind, words in _KINDS_OF_THEIR_OWN.items() if word in words),
                       "thing"))
    if not kinds and _scores(text).get(OTHER):
        kinds.add("thing")  # "ratten lopen rond bij de containers": a problem all the same
    return frozenset(kinds)


def _another_kind(one: str, other: str) -> bool:
    """"Het bankje is kapot en het ligt vol met hondenpoep": two crews, two reports."""
    first, second = _other_kinds(one), _other_kinds(other)
    return bool(first and second and not first & second
                and (first | second) & set(_KINDS_OF_THEIR_OWN))


# "De putjes zijn verstopt en nu staat het water tot aan de drempel": what the problem
# causes is part of it, not a second report (round 91).
_AN_EFFECT = re.compile(r"^\W*(?:en\s+)?(?:nu|daardoor|waardoor|hierdoor|zodat|met als gevolg|"
                        r"now|so now|because of (?:that|this)|as a result)\b", re.IGNORECASE)
_ALSO = re.compile(r"\b(?:ook|also|too)\b", re.IGNORECASE)
# Pests drawn to what was told: "…, er zitten nu ook ratten bij" (round 96: two reports).
_PESTS_AT_IT = re.compile(
    r"^\W*(?:en\s+)?(?:er\s+)?(?:zitten|zit|lopen|loopt|komen|komt|scharrelen|kruipen)\s+"
    r"(?:\w+\s+){0,3}?(?:ratten|rat|muizen|meeuwen|kraaien|maden|vliegen|ongedierte|wespen|"
    r"duiven|vossen|kakkerlakken)\s+(?:\w+\s+){0,2}?(?:bij|omheen|in|tussen|op af|rond|"
    r"eromheen|erbij|erin|ertussen)(?:\s+(?:die|dat|het|de|deze)\s+(?:zakken|vuilniszakken|"
    r"stapel|berg|hoop|troep|rommel|afval|vuil|zooi))?\s*(?:[.,;!?]|$)", re.IGNORECASE)


# "Hij hangt nog half aan de boom boven het fietspad": the thing just told, not another.
_REFERS_BACK = re.compile(r"\W*(?:en\s+|maar\s+)?(?:hij|zij|ze|die|dat|deze|dit|het)\b",
                          re.IGNORECASE)


# "Bovendien staat er …", "Daarnaast ligt er …": what follows may be another thing.
_ANOTHER_THING = re.compile(r"^\W*(?:en\s+)?(?:bovendien|daarnaast|verder|tevens|ook|also|"
                            r"furthermore|besides|in addition)\b", re.IGNORECASE)


def _things_named(text: str) -> set:
    return {_keyword_word(token) for token in re.findall(r"[a-z][a-z']*", _normalise(text))
            if _keyword_of(token)}


_A_SPOT = re.compile(r"\b(?:bij|naast|tegenover|achter|voor|op|aan|in)\s+(?:de|het)\s+\w+",
                    re.IGNORECASE)


def _the_same_thing(one: str, other: str) -> bool:
    """"… brandt de lantaarnpaal niet meer. … de paal staat aan de overkant, bij het bankje":
    the thing told again, by part of its name, with where it is (round 90: two reports)."""
    return any(first != second and min(len(first), len(second)) >= 4
               and (first.endswith(second) or second.endswith(first))
               for first in _things_named(one) for second in _things_named(other))


def _names_other_things(one: str, other: str, spot_needed: bool = True) -> bool:
    """"De grijze container is niet geleegd. Bovendien staat er een oude bank en een matras
    bij de glasbak": each names things the other does not, the second at a spot of its own,
    so two problems of one kind (round 86); not "De tegel ligt los. Verder is de stoep
    verzakt". Public-space things differ enough without a spot ("de bladeren … Daarnaast
    zijn de putten verstopt": other crews), unless `spot_needed`."""
    first, second = _things_named(one), _things_named(other)
    if first & _GREENERY and second and second <= _GREENERY:
        return False  # "de struiken … Ook de takken hangen over het pad": one overgrowth
    spots = {spot.lower() for spot in _A_SPOT.findall(other)} - {
        spot.lower() for spot in _A_SPOT.findall(one)}
    return bool(first and second and not first & second and (spots or not spot_needed))


# What grows over a path is pruned by one crew (round r240: bushes and branches, 2 reports).
_GREENERY = frozenset("""struik struiken takken tak heg heggen haag hagen begroeiing bosjes
onkruid brandnetels bramen klimop beplanting groen""".split())


def _other_places(place_of: Callable[[str], Optional[str]], one: str, other: str) -> bool:
    """Both pieces name a place, and not the same one."""
    here = place_of(other)
    there = place_of(one) if here else None
    return bool(here and there and here != there)


def _first_named(text: str, scores: Dict[str, float]) -> str:
    """For a tie: the category whose keyword comes first in the text."""
    for token in re.findall(r"[a-z][a-z']*", _normalise(text)):
        found = _keyword_of(token)
        if found and found[0] in scores:
            return found[0]
    return max(scores, key=lambda category: scores[category])


def _category_of_group(text: str) -> str:
    scores = _scores(text)
    if not scores:
        return OTHER
    return _best(scores) or _first_named(text, scores)


def _problem_text(text: str, group: List[_Clause]) -> str:
    """The words of one problem, cleaned like a whole description (so cleaning them again
    changes nothing)."""
    piece = text[group[0].start:group[-1].end]
    piece = capitalised(_CONNECTOR.sub("", piece.strip()).strip(" ,;:-"))
    return clean_description(piece) or piece


def _joined(first: str, second: str) -> str:
    return first + ("" if first.endswith((".", "!", "?")) else ".") + " " + second


# "1. losse tegel 2. lamp kapot": a numbered list, each item its own sentence.
_ITEM = re.compile(r"(?:^|\s)\(?([1-9])[.)]\s+")


# "maak er 2 meldingen van. 1 auto van goghstraat, 2 kapot hek schoolstraat" (round r54: read
# as Van Goghstraat 2): bare list numbers, only after the resident announced several
_LOOSE_ITEM = re.compile(r"(?:^|(?<=[.:;,])\s*|\s)([1-9])\s+(?=[^\W\d_]{3,})")


def _numbered_items(text: str) -> List[str]:
    """The items of a numbered list ("1. losse tegel 2. lamp kapot"), each one problem;
    [] when the message holds no such list."""
    if [int(found.group(1)) for found in _ITEM.finditer(text)][:2] == [1, 2]:
        return _ITEM.split(text)[2::2]
    announced = _ANNOUNCES_SEVERAL.search(text)
    rest = text[announced.end():] if announced else ""
    if [int(found.group(1)) for found in _LOOSE_ITEM.finditer(rest)][:2] == [1, 2]:
        return _LOOSE_ITEM.split(rest)[2::2]
    return []


def split_problems(text: str, place_of: Callable[[str], Optional[str]] = lambda _: None
                   ) -> List[Problem]:
    """One entry per distinct problem in the message; [] when it describes nothing.
    `place_of` names the place a piece tells: two problems of one kind at two places
    ("ratten bij de school in de Schoolstraat, en bij het station een omgevallen boom")
    stay two."""
    items = [item for item in map(clean_description, _numbered_items(text)) if item]
    if len(items) > 1:
        return [Problem(_category_of_group(item), item) for item in items]
    description = clean_description(text)
    if not description:
        return []
    several = bool(_ANNOUNCES_SEVERAL.search(text))
    clauses = _clauses(description, several)
    problems: List[Problem] = []
    for group in _group_clauses(clauses, description, place_of, several):
        piece = _problem_text(description, group)
        if not piece or only_own_doing(piece) or _ASKS_WHAT_HAPPENS.match(piece):
            continue
        if problems and _AT_THE_LAST.match(piece):  # "… zakken met afval. er zitten ratten aan"
            problems[-1] = Problem(problems[-1].category, _joined(problems[-1].text, piece))
            continue
        category = _category_of_group(piece)
        same = next((i for i, p in enumerate(problems) if p.category == category
                     and not _other_places(place_of, p.text, piece)
                     and not _another_kind(p.text, piece)
                     and not (_ANOTHER_THING.match(piece) and _names_other_things(
                         p.text, piece, spot_needed=category != OTHER))),
                    None)
        if same is None:
            problems.append(Problem(category, piece))
        else:  # the same problem again, further on: one report
            problems[same] = Problem(category, _joined(problems[same].text, piece))
    if len(problems) > 1 and _DUMPING_WORDS.search(description) and {
            p.category for p in problems} <= _DUMPING_KINDS and not any(
            _other_places(place_of, one.text, other.text) or _FURTHER_ON.search(other.text)
            for one, other in zip(problems, problems[1:])):
        # "vuilniszakken en een oude kast gedumpt": one pile, one report; not rats at the
        # Jumbo beside a sofa dumped behind the Aldi (round r85 of session 43)
        problems = []
    return problems or [Problem(_category_of_group(description), description)]


# What sits at, in or on the thing just told, by "er … aan/in/op" without a noun of its own:
# "een hoop zakken met afval, … en er zitten ratten aan" is one report (own try, session 46).
_AT_THE_LAST = re.compile(r"\W*(?:en |ook )?(?:er |daar )(?:zit|zitten|zat|zaten|lopen|loopt|"
                          r"kruipen|krioelen|vliegen|komen|hangen)\b(?: \w+){1,3} (?:aan|in|op|"
                          r"bij|omheen|tussen|onder|naast)\W*$", re.IGNORECASE)


# A question about what will be done is no problem of its own: "Weet u of die stoep binnenkort
# opnieuw gelegd wordt?" (round 80).
_ASKS_WHAT_HAPPENS = re.compile(
    r"\W*(?:en |maar |and |also |and also )?(?:weet u|weten jullie|wordt|worden|komt|komen|gaat|"
    r"gaan|wanneer|kunt u|kunnen jullie|zal|zullen|hoe lang|hoelang|will|when|is it going|"
    r"how long|how soon|do you|can you|could you)\b[^?]*\?\W*$", re.IGNORECASE)


# What the resident did about it is no problem of its own: "ik heb er een vuilniszak naast
# gezet", "we hebben het al gemeld" (round 73).
_OWN_DOING = re.compile(
    r"\W*(?:en |maar )?(?:ik|wij|we) (?:heb|hebben|had|hadden) (?:er |het |zelf |al |toen )*"
    r"(?:\w+ ){0,4}(?:gezet|neergezet|gelegd|neergelegd|geplaatst|gebeld|gemeld|gedaan|"
    r"opgeruimd|weggehaald|weggelegd|afgezet|afgedekt|gemaakt|gestuurd|geprobeerd|gehangen)\b"
    r"|\W*(?:en )?(?:ik|wij|we) (?:zette|zetten|legde|legden)\b"
    # "i put my bike next to it with the light on for now" (round r232 of session 58: a
    # report of its own)
    r"|\W*(?:and |but )?(?:i|we)(?:'ve| have)? (?:\w+ ){0,2}?(?:put|placed|set|left|moved|"
    r"marked|covered|called|reported)\b",
    re.IGNORECASE)


def only_own_doing(piece: str) -> bool:
    """"Ik heb er een vuilniszak naast gezet", not "ik heb de kliko buiten gezet maar die is
    niet geleegd"."""
    return bool(_OWN_DOING.match(piece)) and not (says_not_collected(piece)
                                                   or says_damage(piece))


# Things dumped together are one pile, whatever each thing is.
_DUMPING_WORDS = re.compile(r"\b(?:gedumpt|gedumped|dumping|dumpen|gestort|neergegooid|"
                            r"achtergelaten|neergezet|neergekwakt|dumped|fly-?tipp\w*)\b",
                            re.IGNORECASE)
_DUMPING_KINDS = {"report_waste_collection", "report_public_space_other", "report_bulky_missed"}
# "een tak op het fietspad, en verderop is ook een berg afval gedumpt" (round r203 of session
# 54): somewhere else, so no one pile
_FURTHER_ON = re.compile(r"\b(?:verderop|verder op|een stuk(?:je)? verder|even verder|"
                         r"aan de overkant|om de hoek|further (?:on|down|up)|down the road)\b",
                         re.IGNORECASE)


def further_on(text: str) -> Optional[str]:
    """"verderop", "aan de overkant": the words that put a problem a bit away from the place
    told, or None."""
    found = _FURTHER_ON.search(text or "")
    return found.group(0).lower() if found else None


# "laat maar, ik zie dat hij toch geleegd is": the report being made is not needed any more.
# A bare "laat maar" declines the offer asked (updates, a photo); it drops the report only
# when the same words say why ("hij is toch geleegd", "is al opgelost").
_NEVER_MIND = re.compile(
    r"^\W*(?:(?:o+h?|ah|nee|sorry|oeps)\W+)*(?:laat (?:maar zitten|(?:die|de|het|dat) \w+ maar "
    r"(?:zitten|weg))\b|(?P<weak>laat (?:ook |dat |die |het )?maar)\b|"
    r"vergeet (?:het|dat|die|dit|maar)\b|(?:dat|die|het) hoeft (?:al )?niet meer\b|"
    r"never ?mind\b|forget (?:it|that)\b)",
    re.IGNORECASE)
_NOT_NEEDED = re.compile(
    r"\b(?:toch|al|alweer|inmiddels|net|already|now)\b(?:\s+\S+){0,4}?\s+(?:geleegd|gemaakt|"
    r"opgelost|weg|weggehaald|opgehaald|opgeruimd|gerepareerd|hersteld|gedaan|in orde|"
    r"emptied|fixed|gone|"
    r"works|werkt|brandt|doet het)\b|\bwerkt (?:weer|toch)\b|\bdoet het (?:weer|toch)\b|"
    r"\bniet meer nodig\b|\bmelding\b",
    re.IGNORECASE)
_PART = re.compile(r"(?<=[.!?])\s+|[,;]\s*(?=(?:maar|but)\b)")
_CONTRAST = re.compile(r"^\W*(?:(?:maar|but|en|and)\W+)+", re.IGNORECASE)


def new_problem_after_never_mind(text: str, category: Optional[str]) -> Optional[str]:
    """"laat maar, ik zie dat hij toch geleegd is. maar er staat wel een kapot bankje in het
    park": the report being made is dropped and another problem told (of another kind, or of
    the same kind once the first is said to be over); its words from the first part about it
    on, else None."""
    never_mind = _NEVER_MIND.search(text or "")
    if not never_mind:
        return None
    parts = [part for part in _PART.split(text) if part.strip()]
    for at, part in enumerate(parts[1:], 1):
        told = category_of(part)
        if told is None:
            continue
        over = _NOT_NEEDED.search(" ".join(parts[:at]))
        if never_mind.group("weak") and not over:
            return None  # "laat maar. de lamp is ook kapot": no to the offer, and more
        if told == category and not over:
            continue  # "vergeet het, de tegel ligt ook nog scheef": more about this one
        # "LAAT MAAR HET ZAKT AL WEG. maar er ligt wel een dode kat …": the first is over, so
        # a problem of the same kind is a new one (round r154 of session 51)
        rest = _CONTRAST.sub("", " ".join(parts[at:])).strip()
        return capitalised(rest) if rest else None
    return None
