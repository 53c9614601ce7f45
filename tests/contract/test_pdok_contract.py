"""Contract: the PDOK Locatieserver stand-in answers in the documented v3_1 shapes and checks
parameters the way the service does; the client works against it.

The schema (tests/contract/schemas/pdok/locatieserver_v3_1.json) is derived from the v3_1
OpenAPI document of https://api.pdok.nl/bzk/locatieserver/search/v3_1 as copied in github
foarsitter/locatieserver `openapi.json` at 0515834166eaa4598a1eeb826080ccc92f2928dc.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Tuple

import jsonschema
import pytest
import requests

from bot.integrations import DeliveryError
from bot.integrations.pdok import (Address, HouseNumber, LocatieserverClient, PdokError,
                                   TTLCache, parse_point)
from tests.standins.pdok import PdokStandIn

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "pdok" / "locatieserver_v3_1.json")
                    .read_text(encoding="utf-8"))
MUNICIPALITY = 'gemeentenaam:"Lindendal"'


def validate(body: Any, kind: str) -> None:
    """Validate an answer against one definition of the schema."""
    jsonschema.validate(body, {**SCHEMA, "$ref": f"#/$defs/{kind}"})


@pytest.fixture(scope="module")
def standin():
    running = PdokStandIn().start()
    yield running
    running.stop()


def get(standin: PdokStandIn, endpoint: str, params: Any) -> requests.Response:
    return requests.get(f"{standin.url}/{endpoint}", params=params, timeout=5)


def client_for(standin: PdokStandIn, municipality: str = "Lindendal",
               cache: TTLCache | None = None) -> LocatieserverClient:
    return LocatieserverClient(standin.url, municipality, timeout=2, cache=cache or TTLCache())


# -- the schema holds the service's own shape ------------------------------------------------

def test_the_schema_accepts_an_answer_shaped_like_the_services():
    """A document in the documented field types (a made-up address) passes; a wrong
    type for `huisnummer` or a lat/lon swap into a non-WKT string does not."""
    doc = {"id": "adr-0123456789abcdef0123456789abcdef", "type": "adres", "bron": "BAG",
           "weergavenaam": "Voorbeeldstraat 1, 1234AB Ergens", "huisnummer": 1,
           "postcode": "1234AB", "nummeraanduiding_id": "0000200000000001",
           "centroide_ll": "POINT(5.1 52.0)", "centroide_rd": "POINT(137569.474 455650.561)",
           "gekoppeld_perceel": ["ABC00-A-1"], "score": 27.5}
    answer = {"response": {"numFound": 1, "start": 0, "maxScore": 27.5, "numFoundExact": True,
                           "docs": [doc]}}
    validate(answer, "search_answer")
    for broken in ({**doc, "huisnummer": "1"}, {**doc, "centroide_ll": "52.0, 5.1"}):
        with pytest.raises(jsonschema.ValidationError):
            validate({"response": {**answer["response"], "docs": [broken]}}, "search_answer")


# -- the stand-in's answers ------------------------------------------------------------------

@pytest.mark.parametrize("endpoint, params, kind", [
    ("free", {"q": "Molenweg 7", "fq": [MUNICIPALITY, "type:adres"]}, "search_answer"),
    ("free", {"q": "Kerkstraat", "fq": "type:weg", "fl": "*"}, "search_answer"),
    ("free", {}, "search_answer"),
    ("suggest", {"q": "kerkstr 14"}, "suggest_answer"),
    ("suggest", {"q": "kerkstrat 14"}, "suggest_answer"),
    ("reverse", {"lat": "52.0945", "lon": "5.1241"}, "search_answer"),
    ("reverse", {"lat": "52.0945", "lon": "5.1241", "type": "adres,weg", "distance": "50",
                 "fl": "*", "rows": "3"}, "search_answer"),
])
def test_answers_match_the_documented_shape(standin, endpoint, params, kind):
    response = get(standin, endpoint, params)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    validate(response.json(), kind)
    body = response.json()
    assert body["response"]["numFound"] > 0 or body["spellcheck"]["collations"]


def test_lookup_answers_the_object_of_a_suggestion(standin):
    suggested = get(standin, "suggest", {"q": "Molenweg 7"}).json()["response"]["docs"][0]
    answer = get(standin, "lookup", {"id": suggested["id"]}).json()
    validate(answer, "search_answer")
    doc = answer["response"]["docs"][0]
    assert doc["weergavenaam"] == "Molenweg 7, 3985AA Eikhoven"
    assert (doc["woonplaatsnaam"], doc["gemeentenaam"]) == ("Eikhoven", "Lindendal")
    assert isinstance(doc["huisnummer"], int)
    assert "score" not in doc and "maxScore" not in answer["response"]


def test_suggest_gives_the_default_fields_highlighting_and_spelling(standin):
    answer = get(standin, "suggest", {"q": "kerkstr 14"}).json()
    doc = answer["response"]["docs"][0]
    assert set(doc) <= {"id", "weergavenaam", "type", "score", "adrestype"}
    assert answer["highlighting"][doc["id"]]["suggest"][0].startswith("<b>Kerkstr</b>aat")
    typo = get(standin, "suggest", {"q": "kerkstrat 14"}).json()
    assert typo["response"]["docs"] == []
    collation = typo["spellcheck"]["collations"][1]
    assert collation["collationQuery"] == "kerkstraat 14" and collation["hits"] > 0


def test_reverse_is_nearest_first_within_the_distance(standin):
    docs = get(standin, "reverse", {"lat": "52.0945", "lon": "5.1241", "rows": "5"}
               ).json()["response"]["docs"]
    distances = [doc["afstand"] for doc in docs]
    assert distances == sorted(distances) and distances[0] < 10
    far = get(standin, "reverse", {"lat": "52.2", "lon": "5.3", "distance": "100"}).json()
    assert far["response"]["numFound"] == 0


def test_rows_and_start_page_the_answer(standin):
    first = get(standin, "free", {"q": "Hoofdstraat", "fq": "type:adres", "rows": "5"}).json()
    second = get(standin, "free", {"q": "Hoofdstraat", "fq": "type:adres", "rows": "5",
                                   "start": "5"}).json()
    assert len(first["response"]["docs"]) == 5 and second["response"]["start"] == 5
    assert not {d["id"] for d in first["response"]["docs"]} & {
        d["id"] for d in second["response"]["docs"]}


# -- parameters are checked like the service checks them --------------------------------------

@pytest.mark.parametrize("endpoint, params, message", [
    ("free", {"q": "x", "limit": "5"}, 'parameter "limit" in query is not allowed'),
    ("free", {"q": "x", "rows": "101"},
     'parameter "rows" in query has an error: number must be at most 100'),
    ("reverse", {"lat": "52.09", "lon": "5.12", "rows": "101"},
     'parameter "rows" in query has an error: number must be at most 100'),
    ("suggest", {"q": "x", "rows": "3001"},
     'parameter "rows" in query has an error: number must be at most 3000'),
    ("free", {"q": "x", "rows": "ten"},
     'parameter "rows" in query has an error: value ten: an invalid integer: invalid syntax'),
    ("free", {"q": "x", "start": "10001"},
     'parameter "start" in query has an error: number must be at most 10000'),
    ("suggest", {"rows": "5"},
     'parameter "q" in query has an error: value is required but missing'),
    ("lookup", {}, 'parameter "id" in query has an error: value is required but missing'),
    ("reverse", {"lat": "north", "lon": "5.1"},
     'parameter "lat" in query has an error: value north: an invalid number: invalid syntax'),
    ("free", {"q": "x", "wt": "csv"},
     'parameter "wt" in query has an error: value is not one of the allowed values '
     '["json","xml"]'),
    ("free", {"q": "x", "fl": "id;drop"}, 'parameter "fl" in query has an error: string '
     'doesn\'t match the regular expression "^([a-z_\\*]+( |,|, )?)+$"'),
    ("lookup", {"id": "x", "rows": "1"}, 'parameter "rows" in query is not allowed'),
])
def test_bad_parameters_get_the_gateways_plain_400(standin, endpoint, params, message):
    response = get(standin, endpoint, params)
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/plain")
    assert response.text == message


def test_suggest_takes_more_rows_than_free(standin):
    """The v3_1 document allows suggest up to 3000 rows, free and reverse up to 100."""
    assert get(standin, "suggest", {"q": "straat", "rows": "150"}).status_code == 200


def test_an_unknown_field_gets_solrs_json_error(standin):
    response = get(standin, "free", {"q": "x", "fq": "straat:Kerkstraat"})
    assert response.status_code == 400
    validate(response.json(), "error_answer")
    assert response.json()["error"] == {**response.json()["error"], "code": 400,
                                        "msg": "undefined field straat"}


def test_free_needs_no_q_but_suggest_does(standin):
    assert get(standin, "free", {"fq": "type:woonplaats"}).json()["response"]["numFound"] == 3
    assert get(standin, "suggest", {}).status_code == 400


# -- the client against the stand-in ---------------------------------------------------------

def test_client_suggest_then_lookup(standin):
    client = client_for(standin)
    suggestion = client.suggest("Beukenlaan 3")[0]
    assert suggestion.display_name == "Beukenlaan 3, 3985BA Eikhoven"
    assert suggestion.highlight and "<b>" in suggestion.highlight
    address = client.lookup(suggestion.id)
    assert address == client.free("Beukenlaan 3", filters=("huisnummer:3",))[0]
    assert (address.street, address.house_number, address.postcode, address.woonplaats) == (
        "Beukenlaan", 3, "3985BA", "Eikhoven")
    assert address.nummeraanduiding_id and len(address.nummeraanduiding_id) == 16
    assert 52.09 < address.lat < 52.1 and 5.12 < address.lon < 5.13


def test_client_searches_only_the_municipality(standin):
    assert client_for(standin).free("Kerkstraat 14")
    assert client_for(standin, municipality="Buurdorp").free("Kerkstraat 14") == []
    asked = standin.requests[-1]
    assert "fq=gemeentenaam%3A%22Buurdorp%22" in asked and "fq=type%3Aadres" in asked


def test_client_reverse_gives_the_nearest_address(standin):
    nearest = client_for(standin).reverse(52.09452, 5.12407)[0]
    assert (nearest.street, nearest.house_number_text, nearest.woonplaats) == (
        "Molenweg", "6", "Eikhoven")
    assert client_for(standin).reverse(52.2, 5.3) == []


def test_client_lookups_are_cached(standin):
    client = client_for(standin)
    suggestion = client.suggest("Parkweg 2")[0]
    before = len(standin.requests)
    assert client.lookup(suggestion.id) == client.lookup(suggestion.id)
    assert client.free("Parkweg 2") == client.free("Parkweg 2")
    assert len(standin.requests) == before + 2


def test_the_cache_forgets_after_its_ttl_and_keeps_a_bound():
    now = [0.0]
    cache = TTLCache(size=2, ttl=10, clock=lambda: now[0])
    calls: List[str] = []

    def compute(key: str) -> str:
        calls.append(key)
        return key.upper()

    assert cache.get_or_set("a", lambda: compute("a")) == "A"
    assert cache.get_or_set("a", lambda: compute("a")) == "A"
    now[0] = 11
    cache.get_or_set("a", lambda: compute("a"))
    cache.get_or_set("b", lambda: compute("b"))
    cache.get_or_set("c", lambda: compute("c"))
    assert calls == ["a", "a", "b", "c"] and len(cache) == 2


@pytest.mark.parametrize("status, retry", [(503, True), (429, True), (400, False)])
def test_client_errors_say_whether_to_retry(standin, status, retry):
    standin.fail_with = status
    try:
        with pytest.raises(PdokError) as raised:
            client_for(standin).free("Kerkstraat 1")
    finally:
        standin.fail_with = None
    assert isinstance(raised.value, DeliveryError) and raised.value.retry is retry


def test_a_refusal_names_the_services_reason(standin):
    client = client_for(standin)
    with pytest.raises(PdokError, match="undefined field straat") as raised:
        client.free("x", filters=("straat:Kerkstraat",))
    assert raised.value.retry is False


def test_a_slow_or_absent_service_is_an_error_not_a_wait(standin):
    standin.delay = 1.0
    try:
        slow = LocatieserverClient(standin.url, "Lindendal", timeout=0.2)
        with pytest.raises(PdokError, match="unreachable"):
            slow.free("Kerkstraat 2")
    finally:
        standin.delay = 0.0
    with pytest.raises(PdokError, match="unreachable"):
        LocatieserverClient("http://127.0.0.1:9", "Lindendal", timeout=0.5).free("x")


@pytest.mark.parametrize("text, parsed", [
    ("14", (14, None, None)), ("14a", (14, "A", None)), ("14 A", (14, "A", None)),
    ("14-2", (14, None, "2")), ("14 bis", (14, None, "BIS")), ("14A-1", (14, "A", "1")),
    ("veertien", None), ("", None),
])
def test_house_numbers_are_split_as_the_bag_does(text, parsed):
    house = HouseNumber.parse(text)
    assert (None if house is None else (house.number, house.letter, house.addition)) == parsed


def test_points_are_lon_lat_in_wkt():
    assert parse_point("POINT(5.13287587 52.08884161)") == (52.08884161, 5.13287587)
    assert parse_point(None) == (None, None)


def test_an_address_reads_back_as_the_resident_writes_it():
    doc: Dict[str, Any] = {"type": "adres", "straatnaam": "Kerkstraat", "huisnummer": 2,
                           "huisletter": "A", "huisnummertoevoeging": "1",
                           "centroide_ll": "POINT(5.1 52.0)"}
    address = Address.from_doc(doc)
    assert address.house_number_text == "2A-1"
    assert Address.from_doc({**doc, "type": "weg", "huisnummer": None}).house_number_text is None


def test_the_standin_checks_a_signalen_address_against_the_register(standin):
    good: Dict[str, Any] = {"openbare_ruimte": "Molenweg", "huisnummer": 7,
                            "postcode": "3985AA", "woonplaats": "Eikhoven"}
    wrong: List[Tuple[str, Any]] = [("woonplaats", "Lindendal"), ("huisnummer", 999),
                                    ("huisletter", "Q"), ("postcode", "3981AA")]
    assert standin.address_exists(good)
    for key, value in wrong:
        assert not standin.address_exists({**good, key: value}), key
