"""The Open Klant stand-in follows the Klantinteracties API Open Klant serves, refuses what
Open Klant refuses, and the client's requests are ones it takes.

`schemas/openklant/index.json` is derived from maykinmedia/open-klant's own
`klantinteracties/openapi.yaml` (the commit and API version are named in it): per resource
the writable fields, which are required, their maxLength and enums.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict

import pytest
import requests

from bot.integrations.openklant import (Identificator, OpenKlantClient, OpenKlantRefused,
                                        OpenKlantUnavailable)
from tests.standins.openklant import BASE, SCHEMAS, VERSION, OpenKlantStandIn

INDEX = json.loads((Path(__file__).parent / "schemas" / "openklant" / "index.json").read_text())
TOKEN = "open-klant-test-token"
NOWHERE = "00000000-0000-4000-8000-000000000000"
# Written per soort actor (medewerker_ActorSerializer and friends), not on the base schema.
SUBTYPE_FIELDS = {"actoren": {"actorIdentificatie"}}


@pytest.fixture
def openklant():
    standin = OpenKlantStandIn(token=TOKEN).start()
    yield standin
    standin.stop()


@pytest.fixture
def client(openklant) -> OpenKlantClient:
    return OpenKlantClient(openklant.url, TOKEN, timeout=5)


def post(openklant: OpenKlantStandIn, resource: str, body: Any,
         token: str = TOKEN) -> requests.Response:
    headers = {"Authorization": f"Token {token}"} if token else {}
    return requests.post(f"{openklant.url}{BASE}/{resource}", json=body, headers=headers,
                         timeout=5)


def klantcontact(**changes: Any) -> Dict[str, Any]:
    return {"kanaal": "WhatsApp", "onderwerp": "Paspoort aanvragen", "inhoud": "Wanneer?",
            "taal": "nld", "vertrouwelijk": False, **changes}


def invalid(answer: requests.Response) -> Dict[str, str]:
    """name → code of Open Klant's invalidParams."""
    assert answer.status_code == 400, answer.text
    body = answer.json()
    assert {"type", "code", "title", "status", "detail", "instance"} <= set(body)
    return {p["name"]: p["code"] for p in body["invalidParams"]}


# --- the stand-in is the published specification ----------------------------------------

def test_the_standin_names_the_api_version_of_the_specification_it_follows():
    assert VERSION == INDEX["api_version"] == "0.9.0"
    assert INDEX["security"]["tokenAuth"]["name"] == "Authorization"


@pytest.mark.parametrize("resource", sorted(INDEX["resources"]))
def test_each_resource_has_the_specifications_fields_required_lengths_and_enums(resource):
    spec, fields = INDEX["resources"][resource], SCHEMAS[resource]
    assert set(fields) - SUBTYPE_FIELDS.get(resource, set()) == set(spec["fields"])
    assert {name for name, f in fields.items() if f.required} == set(spec["required"])
    for name, rules in spec["fields"].items():
        if "maxLength" in rules:
            assert fields[name].max_length == rules["maxLength"], name
        if "enum" in rules:
            assert set(fields[name].choices) == set(rules["enum"]), name


# --- it refuses what Open Klant refuses ----------------------------------------------------

def test_no_token_and_a_wrong_token_are_refused(openklant):
    missing = post(openklant, "klantcontacten", klantcontact(), token="")
    wrong = post(openklant, "klantcontacten", klantcontact(), token="guessed")
    assert (missing.status_code, missing.json()["code"]) == (401, "not_authenticated")
    assert (wrong.status_code, wrong.json()["code"]) == (401, "authentication_failed")
    bearer = requests.post(f"{openklant.url}{BASE}/klantcontacten", json=klantcontact(),
                           headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5)
    assert bearer.status_code == 401, "Open Klant's scheme is Token, not Bearer"
    assert openklant.records["klantcontacten"] == {}


def test_missing_required_fields_are_named_as_open_klant_names_them(openklant):
    assert invalid(post(openklant, "betrokkenen", {})) == {
        "hadKlantcontact": "required", "rol": "required", "initiator": "required"}
    assert invalid(post(openklant, "klantcontacten", {})) == {
        "kanaal": "required", "onderwerp": "required", "taal": "required",
        "vertrouwelijk": "required"}
    assert "nonFieldErrors" in invalid(post(openklant, "internetaken", {
        "gevraagdeHandeling": "Bellen", "status": "te_verwerken",
        "aanleidinggevendKlantcontact": {"uuid": _contact(openklant)}})), "no actor at all"


