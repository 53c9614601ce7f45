"""A strict loopback stand-in for Signalen, written from upstream's source.

Mirrors Amsterdam/signals at commit adbe8fc77af20db807dff5322096e15d6a5b26de (v2.50.12):

- requests are validated like `PublicSignalCreateSerializer`
  (`app/signals/apps/api/serializers/signal.py`): required `text` (≤ 3000), `location`
  with a GeoJSON `geometrie` inside `BOUNDING_BOX` (`settings.py`, mixin in
  `api/generics/mixins.py`), optional `address` checked by `address_checker` (upstream
  asks PDOK, `api/validation/address/mixin.py`: "Niet-bestaand adres."), `category` with
  exactly one of `sub_category`/`category_url` resolving to a known sub-category
  (`serializers/nested/category.py`), `reporter` (`serializers/nested/reporter.py`;
  phone ≤ 17, e-mail as Django's EmailValidator), `incident_date_start`, `source`
  public or 'online' (`api/validators/source.py`), unknown top-level keys refused
  ("Extra properties present: …"). 400 bodies have DRF's shape ({"field": ["message"]}).
- answers are `PublicSignalSerializerDetail` (create, GET by signal_id; public state only
  OPEN/CLOSED, `api/app_settings.py`), `PublicSignalAttachmentSerializer` (images only,
  20 MB, states m / reaction requested, `serializers/attachment.py`), the HAL category
  list (`serializers/category.py`), and the private list (`PrivateSignalSerializerList`,
  filters `created_after`/`created_before`/`updated_after`) for a bearer `token`.
- the private detail's PATCH (`PrivateSignalSerializerDetail`, `views/signals/private/
  signals.py`) for `status` and `notes` only: the bearer token's permissions as
  `generics/permissions.py` asks them (`sia_write` and `sia_signal_change_status` /
  `sia_signal_create_note`, else 403), the nested status as `serializers/nested/status.py`
  and `Status.clean` check it (a state of `workflow.STATUS_CHOICES`, text ≤ 10000, the
  transition of `ALLOWED_STATUS_CHANGES`, text required for `o` and `reopened`, `reaction
  requested` only with the reporter's e-mail and a text ≤ 1000, `forward to external` only
  with `email_override`, `send_email` and text), notes as `nested/note.py` (text ≤ 3000);
  status and notes are applied together or not at all (`update_multiple`); errors of
  `Status.clean` come out flat, as `views/exception_handler.py` converts them.
- creates (only those: `PublicSignalViewSet.throttle_classes`) are throttled per client
  like `signals/throttling.py` (default 60/hour) with 429 and `Retry-After`.
- categories: `signalen_categories.json`, from `signals/fixtures/categories.json` with
  migration 0051's rename applied; state changes follow `signals/workflow.py`.
- a signal's reporters (`private/signals/{id}/reporters/`, POST and GET, and the public
  `reporter/verify-email` the resident's link leads to): `signalen_reporters.py`, which
  names the files it mirrors. The signal's reporter (for `reaction requested` and the
  private rows, unmasked only with `sia_can_view_contact_details` as
  `serializers/nested/reporter.py` does) is its newest approved one.

Faults for tests: `fail_with` (every request answers that status), `lose_answers` (that
many creates are stored, then the connection is dropped without an answer),
`answer_delay` (seconds to wait after storing a signal before answering).
`set_state(signal_id, state, text)` is staff's status change for tests (checked as the
PATCH checks it); `notes`/`history` per signal_id show what the bot sent; `reporters`
holds every signal's reporters, the mails Signalen sent (`reporters.mails`) and
`reporters.token_for(email)`, the link's token a resident would follow.
"""
from __future__ import annotations

import cgi
import datetime as dt
import json
import re
import threading
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Dict, FrozenSet, List, Optional, Tuple
from urllib.parse import parse_qs, urlsplit

from tests.standins.base import StandIn, StandInHandler
from tests.standins.signalen_reporters import (ALL_CATEGORIES, CONTACT_DETAILS, Reporters,
                                               TemplateMissing, reporter_errors)

CATEGORIES_FILE = Path(__file__).with_name("signalen_categories.json")
CREATE_FIELDS = {"source", "text", "text_extra", "location", "category", "reporter",
                 "incident_date_start", "incident_date_end", "extra_properties", "session"}
BOUNDING_BOX = (3.3, 50.7, 7.3, 53.6)  # settings.BOUNDING_BOX: min lon, min lat, max lon, max lat
CATEGORY_PATH = re.compile(r"^/signals/v1/public/terms/categories/([-\w]+)/sub_categories/"
                           r"([-\w]+)/?$")
