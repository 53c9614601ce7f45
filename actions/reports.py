"""The report (melding): start it from what the first message said, stop, correct, file.

What, where and consent for updates; a photo is offered only on channels that can send
one, and contact details are asked only when the channel has no address of its own.
Channel adapters pass a shared location as metadata {"location": {"latitude",
"longitude", "address"}} and photos as {"media": [{"url", "content_type"}]}. A photo or
pin without words arrives as /share_photo or /share_location. The form itself is in
`actions/report_form.py`.
"""
from __future__ import annotations

import asyncio
import dataclasses
from concurrent.futures import ThreadPoolExecutor
import logging
import re
from dataclasses import replace
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import utter
from actions.contact import pass_on_callback
from actions.emergency import answered_before, hazard_acks
from actions.knowledge import previous_article
from actions.topics import answer_beside
from actions.reading import (channel_of, previous_bot_action, ran_this_turn, reading_of,
                             responses_said)
from actions.report_slots import (CHANNELS_WITH_ADDRESS, GENERIC_CATEGORY, REPORT_INTENTS,
                                  REPORT_SLOTS, is_misspelt_street, is_unknown_street,
                                  cleared_for,
                                  HIGH_PRIORITY, NO_PHOTO, REPORT_CATEGORIES, ack, description_of,
                                  is_description, needs_number, personal_data_ack,
                                  report_question_response, with_contact_wishes,
                                  reset_report_slots, shared_slots, told_place_slots,
                                  with_number, NO_UPDATES, WANTS_UPDATES)
from actions.report_answers import KTO_QUESTION, REACTION_QUESTION, asked
from actions.status import (STATUS_EXCHANGE_MESSAGES, handling_days, handling_time_for,
                             normalise_case_number)
from bot.integrations.pdok import resolve, resolve_pin
from bot.profile import profile
from bot.reading.answers import leaves_the_chat, preferred_contact
from bot.reading.callback import wants_callback, without_the_callback
from bot.reading.danger import blocks_the_way, read_danger
from bot.reading.description import (category_of, clean_description, names_only_a_place,
                                     new_problem_after_never_mind, says_damage, says_dumped,
                                     further_on, says_not_collected)
from bot.reading.questions import (asks_a_topic_of_its_own, is_question, product_asked,
                                   question_beside_an_answer, questions_beside_a_report,
                                   tells_something_wrong, what_it_tells)
from bot.reading.quick_kinds import OFFENSIVE_GRAFFITI, quick_kind_of
from bot.reading.report_questions import (asks_about_an_earlier_report,
                                          asks_to_have_it_reported, read_report_question,
                                          says_it_is_solved,
                                          says_reported_before, tells_own_damage,
                                          told_beside_the_solved,
                                          wants_to_complain)
from bot.reading.message import read_message
from bot.reading.result import Reading
from bot.text import sentences, without_words
from bot.reading.places import Place, at_home
from bot.reports.db import ensure_schema
from bot.reports.answers import REACTION, question_for
from bot.reports.outbox import deliver_due
from bot.reports.service import NewReport, file_report

logger = logging.getLogger(__name__)
# Questions in the first message answered before the report's own question.
OPENING_QUESTIONS = ("phone", "photo", "cost", "anonymous", "damage", "stay", "clean_up",
                     "duration", "time_of_day", "faster", "enforcement", "safety", "other_party",
                     "urgent_number", "witness", "police_report", "reported_already",
                     "bin_inside", "report_again", "ours", "move_it")
# Opening questions whose answer names the handling time ("wordt hij morgen alsnog geleegd?").
_TIMED_QUESTIONS = ("duration", "time_of_day", "faster", "bin_inside", "report_again")


CLARIFYING_QUESTION = "utter_ask_affirmation"  # "Bedoelt u: …?" when the model was unsure
# Bot messages a reply may turn into a report of the message before them.
REPLIED_TO = (CLARIFYING_QUESTION, "utter_kb_answer", "utter_kb_answer_sensitive",
              "utter_question_or_report")


def _before_the_clarifying_question(tracker: Tracker) -> Optional[Dict[Text, Any]]:
    """The message "Bedoelt u: …?" or a knowledge answer replied to, when the latest answers
    it and the earlier one names the problem ("een zetel gedumpt achter het station" →
    "Bedoelt u grofvuil?" → "neenee, iemand heeft het gedumpt, ik wil het melden"; "ze
    kappen de bomen, mag dat?" → the answer → "ik wil het melden")."""
    users, asked = 0, None
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users == 2 and asked:
                parse = event.get("parse_data") or {}
                first = Reading.from_entities(parse.get("entities"))
                problem = first.category or asked == CLARIFYING_QUESTION  # not "hoe vraag ik …"
                return ({"text": event.get("text") or "", "entities": parse.get("entities")}
                        if problem and is_description(first.description) else None)
            if users >= 2:
                return None
        elif event.get("event") == "bot" and users == 1 and not asked:
            response = (event.get("metadata") or {}).get("utter_action")
            asked = response if response in REPLIED_TO else None
    return None


# How many earlier messages may hold the problem a bare "ik wil het melden" is about.
EARLIER_TOLD = 3
STATUS_ACTION = "action_report_status"


def _told_in_the_status_question(tracker: Tracker) -> Optional[Tuple[Reading, Text]]:
    """"Opnieuw melden" after "Ik vind geen melding": the problem and place the resident
    already told while asking about the old report ("de lamp voor mijn deur is nog steeds
    kapot" … "het was Schoolstraat 9"), not the words "opnieuw melden"."""
    latest = reading_of(tracker)
    if previous_bot_action(tracker) != STATUS_ACTION or (
            latest.category and is_description(latest.description)
            and not tracker.latest_message.get("text", "").startswith("/")):
        return None
    said = [e for e in tracker.events if e.get("event") == "user"][-STATUS_EXCHANGE_MESSAGES - 1:-1]
    readings = [(Reading.from_entities((e.get("parse_data") or {}).get("entities")),
                 e.get("text") or "") for e in reversed(said)]
    # the latest problem told: "… container gemeld, nummer M-…" and then "ik had ook een
    # lantaarnpaal gemeld, nummer weet ik niet": the lamp is what "Opnieuw melden" is about
    # (round r110: the container's words were filed as the lamp's report)
    told = next(((r, t) for r, t in readings if r.category and is_description(r.description)),
                None)
    if told is None:
        return None
    first, text = told
    place = latest.location or next((r.location for r, _ in readings if r.location), None)
    return replace(first, problems=(), place=place.as_dict() if place else first.place), (
        first.description or text)


