"""Actions in the Rasa process (`url: "inprocess:"`, bot/inprocess_actions.py) answer as
the action server answers: the same events, the same rejection, the same error path."""
from __future__ import annotations

import asyncio
import copy
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest
import rasa.core.actions.action as rasa_action
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, ActiveLoop, SlotSet, UserUttered)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from bot import inprocess_actions, rasa_patches
from bot.serve import Stack, actions_in_process, endpoints_with_action_token
from bot.settings import ROOT
from tests.inprocess_conversations import CONVERSATIONS
from tests.services import free_port, served
from tests.test_action_server_auth import TOKEN

PACKAGE = "tests.standins.sdk_actions"
DOMAIN = Domain.from_dict({
    "version": "3.1",
    "intents": ["greeting"],
    "slots": {"probe": {"type": "any", "mappings": [{"type": "custom"}]},
              "has_domain": {"type": "any", "mappings": [{"type": "custom"}]}},
    "forms": {"probe_form": {"required_slots": ["probe"]}},
    "responses": {"utter_probe": [{"text": "Hallo {name}"}],
                  rasa_patches.APOLOGY: [{"text": "Sorry, er ging iets mis."}]},
    "actions": ["action_probe_echo", "action_probe_reject", "action_probe_fail",
                "action_probe_slow", "action_probe_meddle", "validate_probe_form"],
})


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EndpointConfig]:
    """The action server (bot.action_server) with the stand-in actions, as Rasa calls it."""
    port, log = free_port(), tmp_path_factory.mktemp("actions") / "actions.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GA_ACTION_TOKEN": TOKEN}
    with served(["bot.action_server", "--actions", PACKAGE, "--port", str(port)], env, log,
                f"http://127.0.0.1:{port}/health", ROOT, timeout=90):
        yield EndpointConfig(url=f"http://127.0.0.1:{port}/webhook", token=TOKEN)


@pytest.fixture
def local() -> EndpointConfig:
    return EndpointConfig(url=f"inprocess:{PACKAGE}")


def tracker(*events: Any) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("probe-sender", [
        ActionExecuted("action_listen"),
        UserUttered("hallo daar", {"name": "greeting", "confidence": 0.9}),
        *events], slots=DOMAIN.slots)


def run(endpoint: EndpointConfig, name: str, conversation: DialogueStateTracker,
        apologise: bool = False) -> List[Dict[str, Any]]:
    """The events Rasa makes of the action's answer (timestamps left out)."""
    action = RemoteAction(name, inprocess_actions.endpoint_for(endpoint))
    nlg = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    runner = rasa_patches._run_or_apologise if apologise else RemoteAction.run
    events = asyncio.run(runner(action, CollectingOutputChannel(), nlg, conversation,
                                DOMAIN))
    return [{k: v for k, v in e.as_dict().items() if k != "timestamp"} for e in events]


def test_an_inprocess_url_names_the_actions_package() -> None:
    assert inprocess_actions.package_of("inprocess:") == "actions"
    assert inprocess_actions.package_of("inprocess:my.actions") == "my.actions"
    assert inprocess_actions.package_of("http://localhost:5055/webhook") is None
    assert inprocess_actions.package_of(None) is None


def test_only_an_inprocess_endpoint_is_replaced_and_the_remote_one_keeps_its_token() -> None:
    remote = EndpointConfig(url="http://127.0.0.1:5055/webhook", token=TOKEN)
    assert inprocess_actions.endpoint_for(remote) is remote
    assert remote.combine_parameters() == {"token": TOKEN}
    local = EndpointConfig(url="inprocess:", selective_domain=True)
    converted = inprocess_actions.endpoint_for(local)
    assert isinstance(converted, inprocess_actions.InProcessEndpoint)
    assert inprocess_actions.endpoint_for(local) is converted, "one per endpoint"
    assert converted.kwargs == {"selective_domain": True}
    assert inprocess_actions.endpoint_for(None) is None


@pytest.mark.parametrize("name, events", [
    ("action_probe_echo", []),
    ("validate_probe_form", [ActiveLoop("probe_form"), SlotSet("requested_slot", "probe"),
                             ActionExecuted("action_listen"), UserUttered("fout"),
                             SlotSet("probe", "fout")]),
    ("validate_probe_form", [ActiveLoop("probe_form"), SlotSet("requested_slot", "probe"),
                             ActionExecuted("action_listen"), UserUttered("goed"),
                             SlotSet("probe", "goed")]),
])
def test_the_same_events_as_from_the_action_server(remote, local, name, events) -> None:
    through_server = run(remote, name, tracker(*events))
    assert through_server, "the action said or set something"
    assert run(local, name, tracker(*events)) == through_server


