"""Rasa doing the same work with less CPU, applied in the Rasa process.

Each change keeps Rasa's behaviour and was found with a profile of `make bench`:

- Action server responses: Rasa checks them with `jsonschema.validate`, which first
  checks the schema against the meta-schema, then tries every event against all 23
  event schemas (`oneOf`). Here a function built once from the schema
  (bot/json_schema_check.py) says whether a response is valid; only an invalid one goes
  through `jsonschema`, for Rasa's own error.
- Event classes: Rasa finds the class of each stored event by walking every
  subclass of `Event` (with an `inspect.isabstract` call each); here a table does.
- The model graph: Rasa hands each run of it to dask's synchronous scheduler, which
  orders the graph anew every time; here it runs in an order worked out once per set
  of targets.
- NLU: with a core to spare (fewer Sanic workers than cores), the model graph parses
  a message in a thread of its own. TensorFlow lets go of Python's lock while DIET
  computes, so the event loop goes on with other conversations meanwhile. With a
  worker per core there is no core to spare, and the thread only adds switching.
- Action calls: Rasa puts the whole domain (some 80 kB of JSON) into every call to the
  action server and has `json.dumps` write it anew each time; here the domain's JSON is
  written once and put in place, and ujson writes the rest (the same JSON values, in
  under half the time of `json.dumps`; `json` where ujson refuses a value). Each call also
  opened a new aiohttp session and TCP connection; here the calls of an event loop share
  one session, whose connections stay open for a while (keep-alive).
- Trackers: `applied_events()` (the events left after undos and restarts) is worked out
  anew by every policy and at every step of a turn; here it is kept on the tracker until
  an event is added. A slot is copied for every tracker Rasa builds (also for each replay
  of the history); Python's generic `copy.copy` goes through `__reduce_ex__`, here
  `__copy__` makes the same shallow copy directly. Before every action Rasa copies the
  tracker by replaying all its events on a fresh one; here the copy takes the state as it
  is (what the replay rebuilds: the slots, the loop, the last action and messages).
- Debug logs: Rasa deep-copies the events of every action for a debug log line, also
  when debug logging is off; here only when it is on. The same goes for the deep copies
  the policies, the form action and the processor make of states, slots and messages
  for their debug lines (each `copy.deepcopy` in those modules feeds one), and for the
  text of all slots that the processor writes for a debug line after every action.
- Domain: for every message Rasa checks that its domain is not empty by building an
  empty Domain to compare with; here the empty domain's dict is built once.
- Action calls (2): the tracker's state Rasa sends has its active loop copied deeply
  with `dataclasses.asdict` (the message that started the form, with its parse data),
  only to be written as JSON; here the loop's fields go in as they are (the JSON is the
  same, byte for byte).
- TensorFlow: Rasa's models (DIET, TED) call their prediction graph through a
  `tf.function` with a fixed input signature, which matches every call's inputs to the
  signature anew (its cache key, locks, contexts) before running the one graph it traced;
  here the inputs are converted to tensors as it converts them and the traced graph runs
  directly.
- Rules: the rule policy checks every rule against the conversation's last states on
  every prediction, each time reversing the rule's turns anew and turning its lists
  into tuples; here each rule's turns are prepared once, then checked the same way.
- Past states: every policy, at every prediction of a turn, replays the conversation from
  its start to build the dialogue state before each action (`states_for_tracker_history`).
  Here each tracker keeps the states it replayed and only replays the events added since;
  each call gets fresh copies, and the policies' own treatment of them (rule-only turns and
  features) is done as Rasa does it.
- Loading: to build the weights of DIET and TED before it reads the saved ones, Rasa
  trains them on one example with Keras' traced training graph; tracing that graph takes
  most of the model's loading time (over half a minute for TED) and the graph is never
  used again. Here the training loss of that example is worked out once, eagerly, which
  builds the same weights; the saved ones then overwrite them (the optimizer's saved
  state, needed only to train on, is left unread). Loading for fine-tuning stays Rasa's.
- Garbage collection: once the model is loaded, its objects are frozen out of the
  collector's full collections (most of a million objects, a half-second pause each).
"""
from __future__ import annotations

import asyncio
import atexit
import copy
import dataclasses
import gc
import json
import os
import ssl
import weakref
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple, Type

import aiohttp
import rasa
import rasa.core.actions.action as rasa_action
import rasa.core.actions.forms as rasa_forms
import rasa.core.policies.memoization as rasa_memoization
import rasa.core.policies.rule_policy as rasa_rule_policy
import rasa.core.processor as rasa_processor
import rasa.core.run as rasa_run
import rasa.shared.utils.common
import rasa.utils.endpoints as rasa_endpoints
import structlog
import tensorflow as tf
import ujson
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.validators import validator_for
from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.core.actions.action import Action
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.nlu.constants import ACTION_NAME
from rasa.shared.core.constants import (ACTIVE_LOOP, FOLLOWUP_ACTION, PREVIOUS_ACTION,
                                        SHOULD_NOT_BE_SET)