# Words of a bare request to report what was told before ("ja ik wil die wateroverlast
# melden!!", "nee dank u, misschien later. maar die container dan").
_REQUEST_WORDS = frozenset("""
ja nee neen ok oke oké ik wil wilde wou die de het dat deze dit melden doorgeven maar dan graag
dank u je wel misschien later toch ook nog even mag kan is er iets aan gedaan worden doen en
dus nou zou willen please want report it that yes no thanks geen klacht klagen
""".split())
_WORD_OF = re.compile(r"[^\W\d_]+")
# A clause of the earlier message: "…, putten lopen over. …"
_CLAUSE_OF = re.compile(r"(?<=[.!?;])\s+|,\s+")


def _is_a_bare_request(text: Text) -> bool:
    """"Ik wil het melden!", or the report button pressed (not the form's own buttons)."""
    if text.startswith("/"):
        return text.startswith("/report_")
    words = [word for word in _WORD_OF.findall(text.lower()) if word not in _REQUEST_WORDS]
    return len(words) <= 1


def _told_before_the_request(tracker: Tracker) -> Optional[Tuple[Reading, Text]]:
    """"Ik wil die wateroverlast melden!" after telling it: the problem as told in the
    resident's earlier message (its clauses that name a problem, not "ik zie nooit iemand"),
    not the request itself."""
    latest, text = reading_of(tracker), tracker.latest_message.get("text") or ""
    if ran_this_turn(tracker, SOLVED_ACTION):
        return _beside_the_solved(latest, text)
    asks_it = asks_to_have_it_reported(text) and not (latest.location and latest.location.streets)
    if not (_is_a_bare_request(text) or asks_it):  # "is het nou gemeld of niet?" asks it too
        return None
    since_filed: List[Dict[Text, Any]] = []
    for event in tracker.events:  # a problem already filed is not told again
        if event.get("event") == "action" and event.get("name") == "action_submit_report":
            since_filed = []
        elif event.get("event") == "user":
            since_filed.append(event)
    for event in reversed(since_filed[-EARLIER_TOLD - 1:-1]):
        earlier = Reading.from_entities((event.get("parse_data") or {}).get("entities"))
        told = earlier.description or event.get("text") or ""
        if text.startswith("/"):  # the button: after a problem told, not after a question
            if not tells_something_wrong(told):  # ("wanneer wordt het gft opgehaald?")
                continue
        elif not earlier.category or latest.category not in (None, earlier.category):
            continue
        clauses = [c for c in _CLAUSE_OF.split(told) if category_of(c)] or [told]
        description = ", ".join(c.strip(" .,;") for c in clauses)
        place = latest.location or earlier.location
        if place and place.kind == "number" and earlier.location and earlier.location.streets:
            place = with_number(earlier.location, place)  # "is die bij nummer 12 nu gemeld?"
        return replace(earlier, description=description, problems=(),
                       place=place.as_dict() if place else None), description
    return None


FORM_ACTIONS = ("report_form", "action_submit_report")


# "o en de papierbak ernaast ook trouwens" just after filing: the place of that report.
_AT_THE_SAME_PLACE = re.compile(r"\b(?:ernaast|daarnaast|er naast|daar naast|daar ook|ook daar|"
                                r"hier ook|ook hier|(?:op )?dezelfde (?:plek|plaats)|"
                                r"next to it|there too|same place)\b", re.IGNORECASE)
SAME_PLACE_MESSAGES = 3  # how many messages after filing "ernaast" still means that place


def _place_of_the_report_filed(tracker: Tracker) -> Optional[Dict[Text, Any]]:
    """The place of the report filed a few messages ago, if any."""
    users, filed = 0, False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > SAME_PLACE_MESSAGES:
                return None
        elif event.get("event") == "action" and event.get("name") == "action_submit_report":
            filed = True
        elif filed and event.get("event") == "slot" and event.get("name") == "report_place":
            if event.get("value"):
                return event["value"]
    return None


def _with_place_told_before(tracker: Tracker, latest: Reading) -> Reading:
    """"Het gaat om die afgebroken tak, kunt u iemand sturen?" after a letter about that
    branch at "Lindelaan 5" that the bot took for a question: the place of that letter,
    when the latest message names none and no report was made of it. "De papierbak ernaast
    ook" just after filing: the place of the report filed."""
    if latest.location is None and _AT_THE_SAME_PLACE.search(
            tracker.latest_message.get("text") or ""):
        place = _place_of_the_report_filed(tracker)
        if place:
            return replace(latest, place=place)
    if latest.location is not None and latest.location.kind != "number":
        return latest
    # after a status question the street may have come a few messages back ("lantaarn in de
    # Vondelstraat gemeld" … "lamp voor nummer 9", round 97)
    reach = STATUS_EXCHANGE_MESSAGES if previous_bot_action(tracker) == STATUS_ACTION else 2
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") in FORM_ACTIONS and users:
            return latest  # the place before was a report's already
        if event.get("event") != "user":
            continue
        users += 1
        if users < 2:
            continue
        earlier = Reading.from_entities((event.get("parse_data") or {}).get("entities"))
        same = earlier.category and latest.category in (None, earlier.category)
        if same and earlier.location is not None and earlier.location.streets:
            place = earlier.location if latest.location is None else with_number(
                earlier.location, latest.location)  # "lamp voor nummer 9"
            return replace(latest, place=place.as_dict())
        if users >= reach:
            return latest
    return latest


