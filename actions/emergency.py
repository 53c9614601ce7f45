"""Danger to people: the emergency number first, then the offer to report it.

The dialogue policy (`bot.policies.ReadingPolicy`) runs this before anything else when
the message reader found urgent danger, also in the middle of a report.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import List, Optional, Sequence, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import utter
from actions.reading import previous_bot_action, reading_of, responses_said
from actions.report_slots import HIGH_PRIORITY, added_to, answer_kept_beside, is_description
from bot.reading.answers import asks_about_acting
from bot.reading.description import category_of, clean_description
from bot.reading.money import money_trouble
from bot.reading.questions import inside_the_home
from bot.reading.danger import (SOMEONE_HURT, a_new_danger, asks_why_112,
                                cannot_reach_0800, cannot_use_the_phone, help_called,
                                is_deaf, read_danger, says_cannot_call, says_found,
                                says_not_gas,
                                someone_may_be_inside, strong_gas, tells_a_sign_of_life)
from bot.reading.result import Reading
from bot.text import sentences, without_words


# Asked after the emergency answer when there is something for the municipality to fix.
OFFER_REPORT = "utter_emergency_offer_report"
# Dangers the grid operator handles, not the municipality: a report is only of what else is told.
NOT_OURS_DANGERS = ("gas", "power")
CALLED_112 = "utter_emergency_called"  # "ik heb 112 gebeld": the offer stands
CALLED_FIRST = "utter_emergency_called_first"  # called before writing: the offer follows
CALLED_NO_REPORT = "utter_emergency_called_no_report"
REPORT_HERE = "utter_emergency_report_here"  # "moet ik het ook bij jullie melden?"
# Danger to a person with nothing in public space to repair.
NO_REPORT_REASONS = ("suicide", "jump_risk", "violence", "home_violence", "threat", "crime",
                     "missing_person", "lost_person", "welfare", "hurt_at_home")
# Reasons with an answer of their own (another number beside 112, or what to do now).
OWN_ANSWER_REASONS = ("suicide", "jump_risk", "home_violence", "missing_person", "lost_person",
                      "child_alone", "welfare", "flooded_with_power", "co", "hurt_at_home")
# Reasons whose follow-up has its own words: a way to write instead of calling, or (someone
# who may jump) 112 rather than 113.
OWN_FOLLOWUP = ("suicide", "jump_risk", "home_violence", "welfare")
# Someone threatens the resident: not daring to call gets how to call anyway, quietly.
THREAT_REASONS = ("violence", "home_violence", "threat", "crime")
# What to do meanwhile, asked after the 112 answer: the advice for each danger reason.
MEANWHILE = {"fire": "fire", "gas": "gas", "water": "water", "child_alone": "water",
             "injured": "person", "unconscious": "person", "medical": "person",
             "jump_risk": "jump_risk", "co": "co"}
# Wires named beside a danger ("de draden hangen eruit"): stay away from them.
WIRES = re.compile(r"\b(?:draad|draden|draadjes|kabel\w*|stroomdraad\w*|wires?|cables?)\b",
                   re.IGNORECASE)
NOT_CALLED = re.compile(r"\b(?:nog )?niet (?:\w+ )?gebeld\b|\bnog niemand gebeld\b|"
                        r"\bhaven ?t called\b|\bnot called yet\b", re.IGNORECASE)
# After "112 is gebeld", a danger told again gets: stay on the line, not "bel nu 112".
CALLED_WHAT_TO_DO = "utter_emergency_called_what_to_do"
# Dangers whose "waarom 112?" has its own why (fire spreads, gas indoors can explode).
WHY_112_REASONS = ("fire", "gas")
OUTAGE_RESPONSES = ("utter_emergency_gas", "utter_emergency_gas_street",
                    "utter_emergency_gas_strong", "utter_emergency_power",
                    "utter_emergency_live_cable")
OUTAGE_FOLLOWUP = "utter_emergency_followup_outage"
OUTAGE_PERSON = "utter_emergency_outage_person"
NO_0800 = "utter_emergency_outage_no_0800"
GAS_WHICH = "utter_emergency_gas_which_number"
# After these the outage number stays the advice too.
OUTAGE_FOLLOWUPS = (OUTAGE_FOLLOWUP, "utter_emergency_meanwhile_gas_street",
                    "utter_emergency_meanwhile_gas_call", "utter_emergency_meanwhile_gas_outside",
                    NO_0800, GAS_WHICH)
# Both numbers named: the resident is confused which one to call.
_WHICH_NUMBER = re.compile(r"(?=.*\b0800\b)(?=.*\b112\b)", re.DOTALL)
NOT_GAS = "utter_emergency_not_gas"
# Despair over debts: beside 113, the free debt help and a colleague to talk to.
MONEY_HELP = "utter_answer_money_worries"


def forget_unanswered_question(tracker: Tracker) -> List[EventType]:
    """In a form, the message was no answer to its question: clear what it filled."""
    requested = tracker.get_slot("requested_slot")
    return [SlotSet(requested, None)] if tracker.active_loop_name and requested else []


class ActionEmergency(Action):
    """112 (or the gas and power outage number), then a report only if wanted."""

    def name(self) -> Text:
        return "action_emergency"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        reading = reading_of(tracker)
        again = answered_before(tracker)
        text = tracker.latest_message.get("text") or ""
        earlier = _earlier_reason(tracker) if again else None
        if (again and reading.urgent and a_new_danger(reading.danger_reason, earlier, text)
                and not asks_about_acting(text)):
            again, earlier = False, None  # "… en een vent met een mes": the new danger's answer
        meanwhile = _meanwhile(text, reading, earlier, _gas_in_the_street(tracker),
                               _vehicle_on_fire(tracker)) if again else None
        outage = _outage_followup(tracker, text) if (
            again and (not reading.urgent or reading.danger_reason == "asks_112")
            and not (asks_why_112(text) and earlier in WHY_112_REASONS)) else None
        own = _own_followup(tracker) if again and (
            not reading.urgent or reading.danger_reason in OWN_FOLLOWUP + ("asks_112",)) else None
        if meanwhile and help_called(text):
            own = None  # "de politie is gebeld, moet ik naar haar toe?": what to do now
        if again and _gas_answered(tracker) and someone_may_be_inside(text):
            own, meanwhile = None, OUTAGE_PERSON  # "de buurvrouw van 3 hoog doet niet open"
        if again and _asks_112_for_strong_gas(tracker, text) and not asks_why_112(text):
            own, meanwhile = None, GAS_CALL
        response = own or meanwhile or outage or _response(reading, again, text, earlier)
        if again and earlier in _MISSING_REASONS and says_found(text) and not reading.urgent:
            response = FOUND  # "gevonden!!": glad, and tell 112 he is found (round r88)
        if again and _in_doubt_about_someone_hurt(text, reading, earlier):
            response = DOUBT_HURT  # "ze is wel aanspreekbaar": 112 when in doubt, else the GP
        if again and earlier == "home_violence" and _WHERE_TO_GO.search(text):
            response = SAFE_PLACE  # "politie komt. waar kan ik heen vannacht?"
        if response == "utter_emergency_followup" and _called_before(tracker):
            response = CALLED_WHAT_TO_DO  # "hij gaat kopje onder" after "ik heb gebeld"
        if (not answered_before(tracker) and help_called(text)
                and (reading.urgent or reading.danger == "unsure" or reading.alarm)):
            # "ik heb net 112 gebeld want er lag een man op straat, moet ik nog iets doen bij
            # jullie?" (round r105 of session 45: "Bel nu 112")
            response = CALLED_FIRST if _offers_a_report(reading) else CALLED_NO_REPORT
        if again and _no_phone(text, response):
            response = NO_PHONE  # "ik ZEI ik kan NIET bellen" (round r83): not the same text
        not_gas = again and _gas_answered(tracker) and says_not_gas(text) and not strong_gas(text)
        if not_gas:
            response = NOT_GAS  # "nee geen 112!! het is riool stank denk ik"
        elif again and response in OUTAGE_RESPONSES + OUTAGE_FOLLOWUPS and (
                cannot_reach_0800(text)):
            response = NO_0800  # "i have a belgian sim card. 0800 does not work here"
        utter(dispatcher, response)
        if not again and is_deaf(text) and reading.urgent:
            utter(dispatcher, NO_PHONE)  # "… ze is 88. ik ben doof": the way without a phone
        if not again and reading.danger == "gas" and someone_may_be_inside(text):
            utter(dispatcher, OUTAGE_PERSON)  # "… mijn buurvrouw doet niet open"
        if not again and reading.danger_reason == "suicide" and money_trouble(text):
            utter(dispatcher, MONEY_HELP)  # "de schulden … ik zie het niet meer zitten"
        if tracker.active_loop_name:
            kept = answer_kept_beside(tracker, reading, _BY_THE_WAY)
            utter(dispatcher, "utter_emergency_report_goes_on" if kept
                  else "utter_emergency_report_continues")
            events = forget_unanswered_question(tracker) + kept + _into_the_report(tracker, reading)
            return events + [FollowupAction(tracker.active_loop_name)] if kept else events
        other = None if again or reading.danger_reason in NO_REPORT_REASONS else (
            _another_problem(reading))
        if other is not None and (not reading.category or reading.danger in NOT_OURS_DANGERS):
            # "ik ruik gas bij de speeltuin … ook staat daar een lantaarnpaal scheef" (round
            # r100: the lamp was never mentioned): that one is offered as the report
            utter(dispatcher, "utter_emergency_other_problem", problem=other.description)
            return [SlotSet("emergency_report", {"text": other.description,
                                                 "entities": other.to_entities(
                                                     other.description or "")}),
                    FollowupAction(OFFER_REPORT)]
        if not_gas:
            return _offer_report_of(tracker.latest_message)  # the sewer: a report
        if again or not _offers_a_report(reading):
            return []  # someone hurt or threatened, or no danger after all: no report offer
        return _offer_report_of(tracker.latest_message)


def _offer_report_of(message: dict) -> List[EventType]:
    """Offer to report what the message told, once everyone is safe."""
    return [SlotSet("emergency_report", {"text": message.get("text") or "",
                                         "entities": message.get("entities") or []}),
            FollowupAction(OFFER_REPORT)]


def _offers_a_report(reading: Reading) -> bool:
    """Something in public space to repair beside the danger: the report is offered."""
    return (bool(reading.category) and reading.danger_reason not in NO_REPORT_REASONS
            and (reading.urgent or reading.danger == "hazard"))


def _another_problem(reading: Reading) -> Optional[Reading]:
    """A problem for the municipality told beside the danger, as a reading of its own."""
    told = reading.problems or tuple({"text": part, "category": category_of(part)}
                                     for part in sentences(reading.description or ""))
    for problem in told:
        danger = read_danger(problem["text"])
        if problem.get("category") and (danger is None or danger.kind == "hazard"):
            # (a leaning lamp is a hazard of its own: its report goes first)
            return replace(reading, description=clean_description(problem["text"])
                           or problem["text"], category=problem["category"],
                           problems=(), danger=danger.kind if danger else None,
                           danger_reason=danger.reason if danger else None, alarm=False,
                           place=problem.get("place") or reading.place)
    return None


def _into_the_report(tracker: Tracker, reading: Reading) -> List[EventType]:
    """Danger told in the middle of a report ("nu komt er rook uit een van die vaten") makes
    it urgent, and the field crew reads what was told."""
    if (tracker.active_loop_name != "report_form" or reading.danger_reason == "asks_112"
            or not (reading.urgent or reading.danger == "hazard")):
        return []  # not "kunnen jullie dan niet gewoon de politie sturen?"
    if (reading.danger_reason in NO_REPORT_REASONS + ("medical", "gas")
            and _BY_THE_WAY.search(tracker.latest_message.get("text") or "")):
        return []  # "trouwens … rook ik gas bij de buren": another event, not the broken bin
    events: List[EventType] = [SlotSet("report_priority", HIGH_PRIORITY)]
    description = tracker.get_slot("report_description") or ""
    place = reading.location
    told = [_NEW_CLAUSE.sub("", sentence).rstrip(".!? ")
            for sentence in sentences(reading.description)
            if not sentence.rstrip().endswith("?")
            and _tells_more_than_a_place(sentence, place.streets if place else ())]
    told = [f"{sentence[:1].upper()}{sentence[1:]}" for sentence in told if sentence]
    if description and told and not any(s.lower() in description.lower() for s in told):
        events.append(SlotSet("report_description", added_to(description, ". ".join(told))))
    return events


def _tells_more_than_a_place(sentence: Text, streets: Sequence[Text]) -> bool:
    rest = without_words(sentence, streets)  # "Kerkstraat natuurlijk." tells only the place
    return is_description(rest) and len(re.findall(r"\w+", rest)) > 1


# Another matter told beside the report's answer.
_BY_THE_WAY = re.compile(r"\b(?:trouwens|overigens|btw|by the way|iets anders|nog iets|ook nog "
                         r"(?:iets|wat)|los daarvan|apart daarvan)\b", re.IGNORECASE)
_NEW_CLAUSE = re.compile(r"^(?:en|and|maar|but)\s+", re.IGNORECASE)


def _response(reading: Reading, again: bool, text: Text = "",
              earlier: Optional[Text] = None) -> Text:
    if again and earlier in THREAT_REASONS and says_cannot_call(text):
        return "utter_emergency_cannot_call"  # "hij hoort me": how to call 112 anyway
    if again and says_cannot_call(text):
        return "utter_emergency_cannot_call_other"  # "ik durf niet, kunnen jullie bellen?"
    if again and asks_why_112(text):
        return f"utter_emergency_why_112_{earlier}" if earlier in WHY_112_REASONS \
            else "utter_emergency_why_112"
    if again:
        return "utter_emergency_followup"
    if reading.danger_reason in OWN_ANSWER_REASONS:
        return f"utter_emergency_{reading.danger_reason}"
    if reading.danger == "emergency" and (reading.danger_reason == "live_cable"
                                          or WIRES.search(text)):
        return "utter_emergency_live_cable"  # 112, stay away, and the grid's number
    if reading.danger_reason == "asks_112" and reading.report_question == "police":
        return "utter_emergency_police"  # "kunnen jullie de politie sturen?": 0900-8844 too
    if reading.danger_reason == "asks_112":
        return "utter_emergency_asks_112"  # "moet ik 112 bellen?": yes when people are in danger
    if reading.danger == "gas" and gas_outdoors(text, reading):
        return GAS_STREET  # "sterke gaslucht in de Hoofdstraat": no "go outside"
    if reading.danger == "gas" and strong_gas(text) and _indoors(text):
        return GAS_STRONG  # "het stinkt heel erg naar gas in het trappenhuis": 112 now
    if reading.urgent:
        return f"utter_emergency_{reading.danger}"
    return "utter_emergency_unsure"  # alarm words, also beside a hazard


DOUBT_HURT = "utter_emergency_doubt_hurt"
NO_PHONE = "utter_emergency_no_phone"
FOUND = "utter_emergency_found"
_MISSING_REASONS = ("missing_person", "lost_person", "child_alone")
GAS_STRONG = "utter_emergency_gas_strong"
# Despair and violence at home have their own ways to write (113's chat, Veilig Thuis).
_OWN_WAYS_TO_WRITE = tuple(f"utter_emergency_followup_{reason}" for reason in
                           ("suicide", "jump_risk", "home_violence"))
# Not daring to call (a threat, fear) gets how to call anyway, unless the resident is deaf.
_HOW_TO_CALL_ANYWAY = ("utter_emergency_cannot_call", "utter_emergency_cannot_call_other")


def _no_phone(text: Text, response: Text) -> bool:
    """"ik ben doof", "ik kan NIET bellen" after a 112 answer: the way without a phone."""
    if response in _OWN_WAYS_TO_WRITE:
        return False
    if response in _HOW_TO_CALL_ANYWAY:
        return is_deaf(text)
    return cannot_use_the_phone(text)
GAS_CALL = "utter_emergency_meanwhile_gas_call"
SAFE_PLACE = "utter_emergency_home_violence_safe_place"
# After violence at home: where to go tonight, a shelter.
_WHERE_TO_GO = re.compile(
    r"\bwaar (?:kan|moet|kunnen|moeten) (?:ik|we|wij) (?:\w+ )?(?:heen|naartoe|slapen|blijven|"
    r"terecht)\b|\b(?:opvang|onderdak|slaapplek|veilige plek)\b"
    r"|\bwhere (?:can|do|should) (?:i|we) (?:go|sleep|stay)\b|\bshelter\b", re.IGNORECASE)


def _in_doubt_about_someone_hurt(text: Text, reading: Reading, earlier: Optional[Text]) -> bool:
    return earlier in SOMEONE_HURT and not help_called(text) and (
        tells_a_sign_of_life(text) or reading.danger_reason == "asks_112")


def _earlier_reason(tracker: Tracker) -> Optional[Text]:
    """The danger reason of the resident's latest earlier message that had one."""
    said = [e for e in tracker.events if e.get("event") == "user"][:-1]
    for event in reversed(said):
        entities = (event.get("parse_data") or {}).get("entities")
        reason = Reading.from_entities(entities).danger_reason if entities else None
        if reason and reason != "asks_112":
            return reason
    return None


