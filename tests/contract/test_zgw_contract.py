"""The ZGW client's requests against the stand-ins and against schemas derived from the
published OpenAPI documents (tests/contract/schemas/zgw/index.json names the commits), and
the stand-ins refusing what the specifications refuse."""
from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Dict

import jsonschema
import pytest
import requests

from bot.integrations.zgw import (CATALOGI, DOCUMENTEN, NOTIFICATIES, ZAKEN, ZgwClient,
                                  ZgwConfig, ZgwRefused, ZgwUnavailable, make_jwt)
from bot.reports import zgw_backend
from tests.standins.signalen import PHOTO
from tests.standins.zgw import CLIENT_ID, RSIN, SECRET, ZgwStandIns
from tests.standins.zgw_common import make_token

SCHEMAS = Path(__file__).parent / "schemas" / "zgw"
INDEX = json.loads((SCHEMAS / "index.json").read_text())
# The schema each POST of the client is checked against, by resource.
REQUEST_SCHEMAS = {"zaken": "zrc_zaak", "statussen": "zrc_status", "rollen": "zrc_rol",
                   "zaakinformatieobjecten": "zrc_zaakinformatieobject",
                   "enkelvoudiginformatieobjecten": "drc_enkelvoudiginformatieobject",
                   "abonnement": "nrc_abonnement"}


def check(name: str, body: Any) -> None:
    schema = json.loads((SCHEMAS / f"{name}.json").read_text())
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(body)


@pytest.fixture
def zgw():
    standins = ZgwStandIns(clients={CLIENT_ID: SECRET, "zonder-rechten": "geheim"})
    for standin in standins.all:
        standin.denied.add("zonder-rechten")
    standins.start()
    yield standins
    standins.stop()


def client_for(zgw: ZgwStandIns, secret: str = SECRET, client_id: str = CLIENT_ID) -> ZgwClient:
    return ZgwClient(ZgwConfig(zgw.zaken.root, zgw.catalogi.root, zgw.documenten.root,
                               zgw.notificaties.root, client_id, secret, 5.0))


def zaak(zgw: ZgwStandIns, **changes: Any) -> Dict[str, Any]:
    body = {"bronorganisatie": RSIN, "verantwoordelijkeOrganisatie": RSIN,
            "zaaktype": zgw.catalogi.zaaktype["url"], "startdatum": "2026-11-29",
            "identificatie": "M-2026-000001",
            "zaakgeometrie": {"type": "Point", "coordinates": [5.1188, 52.0921]}}
    body.update(changes)
    return {k: v for k, v in body.items() if v is not None}


def report(**changes: Any) -> SimpleNamespace:
    fields = dict(id=1, case_number="M-2026-000042", description="Lantaarnpaal brandt niet",
                  location_text="Kerkstraat 7", street="Kerkstraat", house_number="7",
                  postcode="1234AB", woonplaats="Eikhoven", address_confirmed=True,
                  latitude=52.0921, longitude=5.1188, channel="webchat", sender_id="web-1",
                  wants_updates=True, contact_email="inwoner@voorbeeld.nl", contact_phone=None,
                  photo_url="https://media.example/foto.jpg", priority="normal",
                  created_at=dt.datetime(2026, 11, 29, 9, 0), zaak_url=None, photo_error=None,
                  nummeraanduiding_id="1234200000000007")
    fields.update(changes)
    return SimpleNamespace(**fields)


def test_every_schema_names_its_upstream_source():
    stored = {path.name for path in SCHEMAS.glob("*.json")} - {"index.json"}
    assert stored == set(INDEX["schemas"])
    assert INDEX["sources"]["zrc"]["version"] == "1.5.1"


def test_the_clients_requests_match_the_published_schemas(zgw, monkeypatch):
    """A whole report (zaak, status, rol, zaakobject, photo) and the abonnement."""
    for name, value in {"ZGW_ZAAKTYPE": "MOR", "ZGW_RSIN": RSIN, "ZGW_CATALOGUS_URL": ""}.items():
        monkeypatch.setattr(zgw_backend.settings, name, value)
    monkeypatch.setattr(zgw_backend, "fetch_media", lambda url: (PHOTO, "image/jpeg"))
    monkeypatch.setattr(zgw_backend, "_keep_zaak",
                        lambda url, rep, zaak_url: setattr(rep, "zaak_url", zaak_url))
    zgw.notificaties.deliver = lambda url, headers, data: (
        204 if headers.get("Authorization") == "Bearer x" else 403)
    client = client_for(zgw)
    zgw_backend.send_report(report(), "unused", client)
    client.subscribe("https://bot.example.nl/webhooks/zgw/notificaties", "Bearer x", "zaken",
                     {"bronorganisatie": RSIN})

    bodies = [(path.rstrip("/").rsplit("/", 1)[1], body)
              for standin in zgw.all for path, body in standin.bodies]
    assert sorted(resource for resource, _ in bodies) == sorted(
        ["zaken", "statussen", "rollen", "zaakobjecten", "zaakinformatieobjecten",
         "enkelvoudiginformatieobjecten", "abonnement"])
    for resource, body in bodies:
        if resource == "zaakobjecten":
            check(f"zrc_zaakobject_{body['objectType']}.request", body)
        else:
            check(f"{REQUEST_SCHEMAS[resource]}.request", body)
    [rol] = [body for resource, body in bodies if resource == "rollen"]
    assert rol["contactpersoonRol"]["emailadres"] == "inwoner@voorbeeld.nl"
    assert "inpBsn" not in json.dumps(rol), "never a BSN"


