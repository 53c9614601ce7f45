"""The few calls the console makes to Rasa's HTTP API (always with the token)."""
from __future__ import annotations

import logging
from typing import Any, Dict, List
from urllib.parse import quote

import aiohttp

from bot.settings import RASA_TOKEN, RASA_URL

logger = logging.getLogger(__name__)
TIMEOUT = aiohttp.ClientTimeout(total=20)


class RasaUnavailable(RuntimeError):
    """Rasa did not take the events; nothing changed for the resident."""


async def append_events(sender: str, events: List[Dict[str, Any]],
                        send: bool = False) -> None:
    """Add events to a conversation; with `send`, bot messages go out on its channel."""
    url = f"{RASA_URL}/conversations/{quote(sender, safe=':+@')}/tracker/events"
    params = {"token": RASA_TOKEN, "include_events": "NONE"}
    if send:
        params.update({"execute_side_effects": "true", "output_channel": "latest"})
    try:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as client:
            async with client.post(url, params=params, json=events) as answer:
                if answer.status >= 400:
                    raise RasaUnavailable(f"Rasa answered {answer.status}")
    except aiohttp.ClientError as error:
        raise RasaUnavailable(f"Rasa unreachable: {type(error).__name__}") from error


async def pause(sender: str) -> None:
    await append_events(sender, [{"event": "pause"}])


async def resume(sender: str) -> None:
    """Hand back to the bot: it answers again, and no longer takes messages for a colleague
    (bot.policies.ReadingPolicy stops at the resume event)."""
    await append_events(sender, [{"event": "resume"}])


async def send_staff_message(sender: str, text: str, initials: str) -> None:
    """The agent's (already signed) reply, out on the resident's channel and in the
    transcript; the channel's tone renderer applies the medium's formatting."""
    await append_events(sender, [{"event": "bot", "text": text,
                                  "metadata": {"staff": initials,
                                               "utter_action": "staff_reply"}}], send=True)


async def execute(sender: str, action: str) -> None:
    """Let Rasa run `action` in the conversation; its messages go out on the resident's
    channel (the path of the agent's reply and the status news)."""
    url = f"{RASA_URL}/conversations/{quote(sender, safe=':+@')}/execute"
    params = {"token": RASA_TOKEN, "include_events": "NONE", "output_channel": "latest"}
    try:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as client:
            async with client.post(url, params=params, json={"name": action}) as answer:
                if answer.status >= 400:
                    raise RasaUnavailable(f"Rasa answered {answer.status}")
    except aiohttp.ClientError as error:
        raise RasaUnavailable(f"Rasa unreachable: {type(error).__name__}") from error


async def ask_satisfaction(sender: str) -> None:
    """After a colleague finished: "hoe tevreden bent u?" in the resident's channel.
    Never in the way of finishing: a failure is logged."""
    try:
        await execute(sender, "action_ask_satisfaction")
    except RasaUnavailable as error:
        logger.warning("Satisfaction question not asked: %s", error)