def _meanwhile(text: Text, reading: Reading, earlier: Optional[Text],
               in_the_street: bool = False, vehicle_fire: bool = False) -> Optional[Text]:
    """"Moet ik de buurman waarschuwen?" after the fire answer, "moet ik naar hem toe?" about
    a child by the water: what to do meanwhile for that danger; after "112 is gebeld" without
    advice of its own: stay safe and follow the operator."""
    if not asks_about_acting(text):
        return None
    if WIRES.search(text):
        return "utter_emergency_meanwhile_cable"  # "moet ik die draden opzij leggen?": no
    reason = reading.danger_reason if reading.danger_reason in MEANWHILE else earlier
    advice = MEANWHILE.get(reason or "")
    if advice == "fire" and vehicle_fire and _TO_ONES_OWN.search(text):
        return "utter_emergency_meanwhile_fire_outside"  # "mag ik mijn auto wegrijden?": no
    if advice == "gas" and in_the_street:
        return "utter_emergency_meanwhile_gas_street"  # "moet ik zeggen dat ze niet roken?"
    if advice == "gas" and help_called(text):
        return "utter_emergency_meanwhile_gas_outside"  # "ik sta buiten en heb 112 gebeld"
    if advice == "gas" and NOT_CALLED.search(text):
        return "utter_emergency_meanwhile_gas_call"  # "buren waarschuwen? nog niet gebeld"
    if advice:
        return f"utter_emergency_meanwhile_{advice}"
    return CALLED_WHAT_TO_DO if help_called(text) else None


