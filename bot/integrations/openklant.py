"""Thin typed client for Open Klant's Klantinteracties API (where a KCC registers contacts).

Written from maykinmedia/open-klant 2.18 (commit 754d9cd; its `klantinteracties/
openapi.yaml` is the VNG Klantinteracties API 0.9.0) and from how the KCC workstation KISS
calls it (Klantinteractie-Servicesysteem/KISS-frontend `src/services/openklant2/`):
a klantcontact first, then its betrokkene, onderwerpobjecten, the actor through
`actorklantcontacten`, a digitaal adres of the betrokkene, and an interne taak for a
contactverzoek ("Contact opnemen met betrokkene", status `te_verwerken`). Actors are found
by their identificator before one is created, as KISS does.

Open Klant has no idempotency key, so what a create whose answer was lost may have made is
looked up with the list filters Open Klant offers (`api/filterset/*.py`): a klantcontact by
a marker in its `inhoud` (`?inhoud=` matches a part, `icontains`, in every 2.x), the parts
hanging from it by the klantcontact's uuid (`hadKlantcontact__uuid`, `klantcontact__uuid`,
`aanleidinggevendKlantcontact__uuid`, `verstrektDoorBetrokkene__uuid`).

Every request carries `Authorization: Token <OPENKLANT_TOKEN>`. A 4xx is `OpenKlantRefused`
(not retried, with Open Klant's `invalidParams`), except 408 and 429; a 5xx, a timeout or
no connection is `OpenKlantUnavailable` (retried).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import requests

from bot.integrations import DeliveryError

logger = logging.getLogger(__name__)

API_PATH = "/klantinteracties/api/v1"
RETRIED_4XX = (408, 429)


class OpenKlantError(DeliveryError):
    """Open Klant did not take the request."""


class OpenKlantRefused(OpenKlantError):
    """A 4xx: sending the same again will not help; `reason` names Open Klant's objections."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(f"Open Klant refused the request ({status}): {reason}", retry=False)
        self.status = status
        self.reason = reason


class OpenKlantUnavailable(OpenKlantError):
    """A 5xx, 408/429, a timeout or no connection: try again later."""

    def __init__(self, message: str) -> None:
        super().__init__(message, retry=True)


@dataclass(frozen=True)
class Identificator:
    """An object in another register (`actoridentificator`, `onderwerpobjectidentificator`)."""

    object_id: str
    code_objecttype: str
    code_register: str
    code_soort_object_id: str

    def as_json(self) -> Dict[str, str]:
        return {"objectId": self.object_id, "codeObjecttype": self.code_objecttype,
                "codeRegister": self.code_register,
                "codeSoortObjectId": self.code_soort_object_id}


def ref(key: str) -> Dict[str, str]:
    """A reference to another resource, as the API takes it."""
    return {"uuid": key}


