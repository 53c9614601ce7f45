"""Danger in a resident's message: an emergency (112), gas, a power outage or a public hazard.

The words and rules live in `danger_words.yml` next to this module; this module folds the
text (lower case, no accents, "braaand" → "brand", spoken forms and typos of key words
corrected), splits it into
clauses and applies the rules, skipping triggers that are negated ("niemand gewond"),
speculative ("straks gebeurt er een ongeluk") or in the past ("vorige week was er brand").
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Iterable, List, Optional, Pattern, Tuple

import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.knowledge.general import is_established_word
from bot.reading.questions import animal_in_need
from bot.reading.quick_kinds import DEAD_ANIMAL, quick_kind_of

logger = logging.getLogger(__name__)

WORDS_FILE = Path(__file__).with_name("danger_words.yml")
# Most urgent first: the first kind with a firing rule wins.
KINDS = ("emergency", "gas", "power", "hazard")
# Kinds that send the resident to a phone number before anything else.
URGENT_KINDS = ("emergency", "gas", "power")

# Brackets hold an aside ("mijn moeder (83) is gevallen"): they are no clause break.
# "maar" as "only" ("hangt nog maar aan één ketting") is no clause break either.
# "max 3,5 ton" is one number, not a clause break.
_CLAUSE_BREAK = re.compile(r"[.!?;:\n]+|(?<!\d),|,(?!\d)|(?<!\snog)\s(?:maar|but|doch|want)\s"
                           r"(?!(?:een|1|één|twee|2|half|even|net|zo)\b)")
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’`´](?=\w)")
_REPEATED_LETTER = re.compile(r"([^\W\d_])\1{2,}")
_WORD = re.compile(r"[^\W_]+")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_PLAIN = re.compile(r"[^\W_]+(?: [^\W_]+)*")
_CONJUNCTIONS = {"en", "maar", "want", "omdat", "and", "but", "because", "dus"}
_MIN_TYPO_LENGTH = 7
_NEGATION_WINDOW = 3
_SPECULATION_WINDOW = 6


@dataclass(frozen=True)
class Danger:
    """What kind of danger a message describes, and the short code of why."""

    kind: str
    reason: str

    @property
    def urgent(self) -> bool:
        """True when the resident should phone (112 or 0800-9009) before anything else."""
        return self.kind in URGENT_KINDS


@dataclass(frozen=True)
class _Rule:
    kind: str
    reason: str
    match: Tuple[Pattern[str], ...]
    unless: Tuple[Pattern[str], ...] = ()
    unless_anywhere: Tuple[Pattern[str], ...] = ()
    needs: Tuple[Pattern[str], ...] = ()
    even_if_feared: bool = False


@dataclass(frozen=True)
class _Lexicon:
    rules: Tuple[_Rule, ...]
    negation: Pattern[str]
    speculation: Pattern[str]
    past_time: Pattern[str]
    past_verb: Pattern[str]
    past_event: Pattern[str]
    present: Pattern[str]
    spelling: Dict[str, str]
    typo_targets: Tuple[str, ...]
    not_typos: FrozenSet[str]
    alarm: Pattern[str]
    alarm_ordinary: Tuple[Tuple[Pattern[str], Pattern[str]], ...]
    alarm_ruled_out: Pattern[str]
    person: Pattern[str]  # the `person` words of danger_words.yml


# "Huiselijk geweld?? Daar gaat het helemaal niet om." after a list of topics (round r72 of
# session 41: the Veilig Thuis answer three times to a question about home care)
VIOLENCE_DENIED = re.compile(
    r"\bgeweld\W+(?:\w+\W+)?daar gaat het (?:\w+ )?niet (?:om|over)\b"
    r"|\b(?:er is|het is|het gaat (?:hier )?om) (?:helemaal )?geen (?:huiselijk )?geweld\b"
    r"|\bgaat (?:helemaal )?niet (?:om|over) (?:huiselijk )?geweld\b"
    r"|\bnot about (?:domestic )?violence\b", re.IGNORECASE)
_VIOLENCE_WORDS = re.compile(r"\b(?:huiselijk )?geweld\b|\b(?:domestic )?violence\b")
# Smoke that is steam from works, and a resident who will not call 112 because nothing is
# wrong (round r52: "Bel nu 112" three times to an elderly resident).
_RULED_OUT_BY = {
    # smoke of a wood stove, without flames or sparks (round r55: "rook uit de schoorsteen
    # van de buren, is dat brand of normaal?" got "Bel nu 112" twice)
    "fire": re.compile(r"\b(?:stoom|stoomt|waterdamp|verwarmingsbuizen|stadsverwarming|"
                       r"warmtenet)\b|^(?!.*\b(?:vlam\w*|vonk\w*|vuur|schoorsteenbrand|fik|"
                       r"brandt|flames?|sparks?)\b).*\b(?:houtkachel\w*|kachel|open haard|"
                       r"schoorsteen\w*|chimney|wood ?stove|stove|fireplace|wood burner)\b"),
    "asks_112": re.compile(r"\b(?:ga|hoef|hoeft) (?:\w+ )?(?:geen |niet )?112 (?:\w+ )?(?:niet )?"
                           r"(?:te )?bellen\b|\b(?:niets|niks) aan de hand\b"
                           # "echt 112 bellen voor dode zwanen? … er is niemand ziek hoor"
                           # (round r67 of session 40: 112 twice for two dead swans)
                           r"|\b(?:niemand|nobody|no one|noone) (?:is |was |wordt )?(?:\w+ )?"
                           r"(?:ziek|gewond|in gevaar|hurt|sick|injured|in danger)\b"
                           r"|\b(?:echt|really) 112\b"
                           # "112 bellen voor een tak??" (round r194 of session 53)
                           r"|\b112 (?:bellen |call(?:ing)? )?(?:voor|for) (?:een|de|het|die|dat|a|"
                           r"the) \w+(?= \.|\s*\?|$)"),
    "home_violence": VIOLENCE_DENIED,
}


_SOMEONE_HURT = re.compile(r"\b(?:bloedt|bloeden|gewond\w*|bewusteloos|ademt|onwel|gevallen|"
                           r"ziek|benauwd|flauwgevallen|bleeding|unconscious|injured|hurt|"
                           r"breathing|fainted|collapsed)\b")


def read_danger(text: str) -> Optional[Danger]:
    """The most urgent danger the text describes, or None for an ordinary message."""
    clauses = _clauses(text or "")
    if not clauses:
        return None
    whole = " . ".join(clauses)
    lexicon = _lexicon()
    for rule in lexicon.rules:
        if rule.reason in _RULED_OUT_BY and _RULED_OUT_BY[rule.reason].search(whole) and not (
                _FIRE_SPREADS.search(whole)):
            continue
        if rule.reason == "asks_112" and _only_a_dead_animal(whole):
            continue  # "dode zwanen, vogelgriep? moet ik 112 bellen?": we remove them
        if rule.reason in _ANIMAL_MAY_HAVE and _only_an_animal_in_need(text, whole):
            continue  # "an injured cat …, its bleeding from its leg": 144, not 112
        if rule.kind == "gas" and _the_sewer_not_gas(text or ""):
            continue
        if _fires(rule, clauses, whole, lexicon):
            logger.debug("Danger %s/%s in a message", rule.kind, rule.reason)
            return Danger(rule.kind, rule.reason)
    return None


def _only_a_dead_animal(whole: str) -> bool:
    """"2 dode zwanen in de vijver, vogelgriep? moet ik 112 bellen??" (round r67 of session 40):
    a dead animal is removed by the municipality; no 112 unless someone is hurt or ill."""
    return quick_kind_of(whole) == DEAD_ANIMAL and not _SOMEONE_HURT.search(whole)


# Reasons an animal may give as well as a person: bleeding, injured, "112?".
_ANIMAL_MAY_HAVE = ("injured", "asks_112", "crash", "trapped")
# The resident hurt by it ("de hond heeft mij gebeten, het bloedt"): a person after all.
_THE_RESIDENT_HURT = re.compile(r"\b(?:ik|mij|me|mijn|mn|i|my|we|wij|ons|onze|us|our)\b"
                                r"(?: \w+){0,4} (?:gewond\w*|bloed\w*|hurt|bleeding|injured)\b"
                                r"|\b(?:gebeten|gebeet|bijt|beet|bit|bitten|aangevallen|"
                                r"attacked)\b")


def _only_an_animal_in_need(text: str, whole: str) -> bool:
    """An animal hurt, ill or stuck, and no person hurt: the national number for animals,
    144 (round r120 of session 49: "Call 112 now" four times for a bleeding cat; round r128:
    112 for "een kat vast in de boom van de buren")."""
    return (animal_in_need(text) and not _THE_RESIDENT_HURT.search(whole)
            and not any(_lexicon().person.search(_OWNERS_AND_HELPERS.sub(" ", clause))
                        and _A_PERSON_HURT.search(clause) for clause in whole.split(" . ")))


# People named only as owner or helper: "de boom van de buren", "iemand van de gemeente"
_OWNERS_AND_HELPERS = re.compile(r"\b(?:iemand )?(?:van|bij|naar|aan|voor) (?:de |het |mijn |m n |"
                                 r"mn |onze |ons |een |die |zijn |haar |the |my |our )?\w+")
# What happens to a person in a clause beside an animal: "een fietser is aangereden"
_A_PERSON_HURT = re.compile(r"\b(?:gewond\w*|bloed\w*|bewusteloos|onwel|gevallen|aangereden|"
                            r"geraakt|gebeten|ademt|reageert|ligt|klem|ongeluk|aanrijding|hurt|"
                            r"injured|bleeding|bitten|hit|unconscious|fell|fallen|lying|trapped)\b")


_ALARM_ABOUT_AN_ANIMAL = re.compile(r"\b(?:112|gevaar|gevaarlijk|noodgeval|danger|emergency)\b")
_FEARED = re.compile(r"\b(?:het wordt|wordt (?:nog )?een keer|gaat (?:nog )?een keer|gebeurt nog|"
                     r"straks|voordat|anders|kans op|risico op|bang voor|bang dat|"
                     r"afraid)\b")
# "ik ben bang dat het ontploft" about fireworks kept in a shed: feared, not happening
_ONLY_FEARED = frozenset({"ongeluk", "ongeval", "aanrijding", "ontploft", "ontploffen",
                          "explodeert", "exploderen", "explode"})


# "dorpsstraat ter hoogte van nr 112", "Kerkweg 112a": a house number, not the emergency
# number (round r93 of session 43: "Bel 112" for a dead cat)
_HOUSE_NUMBER_112 = re.compile(
    r"\b(?:nr|nummer|huisnummer|no|number|hoogte van|\w+(?:straat|weg|laan|plein|singel|dijk|"
    r"kade|hof|gracht|pad|steeg|dreef|markt|park|baan|veld|straatje))\.?\s+112(?:\s?[a-z])?\b",
    re.IGNORECASE)


# "allez, 112 zei ik toch. Dorpsstraat 112", "112 is ons huisnummer" (round r245: "Bel 112" for
# a cellar under water): where 112 is the house number, a bare 112 is that number too
_112_IS_THE_HOUSE = re.compile(r"\b112\b(?:\W+\w+){0,4}?\W+(?:huisnummer|house number|adres)\b",
                               re.IGNORECASE)
_BARE_112 = re.compile(r"(?<!\w)(?<!bel )(?<!bellen )(?<!call )112(?!\s*(?:bellen|gebeld|bel|"
                       r"call|called)\b)(?!\w)", re.IGNORECASE)


def _without_112_as_a_house_number(text: str) -> str:
    if _HOUSE_NUMBER_112.search(text) or _112_IS_THE_HOUSE.search(text):
        return _BARE_112.sub(" ", _HOUSE_NUMBER_112.sub(" ", text))
    return text


def sounds_alarming(text: str) -> bool:
    """Whether the text holds a word that may mean danger (the `alarm` list), rules or not."""
    lexicon = _lexicon()
    clauses = _clauses(_without_112_as_a_house_number(text or ""))
    whole = " . ".join(clauses)
    if lexicon.alarm_ruled_out.search(whole):
        return False
    spreads = bool(_FIRE_SPREADS.search(whole))

    # The context that makes a word ordinary may be in another sentence: "Mijn moeder redt
    # het niet meer met het huishouden. Zij heeft hulp nodig."
    ordinary = [words for words, when in lexicon.alarm_ordinary if when.search(whole)]
    if _only_a_dead_animal(whole):
        ordinary.append(_ALARM_ABOUT_AN_ANIMAL)
    if VIOLENCE_DENIED.search(whole):
        ordinary.append(_VIOLENCE_WORDS)

    def alarming(clause: str) -> bool:
        clause = _NOBODY.sub(" ", clause)
        for words in ordinary:
            if not spreads:  # "de rook van hun houtkachel"
                clause = words.sub(" ", clause)
        found = lexicon.alarm.search(clause)
        if found is None or _about_the_past(clause, lexicon):
            return False
        # "het wordt een keer een ongeluk" (round r53: 112): feared, not happening
        before = clause[:found.start()].split()[-_SPECULATION_WINDOW:]
        return not (_FEARED.search(" ".join(before)) and found.group().lower() in _ONLY_FEARED)

    return any(alarming(clause) for clause in clauses)


# Smoke from a stove is ordinary, unless the fire spreads or an alarm goes off.
_FIRE_SPREADS = re.compile(
    r"\b(?:vat|vatte|vatten) vlam\b|\b(?:slaat|sloeg|slaan) over\b|\bin de fik\b"
    r"|\balarm\w*|\brookmelder\w*|\bonder (?:de|onze|mijn) deur\b|\bcatch(?:es|ing)? fire\b"
    # not "Nothing is on fire, it's just the smoke" (round r61: 112 four times)
    r"|(?<!nothing is )(?<!not )(?<!nothing s )(?<!isnt )(?<!nothing )\bon fire\b"
    r"|(?<!niet )(?<!niks )(?<!niets )(?<!geen )\bin brand\b")


# After the 112 answer: "ik durf niet te bellen, hij hoort me", "I can't call".
_CANNOT_CALL = re.compile(
    r"\b(?:durf|kan|kun|mag|lukt)\s+(?:\w+\s+){0,2}?(?:niet|nie|geen)\s+(?:\w+\s+)?(?:te\s+)?"
    r"(?:bellen|belle|praten|telefoneren)\b|\b(?:hij|zij|ze|die)\s+hoort\s+(?:me|mij)\b"
    r"|\bcan'?t\s+(?:call|talk|speak)\b|\bcannot\s+(?:call|talk|speak)\b"
    r"|\b(?:afraid|scared)\s+to\s+call\b"
    # "bellen gaat lastig", "telefoneren lukt slecht" (round r87 of session 43)
    r"|\b(?:bellen|telefoneren|de telefoon)\s+(?:gaat|lukt|is)\s+(?:\w+\s+)?(?:lastig|moeilijk|"
    r"slecht|niet|nie)\b"
    # "iedereen zegt bel 14 0571 en dat kan ik niet"
    r"|\bbel\w*\b(?: \S+){0,4} (?:en|maar) (?:dat|wat) (?:kan|lukt) (?:ik|me|mij) (?:niet|nie)\b"
    # "113 bellen durf ik niet", "bellen lukt me niet"
    r"|\b(?:bellen|praten|telefoneren)\s+(?:durf|kan|kun|lukt)\s+(?:ik|me|mij)?\s*(?:niet|nie)\b",
    re.IGNORECASE)
# "ik ben doof", "slechthorend": the phone is no way, also outside an emergency.
_DEAF = re.compile(r"(?<!niet )(?<!nie )\b(?:doof|dove|slechthorend\w*|gebarentaal|spraakbeperking|"
                   r"deaf|hard of hearing)\b|\bhoor (?:heel |erg |zo )?slecht\b"
                   r"|\bhoor (?:\w+ )?(?:niks|niets|bijna niks) (?:\w+ )?(?:aan|door|op|met) "
                   r"de telefoon\b"
                   r"|\bslecht(?:e)? gehoor\b", re.IGNORECASE)


def says_cannot_call(text: str) -> bool:
    """The resident cannot or dare not call 112 (or talk on the phone) now."""
    return bool(_CANNOT_CALL.search((text or "").replace("’", "'")))


def is_deaf(text: str) -> bool:
    """The resident says they are deaf, hard of hearing or cannot speak."""
    return bool(_DEAF.search(text or ""))


def cannot_use_the_phone(text: str) -> bool:
    """Calling is no way for this resident: they cannot now, or they are deaf."""
    return says_cannot_call(text) or is_deaf(text)


# "i have a belgian sim card. 0800 does not work here" (round r122 of session 49: the outage
# number four times): a free 0800 number cannot be reached from every phone; 112 can.
_NO_0800 = re.compile(
    r"\b0800\b(?:[\s\w-]{0,14}) (?:werkt|lukt|gaat|doet)\w* (?:\w+ )?(?:niet|nie)\b"
    r"|\b0800\b(?:[\s\w-]{0,14}) (?:does ?n[o']?t|did ?n[o']?t|wont|won't|will not|can ?n[o']?t)"
    r" (?:work|connect|go through)\b|\b(?:buitenlands\w*|belgisch\w*|duits\w*|engels\w*|"
    r"foreign|belgian|german|english|uk|prepaid) (?:sim\w*|nummer|telefoon|phone|number)\b"
    r"|\b(?:kan|kun|krijg) (?:ik )?(?:geen|niet) (?:\w+ )?0800\b|\bcannot (?:call|reach) 0800\b",
    re.IGNORECASE)


# "IK HEB DE STORINGSDIENST AL GEBELD MAAR DIE NEEMT NIET OP" (round r239): the on-call line
# did not answer, and the danger is still there.
_ON_CALL_UNREACHED = re.compile(
    r"\b(?:storingsdienst|storingsnummer|noodnummer|dat nummer|die|ze|niemand|nobody|no one)\b"
    r"(?: \w+){0,3} (?:neemt|nemen|nam|namen|answers?|picks? up) (?:\w+ )?(?:niet|nie|geen) ?op\b"
    r"|\b(?:neemt|nam) (?:niemand|er niemand) op\b|\bgeen gehoor\b|\bkrijg (?:\w+ )?niemand\b"
    r"|\b(?:nobody|no one) (?:answers|answered|picks up|picked up)\b", re.IGNORECASE)


def on_call_unreached(text: str) -> bool:
    """The resident called the on-call line (or a number given) and nobody answered."""
    return bool(_ON_CALL_UNREACHED.search(text or ""))


def cannot_reach_0800(text: str) -> bool:
    """The outage number does not work from the resident's phone (a foreign SIM)."""
    return bool(_NO_0800.search((text or "").replace("’", "'")))


