"""Municipal questions, the out-of-scope answer and the closing: never a bare refusal."""
from __future__ import annotations

import asyncio
import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import yaml
from rasa_sdk import Tracker

from actions.topics import (ActionAnswerTopic, ActionGoodbye, ActionOutOfScope, day_part,
                            was_helped)
from bot.profile import profile
from bot.reading.questions import QUESTION, TOPICS
from bot.settings import ROOT
from tests.conftest import dutch, make_tracker

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NEW_INTENTS = ["municipal_question", "taxes", "permit_question", "money_worries"]


def run(action, dispatcher, tracker, domain):
    return asyncio.run(action.run(dispatcher, tracker, domain))


def only_response(dispatcher) -> dict:
    [message] = dispatcher.messages
    return message


def at(hour: int):
    return lambda: dt.datetime(2026, 11, 24, hour, 15, tzinfo=AMSTERDAM)


def bot(response: str) -> dict:
    return {"event": "bot", "text": "…", "metadata": {"utter_action": response}}


def user(text: str = "nee") -> dict:
    return {"event": "user", "text": text}


def tracker_with(events, text: str = "nee") -> Tracker:
    message = {"intent": {"name": "deny", "confidence": 0.9}, "text": text, "entities": []}
    return Tracker("test-sender", {}, message, events, False, None, {}, "action_listen")


# --- answers from the knowledge base ----------------------------------------------------

@pytest.mark.parametrize("text, article", [
    ("wij willen trouwen, hoe regelen we dat", "trouwen-partnerschap"),
    ("ik heb een parkeerboete gekregen, kan ik bezwaar maken", "parkeerboete-bezwaar"),
    ("hoe hoog is de afvalstoffenheffing", "afvalstoffenheffing"),
    ("ik wil een uittreksel uit de brp", "uittreksel-brp"),
    ("hoe vraag ik bijstand aan", "bijstand-aanvragen"),
])
def test_a_municipal_question_gets_the_departments_article(text, article, dispatcher, domain):
    from bot.knowledge.store import published_articles

    run(ActionAnswerTopic(), dispatcher, make_tracker("municipal_question", text), domain)
    message = dispatcher.messages[0]
    expected = next(a for a in published_articles() if a.id == article)
    if message["response"] == "utter_kb_answer_detail":  # a long answer's opening
        assert " ".join(expected.answer.split()).startswith(message["detail"])
        assert message["link"] == expected.link
    else:
        assert message["response"] in ("utter_kb_answer", "utter_kb_answer_sensitive")
        assert message["answer"] == expected.answer.strip()


def test_a_product_intent_answers_from_its_article_with_the_profiles_link(dispatcher, domain):
    tracker = make_tracker("moving_address_change", "ik ga verhuizen")
    run(ActionAnswerTopic(), dispatcher, tracker, domain)
    message = only_response(dispatcher)
    assert message["response"] == "utter_kb_answer_detail"  # the opening of a long answer
    assert profile().links["moving"] == message["link"] and "DigiD" in message["detail"]


def test_a_choice_waits_for_the_resident_instead_of_anything_else(dispatcher, domain):
    events = run(ActionAnswerTopic(), dispatcher, make_tracker("municipal_question", "woz"),
                 domain)
    message = only_response(dispatcher)
    assert message["response"] == "utter_kb_choose" and len(message["buttons"]) >= 2
    assert events == [{"event": "followup", "name": "action_listen", "timestamp": None}]


# --- the domain's answers (English, or the knowledge base down) ------------------------

@pytest.mark.usefixtures("no_knowledge")
@pytest.mark.parametrize("intent", NEW_INTENTS)
def test_each_new_intent_has_an_answer_with_a_link_or_phone(intent, dispatcher, domain):
    run(ActionAnswerTopic(), dispatcher, make_tracker(intent, "iets"), domain)
    message = only_response(dispatcher)
    assert message["response"] == f"utter_answer_{intent}"
    text = domain["responses"][message["response"]][0]["text"]
    assert re.search(r"{(link_\w+|website|phone)}", text), text


