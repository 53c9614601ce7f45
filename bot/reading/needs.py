"""Acute social need: no food tonight, no place to sleep, an eviction, worries about someone.

Such a message is answered from its knowledge-base article (which names the route that
works at night and in the weekend) whatever product the model heard in it: "ik heb geen
eten meer voor mijn kinderen" is not a question about money worries in general, and
"ik word morgen uit huis gezet" is no move. Danger to people goes first (112, see
danger.py); `need_of` names the article of a need, or None.
"""
from __future__ import annotations

import re
from typing import Optional, Tuple

_FOOD = re.compile(
    r"\b(?:geen|niks|niets|nix)\s+(?:\w+\s+){0,2}(?:eten|voedsel|boodschappen)\b"
    r"(?!\s+(?:voor|aan)\s+(?:de\s+)?(?:duiven|eenden|vogels|katten|dieren|ganzen))"
    r"|\b(?:niks|niets|nix)\s+(?:meer\s+)?(?:te|om\s+te)\s+eten\b"
    r"|\bhonger\b(?!\s+naar)|\b(?:lege|leeg)\s+koelkast\b|\bkoelkast\s+is\s+leeg\b"
    r"|\b(?:al|sinds)\s+(?:\w+\s+){0,2}(?:dagen|dag)\s+(?:\w+\s+){0,2}niet\s+(?:\w+\s+)?gegeten\b"
    r"|\bno\s+food\b|\bnothing\s+to\s+eat\b|\bhungry\b|\bcant\s+afford\s+food\b"
    # "is er ook iets zoals voedselbank hier? deze week is het echt krap" (round r223)
    r"|\b(?:voedselbank|voedselpakket\w*|food\s*bank)\b",
    re.IGNORECASE)
_SHELTER = re.compile(
    r"\bgeen\s+(?:\w+\s+)?(?:slaapplek|slaapplaats|onderdak|dak\s+boven\s+(?:mijn|ons|m[n'])\s+hoofd|"
    r"plek\s+om\s+te\s+slapen|plaats\s+om\s+te\s+slapen)\b"
    r"|\b(?:dakloos|dakloze|thuisloos|thuisloze|nachtopvang|daklozenopvang)\b"
    r"|\b(?:ik|we|wij|hij|zij|ze|(?:mijn|m[n'])\s+(?:zoon|dochter|vriend|vriendin|broer|zus|moeder|"
    r"vader|kinderen|gezin|man|vrouw))\s+(?:sta|staat|staan|slaap|slaapt|slapen|leef|leeft|"
    r"leven|woon|woont|wonen|zit|zitten)\s+(?:\w+\s+){0,3}op\s+straat\b(?!\s+(?:te|met|voor)\b)"
    r"|\b(?:slaap|slaapt|slapen|sliep|sliepen)\s+(?:\w+\s+){0,3}(?:buiten|in\s+(?:mijn|de|zijn|haar|"
    r"onze|een)\s+auto|in\s+het\s+park|onder\s+een\s+brug)\b"
    r"|\bwaar\s+(?:kan|kunnen|moet|moeten)\s+(?:ik|we|wij)\s+(?:\w+\s+)?(?:slapen|overnachten)\b"
    r"|\bhomeless\b|\bnowhere\s+to\s+(?:sleep|stay|go)\b|\bno\s+place\s+to\s+(?:sleep|stay)\b"
    r"|\bwhere\s+(?:can\s+|do\s+|will\s+|should\s+|must\s+)?(?:i|we)\s+(?:\w+\s+)?sleep\b"
    r"|\bsleep\s+(?:on|in)\s+the\s+street\b",
    re.IGNORECASE)
_EVICTION = re.compile(
    r"\b(?:uit\s+(?:mijn|ons|m[n']|het|zijn|haar|onze)\s+(?:huis|woning|appartement)|op\s+straat)\s+"
    r"(?:\w+\s+){0,2}(?:ge)?zet\w*\b"
    r"|\b(?:zetten|zet)\s+(?:mij|me|ons|hem|haar)\s+(?:\w+\s+){0,3}(?:uit\s+(?:\w+\s+)?huis|op\s+straat)\b"
    r"|\b(?:huisuitzetting|ontruiming|ontruimd|ontruimen)\b(?!.*\bkraak)"
    r"|\bdeurwaarder\b(?:\s+\w+){0,6}\s+(?:huis|woning|ontruim\w*)\b"
    r"|\b(?:evicted|eviction)\b",
    re.IGNORECASE)
# "Ik word helemaal niet uit mijn huis gezet, het is ons eigen huis" (round r223 of session 57:
# the eviction answer again)
_NOT_EVICTED = re.compile(
    r"\b(?:niet|nooit)\b(?:\s+\w+){0,2}\s+(?:uit\s+(?:mijn|ons|m[n']|het|zijn|haar|onze)\s+"
    r"(?:huis|woning)|op\s+straat)\s+(?:\w+\s+){0,2}(?:ge)?zet\w*\b|\bnot\s+(?:being\s+)?evicted\b",
    re.IGNORECASE)