def _source(tracker: Tracker) -> Tuple[Reading, Text]:
    """The message the report starts from: the latest, or the emergency message it follows
    together with what the answer to the report offer adds ("ja, ze struikelde over een
    tegel"), or the message a clarifying question asked about."""
    latest, text = reading_of(tracker), tracker.latest_message.get("text") or ""
    instead = new_problem_after_never_mind(text, tracker.get_slot("report_category")) \
        if tracker.get_slot("report_description") else None
    if instead:  # "laat maar, hij is toch geleegd. maar …": the new problem only
        return read_message(instead), instead
    # the message the report offer was made for comes first ("Ja, melden" after the cable)
    stored = tracker.get_slot("emergency_report") if answered_before(tracker) else None
    again = None if stored else (_told_in_the_status_question(tracker)
                                 or _told_before_the_request(tracker))
    if again:
        return again
    if not stored and not (latest.category and latest.location is not None
                           and is_description(latest.description)):
        # not when the reply tells a problem and its place of its own ("nee wacht, ik zie m
        # liggen. maar hij doet het niet bij de container op het marktplein", round 98)
        stored = _before_the_clarifying_question(tracker)
    if not stored:
        return _with_place_told_before(tracker, latest), text
    first = Reading.from_entities(stored.get("entities"))
    told = (first.description or stored.get("text") or "").rstrip(" .!?")
    remark = latest.addition if latest.answer else latest.description
    remark = re.sub(r"^(?:(?:nee|neen|ja|jawel|melden|graag|maar|wel)+\W+)+", "", remark or "",
                    flags=re.IGNORECASE)
    if remark and is_description(remark) and latest.answer is not False:
        told = f"{told}. {remark[0].upper()}{remark[1:]}"
    place = latest.location
    if place and place.kind == "number" and first.location and first.location.streets:
        place = with_number(first.location, place)  # "ja melden, bij nummer 17"
    merged = replace(first, description=told, problems=(),
                     place=place.as_dict() if place else first.place,
                     category=latest.category or first.category)
    return merged, told


SOLVED_ACTION = "action_report_solved"


def _beside_the_solved(reading: Reading, text: Text) -> Tuple[Reading, Text]:
    """"De boom is weggehaald, maar er zit nu een gat": the report is of the new problem
    only; the one that is over is no part of it, nor is its danger."""
    told = told_beside_the_solved(text)
    kept = [problem for problem in reading.problems if not says_it_is_solved(problem["text"])]
    danger = read_danger(told)
    first = kept[0] if kept else {}
    return replace(reading, description=clean_description(told) or None,
                   category=first.get("category") or category_of(told) or reading.category,
                   problems=tuple(kept) if len(kept) > 1 else (),
                   place=first.get("place") or reading.place,
                   danger=danger.kind if danger else None,
                   danger_reason=danger.reason if danger else None), told


# A report after the 112 answer ("de kabel geeft vonken") or of a hazard goes first.
DANGEROUS = ("hazard", "emergency")
# Categories whose acknowledgement says something is broken ("… kapot is"): said only when
# the resident says so (not for a sofa left on the pavement).
SAYS_BROKEN = ("report_pavement_road",)
SURE_INTENT = 0.95  # above this the model's report kind stands against the words
BULKY_CATEGORY = "bulky_waste_pickup"
# Word categories that fit a report's category: "betaald maar ze zijn niet gekomen" reads as
# waste, and a missed bulky-waste pickup is waste.
_WORDS_THAT_FIT = {BULKY_CATEGORY: ("report_waste_collection",)}


def _category(tracker: Tracker, reading: Reading) -> Text:
    intent = tracker.latest_message.get("intent") or {}
    category = REPORT_CATEGORIES.get(intent.get("name") or "")
    first = reading.problems[0].get("category") if len(reading.problems) > 1 else None
    words = first or reading.category  # two problems: the first one's own words
    if category in REPORT_INTENTS and reading.noise_now:
        return GENERIC_CATEGORY  # "brommers racen bij de speeltuin": no broken road (round r49)
    if words and questions_beside_a_report(tracker.latest_message.get("text") or ""):
        return words  # "… nog een vraagske: kast laten ophalen?": the intent is the question's
    if category == BULKY_CATEGORY and says_dumped(tracker.latest_message.get("text") or ""):
        return words or GENERIC_CATEGORY  # someone else's sofa dumped: no missed pickup
    if category in (None, GENERIC_CATEGORY) and words:
        return words  # a button or a vague intent: the words decide
    if (words and words != category and category in REPORT_INTENTS
            and (intent.get("confidence") or 0) < SURE_INTENT):
        return words  # "de schommel is kapot" taken for the road: the words know better
    return category or GENERIC_CATEGORY


def _plain_ack(category: Text, reading: Reading, reported_before: bool = False) -> Text:
    """The acknowledgement of a report without danger or harm to a person."""
    if reported_before:  # "ik heb nu al 3x gemeld … er gebeurt NIKS": that, not the kind
        return "utter_ack_reported_before"
    if reading.repeated:
        return "utter_ack_again"
    if reading.harm:
        return "utter_ack_harm"
    if reading.long_standing:
        return "utter_ack_long_standing"
    if quick_kind_of(reading.description or "") == OFFENSIVE_GRAFFITI:
        return "utter_ack_offensive_graffiti"  # a swastika: not "dank u" (round 87)
    if category == BULKY_CATEGORY and reading.category and not says_not_collected(
            reading.description or ""):
        return f"utter_ack_{reading.category}"  # a sofa left at the glass bank: not "not collected"
    if reading.category in (None, category, *_WORDS_THAT_FIT.get(category, ())) and (
            category not in SAYS_BROKEN or says_damage(reading.description or "")):
        return f"utter_ack_{category}"
    return f"utter_ack_{GENERIC_CATEGORY}"  # the words and the intent disagree: no guess


