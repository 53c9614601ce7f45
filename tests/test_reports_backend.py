"""Report store, idempotency, Signalen forwarding and the outbox, against the stand-in."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.integrations.signalen import SignalenClient
from bot.reports import db as reports_db
from bot.reports.models import OutboxItem, Report
from bot.reports.outbox import backoff, deliver_due, signal_payload
from bot.reports.service import NewReport, file_report
from tests.standins.signalen import load_categories, Validator

VALIDATOR = Validator(load_categories(), (), None)


def validate_signal(body):
    return VALIDATOR.errors(body)


def tile(**changes) -> NewReport:
    fields = dict(category="report_pavement_road", description="Losse stoeptegel voor de deur",
                  location_text="Dorpsstraat 12", street="Dorpsstraat", house_number="12",
                  latitude=52.0912, longitude=5.1201, channel="rest", sender_id="resident-1",
                  address_confirmed=True)
    fields.update(changes)
    return NewReport(**fields)


def later(minutes: int) -> dt.datetime:
    return dt.datetime.utcnow() + dt.timedelta(minutes=minutes)


def test_filing_gives_a_case_number_and_queues_forwarding(db_url):
    report, created = file_report(tile(), url=db_url, forward=True)
    assert created
    assert report.case_number == f"M-{report.created_at.year}-{report.id:06d}"
    with reports_db.session(db_url) as db:
        assert db.query(OutboxItem).filter_by(report_id=report.id).count() == 1


def test_the_same_report_twice_is_filed_once(db_url):
    first, _ = file_report(tile(), url=db_url, forward=True)
    again, created = file_report(tile(description="  losse stoeptegel voor de deur "),
                                 url=db_url, forward=True)
    assert not created and again.case_number == first.case_number
    other, created = file_report(tile(location_text="Kerkstraat 3"), url=db_url, forward=True)
    assert created and other.case_number != first.case_number
    with reports_db.session(db_url) as db:
        assert db.query(Report).count() == 2
        assert db.query(OutboxItem).count() == 2


def test_without_signalen_reports_stay_local(db_url):
    report, _ = file_report(tile(), url=db_url, forward=False)
    with reports_db.session(db_url) as db:
        assert db.query(OutboxItem).count() == 0
        assert db.get(Report, report.id).case_number == report.case_number


def test_report_reaches_signalen_with_a_valid_body(db_url, signalen):
    report, _ = file_report(tile(photo_url=f"{signalen.url}/media/photo.jpg"), url=db_url,
                            forward=True)
    assert deliver_due(SignalenClient(signalen.url), url=db_url) == 1
    [(signal_id, body)] = signalen.signals.items()
    assert body["location"]["geometrie"]["coordinates"] == [5.1201, 52.0912]
    assert body["location"]["address"]["openbare_ruimte"] == "Dorpsstraat"
    assert body["location"]["address"]["huisnummer"] == 12
    assert body["category"]["sub_category"].endswith(
        "/categories/wegen-verkeer-straatmeubilair/sub_categories/"
        "onderhoud-stoep-straat-en-fietspad")
    assert body["reporter"] == {}, "anonymous: no contact details"
    assert body["text"].endswith(f"Zaaknummer chatbot: {report.case_number}")
    assert signalen.attachments[signal_id][0].startswith(b"\xff\xd8")
    with reports_db.session(db_url) as db:
        stored = db.get(Report, report.id)
        assert (stored.signalen_id, stored.signalen_number) == (signal_id, 1)
        assert db.query(OutboxItem).one().delivered_at is not None
    assert deliver_due(SignalenClient(signalen.url), url=db_url, now=later(5)) == 0


def test_updates_by_email_send_only_that_address(db_url, signalen):
    file_report(tile(channel="webchat", wants_updates=True, contact_email="a@example.nl"),
                url=db_url, forward=True)
    deliver_due(SignalenClient(signalen.url), url=db_url)
    [body] = signalen.signals.values()
    assert body["reporter"] == {"sharing_allowed": False, "email": "a@example.nl"}


def test_outbox_survives_an_outage_and_a_restart(db_url, signalen):
    report, _ = file_report(tile(), url=db_url, forward=True)
    signalen.fail_with = 503
    assert deliver_due(SignalenClient(signalen.url), url=db_url) == 0
    assert deliver_due(SignalenClient(signalen.url), url=db_url, now=later(0)) == 0
    requests_during_outage = signalen.requests
    assert requests_during_outage == 1, "the retry waits for its backoff"

    reports_db.engine.cache_clear()  # a restart: new engine, same database file
    with reports_db.session(db_url) as db:
        item = db.query(OutboxItem).one()
        assert (item.attempts, item.delivered_at) == (1, None)
        assert "503" in item.last_error

    signalen.fail_with = None
    assert deliver_due(SignalenClient(signalen.url), url=db_url, now=later(2)) == 1
    assert len(signalen.signals) == 1
    with reports_db.session(db_url) as db:
        assert db.get(Report, report.id).signalen_id in signalen.signals


def test_unreachable_signalen_is_retried(db_url):
    file_report(tile(), url=db_url, forward=True)
    assert deliver_due(SignalenClient("http://127.0.0.1:9", timeout=1), url=db_url) == 0
    with reports_db.session(db_url) as db:
        assert "unreachable" in db.query(OutboxItem).one().last_error


def test_backoff_grows_and_is_capped():
    waits = [backoff(n).total_seconds() for n in (1, 2, 3, 10, 20)]
    assert waits == [30, 60, 120, 3600, 3600]


@pytest.mark.parametrize("changes", [
    {},
    {"street": None, "house_number": None, "latitude": None, "longitude": None,
     "location_text": "bij de speeltuin achter de school"},
    {"house_number": "7-2", "postcode": "1234 AB"},
    {"house_number": "7a"},
    {"description": "x" * 5000},
])
def test_every_payload_passes_signalen_validation(changes):
    report = Report(**{**vars(tile(**changes)), "created_at": dt.datetime(2026, 11, 23, 12),
                       "case_number": "M-2026-000001"})
    payload = signal_payload(report, offline_client())
    assert validate_signal(payload) == {}
    assert len(payload["text"]) <= 3000 and report.case_number in payload["text"]


def offline_client() -> SignalenClient:
    """A client whose category cache holds the stand-in's tree: no network needed."""
    client = SignalenClient("http://signalen.test")
    client._categories = {f"{main['slug']}/{sub['slug']}" for main in load_categories()
                          for sub in main["sub_categories"]}
    client._categories_at = float("inf")
    return client


