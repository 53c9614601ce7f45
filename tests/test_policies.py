"""bot.policies: TED and the memoization are left out when a rule decides, and the chosen
action is the same."""
from __future__ import annotations

from typing import List, Tuple

import pytest
from rasa.core.agent import Agent
from rasa.core.policies.memoization import MemoizationPolicy as RasaMemoizationPolicy
from rasa.core.policies.ted_policy import TEDPolicy as RasaTEDPolicy
from rasa.shared.core.events import ActionExecuted, ActiveLoop, Event, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

import bot.policies

START = [ActionExecuted("action_session_start"), ActionExecuted("action_listen")]


def _user(intent: str, text: str = "...") -> UserUttered:
    return UserUttered(text, {"name": intent, "confidence": 1.0},
                       parse_data={"intent": {"name": intent, "confidence": 1.0},
                                   "intent_ranking": [{"name": intent, "confidence": 1.0}],
                                   "entities": [], "text": text})


CONVERSATIONS = {
    # a rule: greeting -> utter_greeting
    "rule": START + [_user("greeting", "hallo")],
    # the report form asks for the location: rules keep the loop going
    "form": START + [_user("report_pavement_road", "losse tegel"),
                     ActionExecuted("action_start_report"), ActionExecuted("report_form"),
                     ActiveLoop("report_form"), SlotSet("requested_slot", "report_location"),
                     ActionExecuted("action_listen"), _user("inform", "Kerkstraat 12")],
    # no rule covers saying goodbye right after the greeting: TED has its say
    "no rule": START + [_user("greeting", "hallo"), ActionExecuted("utter_goodbye")],
}



def _predict(agent: Agent, events: List[Event], counted: type = RasaTEDPolicy
             ) -> Tuple[str, str, int]:
    """The chosen action, the policy that chose it and how often `counted` (Rasa's own
    policy class) ran."""
    calls = []
    original = counted.predict_action_probabilities

    def counting(self, *args, **kwargs):
        calls.append(1)
        return original(self, *args, **kwargs)

    counted.predict_action_probabilities = counting
    try:
        tracker = DialogueStateTracker.from_events("policy-test", events,
                                                   agent.domain.slots)
        action, prediction = agent.processor.predict_next_with_tracker_if_should(tracker)
    finally:
        counted.predict_action_probabilities = original
    return action.name(), prediction.policy_name, len(calls)


@pytest.mark.parametrize("counted", [RasaTEDPolicy, RasaMemoizationPolicy])
@pytest.mark.parametrize("name, runs", [("rule", 0), ("form", 0), ("no rule", 1)])
def test_ted_and_memoization_run_only_when_no_rule_decides(agent, monkeypatch, name, runs,
                                                           counted):
    action, policy, calls = _predict(agent, CONVERSATIONS[name], counted)
    assert calls == runs
    monkeypatch.setattr(bot.policies, "_rule_decides", lambda prediction, tracker: False)
    assert _predict(agent, CONVERSATIONS[name], counted)[:2] == (action, policy)  # same
    assert _predict(agent, CONVERSATIONS[name], counted)[2] == 1


def test_expected_actions(agent):
    assert _predict(agent, CONVERSATIONS["rule"])[0] == "utter_greeting"
    assert _predict(agent, CONVERSATIONS["form"])[0] == "report_form"
    assert _predict(agent, CONVERSATIONS["no rule"])[0] == "action_default_fallback"