# "nee geen 112!! het is riool stank denk ik. niet gas" (round r122 of session 49: the gas
# answer three times): the resident thinks the smell is the sewer, not gas.
_NOT_GAS = re.compile(
    r"\b(?:niet|geen|nie|not|no)(?: \w+)? gas\b|\bgas is (?:het )?(?:niet|nie)\b"
    r"|\b(?:riool|rioollucht|rioolstank|riolering|put|afvoer|sifon|sewer|sewage|drain)\w*\b"
    r"(?: \w+){0,2} (?:stank|lucht|stinkt|ruikt|smell\w*|stink\w*)\b"
    r"|\b(?:stank|lucht|smell\w*)(?: \w+){0,2} (?:van|uit|of|from) (?:het |de |the )?"
    r"(?:riool|put|afvoer|sewer|"
    r"drain)\w*\b|\briool ?stank\b|\b(?:het|it) (?:is|s) (?:\w+ )?(?:riool|the sewer|sewage)\b"
    r"|\b(?:ruikt|stinkt|rook|stonk|smells?|smelled)\b(?:[ ,]+\w+){0,6} (?:naar|like|of) "
    r"(?:het |de |the |a )?(?:riool|wc|toilet|sewer|sewage|drain)\b",
    re.IGNORECASE)
# "gas" said and not taken back: "ik ruik gas, of is het riool?" stays gas, safety first
_GAS_SAID = re.compile(r"(?<!niet )(?<!geen )(?<!nie )(?<!not )(?<!no )\b(?:gas|gaslucht|gaslek)\b",
                       re.IGNORECASE)