IMAGE_MAGIC = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG": "image/png", b"GIF8": "image/gif"}
MAX_UPLOAD = 20 * 1024 * 1024
PHOTO = b"\xff\xd8\xff\xe0" + b"\x00" * 64  # enough of a JPEG for a content check
REQUIRED = "Dit veld is vereist."
STATE_DISPLAY = {
    "m": "Gemeld", "i": "In afwachting van behandeling", "b": "In behandeling",
    "h": "On hold", "ingepland": "Ingepland", "ready to send": "Extern: te verzenden",
    "o": "Afgehandeld", "a": "Geannuleerd", "reopened": "Heropend", "s": "Gesplitst",
    "closure requested": "Extern: verzoek tot afhandeling",
    "reaction requested": "Reactie gevraagd", "reaction received": "Reactie ontvangen",
    "forward to external": "Doorgezet naar extern", "sent": "Extern: verzonden",
    "send failed": "Extern: mislukt", "done external": "Extern: afgehandeld",
    "reopen requested": "Verzoek tot heropenen"}
CLOSED_STATES = {"o", "a", "s"}  # api/app_settings.py SIGNALS_API_CLOSED_STATES
PUBLIC_UPLOAD_STATES = {"m", "reaction requested"}  # and "o" with open feedback: not modelled
# workflow.ALLOWED_STATUS_CHANGES
ALLOWED = {
    "m": {"m", "i", "b", "ready to send", "o", "a", "ingepland", "reaction requested",
          "forward to external"},
    "i": {"m", "i", "ingepland", "closure requested", "o", "ready to send", "b", "a",
          "reaction requested", "forward to external"},
    "b": {"m", "ingepland", "b", "o", "a", "ready to send", "closure requested",
          "reaction requested", "forward to external"},
    "ingepland": {"m", "ingepland", "b", "o", "a", "closure requested", "reaction requested",
                  "forward to external"},
    "h": {"ingepland", "a"},
    "ready to send": {"sent", "send failed", "a"},
    "sent": {"done external", "a"},
    "send failed": {"m", "ready to send", "a"},
    "done external": {"o", "a", "b"},
    "o": {"reopened", "reopen requested"},
    "a": {"a", "reopened", "b"},
    "reopened": {"reopened", "b", "o", "a", "ready to send", "m", "reaction requested",
                 "forward to external"},
    "s": set(),
    "closure requested": {"m", "closure requested", "i", "o", "a", "b", "forward to external"},
    "reopen requested": {"o", "reopened", "a"},
    "reaction requested": {"m", "i", "b", "ingepland", "o", "a", "reaction requested",
                           "reaction received", "ready to send", "forward to external"},
    "reaction received": {"m", "i", "b", "o", "a", "ingepland", "reaction requested",
                          "ready to send", "forward to external"},
    "forward to external": {"closure requested", "m", "i", "b", "forward to external",
                            "ingepland", "o", "a", "reaction requested", "reaction received",
                            "ready to send"},
}

# What a service account for the chatbot is given (Signalen's role permissions).
SERVICE_ACCOUNT = frozenset({"sia_read", "sia_write", "sia_signal_change_status",
                             "sia_signal_create_note"})
PRIVATE_DETAIL = re.compile(r"/signals/v1/private/signals/(\d+)/?")
PRIVATE_REPORTERS = re.compile(r"/signals/v1/private/signals/(\d+)/reporters/?")
VERIFY_EMAIL = "/signals/v1/public/reporter/verify-email"
FRONTEND_URL = "https://meldingen.lindendal.nl"
NOT_AUTHENTICATED = "Authenticatiegegevens zijn niet opgegeven."
NOT_FOUND = "Niet gevonden."
# PrivateSignalSerializerDetail's writable fields the stand-in does not model.
UNMODELLED_PATCH = {"location", "category", "reporter", "priority", "type", "source", "text",
                    "text_extra", "extra_properties", "incident_date_start",
                    "incident_date_end", "directing_departments", "routing_departments",
                    "assigned_user_email"}
NO_PERMISSION = "Je hebt geen toestemming om deze actie uit te voeren."  # DRF 3.15.2 nl
MAX_LENGTH = "Zorg ervoor dat dit veld niet meer dan {n} karakters bevat."
# Reporter.email is a Django EmailField (`signals/models/reporter.py`, max_length 254),
# checked by Django 4.2's EmailValidator: a dot-atom user part (its quoted form and IP
# literals are not modelled) and a domain of labels, IDN as punycode, or 'localhost'.
EMAIL_USER = re.compile(r"^[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*\Z",
                        re.IGNORECASE)
EMAIL_DOMAIN = re.compile(r"((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\.)+)"
                          r"(?:[A-Z0-9-]{2,63}(?<!-))\Z", re.IGNORECASE)