def _opening_acks(category: Text, reading: Reading, place: Optional[Place],
                  more: List[Dict[Text, Text]], domain: DomainDict, contact_used: bool = False,
                  reported_before: bool = False) -> List[Dict[Text, Any]]:
    acks = [ack("utter_ack_danger_check")] if reading.danger == "unsure" else []
    if reading.language not in (None, "nl", "en"):  # "chciałbym zgłosić … na Rozenlaan 5"
        acks.insert(0, ack("utter_ack_other_language"))
    if reading.injured:  # a pointer to the GP: the report itself heals nobody
        acks.append(ack("utter_ack_injured"))
    if reading.danger in DANGEROUS:  # the priority, also after "ze is gestruikeld"
        acks += [ack(key) for key in hazard_acks(reading, domain)]
    elif not reading.injured:
        acks.append(ack(_plain_ack(category, reading, reported_before)))
    if reading.noise_now and not reading.report_question:  # else its answer says it
        acks.append(ack("utter_ack_noise_now"))
    elif reading.blocked_in:  # "auto van buurman staat voor mijn uitrit": the police now
        acks.append(ack("utter_ack_blocked_in"))
    if more:
        acks.append(ack("utter_ack_two_problems", count=len(more) + 1))
    if place and (place.complete or place.kind == "street" and not needs_number(
            place, reading.description or "")) and (
            not is_unknown_street(place) and not is_misspelt_street(place)):
        acks.append(ack("utter_ack_place", place=place.label))
    told = personal_data_ack(reading, used=("email", "phone") if contact_used else ())
    return acks + ([told] if told else [])


def _price_of_the_product_answered(tracker: Tracker) -> Optional[Dict[Text, Any]]:
    """"En hoeveel moet ik dan betalen per jaar? … hondenpoep op de stoep" right after the
    dog-tax answer: the tax's price, not that a report is free (round r66 of session 40)."""
    asked = [part for part in sentences(tracker.latest_message.get("text") or "")
             if read_report_question(part) == "cost"]
    if not asked or any(_NAMES_THE_REPORT.search(part) for part in asked):
        return None
    try:
        article = previous_article(tracker)
    except Exception:  # the knowledge base is down: the report's own answer
        logger.exception("Knowledge base lookup failed")
        return None
    english = tracker.get_slot("language") == "en"
    price = article and (article.cost_en if english else article.cost)
    return ack("utter_kb_detail", detail=price, link=article.link) if price else None


_NAMES_THE_REPORT = re.compile(r"\b(?:meld\w*|gemeld|report\w*|opruim\w*|weghal\w*|"
                               r"weg\s+te\s+halen|ophal\w*|op\s+te\s+halen)\b", re.IGNORECASE)


def _opening_question(tracker: Tracker, reading: Reading, slots: Dict[Text, Any],
                      domain: DomainDict) -> Optional[Dict[Text, Any]]:
    """"Kliko niet geleegd, kan ik niet gewoon iemand bellen?": that answer comes first."""
    kind = reading.report_question
    if kind not in OPENING_QUESTIONS:
        return None
    if kind == "cost":
        price = _price_of_the_product_answered(tracker)
        if price:
            return price
    urgent = slots.get("report_priority") == HIGH_PRIORITY
    response = report_question_response(tracker, kind, urgent)
    if kind not in _TIMED_QUESTIONS:
        return ack(response)
    return ack(response, handling_time=handling_time_for(
        slots.get("report_category"), urgent, domain, tracker, slots.get("report_description")))


def _without(text: Text, part: Text) -> Text:
    return re.sub(re.escape(part), " ", text, flags=re.IGNORECASE) if part else text


def _without_place(text: Text, place: Place) -> Text:
    """The words besides the place: its streets, number and spot, not all that lies between
    them ("op het marktplein zit een muur vol graffiti bij de bakker" keeps the graffiti)."""
    text = without_words(text, (*place.streets, place.landmark, place.house_number,
                                place.postcode))
    return text if place.streets or place.landmark else _without(text, place.text)


# "Ik wil een officiële klacht indienen" beside a problem: both are heard.
# The bot offered a colleague ("laat hier uw bericht achter") just before the report began.
_HANDOVER_ACTIONS = ("action_contact_human", "action_take_message")


def _at_the_home_told(reading: Reading, text: Text, problem: Dict[Text, Any]
                      ) -> Dict[Text, Any]:
    """A problem "in onze straat" in a message that says where the resident lives: at that
    address, not at a spot without a street."""
    own = Place.from_dict(problem["place"]) if problem.get("place") else None
    if own is not None and at_home(own, text, reading.location):
        return {key: value for key, value in problem.items() if key != "place"}
    return problem


def _first_place(reading: Reading, problems: List[Dict[Text, Any]]) -> Optional[Place]:
    """The place of the first problem: the message's, unless that belongs to a later
    problem and the first names its own ("de lamp op het Marktplein is kapot en de tegel
    voor Kerkstraat 5 ligt los")."""
    place = reading.location
    own = problems[0].get("place") if problems else None
    first = problems[0]["text"].lower() if problems else ""
    if place and own and (place.text.lower() not in first or (
            place.landmark and place.landmark.lower() not in first)):
        return Place.from_dict(own)  # "… voor kerkstraat 5 … en … bij de school": not both
    return place


def _without_questions(told: Text) -> Text:
    """The questions go, not what they tell: "Er drijven 3 dode zwanen in de vijver, is dat
    vogelgriep??" stays, "Mag dat eigenlijk zomaar?" goes (round r67 of session 40: only
    "moeten we 112 bellen" was kept, and a split problem kept the question)."""
    statements = " ".join(part for part in sentences(told)
                          if category_of(part) or not (part.rstrip().endswith("?")
                                                       or read_report_question(part)))
    return statements if is_description(statements) else told


