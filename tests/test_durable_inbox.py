"""The durable inbox of the Twilio connectors (issue 15, item 3): every WhatsApp and SMS
message is stored before Twilio gets its answer, the answer comes at once, and the
connector's worker processes the messages afterwards, one at a time per resident in the
order they came in. A crash between storing and processing loses nothing: a process
killed with SIGKILL at that moment leaves the message to the next one, which processes
it exactly once. In-process with the WhatsApp connector's routes on a temporary SQLite
file (no model, no running stack), plus two real server processes for the kill."""
from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any, Dict, List

import pytest
from sqlalchemy.exc import OperationalError

from bot.register import load_register
from bot.reports import db
from bot.reports.models import utcnow
from bot.reports.retention import delete_old_rows
from bot.settings import ROOT
from bot import channel_store as store
from channels import inbound, twilio_common
from channels.inbound import Inbox
from bot.channel_models import InboxMessage
from channels.sms import SmsInput
from channels.whatsapp import WhatsAppInput
from tests.channel_app import ChannelApp, use_database
from tests.channel_helpers import twilio_params, twilio_post, wait_for
from tests.conftest import TWILIO_SID, TWILIO_SMS_FROM, TWILIO_TOKEN
from tests.services import free_port

ANNA, BERT = "whatsapp:+31612345001", "whatsapp:+31612345002"
WEBHOOK = "/webhooks/whatsapp/webhook"


@pytest.fixture
def database(monkeypatch, tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'reports.db'}"
    use_database(monkeypatch, url)
    monkeypatch.setattr(twilio_common, "TWILIO_ACCOUNT_SID", TWILIO_SID)
    monkeypatch.setattr(twilio_common, "TWILIO_AUTH_TOKEN", TWILIO_TOKEN)
    monkeypatch.setattr(twilio_common, "TWILIO_PUBLIC_URL", "")
    monkeypatch.setattr(inbound, "POLL_INTERVAL", 0.2)
    monkeypatch.setattr(inbound, "FIRST_RETRY", 0.1)
    return url


def rows() -> List[InboxMessage]:
    with db.session() as session:
        return session.query(InboxMessage).order_by(InboxMessage.id).all()


def test_the_webhook_answers_before_a_slow_turn_and_the_message_is_stored_first(database):
    turns = []

    async def slow_turn(message) -> None:
        await asyncio.sleep(1.5)
        turns.append((message.text, message.metadata))
        message.output_channel.answered = True

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), slow_turn) as app:
            params = twilio_params(ANNA, "", NumMedia="1", MediaUrl0="https://media.example/1",
                                   MediaContentType0="image/jpeg", Latitude="52.09",
                                   Longitude="5.12", Address="Kerkstraat 12")
            started = time.monotonic()
            answer = await app.post_twilio(WEBHOOK, params)
            assert time.monotonic() - started < 0.5, "Twilio does not wait for the turn"
            assert answer.status_code == 200
            assert answer.text == twilio_common.EMPTY_TWIML
            [stored] = rows()
            assert stored.processed_at is None and stored.message_id == params["MessageSid"]
            assert await app.processed()

    asyncio.run(run())
    [(text, metadata)] = turns
    assert text == "/share_location"
    assert metadata["media"] == [{"url": "https://media.example/1",
                                  "content_type": "image/jpeg"}]
    assert metadata["location"] == {"latitude": 52.09, "longitude": 5.12,
                                    "address": "Kerkstraat 12"}
    assert metadata["message_id"].startswith("SM"), "the same metadata as before"
    [done] = rows()
    assert done.processed_at is not None and done.attempts == 1


