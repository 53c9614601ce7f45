"""REPORTS_BACKEND=zgw: a report becomes a zaak in the ZGW stand-ins through the outbox, and
the case system's status news reaches the resident once."""
from __future__ import annotations

import asyncio
import datetime as dt
from typing import List
from urllib.parse import urlsplit

import pytest

from bot import settings
from bot.reports import db as reports_db
from bot.reports import outbox, zgw_backend, zgw_status
from bot.reports.dead_letters import dead_letters, resend
from bot.reports.models import OutboxItem, Report
from bot.reports.outbox import deliver_due
from bot.reports.service import ZGW_CREATE, NewReport, file_report
from channels.zgw_notifications import ZgwNotificationsInput
from tests.channel_app import BASE, ChannelApp, use_database
from tests.standins.signalen import PHOTO
from tests.standins.zgw import CLIENT_ID, RSIN, SECRET, ZgwStandIns

CALLBACK_AUTH = "Bearer callback-secret-for-tests"


@pytest.fixture
def zgw(monkeypatch):
    """The four stand-ins, and the bot's settings pointing at them."""
    standins = ZgwStandIns().start()
    values = {"REPORTS_BACKEND": "zgw", "ZGW_ZAKEN_URL": standins.zaken.root,
              "ZGW_CATALOGI_URL": standins.catalogi.root,
              "ZGW_DOCUMENTEN_URL": standins.documenten.root,
              "ZGW_NOTIFICATIES_URL": standins.notificaties.root, "ZGW_CLIENT_ID": CLIENT_ID,
              "ZGW_SECRET": SECRET, "ZGW_ZAAKTYPE": "MOR", "ZGW_RSIN": RSIN,
              "ZGW_TIMEOUT": 5.0, "ZGW_CALLBACK_URL": f"{BASE}/webhooks/zgw/notificaties",
              "ZGW_CALLBACK_AUTH": CALLBACK_AUTH}
    for name, value in values.items():
        monkeypatch.setattr(settings, name, value)
    monkeypatch.setattr(zgw_backend, "fetch_media", lambda url: (PHOTO, "image/jpeg"))
    yield standins
    standins.stop()


@pytest.fixture
def told(monkeypatch) -> List[tuple]:
    """What the bot would tell residents through Rasa (the status update path)."""
    messages: List[tuple] = []
    monkeypatch.setattr(outbox, "_tell_resident", lambda report: messages.append(
        (report.channel, report.sender_id, report.case_number, report.status)))
    return messages


def lamp(**changes) -> NewReport:
    fields = dict(category="report_street_lighting", description="Lantaarnpaal brandt niet",
                  location_text="Kerkstraat 7", street="Kerkstraat", house_number="7A",
                  postcode="1234 AB", woonplaats="Eikhoven", address_confirmed=True,
                  nummeraanduiding_id="1234200000000007", latitude=52.0921, longitude=5.1188,
                  channel="telegram", sender_id="5550001", photo_url="telegram:AgADBAAD")
    fields.update(changes)
    return NewReport(**fields)


def later(minutes: float) -> dt.datetime:
    return dt.datetime.utcnow() + dt.timedelta(minutes=minutes)


def stored(db_url, report_id) -> Report:
    with reports_db.session(db_url) as db:
        return db.get(Report, report_id)


def zaak_parts(zgw: ZgwStandIns, zaak_url: str) -> dict:
    z = zgw.zaken
    return {"zaken": [o for o in z.of("zaken") if o["url"] == zaak_url],
            "statussen": z.of("statussen", zaak=zaak_url), "rollen": z.of("rollen", zaak=zaak_url),
            "zaakobjecten": z.of("zaakobjecten", zaak=zaak_url),
            "zaakinformatieobjecten": z.of("zaakinformatieobjecten", zaak=zaak_url)}


