"""The Signalen stand-in answers in upstream's shapes, and the client reads those shapes.

Schemas in tests/contract/schemas/signalen/ are copied or derived from Amsterdam/signals
at the commit named in its index.json; the copied ones are upstream's own test schemas.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Dict

import jsonschema
import pytest
import requests

from bot.integrations.signalen import (SignalenClient, SignalenRefused, SignalenThrottled,
                                       SignalenUnavailable, UnknownCategory)
from bot.reports.status import SIGNALEN_STATES
from tests.standins.signalen import ALLOWED, PHOTO, STATE_DISPLAY, SignalenStandIn

SCHEMAS = Path(__file__).parent / "schemas" / "signalen"
INDEX = json.loads((SCHEMAS / "index.json").read_text())
TOKEN = "service-account-token"
CATEGORY = "wegen-verkeer-straatmeubilair/lantaarnpaal-straatverlichting"


def check(name: str, body: Any) -> None:
    schema = json.loads((SCHEMAS / name).read_text())
    jsonschema.validators.validator_for(schema)(
        schema, format_checker=jsonschema.FormatChecker()).validate(body)


@pytest.fixture
def signalen():
    standin = SignalenStandIn(token=TOKEN, throttle_rate=(3, 3600.0)).start()
    yield standin
    standin.stop()


def body(signalen: SignalenStandIn, **changes: Any) -> Dict[str, Any]:
    url = (f"{signalen.url}/signals/v1/public/terms/categories/"
           f"{CATEGORY.replace('/', '/sub_categories/')}")
    payload = {"text": "Lantaarnpaal brandt niet", "source": "online",
               "location": {"geometrie": {"type": "Point", "coordinates": [5.12, 52.09]},
                            "address": {"openbare_ruimte": "Kerkstraat", "huisnummer": 7,
                                        "woonplaats": "Lindendal"}},
               "category": {"sub_category": url}, "reporter": {},
               "incident_date_start": "2026-11-29T08:00:00+00:00"}
    payload.update(changes)
    return payload


def test_every_schema_names_its_upstream_source():
    assert INDEX["commit"] == "adbe8fc77af20db807dff5322096e15d6a5b26de"
    stored = {path.name for path in SCHEMAS.glob("*.json")} - {"index.json"}
    assert stored == set(INDEX["schemas"])


def test_create_answer_matches_upstream_and_the_client_reads_the_signal_id(signalen):
    answer = requests.post(f"{signalen.url}/signals/v1/public/signals/", json=body(signalen),
                           timeout=5)
    assert answer.status_code == 201
    check("post_signals_v1_public_signals.json", answer.json())
    check("public_signal_detail.derived.json", answer.json())
    assert "uuid" not in answer.json()

    created = SignalenClient(signalen.url).create_signal(body(signalen))
    assert created.signal_id in signalen.signals and created.id == 2
    assert created.id_display == "SIG-2"


def test_public_detail_matches_upstream_and_says_only_open_or_closed(signalen):
    client = SignalenClient(signalen.url)
    created = client.create_signal(body(signalen))
    detail = requests.get(f"{signalen.url}/signals/v1/public/signals/{created.signal_id}",
                          timeout=5).json()
    check("get_signals_v1_public_signals_{uuid}.json", detail)
    check("public_signal_detail.derived.json", detail)
    assert client.signal_status(created.signal_id).state == "OPEN"
    signalen.set_state(created.signal_id, "b")
    assert client.signal_status(created.signal_id).state == "OPEN"
    signalen.set_state(created.signal_id, "o")
    assert client.signal_status(created.signal_id).state == "CLOSED"


def test_categories_match_upstream_and_an_unknown_slug_is_named(signalen):
    listing = requests.get(f"{signalen.url}/signals/v1/public/terms/categories/", timeout=5)
    check("get_signals_v1_public_terms_categories.json", listing.json())
    sub = requests.get(f"{signalen.url}/signals/v1/public/terms/categories/"
                       f"{CATEGORY.replace('/', '/sub_categories/')}", timeout=5)
    check("get_signals_v1_public_terms_categories_{slug}_sub_categories_{sub_slug}.json",
          sub.json())

    signalen.category_page_size = 2  # the client follows HAL's next links
    client = SignalenClient(signalen.url)
    assert CATEGORY in client.categories() and "overig/overig" in client.categories()
    with pytest.raises(UnknownCategory) as unknown:
        client.category_url("wegen-verkeer-straatmeubilair/bestrating")
    assert "wegen-verkeer-straatmeubilair/bestrating" in str(unknown.value)
    assert "onderhoud-stoep-straat-en-fietspad" in str(unknown.value), "suggests the real ones"
    requests_before = signalen.requests
    client.category_url(CATEGORY)
    assert signalen.requests == requests_before, "categories are cached"


def test_refusals_have_drfs_shape_and_reach_the_client_with_the_reason(signalen):
    client = SignalenClient(signalen.url)
    cases = [
        ({"text": ""}, "text"),
        ({"location": {"address": {"openbare_ruimte": "Kerkstraat"}}}, "location"),
        ({"category": {"sub_category": f"{signalen.url}/signals/v1/public/terms/categories/"
                                       "afval/sub_categories/bestaat-niet"}}, "category"),
        ({"reporter": {"phone": "0" * 18}}, "reporter"),
        ({"source": "Telefoon"}, "source"),
        ({"naam": "Jan"}, "non_field_errors"),
    ]
    for changes, field in cases:
        signalen.throttle_rate = (100, 3600.0)
        answer = requests.post(f"{signalen.url}/signals/v1/public/signals/",
                               json=body(signalen, **changes), timeout=5)
        assert answer.status_code == 400, changes
        check("drf_validation_error.derived.json", answer.json())
        assert field in answer.json()
        with pytest.raises(SignalenRefused) as refused:
            client.create_signal(body(signalen, **changes))
        assert not refused.value.retry and refused.value.status == 400
        assert field in refused.value.reason
    assert signalen.signals == {}


def test_address_checker_refuses_an_unknown_address():
    standin = SignalenStandIn(address_checker=lambda address, lon, lat:
                              address.get("openbare_ruimte") == "Kerkstraat").start()
    try:
        good = body(standin)
        SignalenClient(standin.url).create_signal(good)
        bad = body(standin, location={**good["location"],
                                      "address": {"openbare_ruimte": "Fantasiestraat",
                                                  "huisnummer": 5}})
        with pytest.raises(SignalenRefused) as refused:
            SignalenClient(standin.url).create_signal(bad)
        assert "Niet-bestaand adres." in refused.value.reason
    finally:
        standin.stop()


def test_attachments_match_upstream_and_only_images_are_taken(signalen):
    client = SignalenClient(signalen.url)
    created = client.create_signal(body(signalen))
    url = f"{signalen.url}/signals/v1/public/signals/{created.signal_id}/attachments/"
    answer = requests.post(url, files={"file": ("foto.jpg", PHOTO, "image/jpeg")}, timeout=5)
    assert answer.status_code == 201
    check("post_signals_v1_public_signals_attachment.json", answer.json())
    with pytest.raises(SignalenRefused):
        client.add_attachment(created.signal_id, "x.pdf", b"%PDF-1.4", "application/pdf")
    refused = requests.post(url, files={"file": ("x.jpg", b"%PDF-1.4", "image/jpeg")}, timeout=5)
    assert refused.status_code == 400, "the stand-in reads the content, not the name"
    signalen.set_state(created.signal_id, "b")
    with pytest.raises(SignalenRefused) as state:
        client.add_attachment(created.signal_id, "foto.jpg", PHOTO, "image/jpeg")
    assert "current signal state" in state.value.reason


def test_posts_are_throttled_with_retry_after_and_gets_are_not(signalen):
    client = SignalenClient(signalen.url)
    for _ in range(3):
        created = client.create_signal(body(signalen))
    with pytest.raises(SignalenThrottled) as throttled:
        client.create_signal(body(signalen))
    assert throttled.value.retry and 3500 <= throttled.value.retry_after <= 3601
    assert client.signal_status(created.signal_id).state == "OPEN"
    assert len(signalen.signals) == 3


def test_private_list_matches_upstream_and_needs_the_service_account(signalen):
    client = SignalenClient(signalen.url, token=TOKEN)
    before = dt.datetime.utcnow() - dt.timedelta(seconds=5)
    created = client.create_signal(body(signalen, text="Kapot. Zaaknummer chatbot: M-2026-000007",
                                        reporter={"email": "inwoner@voorbeeld.nl"}))
    signalen.set_state(created.signal_id, "reaction requested", "Welke kleur heeft de paal?")
    listing = requests.get(f"{signalen.url}/signals/v1/private/signals/",
                           headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5)
    check("get_signals_v1_private_signals.json", listing.json())
    changed = client.changed_since(before)
    assert changed[created.signal_id].state == "reaction requested"
    after = dt.datetime.utcnow() + dt.timedelta(seconds=5)
    found = client.find_by_marker("Zaaknummer chatbot: M-2026-000007", before, after)
    assert found is not None and found.signal_id == created.signal_id
    assert client.find_by_marker("Zaaknummer chatbot: M-2026-000008", before, after) is None
    with pytest.raises(SignalenRefused):
        SignalenClient(signalen.url, token="wrong").changed_since(before)


def test_a_lost_answer_is_uncertain_and_a_refused_connection_is_not(signalen):
    signalen.lose_answers = 1
    with pytest.raises(SignalenUnavailable) as lost:
        SignalenClient(signalen.url).create_signal(body(signalen))
    assert lost.value.uncertain and len(signalen.signals) == 1
    signalen.answer_delay = 1.5
    with pytest.raises(SignalenUnavailable) as slow:
        SignalenClient(signalen.url, timeout=0.5).create_signal(body(signalen))
    assert slow.value.uncertain
    with pytest.raises(SignalenUnavailable) as down:
        SignalenClient("http://127.0.0.1:9", timeout=1).create_signal(body(signalen))
    assert not down.value.uncertain


def test_every_upstream_state_is_mapped_or_silenced_on_purpose():
    assert set(SIGNALEN_STATES) == set(STATE_DISPLAY) == set(ALLOWED)
    assert len(SIGNALEN_STATES) == 18


def test_make_check_signalen_passes_the_profile_and_names_a_wrong_slug(signalen, capsys):
    from bot.integrations.signalen import check_categories, main

    assert main(["check", "--url", signalen.url]) == 0, capsys.readouterr().out
    problems = check_categories(SignalenClient(signalen.url), {
        "report_pavement_road": "wegen-verkeer-straatmeubilair/bestrating",
        "report_street_lighting": CATEGORY})
    assert len(problems) == 1
    assert problems[0].startswith("report_pavement_road: ") and "bestrating" in problems[0]
    assert main(["check", "--url", "http://127.0.0.1:9"]) == 2


# The private PATCH: how the bot passes a reaction and a KTO answer (bot/reports/answers.py).

def _asked(signalen: SignalenStandIn, client: SignalenClient) -> Any:
    created = client.create_signal(body(signalen, reporter={"email": "inwoner@voorbeeld.nl"}))
    signalen.set_state(created.signal_id, "reaction requested", "Brandt de lamp overdag?")
    return created


def _patch(signalen: SignalenStandIn, number: int, payload: Any, token: str = TOKEN):
    return requests.patch(f"{signalen.url}/signals/v1/private/signals/{number}", json=payload,
                          headers={"Authorization": f"Bearer {token}"}, timeout=5)


def test_the_reaction_goes_back_as_reaction_received_in_upstreams_shape(signalen):
    client = SignalenClient(signalen.url, token=TOKEN)
    created = _asked(signalen, client)
    state = client.changed_since(dt.datetime.utcnow() - dt.timedelta(minutes=1))[created.signal_id]
    assert (state.state, state.text, state.number) == ("reaction requested",
                                                       "Brandt de lamp overdag?", created.id)
    answer = _patch(signalen, created.id, {"status": {"state": "reaction received",
                                                      "text": "Ja, de hele dag"}})
    assert answer.status_code == 200
    check("get_signals_v1_private_signals_{pk}.json", answer.json())
    assert signalen.history[created.signal_id][-1] == ("reaction received", "Ja, de hele dag")


def test_the_private_detail_is_read_in_upstreams_shape_with_the_service_account(signalen):
    client = SignalenClient(signalen.url, token=TOKEN)
    created = _asked(signalen, client)
    url = f"{signalen.url}/signals/v1/private/signals/{created.id}"
    answer = requests.get(url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5)
    assert answer.status_code == 200
    check("get_signals_v1_private_signals_{pk}.json", answer.json())
    assert requests.get(url, timeout=5).status_code == 401
    state = client.private_state(created.id)
    assert (state.state, state.text) == ("reaction requested", "Brandt de lamp overdag?")


def test_a_reaction_needs_the_reporters_email_as_upstream(signalen):
    client = SignalenClient(signalen.url, token=TOKEN)
    anonymous = client.create_signal(body(signalen))
    with pytest.raises(ValueError, match="No email address known"):
        signalen.set_state(anonymous.signal_id, "reaction requested", "Waar precies?")


@pytest.mark.parametrize("state_before, payload, field", [
    ("m", {"status": {"state": "reaction received", "text": "ja"}}, "state"),  # not asked
    ("o", {"status": {"state": "reopened"}}, "text"),              # reopening needs a text
    ("o", {"status": {"state": "b", "text": "x"}}, "state"),        # o → b is no transition
    ("m", {"status": {"state": "weg", "text": "x"}}, "status"),     # not one of the choices
    ("m", {"notes": [{"text": "x" * 3001}]}, "notes"),              # Note.text ≤ 3000
    ("m", {"notes": [{"text": ""}]}, "notes"),
])
def test_the_standin_refuses_what_signalen_refuses(signalen, state_before, payload, field):
    client = SignalenClient(signalen.url, token=TOKEN)
    created = client.create_signal(body(signalen))
    if state_before != "m":
        signalen.set_state(created.signal_id, state_before)
    answer = _patch(signalen, created.id, payload)
    assert answer.status_code == 400 and field in answer.json()
    check("drf_validation_error.derived.json", answer.json())


def test_status_and_note_are_applied_together_or_not_at_all(signalen):
    client = SignalenClient(signalen.url, token=TOKEN)
    created = client.create_signal(body(signalen))
    refused = {"notes": [{"text": "KTO"}], "status": {"state": "reopen requested", "text": "x"}}
    assert _patch(signalen, created.id, refused).status_code == 400, "m → reopen requested"
    assert created.signal_id not in signalen.notes
    signalen.set_state(created.signal_id, "o")
    client.set_state(created.id, "reopen requested", "Niet tevreden", note="KTO: niet tevreden")
    assert signalen.records[created.signal_id]["state"] == "reopen requested"
    assert signalen.notes[created.signal_id] == ["KTO: niet tevreden"]


def test_patching_needs_a_service_account_with_the_permissions(signalen):
    client = SignalenClient(signalen.url, token=TOKEN)
    created = client.create_signal(body(signalen))
    assert _patch(signalen, created.id, {"notes": [{"text": "x"}]}, token="wrong").status_code \
        == 401
    with pytest.raises(SignalenRefused) as no_account:
        SignalenClient(signalen.url).add_note(created.id, "x")
    assert no_account.value.status == 401
    signalen.permissions = frozenset({"sia_read", "sia_write", "sia_signal_create_note"})
    with pytest.raises(SignalenRefused) as forbidden:
        client.set_state(created.id, "b", "bezig")
    assert forbidden.value.status == 403
    client.add_note(created.id, "mag wel")
    assert signalen.notes[created.signal_id] == ["mag wel"]
    assert _patch(signalen, 999, {"notes": [{"text": "x"}]}).status_code == 404
