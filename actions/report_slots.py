"""Slots of the report form built from the message reader's findings.

Shared by the start of a report, the form's validation and its questions. The Dutch
words for acknowledgements live in `bot/domain/reports.yml` (`utter_ack_*`); here they
are referred to by key.
"""
from __future__ import annotations

import re
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

from actions.reading import channel_of, reading_of
from bot.profile import profile
from bot.reading.answers import Removal, preferred_contact, split_problem_texts
from bot.reading.callback import wants_callback
from bot.reading.danger import read_danger
from bot.reading.message import is_noise
from bot.reading.result import Reading
from bot.reading.places import (Place, names_only_the_home, names_the_whole_street,
                                relation_to_number)
from bot.reading.quick_kinds import DEAD_ANIMAL, quick_kind_of
from bot.text import capitalised, sentences as split_sentences

REPORT_INTENTS = ("report_pavement_road", "report_waste_collection", "report_street_lighting",
                  "report_public_space_other")
# Intent → report category; a missed bulky-waste pickup is a report of its own.
# A bulky-waste message starts a report only when the pickup was missed (bot/policies.py).
REPORT_CATEGORIES = {**{intent: intent for intent in REPORT_INTENTS},
                     "report_bulky_missed": "bulky_waste_pickup",
                     "bulky_waste_pickup": "bulky_waste_pickup"}
GENERIC_CATEGORY = "report_public_space_other"
CHANNELS_WITH_ADDRESS = {"whatsapp", "sms", "telegram", "messenger"}
CHANNELS_WITH_MEDIA = {"whatsapp", "telegram", "messenger"}
NO_PHOTO = "geen"
MAX_DESCRIPTION = 1000
HIGH_PRIORITY = "high"
REPORT_SLOTS = ("report_category", "report_description", "report_more_problems",
                "report_location", "report_place", "report_latitude", "report_longitude",
                "report_priority", "report_repeated", "report_callback", "report_photo",
                "report_updates", "report_contact", "report_confirmed", "report_ack",
                "report_prompt", "report_contact_wishes")
# Words that say *that* someone wants to report, not *what*: a message of only these
# is not a description.
FILLER_WORDS = {
    "ik", "wil", "wilde", "graag", "een", "iets", "melden", "melding", "doen", "maken", "hallo",
    "hoi", "goedemorgen", "goedemiddag", "goedenavond", "de", "het", "er", "is", "heb", "over",
    "gemeente", "jullie", "u", "kan", "kunnen", "wat", "probleem", "klacht", "op", "straat",
    "in", "mijn", "buurt", "voor", "aan", "te", "om", "wel", "even", "dag", "zou", "want",
    "beste", "geachte", "ja", "nee", "hier", "daar", "dit", "dat", "the", "i", "want", "to",
    "report", "something", "a", "hello", "hi", "nog", "ook", "maar", "doorgeven", "laten",
    "weten", "kapot", "stuk", "openbare", "ruimte", "buiten", "doorgeven",
}


# "doe toch maar geen berichten", "geen updates zei ik", "GEEN UPDATES NODIG": no news
NO_UPDATES = re.compile(r"\b(?:geen|no)\s+(?:berichten|bericht|updates?|mails?|e-?mails?|"
                        r"sms(?:je|jes)?|messages?)\b|\bhoef\w*\s+(?:\w+\s+)?geen\s+bericht"
                        # "ach die smsjes hoeven niet hoor" (round r129 of session 49)
                        r"|\b(?:berichten|berichtjes|updates|sms(?:je|jes)?|mails|mailtjes)\s+"
                        r"(?:\w+\s+)?(?:hoeven|hoeft)\s+niet\b",
                        re.IGNORECASE)