def _the_sewer_not_gas(text: str) -> bool:
    """"een vieze lucht in huis … meer naar riool denk ik" (round r126 of session 49: "Ga nu
    naar buiten" to a widow of 82): a sewer smell, no gas named."""
    return says_not_gas(text) and not _GAS_SAID.search(text)


def says_not_gas(text: str) -> bool:
    """The resident takes the gas smell back: it is the sewer, or not gas."""
    return bool(_NOT_GAS.search(text or ""))


# "nou dit IS gevaarlijk": the resident says the thing reported is dangerous.
_DANGEROUS = re.compile(r"\b(?:levens)?gevaarlijk\w*|\bonveilig\w*|\bgevaar voor\b|\bdangerous\b"
                        r"|\bunsafe\b|\bniet (?:echt |zo |helemaal |meer )?veilig\b|\bnot safe\b"
                        # "daar breekt nog iemand zijn nek": someone will get hurt
                        r"|\b(?:breekt|breken) (?:\w+ ){0,2}?(?:iemand|een kind|er een|mensen) "
                        r"(?:\w+ )?(?:nek|been|benen|enkel|heup|pols)\b"
                        # "er kan iemand op de fiets in vallen en zijn nek breken" (round r219)
                        r"|\b(?:kan|kunnen) (?:er )?(?:iemand|een kind|kinderen|mensen|een fietser|"
                        r"fietsers)\b(?: \w+){0,4} (?:in |over |af )?(?:vallen|struikelen|"
                        r"verongelukken)\b|\b(?:zijn|haar|je|z n) nek (?:breken|breekt)\b"
                        r"|\b(?:someone|somebody) (?:will|is going to) (?:get hurt|break)\b"
                        # "als je daar in het donker in rijdt lig je op je bek" (round r164)
                        r"|\blig (?:je|jij|ik|u) (?:\w+ )?(?:op (?:je|uw|mijn) )?(?:bek|smoel|"
                        r"gezicht|snufferd|muil)\b|\bbreek (?:je|jij|ik|u) (?:je|uw|mijn) nek\b"
                        # "10 werkdagen?? straks valt er iemand met de fiets" (round r269 of
                        # session 63: "Is het gevaarlijk?" asked back)
                        r"|\b(?:straks|zo|dadelijk|binnenkort|nog|ooit) (?:\w+ )?(?:valt|vallen|"
                        r"struikelt|struikelen|verongelukt) (?:er )?(?:nog )?(?:eens )?(?:iemand|"
                        r"een kind|kinderen|mensen|een fietser|fietsers|een oudje|ouderen)\b"
                        r"|\bgaat (?:er )?(?:nog |straks |zo |echt )?(?:iemand|een kind|"
                        r"een fietser)(?: \w+){0,3}? (?:vallen|struikelen|verongelukken|onderuit)\b"
                        r"|\b(?:straks|zo|dadelijk|nog) gebeurt er (?:nog )?(?:echt )?(?:een )?"
                        r"(?:ongeluk|ongeval)\b"
                        r"|\bgaan (?:er )?(?:nog |straks )?ongelukken gebeuren\b"
                        # "dat is wel erg lang, ik kan vallen" (round r162 of session 52)
                        r"|\b(?:ik|iemand|een kind|kinderen|mensen|er|fietser|fietsers|een fietser|"
                        r"voetganger|voetgangers|ouderen|scooter|scooters) (?:kan|kunnen) (?:zo |"
                        r"makkelijk |echt )?(?:vallen|struikelen|over vallen)\b"
                        # "vandaag bijna ongeluk" (round r187 of session 53: 10 working days)
                        r"|\bbijna (?:een )?(?:ongeluk|ongeval|aanrijding|accident)\b"
                        # "ik viel er bijna in" (round r194: no priority)
                        r"|\b(?:ik|hij|zij|ze|iemand|er|mijn \w+) (?:viel|vielen|ging|struikelde|"
                        r"reed|fietste) (?:er |bijna er )?(?:bijna|haast|net niet) "
                        r"(?:in|over|onderuit|tegenaan|af)\b"
                        r"|\b(?:i|someone) (?:could|can|might) (?:easily )?(?:fall|trip)\b"
                        # "kinderen kan snijden" about glass (session 53)
                        r"|\b(?:iemand|een kind|kinderen|kids|mensen|er) (?:kan|kunnen) (?:zich |"
                        r"zichzelf )?(?:zo |makkelijk |echt )?(?:snijden|aan snijden|verwonden)\b")