def start_slots(tracker: Tracker, reading: Reading, text: Text,
                domain: DomainDict) -> Dict[Text, Any]:
    """Everything the first message already told: what, where, how urgent."""
    category = _category(tracker, reading)
    slots: Dict[Text, Any] = {"report_category": category}
    problems = [_at_the_home_told(reading, text, {**problem,
                                                  "text": clean_description(problem["text"])})
                for problem in reading.problems]
    description = (description_of(Reading(description=problems[0]["text"]), text) if problems
                   else description_of(reading, text))
    if text.startswith("/"):  # a button: nothing said yet
        return slots
    place = _first_place(reading, problems)
    if description and place and not is_description(_without_place(description, place)):
        description = None  # only the place: what is wrong is still to be asked
    if description and names_only_a_place(description):
        description = None  # "stoep": what is wrong with it is asked first
    if description and reading.report_question in OPENING_QUESTIONS:
        description = _without_questions(description)
    if description:
        slots["report_description"] = description
        slots["report_more_problems"] = [{**problem, "text": _without_questions(problem["text"])}
                                         for problem in problems[1:]] or None
    slots.update(told_place_slots(place, text))
    if slots.get("report_more_problems") and slots.get("report_place"):
        slots["report_more_problems"] = _further_on(slots["report_more_problems"],
                                                    slots["report_place"])
    if reading.danger in DANGEROUS or reading.urgent or reading.injured:  # someone got hurt
        slots["report_priority"] = HIGH_PRIORITY
    if says_reported_before(text):
        slots["report_repeated"] = True
    slots.update(_updates_asked_for(tracker, reading, text))
    if description or "report_location" in slots:
        acks = _opening_acks(category, reading, place, problems[1:], domain,
                             contact_used="report_updates" in slots,
                             reported_before=bool(slots.get("report_repeated")))
        acks.append(_opening_question(tracker, reading, slots, domain))
        if previous_bot_action(tracker) in _HANDOVER_ACTIONS:  # "laat uw bericht achter"
            acks.insert(0, ack("utter_ack_report_instead_of_message"))
        if wants_to_complain(text):  # "al 4 keer gebeld … ik wil een klacht indienen"
            acks.insert(0, ack("utter_ack_complaint_and_report"))
        slots["report_ack"] = [item for item in acks if item]
    return slots


def _updates_asked_for(tracker: Tracker, reading: Reading, text: Text) -> Dict[Text, Any]:
    """"Houd me op de hoogte via jan@…" in the first message: updates, to that address."""
    contact = preferred_contact(text, reading.email, reading.phone)
    if not contact and NO_UPDATES.search(text):
        return {"report_updates": False}  # "GEEN UPDATES NODIG GEWOON DOORSTUREN" (r129)
    if not contact or not (WANTS_UPDATES.search(text) or reading.phone and wants_callback(text)):
        return {}  # "bel me op 06…" beside a report: news about it by phone
    if channel_of(tracker) in CHANNELS_WITH_ADDRESS:
        return {"report_updates": True}
    return {"report_updates": True, "report_contact": contact}


async def _callback_with_the_report(tracker: Tracker, found: Dict[Text, Any]
                                    ) -> Dict[Text, Any]:
    """"… Zou iemand mij willen terugbellen? Mijn nummer is 06…" in the opening letter
    (round r127 of session 49): passed on beside the report. Without a number known (round
    r131: the lamp was never reported, only the callback): the report first, and the
    contact question asks the number the callback goes to."""
    acks = list(found.get("report_ack") or [])
    told = without_the_callback(found.get("report_description") or "")
    # the crew needs the problem, not the request
    changed = {"report_description": told} if is_description(told) else {}
    taken = await pass_on_callback(tracker)
    if taken:  # (False: the callback is passed on)
        return {**changed, "report_ack": acks + [taken], "report_callback": False}
    return {**changed, "report_ack": acks + [ack("utter_ack_callback_after_report")],
            "report_callback": True, "report_updates": True}


_LEADING_CONNECTOR = re.compile(r"^\W*(?:(?:en|maar|and|but|o|oh|ok|oke)\b\W*)+", re.IGNORECASE)


def _other_questions(question: Optional[Text], reading: Reading) -> Optional[Text]:
    """The questions beside the report that are not about the report itself ("Wanneer komen
    ze terug? En mag ik hem buiten laten staan?": the second; the first is answered with the
    report's handling time)."""
    if not question or not reading.report_question:
        return question
    # ("bovendien wil ik weten wanneer het grofvuil weer wordt opgehaald" beside a manhole
    # cover asks of other things, round r239)
    rest = [part for part in sentences(question) if read_report_question(part) is None
            or asks_a_topic_of_its_own(part, reading.description or "")]
    return " ".join(rest) or None


STATUS_AFTER_REPORT = "status_after_report"


def _status_asked_beside(text: Text) -> bool:
    """A sentence of the message that starts a report asks about an earlier report without
    its number (round r226 of session 57)."""
    parts = sentences(text)
    return len(parts) > 1 and not normalise_case_number(text) and any(
        is_question(part) and asks_about_an_earlier_report(part) for part in parts)


class ActionStartReport(Action):
    """Starts a report and keeps whatever the first message already told us."""

    def name(self) -> Text:
        return "action_start_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        reading, text = _source(tracker)
        found = start_slots(tracker, reading, text, domain)
        if text != tracker.latest_message.get("text") and tracker.active_loop_name and (
                new_problem_after_never_mind(tracker.latest_message.get("text") or "",
                                             tracker.get_slot("report_category"))):
            found["report_ack"] = [ack("utter_ack_report_dropped")] + list(
                found.get("report_ack") or [])
        found.update(shared_slots(tracker))
        beside = questions_beside_a_report(text)
        question = _other_questions(beside or question_beside_an_answer(text), reading)
        if beside and found.get("report_description"):  # the question is no part of the report
            told = found["report_description"]
            for asked in sentences(beside):
                # "er ligt weer glas bij de glasbak, kan ik dat ook melden?": the clause that
                # tells stays (round r102: the description became "Top.")
                # (the description dropped the connector: "en is die tweede duurder?")
                core = _LEADING_CONNECTOR.sub("", asked.strip())
                # ("… al n week donker. en hoe krijg ik …": not "donker. En", round r266)
                told = re.sub(r"(?:\b(?:en|maar|and|but|o|oh|ok|oke)\W+)*" + re.escape(core),
                              f" {what_it_tells(asked)} ", told, flags=re.IGNORECASE)
            # ("hoeveel duurder is die 2e? oh en trouwens, de parkeerautomaat …": the opener
            # that was inside the message is at the start now, round r229 of session 58)
            told = clean_description(" ".join(told.split())) or " ".join(told.split())
            found["report_description"] = told if is_description(told) else \
                found["report_description"]
        if (wants_callback(question) if reading.phone and question else
                wants_callback(text) and not reading.phone):
            # ("… verzakt. Bel me op 06…" is the number for news about it, not a callback)
            found.update(await _callback_with_the_report(tracker, found))
            if question and wants_callback(question):
                question = None  # passed on, no article ("Is bellen moeilijk voor u?")
        if question and found.get("report_ack"):
            intent = (tracker.latest_message.get("intent") or {}).get("name")
            told = await answer_beside(  # "Trouwens, hoe laat ik …?", "mag hij blijven staan?"
                tracker, question, found.get("report_description") or "",
                intent if beside and intent not in REPORT_INTENTS
                else product_asked(question) or "municipal_question", text)
            if told:
                found["report_ack"] = found["report_ack"] + [told]
        later = _status_asked_beside(text)
        if later and found.get("report_ack") is not None:  # the new problem first
            found["report_ack"] = [ack("utter_ack_status_later")] + list(found["report_ack"])
        # a form left half-way in an earlier session leaves its question in requested_slot
        # (slots carry over): the new report must not read this message as that answer
        left_over = [] if tracker.active_loop_name else [SlotSet("requested_slot", None)]
        return (reset_report_slots() + left_over + [SlotSet("emergency_report", None)]
                + [SlotSet(slot, value) for slot, value in found.items()]
                + [SlotSet(STATUS_AFTER_REPORT, later or None)])