def test_one_residents_messages_in_order_different_residents_side_by_side(database):
    seen: Dict[str, List[str]] = {ANNA: [], BERT: []}
    running: Dict[str, int] = {ANNA: 0, BERT: 0}
    overlap = []

    async def turn(message) -> None:
        running[message.sender_id] += 1
        assert running[message.sender_id] == 1, "one turn at a time per resident"
        overlap.append(sum(running.values()))
        await asyncio.sleep(random.uniform(0.01, 0.08))
        seen[message.sender_id].append(message.text)
        running[message.sender_id] -= 1
        message.output_channel.answered = True

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), turn) as app:
            for number in range(1, 7):
                for resident in (ANNA, BERT):
                    answer = await app.post_twilio(WEBHOOK, twilio_params(
                        resident, f"bericht {number}"))
                    assert answer.status_code == 200
            assert await app.processed()

    asyncio.run(run())
    expected = [f"bericht {number}" for number in range(1, 7)]
    assert seen == {ANNA: expected, BERT: expected}
    assert max(overlap) == 2, "Anna does not wait for Bert"


def test_a_repeated_message_sid_is_stored_and_processed_once(database):
    turns = []

    async def turn(message) -> None:
        turns.append(message.metadata["message_id"])
        message.output_channel.answered = True

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), turn) as app:
            params = twilio_params(ANNA, "Hoe laat is het gemeentehuis open?")
            for _ in range(3):
                answer = await app.post_twilio(WEBHOOK, params)
                assert answer.status_code == 200 and "<Response>" in answer.text
            assert await app.processed()
            assert (await app.post_twilio(WEBHOOK, params)).status_code == 200
            assert await app.processed()

    asyncio.run(run())
    assert len(rows()) == 1
    assert turns == [rows()[0].message_id]


def test_sms_goes_through_the_inbox_too(database):
    turns = []

    async def turn(message) -> None:
        turns.append((message.sender_id, message.text, message.input_channel))
        message.output_channel.answered = True

    async def run() -> None:
        async with ChannelApp(SmsInput(), turn) as app:
            answer = await app.post_twilio("/webhooks/sms/webhook", twilio_params(
                "+31612345003", "Wanneer is het gemeentehuis open?", to=TWILIO_SMS_FROM,
                WaId=""))
            assert answer.status_code == 200 and answer.text == twilio_common.EMPTY_TWIML

    asyncio.run(run())
    assert turns == [("+31612345003", "Wanneer is het gemeentehuis open?", "sms")]
    assert rows()[0].channel == "sms"


def test_a_failed_turn_is_tried_again_before_the_residents_next_message(database, caplog):
    attempts = []

    async def flaky_turn(message) -> None:
        attempts.append(message.text)
        if len(attempts) == 1:
            raise RuntimeError("tracker store down")
        message.output_channel.answered = True

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), flaky_turn) as app:
            for text in ("een", "twee"):
                answer = await app.post_twilio(WEBHOOK, twilio_params(ANNA, text))
                assert answer.status_code == 200, "stored: Twilio need not retry"
            assert await app.processed()

    asyncio.run(run())
    assert attempts == ["een", "een", "twee"]
    first, second = rows()
    assert (first.attempts, first.processed_at is not None, first.last_error) == (
        2, True, None)
    assert "tracker store down" in caplog.text


def test_a_turn_that_keeps_failing_is_given_up_and_the_next_message_goes_on(database,
                                                                           monkeypatch):
    monkeypatch.setattr(inbound, "MAX_ATTEMPTS", 2)
    attempts = []

    async def broken_for_een(message) -> None:
        attempts.append(message.text)
        if message.text == "een":
            raise RuntimeError("cannot")
        message.output_channel.answered = True

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), broken_for_een) as app:
            for text in ("een", "twee"):
                await app.post_twilio(WEBHOOK, twilio_params(ANNA, text))
            assert await app.processed()

    asyncio.run(run())
    assert attempts == ["een", "een", "twee"]
    assert "RuntimeError: cannot" in rows()[0].last_error


def test_when_the_message_cannot_be_stored_twilio_gets_a_500(database, monkeypatch):
    def database_away(*args: Any, **kwargs: Any) -> bool:
        raise OperationalError("INSERT", {}, Exception("database is away"))

    monkeypatch.setattr(store, "store_inbox", database_away)
    turns = []

    async def turn(message) -> None:
        turns.append(message.text)

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), turn) as app:
            answer = await app.post_twilio(WEBHOOK, twilio_params(ANNA, "hallo"))
            assert answer.status_code == 500, "Twilio's retry (rp=5xx) brings it again"

    asyncio.run(run())
    assert turns == []