def test_a_missing_or_wrong_jwt_is_401_and_a_client_without_rights_403(zgw):
    url = f"{zgw.zaken.root}/zaken"
    crs = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}
    for headers in ({}, {"Authorization": "Bearer not-a-jwt"},
                    {"Authorization": f"Bearer {make_token(CLIENT_ID, 'wrong')}"},
                    {"Authorization": f"Bearer {make_token('onbekend', SECRET)}"}):
        answer = requests.post(url, json=zaak(zgw), headers={**headers, **crs}, timeout=5)
        assert answer.status_code == 401, headers
        assert answer.headers["Content-Type"] == "application/problem+json"
        check("zrc_fout.answer", answer.json())
    denied = requests.get(url, timeout=5, headers={
        **crs, "Authorization": f"Bearer {make_token('zonder-rechten', 'geheim')}"})
    assert denied.status_code == 403 and denied.json()["code"] == "permission_denied"
    with pytest.raises(ZgwRefused) as refused:
        client_for(zgw, secret="wrong").zaaktype("MOR")
    assert refused.value.status == 401 and not refused.value.retry
    assert zgw.zaken.of("zaken") == []


def test_the_client_signs_the_jwt_as_the_zgw_apis_prescribe():
    import jwt

    token = make_jwt(CLIENT_ID, SECRET, now=1_700_000_000)
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    assert claims["client_id"] == claims["iss"] == CLIENT_ID and claims["iat"] == 1_700_000_000


def test_an_old_token_is_refused(zgw):
    old = make_token(CLIENT_ID, SECRET, iat=int(time.time()) - 7200)
    answer = requests.get(f"{zgw.catalogi.root}/zaaktypen", timeout=5,
                          headers={"Authorization": f"Bearer {old}"})
    assert answer.status_code == 401


def test_zaken_needs_the_crs_headers_and_answers_with_content_crs(zgw):
    url = f"{zgw.zaken.root}/zaken"
    auth = {"Authorization": f"Bearer {make_token(CLIENT_ID, SECRET)}"}
    missing = requests.post(url, json=zaak(zgw), headers=auth, timeout=5)
    assert missing.status_code == 412
    other = requests.post(url, json=zaak(zgw), timeout=5,
                          headers={**auth, "Accept-Crs": "EPSG:28992", "Content-Crs": "EPSG:4326"})
    assert other.status_code == 406
    created = requests.post(url, json=zaak(zgw), timeout=5, headers={
        **auth, "Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"})
    assert created.status_code == 201 and created.headers["Content-Crs"] == "EPSG:4326"
    assert client_for(zgw).find_zaak(RSIN, "M-2026-000001")["url"] == created.json()["url"]


@pytest.mark.parametrize("changes, code, name", [
    ({"zaaktype": "http://127.0.0.1:9/catalogi/api/v1/zaaktypen/bestaat-niet"}, "bad-url",
     "zaaktype"),
    ({"bronorganisatie": None}, "required", "bronorganisatie"),
    ({"startdatum": None}, "required", "startdatum"),
    ({"verantwoordelijkeOrganisatie": "123456789"}, "invalid", "verantwoordelijkeOrganisatie"),
    ({"zaakgeometrie": {"type": "Point", "coordinates": "5,52"}}, "invalid", "zaakgeometrie"),
])
def test_a_zaak_the_spec_refuses_is_a_400_with_invalid_params(zgw, changes, code, name):
    with pytest.raises(ZgwRefused) as refused:
        client_for(zgw).create(ZAKEN, "zaken", zaak(zgw, **changes))
    assert refused.value.status == 400 and not refused.value.retry
    assert code in refused.value.codes and name in refused.value.reason
    assert zgw.zaken.of("zaken") == []


