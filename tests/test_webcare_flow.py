"""Honest waiting through the action server (issue 17, part 3): the launcher
`python -m bot.action_server` with a report store of its own and a profile that is open
all day, so "during opening hours" holds whenever the test runs. Nobody online: the
resident is asked to leave a message. A colleague online: the resident hears a place in
the queue, and a better one when the resident before them is taken over."""
from __future__ import annotations

import datetime as dt
import os
from typing import Iterator, List, Tuple

import pytest
import yaml

from bot.reports import db as reports_db
from bot.reports.models import utcnow
from bot.settings import ROOT
from bot.webcare import presence, waiting
from console.models import StaffSession
from tests.services import free_port, served
from tests.test_action_server_auth import TOKEN, call

ALL_DAY = ["00:00", "23:59:59.999999"]


@pytest.fixture(scope="module")
def action_server(tmp_path_factory) -> Iterator[Tuple[str, str]]:
    """The launcher on a free port; (base URL, report store URL)."""
    tmp = tmp_path_factory.mktemp("webcare-flow")
    port, db_url = free_port(), f"sqlite:///{tmp / 'reports.db'}"
    reports_db.migrate(db_url)
    profile = yaml.safe_load((ROOT / "bot" / "profile.yml").read_text(encoding="utf-8"))
    profile["opening_hours"] = {day: ALL_DAY for day in
                                ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
    (tmp / "profile.yml").write_text(yaml.safe_dump(profile), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GA_ACTION_TOKEN": TOKEN,
           "GA_DATABASE_URL": db_url, "GA_PROFILE": str(tmp / "profile.yml"),
           "SIGNALEN_URL": "", "PDOK_URL": "", "OPENKLANT_URL": ""}
    env.pop("SANIC_HOST", None)
    log = tmp / "actions.log"
    base = f"http://127.0.0.1:{port}"
    with served(["bot.action_server", "--port", str(port)], env, log, f"{base}/health", ROOT):
        yield base, db_url


def run_action(base: str, action: str, sender: str, text: str = "ik wil een medewerker",
               intent: str = "ask_human") -> List[dict]:
    """What Rasa sends for `action` on WhatsApp; the responses the action server gives."""
    tracker = {"sender_id": sender, "slots": {}, "paused": False,
               "latest_message": {"text": text, "intent": {"name": intent},
                                  "entities": [], "metadata": {}},
               "events": [{"event": "user", "text": text, "input_channel": "whatsapp"}],
               "followup_action": None, "active_loop": {},
               "latest_action_name": "action_listen"}
    status, body = call(f"{base}/webhook?token={TOKEN}", {
        "next_action": action, "sender_id": sender, "version": "3.6.2",
        "domain": {"responses": {}}, "tracker": tracker})
    assert status == 200, body
    return body["responses"]


def names(responses: List[dict]) -> List[str]:
    return [r["response"] for r in responses]


def test_nobody_online_offers_to_leave_a_message_then_takes_it(action_server):
    base, db_url = action_server
    answered = run_action(base, "action_contact_human", "whatsapp:+31600000001")
    assert names(answered) == ["utter_contact_nobody_online"]
    assert waiting.waiting_senders(db_url) == []
    left = run_action(base, "action_take_message", "whatsapp:+31600000001",
                      "mijn container is niet geleegd", "nlu_fallback")
    assert names(left)[0] == "utter_message_taken_open"


def test_with_a_colleague_online_the_resident_hears_a_place_that_moves_up(action_server):
    base, db_url = action_server
    with reports_db.session(db_url) as db:  # logged in to the console (console.auth)
        db.add(StaffSession(token_hash="flow-session", user_id=7, csrf_token="x",
                            expires_at=utcnow() + dt.timedelta(hours=1)))
    presence.set_status(7, "online", db_url)
    first = run_action(base, "action_contact_human", "whatsapp:+31600000002")
    second = run_action(base, "action_contact_human", "whatsapp:+31600000003")
    assert names(first) == ["utter_contact_open", "utter_waiting_position_unknown"]
    assert (first[1]["position"], second[1]["position"]) == (1, 2)
    waiting.taken("whatsapp:+31600000002", db_url)  # the console's takeover
    news = run_action(base, "action_tell_waiting", "whatsapp:+31600000003", "", "")
    assert names(news) == ["utter_waiting_news_unknown"] and news[0]["position"] == 1
    presence.set_status(7, "offline", db_url)
    assert names(run_action(base, "action_contact_human", "whatsapp:+31600000004")) == [
        "utter_contact_nobody_online"]
