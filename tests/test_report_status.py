"""Status changes reach the resident who asked for updates, and only them."""
from __future__ import annotations

import json
import time
import urllib.request

import pytest

from bot.reports import db as reports_db
from bot.reports.models import OutboxItem, Report
from bot.reports.service import NewReport, file_report
from bot.reports.status import UnknownReport, change_status, status_from_signalen
from tests.conftest import WEBHOOK_SECRET, post_json


@pytest.fixture
def db_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'reports.db'}"
    reports_db.migrate(url)
    return url


def _file(db_url, wants_updates):
    new = NewReport(category="report_street_lighting", description="lamp kapot",
                    location_text="Kerkstraat 1", channel="whatsapp",
                    sender_id=f"whatsapp:+3161234567{int(wants_updates)}",
                    wants_updates=wants_updates)
    return file_report(new, url=db_url, forward=False)[0]


def test_update_is_queued_only_with_consent_and_only_on_a_change(db_url):
    wanted, anonymous = _file(db_url, True), _file(db_url, False)
    change_status(wanted.case_number, "in_behandeling", url=db_url)
    change_status(wanted.case_number, "in_behandeling", url=db_url)
    change_status(anonymous.case_number, "afgehandeld", url=db_url)
    with reports_db.session(db_url) as db:
        items = db.query(OutboxItem).all()
        assert [(i.kind, i.report_id) for i in items] == [("resident_update", wanted.id)]
        assert db.get(Report, anonymous.id).status == "afgehandeld"


def test_unknown_report_and_status_are_refused(db_url):
    with pytest.raises(UnknownReport):
        change_status("M-2026-999999", "afgehandeld", url=db_url)
    with pytest.raises(ValueError):
        change_status(_file(db_url, True).case_number, "weg", url=db_url)


@pytest.mark.parametrize("state, status", [("o", "afgehandeld"), ("b", "in_behandeling"),
                                           ("a", "geannuleerd"), ("x", None), (None, None)])
def test_signalen_states(state, status):
    assert status_from_signalen(state) == status


def _webchat(stack, sender, message):
    status, replies = post_json(f"{stack.url}/webhooks/webchat/webhook",
                                {"sender": sender, "message": message})
    assert status == 200
    return replies


def test_signalen_webhook_reaches_the_web_chat_resident(stack, reports_db_url, signalen_standin):
    sender = "web-status-update-1"
    start = time.time()
    _webchat(stack, sender, "de straatlamp brandt niet bij Kerkstraat 7")
    _webchat(stack, sender, "ja graag")
    _webchat(stack, sender, "inwoner@voorbeeld.nl")
    _webchat(stack, sender, "ja")
    with reports_db.session(reports_db_url) as db:
        report = db.query(Report).filter_by(sender_id=sender).one()
    assert report.signalen_id and report.channel == "webchat"

    hook = f"{stack.url}/webhooks/signalen_status/webhook"
    body = {"signal_id": report.signalen_id, "status": {"state": "o"}}
    request = urllib.request.Request(hook, data=json.dumps(body).encode(),
                                     headers={"X-Signalen-Secret": "wrong"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403
    request.headers["X-signalen-secret"] = WEBHOOK_SECRET
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert json.load(answer) == {"case_number": report.case_number, "status": "afgehandeld"}

    url = f"{stack.url}/webhooks/webchat/updates?sender={sender}&after={start}"
    for _ in range(60):
        with urllib.request.urlopen(url, timeout=10) as answer:
            updates = json.load(answer)
        if updates:
            break
        time.sleep(0.5)
    assert len(updates) == 1
    assert report.case_number in updates[0]["text"] and "opgelost" in updates[0]["text"]


def test_status_webhook_refuses_bad_bodies(stack):
    hook = f"{stack.url}/webhooks/signalen_status/webhook"
    for raw, code in [(b"{", 400), (b'{"signal_id": "nope", "status": {"state": "o"}}', 404),
                      (b'{"signal_id": "x", "status": {"state": "zz"}}', 422)]:
        request = urllib.request.Request(hook, data=raw,
                                         headers={"X-Signalen-Secret": WEBHOOK_SECRET})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == code
