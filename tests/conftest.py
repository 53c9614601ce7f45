"""Shared fixtures: tracker, dispatcher and domain for action tests; one trained
model and one running Rasa + action server stack per test session."""
from __future__ import annotations

import json
import os
import secrets
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import pytest
from rasa_sdk import Tracker

# Tests never reach the real address register (PDOK); the ones that need it use the stand-in.
os.environ.setdefault("PDOK_URL", "")
os.environ.setdefault("GA_STREETS_FILE", os.devnull)
# The stand-ins run on loopback, but on a busy CI machine an answer can take seconds; a
# slow answer is only a fault where a test says so (with its own short timeout).
os.environ.setdefault("SIGNALEN_TIMEOUT", "30")
# Photos are fetched only from the providers' media hosts; the fault tests' made-up
# address (.example never resolves) is one more. The action server's secret, for code
# that reads endpoints.yml in-process (the stack makes its own).
os.environ.setdefault("GA_MEDIA_ORIGINS", "https://media.example")
os.environ.setdefault("GA_ACTION_TOKEN", secrets.token_urlsafe(24))
# Transitional: the web chat binds its ids to the browser with a token (tests that post
# to it get a session first: tests.channel_helpers.webchat_session). Until
# test_conversation, test_console, test_faults, test_report_status and test_messenger do,
# the test stack and in-process channels accept ids without one; the token tests build
# their WebChatInput with unbound_ids=False.
os.environ.setdefault("GA_WEBCHAT_UNBOUND_IDS", "1")
from rasa_sdk.executor import CollectingDispatcher

from bot.model import ensure_model
from bot.serve import Stack
from bot.settings import DOMAIN_DIR, ROOT
from tests.services import embedded_endpoints, free_port


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(DOMAIN_DIR)).as_dict()


def dutch(domain: Dict[str, Any], response: str) -> Dict[str, Any]:
    """The Dutch variation of a response (English ones carry a language condition)."""
    return next(v for v in domain["responses"][response]
                if not any(c.get("name") == "language" for c in v.get("condition") or []))


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()


def make_tracker(intent: str = "greeting", text: str = "hallo",
                 ranking: Optional[List[Dict[str, Any]]] = None,
                 slots: Optional[Dict[str, Any]] = None,
                 entities: Optional[List[Dict[str, Any]]] = None, channel: str = "rest",
                 metadata: Optional[Dict[str, Any]] = None,
                 active_loop: Optional[str] = None) -> Tracker:
    """A tracker whose latest message, on `channel`, has the given intent, text and ranking."""
    message = {"intent": {"name": intent, "confidence": 0.9}, "text": text,
               "entities": entities or [], "metadata": metadata or {},
               "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}]}
    events = [{"event": "user", "text": text, "input_channel": channel}]
    loop = {"name": active_loop} if active_loop else {}
    return Tracker("test-sender", slots or {}, message, events, False, None, loop,
                   "action_listen")


@pytest.fixture
def no_knowledge(monkeypatch):
    """The knowledge base unreachable: the actions give the domain's own answers."""
    def down(*args, **kwargs):
        raise ConnectionError("knowledge base down")

    monkeypatch.setattr("actions.topics.find_answer", down)


@pytest.fixture
def tracker() -> Tracker:
    return make_tracker()


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The model for the current data, config and domain (trained once, then cached)."""
    return ensure_model()


@pytest.fixture(scope="session")
def agent(trained_model: Path):
    """The trained assistant loaded in this process, once, with its weights built as the
    Rasa server builds them (bot/rasa_speedups.py; a test compares them with Rasa's)."""
    from rasa.core.agent import Agent

    from bot.rasa_speedups import models_built_eagerly

    with models_built_eagerly():
        return Agent.load(str(trained_model))


TWILIO_SID = "AC" + "0123456789abcdef" * 2
TWILIO_TOKEN = secrets.token_hex(16)
TWILIO_WHATSAPP_FROM = "whatsapp:+3197010000000"
TWILIO_SMS_FROM = "+3197010000001"
TELEGRAM_TOKEN = "123456:test-" + secrets.token_hex(8)
TELEGRAM_SECRET = "test-telegram-secret"
# WhatsApp templates (whatsapp_templates.yml) by name, with their Content SIDs.
WHATSAPP_TEMPLATES = {"STATUS_UPDATE": "HX" + "1" * 32, "STAFF_REPLY": "HX" + "2" * 32,
                      "REPLY_WAITING": "HX" + "3" * 32}


@pytest.fixture(scope="session")
def signalen_standin(pdok_standin):
    """The Signalen stand-in on loopback, shared by the running stack; it checks addresses
    against the PDOK stand-in, as Signalen checks them against PDOK."""
    from tests.standins.signalen import SignalenStandIn

    # The whole stack session files from one address: more than Signalen's default
    # 60 creates an hour (throttling itself is tested in tests/test_signalen_faults.py).
    standin = SignalenStandIn(throttle_rate=(100_000, 3600.0),
                              address_checker=pdok_standin.address_exists).start()
    yield standin
    standin.stop()


# The Signalen stand-in's service account (SIGNALEN_TOKEN) in the report tests.
SIGNALEN_SERVICE_TOKEN = "service-account"


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    """A fresh, migrated report store (SQLite) for one test."""
    from bot.reports import db as reports_db

    url = f"sqlite:///{tmp_path / 'reports.db'}"
    reports_db.migrate(url)
    return url


@pytest.fixture
def signalen():
    """A Signalen stand-in of one test's own, with a service account; the report tests'
    photos come from it, so it counts as a media host (not through monkeypatch: tests
    undo theirs halfway)."""
    from bot import settings
    from tests.standins.signalen import SignalenStandIn

    standin = SignalenStandIn(token=SIGNALEN_SERVICE_TOKEN).start()
    origins = settings.MEDIA_ORIGINS
    settings.MEDIA_ORIGINS = f"{origins},{standin.url}"
    yield standin
    settings.MEDIA_ORIGINS = origins
    standin.stop()


@pytest.fixture(scope="session")
def pdok_standin():
    """PDOK's Locatieserver (the address register) on loopback, with Lindendal's addresses."""
    from tests.standins.pdok import PdokStandIn

    standin = PdokStandIn().start()
    yield standin
    standin.stop()


@pytest.fixture(scope="session")
def twilio_standin():
    from tests.standins.twilio import TwilioStandIn

    standin = TwilioStandIn(TWILIO_SID, TWILIO_TOKEN).start()
    for name, sid in WHATSAPP_TEMPLATES.items():  # approved, as in Twilio's Content API
        standin.approve_template(sid, ["1", "2"] if name == "STATUS_UPDATE" else ["1"])
    yield standin
    standin.stop()


@pytest.fixture(scope="session")
def telegram_standin():
    from tests.standins.telegram import TelegramStandIn

    standin = TelegramStandIn(TELEGRAM_TOKEN).start()
    yield standin
    standin.stop()


def channel_env(twilio_url: str, telegram_url: str) -> Dict[str, str]:
    """Settings that point the Twilio and Telegram clients at the stand-ins."""
    return {"TWILIO_ACCOUNT_SID": TWILIO_SID, "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
            "TWILIO_API_URL": twilio_url, "TWILIO_WHATSAPP_FROM": TWILIO_WHATSAPP_FROM,
            "TWILIO_SMS_FROM": TWILIO_SMS_FROM, "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
            "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET, "TELEGRAM_API_URL": telegram_url,
            "GA_CHANNEL_TIMEOUT": "2",
            **{f"TWILIO_TEMPLATE_{name}": sid for name, sid in WHATSAPP_TEMPLATES.items()}}


@pytest.fixture(scope="session")
def reports_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('reports') / 'reports.db'}"


@pytest.fixture(scope="session")
def stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory, signalen_standin,
          twilio_standin, telegram_standin, reports_db_url: str):
    """Rasa and the action server on free loopback ports, with a fresh SQLite tracker store."""
    workdir = tmp_path_factory.mktemp("stack")
    action_port = free_port()
    endpoints = embedded_endpoints(workdir, action_port)
    tone_file = workdir / "tone_of_voice.yml"  # the console's tone editor may change it
    tone_file.write_text((ROOT / "tone_of_voice.yml").read_text(encoding="utf-8"),
                         encoding="utf-8")
    running = Stack(rasa_port=free_port(), action_port=action_port, endpoints=endpoints,
                    console_port=free_port(),
                    token=secrets.token_hex(16), log_dir=workdir / "logs",
                    env={"GA_DATABASE_URL": reports_db_url, "SIGNALEN_URL": signalen_standin.url,
                         "SIGNALEN_POLL_INTERVAL": "1", "GA_OUTBOX_INTERVAL": "1",
                         "GA_OUTBOX_FIRST_RETRY": "2", "GA_TONE_FILE": str(tone_file),
                         "GA_ACTION_TIMEOUT": "5",
                         **channel_env(twilio_standin.url, telegram_standin.url)})
    running.start(trained_model)
    yield running
    running.stop()