_RULED_OUT = re.compile(r"\b(?:niet|nie|geen|nooit|not|never)\b(?: \w+){0,2} (?:levens)?"
                        r"(?:gevaarlijk|onveilig|gevaar|dangerous|unsafe)"
                        # "Gevaarlijk is het niet"
                        r"|\b(?:gevaarlijk|onveilig)\w* (?:\w+ ){0,2}(?:niet|nie)\b"
                        # "ik vraag alleen of het gevaarlijk is": asked, not said
                        r"|\b(?:of|whether|if) (?:\w+ ){0,2}(?:gevaarlijk|onveilig|dangerous|"
                        r"unsafe)")
# "is het gevaarlijk om aan te raken ja of nee": a question, also without its "?"
_ASKS = re.compile(r"^\W*(?:(?:en|maar|dus|nou|want|of)\s+)?(?:is|zijn|kan|kun|moet|wordt|blijft|"
                   r"hoe|wat|waarom|wanneer|gaat|are|can|should|is it)\b")


# "maar dit IS toch gevaarlijk??", "dat is toch niet veilig!?": said with a question mark
_RHETORICAL = re.compile(r"^\W*(?:(?:en|maar|dus|nou)\s+)?(?:dit|dat|het|dat ding|die|deze)\s+"
                         r"(?:is|zijn)\s+(?:\w+\s+)?toch\b|\btoch\s+(?:echt\s+|wel\s+)?"
                         r"(?:levens)?(?:gevaarlijk|onveilig|niet veilig)")


