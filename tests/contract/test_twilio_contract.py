"""The Twilio stand-in against Twilio's own Python library (twilio 8.x, API 2010-04-01):
what our code relies on must parse and fail there the way it does against Twilio.

Each test names the documented behaviour it holds the stand-in to: the Message resource
and error body shapes, the error codes we act on (20003, 21211, 21610, 21655, 63016),
WhatsApp's 24-hour window and the signed status callbacks.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Any, Dict, List
from urllib.parse import parse_qs

import pytest
from twilio.base.exceptions import TwilioRestException
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from tests.channel_helpers import wait_for
from tests.conftest import TWILIO_SID, TWILIO_TOKEN, TWILIO_WHATSAPP_FROM
from tests.standins.base import StandIn, StandInHandler
from tests.standins.twilio import TwilioStandIn

RESIDENT = "whatsapp:+31612349999"
TEMPLATE = "HX" + "a" * 32


class CallbackHandler(StandInHandler):
    def do_POST(self) -> None:
        body = self.body().decode()
        self.standin.calls.append({
            "path": self.path, "signature": self.headers.get("X-Twilio-Signature", ""),
            "content_type": self.headers.get("Content-Type", ""),
            "params": {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}})
        self.send(200, b"", "text/plain")


class Callbacks(StandIn):
    handler = CallbackHandler

    def __init__(self) -> None:
        self.calls: List[Dict[str, Any]] = []
        super().__init__()

    def statuses(self, sid: str) -> List[str]:
        return [c["params"]["MessageStatus"] for c in self.calls
                if c["params"]["MessageSid"] == sid]


@pytest.fixture(scope="module")
def twilio():
    standin = TwilioStandIn(TWILIO_SID, TWILIO_TOKEN).start()
    standin.approve_template(TEMPLATE, ["1"])
    callbacks = Callbacks().start()
    standin.callback_url = f"{callbacks.url}/webhooks/whatsapp/status"
    standin.callbacks_seen = callbacks
    yield standin
    callbacks.stop()
    standin.stop()


def client(standin: TwilioStandIn, token: str = TWILIO_TOKEN) -> Client:
    made = Client(TWILIO_SID, token)
    made.api.base_url = standin.url
    return made


def test_a_send_answers_with_the_message_resource(twilio):
    twilio.resident_wrote(RESIDENT)
    message = client(twilio).messages.create(to=RESIDENT, from_=TWILIO_WHATSAPP_FROM,
                                             body="Hallo", status_callback=twilio.callback_url)
    assert message.sid.startswith("SM") and len(message.sid) == 34
    assert message.status == "queued" and message.error_code is None
    assert message.to == RESIDENT and message.from_ == TWILIO_WHATSAPP_FROM
    assert message.account_sid == TWILIO_SID and message.api_version == "2010-04-01"
    assert message.direction == "outbound-api" and message.num_segments == "1"
    assert isinstance(message.date_created, dt.datetime), "RFC 2822 dates, as Twilio sends"


@pytest.mark.parametrize("fields, code", [
    ({"to": "whatsapp:+3112"}, 21211),
    ({"body": None, "content_sid": "HX" + "0" * 32}, 21655),
    ({"body": None, "content_sid": TEMPLATE, "content_variables": "[1]"}, 21656),
    ({"from_": "+3197010000001"}, 63007),
])
def test_refusals_carry_twilios_code_and_status(twilio, fields, code):
    arguments = {"to": RESIDENT, "from_": TWILIO_WHATSAPP_FROM, "body": "Hallo", **fields}
    arguments = {k: v for k, v in arguments.items() if v is not None}
    with pytest.raises(TwilioRestException) as refused:
        client(twilio).messages.create(**arguments)
    assert refused.value.status == 400 and refused.value.code == code
    assert refused.value.msg and refused.value.uri.endswith("/Messages.json")


def test_a_recipient_who_sent_stop_gets_21610(twilio):
    twilio.unsubscribed.add("+31612340021")
    with pytest.raises(TwilioRestException) as refused:
        client(twilio).messages.create(to="+31612340021", from_="+3197010000001", body="x")
    assert refused.value.code == 21610 and refused.value.status == 400


def test_a_wrong_auth_token_is_401_with_20003(twilio):
    with pytest.raises(TwilioRestException) as refused:
        client(twilio, token="0" * 32).messages.create(to=RESIDENT, from_=TWILIO_WHATSAPP_FROM,
                                                       body="x")
    assert refused.value.status == 401 and refused.value.code == 20003


def test_free_text_outside_the_window_is_accepted_and_then_fails_with_63016(twilio):
    late = "whatsapp:+31612340022"
    twilio.resident_wrote(late, dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=24,
                                                                                 minutes=1))
    message = client(twilio).messages.create(to=late, from_=TWILIO_WHATSAPP_FROM, body="x",
                                             status_callback=twilio.callback_url)
    assert message.status == "queued", "Twilio takes the request; the failure comes later"
    assert wait_for(lambda: twilio.callbacks_seen.statuses(message.sid), timeout=5) == ["failed"]
    [call] = [c for c in twilio.callbacks_seen.calls if c["params"]["MessageSid"] == message.sid]
    assert call["params"]["ErrorCode"] == "63016"
    fetched = client(twilio).messages(message.sid).fetch()
    assert (fetched.status, fetched.error_code) == ("failed", 63016)


def test_a_template_is_delivered_outside_the_window(twilio):
    never = "whatsapp:+31612340023"
    message = client(twilio).messages.create(
        to=never, from_=TWILIO_WHATSAPP_FROM, content_sid=TEMPLATE,
        content_variables=json.dumps({"1": "Lindendal"}), status_callback=twilio.callback_url)
    assert wait_for(lambda: len(twilio.callbacks_seen.statuses(message.sid)) == 3, timeout=5)
    assert twilio.callbacks_seen.statuses(message.sid) == ["sent", "delivered", "read"], \
        "no callback for the initial queued status; read receipts on WhatsApp"


def test_status_callbacks_are_signed_like_every_twilio_webhook(twilio):
    twilio.resident_wrote(RESIDENT)
    message = client(twilio).messages.create(to=RESIDENT, from_=TWILIO_WHATSAPP_FROM,
                                             body="Hallo", status_callback=twilio.callback_url)
    wait_for(lambda: twilio.callbacks_seen.statuses(message.sid), timeout=5)
    call = next(c for c in twilio.callbacks_seen.calls
                if c["params"]["MessageSid"] == message.sid)
    assert call["content_type"] == "application/x-www-form-urlencoded"
    validator = RequestValidator(TWILIO_TOKEN)
    assert validator.validate(twilio.callback_url, call["params"], call["signature"])
    assert not validator.validate(twilio.callback_url, {**call["params"], "To": "x"},
                                  call["signature"])
    assert {"MessageSid", "MessageStatus", "SmsSid", "SmsStatus", "AccountSid", "From", "To",
            "ApiVersion"} <= set(call["params"])
