"""What the ZGW stand-ins share: JWT checks, the error bodies and list pages of the ZGW APIs.

Written from VNG-Realisatie's OpenAPI documents (zaken-api 1.5.1 `src/openapi.yaml` at
9be7e14, catalogi-api 1.3.1, documenten-api 1.5.0, notificaties-api 1.0.0) and Open Zaak's
behaviour (vng-api-common):

- authentication: `Authorization: Bearer <JWT>`, HS256 signed with the secret of the
  client named in the `client_id` claim, `iat` required (securityScheme `JWT-Claims`). No
  or a bad token: 401 `Fout`; a known client without rights on this API: 403 `Fout`.
- errors: `Fout` {type, code, title, status, detail, instance} as application/problem+json;
  validation errors are `ValidatieFout`, a 400 with `invalidParams` [{name, code, reason}].
- lists: `{count, next, previous, results}` (the `Paginated…List` schemas); a few
  (zaakinformatieobjecten) are plain arrays.
"""
from __future__ import annotations

import json
import threading
import time
import uuid
from typing import Any, Dict, Iterable, List, Optional, Set, Tuple
from urllib.parse import parse_qs, urlsplit

import jwt

from tests.standins.base import StandIn, StandInHandler

PROBLEM = "application/problem+json"
REQUIRED = ("required", "Dit veld is vereist.")
BAD_URL = ("bad-url", "De URL {url} resolvet niet naar een geldig object.")


class Refusal(Exception):
    """An answer other than success: status and a `Fout`/`ValidatieFout` body."""

    def __init__(self, status: int, code: str, title: str,
                 invalid: Optional[List[Dict[str, str]]] = None) -> None:
        super().__init__(title)
        self.status, self.code, self.title, self.invalid = status, code, title, invalid

    def body(self) -> Dict[str, Any]:
        body: Dict[str, Any] = {"type": f"https://standin/ref/fouten/{self.code}/",
                                "code": self.code, "title": self.title,
                                "status": self.status, "detail": self.title,
                                "instance": f"urn:uuid:{uuid.uuid4()}"}
        if self.invalid is not None:
            body["invalidParams"] = self.invalid
        return body


def invalid(params: List[Tuple[str, str, str]]) -> Refusal:
    """A ValidatieFout (400) for (name, code, reason) triples."""
    return Refusal(400, "invalid", "Invalid input.",
                   [{"name": name, "code": code, "reason": reason}
                    for name, code, reason in params])


def require(body: Dict[str, Any], fields: Iterable[str]) -> List[Tuple[str, str, str]]:
    """(name, code, reason) for every required field that is missing or empty."""
    return [(name, *REQUIRED) for name in fields if body.get(name) in (None, "")]


def check_lengths(body: Dict[str, Any], limits: Dict[str, int]) -> List[Tuple[str, str, str]]:
    return [(name, "max_length", f"Zorg ervoor dat dit veld niet meer dan {limit} karakters "
             "bevat.") for name, limit in limits.items()
            if isinstance(body.get(name), str) and len(body[name]) > limit]


def page(results: List[Any]) -> Dict[str, Any]:
    return {"count": len(results), "next": None, "previous": None, "results": results}


def make_token(client_id: str, secret: str, **claims: Any) -> str:
    """A token as a ZGW client makes it (for tests that call the stand-ins directly)."""
    payload = {"iss": client_id, "iat": int(time.time()), "client_id": client_id,
               "user_id": "", "user_representation": "", **claims}
    return jwt.encode(payload, secret, algorithm="HS256")


