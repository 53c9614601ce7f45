"""A local stand-in for Meta's Messenger Platform Send API, checking requests the way
Meta documents them, plus signed webhook notifications as Meta sends them.

What it mirrors, from Meta's Messenger Platform documentation for Graph API v25.0 (the
version in its examples, 2026): the Send API reference, "Quick replies", "Message tags",
"Common error codes" and "Meta Webhooks for Messenger Platform":

- `POST /v25.0/me/messages` or `/v25.0/{PAGE_ID}/messages`, the Page access token as
  `access_token` (query string or body) or `Authorization: Bearer`; JSON body, or a form
  whose `recipient` and `message` are JSON. No token: code 104 (OAuthException);
  another token: code 190 "Invalid OAuth access token".
- Body: `recipient.id` (a PSID the Page knows, else 100 / 2018001 "No matching user
  found"), `messaging_type` RESPONSE, UPDATE or MESSAGE_TAG, `tag` only with MESSAGE_TAG
  and one of ACCOUNT_UPDATE, CONFIRMED_EVENT_UPDATE, POST_PURCHASE_UPDATE, HUMAN_AGENT;
  `message.text` non-empty and at most 2000 characters; `quick_replies` at most 13,
  each `content_type` text (with `title` of at most 20 characters and `payload` of at
  most 1000), user_phone_number or user_email. Anything else: code 100
  (OAuthException, "(#100) …").
- The 24-hour standard messaging window, from the last inbound time the test tells it
  (`resident_wrote`): RESPONSE and UPDATE outside it, and HUMAN_AGENT more than 7 days
  after it, are refused with code 10, subcode 2018278 "(#10) This message is sent
  outside of allowed window."; the other tags are accepted at any time (their use is a
  matter of policy, not of the API).
- A person who blocked the Page (`blocked`): code 551, subcode 1545041 "This person
  isn't available right now."
- Success: 200 `{"recipient_id": PSID, "message_id": "m_…"}`. Errors: 400 (500 for
  code 2) with `{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}`.

Test switches: `fail_with` = an HTTP status (code 2, "An unexpected error has occurred.
Please retry your request later.") or the string "rate_limit" (code 613, "Calls to this
api have exceeded the rate limit."); `clock` is the stand-in's time. Photos a resident
sends are served under `/media/` (like Meta's CDN, no token needed).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import itertools
import json
import re
import secrets
import threading
import time
from typing import Any, Callable, Dict, List, Optional, Set
from urllib.parse import parse_qs, urlparse

from tests.standins.base import StandIn, StandInHandler

API_VERSION = "v25.0"
PAGE_ID = "104857600000001"
PHOTO = b"\xff\xd8\xff\xe0" + b"\x00" * 64
WINDOW = dt.timedelta(hours=24)
HUMAN_AGENT_WINDOW = dt.timedelta(days=7)
TAGS = {"ACCOUNT_UPDATE", "CONFIRMED_EVENT_UPDATE", "POST_PURCHASE_UPDATE", "HUMAN_AGENT"}
MESSAGING_TYPES = {"RESPONSE", "UPDATE", "MESSAGE_TAG"}
MESSAGES_PATH = re.compile(r"^/(v\d+\.\d+)/(me|\d+)/messages$")
OUTSIDE_WINDOW = (10, 2018278, "(#10) This message is sent outside of allowed window. "
                               "Learn more about the new policy here: "
                               "https://developers.facebook.com/docs/messenger-platform/"
                               "policy-overview")
_mids = itertools.count(1)


def meta_error(code: int, message: str, subcode: Optional[int] = None,
               kind: str = "OAuthException") -> Dict[str, Any]:
    """Meta's error body (Graph API)."""
    error: Dict[str, Any] = {"message": message, "type": kind, "code": code,
                             "fbtrace_id": "A" + secrets.token_urlsafe(8)}
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}


