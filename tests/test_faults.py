"""Faults: the action server down or slow gives an apology, not silence, and the
conversation goes on once it is back."""
from __future__ import annotations

import socket
import threading
import time

from tests.conftest import post_json, texts

APOLOGY = "Sorry, er ging bij ons iets mis"


def webchat(stack, sender: str, message: str) -> str:
    status, replies = post_json(f"{stack.url}/webhooks/webchat/webhook",
                                {"sender": sender, "message": message})
    assert status == 200
    return texts(replies)


def action_health(stack) -> str:
    return f"http://{stack.host}:{stack.action_port}/health"


def test_action_server_down_then_back(stack):
    sender = "fault-actions-down-1"
    stack.stop_process("actions")
    try:
        assert APOLOGY in webchat(stack, sender, "Wanneer is het gemeentehuis open?")
    finally:
        stack.start_process("actions", action_health(stack))
    assert "uur" in webchat(stack, sender, "Wanneer is het gemeentehuis open?")


def test_action_server_too_slow(stack):
    """A server that accepts the call and never answers: Rasa gives up after
    GA_ACTION_TIMEOUT and the resident hears why."""
    sender = "fault-actions-slow-1"
    stack.stop_process("actions")
    hanging = socket.socket()
    hanging.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    hanging.bind((stack.host, stack.action_port))
    hanging.listen()
    held = []
    accepting = threading.Thread(target=lambda: held.append(hanging.accept()), daemon=True)
    accepting.start()
    try:
        started = time.monotonic()
        assert APOLOGY in webchat(stack, sender, "Wanneer is het gemeentehuis open?")
        assert time.monotonic() - started < 60
    finally:
        for connection, _ in held:
            connection.close()
        hanging.close()
        stack.start_process("actions", action_health(stack))
    assert "uur" in webchat(stack, sender, "Wanneer is het gemeentehuis open?")