# The resident asks for news: "houd me op de hoogte via …", "ja graag updates".
WANTS_UPDATES = re.compile(
    r"\b(?:op de hoogte|updates?|bericht(?:en)? (?:sturen|krijgen|ontvangen)|mail (?:me|mij)|"
    r"laat (?:me|mij|het) (?:\w+ )?weten|hou(?:d|dt)? (?:me|mij)|"
    # "wacht eigenlijk wel, stuur me maar een sms" (round r49: sent without news)
    r"(?:stuur|app|mail|sms) (?:me|mij) (?:maar |dan |toch |wel |even )*(?:een )?"
    r"(?:sms\w*|mail\w*|e-?mail\w*|bericht\w*|appje)|"
    r"keep me (?:posted|updated|informed)|let me know|"
    # "maar ik wil wel graag horen wanneer het gemaakt wordt hoor" (round r205 of session 55:
    # sent without news)
    r"(?:wil|wilde|zou) (?:\w+ )?(?:wel |graag |toch |nog )*(?:horen|weten) (?:\w+ )?wanneer "
    r"(?:\w+ ){1,4}(?:gemaakt|klaar|opgelost|gerepareerd|hersteld|verholpen|opgeruimd|gedaan)|"
    r"(?:like|want) to (?:hear|know) when (?:\w+ ){1,3}(?:fixed|repaired|done|solved)|"
    r"(?<!geen )(?:toch|wel|graag)(?: (?:toch|wel|graag|eigenlijk))* (?:een )?"
    r"(?:bericht(?:en|je)?|mail(?:tje)?|sms(?:je)?)|"
    r"(?<!niet )(?<!not )(?<!n't )(?<!dont )(?:wil|want|would like) "
    r"(?:(?!geen\b|niet\b|no\b|not\b|any\b)\w+ )?(?:wel |graag |toch )?"
    r"(?:berichten|messages|updates|e-?mails?))\b", re.IGNORECASE)
# A yes in a later sentence ("nee er is niemand gestoken. ja stuur me maar een mailtje: …").
YES_AFTER_ALL = re.compile(r"[.!?;]\s*(?:en\s+|maar\s+|and\s+|but\s+)?(?:ja|jawel|yes)\b"
                           # "nee hoeft niet. o wacht toch wel, sms naar 06…" (round 99)
                           r"|\btoch\s+(?:maar\s+)?wel\b|\bbij nader inzien\b"
                           r"|\b(?:mag|moogt|mogen|moogde|kunt|kan|kunnen)\s+(?:u\s+|ge\s+|gij\s+|"
                           r"je\s+|jullie\s+)?(?:me|mij)\s+(?:\w+\s+)?(?:mailen|e-?mailen|sms'?en|"
                           r"appen)\b", re.IGNORECASE)


# The resident corrects what they said about the problem: "eigenlijk is het de schommel".
CORRECTS = re.compile(r"\b(?:eigenlijk|ik bedoel\w*|bedoelde|sorry|oeps|foutje|vergist|vergis|"
                      r"niet de|zei ik|schreef ik|wacht|niet \d+\w?|i mean|actually|i said)\b",
                      re.IGNORECASE)


# The slots a correction asks again: by the intent of its button ("De plek").
CORRECTIONS = {
    "correct_description": ["report_description", "report_more_problems"],
    "correct_location": ["report_location", "report_place", "report_latitude",
                         "report_longitude"],
    "correct_updates": ["report_updates", "report_contact"],
}


def cleared_for(tracker: Tracker, part: Text) -> Dict[Text, Any]:
    """The slots to ask again for a correction ("De plek"). The old place also leaves the
    description, so the field crew does not read two addresses."""
    slots: Dict[Text, Any] = {slot: None for slot in CORRECTIONS.get(
        part, CORRECTIONS["correct_description"])}
    old = (tracker.get_slot("report_place") or {}).get("text") or ""
    description = tracker.get_slot("report_description") or ""
    if part == "correct_location" and len(old) >= 3 and old.lower() in description.lower():
        # with its preposition: "de lantaarnpaal voor kerkstraat 14 is kapot" (own try,
        # session 64: "De lantaarnpaal voor is kapot")
        without = re.sub(rf"(?:\b(?:op|in|aan|bij|voor|tegenover|naast|achter|langs|"
                         rf"ter hoogte van)\s+(?:de\s+|het\s+)?)?{re.escape(old)}", " ",
                         description, flags=re.IGNORECASE)
        without = re.sub(r"\s+(?:op|in|aan|bij|voor)(?:\s+(?:de|het))?[\s,.!?]*$", "",
                         " ".join(without.split())).strip(" ,")
        if is_description(without):
            slots["report_description"] = without
    return slots