def message_problem(body: Any) -> Optional[tuple]:
    """(code, subcode, message) for a Send API body Meta refuses as invalid, or None."""
    if not isinstance(body, dict):
        return 100, None, "(#100) Invalid parameter"
    recipient = body.get("recipient")
    if not isinstance(recipient, dict) or not str(recipient.get("id") or ""):
        return 100, None, "(#100) The parameter recipient is required"
    kind = body.get("messaging_type")
    if kind not in MESSAGING_TYPES:
        return 100, None, "(#100) Param messaging_type must be one of {RESPONSE, UPDATE, " \
                          "MESSAGE_TAG}"
    tag = body.get("tag")
    if kind == "MESSAGE_TAG" and tag not in TAGS:
        return 100, None, "(#100) Param tag must be one of " + ", ".join(sorted(TAGS))
    if kind != "MESSAGE_TAG" and tag is not None:
        return 100, None, "(#100) Tag can only be used with messaging_type MESSAGE_TAG"
    message = body.get("message")
    if not isinstance(message, dict):
        return 100, None, "(#100) The parameter message is required"
    text = message.get("text")
    if not isinstance(text, str) or not text.strip():
        return 100, None, "(#100) Param message[text] must be a non-empty UTF-8 encoded " \
                          "string"
    if len(text) > 2000:
        return 100, None, "(#100) Param message[text] must be less than 2000 characters"
    replies = message.get("quick_replies")
    if replies is not None:
        if not isinstance(replies, list) or not replies:
            return 100, None, "(#100) Param message[quick_replies] must be a non-empty array"
        if len(replies) > 13:
            return 100, None, "(#100) param message[quick_replies] must have at most 13 " \
                              "elements"
        for reply in replies:
            problem = _quick_reply_problem(reply)
            if problem:
                return 100, None, problem
    return None


def _quick_reply_problem(reply: Any) -> Optional[str]:
    if not isinstance(reply, dict):
        return "(#100) Invalid quick reply"
    content_type = reply.get("content_type")
    if content_type in ("user_phone_number", "user_email"):
        return None
    if content_type != "text":
        return "(#100) Param message[quick_replies][0][content_type] must be one of " \
               "{text, user_phone_number, user_email}"
    title, payload = reply.get("title"), reply.get("payload")
    if not isinstance(title, str) or not title:
        return "(#100) Title is required for text quick replies"
    if len(title) > 20:
        return "(#100) Title of a quick reply must be at most 20 characters"
    if not isinstance(payload, (str, int)) or str(payload) == "":
        return "(#100) Payload is required for text quick replies"
    if len(str(payload)) > 1000:
        return "(#100) Payload of a quick reply must be at most 1000 characters"
    return None


class MetaHandler(StandInHandler):
    def _token(self, query: Dict[str, List[str]], form: Dict[str, Any]) -> str:
        given = self.headers.get("Authorization", "")
        if given.startswith("Bearer "):
            return given[len("Bearer "):]
        return (query.get("access_token") or [""])[0] or str(form.get("access_token") or "")

    def _body(self) -> Any:
        raw = self.body()
        kind = self.headers.get("Content-Type", "").split(";")[0].strip()
        if kind == "application/json":
            try:
                return json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                return None
        if kind == "application/x-www-form-urlencoded":
            form: Dict[str, Any] = {k: v[0] for k, v in parse_qs(raw.decode()).items()}
            for key in ("recipient", "message"):
                if key in form:
                    try:
                        form[key] = json.loads(form[key])
                    except json.JSONDecodeError:
                        return None
            return form
        return None

    def do_GET(self) -> None:
        if urlparse(self.path).path.startswith("/media/"):
            return self.send(200, PHOTO, "image/jpeg")
        self.send(400, meta_error(100, "Unsupported get request.", 33, "GraphMethodException"))

    def do_POST(self) -> None:
        standin = self.standin
        url = urlparse(self.path)
        match = MESSAGES_PATH.match(url.path)
        if not match or match.group(2) not in ("me", standin.page_id):
            return self.send(400, meta_error(100, "Unsupported post request.", 33,
                                             "GraphMethodException"))
        body = self._body()
        token = self._token(parse_qs(url.query), body if isinstance(body, dict) else {})
        if not token:
            return self.send(400, meta_error(104, "An access token is required to request "
                                                  "this resource."))
        if not secrets.compare_digest(token, standin.page_token):
            return self.send(400, meta_error(190, "Invalid OAuth access token - Cannot parse "
                                                  "access token"))
        if standin.fail_with == "rate_limit":
            return self.send(400, meta_error(613, "Calls to this api have exceeded the rate "
                                                  "limit."))
        if standin.fail_with:
            return self.send(int(standin.fail_with), meta_error(
                2, "An unexpected error has occurred. Please retry your request later.",
                kind="OAuthException"))
        problem = message_problem(body)
        if problem:
            return self.send(400, meta_error(problem[0], problem[2], problem[1]))
        refusal = standin.refusal(body)
        if refusal:
            return self.send(400, meta_error(*refusal))
        self.send(200, standin.accept(body))


