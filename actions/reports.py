"""The report (melding) flow: ask only what is needed, then file it.

What, where and consent for updates; a photo is offered only on channels that can
send one, and contact details are asked only when the channel has no address of its
own. Channel adapters pass a shared location as metadata {"location": {"latitude",
"longitude", "address"}} and photos as {"media": [{"url", "content_type"}]}; only the
channels that can carry them are trusted with them (a web client could forge any
metadata). A photo or pin without words arrives as /share_photo or /share_location.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.base import utter
from bot.address import Location, parse_location
from bot.text import has_words
from bot.profile import profile
from bot.reports.db import ensure_schema
from bot.reports.outbox import deliver_due
from bot.reports.service import NewReport, file_report

logger = logging.getLogger(__name__)

REPORT_INTENTS = ("report_pavement_road", "report_waste_collection", "report_street_lighting",
                  "report_public_space_other")
# Intent → report category; a missed bulky-waste pickup is a report of its own.
REPORT_CATEGORIES = {**{intent: intent for intent in REPORT_INTENTS},
                     "report_bulky_missed": "bulky_waste_pickup"}
CHANNELS_WITH_ADDRESS = {"whatsapp", "sms", "telegram"}
CHANNELS_WITH_MEDIA = {"whatsapp", "telegram"}
NO_PHOTO = "geen"
MAX_DESCRIPTION = 1000
# Words that say *that* someone wants to report, not *what*: a message of only these
# is not a description.
FILLER_WORDS = {
    "ik", "wil", "wilde", "graag", "een", "iets", "melden", "melding", "doen", "maken", "hallo",
    "hoi", "goedemorgen", "goedemiddag", "goedenavond", "de", "het", "er", "is", "heb", "over",
    "gemeente", "jullie", "u", "kan", "kunnen", "ik'd", "wat", "probleem", "klacht", "op",
    "straat", "in", "mijn", "buurt", "voor", "aan", "te", "om", "wel", "even", "dag", "zou",
}
EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
DUTCH_PHONE = re.compile(r"^(?:\+31|0031|0)([1-9][0-9]{8})$")
REPORT_SLOTS = ("report_category", "report_description", "report_location", "report_latitude",
                "report_longitude", "report_photo", "report_updates", "report_contact",
                "report_confirmed")


def channel_of(tracker: Tracker) -> Text:
    return tracker.get_latest_input_channel() or "rest"


def is_description(text: Optional[Text]) -> bool:
    """True when the text says what is wrong, not only that the resident wants to report."""
    if not text or text.startswith("/") or not has_words(text):
        return False
    words = re.findall(r"[^\W\d_]+", text.lower())
    return any(word not in FILLER_WORDS for word in words)


def _channel_metadata(tracker: Tracker) -> Dict[Text, Any]:
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
        slots.update(_pin_slots(pin))
    if photo:
        slots["report_photo"] = photo
    return slots


def location_slots(location: Location) -> Optional[Dict[Text, Any]]:
    """Slots for a location that needs no more questions, or None."""
    municipality = profile().location
    if location.street and location.house_number:
        point = municipality.street_point(location.street)
        if point is None:
            return None
        text = f"{location.street} {location.house_number}"
        if location.postcode:
            text += f", {location.postcode}"
        return {"report_location": text, "report_latitude": point[0],
                "report_longitude": point[1]}
    if location.postcode and location.house_number:
        return {"report_location": f"{location.postcode} {location.house_number}",
                "report_latitude": None, "report_longitude": None}
    return None


def reset_report_slots() -> List[EventType]:
    return [SlotSet(slot, None) for slot in REPORT_SLOTS] + [SlotSet("report_location_tries", 0)]


class ActionStartReport(Action):
    """Starts a report and keeps whatever the first message already told us."""

    def name(self) -> Text:
        return "action_start_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        events = reset_report_slots()
        intent = tracker.get_intent_of_latest_message()
        events.append(SlotSet("report_category", REPORT_CATEGORIES.get(
            intent, "report_public_space_other")))
        text = tracker.latest_message.get("text") or ""
        if is_description(text):
            events.append(SlotSet("report_description", text.strip()[:MAX_DESCRIPTION]))
        found = shared_slots(tracker)
        if "report_location" not in found and not text.startswith("/"):  # "/": a button
            found.update(location_slots(parse_location(text)) or {})
        events += [SlotSet(slot, value) for slot, value in found.items()]
        return events


def _pin_slots(pin: Dict[Text, Any]) -> Dict[Text, Any]:
    latitude, longitude = float(pin["latitude"]), float(pin["longitude"])
    label = pin.get("address") or f"gedeelde locatie ({latitude:.5f}, {longitude:.5f})"
    return {"report_location": str(label)[:300], "report_latitude": latitude,
            "report_longitude": longitude}


class ValidateReportForm(FormValidationAction):
    """Validates and normalises each answer; a bad answer is asked again once, not forever."""

    def name(self) -> Text:
        return "validate_report_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        channel = channel_of(tracker)
        skip = set()
        if channel not in CHANNELS_WITH_MEDIA:
            skip.add("report_photo")
        if channel in CHANNELS_WITH_ADDRESS or tracker.get_slot("report_updates") is not True:
            skip.add("report_contact")
        return [slot for slot in domain_slots if slot not in skip]

    def validate_report_description(self, value: Any, dispatcher: CollectingDispatcher,
                                    tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if isinstance(value, str) and is_description(value):
            return {**shared_slots(tracker), "report_description": value.strip()[:MAX_DESCRIPTION]}
        extras = shared_slots(tracker)
        if extras:  # a photo or pin came first: keep it, then ask what is wrong
            return {**extras, "report_description": None}
        dispatcher.utter_message(response="utter_report_description_unclear")
        return {"report_description": None}

    def validate_report_location(self, value: Any, dispatcher: CollectingDispatcher,
                                 tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        extras = shared_slots(tracker)
        if "report_location" in extras:
            return extras
        if extras:  # a photo instead of the place: keep it, ask for the place again
            return {**extras, "report_location": None}
        text = " ".join(str(value or "").split())[:300]
        tries = int(tracker.get_slot("report_location_tries") or 0)
        location = parse_location(text)
        found = location_slots(location)
        if found:
            return found
        is_answer = tracker.get_intent_of_latest_message() not in ("affirm", "deny")
        no_address_tried = not location.street and not location.postcode
        if is_answer and is_description(text) and (
                tries >= 1 or (no_address_tried and len(text.split()) >= 3)):
            # A description of the place ("bij de speeltuin achter de school"), or the
            # second answer after a hint: take it rather than ask in a loop.
            return {"report_location": text, "report_latitude": None, "report_longitude": None}
        municipality = profile().location
        if location.street and municipality.street_point(location.street) is None:
            dispatcher.utter_message(response="utter_report_street_unknown",
                                     street=location.street, place=municipality.place)
        elif location.street:
            dispatcher.utter_message(response="utter_report_ask_house_number",
                                     street=location.street)
        else:
            dispatcher.utter_message(response="utter_report_location_unclear")
        return {"report_location": None, "report_location_tries": tries + 1}

    def validate_report_photo(self, value: Any, dispatcher: CollectingDispatcher,
                              tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        # Offered once: anything that is not a photo means "no photo".
        return {"report_photo": shared_photo(tracker) or NO_PHOTO}

    def validate_report_updates(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return {"report_updates": bool(value)}

    def validate_report_contact(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        contact = normalise_contact(str(value or ""))
        if contact:  # a valid address wins over whatever intent the model saw in it
            return {"report_contact": contact}
        if tracker.get_intent_of_latest_message() == "deny":
            return {"report_contact": None, "report_updates": False}
        dispatcher.utter_message(response="utter_report_contact_invalid")
        return {"report_contact": None}

    def validate_report_confirmed(self, value: Any, dispatcher: CollectingDispatcher,
                                  tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if value is True:
            return {"report_confirmed": True}
        correction = location_slots(parse_location(tracker.latest_message.get("text") or ""))
        if correction:
            return {**correction, "report_confirmed": None}
        dispatcher.utter_message(response="utter_report_what_to_change")
        return {"report_confirmed": None}


def normalise_contact(text: Text) -> Optional[Text]:
    """An e-mail address in lower case, or a Dutch phone number as +31…; None otherwise."""
    text = text.strip()
    if EMAIL.match(text):
        return text.lower()
    digits = re.sub(r"[\s()-]", "", text)
    match = DUTCH_PHONE.match(digits)
    return f"+31{match.group(1)}" if match else None


CORRECTIONS = {
    "correct_description": ["report_description"],
    "correct_location": ["report_location", "report_latitude", "report_longitude"],
    "correct_updates": ["report_updates", "report_contact"],
}


class ActionCorrectReport(Action):
    """The resident chose what to correct in the summary: that question is asked again."""

    def name(self) -> Text:
        return "action_correct_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        cleared = CORRECTIONS.get(tracker.get_intent_of_latest_message() or "",
                                  ["report_description"])
        return ([SlotSet(slot, None) for slot in cleared]
                + [SlotSet("report_confirmed", None), SlotSet("report_location_tries", 0)])


class ActionStopReport(Action):
    """Stops the report at the resident's request; nothing is filed."""

    def name(self) -> Text:
        return "action_stop_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        dispatcher.utter_message(response="utter_report_stopped")
        return [ActiveLoop(None), SlotSet("requested_slot", None)] + reset_report_slots()