def test_the_stand_in_rejects_what_signalen_rejects():
    report = Report(**{**vars(tile()), "created_at": dt.datetime(2026, 11, 23, 12)})
    good = signal_payload(report, offline_client())
    assert validate_signal({**good, "name": "Jan"}) == {
        "non_field_errors": ["Extra properties present: name"]}
    swapped = {**good, "location": {"geometrie": {"type": "Point",
                                                  "coordinates": [52.09, 5.12]}}}
    assert "bounding box" in validate_signal(swapped)["location"]["geometrie"][0]
    assert validate_signal({k: v for k, v in good.items() if k != "text"}) == {
        "text": ["Dit veld is vereist."]}
    assert validate_signal({**good, "location": {}}) == {
        "location": ["Coordinate data must be present"]}
    unknown = {"sub_category": good["category"]["sub_category"].replace("fietspad", "fietspat")}
    assert validate_signal({**good, "category": unknown}) == {
        "category": {"sub_category": ["Ongeldige hyperlink - Object bestaat niet."]}}
    assert validate_signal({**good, "source": "Telefoon"}) == {
        "source": ["Invalid source given, value not known"]}


def test_woonplaats_comes_from_the_register_else_the_profile():
    base = {"created_at": dt.datetime(2026, 11, 23, 12), "case_number": "M-2026-000001"}
    village = Report(**{**vars(tile(woonplaats="Oud-Lindendal")), **base})
    town = Report(**{**vars(tile()), **base})
    assert signal_payload(village, offline_client())["location"]["address"]["woonplaats"] == \
        "Oud-Lindendal"
    assert signal_payload(town, offline_client())["location"]["address"]["woonplaats"] == \
        "Lindendal"


@pytest.mark.parametrize("changes, reporter", [
    ({"wants_updates": False, "contact_email": "a@example.nl"}, {}),
    ({"wants_updates": True, "contact_email": "a@example.nl", "channel": "webchat"},
     {"sharing_allowed": False, "email": "a@example.nl"}),
    ({"wants_updates": True, "channel": "whatsapp", "sender_id": "whatsapp:+31612345678"},
     {"sharing_allowed": False, "phone": "+31612345678"}),
    ({"wants_updates": False, "channel": "sms", "sender_id": "+31612345678"}, {}),
    ({"wants_updates": True, "channel": "telegram", "sender_id": "12345"},
     {"sharing_allowed": False}),
])
def test_contact_details_only_with_consent(changes, reporter):
    report = Report(**{**vars(tile(**changes)), "created_at": dt.datetime(2026, 11, 23, 12),
                       "case_number": "M-2026-000001"})
    assert signal_payload(report, offline_client())["reporter"] == reporter