def email_errors(email: str) -> Optional[List[str]]:
    """The model field's and EmailValidator's messages for a reporter's e-mail."""
    if len(email) > 254:
        return [MAX_LENGTH.format(n=254)]
    user, _, domain = email.rpartition("@")
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        ascii_domain = domain
    if (not user or not EMAIL_USER.match(user)
            or not (domain == "localhost" or EMAIL_DOMAIN.match(domain)
                    or EMAIL_DOMAIN.match(ascii_domain))):
        return ["Voer een geldig e-mailadres in."]
    return None


Errors = Dict[str, Any]


def status_errors(status: Any, current: str, reporter: Dict[str, Any]) -> Errors:
    """_NestedStatusModelSerializer's checks, then Status.clean's (flat, as the API's
    exception handler gives them)."""
    if not isinstance(status, dict):
        return {"status": {"non_field_errors": ["Ongeldige data."]}}
    state, text = status.get("state", "m"), status.get("text") or ""
    if state not in STATE_DISPLAY:
        return {"status": {"state": [f'"{state}" is geen geldige keuze.']}}
    if len(text) > 10000:
        return {"status": {"text": [MAX_LENGTH.format(n=10000)]}}
    if state == "reaction requested":
        if not reporter.get("email"):
            return {"status": {"state": ["No email address known for signal with "
                                         "ID={{ signal.id }}."]}}
        if len(text) > 1000:
            return {"status": {"text": [MAX_LENGTH.format(n=1000)]}}
    if state == "forward to external" and not (status.get("email_override")
                                               and status.get("send_email") and text):
        return {"status": {"text": ["email_override, send_email, and text must all be set "
                                    "for DOORGEZET_NAAR_EXTERN flow"]}}
    if state not in ALLOWED[current]:
        return {"state": [f"Invalid state transition from `{STATE_DISPLAY[current]}` to "
                          f"`{STATE_DISPLAY[state]}`."]}
    if state in ("o", "reopened") and not text:
        return {"text": ["This field is required when changing `state` to "
                         f"`{STATE_DISPLAY[state]}`."]}
    return {}


def note_errors(notes: Any) -> Errors:
    if not isinstance(notes, list) or not all(isinstance(n, dict) for n in notes):
        return {"notes": {"non_field_errors": ["Ongeldige data."]}}
    per_note = [_note_error(note.get("text")) for note in notes]
    return {"notes": per_note} if any(per_note) else {}


def _note_error(text: Any) -> Errors:
    """One note's errors; DRF answers one (possibly empty) object per item of a list."""
    if not isinstance(text, str) or not text.strip():
        return {"text": ["Dit veld mag niet leeg zijn."]}
    if len(text) > 3000:
        return {"text": [MAX_LENGTH.format(n=3000)]}
    return {}


def load_categories() -> List[Dict[str, Any]]:
    return json.loads(CATEGORIES_FILE.read_text(encoding="utf-8"))["categories"]


