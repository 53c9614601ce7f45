"""The webcare console through its HTTP interface: access rules, CSRF, login limits,
the queue, takeover with the bot silent, staff replies on WhatsApp, notes, the tone
editor, the dashboard and the audit log."""
from __future__ import annotations

import datetime as dt
import itertools
import json
import time
import urllib.request

import pytest

from bot.settings import ROOT
from console.conversations import is_frustrated
from tests.channel_helpers import twilio_params, twilio_post, wait_for, whatsapp_says
from tests.conftest import STAFF_PASSWORD as PASSWORD, post_json
from tests.console_client import ConsoleUser, conversation_path, fetch

_ids = itertools.count(1)


@pytest.fixture
def agent(accounts):
    return ConsoleUser(accounts, "agent1", PASSWORD)


def rest(stack, sender: str, text: str) -> list:
    status, replies = post_json(f"{stack.url}/webhooks/rest/webhook?token={stack.token}",
                                {"sender": sender, "message": text})
    assert status == 200
    return replies


PAGES = ["/console/", "/console/dashboard", "/console/tone", "/console/audit",
         "/console/accounts", "/console/conversations/someone", "/console/password"]
POSTS = ["/console/logout", "/console/conversations/x/take", "/console/conversations/x/reply",
         "/console/conversations/x/handback", "/console/conversations/x/notes",
         "/console/tone/preview", "/console/tone/save", "/console/tone/revert/1",
         "/console/accounts", "/console/accounts/1/role", "/console/accounts/1/deactivate",
         "/console/accounts/1/reactivate", "/console/accounts/1/reset", "/console/password"]


def test_nothing_without_login(accounts):
    for path in PAGES + ["/console/dashboard.csv"]:
        status, headers, _ = fetch(accounts + path)
        assert (status, headers.get("Location")) == (303, "/console/login"), path
    for path in ["/console/partials/overview", "/console/stream"]:
        assert fetch(accounts + path)[0] == 401, path
    for path in POSTS:
        assert fetch(accounts + path, {"text": "x"})[0] == 401, path
    assert fetch(accounts + "/console/", cookie="made-up-session")[0] == 303


def test_roles_see_only_their_pages(accounts):
    editor = ConsoleUser(accounts, "redacteur", PASSWORD)
    agent = ConsoleUser(accounts, "agent1", PASSWORD)
    admin = ConsoleUser(accounts, "beheer", PASSWORD)
    assert editor.get("/console/")[0] == 303, "an editor starts at the knowledge base"
    assert editor.get("/console/tone")[0] == 200
    assert agent.get("/console/tone")[0] == 403
    assert agent.post("/console/tone/save", text="version: 1")[0] == 403
    assert agent.get("/console/audit")[0] == 403
    assert agent.get("/console/dashboard.csv")[0] == 403
    assert agent.get("/console/accounts")[0] == 403
    assert editor.post("/console/accounts/1/reset")[0] == 403
    for path in PAGES[:5]:
        assert admin.get(path)[0] == 200, path


def test_a_forged_csrf_token_is_refused(stack, agent):
    sender = f"csrf-{next(_ids)}"
    rest(stack, sender, "hallo")
    path = conversation_path(sender, "take")
    assert agent.post(path, csrf="forged")[0] == 403
    assert agent.post(path, csrf="")[0] == 403
    other = ConsoleUser(agent.base, "agent2", PASSWORD)
    assert agent.post(path, csrf=other.csrf)[0] == 403, "another session's token is no good"
    assert "overgenomen door" not in agent.get("/console/partials/overview")[1]


def test_login_attempts_are_limited(accounts):
    """Five failures for one name from one address (here every test request's address);
    tests/test_console_accounts.py shows a colleague elsewhere still logs in."""
    for _ in range(5):
        assert fetch(accounts + "/console/login",
                     {"username": "vergeetachtig", "password": "fout"})[0] == 401
    status, _, body = fetch(accounts + "/console/login",
                            {"username": "vergeetachtig", "password": PASSWORD})
    assert status == 429 and "Te veel" in body