class ActionCorrectReport(Action):
    """The resident chose what to correct in the summary: that question is asked again."""

    def name(self) -> Text:
        return "action_correct_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        cleared = cleared_for(tracker, tracker.get_intent_of_latest_message() or "")
        return ([SlotSet(slot, value) for slot, value in cleared.items()]
                + [SlotSet("report_confirmed", None), SlotSet("report_location_tries", 0)])


class ActionDeclineOffer(Action):
    """"Laat maar" at the photo, updates or contact question: no to that offer, and the
    report goes on (the reading policy sends these here; stop words still stop it)."""

    def name(self) -> Text:
        return "action_decline_offer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        declined = {"report_photo": [SlotSet("report_photo", NO_PHOTO)],
                    "report_updates": [SlotSet("report_updates", False)],
                    "report_contact": [SlotSet("report_updates", False),
                                       SlotSet("report_contact", None)],
                    "report_confirmed": [SlotSet("report_updates", False),
                                         SlotSet("report_contact", None),
                                         SlotSet("report_confirmed", None)]}
        return declined.get(tracker.get_slot("requested_slot"), []) + [
            FollowupAction("report_form")]


class ActionOtherMunicipality(Action):
    """"Het is in Amersfoort, niet Lindendal": the report stops, and where to go instead."""

    def name(self) -> Text:
        return "action_other_municipality"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        utter(dispatcher, "utter_other_municipality")
        return [ActiveLoop(None), SlotSet("requested_slot", None)] + reset_report_slots()


class ActionStopReport(Action):
    """Stops the report at the resident's request; nothing is filed."""

    def name(self) -> Text:
        return STOP_ACTION

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        left = leaves_the_chat(tracker.latest_message.get("text") or "")
        dispatcher.utter_message(response="utter_report_left" if left else "utter_report_stopped")
        return [ActiveLoop(None), SlotSet("requested_slot", None)] + reset_report_slots()


STOP_ACTION = "action_stop_report"
_NOT_RESUMED = ("report_confirmed", "report_prompt", "report_ack")


def slots_before_the_stop(tracker: Tracker) -> Dict[Text, Any]:
    """The report's slots as they were when the resident stopped it (none if never)."""
    stops = [index for index, event in enumerate(tracker.events)
             if event.get("event") == "action" and event.get("name") == STOP_ACTION]
    values: Dict[Text, Any] = {}
    for event in tracker.events[:stops[-1]] if stops else []:
        if event.get("event") == "slot" and event.get("name") in REPORT_SLOTS:
            values[event["name"]] = event.get("value")
    return {name: value for name, value in values.items()
            if value is not None and name not in _NOT_RESUMED}


class ActionResumeReport(Action):
    """"Hmm nee, toch wel doen" right after stopping: the report comes back as it was, and
    goes on with the question it had not had an answer to."""

    def name(self) -> Text:
        return "action_resume_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        kept = slots_before_the_stop(tracker)
        if not kept.get("report_description"):
            return [FollowupAction("action_start_report")]
        utter(dispatcher, "utter_report_resumed")
        return [SlotSet(name, value) for name, value in kept.items()] + [
            FollowupAction("report_form")]


def _file_all(reports: List[NewReport]) -> List[Any]:
    """Store every report (blocking: run in a thread)."""
    ensure_schema()
    return [file_report(new)[0] for new in reports]


def _forward(report_ids: List[int]) -> None:
    """Try the back office once right away (blocking: run in a thread); the outbox worker
    retries whatever does not arrive now."""
    for report_id in report_ids:
        try:
            deliver_due(only_id=report_id)
        except Exception:
            logger.exception("Immediate forwarding of report %s failed", report_id)


# Forwarding has threads of its own: a slow back office must not hold up filing, which
# runs in the default executor. When too much waits already, the outbox worker does it.
_FORWARDING = ThreadPoolExecutor(max_workers=2, thread_name_prefix="forward")
_MAX_WAITING = 50
_waiting = 0


def forward_in_background(report_ids: List[int]) -> Optional["asyncio.Future[None]"]:
    """Forward without keeping the resident waiting for Signalen's answer."""
    global _waiting
    if _waiting >= _MAX_WAITING:
        logger.warning("Forwarding busy; reports %s wait for the outbox worker", report_ids)
        return None
    _waiting += 1

    def done(_: Any) -> None:
        global _waiting
        _waiting -= 1

    future = asyncio.get_running_loop().run_in_executor(_FORWARDING, _forward, report_ids)
    future.add_done_callback(done)
    return future


