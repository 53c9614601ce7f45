"""Changes to Rasa, applied in the Rasa process.

Rasa waits up to five minutes for a custom action, and when the action server is
down it logs the error and carries on as if nothing was said. A resident should get
an answer within seconds: after GA_ACTION_TIMEOUT seconds, or at once when the
action server cannot be reached, the bot says sorry and gives the phone number.

An action endpoint with the URL `inprocess:` runs the custom actions in the Rasa process
(bot/inprocess_actions.py): every RemoteAction, the forms' validation actions included,
gets the in-process endpoint, and the actions are imported when the model is loaded.

A typed "ja, dat klopt" or "nee hoor" to the fallback's "Bedoelt u: …?" counts as its Ja
or Nee button; Rasa would take it for a new intent and often answer nothing. A button's
title typed ("ja bezwaar maken dus") counts as that button. A response a policy predicts
directly gets the profile's values for its placeholders, as the actions' responses do.
Changes that only save CPU are in bot/rasa_speedups.py.
"""
from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import os
import re
from typing import Any, Awaitable, Callable, Dict, List, Optional

import aiohttp
import rasa.core.actions.action as rasa_action
from rasa.core.actions.two_stage_fallback import TwoStageFallbackAction
import rasa.core.run as rasa_run
import rasa.utils.endpoints
from rasa.core.processor import ActionLimitReached, MessageProcessor
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from bot import inprocess_actions, rasa_speedups
from bot.profile import profile
from bot.reading.answers import read_yes_no, typed_choice

logger = logging.getLogger(__name__)

ACTION_TIMEOUT = float(os.environ.get("GA_ACTION_TIMEOUT", "15"))
APOLOGY = "utter_technical_problem"
_original_run = rasa_action.RemoteAction.run
_original_init = rasa_action.RemoteAction.__init__


async def _run_or_apologise(self: rasa_action.RemoteAction, output_channel: Any, nlg: Any,
                            tracker: Any, domain: Any) -> List[Any]:
    try:
        return await _original_run(self, output_channel, nlg, tracker, domain)
    except rasa_action.ActionExecutionRejection:
        raise
    except (RasaException, aiohttp.ClientError, asyncio.TimeoutError) as error:
        logger.error("Action %s failed (%s); the resident gets an apology", self.name(),
                     type(error).__name__)
        message = await nlg.generate(APOLOGY, tracker, output_channel.name(),
                                     **profile().template_vars())
        return [rasa_action.create_bot_utterance(message)] if message else []


async def _respond_with_profile(self: rasa_action.ActionBotResponse, output_channel: Any,
                                nlg: Any, tracker: Any, domain: Any) -> List[Any]:
    """Rasa's ActionBotResponse.run, with the profile's values ({phone_hours}, {on_call})
    for the placeholders of a response a policy predicts directly."""
    message = await nlg.generate(self.utter_action, tracker, output_channel.name(),
                                 domain_responses=domain.responses, **profile().template_vars())
    if message is None:
        if not self.silent_fail:
            logger.error("Couldn't create message for response '%s'.", self.utter_action)
        return []
    message["utter_action"] = self.utter_action
    return [rasa_action.create_bot_utterance(message)]


def _init_with_in_process_endpoint(self: rasa_action.RemoteAction, name: str,
                                   action_endpoint: Optional[EndpointConfig]) -> None:
    _original_init(self, name, inprocess_actions.endpoint_for(action_endpoint))


def _loading_actions(load_agent: Callable[..., Awaitable[Any]]
                     ) -> Callable[..., Awaitable[Any]]:
    """rasa.core.run.load_agent_on_start that also imports in-process actions."""

    async def load_agent_and_actions(*args: Any, **kwargs: Any) -> Any:
        agent = await load_agent(*args, **kwargs)
        inprocess_actions.prepare(getattr(agent, "action_endpoint", None))
        return agent

    return load_agent_and_actions


# Actions predicted for one message at most. Rasa's own limit counts back to the last
# action_listen, which the two-stage fallback puts back when it reverts a message: a
# fallback predicted again and again then never stopped, and the server hung (round 74).
MAX_ACTIONS_PER_MESSAGE = 20
_predicted = contextvars.ContextVar("predicted_actions", default=None)
_rasa_prediction_loop = MessageProcessor._run_prediction_loop
_rasa_predict_next = MessageProcessor.predict_next_with_tracker_if_should


async def _run_bounded_prediction_loop(self: MessageProcessor, *args: Any, **kwargs: Any
                                       ) -> Any:
    """Rasa's prediction loop for one message, counting the actions it predicts; a button
    title typed counts as that button."""
    tracker = kwargs.get("tracker") or (args[1] if len(args) > 1 else None)
    if tracker is not None:
        answer_as_the_button_typed(tracker)
    counted = _predicted.set([0])
    try:
        return await _rasa_prediction_loop(self, *args, **kwargs)
    finally:
        _predicted.reset(counted)


