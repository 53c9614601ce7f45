"""The action server only for the Rasa server (issue 15, item 6): the launcher
`python -m bot.action_server` listens on loopback and answers only calls with the shared
secret, so a forged call files nothing; photos come only from the provider's hosts."""
from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Tuple

import pytest

from bot.integrations import DeliveryError, media
from bot.reports import db as reports_db
from bot.reports.models import Report
from bot.settings import IN_PROCESS_ACTIONS, ROOT
from tests.services import free_port, served

TOKEN = secrets.token_urlsafe(32)


def forged_submit(sender: str = "whatsapp:+31612345678") -> Dict[str, Any]:
    """An action call as the attack sent it: a finished report form with a third
    party's e-mail address and an internal photo URL."""
    slots = {"report_category": "report_street_lighting", "report_description": "lamp kapot",
             "report_location": "Kerkstraat 7", "report_latitude": 52.0921,
             "report_longitude": 5.1188, "report_updates": True,
             "report_contact": "iemand.anders@example.nl",
             "report_photo": "http://10.0.0.1/intern/admin.png", "report_confirmed": True}
    return {"next_action": "action_submit_report", "sender_id": sender, "version": "3.6.2",
            "domain": {"responses": {}},
            "tracker": {"sender_id": sender, "slots": slots, "paused": False,
                        "latest_message": {"text": "ja", "intent": {"name": "affirm"},
                                           "entities": [], "metadata": {}},
                        "events": [{"event": "user", "text": "ja",
                                    "input_channel": "whatsapp"}],
                        "followup_action": None, "active_loop": {},
                        "latest_action_name": "action_listen"}}


def call(url: str, body: Optional[Dict[str, Any]] = None,
         headers: Optional[Dict[str, str]] = None) -> Tuple[int, Any]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={
        "Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


@pytest.fixture
def action_server(tmp_path: Path) -> Iterator[Tuple[str, str]]:
    """The launcher on a free port, with a report store of its own; (base URL, DB URL)."""
    port, db_url = free_port(), f"sqlite:///{tmp_path / 'reports.db'}"
    reports_db.migrate(db_url)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GA_ACTION_TOKEN": TOKEN,
           "GA_DATABASE_URL": db_url, "SIGNALEN_URL": "", "PDOK_URL": ""}
    env.pop("SANIC_HOST", None)
    log = tmp_path / "actions.log"
    base = f"http://127.0.0.1:{port}"
    with served(["bot.action_server", "--port", str(port)], env, log, f"{base}/health",
                ROOT, timeout=90):
        yield base, db_url
    assert f"http://127.0.0.1:{port} (token required)" in log.read_text(), \
        "loopback when SANIC_HOST is unset (rasa_sdk's own default is 0.0.0.0)"


def reports(db_url: str) -> list:
    with reports_db.session(db_url) as db:
        return db.query(Report).all()


def test_a_call_without_the_secret_gets_401_and_files_nothing(action_server):
    base, db_url = action_server
    for suffix, headers in (("", {}), ("?token=wrong", {}), ("?token=", {}),
                            ("", {"Authorization": "Bearer wrong"}),
                            (f"?token_={TOKEN}", {})):
        status, body = call(f"{base}/webhook{suffix}", forged_submit(), headers)
        assert (status, body) == (401, {"error": "unauthorized"}), (suffix, headers)
    assert call(f"{base}/actions")[0] == 401, "not even the list of actions"
    assert reports(db_url) == [], "a refused call runs no action"


