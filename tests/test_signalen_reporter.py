"""A contact for updates added after filing (bot.reports.service.add_contact): kept on the
report, carried by a create still waiting, or passed to Signalen as a new reporter through
the outbox (bot/reports/reporter.py), as upstream's reporters endpoint takes it."""
from __future__ import annotations

import logging
import threading
import time
from types import SimpleNamespace

import pytest

from bot.integrations import DeliveryError
from bot.integrations.signalen import REPORTER_APPROVED, REPORTER_VERIFYING, SignalenClient
from bot.reports import db as reports_db
from bot.reports import reporter
from bot.reports.models import NEVER, OutboxItem, Report
from bot.reports.outbox import deliver_due
from bot.reports.reporter import SIGNALEN_REPORTER
from bot.reports.service import NewReport, add_contact, confirmation_mailed, file_report
from bot.reports.zgw_backend import rol_body
from tests.conftest import SIGNALEN_SERVICE_TOKEN as TOKEN
from tests.standins.signalen import SERVICE_ACCOUNT
from tests.standins.signalen_reporters import (ALL_CATEGORIES, CONFIRM_UPDATED,
                                               CONTACT_DETAILS, NOTIFY_CURRENT, VERIFY_EMAIL)

WHATSAPP = "whatsapp:+31612340003"
WEBCHAT = "webchat-7f3a"
EMAIL = "piet@hotmail.com"
REPLY = "chat-meldingen+{case}@lindendal.nl"


@pytest.fixture
def client(signalen, monkeypatch):
    """Signalen (the stand-in) with a service account that may change reporters."""
    signalen.permissions = SERVICE_ACCOUNT | {CONTACT_DETAILS, ALL_CATEGORIES}
    monkeypatch.setattr("bot.settings.SIGNALEN_URL", signalen.url)
    monkeypatch.setattr("bot.settings.SIGNALEN_TOKEN", TOKEN)
    monkeypatch.setattr("bot.settings.REPORTS_BACKEND", "signalen")
    monkeypatch.setattr("bot.settings.SIGNALEN_REPLY_ADDRESS", "")
    return SignalenClient(signalen.url, token=TOKEN)


def _file(db_url, sender=WHATSAPP, channel="whatsapp", **changes) -> Report:
    fields = dict(category="report_street_lighting", description="lamp kapot",
                  location_text="Kerkstraat 1", channel=channel, sender_id=sender)
    return file_report(NewReport(**{**fields, **changes}), url=db_url, forward=True)[0]


def _delivered(db_url, client, **changes) -> Report:
    report = _file(db_url, **changes)
    assert deliver_due(client, url=db_url) == 1
    return _stored(db_url, report.id)


def _stored(db_url, report_id) -> Report:
    with reports_db.session(db_url) as db:
        return db.get(Report, report_id)


def _items(db_url, kind=SIGNALEN_REPORTER):
    with reports_db.session(db_url) as db:
        return [(item.delivered_at is not None, item.next_attempt_at == NEVER, item.last_error)
                for item in db.query(OutboxItem).filter_by(kind=kind)]


def _reporters(signalen, report):
    return signalen.reporters.by_signal[report.signalen_id]


def _mails(signalen):
    return [(mail.to, mail.template) for mail in signalen.reporters.mails]


def test_only_the_conversation_that_filed_it_may_add_a_contact(db_url, client):
    report = _delivered(db_url, client)
    assert add_contact(report.case_number, "whatsapp:+31600000000", EMAIL, url=db_url) is None
    assert add_contact("M-2026-999999", WHATSAPP, EMAIL, url=db_url) is None
    stored = _stored(db_url, report.id)
    assert (stored.wants_updates, stored.contact_email) == (False, None)
    assert _items(db_url) == []


def test_add_contact_refuses_what_no_back_end_takes(db_url, client):
    report = _file(db_url)
    with pytest.raises(ValueError):
        add_contact(report.case_number, WHATSAPP, url=db_url)
    with pytest.raises(ValueError):
        add_contact(report.case_number, WHATSAPP, email="piet@hotmail", url=db_url)
    assert _stored(db_url, report.id).contact_email is None