def test_script_in_a_resident_message_is_shown_as_text(stack, agent):
    sender = f"xss-{next(_ids)}"
    rest(stack, sender, '<script>alert("x")</script><img src=x onerror=alert(1)>')
    for page in (agent.get(conversation_path(sender))[1], agent.get("/console/")[1]):
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert" in page


@pytest.mark.parametrize("message, reason", [
    ("Ik wil een medewerker spreken", "vroeg om een medewerker"),
    ("Ik heb een klacht over de behandeling van mijn melding", "klacht"),
    ("WAAROM WORDT MIJN CONTAINER NIET GELEEGD", "frustratie"),
])
def test_the_queue_shows_who_waits_for_a_person(stack, agent, message, reason):
    sender = f"queue-{next(_ids)}"
    rest(stack, sender, message)
    overview = agent.get("/console/partials/overview")[1]
    queue = overview.split("Actieve gesprekken")[0]
    assert sender in queue and reason in queue


def test_frustration_signals():
    assert is_frustrated("IK HEB AL DRIE KEER GEBELD")
    assert is_frustrated("ik heb al 3 keer gebeld")
    assert is_frustrated("wat een waardeloze... nee: belachelijk dit")
    assert not is_frustrated("Mijn container is niet geleegd")
    assert not is_frustrated("OK")


def test_whatsapp_takeover_reply_and_hand_back(stack, accounts, twilio_standin):
    resident = f"whatsapp:+3165555{next(_ids):04d}"
    url = f"{stack.url}/webhooks/whatsapp/webhook"

    def whatsapp(body: str) -> list:
        return whatsapp_says(stack, twilio_standin, resident, body)

    assert "collega" in " ".join(whatsapp("Ik wil graag een mens spreken"))
    agent, other = ConsoleUser(accounts, "agent1", PASSWORD), ConsoleUser(accounts, "agent2",
                                                                            PASSWORD)
    assert resident in agent.get("/console/")[1]
    assert agent.post(conversation_path(resident, "take"))[0] == 303
    assert other.post(conversation_path(resident, "take"))[0] == 409
    assert other.post(conversation_path(resident, "reply"), text="Ik ook")[0] == 409
    silent_from = len(twilio_standin.bodies_to(resident))
    assert twilio_post(url, twilio_params(resident, "Hallo? Is daar iemand?"))[0] == 200
    assert agent.post(conversation_path(resident, "reply"),
                      text="Goedemiddag, ik help u **verder**.")[0] == 303
    reply = wait_for(lambda: [b for b in twilio_standin.bodies_to(resident) if "^AB" in b])
    assert reply == ["Goedemiddag, ik help u *verder*. ^AB"], "WhatsApp tone and signature"

    def page_with_the_message() -> str:
        html = agent.get(conversation_path(resident))[1]
        return html if "Hallo? Is daar iemand?" in html else ""

    page = wait_for(page_with_the_message)
    assert "Medewerker AB" in page
    assert twilio_standin.bodies_to(resident)[silent_from:] == reply, \
        "the bot is silent after a takeover"
    assert agent.post(conversation_path(resident, "notes"), text="Bewoner belt morgen")[0] == 303
    assert "Bewoner belt morgen" in agent.get(conversation_path(resident))[1]
    assert resident not in agent.get("/console/partials/overview")[1].split("Actieve")[0]
    assert agent.post(conversation_path(resident, "handback"))[0] == 303
    assert whatsapp("Wanneer is het gemeentehuis open?"), "the bot answers again"
    admin = ConsoleUser(accounts, "beheer", PASSWORD)
    log = admin.get("/console/audit")[1]
    for action in ("opened", "took_over", "replied", "handed_back"):
        assert action in log