def added_to(description: Text, addition: Text) -> Text:
    """The description with more told about the problem after it, as its own sentence."""
    addition = addition.strip()
    return (f"{(description or '').rstrip('. ')}. {addition[:1].upper()}{addition[1:]}"
            [:MAX_DESCRIPTION])


def without_part(description: Text, part: Removal) -> Optional[Text]:
    """The description without what the resident asked to leave out; None when it is not
    in it. Quoted words go, or their whole sentence when little else is in it; a part named
    by a word ("die bakker") goes with its sentence, or its clause in a one-sentence text."""
    parts = split_sentences(description or "")
    if not part.quoted and len(parts) == 1:
        parts = re.split(r"(?<=[,;])\s+|\s+(?=(?:en|and|maar|but)\s)", parts[0])
    named = re.compile(r"\b%s\w*" % re.escape(part.words) if not part.quoted
                       else re.escape(part.words), re.IGNORECASE)
    kept, found = [], False
    for sentence in parts:
        at = named.search(sentence)
        if at is None:
            kept.append(sentence)
            continue
        found = True
        rest = " ".join((sentence[:at.start()] + " " + sentence[at.end():]).split()).strip(" ,.")
        words = len(re.findall(r"[^\W\d_]+", rest))
        if part.quoted and words >= 4 and words > len(part.words.split()):
            kept.append(rest + ".")
    text = " ".join(kept).strip(" ,;")
    text = re.sub(r"^(?:en|and|maar|but)\s+", "", text, flags=re.IGNORECASE)
    return capitalised(text) if found else None


def is_description(text: Optional[Text]) -> bool:
    """True when the text says what is wrong, not only that the resident wants to report."""
    if not text or text.startswith("/"):
        return False
    words = re.findall(r"[^\W\d_]+", text.lower())
    return any(word not in FILLER_WORDS for word in words)


def description_of(reading: Reading, text: Text) -> Optional[Text]:
    """The resident's description, cleaned of greetings and personal data; None if empty."""
    description = reading.description if reading.description is not None else text
    description = (description or "").strip()[:MAX_DESCRIPTION]
    return description if is_description(description) else None


# What someone left behind, where post or a name inside tells enforcement whose it is.
_LEFT_BY_SOMEONE = re.compile(r"\b(?:\w*zak(?:ken)?|afval|grofvuil|rommel|troep|rotzooi|spullen|"
                              r"matras\w*|meubel\w*|bankstel|dozen|karton|puin|gedumpt|"
                              r"gestort|dumping|bags?|rubbish|dumped)\b", re.IGNORECASE)


_OUR_NUMBER = re.compile(r"\b(?:telefoon)?nummer van (?:de gemeente|jullie|het gemeentehuis|u)\b"
                         r"|\b(?:de gemeente|jullie|iemand van de gemeente) (?:\w+ )?bellen\b"
                         r"|\bgewoon (?:iemand |jullie |u )?bellen\b"
                         r"|\b(?:municipality|council)(?:'?s)? (?:phone )?number\b",
                         re.IGNORECASE)


_INTO_A_HOME = re.compile(r"\b(?:huis|huizen|woning\w*|kelder\w*|binnen|drempel\w*|voordeur|"
                         r"gang|house|home|basement|door)\b", re.IGNORECASE)