def says_it_is_dangerous(text: str) -> bool:
    """The resident says (not asks) that it is dangerous: "dit IS gevaarlijk", "onveilig
    voor de kinderen"; not "is het gevaarlijk?", not "niet gevaarlijk"."""
    # "kan het met voorrang, want over de weg rijden is niet veilig": the reason is said
    # "glas is gevaarlijk, kan voorrang?": said, then asked
    # "waarom zo laat, er kan een kind in vallen": a question, then a statement (round r219)
    for sentence in re.split(r"(?<=[.!?])\s+|\n|,?\s+(?:want|omdat|because)\s+"
                             r"|,\s+(?=(?:er|iemand|een kind|kinderen|mensen|fietsers?)\s+"
                             r"(?:kan|kunnen|gaat|gaan|valt|vallen)\b)"
                             r"|,\s+(?=(?:kan|kunt|kunnen|mag|wil|wilt|graag|can|could|please)\b)",
                             fold(text or "")):
        if _ASKS.match(sentence) or (sentence.rstrip().endswith("?")
                                     and not _RHETORICAL.search(sentence)):
            continue
        if _DANGEROUS.search(sentence) and not _RULED_OUT.search(sentence):
            return True
    return False


# "help er komt rook uit …" is a cry, not help that comes (batch 4 of session 59)
_HELP_CALLED = re.compile(r"\b(?:de )?hulp (?:is|komt) (?:al |nu )?(?:onderweg|er|hier|gebeld|"
                         r"ter plaatse|eraan)\b|\bhelp (?:is (?:on (?:its|the) way|here|coming)"
                         r"|has (?:arrived|come)|arrived|came)\b|"
                         r"\b(?:112|ambulance|politie|brandweer|hulpdiensten|police|"
                         r"fire brigade|paramedics)\b.{0,30}\b(?:"
                         r"gebeld|onderweg|er al|is er|zijn er|is hier|zijn hier|ter plaatse|"
                         r"komt|komen|geweest|gekomen|aangekomen|gebracht|geholpen|meegenomen|"
                         r"opgehaald|called|on (?:its|their) way|(?:is|are) here|arrived|"
                         r"(?:is|are) coming|(?:is|are) on (?:its|their|the) way)\b|"
                         r"(?<!niet )(?<!geen )\b(?:112 )?gebeld\b"
                         r"|\b(?:i|we)(?:'ve| have)? (?:just |already )?called\b"
                         r"|\bcalled (?:them|112|the police|an ambulance|the fire brigade)\b"
                         r"|\b(?:dzwoni\w*|ar[ıi]yorum|calling|bel|bellen) (?:\w+ )?112\b"
                         # the grid operator called: "0800 nummer zegt ze sturen iemand"
                         r"|\b(?:0800[- ]?(?:9009)?|storingsnummer|netbeheerder|liander|stedin|"
                         r"enexis)\b(?: \w+){0,3} "
                         r"(?:gebeld|zegt|zeggen|stuurt|sturen|komt|komen)\b",
                         re.IGNORECASE)
# "de politie is hier nog niet", "de brandweer komt niet", "ik heb 112 nog niet gebeld"
_HELP_NOT_THERE = re.compile(r"\b(?:komt|komen|is|zijn|heb|hebben|nemen|neemt)\b(?: \w+){0,3} "
                             r"(?:nog )?(?:niet|nie|geen)\b|\bnog niet\b|\bkan er\b",
                             re.IGNORECASE)


# After the 112 answer: "waarom zou ik 112 bellen, het is een container?", "112??"
_WHY_112 = re.compile(
    r"\bwaarom (?:zou|moet|moeten|zouden|zal) (?:ik|we|wij|je) (?:\w+ ){0,3}?112\b"
    r"|\bwaarom 112\b|^\W*112\s*\?"
    r"|\bwhy (?:should|would|must) (?:i|we) (?:\w+ ){0,2}?112\b", re.IGNORECASE)


def asks_why_112(text: str) -> bool:
    """The resident doubts the 112 advice and asks why ("waarom zou ik 112 bellen?")."""
    return bool(_WHY_112.search(text or ""))


_SHAKEN = re.compile(
    r"\b(?:tril\w*|geschrokken|in shock|shock|overstuur|van slag|in paniek|"
    r"(?:trek|kan) (?:het|dit) niet(?: meer)?(?: aan)?|ben er (?:kapot|ziek) van|"
    r"shaking|shaken|shocked|in a state)\b", re.IGNORECASE)


def is_shaken(text: str) -> bool:
    """The resident is shaken by what they saw ("ik sta te trillen", "ik trek het niet")."""
    return bool(_SHAKEN.search(text or ""))


# "welk nummer moet ik nou bellen, 112 of dat andere?": asks what to call, has not called.
_ASKS_WHAT_TO_CALL = re.compile(r"\b(?:welke? (?:nummer|van de twee)|moet ik (?:\w+ ){0,3}bellen|"
                                r"bel ik|which (?:number|one)|should i call|do i call)\b",
                                re.IGNORECASE)
