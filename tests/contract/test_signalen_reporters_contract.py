"""The stand-in's reporter endpoints behave as upstream's, and the client reads them.

Upstream (Amsterdam/signals @ adbe8fc7): `features/update_signal_reporters.feature` and
`tests/test_private_signal_reporters.py` (the scenarios below follow them),
`serializers/signal_reporter.py`, `models/reporter.py`, `generics/permissions.py`
(`ReporterPermission`), `views/email_verification.py`; tests/standins/signalen_reporters.py
names what it mirrors.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Dict, Optional

import pytest
import requests

from bot.integrations.signalen import (REPORTER_APPROVED, REPORTER_CANCELLED,
                                       REPORTER_VERIFYING, SignalenClient, SignalenRefused,
                                       SignalenUnavailable)
from tests.contract.test_signalen_contract import TOKEN, body, check
from tests.standins.signalen import SERVICE_ACCOUNT, SignalenStandIn
from tests.standins.signalen_reporters import (ALL_CATEGORIES, CONFIRM_UPDATED,
                                               CONTACT_DETAILS, NOTIFY_CURRENT, VERIFY_EMAIL)

# What the chatbot's service account needs for reporters (upstream's ReporterPermission).
CONTACT_ACCOUNT = SERVICE_ACCOUNT | {CONTACT_DETAILS, ALL_CATEGORIES}
JOEP, JAN, YOUP = "joep@example.com", "jan@example.com", "youp@example.com"


@pytest.fixture
def signalen():
    standin = SignalenStandIn(token=TOKEN, permissions=CONTACT_ACCOUNT).start()
    yield standin
    standin.stop()


@pytest.fixture
def client(signalen):
    return SignalenClient(signalen.url, token=TOKEN)


def _signal(signalen: SignalenStandIn, reporter: Optional[Dict[str, Any]] = None):
    return SignalenClient(signalen.url).create_signal(body(signalen, reporter=reporter or {}))


def _post(signalen: SignalenStandIn, number: int, payload: Any, token: str = TOKEN):
    return requests.post(f"{signalen.url}/signals/v1/private/signals/{number}/reporters/",
                         json=payload, headers={"Authorization": f"Bearer {token}"}, timeout=5)


def _list(signalen: SignalenStandIn, number: int, query: str = ""):
    return requests.get(f"{signalen.url}/signals/v1/private/signals/{number}/reporters/{query}",
                        headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5)


def _verify(signalen: SignalenStandIn, token: Any):
    return requests.post(f"{signalen.url}/signals/v1/public/reporter/verify-email",
                         json={"token": token}, timeout=5)


def _reporter_now(signalen: SignalenStandIn, number: int) -> Dict[str, Any]:
    return requests.get(f"{signalen.url}/signals/v1/private/signals/{number}",
                        headers={"Authorization": f"Bearer {TOKEN}"}, timeout=5).json()["reporter"]


def _mails(signalen: SignalenStandIn):
    return [(mail.to, mail.template) for mail in signalen.reporters.mails]


def test_a_new_email_waits_for_the_residents_link_in_upstreams_shapes(signalen):
    created = _signal(signalen)
    answer = _post(signalen, created.id, {"email": JAN, "phone": "0200000001",
                                          "sharing_allowed": False})
    assert answer.status_code == 201
    check("private_signal_reporter.derived.json", answer.json())
    made = answer.json()
    assert (made["email"], made["phone"], made["state"]) == (JAN, "0200000001",
                                                             REPORTER_VERIFYING)
    expires = dt.datetime.fromisoformat(made["email_verification_token_expires"])
    assert dt.timedelta(hours=23) < expires - dt.datetime.now(dt.timezone.utc) \
        <= dt.timedelta(hours=24)
    assert _mails(signalen) == [(JAN, VERIFY_EMAIL)], "the anonymous original has no address"
    listing = _list(signalen, created.id)
    check("private_signal_reporters.derived.json", listing.json())
    for row in listing.json()["results"]:
        check("private_signal_reporter.derived.json", row)
    assert [r["state"] for r in listing.json()["results"]] == [REPORTER_APPROVED,
                                                                REPORTER_VERIFYING]
    assert _reporter_now(signalen, created.id)["email"] == "", "not before the link"
    with pytest.raises(ValueError, match="No email address known"):
        signalen.set_state(created.signal_id, "reaction requested", "Welke paal?")

    token = signalen.reporters.token_for(JAN)
    assert _verify(signalen, token).json() == {"token": token}
    assert _reporter_now(signalen, created.id)["email"] == JAN
    assert _reporter_now(signalen, created.id)["phone"] == "0200000001"
    assert _mails(signalen)[-1] == (JAN, CONFIRM_UPDATED)
    assert signalen.reporters.log[created.signal_id] == [
        "E-mail verificatie verzonden.", "E-mailadres is geverifieerd door de melder.",
        "E-mailadres is gewijzigd.", "Telefoonnummer is gewijzigd."]
    signalen.set_state(created.signal_id, "reaction requested", "Welke paal?")
    assert _verify(signalen, token).json() == {"token": ["Token already verified!"]}


def test_the_old_address_is_told_and_a_new_request_cancels_the_one_waiting(signalen):
    created = _signal(signalen, {"email": JOEP, "phone": "0200000000"})
    _post(signalen, created.id, {"email": JAN, "phone": "0200000001", "sharing_allowed": True})
    assert _mails(signalen) == [(JOEP, NOTIFY_CURRENT), (JAN, VERIFY_EMAIL)]
    first_token = signalen.reporters.token_for(JAN)
    _post(signalen, created.id, {"email": YOUP, "phone": "0200000001",
                                 "sharing_allowed": True})
    states = {r["email"]: r["state"] for r in _list(signalen, created.id).json()["results"]}
    assert states == {JOEP: REPORTER_APPROVED, JAN: REPORTER_CANCELLED,
                      YOUP: REPORTER_VERIFYING}
    assert _verify(signalen, first_token).json() == {"token": ["Token not found!"]}, \
        "cancelling clears the token"
    assert _verify(signalen, signalen.reporters.token_for(YOUP)).status_code == 200
    assert _reporter_now(signalen, created.id)["email"] == YOUP


@pytest.mark.parametrize("original, change, state, mails", [
    # update_signal_reporters.feature: "Update reporter phone of signal with reporter that
    # has only phone" / "... phone and email" / "Update phone and mail to null ...".
    ({"phone": "0200000000"}, {"phone": "0200000001"}, REPORTER_APPROVED, []),
    ({"email": JOEP, "phone": "0200000000"}, {"email": JOEP, "phone": "0200000001"},
     REPORTER_APPROVED, [(JOEP, CONFIRM_UPDATED)]),
    ({"email": JOEP, "phone": "0200000000"}, {"email": None, "phone": None},
     REPORTER_APPROVED, []),
    # no change at all; and a blank e-mail is not "none" (models/reporter.py is_approvable)
    ({"email": JOEP}, {"email": JOEP}, REPORTER_CANCELLED, []),
    ({}, {"email": "", "phone": "0200000001"}, REPORTER_CANCELLED, []),
    ({}, {"email": JAN}, REPORTER_VERIFYING, [(JAN, VERIFY_EMAIL)]),
])
def test_what_signalen_does_with_a_new_reporter(signalen, original, change, state, mails):
    created = _signal(signalen, original)
    answer = _post(signalen, created.id, {**change, "sharing_allowed": False})
    assert answer.status_code == 201 and answer.json()["state"] == state
    assert _mails(signalen) == mails
    now = _reporter_now(signalen, created.id)
    expected = change if state == REPORTER_APPROVED else original
    assert (now["email"], now["phone"]) == (expected.get("email") or "",
                                            expected.get("phone") or "")
    if state == REPORTER_CANCELLED:
        assert signalen.reporters.log[created.signal_id] == [
            "Verzoek tot wijzigen contactgegevens geannuleerd."]


def test_only_an_account_that_sees_contact_details_may(signalen):
    created = _signal(signalen)
    payload = {"email": JAN, "sharing_allowed": False}
    assert _post(signalen, created.id, payload, token="wrong").status_code == 401
    signalen.permissions = SERVICE_ACCOUNT
    assert _post(signalen, created.id, payload).status_code == 403
    assert _post(signalen, 999, payload).status_code == 403, "checked before the signal"
    signalen.permissions = SERVICE_ACCOUNT | {CONTACT_DETAILS}
    assert _post(signalen, 999, payload).status_code == 404
    assert _post(signalen, created.id, payload).status_code == 403, "not all categories"
    signalen.permissions = frozenset({CONTACT_DETAILS, ALL_CATEGORIES})
    assert _post(signalen, created.id, payload).status_code == 201, "sia_write not needed"
    assert len(signalen.reporters.by_signal[created.signal_id]) == 2


@pytest.mark.parametrize("payload, field", [
    ({"email": JAN, "phone": "0612345678"}, "sharing_allowed"),  # the upstream test's case
    ({"email": JAN, "sharing_allowed": None}, "sharing_allowed"),
    ({"email": JAN, "sharing_allowed": "misschien"}, "sharing_allowed"),
    ({"email": "piet@hotmail", "sharing_allowed": False}, "email"),
    ({"email": True, "sharing_allowed": False}, "email"),
    ({"phone": "0" * 18, "sharing_allowed": False}, "phone"),
    (["email", JAN], "non_field_errors"),
])
def test_the_standin_refuses_what_the_serializer_refuses(signalen, payload, field):
    created = _signal(signalen)
    answer = _post(signalen, created.id, payload)
    assert answer.status_code == 400 and field in answer.json()
    check("drf_validation_error.derived.json", answer.json())
    assert len(signalen.reporters.by_signal[created.signal_id]) == 1, "nothing kept"


def test_read_only_and_unknown_fields_are_ignored_and_strings_trimmed(signalen):
    created = _signal(signalen)
    answer = _post(signalen, created.id, {"email": f"  {JAN} ", "sharing_allowed": "true",
                                          "state": "approved", "id": 99, "naam": "Piet"})
    made = answer.json()
    assert (made["email"], made["state"], made["sharing_allowed"]) == (JAN, REPORTER_VERIFYING,
                                                                       True)
    assert made["id"] != 99


def test_the_verification_link_refuses_what_upstream_refuses(signalen):
    created = _signal(signalen)
    signalen.reporters.hours_valid = -1.0
    _post(signalen, created.id, {"email": JAN, "sharing_allowed": False})
    assert _verify(signalen, signalen.reporters.token_for(JAN)).json() == {
        "token": ["Token expired!"]}
    assert _verify(signalen, "bestaat-niet").json() == {"token": ["Token not found!"]}
    assert _verify(signalen, "").status_code == 400
    missing = requests.post(f"{signalen.url}/signals/v1/public/reporter/verify-email",
                            json={}, timeout=5)
    assert missing.json() == {"token": ["Dit veld is vereist."]}
    assert _reporter_now(signalen, created.id)["email"] == ""


def test_the_list_filters_by_state(signalen):
    created = _signal(signalen)
    _post(signalen, created.id, {"email": JAN, "sharing_allowed": False})
    approved = _list(signalen, created.id, "?state=approved").json()
    assert approved["count"] == 1 and approved["results"][0]["email"] is None
    assert _list(signalen, created.id, "?state=weg").status_code == 400


def test_a_missing_mail_template_fails_the_whole_request(signalen, client):
    created = _signal(signalen)
    signalen.reporters.missing_templates = frozenset({VERIFY_EMAIL})
    assert _post(signalen, created.id, {"email": JAN, "sharing_allowed": False}
                 ).status_code == 500
    assert len(signalen.reporters.by_signal[created.signal_id]) == 1
    with pytest.raises(SignalenUnavailable) as unavailable:
        client.add_reporter(created.id, JAN, None)
    assert unavailable.value.retry


def test_the_client_reads_upstreams_answers_and_sends_what_it_takes(signalen, client):
    created = _signal(signalen, {"email": JOEP})
    made = client.add_reporter(created.id, JAN, "0612345678")
    assert (made.email, made.phone, made.state) == (JAN, "0612345678", REPORTER_VERIFYING)
    assert made.waiting(dt.datetime.utcnow())
    assert not made.waiting(dt.datetime.utcnow() + dt.timedelta(hours=25))
    reporters = client.reporters(created.id)
    assert [r.state for r in reporters] == [REPORTER_APPROVED, REPORTER_VERIFYING]
    assert reporters[0].holds(JOEP, None) and not reporters[0].holds(JOEP, "0612345678")
    sent = signalen.requests
    with pytest.raises(SignalenRefused):
        client.add_reporter(created.id, "piet@hotmail", None)
    with pytest.raises(SignalenRefused):
        client.add_reporter(created.id, None, "0" * 18)
    assert signalen.requests == sent, "refused before sending"
    signalen.permissions = SERVICE_ACCOUNT
    with pytest.raises(SignalenRefused) as forbidden:
        client.add_reporter(created.id, YOUP, None)
    assert forbidden.value.status == 403 and not forbidden.value.retry
    with pytest.raises(SignalenRefused) as no_account:
        SignalenClient(signalen.url).reporters(created.id)
    assert no_account.value.status == 401


def test_the_private_rows_show_contact_details_only_with_the_permission(signalen):
    created = _signal(signalen, {"email": JOEP})
    assert _reporter_now(signalen, created.id)["email"] == JOEP
    signalen.permissions = SERVICE_ACCOUNT
    assert _reporter_now(signalen, created.id)["email"] == "*****"