_IN_THE_WATER = re.compile(r"\b(?:vijver|vijvers|sloot|sloten|gracht|kanaal|vaart|plas|water|"
                           r"vissen|vis|blauwalg|pond|canal|ditch|fish|algae)\b", re.IGNORECASE)


def _water_advice(told: Text) -> Optional[Text]:
    """The advice of a water hazard told: the flood reaching a home, sewage, a burst main."""
    danger = read_danger(told)
    if danger is None or danger.reason not in ("flooding", "sewage", "water_main"):
        return None
    if danger.reason == "flooding" and _INTO_A_HOME.search(told):
        return "utter_hazard_advice_flooding_home"
    return f"utter_hazard_advice_{danger.reason}"


def report_question_response(tracker: Tracker, kind: Optional[Text],
                             urgent: bool = True) -> Text:
    """The response to a question about the report ("kan ik een foto sturen?"); a photo
    question gets another answer on a channel that cannot receive one, and "moet ik zelf
    iets doen?" about something that is no danger gets "nothing to do"."""
    response = f"utter_report_question_{kind}"
    if kind == "photo" and channel_of(tracker) not in CHANNELS_WITH_MEDIA:
        # where else it can go, only when the municipality has a WhatsApp number (round r134)
        response += "_whatsapp" if profile().whatsapp else "_not_here"
    if kind == "safety" and not urgent:
        response += "_not_urgent"
    if kind == "phone" and urgent and not _OUR_NUMBER.search(
            tracker.latest_message.get("text") or ""):
        # "wie kan ik bellen dan?" about an open manhole at night; not "WAT IS HET
        # TELEFOONNUMMER VAN DE GEMEENTE" (round r190 of session 53: the police twice)
        response = "utter_report_question_urgent_number"
    if kind in ("faster", "stay", "police") and urgent:
        # "komt er vannacht nog iemand?", "moet ik er blijven staan?", "moet ik de politie
        # bellen?" about an open manhole or a fallen sign: safety first
        response += "_urgent"
    told = " ".join((tracker.get_slot("report_description") or "",
                     tracker.latest_message.get("text") or ""))
    water = _water_advice(told) if kind == "safety" and urgent else None
    if water:  # "wat moet ik doen als het water mijn huis in komt?" (round r211 of session 55:
        return water  # the gas and power text): what to do about the water, and who to call
    if kind in ("faster", "phone", "police", "urgent_number", "safety") and is_noise(told):
        # "what can I do?" about music playing now: not "keep people away from it" (r58)
        return "utter_report_question_noise_now"  # "KOMEN JULLIE VANNACHT NOG?" about noise
    if kind == "safety" and quick_kind_of(told) == DEAD_ANIMAL and _IN_THE_WATER.search(told):
        # "drijven dode vissen … is dat gevaarlijk? kan het blauwalg zijn?" (round r267 of
        # session 63: "wij halen het dode dier weg", three times): the water and the children
        return "utter_report_question_safety_water_animals"
    if kind in ("clean_up", "safety", "move_it") and quick_kind_of(told) == DEAD_ANIMAL:
        # "wie haalt die dode vos weg?", "moet ik 112 bellen?" about dead swans: we remove it,
        # do not touch it
        return "utter_report_question_clean_up_animal"
    elif kind == "clean_up" and _LEFT_BY_SOMEONE.search(told):
        response += "_dumped"  # bags or furniture: a name or address in it helps enforcement
    if kind == "filed" and not tracker.active_loop.get("name"):
        response += "_done"  # "is het nu gemeld?" right after it was sent
    if kind == "other_party" and _POWER_OR_GAS.search(told):
        # "moet ik de netbeheerder zelf bellen?" about a bare cable (round r228 of session 57:
        # the water company first)
        response += "_power"
    return response


# A cable, electricity or gas in the report: the grid operator is the other party.
_POWER_OR_GAS = re.compile(r"\b(?:kabel\w*|draad|draden|stroom\w*|elektri\w*|netbeheerder|"
                           r"liander|stedin|enexis|gas\w*|cable|wires?|power|electric\w*)\b",
                           re.IGNORECASE)