def test_a_filed_report_becomes_a_zaak_with_status_rol_place_and_photo(db_url, zgw):
    report, _ = file_report(lamp(), url=db_url)
    with reports_db.session(db_url) as db:
        assert db.query(OutboxItem).one().kind == ZGW_CREATE, "the configured back end"
    assert deliver_due(url=db_url) == 1

    zaak_url = stored(db_url, report.id).zaak_url
    parts = zaak_parts(zgw, zaak_url)
    [zaak] = parts["zaken"]
    assert zaak["identificatie"] == report.case_number and zaak["bronorganisatie"] == RSIN
    assert zaak["zaaktype"] == zgw.catalogi.zaaktype["url"]
    assert zaak["zaakgeometrie"] == {"type": "Point", "coordinates": [5.1188, 52.0921]}
    assert {"kenmerk": report.case_number, "bron": "Gemeente-assistent"} in zaak["kenmerken"]
    [status] = parts["statussen"]
    assert zgw.catalogi.objects[status["statustype"]]["volgnummer"] == 1
    [rol] = parts["rollen"]
    assert rol["betrokkeneType"] == "natuurlijk_persoon" and rol["omschrijvingGeneriek"] == \
        "initiator"
    assert rol["betrokkeneIdentificatie"] == {} and "contactpersoonRol" not in rol, "anonymous"
    [place] = parts["zaakobjecten"]
    assert place["objectType"] == "adres"
    assert place["objectIdentificatie"] == {
        "identificatie": "1234200000000007", "wplWoonplaatsNaam": "Eikhoven",
        "gorOpenbareRuimteNaam": "Kerkstraat", "huisnummer": 7, "huisletter": "A",
        "postcode": "1234AB"}
    [link] = parts["zaakinformatieobjecten"]
    assert zgw.documenten.contents[link["informatieobject"]] == PHOTO


def test_consent_sends_only_the_number_they_write_from_and_never_a_bsn(db_url, zgw):
    report, _ = file_report(lamp(channel="whatsapp", sender_id="whatsapp:+31612345678",
                                 wants_updates=True, photo_url=None,
                                 address_confirmed=False), url=db_url)
    deliver_due(url=db_url)
    parts = zaak_parts(zgw, stored(db_url, report.id).zaak_url)
    [rol] = parts["rollen"]
    assert rol["contactpersoonRol"] == {"naam": "Melder (via chatbot)",
                                        "telefoonnummer": "+31612345678"}
    assert rol["betrokkeneIdentificatie"] == {}
    [place] = parts["zaakobjecten"]
    assert place["objectType"] == "overige", "an address PDOK did not confirm is no adres"
    assert place["objectIdentificatie"]["overigeData"]["omschrijving"] == "Kerkstraat 7"
    assert parts["zaakinformatieobjecten"] == []


def test_a_second_delivery_creates_nothing_new(db_url, zgw):
    report, _ = file_report(lamp(), url=db_url)
    deliver_due(url=db_url)
    posts = len([c for c in zgw.zaken.calls if c[0] == "POST"])
    documents = zgw.documenten.posts("enkelvoudiginformatieobjecten")
    with reports_db.session(db_url) as db:  # as if the answers were lost: deliver again
        item = db.query(OutboxItem).one()
        item.delivered_at, item.next_attempt_at = None, dt.datetime.utcnow()
        db.get(Report, report.id).zaak_url = None
    assert deliver_due(url=db_url, now=later(1)) == 1
    assert len([c for c in zgw.zaken.calls if c[0] == "POST"]) == posts
    assert zgw.documenten.posts("enkelvoudiginformatieobjecten") == documents
    assert len(zgw.zaken.of("zaken")) == 1
    assert stored(db_url, report.id).zaak_url == zgw.zaken.of("zaken")[0]["url"]


def test_a_half_done_zaak_is_completed_on_the_next_try(db_url, zgw):
    report, _ = file_report(lamp(), url=db_url)
    zgw.documenten.fail_with = 503
    assert deliver_due(url=db_url) == 0
    zaak_url = stored(db_url, report.id).zaak_url
    assert zaak_url, "the zaak's URL is kept at once"
    zgw.documenten.fail_with = None
    assert deliver_due(url=db_url, now=later(3)) == 1
    parts = zaak_parts(zgw, zaak_url)
    assert [len(v) for v in parts.values()] == [1, 1, 1, 1, 1]
    assert len(zgw.zaken.of("zaken")) == 1


