"""One door per channel, in-process (no model, no running stack): the REST channel behind
the token, web chat in its own namespace, text cleaned at the door, the action server on
loopback, and one Telegram client per process that also works with a token given only
in credentials.yml."""
from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.serve import Stack
from channels import delivery
from channels.rest import TokenRestInput
from channels.telegram import TelegramInput, message_parts, parse_update
from channels.webchat import WebChatInput
from tests.channel_app import ChannelApp
from tests.conftest import TELEGRAM_SECRET, TELEGRAM_TOKEN
from tests.standins.telegram import TelegramStandIn

TOKEN = "integration-token-0123456789"


def recorder() -> tuple:
    """An on_new_message that keeps the messages and answers each with one line."""
    received: List[Any] = []

    async def on_new_message(message) -> None:
        received.append(message)
        await message.output_channel.send_response(message.sender_id, {"text": "Goed."})

    return received, on_new_message


def rest_post(app: ChannelApp, body: Any, token: str = TOKEN, header: bool = False):
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    query = "" if header or not token else f"?token={token}"
    headers = {"Content-Type": "application/json"}
    if header:
        headers["Authorization"] = f"Bearer {token}"
    return app.client.post(f"/webhooks/rest/webhook{query}", content=raw, headers=headers)


def test_the_rest_channel_needs_the_token_and_keeps_to_its_own_conversations():
    received, on_new_message = recorder()

    async def run() -> None:
        async with ChannelApp(TokenRestInput(TOKEN), on_new_message) as app:
            hello = {"sender": "integration-1", "message": "hallo"}
            assert (await rest_post(app, hello, token="")).status_code == 403
            assert (await rest_post(app, hello, token="wrong")).status_code == 403
            for hijack in ("whatsapp:+31612345678", "+31612345678"):
                answer = await rest_post(app, {"sender": hijack, "message": "ja"})
                assert answer.status_code == 400, hijack
            for other in ("90000303", "-100123", "webchat-web-1234"):
                answer = await rest_post(app, {"sender": other, "message": "ja"})
                assert answer.json() == {"error": "sender_of_another_channel"}, other
            assert (await rest_post(app, b"x" * (1024 * 1024))).status_code == 413
            forged = {"sender": "integration-1", "message": "foto \ud800",
                      "input_channel": "whatsapp",
                      "metadata": {"media": [{"url": "http://10.0.0.1/intern"}],
                                   "location": {"latitude": 52, "longitude": 5}}}
            answer = await rest_post(app, forged, header=True)
            assert answer.status_code == 200 and answer.json()[0]["text"] == "Goed."

    asyncio.run(run())
    [message] = received
    assert message.input_channel == "rest" and message.metadata == {}
    assert message.text == "foto \ufffd", "a lone surrogate never gets past the door"


def test_without_a_token_the_rest_channel_is_off():
    received, on_new_message = recorder()

    async def run() -> None:
        async with ChannelApp(TokenRestInput(""), on_new_message) as app:
            answer = await rest_post(app, {"sender": "integration-1", "message": "hoi"},
                                     token="")
            assert answer.status_code == 403
            assert (await app.client.get("/webhooks/rest/")).json() == {
                "status": "not_configured"}

    asyncio.run(run())
    assert received == []


def test_an_unset_token_variable_in_credentials_is_no_token(monkeypatch):
    """Finding 11: `${RASA_TOKEN}` unset stays no token, not the guessable literal text."""
    monkeypatch.delenv("RASA_TOKEN", raising=False)
    assert TokenRestInput.from_credentials({"token": "${RASA_TOKEN}"}).token == ""
    monkeypatch.setenv("RASA_TOKEN", "s3cret-token")
    assert TokenRestInput.from_credentials({"token": "${RASA_TOKEN}"}).token == "s3cret-token"


def chat_post(app: ChannelApp, sender: str, message: str, token: str = "", **extra: Any):
    body = json.dumps({"sender": sender, "message": message, **extra}).encode()
    headers = {"Content-Type": "application/json", **({"X-Chat-Token": token} if token else {})}
    return app.client.post("/webhooks/webchat/webhook", content=body, headers=headers)