def test_references_must_exist(openklant):
    assert invalid(post(openklant, "betrokkenen", {
        "hadKlantcontact": {"uuid": NOWHERE}, "rol": "klant", "initiator": True})) == {
        "hadKlantcontact.uuid": "invalid"}
    reason = post(openklant, "onderwerpobjecten", {"klantcontact": {"uuid": NOWHERE}}).json()
    assert reason["invalidParams"][0]["reason"] == "Klantcontact object bestaat niet."
    assert invalid(post(openklant, "internetaken", {
        "gevraagdeHandeling": "Bellen", "status": "te_verwerken",
        "aanleidinggevendKlantcontact": {"uuid": _contact(openklant)},
        "toegewezenAanActoren": [{"uuid": NOWHERE}]})) == {"toegewezenAanActoren.0.uuid": "invalid"}


def test_lengths_enums_and_rules_are_checked(openklant):
    assert invalid(post(openklant, "klantcontacten", klantcontact(taal="nederlands"))) == {
        "taal": "max_length"}
    assert invalid(post(openklant, "klantcontacten", klantcontact(kanaal="k" * 51))) == {
        "kanaal": "max_length"}
    assert invalid(post(openklant, "klantcontacten", klantcontact(
        indicatieContactGelukt=True, verdereActieOndernomen=True))) == {
        "nonFieldErrors": "no-further-action-when-contact-succesful"}
    assert invalid(post(openklant, "betrokkenen", {
        "hadKlantcontact": {"uuid": _contact(openklant)}, "rol": "burger",
        "initiator": True})) == {"rol": "invalid_choice"}
    assert invalid(post(openklant, "digitaleadressen", {
        "adres": "0800-1234", "soortDigitaalAdres": "telefoonnummer"})) == {"adres": "invalid"}


def test_a_kanaal_outside_the_referentielijst_is_refused_when_open_klant_checks(openklant):
    assert post(openklant, "klantcontacten", klantcontact()).status_code == 201, "no check"
    openklant.kanalen = ("WHATSAPP", "TELEFOON")
    answer = post(openklant, "klantcontacten", klantcontact())
    assert invalid(answer) == {"kanaal": "invalid"}
    assert "Allowed values: WHATSAPP, TELEFOON" in answer.json()["invalidParams"][0]["reason"]
    assert post(openklant, "klantcontacten", klantcontact(kanaal="WHATSAPP")).status_code == 201


def test_an_unknown_uuid_is_404_and_a_pair_is_linked_once(openklant, client):
    answer = requests.get(f"{openklant.url}{BASE}/internetaken/{NOWHERE}",
                          headers={"Authorization": f"Token {TOKEN}"}, timeout=5)
    assert (answer.status_code, answer.json()["code"]) == (404, "not_found")
    contact = _contact(openklant)
    actor = client.actor("A. de Vries", "medewerker", Identificator("adv", "mdw", "obj", "idf"))
    client.link_actor(actor, contact)
    with pytest.raises(OpenKlantRefused, match="unieke set"):
        client.link_actor(actor, contact)


# --- the client's requests are taken, and its errors say whether to retry ------------------

def test_the_clients_requests_make_a_linked_klantcontact_and_a_task(openklant, client):
    contact = client.create_klantcontact(klantcontact(metadata={"uitkomst": "beantwoord"}))
    medewerker = client.actor("A. de Vries", "medewerker",
                              Identificator("adv", "mdw", "obj", "idf"))
    client.link_actor(medewerker, contact["uuid"])
    betrokkene = client.create_betrokkene(contact["uuid"])
    client.create_digitaal_adres(betrokkene["uuid"], "telefoonnummer", "+31612345678",
                                 "WhatsApp (chatbot)")
    client.create_onderwerpobject(contact["uuid"], Identificator(
        "M-2026-000123", "melding", "gemeente-assistent", "zaaknummer"))
    afdeling = client.actor("Burgerzaken", "organisatorische_eenheid",
                            Identificator("burgerzaken", "afd", "obj", "idf"))
    task = client.create_internetaak(contact["uuid"], [afdeling], "Graag terugbellen")

    [stored] = openklant.all("klantcontacten")
    assert [a["naam"] for a in stored["hadBetrokkenActoren"]] == ["A. de Vries"]
    assert len(stored["hadBetrokkenen"]) == len(stored["gingOverOnderwerpobjecten"]) == 1
    assert stored["leiddeTotInterneTaken"][0]["uuid"] == task["uuid"]
    assert client.internetaak(task["uuid"])["toegewezenAanActor"]["uuid"] == afdeling
    done = client.update_internetaak(task["uuid"], {"status": "verwerkt",
                                                    "afgehandeldOp": "2026-11-30T09:00:00Z"})
    assert done["status"] == "verwerkt"
    assert client.actor("Burgerzaken", "organisatorische_eenheid", Identificator(
        "burgerzaken", "afd", "obj", "idf")) == afdeling, "found again, not made twice"
    assert len(openklant.records["actoren"]) == 2