class MetaStandIn(StandIn):
    """The Send API of one Facebook Page, with the people who wrote to it."""

    handler = MetaHandler

    def __init__(self, page_token: str, app_secret: str, page_id: str = PAGE_ID) -> None:
        self.page_token, self.app_secret, self.page_id = page_token, app_secret, page_id
        self.sent: List[Dict[str, Any]] = []
        self.last_inbound: Dict[str, dt.datetime] = {}
        self.blocked: Set[str] = set()
        self.fail_with: Any = None
        self.clock: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.timezone.utc)
        self._lock = threading.Lock()
        super().__init__()

    # What Meta knows of the resident ------------------------------------------------

    def resident_wrote(self, psid: str, at: Optional[dt.datetime] = None) -> None:
        """The person `psid` messaged the Page at `at` (aware UTC; default now)."""
        self.last_inbound[psid] = at or self.clock()

    def refusal(self, body: Dict[str, Any]) -> Optional[tuple]:
        """(code, message, subcode) when Meta refuses this valid request, or None."""
        psid = str(body["recipient"]["id"])
        if psid not in self.last_inbound:
            return 100, "(#100) No matching user found", 2018001
        if psid in self.blocked:
            return 551, "This person isn't available right now.", 1545041
        since = self.clock() - self.last_inbound[psid]
        kind, tag = body["messaging_type"], body.get("tag")
        if (kind in ("RESPONSE", "UPDATE") and since >= WINDOW) or (
                tag == "HUMAN_AGENT" and since >= HUMAN_AGENT_WINDOW):
            return OUTSIDE_WINDOW[0], OUTSIDE_WINDOW[2], OUTSIDE_WINDOW[1]
        return None

    def accept(self, body: Dict[str, Any]) -> Dict[str, str]:
        mid = f"m_{secrets.token_urlsafe(24)}"
        with self._lock:
            self.sent.append({**body, "message_id": mid})
        return {"recipient_id": str(body["recipient"]["id"]), "message_id": mid}

    # For assertions ---------------------------------------------------------------

    def texts_to(self, psid: str) -> List[str]:
        return [m["message"]["text"] for m in self.sent if m["recipient"]["id"] == psid]

    def sent_to(self, psid: str) -> List[Dict[str, Any]]:
        return [m for m in self.sent if m["recipient"]["id"] == psid]

    def media_url(self, name: str = "photo.jpg") -> str:
        return f"{self.url}/media/{name}"


# Webhook notifications as Meta sends them ----------------------------------------------

def sign(body: bytes, app_secret: str) -> str:
    """The X-Hub-Signature-256 header: sha256=<HMAC-SHA256 of the raw body>."""
    return "sha256=" + hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def notification(*events: Dict[str, Any], page_id: str = PAGE_ID) -> Dict[str, Any]:
    """`{"object": "page", "entry": [...]}` with one entry per event, as Meta batches them."""
    now = int(time.time() * 1000)
    return {"object": "page", "entry": [{"id": page_id, "time": now, "messaging": [event]}
                                        for event in events]}


def _envelope(psid: str, page_id: str = PAGE_ID, echo: bool = False) -> Dict[str, Any]:
    sender, recipient = (page_id, psid) if echo else (psid, page_id)
    return {"sender": {"id": sender}, "recipient": {"id": recipient},
            "timestamp": int(time.time() * 1000)}


def new_mid() -> str:
    return f"m_test{next(_mids)}_{secrets.token_hex(8)}"


def message_event(psid: str, text: Optional[str] = None, mid: Optional[str] = None,
                  quick_reply: Optional[str] = None,
                  attachments: Optional[List[Dict[str, Any]]] = None) -> Dict[str, Any]:
    message: Dict[str, Any] = {"mid": mid or new_mid()}
    if text is not None:
        message["text"] = text
    if quick_reply is not None:
        message["quick_reply"] = {"payload": quick_reply}
    if attachments:
        message["attachments"] = attachments
    return {**_envelope(psid), "message": message}


def image(url: str) -> Dict[str, Any]:
    return {"type": "image", "payload": {"url": url}}


def location(lat: float, long: float, title: str = "") -> Dict[str, Any]:
    attachment: Dict[str, Any] = {"type": "location",
                                  "payload": {"coordinates": {"lat": lat, "long": long}}}
    if title:
        attachment["title"] = title
    return attachment


def postback_event(psid: str, payload: str, title: str = "Aan de slag") -> Dict[str, Any]:
    return {**_envelope(psid), "postback": {"title": title, "payload": payload,
                                            "mid": new_mid()}}


def echo_event(psid: str, text: str, page_id: str = PAGE_ID) -> Dict[str, Any]:
    return {**_envelope(psid, page_id, echo=True),
            "message": {"mid": new_mid(), "is_echo": True, "app_id": 1517776481860111,
                        "text": text}}


def delivery_event(psid: str, mids: List[str]) -> Dict[str, Any]:
    return {**_envelope(psid), "delivery": {"mids": mids,
                                            "watermark": int(time.time() * 1000)}}


def read_event(psid: str) -> Dict[str, Any]:
    return {**_envelope(psid), "read": {"watermark": int(time.time() * 1000)}}