def test_the_case_system_down_keeps_the_report_queued_until_it_is_back(db_url, zgw):
    report, _ = file_report(lamp(), url=db_url)
    zgw.fail_with(503)
    assert deliver_due(url=db_url) == 0
    with reports_db.session(db_url) as db:
        item = db.query(OutboxItem).one()
        assert (item.attempts, item.delivered_at, item.dead_at) == (1, None, None)
        assert "503" in item.last_error
    assert dead_letters(url=db_url) == []
    zgw.fail_with(None)
    assert deliver_due(url=db_url, now=later(0.1)) == 0, "waits for its backoff"
    assert deliver_due(url=db_url, now=later(3)) == 1
    assert len(zgw.zaken.of("zaken")) == 1
    assert stored(db_url, report.id).zaak_url == zgw.zaken.of("zaken")[0]["url"]


def test_a_refusal_is_a_dead_letter_with_the_reason_and_can_be_resent(db_url, zgw,
                                                                      monkeypatch, told):
    report, _ = file_report(lamp(wants_updates=True), url=db_url)
    monkeypatch.setattr(settings, "ZGW_SECRET", "wrong-secret")
    assert deliver_due(url=db_url) == 0
    [letter] = dead_letters(url=db_url)
    assert letter.report_id == report.id and "401" in letter.reason
    assert stored(db_url, report.id).status == "handmatig"
    assert zgw.zaken.of("zaken") == []

    monkeypatch.setattr(settings, "ZGW_SECRET", SECRET)
    resend(report.id, url=db_url)
    assert deliver_due(url=db_url, now=later(1)) >= 1
    assert len(zgw.zaken.of("zaken")) == 1 and dead_letters(url=db_url) == []
    assert stored(db_url, report.id).status == "gemeld"


def test_an_unknown_zaaktype_is_a_dead_letter_naming_it(db_url, zgw, monkeypatch):
    file_report(lamp(), url=db_url)
    monkeypatch.setattr(settings, "ZGW_ZAAKTYPE", "BESTAAT-NIET")
    deliver_due(url=db_url)
    [letter] = dead_letters(url=db_url)
    assert "BESTAAT-NIET" in letter.reason


def status_notification(zaak_url: str, status_url: str) -> dict:
    """The Notificaties API's message about a new status of a zaak."""
    return {"kanaal": "zaken", "hoofdObject": zaak_url, "resource": "status",
            "resourceUrl": status_url, "actie": "create",
            "aanmaakdatum": "2026-11-29T10:00:00Z", "kenmerken": {}}


def connect(zgw: ZgwStandIns, app: ChannelApp, loop: asyncio.AbstractEventLoop) -> None:
    """The Notificaties stand-in calls our callback in the in-process app."""
    def deliver(url: str, headers: dict, data: bytes):
        call = app.client.post(urlsplit(url).path, content=data, headers=headers)
        return asyncio.run_coroutine_threadsafe(call, loop).result(timeout=30).status_code

    zgw.notificaties.deliver = deliver


async def no_turn(message) -> None:
    raise AssertionError("a notification is no chat message")


@pytest.mark.parametrize("channel, sender", [("telegram", "5550001"),
                                             ("whatsapp", "whatsapp:+31612345678")])