class ActionSubmitReport(Action):
    """Files the report: stored first, case number to the resident, then forwarded."""

    def name(self) -> Text:
        return "action_submit_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        new = new_report(tracker)
        try:
            ensure_schema()
            report, _ = file_report(new)
        except Exception:  # the database is down: say so, keep the conversation
            logger.exception("Report could not be stored for conversation %s",
                             tracker.sender_id[:4] + "…")
            utter(dispatcher, "utter_report_not_saved")
            return [SlotSet("report_confirmed", None)]
        try:
            deliver_due(only_id=report.id)
        except Exception:  # the outbox worker retries; the resident is not kept waiting
            logger.exception("Immediate forwarding of %s failed", report.case_number)
        days = profile().reports.handling_days.get(new.category, 10)
        utter(dispatcher, "utter_report_filed_updates" if new.wants_updates
              else "utter_report_filed", case_number=report.case_number, handling_days=days)
        return reset_report_slots() + [SlotSet("report_case_number", report.case_number)]


def new_report(tracker: Tracker) -> NewReport:
    """The report as the form collected it; contact details only with consent."""
    slot = tracker.get_slot
    channel = channel_of(tracker)
    wants_updates = slot("report_updates") is True
    contact = slot("report_contact") if wants_updates else None
    location = parse_location(slot("report_location") or "")
    photo = slot("report_photo")
    return NewReport(
        category=slot("report_category") or "report_public_space_other",
        description=slot("report_description") or "",
        location_text=slot("report_location") or "",
        channel=channel,
        sender_id=tracker.sender_id,
        latitude=slot("report_latitude"),
        longitude=slot("report_longitude"),
        street=location.street,
        house_number=location.house_number,
        postcode=location.postcode,
        photo_url=photo if photo and photo != NO_PHOTO else None,
        wants_updates=wants_updates,
        contact_email=contact if contact and "@" in contact else None,
        contact_phone=contact if contact and "@" not in contact else None,
    )


class ActionReportStatusUpdate(Action):
    """Tells the resident that their report changed status (triggered by the outbox)."""

    def name(self) -> Text:
        return "action_report_status_update"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        entities = {e.get("entity"): e.get("value")
                    for e in tracker.latest_message.get("entities") or []}
        response = f"utter_report_status_{entities.get('report_status')}"
        if response not in domain.get("responses", {}):
            response = "utter_report_status_changed"
        utter(dispatcher, response, case_number=entities.get("case_number", ""))
        return []