# Gas smelled in the street, not in a home: no "go outside", but keep fire away.
_IN_THE_STREET = re.compile(r"\b(?:op straat|in de straat|bushalte|bushokje|op de stoep|"
                            r"in het park|op het plein|langs de weg|op het fietspad|"
                            r"in the street|bus stop|buiten|outside|voorbijgangers|"
                            r"lopen (?:er )?(?:gewoon )?langs|passers?-?by)\b", re.IGNORECASE)
_INDOORS = re.compile(r"\b(?:binnen|in huis|thuis|indoors|inside|in (?:mijn|m'n|mn|ons|onze|"
                      r"de|het|een) (?:huis|woning|flat|keuken|kelder|meterkast|trappenhuis|"
                      r"portiek|appartement|gebouw|school|winkel|schuur|garage|badkamer|"
                      r"kamer|hal|gang|lift|galerij))\b", re.IGNORECASE)
GAS_STREET = "utter_emergency_gas_street"


def gas_outdoors(text: Text, reading: Optional[Reading] = None) -> bool:
    """Gas smelled outside: in the street, or at a spot or corner of a street ("in de
    Hoofdstraat tegenover de apotheek"), and no home or building named. A street alone
    ("het stinkt hier naar gas bij de Kerkstraat") may be a home: the indoor answer."""
    if _indoors(text):
        return False
    place = reading.location if reading else None
    spot = place is not None and bool(place.streets) and place.kind in ("landmark", "corner")
    return bool(_IN_THE_STREET.search(text) or spot)