# Answers the filing message gives itself: how long it takes.
_TOLD_AT_FILING = ("utter_report_question_duration", "utter_report_question_faster")


class ActionSubmitReport(Action):
    """Files the report(s): stored first, case numbers to the resident, then forwarded."""

    def name(self) -> Text:
        return "action_submit_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        reports = await asyncio.to_thread(with_register_address, new_reports(tracker))
        try:
            filed = await asyncio.to_thread(_file_all, reports)
        except Exception:  # the database is down: say so, keep the conversation
            logger.exception("Report could not be stored for conversation %s",
                             tracker.sender_id[:4] + "…")
            utter(dispatcher, "utter_report_not_saved")
            return [SlotSet("report_confirmed", None)]
        forward_in_background([report.id for report in filed])
        settings = profile().reports
        days = max(handling_days(report.category, report.description) for report in reports)
        first = filed[0].case_number
        numbers = ", ".join(report.case_number for report in filed)
        hours = (settings.blocked_way_handling_hours
                 if any(blocks_the_way(report.description) for report in reports)
                 else settings.hazard_handling_hours)  # "hele weg dicht": not 24 hours
        urgent = [report.case_number for report, told in zip(filed, reports)
                  if told.priority == HIGH_PRIORITY]
        if urgent and len(urgent) < len(filed):  # the wires go first, the bench not
            ordinary = [told for told in reports if told.priority != HIGH_PRIORITY]
            utter(dispatcher, "utter_report_filed_mixed", case_numbers=numbers,
                  urgent_numbers=", ".join(urgent), handling_hours=hours,
                  handling_days=max(handling_days(told.category, told.description)
                                    for told in ordinary))
        elif tracker.get_slot("report_priority") == HIGH_PRIORITY and len(filed) > 1:
            utter(dispatcher, "utter_report_filed_urgent_more", case_numbers=numbers,
                  handling_hours=hours)  # every number, not the first
        elif tracker.get_slot("report_priority") == HIGH_PRIORITY:
            utter(dispatcher, "utter_report_filed_urgent", case_number=first,
                  handling_hours=hours)
        elif len(filed) > 1 and len({handling_days(told.category, told.description)
                                     for told in reports}) > 1:
            utter(dispatcher, "utter_report_filed_more_each",
                  handled=_each_handling_time(filed, reports, domain, tracker))
        elif len(filed) > 1:
            utter(dispatcher, "utter_report_filed_more", handling_days=days, case_numbers=numbers)
        else:
            utter(dispatcher, "utter_report_filed_updates" if reports[0].wants_updates
                  else "utter_report_filed", case_number=first, handling_days=days)
        acks = tracker.get_slot("report_ack") or []
        for item in acks:  # "Ja, verstuur. Gaan de lampen …?"
            if not item["key"].startswith(_TOLD_AT_FILING):  # not the handling time twice
                utter(dispatcher, item["key"], **item["values"])
        if (tells_own_damage(" ".join(report.description for report in reports))
                and DAMAGE_ANSWER not in [item["key"] for item in acks]
                and not _damage_told(tracker)):
            utter(dispatcher, DAMAGE_ANSWER)  # "mijn band is lek gereden": the claim is theirs
        events = reset_report_slots() + [SlotSet("report_case_number", first)]
        if tracker.get_slot(STATUS_AFTER_REPORT):  # "… en hoe staat het met mijn melding?"
            utter(dispatcher, "utter_status_after_report")
            return events + [SlotSet(STATUS_AFTER_REPORT, None),
                             SlotSet("status_number_asked", True), FollowupAction("action_listen")]
        if tracker.get_slot("report_repeated"):  # instead of "Kan ik u nog ergens mee helpen?"
            utter(dispatcher, "utter_report_offer_colleague")
            return events + [FollowupAction("action_listen")]
        return events


DAMAGE_ANSWER = "utter_report_question_damage"


def _damage_told(tracker: Tracker) -> bool:
    """The damage claim was told in this conversation already (round r247 of session 60:
    three times), by its own answer or the knowledge base's article on it."""
    link = str(profile().template_vars().get("link_damage"))
    return DAMAGE_ANSWER in responses_said(tracker) or any(
        event.get("event") == "bot" and link in (event.get("text") or "")
        for event in tracker.events)


def _each_handling_time(filed: List[Any], reports: List[NewReport], domain: DomainDict,
                        tracker: Tracker) -> Text:
    """"M-…-1 binnen 2 werkdagen, M-…-2 binnen 10 werkdagen": each report's own time."""
    return ", ".join(
        f"{report.case_number} "
        f"{handling_time_for(told.category, False, domain, tracker, told.description)}"
        for report, told in zip(filed, reports))


def _location_text(place: Optional[Place], label: Text) -> Text:
    """The label, plus the resident's own words about the place when they add something."""
    words = " ".join((place.text if place else "").replace("(", " ").replace(")", " ").split())
    if (not words or _plain_words(words) <= _plain_words(label) or re.search(r"[.!?]\s", words)
            or category_of(words)):
        return label  # not "(Rozenlaan. Sinds enige tijd staat de stoeprand voor nummer 17)"
    return f"{label} ({words})"


def _plain_words(text: Text) -> set:
    return set(re.findall(r"\w+", text.lower()))


def _further_on(problems: List[Dict[Text, Any]], shared: Dict[Text, Any]
                ) -> List[Dict[Text, Any]]:
    """"… En verderop hangen er takken zo laag …" (round r217 of session 56: filed at the
    corner of the tiles): a problem told as a bit further on, without a place of its own,
    is placed there in words, beside the place told (its point stays the same)."""
    label = Place.from_dict(shared).label
    placed = []
    for problem in problems:
        words = None if problem.get("place") else further_on(problem.get("text", ""))
        placed.append({**problem, "place": {**shared, "kind": "description", "house_number": None,
                                            "landmark": None, "text": f"{words}, bij {label}"}}
                      if words else problem)
    return placed