def test_a_contact_added_before_delivery_rides_with_the_create(db_url, signalen, client):
    report = _file(db_url)
    added = add_contact(report.case_number, WHATSAPP, email=f" {EMAIL} ", url=db_url)
    assert (added.wants_updates, added.contact_email) == (True, EMAIL)
    assert not confirmation_mailed(added, EMAIL), "the create carries it, nothing to confirm"
    assert _items(db_url) == [], "no reporter update: the create is still waiting"
    deliver_due(client, url=db_url)
    stored = _stored(db_url, report.id)
    assert signalen.signals[stored.signalen_id]["reporter"] == {
        "sharing_allowed": False, "email": EMAIL, "phone": "+31612340003"}
    assert len(_reporters(signalen, stored)) == 1 and _mails(signalen) == []


def test_an_email_added_after_delivery_becomes_a_reporter_signalen_asks_to_confirm(
        db_url, signalen, client):
    report = _delivered(db_url, client)
    assert signalen.reporters.current(report.signalen_id)["email"] is None
    added = add_contact(report.case_number, WHATSAPP, email=EMAIL, url=db_url)
    assert confirmation_mailed(added, EMAIL)
    assert _items(db_url) == [(False, False, None)]
    assert deliver_due(client, url=db_url) == 1
    new = _reporters(signalen, report)[-1]
    assert (new["email"], new["phone"], new["state"], new["sharing_allowed"]) == (
        EMAIL, "+31612340003", REPORTER_VERIFYING, False), "the WhatsApp number too"
    assert _mails(signalen) == [(EMAIL, VERIFY_EMAIL)]
    assert signalen.reporters.current(report.signalen_id)["email"] is None, "until the link"
    assert _items(db_url) == [(True, False, None)]

    # The resident says it again before following the link: nothing is sent twice.
    add_contact(report.case_number, WHATSAPP, email=EMAIL, url=db_url)
    assert deliver_due(client, url=db_url) == 1
    assert len(_reporters(signalen, report)) == 2 and len(_mails(signalen)) == 1

    signalen.verify_email({"token": signalen.reporters.token_for(EMAIL)})
    assert signalen.reporters.current(report.signalen_id)["email"] == EMAIL
    signalen.set_state(report.signalen_id, "reaction requested", "Welke paal?")


def test_a_phone_number_is_taken_at_once(db_url, signalen, client):
    report = _delivered(db_url, client, sender=WEBCHAT, channel="webchat")
    added = add_contact(report.case_number, WEBCHAT, phone="06-1234 5678", url=db_url)
    assert added.contact_phone == "0612345678" and not confirmation_mailed(added, None)
    deliver_due(client, url=db_url)
    now = signalen.reporters.current(report.signalen_id)
    assert (now["email"], now["phone"], now["state"]) == (None, "0612345678",
                                                          REPORTER_APPROVED)
    assert _mails(signalen) == []
    assert signalen.reporters.log[report.signalen_id] == ["Telefoonnummer is gewijzigd."]


def test_the_contact_signalen_has_is_kept_beside_the_new_one(db_url, signalen, client):
    report = _delivered(db_url, client, sender=WEBCHAT, channel="webchat", wants_updates=True,
                        contact_email=EMAIL)
    add_contact(report.case_number, WEBCHAT, phone="0612345678", url=db_url)
    deliver_due(client, url=db_url)
    now = signalen.reporters.current(report.signalen_id)
    assert (now["email"], now["phone"]) == (EMAIL, "0612345678")
    assert _mails(signalen) == [(EMAIL, CONFIRM_UPDATED)], "no new address, no link"


def test_the_reply_address_is_kept_but_never_added_later(db_url, signalen, client,
                                                         monkeypatch):
    monkeypatch.setattr("bot.settings.SIGNALEN_REPLY_ADDRESS", REPLY)
    with_reply = _delivered(db_url, client, wants_updates=True)
    mailbox = REPLY.format(case=with_reply.case_number)
    assert signalen.reporters.current(with_reply.signalen_id)["email"] == mailbox
    add_contact(with_reply.case_number, WHATSAPP, email=EMAIL, url=db_url)
    deliver_due(client, url=db_url)
    assert _mails(signalen) == [(mailbox, NOTIFY_CURRENT), (EMAIL, VERIFY_EMAIL)]

    anonymous = _delivered(db_url, client, sender=WEBCHAT, channel="webchat")
    add_contact(anonymous.case_number, WEBCHAT, phone="0612345678", url=db_url)
    deliver_due(client, url=db_url)
    now = signalen.reporters.current(anonymous.signalen_id)
    assert (now["email"], now["phone"]) == (None, "0612345678"), \
        "no confirmation link to the municipality's mailbox holding the phone number up"