# "kan ik de auto op straat zetten?": a thing put in the street, not a resident evicted.
_A_THING_ON_THE_STREET = re.compile(
    r"\b(?:auto|wagen|fiets|scooter|brommer|container|kliko|bak|afval\w*|vuilniszak\w*|"
    r"zakken|grofvuil|bank|meubel\w*|spullen|caravan|aanhanger|camper|boot|car)\b"
    r"(?:\s+\w+){0,6}\s+op\s+straat\b", re.IGNORECASE)
_WORRIED = re.compile(
    r"\b(?:zorgen\s+(?:\w+\s+){0,2}(?:om|over|voor)|bezorgd\s+(?:\w+\s+){0,2}(?:om|over|voor)"
    r"|zorg\s+(?:\w+\s+){0,2}(?:om|over))\s+(?:mijn|m[n']|de|onze|ons|een|die|"
    r"het|deze)\s+(?:\w+\s+)?(?:buurman|buurvrouw|buren|bovenbuurman|bovenbuurvrouw|"
    r"benedenbuurman|benedenbuurvrouw|overbuurman|overbuurvrouw|vader|moeder|opa|oma|broer|zus|"
    r"man|vrouw|oude\s+man|oude\s+vrouw|bewoner|jongen|meisje)\b"
    r"|\b(?:buurman|buurvrouw|buren|bovenbuurman|bovenbuurvrouw|benedenbuurman|benedenbuurvrouw|"
    r"overbuurman|overbuurvrouw|vader|moeder|opa|oma|man|vrouw|meneer|mevrouw|persoon|jongen|"
    r"meisje|hij|zij|ze)\b(?:\s+\w+){0,4}\s+(?:verwaarloost|verwaarloosd|is\s+(?:\w+\s+)?verward|"
    r"lijkt\s+(?:\w+\s+)?verward|is\s+(?:\w+\s+)?in\s+de\s+war|raakt\s+(?:\w+\s+)?in\s+de\s+war)\b"
    r"|\bverwarde?\s+(?:man|vrouw|meneer|mevrouw|persoon|jongen|buurman|buurvrouw)\b"
    r"|\bvervuild\w*\s+(?:huis|woning)\b",
    re.IGNORECASE)
# Lonely: "ik praat soms dagen met niemand", "is er niet iemand om mee te praten?"
_LONELY = re.compile(
    r"\beenzaam\w*|\balleen op de wereld\b"
    r"|\b(?:praat|spreek|zie)\s+(?:\w+\s+){0,3}(?:dagen|weken)\s+(?:\w+\s+){0,2}(?:niemand|"
    r"geen\s+mens)\b"
    r"|\bniemand\s+(?:om|waar\s+ik|waarmee\s+ik)\s+(?:\w+\s+){0,2}(?:mee\s+)?"
    r"(?:te\s+)?(?:praten|kletsen)\b(?!\s+over\s+(?:mijn|de|het|een)\s+(?:melding|aanvraag|"
    r"belasting|vergunning|uitkering))"
    r"|\blonely\b|\bloneliness\b|\bno\s+one\s+to\s+talk\s+to\b"
    # "sinds mijn man overleden is zit ik de hele dag alleen thuis" (not "ik wil alleen …")
    r"|\b(?:zit|ben)\s+(?:ik\s+)?(?:de\s+hele\s+dag|hele\s+dagen|vaak|veel|altijd|zo|"
    r"sindsdien|nu\s+helemaal)\s+(?:\w+\s+)?alleen\b(?!\s+(?:maar|om|te|met\s+een\s+vraag))"
    r"|\bvoel\s+(?:me|mij)\s+(?:zo\s+|erg\s+|heel\s+|vaak\s+)?alleen\b"
    # "ook is het soms erg stil in huis", "sinds het overlijden van mijn man woon ik alleen"
    r"|\b(?:erg|zo|heel|best|vaak|zo\s+ontzettend)\s+stil\s+(?:in\s+(?:huis|mijn\s+huis)|om\s+"
    r"(?:me|mij)\s+heen)\b"
    r"|\bsinds\s+(?:het\s+overlijden|de\s+dood|(?:mijn|m[n'])\s+(?:man|vrouw|partner)\s+"
    r"(?:\w+\s+){0,3}(?:overleden|gestorven|weg|er\s+niet\s+meer\s+is))\b(?:\s+\w+){0,6}\s+alleen\b"
    r"(?!\s+(?:maar|om|te|met\s+een\s+vraag))"
    # "zeg ik soms de hele week tegen niemand iets", "ik ben gewoon alleen" (round 66)
    r"|\b(?:zeg|spreek|praat)\s+(?:ik\s+)?(?:\w+\s+){0,5}(?:tegen|met)\s+niemand\b"
    r"(?!\s+(?:\w+\s+)?over\b)"
    r"|\bik\s+ben\s+(?:gewoon|zo|helemaal|heel|erg|zo\s+erg)\s+alleen\b"
    r"(?!\s+(?:maar|om|te|met|thuis\s+(?:tot|tussen|vandaag|morgen)))",
    re.IGNORECASE)
