"""A handover is honoured: the handover actions, and the console queue
for residents who left a message for a colleague (on a tiny SQLite tracker store)."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml
from sqlalchemy import create_engine

from actions.contact import ActionContactHuman, ActionTakeMessage, ActionTellWhen
from bot.reading.message import read_message
from bot.settings import ROOT
from bot.worklist.record import record
from bot.worklist.table import ensure_table
from console import lists, rasa_api
from console.conversations import PREVIEW_CHARS, REASONS, Conversation, conversations
from tests.conftest import dutch, make_tracker

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MONDAY_MORNING = dt.datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM)
SATURDAY_NIGHT = dt.datetime(2026, 11, 28, 22, 0, tzinfo=AMSTERDAM)
T0 = 1_790_000_000.0


def run(action, dispatcher, domain) -> list[dict[str, Any]]:
    return asyncio.run(action.run(dispatcher, make_tracker("ask_human", "mens"), domain))


# --- the actions -----------------------------------------------------------------------

@pytest.mark.parametrize("moment, response", [(MONDAY_MORNING, "utter_contact_open"),
                                              (SATURDAY_NIGHT, "utter_contact_closed")])
def test_contact_human_starts_the_waiting(moment, response, dispatcher, domain, monkeypatch):
    # Presence unknown here; with it: tests/test_webcare.py and tests/test_webcare_flow.py.
    monkeypatch.setattr("actions.contact.colleagues_online", lambda now: None)
    events = run(ActionContactHuman(clock=lambda: moment), dispatcher, domain)
    assert [m["response"] for m in dispatcher.messages] == [response]
    assert events == []


def test_a_number_given_with_the_wish_for_a_person_is_kept_for_the_report(dispatcher, domain):
    """Round 95: "0612345678. EN GEEF ME NU EEN MENS" at the contact question lost the number
    and the form asked for it again."""
    text = "0612345678. EN GEEF ME NU EEN MENS"
    tracker = make_tracker("ask_human", text, entities=read_message(text).to_entities(text),
                           slots={"requested_slot": "report_contact", "report_updates": True},
                           active_loop="report_form")
    events = asyncio.run(ActionContactHuman(clock=lambda: SATURDAY_NIGHT).run(
        dispatcher, tracker, domain))
    assert {"event": "slot", "timestamp": None, "name": "report_contact",
            "value": "+31612345678"} in events


@pytest.mark.parametrize("text, article", [
    ("ik wil iemand spreken over mijn huurtoeslag, die is gestopt", "huurtoeslag"),
    ("kan ik iemand bellen over mijn aow", "aow-kinderbijslag-svb"),
    ("ik wil iemand spreken over mijn paspoort", None),
])
def test_a_person_asked_about_another_organisations_subject_hears_where_to_go_first(
        dispatcher, domain, monkeypatch, db_url, text, article):
    """Session 36/37: "ik wil iemand spreken over mijn huurtoeslag" was only passed to a
    colleague, without a word that Dienst Toeslagen handles it."""
    from actions import knowledge
    from bot.knowledge import KNOWLEDGE_DIR, store

    store.seed_from_yaml(KNOWLEDGE_DIR, db_url)
    found = knowledge.not_ours_article
    monkeypatch.setattr(knowledge, "not_ours_article", lambda words: found(words, db_url))
    tracker = make_tracker("ask_human", text, entities=read_message(text).to_entities(text))
    asyncio.run(ActionContactHuman(clock=lambda: SATURDAY_NIGHT).run(dispatcher, tracker,
                                                                     domain))
    responses = [m["response"] for m in dispatcher.messages]
    assert responses[-1] == "utter_contact_closed", "a colleague all the same"
    if article is None:
        assert "utter_contact_not_ours" not in responses
        return
    assert responses[0] == "utter_contact_not_ours"
    expected = next(a for a in store.published_articles(db_url) if a.id == article)
    assert dispatcher.messages[0]["answer"] == expected.answer.strip()


def test_a_person_asked_for_at_night_beside_a_hazard_first_gets_the_urgent_numbers(
        dispatcher, domain):
    text = "het water komt nu de gang in!! ik wil dat er iemand komt"
    tracker = make_tracker("ask_human", text, entities=read_message(text).to_entities(text))
    asyncio.run(ActionContactHuman(clock=lambda: SATURDAY_NIGHT).run(dispatcher, tracker,
                                                                     domain))
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_report_question_urgent_number", "utter_contact_closed"]


def test_who_to_call_after_sparks_at_night_gets_the_urgent_numbers(dispatcher, domain):
    sparks = "er komen vonken uit de lantaarnpaal bij het station"
    text = "wie moet ik nou bellen, jullie of die netbeheerder?"
    tracker = make_tracker("ask_human", text, entities=read_message(text).to_entities(text))
    tracker.events[:0] = [{"event": "user", "text": sparks, "parse_data": {
        "entities": read_message(sparks).to_entities(sparks)}}]
    asyncio.run(ActionContactHuman(clock=lambda: SATURDAY_NIGHT).run(dispatcher, tracker,
                                                                     domain))
    assert dispatcher.messages[0]["response"] == "utter_report_question_urgent_number"


def test_a_message_left_while_open_is_read_soon(dispatcher, domain):
    events = run(ActionTakeMessage(clock=lambda: MONDAY_MORNING), dispatcher, domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_message_taken_open"
    assert events == []


def test_only_announcing_an_addition_is_asked_what_to_add(dispatcher, domain):
    text = "ik wil iets toevoegen aan melding M-2026-000155"
    tracker = make_tracker("ask_report_status", text)
    asyncio.run(ActionTakeMessage(clock=lambda: MONDAY_MORNING).run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_addition_ask"]


def test_what_to_add_after_being_asked_gets_the_full_acknowledgement(dispatcher, domain,
                                                                      monkeypatch):
    left = []
    monkeypatch.setattr("actions.contact.contactverzoek.enabled", lambda: True)
    monkeypatch.setattr("actions.contact.register_left_message",
                        lambda tracker, phone, when, text: left.append(text))
    tracker = make_tracker("inform", "de tegel ernaast ligt ook los")
    tracker.events[-1:-1] = [{"event": "user", "text": "iets toevoegen aan melding M-2026-000155"},
                             {"event": "action", "name": "action_take_message"},
                             {"event": "bot", "text": "Wat wilt u toevoegen?",
                              "metadata": {"utter_action": "utter_addition_ask"}},
                             {"event": "action", "name": "action_listen"}]
    asyncio.run(ActionTakeMessage(clock=lambda: MONDAY_MORNING).run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["response"] == "utter_message_taken_open"
    assert left == ["M-2026-000155: de tegel ernaast ligt ook los"]


@pytest.mark.parametrize("handover, moment, response", [
    ("action_take_callback", MONDAY_MORNING, "utter_when_callback_open"),
    ("action_take_callback", SATURDAY_NIGHT, "utter_when_callback_closed"),
    ("action_take_message", MONDAY_MORNING, "utter_when_message_open"),
    ("action_contact_human", SATURDAY_NIGHT, "utter_when_message_closed"),
])
def test_asked_when_the_bot_tells_when_for_the_kind_of_handover(handover, moment, response,
                                                                dispatcher, domain):
    tracker = make_tracker("ask_report_status", "wordt het wel echt vandaag?")
    tracker.events[:0] = [{"event": "action", "name": handover},
                          {"event": "action", "name": "action_listen"}]
    events = asyncio.run(ActionTellWhen(clock=lambda: moment).run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == [response]
    assert events == [], "nothing is passed on again"


def test_a_further_message_is_added_without_the_whole_text_again(dispatcher, domain):
    """Round 86: "Dank u, ik heb uw bericht doorgegeven" three times in a row."""
    tracker = make_tracker("inform", "en die termijnen dan??")
    tracker.events[:0] = [{"event": "user", "text": "de aanslag is te hoog"},
                          {"event": "action", "name": "action_take_message"},
                          {"event": "action", "name": "action_listen"}]
    asyncio.run(ActionTakeMessage(clock=lambda: MONDAY_MORNING).run(dispatcher, tracker,
                                                                    domain))
    assert dispatcher.messages[0]["response"] == "utter_message_added"


def test_a_message_left_at_night_is_read_when_we_open(dispatcher, domain):
    events = run(ActionTakeMessage(clock=lambda: SATURDAY_NIGHT), dispatcher, domain)
    [message] = dispatcher.messages
    assert message["response"] == "utter_message_taken_closed"
    assert (message["next_day"], message["next_open"]) == ("maandag", "08:30")
    assert events == []


@pytest.mark.parametrize("found, expected", [
    (True, ["utter_message_taken_closed", "utter_kb_meanwhile"]),
    (False, ["utter_message_taken_closed"])])
def test_a_message_the_knowledge_base_can_answer_gets_that_answer_meanwhile(
        monkeypatch, dispatcher, domain, found, expected):
    from types import SimpleNamespace

    food = SimpleNamespace(answer="De voedselbank kan u helpen. ", answer_en=None,
                           title="Voedselbank", sensitive=False, cost=None)
    monkeypatch.setattr("actions.knowledge.meanwhile_articles",
                        lambda text, said: [food] if found and "eten" in text else [])
    tracker = make_tracker("money_worries", "ik heb vanavond geen eten meer in huis")
    asyncio.run(ActionTakeMessage(clock=lambda: SATURDAY_NIGHT).run(dispatcher, tracker,
                                                                    domain))
    assert [m["response"] for m in dispatcher.messages] == expected
    if found:
        assert dispatcher.messages[1]["answer"] == "De voedselbank kan u helpen."


def test_an_english_question_while_waiting_gets_the_english_answer(db_url, monkeypatch,
                                                                   dispatcher, domain):
    """Round r76 of session 41: "what is the municipal tax for?" was only passed on."""
    from actions.knowledge import meanwhile_articles
    from bot.knowledge import KNOWLEDGE_DIR, store

    store.seed_from_yaml(KNOWLEDGE_DIR, db_url)
    asked = []

    def articles(text, said):
        asked.append(text)
        return meanwhile_articles(text, said, db_url)

    monkeypatch.setattr("actions.knowledge.meanwhile_articles", articles)
    tracker = make_tracker("taxes", "what is the municipal tax for?", slots={"language": "en"})
    asyncio.run(ActionTakeMessage(clock=lambda: SATURDAY_NIGHT).run(dispatcher, tracker,
                                                                    domain))
    assert asked == ["aanslag gemeentelijke belastingen ozb"]  # in the articles' words
    article = store.current_article("aanslag-gemeentelijke-belastingen", db_url)
    response = "utter_kb_meanwhile" if article.answer_en else "utter_kb_meanwhile_in_dutch"
    answer = next(m for m in dispatcher.messages if m["response"] == response)
    assert answer["answer"] == (article.answer_en or article.answer).strip()


def test_while_waiting_a_debt_question_gets_the_debt_help_article_once(db_url):
    from actions.knowledge import meanwhile_articles
    from bot.knowledge import KNOWLEDGE_DIR, store

    store.seed_from_yaml(KNOWLEDGE_DIR, db_url)
    text = "is er niet iets wat ik nu al kan doen? of een website over schuldhulp?"
    [article] = meanwhile_articles(text, [], db_url)
    assert article.id == "schuldhulpverlening"
    assert meanwhile_articles(text, [f"Misschien helpt dit u alvast: {article.answer}"],
                              db_url) == [], "not twice"
    assert meanwhile_articles("ok", [], db_url) == []
    assert meanwhile_articles("hallo? is er iemand?", [], db_url) == []


def test_while_waiting_each_question_of_a_message_gets_its_article(db_url):
    """Round 86: the objection was answered meanwhile, the instalments only at the third ask."""
    from actions.knowledge import meanwhile_articles
    from bot.knowledge import KNOWLEDGE_DIR, store

    store.seed_from_yaml(KNOWLEDGE_DIR, db_url)
    text = ("aanslag gemeentelijke belastingen is VEEL te hoog 890 euro voor "
            "afvalstoffenheffing terwijl ik alleen woon. ik wil bezwaar maken en kan ik dat "
            "ook in termijnen betalen")
    found = meanwhile_articles(text, [], db_url)
    assert [article.id for article in found] == ["bezwaar-aanslag",
                                                 "betalingsregeling-belastingen"]
    said = [f"Misschien helpt dit u alvast: {found[0].answer}"]
    assert [a.id for a in meanwhile_articles("en die termijnen dan??", said, db_url)] == [
        "betalingsregeling-belastingen"]


def test_the_domain_declares_actions_and_responses(domain):
    assert {"action_contact_human", "action_take_message"} <= set(domain["actions"])
    closed = dutch(domain, "utter_message_taken_closed")["text"]
    assert "{next_day} {next_open}" in closed
    assert {"utter_message_taken_open", "utter_contact_open"} <= set(domain["responses"])


def test_the_handover_text_is_not_followed_by_anything_else():
    rules = yaml.safe_load((ROOT / "data/rules/contact.yml").read_text(encoding="utf-8"))
    for rule in rules["rules"]:
        actions = [step.get("action") for step in rule["steps"]]
        if "action_contact_human" in actions:
            assert actions[-1] == "action_contact_human", rule["rule"]


# --- the console queue -----------------------------------------------------------------

class Events:
    """A tracker store `events` table with the columns the console reads, and the
    conversation table kept up to date as bot/tracker_store.py does."""

    def __init__(self, path: Path) -> None:
        self.url = f"sqlite:///{path}"
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, "
                        "type_name TEXT, timestamp REAL, intent_name TEXT, "
                        "action_name TEXT, data TEXT)")
        self.engine = create_engine(self.url, future=True)
        ensure_table(self.engine)

    def add(self, sender: str, at: float, kind: str, intent: str | None = None,
            action: str | None = None, **data: Any) -> None:
        data.update({"event": kind, "timestamp": T0 + at})
        if intent:
            data["parse_data"] = {"intent": {"name": intent}}
        self.db.execute("INSERT INTO events (sender_id, type_name, timestamp, intent_name, "
                        "action_name, data) VALUES (?, ?, ?, ?, ?, ?)",
                        (sender, kind, T0 + at, intent, action, json.dumps(data)))
        self.db.commit()
        with self.engine.begin() as connection:
            record(connection, sender, [data])

    def user(self, sender: str, at: float, text: str, intent: str = "nlu_fallback") -> None:
        self.add(sender, at, "user", intent=intent, text=text, input_channel="whatsapp")

    def action(self, sender: str, at: float, name: str, **slots: Any) -> None:
        self.add(sender, at, "action", action=name, name=name)
        for slot, value in slots.items():
            self.add(sender, at, "slot", name=slot, value=value)
        self.add(sender, at, "action", action="action_listen", name="action_listen")

    def one(self, sender: str) -> Conversation:
        [found] = conversations(self.url, now=T0 + 3600, sender=sender)
        return found


@pytest.fixture
def events(tmp_path: Path) -> Events:
    return Events(tmp_path / "tracker.db")


def test_a_left_message_is_queued_with_its_reason_and_preview(events):
    events.user("r1", 0, "Ik wil een medewerker spreken", "ask_human")
    events.action("r1", 1, "action_contact_human")
    events.user("r1", 60, "Mijn container is al twee weken niet geleegd")
    events.action("r1", 61, "action_take_message")
    events.user("r1", 120, "Het gaat om de groene container")
    events.action("r1", 121, "action_take_message")
    queued = events.one("r1")
    assert queued.waiting_since == T0 + 1, "waiting since the first trigger, one entry"
    assert queued.reasons == ["ask_human", "message_left"]
    assert REASONS["message_left"] in queued.reason_text
    assert queued.left_message == "Het gaat om de groene container"
    assert queued.first_message == "Ik wil een medewerker spreken"


def test_a_message_left_without_asking_first_is_queued_too(events):
    events.user("r2", 0, "Wanneer komt er iemand kijken?")
    events.action("r2", 1, "action_take_message")
    queued = events.one("r2")
    assert queued.waiting_since == T0 + 1 and queued.reasons == ["message_left"]
    assert queued.left_message == "Wanneer komt er iemand kijken?"


def test_a_long_left_message_is_shortened(events):
    events.user("r3", 0, "lang " * 100)
    events.action("r3", 1, "action_take_message")
    left = events.one("r3").left_message
    assert len(left) == PREVIEW_CHARS and left.endswith("…")


def test_hand_back_ends_the_waiting(events):
    events.user("r4", 0, "Ik wil een mens", "ask_human")
    events.action("r4", 1, "action_contact_human")
    events.user("r4", 60, "Mijn vraag gaat over mijn aanslag")
    events.action("r4", 61, "action_take_message")
    events.add("r4", 100, "pause")
    assert events.one("r4").waiting_since is None, "taken over: not in the queue"
    events.add("r4", 200, "resume")
    handed_back = events.one("r4")
    assert handed_back.waiting_since is None and handed_back.left_message == ""
    events.user("r4", 300, "Nog een bericht voor de collega")
    events.action("r4", 301, "action_take_message")
    assert events.one("r4").waiting_since == T0 + 301, "a new message queues it again"


def test_the_overview_shows_the_left_message(events):
    from console.app import templates

    events.user("r5", 0, "Ik wil een medewerker", "ask_human")
    events.action("r5", 1, "action_contact_human")
    events.user("r5", 60, "<b>Bel mij</b> terug")
    events.action("r5", 61, "action_take_message")
    queue, waiting = lists.queue(events.url, {})
    html = templates.get_template("_overview.html").render(
        queue=queue, waiting=waiting, active=lists.overview(events.url, lists.Filters()),
        filters=lists.Filters(), teams={}, taken={}, now=T0 + 120)
    queue = html.split("Actieve gesprekken")[0]
    assert "bericht achtergelaten" in queue and "&lt;b&gt;Bel mij&lt;/b&gt; terug" in queue


def test_hand_back_tells_rasa_the_waiting_is_over(monkeypatch):
    posted: list[Any] = []

    async def append_events(sender: str, new: list[dict[str, Any]], send: bool = False):
        posted.append((sender, new))

    monkeypatch.setattr(rasa_api, "append_events", append_events)
    asyncio.run(rasa_api.resume("r6"))
    assert posted == [("r6", [{"event": "resume"}])]


def test_a_message_after_a_callback_is_passed_to_the_colleague_who_calls(dispatcher, domain):
    tracker = make_tracker("taxes", "moet ik intussen wel betalen?")
    tracker.events[:0] = [{"event": "action", "name": "action_take_callback"},
                          {"event": "action", "name": "action_listen"}]
    asyncio.run(ActionTakeMessage(clock=lambda: SATURDAY_NIGHT).run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["response"] == "utter_message_taken_closed_callback"


def test_while_waiting_no_food_for_the_children_gets_the_food_bank(db_url):
    from actions.knowledge import meanwhile_articles
    from bot.knowledge import KNOWLEDGE_DIR, store

    store.seed_from_yaml(KNOWLEDGE_DIR, db_url)
    text = "en wat moet ik tot morgen doen, ik heb echt niks meer in huis voor de kinderen"
    assert [a.id for a in meanwhile_articles(text, [], db_url)] == ["voedselbank"]


def test_a_bsn_in_a_message_left_is_not_wanted(dispatcher, domain):
    from bot.reading.message import read_message

    text = "mijn uitkering is niet betaald, mijn bsn is 123456782"
    tracker = make_tracker("inform", text, entities=read_message(text).to_entities(text))
    asyncio.run(ActionTakeMessage(clock=lambda: SATURDAY_NIGHT).run(dispatcher, tracker,
                                                                    domain))
    assert [m["response"] for m in dispatcher.messages][:2] == [
        "utter_bsn_not_needed", "utter_message_taken_closed"]


def test_a_report_that_was_a_message_for_a_colleague_is_passed_on(dispatcher, domain,
                                                                  monkeypatch):
    from actions import contact
    from actions.questions import ActionNotAReport

    passed = []
    monkeypatch.setattr(contact.contactverzoek, "enabled", lambda: True)
    monkeypatch.setattr(contact, "register_left_message",
                        lambda tracker, phone, when, text: passed.append(text))
    tracker = make_tracker("inform", "Het is een bericht voor uw collega.",
                           slots={"report_description": "Losse tegels bij Kastanjelaan 12"},
                           active_loop="report_form")
    events = asyncio.run(ActionNotAReport().run(dispatcher, tracker, domain))
    responses = [m["response"] for m in dispatcher.messages]
    assert responses[0] == "utter_report_was_a_question"
    assert responses[1].startswith("utter_message_taken")
    assert passed == ["Losse tegels bij Kastanjelaan 12"]
    assert {"event": "active_loop", "name": None, "timestamp": None} in events


def test_no_report_and_a_person_asked_for_goes_to_the_person(dispatcher, domain):
    from actions.questions import ActionNotAReport

    tracker = make_tracker("stop", "there is no report!! stop. can I talk to a person please",
                           slots={"report_description": "How long does it take?"},
                           active_loop="report_form")
    events = asyncio.run(ActionNotAReport().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_report_was_a_question"]
    assert events[-1] == {"event": "followup", "name": "action_contact_human",
                          "timestamp": None}


def test_while_waiting_a_question_about_the_message_gets_no_unrelated_article(db_url):
    """Round r86 of session 43: "gezet" in "is het bij de melding gezet?" brought the text on
    being evicted ("uit huis gezet")."""
    from actions.knowledge import meanwhile_articles
    from bot.knowledge import KNOWLEDGE_DIR, store

    store.seed_from_yaml(KNOWLEDGE_DIR, db_url)
    assert meanwhile_articles("is het nu bij de melding gezet of niet?", [], db_url) == []


@pytest.mark.parametrize("clock, numbers", [(SATURDAY_NIGHT, True), (MONDAY_MORNING, False)])
def test_a_hazard_passed_on_while_closed_gets_the_day_and_night_numbers(
        monkeypatch, dispatcher, domain, clock, numbers):
    """Round r101: a hole a cyclist nearly fell into was read "vanaf maandag 08:30"."""
    monkeypatch.setattr("actions.knowledge.meanwhile_articles", lambda text, said: [])
    text = "mijn buurman is er gisteren met de fiets bijna in gevallen"
    tracker = make_tracker("inform", text, entities=read_message(text).to_entities(text))
    asyncio.run(ActionTakeMessage(clock=lambda: clock).run(dispatcher, tracker, domain))
    responses = [m["response"] for m in dispatcher.messages]
    assert responses[0] == "utter_ack_hazard_passed_on"
    assert ("utter_report_question_urgent_number" in responses) is numbers


def test_danger_said_about_the_report_just_filed_is_passed_on_as_a_hazard(
        monkeypatch, dispatcher, domain):
    """Round r162: "het is gevaarlijk, kinderen lopen er langs" just after filing: passed on
    with the report's number, so a colleague can give it priority."""
    monkeypatch.setattr("actions.knowledge.meanwhile_articles", lambda text, said: [])
    text = "ik zeg het je toch al. het is gevaarlijk. kinderen lopen er langs"
    tracker = make_tracker("inform", text, entities=read_message(text).to_entities(text),
                           slots={"report_case_number": "M-2026-000002"})
    asyncio.run(ActionTakeMessage(clock=lambda: MONDAY_MORNING).run(dispatcher, tracker, domain))
    assert dispatcher.messages[0]["response"] == "utter_ack_hazard_passed_on"


def test_news_by_phone_preferred_during_a_report_is_no_handover(dispatcher, domain):
    """Round r172: "Berichten? Ik kan niet zo goed sms lezen, liefst even bellen." at the
    updates question (read as asking for a person) got "our colleagues are not here"."""
    from actions.contact import ActionContactHuman

    text = "Berichten? Ik kan niet zo goed sms lezen, liefst even bellen."
    tracker = make_tracker("ask_human", text, entities=read_message(text).to_entities(text),
                           slots={"requested_slot": "report_updates"})
    events = asyncio.run(ActionContactHuman(clock=lambda: MONDAY_MORNING).run(
        dispatcher, tracker, domain))
    assert dispatcher.messages == []
    assert events == [{"event": "slot", "timestamp": None, "name": "report_updates",
                       "value": True}]
