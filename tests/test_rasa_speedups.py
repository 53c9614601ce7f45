"""The CPU savings in bot/rasa_speedups.py give the answers Rasa's own code gives."""
import asyncio
import dataclasses
import json
import threading
from pathlib import Path
from typing import Any, Dict, List

import jsonschema
import pytest
import rasa.shared.utils.common
from rasa.core.actions.action import RemoteAction
from rasa.core.agent import Agent
from rasa.core.processor import MessageProcessor
from rasa.engine.graph import GraphComponent, GraphSchema, SchemaNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.events import ActionExecuted, Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig
from rasa_sdk import events as sdk_events

from bot import rasa_speedups

SCHEMA = RemoteAction.action_response_format_spec()
USER = {"event": "user", "text": "losse tegel", "input_channel": "rest",
        "parse_data": {"intent": {"name": "report_pavement_road", "confidence": 0.9},
                       "entities": [{"entity": "address", "value": "Kerkstraat 12",
                                     "start": 0, "end": 13}],
                       "intent_ranking": [{"name": "greeting", "confidence": 0.1}]}}

VALID = [
    {},
    {"events": [], "responses": []},
    {"events": [sdk_events.SlotSet("location", "Kerkstraat 12"),
                sdk_events.ActiveLoop("report_form"), sdk_events.FollowupAction("x"),
                sdk_events.BotUttered("Hoi", metadata={"a": 1}), sdk_events.Restarted(),
                sdk_events.SessionStarted(), sdk_events.ActionExecuted("action_listen"),
                sdk_events.AllSlotsReset(), sdk_events.ConversationPaused(), USER],
     "responses": [{"response": "utter_ask_location"}]},
    {"events": [{"event": "slot", "name": "x", "value": None, "timestamp": None}]},
]
INVALID = [
    [],
    {"events": {}},
    {"events": [{"event": "telepathy"}]},
    {"events": [{"name": "x", "value": 1}]},
    {"events": [{"event": "slot", "name": "x"}]},
    {"events": [{"event": "slot", "value": 1}]},
    {"events": [{"event": "slot", "name": 7, "value": 1}]},
    {"events": [{"event": "action", "name": "a", "confidence": "high"}]},
    {"events": [{"event": "bot", "timestamp": "yesterday"}]},
    {"events": [{"event": "bot", "metadata": []}]},
    {"events": [{"event": "entities", "entities": [{"entity": "x"}]}]},
    {"events": [{**USER, "parse_data": {"intent": {"name": 3}}}]},
    {"events": [{"event": 5}]},
    {"events": ["slot"]},
    {"events": [sdk_events.SlotSet("x", 1), {"event": "nonsense"}]},
    {"responses": ["utter_greet"]},
]


def _rasa_accepts(result: Any) -> bool:
    try:
        jsonschema.validate(result, SCHEMA)
        return True
    except jsonschema.ValidationError:
        return False


@pytest.mark.parametrize("result", VALID + INVALID)
def test_action_responses_judged_as_rasa_judges_them(result: Dict[str, Any]) -> None:
    fast = rasa_speedups._action_response_is_valid()
    assert fast(result) == _rasa_accepts(result)
    assert _rasa_accepts(result) == (result in VALID)
    remote = RemoteAction("action_x", EndpointConfig("http://127.0.0.1:5055/webhook"))
    if result in VALID:
        assert rasa_speedups._validate_action_result(remote, result)
    else:
        with pytest.raises(jsonschema.ValidationError):
            rasa_speedups._validate_action_result(remote, result)


def test_invalid_response_raises_with_rasa_hint() -> None:
    with pytest.raises(jsonschema.ValidationError, match="Action server response"):
        rasa_speedups._validate_action_result(None, {"events": [{"event": "telepathy"}]})


def test_only_results_from_another_process_are_checked() -> None:
    from bot.inprocess_actions import InProcessEndpoint

    odd = {"events": [{"event": "telepathy"}]}
    remote = RemoteAction("action_x", EndpointConfig("http://127.0.0.1:5055/webhook"))
    with pytest.raises(jsonschema.ValidationError):
        rasa_speedups._validate_action_result(remote, odd)
    local = RemoteAction("action_x", InProcessEndpoint("inprocess:"))
    assert rasa_speedups._validate_action_result(local, odd)