def _indoors(text: Text) -> bool:
    return inside_the_home(text) or bool(_INDOORS.search(text))


# A car, a container or a bin on fire outdoors (round r88 of session 43: house-fire advice
# for "mag ik mijn auto wegrijden?").
_VEHICLE_OR_BIN = re.compile(r"\b(?:auto|auto's|autos|wagen|busje|bus|vrachtwagen|scooter|"
                             r"brommer|motor|container|kliko|vuilnisbak|prullenbak|afvalbak|"
                             r"car|van|bin|dumpster)\b", re.IGNORECASE)


# "mag ik mijn auto wegrijden?", "kan ik er dichterbij?": going to one's own things
_TO_ONES_OWN = re.compile(r"\b(?:wegrijden|weg rijden|weghalen|weg halen|verzetten|wegzetten|"
                          r"verplaatsen|ophalen|dichterbij|ernaartoe|er naartoe|erheen|move|"
                          r"drive (?:it )?away|get (?:my|our) car)\b", re.IGNORECASE)


def _vehicle_on_fire(tracker: Tracker) -> bool:
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    return any(_VEHICLE_OR_BIN.search(text) for text in said) and not any(
        _indoors(text) for text in said)


def _gas_in_the_street(tracker: Tracker) -> bool:
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    return any(_IN_THE_STREET.search(text) for text in said) and not any(
        _indoors(text) for text in said) or GAS_STREET in responses_said(tracker)