def test_without_a_service_account_the_contact_is_only_kept(db_url, signalen, client,
                                                            monkeypatch, caplog):
    report = _delivered(db_url, client)
    monkeypatch.setattr("bot.settings.SIGNALEN_TOKEN", "")
    with caplog.at_level(logging.WARNING, logger="bot.reports.service"):
        added = add_contact(report.case_number, WHATSAPP, email=EMAIL, url=db_url)
    assert added.contact_email == EMAIL and _items(db_url) == []
    assert not confirmation_mailed(added, EMAIL)
    assert "SIGNALEN_TOKEN" in caplog.text and EMAIL not in caplog.text
    with pytest.raises(DeliveryError) as refused:
        reporter.deliver(SimpleNamespace(report=added), SignalenClient(signalen.url))
    assert not refused.value.retry


def test_a_service_account_without_the_permission_is_given_up_with_the_reason(
        db_url, signalen, client):
    report = _delivered(db_url, client)
    signalen.permissions = SERVICE_ACCOUNT
    add_contact(report.case_number, WHATSAPP, email=EMAIL, url=db_url)
    assert deliver_due(client, url=db_url) == 0
    [(delivered, given_up, error)] = _items(db_url)
    assert not delivered and given_up and "(403)" in error
    assert len(_reporters(signalen, report)) == 1


def test_signalen_down_is_tried_again(db_url, signalen, client):
    report = _delivered(db_url, client)
    add_contact(report.case_number, WHATSAPP, email=EMAIL, url=db_url)
    signalen.fail_with = 503
    assert deliver_due(client, url=db_url) == 0
    [(delivered, given_up, error)] = _items(db_url)
    assert not delivered and not given_up and "503" in error


def test_a_contact_added_while_the_create_is_under_way_follows_it(db_url, signalen, client):
    report = _file(db_url)
    signalen.answer_delay = 1.0
    sending = threading.Thread(target=deliver_due, args=(client,), kwargs={"url": db_url})
    sending.start()
    deadline = time.monotonic() + 10
    while not signalen.signals and time.monotonic() < deadline:
        time.sleep(0.02)
    added = add_contact(report.case_number, WHATSAPP, email=EMAIL, url=db_url)
    sending.join()
    assert added.signalen_id is None, "added while the create had no answer yet"
    stored = _stored(db_url, report.id)
    assert signalen.signals[stored.signalen_id]["reporter"] == {}, "the create went without"
    assert _items(db_url) == [(False, False, None)], "so the update follows it"
    signalen.answer_delay = 0
    deliver_due(client, url=db_url)
    assert _reporters(signalen, stored)[-1]["email"] == EMAIL


def test_a_zaak_keeps_its_rol_and_a_waiting_zgw_create_carries_the_contact(
        db_url, monkeypatch, caplog):
    monkeypatch.setattr("bot.settings.REPORTS_BACKEND", "zgw")
    waiting = _file(db_url)
    with caplog.at_level(logging.INFO, logger="bot.reports.service"):
        added = add_contact(waiting.case_number, WHATSAPP, email=EMAIL, url=db_url)
    assert "the create carries it" in caplog.text
    assert rol_body(added, "zaak", "roltype")["contactpersoonRol"]["emailadres"] == EMAIL

    made = _file(db_url, sender=WEBCHAT, channel="webchat")
    with reports_db.session(db_url) as db:
        db.get(Report, made.id).zaak_url = "http://127.0.0.1:9/zaken/api/v1/zaken/1"
        db.query(OutboxItem).filter_by(report_id=made.id).update(
            {OutboxItem.delivered_at: made.created_at})
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="bot.reports.service"):
        kept = add_contact(made.case_number, WEBCHAT, phone="0612345678", url=db_url)
    assert kept.contact_phone == "0612345678" and kept.wants_updates
    assert "Zaken API cannot change a rol" in caplog.text
    assert _items(db_url) == []


def test_an_address_only_signalen_has_stays_when_a_phone_is_added(db_url, signalen, client,
                                                                  monkeypatch):
    monkeypatch.setattr("bot.settings.SIGNALEN_REPLY_ADDRESS", REPLY)
    report = _delivered(db_url, client, wants_updates=True)
    mailbox = REPLY.format(case=report.case_number)
    add_contact(report.case_number, WHATSAPP, phone="0612345678", url=db_url)
    deliver_due(client, url=db_url)
    now = signalen.reporters.current(report.signalen_id)
    assert (now["email"], now["phone"], now["state"]) == (mailbox, "0612345678",
                                                          REPORTER_APPROVED)
