"""Several instances: two Rasa servers of two Sanic workers each and one action server
on PostgreSQL (tracker and report store) and Redis (lock store); one conversation
alternates between them."""
from __future__ import annotations

import re
import secrets
import shutil
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.serve import Stack
from bot.settings import ROOT
from tests.channel_helpers import arrived, twilio_params, twilio_post
from tests.conftest import channel_env, post_json, texts
from tests.services import PostgresServer, RedisServer, free_port, production_env

# Four Rasa processes (two instances of two workers) load the model at once on CI's two
# cores; that took 175 to 185 s, above the single stack's 180 s.
START_UP = 480


@pytest.fixture(scope="module")
def services():
    folder = Path(tempfile.mkdtemp(prefix="ga-services-"))
    folder.chmod(0o755)  # the postgres user must reach its data folder inside
    postgres = PostgresServer(folder / "postgres").start(["tracker", "reports"])
    redis = RedisServer().start()
    yield postgres, redis
    redis.stop()
    postgres.stop()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def two_instances(trained_model, services, tmp_path_factory, signalen_standin,
                  twilio_standin, telegram_standin):
    postgres, redis = services
    action_port = free_port()
    running = Stack(rasa_port=free_port(), extra_rasa_ports=[free_port()],
                    action_port=action_port, console_port=free_port(),
                    endpoints=ROOT / "endpoints.production.yml",
                    token=secrets.token_hex(16), log_dir=tmp_path_factory.mktemp("scale"),
                    env={**production_env(postgres, redis, action_port),
                         "SANIC_WORKERS": "2",  # as make bench runs production
                         "SIGNALEN_URL": signalen_standin.url,
                         **channel_env(twilio_standin.url, telegram_standin.url)})
    running.start(trained_model, timeout=START_UP)
    yield running
    running.stop()


def test_one_conversation_across_two_instances(two_instances, services):
    postgres, _ = services
    instances = [two_instances.url, f"http://127.0.0.1:{two_instances.extra_rasa_ports[0]}"]
    turns = ["Hallo", "Er ligt een stoeptegel los", "Kerkstraat 12", "nee", "ja"]
    replies = []
    for number, message in enumerate(turns):
        status, answer = post_json(f"{instances[number % 2]}/webhooks/rest/webhook"
                                   f"?token={two_instances.token}",
                                   {"sender": "scale-1", "message": message})
        assert status == 200
        replies.append(texts(answer))
    assert "Waar is het" in replies[1]
    assert "Klopt dit?" in replies[3] and "Kerkstraat 12" in replies[3]
    case_number = re.search(r"M-\d{4}-\d{6}", replies[4]).group(0)

    for url in instances:  # both instances see the same conversation
        _, tracker = _get_tracker(url, two_instances.token)
        assert tracker["slots"]["report_case_number"] == case_number
    reports = create_engine(postgres.url("reports"))
    with reports.connect() as connection:
        rows = connection.execute(text("SELECT case_number, location_text FROM reports")).all()
    assert [tuple(r) for r in rows] == [(case_number, "Kerkstraat 12")]
    tracker_db = create_engine(postgres.url("tracker"))
    with tracker_db.connect() as connection:
        users = connection.execute(text(
            "SELECT COUNT(*) FROM events WHERE sender_id = 'scale-1' AND type_name = 'user'"
        )).scalar()
    assert users == len(turns), "every turn is stored once, whichever instance took it"


def _get_tracker(url: str, token: str) -> tuple:
    import json
    import urllib.request

    with urllib.request.urlopen(f"{url}/conversations/scale-1/tracker?token={token}",
                                timeout=10) as answer:
        return answer.status, json.load(answer)


def test_every_process_restarts_mid_conversation(two_instances, trained_model):
    def say(message: str) -> str:
        status, answer = post_json(f"{two_instances.url}/webhooks/rest/webhook"
                                   f"?token={two_instances.token}",
                                   {"sender": "scale-restart", "message": message})
        assert status == 200
        return texts(answer)

    assert "Waar is het" in say("De lantaarnpaal is kapot")
    two_instances.stop()
    two_instances.start(trained_model, timeout=START_UP)
    assert "bericht als er iets verandert" in say("Kerkstraat 3"), "the form goes on"


def test_database_down_loses_no_whatsapp_message(two_instances, services, twilio_standin):
    postgres, _ = services
    resident = "whatsapp:+31699990001"
    url = f"{two_instances.url}/webhooks/whatsapp/webhook"
    assert twilio_post(url, twilio_params(resident, "Hallo"))[0] == 200
    greeted = len(arrived(lambda: twilio_standin.bodies_to(resident)))
    params = twilio_params(resident, "Er ligt een losse stoeptegel")
    postgres.stop()
    try:
        status, _ = twilio_post(url, params)
        assert status == 500, "Twilio is asked to try again later"
    finally:
        postgres.launch()
    statuses = [twilio_post(url, params)[0] for _ in range(3)]  # Twilio's retries
    assert 200 in statuses
    assert "Waar is het" in arrived(lambda: twilio_standin.bodies_to(resident)[greeted:])[-1]