def test_an_item_claimed_by_one_process_is_not_sent_by_another(db_url, signalen):
    from bot.reports.outbox import _claim

    report, _ = file_report(tile(), url=db_url, forward=True)
    with reports_db.session(db_url) as db:
        item_id = db.query(OutboxItem).one().id
    now = dt.datetime.utcnow()
    assert _claim(db_url, item_id, now)
    assert deliver_due(SignalenClient(signalen.url), url=db_url, now=now) == 0
    assert signalen.requests == 0
    assert deliver_due(SignalenClient(signalen.url), url=db_url, now=later(3)) == 1


def test_threads_filing_at_once_migrate_once(tmp_path, monkeypatch):
    import threading
    import time

    from bot.reports import db

    calls = []

    def slow_migrate(url):
        calls.append(url)
        time.sleep(0.2)

    monkeypatch.setattr(db, "migrate", slow_migrate)
    url = f"sqlite:///{tmp_path / 'race.db'}"
    threads = [threading.Thread(target=db.ensure_schema, args=(url,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [url]


def _queued_held(db_url) -> int:
    from bot.channel_store import HELD, queue_messages

    [item_id] = queue_messages("whatsapp", "whatsapp:+31612345678", [{"text": "x"}], url=db_url)
    with reports_db.session(db_url) as db:
        item = db.get(OutboxItem, item_id)
        item.last_error = f"{HELD} outside WhatsApp's 24-hour window"
        item.next_attempt_at = dt.datetime.utcnow() - dt.timedelta(seconds=1)  # due again
    return item_id


def test_a_claimed_held_message_is_not_released_to_a_second_sender(db_url):
    """Finding 5: the resident writes while one process sends their held message."""
    from bot.reports.outbox import _claim
    from bot.channel_store import release_held

    item_id = _queued_held(db_url)
    assert _claim(db_url, item_id, dt.datetime.utcnow())
    assert release_held("whatsapp", "whatsapp:+31612345678", url=db_url) == []
    assert not _claim(db_url, item_id, dt.datetime.utcnow()), "still leased: sent once"


def test_a_held_message_another_process_is_sending_counts_as_not_seen_yet(db_url):
    """The resident writes while the worker sends their held question: their message does
    not answer it (the channel names it among the released ones)."""
    from bot.reports.outbox import _claim
    from bot.channel_store import being_sent

    item_id = _queued_held(db_url)
    assert being_sent("whatsapp", "whatsapp:+31612345678", url=db_url) == []
    assert _claim(db_url, item_id, dt.datetime.utcnow())
    assert being_sent("whatsapp", "whatsapp:+31612345678", url=db_url) == [item_id]
    assert being_sent("whatsapp", "whatsapp:+31699999999", url=db_url) == []


def test_a_lease_runs_from_the_claim_not_from_the_start_of_a_slow_round(db_url):
    """Finding 5: `now` of a round that started ten minutes ago does not shorten the lease."""
    from bot.reports.outbox import LEASE, _claim

    item_id = _queued_held(db_url)
    assert _claim(db_url, item_id, dt.datetime.utcnow() - dt.timedelta(minutes=10))
    with reports_db.session(db_url) as db:
        lease_end = db.get(OutboxItem, item_id).next_attempt_at
    assert lease_end > dt.datetime.utcnow() + LEASE - dt.timedelta(seconds=5)


def test_an_address_the_register_did_not_confirm_is_not_sent():
    """Finding 4: only the point; the resident's words stay in the text."""
    base = {"created_at": dt.datetime(2026, 11, 23, 12), "case_number": "M-2026-000001"}
    typo = Report(**{**vars(tile(address_confirmed=False, house_number="1222")), **base})
    body = signal_payload(typo, offline_client())
    assert "address" not in body["location"]
    assert body["location"]["geometrie"]["coordinates"] == [5.1201, 52.0912]
    assert "Locatie: Dorpsstraat 12" in body["text"]


@pytest.mark.parametrize("written, expected", [
    ("14A-2", {"huisnummer": 14, "huisletter": "A", "huisnummer_toevoeging": "2"}),
    ("1a2", {"huisnummer": 1, "huisnummer_toevoeging": "A2"}),
    ("14-2", {"huisnummer": 14, "huisnummer_toevoeging": "2"}),
    ("7b", {"huisnummer": 7, "huisletter": "B"})])
def test_house_numbers_are_split_as_the_register_does(written, expected):
    """Finding 4: letter and addition apart; '1a2' is 1 with addition A2, never 12."""
    base = {"created_at": dt.datetime(2026, 11, 23, 12), "case_number": "M-2026-000001"}
    report = Report(**{**vars(tile(house_number=written)), **base})
    address = signal_payload(report, offline_client())["location"]["address"]
    parts = {key: address[key] for key in ("huisnummer", "huisletter", "huisnummer_toevoeging")
             if key in address}
    assert parts == expected