@pytest.mark.parametrize("text, response", [
    ("wij willen trouwen, hoe regelen we dat", "utter_answer_wedding"),
    ("is er subsidie voor ons buurtfeest", "utter_answer_subsidies"),
    ("ik heb een parkeerboete gekregen", "utter_answer_fines"),
    ("hoe vraag ik bijstand aan", "utter_answer_benefits"),
    ("hoe hoog is de afvalstoffenheffing", "utter_answer_taxes"),
    ("ik wil een uittreksel uit de brp", "utter_answer_municipal_question"),
    ("ik heb schulden", "utter_answer_municipal_question"),  # buttons would clash
])
@pytest.mark.usefixtures("no_knowledge")
def test_a_generic_question_gets_the_answer_of_its_topic(text, response, dispatcher, domain):
    run(ActionAnswerTopic(), dispatcher, make_tracker("municipal_question", text), domain)
    assert only_response(dispatcher)["response"] == response


@pytest.mark.usefixtures("no_knowledge")
def test_a_specific_intent_keeps_its_own_answer(dispatcher, domain):
    tracker = make_tracker("taxes", "ik wil trouwen en weet niet wat de woz is")
    run(ActionAnswerTopic(), dispatcher, tracker, domain)
    assert only_response(dispatcher)["response"] == "utter_answer_taxes"


@pytest.mark.parametrize("topic", [t for t in TOPICS if t != QUESTION])
def test_every_topic_the_reader_finds_has_an_answer(topic, domain):
    assert f"utter_answer_{topic}" in domain["responses"]


def test_waste_answers_use_their_links(domain):
    calendar = dutch(domain, "utter_answer_waste_calendar")["text"]
    waste_pass = dutch(domain, "utter_answer_waste_pass")["text"]
    assert "{link_waste_calendar}" in calendar and "{link_waste_pass}" in waste_pass


def test_money_worries_offer_a_colleague_now(domain):
    answer = dutch(domain, "utter_answer_money_worries")
    assert "{phone_hours}" in answer["text"] and "{link_debt_help}" in answer["text"]
    assert [b["payload"] for b in answer["buttons"]] == ["/ask_human", "/deny"]


def test_every_link_in_the_answers_is_in_the_profile(domain):
    links = set(profile().links)
    for name, variations in domain["responses"].items():
        for variation in variations:
            used = set(re.findall(r"{link_(\w+)}", variation.get("text", "")))
            assert used <= links, f"{name}: {sorted(used - links)}"


# --- out of scope ----------------------------------------------------------------------

def test_out_of_scope_points_to_website_and_phone(dispatcher, domain):
    run(ActionOutOfScope(), dispatcher, make_tracker("out_of_scope", "wordt het morgen mooi"),
        domain)
    message = only_response(dispatcher)
    assert message["response"] == "utter_out_of_scope"
    assert message["website"] == profile().website and message["phone"] == profile().phone
    variation = dutch(domain, "utter_out_of_scope")
    assert "{website}" in variation["text"] and "{phone_hours}" in variation["text"]
    assert {b["payload"] for b in variation["buttons"]} == {"/report_public_space_other",
                                                            "/ask_human"}


def test_out_of_scope_that_names_a_topic_gets_its_answer(dispatcher, domain):
    tracker = make_tracker("out_of_scope", "ik wil bezwaar maken tegen mijn WOZ")
    run(ActionOutOfScope(), dispatcher, tracker, domain)
    message = dispatcher.messages[0]
    if message["response"] == "utter_kb_choose":  # "Bedoelt u …?" with the WOZ first
        assert "WOZ" in message["buttons"][0]["title"]
    elif message["response"] == "utter_kb_answer_detail":  # a long answer's opening
        assert "WOZ" in message["title"] + message["detail"]
    else:
        assert message["response"] == "utter_kb_answer" and "WOZ" in message["answer"]


@pytest.mark.usefixtures("no_knowledge")
def test_out_of_scope_that_names_a_topic_gets_its_answer_without_the_knowledge_base(
        dispatcher, domain):
    tracker = make_tracker("out_of_scope", "ik wil bezwaar maken tegen mijn WOZ")
    run(ActionOutOfScope(), dispatcher, tracker, domain)
    assert only_response(dispatcher)["response"] == "utter_answer_taxes"


def test_out_of_scope_question_without_a_topic_is_still_out_of_scope(dispatcher, domain):
    tracker = make_tracker("out_of_scope", "wie wint het WK?")
    run(ActionOutOfScope(), dispatcher, tracker, domain)
    assert only_response(dispatcher)["response"] == "utter_out_of_scope"