def parse_time(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat()


class Validator:
    """PublicSignalCreateSerializer's checks, answering DRF-shaped error dicts."""

    def __init__(self, categories: List[Dict[str, Any]], public_sources: Tuple[str, ...],
                 address_checker: Optional[Callable[[Dict[str, Any], float, float], bool]]):
        self.known = {(main["slug"], sub["slug"]) for main in categories
                      for sub in main["sub_categories"] if sub["is_active"]}
        self.public_sources = {s.lower() for s in public_sources} | {"online"}
        self.address_checker = address_checker

    def errors(self, body: Any) -> Errors:
        if not isinstance(body, dict):
            return {"non_field_errors": ["Ongeldige data. Verwachtte een dictionary, kreeg een "
                                         f"{type(body).__name__}."]}
        errors: Errors = {}
        for name in ("text", "location", "category", "reporter", "incident_date_start",
                     "source", "text_extra"):
            problem = getattr(self, f"_{name}")(body.get(name), name in body)
            if problem:
                errors[name] = problem
        if errors:
            return errors
        extra = set(body) - CREATE_FIELDS
        if extra:
            return {"non_field_errors": [f"Extra properties present: {', '.join(sorted(extra))}"]}
        return {}

    @staticmethod
    def _text(value: Any, present: bool) -> Optional[List[str]]:
        if not present or value is None:
            return [REQUIRED]
        if not isinstance(value, str) or not value.strip():
            return ["Dit veld mag niet leeg zijn."]
        if len(value) > 3000:
            return ["Zorg ervoor dat dit veld niet meer dan 3000 karakters bevat."]
        return None

    @staticmethod
    def _text_extra(value: Any, present: bool) -> Optional[List[str]]:
        if present and isinstance(value, str) and len(value) > 10000:
            return ["Zorg ervoor dat dit veld niet meer dan 10000 karakters bevat."]
        return None

    @staticmethod
    def _incident_date_start(value: Any, present: bool) -> Optional[List[str]]:
        if not present or value is None:
            return [REQUIRED]
        try:
            dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return ["Datetime heeft een ongeldig formaat, gebruik "
                    "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."]
        return None

    def _source(self, value: Any, present: bool) -> Optional[List[str]]:
        if present and str(value).lower() not in self.public_sources:
            return ["Invalid source given, value not known"]
        return None

    def _reporter(self, value: Any, present: bool) -> Any:
        if not present or value is None:
            return [REQUIRED]
        if not isinstance(value, dict):
            return {"non_field_errors": ["Ongeldige data."]}
        errors: Errors = {}
        email = value.get("email")
        if email and email_errors(str(email)):
            errors["email"] = email_errors(str(email))
        phone = value.get("phone")
        if phone and len(str(phone)) > 17:
            errors["phone"] = ["Zorg ervoor dat dit veld niet meer dan 17 karakters bevat."]
        if "sharing_allowed" in value and not isinstance(value["sharing_allowed"], bool):
            errors["sharing_allowed"] = ["Moet een geldige boolean zijn."]
        return errors or None

    def _category(self, value: Any, present: bool) -> Any:
        if not present or value is None:
            return [REQUIRED]
        if not isinstance(value, dict):
            return {"non_field_errors": ["Ongeldige data."]}
        given = [key for key in ("sub_category", "category_url") if key in value]
        if not given:
            return {"non_field_errors": [
                'Either the "sub_category" OR the "category_url" must be given']}
        if len(given) > 1:
            return {"non_field_errors": ['Only the "sub_category" OR "category_url" can be given']}
        match = CATEGORY_PATH.match(urlsplit(str(value[given[0]])).path)
        if not match:
            return {given[0]: ["Ongeldige hyperlink - Geen URL match."]}
        if match.groups() not in self.known:
            return {given[0]: ["Ongeldige hyperlink - Object bestaat niet."]}
        return None

    def _location(self, value: Any, present: bool) -> Any:
        if not present or value is None:
            return [REQUIRED]
        if not isinstance(value, dict):
            return {"non_field_errors": ["Ongeldige data."]}
        geometry = value.get("geometrie")
        if geometry is None:
            return ["Coordinate data must be present"]
        coordinates = geometry.get("coordinates") if isinstance(geometry, dict) else None
        if (not isinstance(geometry, dict) or geometry.get("type") != "Point"
                or not isinstance(coordinates, list) or len(coordinates) != 2
                or not all(isinstance(c, (int, float)) for c in coordinates)):
            return {"geometrie": ["Ongeldige geometrie: een GeoJSON Point is vereist."]}
        lon, lat = coordinates
        min_lon, min_lat, max_lon, max_lat = BOUNDING_BOX
        if not (min_lon <= lon <= max_lon and min_lat <= lat <= max_lat):
            return {"geometrie": ["The location coordinates (WS84) are not inside the bounding "
                                  "box we are accepting signals for."]}
        address = value.get("address")
        if address and self.address_checker and not self.address_checker(address, lon, lat):
            return {"location": ["Niet-bestaand adres."]}
        return None


class SignalenHandler(StandInHandler):
    def do_GET(self) -> None:
        path, query = self._split()
        if path == "/media/photo.jpg":
            return self.send(200, PHOTO, "image/jpeg")
        self.standin.count_request()
        if self.standin.fail_with:
            return self.send(self.standin.fail_with, {"detail": "unavailable"})
        if path == "/signals/v1/public/terms/categories/":
            return self.send(200, self.standin.category_page(int(query.get("page", "1"))))
        match = CATEGORY_PATH.match(path)
        if match:
            sub = self.standin.sub_category(*match.groups())
            return self.send(200, sub) if sub else self.send(404, {"detail": "Niet gevonden."})
        match = re.fullmatch(r"/signals/v1/public/signals/([-\w]+)/?", path)
        if match:
            detail = self.standin.public_detail(match.group(1))
            return self.send(200, detail) if detail else self.send(404,
                                                                   {"detail": "Niet gevonden."})
        if path == "/signals/v1/private/signals/":
            return self._private_list(query)
        match = PRIVATE_DETAIL.fullmatch(path)
        if match:
            return self._private_get(int(match.group(1)))
        match = PRIVATE_REPORTERS.fullmatch(path)
        if match:
            return self._list_reporters(int(match.group(1)), query)
        self.send(404, {"detail": "Niet gevonden."})

    def _reporters_of(self, number: int) -> Optional[str]:
        """ReporterPermission after the bearer token: the signal_id, or None when refused
        (the answer is sent)."""
        permissions = self.standin.permissions
        if not self._authenticated():
            self.send(401, {"detail": NOT_AUTHENTICATED})
        elif CONTACT_DETAILS not in permissions:
            self.send(403, {"detail": NO_PERMISSION})
        elif self.standin.by_number(number) is None:
            self.send(404, {"detail": NOT_FOUND})
        elif ALL_CATEGORIES not in permissions:
            self.send(403, {"detail": NO_PERMISSION})
        else:
            return self.standin.by_number(number)
        return None

    def _list_reporters(self, number: int, query: Dict[str, str]) -> None:
        signal_id = self._reporters_of(number)
        if signal_id is not None:
            self.send(*self.standin.list_reporters(signal_id, query.get("state"), self.path))

    def _add_reporter(self, number: int) -> None:
        signal_id = self._reporters_of(number)
        if signal_id is None:
            return
        body = self._json_body()
        if body is not None:
            self.send(*self.standin.add_reporter(signal_id, body[0]))

    def _verify_email(self) -> None:
        body = self._json_body()
        if body is not None:
            self.send(*self.standin.verify_email(body[0]))

    def _json_body(self) -> Optional[Tuple[Any]]:
        """(the parsed JSON body,), or None when a 415 or 400 was answered."""
        if self.headers.get("Content-Type", "").split(";")[0] != "application/json":
            self.send(415, {"detail": "Niet-ondersteund mediatype in verzoek."})
            return None
        try:
            return (json.loads(self.body()),)
        except ValueError:
            self.send(400, {"detail": "JSON parse error"})
            return None

    def _private_get(self, number: int) -> None:
        """GET private/signals/{id}: PrivateSignalSerializerDetail, service account only."""
        if not self._authenticated():
            return self.send(401, {"detail": "Authenticatiegegevens zijn niet opgegeven."})
        signal_id = self.standin.by_number(number)
        if signal_id is None:
            return self.send(404, {"detail": "Niet gevonden."})
        self.send(200, self.standin.private_detail(signal_id))

    def do_POST(self) -> None:
        path, _ = self._split()
        self.standin.count_request()
        if self.standin.fail_with:
            return self.send(self.standin.fail_with, {"detail": "unavailable"})
        # Only PublicSignalViewSet has PostOnlyNoUserRateThrottle; attachments are not throttled.
        create = path == "/signals/v1/public/signals/"
        wait = create and self.standin.throttle(self.client_address[0])
        if wait:
            self.send_response(429)
            self.send_header("Retry-After", str(wait))
            body = json.dumps({"detail": f"Verzoek is afgeknepen. Wacht {wait} seconden."})
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body.encode())
            return
        if path == "/signals/v1/public/signals/":
            return self._create()
        if path == VERIFY_EMAIL:
            return self._verify_email()
        match = PRIVATE_REPORTERS.fullmatch(path)
        if match:
            return self._add_reporter(int(match.group(1)))
        match = re.fullmatch(r"/signals/v1/public/signals/([-\w]+)/attachments/?", path)
        if match:
            return self._attach(match.group(1))
        self.send(404, {"detail": "Niet gevonden."})

    def do_PATCH(self) -> None:
        path, _ = self._split()
        self.standin.count_request()
        if self.standin.fail_with:
            return self.send(self.standin.fail_with, {"detail": "unavailable"})
        match = PRIVATE_DETAIL.fullmatch(path)
        if not match:
            return self.send(405 if path.startswith("/signals/v1/public/") else 404,
                             {"detail": "Niet gevonden."})
        if not self._authenticated():
            return self.send(401, {"detail": "Authenticatiegegevens zijn niet opgegeven."})
        if self.headers.get("Content-Type", "").split(";")[0] != "application/json":
            return self.send(415, {"detail": "Niet-ondersteund mediatype in verzoek."})
        try:
            body = json.loads(self.body())
        except ValueError:
            return self.send(400, {"detail": "JSON parse error"})
        signal_id = self.standin.by_number(int(match.group(1)))
        if signal_id is None:
            return self.send(404, {"detail": "Niet gevonden."})
        status, answer = self.standin.patch(signal_id, body)
        self.send(status, answer)

    def _authenticated(self) -> bool:
        return bool(self.standin.token) and \
            self.headers.get("Authorization") == f"Bearer {self.standin.token}"

    def _split(self) -> Tuple[str, Dict[str, str]]:
        parts = urlsplit(self.path)
        return parts.path, {k: v[-1] for k, v in parse_qs(parts.query).items()}

    def _create(self) -> None:
        if self.headers.get("Content-Type", "").split(";")[0] != "application/json":
            return self.send(415, {"detail": "Niet-ondersteund mediatype in verzoek."})
        try:
            body = json.loads(self.body())
        except ValueError:
            return self.send(400, {"detail": "JSON parse error"})
        errors = self.standin.validator.errors(body)
        if errors:
            return self.send(400, errors)
        detail = self.standin.store(body)
        if self.standin.take_lost_answer():
            self.close_connection = True
            self.connection.close()
            return
        if self.standin.answer_delay:
            time.sleep(self.standin.answer_delay)
        self.send(201, detail)

    def _attach(self, signal_id: str) -> None:
        record = self.standin.records.get(signal_id)
        if record is None:
            return self.send(404, {"detail": "Niet gevonden."})
        form = cgi.FieldStorage(fp=self.rfile, headers=self.headers,
                                environ={"REQUEST_METHOD": "POST"})
        if "file" not in form or not form["file"].file:
            return self.send(400, {"file": ["Er is geen bestand opgestuurd."]})
        content = form["file"].file.read()
        mimetype = next((m for magic, m in IMAGE_MAGIC.items() if content.startswith(magic)),
                        None)
        if len(content) > MAX_UPLOAD:
            return self.send(400, {"file": ["File too large"]})
        if mimetype is None:
            return self.send(400, {"file": ["Files of type 'application/octet-stream' are "
                                            "not allowed!"]})
        if record["state"] not in PUBLIC_UPLOAD_STATES:
            return self.send(400, ["Public uploads not allowed in current signal state."])
        self.standin.attachments.setdefault(signal_id, []).append(content)
        self.send(201, {"_display": f"Attachment object ({len(self.standin.attachments)})",
                        "_links": {"self": {"href": f"{self.standin.url}/signals/v1/public/"
                                                    f"signals/{signal_id}/attachments/"}},
                        "location": f"{self.standin.url}/media/attachments/foto.jpg",
                        "is_image": True, "created_at": now_iso()})

    def _private_list(self, query: Dict[str, str]) -> None:
        if not self._authenticated():
            return self.send(401, {"detail": "Authenticatiegegevens zijn niet opgegeven."})
        self.send(200, self.standin.private_list(query))