def test_a_rejection_is_rasas_rejection_as_from_the_action_server(remote, local) -> None:
    rejections = []
    for endpoint in (remote, local):
        with pytest.raises(ActionExecutionRejection) as caught:
            run(endpoint, "action_probe_reject", tracker())
        rejections.append((caught.value.action_name, caught.value.message))
    assert rejections[0] == rejections[1] == ("action_probe_reject", "niet nu")


@pytest.mark.parametrize("name", ["action_probe_fail", "action_no_such_action"])
def test_a_failing_or_unknown_action_takes_rasas_error_path(remote, local, name) -> None:
    messages, apologies = [], []
    for endpoint in (remote, local):
        with pytest.raises(RasaException) as caught:
            run(endpoint, name, tracker())
        messages.append(str(caught.value))
        apologies.append(run(endpoint, name, tracker(), apologise=True))
    assert messages[0] == messages[1] == f"Failed to execute custom action '{name}'"
    assert apologies[0] == apologies[1]
    assert [event["text"] for event in apologies[0]] == ["Sorry, er ging iets mis."]


def test_a_slow_action_times_out_as_a_slow_action_server(remote, local, monkeypatch) -> None:
    monkeypatch.setattr(rasa_action, "DEFAULT_REQUEST_TIMEOUT", 0.5)
    for endpoint in (remote, local):
        with pytest.raises(asyncio.TimeoutError):
            run(endpoint, "action_probe_slow", tracker())
        assert run(endpoint, "action_probe_slow", tracker(), apologise=True)[0]["text"] \
            == "Sorry, er ging iets mis."


def test_an_action_changes_only_its_own_copy_of_the_tracker_and_domain(local) -> None:
    conversation = tracker()
    state = copy.deepcopy(conversation.current_state(EventVerbosity.ALL))
    domain = copy.deepcopy(DOMAIN.as_dict())
    assert run(local, "action_probe_meddle", conversation) == []
    assert conversation.current_state(EventVerbosity.ALL) == state
    assert DOMAIN.as_dict() == domain


def test_the_stack_starts_no_action_server_and_needs_no_token_for_inprocess(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text('action_endpoint:\n  url: "inprocess:"\n')
    assert actions_in_process(endpoints) and actions_in_process(ROOT / "endpoints.yml")
    assert endpoints_with_action_token(endpoints, tmp_path) == endpoints

    class Started:
        def wait(self, timeout: float) -> int:
            return 0

    stack = Stack(endpoints=endpoints, log_dir=tmp_path)
    spawned: Dict[str, List[str]] = {}
    waited: List[str] = []
    monkeypatch.setattr(stack, "_spawn", lambda name, command: spawned.setdefault(
        name, command) and Started())
    monkeypatch.setattr(stack, "_wait_until_up", lambda url, timeout: waited.append(url))
    stack.start(Path("model.tar.gz"))
    assert "actions" not in spawned and "rasa" in spawned
    rasa = spawned["rasa"]
    assert rasa[rasa.index("--endpoints") + 1] == str(endpoints)
    assert not any(str(stack.action_port) in url for url in waited)
    production = ROOT / "endpoints.production.yml"
    assert not actions_in_process(production, {"ACTION_SERVER_URL": "http://a:5055/webhook"})
    assert actions_in_process(production, {"ACTION_SERVER_URL": "inprocess:"})


def test_conversations_give_the_same_events_through_both(trained_model: Path,
                                                          tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SIGNALEN_URL": "", "PDOK_URL": "",
           "GA_DATABASE_URL": f"sqlite:///{tmp_path / 'local.db'}"}
    done = subprocess.run([sys.executable, "-m", "tests.inprocess_conversations",
                           str(trained_model), str(tmp_path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads(done.stdout.strip().splitlines()[-1])
    through_server, in_process = results["action server"], results["in process"]
    assert len(in_process) == len(through_server) == len(CONVERSATIONS)
    for server_events, local_events in zip(through_server, in_process):
        assert any(e["event"] == "slot" for e in server_events), "the actions set slots"
        assert local_events == server_events