class ZgwHandler(StandInHandler):
    """Routes GET/POST/DELETE to the stand-in's `handle`, answering its Refusals as Fout."""

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def do_DELETE(self) -> None:
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        parts = urlsplit(self.path)
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        standin = self.standin
        standin.count(method, parts.path)
        try:
            if standin.fail_with:
                raise Refusal(standin.fail_with, "error", "Stand-in set to fail.")
            standin.authenticate(self.headers.get("Authorization", ""))
            body = self._json() if method == "POST" else None
            if method == "POST":
                standin.bodies.append((parts.path, body))
            status, answer, headers = standin.handle(method, parts.path, query, body,
                                                     self.headers)
        except Refusal as refusal:
            return self.send(refusal.status, refusal.body(), PROBLEM)
        data = b"" if answer is None else json.dumps(answer).encode()
        self.send_response(status)
        for name, value in {"Content-Type": "application/json", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _json(self) -> Any:
        if self.headers.get("Content-Type", "").split(";")[0] != "application/json":
            raise Refusal(415, "unsupported_media_type",
                          f'Ongeldige mediatype "{self.headers.get("Content-Type")}" in '
                          "aanvraag.")
        try:
            return json.loads(self.body() or b"null")
        except ValueError:
            raise Refusal(400, "parse_error", "JSON parse error")


class ZgwStandIn(StandIn):
    """A ZGW API on loopback: JWT per client, objects in memory, URLs under its own root."""

    handler = ZgwHandler
    component = ""  # "zaken", "catalogi", "documenten", "notificaties"

    def __init__(self, clients: Dict[str, str], denied: Iterable[str] = ()) -> None:
        self.clients = dict(clients)        # client_id → secret
        self.denied: Set[str] = set(denied)  # known clients without rights on this API
        self.jwt_expiry = 3600.0  # seconds a token is taken after its `iat`
        self.objects: Dict[str, Dict[str, Any]] = {}  # url → object
        self.calls: List[Tuple[str, str]] = []
        self.bodies: List[Tuple[str, Any]] = []  # (path, body) of every authorised POST
        self.lock = threading.Lock()
        super().__init__()

    @property
    def root(self) -> str:
        return f"{self.url}/{self.component}/api/v1"

    def count(self, method: str, path: str) -> None:
        with self.lock:
            self.calls.append((method, path))

    def posts(self, resource: str) -> int:
        """How many creates of `resource` reached the stand-in (refused ones too)."""
        return sum(1 for method, path in self.calls
                   if method == "POST" and path.rstrip("/").endswith("/" + resource))

    def authenticate(self, header: str) -> str:
        """The client id of a valid token; Refusal 401/403 otherwise."""
        if not header.startswith("Bearer "):
            raise Refusal(401, "not_authenticated",
                          "Authenticatiegegevens zijn niet opgegeven.")
        token = header[len("Bearer "):].strip()
        try:
            claims = jwt.decode(token, options={"verify_signature": False})
            secret = self.clients[claims["client_id"]]
            claims = jwt.decode(token, secret, algorithms=["HS256"],
                                options={"require": ["iat"]})
        except (jwt.PyJWTError, KeyError, TypeError):
            raise Refusal(401, "not_authenticated", "Ongeldige of onbekende JWT.")
        if claims["iat"] < time.time() - self.jwt_expiry:  # Open Zaak's JWT_EXPIRY
            raise Refusal(401, "not_authenticated", "De JWT is verlopen.")
        if claims["client_id"] in self.denied:
            raise Refusal(403, "permission_denied",
                          "Je hebt geen toestemming om deze actie uit te voeren.")
        return claims["client_id"]

    def new_url(self, resource: str) -> str:
        return f"{self.root}/{resource}/{uuid.uuid4()}"

    def store(self, resource: str, obj: Dict[str, Any]) -> Dict[str, Any]:
        url = self.new_url(resource)
        obj = {"url": url, "uuid": url.rsplit("/", 1)[1], **obj}
        with self.lock:
            self.objects[url] = obj
        return obj

    def of(self, resource: str, **filters: Any) -> List[Dict[str, Any]]:
        """Stored objects of `resource` whose fields equal every filter."""
        prefix = f"{self.root}/{resource}/"
        with self.lock:
            found = [obj for url, obj in self.objects.items() if url.startswith(prefix)]
        return [obj for obj in found
                if all(obj.get(key) == value for key, value in filters.items())]

    def get(self, path: str) -> Dict[str, Any]:
        obj = self.objects.get(f"{self.url}{path.rstrip('/')}")
        if obj is None:
            raise Refusal(404, "not_found", "Niet gevonden.")
        return obj

    def handle(self, method: str, path: str, query: Dict[str, str], body: Any,
               headers: Any) -> Tuple[int, Any, Dict[str, str]]:
        raise NotImplementedError
