"""Status changes polled from Signalen reach the resident who asked for updates, only them."""
from __future__ import annotations

import datetime as dt
import json
import time
import urllib.request

import pytest

from channels.webchat import conversation_id
from bot.integrations.signalen import SignalenClient
from bot.reports import db as reports_db
from bot.reports.models import OutboxItem, Report
from bot.reports.outbox import deliver_due
from bot.reports.service import NewReport, file_report
from bot.reports.status import UnknownReport, change_status, status_from_signalen
from bot.reports.status_poll import poll_statuses
from tests.conftest import post_json
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


def _file(db_url, wants_updates, forward=False, sender=None):
    new = NewReport(category="report_street_lighting", description="lamp kapot",
                    location_text="Kerkstraat 1", channel="whatsapp",
                    sender_id=sender or f"whatsapp:+3161234567{int(wants_updates)}",
                    wants_updates=wants_updates)
    return file_report(new, url=db_url, forward=forward)[0]


def _updates(db_url):
    with reports_db.session(db_url) as db:
        return [(i.kind, i.report_id) for i in db.query(OutboxItem).filter_by(
            kind="resident_update")]


def _stored(db_url, report_id):
    with reports_db.session(db_url) as db:
        return db.get(Report, report_id)


def later(seconds: float) -> dt.datetime:
    return dt.datetime.utcnow() + dt.timedelta(seconds=seconds)


def test_update_is_queued_only_with_consent_and_only_on_a_change(db_url):
    wanted, anonymous = _file(db_url, True), _file(db_url, False)
    change_status(wanted.case_number, "in_behandeling", url=db_url)
    change_status(wanted.case_number, "in_behandeling", url=db_url)
    change_status(anonymous.case_number, "afgehandeld", url=db_url)
    assert _updates(db_url) == [("resident_update", wanted.id)]
    assert _stored(db_url, anonymous.id).status == "afgehandeld"


def test_unknown_report_and_status_are_refused(db_url):
    with pytest.raises(UnknownReport):
        change_status("M-2026-999999", "afgehandeld", url=db_url)
    with pytest.raises(ValueError):
        change_status(_file(db_url, True).case_number, "weg", url=db_url)


@pytest.mark.parametrize("state, status", [
    ("o", "afgehandeld"), ("b", "in_behandeling"), ("a", "geannuleerd"),
    ("reaction requested", "reactie_gevraagd"), ("forward to external", "in_behandeling"),
    ("i", None), ("send failed", None), ("CLOSED", "gesloten"), ("OPEN", None),
    ("x", None), (None, None)])
def test_signalen_states(state, status):
    assert status_from_signalen(state) == status


def test_public_polling_tells_the_resident_when_the_signal_closes(db_url, signalen):
    client = SignalenClient(signalen.url)
    wanted = _file(db_url, True, forward=True)
    anonymous = _file(db_url, False, forward=True)
    assert deliver_due(client, url=db_url) == 2
    signal_id = _stored(db_url, wanted.id).signalen_id

    assert poll_statuses(client, url=db_url, interval=60) == 0
    assert _stored(db_url, wanted.id).signalen_state == "OPEN"
    signalen.set_state(signal_id, "b")
    assert poll_statuses(client, url=db_url, now=later(30), interval=60) == 0, "not due yet"
    signalen.set_state(signal_id, "o")
    signalen.set_state(_stored(db_url, anonymous.id).signalen_id, "a")
    assert poll_statuses(client, url=db_url, now=later(120), interval=60) == 2
    assert _stored(db_url, wanted.id).status == "gesloten"
    assert _stored(db_url, anonymous.id).status == "gesloten"
    assert _updates(db_url) == [("resident_update", wanted.id)], "only who asked hears it"
    requests_before = signalen.requests
    assert poll_statuses(client, url=db_url, now=later(600), interval=60) == 0
    assert signalen.requests == requests_before, "a closed report is not polled any more"


def test_service_account_polling_sees_every_state(db_url, signalen):
    client = SignalenClient(signalen.url, token=TOKEN)
    wanted = _file(db_url, True, forward=True)
    deliver_due(client, url=db_url)
    signal_id = _stored(db_url, wanted.id).signalen_id
    steps = [("i", None, "gemeld"), ("b", "in_behandeling", "in_behandeling"),
             ("ready to send", None, "in_behandeling"), ("send failed", None, "in_behandeling"),
             ("m", None, "in_behandeling"), ("ingepland", "ingepland", "ingepland"),
             ("reaction requested", "reactie_gevraagd", "reactie_gevraagd"),
             ("reaction received", None, "reactie_gevraagd"), ("o", "afgehandeld", "afgehandeld")]
    for minute, (state, told, status) in enumerate(steps, start=1):
        signalen.set_state(signal_id, state)
        poll_statuses(client, url=db_url, now=later(10 * minute), interval=5)
        report = _stored(db_url, wanted.id)
        assert (report.signalen_state, report.status) == (state, status)
    told = [status for _, status, _ in steps if status]
    assert len(_updates(db_url)) == len(told)


def test_a_failing_poll_changes_nothing_and_does_not_raise(db_url, signalen):
    client = SignalenClient(signalen.url)
    report = _file(db_url, True, forward=True)
    deliver_due(client, url=db_url)
    signalen.fail_with = 503
    assert poll_statuses(client, url=db_url) == 0
    assert _stored(db_url, report.id).status_checked_at is None


def _webchat(stack, sender, message):
    status, replies = post_json(f"{stack.url}/webhooks/webchat/webhook",
                                {"sender": sender, "message": message})
    assert status == 200
    return replies


@pytest.mark.stack
def test_a_polled_status_change_reaches_the_web_chat_resident(stack, reports_db_url,
                                                              signalen_standin):
    sender = "web-status-update-1"
    start = time.time()
    _webchat(stack, sender, "de straatlamp brandt niet bij Kerkstraat 7")
    _webchat(stack, sender, "ja graag")
    _webchat(stack, sender, "inwoner@voorbeeld.nl")
    _webchat(stack, sender, "ja")
    report = None
    for _ in range(60):
        with reports_db.session(reports_db_url) as db:
            report = db.query(Report).filter_by(sender_id=conversation_id(sender)).one()
        if report.signalen_id:
            break
        time.sleep(0.5)
    assert report.signalen_id and report.channel == "webchat"

    signalen_standin.set_state(report.signalen_id, "o")
    url = f"{stack.url}/webhooks/webchat/updates?sender={sender}&after={start}"
    updates = []
    for _ in range(60):
        with urllib.request.urlopen(url, timeout=10) as answer:
            updates = json.load(answer)
        if updates:
            break
        time.sleep(0.5)
    assert len(updates) == 1
    assert report.case_number in updates[0]["text"] and "afgesloten" in updates[0]["text"]