def test_a_concept_zaaktype_is_neither_found_nor_taken(zgw):
    client = client_for(zgw)
    with pytest.raises(ZgwRefused):
        client.zaaktype("CONCEPT-MOR")
    concept = zgw.catalogi.of("zaaktypen", identificatie="CONCEPT-MOR")[0]
    with pytest.raises(ZgwRefused) as refused:
        client.create(ZAKEN, "zaken", zaak(zgw, zaaktype=concept["url"]))
    assert "not-published" in refused.value.codes


def test_identificatie_is_unique_per_bronorganisatie(zgw):
    client = client_for(zgw)
    client.create(ZAKEN, "zaken", zaak(zgw))
    with pytest.raises(ZgwRefused) as refused:
        client.create(ZAKEN, "zaken", zaak(zgw))
    assert refused.value.codes == ["identificatie-niet-uniek"]


def test_a_status_or_rol_of_another_zaaktype_is_refused(zgw):
    client = client_for(zgw)
    created = client.create(ZAKEN, "zaken", zaak(zgw))
    other = zgw.catalogi.add_zaaktype("ANDER", zgw.catalogi.zaaktype["catalogus"])
    foreign = client.statustypen(other["url"])[0]
    with pytest.raises(ZgwRefused) as refused:
        client.create(ZAKEN, "statussen", {"zaak": created["url"], "statustype": foreign["url"],
                                          "datumStatusGezet": "2026-11-29T10:00:00Z"})
    assert "zaaktype-mismatch" in refused.value.codes
    with pytest.raises(ZgwRefused) as refused:
        client.create(ZAKEN, "rollen", {
            "zaak": created["url"], "betrokkeneType": "natuurlijk_persoon",
            "roltype": client.roltype(other["url"], "initiator")["url"],
            "roltoelichting": "x", "betrokkeneIdentificatie": {}})
    assert "zaaktype-mismatch" in refused.value.codes
    own = client.statustypen(zgw.catalogi.zaaktype["url"])
    assert [s["volgnummer"] for s in own] == [1, 2, 3] and own[-1]["isEindstatus"]


def test_a_rol_needs_a_betrokkene_and_a_contact_needs_a_naam(zgw):
    client = client_for(zgw)
    created = client.create(ZAKEN, "zaken", zaak(zgw))
    roltype = client.roltype(zgw.catalogi.zaaktype["url"], "initiator")["url"]
    base = {"zaak": created["url"], "betrokkeneType": "natuurlijk_persoon", "roltype": roltype,
            "roltoelichting": "Melder"}
    for body, code in ((base, "invalid-betrokkene"),
                       ({**base, "betrokkeneIdentificatie": {},
                         "contactpersoonRol": {"emailadres": "a@b.nl"}}, "required"),
                       ({**base, "betrokkeneIdentificatie": {},
                         "contactpersoonRol": {"naam": "x", "emailadres": "geen-adres"}},
                        "invalid")):
        with pytest.raises(ZgwRefused) as refused:
            client.create(ZAKEN, "rollen", body)
        assert code in refused.value.codes
    client.create(ZAKEN, "rollen", {**base, "betrokkeneIdentificatie": {}})


def test_an_adres_zaakobject_needs_the_register_fields(zgw):
    client = client_for(zgw)
    created = client.create(ZAKEN, "zaken", zaak(zgw))
    with pytest.raises(ZgwRefused) as refused:
        client.create(ZAKEN, "zaakobjecten", {"zaak": created["url"], "objectType": "adres",
                                              "objectIdentificatie": {"huisnummer": 7}})
    for field in ("identificatie", "wplWoonplaatsNaam", "gorOpenbareRuimteNaam"):
        assert f"objectIdentificatie.{field}" in refused.value.reason
    with pytest.raises(ZgwRefused):
        client.create(ZAKEN, "zaakobjecten", {"zaak": created["url"], "objectType": "lantaarn"})