# "ik ruik heel sterk gas", "het sist": a strong gas smell, for which 112 comes first.
_STRONG_GAS = re.compile(r"(?<!niet )(?<!niet zo )(?<!nie )\bsterk\w*|"
                         r"\b(?:sist|sissen|sissend|gesis|hiss\w*)\b|(?<!not )\bstrong\b"
                         # "het stinkt heel erg naar gas" (round r85 of session 43)
                         r"|(?<!niet )(?<!nie )\b(?:heel|echt|zo|super|ontzettend) erg\b"
                         r"|\b(?:enorm\w*|ontzettend|verschrikkelijk\w*|heftig\w*|overweldigend)"
                         r"\b|\b(?:really|very) bad\b|\boverpowering\b",
                         re.IGNORECASE)


def help_called(text: str) -> bool:
    """"112 is gebeld", "politie en ambulance zijn er nu": help is called or there."""
    return (bool(_HELP_CALLED.search(text or "")) and not _HELP_NOT_THERE.search(text or "")
            and not _ASKS_WHAT_TO_CALL.search(text or ""))


# "ja ik ga bellen", "ik bel wel even de politie dan", "de politie komt kijken": the resident
# acts on the advice; what else they ask is answered (round 75).
_WILL_CALL = re.compile(
    r"\b(?:ik|we|wij)\s+(?:ga|gaan|zal|zullen)\s+(?:\w+\s+){0,6}?(?:bellen|belle)\b"
    r"|\b(?:zal|ga|gaan|zullen)\s+(?:ik|we|wij)\s+doen\b|\bdat\s+doe\s+ik\b"
    r"|\bik\s+bel\s+(?:\w+\s+){0,4}?(?:nu|zo|wel|direct|meteen|even|dan|straks|zometeen|"
    r"morgen|vanavond|later)\b"
    r"|\b(?:de\s+)?(?:politie|ambulance|brandweer)\s+(?:komt|kwam|is\s+onderweg)\b"
    r"|\b(?:i'?ll|i\s+will|i'?m\s+going\s+to|we'?ll)\s+call\b", re.IGNORECASE)


def will_call(text: str) -> bool:
    """"Ja ik ga bellen. Maar mijn vraag over het rijbewijs?": the resident will call."""
    return bool(_WILL_CALL.search(text or ""))


# "boom over de hele molenweg, hele weg dicht", "je kunt er niet langs": a way blocked, which
# a crew clears the same day, not within the hazard's usual hours (round r53)
_BLOCKS_THE_WAY = re.compile(
    r"\b(?:(?:de )?hele (?:weg|straat|rijbaan|fietspad|baan)|(?:weg|straat|rijbaan|fietspad|"
    r"doorgang)) (?:is |zit |ligt )?(?:helemaal |compleet |volledig |gewoon )?(?:dicht|"
    r"versperd|geblokkeerd|afgesloten)\b"
    r"|\b(?:over|dwars over|op) (?:de|het) (?:hele|volledige) (?:weg|straat|rijbaan|fietspad)\b"
    r"|\b(?:blokkeert|verspert|versperren|blokkeren) (?:de|het) (?:hele )?(?:weg|straat|rijbaan|"
    r"fietspad|doorgang)\b"
    r"|\b(?:kan|kun|kunt|kunnen) (?:je|u|er|niemand|auto s|autos|de bus)? ?(?:er )?(?:niet|nie|"
    r"geen kant) (?:meer )?(?:door|langs|doorheen|op of neer)\b(?! (?:de|het|een|mijn)\b)"
    r"|\b(?:road|street|path) (?:is )?(?:completely |fully )?(?:blocked|closed)\b"
    r"|\bblocking the (?:whole )?(?:road|street|path)\b", re.IGNORECASE)


def blocks_the_way(text: str) -> bool:
    """"De hele weg is dicht": a road or path is blocked for everyone."""
    return bool(_BLOCKS_THE_WAY.search(fold(text or "")))


# "ze is wel aanspreekbaar", "hij ademt nog", "ze zegt dat het wel gaat": a sign of life
# about someone hurt, which is no all-clear.
_SIGN_OF_LIFE = re.compile(
    r"\b(?:is|zijn|lijkt|blijft|was)\s+(?:\w+\s+)?(?:aanspreekbaar|bij\s+bewustzijn|"
    r"wakker|weer\s+bij)\b|\b(?:ademt|reageert|praat|beweegt)\s+(?:\w+\s+)?(?:wel|nog|weer)\b"
    r"|\b(?:zegt|zei)\s+(?:\w+\s+){0,2}(?:dat\s+)?(?:het\s+)?(?:wel\s+)?(?:gaat|meevalt)\b"
    r"|\b(?:is|are|seems)\s+(?:\w+\s+)?(?:conscious|awake|talking|breathing)\b",
    re.IGNORECASE)


def tells_a_sign_of_life(text: str) -> bool:
    """"Ze is wel aanspreekbaar" about someone hurt: still a reason to doubt, not all well."""
    return bool(_SIGN_OF_LIFE.search(text or ""))


# "gevonden!! hij stond bij de kaasboer", "we have him": the missing person is back
_FOUND = re.compile(r"\b(?:gevonden|terecht|teruggevonden|is (?:weer )?terug|zijn (?:weer )?terug|"
                    r"(?:found|have) (?:him|her|them)|(?:he|she) is back|is found)\b",
                    re.IGNORECASE)


def says_found(text: str) -> bool:
    """The person who was missing is found ("gevonden!!"), not "nog niet gevonden"."""
    found = _FOUND.search(text or "")
    return bool(found) and not re.search(r"\b(?:nog niet|niet|nog steeds niet|not yet|not)\s*$",
                                         (text or "")[:found.start()], re.IGNORECASE)


def strong_gas(text: str) -> bool:
    """The gas smell is strong or it hisses ("het is echt sterk")."""
    return bool(_STRONG_GAS.search(text or ""))