from rasa.shared.constants import DEFAULT_SENDER_ID
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActionExecutionRejected, Event
from rasa.shared.core.slots import Slot
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.shared.exceptions import FileNotFoundException
from rasa.utils.endpoints import ClientResponseError, EndpointConfig, concat_url
from rasa.shared.constants import DIAGNOSTIC_DATA
from rasa.utils.tensorflow.constants import RUN_EAGERLY
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel
from keras.utils import tf_utils
from tensorflow.python.framework import ops as tf_ops

from bot.json_schema_check import Check, compile_check
from bot.settings import GC_THRESHOLDS

Validate = Callable[[Any], Iterator[ValidationError]]
_rasa_resolve_by_type = Event.resolve_by_type
_rasa_load_agent = rasa_run.load_agent_on_start
_rasa_graph_run = DaskGraphRunner.run
_rasa_parse_message = MessageProcessor.parse_message
_rasa_request = EndpointConfig.request
_rasa_applied_events = DialogueStateTracker.applied_events
_rasa_tracker_copy = DialogueStateTracker.copy
_rasa_log_action_on_tracker = MessageProcessor._log_action_on_tracker
_rasa_log_slots = MessageProcessor._log_slots
_rasa_domain_is_empty = Domain.is_empty
_rasa_model_predict = RasaModel._rasa_predict
_rasa_model_load = RasaModel.load.__func__
_rasa_action_call_format = rasa_action.RemoteAction._action_call_format
_rasa_is_rule_applicable = RulePolicy._is_rule_applicable
_rasa_does_rule_match_state = RulePolicy._does_rule_match_state
_rasa_get_possible_keys = RulePolicy._get_possible_keys
_rasa_states_for_tracker_history = Domain.states_for_tracker_history
# One thread: one message at a time in the NLU graph, as on the event loop before.
_nlu_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nlu")


def _validator(schema: Dict[str, Any]) -> Any:
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@lru_cache(maxsize=1)
def _action_response_errors() -> Validate:
    return _validator(rasa_action.RemoteAction.action_response_format_spec()).iter_errors


@lru_cache(maxsize=1)
def _action_response_is_valid() -> Check:
    check = compile_check(rasa_action.RemoteAction.action_response_format_spec())
    return check or (lambda result: False)


def _validate_action_result(self: rasa_action.RemoteAction, result: Dict[str, Any]) -> bool:
    if getattr(getattr(self, "action_endpoint", None), "results_are_checked", False):
        return True
    if _action_response_is_valid()(result):
        return True
    error = best_match(_action_response_errors()(result))
    if error is not None:
        error.message += (". Failed to validate Action server response from API, make "
                          "sure your response from the Action endpoint is valid.")
        raise error
    return True


_event_classes: Dict[str, Type[Event]] = {}


def resolve_event_class(type_name: str, default: Optional[Type[Event]] = None
                        ) -> Optional[Type[Event]]:
    """Event.resolve_by_type from a table, rebuilt when an unknown name comes by
    (an event class imported later)."""
    if type_name not in _event_classes:
        # Rasa returns the first match in its subclass order; keep that one.
        for event_class in reversed(rasa.shared.utils.common.all_subclasses(Event)):
            _event_classes[event_class.type_name] = event_class
    if type_name in _event_classes:
        return _event_classes[type_name]
    return _rasa_resolve_by_type(type_name, default)


Step = Tuple[str, Tuple[str, ...]]


def execution_order(schema: GraphSchema, targets: Tuple[str, ...]) -> List[Step]:
    """The nodes the targets depend on, each after the nodes it needs, with the
    names of those it needs (node or input names)."""
    order: List[Step] = []
    placed: set = set()

    def place(name: str) -> None:
        if name in placed or name not in schema.nodes:
            return
        placed.add(name)
        needs = tuple(schema.nodes[name].needs.values())
        for needed in needs:
            place(needed)
        order.append((name, needs))

    for target in targets:
        place(target)
    return order


def _run_graph_in_order(self: DaskGraphRunner, inputs: Optional[Dict[str, Any]] = None,
                        targets: Optional[List[str]] = None) -> Dict[str, Any]:
    """DaskGraphRunner.run without dask: the same nodes with the same inputs."""
    run_targets = tuple(targets if targets else self._graph_schema.target_names)
    orders = self.__dict__.setdefault("_ga_orders", {})
    if run_targets not in orders:
        orders[run_targets] = execution_order(self._graph_schema, run_targets)
    # An input is passed on as (name, value), as dask passes a non-task tuple.
    results: Dict[str, Any] = {name: (name, value) for name, value in (inputs or {}).items()}
    for name, value in (inputs or {}).items():
        if isinstance(value, str) and value in self._graph_schema.nodes:
            raise GraphRunError(f"Input value '{value}' clashes with a node name.")
    try:
        for name, needs in orders[run_targets]:
            if name not in results:
                results[name] = self._instantiated_nodes[name](*(results[n] for n in needs))
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error
    return dict(results[target] for target in run_targets)