def store_messages(count: int, residents: int) -> List[str]:
    sids = []
    for number in range(count):
        sid = f"SM{number:032x}"
        store.store_inbox("whatsapp", sid, f"whatsapp:+316123450{number % residents:02d}",
                          f"bericht {number}", {"message_id": sid})
        sids.append(sid)
    return sids


def test_two_workers_never_process_the_same_message(database):
    sids = store_messages(40, residents=5)
    done: List[Dict[str, str]] = []

    def worker_turn(name: str):
        async def turn(item: Dict[str, Any]) -> None:
            await asyncio.sleep(random.uniform(0.0, 0.03))
            done.append({"worker": name, "sid": item["message_id"],
                         "sender": item["sender"], "text": item["text"]})
        return turn

    async def run() -> None:
        first, second = Inbox("whatsapp", worker_turn("a")), Inbox("whatsapp", worker_turn("b"))
        first.wake()
        second.wake()
        assert await first.drain(timeout=30) and await second.drain(timeout=30)
        await first.stop()
        await second.stop()

    asyncio.run(run())
    assert sorted(d["sid"] for d in done) == sorted(sids), "each exactly once"
    for number in range(5):
        sender = f"whatsapp:+316123450{number:02d}"
        texts = [int(d["text"].split()[1]) for d in done if d["sender"] == sender]
        assert texts == sorted(texts), "in order per resident, whichever worker"