def test_a_document_and_its_link_are_checked(zgw):
    client = client_for(zgw)
    created = client.create(ZAKEN, "zaken", zaak(zgw))
    iot = zgw.catalogi.zaaktype["informatieobjecttypen"][0]
    document = {"bronorganisatie": RSIN, "creatiedatum": "2026-11-29", "titel": "Foto",
                "auteur": "Gemeente-assistent", "taal": "dut", "informatieobjecttype": iot,
                "inhoud": "/9j/4AAQ", "identificatie": "M-2026-000001-foto"}
    with pytest.raises(ZgwRefused) as refused:
        client.create(DOCUMENTEN, "enkelvoudiginformatieobjecten", {**document, "taal": None})
    assert "required" in refused.value.codes
    with pytest.raises(ZgwRefused) as refused:
        client.create(DOCUMENTEN, "enkelvoudiginformatieobjecten",
                      {**document, "informatieobjecttype": iot + "x"})
    assert "bad-url" in refused.value.codes
    stored = client.create(DOCUMENTEN, "enkelvoudiginformatieobjecten", document)
    link = {"zaak": created["url"], "informatieobject": stored["url"]}
    client.create(ZAKEN, "zaakinformatieobjecten", link)
    with pytest.raises(ZgwRefused) as refused:
        client.create(ZAKEN, "zaakinformatieobjecten", link)
    assert "unique" in refused.value.codes
    with pytest.raises(ZgwRefused) as refused:
        client.create(ZAKEN, "zaakinformatieobjecten",
                      {**link, "informatieobject": stored["url"] + "x"})
    assert "bad-url" in refused.value.codes
    assert client.list(ZAKEN, "zaakinformatieobjecten", {"zaak": created["url"]})[0][
        "informatieobject"] == stored["url"]


def test_a_document_of_a_type_the_zaaktype_lacks_cannot_be_linked(zgw):
    client = client_for(zgw)
    created = client.create(ZAKEN, "zaken", zaak(zgw))
    other = zgw.catalogi.add_zaaktype("ANDER", zgw.catalogi.zaaktype["catalogus"])
    stored = client.create(DOCUMENTEN, "enkelvoudiginformatieobjecten", {
        "bronorganisatie": RSIN, "creatiedatum": "2026-11-29", "titel": "Foto",
        "auteur": "Gemeente-assistent", "taal": "dut",
        "informatieobjecttype": other["informatieobjecttypen"][0]})
    with pytest.raises(ZgwRefused) as refused:
        client.create(ZAKEN, "zaakinformatieobjecten",
                      {"zaak": created["url"], "informatieobject": stored["url"]})
    assert "missing-zaaktype-informatieobjecttype-relation" in refused.value.codes


def test_an_abonnement_needs_a_callback_that_checks_its_authorisation(zgw):
    client = client_for(zgw)
    zgw.notificaties.deliver = lambda url, headers, data: 204  # takes anything
    with pytest.raises(ZgwRefused) as refused:
        client.subscribe("https://bot.example.nl/cb", "Bearer x", "zaken")
    assert "no-auth-on-callback-url" in refused.value.codes
    zgw.notificaties.deliver = lambda url, headers, data: 403  # takes nothing
    with pytest.raises(ZgwRefused) as refused:
        client.subscribe("https://bot.example.nl/cb", "Bearer x", "zaken")
    assert "invalid-callback-url" in refused.value.codes
    with pytest.raises(ZgwRefused) as refused:
        client.subscribe("https://bot.example.nl/cb", "Bearer x", "bestaat-niet")
    assert "kanaal_naam" in refused.value.codes
    assert zgw.notificaties.of("abonnement") == []


def test_notifications_reach_only_matching_abonnementen(zgw):
    received = []
    zgw.notificaties.deliver = lambda url, headers, data: (
        received.append((url, json.loads(data))) or 204
        if headers.get("Authorization") == "Bearer x" else 403)
    client = client_for(zgw)
    client.subscribe("https://bot.example.nl/cb", "Bearer x", "zaken", {"bronorganisatie": RSIN})
    client.subscribe("https://ander.example.nl/cb", "Bearer x", "zaken",
                     {"bronorganisatie": "123456782"})
    received.clear()
    created = client.create(ZAKEN, "zaken", zaak(zgw))
    assert [(url, m["resource"], m["hoofdObject"]) for url, m in received] == [
        ("https://bot.example.nl/cb", "zaak", created["url"])]
    assert "auth" not in client.abonnementen()[0], "auth is write-only"
    with pytest.raises(ZgwRefused) as refused:
        client.create(NOTIFICATIES, "notificaties", {"kanaal": "bestaat-niet"})
    assert "message_kanaal" in refused.value.codes


def test_a_server_error_or_no_connection_is_retried(zgw):
    zgw.catalogi.fail_with = 503
    with pytest.raises(ZgwUnavailable) as unavailable:
        client_for(zgw).zaaktype("MOR")
    assert unavailable.value.retry
    down = ZgwClient(ZgwConfig("http://127.0.0.1:9/zaken/api/v1", "http://127.0.0.1:9/c",
                               "http://127.0.0.1:9/d", "http://127.0.0.1:9/n", CLIENT_ID,
                               SECRET, 1.0))
    with pytest.raises(ZgwUnavailable):
        down.list(CATALOGI, "zaaktypen", {})


def test_the_client_reads_only_urls_of_the_configured_apis(zgw):
    with pytest.raises(ZgwRefused):
        client_for(zgw).get("http://169.254.169.254/latest/meta-data")