_MARKABLE = re.compile(r"\b(?:gat|gaten|kuil\w*|put|putdeksel\w*|deksel|rooster|tegel|tegels|"
                       r"stoeptegel\w*|verzakking|verzakt|hole|holes|pothole\w*|manhole|"
                       r"drain cover|tiles?)\b", re.IGNORECASE)
_POWER = re.compile(r"\b(?:\w*kabels?|\w*draad(?:je|jes)?|\w*draden|stroom\w*|elektri\w*|"
                    r"bedrading)\b",
                    re.IGNORECASE)


def meanwhile_advice(tracker: Tracker) -> Text:
    """What to do meanwhile, asked about a hazard ("moet ik er iets overheen leggen?"):
    marking it with a chair or a bag fits a hole or a loose tile, never a junction with its
    lights out (round r197 of session 53), a cable (r65 of session 40) or a tree's roots."""
    told = " ".join(split_problem_texts(tracker.get_slot("report_description"),
                                        tracker.get_slot("report_more_problems"))
                    + [tracker.latest_message.get("text") or ""])
    return ("utter_ack_hazard_meanwhile" if _MARKABLE.search(told) and not _POWER.search(told)
            else "utter_report_question_safety")


def ack(key: Text, **values: Any) -> Dict[Text, Any]:
    """An acknowledgement: a response key said at the start of the next question."""
    return {"key": key, "values": {k: str(v) for k, v in values.items()}}


def prompt(key: Text, **values: Any) -> Dict[Text, Any]:
    """A focused question that replaces the form's generic one, once."""
    return ack(key, **values)


# How the resident wants to be reached, for the colleague who handles the report (staff text).
NO_CALLS_LINE = "Contact: niet bellen (de melder kan niet bellen); alleen sms of e-mail."
CALL_TIME_LINE = "Contact: liefst bellen {call_time}."


def with_contact_wishes(description: Text, wishes: Optional[Dict[Text, Any]]) -> Text:
    """The description with the resident's wishes about being reached, when told."""
    lines = ([NO_CALLS_LINE] if (wishes or {}).get("no_calls") else []) + (
        [CALL_TIME_LINE.format(call_time=wishes["call_time"])]
        if (wishes or {}).get("call_time") else [])
    return "\n".join([description, *lines]) if lines else description


def with_ack(tracker: Tracker, *items: Dict[Text, Any]) -> Dict[Text, Any]:
    """The report_ack slot with these acknowledgements added to the ones still pending."""
    pending: List[Dict[Text, Any]] = list(tracker.get_slot("report_ack") or [])
    return {"report_ack": pending + [item for item in items if item]}


def place_slots(place: Place) -> Dict[Text, Any]:
    """Slots for a place that needs no more questions."""
    return {"report_location": place.label, "report_place": place.as_dict(),
            "report_latitude": place.latitude, "report_longitude": place.longitude,
            "report_location_tries": 0}


PENDING = "pending"
HOME_ADDRESS_QUESTION = "utter_report_ask_home_address"


_AT_THE_NUMBER = re.compile(r"\b(?:voor|bij|op|aan|precies|zelf|in front of|at)\b", re.IGNORECASE)