async def _parse_message_in_thread(self: MessageProcessor, message: UserMessage,
                                   tracker: Optional[DialogueStateTracker] = None,
                                   only_output_properties: bool = True) -> Dict[str, Any]:
    """MessageProcessor.parse_message with the graph run in the NLU thread."""
    if self.http_interpreter:
        return await _rasa_parse_message(self, message, tracker, only_output_properties)
    if tracker is None:
        tracker = DialogueStateTracker.from_events(message.sender_id, [])
    parse_data = await asyncio.get_running_loop().run_in_executor(
        _nlu_thread, self._parse_message_with_graph, message, tracker, only_output_properties)
    self._update_full_retrieval_intent(parse_data)
    self._check_for_unseen_features(parse_data)
    return parse_data


DOMAIN_KEY = "domain"
# The domain dict (Domain.as_dict() hands out the same one every time) and its JSON.
_domain_json: List[Any] = [None, ""]


def _json_of_domain(domain: Dict[str, Any]) -> str:
    if _domain_json[0] is not domain:
        _domain_json[:] = [domain, json_text(domain)]
    return _domain_json[1]


def json_text(value: Any) -> str:
    """The JSON `json.dumps(value)` writes (the same value, not the same spacing), by
    ujson; by `json` for what ujson refuses."""
    try:
        return ujson.dumps(value)
    except (TypeError, OverflowError, ValueError):
        return json.dumps(value)


def json_body(value: Any) -> bytes:
    """The JSON of `value` in UTF-8, as aiohttp sends `json=value`; an action call's
    domain, its last key, comes from the JSON written the first time."""
    if not (isinstance(value, dict) and len(value) > 1 and next(reversed(value)) == DOMAIN_KEY
            and isinstance(value[DOMAIN_KEY], dict)):
        return json_text(value).encode("utf-8")
    head = json_text({key: item for key, item in value.items() if key != DOMAIN_KEY})
    return (f"{head[:-1]}, {json.dumps(DOMAIN_KEY)}: "
            f"{_json_of_domain(value[DOMAIN_KEY])}}}").encode("utf-8")


# Kept under Sanic's default keep-alive (5 s), so the server never closes a connection
# just as the next call goes out on it.
KEEPALIVE_SECONDS = 2.0
_sessions: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, aiohttp.ClientSession]" = (
    weakref.WeakKeyDictionary())


def _shared_session() -> aiohttp.ClientSession:
    loop = asyncio.get_running_loop()
    session = _sessions.get(loop)
    if session is None or session.closed:
        connector = aiohttp.TCPConnector(limit=0, keepalive_timeout=KEEPALIVE_SECONDS)
        # No cookie jar: each of Rasa's sessions started without cookies.
        session = _sessions[loop] = aiohttp.ClientSession(
            connector=connector, cookie_jar=aiohttp.DummyCookieJar())
    return session


@atexit.register
def _close_sessions() -> None:
    for session in list(_sessions.values()):
        try:
            session.connector._close()  # no loop needed; keeps aiohttp's warning away
        except Exception:  # noqa: BLE001  (the loop may be gone already)
            pass


async def _request_on_shared_session(self: EndpointConfig, method: str = "post",
                                     subpath: Optional[str] = None,
                                     content_type: Optional[str] = "application/json",
                                     compress: bool = False, **kwargs: Any) -> Optional[Any]:
    """EndpointConfig.request with a session shared by the calls of this event loop and
    the JSON body written by `json_body`; the same headers, parameters, auth, timeout."""
    headers = {}
    if content_type:
        headers["Content-Type"] = content_type
    headers.update(kwargs.pop("headers", None) or {})
    headers.update(self.headers)
    sslcontext = None
    if self.cafile:
        try:
            sslcontext = ssl.create_default_context(cafile=self.cafile)
        except FileNotFoundError as error:
            raise FileNotFoundException(
                f"Failed to find certificate file, "
                f"'{os.path.abspath(self.cafile)}' does not exist.") from error
    if kwargs.get("json") is not None and "data" not in kwargs:
        kwargs["data"] = json_body(kwargs.pop("json"))
        headers.setdefault("Content-Type", "application/json")
    auth = (aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"])
            if self.basic_auth else None)
    kwargs.setdefault("timeout", aiohttp.ClientTimeout(
        total=rasa_endpoints.DEFAULT_REQUEST_TIMEOUT))
    async with _shared_session().request(
            method, concat_url(self.url, subpath), headers=headers, auth=auth,
            params=self.combine_parameters(kwargs), compress=compress, ssl=sslcontext,
            **kwargs) as response:
        if response.status >= 400:
            raise ClientResponseError(response.status, response.reason,
                                      await response.content.read())
        try:
            return await response.json()
        except aiohttp.ContentTypeError:
            return None