def test_web_chat_ids_are_issued_by_the_server_and_bound_to_the_browser():
    """Issue 15: `90000303` read a Telegram resident's summary and /updates returned a
    colleague's reply meant for them. Now the server issues the id with a token; without
    that token neither /webhook nor /updates answers."""
    received, on_new_message = recorder()
    telegram_chat = "90000303"

    async def run() -> None:
        async with ChannelApp(WebChatInput(secret="s" * 32, unbound_ids=False),
                              on_new_message) as app:
            store = app.app.ctx.agent.tracker_store
            telegram = DialogueStateTracker(telegram_chat, slots=[])
            telegram.update(UserUttered("Kerkstraat 12", input_channel="telegram"))
            telegram.update(BotUttered("Uw melding staat op Kerkstraat 12 ^AB",
                                       metadata={"staff": "AB"}))
            await store.save(telegram)
            first = (await app.client.post("/webhooks/webchat/session")).json()
            second = (await app.client.post("/webhooks/webchat/session")).json()
            sender, token = first["sender"], first["token"]
            assert sender.startswith("webchat-") and len(sender) >= 32
            assert second["sender"] != sender and second["token"] != token
            for guess in (telegram_chat, sender, second["sender"]):
                for wrong in ("", "0" * 64, second["token"] if guess == sender else token):
                    answer = await chat_post(app, guess, "wat is mijn melding?", wrong)
                    assert (answer.status_code, answer.json()) == (
                        403, {"error": "invalid_token"}), (guess, wrong)
                    updates = await app.client.get(
                        f"/webhooks/webchat/updates?sender={guess}",
                        headers={"X-Chat-Token": wrong} if wrong else {})
                    assert updates.status_code == 403, (guess, wrong)
            answer = await chat_post(app, sender, "wat is mijn melding? \ud800\u0007", token,
                                     metadata={"location": {"latitude": 52.1,
                                                            "longitude": 5.1}})
            assert answer.status_code == 200
            answer = await chat_post(app, sender, "nog iets")  # the id alone is not enough
            assert answer.status_code == 403
            body = json.dumps({"sender": sender, "message": "in het veld", "token": token})
            answer = await app.client.post("/webhooks/webchat/webhook", content=body.encode())
            assert answer.status_code == 200, "the token may come in the body too"
            mine = DialogueStateTracker(sender, slots=[])
            mine.update(UserUttered("hallo", input_channel="webchat"))
            mine.update(BotUttered("Ik kijk met u mee. ^AB", metadata={"staff": "AB"}))
            await store.save(mine)
            updates = await app.client.get(f"/webhooks/webchat/updates?sender={sender}",
                                            headers={"X-Chat-Token": token})
            assert [u["text"] for u in updates.json()] == ["Ik kijk met u mee. ^AB"]

    asyncio.run(run())
    assert [m.sender_id for m in received] == [received[0].sender_id] * 2
    message = received[0]
    assert message.sender_id.startswith("webchat-")
    assert message.text == "wat is mijn melding? \ufffd"
    assert message.metadata == {}, "a browser's claims (places, photos) are not trusted"


def test_the_web_chat_secret_comes_from_the_environment(monkeypatch):
    from bot import settings
    from channels.webchat import chat_token

    monkeypatch.setattr(settings, "WEBCHAT_SECRET", "from-the-environment")
    monkeypatch.setattr(settings, "WEBCHAT_UNBOUND_IDS", False)
    channel = WebChatInput.from_credentials({"secret": "${GA_WEBCHAT_SECRET}"})
    assert channel.secret == "from-the-environment" and not channel.unbound_ids
    assert chat_token("a", "webchat-1") != chat_token("b", "webchat-1")
    monkeypatch.setattr(settings, "WEBCHAT_SECRET", "")
    assert len(WebChatInput.from_credentials(None).secret) >= 32, "random per process"


def test_an_unset_web_chat_secret_is_kept_across_restarts(monkeypatch, tmp_path):
    """Open chat pages go on after a restart: the stack keeps its random secret in var/."""
    from bot import serve

    monkeypatch.delenv("GA_WEBCHAT_SECRET", raising=False)
    monkeypatch.setattr(serve, "VAR_DIR", tmp_path)
    secrets_given = []
    for _ in range(2):
        stack = Stack(log_dir=tmp_path)
        monkeypatch.setattr(stack, "_spawn", lambda name, command: _Started())
        monkeypatch.setattr(stack, "_wait_until_up", lambda url, timeout: None)
        stack.start(Path("model.tar.gz"))
        secrets_given.append(stack.env["GA_WEBCHAT_SECRET"])
    assert secrets_given[0] == secrets_given[1] and len(secrets_given[0]) >= 32
    kept = tmp_path / serve.WEBCHAT_SECRET_FILE
    assert kept.read_text().strip() == secrets_given[0]
    assert kept.stat().st_mode & 0o777 == 0o600, "readable by the service's user only"


class _Started:
    def wait(self, timeout: float) -> int:
        return 0


