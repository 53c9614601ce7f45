"""Signalen answering 400, 429, 500, losing an answer after creating, or down for an hour.

What must hold: no report is lost, none is created twice, every refusal is a dead letter
with Signalen's reason, and the worker keeps running.
"""
from __future__ import annotations

import datetime as dt
from typing import List

import pytest

from bot.integrations.signalen import SignalenClient
from bot.reports import db as reports_db
from bot.reports import outbox
from bot.reports.dead_letters import NotADeadLetter, dead_letters, link, resend
from bot.reports.models import OutboxItem, Report
from bot.reports.outbox import deliver_due
from bot.reports.service import NewReport, file_report
from tests.standins.signalen import SignalenStandIn

TOKEN = "service-account"


@pytest.fixture
def db_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'reports.db'}"
    reports_db.migrate(url)
    return url


@pytest.fixture
def signalen():
    standin = SignalenStandIn(token=TOKEN).start()
    yield standin
    standin.stop()


@pytest.fixture(autouse=True)
def told(monkeypatch) -> List[tuple]:
    """What the bot would tell residents (instead of calling a Rasa server)."""
    messages: List[tuple] = []
    monkeypatch.setattr(outbox, "_tell_resident",
                        lambda report: messages.append((report.case_number, report.status)))
    return messages


def report(db_url, text: str, **changes) -> Report:
    fields = dict(category="report_street_lighting", description=text,
                  location_text="Kerkstraat 7", street="Kerkstraat", house_number="7",
                  latitude=52.0921, longitude=5.1188, channel="webchat",
                  sender_id=f"web-{text}", wants_updates=True, contact_email="a@example.nl")
    fields.update(changes)
    return file_report(NewReport(**fields), url=db_url, forward=True)[0]


def at(minutes: float) -> dt.datetime:
    return dt.datetime.utcnow() + dt.timedelta(minutes=minutes)


def copies(signalen: SignalenStandIn, case_number: str) -> int:
    return sum(case_number in body["text"] for body in signalen.signals.values())


def stored(db_url) -> List[Report]:
    with reports_db.session(db_url) as db:
        return db.query(Report).order_by(Report.id).all()


def assert_nothing_lost_or_doubled(db_url, signalen):
    dead = {letter.report_id for letter in dead_letters(url=db_url)}
    for filed in stored(db_url):
        assert copies(signalen, filed.case_number) <= 1, f"{filed.case_number} created twice"
        arrived = filed.signalen_id in signalen.signals
        assert arrived or filed.id in dead or _pending(db_url, filed.id), filed.case_number


def _pending(db_url, report_id: int) -> bool:
    with reports_db.session(db_url) as db:
        return db.query(OutboxItem).filter_by(report_id=report_id, delivered_at=None,
                                              dead_at=None).count() == 1


def test_a_refusal_is_a_dead_letter_with_signalens_reason_and_can_be_resent(db_url, signalen,
                                                                             told):
    client = SignalenClient(signalen.url)
    swapped = report(db_url, "paal-1", latitude=5.1188, longitude=52.0921)  # lat/lon mixed up
    good = report(db_url, "paal-2")
    assert deliver_due(client, url=db_url) == 1
    [letter] = dead_letters(url=db_url)
    assert (letter.report_id, letter.uncertain) == (swapped.id, False)
    assert "bounding box" in letter.reason
    assert deliver_due(client, url=db_url, now=at(24 * 60)) == 1, "only the resident's message"
    assert told == [(swapped.case_number, "handmatig")]
    assert signalen.requests == 3, "categories once, two creates: a refusal is not retried"
    with reports_db.session(db_url) as db:
        assert db.get(Report, swapped.id).status == "handmatig", "the resident hears a person looks"
        kinds = [i.kind for i in db.query(OutboxItem).filter_by(report_id=swapped.id)]
        assert kinds == ["signalen_create", "resident_update"]

    with pytest.raises(ValueError):
        resend(swapped.id, {"sender_id": "someone-else"}, url=db_url)
    resend(swapped.id, {"latitude": 52.0921, "longitude": 5.1188}, url=db_url)
    assert dead_letters(url=db_url) == []
    assert deliver_due(client, url=db_url) == 1
    assert copies(signalen, swapped.case_number) == copies(signalen, good.case_number) == 1
    with pytest.raises(NotADeadLetter):
        resend(good.id, url=db_url)


def test_throttling_honours_retry_after_and_holds_the_other_reports(db_url, signalen):
    signalen.throttle_rate = (2, 3600.0)
    client = SignalenClient(signalen.url)
    filed = [report(db_url, f"lamp-{n}") for n in range(5)]
    assert deliver_due(client, url=db_url) == 2
    creates = len(signalen.signals)
    assert creates == 2 and signalen.requests == 1 + 3, "after the 429 nothing more is posted"
    with reports_db.session(db_url) as db:
        waiting = db.query(OutboxItem).filter(OutboxItem.delivered_at.is_(None)).all()
        throttled = [i for i in waiting if i.attempts == 1]
        assert len(throttled) == 1 and "throttled" in throttled[0].last_error
        wait = (throttled[0].next_attempt_at - dt.datetime.utcnow()).total_seconds()
        assert 3500 < wait <= 3601, "Retry-After, not the 30 s backoff"
    signalen.throttle_rate = (100, 3600.0)
    assert deliver_due(client, url=db_url, now=at(30)) == 2, "the held reports go on"
    assert deliver_due(client, url=db_url, now=at(61)) == 1, "the throttled one after its wait"
    assert all(copies(signalen, r.case_number) == 1 for r in filed)


