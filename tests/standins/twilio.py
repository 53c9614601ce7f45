"""A local stand-in for Twilio's Messages API, checking requests the way Twilio does.

Basic auth with the account SID and auth token; To, Body and From (or
MessagingServiceSid) required; WhatsApp needs whatsapp: on both ends; a body of at
most 1600 characters. Errors use Twilio's JSON shape (code, message, status). Media
URLs need the same basic auth. `fail_with` makes it answer every send with that
status; `delay` makes each send hang that many seconds and then drop (a stuck API).
"""
from __future__ import annotations

import base64
import re
import time
import uuid
from typing import Any, Dict, List
from urllib.parse import parse_qs

from tests.standins.base import StandIn, StandInHandler

PHOTO = b"\xff\xd8\xff\xe0" + b"\x00" * 64
E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")
MESSAGES = re.compile(r"^/2010-04-01/Accounts/(AC[0-9a-f]{32})/Messages\.json$")
MEDIA = re.compile(r"^/2010-04-01/Accounts/(AC[0-9a-f]{32})/Messages/MM\w+/Media/ME\w+$")


def twilio_error(code: int, message: str, status: int) -> Dict[str, Any]:
    return {"code": code, "message": message, "status": status,
            "more_info": f"https://www.twilio.com/docs/errors/{code}"}


def message_problem(form: Dict[str, str]) -> Any:
    """(code, message) for an invalid send, or None."""
    to, sender = form.get("To", ""), form.get("From", "")
    if not to:
        return 21604, "A 'To' phone number is required."
    if not sender and not form.get("MessagingServiceSid"):
        return 21603, "A 'From' phone number is required."
    if not form.get("Body") and not form.get("MediaUrl"):
        return 21602, "Message body is required."
    if len(form.get("Body", "")) > 1600:
        return 21617, "The concatenated message body exceeds the 1600 character limit."
    whatsapp = to.startswith("whatsapp:")
    if sender and whatsapp != sender.startswith("whatsapp:"):
        return 63007, "Twilio could not find a Channel with the specified From address"
    if not E164.match(to.replace("whatsapp:", "")):
        return 21211, f"The 'To' number {to} is not a valid phone number."
    return None


class TwilioHandler(StandInHandler):
    def _authorised(self, account: str) -> bool:
        expected = f"{account}:{self.standin.auth_token}".encode()
        given = self.headers.get("Authorization", "")
        return (account == self.standin.account_sid
                and given == "Basic " + base64.b64encode(expected).decode())

    def do_GET(self) -> None:
        match = MEDIA.match(self.path)
        if not match:
            return self.send(404, twilio_error(20404, "Not found", 404))
        if not self._authorised(match.group(1)):
            return self.send(401, twilio_error(20003, "Authenticate", 401))
        self.send(200, PHOTO, "image/jpeg")

    def do_POST(self) -> None:
        match = MESSAGES.match(self.path)
        if not match:
            return self.send(404, twilio_error(20404, "Not found", 404))
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
        problem = message_problem(form)
        if problem:
            return self.send(400, twilio_error(problem[0], problem[1], 400))
        sid = "SM" + uuid.uuid4().hex
        self.standin.sent.append(form)
        self.send(201, {"sid": sid, "account_sid": match.group(1), "to": form["To"],
                        "from": form.get("From"), "body": form["Body"], "status": "queued",
                        "num_segments": "1", "direction": "outbound-api",
                        "uri": f"/2010-04-01/Accounts/{match.group(1)}/Messages/{sid}.json"})


class TwilioStandIn(StandIn):
    handler = TwilioHandler

    def __init__(self, account_sid: str, auth_token: str) -> None:
        self.account_sid, self.auth_token = account_sid, auth_token
        self.sent: List[Dict[str, str]] = []
        self.delay = 0.0
        super().__init__()

    def media_url(self) -> str:
        return (f"{self.url}/2010-04-01/Accounts/{self.account_sid}/Messages/"
                f"MM{uuid.uuid4().hex}/Media/ME{uuid.uuid4().hex}")

    def bodies_to(self, recipient: str) -> List[str]:
        return [m["Body"] for m in self.sent if m["To"] == recipient]
