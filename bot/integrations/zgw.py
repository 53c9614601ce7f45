"""Thin typed client for the ZGW APIs (Zaken, Catalogi, Documenten, Notificaties): Open Zaak.

Written from VNG-Realisatie's OpenAPI documents: zaken-api 1.5.1 (`src/openapi.yaml` at
9be7e14), catalogi-api 1.3.1, documenten-api 1.5.0 and notificaties-api 1.0.0, and Open
Zaak's behaviour:

- authentication: every request carries `Authorization: Bearer <JWT>`, HS256-signed with
  the client's secret, claims `iss` and `client_id` (the client id), `iat`, `user_id` and
  `user_representation` (securityScheme `JWT-Claims`; Open Zaak checks the signature with
  the secret of `client_id` and the age of `iat`). A fresh token per request.
- `/zaken` requires `Accept-Crs` and `Content-Crs` (EPSG:4326, WGS84) on every request.
- errors are `Fout`/`ValidatieFout` bodies; `reason` is made from `invalidParams`.

4xx (but 429) → `ZgwRefused` (no retry: the request or the configuration is wrong);
5xx, 429, a timeout or no connection → `ZgwUnavailable` (retry).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Dict, List, Optional

import jwt
import requests

from bot.integrations import DeliveryError

CRS = "EPSG:4326"
ZAKEN, CATALOGI, DOCUMENTEN, NOTIFICATIES = "zaken", "catalogi", "documenten", "notificaties"


class ZgwError(DeliveryError):
    """A ZGW API did not take the request."""


class ZgwRefused(ZgwError):
    """A 4xx: sending it again will not help; `reason` is the status and the API's words."""

    def __init__(self, status: int, reason: str, codes: Optional[List[str]] = None) -> None:
        super().__init__(f"ZGW API refused the request ({status}): {reason}", retry=False)
        self.status, self.codes = status, codes or []
        self.reason = f"{status} {reason}"  # what staff see on the dead letter


class ZgwUnavailable(ZgwError):
    """A 5xx, 429, timeout or no connection: try again later."""

    def __init__(self, message: str) -> None:
        super().__init__(message, retry=True)


@dataclass(frozen=True)
class ZgwConfig:
    """Where the four APIs are and who we are to them."""

    zaken_url: str
    catalogi_url: str
    documenten_url: str
    notificaties_url: str
    client_id: str
    secret: str
    timeout: float = 10.0


def make_jwt(client_id: str, secret: str, now: Optional[float] = None) -> str:
    """The token the ZGW APIs prescribe (no user: the bot acts as an application)."""
    payload = {"iss": client_id, "iat": int(now if now is not None else time.time()),
               "client_id": client_id, "user_id": client_id,
               "user_representation": "Gemeente-assistent (chatbot)"}
    return jwt.encode(payload, secret, algorithm="HS256")


def fout_reason(body: Any, text: str = "") -> str:
    """One line from a Fout/ValidatieFout body."""
    if not isinstance(body, dict):
        return text[:500] or "no reason given"
    params = body.get("invalidParams") or []
    details = "; ".join(f"{p.get('name')}: {p.get('reason')} ({p.get('code')})"
                        for p in params if isinstance(p, dict))
    head = str(body.get("title") or body.get("detail") or body.get("code") or "")
    return (f"{head}: {details}" if details else head)[:500] or text[:500] or "no reason given"


def results(body: Any) -> List[Dict[str, Any]]:
    """The objects of a paginated list or a plain array."""
    if isinstance(body, list):
        return body
    return list((body or {}).get("results") or [])