def test_web_chat_ids_live_in_their_own_namespace():
    """Even an id with its token is a web chat conversation, never another channel's."""
    from channels.webchat import chat_token

    received, on_new_message = recorder()
    telegram_chat = "90000303"

    async def run() -> None:
        async with ChannelApp(WebChatInput(secret="s" * 32, unbound_ids=False),
                              on_new_message) as app:
            store = app.app.ctx.agent.tracker_store
            telegram = DialogueStateTracker(telegram_chat, slots=[])
            telegram.update(UserUttered("Kerkstraat 12", input_channel="telegram"))
            telegram.update(BotUttered("Uw melding staat op Kerkstraat 12 ^AB",
                                       metadata={"staff": "AB"}))
            await store.save(telegram)
            token = chat_token("s" * 32, telegram_chat)
            answer = await chat_post(app, telegram_chat, "wat is mijn melding?", token)
            assert answer.status_code == 200
            updates = await app.client.get(f"/webhooks/webchat/updates?sender={telegram_chat}",
                                           headers={"X-Chat-Token": token})
            assert updates.status_code == 200 and updates.json() == [], \
                "a Telegram resident's messages never reach a web chat page"

    asyncio.run(run())
    [message] = received
    assert message.sender_id == "webchat-90000303"


def test_a_lone_surrogate_in_a_telegram_message_is_cleaned():
    body = ('{"update_id": 1, "message": {"message_id": 2, "date": 1763900000, '
            '"chat": {"id": 42, "type": "private"}, "text": "lamp kapot \\ud800"}}').encode()
    parts = message_parts(parse_update(body).message)
    assert parts["text"] == "lamp kapot \ufffd"
    parts["text"].encode("utf-8")  # storable and showable


def test_the_action_server_listens_on_loopback(monkeypatch, tmp_path):
    monkeypatch.delenv("GA_ACTION_HOST", raising=False)
    spawned: Dict[str, Any] = {}

    class Started:
        def wait(self, timeout: float) -> int:
            return 0

    monkeypatch.delenv("GA_ACTION_TOKEN", raising=False)
    remote = tmp_path / "endpoints.yml"  # endpoints.yml runs the actions in process
    remote.write_text('action_endpoint:\n  url: "http://localhost:5055/webhook"\n')
    stack = Stack(host="0.0.0.0", log_dir=tmp_path, endpoints=remote)
    monkeypatch.setattr(stack, "_spawn", lambda name, command: spawned.setdefault(
        name, (command, dict(stack.env))) and Started())
    waited: List[str] = []
    monkeypatch.setattr(stack, "_wait_until_up", lambda url, timeout: waited.append(url))
    stack.start(Path("model.tar.gz"))
    command, env = spawned["actions"]
    assert "bot.action_server" in command and env["SANIC_HOST"] == "127.0.0.1", \
        "the action server binds to SANIC_HOST; rasa_sdk's default would be 0.0.0.0"
    assert waited[0].startswith("http://127.0.0.1:")
    token = env["GA_ACTION_TOKEN"]
    assert len(token) >= 32, "a random secret per run when GA_ACTION_TOKEN is unset"
    rasa, rasa_env = spawned["rasa"]
    assert rasa_env["GA_ACTION_TOKEN"] == token, "the Rasa server sends the same secret"
    endpoints = Path(rasa[rasa.index("--endpoints") + 1])
    assert "token: ${GA_ACTION_TOKEN}" in endpoints.read_text(), endpoints
    assert token not in endpoints.read_text(), "the secret stays in the environment"


@pytest.fixture
def telegram_api(monkeypatch, tmp_path):
    standin = TelegramStandIn(TELEGRAM_TOKEN).start()
    delivery.close_telegram()
    monkeypatch.setattr(delivery, "TELEGRAM_API_URL", standin.url)
    monkeypatch.setattr(delivery, "TELEGRAM_BOT_TOKEN", "")
    credentials = tmp_path / "credentials.yml"
    credentials.write_text("channels.telegram.TelegramInput:\n"
                           f"  access_token: {TELEGRAM_TOKEN}\n"
                           f"  secret_token: {TELEGRAM_SECRET}\n", encoding="utf-8")
    monkeypatch.setattr(delivery, "CREDENTIALS_FILE", credentials)
    monkeypatch.setattr(delivery, "_connector_token", "")
    yield standin
    delivery.close_telegram()
    standin.stop()


def test_one_telegram_client_per_process_initialised_once_and_shut_down(telegram_api):
    client = delivery.telegram_client()
    delivery.send("telegram", "4711", {"text": "Eerste bericht."})
    delivery.send("telegram", "4711", {"text": "Tweede bericht.", "buttons": [
        {"title": "Ja", "payload": "/affirm"}]})
    assert delivery.telegram_client() is client, "one client, not one per message"
    assert telegram_api.texts_to("4711") == ["Eerste bericht.", "Tweede bericht."]
    assert telegram_api.calls.count("getMe") == 1, "initialised once"
    delivery.close_telegram()
    assert not client.initialised and client.loop.is_closed()