def new_reports(tracker: Tracker) -> List[NewReport]:
    """The report as the form collected it, one per problem; contact only with consent."""
    slot = tracker.get_slot
    wants_updates = slot("report_updates") is True
    contact = slot("report_contact") if wants_updates else None
    place = Place.from_dict(slot("report_place")) if slot("report_place") else None
    label = slot("report_location") or ""
    photo = slot("report_photo")
    common = dict(
        location_text=_location_text(place, label),
        channel=channel_of(tracker),
        sender_id=tracker.sender_id,
        latitude=slot("report_latitude"),
        longitude=slot("report_longitude"),
        street=" / ".join(place.streets) if place and place.streets else None,
        house_number=place.house_number if place else None,
        postcode=place.postcode if place else None,
        photo_url=photo if photo and photo != NO_PHOTO else None,
        wants_updates=wants_updates,
        contact_email=contact if contact and "@" in contact else None,
        contact_phone=contact if contact and "@" not in contact else None,
        priority=slot("report_priority") or "normal",
    )
    category = slot("report_category") or GENERIC_CATEGORY
    wishes = slot("report_contact_wishes")
    first = NewReport(category=category, description=with_contact_wishes(
        slot("report_description") or "", wishes), **common)
    more = [NewReport(category=problem.get("category") or category,
                      description=with_contact_wishes(problem.get("text", ""), wishes),
                      **{**common, **_own_place(problem, place)})
            for problem in slot("report_more_problems") or []]
    return _own_priorities([first] + more)


def _own_priorities(reports: List[NewReport]) -> List[NewReport]:
    """Of several reports that went first, those that tell no danger themselves do not ("het
    bankje is beklad … en bij de lantaarnpaal hangen draadjes uit": the wires only); all
    stay first when none tells it alone (the danger was said later)."""
    if len(reports) < 2 or reports[0].priority != HIGH_PRIORITY:
        return reports
    dangerous = [_tells_danger(report.description) for report in reports]
    if not any(dangerous):
        return reports
    return [report if danger else dataclasses.replace(report, priority="normal")
            for report, danger in zip(reports, dangerous)]


def _tells_danger(description: Text) -> bool:
    found = read_danger(description)
    return found is not None and found.kind in DANGEROUS


def _own_place(problem: Dict[Text, Any], shared: Optional[Place]) -> Dict[Text, Any]:
    """The place fields of a later problem that names a place of its own."""
    own = Place.from_dict(problem["place"]) if problem.get("place") else None
    if own is None or shared is not None and own.label == shared.label:
        return {}
    return dict(location_text=_location_text(own, own.label),
                street=" / ".join(own.streets) or None, house_number=own.house_number,
                postcode=own.postcode, latitude=own.latitude, longitude=own.longitude)


def with_register_address(reports: List[NewReport]) -> List[NewReport]:
    """The reports with the address register's street, number, postcode, woonplaats and
    point (PDOK; blocking, so run in a thread). Unchanged when the register does not know
    the place or cannot be reached: a report is never held up by it."""
    looked_up: Dict[Tuple[Any, ...], Dict[Text, Any]] = {}  # one lookup per place
    filed = []
    for report in reports:
        key = (report.street, report.house_number, report.postcode, report.latitude,
               report.longitude)
        if key not in looked_up:
            looked_up[key] = _register_fields_or_none(report)
        filed.append(replace(report, **looked_up[key]))
    return filed


def _register_fields_or_none(report: NewReport) -> Dict[Text, Any]:
    try:
        return register_fields(report)
    except Exception:  # the register is a help, never a reason not to file
        logger.exception("Address register lookup failed; filing without it")
        return {}


def register_fields(report: NewReport) -> Dict[Text, Any]:
    """What the register adds to a report: for words (street, number, postcode) the
    register's address, else for a shared pin the nearest address (the pin's point stays).
    `address_confirmed` when the register knows that street and number."""
    fields: Dict[Text, Any] = {}
    if report.street or report.postcode:
        fields = _fields_for_words(report)
    elif report.latitude is not None and report.longitude is not None:
        found = resolve_pin(report.latitude, report.longitude)
        if found is not None and found.kind == "adres":
            fields = _present(street=found.street, house_number=found.house_number_text,
                              postcode=found.postcode, woonplaats=found.woonplaats,
                              nummeraanduiding_id=found.nummeraanduiding_id)
    if fields.get("street") and fields.get("house_number"):
        fields["address_confirmed"] = True
    else:
        fields.pop("nummeraanduiding_id", None)
    return fields


def _fields_for_words(report: NewReport) -> Dict[Text, Any]:
    streets = [name for name in (report.street or "").split(" / ") if name]
    found = resolve(streets[0] if streets else None, report.house_number, report.postcode)
    if found is None:
        return {}
    fields = _present(woonplaats=found.woonplaats,
                      street=found.street if len(streets) <= 1 else None)
    if found.kind == "adres":
        fields.update(_present(house_number=found.house_number_text, postcode=found.postcode,
                               latitude=found.lat, longitude=found.lon,
                               nummeraanduiding_id=found.nummeraanduiding_id))
    elif report.latitude is None or report.longitude is None:
        fields.update(_present(latitude=found.lat, longitude=found.lon))
    return fields


def _present(**values: Any) -> Dict[Text, Any]:
    return {key: value for key, value in values.items() if value is not None}


class ActionReportStatusUpdate(Action):
    """Tells the resident that their report changed status (triggered by the outbox)."""

    def name(self) -> Text:
        return "action_report_status_update"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        entities = {e.get("entity"): e.get("value")
                    for e in tracker.latest_message.get("entities") or []}
        case_number = entities.get("case_number") or ""
        question = await asyncio.to_thread(question_for, case_number, tracker.sender_id)
        if question is not None and question.kind == REACTION:
            utter(dispatcher, REACTION_QUESTION, case_number=case_number,
                  question=question.text)
            return asked(question)
        response = f"utter_report_status_{entities.get('report_status')}"
        if response not in domain.get("responses", {}):
            response = "utter_report_status_changed"
        utter(dispatcher, response, case_number=case_number)
        if question is not None:
            utter(dispatcher, KTO_QUESTION, case_number=case_number)
        return asked(question)
