"""The address register (PDOK Locatieserver, here its stand-in): places resolved to the
register's address, a pin to the nearest address, reports filed with or without it, and the
offline street list of `make import-streets`."""
from __future__ import annotations

import asyncio
import json
import re
import threading
from pathlib import Path
from typing import Any, Dict, List

import pytest
import requests
import yaml

from actions import reports as report_actions
from bot import settings
from bot.integrations import pdok
from bot.reading.places import read_place
from bot.reading.streets import StreetRegister, imported_streets
from bot.reports.service import NewReport
from tests.conftest import make_tracker


@pytest.fixture
def register(pdok_standin, monkeypatch):
    """PDOK_URL pointed at the stand-in, with an empty cache and no pause."""
    monkeypatch.setattr(settings, "PDOK_URL", pdok_standin.url)
    pdok.reset()
    pdok_standin.fail_with = None
    yield pdok_standin
    pdok_standin.fail_with = None
    pdok.reset()


def report(**fields: Any) -> NewReport:
    base: Dict[str, Any] = dict(category="report_pavement_road", description="losse tegel",
                                location_text="ergens", channel="whatsapp", sender_id="s1")
    return NewReport(**{**base, **fields})


# -- resolve ---------------------------------------------------------------------------------

def test_a_village_address_gets_the_villages_woonplaats(register):
    found = pdok.resolve("Molenweg", "7")
    assert (found.street, found.house_number_text, found.postcode, found.woonplaats) == (
        "Molenweg", "7", "3985AA", "Eikhoven")
    assert found.municipality == "Lindendal"


@pytest.mark.parametrize("number, expected", [
    ("14A", "Kerkstraat 14A, 3981CB Lindendal"), ("14a", "Kerkstraat 14A, 3981CB Lindendal"),
    ("14", "Kerkstraat 14, 3981CB Lindendal"), ("2 bis", "Kerkstraat 2-bis, 3981CA Lindendal"),
    ("14Z", "Kerkstraat 14, 3981CB Lindendal"),  # an unknown letter: the number itself
])
def test_letters_and_additions_pick_the_right_address(register, number, expected):
    assert pdok.resolve("Kerkstraat", number).display_name == expected


def test_a_postcode_and_number_find_the_street(register):
    found = pdok.resolve(None, "3", "3981 ba")
    assert (found.street, found.house_number, found.woonplaats) == ("Dorpsstraat", 3, "Lindendal")


def test_a_street_in_two_villages_needs_the_postcode(register):
    assert pdok.resolve("Dorpsstraat", "5") is None  # never a guess between two villages
    assert pdok.resolve("Dorpsstraat", "5", "3985DA").woonplaats == "Eikhoven"
    assert pdok.resolve("Dorpsstraat", "5", "3981BA").woonplaats == "Lindendal"


def test_a_number_the_register_lacks_still_gives_the_street(register):
    found = pdok.resolve("Parkweg", "999")
    assert (found.kind, found.street, found.woonplaats, found.house_number) == (
        "weg", "Parkweg", "Beekwijk", None)


def test_an_unknown_street_resolves_to_nothing(register):
    assert pdok.resolve("Nergensstraat", "1") is None
    assert pdok.resolve(None, None, None) is None


def test_offline_resolves_nothing_and_asks_nobody(register, monkeypatch):
    monkeypatch.setattr(settings, "PDOK_URL", "")
    before = len(register.requests)
    assert pdok.resolve("Molenweg", "7") is None and pdok.resolve_pin(52.09, 5.12) is None
    assert len(register.requests) == before


def test_a_register_that_is_down_is_paused_not_waited_for(register, caplog):
    register.fail_with = 503
    assert pdok.resolve("Molenweg", "7") is None
    asked = len(register.requests)
    register.fail_with = None
    assert pdok.resolve("Molenweg", "8") is None  # paused: not asked again right away
    assert len(register.requests) == asked
    assert "Address register not used" in caplog.text
    pdok.reset()
    assert pdok.resolve("Molenweg", "8").postcode == "3985AA"