def test_every_event_name_resolves_to_rasas_class() -> None:
    original = rasa_speedups._rasa_resolve_by_type
    names = {cls.type_name for cls in rasa.shared.utils.common.all_subclasses(Event)}
    assert len(names) > 20
    for name in names:
        assert rasa_speedups.resolve_event_class(name) is original(name)
    assert Event.resolve_by_type("slot") is original("slot")


def test_unknown_event_names_behave_as_in_rasa() -> None:
    assert rasa_speedups.resolve_event_class("topic") is None
    assert rasa_speedups.resolve_event_class("telepathy", default=Event) is Event
    with pytest.raises(ValueError, match="Unknown event name"):
        rasa_speedups.resolve_event_class("telepathy")


def test_event_class_imported_later_is_found() -> None:
    class Later(Event):
        type_name = "ga_test_later"

        def __eq__(self, other: Any) -> bool:
            return isinstance(other, Later)

        def __hash__(self) -> int:
            return 1

        def as_story_string(self) -> str:
            return ""

    rasa_speedups.resolve_event_class("slot")
    assert rasa_speedups.resolve_event_class("ga_test_later") is Later


def _node(**needs: str) -> SchemaNode:
    return SchemaNode(needs=needs, uses=GraphComponent, constructor_name="create",
                      fn="process", config={})


def test_execution_order_puts_each_node_after_what_it_needs() -> None:
    schema = GraphSchema({"tokens": _node(messages="__message__"),
                          "features": _node(tokens="tokens"),
                          "intent": _node(features="features", tokens="tokens"),
                          "unused": _node(tokens="tokens"),
                          "output": _node(intent="intent")})
    order = rasa_speedups.execution_order(schema, ("output",))
    assert [name for name, _ in order] == ["tokens", "features", "intent", "output"]
    assert dict(order)["intent"] == ("features", "tokens")



MESSAGES = ["hallo", "Er ligt een losse stoeptegel", "Kerkstraat 12", "nee", "",
            "DE KLIKO IS NIET GELEEGD", "ik wil verhuizen", "🙂", "asdfgh"]


