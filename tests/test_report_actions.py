"""The report actions with the tracker, dispatcher and domain fixtures."""
from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker

from actions.reports import (ActionCorrectReport, ActionStartReport, ValidateReportForm,
                             is_description, new_report, normalise_contact)
from tests.conftest import make_tracker

FORM_SLOTS = ["report_description", "report_location", "report_photo", "report_updates",
              "report_contact", "report_confirmed"]


def tracker_for(text="", intent="inform", **fields) -> Tracker:
    """A tracker in the middle of the report form."""
    return make_tracker(intent, text, active_loop="report_form", **fields)


def slot_events(events):
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def run(coroutine):
    return asyncio.run(coroutine)


@pytest.mark.parametrize("text, expected", [
    ("lamp kapot", True), ("Er ligt een losse tegel", True), ("ik wil iets melden", False),
    ("melding", False), ("/report_pavement_road", False), ("🙂", False), ("", False),
])
def test_is_description(text, expected):
    assert is_description(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Naam@Voorbeeld.NL", "naam@voorbeeld.nl"), ("06 12345678", "+31612345678"),
    ("+31 6 1234 5678", "+31612345678"), ("0031612345678", "+31612345678"),
    ("mijn mail", None), ("12345", None), ("naam@", None),
])
def test_normalise_contact(text, expected):
    assert normalise_contact(text) == expected


def test_start_keeps_what_and_where_from_the_first_message(dispatcher, domain):
    tracker = tracker_for("Er ligt een losse stoeptegel voor Dorpsstraat 12",
                          intent="report_pavement_road")
    slots = slot_events(run(ActionStartReport().run(dispatcher, tracker, domain)))
    assert slots["report_category"] == "report_pavement_road"
    assert slots["report_description"] == "Er ligt een losse stoeptegel voor Dorpsstraat 12"
    assert slots["report_location"] == "Dorpsstraat 12"
    assert slots["report_latitude"] == pytest.approx(52.0912)


def test_start_from_a_button_asks_everything(dispatcher, domain):
    tracker = tracker_for("/report_public_space_other", intent="report_public_space_other")
    slots = slot_events(run(ActionStartReport().run(dispatcher, tracker, domain)))
    assert slots["report_description"] is None and slots["report_location"] is None


def test_start_uses_a_shared_location_pin(dispatcher, domain):
    pin = {"location": {"latitude": 52.1, "longitude": 5.12, "address": "Dorpsstraat 3"}}
    tracker = tracker_for("lamp kapot", intent="report_street_lighting", channel="whatsapp",
                          metadata=pin)
    slots = slot_events(run(ActionStartReport().run(dispatcher, tracker, domain)))
    assert (slots["report_location"], slots["report_latitude"]) == ("Dorpsstraat 3", 52.1)


@pytest.mark.parametrize("channel, updates, expected_missing", [
    ("rest", None, {"report_photo", "report_contact"}),
    ("webchat", True, {"report_photo"}),
    ("whatsapp", True, {"report_contact"}),
    ("telegram", False, {"report_contact"}),
    ("sms", True, {"report_photo", "report_contact"}),
])
def test_only_needed_questions_per_channel(dispatcher, domain, channel, updates,
                                           expected_missing):
    tracker = tracker_for(channel=channel, slots={"report_updates": updates})
    required = run(ValidateReportForm().required_slots(FORM_SLOTS, dispatcher, tracker, domain))
    assert set(FORM_SLOTS) - set(required) == expected_missing


def test_location_unknown_street_then_accepted(dispatcher, domain):
    form = ValidateReportForm()
    first = form.validate_report_location("Fantasiestraat 5", dispatcher,
                                          tracker_for("Fantasiestraat 5"), domain)
    assert first == {"report_location": None, "report_location_tries": 1}
    assert dispatcher.messages[-1]["response"] == "utter_report_street_unknown"
    second = form.validate_report_location(
        "Fantasiestraat 5", dispatcher,
        tracker_for("Fantasiestraat 5", slots={"report_location_tries": 1}), domain)
    assert second["report_location"] == "Fantasiestraat 5"


