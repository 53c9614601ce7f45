"""Changes to Rasa, applied in the Rasa process.

Rasa waits up to five minutes for a custom action, and when the action server is
down it logs the error and carries on as if nothing was said. A resident should get
an answer within seconds: after GA_ACTION_TIMEOUT seconds, or at once when the
action server cannot be reached, the bot says sorry and gives the phone number.
Changes that only save CPU are in bot/rasa_speedups.py.
"""
from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, List

import aiohttp
import rasa.core.actions.action as rasa_action
import rasa.utils.endpoints
from rasa.shared.exceptions import RasaException

from bot import rasa_speedups
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


def apply() -> None:
    rasa_speedups.apply()
    rasa_action.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT
    rasa.utils.endpoints.DEFAULT_REQUEST_TIMEOUT = ACTION_TIMEOUT
    rasa_action.RemoteAction.run = _run_or_apologise