STAFF_PASSWORD = "een-lang-wachtwoord-42"


@pytest.fixture(scope="session")
def accounts(stack, reports_db_url) -> str:
    """Console accounts for every role; returns the console's base URL."""
    from console.auth import create_user

    for username, initials, role in (("agent1", "AB", "agent"), ("agent2", "CD", "agent"),
                                     ("redacteur", "RE", "editor"), ("beheer", "BH", "admin"),
                                     ("vergeetachtig", "VG", "agent"),
                                     ("browser", "BR", "admin")):
        create_user(username, username.title(), initials, role, STAFF_PASSWORD,
                    url=reports_db_url)
    return stack.console_url


def post_json(url: str, payload: Any, raw: Optional[bytes] = None,
              content_type: str = "application/json") -> tuple:
    """POST and return (status, parsed JSON or text)."""
    body = raw if raw is not None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, text = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode()
    try:
        return status, json.loads(text)
    except json.JSONDecodeError:
        return status, text


@pytest.fixture
def talk(stack: Stack) -> Callable[[str, str], List[Dict[str, Any]]]:
    """Send one message through the REST channel and return the bot's replies."""

    def send(sender: str, text: str) -> List[Dict[str, Any]]:
        status, replies = post_json(f"{stack.url}/webhooks/rest/webhook?token={stack.token}",
                                    {"sender": sender, "message": text})
        assert status == 200, replies
        return replies

    return send


def texts(replies: List[Dict[str, Any]]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


# Tests that need a trained model, the running stack, a browser or database servers;
# `make test-fast` leaves them out.
NEEDS_STACK = {"trained_model", "stack", "services", "browser"}


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if NEEDS_STACK & set(item.fixturenames):
            item.add_marker(pytest.mark.stack)


def pytest_terminal_summary(terminalreporter) -> None:
    """Print how many questions the bot asked per report type, when the report tests ran."""
    from tests.test_report_flow import QUESTIONS

    if QUESTIONS:
        terminalreporter.write_sep("-", "questions asked per report type (REST, no updates)")
        for name, count in sorted(QUESTIONS.items()):
            terminalreporter.write_line(f"{name:45s} {count}")