def with_number(street: Place, number: Place) -> Place:
    """The street (or postcode) with the number told apart ("nummer 17")."""
    kind = "address" if street.streets else "postcode"
    old = street.house_number
    text = f"{street.text} {number.text}".strip()
    if old and re.search(rf"\b{re.escape(old)}\b", street.text):  # "niet 14 maar 16"
        text = re.sub(rf"\b{re.escape(old)}\b", number.house_number or "", street.text, count=1)
    if street.streets and relation_to_number(number.text, number.house_number):
        text = f"{street.streets[0]}, {number.text}"  # "het is tegenover 22, niet aan 22 zelf"
    elif (street.streets and relation_to_number(street.text, old)
          and _AT_THE_NUMBER.search(number.text)):
        text = f"{street.streets[0]} {number.house_number}"  # "niet tegenover 34, VOOR 34"
    if street.streets and number.house_number_to:  # "nee, tussen 16 en 18"
        kind, text = "stretch", f"{street.streets[0]} {number.text}"
    elif street.streets and street.house_number_to:  # "4 t/m 22", then "nee, nummer 16"
        text = f"{street.streets[0]} {number.house_number}"
    data = {**street.as_dict(), "kind": kind, "house_number": number.house_number,
            "house_number_to": number.house_number_to, "text": text}
    return Place.from_dict(data)


UNKNOWN_STREET_QUESTION = "utter_report_street_unknown"


def is_unknown_street(place: Optional[Place]) -> bool:
    """A street the register does not know and has no near name for ("Eikenlaan")."""
    return bool(place and place.streets and place.kind in ("address", "street", "landmark")
                and not place.verified and not place.suggestion)


def unknown_street_slots(place: Place) -> Dict[Text, Any]:
    """Asked once: the back office refuses an address the register does not know."""
    return pending_slots(place, prompt(UNKNOWN_STREET_QUESTION, street=place.streets[0],
                                       place=profile().location.place))


def is_misspelt_street(place: Optional[Place]) -> bool:
    """A street name close to a register street, but not close enough to take ("Molewg")."""
    return bool(place and place.suggestion and not place.verified)


def street_suggestion_slots(place: Place) -> Dict[Text, Any]:
    """'Bedoelt u de Molenweg?', with the place as the resident wrote it pending."""
    return pending_slots(place, prompt("utter_report_street_suggestion",
                                       street=place.suggestion))


def told_place_slots(place: Optional[Place], text: Text = "") -> Dict[Text, Any]:
    """The slots for a place told before it was asked: complete, or with its one question
    (the house number, the street near a spot, a misspelt street); nothing for what is not
    a place yet. `text`: the message, which may speak of the whole street (no number)."""
    if place is None:
        return {}
    if is_misspelt_street(place):
        return street_suggestion_slots(place)
    if is_unknown_street(place):
        return unknown_street_slots(place)
    if place.kind in ("street", "postcode") and needs_number(place, text):
        return pending_slots(place, number_question(place))
    if names_only_the_home(place):  # "de lamp voor mijn huis": the address is asked
        return {"report_prompt": prompt(HOME_ADDRESS_QUESTION)}
    if is_spot_only(place):
        return pending_slots(place, street_near_question(place))
    if place.complete or place.kind == "street":
        return place_slots(place)
    return {}


def pending_slots(place: Place, question: Dict[Text, Any]) -> Dict[Text, Any]:
    """A place that needs one more answer (a number, 'Bedoelt u …?'), and that question."""
    return {"report_place": {**place.as_dict(), PENDING: True}, "report_prompt": question}


def pending_place(tracker: Tracker) -> Optional[Place]:
    """A street still waiting for a number, or a street name awaiting 'Bedoelt u …?'."""
    data = tracker.get_slot("report_place")
    return Place.from_dict(data) if data and data.get(PENDING) else None


# A square, a market or a park is a place of its own: no house number needed.
WHOLE_PLACES = ("plein", "markt", "park", "plantsoen", "brink")


def needs_number(place: Place, text: Text = "") -> bool:
    """A street without a number (not a square, nor the whole street as `text` tells it), or
    a postcode without one."""
    if place.house_number or place.kind not in ("street", "postcode"):
        return False
    if place.streets and names_the_whole_street(text):
        return False  # "de straat is al 3 dagen niet geveegd"
    return not (place.streets and place.streets[0].lower().endswith(WHOLE_PLACES))