class SignalenStandIn(StandIn):
    """Signalen's public API (and a sliver of the private one) on a free loopback port."""

    handler = SignalenHandler

    def __init__(self, throttle_rate: Tuple[int, float] = (60, 3600.0), token: str = "",
                 public_sources: Tuple[str, ...] = (),
                 address_checker: Optional[Callable[[Dict[str, Any], float, float], bool]] = None,
                 category_page_size: int = 100,
                 permissions: FrozenSet[str] = SERVICE_ACCOUNT) -> None:
        self.categories = load_categories()
        self.permissions = permissions
        self.notes: Dict[str, List[str]] = {}     # signal_id → note texts, oldest first
        self.history: Dict[str, List[Tuple[str, str]]] = {}  # signal_id → (state, text)
        self.validator = Validator(self.categories, public_sources, address_checker)
        self.signals: Dict[str, Dict[str, Any]] = {}   # signal_id → the request body
        self.records: Dict[str, Dict[str, Any]] = {}   # signal_id → id, state, dates
        self.attachments: Dict[str, List[bytes]] = {}
        self.reporters = Reporters(FRONTEND_URL)
        self.requests = 0
        self.throttle_rate = throttle_rate
        self.token = token
        self.category_page_size = category_page_size
        self.lose_answers = 0
        self.answer_delay = 0.0
        self._posts: Dict[str, List[float]] = {}
        self._lock = threading.Lock()
        super().__init__()

    # Test controls ------------------------------------------------------------------
    def set_state(self, signal_id: str, state: str, text: str = "", **status: Any) -> None:
        """Change a signal's state as staff would; refuses (ValueError) what the private
        PATCH refuses. Texts required upstream are filled in when not given."""
        if state in ("o", "reopened", "forward to external") and not text:
            text = "Gedaan door de medewerker."
        with self._lock:
            record = self.records[signal_id]
            errors = status_errors({"state": state, "text": text, **status}, record["state"],
                                   self.reporters.current(signal_id))
            if errors:
                raise ValueError(f"{record['state']} → {state}: {errors}")
            self._set(signal_id, state, text)

    def _set(self, signal_id: str, state: str, text: str) -> None:
        self.records[signal_id].update(state=state, status_text=text, updated_at=now_iso())
        self.history.setdefault(signal_id, []).append((state, text))

    def by_number(self, number: int) -> Optional[str]:
        return next((signal_id for signal_id, record in self.records.items()
                     if record["id"] == number), None)

    def patch(self, signal_id: str, body: Any) -> Tuple[int, Any]:
        """The private detail's PATCH, for `status` and `notes`: (HTTP status, answer)."""
        if not isinstance(body, dict):
            return 400, {"non_field_errors": ["Ongeldige data."]}
        unmodelled = sorted(UNMODELLED_PATCH & set(body))
        if unmodelled:
            return 400, {"detail": f"the stand-in does not model PATCHing {unmodelled}"}
        needed = {"sia_write"} | ({"sia_signal_change_status"} if "status" in body else set()) \
            | ({"sia_signal_create_note"} if "notes" in body else set())
        if not needed <= self.permissions:
            return 403, {"detail": NO_PERMISSION}
        with self._lock:
            record = self.records[signal_id]
            errors = note_errors(body["notes"]) if "notes" in body else {}
            if not errors and "status" in body:
                errors = status_errors(body["status"], record["state"],
                                       self.reporters.current(signal_id))
            if errors:
                return 400, errors
            for note in body.get("notes") or []:
                self.notes.setdefault(signal_id, []).append(note["text"])
            if "status" in body:
                self._set(signal_id, body["status"].get("state", "m"),
                          body["status"].get("text") or "")
            record["updated_at"] = now_iso()
            return 200, self._private_detail(signal_id, record)

    def count_request(self) -> None:
        with self._lock:
            self.requests += 1

    def take_lost_answer(self) -> bool:
        with self._lock:
            if self.lose_answers > 0:
                self.lose_answers -= 1
                return True
            return False

    def throttle(self, client: str) -> int:
        """Seconds to wait (0: allowed), like DRF's SimpleRateThrottle."""
        limit, window = self.throttle_rate
        with self._lock:
            now = time.monotonic()
            history = [t for t in self._posts.get(client, []) if t > now - window]
            if len(history) >= limit:
                self._posts[client] = history
                return max(int(window - (now - history[0])) + 1, 1)
            self._posts[client] = history + [now]
            return 0

    # Answers ------------------------------------------------------------------------
    def store(self, body: Dict[str, Any]) -> Dict[str, Any]:
        with self._lock:
            signal_id = str(uuid.uuid4())
            created = now_iso()
            self.signals[signal_id] = body
            self.reporters.original(signal_id, body.get("reporter") or {})
            self.records[signal_id] = {"id": len(self.records) + 1, "state": "m",
                                       "status_text": "", "created_at": created,
                                       "updated_at": created}
        return self.public_detail(signal_id)

    def public_detail(self, signal_id: str) -> Optional[Dict[str, Any]]:
        record = self.records.get(signal_id)
        if record is None:
            return None
        closed = record["state"] in CLOSED_STATES
        body = self.signals[signal_id]
        return {"_links": {"self": {"href": f"{self.url}/signals/v1/public/signals/{signal_id}"}},
                "_display": f"SIG-{record['id']}", "id": record["id"],
                "id_display": f"SIG-{record['id']}", "signal_id": signal_id,
                "status": {"state": "CLOSED" if closed else "OPEN",
                           "state_display": "Gesloten" if closed else "Open"},
                "created_at": record["created_at"], "updated_at": record["updated_at"],
                "incident_date_start": body.get("incident_date_start"),
                "incident_date_end": body.get("incident_date_end")}

    def private_list(self, query: Dict[str, str]) -> Dict[str, Any]:
        """PrivateSignalSerializerList rows matching SignalFilterSet's date filters."""
        checks = [(key.rsplit("_", 1)[0] + "_at", key.endswith("_after"), parse_time(value))
                  for key, value in query.items()
                  if key in ("created_after", "created_before", "updated_after")]
        rows = [self._private_row(signal_id, record)
                for signal_id, record in list(self.records.items())
                if all((parse_time(record[field]) >= bound) if later
                       else (parse_time(record[field]) <= bound)
                       for field, later, bound in checks)]
        return {"_links": {"self": {"href": f"{self.url}/signals/v1/private/signals/"},
                           "next": {"href": None}, "previous": {"href": None}},
                "count": len(rows), "results": rows}

    def _private_row(self, signal_id: str, record: Dict[str, Any]) -> Dict[str, Any]:
        """A PrivateSignalSerializerList row (contact details masked as without the permission)."""
        body = self.signals[signal_id]
        main_slug, sub_slug = CATEGORY_PATH.match(
            urlsplit(body["category"].get("sub_category") or body["category"]["category_url"])
            .path).groups()
        reporter = self._reporter_row(signal_id)
        return {"_links": {"self": {"href": f"{self.url}/signals/v1/private/signals/"
                                            f"{record['id']}"}},
                "_display": f"SIG-{record['id']}", "id": record["id"], "signal_id": signal_id,
                "text": body["text"], "has_attachments": signal_id in self.attachments,
                "category": {"sub": sub_slug, "sub_slug": sub_slug, "main": main_slug,
                             "main_slug": main_slug, "departments": "", "created_by": None,
                             "deadline": None, "deadline_factor_3": None},
                "status": {"text": record["status_text"] or None,
                           "user": "medewerker@gemeente.nl", "state": record["state"],
                           "state_display": STATE_DISPLAY[record["state"]],
                           "extra_properties": None, "created_at": record["updated_at"]},
                "reporter": reporter,
                "priority": {"priority": "normal", "created_by": None}, "notes": [],
                "directing_departments": [],
                "created_at": record["created_at"], "updated_at": record["updated_at"]}

    def _reporter_row(self, signal_id: str) -> Dict[str, Any]:
        """_NestedReporterModelSerializer: masked without sia_can_view_contact_details."""
        reporter = self.reporters.current(signal_id)
        shown = {key: reporter[key] or "" for key in ("email", "phone")}
        if CONTACT_DETAILS not in self.permissions:
            shown = {key: "*****" if value else "" for key, value in shown.items()}
        return {**shown, "sharing_allowed": bool(reporter["sharing_allowed"])}

    # Reporters (signalen_reporters.py) ---------------------------------------------
    def add_reporter(self, signal_id: str, body: Any) -> Tuple[Any, ...]:
        """POST private/signals/{id}/reporters/: (HTTP status, answer)."""
        errors, data = reporter_errors(body, email_errors)
        if errors:
            return 400, errors
        with self._lock:
            try:
                made = self.reporters.add(signal_id, data)
            except TemplateMissing:  # Django's page for an unhandled exception
                return 500, b"<h1>Server Error (500)</h1>", "text/html"
            self.records[signal_id]["updated_at"] = now_iso()
            return 201, self.reporters.detail(made)

    def list_reporters(self, signal_id: str, state: Optional[str],
                       path: str) -> Tuple[int, Any]:
        with self._lock:
            return self.reporters.listing(signal_id, state, f"{self.url}{path}")

    def verify_email(self, body: Any) -> Tuple[int, Any]:
        """POST public/reporter/verify-email, as Signalen's frontend sends it."""
        with self._lock:
            status, answer, signal_id = self.reporters.verify(body)
            if signal_id is not None:
                self.records[signal_id]["updated_at"] = now_iso()
            return status, answer

    def private_detail(self, signal_id: str) -> Dict[str, Any]:
        return self._private_detail(signal_id, self.records[signal_id])

    def _private_detail(self, signal_id: str, record: Dict[str, Any]) -> Dict[str, Any]:
        """PrivateSignalSerializerDetail (the PATCH's answer, as its GET's)."""
        row = self._private_row(signal_id, record)
        del row["signal_id"]
        href = row["_links"]["self"]["href"]
        row["_links"].update(archives={"href": f"{href}/history"},
                             **{"sia:attachments": {"href": f"{href}/attachments"}})
        location = self.signals[signal_id]["location"]
        address = location.get("address")
        row.update(id_display=f"SIG-{record['id']}", type={"code": "SIG"}, attachments=[],
                   location={"id": record["id"], "stadsdeel": None,
                             "geometrie": location["geometrie"], "extra_properties": None,
                             "created_by": None, "bag_validated": bool(address),
                             "address": {key: address.get(key, "") for key in (
                                 "postcode", "huisletter", "huisnummer", "woonplaats",
                                 "openbare_ruimte", "huisnummer_toevoeging")}
                             if address else None},
                   notes=[{"text": text, "created_by": "chatbot@gemeente.nl"}
                          for text in reversed(self.notes.get(signal_id, []))])
        return row

    def category_page(self, page: int) -> Dict[str, Any]:
        size = self.category_page_size
        chunk = self.categories[(page - 1) * size:page * size]
        base = f"{self.url}/signals/v1/public/terms/categories/"
        more = page * size < len(self.categories)
        return {"_links": {"self": {"href": f"{base}?page={page}"},
                           "next": {"href": f"{base}?page={page + 1}" if more else None},
                           "previous": {"href": f"{base}?page={page - 1}" if page > 1 else None}},
                "count": len(self.categories),
                "results": [self._main(main) for main in chunk]}

    def _links(self, path: str) -> Dict[str, Any]:
        return {"curies": {"name": "sia", "href": f"{self.url}/signals/v1/relations"},
                "self": {"href": f"{self.url}/signals/v1/public/terms/categories/{path}"}}

    def _main(self, main: Dict[str, Any]) -> Dict[str, Any]:
        subs = [self._sub(main["slug"], sub) for sub in main["sub_categories"]]
        return {"_links": self._links(main["slug"]), "_display": main["name"],
                "name": main["name"], "slug": main["slug"], "public_name": None,
                "is_public_accessible": False, "sub_categories": subs, "configuration": None}

    def _sub(self, main_slug: str, sub: Dict[str, Any]) -> Dict[str, Any]:
        return {"_links": self._links(f"{main_slug}/sub_categories/{sub['slug']}"),
                "_display": sub["name"], "name": sub["name"], "slug": sub["slug"],
                "handling": "REST", "departments": [], "is_active": sub["is_active"],
                "description": None, "handling_message": "", "public_name": None,
                "is_public_accessible": False}

    def sub_category(self, main_slug: str, sub_slug: str) -> Optional[Dict[str, Any]]:
        for main in self.categories:
            for sub in main["sub_categories"] if main["slug"] == main_slug else []:
                if sub["slug"] == sub_slug:
                    return self._sub(main_slug, sub)
        return None