class ZgwClient:
    """The four APIs with one client id and secret."""

    def __init__(self, config: ZgwConfig) -> None:
        self.config = config
        self.roots = {ZAKEN: config.zaken_url.rstrip("/"),
                      CATALOGI: config.catalogi_url.rstrip("/"),
                      DOCUMENTEN: config.documenten_url.rstrip("/"),
                      NOTIFICATIES: config.notificaties_url.rstrip("/")}

    # Catalogi ---------------------------------------------------------------------------
    def zaaktype(self, identificatie: str, catalogus: str = "") -> Dict[str, Any]:
        """The published zaaktype with this identificatie (the newest version)."""
        params = {"identificatie": identificatie, "status": "definitief"}
        if catalogus:
            params["catalogus"] = catalogus
        found = self.list(CATALOGI, "zaaktypen", params)
        if not found:
            raise ZgwRefused(404, f"no published zaaktype '{identificatie}' in the Catalogi API")
        return max(found, key=lambda z: str(z.get("versiedatum") or ""))

    def statustypen(self, zaaktype_url: str) -> List[Dict[str, Any]]:
        """The zaaktype's statustypen by volgnummer."""
        found = self.list(CATALOGI, "statustypen", {"zaaktype": zaaktype_url})
        return sorted(found, key=lambda s: int(s.get("volgnummer") or 0))

    def roltype(self, zaaktype_url: str, generic: str) -> Dict[str, Any]:
        found = self.list(CATALOGI, "roltypen", {"zaaktype": zaaktype_url,
                                                 "omschrijvingGeneriek": generic})
        if not found:
            raise ZgwRefused(404, f"the zaaktype has no roltype '{generic}'")
        return found[0]

    # Zaken ------------------------------------------------------------------------------
    def find_zaak(self, bronorganisatie: str, identificatie: str) -> Optional[Dict[str, Any]]:
        found = self.list(ZAKEN, "zaken", {"bronorganisatie": bronorganisatie,
                                           "identificatie": identificatie})
        return found[0] if found else None

    def create(self, api: str, resource: str, body: Dict[str, Any]) -> Dict[str, Any]:
        """POST a new object; its JSON (with `url`)."""
        return self.request("POST", f"{self.roots[api]}/{resource}", json=body)

    def list(self, api: str, resource: str, params: Dict[str, str]) -> List[Dict[str, Any]]:
        """Every object of a list, following `next` pages."""
        found: List[Dict[str, Any]] = []
        url: Optional[str] = f"{self.roots[api]}/{resource}"
        while url:
            body = self.request("GET", url, params=params)
            found.extend(results(body))
            url, params = (body.get("next") if isinstance(body, dict) else None), {}
        return found

    def get(self, url: str) -> Dict[str, Any]:
        """One object by its URL (only under the configured APIs: no other host is asked)."""
        if not any(url.startswith(root + "/") for root in self.roots.values() if root):
            raise ZgwRefused(400, f"{url} is not under a configured ZGW API")
        return self.request("GET", url)

    # Notificaties -----------------------------------------------------------------------
    def abonnementen(self) -> List[Dict[str, Any]]:
        return results(self.request("GET", f"{self.roots[NOTIFICATIES]}/abonnement"))

    def subscribe(self, callback_url: str, auth: str, kanaal: str,
                  filters: Optional[Dict[str, str]] = None) -> Dict[str, Any]:
        """An abonnement on `kanaal`, unless one with this callback URL exists already."""
        for abonnement in self.abonnementen():
            if abonnement.get("callbackUrl") == callback_url and any(
                    group.get("naam") == kanaal for group in abonnement.get("kanalen") or []):
                return abonnement
        return self.create(NOTIFICATIES, "abonnement", {
            "callbackUrl": callback_url, "auth": auth,
            "kanalen": [{"naam": kanaal, "filters": filters or {}}]})

    # Transport --------------------------------------------------------------------------
    def headers(self, url: str) -> Dict[str, str]:
        token = make_jwt(self.config.client_id, self.config.secret)
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        if url.startswith(self.roots[ZAKEN] + "/zaken"):
            headers.update({"Accept-Crs": CRS, "Content-Crs": CRS})
        return headers

    def request(self, method: str, url: str, **kwargs: Any) -> Any:
        try:
            response = requests.request(method, url, headers=self.headers(url),
                                        timeout=self.config.timeout, **kwargs)
        except requests.RequestException as error:
            raise ZgwUnavailable(f"ZGW API unreachable: {type(error).__name__}")
        return answer(response)


def answer(response: requests.Response) -> Any:
    status = response.status_code
    if status == 429 or status >= 500:
        raise ZgwUnavailable(f"ZGW API answered {status}")
    try:
        body = response.json() if response.content else None
    except ValueError:
        body = None
    if status >= 400:
        codes = [str(p.get("code")) for p in (body or {}).get("invalidParams") or []
                 if isinstance(p, dict)] if isinstance(body, dict) else []
        raise ZgwRefused(status, fout_reason(body, response.text), codes)
    return body

