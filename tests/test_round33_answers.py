"""Round 33's unanswered questions: a longer follow-up that points back at the answer
("wat kost het en moeten mijn kinderen ook mee?", "is het nu te laat?", "mag ik nog rijden
ermee?"), Christmas trees, someone else felling trees, a burned container, why 112 for a
fire, and reporting what the knowledge base's answer invited to report."""
from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered

from actions.emergency import _response
from bot.knowledge.aspects import VALIDITY, is_follow_up, read_aspects
from bot.policies import reading_route
from bot.reading.danger import asks_why_112
from bot.reading.message import read_message
from bot.reading.questions import read_question
from bot.reading.result import Reading
from tests.test_knowledge_answers import _follow_up, kb_url  # noqa: F401
from tests.test_reading_policy import START, said, tracker


@pytest.mark.parametrize("text", [
    "wat kost het en moeten mijn kinderen (6 en 9) ook mee komen?",
    "ja maar hoe krijg ik een nieuwe pas, kost dat geld?",
    "ja maar MAG ik nog rijden ermee, ik moet morgen naar mijn werk",
    "de aanslag kwam in februari, is het nu te laat?",
])
def test_a_longer_question_that_points_back_is_a_follow_up(text):
    assert is_follow_up(text)


@pytest.mark.parametrize("text", [
    "wat kost het om een nieuwe lantaarnpaal in onze straat te laten zetten",
    "hoeveel kost een vergunning voor een dakkapel aan de achterkant van ons huis",
    "hoe lang duurt het voordat een kapotte lantaarnpaal bij ons gerepareerd wordt?",
    "mijn buurman heeft een hond die de hele avond blaft, mag dat?",
])
def test_a_long_question_with_its_own_subject_is_no_follow_up(text):
    assert not is_follow_up(text)


def test_may_i_still_drive_asks_about_validity():
    assert VALIDITY in read_aspects("mag ik er nog mee rijden?")
    assert VALIDITY not in read_aspects("hoe laat rijdt de bus naar het gemeentehuis?")


def test_the_follow_up_names_a_word_of_the_answer_and_gets_its_sentence(
        kb_url, dispatcher, domain, monkeypatch):  # noqa: F811
    _, messages = _follow_up(kb_url, monkeypatch, dispatcher, domain,
                             "Ik vind de WOZ waarde van mijn huis te hoog, hoe maak ik bezwaar",
                             "de aanslag kwam in februari, is het nu te laat?")
    assert messages[0]["response"] == "utter_kb_detail"
    assert "6 weken" in messages[0]["detail"]


def test_an_expired_licence_is_told_it_may_not_drive(kb_url, dispatcher, domain,  # noqa: F811
                                                      monkeypatch):
    _, messages = _follow_up(kb_url, monkeypatch, dispatcher, domain,
                             "mijn rijbewijs is verlopen, hoe verleng ik het",
                             "ja maar MAG ik nog rijden ermee, ik moet morgen werken")
    assert messages[0]["response"] == "utter_kb_detail"
    assert "niet rijden" in messages[0]["detail"]


def test_cost_and_children_together_get_the_childs_article_and_its_cost(
        kb_url, dispatcher, domain, monkeypatch):  # noqa: F811
    before, messages = _follow_up(kb_url, monkeypatch, dispatcher, domain, "paspoort aanvragen",
                                  "wat kost het en moeten mijn kinderen (6 en 9) ook mee komen?")
    answers = [m for m in messages if m["response"] == "utter_kb_answer"]
    assert len(answers) == 1 and "kind" in answers[0]["answer"].lower()
    assert answers[0]["answer"] != before.answer
    assert any("onder 18" in (m.get("detail") or "") for m in messages)  # the child's price


def test_a_replaced_pass_gets_its_cost(kb_url, dispatcher, domain, monkeypatch):  # noqa: F811
    _, messages = _follow_up(kb_url, monkeypatch, dispatcher, domain, "afvalpas kwijt",
                             "ja maar hoe krijg ik een nieuwe pas, kost dat geld?")
    assert messages[0]["response"] == "utter_kb_detail" and "€" in messages[0]["detail"]


@pytest.mark.parametrize("text", [
    "ik heb een brandende vraag: wanneer wordt het kerstboompje opgehaald na de feestdagen?",
    "wanneer halen jullie de kerstbomen op?",
])
def test_christmas_trees_are_a_collection_question(text):
    # session 36: the knowledge base's Christmas-tree article answers it, not the calendar
    assert read_question(text) == "question"


def test_an_overflowing_bin_in_flemish_is_a_report_with_its_street():
    reading = read_message("Dag, de vuilbak aan de overkant op de Parkweg puilt uit, allemaal "
                           "zakskes errond. Kunnen jullie da eens komen ledigen?")
    assert reading.category == "report_waste_collection" and reading.question is None
    assert reading.location.streets == ("Parkweg",)


def test_who_replaces_a_burned_container_is_no_calendar_question():
    text = "oke gebeld, brandweer komt. de container is wel verbrand straks, wie vervangt die?"
    assert read_question(text) != "waste_calendar"