# --- the closing -----------------------------------------------------------------------

@pytest.mark.parametrize("events, helped", [
    ([bot("utter_answer_passport_id_appointment"), bot("utter_anything_else"), user()], True),
    ([bot("utter_report_filed"), bot("utter_anything_else"), user()], True),
    ([bot("utter_out_of_scope"), user()], False),
    ([bot("utter_ask_rephrase"), user()], False),
    ([bot("utter_default"), bot("utter_anything_else"), user()], False),
    ([bot("utter_report_stopped"), bot("utter_anything_else"), user()], False),
    ([bot("utter_ask_report_location"), user("doei")], False),
    ([bot("utter_greeting"), user("doei")], False),
    ([], False),
    ([bot("utter_out_of_scope"), user(), bot("utter_answer_parking_permit"),
      bot("utter_thanks"), user()], True),
    ([bot("utter_answer_moving_address_change"), bot("utter_closing_helped"),
      user("doei")], True),
    ([bot("utter_out_of_scope"), {"event": "session_started"},
      bot("utter_answer_driving_licence"), user()], True),
    ([bot("utter_answer_driving_licence"), {"event": "session_started"}, user("doei")], False),
    ([{"event": "bot", "text": "Ik zoek het voor u uit. ^AB", "metadata": {}}, user()], True),
    # round r249 of session 60: "I do not have that detail", "No, thank you": not helped
    ([bot("utter_kb_detail_english"), user("No, thank you")], False),
    ([bot("utter_kb_detail_unknown"), bot("utter_anything_else"), user()], False),
])
def test_was_helped_reads_the_last_real_answer(events, helped):
    assert was_helped(events) is helped


@pytest.mark.parametrize("hour, part", [(6, "morning"), (11, "morning"), (12, "afternoon"),
                                        (17, "afternoon"), (18, "evening"), (23, "evening"),
                                        (0, "night"), (5, "night")])
def test_day_part(hour, part):
    assert day_part(at(hour)()) == part


def test_goodbye_after_an_answer_is_glad_with_a_wish_for_the_morning(dispatcher, domain):
    tracker = tracker_with([bot("utter_answer_parking_permit"), bot("utter_anything_else"),
                            user()])
    run(ActionGoodbye(clock=at(9)), dispatcher, tracker, domain)
    message = only_response(dispatcher)
    assert message["response"] == "utter_closing_helped"
    assert message["wish"] == dutch(domain, "utter_wish_morning")["text"]


def test_goodbye_after_a_failure_offers_a_colleague_with_a_wish_for_the_night(dispatcher,
                                                                              domain):
    tracker = tracker_with([bot("utter_out_of_scope"), user("doei")])
    run(ActionGoodbye(clock=at(2)), dispatcher, tracker, domain)
    message = only_response(dispatcher)
    assert message["response"] == "utter_closing_not_helped"
    assert message["wish"] == dutch(domain, "utter_wish_night")["text"]
    assert message["phone"] == profile().phone


def test_goodbye_after_a_report_and_an_unanswered_question_thanks_for_the_report(dispatcher,
                                                                                 domain):
    """Round r56: "Sorry that I could not help you well" right after the report went in."""
    tracker = tracker_with([bot("utter_report_filed"), bot("utter_anything_else"),
                            user("who owns the bus shelter?"), bot("utter_out_of_scope"),
                            user("no thats all")])
    run(ActionGoodbye(clock=at(9)), dispatcher, tracker, domain)
    assert only_response(dispatcher)["response"] == "utter_closing_after_report"


@pytest.mark.parametrize("text, response", [
    # round r237: "Fijn dat ik u kon helpen" after a resident said they were not helped
    ("allee, da's ni mijn vraag. ik bel wel. salut", "utter_closing_not_helped"),
    ("nee laat maar", "utter_closing_not_helped"),
    ("no, I'll call. thanks", "utter_closing_will_call"),
    ("nee dank u, ik bel morgen wel", "utter_closing_will_call"),
    ("nee dank je, doei!", "utter_closing_helped"),
])
def test_goodbye_hears_what_the_resident_says_of_the_help(text, response, dispatcher, domain):
    tracker = tracker_with([bot("utter_answer_parking_permit"), bot("utter_anything_else"),
                            user(text)], text)
    run(ActionGoodbye(clock=at(9)), dispatcher, tracker, domain)
    assert only_response(dispatcher)["response"] == response