def test_staff_reply_reaches_the_web_chat(stack, agent):
    sender = f"webchat-staff-{next(_ids):04d}"
    post_json(f"{stack.url}/webhooks/webchat/webhook",
              {"sender": sender, "message": "mag ik een medewerker"})
    start = time.time() - 1
    assert agent.post(conversation_path(sender, "take"))[0] == 303
    assert agent.post(conversation_path(sender, "reply"), text="Ik kijk met u mee.")[0] == 303
    with urllib.request.urlopen(f"{stack.url}/webhooks/webchat/updates?sender={sender}"
                                f"&after={start}", timeout=10) as answer:
        updates = json.load(answer)
    assert [u["text"] for u in updates] == ["Ik kijk met u mee. ^AB"]
    agent.post(conversation_path(sender, "handback"))


def test_tone_editor_validates_previews_saves_and_undoes(accounts):
    editor = ConsoleUser(accounts, "redacteur", PASSWORD)
    original = (ROOT / "tone_of_voice.yml").read_text(encoding="utf-8")
    broken = original.replace("max_length: 459", "max_length: lang")
    status, page = editor.post("/console/tone/save", text=broken, comment="kapot")
    assert status == 400 and "media.sms.max_length" in page and "line" in page
    status, preview = editor.post("/console/tone/preview", text=original,
                                  response="utter_ask_report_updates")
    rendered = json.loads(preview)
    assert "Antwoord 1 of 2." in rendered["sms"][0]["text"]
    assert rendered["telegram"][0]["buttons"]
    shorter = original.replace('greeting: "Hallo!"\n    sign_off: ""',
                               'greeting: "Goedendag!"\n    sign_off: ""')
    assert editor.post("/console/tone/save", text=shorter, comment="andere groet")[0] == 303
    page = editor.get("/console/tone")[1]
    assert "Goedendag!" in page and "andere groet" in page
    first_version = int(page.split("Versie ")[-1].split(" ")[0])
    assert editor.post(f"/console/tone/revert/{first_version}")[0] == 303
    assert "Goedendag!" not in editor.get("/console/tone")[1]


def test_dashboard_and_csv_export(stack, accounts):
    admin = ConsoleUser(accounts, "beheer", PASSWORD)
    rest(stack, f"dash-{next(_ids)}", "lantaarnpaal kapot")
    status, page = admin.get("/console/dashboard")
    assert status == 200 and "Gesprekken per kanaal" in page and "<svg" in page
    status, csv_text = admin.get("/console/dashboard.csv")
    rows = [line.split(",") for line in csv_text.strip().splitlines()]
    assert rows[0] == ["metric", "key", "value"]
    metrics = {row[0] for row in rows[1:]}
    assert {"conversations", "handover_rate", "bot_only_share", "fallback_rate",
            "median_wait_seconds", "conversations_per_channel", "top_intent"} <= metrics
    assert int(next(r[2] for r in rows if r[0] == "conversations")) >= 1
    assert "exported" in admin.get("/console/audit")[1]


def test_dashboard_files_a_conversation_under_the_hour_it_started(tmp_path):
    from sqlalchemy import create_engine, text

    from bot.reports.db import migrate
    from console.dashboard import build

    tracker_url, reports_url = f"sqlite:///{tmp_path / 't.db'}", f"sqlite:///{tmp_path / 'r.db'}"
    migrate(reports_url)
    day = (dt.datetime.now() - dt.timedelta(days=1)).replace(minute=10, second=0)
    start, later = day.replace(hour=9), day.replace(hour=11)
    with create_engine(tracker_url).begin() as connection:
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, "
                                "type_name TEXT, timestamp REAL, intent_name TEXT, "
                                "action_name TEXT, data TEXT)"))
        for moment, words in ((start, "hallo"), (later, "nog een vraag")):
            connection.execute(text(
                "INSERT INTO events (sender_id, type_name, timestamp, intent_name, data) "
                "VALUES ('d1', 'user', :at, 'greeting', :data)"),
                {"at": moment.timestamp(),
                 "data": json.dumps({"text": words, "input_channel": "webchat"})})
    board = build(tracker_url, url=reports_url)
    assert board.week_grid == {("webchat", start.weekday(), 9): 1}