# A carer at the end of their strength: "ik zorg al maanden voor allebei en ik kan niet meer".
_CARER_WORN_OUT = re.compile(
    r"^(?=.*\b(?:ik|wij|we)\s+(?:zorg|zorgen|verzorg|verzorgen)\b(?:\s+\w+){0,4}\s+voor\s+"
    r"(?:mijn|m[n']|onze|ons|allebei|hem|haar|iemand|de\s+buur\w*)\b"
    r"|.*\b(?:ik|wij|we)\s+(?:verzorg|verzorgen)\b(?:\s+\w+){0,3}\s+(?:mijn|m[n']|onze|ons|hem|haar)\b"
    r"|.*\bmantelzorg\w*)"
    r"(?=.*\b(?:kan|kunnen)\s+(?:het\s+|dit\s+)?(?:\w+\s+)?niet\s+meer\b|.*\bte\s+(?:veel|zwaar)\b"
    r"|.*\b(?:uitgeput|overbelast\w*|opgebrand|doodmoe|burn-?out)\b|.*\bben\s+(?:helemaal\s+)?op\b"
    r"|.*\btrek\s+(?:het|dit)\s+niet\b|.*\bworn\s+out\b|.*\bexhausted\b)",
    re.IGNORECASE | re.DOTALL)
# "wie moet dat aanvragen, ik of zij? ze is wat verward soms" (round r171 of session 52: the
# crisis route): a trait told beside a question, not a person in trouble now
_MILDLY_CONFUSED = re.compile(r"\b(?:wat|beetje|soms|af en toe|wel eens|weleens|licht|"
                              r"een tikje)\s+(?:\w+\s+)?verward\b|\bverward\s+soms\b",
                              re.IGNORECASE)
# Not a worry about a person: "verward" about a letter or a rule.
_NOT_A_PERSON = re.compile(r"\b(?:brief|formulier|regels?|website|site|aanslag|app|"
                           r"afvalkalender)\b", re.IGNORECASE)
_NOT_LONELY = re.compile(r"\b(?:niet|nie|geen|helemaal niet)\s+(?:\w+\s+)?eenzaam\w*|\bnot\s+"
                         r"lonely\b", re.IGNORECASE)
_SAYS_LONELY = re.compile(r"\b(?<!niet )(?<!geen )eenzaam\w*|\blonely\b|\bvoel\s+(?:me|mij)\s+"
                          r"(?:\w+\s+)?alleen\b", re.IGNORECASE)
# A concrete request beside living alone: the request is what is asked
_ASKS_FOR_SOMETHING = re.compile(
    r"\b(?:traplift\w*|woningaanpassing\w*|aanpassing\w*|rolstoel\w*|scootmobiel\w*|"
    r"huishoudelijke hulp|hulp in (?:de |het )?huis\w*|paspoort\w*|rijbewijs\w*|vergunning\w*|"
    r"belasting\w*|aanslag\w*|uitkering\w*|afvalpas\w*|parkeer\w*|verhuiz\w*)\b",
    re.IGNORECASE)

NEEDS: Tuple[Tuple[str, "re.Pattern[str]"], ...] = (
    ("nachtopvang", _SHELTER),
    ("dreigende-huisuitzetting", _EVICTION),
    ("voedselbank", _FOOD),
    ("mantelzorg-ondersteuning", _CARER_WORN_OUT),
    ("zorgen-om-iemand", _WORRIED),
    ("eenzaamheid", _LONELY),
)


def need_of(text: str) -> Optional[str]:
    """The article id of the acute need the message tells of, or None."""
    text = " ".join((text or "").replace("’", "'").split())
    for article, pattern in NEEDS:
        if pattern.search(text):
            if article == "zorgen-om-iemand" and (_NOT_A_PERSON.search(text)
                                                  or _MILDLY_CONFUSED.search(text)):
                continue
            if article == "dreigende-huisuitzetting" and (_A_THING_ON_THE_STREET.search(text)
                                                          or _NOT_EVICTED.search(text)):
                continue
            if article == "eenzaamheid" and (_NOT_LONELY.search(text) or (
                    _ASKS_FOR_SOMETHING.search(text) and not _SAYS_LONELY.search(text))):
                # "ik ben niet eenzaam hoor"; "ik woon sinds de dood van mijn vrouw alleen …
                # iets met een traplift?" (round r64: the Luisterlijn twice)
                continue
            return article
    return None
