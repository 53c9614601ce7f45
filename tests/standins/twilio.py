"""A local stand-in for Twilio's Programmable Messaging REST API (version 2010-04-01),
checking requests and answering the way Twilio does.

What it mirrors, from Twilio's documentation and its Python helper library (twilio 8.x,
`twilio/rest/api/v2010/account/message/__init__.py`, `twilio/base/exceptions.py`,
`twilio/request_validator.py`):

- `POST /2010-04-01/Accounts/{AccountSid}/Messages.json` (form encoded, HTTP basic auth
  with the account SID and auth token, else 401 / 20003). `To` and `From` (or
  `MessagingServiceSid`) are required, and one of `Body`, `MediaUrl` or `ContentSid`
  (an approved Content API template, `ContentVariables` a JSON object of placeholder
  values). Answer 201 with the Message resource (`sid` SM…, `status` "queued",
  `error_code` null, `num_segments`, `uri` …). Refusals are 400 with Twilio's error body
  `{"code", "message", "more_info", "status"}`: 21602 (no body), 21603 (no From), 21604
  (no To), 21211 (invalid To), 21610 (the recipient sent STOP to this sender), 21617
  (body over 1600 characters), 21655 (unknown ContentSid), 21656 (ContentVariables not
  a JSON object), 63007 (WhatsApp on one end only).
- WhatsApp's customer service window (error 63016, "Outside messaging window. For
  WhatsApp, use a Message Template instead"): free-form text is accepted (201, queued)
  but fails when the resident's last inbound message is 24 hours or more ago, reported
  as status "failed" with error code 63016 on the resource and in the status callback.
  A template (`ContentSid`) is delivered at any time.
- Status callbacks: with `StatusCallback`, Twilio POSTs the status changes after the
  initial one (sent, delivered, read on WhatsApp; failed or undelivered with
  `ErrorCode`) with `MessageSid`, `MessageStatus`, `SmsSid`, `SmsStatus`, `AccountSid`,
  `From`, `To`, `ApiVersion`, signed in `X-Twilio-Signature` like every webhook.
- `GET …/Messages/{MessageSid}.json` returns the resource with its current status;
  media URLs (`…/Messages/MM…/Media/ME…`) need the same basic auth.

Test switches: `fail_with` answers every send with that HTTP status; `delay` makes a
send hang that long and then drop; `undeliverable` recipients get "undelivered"
(30003); `unsubscribed` recipients get 21610; `clock` is the stand-in's time.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
import re
import threading
import time
import urllib.error
import urllib.request
import uuid
from email.utils import format_datetime
from typing import Any, Callable, Dict, List, Optional, Set
from urllib.parse import parse_qs, urlencode

from twilio.request_validator import RequestValidator

from tests.standins.base import StandIn, StandInHandler

API_VERSION = "2010-04-01"
PHOTO = b"\xff\xd8\xff\xe0" + b"\x00" * 64
E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")
MESSAGES = re.compile(r"^/2010-04-01/Accounts/(AC[0-9a-f]{32})/Messages\.json$")
MESSAGE = re.compile(r"^/2010-04-01/Accounts/(AC[0-9a-f]{32})/Messages/(SM[0-9a-f]{32})\.json$")
MEDIA = re.compile(r"^/2010-04-01/Accounts/(AC[0-9a-f]{32})/Messages/MM\w+/Media/ME\w+$")
WINDOW = dt.timedelta(hours=24)
OUTSIDE_WINDOW = (63016, "Outside messaging window. For WhatsApp, use a Message Template "
                         "instead")
UNDELIVERED = (30003, "Unreachable destination handset")


def twilio_error(code: int, message: str, status: int) -> Dict[str, Any]:
    return {"code": code, "message": message, "status": status,
            "more_info": f"https://www.twilio.com/docs/errors/{code}"}


def message_problem(form: Dict[str, str], templates: Dict[str, List[str]],
                    unsubscribed: Set[str]) -> Any:
    """(code, message) for a send Twilio refuses at once, or None."""
    to, sender = form.get("To", ""), form.get("From", "")
    if not to:
        return 21604, "A 'To' phone number is required."
    if not sender and not form.get("MessagingServiceSid"):
        return 21603, "A 'From' phone number is required."
    content_sid = form.get("ContentSid")
    if not form.get("Body") and not form.get("MediaUrl") and not content_sid:
        return 21602, "Message body is required."
    if len(form.get("Body", "")) > 1600:
        return 21617, "The concatenated message body exceeds the 1600 character limit."
    whatsapp = to.startswith("whatsapp:")
    if sender and whatsapp != sender.startswith("whatsapp:"):
        return 63007, "Twilio could not find a Channel with the specified From address"
    if not E164.match(to.replace("whatsapp:", "")):
        return 21211, f"The 'To' number {to} is not a valid phone number."
    if to in unsubscribed:
        return 21610, "Attempt to send to unsubscribed recipient"
    if content_sid:
        if content_sid not in templates:
            return 21655, "The ContentSid is Invalid"
        try:
            variables = json.loads(form.get("ContentVariables") or "{}")
        except json.JSONDecodeError:
            variables = None
        if not isinstance(variables, dict) or any(
                not str(variables.get(key) or "").strip() for key in templates[content_sid]):
            return 21656, "The ContentVariables Parameter is invalid"
    return None


class TwilioHandler(StandInHandler):
    def _authorised(self, account: str) -> bool:
        expected = f"{account}:{self.standin.auth_token}".encode()
        given = self.headers.get("Authorization", "")
        return (account == self.standin.account_sid
                and given == "Basic " + base64.b64encode(expected).decode())

    def do_GET(self) -> None:
        match = MEDIA.match(self.path) or MESSAGE.match(self.path)
        if not match:
            return self.send(404, twilio_error(20404, "The requested resource was not found",
                                               404))
        if not self._authorised(match.group(1)):
            return self.send(401, twilio_error(20003, "Authenticate", 401))
        if MEDIA.match(self.path):
            return self.send(200, PHOTO, "image/jpeg")
        resource = self.standin.resources.get(match.group(2))
        if resource is None:
            return self.send(404, twilio_error(20404, "The requested resource was not found",
                                               404))
        self.send(200, resource)

    def do_POST(self) -> None:
        match = MESSAGES.match(self.path)
        if not match:
            return self.send(404, twilio_error(20404, "The requested resource was not found",
                                               404))
        if not self._authorised(match.group(1)):
            return self.send(401, twilio_error(20003, "Authenticate", 401))
        if self.standin.delay:
            time.sleep(self.standin.delay)
            self.close_connection = True
            return
        if self.standin.fail_with:
            return self.send(self.standin.fail_with,
                             twilio_error(20500, "Internal Server Error", self.standin.fail_with))
        form = {k: v[0] for k, v in parse_qs(self.body().decode(), keep_blank_values=True).items()}
        problem = message_problem(form, self.standin.templates, self.standin.unsubscribed)
        if problem:
            return self.send(400, twilio_error(problem[0], problem[1], 400))
        self.send(201, self.standin.accept(match.group(1), form))


class TwilioStandIn(StandIn):
    handler = TwilioHandler
    # Running stand-ins; channel test helpers tell them about inbound WhatsApp messages,
    # as Twilio itself sees every message it delivers to the webhook.
    running: List["TwilioStandIn"] = []

    def __init__(self, account_sid: str, auth_token: str) -> None:
        self.account_sid, self.auth_token = account_sid, auth_token
        self.sent: List[Dict[str, str]] = []
        self.resources: Dict[str, Dict[str, Any]] = {}
        self.callbacks: List[Dict[str, Any]] = []  # (url, params, answer status)
        self.templates: Dict[str, List[str]] = {}  # approved ContentSid → placeholders
        self.last_inbound: Dict[str, dt.datetime] = {}
        self.undeliverable: Set[str] = set()
        self.unsubscribed: Set[str] = set()
        self.clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc)
        self.delay = 0.0
        self._lock = threading.Lock()
        super().__init__()

    def start(self) -> "TwilioStandIn":
        super().start()
        TwilioStandIn.running.append(self)
        return self

    def stop(self) -> None:
        if self in TwilioStandIn.running:
            TwilioStandIn.running.remove(self)
        super().stop()

    # What Twilio knows of the resident ------------------------------------------------

    def resident_wrote(self, address: str, at: Optional[dt.datetime] = None) -> None:
        """An inbound message from `address` (whatsapp:+31…) reached Twilio at `at`."""
        self.last_inbound[address] = at or self.clock()

    def approve_template(self, content_sid: str, placeholders: List[str]) -> None:
        self.templates[content_sid] = placeholders

    def in_window(self, address: str) -> bool:
        last = self.last_inbound.get(address)
        return last is not None and self.clock() - last < WINDOW

    # Sending -----------------------------------------------------------------------

    def accept(self, account: str, form: Dict[str, str]) -> Dict[str, Any]:
        sid = "SM" + uuid.uuid4().hex
        now = format_datetime(self.clock(), usegmt=True)
        body = form.get("Body", "")
        resource = {
            "sid": sid, "account_sid": account, "api_version": API_VERSION, "body": body,
            "date_created": now, "date_sent": None, "date_updated": now,
            "direction": "outbound-api", "error_code": None, "error_message": None,
            "from": form.get("From"), "messaging_service_sid": form.get("MessagingServiceSid"),
            "num_media": "0", "num_segments": str(max(1, -(-len(body) // 153))),
            "price": None, "price_unit": "USD", "status": "queued", "to": form["To"],
            "uri": f"/{API_VERSION}/Accounts/{account}/Messages/{sid}.json",
            "subresource_uris": {
                "media": f"/{API_VERSION}/Accounts/{account}/Messages/{sid}/Media.json"},
        }
        with self._lock:
            self.sent.append({**form, "Sid": sid})
            self.resources[sid] = dict(resource)
        threading.Thread(target=self._progress, args=(sid, form), daemon=True).start()
        return resource

    def _outcome(self, form: Dict[str, str]) -> List[tuple]:
        """The statuses the message goes through after queued: (status, error)."""
        to = form["To"]
        whatsapp = to.startswith("whatsapp:")
        if whatsapp and not form.get("ContentSid") and not self.in_window(to):
            return [("failed", OUTSIDE_WINDOW)]
        if to in self.undeliverable:
            return [("sent", None), ("undelivered", UNDELIVERED)]
        return [("sent", None), ("delivered", None)] + ([("read", None)] if whatsapp else [])

    def _progress(self, sid: str, form: Dict[str, str]) -> None:
        time.sleep(0.05)  # callbacks come after the 201
        for status, error in self._outcome(form):
            with self._lock:
                resource = self.resources[sid]
                resource["status"] = status
                if error:
                    resource["error_code"], resource["error_message"] = error
            if form.get("StatusCallback"):
                self._callback(form["StatusCallback"], sid, form, status, error)

    def _callback(self, url: str, sid: str, form: Dict[str, str], status: str,
                  error: Optional[tuple]) -> None:
        params = {"AccountSid": self.account_sid, "ApiVersion": API_VERSION,
                  "From": form.get("From", ""), "To": form["To"], "MessageSid": sid,
                  "SmsSid": sid, "MessageStatus": status, "SmsStatus": status}
        if error:
            params["ErrorCode"] = str(error[0])
        signature = RequestValidator(self.auth_token).compute_signature(url, params)
        request = urllib.request.Request(
            url, data=urlencode(params).encode(), method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded",
                     "X-Twilio-Signature": signature})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                code = answer.status
        except urllib.error.HTTPError as refused:
            code = refused.code
        except OSError:
            code = None
        with self._lock:
            self.callbacks.append({"url": url, "params": params, "answer": code})

    # For assertions ------------------------------------------------------------------

    def media_url(self) -> str:
        return (f"{self.url}/2010-04-01/Accounts/{self.account_sid}/Messages/"
                f"MM{uuid.uuid4().hex}/Media/ME{uuid.uuid4().hex}")

    def bodies_to(self, recipient: str) -> List[str]:
        """Free-text bodies Twilio accepted for `recipient` (delivered or not)."""
        return [m["Body"] for m in self.sent if m["To"] == recipient and m.get("Body")]

    def delivered_to(self, recipient: str) -> List[str]:
        """Bodies that reached the resident (not failed or undelivered)."""
        return [m["Body"] for m in self.sent if m["To"] == recipient and m.get("Body")
                and self.resources[m["Sid"]]["status"] not in ("failed", "undelivered")]

    def templates_to(self, recipient: str) -> List[Dict[str, str]]:
        return [m for m in self.sent if m["To"] == recipient and m.get("ContentSid")]