class OpenKlantClient:
    """The Klantinteracties resources we write; `base_url` is Open Klant's root URL."""

    def __init__(self, base_url: str, token: str, timeout: float = 5.0) -> None:
        root = base_url.rstrip("/")
        self.api = root if root.endswith(API_PATH) else root + API_PATH
        self.token = token
        self.timeout = timeout

    # Resources ------------------------------------------------------------------------
    def create_klantcontact(self, body: Dict[str, Any]) -> Dict[str, Any]:
        return self._post("klantcontacten", body)

    def find_klantcontact(self, marker: str, kanaal: str) -> Optional[str]:
        """The uuid of the klantcontact whose inhoud carries `marker` (sent on this kanaal)."""
        found = self._list("klantcontacten", {"inhoud": marker, "kanaal": kanaal})
        return next((r["uuid"] for r in found if marker in (r.get("inhoud") or "")), None)

    def find_betrokkene(self, klantcontact: str) -> Optional[str]:
        return _first(self._list("betrokkenen", {"hadKlantcontact__uuid": klantcontact}))

    def find_onderwerpobject(self, klantcontact: str, about: Identificator) -> Optional[str]:
        return _first(self._list("onderwerpobjecten", {
            "klantcontact__uuid": klantcontact,
            "onderwerpobjectidentificatorObjectId": about.object_id,
            "onderwerpobjectidentificatorCodeRegister": about.code_register}))

    def find_digitaal_adres(self, betrokkene: str) -> Optional[str]:
        return _first(self._list("digitaleadressen",
                                 {"verstrektDoorBetrokkene__uuid": betrokkene}))

    def find_actor_link(self, actor: str, klantcontact: str) -> Optional[str]:
        return _first(self._list("actorklantcontacten", {"actor__uuid": actor,
                                                          "klantcontact__uuid": klantcontact}))

    def find_internetaak(self, klantcontact: str) -> Optional[str]:
        return _first(self._list("internetaken",
                                 {"aanleidinggevendKlantcontact__uuid": klantcontact}))

    def create_betrokkene(self, klantcontact: str, initiator: bool = True) -> Dict[str, Any]:
        """The resident as `klant`, without a partij: we know no one by name or BSN."""
        return self._post("betrokkenen", {"hadKlantcontact": ref(klantcontact), "rol": "klant",
                                          "initiator": initiator, "organisatienaam": ""})

    def create_onderwerpobject(self, klantcontact: str,
                               about: Identificator) -> Dict[str, Any]:
        return self._post("onderwerpobjecten", {"klantcontact": ref(klantcontact),
                                                "wasKlantcontact": None,
                                                "onderwerpobjectidentificator": about.as_json()})

    def create_digitaal_adres(self, betrokkene: str, soort: str, adres: str,
                              omschrijving: str) -> Dict[str, Any]:
        return self._post("digitaleadressen", {"verstrektDoorBetrokkene": ref(betrokkene),
                                               "verstrektDoorPartij": None, "adres": adres,
                                               "soortDigitaalAdres": soort,
                                               "omschrijving": omschrijving[:40]})

    def actor(self, naam: str, soort: str, identificator: Identificator) -> str:
        """The uuid of the actor with this identificator, created when there is none."""
        found = self._get("actoren", {"actoridentificatorObjectId": identificator.object_id,
                                      "actoridentificatorCodeObjecttype":
                                          identificator.code_objecttype,
                                      "actoridentificatorCodeRegister":
                                          identificator.code_register,
                                      "actoridentificatorCodeSoortObjectId":
                                          identificator.code_soort_object_id})
        results: List[Dict[str, Any]] = found.get("results") or []
        if results:
            return results[0]["uuid"]
        created = self._post("actoren", {"naam": naam[:200], "soortActor": soort,
                                         "indicatieActief": True,
                                         "actoridentificator": identificator.as_json()})
        return created["uuid"]

    def link_actor(self, actor: str, klantcontact: str) -> Dict[str, Any]:
        return self._post("actorklantcontacten", {"actor": ref(actor),
                                                  "klantcontact": ref(klantcontact)})

    def create_internetaak(self, klantcontact: str, actors: List[str], toelichting: str,
                           handeling: str = "Contact opnemen met betrokkene") -> Dict[str, Any]:
        return self._post("internetaken", {
            "gevraagdeHandeling": handeling, "aanleidinggevendKlantcontact": ref(klantcontact),
            "toegewezenAanActoren": [ref(a) for a in actors],
            "toelichting": toelichting[:1000], "status": "te_verwerken"})

    def internetaak(self, key: str) -> Dict[str, Any]:
        return self._get(f"internetaken/{key}")

    def update_internetaak(self, key: str, changes: Dict[str, Any]) -> Dict[str, Any]:
        return self._send("PATCH", f"internetaken/{key}", changes)

    # HTTP -----------------------------------------------------------------------------
    def _list(self, resource: str, params: Dict[str, str]) -> List[Dict[str, Any]]:
        """The first page of a filtered list (what we look for is one or two records)."""
        return list(self._get(resource, params).get("results") or [])

    def _post(self, resource: str, body: Dict[str, Any]) -> Dict[str, Any]:
        return self._send("POST", resource, body)

    def _get(self, resource: str, params: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
        return self._send("GET", resource, None, params)

    def _send(self, method: str, resource: str, body: Optional[Dict[str, Any]],
              params: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
        url = f"{self.api}/{resource}"
        headers = {"Authorization": f"Token {self.token}", "Accept": "application/json"}
        try:
            response = requests.request(method, url, json=body, params=params,
                                        headers=headers, timeout=self.timeout)
        except requests.RequestException as error:
            raise OpenKlantUnavailable(f"Open Klant unreachable ({method} {resource}): "
                                       f"{type(error).__name__}")
        if response.status_code >= 500 or response.status_code in RETRIED_4XX:
            raise OpenKlantUnavailable(f"Open Klant answered {response.status_code} "
                                       f"({method} {resource})")
        if response.status_code >= 400:
            raise OpenKlantRefused(response.status_code, f"{method} {resource}: "
                                                         f"{_reason(response)}")
        return response.json()


def _first(results: List[Dict[str, Any]]) -> Optional[str]:
    return results[0]["uuid"] if results else None


def _reason(response: requests.Response) -> str:
    """Open Klant's objections (vng-api-common's `invalidParams`), without the values sent."""
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    params = body.get("invalidParams") or []
    if params:
        return "; ".join(f"{p.get('name')}: {p.get('reason')}" for p in params)[:500]
    return str(body.get("detail") or body.get("title") or body)[:200]
