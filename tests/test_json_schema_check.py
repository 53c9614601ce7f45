"""bot/json_schema_check.py says valid exactly when jsonschema does."""
import copy
import datetime
from typing import Any, Dict, Iterator, List

import pytest
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa_sdk import events

from bot.json_schema_check import compile_check

SCHEMA = RemoteAction.action_response_format_spec()
PARSE_DATA = {"text": "losse tegel", "intent": {"name": "report", "confidence": 0.9},
              "intent_ranking": [{"name": "report", "confidence": 0.9}],
              "entities": [{"entity": "place", "value": "Kerkstraat", "start": 0, "end": 3,
                            "extractor": None, "role": None, "group": None}]}
EVENTS = [events.SlotSet("report_location", "Kerkstraat 12"), events.SlotSet("n", None),
          events.BotUttered("Waar?", {"buttons": []}), events.UserUttered("hoi", PARSE_DATA),
          events.ActionExecuted("action_listen", policy="RulePolicy", confidence=1.0),
          events.ActiveLoop("report_form"), events.ActiveLoop(None), events.Restarted(),
          events.FollowupAction("utter_greet"), events.AllSlotsReset(),
          events.ConversationPaused(), events.ConversationResumed(), events.ActionReverted(),
          events.UserUtteranceReverted(), events.SessionStarted(),
          events.ActionExecutionRejected("report_form"), events.LoopInterrupted(True),
          events.ReminderScheduled("EXTERNAL_x", datetime.datetime(2026, 1, 1)),
          events.ReminderCancelled("r"), events.AgentUttered("hallo"),
          {"event": "entities", "entities": PARSE_DATA["entities"]},
          {"event": "slot", "timestamp": 1.5, "name": "x", "value": [1, {"a": 2}]}]
RESPONSES = [{"response": "utter_ask_report_location", "text": None, "buttons": []},
             {"text": "Dank u", "image": None}]
ODD_VALUES = [None, 0, 1, 1.5, True, False, "", "x", [], {}, [1], {"a": 1}]


def _valid() -> List[Dict[str, Any]]:
    return [{"events": EVENTS, "responses": RESPONSES}, {"events": [], "responses": []},
            {"events": [events.SlotSet("a", 1)]}, {}, {"responses": RESPONSES}]


def _changed(value: Any) -> Iterator[Any]:
    """The value with one part changed: removed, replaced by an odd value, or its event
    name swapped for another event's or an unknown one."""
    for odd in ODD_VALUES:
        yield odd
    if isinstance(value, dict):
        for key in value:
            without = dict(value)
            del without[key]
            yield without
            for part in _changed(value[key]):
                yield {**value, key: part}
        if "event" in value:
            for other in ("user", "bot", "slot", "action", "entities", "nonsense"):
                yield {**value, "event": other}
    if isinstance(value, list):
        for index, item in enumerate(value):
            for part in _changed(item):
                yield value[:index] + [part] + value[index + 1:]


def _cases() -> List[Any]:
    cases: List[Any] = []
    for response in _valid():
        cases.append(response)
        for key in ("events", "responses"):
            if key in response:
                for part in _changed(copy.deepcopy(response[key])):
                    cases.append({**response, key: part})
    return cases


CASES = _cases()


def test_the_cases_hold_valid_and_invalid_responses() -> None:
    validator = validator_for(SCHEMA)(SCHEMA)
    judged = [validator.is_valid(case) for case in CASES]
    assert len(CASES) > 1500 and judged.count(True) > 100 and judged.count(False) > 500


@pytest.mark.parametrize("chunk", range(8))
def test_the_compiled_check_judges_as_jsonschema(chunk: int) -> None:
    validator = validator_for(SCHEMA)(SCHEMA)
    check = compile_check(SCHEMA)
    for case in CASES[chunk::8]:
        assert check(case) == validator.is_valid(case), case


@pytest.mark.parametrize("schema", [
    {"type": "object", "additionalProperties": False},  # a keyword it does not know
    {"type": "decimal"},  # a type jsonschema does not know either
    {"properties": {"a": {"minimum": 1}}},  # deeper down
])
def test_a_schema_with_other_keywords_is_not_compiled(schema: Dict[str, Any]) -> None:
    assert compile_check(schema) is None


@pytest.mark.parametrize("schema,value,valid", [
    ({"type": "integer"}, True, False), ({"type": "integer"}, 1, True),
    ({"const": 1}, True, False), ({"const": [1]}, [1], True),
    ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 1, False),
    ({"oneOf": [{"type": "number"}, {"type": "integer"}]}, 1.5, True),
    ({"patternProperties": {"^a": {"type": "string"}}}, {"ab": 1, "b": 1}, False),
    ({"patternProperties": {"^a": {"type": "string"}}}, {"b": 1}, True),
    ({"required": ["a"], "properties": {"a": {}}}, [], True),
])
def test_keywords_as_jsonschema_judges_them(schema: Dict[str, Any], value: Any,
                                            valid: bool) -> None:
    assert validator_for(schema)(schema).is_valid(value) is valid
    assert compile_check(schema)(value) is valid


def test_branches_without_distinct_names_are_checked_in_full() -> None:
    """Two branches fixing the same event name both match: `oneOf` fails, as in jsonschema."""
    schema = {"type": "object", "properties": {"events": {"type": "array", "items": {
        "oneOf": [{"properties": {"event": {"const": "a"}}},
                  {"properties": {"event": {"const": "a"}}}]}}}}
    value = {"events": [{"event": "a"}]}
    assert compile_check(schema)(value) is validator_for(schema)(schema).is_valid(value) is False
