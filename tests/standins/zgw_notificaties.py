"""A strict loopback stand-in for the Notificaties API 1.0.x (NRC), as Open Notificaties runs it.

Mirrors VNG-Realisatie/notificaties-api at tag 1.0.0 (`src/openapi.yaml`,
`src/nrc/api/serializers.py`, `validators.py`, `tasks.py`):

- `POST /abonnement` requires `callbackUrl` (≤ 200), `auth` (the Authorization header the
  callback gets) and `kanalen` [{naam, filters}]; the kanaal must exist (`kanaal_naam`) and
  the filter keys must be the kanaal's (`inconsistent-abonnement-filters`). Before it is
  stored the callback is tried like `CallbackURLAuthValidator` and `CallbackURLValidator`:
  a test notification (kanaal "test") without auth must get 403, with `auth` 204
  (`no-auth-on-callback-url`, `invalid-callback-url`). `GET /abonnement` lists them.
- `POST /notificaties` takes a message (`kanaal`, `hoofdObject`, `resource`, `resourceUrl`,
  `actie`, `aanmaakdatum`, `kenmerken`); the kanaal must exist and the kenmerken must be its
  filters. It is delivered (`deliver_message`) to every abonnement whose filters match, as
  JSON with `Authorization: <auth>`; the answers are kept in `deliveries`.

Seeded kanaal: `zaken` with filters bronorganisatie, zaaktype, vertrouwelijkheidaanduiding.
`deliver` can be replaced to reach a callback that is no HTTP server (an in-process app).
"""
from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Optional, Tuple

import requests

from tests.standins.zgw_common import Refusal, ZgwStandIn, check_lengths, invalid, require

KANALEN = {"zaken": ("bronorganisatie", "zaaktype", "vertrouwelijkheidaanduiding")}
TEST_MESSAGE = {"kanaal": "test", "hoofdObject": "http://some.hoofdobject.nl/",
                "resource": "some_resource", "resourceUrl": "http://some.resource.nl/",
                "actie": "create", "aanmaakdatum": "2019-01-01T12:00:00Z", "kenmerken": {}}
MESSAGE_REQUIRED = ("kanaal", "hoofdObject", "resource", "resourceUrl", "actie",
                    "aanmaakdatum")
Deliver = Callable[[str, Dict[str, str], bytes], Optional[int]]


def http_deliver(url: str, headers: Dict[str, str], data: bytes) -> Optional[int]:
    """POST to the callback; its status, or None when it cannot be reached."""
    try:
        return requests.post(url, data=data, headers=headers, timeout=5).status_code
    except requests.RequestException:
        return None


class NotificatiesStandIn(ZgwStandIn):
    component = "notificaties"

    def __init__(self, clients: Dict[str, str], **kwargs: Any) -> None:
        self.deliver: Deliver = http_deliver
        self.deliveries: List[Tuple[str, Optional[int], Dict[str, Any]]] = []
        super().__init__(clients, **kwargs)

    def handle(self, method: str, path: str, query: Dict[str, str], body: Any,
               headers: Any) -> Tuple[int, Any, Dict[str, str]]:
        resource = path[len("/notificaties/api/v1/"):].strip("/")
        if resource == "abonnement" and method == "GET":
            return 200, [self._public(a) for a in self.of("abonnement")], {}
        if resource.startswith("abonnement/") and method == "GET":
            return 200, self._public(self.get(path)), {}
        if resource == "kanaal" and method == "GET":
            return 200, [{"naam": naam, "filters": list(filters)}
                         for naam, filters in KANALEN.items()], {}
        if not isinstance(body, dict) and method == "POST":
            raise invalid([("nonFieldErrors", "invalid", "Ongeldige data.")])
        if resource == "abonnement" and method == "POST":
            return 201, self._public(self.subscribe(body)), {}
        if resource == "notificaties" and method == "POST":
            return 200, self.publish(body), {}
        raise Refusal(404, "not_found", "Niet gevonden.")

    @staticmethod
    def _public(abonnement: Dict[str, Any]) -> Dict[str, Any]:
        return {k: v for k, v in abonnement.items() if k != "auth"}  # auth is write-only

    def subscribe(self, body: Dict[str, Any]) -> Dict[str, Any]:
        problems = require(body, ("callbackUrl", "auth")) + check_lengths(
            body, {"callbackUrl": 200, "auth": 1000})
        if not isinstance(body.get("kanalen"), list):
            problems.append(("kanalen", "required", "Dit veld is vereist."))
        for group in body.get("kanalen") or []:
            naam = group.get("naam") if isinstance(group, dict) else None
            if naam not in KANALEN:
                problems.append(("naam", "kanaal_naam", "Kanaal met deze naam bestaat niet."))
            elif set(group.get("filters") or {}) - set(KANALEN[naam]):
                problems.append(("filters", "inconsistent-abonnement-filters",
                                 "abonnement filters aren't consistent with kanaal filters"))
        if problems:
            raise invalid(problems)
        self._try_callback(body["callbackUrl"], body["auth"])
        return self.store("abonnement", {"callbackUrl": body["callbackUrl"],
                                         "auth": body["auth"], "kanalen": body["kanalen"]})

    def _try_callback(self, url: str, auth: str) -> None:
        data = json.dumps(TEST_MESSAGE).encode()
        plain = {"Content-Type": "application/json"}
        if self.deliver(url, plain, data) != 403:
            raise invalid([("callbackUrl", "no-auth-on-callback-url",
                            "De opgegeven callback URL is niet beveiligd met autorisatie.")])
        if self.deliver(url, {**plain, "Authorization": auth}, data) != 204:
            raise invalid([("nonFieldErrors", "invalid-callback-url",
                            "De opgegeven callback URL kan geen notificaties ontvangen.")])

    def publish(self, message: Dict[str, Any]) -> Dict[str, Any]:
        problems = require(message, MESSAGE_REQUIRED)
        kanaal = message.get("kanaal")
        if kanaal and kanaal not in KANALEN:
            problems.append(("kanaal", "message_kanaal", "Kanaal met deze naam bestaat niet."))
        elif kanaal and set(message.get("kenmerken") or {}) - set(KANALEN[kanaal]):
            problems.append(("kenmerken", "kenmerken_inconsistent",
                             "Kenmerken aren't consistent with kanaal filters"))
        if problems:
            raise invalid(problems)
        data = json.dumps(message).encode()
        for abonnement in self.of("abonnement"):
            if self._matches(abonnement, message):
                status = self.deliver(abonnement["callbackUrl"],
                                      {"Content-Type": "application/json",
                                       "Authorization": abonnement["auth"]}, data)
                self.deliveries.append((abonnement["callbackUrl"], status, message))
        return message

    @staticmethod
    def _matches(abonnement: Dict[str, Any], message: Dict[str, Any]) -> bool:
        kenmerken = message.get("kenmerken") or {}
        return any(group["naam"] == message["kanaal"]
                   and all(value in ("*", kenmerken.get(key))
                           for key, value in (group.get("filters") or {}).items())
                   for group in abonnement["kanalen"])