def test_concurrent_claims_never_hand_out_a_message_twice(database):
    store_messages(60, residents=60)  # 60 residents: every message is claimable at once
    claimed: List[List[int]] = []
    start = threading.Barrier(6)

    def claim(worker: str) -> None:
        start.wait()
        for _ in range(10):
            claimed.append([item["id"] for item in store.claim_inbox(
                "whatsapp", worker, 4, claim_timeout=60)])

    threads = [threading.Thread(target=claim, args=(f"w{n}",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ids = [item_id for batch in claimed for item_id in batch]
    assert len(ids) == len(set(ids)) == 60


def test_a_dead_workers_claim_is_taken_over_and_its_late_finish_does_not_count(database):
    [sid] = store_messages(1, residents=1)
    [item] = store.claim_inbox("whatsapp", "dead", 10, claim_timeout=60)
    assert store.claim_inbox("whatsapp", "alive", 10, claim_timeout=60) == [], \
        "a live claim is respected"
    later = utcnow() + dt.timedelta(seconds=61)
    [again] = store.claim_inbox("whatsapp", "alive", 10, claim_timeout=60, now=later)
    assert again["message_id"] == sid and again["attempts"] == 2
    assert not store.finish_inbox(item["id"], "dead"), "the dead worker lost its claim"
    assert store.finish_inbox(again["id"], "alive")
    assert store.claim_inbox("whatsapp", "other", 10, claim_timeout=0,
                             now=later + dt.timedelta(hours=1)) == []


def test_messages_are_deleted_after_7_days_processed_or_not(database):
    """The register's period holds for each message by its age: one still waiting after
    a week (the worker was down) is not answered any more either."""
    store_messages(3, residents=3)
    [first, *_] = store.claim_inbox("whatsapp", "w", 1, claim_timeout=60)
    store.finish_inbox(first["id"], "w")
    delete_old_rows(utcnow() + dt.timedelta(days=6), load_register(), database)
    assert len(rows()) == 3
    delete_old_rows(utcnow() + dt.timedelta(days=8), load_register(), database)
    assert rows() == []
    assert load_register().personal["channel_inbox.text"].retention_days == 7


# The crash: a real server process killed with SIGKILL between storing and processing ---

APP = '''
import json, os, sys
from types import SimpleNamespace

from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from sanic import Sanic

from channels.whatsapp import WhatsAppInput

port, log = int(sys.argv[1]), sys.argv[2]


async def on_new_message(message):
    with open(log, "a", encoding="utf-8") as out:
        out.write(json.dumps({"text": message.text, "pid": os.getpid(),
                              "sid": message.metadata["message_id"]}) + "\\n")
    message.output_channel.answered = True


app = Sanic("durable_inbox_test")
app.ctx.agent = SimpleNamespace(tracker_store=InMemoryTrackerStore(Domain.empty()))
app.blueprint(WhatsAppInput().blueprint(on_new_message), url_prefix="/webhooks/whatsapp")
app.run(host="127.0.0.1", port=port, access_log=False, workers=1)
'''


class Server:
    """The WhatsApp connector in a Sanic server process of its own."""

    def __init__(self, tmp_path: Path, db_url: str, log: Path, **env: str) -> None:
        script = tmp_path / "inbox_app.py"
        script.write_text(APP, encoding="utf-8")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/webhooks/whatsapp"
        self.output = open(tmp_path / f"server_{self.port}.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, str(script), str(self.port), str(log)], cwd=ROOT,
            stdout=self.output, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "GA_DATABASE_URL": db_url,
                 "TWILIO_ACCOUNT_SID": TWILIO_SID, "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
                 "TWILIO_PUBLIC_URL": "", "GA_INBOX_POLL_INTERVAL": "0.2", **env})
        wait_for(self.up, timeout=120)

    def up(self) -> bool:
        assert self.process.poll() is None, (Path(self.output.name).read_text())
        try:
            with urllib.request.urlopen(self.url + "/", timeout=2) as answer:
                return json.load(answer)["status"] == "ok"
        except OSError:
            return False

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.output.close()


def processed_lines(log: Path) -> List[Dict[str, Any]]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def test_a_process_killed_between_storing_and_processing_loses_nothing(tmp_path, monkeypatch):
    db_url = f"sqlite:///{tmp_path / 'reports.db'}"
    use_database(monkeypatch, db_url)
    log = tmp_path / "processed.jsonl"
    first = Server(tmp_path, db_url, log, GA_INBOX_TEST_HOLD="1",
                   GA_INBOX_CLAIM_TIMEOUT="3")
    try:
        sent = [twilio_params(ANNA, "Mijn container is niet geleegd"),
                twilio_params(ANNA, "Kerkstraat 12")]
        for params in sent:
            assert twilio_post(first.url + "/webhook", params, processed=False) == (
                200, twilio_common.EMPTY_TWIML), "answered at once, the turn still to come"
        claimed = wait_for(lambda: [row for row in rows() if row.claimed_by])
        assert [row.message_id for row in claimed] == [sent[0]["MessageSid"]], \
            "the worker took the first message; the second waits behind it"
    finally:
        first.kill()  # SIGKILL: no shutdown, no release of the claim
    assert processed_lines(log) == [] and all(row.processed_at is None for row in rows())

    second = Server(tmp_path, db_url, log, GA_INBOX_CLAIM_TIMEOUT="3")
    try:
        wait_for(lambda: len(processed_lines(log)) == 2, timeout=60)
        time.sleep(1.5)  # anything processed twice would show by now
        lines = processed_lines(log)
        assert [line["sid"] for line in lines] == [p["MessageSid"] for p in sent], \
            "each exactly once, in the order they came in"
        assert {line["pid"] for line in lines} == {second.process.pid}
        assert all(row.processed_at is not None for row in rows())
    finally:
        second.kill()


def test_a_database_down_while_noting_the_residents_message_does_not_stop_the_turn(
        monkeypatch, caplog):
    def away(*_: Any) -> None:
        raise OperationalError("INSERT", {}, Exception("database is away"))

    monkeypatch.setattr(store, "record_inbound", away)
    metadata: Dict[str, Any] = {}
    asyncio.run(inbound.resident_wrote("whatsapp", "whatsapp:+31612345678", metadata))
    assert metadata == {}, "nothing released, nothing claimed"
    assert "could not record the resident's message time" in caplog.text
