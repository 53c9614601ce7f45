"""A local stand-in for Signalen's public API that validates requests the way Signalen does.

Unknown keys are rejected, required fields are checked, coordinates must be [lon, lat]
inside the Netherlands and the category must be a public sub-category URL.
Listens on loopback only. `fail_with` makes it answer every request with that status.
"""
from __future__ import annotations

import cgi
import datetime as dt
import json
import re
import uuid
from typing import Any, Dict, List

from tests.standins.base import StandIn, StandInHandler

SIGNAL_KEYS = {"text", "location", "category", "reporter", "incident_date_start",
               "incident_date_end", "source", "extra_properties", "session"}
LOCATION_KEYS = {"geometrie", "address", "stadsdeel", "buurt_code"}
ADDRESS_KEYS = {"openbare_ruimte", "huisnummer", "huisletter", "huisnummer_toevoeging",
                "postcode", "woonplaats"}
REPORTER_KEYS = {"email", "phone", "sharing_allowed", "allows_contact"}
CATEGORY_URL = re.compile(r"^https?://[^/]+/signals/v1/public/terms/categories/"
                          r"[a-z0-9-]+/sub_categories/[a-z0-9-]+$")
PHOTO = b"\xff\xd8\xff\xe0" + b"\x00" * 64  # enough of a JPEG for a content check


def validate_signal(body: Any) -> List[str]:
    """Error messages for a public signal body; empty when valid."""
    if not isinstance(body, dict):
        return ["body must be a JSON object"]
    errors = [f"{key}: unknown field" for key in set(body) - SIGNAL_KEYS]
    text = body.get("text")
    if not isinstance(text, str) or not text.strip():
        errors.append("text: required")
    elif len(text) > 3000:
        errors.append("text: at most 3000 characters")
    errors += _validate_location(body.get("location"))
    category = body.get("category")
    if not isinstance(category, dict) or set(category) != {"sub_category"} \
            or not CATEGORY_URL.match(str(category.get("sub_category"))):
        errors.append("category.sub_category: a public sub-category URL is required")
    reporter = body.get("reporter")
    if not isinstance(reporter, dict):
        errors.append("reporter: required")
    else:
        errors += [f"reporter.{k}: unknown field" for k in set(reporter) - REPORTER_KEYS]
    try:
        dt.datetime.fromisoformat(str(body.get("incident_date_start")))
    except ValueError:
        errors.append("incident_date_start: ISO 8601 date-time required")
    return errors


def _validate_location(location: Any) -> List[str]:
    if not isinstance(location, dict):
        return ["location: required"]
    errors = [f"location.{key}: unknown field" for key in set(location) - LOCATION_KEYS]
    geometry = location.get("geometrie") or {}
    coordinates = geometry.get("coordinates")
    if (geometry.get("type") != "Point" or not isinstance(coordinates, list)
            or len(coordinates) != 2):
        errors.append("location.geometrie: a GeoJSON Point is required")
    else:
        lon, lat = coordinates
        if not (3.0 <= lon <= 7.5 and 50.5 <= lat <= 53.7):
            errors.append("location.geometrie: point is outside the Netherlands ([lon, lat])")
    address = location.get("address")
    if address is not None:
        if not isinstance(address, dict):
            errors.append("location.address: must be an object")
        else:
            errors += [f"location.address.{k}: unknown field" for k in set(address) - ADDRESS_KEYS]
            if "huisnummer" in address and not isinstance(address["huisnummer"], int):
                errors.append("location.address.huisnummer: must be an integer")
    return errors


class SignalenHandler(StandInHandler):
    def do_GET(self) -> None:
        if self.path == "/media/photo.jpg":
            return self.send(200, PHOTO, "image/jpeg")
        self.send(404, {"detail": "Not found."})

    def do_POST(self) -> None:
        self.standin.requests += 1
        if self.standin.fail_with:
            return self.send(self.standin.fail_with, {"detail": "unavailable"})
        match = re.fullmatch(r"/signals/v1/public/signals/([0-9a-f-]+)/attachments/", self.path)
        if self.path == "/signals/v1/public/signals/":
            return self._create()
        if match:
            return self._attach(match.group(1))
        self.send(404, {"detail": "Not found."})

    def _create(self) -> None:
        if self.headers.get("Content-Type", "").split(";")[0] != "application/json":
            return self.send(415, {"detail": "Unsupported media type"})
        try:
            body = json.loads(self.body())
        except ValueError:
            return self.send(400, {"detail": "JSON parse error"})
        errors = validate_signal(body)
        if errors:
            return self.send(400, {"errors": errors})
        signal_id = str(uuid.uuid4())
        self.standin.signals[signal_id] = body
        self.send(201, {"uuid": signal_id, "id_display": f"SIG-{len(self.standin.signals)}",
                        "status": {"state": "m"}})

    def _attach(self, signal_id: str) -> None:
        if signal_id not in self.standin.signals:
            return self.send(404, {"detail": "Not found."})
        form = cgi.FieldStorage(fp=self.rfile, headers=self.headers,
                                environ={"REQUEST_METHOD": "POST"})
        if "file" not in form or not form["file"].file:
            return self.send(400, {"file": ["No file was submitted."]})
        self.standin.attachments.setdefault(signal_id, []).append(form["file"].file.read())
        self.send(201, {"_display": "Attachment object"})


class SignalenStandIn(StandIn):
    """Signalen's public API on a free loopback port."""

    handler = SignalenHandler

    def __init__(self) -> None:
        self.signals: Dict[str, Dict[str, Any]] = {}
        self.attachments: Dict[str, List[bytes]] = {}
        self.requests = 0
        super().__init__()
