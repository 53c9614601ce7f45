"""A typed yes or no to "Bedoelt u: …?" answers as the Ja or Nee button does."""
from __future__ import annotations

import asyncio

import pytest
from rasa.core.actions.two_stage_fallback import TwoStageFallbackAction
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, ActiveLoop, BotUttered, SlotSet,
                                      UserUttered)
from rasa.shared.core.trackers import DialogueStateTracker

from bot import rasa_patches


def _asked_back(answer: str, intent: str, asked: str = "utter_ask_affirmation"
                ) -> DialogueStateTracker:
    buttons = [{"title": "Ja", "payload": "/report_street_lighting"},
               {"title": "Nee", "payload": "/out_of_scope"}]
    return DialogueStateTracker.from_events("r1", [
        ActionExecuted("action_listen"),
        UserUttered("het ding bij ons doet raar", {"name": "nlu_fallback", "confidence": 0.4}),
        ActionExecuted("action_two_stage_fallback"),
        ActiveLoop("action_two_stage_fallback"),
        BotUttered("Bedoelt u: een kapotte lantaarnpaal melden?", {"buttons": buttons},
                   {"utter_action": asked}),
        ActionExecuted("action_listen"),
        UserUttered(answer, {"name": intent, "confidence": 0.7}),
    ])


@pytest.mark.parametrize("answer, intent, meant, done", [
    ("Nee hoor. Nou ik ga maar. Dag", "deny", "out_of_scope", False),
    ("ja dat klopt helemaal", "affirm", "report_street_lighting", True),
])
def test_a_typed_yes_or_no_is_its_button(answer, intent, meant, done, monkeypatch):
    """Round 91: "Nee hoor" was taken for a new intent, the fallback ended, and the
    resident got no answer at all."""
    tracker = _asked_back(answer, intent)
    # only this patch: rasa_patches.apply() would change Rasa for the other tests as well
    monkeypatch.setattr(TwoStageFallbackAction, "is_done", rasa_patches._fallback_is_done)
    finished = asyncio.run(TwoStageFallbackAction(None).is_done(
        None, None, tracker, Domain.empty(), []))
    assert tracker.latest_message.intent_name == meant
    assert tracker.latest_message.parse_data["intent"]["name"] == meant
    assert finished is done


def test_other_answers_and_other_questions_keep_their_intent():
    tracker = _asked_back("ik wil een paspoort", "passport_id_appointment")
    rasa_patches.answer_as_its_button(tracker)
    assert tracker.latest_message.intent_name == "passport_id_appointment"
    tracker = _asked_back("nee", "deny", asked="utter_ask_report_updates")
    rasa_patches.answer_as_its_button(tracker)
    assert tracker.latest_message.intent_name == "deny"


def _offered(answer: str) -> DialogueStateTracker:
    buttons = [{"title": "Dit helpt me niet", "payload": "Dit helpt me niet"},
               {"title": "Bezwaar maken tegen een belastingaanslag",
                "payload": '/municipal_question{"kb_article":"bezwaar-aanslag"}'}]
    return DialogueStateTracker.from_events("r2", [
        ActionExecuted("action_listen"),
        UserUttered("kan ik bezwaar maken?", {"name": "taxes", "confidence": 0.9}),
        BotUttered("Met de afvalstoffenheffing betaalt u …"),
        BotUttered("Of bedoelt u iets anders?", {"buttons": buttons}),
        ActionExecuted("action_listen"),
        UserUttered(answer, {"name": "affirm", "confidence": 0.6},
                    parse_data={"intent_ranking": [{"name": "affirm", "confidence": 0.6}]}),
        SlotSet("language", "nl"),  # the slots a message sets come after it
    ])


def test_a_button_title_typed_is_that_button():
    """Round r57: "ja bezwaar maken dus" got "Waar kan ik u mee helpen?"."""
    tracker = _offered("ja bezwaar maken dus")
    rasa_patches.answer_as_the_button_typed(tracker)
    assert tracker.latest_message.intent_name == "municipal_question"
    assert tracker.latest_message.parse_data["intent_ranking"][0]["name"] == "municipal_question"
    assert tracker.latest_message.entities == [
        {"entity": "kb_article", "value": "bezwaar-aanslag", "start": 0, "end": 0}]


@pytest.mark.parametrize("answer", ["ja", "hoe maak ik bezwaar?", "dit helpt me niet"])
def test_other_words_after_buttons_keep_their_reading(answer):
    tracker = _offered(answer)
    rasa_patches.answer_as_the_button_typed(tracker)
    assert tracker.latest_message.intent_name == "affirm"