def test_server_errors_are_retried_until_signalen_is_back(db_url, signalen):
    client = SignalenClient(signalen.url)
    filed = report(db_url, "lamp-500")
    signalen.fail_with = 500
    for minutes in (0, 1, 3, 10):
        assert deliver_due(client, url=db_url, now=at(minutes)) == 0
    signalen.fail_with = None
    assert deliver_due(client, url=db_url, now=at(120)) == 1
    assert copies(signalen, filed.case_number) == 1 and dead_letters(url=db_url) == []


def test_a_lost_answer_is_never_created_twice_without_a_service_account(db_url, signalen):
    client = SignalenClient(signalen.url, timeout=0.5)
    filed = report(db_url, "lamp-timeout")
    client.categories()
    signalen.answer_delay = 1.5  # Signalen stores the signal, the answer comes too late
    assert deliver_due(client, url=db_url) == 0
    signalen.answer_delay = 0
    for hours in (1, 2, 24):
        deliver_due(client, url=db_url, now=at(60 * hours))
    assert copies(signalen, filed.case_number) == 1
    [letter] = dead_letters(url=db_url)
    assert letter.uncertain and filed.case_number in letter.reason

    [signal_id] = signalen.signals  # staff found it in Signalen by the case number
    link(filed.id, signal_id, url=db_url)
    assert deliver_due(client, url=db_url) >= 1
    assert copies(signalen, filed.case_number) == 1
    assert stored(db_url)[0].signalen_id == signal_id


def test_a_lost_answer_is_found_with_the_service_account(db_url, signalen):
    client = SignalenClient(signalen.url, token=TOKEN)
    arrived, other = report(db_url, "lamp-found"), report(db_url, "lamp-other")
    signalen.lose_answers = 1  # stored, then the connection drops
    assert deliver_due(client, url=db_url, limit=1) == 0
    assert copies(signalen, arrived.case_number) == 1
    assert deliver_due(client, url=db_url, now=at(1)) == 2
    assert copies(signalen, arrived.case_number) == 1, "found, not created again"
    assert copies(signalen, other.case_number) == 1
    assert dead_letters(url=db_url) == []
    assert {r.signalen_id for r in stored(db_url)} == set(signalen.signals)


def test_an_hour_down_loses_nothing(db_url, signalen):
    down = SignalenClient("http://127.0.0.1:9", timeout=0.5)
    filed = [report(db_url, f"lamp-down-{n}") for n in range(3)]
    for minute in range(0, 61, 5):
        assert deliver_due(down, url=db_url, now=at(minute)) == 0
    with reports_db.session(db_url) as db:
        assert all(i.dead_at is None for i in db.query(OutboxItem))
    assert deliver_due(SignalenClient(signalen.url), url=db_url, now=at(125)) == 3
    assert [copies(signalen, r.case_number) for r in filed] == [1, 1, 1]
    assert_nothing_lost_or_doubled(db_url, signalen)


def test_all_faults_in_one_run_and_the_worker_keeps_running(db_url, signalen, monkeypatch):
    client = SignalenClient(signalen.url, timeout=0.5)
    report(db_url, "mix-refused", latitude=5.1, longitude=52.1)
    report(db_url, "mix-500")
    signalen.fail_with = 500
    deliver_due(client, url=db_url)
    signalen.fail_with = None
    deliver_due(client, url=db_url, now=at(5))
    report(db_url, "mix-timeout")
    signalen.answer_delay = 1.5
    deliver_due(client, url=db_url, now=at(10))
    signalen.answer_delay = 0
    for minutes in (20, 60, 180):
        deliver_due(client, url=db_url, now=at(minutes))
    assert_nothing_lost_or_doubled(db_url, signalen)
    assert {letter.description for letter in dead_letters(url=db_url)} == {
        "mix-refused", "mix-timeout"}

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(outbox, "deliver_due", broken)
    outbox._round()  # logged, not raised: the worker's loop goes on


def test_an_address_the_register_does_not_know_is_refused_and_kept(db_url):
    """Signalen checks addresses with PDOK; here the PDOK stand-in's register does."""
    from tests.standins.pdok import PdokStandIn

    pdok = PdokStandIn().start()
    signalen = SignalenStandIn(address_checker=pdok.address_exists).start()
    try:
        known = report(db_url, "adres-bekend", woonplaats="Lindendal")
        unknown = report(db_url, "adres-onbekend", woonplaats="Eikhoven")  # no Kerkstraat there
        assert deliver_due(SignalenClient(signalen.url), url=db_url) == 1
        [letter] = dead_letters(url=db_url)
        assert letter.report_id == unknown.id and "Niet-bestaand adres." in letter.reason
        assert copies(signalen, known.case_number) == 1
    finally:
        signalen.stop()
        pdok.stop()