JSON_TYPES = (str, int, float, bool, type(None))


def _plain_json(value: Any) -> bool:
    """Whether `value` holds only what `dataclasses.asdict` copies as it is (no dataclass
    or named tuple inside that it would turn into a dict or rebuild)."""
    if isinstance(value, JSON_TYPES):
        return True
    if type(value) is dict:
        return all(type(key) is str and _plain_json(item) for key, item in value.items())
    if type(value) in (list, tuple):
        return all(_plain_json(item) for item in value)
    return False


def json_tracker_state(tracker: DialogueStateTracker) -> Dict[str, Any]:
    """`tracker.current_state(EventVerbosity.ALL)` for a JSON body: the same keys and values,
    with the active loop's fields as they are instead of a deep copy."""
    loop = tracker.active_loop
    fields = ({field.name: getattr(loop, field.name) for field in dataclasses.fields(loop)}
              if loop and dataclasses.is_dataclass(loop) else None)
    if fields is None or not _plain_json(fields):
        return tracker.current_state(EventVerbosity.ALL)
    events = list(tracker.events)
    return {
        "sender_id": tracker.sender_id,
        "slots": tracker.current_slot_values(),
        "latest_message": tracker._latest_message_data(),
        "latest_event_time": events[-1].timestamp if events else None,
        FOLLOWUP_ACTION: tracker.followup_action,
        "paused": tracker.is_paused(),
        "events": [event.as_dict() for event in events],
        "latest_input_channel": tracker.get_latest_input_channel(),
        ACTIVE_LOOP: fields,
        "latest_action": tracker.latest_action,
        "latest_action_name": tracker.latest_action_name,
    }


def _action_call_format(self: rasa_action.RemoteAction, tracker: DialogueStateTracker,
                        domain: Domain) -> Dict[str, Any]:
    """RemoteAction._action_call_format with the tracker's state of json_tracker_state."""
    result = {"next_action": self._name, "sender_id": tracker.sender_id,
              "tracker": json_tracker_state(tracker), "version": rasa.__version__}
    if not self._is_selective_domain_enabled() \
            or domain.does_custom_action_explicitly_need_domain(self.name()):
        result[DOMAIN_KEY] = domain.as_dict()
    return result


APPLIED = "_ga_applied_events"


def _cached_applied_events(self: DialogueStateTracker) -> List[Event]:
    """DialogueStateTracker.applied_events, kept until the tracker's events change."""
    events = self.events
    last = events[-1] if events else None
    cached = self.__dict__.get(APPLIED)
    if cached is None or cached[0] is not events or cached[1] != len(events) \
            or cached[2] is not last:
        cached = (events, len(events), last, _rasa_applied_events(self))
        self.__dict__[APPLIED] = cached
    return list(cached[3])


_plain_copy: Dict[type, bool] = {}


def _copies_plainly(cls: type) -> bool:
    """Whether `copy.copy` of an instance is `__new__` plus the attributes (no slots,
    no pickling methods of its own)."""
    if cls not in _plain_copy:
        _plain_copy[cls] = (all(getattr(cls, name) is getattr(object, name) for name in
                                ("__reduce_ex__", "__reduce__", "__getstate__"))
                            and not hasattr(cls, "__setstate__")
                            and not any(_slot_names(k) for k in cls.__mro__))
    return _plain_copy[cls]


def _slot_names(cls: type) -> set:
    slots = vars(cls).get("__slots__", ())
    return set([slots] if isinstance(slots, str) else slots) - {"__dict__", "__weakref__"}


def _copy_slot(self: Slot) -> Slot:
    cls = type(self)
    if not _copies_plainly(cls):
        reduced = cls.__reduce_ex__(self, 4)
        return copy._reconstruct(self, None, *reduced)
    new = cls.__new__(cls)
    new.__dict__.update(self.__dict__)
    return new