def test_a_new_status_reaches_the_resident_on_their_channel_once(db_url, zgw, told,
                                                                 monkeypatch, channel, sender):
    use_database(monkeypatch, db_url)
    report, _ = file_report(lamp(wants_updates=True, channel=channel, sender_id=sender,
                                 photo_url=None), url=db_url)
    deliver_due(url=db_url)
    zaak_url = stored(db_url, report.id).zaak_url

    async def run() -> None:
        async with ChannelApp(ZgwNotificationsInput(), no_turn) as app:
            connect(zgw, app, asyncio.get_running_loop())
            abonnement = await asyncio.to_thread(zgw_status.subscribe)
            again = await asyncio.to_thread(zgw_status.subscribe)
            assert again["url"] == abonnement["url"], "subscribing twice keeps one"
            status = await asyncio.to_thread(zgw.zaken.set_status, zaak_url, "In behandeling")
            message = zgw.notificaties.deliveries[-1][2]
            assert message["resourceUrl"] == status["url"]
            await asyncio.to_thread(zgw.notificaties.publish, message)  # delivered twice

    asyncio.run(run())
    statuses = [d for d in zgw.notificaties.deliveries if d[2]["resource"] == "status"]
    assert [code for _, code, _ in statuses[-2:]] == [204, 204]
    assert deliver_due(url=db_url, now=later(1)) == 1
    assert told == [(channel, sender, report.case_number, "in_behandeling")]
    with reports_db.session(db_url) as db:
        assert db.query(OutboxItem).filter_by(kind="resident_update").count() == 1
    assert deliver_due(url=db_url, now=later(5)) == 0


def test_the_callback_refuses_a_notification_without_our_authorisation(db_url, zgw,
                                                                       monkeypatch):
    use_database(monkeypatch, db_url)
    report, _ = file_report(lamp(wants_updates=True), url=db_url)
    deliver_due(url=db_url)
    zaak_url = stored(db_url, report.id).zaak_url
    status = zgw.zaken.set_status(zaak_url, "Afgehandeld")
    message = status_notification(zaak_url, status["url"])

    async def run() -> list:
        async with ChannelApp(ZgwNotificationsInput(), no_turn) as app:
            path = "/webhooks/zgw/notificaties"
            return [(await app.client.post(path, json=message, headers=headers)).status_code
                    for headers in ({}, {"Authorization": "Bearer guessed"},
                                    {"Authorization": CALLBACK_AUTH})]

    assert asyncio.run(run()) == [403, 403, 204]
    assert stored(db_url, report.id).status == "afgehandeld"


def test_a_notification_while_the_case_system_is_down_is_kept_and_processed_later(
        db_url, zgw, monkeypatch, told):
    use_database(monkeypatch, db_url)
    report, _ = file_report(lamp(wants_updates=True), url=db_url)
    deliver_due(url=db_url)
    zaak_url = stored(db_url, report.id).zaak_url
    status = zgw.zaken.set_status(zaak_url, "In behandeling")
    message = status_notification(zaak_url, status["url"])
    zgw.zaken.fail_with = 503

    async def run(body: dict) -> int:
        async with ChannelApp(ZgwNotificationsInput(), no_turn) as app:
            answer = await app.client.post("/webhooks/zgw/notificaties", json=body,
                                           headers={"Authorization": CALLBACK_AUTH})
            return answer.status_code

    assert asyncio.run(run(message)) == 204, "taken: stored before the case system is asked"
    assert asyncio.run(run({**message, "hoofdObject": zaak_url + "-ander"})) == 204
    with reports_db.session(db_url) as db:
        [item] = db.query(OutboxItem).filter_by(kind=zgw_status.ZGW_NOTIFICATION).all()
        assert item.attempts == 1 and item.delivered_at is None, "none of ours: not stored"
    assert stored(db_url, report.id).status == "gemeld"
    zgw.zaken.fail_with = None
    assert deliver_due(url=db_url, now=later(3)) == 1
    assert stored(db_url, report.id).status == "in_behandeling"
    deliver_due(url=db_url, now=later(4))
    assert told == [("telegram", "5550001", report.case_number, "in_behandeling")]


@pytest.mark.parametrize("statustype, first, status", [
    ({"omschrijving": "Gemeld", "volgnummer": 1}, True, None),
    ({"omschrijving": "Intake", "volgnummer": 1}, True, None),
    ({"omschrijving": "In behandeling", "volgnummer": 2}, False, "in_behandeling"),
    ({"omschrijving": "Bij de aannemer", "volgnummer": 3}, False, "in_behandeling"),
    ({"omschrijving": "Klaar", "volgnummer": 4, "isEindstatus": True}, False, "afgehandeld"),
    ({"omschrijving": "Geannuleerd", "volgnummer": 4, "isEindstatus": True}, False,
     "geannuleerd"),
])
def test_statustypes_map_to_the_residents_status(statustype, first, status):
    assert zgw_status.status_from_statustype(statustype, first) == status


