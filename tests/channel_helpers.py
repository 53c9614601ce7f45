"""Requests as Twilio and Telegram send them, for the channel tests."""
from __future__ import annotations

import time
import urllib.error
import urllib.request
import uuid
from typing import Any, Callable, Dict, Optional, Tuple
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from tests.conftest import TELEGRAM_SECRET, TWILIO_SID, TWILIO_TOKEN


def post(url: str, body: bytes, headers: Dict[str, str]) -> Tuple[int, str]:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def twilio_params(sender: str, body: str = "", to: str = "whatsapp:+3197010000000",
                  **extra: Any) -> Dict[str, str]:
    """The fields Twilio posts for an incoming message."""
    params = {"SmsMessageSid": "", "NumMedia": "0", "ProfileName": "Test", "SmsSid": "",
              "WaId": sender.split("+")[-1], "SmsStatus": "received", "Body": body, "To": to,
              "NumSegments": "1", "MessageSid": "SM" + uuid.uuid4().hex,
              "AccountSid": TWILIO_SID, "From": sender, "ApiVersion": "2010-04-01"}
    params["SmsMessageSid"] = params["SmsSid"] = params["MessageSid"]
    params.update({key: str(value) for key, value in extra.items()})
    return params


def twilio_post(url: str, params: Dict[str, str],
                signature: Optional[str] = None) -> Tuple[int, str]:
    """POST a form signed with Twilio's own validator (or the given signature)."""
    if signature is None:
        signature = RequestValidator(TWILIO_TOKEN).compute_signature(url, params)
    if params.get("From", "").startswith("whatsapp:"):  # Twilio sees what it delivers
        from tests.standins.twilio import TwilioStandIn

        for standin in TwilioStandIn.running:
            standin.resident_wrote(params["From"])
    return post(url, urlencode(params).encode(),
                {"Content-Type": "application/x-www-form-urlencoded",
                 "X-Twilio-Signature": signature})


def telegram_post(url: str, body: bytes, secret: str = TELEGRAM_SECRET) -> Tuple[int, str]:
    return post(url, body, {"Content-Type": "application/json",
                            "X-Telegram-Bot-Api-Secret-Token": secret})


def wait_for(condition: Callable[[], Any], timeout: float = 20) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("condition not met in time")