def test_offline_the_street_list_gives_a_villages_woonplaats(register, monkeypatch, tmp_path):
    target = tmp_path / "streets.yml"
    pdok.write_streets({"Molenweg": {"point": [52.0944, 5.124], "woonplaatsen": ["Eikhoven"]},
                        "Dorpsstraat": {"point": [52.09, 5.12],
                                        "woonplaatsen": ["Eikhoven", "Lindendal"]}},
                       "Lindendal", "test", target)
    monkeypatch.setattr(settings, "STREETS_FILE", target)
    register.fail_with = 503
    found = pdok.resolve("molenweg", "7")
    assert (found.kind, found.street, found.woonplaats, found.postcode) == (
        "weg", "Molenweg", "Eikhoven", None)
    monkeypatch.setattr(settings, "PDOK_URL", "")
    assert pdok.resolve("Molenweg", None).lat == 52.0944
    assert pdok.resolve("Dorpsstraat", "5").woonplaats is None  # two villages: no guess
    assert pdok.resolve("Nergensstraat", "5") is None
    [filed] = report_actions.with_register_address([report(street="Molenweg", house_number="7")])
    assert (filed.woonplaats, filed.house_number, filed.postcode) == ("Eikhoven", "7", None)


def test_a_pin_resolves_to_the_nearest_address(register):
    found = pdok.resolve_pin(52.09452, 5.12407)
    assert (found.street, found.house_number_text, found.woonplaats) == (
        "Molenweg", "6", "Eikhoven")
    assert pdok.resolve_pin(52.2, 5.3) is None  # outside the municipality


# -- reports ---------------------------------------------------------------------------------

def test_a_report_is_filed_with_the_registers_address(register):
    new = report(street="Molenweg", house_number="7", latitude=52.0944, longitude=5.124)
    [resolved] = report_actions.with_register_address([new])
    assert (resolved.street, resolved.house_number, resolved.postcode, resolved.woonplaats) == (
        "Molenweg", "7", "3985AA", "Eikhoven")
    assert (resolved.latitude, resolved.longitude) != (52.0944, 5.124)  # the address's point
    assert resolved.idempotency_key() == new.idempotency_key()
    assert register.address_exists({"openbare_ruimte": resolved.street, "huisnummer": 7,
                                    "postcode": resolved.postcode,
                                    "woonplaats": resolved.woonplaats})


def test_every_problem_at_one_place_gets_the_same_address(register):
    both = report_actions.with_register_address([
        report(street="Kerkstraat", house_number="14a"),
        report(street="Kerkstraat", house_number="14a", description="kapotte lamp")])
    assert {(r.house_number, r.postcode, r.woonplaats) for r in both} == {
        ("14A", "3981CB", "Lindendal")}


def test_a_pin_report_gets_the_nearest_address_and_keeps_the_pin(register):
    [resolved] = report_actions.with_register_address(
        [report(latitude=52.09452, longitude=5.12407)])
    assert (resolved.street, resolved.house_number, resolved.postcode, resolved.woonplaats) == (
        "Molenweg", "6", "3985AA", "Eikhoven")
    assert (resolved.latitude, resolved.longitude) == (52.09452, 5.12407)


def test_a_corner_keeps_both_streets_and_gets_the_woonplaats(register):
    [resolved] = report_actions.with_register_address(
        [report(street="Molenweg / Beukenlaan", latitude=52.0944, longitude=5.124)])
    assert resolved.street == "Molenweg / Beukenlaan"
    assert (resolved.woonplaats, resolved.latitude) == ("Eikhoven", 52.0944)


def test_a_report_the_register_cannot_place_is_unchanged(register):
    new = report(street="Nergensstraat", house_number="1")
    assert report_actions.with_register_address([new]) == [new]
    register.fail_with = 500
    known = report(street="Molenweg", house_number="7")
    assert report_actions.with_register_address([known]) == [known]