def _copy_tracker(self: DialogueStateTracker) -> DialogueStateTracker:
    """DialogueStateTracker.copy (an `init_copy` with every event replayed on it) without
    the replay: the events, and the state they leave, copied as the replay leaves them."""
    if type(self) is not DialogueStateTracker or type(self.slots) is not dict \
            or not (self.active_loop is None or dataclasses.is_dataclass(self.active_loop)) \
            or not all(event.timestamp <= float("inf") for event in self.events):
        return _rasa_tracker_copy(self)
    new = DialogueStateTracker.__new__(DialogueStateTracker)
    new.__dict__.update(
        _max_event_history=self._max_event_history,
        events=self._create_events(list(self.events)),
        sender_id=self.sender_id or DEFAULT_SENDER_ID,
        slots={name: copy.copy(slot) for name, slot in self.slots.items()},
        sender_source=None, is_rule_tracker=self.is_rule_tracker, _paused=self._paused,
        followup_action=self.followup_action,
        latest_action=(dict(self.latest_action) if self.latest_action is not None
                       else None),
        latest_message=self.latest_message, latest_bot_utterance=self.latest_bot_utterance,
        active_loop=(dataclasses.replace(self.active_loop) if self.active_loop is not None
                     else None),
        model_id=None, assistant_id=None)
    return new


def debug_logged() -> bool:
    """Whether Rasa's structlog debug lines are written (rasa filters them by level): the
    loggers structlog hands out are of the configured wrapper class, whose `debug` is
    `_nop` when debug lines are filtered out."""
    wrapper_class = structlog.get_config()["wrapper_class"]
    return getattr(getattr(wrapper_class, "debug", None), "__name__", "") != "_nop"


def _log_action_on_tracker(self: MessageProcessor, tracker: DialogueStateTracker,
                           action: Action, events: Optional[List[Event]],
                           prediction: PolicyPrediction) -> None:
    """MessageProcessor._log_action_on_tracker without the deep copies for the debug
    log when it is not written."""
    if debug_logged():
        return _rasa_log_action_on_tracker(self, tracker, action, events, prediction)
    if events is None:
        events = []
    if not any(isinstance(event, ActionExecutionRejected) for event in events):
        tracker.update_with_events(prediction.events, self.domain)
        tracker.update(action.event_for_successful_execution(prediction))
    tracker.update_with_events(events, self.domain)
    return None


def _log_slots(tracker: DialogueStateTracker) -> None:
    """MessageProcessor._log_slots: the slots' debug line, written out only when it is
    written."""
    if debug_logged():
        _rasa_log_slots(tracker)


TRACED = "_ga_traced_prediction"


def _traced_prediction(model: RasaModel) -> Optional[Tuple[Any, Any, Tuple[Any, ...]]]:
    """(the model's tf.function, its one traced graph, the flat input signature), once
    Rasa has traced it."""
    function = model._tf_predict_step
    if function is None or model._run_eagerly or not model.prepared_for_prediction:
        return None
    traced = model.__dict__.get(TRACED)
    if traced is None or traced[0] is not function:
        signature = tuple(tf.nest.flatten(function.input_signature, expand_composites=True))
        traced = model.__dict__[TRACED] = (function, function.get_concrete_function(),
                                           signature)
    return traced


def _signature_tensors(batch_in: Any, signature: Tuple[Any, ...]) -> Optional[List[Any]]:
    """The inputs as tf.function passes them to the graph (tensors of the signature's
    dtypes), or None when they do not fit it (tf.function then says why)."""
    values = tf.nest.flatten(batch_in, expand_composites=True)
    if len(values) != len(signature):
        return None
    tensors = []
    for value, spec in zip(values, signature):
        # tf.function converts with this function (without tf.convert_to_tensor's dispatch)
        tensor = value if tf.is_tensor(value) else tf_ops.convert_to_tensor(
            value, dtype_hint=spec.dtype)
        if not spec.is_compatible_with(tensor):
            return None
        tensors.append(tensor)
    return tensors


def _predict_with_traced_graph(self: RasaModel, batch_in: Tuple[Any, ...]) -> Dict[str, Any]:
    """RasaModel._rasa_predict running the graph Rasa traced, without tf.function's
    per-call matching of the inputs to its signature."""
    traced = _traced_prediction(self)
    tensors = _signature_tensors(batch_in, traced[2]) if traced else None
    if tensors is None:
        return _rasa_model_predict(self, batch_in)
    self._training = False
    concrete = traced[1]
    outputs = tf_utils.sync_to_numpy_or_python_type(
        concrete._call_flat(tensors, captured_inputs=concrete.captured_inputs))
    if DIAGNOSTIC_DATA in outputs:
        outputs[DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
    return outputs


class DebugLogCopies:
    """The `copy` module as LOG_COPY_MODULES see it: their deep copies only feed debug log
    lines, so they are made only when those lines are written."""

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)

    @staticmethod
    def deepcopy(value: Any, memo: Optional[Dict[int, Any]] = None) -> Any:
        return copy.deepcopy(value, memo) if debug_logged() else value


