"""Conversations through the action server and through the actions in the Rasa process,
for tests/test_inprocess_actions.py (a process of its own: the Rasa patches, the report
stores and the loaded model stay out of the test session).

    GA_DATABASE_URL=sqlite:///FOLDER/local.db SIGNALEN_URL= PDOK_URL= \
        python -m tests.inprocess_conversations MODEL FOLDER  → JSON on stdout

Loads the agent as `rasa run` does (bench/profile_turn.py), with the action server
(bot.action_server, report store FOLDER/remote.db) as its action endpoint, talks
CONVERSATIONS through it, then switches the endpoint to `inprocess:` (the report store
of GA_DATABASE_URL) and talks them again. Prints {"action server": […], "in process": […]}:
per conversation the events of its tracker, without timestamps, message ids and the
clock, and with SENDER for the sender id's prefix.
"""
from __future__ import annotations

import asyncio
import json
import os
import secrets
import sys
import types
from pathlib import Path
from typing import Any, Dict, List

from bot.settings import ROOT
from tests.services import free_port, served

CONVERSATIONS = [
    ["Hallo", "Er ligt een losse stoeptegel", "Kerkstraat 12", "nee", "ja"],
    ["de lantaarnpaal doet het niet", "ergens bij mij in de buurt", "Dorpsstraat 5", "nee",
     "nee", "ja"],
    ["hoe vraag ik een nieuw paspoort aan?", "wat kost dat?", "bedankt, doei"],
    ["wat is de status van mijn melding?", "M-2026-000001", "asdfgh"],
]
# time_now: the clock in every response's variables, a minute on between the two runs
UNSTABLE = {"timestamp", "message_id", "time_now"}


def stable(value: Any) -> Any:
    """`value` without the keys that differ on every run (at any depth)."""
    if isinstance(value, dict):
        return {key: stable(item) for key, item in value.items() if key not in UNSTABLE}
    if isinstance(value, list):
        return [stable(item) for item in value]
    return value


async def talk(agent: Any, sender: str, texts: List[str]) -> List[Dict[str, Any]]:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    for text in texts:
        await agent.handle_message(UserMessage(text, CollectingOutputChannel(), sender,
                                               input_channel="rest", metadata={}))
    tracker = await agent.tracker_store.retrieve(sender)
    return [stable(event.as_dict()) for event in tracker.events]


def main(model: str, folder: Path) -> Dict[str, Any]:
    token = secrets.token_urlsafe(16)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SANIC_HOST": "127.0.0.1",
           "GA_ACTION_TOKEN": token, "GA_DATABASE_URL": f"sqlite:///{folder / 'remote.db'}"}
    endpoints = folder / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{port}/webhook"\n'
                         f"  token: {token}\n")
    with served(["bot.action_server", "--port", str(port)], env, folder / "actions.log",
                f"http://127.0.0.1:{port}/health", ROOT):
        import rasa.core.run
        from rasa.core.utils import AvailableEndpoints
        from rasa.utils.endpoints import EndpointConfig

        import channels  # noqa: F401  (applies the Rasa patches, as in `rasa run`)
        from bot.settings import IN_PROCESS_ACTIONS

        loop = asyncio.new_event_loop()
        app = types.SimpleNamespace(ctx=types.SimpleNamespace())
        agent = loop.run_until_complete(rasa.core.run.load_agent_on_start(
            model, AvailableEndpoints.read_endpoints(str(endpoints)), None, app, loop))
        results: Dict[str, Any] = {}
        for name, endpoint in (("action server", agent.processor.action_endpoint),
                               ("in process", EndpointConfig(url=IN_PROCESS_ACTIONS))):
            agent.processor.action_endpoint = endpoint
            conversations = [loop.run_until_complete(talk(agent, f"{name}-{number}", texts))
                             for number, texts in enumerate(CONVERSATIONS)]
            # the same text for both, whichever sender id an answer names
            results[name] = json.loads(json.dumps(conversations).replace(name, "SENDER"))
        return results


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], Path(sys.argv[2]))))
