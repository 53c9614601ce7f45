"""The presence control and the dashboard's norms, satisfaction and 24 hours in a real
browser (Chromium, Playwright, axe-core), on a console of their own (no Rasa needed)."""
from __future__ import annotations

import json
import os
import threading
import re
import subprocess
import sys
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator, List, Tuple
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from bot.reports import db as reports_db
from bot.settings import ROOT
from bot.webcare import presence, satisfaction
from console.auth import create_user
from bot.webcare import waiting
from tests.conftest import STAFF_PASSWORD
from tests.console_client import ConsoleUser, conversation_path
from tests.services import free_port
from tests.test_console_browser import assert_accessible, browser, local  # noqa: F401


class FakeRasa(ThreadingHTTPServer):
    """Rasa's HTTP API as the console calls it: every POST is taken and remembered."""

    def __init__(self) -> None:
        self.calls: List[Tuple[str, object]] = []
        calls = self.calls

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                calls.append((urlsplit(self.path).path, json.loads(body or b"null")))
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(scope="module")
def rasa() -> Iterator[FakeRasa]:
    fake = FakeRasa()
    yield fake
    fake.shutdown()


@pytest.fixture(scope="module")
def console(tmp_path_factory, rasa) -> Iterator[Tuple[str, str]]:
    """`python -m console serve` with its own report store, an empty tracker store and
    the fake Rasa; (base URL, report store URL)."""
    tmp = tmp_path_factory.mktemp("webcare-console")
    db_url, port = f"sqlite:///{tmp / 'reports.db'}", free_port()
    reports_db.migrate(db_url)
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: bot.tracker_store.TrackerStore\n"
                         f"  dialect: sqlite\n  db: {tmp / 'tracker.db'}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GA_DATABASE_URL": db_url,
           "RASA_URL": rasa.url}
    log = tmp / "console.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "console", "serve", "--port",
                                    str(port), "--endpoints", str(endpoints)], cwd=ROOT,
                                   env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(f"{base}/console/health", timeout=5):
                    break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.3)
        yield base, db_url
    finally:
        process.terminate()
        process.wait(timeout=20)


def user_id(db_url: str, username: str) -> int:
    from console.models import StaffUser

    with reports_db.session(db_url) as db:
        return db.query(StaffUser).filter_by(username=username).one().id


def test_presence_control_and_the_dashboard(browser, console):  # noqa: F811
    base, db_url = console
    create_user("aanwezig", "Anna Aanwezig", "AA", "agent", STAFF_PASSWORD, url=db_url)
    for score in (5, 4, 4):
        satisfaction.store(satisfaction.Answer(score, "snel geholpen"), "webchat", db_url)
    page = browser.new_context().new_page()
    page.goto(local(f"{base}/console/login"))
    page.fill("#username", "aanwezig")
    page.fill("#password", STAFF_PASSWORD)
    page.click("main button[type=submit]")
    status = page.get_by_label("Mijn status")
    expect(status).to_have_value("online")
    assert presence.status_of(user_id(db_url, "aanwezig"), db_url) == "online", \
        "an agent is online after logging in"
    assert_accessible(page)

    page.goto(local(f"{base}/console/dashboard"))
    status.select_option("away")
    page.get_by_role("button", name="Status opslaan").click()
    expect(page).to_have_url(re.compile(r"/console/dashboard$"))
    expect(page.get_by_label("Mijn status")).to_have_value("away")
    assert presence.status_of(user_id(db_url, "aanwezig"), db_url) == "away"

    expect(page.locator("#satisfaction")).to_contain_text("4.3")
    expect(page.locator("#satisfaction")).to_contain_text("3 antwoorden")
    norms = page.get_by_role("table", name="Normen voor eerste antwoord en afhandeling")
    expect(norms.get_by_role("row")).to_have_count(3)
    hours = page.get_by_role("table", name="Gesprekken per uur van de week")
    header = hours.get_by_role("row").first.get_by_role("columnheader")
    expect(header).to_have_count(25)
    expect(header.nth(1)).to_have_text("0")
    expect(header.last).to_have_text("23")
    assert_accessible(page)

    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/console/login$"))
    assert presence.status_of(user_id(db_url, "aanwezig"), db_url) == "offline"


def test_takeover_ends_the_wait_and_hand_back_asks_how_satisfied(console, rasa):
    base, db_url = console
    create_user("overnemer", "Olga Overnemer", "OO", "agent", STAFF_PASSWORD, url=db_url)
    agent = ConsoleUser(base, "overnemer", STAFF_PASSWORD)
    sender = "whatsapp:+31611111111"
    waiting.join(sender, "whatsapp", db_url)
    waiting.join("telegram:42", "telegram", db_url)
    assert waiting.place_of("telegram:42", db_url).position == 2

    assert agent.post(conversation_path(sender, "take"))[0] == 303
    assert waiting.place_of(sender, db_url) is None, "taken over: no longer waiting"
    assert waiting.place_of("telegram:42", db_url).position == 1, "the next one moves up"
    assert agent.post(conversation_path(sender, "handback"))[0] == 303
    executed = [(path, body) for path, body in rasa.calls if path.endswith("/execute")]
    assert executed == [(f"/conversations/{quote(sender, safe=':+@')}/execute",
                         {"name": "action_ask_satisfaction"})]

    rasa.calls.clear()  # handing back a conversation nobody had: no question
    assert agent.post(conversation_path("telegram:42", "handback"))[0] == 303
    assert not [path for path, _ in rasa.calls if path.endswith("/execute")]
    assert waiting.waiting_senders(db_url) == []