# Rasa modules whose every `copy.deepcopy` is an argument of a structlog debug line
# (tests/test_rasa_speedups.py reads their source to make sure).
LOG_COPY_MODULES = (rasa_memoization, rasa_rule_policy, rasa_forms, rasa_processor)
_debug_log_copies = DebugLogCopies()


@lru_cache(maxsize=1)
def _empty_domain_dict() -> Dict[str, Any]:
    return Domain.empty().as_dict()


def _domain_is_empty(self: Domain) -> bool:
    """Domain.is_empty, compared with an empty domain built once."""
    return self.as_dict() == _empty_domain_dict()


# A rule's check of one state: (state type, ((key, value, must be unset), ...)).
StateCheck = Tuple[str, Tuple[Tuple[str, Any, bool], ...]]
# One turn of a rule, newest first: whether it has a previous action, and its checks.
RuleTurn = Tuple[bool, Tuple[StateCheck, ...]]


@lru_cache(maxsize=4096)
def rule_turns(rule_key: str) -> Tuple[RuleTurn, ...]:
    """The turns of a rule as RulePolicy._is_rule_applicable reads them (newest first),
    with the values RulePolicy._does_rule_match_state checks: lists as tuples, values
    that check nothing (empty ones) left out."""
    turns = []
    for rule_state in reversed(RulePolicy._rule_key_to_state(rule_key)):
        checks = []
        for state_type, rule_sub_state in rule_state.items():
            values = []
            for key, value in rule_sub_state.items():
                if isinstance(value, list):
                    value = tuple(value)
                if value == SHOULD_NOT_BE_SET:
                    values.append((key, value, True))
                elif value:
                    values.append((key, value, False))
            checks.append((state_type, tuple(values)))
        turns.append((bool(rule_state.get(PREVIOUS_ACTION)), tuple(checks)))
    return tuple(turns)


def _state_matches(checks: Tuple[StateCheck, ...], conversation_state: Dict[str, Any]) -> bool:
    for state_type, values in checks:
        conversation_sub_state = conversation_state.get(state_type, {})
        for key, value_from_rules, must_be_unset in values:
            value_from_conversation = conversation_sub_state.get(key)
            if must_be_unset:
                if value_from_conversation and value_from_conversation != SHOULD_NOT_BE_SET:
                    return False
            elif value_from_conversation != value_from_rules:
                return False
    return True


def _is_rule_applicable(self: RulePolicy, rule_key: str, turn_index: int,
                        conversation_state: Dict[str, Any]) -> bool:
    """RulePolicy._is_rule_applicable with the rule's turns prepared once."""
    if type(self)._does_rule_match_state is not _rasa_does_rule_match_state:
        return _rasa_is_rule_applicable(self, rule_key, turn_index, conversation_state)
    turns = rule_turns(rule_key)
    if turn_index >= len(turns):
        return True
    rule_has_previous_action, checks = turns[turn_index]
    current_previous_action = conversation_state.get(PREVIOUS_ACTION)
    if not rule_has_previous_action and not current_previous_action:
        return True
    if not rule_has_previous_action or not current_previous_action:
        return False
    return _state_matches(checks, conversation_state)


# Rule keys by what their newest turn needs of the previous action: None for rules
# without turns (every state lets them through), else (whether it has a previous action,
# the action name it must be or None).
FirstTurnIndex = Dict[Optional[Tuple[bool, Optional[str]]], List[str]]
RULE_INDEXES = "_ga_first_turn_indexes"


def _required_action_name(checks: Tuple[StateCheck, ...]) -> Optional[str]:
    for state_type, values in checks:
        if state_type == PREVIOUS_ACTION:
            for key, value, must_be_unset in values:
                if key == ACTION_NAME and not must_be_unset:
                    return value
    return None


def first_turn_index(keys: List[str]) -> FirstTurnIndex:
    index: FirstTurnIndex = {}
    for key in keys:
        turns = rule_turns(key)
        group: Optional[Tuple[bool, Optional[str]]] = None
        if turns:
            has_previous_action, checks = turns[0]
            group = (has_previous_action,
                     _required_action_name(checks) if has_previous_action else None)
        index.setdefault(group, []).append(key)
    return index


def _first_turn_candidates(self: RulePolicy, lookup: Dict[str, str],
                           state: Dict[str, Any]) -> List[str]:
    """The rules whose newest turn can match `state` by its previous action alone: the
    only ones RulePolicy._is_rule_applicable(key, 0, state) can let through."""
    indexes = self.__dict__.setdefault(RULE_INDEXES, {})
    kept = indexes.get(id(lookup))
    if kept is None or kept[0] is not lookup or kept[1] != len(lookup):
        kept = indexes[id(lookup)] = (lookup, len(lookup), first_turn_index(list(lookup)))
    groups = kept[2]
    previous_action = state.get(PREVIOUS_ACTION)
    if not previous_action:
        return groups.get(None, []) + groups.get((False, None), [])
    name = previous_action.get(ACTION_NAME)
    return groups.get(None, []) + groups.get((True, None), []) \
        + (groups.get((True, name), []) if name else [])