def test_refusals_are_final_and_outages_are_retried(openklant, client):
    with pytest.raises(OpenKlantRefused) as refused:
        OpenKlantClient(openklant.url, "wrong").create_klantcontact(klantcontact())
    assert refused.value.retry is False and refused.value.status == 401
    with pytest.raises(OpenKlantRefused, match="taal: Zorg ervoor"):
        client.create_klantcontact(klantcontact(taal="nederlands"))
    openklant.fail_with = 503
    with pytest.raises(OpenKlantUnavailable) as down:
        client.create_klantcontact(klantcontact())
    assert down.value.retry is True
    openklant.stop()
    with pytest.raises(OpenKlantUnavailable):
        client.create_klantcontact(klantcontact())


def _contact(openklant: OpenKlantStandIn) -> str:
    answer = post(openklant, "klantcontacten", klantcontact())
    assert answer.status_code == 201, answer.text
    return answer.json()["uuid"]


# --- lists: exactly Open Klant's query parameters -------------------------------------------

@pytest.mark.parametrize("resource", sorted(INDEX["filters"]))
def test_the_standin_offers_exactly_open_klants_query_parameters(resource):
    from tests.standins.openklant import FILTERS, MODELLED

    assert sorted(FILTERS[resource]) == INDEX["filters"][resource]
    assert set(MODELLED.get(resource, {})) <= set(FILTERS[resource])


def test_an_unknown_query_parameter_is_refused_as_open_klant_refuses_it(openklant):
    answer = requests.get(f"{openklant.url}{BASE}/klantcontacten", timeout=5,
                          params={"metadata__uitkomst": "x", "inhoud": "KC-1"},
                          headers={"Authorization": f"Token {TOKEN}"})
    assert answer.status_code == 400
    [problem] = answer.json()["invalidParams"]
    assert (problem["code"], problem["reason"]) == (
        "unknown-parameters", "Onbekende query parameters: metadata__uitkomst")


def test_the_lookups_after_a_lost_answer_use_filters_open_klant_has(openklant, client):
    marker = "KC-0a1b2c3d4e"
    contact = client.create_klantcontact(klantcontact(inhoud=f"Wanneer?\n\nKenmerk chatbot: "
                                                             f"{marker.lower()}"))["uuid"]
    client.create_klantcontact(klantcontact(inhoud="Iets anders"))
    assert client.find_klantcontact(marker, "WhatsApp") is None, "the marker as sent, exactly"
    assert client.find_klantcontact(marker.lower(), "WhatsApp") == contact, "icontains"
    assert client.find_klantcontact(marker.lower(), "SMS") is None
    betrokkene = client.create_betrokkene(contact)["uuid"]
    assert client.find_betrokkene(contact) == betrokkene
    adres = client.create_digitaal_adres(betrokkene, "overig", "12345678", "Telegram")["uuid"]
    assert client.find_digitaal_adres(betrokkene) == adres
    about = Identificator("M-2026-000123", "melding", "gemeente-assistent", "zaaknummer")
    assert client.find_onderwerpobject(contact, about) is None
    made = client.create_onderwerpobject(contact, about)["uuid"]
    assert client.find_onderwerpobject(contact, about) == made
    actor = client.actor("A. de Vries", "medewerker", Identificator("adv", "mdw", "obj", "idf"))
    assert client.find_actor_link(actor, contact) is None
    link = client.link_actor(actor, contact)["uuid"]
    assert client.find_actor_link(actor, contact) == link
    assert client.find_internetaak(contact) is None
    task = client.create_internetaak(contact, [actor], "Graag terugbellen")["uuid"]
    assert client.find_internetaak(contact) == task
