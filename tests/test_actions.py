"""Custom actions, run directly with the tracker, dispatcher and domain fixtures."""
from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from actions.contact import ActionAnswerComplaint, ActionContactHuman
from actions.fallback import ActionDefaultAskAffirmation, ActionDefaultFallback
from actions.topics import ActionAnswerTopic, ActionOpeningHours
from bot.profile import profile
from bot.reading.message import read_message
from tests.conftest import dutch, make_tracker

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
PRODUCT_INTENTS = ["passport_id_appointment", "driving_licence", "moving_address_change",
                   "parking_permit", "bulky_waste_pickup"]


def run(action, dispatcher, tracker, domain):
    return asyncio.run(action.run(dispatcher, tracker, domain))


@pytest.mark.usefixtures("no_knowledge")
@pytest.mark.parametrize("intent", PRODUCT_INTENTS + ["complaint"])
def test_answer_topic_utters_the_intents_answer_with_profile_values(intent, dispatcher, domain):
    run(ActionAnswerTopic(), dispatcher, make_tracker(intent), domain)
    [message] = dispatcher.messages
    assert message["response"] == f"utter_answer_{intent}"
    assert message["phone"] == profile().phone
    assert str(message["link_passport"]).startswith("https://")


def test_answer_topic_without_an_answer_asks_what_else(dispatcher, domain):
    run(ActionAnswerTopic(), dispatcher, make_tracker("greeting"), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_what_else"]


def test_opening_hours_lists_every_open_day(dispatcher, tracker, domain, monkeypatch):
    ordinary_week = dt.datetime(2026, 11, 16, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    monkeypatch.setattr(type(profile()), "now", lambda self: ordinary_week)
    run(ActionOpeningHours(), dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_opening_hours"
    assert message["opening_hours"].count("\n") == len(profile().opening_hours) - 1


def test_the_weeks_hours_before_christmas_name_the_holiday_and_the_short_days(
        dispatcher, tracker, domain, monkeypatch):
    """Round r261 of session 62: "open van 08:30 tot 20:00 uur" on Christmas Eve."""
    before_christmas = dt.datetime(2026, 12, 17, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    monkeypatch.setattr(type(profile()), "now", lambda self: before_christmas)
    run(ActionOpeningHours(), dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_opening_hours", "utter_opening_hours_holidays", "utter_opening_hours_short_days"]
    assert dispatcher.messages[1]["days"] == "vrijdag 25 december"
    assert dispatcher.messages[2]["days"] == "donderdag 24 december en donderdag 31 december"
    assert dispatcher.messages[2]["close"] == "16:00"


def test_christmas_eve_asked_about_gets_its_short_hours(dispatcher, domain, monkeypatch):
    before_christmas = dt.datetime(2026, 12, 17, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    monkeypatch.setattr(type(profile()), "now", lambda self: before_christmas)
    tracker = make_tracker("opening_hours", "zijn jullie op kerstavond open?")
    run(ActionOpeningHours(), dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert (message["response"], message["close"]) == ("utter_opening_hours_day", "16:00")


@pytest.mark.parametrize("text, language, day", [
    ("is het gemeentehuis zaterdag open?", "nl", "zaterdag"),
    ("are you open on sunday?", "en", "Sunday"),
])
def test_a_closed_day_asked_about_is_said_to_be_closed_first(dispatcher, domain, text,
                                                              language, day):
    tracker = make_tracker("opening_hours", text, slots={"language": language})
    run(ActionOpeningHours(), dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_opening_hours_closed_day",
                                                            "utter_opening_hours"]
    assert dispatcher.messages[0]["day"] == day


@pytest.mark.parametrize("text, language, day", [
    ("is het gemeentehuis open op 2e kerstdag?", "nl", "tweede kerstdag"),
    ("are you open at christmas?", "en", "Christmas Day and Boxing Day"),
])
def test_a_public_holiday_asked_about_is_said_to_be_closed_first(dispatcher, domain,
                                                                  monkeypatch, text, language,
                                                                  day):
    """Session 37: "open op 2e kerstdag?" got the week's hours without a word on the day."""
    today = dt.datetime(2026, 12, 4, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    monkeypatch.setattr(type(profile()), "now", lambda self: today)
    tracker = make_tracker("opening_hours", text, slots={"language": language})
    run(ActionOpeningHours(), dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_opening_hours_closed_day",
                                                            "utter_opening_hours"]
    assert dispatcher.messages[0]["day"] == day


@pytest.mark.parametrize("text, language", [
    ("EN IS HET GEMEENTEHUIS MORGEN OPEN?", "nl"),
    ("can i come tomorrow without appointment?", "en"),
])
def test_tomorrow_closed_is_said_with_the_next_open_day(dispatcher, domain, monkeypatch, text,
                                                         language):
    """Round r121 of session 49: "morgen open?" on a Saturday got the week's hours and no word
    that Sunday is closed."""
    saturday = dt.datetime(2026, 12, 5, 20, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    monkeypatch.setattr(type(profile()), "now", lambda self: saturday)
    tracker = make_tracker("opening_hours", text, slots={"language": language})
    run(ActionOpeningHours(), dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_opening_hours_closed_day",
                                                            "utter_opening_hours_day"]
    assert [m["day"].split()[0].lower() for m in dispatcher.messages] == (
        ["zondag", "maandag"] if language == "nl" else ["sunday", "monday"])


def test_an_open_day_asked_about_gets_that_days_hours(dispatcher, domain):
    run(ActionOpeningHours(), dispatcher, make_tracker("opening_hours", "open op maandag?"),
        domain)
    [message] = dispatcher.messages
    assert (message["response"], message["day"], message["open"], message["close"]) == (
        "utter_opening_hours_day", "maandag", "08:30", "17:00")


@pytest.mark.parametrize("text", ["is het gemeentehuis maandagavond open?",
                                  "kan ik dinsdag 's avonds langskomen"])
def test_an_evening_asked_about_on_an_early_day_gets_the_late_day(dispatcher, domain, text):
    run(ActionOpeningHours(), dispatcher, make_tracker("opening_hours", text), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_opening_hours_day",
                                                            "utter_opening_hours_late_day"]
    assert (dispatcher.messages[1]["day"], dispatcher.messages[1]["close"]) == (
        "donderdag", "20:00")


def test_the_evening_of_the_late_day_needs_no_other_day(dispatcher, domain):
    run(ActionOpeningHours(), dispatcher,
        make_tracker("opening_hours", "donderdagavond open?"), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_opening_hours_day"]


def test_contact_human_while_open_says_until_when(dispatcher, tracker, domain, monkeypatch):
    # Presence unknown (no console store): as before presence (tests/test_webcare.py has
    # nobody online and somebody online).
    monkeypatch.setattr("actions.contact.colleagues_online", lambda now: None)
    monday_morning = dt.datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM)
    run(ActionContactHuman(clock=lambda: monday_morning), dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_contact_open"
    assert message["close"] == "17:00"


def test_contact_human_at_night_says_when_we_open_again(dispatcher, tracker, domain):
    saturday = dt.datetime(2026, 11, 28, 22, 0, tzinfo=AMSTERDAM)
    run(ActionContactHuman(clock=lambda: saturday), dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_contact_closed"
    assert (message["next_day"], message["next_open"]) == ("maandag", "08:30")


@pytest.mark.parametrize("when, response", [
    (dt.datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM), "utter_contact_open_no_phone"),
    (dt.datetime(2026, 11, 28, 22, 0, tzinfo=AMSTERDAM), "utter_contact_closed_no_phone")])
def test_a_resident_who_cannot_call_is_not_told_to_call(dispatcher, domain, monkeypatch, when,
                                                         response):
    monkeypatch.setattr("actions.contact.colleagues_online", lambda now: None)
    tracker = make_tracker("ask_human", "ik ben doof en kan niet bellen, medewerker aub")
    run(ActionContactHuman(clock=lambda: when), dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == [response]
    assert "{phone" not in str(domain["responses"][response])


def test_no_colleague_after_despair_names_the_113_line_again(dispatcher, domain):
    """Round r74 of session 41: "Onze collega's zijn er nu niet" was the last word after a
    resident told of despair."""
    saturday = dt.datetime(2026, 11, 28, 22, 0, tzinfo=AMSTERDAM)
    tracker = make_tracker("ask_human", "ja graag")
    tracker.events.insert(0, {"event": "bot", "text": "Is er nu gevaar? …",
                              "metadata": {"utter_action": "utter_emergency_suicide"}})
    run(ActionContactHuman(clock=lambda: saturday), dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_contact_closed", "utter_emergency_followup_suicide"]
    dispatcher.messages.clear()
    run(ActionContactHuman(clock=lambda: saturday), dispatcher, make_tracker("ask_human"), domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_contact_closed"]


def test_contact_human_in_english_names_the_day_in_english(dispatcher, domain):
    saturday = dt.datetime(2026, 11, 28, 22, 0, tzinfo=AMSTERDAM)
    tracker = make_tracker("ask_human", "I want to talk to a person", slots={"language": "en"})
    run(ActionContactHuman(clock=lambda: saturday), dispatcher, tracker, domain)
    assert dispatcher.messages[0]["next_day"] == "Monday"


def test_ask_affirmation_describes_the_best_guess(dispatcher, domain):
    ranking = [{"name": "nlu_fallback", "confidence": 0.4},
               {"name": "report_street_lighting", "confidence": 0.35},
               {"name": "opening_hours", "confidence": 0.2}]
    tracker = make_tracker("nlu_fallback", "licht doet raar", ranking)
    run(ActionDefaultAskAffirmation(), dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_ask_affirmation"
    assert message["intent"] == "report_street_lighting"
    assert message["topic"] == dutch(domain, "utter_topic_report_street_lighting")["text"]


def test_ask_affirmation_offers_the_article_the_knowledge_base_is_sure_of(dispatcher, domain):
    """Round r83 of session 43: "gehandicapte kaart aanvrage hoe" was asked back as a
    parking permit."""
    ranking = [{"name": "nlu_fallback", "confidence": 0.4},
               {"name": "parking_permit", "confidence": 0.35}]
    tracker = make_tracker("nlu_fallback", "gehandicapte kaart aanvrage hoe", ranking)
    run(ActionDefaultAskAffirmation(), dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_ask_affirmation_article"
    assert "gehandicaptenparkeerkaart" in message["article_payload"]


def test_ask_affirmation_does_not_ask_about_small_talk(dispatcher, domain):
    ranking = [{"name": "nlu_fallback", "confidence": 0.4},
               {"name": "greeting", "confidence": 0.3}]
    run(ActionDefaultAskAffirmation(), dispatcher, make_tracker("nlu_fallback", "blub", ranking),
        domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_rephrase"]


def test_default_fallback_points_to_a_person_and_reverts(dispatcher, tracker, domain):
    events = run(ActionDefaultFallback(), dispatcher, tracker, domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_default_first", "no 'nog steeds' on a first miss"
    assert message["phone"] == profile().phone
    assert events == [{"event": "rewind", "timestamp": None}]


def test_default_fallback_says_still_after_asking_back(dispatcher, domain):
    tracker = make_tracker("nlu_fallback", "blub")
    tracker.events.insert(0, {"event": "bot", "text": "Sorry?",
                              "metadata": {"utter_action": "utter_ask_rephrase"}})
    run(ActionDefaultFallback(), dispatcher, tracker, domain)
    assert dispatcher.messages[0]["response"] == "utter_default"


def test_every_uttered_response_exists_in_the_domain(domain):
    """Response keys used by actions must be defined, or Rasa utters nothing."""
    used = {f"utter_answer_{intent}" for intent in PRODUCT_INTENTS + ["complaint"]}
    used |= {"utter_opening_hours", "utter_contact_open", "utter_contact_closed",
             "utter_ask_affirmation", "utter_ask_rephrase", "utter_default",
             "utter_ask_what_else"}
    assert used <= set(domain["responses"])


@pytest.mark.parametrize("moment, response, values", [
    (dt.datetime(2026, 11, 30, 18, 0), "utter_opening_hours_now_closed",
     {"next_day": "dinsdag", "next_open": "08:30"}),
    (dt.datetime(2026, 12, 3, 19, 0), "utter_opening_hours_now_open", {"close": "20:00"}),
])
def test_open_now_is_answered_yes_or_no_first(dispatcher, domain, monkeypatch, moment, response,
                                               values):
    from zoneinfo import ZoneInfo

    from bot.profile import Profile

    zone = ZoneInfo(profile().timezone)
    monkeypatch.setattr(Profile, "now", lambda self: moment.replace(tzinfo=zone))
    run(ActionOpeningHours(), dispatcher,
        make_tracker("opening_hours", "ja maar NU, kan ik nu bellen of niet"), domain)
    [message] = dispatcher.messages
    assert message["response"] == response
    assert {key: message[key] for key in values} == values


@pytest.mark.parametrize("text, heard", [
    ("de afvalbak zit al een week vol, ik heb het al 3 keer gemeld. ik wil iemand spreken", True),
    ("ik wil graag een medewerker spreken", False),
])
def test_a_person_asked_for_after_reporting_before_hears_that_first(text, heard, dispatcher,
                                                                      domain):
    saturday = dt.datetime(2026, 11, 28, 22, 0, tzinfo=AMSTERDAM)
    tracker = make_tracker("ask_human", text, entities=read_message(text).to_entities(text))
    run(ActionContactHuman(clock=lambda: saturday), dispatcher, tracker, domain)
    responses = [message["response"] for message in dispatcher.messages]
    assert responses[-1] == "utter_contact_closed"
    assert (responses[0] == "utter_ack_human_after_repeats") is heard


def test_someone_hurt_in_a_fall_told_beside_a_question_hears_where_to_get_care(dispatcher,
                                                                                domain):
    """Round 84: "ze is gisteravond gevallen … kan haar been niet goed bewegen, maar ze wil
    niet naar de dokter" beside a question about opening hours got only the hours."""
    text = ("Zijn jullie morgen open? Mijn buurvrouw is gisteravond gevallen in haar keuken en "
            "kan haar been niet goed bewegen, maar ze wil niet naar de dokter.")
    tracker = make_tracker("opening_hours", text, entities=read_message(text).to_entities(text))
    run(ActionOpeningHours(), dispatcher, tracker, domain)
    responses = [m["response"] for m in dispatcher.messages]
    assert responses[0] == "utter_ack_injured" and responses[1].startswith("utter_opening_hours")


@pytest.mark.parametrize("text, expected", [
    ("Ik wil klagen over de balie. Kan dat anoniem?",
     ["utter_complaint_not_anonymous", "utter_answer_complaint"]),
    ("de medewerker aan de balie was ontzettend onbeschoft", ["utter_answer_complaint"])])
def test_a_complaint_asked_to_be_anonymous_is_told_it_needs_a_name(text, expected, dispatcher,
                                                                   domain):
    tracker = make_tracker("complaint", text, entities=read_message(text).to_entities(text))
    run(ActionAnswerComplaint(), dispatcher, tracker, domain)
    assert [message["response"] for message in dispatcher.messages] == expected


def test_a_hazard_left_as_a_message_is_acknowledged_with_its_advice(dispatcher, domain,
                                                                    monkeypatch):
    from actions import contact

    monkeypatch.setattr(contact.contactverzoek, "enabled", lambda: False)
    text = "er ligt een koelkast naast de schommels, daar kunnen kinderen in kruipen!"
    tracker = make_tracker("inform", text, entities=read_message(text).to_entities(text))
    run(contact.ActionTakeMessage(), dispatcher, tracker, domain)
    responses = [message["response"] for message in dispatcher.messages]
    assert responses[:2] == ["utter_ack_hazard_passed_on", "utter_hazard_advice_fridge"]
    # the when only: "ik heb uw bericht doorgegeven" is not said twice (own try, session 46)
    assert responses[2] in ("utter_message_taken_open_hazard", "utter_message_taken_closed_hazard")


def test_a_question_the_safety_answer_interrupted_is_answered_when_asked_back(dispatcher,
                                                                              domain,
                                                                              no_knowledge):
    """Round 86: the bulky waste question beside a gas smell got "Daar kan ik u helaas niet
    mee helpen" when the resident, outside now, asked "hoe zit het nu met de kast?"."""
    from actions.topics import ActionAnswerAsQuestion

    first = ("nu wil ik zijn oude kast en een matras laten ophalen. Hoe moet ik dat regelen? "
             "Overigens ruik ik sinds gisteren een beetje gas in de gang bij de meterkast")
    text = "Ik ben nu buiten bij de buurvrouw. Maar hoe zit het nu met de kast en de matras?"
    tracker = make_tracker("nlu_fallback", text, entities=read_message(text).to_entities(text))
    tracker.events[:0] = [
        {"event": "user", "text": first,
         "parse_data": {"entities": read_message(first).to_entities(first)}},
        {"event": "action", "name": "action_emergency"},
        {"event": "action", "name": "action_listen"}]
    run(ActionAnswerAsQuestion(), dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_answer_bulky_waste_pickup"]


def test_a_question_the_knowledge_base_misses_gets_its_topic_answer(dispatcher, domain,
                                                                    no_knowledge):
    """Round 100: "ik heb bijstand, kan ik iets regelen voor de gemeentebelasting?" got "Daar
    kan ik u helaas niet mee helpen" although the topic (taxes) has an answer with a link."""
    from actions.topics import ActionAnswerAsQuestion

    text = "ik heb bijstand, kan ik iets regelen voor de gemeentebelasting?"
    tracker = make_tracker("nlu_fallback", text, entities=read_message(text).to_entities(text))
    run(ActionAnswerAsQuestion(), dispatcher, tracker, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_answer_taxes"]


@pytest.fixture
def monday_7_december(monkeypatch):
    """Today is Monday 7 December 2026, 10:00 in Lindendal."""
    monday = dt.datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    monkeypatch.setattr(type(profile()), "now", lambda self: monday)


def _an_article(article_id):
    from bot.knowledge import KNOWLEDGE_DIR
    from bot.knowledge.articles import load_folder

    return next(a for a in load_folder(KNOWLEDGE_DIR) if a.id == article_id)


@pytest.mark.parametrize("text, response, day", [
    # round r261 of session 62: "ongeveer 5 werkdagen" three times, never "dan is het klaar"
    ("ik heb op dinsdag 26 november een paspoort aangevraagd. wanneer kan ik die ophalen?",
     "utter_ready_passed", "donderdag 3 december"),
    ("ik heb gisteren een paspoort aangevraagd, wanneer is hij klaar?", "utter_ready_on",
     "vrijdag 11 december"),
])
def test_the_day_a_document_is_ready_is_worked_out_from_the_day_applied(
        dispatcher, monday_7_december, text, response, day):
    from actions.own_days import utter_own_days

    article = _an_article("paspoort-id-kaart-aanvragen")
    utter_own_days(dispatcher, make_tracker("passport_id_appointment", text), article)
    utter_own_days(dispatcher, make_tracker("passport_id_appointment", text), article)
    [message] = dispatcher.messages  # said once
    assert (message["response"], message["day"]) == (response, day)


def test_no_ready_day_without_the_day_applied(dispatcher):
    from actions.own_days import utter_own_days

    utter_own_days(dispatcher, make_tracker("passport_id_appointment",
                                            "hoe lang duurt een paspoort?"),
                   _an_article("paspoort-id-kaart-aanvragen"))
    assert not dispatcher.messages


@pytest.mark.parametrize("text, response, values", [
    ("we verhuizen op 15 januari, kan ik het nu al doorgeven?", "utter_moving_not_yet",
     {"day": "vrijdag 15 januari", "first_day": "vrijdag 18 december"}),
    ("we verhuizen op 20 december, kan het al?", "utter_moving_now",
     {"day": "zondag 20 december", "last_day": "vrijdag 25 december"}),
    ("wij zijn op 20 november verhuisd, is dat te laat?", "utter_moving_late",
     {"day": "vrijdag 20 november", "days_after": 5}),
])
def test_the_days_a_move_can_be_registered_are_worked_out_from_the_moving_day(
        dispatcher, monday_7_december, text, response, values):
    """Round r268 of session 63: "15 januari, kan ik nu al?" got the rule of 4 weeks only."""
    from actions.own_days import utter_own_days

    moving = _an_article("verhuizing-doorgeven")
    passport = dataclasses.replace(moving, upl="paspoort")
    assert not utter_own_days(dispatcher, make_tracker("moving_address_change", text), passport)
    assert utter_own_days(dispatcher, make_tracker("moving_address_change", text), moving)
    utter_own_days(dispatcher, make_tracker("moving_address_change", text), moving)
    [message] = dispatcher.messages  # said once
    assert message["response"] == response
    assert {key: message[key] for key in values} == values


@pytest.mark.parametrize("text, response, last_day", [
    ("ik kreeg de aanslag van 1 november, kan ik nog bezwaar maken?", "utter_objection_until",
     "zondag 13 december"),
    ("de aanslag is van 1 oktober, is het te laat voor bezwaar?", "utter_objection_late",
     "donderdag 12 november"),
])
def test_the_last_day_to_object_is_worked_out_from_the_date_of_the_letter(
        dispatcher, monday_7_december, text, response, last_day):
    """Round r268 of session 63: a tax bill's date got only "binnen 6 weken"."""
    from actions.own_days import utter_own_days

    assert not utter_own_days(dispatcher, make_tracker("tax_question", text),
                              _an_article("verhuizing-doorgeven"))
    assert utter_own_days(dispatcher, make_tracker("tax_question", text),
                          _an_article("bezwaar-aanslag"))
    [message] = dispatcher.messages
    assert (message["response"], message["last_day"]) == (response, last_day)


def test_holiday_hours_asked_beside_a_report_are_answered(monkeypatch):
    """Round r263 of session 62: "wanneer is het gemeentehuis open tussen kerst en oud en
    nieuw?" beside the summary got "Op uw vraag heb ik geen antwoord"."""
    from actions.topics import hours_asked

    before_christmas = dt.datetime(2026, 12, 7, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    monkeypatch.setattr(type(profile()), "now", lambda self: before_christmas)
    holidays = hours_asked("wanneer is het gemeentehuis open tussen kerst en oud en nieuw?")
    assert holidays == {"key": "utter_opening_hours_closed_day", "values": {
        "day": "eerste kerstdag, tweede kerstdag en nieuwjaarsdag"}}
    eve = hours_asked("en is het gemeentehuis op 31 december open?")
    assert eve["values"]["close"] == "16:00"