# After the gas answer: someone who may be inside and not able to come out.
_SOMEONE_INSIDE = re.compile(
    r"\b(?:hij|zij|ze|buurvrouw|buurman|buren|oma|opa|moeder|vader|mevrouw|meneer|iemand|"
    r"kinderen|kind)\b(?: (?!niemand\b)\w+){0,4} (?:(?:doet|doen|deed) (?:\w+ ){0,2}(?:niet|nie) "
    r"open|reageert (?:\w+ )?(?:niet|nie)|(?:is|zijn|zit|zitten|ligt|liggen) (?:\w+ ){0,2}"
    r"(?:nog )?(?:binnen|boven)|(?:is|voelt zich|wordt) (?:\w+ )?(?:onwel|duizelig|misselijk|"
    r"flauw\w*))\b"
    r"|\b(?:doesnt|does not|wont) (?:open|answer)\b|\bstill inside\b"
    # "moet ik haar deur openbreken?": someone is inside whom the resident wants to reach
    r"|\b(?:deur|raam|ruit) (?:\w+ ){0,2}(?:open ?breken|openbreken|intrappen|forceren|"
    r"inslaan|inschoppen)\b|\b(?:moet|zal|kan|mag) ik (?:\w+ ){0,3}(?:haar|hem) (?:eruit )?"
    r"halen\b|\bbreak (?:the|her|his) door\b",
    re.IGNORECASE)
_NOBODY_INSIDE = re.compile(r"\bniemand (?:is |zit )?(?:meer |nog )?binnen\b|\bwe zijn (?:\w+ )?"
                            r"(?:allemaal )?buiten\b", re.IGNORECASE)


def someone_may_be_inside(text: str) -> bool:
    """"mijn buurvrouw doet niet open en ze is al oud" after the gas answer: 112 now."""
    return bool(_SOMEONE_INSIDE.search(text or "")) and not _NOBODY_INSIDE.search(text or "")


# "niemand gewond", "geen gewonden", "niet iets voor 112", "geen spoed": said to rule
# danger out.
_NOBODY = re.compile(r"\b(?:niemand|geen|niet|nobody|no one|noone|not|no)\b(?: \w+){0,2} "
                     r"(?:gewond\w*|bekneld|geraakt|gestoken|gebeten|injured|hurt|stung|112|"
                     r"noodgeval|spoed)\b")