def _called_before(tracker: Tracker) -> bool:
    """The resident said earlier in this conversation that 112 or help was called."""
    said = [e for e in tracker.events if e.get("event") == "user"][:-1]
    return any(help_called(event.get("text") or "") for event in said)


def _own_followup(tracker: Tracker) -> Optional[Text]:
    """After the answer to despair or violence at home, a question ("kan ik ergens chatten?",
    "I can't call, he will hear me") gets the way to write instead of 112 alone."""
    said = _last_emergency_answer(tracker)
    for reason in OWN_FOLLOWUP:
        if said in (f"utter_emergency_{reason}", f"utter_emergency_followup_{reason}"):
            return f"utter_emergency_followup_{reason}"
    return None


def _outage_followup(tracker: Tracker, text: Text) -> Optional[Text]:
    """After the gas or power answer the outage number stays the advice, not 112 alone
    ("welk nummer moet ik dan bellen?"), said short rather than the whole text again; someone
    who may be inside and not coming out ("de buurvrouw doet niet open") is 112 now."""
    said = _last_emergency_answer(tracker, skip=(OFFER_REPORT,))
    if said not in OUTAGE_RESPONSES + OUTAGE_FOLLOWUPS:
        return None
    gas = _gas_answered(tracker)
    if gas and _WHICH_NUMBER.search(text):
        return GAS_WHICH  # "net zei je nog 0800-9009 en nu weer 112?" (round r123)
    if gas and someone_may_be_inside(text):
        return OUTAGE_PERSON
    if gas and _gas_in_the_street(tracker):
        return "utter_emergency_meanwhile_gas_street"  # "ik sta gewoon buiten": no 112 flip
    if gas and _told_strong_gas(tracker) and not help_called(text):
        return "utter_emergency_meanwhile_gas_call"  # "het is echt sterk": 112, from outside
    return OUTAGE_FOLLOWUP