@pytest.mark.parametrize("hour, part", [(14, "afternoon"), (20, "evening")])
def test_goodbye_wishes_follow_the_clock(hour, part, dispatcher, domain):
    run(ActionGoodbye(clock=at(hour)), dispatcher, tracker_with([]), domain)
    assert only_response(dispatcher)["wish"] == dutch(domain, f"utter_wish_{part}")["text"]


def test_closings_are_honest_and_say_goodbye(domain):
    helped = dutch(domain, "utter_closing_helped")["text"]
    not_helped = dutch(domain, "utter_closing_not_helped")["text"]
    assert "{wish}" in helped and "{wish}" in not_helped
    assert "kon helpen" in helped and "Tot ziens" in helped and "Tot ziens" in not_helped
    assert "{phone_hours}" in not_helped and "Fijn dat" not in not_helped


def test_rules_close_with_action_goodbye_and_answer_out_of_scope_by_action():
    rules = yaml.safe_load((ROOT / "data" / "rules" / "core.yml").read_text(encoding="utf-8"))
    actions = [step.get("action") for rule in rules["rules"] for step in rule["steps"]]
    assert "action_goodbye" in actions and "action_out_of_scope" in actions
    assert not {"utter_glad_to_help", "utter_goodbye", "utter_out_of_scope"} & set(actions)


# --- training data ---------------------------------------------------------------------

@pytest.mark.parametrize("intent", NEW_INTENTS)
def test_each_new_intent_has_varied_training_and_held_out_examples(intent):
    from rasa.shared.nlu.training_data.loading import load_data

    training = [m.get("text") for m in load_data(str(ROOT / "data" / "nlu")).intent_examples
                if m.get("intent") == intent]
    held_out = [m.get("text") for m in load_data(
        str(ROOT / "tests" / "nlu" / "test_set_questions.yml")).intent_examples
        if m.get("intent") == intent]
    assert len(training) >= 25 and 6 <= len(held_out) <= 8
    assert not {t.lower() for t in training} & {t.lower() for t in held_out}
    assert len({t.split()[0].lower() for t in training}) >= 12, "one template, nouns swapped"


def test_goodbye_before_anything_was_asked_is_neither_glad_nor_sorry(dispatcher, domain):
    tracker = tracker_with([bot("utter_greeting"),
                            user("eigenlijk niks hoor, wilde kijken of dit werkt. doei")])
    run(ActionGoodbye(clock=at(9)), dispatcher, tracker, domain)
    assert only_response(dispatcher)["response"] == "utter_closing_nothing_asked"
    text = dutch(domain, "utter_closing_nothing_asked")["text"]
    assert "Sorry" not in text and "kon helpen" not in text and "Tot ziens" in text


@pytest.mark.parametrize("answer", ["utter_emergency_called_no_report", "utter_emergency_fire"])
def test_goodbye_after_danger_is_not_glad_to_have_helped(answer, dispatcher, domain):
    tracker = tracker_with([bot(answer), user("nee verder niks, dank je")])
    run(ActionGoodbye(clock=at(9)), dispatcher, tracker, domain)
    assert only_response(dispatcher)["response"] == "utter_closing_after_emergency"


@pytest.mark.parametrize("text, remission", [
    ("ik heb de aanslag gemeentebelasting gekregen maar ik zit in de bijstand en kan dit echt "
     "niet betalen. 600 euro!! wat nu", True),
    ("ik heb schulden en weet niet hoe ik de huur moet betalen", False),
])
def test_money_worries_about_a_tax_bill_get_remission_before_the_offer_of_help(
        text, remission, dispatcher, domain):
    from bot.knowledge.store import published_articles

    run(ActionAnswerTopic(), dispatcher, make_tracker("money_worries", text), domain)
    responses = [message["response"] for message in dispatcher.messages]
    assert responses[-1] == "utter_answer_money_worries"
    relief = next(a for a in published_articles() if a.id == "kwijtschelding")
    assert (dispatcher.messages[0].get("answer") == relief.answer.strip()) is remission