def fold(text: str) -> str:
    """Lower case without accents, apostrophes inside words dropped, letter runs shortened."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = _INNER_APOSTROPHE.sub("", folded)
    return _REPEATED_LETTER.sub(r"\1", folded)


def _clauses(text: str) -> List[str]:
    """The folded text as clauses of space-separated, typo-corrected words."""
    clauses = []
    for part in _CLAUSE_BREAK.split(fold(text)):
        words = [_correct(word) for word in _WORD.findall(part)]
        if words:
            clauses.append(" ".join(words))
    return clauses


@lru_cache(maxsize=4096)
def _correct(word: str) -> str:
    """The standard form of a spoken word ("ni"), of a short key word with two letters swapped
    ("brnad"), or of a long word one edit away from a key word ("gaslucth")."""
    lexicon = _lexicon()
    if word in lexicon.spelling:
        return lexicon.spelling[word]
    if len(word) < _MIN_TYPO_LENGTH or word in lexicon.not_typos or word.isdigit() \
            or is_established_word(word):  # "vervallen" is no "overvallen" (round r76, session 41)
        return word
    found = process.extractOne(word, lexicon.typo_targets, scorer=OSA.distance,
                               score_cutoff=1)
    return found[0] if found else word


def _fires(rule: _Rule, clauses: List[str], whole: str, lexicon: _Lexicon) -> bool:
    """Whether the rule finds danger in one of the clauses, given the whole message."""
    if any(p.search(whole) for p in rule.unless_anywhere):
        return False
    if not all(p.search(whole) for p in rule.needs):
        return False
    after_the_past = False
    for clause in clauses:
        past = _about_the_past(clause, lexicon) or (after_the_past
                                                    and _goes_on_about_it(clause, lexicon))
        triggered = any(_counts(rule, clause, found, lexicon, past)
                        for pattern in rule.match for found in pattern.finditer(clause))
        if triggered and not any(p.search(clause) for p in rule.unless):
            return True
        after_the_past = past
    return False


# "… vorige week over gevallen met haar rollator. pols gebroken", "…, ze heeft haar pols
# gebroken" (round r164 of session 52): a few words after a past
# event are about that event, unless they say now (round 80).
_FOLLOW_ON_WORDS = 6
_NOW = re.compile(r"\b(?:nu|net|zojuist|zonet|now|just)\b")


def _goes_on_about_it(clause: str, lexicon: _Lexicon) -> bool:
    return (len(clause.split()) <= _FOLLOW_ON_WORDS and not _NOW.search(clause)
            and not lexicon.present.search(clause))


def _counts(rule: _Rule, clause: str, found: re.Match, lexicon: _Lexicon,
            past: bool = False) -> bool:
    """Whether a trigger found in a clause really says there is danger now."""
    before = clause[:found.start()].split()
    after = clause[found.end():].split()[:1]
    if _negated(before, after, lexicon) or _NO_LONGER.match(clause[found.end():]):
        return False
    if rule.kind == "hazard" or rule.even_if_feared:
        return True
    speculation_window = " ".join(before[-_SPECULATION_WINDOW:])
    if lexicon.speculation.search(speculation_window):
        return False
    return not past or _now_after_the_past(clause[:found.start()], lexicon)


# "mijn vuilnisbak is gisteren niet geleegd en o ja nu ruik ik ineens gas": a word of now
# between the past time and the trigger starts a new event.
_NOW_AGAIN = re.compile(r"\b(?:nu|zojuist|zonet|ineens|opeens|plotseling|right now|suddenly)\b")


def _now_after_the_past(before: str, lexicon: _Lexicon) -> bool:
    times = [found.end() for found in lexicon.past_time.finditer(before)]
    return bool(times) and any(now.start() > times[-1] for now in _NOW_AGAIN.finditer(before))


# Right after the trigger: "het brandt nu niet meer", "het bloeden is gestopt": it is over;
# but "er zit een fietser onder die niet meer opstaat" is worse, not over.
# ("er dreef net iemand voorbij in de rivier" floats past: only "is voorbij" is over)
_NO_LONGER = re.compile(r"^(?: \w+){0,4} (?:(?:is |zijn )?(?:gestopt|opgehouden|geblust)|"
                        r"(?:is|zijn) (?:al )?voorbij)\b"
                        r"|^(?: \w+){0,2} (?:niet|niks|niets|nie|geen) meer\b"
                        r"(?! (?:op|opstaat|opstaan|overeind|beweegt|bewegen|reageert|reageren|"
                        r"ademt|ademen|wakker|praat|bij|los|vrij|weg|eruit|uit)\b)"
                        r"|^(?: \w+){0,2} (?:no longer|not anymore)\b")


def _negated(before: List[str], after: List[str], lexicon: _Lexicon) -> bool:
    """A negation in the few words before the trigger (not across "en"), or "niet" right after."""
    window: List[str] = []
    for word in reversed(before[-_NEGATION_WINDOW:]):
        if word in _CONJUNCTIONS:
            break
        window.insert(0, word)
    text = " ".join(window + after)
    limit = len(" ".join(window))
    if any(cue.start() < limit for cue in lexicon.negation.finditer(text)):
        return True
    return after in (["niet"], ["geen"], ["not"])


def _about_the_past(clause: str, lexicon: _Lexicon) -> bool:
    """A past time with a past verb ("vorige week was er brand"), or an event named with its past
    date ("de aanrijding van gisteren"), and no word that says it still goes on."""
    told_as_past = bool(lexicon.past_time.search(clause) and lexicon.past_verb.search(clause))
    return ((told_as_past or bool(lexicon.past_event.search(clause)))
            and not lexicon.present.search(clause))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    """The rules and cues of danger_words.yml, compiled once."""
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    words = {name: _alternation(items) for name, items in raw["words"].items()}
    rules = tuple(_rule(spec, words) for spec in raw["rules"])
    cues = {name: re.compile(pattern) for name, pattern in raw["cues"].items()}
    not_typos = frozenset(raw["not_typos"])
    spelling = {str(k): str(v) for k, v in raw["spelling"].items()}
    for word in raw.get("swap_targets") or ():
        for variant in _swaps(str(word)):
            if variant not in not_typos:
                spelling.setdefault(variant, str(word))
    for word in raw.get("dt_targets") or ():
        for variant in _dt_spellings(str(word)):
            if variant not in not_typos:
                spelling.setdefault(variant, str(word))
    return _Lexicon(
        rules=tuple(sorted(rules, key=lambda rule: KINDS.index(rule.kind))),
        spelling=spelling,
        typo_targets=tuple(dict.fromkeys(raw["typo_targets"])),
        not_typos=not_typos,
        alarm=re.compile("|".join(f"(?:{pattern})" for pattern in raw["alarm"])),
        alarm_ordinary=tuple((re.compile(item["words"]), re.compile(item["when"]))
                             for item in raw["alarm_ordinary"]),
        alarm_ruled_out=re.compile(raw["alarm_ruled_out"]),
        person=re.compile(rf"\b{words['person']}\b"),
        **cues,
    )


def _dt_spellings(verb: str) -> Iterable[str]:
    """A verb in its -t form as it is misspelt with -d or -dt ("ademd", "ademdt" for "ademt")."""
    if verb.endswith("t") and not verb.endswith("dt"):
        yield verb[:-1] + "d"
        yield verb[:-1] + "dt"


def _swaps(word: str) -> Iterable[str]:
    """The word with two neighbouring letters swapped ("brnad") or one letter doubled ("gass")."""
    for i in range(len(word) - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2:]
    for i in range(len(word)):
        yield word[:i + 1] + word[i] + word[i + 1:]


def _alternation(items: Iterable[str]) -> str:
    """A non-capturing group of the words: plain words as a letter tree ("b(?:aby|uren)"), which
    a long list needs to stay fast, then the patterns, longest first so that the longest wins."""
    items = [str(item) for item in items]
    plain = [item for item in items if _PLAIN.fullmatch(item)]
    patterns = sorted((item for item in items if not _PLAIN.fullmatch(item)), key=len, reverse=True)
    return "(?:" + "|".join(([_tree(plain)] if plain else []) + patterns) + ")"


def _tree(words: Iterable[str]) -> str:
    """The words as one regular expression that shares their beginnings, longer forms first."""
    root: Dict[str, Dict] = {}
    for word in words:
        node = root
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: Dict[str, Dict]) -> str:
        branches = [re.escape(letter) + pattern(child)
                    for letter, child in sorted(node.items()) if letter]
        if not branches:
            return ""
        ends_here = "" in node
        if len(branches) == 1 and not ends_here:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if ends_here else "")

    return pattern(root)


def _rule(spec: Dict, words: Dict[str, str]) -> _Rule:
    if spec["kind"] not in KINDS:
        raise ValueError(f"Unknown danger kind {spec['kind']!r} in {WORDS_FILE.name}")

    def compiled(key: str) -> Tuple[Pattern[str], ...]:
        return tuple(re.compile(_PLACEHOLDER.sub(lambda m: words[m.group(1)], pattern))
                     for pattern in spec.get(key) or ())

    return _Rule(kind=spec["kind"], reason=spec["reason"], match=compiled("match"),
                 unless=compiled("unless"), unless_anywhere=compiled("unless_anywhere"),
                 needs=compiled("needs"), even_if_feared=bool(spec.get("even_if_feared")))


# Reasons that are one event told in parts: a crash in which someone is hurt; someone hurt
# or unwell told again in other words ("reageert niet", then "de ambulance komt eraan").
# In a report after help came, only a crash and its injured are one accident retold: "mijn
# zoon ademt niet meer" after a crash is someone else.
ONE_ACCIDENT = ("crash", "injured")
SOMEONE_HURT = ("injured", "unconscious", "medical", "breathing", "collapse", "crash", "trapped")
ONE_EVENT = (ONE_ACCIDENT, SOMEONE_HURT)
# Reasons that follow any danger: asked whether to call, or a cry, not a danger of its own.
_NO_DANGER_OF_ITS_OWN = ("asks_112", "cry_for_help")


def a_new_danger(reason: Optional[str], earlier: Optional[str], text: str = "") -> bool:
    """Whether a danger told after the answer to an earlier one is another one ("brandweer
    is er. er staat ook een vent met een mes") rather than the same one told again, or help
    on its way ("de ambulance komt eraan", which alone reads as someone hurt)."""
    if not reason or not earlier or reason == earlier or reason in _NO_DANGER_OF_ITS_OWN:
        return False
    if reason == "injured" and help_called(text):
        return False
    return not same_event(reason, earlier)


def same_event(reason: Optional[str], earlier: Optional[str],
               events: Tuple[Tuple[str, ...], ...] = ONE_EVENT) -> bool:
    """Whether two danger reasons can be one event told twice (one of `events`)."""
    return bool(reason and earlier) and (reason == earlier or any(
        reason in event and earlier in event for event in events))
