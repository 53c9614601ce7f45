"""The emergency answer: 112 first; a report is offered only about public space."""
from __future__ import annotations

import asyncio

import pytest

from actions.emergency import ActionEmergency
from bot.reading.message import read_message
from tests.conftest import make_tracker


def run_emergency(text, dispatcher, domain, active_loop=None, slots=None):
    tracker = make_tracker("out_of_scope", text, entities=read_message(text).to_entities(text),
                           active_loop=active_loop, slots=slots)
    return asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))


def test_someone_hurt_gets_112_and_no_report_offer(dispatcher, domain):
    events = run_emergency("er ligt een man bewusteloos op straat, hij ademt heel raar",
                           dispatcher, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_emergency"]
    assert events == []


def test_carbon_monoxide_gets_air_out_and_112(dispatcher, domain):
    """Round 80: a headache since yesterday and a strange smell at the geyser, told in passing
    beside a bulky-waste question, got a report instead of any safety advice."""
    events = run_emergency("Hoe laat ik een kast ophalen? Ik heb overigens sinds gisteren "
                           "hoofdpijn en ik ruik iets raars bij de geiser in de keuken.",
                           dispatcher, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_co"]
    assert events == []


def test_gas_gets_the_outage_number(dispatcher, domain):
    run_emergency("het stinkt hier enorm naar gas bij de Kerkstraat", dispatcher, domain)
    assert dispatcher.messages[0]["response"] == "utter_emergency_gas"


def test_a_fallen_cable_offers_a_report_afterwards(dispatcher, domain):
    text = "de lantaarnpaal is omgereden en de stroomkabel ligt op de stoep waar kinderen spelen"
    events = run_emergency(text, dispatcher, domain)
    assert dispatcher.messages[0]["response"].startswith("utter_emergency_")
    assert events[0]["name"] == "emergency_report" and events[0]["value"]["text"] == text
    assert events[1] == {"event": "followup", "name": "utter_emergency_offer_report",
                         "timestamp": None}


def test_a_live_cable_gets_112_stay_away_and_the_grid_number(dispatcher, domain):
    text = "er hangt een stroomkabel naar beneden bij de lindelaan en er lopen kinderen langs"
    run_emergency(text, dispatcher, domain)
    response = dispatcher.messages[0]["response"]
    assert response in ("utter_emergency_live_cable", "utter_emergency_power")
    text = [v for v in domain["responses"][response] if not v.get("condition")][0]["text"]
    assert "0800-9009" in text and "uit de buurt" in text


def test_in_a_form_the_question_waits_and_its_answer_is_forgotten(dispatcher, domain):
    events = run_emergency("help er is brand in het huis naast me", dispatcher, domain,
                           active_loop="report_form",
                           slots={"requested_slot": "report_location"})
    assert [m["response"] for m in dispatcher.messages][-1] == "utter_emergency_report_continues"
    assert {"event": "slot", "name": "report_location", "value": None,
            "timestamp": None} in events


def test_danger_in_the_middle_of_a_report_makes_it_urgent_and_goes_into_it(dispatcher, domain):
    """Round 65: smoke from dumped drums, told while the bot asked for the street, got 112
    but the report went out with normal priority and without the smoke."""
    text = "KERKSTRAAT NATUURLIJK. EN NU KOMT ER ROOK UIT EEN VAN DIE VATEN, MIJN OGEN PRIKKEN"
    events = run_emergency(text, dispatcher, domain, active_loop="report_form", slots={
        "requested_slot": "report_location",
        "report_description": "Iemand heeft zijn troep gedumpt. Vaten en blikken verf"})
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots["report_priority"] == "high"
    assert slots["report_description"] == ("Iemand heeft zijn troep gedumpt. Vaten en blikken "
                                           "verf. Nu komt er rook uit een van die vaten, mijn "
                                           "ogen prikken")


def test_another_danger_told_by_the_way_stays_out_of_the_report(dispatcher, domain):
    """Round 91: a gas smell at the neighbours', told "trouwens" beside the answer about a
    broken bin lid, made the bin report urgent and went into its description."""
    text = ("ja is goed. trouwens toen ik net buiten bij de kliko stond rook ik echt een "
            "gaslucht bij de meterkast van de buren, maar die zijn op vakantie")
    events = run_emergency(text, dispatcher, domain, active_loop="report_form", slots={
        "requested_slot": "report_updates",
        "report_description": "Mijn groene kliko is gebroken, de deksel is eraf"})
    assert dispatcher.messages[0]["response"].startswith("utter_emergency_gas")
    names = {e["name"] for e in events if e["event"] == "slot"}
    assert "report_priority" not in names and "report_description" not in names


@pytest.mark.parametrize("text, asked, kept", [
    ("ja is goed, 0612345678. trouwens ik ruik gas bij de buren", "report_updates",
     {"report_updates": True, "report_contact": "+31612345678"}),
    ("nee hoeft niet. trouwens er ligt een stroomkabel open op straat", "report_updates",
     {"report_updates": False}),
    ("piet@hotmail.com. o ja en ik ruik nu ook gas in de straat", "report_contact",
     {"report_contact": "piet@hotmail.com"}),
])
def test_the_answer_told_beside_a_danger_is_kept_and_the_report_goes_on(text, asked, kept,
                                                                        dispatcher, domain):
    """Round 91: "ja is goed, 06…. trouwens … gaslucht" got the gas answer, and then the
    updates question again: the answer in the same message was forgotten."""
    events = run_emergency(text, dispatcher, domain, active_loop="report_form", slots={
        "requested_slot": asked, "report_description": "Kliko niet geleegd"})
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert {name: slots.get(name) for name in kept} == kept
    assert dispatcher.messages[-1]["response"] == "utter_emergency_report_goes_on"
    assert events[-1]["event"] == "followup" and events[-1]["name"] == "report_form"


def test_asking_for_the_police_in_the_middle_of_a_report_changes_nothing_in_it(dispatcher,
                                                                              domain):
    events = run_emergency("nee. kunnen jullie dan niet gewoon de politie sturen?", dispatcher,
                           domain, active_loop="report_form", slots={
                               "requested_slot": "report_updates",
                               "report_description": "Elke nacht keiharde muziek"})
    names = {e["name"] for e in events if e["event"] == "slot"}
    assert "report_priority" not in names and "report_description" not in names


def test_alarm_words_the_danger_reader_missed_still_remind_of_112(dispatcher, domain):
    text = "snel hulp nodig bij de vijver aan de parkweg"
    assert read_message(text).danger == "unsure"
    events = run_emergency(text, dispatcher, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_unsure"]
    assert events == []


def test_a_hazard_with_someone_hurt_gets_112_then_the_report_offer(dispatcher, domain):
    text = "putdeksel is weg bij de school, er is net een kind in gevallen en hij bloed"
    events = run_emergency(text, dispatcher, domain)
    assert dispatcher.messages[0]["response"] == "utter_emergency_unsure"
    assert events[-1]["name"] == "utter_emergency_offer_report"


def test_someone_who_may_jump_gets_112_and_what_to_do_and_no_report_offer(dispatcher, domain):
    events = run_emergency("er staat een jongen op de reling van de brug, hij wil springen",
                           dispatcher, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_jump_risk"]
    assert events == []


def test_a_question_right_after_the_112_answer_gets_why_and_112_again(dispatcher, domain):
    text = "ik heb geen beltegoed, kunt u niet iemand sturen?"
    tracker = make_tracker("ask_human", text, entities=read_message(text).to_entities(text))
    tracker.events[:0] = [{"event": "user", "text": "er ligt een man op straat, hij ademt niet"},
                          {"event": "action", "name": "action_emergency"},
                          {"event": "action", "name": "action_listen"}]
    events = asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_followup"]
    assert events == []


HURT = ("er ligt een stoeptegel los, mijn buurvrouw is erover gestruikeld en bloedt nu aan "
        "haar hoofd")


def _after_the_112_answer(first: str, text: str, intent: str):
    """The tracker of `text` right after the 112 answer to `first`, both read by the reader."""
    tracker = make_tracker(intent, text, entities=read_message(text).to_entities(text))
    tracker.events[:0] = [{"event": "user", "text": first, "parse_data": {
                              "entities": read_message(first).to_entities(first)}},
                          {"event": "action", "name": "action_emergency"},
                          {"event": "action", "name": "action_listen"}]
    return tracker


@pytest.mark.parametrize("text", ["ze is wel aanspreekbaar",
                                  "moet ik nou 112 bellen of niet, ze zegt dat het wel gaat"])
def test_a_sign_of_life_or_a_doubt_about_someone_hurt_gets_112_when_in_doubt(
        dispatcher, domain, text):
    tracker = _after_the_112_answer(HURT, text, "report_waste_collection")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_doubt_hurt"]


def test_where_to_go_tonight_after_violence_at_home_gets_a_safe_place(dispatcher, domain):
    hit = "mijn vriend heeft me net geslagen en hij is nog in huis"
    text = "ok ik heb stil 112 gebeld, politie komt. waar kan ik heen vannacht"
    tracker = _after_the_112_answer(hit, text, "ask_report_status")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_emergency_home_violence_safe_place"]


def _after_the_gas_answer(text: str, answer: str = "utter_emergency_gas",
                          first: str = "ik ruik gas in het trappenhuis"):
    tracker = make_tracker("inform", text, entities=read_message(text).to_entities(text))
    tracker.events[:0] = [{"event": "user", "text": first},
                          {"event": "action", "name": "action_emergency"},
                          {"event": "bot", "text": "…", "metadata": {"utter_action": answer}},
                          {"event": "action", "name": "action_listen"}]
    return tracker


def test_a_question_after_the_gas_answer_gets_the_outage_number_again(dispatcher, domain):
    tracker = _after_the_gas_answer("welk nummer moet ik dan bellen?")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_followup_outage"]


@pytest.mark.parametrize("first, then", [
    ("ik ruik heel sterk gas in de portiek van onze flat", "ok we staan buiten nu. kunnen "
                                                           "jullie het niet doorgeven"),
    ("ik ruik gas in de portiek", "welk nummer moet ik nou bellen 112 of dat andere het is "
                                  "echt sterk"),
])
def test_a_strong_gas_smell_asked_about_again_gets_112_from_outside(dispatcher, domain, first,
                                                                    then):
    tracker = _after_the_gas_answer(then, first=first)
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_meanwhile_gas_call"]


def test_gas_in_the_street_gets_advice_for_the_street_not_go_outside(dispatcher, domain):
    first = "het ruikt heel straf naar gas aan de bushalte, en er staan mensen te roken"
    tracker = _after_the_gas_answer("moet ik die mensen zeggen dat ze moeten stoppen met roken?",
                                    first=first)
    tracker.events[0]["parse_data"] = {"entities": read_message(first).to_entities(first)}
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_meanwhile_gas_street"]


def test_a_strong_gas_smell_in_the_street_asked_112_about_gets_112(dispatcher, domain):
    """Round 73: "moet ik nou 112 bellen of niet? het is echt best sterk" got the outage
    number first and 112 only as an "if"."""
    first = ("ruik al een uur of twee een sterke gaslucht op de beukenlaan bij het speeltuintje, "
             "kinderen spelen er gewoon")
    tracker = _after_the_gas_answer("dus moet ik nou 112 bellen of niet? het is echt best sterk",
                                    first=first)
    tracker.events[0]["parse_data"] = {"entities": read_message(first).to_entities(first)}
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_meanwhile_gas_call"]


def test_someone_who_may_be_inside_after_the_gas_answer_gets_112(dispatcher, domain):
    tracker = _after_the_gas_answer("mijn buurvrouw op de 2e doet niet open en ze is al oud")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_outage_person"]
    assert "112" in str(domain["responses"]["utter_emergency_outage_person"])


def test_a_smell_taken_back_as_the_sewer_gets_measure_when_in_doubt_and_a_report_offer(
        dispatcher, domain):
    """Round r122 of session 49: "nee geen 112!! het is riool stank denk ik. niet gas" got the
    same gas answer three times."""
    text = "nee geen 112!! het is riool stank denk ik. niet gas. kan gemeente riool kijken?"
    tracker = _after_the_gas_answer(text, first="ik ruik gas in huis denk ik")
    events = asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_not_gas"]
    assert events[-1]["name"] == "utter_emergency_offer_report"
    assert events[0]["value"]["text"] == text


def test_an_outage_number_that_does_not_work_from_this_phone_gets_112(dispatcher, domain):
    """Round r122 of session 49: "i have a belgian sim card. 0800 does not work here" got
    "call 0800-9009" four times."""
    tracker = _after_the_gas_answer("i have a belgian sim card. 0800 does not work here. what now",
                                    "utter_emergency_live_cable")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_outage_no_0800"]


def test_both_numbers_asked_about_after_the_street_gas_advice_gets_which_one_when(dispatcher,
                                                                                  domain):
    """Round r123 of session 49: "net zei je nog 0800-9009 en nu weer 112?" got "Bel nu 112"
    three times for a faint smell outside."""
    tracker = _after_the_gas_answer("net zei je nog 0800-9009 en nu weer 112?",
                                    "utter_emergency_meanwhile_gas_street",
                                    first="IK RUIK GAS OP HET MARKTPLEIN BIJ DE FONTEIN")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_gas_which_number"]


def test_after_the_power_answer_nobody_is_told_about_gas(dispatcher, domain):
    tracker = _after_the_gas_answer("mijn buurvrouw doet niet open", "utter_emergency_power")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_followup_outage"]


def _after_offer(first: str, answer: str, intent: str = "affirm"):
    """The tracker when the resident answers the report offer that followed 112."""
    from rasa_sdk import Tracker
    stored = {"text": first, "entities": read_message(first).to_entities(first)}
    message = {"intent": {"name": intent, "confidence": 0.9}, "text": answer,
               "entities": read_message(answer).to_entities(answer), "metadata": {}}
    events = [{"event": "user", "text": first},
              {"event": "action", "name": "action_emergency"},
              {"event": "action", "name": "utter_emergency_offer_report"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": answer}]
    return Tracker("test-sender", {"emergency_report": stored}, message, events, False, None,
                   {}, "action_listen")


def _started(tracker, dispatcher, domain):
    from actions.reports import ActionStartReport
    events = asyncio.run(ActionStartReport().run(dispatcher, tracker, domain))
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_the_report_after_112_keeps_the_place_of_the_first_message(dispatcher, domain):
    first = "help mijn buurvrouw is gevallen op de stoep voor Marktplein 3 en ze bloedt erg"
    answer = "ambulance is er. ze is gestruikeld over een losse tegel, dat moet gemaakt worden"
    slots = _started(_after_offer(first, answer, "report_pavement_road"), dispatcher, domain)
    assert slots["report_location"] == "Marktplein 3"
    assert slots["report_category"] == "report_pavement_road"
    assert "gevallen" in slots["report_description"]
    assert "losse tegel" in slots["report_description"]


def test_a_yes_with_a_remark_adds_the_remark_to_the_first_message(dispatcher, domain):
    first = "er is een boom omgewaaid op een auto op de Julianastraat en er zit iemand in"
    answer = "brandweer is er, man is eruit. ja melden, de boom ligt over de hele weg"
    slots = _started(_after_offer(first, answer), dispatcher, domain)
    assert slots["report_description"].startswith("Er is een boom omgewaaid")
    assert slots["report_description"].endswith("De boom ligt over de hele weg")
    assert slots["report_place"]["streets"] == ["Julianastraat"]  # its number asked next




def test_a_number_given_with_the_yes_completes_the_street_of_the_first_message(dispatcher,
                                                                               domain):
    first = "De kabel van de lantaarnpaal in de Dorpsstraat hangt los en er komen vonken uit"
    answer = "ja melden, het is ter hoogte van de bakker, nummer 17 ongeveer"
    slots = _started(_after_offer(first, answer, "inform"), dispatcher, domain)
    assert slots["report_location"] == "Dorpsstraat 17"
    assert slots["report_priority"] == "high", "a report after the 112 answer goes first"

@pytest.mark.parametrize("text, response", [
    ("mijn man slaat me en ik durf niet naar huis", "utter_emergency_home_violence"),
    ("mijn vader heeft alzheimer, hij is sinds een uur weg", "utter_emergency_missing_person"),
    ("bij de bushalte staat een oude man die niet weet waar hij woont",
     "utter_emergency_lost_person"),
    ("er loopt een peuter helemaal alleen langs de vaart, ik zie geen moeder",
     "utter_emergency_child_alone"),
    ("mijn buurvrouw van 90 doet al 2 dagen niet open, haar post stapelt zich op",
     "utter_emergency_welfare"),
])
def test_violence_at_home_and_a_missing_person_get_their_own_answer_and_no_report(
        text, response, dispatcher, domain):
    events = run_emergency(text, dispatcher, domain)
    assert [m["response"] for m in dispatcher.messages] == [response]
    assert events == []


@pytest.mark.parametrize("first, then, response", [
    ("ik wil er niet meer zijn", "kan ik ergens chatten met iemand? praten lukt niet",
     "utter_emergency_followup_suicide"),
    ("my husband hits me", "I cant call, he will hear me. can I write to someone?",
     "utter_emergency_followup_home_violence"),
])
def test_after_despair_or_violence_at_home_a_question_gets_a_way_to_write(
        first, then, response, dispatcher, domain):
    before = "utter_emergency_suicide" if "niet meer" in first else \
        "utter_emergency_home_violence"
    tracker = make_tracker("out_of_scope", then, entities=read_message(then).to_entities(then))
    tracker.events = [{"event": "user", "text": first},
                      {"event": "action", "name": "action_emergency"},
                      {"event": "bot", "text": "…", "metadata": {"utter_action": before}},
                      {"event": "action", "name": "action_listen"},
                      {"event": "user", "text": then}]
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == [response]


def test_not_daring_to_call_gets_how_to_call_anyway(dispatcher, domain):
    from rasa_sdk import Tracker
    first = "mijn buurman staat voor mijn deur met een mes en zegt dat hij me vermoordt"
    answer = "ik durf niet te bellen hij hoort me door de deur"
    message = {"intent": {"name": "inform", "confidence": 0.9}, "text": answer,
               "entities": read_message(answer).to_entities(answer), "metadata": {}}
    def after(first: str) -> Tracker:
        events = [{"event": "user", "text": first, "parse_data": {
                      "entities": read_message(first).to_entities(first)}},
                  {"event": "action", "name": "action_emergency"},
                  {"event": "action", "name": "action_listen"},
                  {"event": "user", "text": answer}]
        return Tracker("test-sender", {}, message, events, False, None, {}, "action_listen")

    asyncio.run(ActionEmergency().run(dispatcher, after(first), domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_cannot_call"]
    dispatcher.messages.clear()  # a fire: no "lock yourself in", but who can call
    asyncio.run(ActionEmergency().run(dispatcher, after("het huis naast ons staat in brand"),
                                      domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_cannot_call_other"]
    dispatcher.messages.clear()  # "kunnen jullie niet bellen?" at someone on a bridge
    answer = "ik durf niet te bellen, kunnen jullie niet bellen"
    message.update(text=answer, entities=read_message(answer).to_entities(answer))
    asyncio.run(ActionEmergency().run(dispatcher, after(
        "er zit een jongen op de reling van de brug over het kanaal, hij reageert niet"), domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_cannot_call_other"]


def test_asking_to_send_the_police_gets_112_and_the_police_number(dispatcher, domain):
    run_emergency("kunnen jullie dan niet gewoon de politie sturen?", dispatcher, domain,
                  active_loop="report_form", slots={"requested_slot": "report_updates"})
    responses = [m["response"] for m in dispatcher.messages]
    assert responses == ["utter_emergency_police", "utter_emergency_report_continues"]
    texts = [v["text"] for v in domain["responses"]["utter_emergency_police"]]
    assert all("112" in text and "0900-8844" in text for text in texts)


def test_asking_to_send_an_ambulance_gets_112(dispatcher, domain):
    run_emergency("kunnen jullie een ambulance sturen?", dispatcher, domain)
    assert dispatcher.messages[0]["response"] == "utter_emergency_asks_112"
    assert all("Bel nu 112" in v["text"] or "Call 112 now" in v["text"]
               for v in domain["responses"]["utter_emergency_asks_112"])


def test_after_the_welfare_answer_a_question_gets_the_police_number_too(dispatcher, domain):
    assert _after("buurvrouw van 88 al 4 dagen niet gezien",
                  "is er geen ander nummer? ik weet niet of het een noodgeval is", dispatcher,
                  domain, "utter_emergency_welfare") == ["utter_emergency_followup_welfare"]


def test_reporting_again_after_the_status_answer_keeps_what_was_told(dispatcher, domain):
    from rasa_sdk import Tracker
    first = "ik heb 2 weken geleden gemeld dat de lamp voor mijn deur kapot is, nog steeds niks"
    second = "weet ik niet meer, heb ik weggegooid. het was schoolstraat 9"
    again = "opnieuw melden dan maar"

    def user(text):
        return {"event": "user", "text": text,
                "parse_data": {"entities": read_message(text).to_entities(text)}}
    message = {"intent": {"name": "report_public_space_other", "confidence": 0.9},
               "text": again, "entities": read_message(again).to_entities(again),
               "metadata": {}}
    events = [user(first), {"event": "action", "name": "action_report_status"},
              {"event": "action", "name": "action_listen"}, user(second),
              {"event": "action", "name": "action_report_status"},
              {"event": "action", "name": "action_listen"}, user(again)]
    tracker = Tracker("test-sender", {}, message, events, False, None, {}, "action_listen")
    slots = _started(tracker, dispatcher, domain)
    assert "lamp" in slots["report_description"].lower()
    assert slots["report_category"] == "report_street_lighting"
    assert "Schoolstraat" in str(slots.get("report_place") or slots.get("report_location"))


JUMP = ("er zit een jongen op de rand van de brug over het kanaal, hij huilt en kijkt naar "
        "beneden")


def test_112_or_113_about_someone_who_may_jump_gets_112(dispatcher, domain):
    assert _after(JUMP, "112 of 113? ik wil niet dat hij schrikt van politie", dispatcher,
                  domain, "utter_emergency_jump_risk") == ["utter_emergency_followup_jump_risk"]
    assert domain["responses"]["utter_emergency_followup_jump_risk"][-1]["text"].startswith(
        "Bel 112, niet 113")


def test_having_called_112_is_no_question_whether_to_call_it():
    assert read_message(JUMP).danger_reason == "jump_risk"
    called = read_message("ok ik heb 112 gebeld ze komen. moet ik naar hem toe gaan?")
    assert called.danger_reason != "asks_112"
    assert read_message("0800 gebeld. moet ik 112 bellen?").danger_reason == "asks_112"


def _after(first, then, dispatcher, domain, answered="utter_emergency_emergency"):
    tracker = make_tracker("inform", then, entities=read_message(then).to_entities(then))
    tracker.events = [{"event": "user", "text": first,
                       "parse_data": {"entities": read_message(first).to_entities(first)}},
                      {"event": "action", "name": "action_emergency"},
                      {"event": "bot", "text": "…", "metadata": {"utter_action": answered}},
                      {"event": "action", "name": "action_listen"},
                      {"event": "user", "text": then}]
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    return [m["response"] for m in dispatcher.messages]


@pytest.mark.parametrize("first, then, answered, response", [
    ("de container naast de schuur staat in brand!! de vlammen komen tegen de schuur aan",
     "heb al 112 gebeld brandweer komt eraan. wat moet ik nu doen", "utter_emergency_emergency",
     "utter_emergency_meanwhile_fire"),
    ("ik ruik gas in mijn keuken, sterk", "ik sta nog in de keuken. moet ik de gaskraan "
     "dichtdraaien en ramen open?", "utter_emergency_gas", "utter_emergency_meanwhile_gas"),
    ("er loopt een klein jongetje alleen bij de vijver, hij staat heel dicht bij het water",
     "112?? hij is niet in het water hoor. moet ik gewoon naar hem toe gaan?",
     "utter_emergency_emergency", "utter_emergency_meanwhile_water"),
    ("er ligt een man bewusteloos op straat", "ambulance is gebeld, moet ik hem omdraaien?",
     "utter_emergency_emergency", "utter_emergency_meanwhile_person"),
    ("er is een vechtpartij voor de deur", "ze zijn gebeld, moet ik iets doen?",
     "utter_emergency_emergency", "utter_emergency_called_what_to_do"),
])
def test_what_to_do_meanwhile_is_the_advice_for_that_danger(first, then, answered, response,
                                                             dispatcher, domain):
    assert _after(first, then, dispatcher, domain, answered) == [response]


def test_why_112_for_gas_says_why_and_not_the_outage_number(dispatcher, domain):
    assert _after("ik ruik gas in mijn keuken, sterk", "waarom 112? het is toch geen brand",
                  dispatcher, domain, "utter_emergency_gas") == ["utter_emergency_why_112_gas"]


@pytest.mark.parametrize("text", ["ik wil van de brug springen", "ik spring zo van het dak",
                                  "ik zit op het balkon en wil springen, ik kan niet meer"])
def test_the_resident_who_wants_to_jump_gets_112_and_113(text, dispatcher, domain):
    run_emergency(text, dispatcher, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_suicide"]


def test_someone_in_the_water_is_told_not_to_jump_in(dispatcher, domain):
    responses = _after("er ligt een man in de gracht, hij drijft",
                       "112 is gebeld. moet ik erin springen om hem te halen?", dispatcher,
                       domain)
    assert responses == ["utter_emergency_meanwhile_water"]
    text = domain["responses"]["utter_emergency_meanwhile_water"][-1]["text"]
    assert "Spring er niet zelf in" in text


def test_what_to_do_follows_the_danger_told_now_not_the_first(dispatcher, domain):
    assert _after("de container staat in brand", "nu ligt de buurman bewusteloos in de tuin, "
                  "moet ik hem wegslepen?", dispatcher, domain) == \
        ["utter_emergency_meanwhile_person"]


def test_after_the_jump_answer_a_question_gets_the_jump_follow_up(dispatcher, domain):
    assert _after("er staat een jongen op de reling van de brug, hij wil springen",
                  "moet ik 112 of 113 bellen?", dispatcher,
                  domain, "utter_emergency_jump_risk") == ["utter_emergency_followup_jump_risk"]


def test_help_called_near_someone_who_may_jump_gets_what_to_do_now(dispatcher, domain):
    assert _after("er staat een meisje aan de verkeerde kant van de reling op de spoorbrug",
                  "politie is gebeld. moet ik naar haar toe gaan of praten?", dispatcher,
                  domain, "utter_emergency_jump_risk") == ["utter_emergency_meanwhile_jump_risk"]


def test_the_danger_told_again_after_help_was_called_is_no_call_112_now(dispatcher, domain):
    first = "er ligt iemand in het water bij de brug, hij beweegt bijna niet"
    tracker = make_tracker("inform", "ik heb niks wat drijft. hij gaat kopje onder",
                           entities=read_message("hij gaat kopje onder").to_entities(
                               "hij gaat kopje onder"))
    tracker.events = [
        {"event": "user", "text": first,
         "parse_data": {"entities": read_message(first).to_entities(first)}},
        {"event": "action", "name": "action_emergency"},
        {"event": "bot", "metadata": {"utter_action": "utter_emergency_emergency"}},
        {"event": "user", "text": "ik heb gebeld ze komen eraan. moet ik erin springen??"},
        {"event": "action", "name": "action_emergency"},
        {"event": "bot", "metadata": {"utter_action": "utter_emergency_meanwhile_water"}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "ik heb niks wat drijft. hij gaat kopje onder"}]
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_called_what_to_do"]


@pytest.mark.parametrize("text, reason", [
    ("is 112 al gebeld of moet ik nog 112 bellen?", "asks_112"),
    ("moet ik nou 112 bellen voor een kapotte lantaarnpaal?", "asks_112")])
def test_asking_whether_to_call_112_stays_that_question(text, reason, dispatcher, domain):
    assert read_message(text).danger_reason == reason
    run_emergency(text, dispatcher, domain)
    assert dispatcher.messages[0]["response"] == "utter_emergency_asks_112"


def test_a_faint_gas_smell_questioned_keeps_the_outage_advice(dispatcher, domain):
    assert _after("ik ruik gas bij de meterkast", "het is maar een klein beetje, en buiten",
                  dispatcher, domain, "utter_emergency_gas") != ["utter_emergency_why_112_gas"]


def test_a_crash_with_wires_hanging_out_gets_stay_away_from_the_wires(dispatcher, domain):
    run_emergency("er is net een auto tegen een lantaarnpaal gereden op de hoofdstraat, de "
                  "draden hangen eruit", dispatcher, domain)
    assert dispatcher.messages[0]["response"] == "utter_emergency_live_cable"


@pytest.mark.parametrize("first, then, answered, response", [
    ("er is net een auto tegen een lantaarnpaal gereden, de draden hangen eruit",
     "politie staat er al. draden op de stoep, moet ik die opzij leggen?",
     "utter_emergency_live_cable", "utter_emergency_meanwhile_cable"),
    ("ik ruik heel sterk gas in het trappenhuis", "ik sta buiten en heb 112 gebeld. wat moet "
     "ik nu doen? woningcorporatie bellen?", "utter_emergency_gas",
     "utter_emergency_meanwhile_gas_outside"),
    ("ik ruik heel sterk gas in de flat", "ik sta nu buiten. moet ik de buren waarschuwen? en "
     "ik heb nog niet gebeld", "utter_emergency_gas", "utter_emergency_meanwhile_gas_call"),
])
def test_after_help_was_called_what_to_do_fits_what_is_told(first, then, answered, response,
                                                            dispatcher, domain):
    assert _after(first, then, dispatcher, domain, answered) == [response]


def test_someone_inside_after_the_gas_answers_gets_112_for_them(dispatcher, domain):
    first = "ik ruik een hele sterke gaslucht in het trappenhuis"
    then = "mijn buurvrouw van 3 hoog doet niet open, ze is oud. wat moet ik doen?"
    tracker = make_tracker("inform", then, entities=read_message(then).to_entities(then))
    tracker.events = [
        {"event": "user", "text": first,
         "parse_data": {"entities": read_message(first).to_entities(first)}},
        {"event": "action", "name": "action_emergency"},
        {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_emergency_gas"}},
        {"event": "user", "text": "ik sta buiten en heb 112 gebeld. moet ik het hier ook melden?"},
        {"event": "action", "name": "utter_emergency_report_here"},
        {"event": "bot", "text": "…", "metadata": {"utter_action": "utter_emergency_report_here"}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": then}]
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_outage_person"]


def test_a_door_to_break_open_after_the_gas_answer_is_someone_inside(dispatcher, domain):
    tracker = _after_the_gas_answer("ik sta buiten. moet ik haar deur openbreken? ze is oud")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_outage_person"]


def test_gas_with_a_neighbour_not_opening_gets_112_for_her_at_once(dispatcher, domain):
    text = "ik ruik een hele sterke gaslucht in het trappenhuis, mijn buurvrouw doet niet open"
    run_emergency(text, dispatcher, domain)
    responses = [m["response"] for m in dispatcher.messages]
    # a strong smell indoors: go out and call 112 at once (round r85 of session 43)
    assert responses[:2] == ["utter_emergency_gas_strong", "utter_emergency_outage_person"]


def test_gas_with_a_worried_neighbour_gets_the_gas_answer_and_112_for_her(dispatcher, domain):
    text = ("ik ruik heel sterk gas in het trappenhuis van onze flat en mijn buurvrouw doet niet "
            "open, ik maak me zorgen wat moet ik doen")
    run_emergency(text, dispatcher, domain)
    responses = [m["response"] for m in dispatcher.messages]
    # a strong smell indoors: go out and call 112 at once (round r85 of session 43)
    assert responses[:2] == ["utter_emergency_gas_strong", "utter_emergency_outage_person"]


def test_a_new_danger_after_the_112_answer_gets_its_own_answer(dispatcher, domain):
    from rasa_sdk import Tracker
    first = "er komt rook uit de container bij de school, volgens mij staat ie in de fik"
    then = ("brandweer is er. er staat trouwens ook een vent te schreeuwen tegen de brandweer "
            "met een mes in zn hand")
    message = {"intent": {"name": "inform", "confidence": 0.9}, "text": then,
               "entities": read_message(then).to_entities(then), "metadata": {}}
    events = [{"event": "user", "text": first, "parse_data": {
                  "entities": read_message(first).to_entities(first)}},
              {"event": "action", "name": "action_emergency"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": then}]
    tracker = Tracker("test-sender", {}, message, events, False, None, {}, "action_listen")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["response"] == f"utter_emergency_{read_message(then).danger}"


def test_a_strong_smell_told_with_a_question_about_reporting_gets_112(dispatcher, domain):
    tracker = _after_the_gas_answer("het is best sterk eigenlijk. moet ik de gemeente nog "
                                    "iets melden?")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_meanwhile_gas_call"]


def test_the_report_after_a_chat_in_between_is_about_the_message_the_offer_was_for(
        dispatcher, domain):
    """"ja ik sta er nu bij … meld het maar ja", then "Ja, melden": the cable and its
    corner, not the words in between."""
    first = ("er hangt een stroomkabel los van een lantaarnpaal op de hoek kerkstraat "
             "schoolstraat, de kinderen gaan zo uit school!!")
    between = "ja ik sta er nu bij en hou de kinderen weg. meld het maar ja"
    tracker = _after_offer(first, "Ja, melden", "report_public_space_other")
    tracker.events[4:4] = [{"event": "user", "text": between, "parse_data": {
        "entities": read_message(between).to_entities(between)}},
        {"event": "action", "name": "action_emergency"}, {"event": "action",
                                                           "name": "action_listen"}]
    slots = _started(tracker, dispatcher, domain)
    assert "stroomkabel" in slots["report_description"]
    assert slots["report_place"]["streets"] == ["Kerkstraat", "Schoolstraat"]
    assert slots["report_priority"] == "high"


def test_despair_over_debts_gets_113_and_the_debt_help(dispatcher, domain):
    """Own try: "de schulden … ik zie het niet meer zitten. waar kan ik hulp krijgen met
    geld" got only the 113 text; the money question waited for another turn."""
    text = ("de rekeningen stapelen zich op en de deurwaarder belt steeds, ik zie het echt "
            "niet meer zitten")
    run_emergency(text, dispatcher, domain)
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_emergency_suicide", "utter_answer_money_worries"]


def test_despair_without_money_gets_only_113(dispatcher, domain):
    run_emergency("ik zie het niet meer zitten, ik wil er niet meer zijn", dispatcher, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_suicide"]


@pytest.mark.parametrize("text, advice", [
    ("er is een boom omgewaaid op de wilhelminastraat, hij ligt over de hele weg!!",
     "utter_hazard_advice_tree_on_road"),
    ("er is een grote tak afgebroken in het park aan de parkweg", "utter_hazard_advice_tree"),
    ("er hangt een tak half los boven het fietspad", "utter_hazard_advice_tree_hanging"),
    ("er bungelt een afgebroken tak boven de stoep bij de school",
     "utter_hazard_advice_tree_hanging"),
    ("de lantaarnpaal hangt scheef", None),
    ("putdeksel ligt los op de hoek schoolstraat en lindelaan, rammelt als er een auto "
     "overheen gaat", "utter_hazard_advice_manhole_loose"),
    ("de putdeksel ligt eraf bij de school", "utter_hazard_advice_manhole"),
])
def test_the_hazard_advice_fits_what_the_resident_told(domain, text, advice):
    """Session 36: "hij ligt over de hele weg" was answered with "Ligt hij over de weg?", a
    loose rattling cover with advice about a hole."""
    from actions.emergency import hazard_acks

    acks = hazard_acks(read_message(text), domain)
    assert acks[0] == "utter_ack_hazard"
    assert advice in acks if advice else not acks[1:] or not acks[1].endswith("_hanging")


def test_a_strong_gas_smell_indoors_is_112_at_once(dispatcher, domain):
    """Round r85 of session 43: "heel erg" in the stairwell got 112 only "if it is strong"."""
    run_emergency("het stinkt heel erg naar gas in het trappenhuis", dispatcher, domain)
    assert dispatcher.messages[0]["response"] == "utter_emergency_gas_strong"


def test_a_faint_gas_smell_indoors_gets_the_general_gas_answer(dispatcher, domain):
    run_emergency("ik ruik een beetje gas in de keuken", dispatcher, domain)
    assert dispatcher.messages[0]["response"] == "utter_emergency_gas"


def test_a_deaf_resident_after_the_112_answer_gets_the_way_without_a_phone(dispatcher, domain):
    """Round r83 of session 43: "ik ben doof" twice got the same welfare text twice."""
    tracker = _after_the_gas_answer("ik kan niet bellen, ik ben doof")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_no_phone"]


def _after_a_danger_told(first: str, text: str, answer: str):
    """A tracker where `first` (read, with its danger) got `answer`, and `text` comes next."""
    tracker = make_tracker("inform", text, entities=read_message(text).to_entities(text))
    tracker.events[:0] = [
        {"event": "user", "text": first,
         "parse_data": {"entities": read_message(first).to_entities(first)}},
        {"event": "action", "name": "action_emergency"},
        {"event": "bot", "text": "…", "metadata": {"utter_action": answer}},
        {"event": "action", "name": "action_listen"}]
    return tracker


def test_a_missing_child_found_gets_tell_112_not_a_report(dispatcher, domain):
    """Round r88 of session 43: "gevonden!! hij stond bij de kaasboer" started a report."""
    tracker = _after_a_danger_told("help ik kan mijn zoontje van 3 niet meer vinden op de markt",
                                   "gevonden!! hij stond bij de kaasboer",
                                   "utter_emergency_emergency")
    events = asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_found"]
    assert events == []


def test_a_car_on_fire_gets_stay_away_from_your_own_car(dispatcher, domain):
    """Round r88 of session 43: "mag ik mijn auto wegrijden?" got the house-fire advice."""
    tracker = _after_a_danger_told(
        "er staat een auto in brand op de parkeerplaats bij de sporthal",
        "ja ja gebeld maar mijn auto staat ernaast, mag ik die wegrijden?", "utter_emergency_fire")
    asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_emergency_meanwhile_fire_outside"]


def test_another_problem_beside_gas_is_offered_as_the_report(dispatcher, domain):
    """Round r100: gas at a playground and a leaning lamp: only the gas was answered."""
    import asyncio

    from actions.emergency import ActionEmergency
    from bot.reading.message import read_message
    from tests.conftest import make_tracker

    text = ("hallo ik ruik al de hele ochtend gas bij het speeltuintje aan de Rozenlaan, is dat "
            "normaal? ook staat daar een lantaarnpaal scheef")
    tracker = make_tracker("report_public_space_other", text,
                           entities=read_message(text).to_entities(text))
    events = asyncio.run(ActionEmergency().run(dispatcher, tracker, domain))
    responses = [m["response"] for m in dispatcher.messages]
    assert responses[-1] == "utter_emergency_other_problem"
    stored = next(e for e in events if e.get("name") == "emergency_report")["value"]
    assert "lantaarnpaal" in stored["text"] and "gas" not in stored["text"]


def test_112_called_before_writing_is_not_told_to_call_again(dispatcher, domain):
    """Round r105 of session 45: "ik heb 112 gebeld … moet ik nog iets doen bij jullie?" got
    "Bel nu 112"."""
    events = run_emergency("ik heb net 112 gebeld want er lag een man op straat bij de "
                           "kerkstraat, moet ik nog iets doen bij jullie?", dispatcher, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_called_no_report"]
    assert events == []


def test_112_called_for_a_crash_into_a_lamp_post_still_offers_the_report(dispatcher, domain):
    events = run_emergency("auto tegen een lantaarnpaal gereden, bestuurder gewond, ambulance "
                           "is onderweg. de paal hangt scheef", dispatcher, domain)
    assert [m["response"] for m in dispatcher.messages] == ["utter_emergency_called_first"]
    assert events[-1]["name"] == "utter_emergency_offer_report"