def _predict_next_bounded(self: MessageProcessor, tracker: Any) -> Any:
    """Rasa's prediction, with the circuit breaker tripped after MAX_ACTIONS_PER_MESSAGE."""
    count = _predicted.get()
    if count is not None:
        count[0] += 1
        if count[0] > MAX_ACTIONS_PER_MESSAGE:
            raise ActionLimitReached("more actions than one message may have")
    return _rasa_predict_next(self, tracker)


AFFIRMATION_QUESTION = "utter_ask_affirmation"  # "Bedoelt u: …?" with the buttons Ja and Nee
_YES_NO = {"affirm": 0, "deny": 1}
_rasa_fallback_is_done = TwoStageFallbackAction.is_done


def answer_as_the_button_typed(tracker: Any) -> None:
    """"ja bezwaar maken dus" after the buttons of the last answer: the message counts as the
    button whose title it types (its intent and entities), as if it had been pressed."""
    message = getattr(tracker, "latest_message", None)
    if not isinstance(message, UserUttered) or (message.text or "").startswith("/"):
        return
    buttons = _buttons_of_the_last_turn(tracker)
    choice = typed_choice(message.text or "", [str(b.get("title") or "") for b in buttons])
    found = _PAYLOAD.match(str(buttons[choice].get("payload") or "")) if choice is not None \
        else None
    if found is None:
        return
    try:
        values = json.loads(found.group(2) or "{}")
    except ValueError:
        return
    entities = [{"entity": name, "value": value, "start": 0, "end": 0}
                for name, value in values.items()]
    _read_as(message, {"name": found.group(1), "confidence": 1.0})
    message.entities = message.parse_data["entities"] = entities


def _read_as(message: UserUttered, meant: Dict[str, Any]) -> None:
    """The message's intent is `meant`, also first in its ranking (which actions read)."""
    message.intent = message.parse_data["intent"] = meant
    message.parse_data["intent_ranking"] = [meant] + [
        other for other in message.parse_data.get("intent_ranking") or []
        if other.get("name") != meant["name"]]


_PAYLOAD = re.compile(r"^/([\w-]+)(\{.*\})?$", re.DOTALL)


def _buttons_of_the_last_turn(tracker: Any) -> List[Dict[str, Any]]:
    """The buttons of the bot's messages since the resident's message before this one."""
    buttons: List[Dict[str, Any]] = []
    users = 0  # this message first (its slot events may follow it), then the one before
    for event in reversed(tracker.events):
        users += isinstance(event, UserUttered)
        if users > 1:
            break
        if users and isinstance(event, BotUttered):
            buttons = list(event.data.get("buttons") or []) + buttons
    return buttons


def answer_as_its_button(tracker: Any) -> None:
    """A typed "ja, dat klopt" or "nee hoor" to "Bedoelt u: …?" answers as its Ja or Nee
    button does (the topic's intent, or /out_of_scope). Rasa took the typed words for a
    new intent (affirm, deny), ended the fallback and answered that: often with nothing."""
    message = tracker.latest_message
    button = _YES_NO.get(message.intent_name if message else None)
    if button is None and message is not None:  # "ja dat bedoel ik" read as another intent
        said = read_yes_no(message.text or "")
        button = None if said is None else (0 if said else 1)
    asked = next((e for e in reversed(tracker.events) if isinstance(e, BotUttered)), None)
    if (button is None or asked is None
            or (asked.metadata or {}).get("utter_action") != AFFIRMATION_QUESTION):
        return
    buttons = asked.data.get("buttons") or []
    if len(buttons) == 2:
        _read_as(message, {"name": str(buttons[button].get("payload", "")).lstrip("/"),
                           "confidence": 1.0})


async def _fallback_is_done(self: TwoStageFallbackAction, output_channel: Any, nlg: Any,
                            tracker: Any, domain: Any, events_so_far: List[Any]) -> bool:
    answer_as_its_button(tracker)
    return await _rasa_fallback_is_done(self, output_channel, nlg, tracker, domain, events_so_far)


def apply() -> None:
    rasa_speedups.apply()
    rasa_action.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT
    rasa.utils.endpoints.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT
    rasa_action.RemoteAction.run = _run_or_apologise
    rasa_action.RemoteAction.__init__ = _init_with_in_process_endpoint
    rasa_action.ActionBotResponse.run = _respond_with_profile
    rasa_run.load_agent_on_start = _loading_actions(rasa_run.load_agent_on_start)
    MessageProcessor._run_prediction_loop = _run_bounded_prediction_loop
    MessageProcessor.predict_next_with_tracker_if_should = _predict_next_bounded
    TwoStageFallbackAction.is_done = _fallback_is_done

