"""Requests as Twilio, Telegram and the web chat page send them, for the channel tests."""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from typing import Any, Callable, Dict, List, Optional, Tuple
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


def arrived(sent: Callable[[], list], timeout: float = 30) -> list:
    """What `sent` returns once the replies came and no more follow: a reply may be sent
    after the webhook answered (by the outbox worker, or after a photo is fetched)."""
    got = wait_for(sent, timeout=timeout)
    while True:
        time.sleep(0.5)
        if len(sent()) == len(got):
            return got
        got = sent()


def whatsapp_says(stack: Any, twilio_standin: Any, resident: str, body: str = "",
                  **extra: Any) -> List[str]:
    """A signed WhatsApp message from `resident` to the stack; the texts sent back to them."""
    before = len(twilio_standin.bodies_to(resident))
    status, answer = twilio_post(f"{stack.url}/webhooks/whatsapp/webhook",
                                 twilio_params(resident, body, **extra))
    assert status == 200, answer
    return arrived(lambda: twilio_standin.bodies_to(resident)[before:])


# The web chat, as its page talks to it: a session first (the server issues the id and
# the token that binds it to the browser), then every call with `X-Chat-Token`.

def webchat_session(base_url: str) -> Dict[str, str]:
    """{"sender": "webchat-…", "token": …} from `POST /webhooks/webchat/session`."""
    status, body = post(f"{base_url}/webhooks/webchat/session", b"", {})
    assert status == 200, body
    return json.loads(body)


def webchat_post(base_url: str, session: Dict[str, str], message: str,
                 token: Optional[str] = None) -> Tuple[int, Any]:
    """Send one message as the page does; (status, replies or error). `token` replaces
    the session's (an empty one sends none)."""
    token = session["token"] if token is None else token
    headers = {"Content-Type": "application/json", **({"X-Chat-Token": token} if token else {})}
    status, body = post(f"{base_url}/webhooks/webchat/webhook",
                        json.dumps({"sender": session["sender"], "message": message}).encode(),
                        headers)
    try:
        return status, json.loads(body)
    except json.JSONDecodeError:
        return status, body


def webchat_updates(base_url: str, session: Dict[str, str], after: float = 0,
                    token: Optional[str] = None) -> Tuple[int, Any]:
    """Messages sent on their own (status updates, staff) after `after`."""
    token = session["token"] if token is None else token
    query = urlencode({"sender": session["sender"], "after": after})
    request = urllib.request.Request(f"{base_url}/webhooks/webchat/updates?{query}",
                                     headers={"X-Chat-Token": token} if token else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def webchat_texts(replies: List[Dict[str, Any]]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


# Twilio's webhook answers as soon as the message is stored (the durable inbox); the
# turn comes afterwards. The tests send a message and read the replies, so twilio_post
# waits until the connector has processed what is stored (its health route counts it).
_post_without_waiting = twilio_post


def inbox_waiting(webhook_url: str) -> int:
    """Messages the Twilio connector behind `webhook_url` has stored but not processed."""
    health = webhook_url.rsplit("/webhook", 1)[0] + "/"
    with urllib.request.urlopen(health, timeout=10) as answer:
        return int(json.load(answer).get("waiting", 0))


def twilio_post(url: str, params: Dict[str, str], signature: Optional[str] = None,
                processed: bool = True, timeout: float = 90) -> Tuple[int, str]:
    """POST like Twilio (see above); with `processed`, return once the message's turn is
    done, as the webhook itself did before the durable inbox."""
    status, answer = _post_without_waiting(url, params, signature)
    if processed and status == 200 and url.endswith("/webhook"):
        wait_for(lambda: inbox_waiting(url) == 0, timeout=timeout)
    return status, answer