def test_location_yes_or_no_is_not_a_place(dispatcher, domain):
    result = ValidateReportForm().validate_report_location(
        "ja", dispatcher, tracker_for("ja", intent="affirm", slots={"report_location_tries": 1}),
        domain)
    assert result["report_location"] is None


def test_known_street_without_number_asks_the_number(dispatcher, domain):
    result = ValidateReportForm().validate_report_location("Kerkstraat", dispatcher,
                                                           tracker_for("Kerkstraat"), domain)
    assert result["report_location"] is None
    assert dispatcher.messages[-1]["response"] == "utter_report_ask_house_number"


def test_photo_from_metadata_or_none(dispatcher, domain):
    form = ValidateReportForm()
    media = {"media": [{"url": "https://media.example/p.jpg", "content_type": "image/jpeg"}]}
    on_whatsapp = tracker_for("/share_photo", channel="whatsapp", metadata=media)
    assert form.validate_report_photo(None, dispatcher, on_whatsapp, domain) == {
        "report_photo": "https://media.example/p.jpg"}
    assert form.validate_report_photo("nee", dispatcher, tracker_for("nee"), domain) == {
        "report_photo": "geen"}
    forged = tracker_for("kijk", channel="webchat", metadata=media)
    assert form.validate_report_photo("kijk", dispatcher, forged, domain) == {
        "report_photo": "geen"}, "a web client cannot make the bot fetch a URL of its choice"


def test_a_pin_or_photo_before_the_description_is_kept(dispatcher, domain):
    form = ValidateReportForm()
    pin = {"location": {"latitude": 52.1, "longitude": 5.12}}
    tracker = tracker_for("/share_location", intent="share_location", channel="telegram",
                          metadata=pin)
    slots = form.validate_report_description("/share_location", dispatcher, tracker, domain)
    assert slots["report_description"] is None and slots["report_latitude"] == 52.1
    assert dispatcher.messages == [], "the form simply asks what is wrong next"


def test_contact_refused_means_no_updates(dispatcher, domain):
    result = ValidateReportForm().validate_report_contact(
        "nee", dispatcher, tracker_for("nee", intent="deny"), domain)
    assert result == {"report_contact": None, "report_updates": False}


def test_correct_location_clears_only_the_place(dispatcher, domain):
    events = run(ActionCorrectReport().run(dispatcher, tracker_for("/correct_location",
                                                                   intent="correct_location"),
                                           domain))
    assert set(slot_events(events)) == {"report_location", "report_latitude", "report_longitude",
                                        "report_confirmed", "report_location_tries"}


def test_contact_is_kept_only_with_consent():
    slots = {"report_category": "report_pavement_road", "report_description": "tegel los",
             "report_location": "Dorpsstraat 1", "report_updates": False,
             "report_contact": "a@example.nl", "report_photo": "geen"}
    report = new_report(tracker_for(channel="webchat", slots=slots))
    assert (report.contact_email, report.wants_updates, report.photo_url) == (None, False, None)
    report = new_report(tracker_for(channel="webchat", slots={**slots, "report_updates": True}))
    assert report.contact_email == "a@example.nl"


def test_a_valid_address_counts_even_if_the_model_read_a_no(dispatcher, domain):
    result = ValidateReportForm().validate_report_contact(
        "J.deVries@KPNplanet.nl", dispatcher,
        tracker_for("J.deVries@KPNplanet.nl", intent="deny"), domain)
    assert result == {"report_contact": "j.devries@kpnplanet.nl"}


@pytest.mark.parametrize("intent", ["deny", "inform"])
def test_a_typed_address_in_the_summary_corrects_the_place(dispatcher, domain, intent):
    tracker = tracker_for("nee, het is Kerkstraat 14", intent=intent)
    result = ValidateReportForm().validate_report_confirmed(False, dispatcher, tracker, domain)
    assert result["report_location"] == "Kerkstraat 14" and result["report_confirmed"] is None