@pytest.mark.parametrize("text, own", [
    ("In de Rozenlaan zijn ze de bomen aan het kappen. Mag dat zomaar?", False),
    ("mijn buurman zaagt zijn grote eik om, heeft hij wel een vergunning?", False),
    ("heb ik een vergunning nodig voor een schutting?", True),
    ("mag ik de boom in mijn tuin kappen?", True),
    ("mag ik zonder vergunning een schutting bouwen?", True),
    ("ik wil een boom in mijn tuin kappen, mag dat wel?", True),
])
def test_someone_else_felling_is_no_question_about_ones_own_permit(text, own):
    assert (read_question(text) == "permit_question") is own


@pytest.mark.parametrize("text", [
    "waarom zou ik 112 bellen het is maar een afvalcontainer, er is niemand in de buurt",
    "why should I call 112?",
])
def test_doubting_112_asks_why(text):
    assert asks_why_112(text)


def test_why_112_for_a_fire_says_that_fire_spreads():
    text = "waarom zou ik 112 bellen het is maar een afvalcontainer"
    assert _response(Reading(), True, text, "fire") == "utter_emergency_why_112_fire"
    assert _response(Reading(), True, text, "gas") == "utter_emergency_why_112_gas"
    assert _response(Reading(), True, text, "violence") == "utter_emergency_why_112"
    assert _response(Reading(), True, "wat moet ik nu doen?", "fire") == \
        "utter_emergency_followup"


ARTICLE_ANSWERED = START + [
    said("In de Rozenlaan zijn ze de bomen aan het kappen. Mag dat zomaar?",
         "report_public_space_other"),
    ActionExecuted("action_answer_as_question"),
    BotUttered("Ziet u iemand bomen kappen? Meld het dan hier in de chat.",
               metadata={"utter_action": "utter_kb_answer"}),
    ActionExecuted("action_listen")]


def test_reporting_what_the_answer_invited_starts_the_report():
    text = "ik hoef niks te kappen, iemand ANDERS kapt de bomen. ik wil weten of dat mag en " \
           "het melden"
    assert reading_route(tracker(ARTICLE_ANSWERED + [said(text, "affirm")])) == \
        "action_start_report"


def test_a_yes_after_an_answer_to_a_product_question_starts_no_report():
    answered = START + [said("hoe vraag ik een paspoort aan", "passport_id_appointment"),
                        ActionExecuted("action_answer_topic"), ActionExecuted("action_listen")]
    assert reading_route(tracker(answered + [said("ja melden", "affirm")])) != \
        "action_start_report"


def test_the_report_after_the_answer_takes_the_question_as_its_problem():
    from rasa_sdk import Tracker

    from actions.reports import _source

    first = "In de Rozenlaan zijn ze de bomen aan het kappen. Volgens mij zitten er vogels in"
    latest = "ik wil het melden"
    events = [{"event": "user", "text": first, "parse_data": {
                  "entities": read_message(first).to_entities(first)}},
              {"event": "bot", "text": "Meld het dan hier in de chat.",
               "metadata": {"utter_action": "utter_kb_answer"}},
              {"event": "bot", "text": "Kan ik u nog ergens anders mee helpen?",
               "metadata": {"utter_action": "utter_anything_else"}},
              {"event": "user", "text": latest}]
    message = {"intent": {"name": "affirm"}, "text": latest,
               "entities": read_message(latest).to_entities(latest)}
    reading, _ = _source(Tracker("s", {}, message, events, False, None, {}, "action_listen"))
    assert "bomen" in reading.description and reading.location.streets == ("Rozenlaan",)


def test_called_112_and_asking_what_to_do_near_someone_who_may_jump_is_answered():
    from tests.test_emergency_actions import JUMP

    after = START + [said(JUMP, "out_of_scope"), ActionExecuted("action_emergency"),
                     BotUttered("Bel nu 112.",
                                metadata={"utter_action": "utter_emergency_jump_risk"}),
                     ActionExecuted("action_listen")]
    text = "ok ik heb 112 gebeld ze komen. moet ik naar hem toe gaan of afstand houden?"
    assert reading_route(tracker(after + [said(text, "inform")])) == "action_emergency"


@pytest.mark.parametrize("first, follow_up, words", [
    ("mijn rijbewijs verloopt volgende maand, wat moet ik doen",
     "hoe lang duurt het voor ik hem heb? ik ben 72 moet ik dan ook naar de dokter of zo",
     ("werkdagen",)),
    ("we gaan op 1 juni verhuizen binnen Lindendal, moet ik dat doorgeven?",
     "is het nu al te vroeg dan? het is nog 6 weken", ("4 weken",)),
    ("we gaan op 1 juni verhuizen binnen Lindendal, moet ik dat doorgeven?",
     "en mijn vrouw, moet die het apart doorgeven?", ("partner",)),
    ("onze dochter is gisteren geboren, hoe doe ik aangifte",
     "3 dagen? ben ik te laat als het in het weekend valt?", ("werkdag",)),
    ("hoe geef ik mijn verhuizing door", "ik ben al 3 weken geleden verhuisd, te laat?",
     ("5 dagen", "alsnog")),
])
def test_round_34s_follow_ups_get_the_sentence_that_answers_them(
        kb_url, dispatcher, domain, monkeypatch, first, follow_up, words):  # noqa: F811
    assert is_follow_up(follow_up)
    _, messages = _follow_up(kb_url, monkeypatch, dispatcher, domain, first, follow_up)
    assert messages[0]["response"] == "utter_kb_detail", messages
    assert all(word in messages[0]["detail"] for word in words), messages[0]["detail"]