def test_notifications_about_other_resources_or_zaken_are_not_stored(db_url, zgw):
    report, _ = file_report(lamp(), url=db_url)
    deliver_due(url=db_url)
    zaak_url = stored(db_url, report.id).zaak_url
    base = status_notification(zaak_url, f"{zaak_url}/x")
    assert zgw_status.queue_notification(base, url=db_url) is not None
    for other in ({"resource": "rol"}, {"actie": "destroy"}, {"kanaal": "test"},
                  {"hoofdObject": "http://elders.example/zaken/1"}):
        assert zgw_status.queue_notification({**base, **other}, url=db_url) is None, other


# --- statuses out of order ------------------------------------------------------------------

def zaak_with_updates(db_url, zgw) -> tuple:
    report, _ = file_report(lamp(wants_updates=True, photo_url=None), url=db_url)
    deliver_due(url=db_url)
    return report, stored(db_url, report.id).zaak_url


def test_an_older_status_delivered_after_a_newer_one_is_not_told(db_url, zgw, told,
                                                                 monkeypatch):
    use_database(monkeypatch, db_url)
    report, zaak_url = zaak_with_updates(db_url, zgw)
    now = dt.datetime.now(dt.timezone.utc)
    older = zgw.zaken.set_status(zaak_url, "In behandeling", now + dt.timedelta(minutes=1))
    newer = zgw.zaken.set_status(zaak_url, "Afgehandeld", now + dt.timedelta(minutes=2))
    for status in (newer, older, newer):  # out of order, and the newer one twice
        zgw_status.receive(status_notification(zaak_url, status["url"]), url=db_url)
    deliver_due(url=db_url, now=later(1))
    assert told == [("telegram", "5550001", report.case_number, "afgehandeld")]


class ReadsSlowly:
    """The case system's client, but while it reads one status's statustype `meanwhile`
    happens (another process handles a newer status's notification)."""

    def __init__(self, meanwhile) -> None:
        self.client, self.meanwhile = zgw_backend.configured_client(), meanwhile

    def get(self, url: str) -> dict:
        answer = self.client.get(url)
        if "/statustypen/" in url and self.meanwhile:
            self.meanwhile, run = None, self.meanwhile
            run()
        return answer


def test_a_status_read_while_newest_but_applied_after_a_newer_one_is_not_told(
        db_url, zgw, told, monkeypatch):
    use_database(monkeypatch, db_url)
    report, zaak_url = zaak_with_updates(db_url, zgw)
    now = dt.datetime.now(dt.timezone.utc)
    first = zgw.zaken.set_status(zaak_url, "In behandeling", now + dt.timedelta(minutes=1))

    def newer_status_handled_elsewhere() -> None:
        newer = zgw.zaken.set_status(zaak_url, "Afgehandeld", now + dt.timedelta(minutes=2))
        assert zgw_status.receive(status_notification(zaak_url, newer["url"]), url=db_url)

    slow = ReadsSlowly(newer_status_handled_elsewhere)
    assert not zgw_status.receive(status_notification(zaak_url, first["url"]), client=slow,
                                  url=db_url), "older than the status told meanwhile"
    deliver_due(url=db_url, now=later(1))
    assert told == [("telegram", "5550001", report.case_number, "afgehandeld")]
    assert stored(db_url, report.id).status == "afgehandeld"


def test_a_report_filed_before_the_nummeraanduiding_was_kept_names_postcode_and_number():
    body = zgw_backend.zaakobject_body(Report(**{**vars(lamp()), "nummeraanduiding_id": None}),
                                       "http://zaken/1")
    assert body["objectIdentificatie"]["identificatie"] == "1234AB 7A"