def test_an_unexpected_failure_never_blocks_a_report(register, monkeypatch):
    def broken(*args: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(report_actions, "resolve", broken)
    new = report(street="Molenweg", house_number="7")
    assert report_actions.with_register_address([new]) == [new]


def submit(monkeypatch, slots: Dict[str, Any], domain) -> List[NewReport]:
    """Run the submit action with filing replaced; the reports it would file."""
    filed: List[NewReport] = []

    class Filed:
        id, case_number = 1, "M-2026-000001"

    def fake_file_all(reports: List[NewReport]) -> List[Any]:
        filed.extend(reports)
        return [Filed() for _ in reports]

    monkeypatch.setattr(report_actions, "_file_all", fake_file_all)
    monkeypatch.setattr(report_actions, "forward_in_background", lambda ids: None)
    tracker = make_tracker(intent="affirm", text="ja", channel="whatsapp", slots=slots)
    from rasa_sdk.executor import CollectingDispatcher

    asyncio.run(report_actions.ActionSubmitReport().run(CollectingDispatcher(), tracker, domain))
    return filed


def test_the_submit_action_resolves_off_the_event_loop(register, monkeypatch, domain):
    threads: List[int] = []
    original = report_actions.resolve

    def recording(*args: Any) -> Any:
        threads.append(threading.get_ident())
        return original(*args)

    monkeypatch.setattr(report_actions, "resolve", recording)
    place = read_place("Molenweg 7")
    slots = {"report_category": "report_pavement_road", "report_description": "losse tegel",
             "report_place": place.as_dict(), "report_location": place.label,
             "report_latitude": place.latitude, "report_longitude": place.longitude,
             "report_updates": False}
    [filed] = submit(monkeypatch, slots, domain)
    assert (filed.postcode, filed.woonplaats) == ("3985AA", "Eikhoven")
    assert threads and threading.get_ident() not in threads


def test_the_submit_action_files_when_the_register_is_down(register, monkeypatch, domain):
    register.fail_with = 503
    slots = {"report_category": "report_pavement_road", "report_description": "losse tegel",
             "report_place": read_place("Molenweg 7").as_dict(), "report_location": "Molenweg 7",
             "report_updates": False}
    [filed] = submit(monkeypatch, slots, domain)
    assert (filed.street, filed.house_number, filed.woonplaats) == ("Molenweg", "7", None)


# -- offline: the street list ----------------------------------------------------------------

def test_import_streets_from_locatieserver_free_answers_in_pages(register, tmp_path):
    pages = []
    for start in (0, 10):
        answer = requests.get(f"{register.url}/free", params={
            "q": "*:*", "fq": ["type:weg", 'gemeentenaam:"Lindendal"'], "rows": "10",
            "start": str(start), "fl": "*"}, timeout=5).json()
        pages.append(tmp_path / f"wegen_{start}.json")
        pages[-1].write_text(json.dumps(answer), encoding="utf-8")
    elders = json.loads(pages[0].read_text())
    elders["response"]["docs"] = [{**elders["response"]["docs"][0], "straatnaam": "Elders",
                                   "gemeentenaam": "Buurdorp"}]
    pages.append(tmp_path / "buurdorp.json")
    pages[-1].write_text(json.dumps(elders), encoding="utf-8")
    target = tmp_path / "streets.yml"
    assert pdok.main(["import-streets", *map(str, pages), "--out", str(target)]) == 0
    written = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert written["municipality"] == "Lindendal" and "Elders" not in written["streets"]
    assert len(written["streets"]) == 17  # the profile's 17, Dorpsstraat in two villages
    assert written["woonplaatsen"]["Dorpsstraat"] == ["Eikhoven", "Lindendal"]
    assert written["woonplaatsen"]["Molenweg"] == ["Eikhoven"]


def test_import_streets_from_address_documents_and_csv(tmp_path):
    docs = [{"type": "adres", "straatnaam": "Eikenlaan", "woonplaatsnaam": "Eikhoven",
             "gemeentenaam": "Lindendal", "centroide_ll": f"POINT(5.12 {lat})"}
            for lat in (52.10, 52.12)]
    source = tmp_path / "adressen.json"
    source.write_text(json.dumps({"response": {"numFound": 2, "start": 0, "docs": docs}}))
    streets = pdok.streets_from_exports([source], "Lindendal")
    assert streets == {"Eikenlaan": {"point": [52.11, 5.12], "woonplaatsen": ["Eikhoven"]}}
    csv_file = tmp_path / "straten.csv"
    csv_file.write_text("straatnaam,woonplaats,lat,lon\nBeekstraat,Beekwijk,52.087,5.113\n")
    assert pdok.streets_from_exports([csv_file], "Lindendal")["Beekstraat"]["point"] == [
        52.087, 5.113]


def test_import_streets_refuses_a_file_it_cannot_read(tmp_path, capsys):
    bad = tmp_path / "straten.csv"
    bad.write_text("naam,plaats\nBeekstraat,Beekwijk\n")
    assert pdok.main(["import-streets", str(bad), "--out", str(tmp_path / "out.yml")]) == 1
    assert "lat, lon, straatnaam, woonplaats" in capsys.readouterr().err
    assert not (tmp_path / "out.yml").exists()


def test_the_place_reader_uses_the_imported_street_list(tmp_path):
    target = tmp_path / "streets.yml"
    pdok.write_streets({"Eikenlaan": {"point": [52.1, 5.12], "woonplaatsen": ["Eikhoven"]},
                        "Kerkstraat": {"point": [52.0921, 5.1188], "woonplaatsen": ["Lindendal"]}},
                       "Lindendal", "test", target)
    streets = imported_streets(target, "Lindendal")
    register = StreetRegister(streets, "Lindendal", (52.0907, 5.1214))
    place = read_place("losse tegel voor Eikenlan 4", register)
    assert (place.streets, place.house_number) == (("Eikenlaan",), "4")
    assert (place.latitude, place.longitude) == (52.1, 5.12)


def test_a_street_list_of_another_municipality_or_broken_is_not_used(tmp_path):
    target = tmp_path / "streets.yml"
    pdok.write_streets({"Eikenlaan": {"point": [52.1, 5.12], "woonplaatsen": []}},
                       "Buurdorp", "test", target)
    assert imported_streets(target, "Lindendal") is None
    target.write_text("streets: [not, a, mapping]\n")
    assert imported_streets(target, "Lindendal") is None
    assert imported_streets(tmp_path / "absent.yml", "Lindendal") is None


def test_the_installation_register_falls_back_to_the_profile(monkeypatch, tmp_path):
    from bot.reading import streets as streets_module

    monkeypatch.setattr(settings, "STREETS_FILE", tmp_path / "absent.yml")
    streets_module._profile_register.cache_clear()
    try:
        from bot.profile import profile
        assert len(StreetRegister.from_profile().names) == len(profile().location.streets)
        assert "Zonnehof" not in StreetRegister.from_profile().names
        target = tmp_path / "streets.yml"
        pdok.write_streets({"Zonnehof": {"point": [52.1, 5.12], "woonplaatsen": []}},
                           "Lindendal", "test", target)
        monkeypatch.setattr(settings, "STREETS_FILE", target)
        streets_module._profile_register.cache_clear()
        assert StreetRegister.from_profile().names == ("Zonnehof",)
    finally:
        streets_module._profile_register.cache_clear()


def test_the_place_reader_never_reaches_the_network():
    reading = Path(__file__).parent.parent / "bot" / "reading"
    for module in reading.glob("*.py"):
        text = module.read_text(encoding="utf-8")
        for banned in ("import requests", "urllib", "bot.integrations", "socket", "http.client"):
            assert banned not in text, f"{module.name}: {banned}"


def test_only_an_address_the_register_knows_is_confirmed(register):
    """Finding 4: street and number found → confirmed; an unknown number or the street
    alone is not, so Signalen gets only the point."""
    [known] = report_actions.with_register_address([report(street="Molenweg", house_number="7")])
    [typo] = report_actions.with_register_address(
        [report(street="Molenweg", house_number="7000")])
    [pinned] = report_actions.with_register_address([report(latitude=52.09452,
                                                            longitude=5.12407)])
    assert known.address_confirmed and pinned.address_confirmed
    assert not typo.address_confirmed


def test_a_confirmed_address_keeps_the_registers_nummeraanduiding_id(register):
    [known] = report_actions.with_register_address([report(street="Molenweg", house_number="7")])
    [pinned] = report_actions.with_register_address([report(latitude=52.09452,
                                                            longitude=5.12407)])
    [typo] = report_actions.with_register_address(
        [report(street="Molenweg", house_number="7000")])
    [street] = report_actions.with_register_address([report(street="Molenweg")])
    for confirmed in (known, pinned):
        assert re.fullmatch(r"\d{16}", confirmed.nummeraanduiding_id or ""), confirmed
    assert (typo.nummeraanduiding_id, street.nummeraanduiding_id) == (None, None)