def test_stop_no_new_report_stops_the_form_even_beside_a_place():
    from tests.test_reading_policy import at_question

    text = ("stop. ik wil GEEN nieuwe melding. de lantaarnpaal melding, tegenover nummer 14, "
            "wat is daarvan de status")
    assert reading_route(tracker(at_question("report_location") + [said(text, "inform")])) == \
        "action_not_a_report"
    assert reading_route(tracker(at_question("report_location") + [
        said("tegenover nummer 14, geen idee van het nummer", "inform")])) == "report_form"


def test_another_earlier_report_without_its_number_is_looked_up_by_its_place():
    told = START + [said("mijn melding M-2026-001124 over losse tegels, is daar al iets mee "
                         "gebeurd?", "ask_report_status"),
                    ActionExecuted("action_report_status"), ActionExecuted("action_listen")]
    text = "en ik heb ook nog een over een lantaarnpaal in de vondelstraat maar dat nummer " \
           "heb ik niet meer"
    assert reading_route(tracker(told + [said(text, "report_street_lighting")])) == \
        "action_report_status"


def test_saturday_after_an_answer_without_hours_gets_the_opening_hours(
        kb_url, dispatcher, domain, monkeypatch):  # noqa: F811
    _, messages = _follow_up(kb_url, monkeypatch, dispatcher, domain, "paspoort aanvragen",
                             "top, en kan ik ook op zaterdag een afspraak maken?")
    assert [m["response"] for m in messages] == ["utter_opening_hours_closed_day",
                                                 "utter_opening_hours"]


def test_paying_in_instalments_is_no_question_about_a_deadline():
    assert read_aspects("kan het dan in termijnen?") == []
    assert read_aspects("hoe lang is de termijn voor bezwaar?") == ["duration"]


def test_the_same_topic_answer_twice_becomes_the_knowledge_bases_answer(
        kb_url, dispatcher, domain, monkeypatch):  # noqa: F811
    import asyncio

    from rasa_sdk import Tracker

    from actions import knowledge, topics

    monkeypatch.setattr(knowledge, "DATABASE_URL", kb_url)
    monkeypatch.setattr(topics, "find_answer",
                        lambda t, i, c, text=None: knowledge.find_answer(t, i, c, kb_url,
                                                                      text))
    text = "misschien later. kan ik geen kwijtschelding krijgen of in delen betalen?"
    events = [{"event": "user", "text": "ik heb schulden en kan de aanslag niet betalen"},
              {"event": "bot", "text": "Wat vervelend dat u zich zorgen maakt over geld.",
               "metadata": {"utter_action": "utter_answer_money_worries"}},
              {"event": "user", "text": text}]
    message = {"intent": {"name": "money_worries", "confidence": 0.9}, "text": text,
               "entities": [], "intent_ranking": [{"name": "money_worries"}]}
    tracker_ = Tracker("s", {}, message, events, False, None, {}, "action_listen")
    asyncio.run(topics.ActionAnswerTopic().run(dispatcher, tracker_, domain))
    responses = [m["response"] for m in dispatcher.messages]
    assert "utter_answer_money_worries" not in responses, responses
    assert responses[0].startswith("utter_kb_")


@pytest.mark.parametrize("intent", ["report_public_space_other", "ask_report_status"])
def test_tonight_too_after_a_status_is_about_that_report_not_a_new_one(intent):
    told = START + [said("hoe staat het met mijn melding M-2026-001137? die tak ligt er nog "
                         "steeds", "ask_report_status"),
                    ActionExecuted("action_report_status"), ActionExecuted("action_listen")]
    text = "binnen 24 uur, ook vannacht? het is pikdonker en er zijn al twee fietsers bijna " \
           "gevallen"
    assert reading_route(tracker(told + [said(text, intent)])) in (
        "utter_status_faster", "action_report_status")


@pytest.mark.parametrize("text, intent", [("ja maar NU, kan ik nu bellen of niet", "out_of_scope"),
                                          ("is jullie telefoon nu nog open?", "opening_hours")])
def test_can_i_call_now_gets_the_opening_hours_action(text, intent):
    assert reading_route(tracker(START + [said(text, intent)])) == "action_opening_hours"
    assert reading_route(tracker(START + [said("kan ik nu een melding doen?", intent)])) != \
        "action_opening_hours"
