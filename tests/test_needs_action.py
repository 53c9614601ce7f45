"""actions/needs.py: an acute need is answered from its article, or with the numbers."""
from __future__ import annotations

import asyncio

import pytest

import actions.needs as needs
from bot.knowledge import KNOWLEDGE_DIR, store
from bot.reading.message import read_message
from tests.conftest import make_tracker


@pytest.fixture
def kb_url(db_url, monkeypatch):
    store.seed_from_yaml(KNOWLEDGE_DIR, db_url)
    monkeypatch.setattr(needs, "DATABASE_URL", db_url)
    return db_url


def run_need(text, dispatcher, slots=None):
    tracker = make_tracker("money_worries", text, slots=slots,
                           entities=read_message(text).to_entities(text))
    return asyncio.run(needs.ActionAnswerNeed().run(dispatcher, tracker, {}))


def test_no_food_on_saturday_gets_the_food_bank_article_with_its_night_number(
        kb_url, dispatcher):
    run_need("ik heb geen eten meer voor mijn kinderen en het is zaterdag", dispatcher)
    [message] = dispatcher.messages
    assert message["response"] == "utter_kb_answer_sensitive"
    assert "voedselbank" in message["answer"] and "dag en nacht" in message["answer"]


def test_english_gets_the_numbers_and_the_link(kb_url, dispatcher):
    run_need("we have nothing to eat", dispatcher, slots={"language": "en"})
    [message] = dispatcher.messages
    assert message["response"] == "utter_acute_need"
    assert message["link"].endswith("/geldzorgen") and message["crisis_phone"]


def test_the_numbers_still_come_when_the_knowledge_base_is_down(db_url, dispatcher,
                                                                  monkeypatch):
    def down(*args):
        raise ConnectionError("knowledge base down")

    monkeypatch.setattr(needs, "_published", down)
    run_need("ik slaap vannacht op straat", dispatcher)
    assert [m["response"] for m in dispatcher.messages] == ["utter_acute_need"]


def test_a_question_beside_loneliness_is_answered_too(kb_url, dispatcher):
    run_need("goedemiddag. sinds mijn man overleden is zit ik de hele dag alleen thuis. ik weet "
             "niet zo goed wat ik moet. ook moet ik nog iets regelen met zijn overlijden geloof "
             "ik", dispatcher)
    answers = [m.get("answer") or "" for m in dispatcher.messages]
    assert any("Luisterlijn" in answer for answer in answers)
    assert any("uitvaartondernemer" in answer for answer in answers)


def test_a_letter_of_an_old_resident_alone_gets_help_at_home_beside_company(kb_url, dispatcher):
    """Loneliness and the housekeeping that no longer works: both answered, no money talk."""
    run_need("Beste gemeente, ik ben 86 en sinds het overlijden van mijn vrouw woon ik alleen. "
             "Ik kan niet meer goed zelf boodschappen doen en het huishouden valt me zwaar. "
             "Het is erg stil in huis.", dispatcher)
    answers = [m.get("answer") or "" for m in dispatcher.messages]
    assert any("Luisterlijn" in answer for answer in answers)
    assert any("Wmo" in answer for answer in answers)
    assert not any("voedselbank" in answer.lower() for answer in answers)
