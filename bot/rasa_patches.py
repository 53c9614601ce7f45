"""Changes to Rasa, applied in the Rasa process.

Rasa waits up to five minutes for a custom action, and when the action server is
down it logs the error and carries on as if nothing was said. A resident should get
an answer within seconds: after GA_ACTION_TIMEOUT seconds, or at once when the
action server cannot be reached, the bot says sorry and gives the phone number.

Rasa also checks its own JSON schema for action responses against the meta-schema
on every call (jsonschema.validate), a fifth of its CPU time per turn in
`make bench`; the same validation with the checked validator kept is much cheaper.
And once the model is loaded, the objects it consists of are frozen out of the
garbage collector's full collections.
"""
from __future__ import annotations

import asyncio
import gc
import logging
import os
from functools import lru_cache
from typing import Any, Dict, List

import aiohttp
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
import rasa.core.actions.action as rasa_action
import rasa.core.run as rasa_run
import rasa.utils.endpoints
from rasa.shared.exceptions import RasaException

from bot.profile import profile

logger = logging.getLogger(__name__)

ACTION_TIMEOUT = float(os.environ.get("GA_ACTION_TIMEOUT", "15"))
APOLOGY = "utter_technical_problem"
_original_run = rasa_action.RemoteAction.run


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


@lru_cache(maxsize=1)
def _response_validator() -> Any:
    schema = rasa_action.RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _validate_action_result(self: rasa_action.RemoteAction, result: Dict[str, Any]) -> bool:
    """What jsonschema.validate does, without checking the schema itself every time."""
    error = best_match(_response_validator().iter_errors(result))
    if error is not None:
        error.message += (". Failed to validate Action server response from API, make "
                          "sure your response from the Action endpoint is valid.")
        raise error
    return True


_original_load_agent = rasa_run.load_agent_on_start


async def _load_agent_and_freeze(*args: Any, **kwargs: Any) -> Any:
    """Load the model, then move everything loaded so far out of the garbage
    collector's view: Rasa keeps most of a million objects alive (TensorFlow, the
    domain, the graph), and each full collection walked them all, pausing every
    conversation for half a second."""
    agent = await _original_load_agent(*args, **kwargs)
    gc.collect()
    gc.freeze()
    return agent


def apply() -> None:
    rasa_run.load_agent_on_start = _load_agent_and_freeze
    rasa_action.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT
    rasa.utils.endpoints.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT
    rasa_action.RemoteAction.run = _run_or_apologise
    rasa_action.RemoteAction._validate_action_result = _validate_action_result