def number_question(place: Place) -> Dict[Text, Any]:
    """'Bij welk huisnummer in de Kerkstraat?' (or with the postcode)."""
    if not place.streets and place.postcode:
        return prompt("utter_report_ask_house_number_postcode", postcode=place.postcode)
    return prompt("utter_report_ask_house_number", street=place.streets[0] if place.streets
                  else place.text)


def is_spot_only(place: Optional[Place]) -> bool:
    """"Achter het station", "bij de vijver in het park": a spot without a street or a pin,
    which the field crew finds sooner with the street."""
    return bool(place and place.kind == "description" and place.complete
                and not place.streets and place.latitude is None)


def street_near_question(place: Place) -> Dict[Text, Any]:
    """'In welke straat is dat?' once, for a spot without a street."""
    return prompt("utter_report_ask_street_near", place=place.label)


def pin_slots(pin: Dict[Text, Any]) -> Dict[Text, Any]:
    latitude, longitude = float(pin["latitude"]), float(pin["longitude"])
    label = pin.get("address") or f"gedeelde locatie ({latitude:.5f}, {longitude:.5f})"
    return {"report_location": str(label)[:300], "report_latitude": latitude,
            "report_longitude": longitude, "report_place": None}


def _channel_metadata(tracker: Tracker) -> Dict[Text, Any]:
    # Only the channels that can carry media are trusted with it: a web client could
    # forge any metadata.
    if channel_of(tracker) not in CHANNELS_WITH_MEDIA:
        return {}
    return tracker.latest_message.get("metadata") or {}


def shared_location(tracker: Tracker) -> Optional[Dict[Text, Any]]:
    location = _channel_metadata(tracker).get("location")
    if isinstance(location, dict) and "latitude" in location and "longitude" in location:
        return location
    return None


def shared_photo(tracker: Tracker) -> Optional[Text]:
    for media in _channel_metadata(tracker).get("media") or []:
        if str(media.get("content_type", "")).startswith("image/") and media.get("url"):
            return str(media["url"])
    return None


def shared_slots(tracker: Tracker) -> Dict[Text, Any]:
    """Slots from a photo or pin that came along with (or instead of) an answer."""
    slots: Dict[Text, Any] = {}
    pin, photo = shared_location(tracker), shared_photo(tracker)
    if pin:
        slots.update(pin_slots(pin))
    if photo:
        slots["report_photo"] = photo
    return slots


def answer_of(tracker: Tracker, reading: Reading) -> Optional[bool]:
    """Yes or no: a button first, then the whole typed sentence, then the intent."""
    text = tracker.latest_message.get("text") or ""
    intent = tracker.get_intent_of_latest_message()
    if text.startswith("/") or reading.answer is None:
        return {"affirm": True, "deny": False}.get(intent or "")
    return reading.answer


def asks_a_callback(tracker: Tracker) -> bool:
    """"Parkweg 3. Ik wil graag dat iemand mij belt op 0571…": a callback with its number."""
    return bool(reading_of(tracker).phone
                and wants_callback(tracker.latest_message.get("text") or ""))


def personal_data_ack(reading: Reading, tracker: Optional[Tracker] = None,
                      used: Tuple[Text, ...] = ()) -> Optional[Dict[Text, Any]]:
    """"Uw naam, BSN of telefoonnummer is niet nodig; ik heb het weggelaten", unless the only
    such data is a phone number given for a callback (passed on, not left out), or the
    contact (`used`) taken for news about the report."""
    kinds = set(reading.personal_data) - set(used)
    if tracker is not None and asks_a_callback(tracker):
        kinds.discard("phone")
    if kinds == {"name"}:
        return ack("utter_ack_personal_data_name")  # not "BSN" when only a name was told
    if kinds in ({"phone"}, {"name", "phone"}):  # kept for news if wanted (round r46)
        return ack(f"utter_ack_personal_data_{'_'.join(sorted(kinds))}")
    if kinds and kinds <= {"name", "bsn"}:
        return ack("utter_ack_personal_data_bsn")  # not "telefoonnummer" when it is used
    return ack("utter_ack_personal_data") if kinds else None