def _get_possible_keys(self: RulePolicy, lookup: Dict[str, str],
                       states: List[Dict[str, Any]]) -> set:
    """RulePolicy._get_possible_keys that looks at the rules the newest state's previous
    action allows, instead of at every rule."""
    if type(self)._is_rule_applicable is not _is_rule_applicable \
            or type(self)._does_rule_match_state is not _rasa_does_rule_match_state \
            or not states:
        return _rasa_get_possible_keys(self, lookup, states)
    newest = states[-1]
    possible = {key for key in _first_turn_candidates(self, lookup, newest)
                if _is_rule_applicable(self, key, 0, newest)}
    for turn_index, state in enumerate(reversed(states[:-1]), start=1):
        possible = {key for key in possible if _is_rule_applicable(self, key, turn_index, state)}
    return possible


# A dialogue state before an action: (the active state, the previous action's sub-state,
# followup action, latest action name, active loop name, hide_rule_turn).
PastStep = Tuple[Dict[str, Any], Any, Optional[str], Optional[str], Optional[str], bool]
PAST = "_ga_past_states"


@dataclasses.dataclass
class PastStates:
    """The replay of a tracker's applied events, as far as it went."""

    domain: Domain
    omit_unset_slots: bool
    events: List[Event]
    replay: DialogueStateTracker
    steps: List[PastStep]


def _step(domain: Domain, replay: DialogueStateTracker, hide: bool,
          omit_unset_slots: bool) -> PastStep:
    return (domain.get_active_state(replay, omit_unset_slots=omit_unset_slots),
            domain._get_prev_action_sub_state(replay), replay.followup_action,
            replay.latest_action_name, replay.active_loop_name, hide)


def past_steps(domain: Domain, tracker: DialogueStateTracker,
               omit_unset_slots: bool) -> List[PastStep]:
    """The steps `tracker.generate_all_prior_trackers()` goes through, replaying only the
    events added since the last call (from the start when earlier ones changed)."""
    events = tracker.applied_events()
    past = tracker.__dict__.get(PAST)
    if past is None or past.domain is not domain or past.omit_unset_slots != omit_unset_slots \
            or len(past.events) > len(events) \
            or any(old is not new for old, new in zip(past.events, events)):
        past = PastStates(domain, omit_unset_slots, [], tracker.init_copy(), [])
        tracker.__dict__[PAST] = past
    for event in events[len(past.events):]:
        if isinstance(event, ActionExecuted):
            past.steps.append(_step(domain, past.replay, event.hide_rule_turn,
                                    omit_unset_slots))
        past.replay.update(event)
        past.events.append(event)
    return past.steps + [_step(domain, past.replay, False, omit_unset_slots)]


def _fresh(state: Dict[str, Any]) -> Dict[str, Any]:
    """A state whose sub-states the caller may change (their values are immutable)."""
    return {kind: dict(sub_state) for kind, sub_state in state.items()}


def _states_for_tracker_history(self: Domain, tracker: DialogueStateTracker,
                                omit_unset_slots: bool = False,
                                ignore_rule_only_turns: bool = False,
                                rule_only_data: Optional[Dict[str, Any]] = None
                                ) -> List[Dict[str, Any]]:
    """Domain.states_for_tracker_history from the tracker's kept replay (past_steps); the
    rest line for line as Rasa's."""
    if type(self).get_active_state is not Domain.get_active_state \
            or type(tracker).generate_all_prior_trackers \
            is not DialogueStateTracker.generate_all_prior_trackers:
        return _rasa_states_for_tracker_history(self, tracker, omit_unset_slots,
                                                ignore_rule_only_turns, rule_only_data)
    states: List[Dict[str, Any]] = []
    last_ml_action_sub_state = None
    turn_was_hidden = False
    for active, previous_action, followup, latest_action_name, active_loop_name, hide \
            in past_steps(self, tracker, omit_unset_slots):
        if ignore_rule_only_turns:
            if not turn_was_hidden:
                last_ml_action_sub_state = previous_action
            if not followup and not latest_action_name == active_loop_name:
                turn_was_hidden = hide
            if turn_was_hidden:
                continue
        state = _fresh(active)
        if ignore_rule_only_turns:
            self._remove_rule_only_features(state, rule_only_data)
            if states:
                self._substitute_rule_only_user_input(state, states[-1])
            if last_ml_action_sub_state:
                state[PREVIOUS_ACTION] = dict(last_ml_action_sub_state)
        states.append(self._clean_state(state))
    return states