@pytest.mark.parametrize("message", MESSAGES)
def test_model_gives_what_it_gives_in_rasa(agent: Agent, message: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Parse (in the NLU thread, without dask) and next action as in Rasa."""
    monkeypatch.setattr(DaskGraphRunner, "run", rasa_speedups._run_graph_in_order)
    monkeypatch.setattr(MessageProcessor, "parse_message", rasa_speedups._parse_message_in_thread)
    ours = asyncio.run(agent.parse_message(message))
    tracker = DialogueStateTracker.from_events("graph-test", [
        ActionExecuted("action_session_start"), ActionExecuted("action_listen"),
        UserUttered(message, ours["intent"], ours["entities"], parse_data=ours)],
        agent.domain.slots)
    our_action = agent.processor.predict_next_with_tracker_if_should(tracker)
    monkeypatch.setattr(DaskGraphRunner, "run", rasa_speedups._rasa_graph_run)
    monkeypatch.setattr(MessageProcessor, "parse_message", rasa_speedups._rasa_parse_message)
    assert asyncio.run(agent.parse_message(message)) == ours
    rasa_action, rasa_prediction = agent.processor.predict_next_with_tracker_if_should(tracker)
    assert rasa_action.name() == our_action[0].name()
    assert rasa_prediction.policy_name == our_action[1].policy_name
    assert rasa_prediction.probabilities == our_action[1].probabilities


def test_messages_are_parsed_in_the_nlu_thread(agent: Agent,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    threads = []
    parse_with_graph = MessageProcessor._parse_message_with_graph

    def recording(self: MessageProcessor, *args: Any) -> Dict[str, Any]:
        threads.append(threading.current_thread().name)
        return parse_with_graph(self, *args)

    monkeypatch.setattr(MessageProcessor, "_parse_message_with_graph", recording)
    monkeypatch.setattr(MessageProcessor, "parse_message", rasa_speedups._parse_message_in_thread)
    parsed = asyncio.run(agent.parse_message("de lantaarnpaal is kapot"))
    assert parsed["intent"]["name"] and parsed["text"] == "de lantaarnpaal is kapot"
    assert len(threads) == 1 and threads[0].startswith("nlu")


@pytest.mark.parametrize("workers, cores, spare", [
    (None, 2, True), ("1", 2, True), ("2", 2, False), ("4", 2, False), ("1", 1, False),
    ("many", 2, True)])
def test_nlu_thread_only_with_a_core_to_spare(workers: Any, cores: int, spare: bool,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if workers is None:
        monkeypatch.delenv("SANIC_WORKERS", raising=False)
    else:
        monkeypatch.setenv("SANIC_WORKERS", workers)
    monkeypatch.setattr(rasa_speedups.os, "cpu_count", lambda: cores)
    assert rasa_speedups.a_core_to_spare() is spare


DOMAIN = {"responses": {"utter_greeting": [{"text": "Hallo! Wat kan ik doen? é €"}]},
          "slots": {"report_location": {"type": "text", "mappings": []}},
          "forms": {"report_form": {"required_slots": ["report_location"]}}}


def _call(action: str, domain: Dict[str, Any] = DOMAIN) -> Dict[str, Any]:
    return {"next_action": action, "sender_id": "s-1",
            "tracker": {"events": [USER], "slots": {"x": 1.5, "y": None, "z": "ü"}},
            "version": "3.6.21", "domain": domain}


@pytest.mark.parametrize("value", [
    _call("action_submit_report"), _call("validate_report_form"),
    {"next_action": "a", "tracker": {}, "version": "3"},  # selective domain: none sent
    {"domain": DOMAIN, "next_action": "a"},  # the domain not last
    {"domain": DOMAIN}, {"next_action": "a", "domain": "not a dict"}, [1, 2], "text", None,
])
def test_json_body_is_the_json_value_aiohttp_sends(value: Any) -> None:
    assert json.loads(rasa_speedups.json_body(value)) == json.loads(json.dumps(value))
    assert json.loads(rasa_speedups.json_body(value)) == json.loads(json.dumps(value))  # cached


class NotJson:
    pass


@pytest.mark.parametrize("value", [
    {"a": 0.1, "b": 1 / 3, "c": 1e300, "d": -5e-324, "e": 12345678901234567890},
    {"tekst": "é € \u2028 / \" \\ \n", 2: "int key", True: "bool key", None: "null key"},
    {"nan": float("nan")},
])
def test_json_text_writes_what_json_writes(value: Any) -> None:
    written = json.loads(rasa_speedups.json_text(value))
    assert json.dumps(written) == json.dumps(json.loads(json.dumps(value)))


def test_json_text_refuses_what_json_refuses() -> None:
    with pytest.raises(TypeError):
        rasa_speedups.json_text({"event": NotJson()})


def test_json_body_follows_another_domain() -> None:
    other = {**DOMAIN, "responses": {}}
    rasa_speedups.json_body(_call("a"))
    assert json.loads(rasa_speedups.json_body(_call("a", other))) == _call("a", other)


def _serve_recorder(seen: list) -> Any:
    from aiohttp import web

    async def record(request: web.Request) -> web.Response:
        seen.append({"body": await request.read(), "query": dict(request.query),
                     "type": request.headers.get("Content-Type"),
                     "auth": request.headers.get("Authorization"),
                     "extra": request.headers.get("X-Extra"),
                     "cookie": request.headers.get("Cookie"),
                     "peer": request.transport.get_extra_info("peername")})
        if request.query.get("fail"):
            return web.Response(status=500, text="nee")
        response = web.json_response({"events": [], "responses": []})
        response.set_cookie("session", "abc")
        return response

    app = web.Application()
    app.router.add_post("/webhook", record)
    return web.AppRunner(app)


def test_shared_session_sends_what_rasa_sends() -> None:
    """Rasa's own request and the shared-session one deliver the same request and
    answer; the shared session reuses its connection and keeps no cookies."""
    from aiohttp import web
    from rasa.utils.endpoints import ClientResponseError, EndpointConfig

    async def run() -> list:
        seen: list = []
        runner = _serve_recorder(seen)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook", token="geheim",
                                  headers={"X-Extra": "1"},
                                  basic_auth={"username": "u", "password": "p"})
        answers = []
        for request in (rasa_speedups._rasa_request, rasa_speedups._request_on_shared_session,
                        rasa_speedups._request_on_shared_session):
            answers.append(await request(endpoint, json=_call("validate_report_form"),
                                         method="post", timeout=5))
        for request in (rasa_speedups._rasa_request, rasa_speedups._request_on_shared_session):
            await request(endpoint, json=None)  # no body at all
        for request in (rasa_speedups._rasa_request, rasa_speedups._request_on_shared_session):
            with pytest.raises(ClientResponseError):
                await request(endpoint, json={"a": 1}, params={"fail": "1"})
        await runner.cleanup()
        return [seen, answers]

    seen, answers = asyncio.run(run())
    assert answers[0] == answers[1] == answers[2] == {"events": [], "responses": []}
    rasa_call, shared_call, shared_again = seen[:3]
    for field in ("query", "type", "auth", "extra", "cookie"):
        assert rasa_call[field] == shared_call[field] == shared_again[field], field
    assert json.loads(rasa_call["body"]) == json.loads(shared_call["body"]) \
        == json.loads(shared_again["body"])
    assert rasa_call["cookie"] is None
    assert shared_call["peer"] == shared_again["peer"]  # one connection, kept open
    assert seen[3]["body"] == seen[4]["body"] == b"" and seen[3]["type"] == seen[4]["type"]
    assert seen[5]["query"] == seen[6]["query"] == {"token": "geheim", "fail": "1"}


def _conversation_events() -> list:
    from rasa.shared.core.events import (ActionExecutionRejected, ActionReverted, ActiveLoop,
                                         FollowupAction, Restarted, SessionStarted, SlotSet,
                                         UserUtteranceReverted)

    user = UserUttered("losse tegel", {"name": "report_pavement_road", "confidence": 0.9})
    return [ActionExecuted("action_session_start"), SessionStarted(),
            ActionExecuted("action_listen"), user, ActionExecuted("action_start_report"),
            ActionExecuted("report_form"), ActiveLoop("report_form"),
            SlotSet("requested_slot", "report_location"), ActionExecuted("action_listen"),
            UserUttered("wat?", {"name": "ask_why", "confidence": 0.8}),
            ActionExecutionRejected("report_form"), ActionExecuted("utter_why"),
            ActionExecuted("report_form"), ActionExecuted("action_listen"), user,
            ActionReverted(), UserUtteranceReverted(), FollowupAction("report_form"),
            ActionExecuted("report_form"), ActiveLoop(None), ActionExecuted("action_listen"),
            Restarted(), ActionExecuted("action_listen"), user]


def test_applied_events_as_rasa_works_them_out_after_every_event() -> None:
    tracker = DialogueStateTracker.from_events("applied", [])
    for event in _conversation_events():
        tracker.update(event)
        ours = rasa_speedups._cached_applied_events(tracker)
        assert ours == rasa_speedups._rasa_applied_events(tracker)
        ours.append("changed by a caller")
        assert rasa_speedups._cached_applied_events(tracker) == \
            rasa_speedups._rasa_applied_events(tracker)


def test_applied_events_of_a_capped_history_follow_the_newest_event() -> None:
    tracker = DialogueStateTracker.from_events("capped", [], max_event_history=3)
    for event in _conversation_events():
        tracker.update(event)
        assert rasa_speedups._cached_applied_events(tracker) == \
            rasa_speedups._rasa_applied_events(tracker)


def _tracker_state(tracker: DialogueStateTracker) -> Dict[str, Any]:
    """Everything a tracker holds, slots by their attributes (not the speed-ups' caches)."""
    state = {key: value for key, value in vars(tracker).items() if not key.startswith("_ga_")}
    state["events"] = [id(event) for event in tracker.events]
    state["slots"] = {name: (type(slot), dict(vars(slot))) for name, slot in tracker.slots.items()}
    state["latest_action"] = dict(tracker.latest_action)
    state["active_loop"] = tracker.active_loop and dataclasses.asdict(tracker.active_loop)
    return state


def _histories() -> List[list]:
    from rasa.shared.core.events import (BotUttered, ConversationPaused, ConversationResumed,
                                         LoopInterrupted, SlotSet)

    events = _conversation_events()
    more = [BotUttered("Waar?"), SlotSet("t", "Kerkstraat 12"), SlotSet("b", True),
            ConversationPaused(), LoopInterrupted(True), ConversationResumed(),
            SlotSet("l", [2, 3])]
    return [events[:end] for end in range(len(events) + 1)] + [events[:8] + more]


@pytest.mark.parametrize("history", _histories())
def test_tracker_copy_is_the_replayed_copy(history: list) -> None:
    tracker = DialogueStateTracker.from_events("kopie", history, _slots())
    tracker.model_id, tracker.assistant_id = "model", "gemeente"
    ours, rasas = rasa_speedups._copy_tracker(tracker), rasa_speedups._rasa_tracker_copy(tracker)
    assert _tracker_state(ours) == _tracker_state(rasas)
    assert ours.current_state() == rasas.current_state()


def test_changing_a_tracker_copy_leaves_the_tracker_as_it_was() -> None:
    from rasa.shared.core.events import ActiveLoop, SlotSet

    tracker = DialogueStateTracker.from_events("kopie", _conversation_events()[:9], _slots())
    before = _tracker_state(tracker)
    copied = rasa_speedups._copy_tracker(tracker)
    copied.update(SlotSet("t", "anders"))
    copied.active_loop.rejected = True
    copied.latest_action["action_name"] = "changed"
    copied.update(ActiveLoop(None))
    assert _tracker_state(tracker) == before


def _slots() -> list:
    from rasa.shared.core import slots

    made = [slots.TextSlot("t", [], initial_value="x"), slots.BooleanSlot("b", []),
            slots.FloatSlot("f", [], max_value=5.0), slots.ListSlot("l", [], initial_value=[1]),
            slots.CategoricalSlot("c", [], values=["a", "b"]), slots.AnySlot("a", [])]
    made[0].value = "gezet"
    return made


@pytest.mark.parametrize("slot", _slots(), ids=lambda slot: type(slot).__name__)
def test_slot_copies_as_python_copies_them(slot: Any) -> None:
    import copy

    ours = rasa_speedups._copy_slot(slot)
    reduced = slot.__reduce_ex__(4)
    generic = copy._reconstruct(slot, None, *reduced)
    assert type(ours) is type(generic) and ours is not slot
    assert vars(ours) == vars(generic) and vars(ours) is not vars(slot)
    assert all(vars(ours)[name] is value for name, value in vars(slot).items())  # shallow


def test_slot_with_its_own_state_is_copied_its_own_way() -> None:
    from rasa.shared.core.slots import TextSlot

    class Stateful(TextSlot):
        def __getstate__(self) -> Dict[str, Any]:
            return {**self.__dict__, "copied": True}

    assert getattr(rasa_speedups._copy_slot(Stateful("s", [])), "copied", False) is True


@pytest.fixture
def info_logging() -> Any:
    """Rasa's structlog set up as `rasa run` sets it up, at INFO."""
    import logging

    import structlog
    from rasa.utils.log_utils import configure_structlog

    assert rasa_speedups.debug_logged()  # structlog's default
    configure_structlog(logging.INFO)
    yield
    structlog.reset_defaults()


def test_log_action_on_tracker_adds_what_rasa_adds(agent: Agent, info_logging: Any) -> None:
    from rasa.core.actions.action import ActionListen
    from rasa.core.policies.policy import PolicyPrediction
    from rasa.shared.core.events import ActionExecutionRejected, SlotSet

    assert not rasa_speedups.debug_logged()
    prediction = PolicyPrediction([0.1], "RulePolicy", events=[SlotSet("report_updates", True)])
    for events in (None, [SlotSet("report_location", "Kerkstraat 12")],
                   [ActionExecutionRejected("report_form")]):
        trackers = []
        for log in (rasa_speedups._log_action_on_tracker,
                    rasa_speedups._rasa_log_action_on_tracker):
            tracker = DialogueStateTracker.from_events("log", [], agent.domain.slots)
            log(agent.processor, tracker, ActionListen(), events and list(events), prediction)
            # (Rasa stamps the events with the time they are added)
            trackers.append([{**event.as_dict(), "timestamp": None} for event in tracker.events])
        assert trackers[0] == trackers[1]


def _debug_line_copies(module: Any) -> List[str]:
    """Each `copy.<name>` in a module's source that is not an argument of a structlog
    debug line."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(module))
    in_debug_lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr == "debug" and isinstance(node.func.value, ast.Name) \
                and node.func.value.id == "structlogger":
            for argument in [*node.args, *(keyword.value for keyword in node.keywords)]:
                in_debug_lines.update(id(inner) for inner in ast.walk(argument))
    return [f"line {node.lineno}: copy.{node.attr}" for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
            and node.value.id == "copy" and id(node) not in in_debug_lines]


@pytest.mark.parametrize("module", rasa_speedups.LOG_COPY_MODULES, ids=lambda m: m.__name__)
def test_copies_skipped_only_feed_debug_lines(module: Any) -> None:
    assert _debug_line_copies(module) == []


def test_debug_log_copies_are_deep_when_debug_lines_are_written(info_logging: Any) -> None:
    import logging

    from rasa.utils.log_utils import configure_structlog

    value = {"states": [{"prev_action": {"action_name": "action_listen"}}]}
    assert rasa_speedups.DebugLogCopies.deepcopy(value) is value  # INFO: never written
    configure_structlog(logging.DEBUG)
    copied = rasa_speedups.DebugLogCopies.deepcopy(value)
    assert copied == value and copied is not value and copied["states"] is not value["states"]
    assert rasa_speedups.DebugLogCopies().copy is __import__("copy").copy


def test_domain_is_empty_as_rasa_tells(agent: Agent) -> None:
    from rasa.shared.core.domain import Domain

    for domain in (agent.domain, Domain.empty(), Domain.from_dict({"intents": ["groet"]}),
                   Domain.from_dict({})):
        assert rasa_speedups._domain_is_empty(domain) == rasa_speedups._rasa_domain_is_empty(
            domain)
    assert rasa_speedups._domain_is_empty(Domain.empty())
    assert not rasa_speedups._domain_is_empty(agent.domain)


def _rule_policy(agent: Agent) -> Any:
    from rasa.core.policies.rule_policy import RulePolicy

    return next(node._component for node in
                agent.processor.graph_runner._instantiated_nodes.values()
                if isinstance(getattr(node, "_component", None), RulePolicy))


def test_rules_apply_as_rasa_applies_them(agent: Agent) -> None:
    """Every rule of the model against every state of every rule (the states conversations
    reach), at every turn: applicable exactly when Rasa says so."""
    from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy

    policy = _rule_policy(agent)
    keys = [*policy.lookup[RULES], *policy.lookup[RULES_FOR_LOOP_UNHAPPY_PATH]]
    states = [state for key in keys for state in RulePolicy._rule_key_to_state(key)]
    states += [{}, {"prev_action": {"action_name": "action_listen"},
                    "active_loop": {"name": "should_not_be_set"},
                    "slots": {"report_location": (1.0,)}}]
    applicable, checks = 0, 0
    for key in keys:
        for turn in range(len(RulePolicy._rule_key_to_state(key)) + 1):
            for state in states:
                ours = rasa_speedups._is_rule_applicable(policy, key, turn, state)
                assert ours == rasa_speedups._rasa_is_rule_applicable(policy, key, turn, state)
                applicable, checks = applicable + ours, checks + 1
    assert 0 < applicable < checks


def test_possible_rules_are_the_ones_rasa_finds(agent: Agent) -> None:
    """For the state histories of every rule (and of each rule's last turns, and with an
    empty or a foreign newest state): the same rules as Rasa's filter over all rules."""
    from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy

    policy = _rule_policy(agent)
    found = 0
    for lookup in (policy.lookup[RULES], policy.lookup[RULES_FOR_LOOP_UNHAPPY_PATH]):
        histories = [RulePolicy._rule_key_to_state(key) for key in lookup]
        histories += [history[-cut:] for history in histories for cut in (1, 2)]
        histories += [[], [{}], [{"prev_action": {"action_name": "action_listen"}}],
                      [{"prev_action": {"action_text": "hallo"}}]]
        for history in histories:
            ours = rasa_speedups._get_possible_keys(policy, lookup, history)
            assert ours == rasa_speedups._rasa_get_possible_keys(policy, lookup, history)
            found += len(ours)
    assert found > len(policy.lookup[RULES])


def test_rule_values_are_checked_as_rasa_checks_them() -> None:
    from rasa.core.policies.rule_policy import RulePolicy

    rule = json.dumps([{"prev_action": {"action_name": "action_listen"},
                        "user": {"intent": "inform", "entities": ["address"]},
                        "slots": {"report_location": "should_not_be_set",
                                  "report_updates": (1.0,), "empty": ""},
                        "active_loop": {"name": "report_form"}}])
    policy = RulePolicy.__new__(RulePolicy)
    values = [None, "", "inform", "deny", ("address",), ["address"], (1.0,), (0.0,),
              "should_not_be_set", "report_form"]
    for value in values:
        for state_type, key in (("user", "intent"), ("user", "entities"),
                                ("slots", "report_location"), ("slots", "report_updates"),
                                ("slots", "empty"), ("active_loop", "name")):
            state = {"prev_action": {"action_name": "action_listen"},
                     "user": {"intent": "inform", "entities": ("address",)},
                     "slots": {"report_updates": (1.0,)}, "active_loop": {"name": "report_form"}}
            state.setdefault(state_type, {})[key] = value
            assert rasa_speedups._is_rule_applicable(policy, rule, 0, state) == \
                rasa_speedups._rasa_is_rule_applicable(policy, rule, 0, state), (key, value)


def _trackers_for_action_calls(agent: Agent) -> List[DialogueStateTracker]:
    from rasa.shared.core.events import (ActiveLoop, ConversationPaused, FollowupAction,
                                         SlotSet)

    user = UserUttered.from_parameters({**USER, "timestamp": 1.0})
    start = [ActionExecuted("action_session_start"), ActionExecuted("action_listen"), user]
    form = start + [ActionExecuted("report_form"), ActiveLoop("report_form"),
                    SlotSet("requested_slot", "report_location")]
    histories = [[], start, form, form + [FollowupAction("report_form")],
                 form + [ConversationPaused()], form + [ActiveLoop(None)]]
    trackers = [DialogueStateTracker.from_events("call", events, agent.domain.slots)
                for events in histories]
    # a trigger message asdict would rebuild (a dataclass in it): Rasa's own state then
    odd = DialogueStateTracker.from_events("call", form, agent.domain.slots)
    odd.active_loop.trigger_message = {"intent": Found("report_pavement_road")}
    return trackers + [odd]


@dataclasses.dataclass
class Found:
    name: str


def test_action_call_body_is_what_rasa_sends(agent: Agent) -> None:
    action = RemoteAction("action_start_report", agent.processor.action_endpoint)
    for tracker in _trackers_for_action_calls(agent):
        loop = tracker.active_loop
        if loop and isinstance((loop.trigger_message or {}).get("intent"), Found):
            assert rasa_speedups.json_tracker_state(tracker) == tracker.current_state(
                rasa_speedups.EventVerbosity.ALL) == rasa_speedups._rasa_action_call_format(
                action, tracker, agent.domain)["tracker"]
            continue
        ours = rasa_speedups._action_call_format(action, tracker, agent.domain)
        rasas = rasa_speedups._rasa_action_call_format(action, tracker, agent.domain)
        assert json.dumps(ours) == json.dumps(rasas)
        assert json.loads(rasa_speedups.json_body(ours)) == json.loads(json.dumps(rasas))


def test_slots_are_written_out_only_for_a_written_debug_line(
        agent: Agent, info_logging: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import logging

    from rasa.utils.log_utils import configure_structlog

    written = []
    monkeypatch.setattr(rasa_speedups, "_rasa_log_slots", written.append)
    tracker = DialogueStateTracker.from_events("slots", [], agent.domain.slots)
    rasa_speedups._log_slots(tracker)
    assert written == []
    configure_structlog(logging.DEBUG)
    rasa_speedups._log_slots(tracker)
    assert written == [tracker]


def test_models_predict_with_the_traced_graph_as_through_tf_function(
        agent: Agent, monkeypatch: pytest.MonkeyPatch) -> None:
    """DIET's parse and TED's prediction are the same, number for number."""
    from rasa.utils.tensorflow.models import RasaModel

    from tests.test_policies import CONVERSATIONS

    def run() -> list:
        results = [asyncio.run(agent.parse_message(message)) for message in MESSAGES]
        tracker = DialogueStateTracker.from_events("ted", CONVERSATIONS["no rule"],
                                                   agent.domain.slots)
        action, prediction = agent.processor.predict_next_with_tracker_if_should(tracker)
        return results + [(action.name(), prediction.policy_name, prediction.probabilities)]

    monkeypatch.setattr(RasaModel, "_rasa_predict", rasa_speedups._rasa_model_predict)
    rasas = run()
    monkeypatch.setattr(RasaModel, "_rasa_predict", rasa_speedups._predict_with_traced_graph)
    ours = run()
    assert ours == rasas
    models = [node._component.model for node in
              agent.processor.graph_runner._instantiated_nodes.values()
              if isinstance(getattr(getattr(node, "_component", None), "model", None),
                            RasaModel)]
    assert models and all(rasa_speedups.TRACED in vars(model) for model in models)


def test_inputs_that_do_not_fit_the_signature_go_through_tf_function() -> None:
    import numpy as np
    import tensorflow as tf

    signature = (tf.TensorSpec([None, 3], tf.float32), tf.TensorSpec([None], tf.int64))
    fitting = rasa_speedups._signature_tensors(
        (np.zeros((2, 3), np.float32), np.array([1, 2])), signature)
    assert [t.dtype for t in fitting] == [tf.float32, tf.int64]
    assert rasa_speedups._signature_tensors((np.zeros((2, 4), np.float32), np.array([1])),
                                            signature) is None
    assert rasa_speedups._signature_tensors((np.zeros((2, 3), np.float32),), signature) is None


def _rule_only_data(agent: Agent) -> Dict[str, Any]:
    return _rule_policy(agent)._get_rule_only_data()


@pytest.mark.parametrize("capped", [None, 4])
def test_past_states_as_rasa_replays_them_after_every_event(agent: Agent,
                                                            capped: Any) -> None:
    """With undone turns, a restart, a hidden rule turn and a capped history: every flag
    Rasa's policies pass, after every event, also after a caller changed the states."""
    domain, rule_only = agent.domain, _rule_only_data(agent)
    tracker = DialogueStateTracker.from_events("past", [], slots=domain.slots,
                                               max_event_history=capped)
    events = _conversation_events()
    events.insert(6, ActionExecuted("utter_ack", hide_rule_turn=True))
    for event in events:
        tracker.update(event)
        for omit, ignore, data in ((False, False, None), (False, True, rule_only),
                                   (True, True, None), (True, False, rule_only)):
            ours = rasa_speedups._states_for_tracker_history(domain, tracker, omit, ignore,
                                                             data)
            rasas = rasa_speedups._rasa_states_for_tracker_history(domain, tracker, omit,
                                                                   ignore, data)
            assert ours == rasas
            for state in ours:
                state.clear()
            assert rasa_speedups._states_for_tracker_history(
                domain, tracker, omit, ignore, data) == rasas


def test_past_states_in_conversations_are_rasas(agent: Agent, monkeypatch: Any) -> None:
    """Each call the policies make while the model answers (its custom actions fail here:
    no action server) gives the states Rasa's replay gives."""
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.shared.core.domain import Domain

    calls: List[bool] = []

    def both(self: Any, tracker: Any, *args: Any, **kwargs: Any) -> Any:
        ours = rasa_speedups._states_for_tracker_history(self, tracker, *args, **kwargs)
        calls.append(ours == rasa_speedups._rasa_states_for_tracker_history(
            self, tracker, *args, **kwargs))
        return ours

    monkeypatch.setattr(Domain, "states_for_tracker_history", both)
    conversations = [["hallo", "Er ligt een losse stoeptegel", "Kerkstraat 12", "nee", "ja"],
                     ["DE KLIKO IS NIET GELEEGD", "wat?", "stop", "ik wil verhuizen"],
                     ["🙂", "asdfgh", "/restart", "hoi", "doei"]]

    async def talk() -> None:
        for number, texts in enumerate(conversations):
            for text in texts:
                await agent.handle_message(UserMessage(text, CollectingOutputChannel(),
                                                       f"past-{number}"))

    asyncio.run(talk())
    assert len(calls) > 20 and all(calls)


def _rasa_models(model: Path, folder: Path) -> Dict[str, Any]:
    """DIET and TED of the trained model, each loaded as the model graph loads it."""
    from rasa.core.policies.ted_policy import TEDPolicy
    from rasa.engine.graph import ExecutionContext
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.nlu.classifiers.diet_classifier import DIETClassifier
    from rasa.utils.common import override_defaults

    storage, metadata = LocalModelStorage.from_model_archive(folder, model)
    schema = metadata.predict_schema
    models = {}
    for name, node in schema.nodes.items():
        if issubclass(node.uses, (DIETClassifier, TEDPolicy)):
            component = node.uses.load(
                override_defaults(node.uses.get_default_config(), node.config), storage,
                node.resource, ExecutionContext(schema, metadata.model_id, node_name=name))
            models[name] = component.model
    return models


def test_models_load_the_saved_weights_as_rasa_loads_them(
        trained_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Built without the traced training step: every weight is the one Rasa loads, and
    predictions still run through a traced graph."""
    import numpy
    from rasa.utils.tensorflow.models import RasaModel

    monkeypatch.setattr(RasaModel, "load", classmethod(rasa_speedups._rasa_model_load))
    rasas = _rasa_models(trained_model, tmp_path / "rasa")
    monkeypatch.setattr(RasaModel, "load",
                        classmethod(rasa_speedups._load_model_built_eagerly))
    ours = _rasa_models(trained_model, tmp_path / "ours")
    assert len(ours) == 2 and ours.keys() == rasas.keys()
    for name, model in ours.items():
        expected, loaded = rasas[name].get_weights(), model.get_weights()
        assert len(loaded) == len(expected) > 0
        assert all(numpy.array_equal(a, b) for a, b in zip(loaded, expected)), name
        assert not model.run_eagerly
