"""One reading of a resident's message, made once in the NLU pipeline and used by every step.

`read_message` asks each reader what the text says (danger, place, contact details,
a yes or no, a remark, personal data, the clean description, the problems it names,
a question, the language). The NLU component (`bot/nlu/reader.py`) stores the reading
(`bot/reading/result.py`) as entities of the message; the policies and actions get it
back with `Reading.from_entities`.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Optional, Sequence

from bot.reading.answers import (adds_to_a_report, is_thanks_or_goodbye, read_addition,
                                 read_contact, read_yes_no)
from bot.reading.danger import SOMEONE_HURT, Danger, read_danger, sounds_alarming
from bot.reading.description import (Problem, after_a_turn_to_something_else, category_of,
                                     clean_description, lost_own_things, split_problems,
                                     without_chat_remarks)
from bot.reading.language import SPOKEN_LANGUAGES, detect_language
from bot.reading.needs import need_of
from bot.reading.places import (AT_ONES_HOME, Place, is_clearly_not_a_place, place_key,
                                read_place)
from bot.reading.privacy import scrub
from bot.reading.questions import QUESTION, inside_the_home, is_question, read_question
from bot.reading.report_questions import (asks_about_an_earlier_report, read_report_question,
                                          says_it_is_no_report)
from bot.reading.result import Reading
from bot.reading.streets import StreetRegister
from bot.text import sentences, undictated

# "Weer", "al drie keer": it happens again ("al 2 maanden" is long, not again).
# "alweer", "de zoveelste keer"; not the weather ("stinkt met dit weer") nor the repair asked
# about ("wordt de stoep opnieuw gelegd?", round 80).
_REPEATED = re.compile(
    r"\b(alweer|(?<!dit )(?<!het )(?<!slecht )(?<!mooi )(?<!slechte )(?<!door )(?<!zulk )"
    # "het bord zwaait heen en weer" (round r265 of session 62: "Vervelend dat het weer gebeurt")
    r"(?<!warm )(?<!nat )(?<!heen en )weer"
    r"(?! (?:is|was|wordt|werd|binnen|buiten|terug|thuis|open|dicht|"
    # "moet ik hem weer binnen zetten?" (round r71 of session 41: "Vervelend dat het weer
    # gebeurt")
    r"naar (?:binnen|buiten|huis))\b)|opnieuw(?! (?:gelegd|bestraat|aangelegd|"
    r"geasfalteerd|ingericht|geplant|geschilderd)\b)|al (\w+ )?(keer|maal)|zoveelste|"
    r"(?:tweede|derde|vierde|vijfde) keer)\b",
    re.IGNORECASE)
# "En wanneer komen ze het papier weer ophalen?": the routine asked about, not a repeat.
_WHEN_ASKED = re.compile(r"^\W*(?:en |and )?(?:wanneer|hoe laat|welke dag|when)\b", re.IGNORECASE)


# "nu met dat donkere weer" (round r245: "Vervelend dat het weer gebeurt"): the weather
_WEATHER = re.compile(r"\b(?:donker|slecht|nat|koud|guur|stormachtig|herfstig|regenachtig|"
                      r"winters|mooi|warm|heet|droog|grijs|rot|vies|somber|wisselvallig|"
                      r"glad|mistig|heerlijk|lekker)(?:e|te|ge)?\s+weer\b", re.IGNORECASE)


def _happens_again(text: str) -> bool:
    return any(_REPEATED.search(_WEATHER.sub(" ", sentence)) for sentence in sentences(text)
               if not _WHEN_ASKED.match(sentence))


# A yes or no (and "ik vergiste me") before a correction of the place.
_ANSWER_FIRST = re.compile(r"^\W*(?:(?:ja|jawel|nee|neen|nope|no|yes|klopt niet|niet helemaal|"
                           r"bijna|sorry|oeps|oh|o|ik vergiste me|vergissing)\b\W*)+",
                           re.IGNORECASE)
# Alarm words without a danger rule that fires: the bot reminds the resident of 112.
UNSURE_DANGER = "unsure"
# Harm or strong feelings that deserve a word of sympathy (not an emergency).
_HARM = re.compile(r"\b(gevallen|gestruikeld|struikelde|viel|onderuit|pijn|gebroken pols|"
                   r"geschrokken|bang|boos|woedend)\b", re.IGNORECASE)
# It has been like this a long time ("al twee weken", "al maanden", "sinds vorige week",
# "for weeks"): the acknowledgement says so. Not "al lang gemeld" (reported before).
_LONG_STANDING = re.compile(
    r"\b(?:al\s+(?:(?:een|twee|drie|vier|vijf|zes|\d+|paar|vele|meerdere|heel wat|ruim|"
    r"bijna|meer dan)\s+)*(?:dagen|weken|maanden|jaren|jaar|tijden|week|maand)|"
    r"al (?:heel |zo |best )?lang(?! geleden gemeld)(?= (?:kapot|stuk|zo|niet|uit|los|vol)\b|\W*$)|"
    r"sinds (?:vorige|afgelopen|begin|eind|half) (?:week|maand|jaar|zomer|winter|herfst)|"
    r"for (?:(?:two|three|several|a few|many|\d+)\s+)?(?:days|weeks|months|years|ages))\b",
    re.IGNORECASE)
# "ik woon hier al 30 jaar": how long the resident lives there, not how long the problem is.
_ABOUT_THE_RESIDENT = re.compile(r"\b(?:woon|woont|wonen|werk|werkt|i(?:'ve| have) lived|live)\b"
                                 r"[^\w.!?]+(?:\w+[^\w.!?]+){0,3}$", re.IGNORECASE)  # same sentence


# Noise going on now ("de muziek staat keihard, het is 2 uur 's nachts"): the police can
# send someone now (0900-8844), the municipality cannot.
_NOISE = re.compile(
    r"\b(?:lawaai\w*|herrie|geluidsoverlast|geluid|(?:keiharde?|harde|luide) muziek|muziek\w* "
    r"(?:\w+ )?(?:keihard|hard|luid)|feest\w*|party|geschreeuw|gegil|gebonk|noise|loud music|"
    r"partying|(?:auto|huis|inbraak)?alarm\w* (?:\w+ ){0,3}(?:af|loeit|loeien|blijft|gaat)|"
    r"(?:brommers?|scooters?|motoren|motors|crossmotoren|quads?) (?:\w+ ){0,4}(?:racen|scheuren|"
    r"rondjes|crossen|toeteren)|blaf\w*|geblaf|vuurwerk|knallen|fireworks|blasting|blaring|"
    r"(?:music|bass) (?:\w+ )?(?:so |really |very )?loud|full blast|noisy|loud (?:music|party|"
    r"bass|speakers?))\b", re.IGNORECASE)
_NOW = re.compile(
    r"\b(?:nu|nou|op dit moment|vannacht|vanavond|'?s ?nachts|snachts|midden in de nacht|"
    r"(?:al )?de hele (?:avond|nacht)|het is (?:al )?(?:\d{1,2}|een|twee|drie|vier) uur|"
    r"middernacht|al (?:een|twee|drie|\d+) uur|"
    r"nog steeds|al uren|right now|tonight|at night|now|still going|\d{1,2} ?(?:am|pm)|"
    r"middle of the night)\b", re.IGNORECASE)


def is_noise(text: str) -> bool:
    return bool(_NOISE.search(text or ""))


# Fireworks every evening, weeks before New Year's Eve: not allowed, so the police can come
# when it goes off (round r120 of session 49: a report "within 10 working days" only).
_FIREWORKS = re.compile(r"\b(?:vuurwerk\w*|fireworks?)\b", re.IGNORECASE)
_EVERY_EVENING = re.compile(r"\b(?:elke|iedere|every|de hele) (?:avond|nacht|dag|night|evening|"
                            r"day)\b", re.IGNORECASE)


# "vannacht hebben ze de container opgeblazen met vuurwerk" (round r246 of session 60: "Is het
# lawaai er nu? Bel de politie"): the damage it left, not the noise
_DAMAGE_DONE = re.compile(r"\b(?:opgeblazen|kapot\w*|gesmolten|vernield|verbrand|uitgebrand|"
                          r"aan diggelen|aan gruzelementen|gesloopt|zwartgeblakerd|blown up|"
                          r"destroyed|damaged|melted|burnt|burned)\b", re.IGNORECASE)


def is_noise_now(text: str) -> bool:
    text = text or ""
    if _DAMAGE_DONE.search(text) and not is_noise(_FIREWORKS.sub(" ", text)):
        return False
    return is_noise(text) and bool(_NOW.search(text) or _FIREWORKS.search(text)
                                   and _EVERY_EVENING.search(text))


# A car in front of one's own driveway or door: the police can fine or tow it now, the
# municipality's report only helps when it happens often (round r136 of session 50).
_BLOCKED_IN = re.compile(
    r"\b(?:auto|wagen|busje|bus|bestelbus|camionette|camper|vrachtwagen|car|van)\b(?: [\w']+){0,8}?"
    r" (?:voor|in front of|blocking|blokkeert|verspert) (?:(?:mijn|onze|ons|my|our) (?:\w+ )?"
    r"(?:uitrit|inrit|oprit|garage|garagedeur|poort|deur|driveway|garage door|gate)|(?:de|the) "
    r"(?:uitrit|inrit|oprit|garagedeur|driveway))\b"
    r"|\b(?:kan|kunnen|can) (?:ik|we|wij|i) (?:\w+ ){0,3}?(?:er )?niet (?:meer )?(?:uit|weg|in)\b"
    r"(?=.*\b(?:auto|wagen|busje|geparkeerd|parkeert|car|parked)\b)",
    re.IGNORECASE)


def is_blocked_in(text: str) -> bool:
    """"de auto van de buurman staat voor mijn uitrit": someone is kept from driving out."""
    return bool(_BLOCKED_IN.search(text or ""))


# Nuisance from the people next door, at home: not a job for the outdoor crew but for
# talking, Buurtbemiddeling or the police (round r87 of session 43: "Waar is het?").
_NEIGHBOURS = re.compile(r"\b(?:buren|bovenburen|onderburen|benedenburen|achterburen|buurman|"
                         r"buurvrouw|buurjongen|bovenbuurman|bovenbuurvrouw|onderbuurman|"
                         r"onderbuurvrouw|neighbou?rs?)\b", re.IGNORECASE)
_AT_HOME_NUISANCE = re.compile(
    r"\b(?:herrie|lawaai\w*|geluid\w*|muziek|feest\w*|ruzie\w*|schreeuw\w*|gebonk|bonken|"
    r"geblaf|blaf\w*|wiet|overlast|noise|noisy|loud|music|part(?:y|ies)|shout\w*|"
    r"fight\w*|barking)\b", re.IGNORECASE)
# ... unless it is out on the street: "de buren maken lawaai met hun scooter in het park"
_OUT_ON_THE_STREET = re.compile(r"\b(?:scooters?|brommers?|motoren|auto'?s?|boot|warmtepomp|"
                                r"park|straat|stoep|plein|speeltuin|street|park)\b",
                                re.IGNORECASE)


def _about_the_neighbours(text: str, what: re.Pattern, unless: re.Pattern) -> bool:
    text = text or ""
    return bool(_NEIGHBOURS.search(text) and what.search(text) and not unless.search(text))


def is_neighbour_nuisance(text: str) -> bool:
    """Noise or a quarrel with the neighbours at home ("de bovenburen maken elke nacht
    herrie"), not something out on the street."""
    return _about_the_neighbours(text, _AT_HOME_NUISANCE, _OUT_ON_THE_STREET)


# The neighbours' own tree or hedge over one's garden or too tall: between neighbours, not
# the municipality's crew (round r137 of session 50: a report for a poplar in a garden);
# over the pavement or the street it is a report ("de heg van de buren hangt over de stoep").
_GREEN = re.compile(r"\b(?:boom|bomen|populier\w*|conifeer|coniferen|heg|haag|struik\w*|takken|"
                    r"tak|tree|trees|hedge|branches)\b", re.IGNORECASE)
_OVER_PUBLIC_GROUND = re.compile(r"\b(?:stoep|trottoir|fietspad|voetpad|weg|straat|rijbaan|"
                                 r"lantaarn\w*|bord|pavement|sidewalk|road|street|path)\b",
                                 re.IGNORECASE)


def is_the_neighbours_green(text: str) -> bool:
    """"de populier van de buren is heel hoog", "the tree of my neighbour hangs over my
    garden": their tree or hedge, not over public ground."""
    return _about_the_neighbours(text, _GREEN, _OVER_PUBLIC_GROUND)


def _long_standing(text: str) -> bool:
    return any(not _ABOUT_THE_RESIDENT.search(text[:found.start()])
               for found in _LONG_STANDING.finditer(text))


# Someone got hurt by it: the report gets priority (a crew looks within hours). A fall only
# counts for a person ("ik ben … gevallen", "mijn moeder is gevallen"), not for a branch
# that "is op de weg gevallen"; a sore body part only beside a fall.
_PERSON = (r"(?:ik|hij|zij|ze|iemand|(?:mijn|m'n|mn|zijn|haar|onze|ons|de|het|een)\s+(?:\w+\s+)?"
           r"(?:vader|moeder|man|vrouw|zoon|dochter|kind|kinderen|jongen|meisje|oma|opa|"
           r"buurman|buurvrouw|vriend|vriendin|partner|fietser|voetganger|scooterrijder|"
           r"mevrouw|meneer|dame|heer|oudere|bejaarde|collega|broer|zus|zoontje|dochtertje))")
# ("verkeerbord is om gevallen": a thing fell over, round r142 of session 50)
_INJURED = re.compile(
    r"\b(?:(?:ben|raakte|raakten)\s+(?:\w+\s+){0,8}?(?:(?<!\bom\s)gevallen|gestruikeld|onderuit\s+gegaan|gewond)|"
    rf"{_PERSON}\s+(?:\w+\s+){{0,3}}?(?:is|zijn|was|waren)\s+(?:\w+\s+){{0,8}}?"
    r"(?:(?<!\bom\s)gevallen|gestruikeld|onderuit\s+gegaan)|"
    rf"(?:is|zijn|was|waren)\s+(?:er\s+)?(?:\w+\s+)?{_PERSON}\s+(?:\w+\s+){{0,6}}?"
    r"(?:(?<!\bom\s)gevallen|gestruikeld|onderuit\s+gegaan)|"
    r"gestruikeld|struikelde|gewond|geblesseerd|bloedde|bloedt|hechtingen|"
    r"bloed\s+(?:nog\s+)?(?:best\s+|heel\s+|erg\s+)?(?:veel|erg|flink|hard)|"
    r"eerste\s+hulp|gebroken\s+(?:pols|arm|been|enkel|heup|neus|tand|rib(?:ben)?)|"
    r"verstuikt\w*|snee\s+in|got\s+hurt|injured|"
    # "my son fell off his bike", not "a big tree just fell over" (round r106)
    r"(?:i|he|she|someone|somebody|(?:my|a|an|the|our)\s+(?:\w+\s+)?(?:son|daughter|child|"
    r"kid|man|woman|lady|cyclist|pedestrian|neighbour|neighbor|mother|father|mum|mom|dad|"
    r"husband|wife|friend|boy|girl))\s+(?:\w+\s+)?(?:fell|tripped|slipped))\b",
    re.IGNORECASE)
_SORE = re.compile(r"\b(?:(?:pols|enkel|knie|arm|been|voet|hand|hoofd|heup|rug|schouder|kin|"
                   r"elleboog|vinger|duim)\s+(?:is|zijn|doet|staat)\s+(?:\w+\s+)?"
                   r"(?:dik|opgezwollen|gezwollen|blauw|zeer|pijn|open)|pijn\s+aan\s+(?:mijn|"
                   r"zijn|haar|m'n|mn)\s+\w+)\b", re.IGNORECASE)
_FALL = re.compile(r"\b(?:gevallen|viel|onderuit|gestruikeld|struikelde|botste|aangereden|"
                   r"gegleden|uitgegleden|klapte|van\s+(?:mijn|m'n|mn|de|zijn|haar)\s+"
                   r"(?:fiets|scooter|brommer|step))\b", re.IGNORECASE)


def _problem(problem: Problem, register: Optional[StreetRegister],
             street: Optional[str] = None, later: Sequence[Problem] = ()) -> Dict[str, Any]:
    """One problem of several, with the place it names itself, if any ("een losse tegel op
    de Dorpsstraat 5 en een kapotte lamp op het Marktplein": two places). A bare number is
    on the street the message names ("beukenlaan … de lantaarnpaal bij nr 3", round r64), and
    so is a spot without a street of its own, unless a problem told after it names that
    street ("de brug bij de molen …, en in de Julianastraat bij nr 14 een auto", round r240;
    a street told before carries on: "… aan de Vondelstraat, en bij de lichtmast daarnaast").
    `later`: the problems told after this one."""
    if street and any(street.lower() in other.text.lower() for other in later):
        street = None
    own = read_place(problem.text, register)
    if own is not None and own.kind == "number" and street:
        own = read_place(f"{street} {own.house_number}", register) or own
    elif (own is not None and not own.streets and own.kind in ("description", "landmark")
          and street and not AT_ONES_HOME.search(own.text)):
        # "bij die lantaarnpaal ernaast" (round r65 of session 40: no street); not "voor mijn
        # deur", the resident's home address
        own = read_place(f"{street}, {own.text}", register) or own
    return {"category": problem.category, "text": problem.text,
            **({"place": own.as_dict()} if own else {})}


def _the_one_street(place: Optional[Place]) -> Optional[str]:
    return place.streets[0] if place is not None and len(place.streets) == 1 else None


# Words around a place that say nothing of the resident's language ("bij de", "op de")
_PLACE_FILLER = re.compile(r"\b(?:bij|op|aan|in|de|het|een|van|voor|naast|tegenover|hoek|en|"
                           r"nummer|nr|t|the|at|on|near|in|number|corner|of|and)\b",
                           re.IGNORECASE)
_WORD_OF = re.compile(r"[^\W\d_]+")


def _only_the_place(text: str, place: Optional[Place]) -> bool:
    """"bij de albert heijn op de stationsweg" from an English resident: Dutch street and shop
    names, no sign of the resident's language (round r168: the bot went on in Dutch)."""
    if place is None:
        return False
    of_the_place = set(_WORD_OF.findall(place.text.lower()))
    rest = [word for word in _WORD_OF.findall(_PLACE_FILLER.sub(" ", text.lower()))
            if word not in of_the_place]
    return len(rest) <= 1


def _someone_hurt(text: str) -> bool:
    """"Mijn moeder is gestruikeld", not "ik ben bijna gevallen"."""
    hurt = list(_INJURED.finditer(text)) + (list(_SORE.finditer(text)) if _FALL.search(text)
                                            else [])
    # "bijna gevallen", "waar ik bijna over struikelde", "niemand is gewond", "niet gewond"
    # (round r89 of session 43: advice to see a doctor): the words just before count too
    # ("… struikelde er bijna over": the word may follow too, round r146 of session 50)
    return any(not re.search(r"\b(?:bijna|bijkans|haast|zowat|nearly|almost|niemand|nobody|"
                             r"no one)\b",
                             text[max(0, found.start() - 20):found.end() + 10], re.IGNORECASE)
               and not re.search(r"\b(?:niet|geen|not|no)\s+$", text[:found.start()],
                                 re.IGNORECASE)
               and not (_MANY_TIMES.search(text[max(0, found.start() - 40):found.start()])
                        and not _A_WOUND.search(found.group()))
               for found in hurt)


# "er zijn al meerdere kinderen over gestruikeld" (batch 6 of session 62): others, over time,
# is why the report is urgent, not someone to wish a quick recovery
_MANY_TIMES = re.compile(r"\b(?:meerdere|verschillende|regelmatig|vaak|vaker|telkens|steeds|"
                         r"al (?:een paar|heel wat|wat|veel|zoveel|twee|drie|\d+)|several|"
                         r"many|often|a few)\b", re.IGNORECASE)
_A_WOUND = re.compile(r"gewond|bloed|gebroken|hechting|verstuikt|snee|injured|hurt",
                      re.IGNORECASE)


def _question_asked(text: str) -> Optional[str]:
    """The topic of the question in the message. When problems are told beside questions,
    the questions say the topic ("… staan 3 vuilniszakken. tot hoe laat is het gemeentehuis
    open?" is no question about the waste calendar, round 96's own try)."""
    topic = read_question(text)
    parts = sentences(text)
    asked = [part for part in parts if part.rstrip().endswith("?")]
    if topic is None and asked and len(asked) < len(parts):
        # "Die afvalkalender krijg ik niet open. Kunt u niet gewoon zeggen wanneer de groene
        # bak komt? Wij wonen Lindelaan 8" (round r241: a waste report): what is asked, when
        # it names a topic (not "Kunnen jullie da eens komen ledigen?" after a full bin)
        own = read_question(" ".join(asked))
        if own not in (None, QUESTION):
            return own
    if topic in (None, QUESTION) or not asked or len(asked) == len(parts):
        return topic
    own = read_question(" ".join(asked))
    if own not in (None, QUESTION):
        return own
    # "… 3 vuilniszakken. tot hoe laat is het gemeentehuis open?": about us, not the waste
    return QUESTION if _ABOUT_US.search(" ".join(asked)) else topic


# A question about the municipality itself: its hours, its desk, its phone line.
_ABOUT_US = re.compile(r"\b(?:gemeentehuis|stadhuis|balie|loket|openingstijd\w*|open|dicht|"
                       r"gesloten|bereikbaar|telefoonnummer|town hall|opening hours)\b",
                       re.IGNORECASE)


def _without_questions_of_their_own(text: str) -> str:
    """The message without a question about another topic ("De lantaarnpaal … is kapot. En
    wanneer wordt het oud papier weer opgehaald?": the lamp is the problem, and the paper
    is no question about it); the whole text when nothing else is left."""
    parts = sentences(text)
    kept = [part for part in parts
            if not (part.rstrip().endswith("?") and read_question(part) not in (None, QUESTION))]
    if any(not part.rstrip().endswith("?") for part in kept):
        # "… matrassen enzo. en is het gemeentehuis vrijdagmiddag open?" (round 95): a question
        # that names no problem at all is no part of what the crew reads
        kept = [part for part in kept
                if not (part.rstrip().endswith("?") and category_of(part) is None
                        and _ABOUT_US.search(part))]
    return " ".join(kept) if kept else text


def _without_status_questions(text: str) -> str:
    """The message without its sentences that ask about an earlier report ("… boom over het
    fietspad. o en hoe staat het met mijn melding van vorige week?" is one problem, round
    r226 of session 57: the status question became a second report); the whole text when
    nothing else is left."""
    kept = [part for part in sentences(text)
            if not (is_question(part) and asks_about_an_earlier_report(part))]
    return " ".join(kept) if kept else text


# "ik bedoel melding M-…. Graag erbij zetten: buurvrouw is daar gevallen en heeft haar pols
# gebroken" (round r277: "Bel nu 112"): harm told for the record, not help needed now
_HURT_NOW = re.compile(r"\b(?:nu|net|zojuist|zonet|ligt|bloedt|bloeden|reageert|kan niet "
                       r"(?:op)?staan|ademt|bewusteloos|now|just|bleeding|lying)\b", re.IGNORECASE)


def _told_for_the_report(text: str, danger: Optional[Danger]) -> Optional[Danger]:
    if (danger is not None and danger.kind == "emergency" and danger.reason in SOMEONE_HURT
            and adds_to_a_report(text) and not _HURT_NOW.search(text)):
        return Danger(kind="hazard", reason="harm_told")
    return danger


def read_message(text: str, register: Optional[StreetRegister] = None) -> Reading:
    """Read `text` once: everything the dialogue may need from it."""
    text = undictated(" ".join((text or "").split()))
    if not text or text.startswith("/"):  # empty, or a button payload
        return Reading()
    danger = _told_for_the_report(text, read_danger(text))
    # "nee, het is nummer 21": the place after a no, which alone reads as a refusal
    # "… op de markt in deventer. wel iets anders: … dorpsstraat … nr 3": the place of what
    # comes after the turn (round r81: "Dorpsstraat 3, op de markt")
    turned = after_a_turn_to_something_else(text)
    place = (turned != text and read_place(turned, register)) or read_place(text, register) \
        or read_place(_ANSWER_FIRST.sub("", text), register)
    contact = read_contact(text)
    _, personal = scrub(text)
    # a leak at home, or one's own lost licence, is no report for the street
    indoors = inside_the_home(text) or lost_own_things(text)
    told = _without_questions_of_their_own(_without_status_questions(text))
    problems = [] if indoors else split_problems(_without_status_questions(text),
                                                 lambda piece: place_key(piece, register))
    language = None if _only_the_place(text, place) else detect_language(text)
    # "bij de brandweerkazerne" is a place, not an alarm; in a language the bot does not
    # read, its Dutch and English alarm words misread ("çöp" as "cop"): a cry for help
    # there is heard by the other-language answer (bot/reading/language.cries_for_help)
    # (and the place's words still count as context: "ze heeft hulp nodig in huis", round
    # r183 of session 53, is care at home, not a cry for help)
    alarm = (language is None or language in SPOKEN_LANGUAGES) and sounds_alarming(text) and (
        place is None or sounds_alarming(text.replace(place.text, " ")))
    return Reading(
        danger=danger.kind if danger else (UNSURE_DANGER if alarm else None),
        danger_reason=danger.reason if danger else None,
        alarm=alarm,
        place=place.as_dict() if place else None,
        not_a_place=place is None and is_clearly_not_a_place(text),
        email=contact.email,
        phone=contact.phone,
        answer=read_yes_no(text),
        thanks=is_thanks_or_goodbye(text),
        addition=without_chat_remarks(read_addition(text) or "").strip(" .,") or None,
        personal_data=tuple(personal),
        description=clean_description(told) or None,
        category=None if indoors else category_of(told),
        repeated=_happens_again(text),
        harm=bool(_HARM.search(text)),
        long_standing=_long_standing(text),
        noise_now=is_noise_now(text),
        blocked_in=is_blocked_in(text),
        injured=_someone_hurt(text),
        problems=tuple(_problem(p, register, _the_one_street(place), problems[n + 1:])
                       for n, p in enumerate(problems))
        if len(problems) > 1 else (),
        question=_question_asked(text),
        report_question=read_report_question(told),
        no_report=says_it_is_no_report(text),
        need=need_of(text),
        language=language,
    )

