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
from tests.conftest import SIGNALEN_SERVICE_TOKEN as TOKEN
from tests.standins.signalen import SignalenStandIn

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
    """After the last round: every report arrived exactly once, or waits for staff as a
    dead letter (then at most the one copy a lost answer made)."""
    dead = {letter.report_id for letter in dead_letters(url=db_url)}
    for filed in stored(db_url):
        count = copies(signalen, filed.case_number)
        if filed.id in dead:
            assert count <= 1, f"{filed.case_number} created twice"
        else:
            assert filed.signalen_id in signalen.signals, f"{filed.case_number} lost"
            assert count == 1, f"{filed.case_number} created {count} times"


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


def test_an_address_the_register_did_not_confirm_is_sent_as_a_point_only(db_url):
    """Signalen checks addresses with PDOK (here the PDOK stand-in's register): an address
    the register did not confirm at filing goes as the point only, and is not refused."""
    from tests.standins.pdok import PdokStandIn

    pdok = PdokStandIn().start()
    signalen = SignalenStandIn(address_checker=pdok.address_exists).start()
    try:
        known = report(db_url, "adres-bekend", woonplaats="Lindendal", address_confirmed=True)
        unknown = report(db_url, "adres-onbekend", woonplaats="Eikhoven")  # no Kerkstraat there
        assert deliver_due(SignalenClient(signalen.url), url=db_url) == 2
        assert dead_letters(url=db_url) == []
        bodies = {r.case_number: signalen.signals[r.signalen_id] for r in stored(db_url)}
        assert bodies[known.case_number]["location"]["address"]["openbare_ruimte"] == "Kerkstraat"
        assert "address" not in bodies[unknown.case_number]["location"]
        assert "Kerkstraat 7" in bodies[unknown.case_number]["text"]
    finally:
        signalen.stop()
        pdok.stop()


def test_a_gateway_timeout_on_reading_categories_is_not_an_uncertain_create(db_url, signalen):
    """Finding 1: a 504 on a GET sent nothing; only a POST's 504 may have created a signal."""
    client = SignalenClient(signalen.url)  # no service account: uncertain = dead letter
    filed = report(db_url, "lamp-504-get")
    signalen.fail_with = 504  # the categories GET comes first and answers 504
    assert deliver_due(client, url=db_url) == 0
    with reports_db.session(db_url) as db:
        assert db.query(OutboxItem).one().uncertain_at is None
    signalen.fail_with = None
    assert deliver_due(client, url=db_url, now=at(5)) == 1
    assert dead_letters(url=db_url) == [] and copies(signalen, filed.case_number) == 1


def test_a_post_answered_504_is_uncertain_a_get_is_not():
    """Finding 1: the method of the request decides, not only the status."""
    import requests

    from bot.integrations.signalen import SignalenUnavailable, _answer

    for method, uncertain in (("GET", False), ("POST", True)):
        response = requests.Response()
        response.status_code = 504
        response.request = requests.Request(method, "http://signalen.test/").prepare()
        with pytest.raises(SignalenUnavailable) as raised:
            _answer(response)
        assert raised.value.uncertain is uncertain, method


def test_the_signal_id_survives_a_crash_after_the_create(db_url, signalen, monkeypatch):
    """Finding 2: an error that is no DeliveryError after the create loses no signal id."""
    client = SignalenClient(signalen.url)
    filed = report(db_url, "lamp-photo-crash", photo_url=f"{signalen.url}/media/photo.jpg")

    def crash(url):
        raise RuntimeError("not a DeliveryError")

    monkeypatch.setattr(outbox, "fetch_media", crash)
    with pytest.raises(RuntimeError):
        deliver_due(client, url=db_url)
    assert stored(db_url)[0].signalen_id in signalen.signals
    monkeypatch.undo()
    monkeypatch.setattr(outbox, "_tell_resident", lambda report: None)
    assert deliver_due(client, url=db_url, now=at(5)) == 1
    assert copies(signalen, filed.case_number) == 1
    assert len(signalen.attachments[stored(db_url)[0].signalen_id]) == 1