def reset_report_slots() -> List[EventType]:
    return [SlotSet(slot, None) for slot in REPORT_SLOTS] + [SlotSet("report_location_tries", 0)]


_TOPIC_WORD = re.compile(r"[^\W\d_]{3,}")
_NOT_TOPIC = frozenset("""
die dat deze het een ook nog wel niet maar daar hier bij van voor naast tegenover achter
aan op in is zijn staat ligt hangt zit was the this that and also geen melding meldingen
nummer huisnummer number
""".split())
_ORDINALS = ((0, re.compile(r"\b(?:eerste|1e|1ste|nummer 1|nr\.? ?1|first)\b|\(1\)", re.I)),
             (1, re.compile(r"\b(?:tweede|2e|2de|nummer 2|nr\.? ?2|second)\b|\(2\)", re.I)),
             (2, re.compile(r"\b(?:derde|3e|3de|nummer 3|nr\.? ?3|third)\b|\(3\)", re.I)))


_RULED_OUT = re.compile(r"\b(?:niet|not|geen)\s+(?:(?:op|in|bij|aan|on|at|in)\s+)?"
                        r"(?:(?:de|het|het|the)\s+)?[\w'-]+", re.IGNORECASE)


def problem_named(texts: List[Text], said: Text) -> Optional[int]:
    """Which of the problems (their `texts`, the first report first) a message names: by
    its place in the list ("dat 2e", "(2)") or by a word only that problem has ("die tak",
    "dat fietskrat"); None when it names none or several."""
    ordinal = [index for index, pattern in _ORDINALS
               if pattern.search(said) and index < len(texts)]
    if len(ordinal) == 1:
        return ordinal[0]
    words = [{word.lower() for word in _TOPIC_WORD.findall(text)} for text in texts]
    # "dat paaltje is niet op het marktplein maar …": the place ruled out names no problem
    # (round r159 of session 51: the manhole cover's report was moved instead)
    said = _RULED_OUT.sub(" ", said)
    heard = {word.lower() for word in _TOPIC_WORD.findall(said)} - _NOT_TOPIC
    named = [index for index, own in enumerate(words)
             if any(_has_word(own, word) and not any(
                 _has_word(other, word) for other in words[:index] + words[index + 1:])
                    for word in heard)]
    return named[0] if len(named) == 1 else None


def _has_word(words: set, word: Text) -> bool:
    """The word, or a compound with it as its head ("tegel" in "stoeptegel", round r68)."""
    return word in words or len(word) >= 4 and any(own.endswith(word) for own in words)


def answer_kept_beside(tracker: Tracker, reading: Reading,
                       by_the_way: Optional["re.Pattern[str]"] = None) -> List[EventType]:
    """The answer to the form's contact or updates question in a message that is about
    something else ("ja is goed, 06…. trouwens ik ruik gas", "0612345678. EN GEEF ME NU EEN
    MENS"): kept, so the report goes on with its next question (rounds 91 and 95). A bare
    yes or no counts only with the contact or with `by_the_way` in the text."""
    requested = tracker.get_slot("requested_slot")
    text = tracker.latest_message.get("text") or ""
    contact = preferred_contact(text, reading.email, reading.phone)
    if tracker.active_loop_name != "report_form":
        return []
    place = reading.location
    if requested == "report_location" and place is not None and place.complete:
        # "KERKWEG 27. EN IK WIL NU EEN MENS SPREKEN" (round 98): the place is kept
        return [SlotSet(slot, value) for slot, value in place_slots(place).items()]
    if requested == "report_contact" and contact:
        return [SlotSet("report_contact", contact)]
    answer = True if contact and reading.answer is None else reading.answer
    if requested != "report_updates" or answer is None or not (
            contact or by_the_way and by_the_way.search(text)):
        return []
    return [SlotSet("report_updates", answer)] + (
        [SlotSet("report_contact", contact)] if answer and contact else [])
