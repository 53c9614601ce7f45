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
from tests.conftest import SIGNALEN_SERVICE_TOKEN as TOKEN

def _file(db_url, wants_updates, forward=False, sender=None, email=None):
    new = NewReport(category="report_street_lighting", description="lamp kapot",
                    location_text="Kerkstraat 1", channel="whatsapp",
                    sender_id=sender or f"whatsapp:+3161234567{int(wants_updates)}",
                    wants_updates=wants_updates, contact_email=email)
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
    # Signalen asks a reaction only of a reporter with an e-mail address.
    wanted = _file(db_url, True, forward=True, email="inwoner@voorbeeld.nl")
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


def _set(db_url, report_id, **values):
    with reports_db.session(db_url) as db:
        report = db.get(Report, report_id)
        for name, value in values.items():
            setattr(report, name, value)


def test_one_signal_signalen_does_not_know_does_not_stop_the_public_poll(db_url, signalen):
    """Finding 3: a 404 for one signal; the others' states are still read and stored."""
    client = SignalenClient(signalen.url)
    gone, wanted = _file(db_url, True, forward=True), _file(db_url, False, forward=True)
    deliver_due(client, url=db_url)
    _set(db_url, gone.id, signalen_id="00000000-0000-0000-0000-000000000000")
    signalen.set_state(_stored(db_url, wanted.id).signalen_id, "o")
    assert poll_statuses(client, url=db_url, interval=60) == 1
    assert _stored(db_url, wanted.id).status == "gesloten"
    assert _stored(db_url, gone.id).status_checked_at is not None, "not first in line again"


def test_the_private_poll_reads_a_day_back_on_first_use_then_from_its_watermark(db_url, signalen,
                                                                               monkeypatch):
    """Finding 6: a report filed months ago does not make the first poll page months back."""
    client = SignalenClient(signalen.url, token=TOKEN)
    old = _file(db_url, True, forward=True)
    deliver_due(client, url=db_url)
    _set(db_url, old.id, created_at=dt.datetime.utcnow() - dt.timedelta(days=120))
    asked = []
    monkeypatch.setattr(client, "changed_since", lambda since: asked.append(since) or {})
    first = dt.datetime.utcnow()
    poll_statuses(client, url=db_url, now=first, interval=60)
    assert first - asked[0] <= dt.timedelta(days=1)
    poll_statuses(client, url=db_url, now=first + dt.timedelta(seconds=120), interval=60)
    assert asked[1] == first - dt.timedelta(minutes=5), "from the last poll, less the overlap"


def test_the_private_poll_sees_a_reopened_final_report_when_nothing_is_due(db_url, signalen):
    """Finding 6: with no report due the private list is still read (every interval)."""
    client = SignalenClient(signalen.url, token=TOKEN)
    done = _file(db_url, True, forward=True)
    deliver_due(client, url=db_url)
    signal_id = _stored(db_url, done.id).signalen_id
    signalen.set_state(signal_id, "o")
    poll_statuses(client, url=db_url, now=later(10), interval=5)
    assert _stored(db_url, done.id).status == "afgehandeld"
    signalen.set_state(signal_id, "reopened")
    assert poll_statuses(client, url=db_url, now=later(20), interval=5) == 1
    assert _stored(db_url, done.id).status == "heropend"


def test_web_chat_reports_filed_before_the_namespace_get_the_prefix(tmp_path):
    """Finding 7: migration 0007 moves old web chat ids into the `webchat-` namespace."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    url = f"sqlite:///{tmp_path / 'old.db'}"
    config = Config()
    config.set_main_option("script_location", str(reports_db.MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    with reports_db.engine(url).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0006")
    rows = [("M-2026-000001", "webchat", "web-abc12345"), ("M-2026-000002", "webchat",
                                                           "webchat-web-def67890"),
            ("M-2026-000003", "whatsapp", "whatsapp:+31612345678")]
    with reports_db.engine(url).begin() as connection:
        for number, (case, channel, sender) in enumerate(rows, start=1):
            connection.execute(text(
                "INSERT INTO reports (id, case_number, idempotency_key, category, description, "
                "location_text, channel, sender_id, wants_updates, priority, status, "
                "created_at, updated_at) VALUES (:id, :case, :key, 'c', 'd', 'l', :channel, "
                ":sender, 1, 'normal', 'gemeld', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"),
                {"id": number, "case": case, "key": f"k{number}", "channel": channel,
                 "sender": sender})
        connection.execute(text(
            "INSERT INTO outbox (kind, channel, recipient, attempts, next_attempt_at, "
            "created_at) VALUES ('channel_message', 'webchat', 'web-abc12345', 0, "
            "'2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
    reports_db.migrate(url)
    with reports_db.session(url) as db:
        senders = [r.sender_id for r in db.query(Report).order_by(Report.id)]
        recipient = db.query(OutboxItem).one().recipient
    assert senders == ["webchat-web-abc12345", "webchat-web-def67890", "whatsapp:+31612345678"]
    assert recipient == "webchat-web-abc12345"
    assert conversation_id("web-abc12345") == senders[0]