@pytest.mark.parametrize("error", ["ReadTimeoutError", "ProtocolError"])
def test_urllib3_errors_reading_a_photo_are_retried(monkeypatch, error):
    """Finding 2: urllib3's errors while reading the body are a retryable DeliveryError."""
    from urllib3 import exceptions

    from bot.integrations import DeliveryError, media

    raised = (exceptions.ReadTimeoutError(None, "/photo.jpg", "read timed out")
              if error == "ReadTimeoutError" else exceptions.ProtocolError("connection broken"))

    class Raw:
        def read(self, *args, **kwargs):
            raise raised

    class Answer:
        raw, headers = Raw(), {"Content-Type": "image/jpeg"}

        def raise_for_status(self) -> None:
            return None

    monkeypatch.setattr(media.requests, "get", lambda *args, **kwargs: Answer())
    with pytest.raises(DeliveryError) as caught:
        media.fetch_media("https://media.example/photo.jpg")
    assert caught.value.retry


def test_a_resent_dead_letter_is_gemeld_again_without_a_message(db_url, signalen, told):
    """Finding 8: after staff's resend arrives the status leaves "handmatig", silently."""
    client = SignalenClient(signalen.url)
    swapped = report(db_url, "paal-terug", latitude=5.1188, longitude=52.0921)
    deliver_due(client, url=db_url)
    deliver_due(client, url=db_url, now=at(1))  # the resident hears "handmatig"
    resend(swapped.id, {"latitude": 52.0921, "longitude": 5.1188}, url=db_url)
    assert deliver_due(client, url=db_url, now=at(2)) == 1
    assert stored(db_url)[0].status == "gemeld"
    assert deliver_due(client, url=db_url, now=at(3)) == 0, "no update queued"
    assert told == [(swapped.case_number, "handmatig")]


def test_a_linked_dead_letter_is_gemeld_again(db_url, signalen):
    """Finding 8: the same after staff link the signal they found."""
    client = SignalenClient(signalen.url, timeout=0.5)
    filed = report(db_url, "lamp-gekoppeld")
    client.categories()
    signalen.answer_delay = 1.5
    deliver_due(client, url=db_url)
    signalen.answer_delay = 0
    deliver_due(client, url=db_url, now=at(60))
    assert stored(db_url)[0].status == "handmatig"
    [signal_id] = signalen.signals
    link(filed.id, signal_id, url=db_url)
    deliver_due(client, url=db_url, now=at(61))
    assert stored(db_url)[0].status == "gemeld"


def test_a_photo_refused_because_the_signal_moved_on_is_recorded(db_url, signalen, monkeypatch):
    """Finding 8: the refusal is on the report, not only in a log line."""
    client = SignalenClient(signalen.url)
    report(db_url, "lamp-foto-laat", photo_url=f"{signalen.url}/media/photo.jpg")
    fetch = outbox.fetch_media

    def unreachable(url):
        raise outbox.DeliveryError("photo could not be fetched: ReadTimeoutError", retry=True)

    monkeypatch.setattr(outbox, "fetch_media", unreachable)
    assert deliver_due(client, url=db_url) == 0  # created; the photo waits
    signalen.set_state(stored(db_url)[0].signalen_id, "b")  # staff took it up meanwhile
    monkeypatch.setattr(outbox, "fetch_media", fetch)
    assert deliver_due(client, url=db_url, now=at(5)) == 1
    filed = stored(db_url)[0]
    assert "Public uploads not allowed" in filed.photo_error
    assert len(signalen.signals) == 1


def test_a_resident_update_rasa_refuses_is_not_retried(db_url, monkeypatch):
    """Finding 8: a 4xx other than 429 from Rasa is permanent."""
    from bot.reports.status import change_status

    monkeypatch.undo()  # the real _tell_resident, against a Rasa that answers 404
    filed = report(db_url, "lamp-rasa-404")
    change_status(filed.case_number, "in_behandeling", url=db_url)

    class Answer:
        status_code = 404

    monkeypatch.setattr(outbox.requests, "post", lambda *args, **kwargs: Answer())
    with reports_db.session(db_url) as db:
        item_id = db.query(OutboxItem).filter_by(kind="resident_update").one().id
    deliver_due(None, url=db_url, item_ids=[item_id])
    with reports_db.session(db_url) as db:
        assert db.get(OutboxItem, item_id).next_attempt_at == outbox.NEVER


def test_nothing_lost_fails_for_a_report_still_queued(db_url, signalen):
    """Finding 12: a report neither arrived nor a dead letter is lost for the check."""
    report(db_url, "lamp-nooit-verstuurd")
    with pytest.raises(AssertionError, match="lost"):
        assert_nothing_lost_or_doubled(db_url, signalen)
