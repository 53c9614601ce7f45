"""The Messenger Send API stand-in and the webhook helpers held to Meta's documented
shapes (Messenger Platform, Graph API v25.0): the examples below are the documentation's
own (Send API reference, "Quick replies", "Common error codes", "Meta Webhooks for
Messenger Platform"), with placeholders filled in.

What our connector and sender rely on must be accepted, refused and answered here the
way Meta documents it: the success answer `{recipient_id, message_id}`, the error body
`{"error": {message, type, code, error_subcode, fbtrace_id}}`, the limits (text 2000,
13 quick replies, title 20, payload 1000), the message tags, the 24-hour window
(10 / 2018278) and the X-Hub-Signature-256 of a webhook notification.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from typing import Any, Dict, Optional

import pytest
import requests

from channels.messenger import parse_notification, signature_valid
from tests.standins.meta import (PAGE_ID, TAGS, MetaStandIn, message_event, notification,
                                 sign)

TOKEN = "EAAcontract" + "y" * 30
SECRET = "contract-app-secret"
PSID = "1254477777772919"  # the PSID in Meta's quick-reply example
LATE = "1254477777770001"

# Send API reference: "On success, your app will receive the following JSON response".
DOCUMENTED_SUCCESS = {"recipient_id": "1254477777772919",
                      "message_id": "AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8m"
                                    "a6AC8fplwlqLP_5cgXIbu7I3rBN0P"}
# Common error codes: "Example Error Response".
DOCUMENTED_ERROR = {"error": {"message": "Invalid OAuth access token.", "type": "OAuthException",
                              "code": 190, "error_subcode": 1234567,
                              "fbtrace_id": "BLBz/WZt8dN"}}
# Quick replies: the documented request body.
DOCUMENTED_QUICK_REPLIES = {
    "recipient": {"id": PSID}, "messaging_type": "RESPONSE",
    "message": {"text": "Pick a color:", "quick_replies": [
        {"content_type": "text", "title": "Red", "payload": "<POSTBACK_PAYLOAD>",
         "image_url": "http://example.com/img/red.png"},
        {"content_type": "text", "title": "Green", "payload": "<POSTBACK_PAYLOAD>",
         "image_url": "http://example.com/img/green.png"}]}}
# Webhooks: a text message event as the webhook reference shows it.
DOCUMENTED_NOTIFICATION = {
    "object": "page",
    "entry": [{"id": PAGE_ID, "time": 1458692752478, "messaging": [{
        "sender": {"id": PSID}, "recipient": {"id": PAGE_ID}, "timestamp": 1458692752478,
        "message": {"mid": "m_1457764197618:41d102a3e1ae206a38", "text": "hello, world!",
                    "quick_reply": {"payload": "<DEVELOPER_DEFINED_PAYLOAD>"}}}]}]}


@pytest.fixture(scope="module")
def meta():
    standin = MetaStandIn(TOKEN, SECRET).start()
    standin.resident_wrote(PSID)
    yield standin
    standin.stop()


def send(standin: MetaStandIn, body: Dict[str, Any], token: Optional[str] = TOKEN,
         path: str = "/v25.0/me/messages", bearer: bool = False) -> requests.Response:
    params = {"access_token": token} if token and not bearer else {}
    headers = {"Authorization": f"Bearer {token}"} if bearer else {}
    return requests.post(standin.url + path, params=params, json=body, headers=headers,
                         timeout=5)


def text_body(text: str = "hello, world", psid: str = PSID, **extra: Any) -> Dict[str, Any]:
    return {"recipient": {"id": psid}, "messaging_type": "RESPONSE",
            "message": {"text": text}, **extra}


def assert_error(answer: requests.Response, code: int, subcode: Optional[int] = None) -> None:
    body = answer.json()
    assert answer.status_code >= 400
    assert set(body) == {"error"}
    assert set(body["error"]) <= set(DOCUMENTED_ERROR["error"])
    assert {"message", "type", "code", "fbtrace_id"} <= set(body["error"])
    assert body["error"]["code"] == code and body["error"].get("error_subcode") == subcode


def test_a_send_answers_with_the_documented_shape(meta):
    answer = send(meta, text_body())
    assert answer.status_code == 200
    assert set(answer.json()) == set(DOCUMENTED_SUCCESS)
    assert answer.json()["recipient_id"] == PSID


def test_the_documented_quick_reply_request_is_accepted(meta):
    assert send(meta, DOCUMENTED_QUICK_REPLIES).status_code == 200


def test_the_page_id_path_bearer_token_and_form_encoding_are_accepted(meta):
    assert send(meta, text_body(), path=f"/v25.0/{PAGE_ID}/messages").status_code == 200
    assert send(meta, text_body(), bearer=True).status_code == 200
    form = {"recipient": json.dumps({"id": PSID}), "messaging_type": "UPDATE",
            "message": json.dumps({"text": "hello, world"}), "access_token": TOKEN}
    assert requests.post(meta.url + "/v25.0/me/messages", data=form,
                         timeout=5).status_code == 200
    assert_error(send(meta, text_body(), path="/v25.0/999/messages"), 100, 33)


def test_no_token_is_104_and_a_wrong_token_is_190(meta):
    assert_error(send(meta, text_body(), token=None), 104)
    assert_error(send(meta, text_body(), token="EAAwrong"), 190)


@pytest.mark.parametrize("change", [
    {"messaging_type": "PROMOTION"},
    {"messaging_type": "MESSAGE_TAG"},  # no tag
    {"messaging_type": "MESSAGE_TAG", "tag": "ISSUE_RESOLUTION"},  # retired in 2020
    {"tag": "ACCOUNT_UPDATE"},  # a tag needs MESSAGE_TAG
    {"recipient": {}},
    {"message": {"text": ""}},
    {"message": {"text": "x" * 2001}},
    {"message": {"text": "x", "quick_replies": [
        {"content_type": "text", "title": str(i), "payload": "p"} for i in range(14)]}},
    {"message": {"text": "x", "quick_replies": [
        {"content_type": "text", "title": "t" * 21, "payload": "p"}]}},
    {"message": {"text": "x", "quick_replies": [
        {"content_type": "text", "title": "t", "payload": "p" * 1001}]}},
    {"message": {"text": "x", "quick_replies": [{"content_type": "text", "title": "t"}]}},
    {"message": {"text": "x", "quick_replies": [{"content_type": "location"}]}},
])
def test_invalid_parameters_are_code_100(meta, change):
    assert_error(send(meta, {**text_body(), **change}), 100)


def test_the_limits_themselves_are_accepted(meta):
    replies = [{"content_type": "text", "title": "t" * 20, "payload": "p" * 1000}] * 13
    body = text_body(message={"text": "x" * 2000, "quick_replies": replies})
    assert send(meta, body).status_code == 200
    assert send(meta, text_body(message={"text": "x", "quick_replies": [
        {"content_type": "user_email"}]})).status_code == 200


def test_the_documented_tags(meta):
    assert TAGS == {"ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE",
                    "HUMAN_AGENT"}
    for tag in sorted(TAGS):
        body = text_body(messaging_type="MESSAGE_TAG", tag=tag)
        assert send(meta, body).status_code == 200, tag


def test_the_24_hour_window_and_human_agents_7_days(meta):
    now = dt.datetime.now(dt.timezone.utc)
    meta.resident_wrote(LATE, now - dt.timedelta(hours=23, minutes=59))
    assert send(meta, text_body(psid=LATE)).status_code == 200
    meta.resident_wrote(LATE, now - dt.timedelta(hours=24, minutes=1))
    for kind in ("RESPONSE", "UPDATE"):
        assert_error(send(meta, text_body(psid=LATE, messaging_type=kind)), 10, 2018278)
    tagged = text_body(psid=LATE, messaging_type="MESSAGE_TAG", tag="ACCOUNT_UPDATE")
    assert send(meta, tagged).status_code == 200
    human = text_body(psid=LATE, messaging_type="MESSAGE_TAG", tag="HUMAN_AGENT")
    meta.resident_wrote(LATE, now - dt.timedelta(days=6))
    assert send(meta, human).status_code == 200
    meta.resident_wrote(LATE, now - dt.timedelta(days=7, minutes=1))
    assert_error(send(meta, human), 10, 2018278)
    assert "outside of allowed window" in send(meta, human).json()["error"]["message"]


def test_unknown_and_blocked_people(meta):
    assert_error(send(meta, text_body(psid="1000000000000009")), 100, 2018001)
    meta.resident_wrote("1000000000000010")
    meta.blocked.add("1000000000000010")
    assert_error(send(meta, text_body(psid="1000000000000010")), 551, 1545041)


def test_rate_limits_and_outages_answer_in_metas_shape(meta):
    meta.fail_with = "rate_limit"
    try:
        assert_error(send(meta, text_body()), 613)
        meta.fail_with = 500
        answer = send(meta, text_body())
        assert answer.status_code == 500
        assert_error(answer, 2)
    finally:
        meta.fail_with = None


def test_webhook_helpers_build_the_documented_notification_and_signature():
    built = notification(message_event(PSID, "hello, world!", quick_reply="<P>"))
    assert set(built) == set(DOCUMENTED_NOTIFICATION)
    [entry] = built["entry"]
    assert set(entry) == set(DOCUMENTED_NOTIFICATION["entry"][0])
    [event] = entry["messaging"]
    documented = DOCUMENTED_NOTIFICATION["entry"][0]["messaging"][0]
    assert set(event) == set(documented)
    assert set(event["message"]) == set(documented["message"])
    body = json.dumps(DOCUMENTED_NOTIFICATION).encode()
    header = sign(body, SECRET)
    independent = hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()
    assert header == f"sha256={independent}"
    assert signature_valid(SECRET, body, header)
    assert not signature_valid(SECRET, body + b" ", header)
    [parsed] = parse_notification(body).events
    assert parsed.text == "<DEVELOPER_DEFINED_PAYLOAD>" and parsed.psid == PSID
    assert parsed.message_id == "m_1457764197618:41d102a3e1ae206a38"