def test_the_rasa_servers_call_with_the_secret_runs_the_action(action_server):
    """What Rasa sends (EndpointConfig adds `?token=`), and a bearer header, are let in;
    the refusal above is therefore the token check, not a broken call."""
    base, db_url = action_server
    status, body = call(f"{base}/webhook?token={TOKEN}", forged_submit())
    assert status == 200, body
    [filed] = reports(db_url)
    assert filed.channel == "whatsapp"
    status, actions = call(f"{base}/actions", headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200 and {"name": "action_submit_report"} in actions


def test_the_rasa_server_sends_the_token_from_endpoints_yml(monkeypatch):
    """Rasa 3.6 reads `token: ${GA_ACTION_TOKEN}` and sends it as the `token` parameter
    (endpoints.production.yml; endpoints.yml runs the actions in the Rasa process)."""
    from rasa.utils.endpoints import read_endpoint_config

    monkeypatch.setenv("GA_ACTION_TOKEN", TOKEN)
    monkeypatch.setenv("ACTION_SERVER_URL", "http://127.0.0.1:5055/webhook")
    for variable in ("POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER",
                     "POSTGRES_PASSWORD", "REDIS_HOST", "REDIS_PORT", "REDIS_DB"):
        monkeypatch.setenv(variable, "1")
    config = read_endpoint_config(str(ROOT / "endpoints.production.yml"), "action_endpoint")
    assert config.combine_parameters({}) == {"token": TOKEN}
    # The embedded default calls no action server: its actions run in the Rasa process.
    embedded = read_endpoint_config(str(ROOT / "endpoints.yml"), "action_endpoint")
    assert embedded.url == IN_PROCESS_ACTIONS and not embedded.token


def test_without_a_secret_the_action_server_does_not_start():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("GA_ACTION_TOKEN", None)
    done = subprocess.run([sys.executable, "-m", "bot.action_server", "--port",
                           str(free_port())], cwd=ROOT, env=env, capture_output=True,
                          timeout=120)
    assert done.returncode == 2 and b"GA_ACTION_TOKEN" in done.stderr


@pytest.mark.parametrize("url, channel", [
    ("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "whatsapp"),
    ("https://media.twiliocdn.com/AC1/abc", "sms"),
    ("https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1", "messenger"),
    ("https://scontent-ams2-1.xx.fbcdn.net/v/t1.15752-9/photo.jpg", "messenger"),
    ("telegram:AgACAgQAAxkBAAIB", "telegram"),
    ("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", None),
])
def test_a_photo_of_the_provider_that_sent_it_may_be_fetched(url, channel):
    assert media.media_refusal(url, channel) is None


@pytest.mark.parametrize("url, channel", [
    ("http://10.0.0.1/intern/admin.png", None),
    ("http://127.0.0.1:5055/actions", None),
    ("http://169.254.169.254/latest/meta-data/", None),
    ("http://api.twilio.com/2010-04-01/Media/ME1", None),  # not https
    ("https://api.twilio.com.evil.example/photo.jpg", None),
    ("https://evil.example/?x=.fbcdn.net", None),
    ("https://fbcdn.net.evil.example/photo.jpg", None),
    ("https://api.twilio.com:8443/photo.jpg", None),
    ("https://lookaside.fbsbx.com/photo.jpg", "whatsapp"),  # not Twilio's host
    ("https://media.twiliocdn.com/AC1/abc", "messenger"),
    ("telegram:AgACAgQ", "messenger"),
    ("telegram:../../etc/passwd", "telegram"),
    ("https://media.twiliocdn.com/AC1/abc", "webchat"),  # the web chat sends no photos
    ("file:///etc/passwd", None),
])
def test_any_other_photo_url_is_refused_without_a_request(url, channel, monkeypatch):
    def no_request(*args, **kwargs):
        raise AssertionError(f"fetched {url}")

    monkeypatch.setattr(media.requests, "get", no_request)
    assert media.media_refusal(url, channel)
    with pytest.raises(DeliveryError) as refused:
        media.fetch_media(url, channel)
    assert not refused.value.retry and "photo not fetched" in str(refused.value)


def test_the_outbox_records_why_a_photo_was_not_fetched(db_url, signalen, monkeypatch):
    """The forged internal URL reaches no server: the report says why."""
    from bot.integrations.signalen import SignalenClient
    from bot.reports import outbox
    from bot.reports.service import NewReport, file_report

    monkeypatch.setattr(outbox, "_tell_resident", lambda report: None)
    monkeypatch.setattr(media.requests, "get", lambda *a, **k: pytest.fail("fetched"))
    file_report(NewReport(category="report_street_lighting", description="lamp kapot",
                          location_text="Kerkstraat 7", latitude=52.0921, longitude=5.1188,
                          channel="whatsapp", sender_id="whatsapp:+31612345678",
                          photo_url="http://10.0.0.1/intern/admin.png"),
                url=db_url, forward=True)
    outbox.deliver_due(SignalenClient(signalen.url), url=db_url)
    [filed] = reports(db_url)
    assert filed.signalen_id and "10.0.0.1 is not a media host" in filed.photo_error