def test_a_token_only_in_credentials_yml_also_sends(telegram_api, monkeypatch, tmp_path):
    """Rasa may read another credentials file than ours: the connector's token counts."""
    monkeypatch.setattr(delivery, "CREDENTIALS_FILE", tmp_path / "absent.yml")
    with pytest.raises(delivery.DeliveryError):
        delivery.send("telegram", "4712", {"text": "Nog geen token."})
    channel = TelegramInput.from_credentials({"access_token": TELEGRAM_TOKEN,
                                              "secret_token": TELEGRAM_SECRET})
    assert channel.configured()
    delivery.send("telegram", "4712", {"text": "Via credentials.yml."})
    assert telegram_api.texts_to("4712") == ["Via credentials.yml."]


def test_the_outbox_worker_reads_the_token_from_credentials_yml(telegram_api):
    """The worker is a process of its own without the connector: it reads the file."""
    assert delivery.telegram_token() == TELEGRAM_TOKEN
    delivery.send("telegram", "4713", {"text": "Later alsnog."})
    assert telegram_api.texts_to("4713") == ["Later alsnog."]


def test_a_forked_worker_makes_its_own_telegram_client(telegram_api):
    """Sanic forks its workers after the connectors are made; threads do not fork."""
    parent = delivery.telegram_client()
    parent.pid = -1  # as a child process sees its parent's client
    child = delivery.telegram_client()
    assert child is not parent
    delivery.send("telegram", "4714", {"text": "Uit de worker."})
    assert telegram_api.texts_to("4714") == ["Uit de worker."]
    parent.pid = child.pid
    parent.close()



def test_open_ids_without_a_session_never_reach_an_issued_conversation():
    """A client without a session (an integration posting {sender, message}) keeps
    working, in a namespace that issued ids and other channels' ids are not in."""
    received, on_new_message = recorder()

    async def run() -> None:
        async with ChannelApp(WebChatInput(secret="s" * 32, unbound_ids=True),
                              on_new_message) as app:
            issued = (await app.client.post("/webhooks/webchat/session")).json()["sender"]
            assert (await chat_post(app, "90000303", "hallo")).status_code == 200
            assert (await chat_post(app, issued, "hallo")).status_code == 403
            suffix = issued[len("webchat-"):]
            assert (await chat_post(app, suffix.replace(".", "-"), "hallo")).status_code == 200

    asyncio.run(run())
    senders = [m.sender_id for m in received]
    assert senders[0] == "webchat-90000303"
    assert all(not s.startswith("webchat-s.") for s in senders)


def test_a_stored_lone_surrogate_or_a_formula_never_breaks_the_console(tmp_path):
    """Issue 15: a lone surrogate in a stored event made the console answer 500 for every
    agent, and a channel name a client sent reached the CSV export as a formula. Events
    stored before the doors cleaned text (or by another client) still render."""
    import time

    from sqlalchemy import create_engine, text

    from bot.reports.db import migrate
    from console.app import templates
    from console.conversations import conversations, transcript
    from console.dashboard import build, to_csv

    tracker_url, reports_url = f"sqlite:///{tmp_path / 't.db'}", f"sqlite:///{tmp_path / 'r.db'}"
    migrate(reports_url)
    formula = '=HYPERLINK("http://evil.example","klik")'
    with create_engine(tracker_url).begin() as connection:
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, "
                                "type_name TEXT, timestamp REAL, intent_name TEXT, "
                                "action_name TEXT, data TEXT)"))
        connection.execute(text(
            "INSERT INTO events (sender_id, type_name, timestamp, intent_name, data) "
            "VALUES ('s1', 'user', :at, 'ask_human', :data)"),
            {"at": time.time(), "data": json.dumps({"text": "hallo \ud800 \U0001F600",
                                                    "input_channel": formula})})
    [found] = conversations(tracker_url)
    assert found.first_message == "hallo \ufffd \U0001F600"
    lines = transcript(tracker_url, "s1")
    html = templates.get_template("_transcript.html").render(
        lines=lines, sender="s1", conversation=found, notes=[], holder=None, now=0)
    assert "hallo \ufffd" in html and html.encode("utf-8")
    exported = to_csv(build(tracker_url, url=reports_url))
    assert formula not in exported.replace(f"'{formula}", "")
    assert "'=HYPERLINK" in exported