def _asks_112_for_strong_gas(tracker: Tracker, text: Text) -> bool:
    """"Moet ik nou 112 bellen of niet? het is echt best sterk" after the gas answer: yes."""
    return (_gas_answered(tracker) and "112" in text and not help_called(text)
            and _told_strong_gas(tracker))


def _told_strong_gas(tracker: Tracker) -> bool:
    """The resident said somewhere in the conversation that the gas smell is strong."""
    return any(strong_gas(e.get("text") or "") for e in tracker.events
               if e.get("event") == "user")


_GAS_ANSWERS = ("utter_emergency_gas", "utter_emergency_meanwhile_gas")  # every gas answer


def _gas_answered(tracker: Tracker) -> bool:
    """The gas answer (not power or a cable) was given in this conversation."""
    return any(str((e.get("metadata") or {}).get("utter_action")).startswith(_GAS_ANSWERS)
               for e in tracker.events if e.get("event") == "bot")


def _last_emergency_answer(tracker: Tracker, skip: tuple = ()) -> Text:
    """The bot's most recent emergency response (`utter_emergency_…`) not in `skip`, or ""."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            response = str((event.get("metadata") or {}).get("utter_action"))
            if response.startswith("utter_emergency_") and response not in skip:
                return response
    return ""


def answered_before(tracker: Tracker) -> bool:
    """Whether the bot's last action before this message was the 112 answer or its offer."""
    return previous_bot_action(tracker) in ("action_emergency", OFFER_REPORT, CALLED_112,
                                            REPORT_HERE)