def _load_model_built_eagerly(cls: Type[RasaModel], model_file_name: str,
                              model_data_example: RasaModelData,
                              predict_data_example: Optional[RasaModelData] = None,
                              finetune_mode: bool = False, *args: Any,
                              **kwargs: Any) -> RasaModel:
    """RasaModel.load building the weights with one eager pass of the training loss."""
    if finetune_mode:  # the model trains on: keep Rasa's compiled training graph
        return _rasa_model_load(cls, model_file_name, model_data_example,
                                predict_data_example, finetune_mode, *args, **kwargs)
    model = cls(*args, **kwargs)
    model.run_eagerly = kwargs.get("config", {}).get(RUN_EAGERLY)
    batch_in, _ = RasaBatchDataGenerator(model_data_example, batch_size=1)[0]
    model._training = True
    model.batch_loss(tuple(tf.convert_to_tensor(part) for part in batch_in))  # the weights
    model._training = None
    # The optimizer's state in the file is for training on; predictions do not need it.
    model.load_weights(model_file_name).expect_partial()
    if predict_data_example:
        model.run_inference(predict_data_example)
    return model


@contextmanager
def models_built_eagerly() -> Iterator[None]:
    """Within: models load as `apply()` makes the Rasa server load them (for tests and
    tools that load a model in their own process)."""
    rasas = RasaModel.load
    RasaModel.load = classmethod(_load_model_built_eagerly)
    try:
        yield
    finally:
        RasaModel.load = rasas


async def _load_agent_and_freeze(*args: Any, **kwargs: Any) -> Any:
    """The model's objects are moved out of the collector's sight once loaded, and the
    collector runs less often (bot.settings.GC_THRESHOLDS)."""
    agent = await _rasa_load_agent(*args, **kwargs)
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    return agent


def a_core_to_spare() -> bool:
    """Fewer Sanic workers (Rasa reads SANIC_WORKERS) than cores."""
    try:
        workers = int(os.environ.get("SANIC_WORKERS", "1"))
    except ValueError:
        workers = 1  # Rasa, too, falls back to one worker
    return workers < (os.cpu_count() or 1)


def per_turn_patches() -> List[Tuple[Any, str, Any, Any]]:
    """(owner, attribute, Rasa's value or None, ours) of the savings on every turn that
    bench/profile_turn.py --compare switches off and on."""
    return [(EndpointConfig, "request", _rasa_request, _request_on_shared_session),
            (DialogueStateTracker, "applied_events", _rasa_applied_events,
             _cached_applied_events),
            (Slot, "__copy__", None, _copy_slot),
            (DialogueStateTracker, "copy", _rasa_tracker_copy, _copy_tracker),
            (MessageProcessor, "_log_action_on_tracker", _rasa_log_action_on_tracker,
             _log_action_on_tracker),
            *[(module, "copy", copy, _debug_log_copies) for module in LOG_COPY_MODULES],
            (MessageProcessor, "_log_slots", staticmethod(_rasa_log_slots),
             staticmethod(_log_slots)),
            (Domain, "is_empty", _rasa_domain_is_empty, _domain_is_empty),
            (rasa_action.RemoteAction, "_action_call_format", _rasa_action_call_format,
             _action_call_format),
            (RulePolicy, "_is_rule_applicable", _rasa_is_rule_applicable,
             _is_rule_applicable),
            (RulePolicy, "_get_possible_keys", _rasa_get_possible_keys, _get_possible_keys),
            (RasaModel, "_rasa_predict", _rasa_model_predict, _predict_with_traced_graph),
            (Domain, "states_for_tracker_history", _rasa_states_for_tracker_history,
             _states_for_tracker_history)]


def patch_name(patch: Tuple[Any, str, Any, Any]) -> str:
    """`Owner.attribute` of a patch of per_turn_patches (bench/profile_turn.py --only)."""
    owner, attribute = patch[0], patch[1]
    return f"{getattr(owner, '__name__', owner)}.{attribute}"


def use(patches: List[Tuple[Any, str, Any, Any]], ours: bool) -> None:
    for owner, name, rasas, replacement in patches:
        if ours or rasas is not None:
            setattr(owner, name, replacement if ours else rasas)
        elif name in vars(owner):
            delattr(owner, name)


def apply() -> None:
    rasa_run.load_agent_on_start = _load_agent_and_freeze
    RasaModel.load = classmethod(_load_model_built_eagerly)
    rasa_action.RemoteAction._validate_action_result = _validate_action_result
    Event.resolve_by_type = staticmethod(resolve_event_class)
    DaskGraphRunner.run = _run_graph_in_order
    use(per_turn_patches(), ours=True)
    if a_core_to_spare():
        MessageProcessor.parse_message = _parse_message_in_thread