# Advice that fits what the resident already said: "hij ligt over de hele weg" (not "does it
# lie on the road?"), "de putdeksel ligt los en rammelt" (no talk of a hole).
ADVICE_VARIANTS = (
    # "er hangt een tak half los boven het fietspad": not lying on the road (yet)
    ("_hanging", re.compile(r"\b(?:hangt|hangen|hangende|bungelt|bungelen|dreigt (?:\w+ )?(?:te )?"
                            r"(?:vallen|breken|af te breken)|half (?:los|afgebroken|afgescheurd)|"
                            r"hanging|dangling|about to fall)\b", re.IGNORECASE)),
    ("_on_road", re.compile(r"\b(?:over|op|midden op) de (?:hele |halve )?(?:weg|rijbaan|"
                            r"rijweg)\b|\b(?:blokkeert|verspert|versperd|geblokkeerd)\b"
                            r"|\b(?:across|blocking) the (?:whole )?road\b", re.IGNORECASE)),
    ("_loose", re.compile(r"^(?!.*\b(?:eraf|er af|weg|open|ontbreekt|mist|kwijt|naast het gat|"
                          r"missing|off)\b).*\b(?:los|rammelt|rammelen|klappert|klapperen|"
                          r"wiebelt|wiebelen|scheef|loose|rattles)\b", re.IGNORECASE)),
    # water in a cellar or a house, not only on the road: the on-call service
    ("_home", re.compile(r"\b(?:kelder\w*|huis|huizen|woning\w*|souterrain|keuken|gang|hal|"
                         r"woonkamer|garage|binnen|basement|cellar|house|home|kitchen)\b",
                         re.IGNORECASE)),
)


def hazard_acks(reading: Reading, domain: DomainDict) -> List[Text]:
    """The priority acknowledgement of a hazard, and what the resident can safely do now
    ("raak de draden niet aan") when the danger's reason has advice."""
    responses = domain.get("responses", {})
    advice = f"utter_hazard_advice_{reading.danger_reason}"
    advice += next((suffix for suffix, told in ADVICE_VARIANTS
                    if f"{advice}{suffix}" in responses
                    and told.search(reading.description or "")), "")
    return ["utter_ack_hazard"] + ([advice] if advice in responses else [])
