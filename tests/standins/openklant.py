"""A strict loopback stand-in for Open Klant's Klantinteracties API, written from upstream.

Mirrors maykinmedia/open-klant 2.18 (commit 754d9cd, `src/openklant/components/
klantinteracties/openapi.yaml`: the VNG Klantinteracties API 0.9.0), base path
`/klantinteracties/api/v1`:

- auth (`components/token/authentication.py`, DRF's TokenAuthentication):
  `Authorization: Token <key>`; none → 401 `not_authenticated`, an unknown key → 401
  `authentication_failed` ("Ongeldige token."). Tokens have no scopes, so no 403.
- resources and their fields (`klantinteracties/models/*.py`, `api/serializers/*.py`):
  klantcontacten (kanaal ≤ 50, onderwerp ≤ 200, taal ≤ 3 and vertrouwelijk required;
  inhoud ≤ 1000, reactie ≤ 4000, metadata values ≤ 255; not both indicatieContactGelukt
  and verdereActieOndernomen), betrokkenen (hadKlantcontact, rol klant/vertegenwoordiger,
  initiator), onderwerpobjecten (onderwerpobjectidentificator, four strings ≤ 200),
  actoren (naam, soortActor medewerker/geautomatiseerde_actor/organisatorische_eenheid,
  actoridentificator), actorklantcontacten (unique actor + klantcontact), internetaken
  (gevraagdeHandeling, aanleidinggevendKlantcontact, toegewezenAanActor(en), status
  te_verwerken/verwerkt, afgehandeldOp only when verwerkt; toegewezenOp set by the server)
  and digitaleadressen (soortDigitaalAdres email/telefoonnummer/overig, adres ≤ 80 and
  checked per soort, omschrijving ≤ 40).
- references are `{"uuid": …}` and must exist ("Klantcontact object bestaat niet.").
- errors have vng-api-common's shape: `{"type", "code", "title", "status", "detail",
  "instance"}`, with `invalidParams: [{"name", "code", "reason"}]` on 400 (camelCase
  names, nested ones dotted: `hadKlantcontact.uuid`); 404 for an unknown uuid.
- lists are paginated `{"count", "next", "previous", "results"}`. The query parameters are
  exactly the ones Open Klant's filtersets offer (`api/filterset/*.py`, as listed in the
  OpenAPI document; `FILTERS`): any other is refused with 400 `unknown-parameters`
  ("Onbekende query parameters: …", vng-api-common's CheckQueryParamsMixin). `inhoud`,
  `onderwerp` and `reactie` of klantcontacten match case-insensitively on a part
  (`icontains`), the others exactly. A parameter Open Klant has but this stand-in does not
  model answers 501, so no test relies on a filter that is not there.

Open Klant may check `kanaal` against its Referentielijsten API (`api/validators.py`
KanaalValidator, when `ReferentielijstenConfig.enabled`): give `kanalen` to model that.

Faults for tests: `fail_with` (every request answers that status); `lose_next_answer(resource)`
(the next create of that resource is stored, and then answered 504, as a proxy in front of
Open Klant answers when Open Klant took longer than it waits: the client cannot know).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import threading
import uuid
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import parse_qs, urlsplit

from tests.standins.base import StandIn, StandInHandler

BASE = "/klantinteracties/api/v1"
VERSION = "0.9.0"  # the Klantinteracties API version Open Klant 2.18 serves
REQUIRED = "Dit veld is vereist."
PHONE = re.compile(r"^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
Problems = List[Dict[str, str]]


def _problem(name: str, code: str, reason: str) -> Dict[str, str]:
    return {"name": name, "code": code, "reason": reason}


class Field:
    """One writable field: its check returns problems (empty when fine)."""

    def __init__(self, kind: str, required: bool = False, max_length: int = 0,
                 choices: Tuple[str, ...] = (), null: bool = False, ref: str = "") -> None:
        self.kind, self.required, self.max_length = kind, required, max_length
        self.choices, self.null, self.ref = choices, null, ref

    def check(self, name: str, value: Any, exists: Callable[[str, str], bool]) -> Problems:
        if value is None:
            return [] if self.null else [_problem(name, "null", "Dit veld mag niet leeg zijn.")]
        check = getattr(self, f"_{self.kind}")
        return check(name, value, exists)

    def _str(self, name: str, value: Any, exists: Callable) -> Problems:
        if not isinstance(value, str):
            return [_problem(name, "invalid", "Geen geldige string.")]
        if self.required and not value.strip():
            return [_problem(name, "blank", "Dit veld mag niet leeg zijn.")]
        if self.max_length and len(value) > self.max_length:
            return [_problem(name, "max_length", "Zorg ervoor dat dit veld niet meer dan "
                                                 f"{self.max_length} karakters bevat.")]
        if self.choices and value not in self.choices:
            return [_problem(name, "invalid_choice", f'"{value}" is een ongeldige keuze.')]
        return []

    def _bool(self, name: str, value: Any, exists: Callable) -> Problems:
        if isinstance(value, bool):
            return []
        return [_problem(name, "invalid", "Moet een geldige boolean zijn.")]

    def _datetime(self, name: str, value: Any, exists: Callable) -> Problems:
        try:
            dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            return []
        except ValueError:
            return [_problem(name, "invalid", "Datetime heeft een ongeldig formaat.")]

    def _ref(self, name: str, value: Any, exists: Callable) -> Problems:
        if not isinstance(value, dict):
            return [_problem(f"{name}.nonFieldErrors", "invalid",
                             "Ongeldige data. Verwacht een dictionary, kreeg een "
                             f"{type(value).__name__}.")]
        key = value.get("uuid")
        if not key:
            return [_problem(f"{name}.uuid", "required", REQUIRED)]
        if not exists(self.ref, str(key)):
            label = RESOURCE_LABEL[self.ref]
            return [_problem(f"{name}.uuid", "invalid", f"{label} object bestaat niet.")]
        return []

    def _refs(self, name: str, value: Any, exists: Callable) -> Problems:
        if not isinstance(value, list):
            return [_problem(name, "not_a_list", "Verwachtte een lijst met items.")]
        single = Field("ref", ref=self.ref)
        return [p for i, item in enumerate(value) for p in single._ref(f"{name}.{i}", item,
                                                                        exists)]

    def _group(self, name: str, value: Any, exists: Callable) -> Problems:
        if not isinstance(value, dict):
            return [_problem(f"{name}.nonFieldErrors", "invalid",
                             "Ongeldige data. Verwacht een dictionary.")]
        return [_problem(f"{name}.{key}", "max_length", "Zorg ervoor dat dit veld niet meer "
                                                       "dan 200 karakters bevat.")
                for key, item in value.items() if isinstance(item, str) and len(item) > 200]

    def _metadata(self, name: str, value: Any, exists: Callable) -> Problems:
        if not isinstance(value, dict):
            return [_problem(name, "not_a_dict", "Verwachtte een dictionary van items.")]
        return [_problem(f"{name}.{key}", "max_length", "Zorg ervoor dat dit veld niet meer "
                                                       "dan 255 karakters bevat.")
                for key, item in value.items() if not isinstance(item, str) or len(item) > 255]


IDENTIFICATOR = Field("group", null=True)
SCHEMAS: Dict[str, Dict[str, Field]] = {
    "klantcontacten": {
        "kanaal": Field("str", True, 50), "onderwerp": Field("str", True, 200),
        "inhoud": Field("str", max_length=1000), "reactie": Field("str", max_length=4000),
        "indicatieContactGelukt": Field("bool", null=True),
        "verdereActieOndernomen": Field("bool"), "taal": Field("str", True, 3),
        "vertrouwelijk": Field("bool", True), "plaatsgevondenOp": Field("datetime"),
        "hoofdOnderwerpType": Field("str", max_length=200), "metadata": Field("metadata"),
        "nummer": Field("str", max_length=10, null=True),
        "referentienummer": Field("str", max_length=10, null=True)},
    "betrokkenen": {
        "hadKlantcontact": Field("ref", True, ref="klantcontacten"),
        "wasPartij": Field("ref", null=True, ref="partijen"),
        "rol": Field("str", True, 17, ("vertegenwoordiger", "klant")),
        "initiator": Field("bool", True), "organisatienaam": Field("str", max_length=200),
        "contactnaam": Field("group", null=True), "bezoekadres": Field("group", null=True),
        "correspondentieadres": Field("group", null=True)},
    "onderwerpobjecten": {
        "klantcontact": Field("ref", null=True, ref="klantcontacten"),
        "wasKlantcontact": Field("ref", null=True, ref="klantcontacten"),
        "onderwerpobjectidentificator": IDENTIFICATOR},
    "actoren": {
        "naam": Field("str", True, 200),
        "soortActor": Field("str", True, 24, ("medewerker", "geautomatiseerde_actor",
                                              "organisatorische_eenheid")),
        "indicatieActief": Field("bool"), "actoridentificator": IDENTIFICATOR,
        "actorIdentificatie": Field("group", null=True)},
    "actorklantcontacten": {
        "actor": Field("ref", True, ref="actoren"),
        "klantcontact": Field("ref", True, ref="klantcontacten")},
    "internetaken": {
        "gevraagdeHandeling": Field("str", True, 200),
        "aanleidinggevendKlantcontact": Field("ref", True, ref="klantcontacten"),
        "toegewezenAanActor": Field("ref", ref="actoren"),
        "toegewezenAanActoren": Field("refs", ref="actoren"),
        "toelichting": Field("str", max_length=1000),
        "status": Field("str", True, 12, ("te_verwerken", "verwerkt")),
        "afgehandeldOp": Field("datetime", null=True),
        "nummer": Field("str", max_length=10, null=True),
        "referentienummer": Field("str", max_length=10, null=True)},
    "digitaleadressen": {
        "verstrektDoorBetrokkene": Field("ref", null=True, ref="betrokkenen"),
        "verstrektDoorPartij": Field("ref", null=True, ref="partijen"),
        "adres": Field("str", True, 80),
        "soortDigitaalAdres": Field("str", True, 255, ("email", "telefoonnummer", "overig")),
        "isStandaardAdres": Field("bool"), "omschrijving": Field("str", max_length=40),
        "referentie": Field("str", max_length=50),
        "verificatieDatum": Field("datetime", null=True)},
}
RESOURCE_LABEL = {"klantcontacten": "Klantcontact", "betrokkenen": "Betrokkene",
                  "onderwerpobjecten": "Onderwerpobject", "actoren": "Actor",
                  "actorklantcontacten": "ActorKlantcontact", "internetaken": "InterneTaak",
                  "digitaleadressen": "DigitaalAdres", "partijen": "Partij"}
DEFAULTS: Dict[str, Dict[str, Any]] = {
    "klantcontacten": {"inhoud": "", "reactie": "", "indicatieContactGelukt": None,
                       "verdereActieOndernomen": False, "hoofdOnderwerpType": "",
                       "metadata": {}, "referentienummer": None},
    "betrokkenen": {"wasPartij": None, "organisatienaam": "", "contactnaam": None},
    "onderwerpobjecten": {"klantcontact": None, "wasKlantcontact": None,
                          "onderwerpobjectidentificator": None},
    "actoren": {"indicatieActief": True, "actoridentificator": None},
    "internetaken": {"toelichting": "", "afgehandeldOp": None},
    "digitaleadressen": {"verstrektDoorBetrokkene": None, "verstrektDoorPartij": None,
                         "isStandaardAdres": False, "omschrijving": "", "referentie": ""},
}
# Every query parameter Open Klant 2.18 offers on the lists (its OpenAPI document, generated
# from `api/filterset/*.py`; page, pageSize and expand aside).
FILTERS: Dict[str, Tuple[str, ...]] = {
    "klantcontacten": (
        "hadBetrokkene__digitaaladres__adres__icontains", "hadBetrokkene__url",
        "hadBetrokkene__uuid", "hadBetrokkene__wasPartij",
        "hadBetrokkene__wasPartij__partijIdentificator__codeObjecttype",
        "hadBetrokkene__wasPartij__partijIdentificator__codeRegister",
        "hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId",
        "hadBetrokkene__wasPartij__partijIdentificator__objectId", "hadBetrokkene__wasPartij__url",
        "hadBetrokkene__wasPartij__uuid", "indicatieContactGelukt", "inhoud", "kanaal",
        "leiddeTotInterneTaken", "nummer", "onderwerp",
        "onderwerpobject__onderwerpobjectidentificatorCodeObjecttype",
        "onderwerpobject__onderwerpobjectidentificatorCodeRegister",
        "onderwerpobject__onderwerpobjectidentificatorCodeSoortObjectId",
        "onderwerpobject__onderwerpobjectidentificatorObjectId", "onderwerpobject__url",
        "onderwerpobject__uuid", "plaatsgevondenOp", "reactie", "referentienummer", "vertrouwelijk",
        "wasOnderwerpobject__onderwerpobjectidentificatorCodeObjecttype",
        "wasOnderwerpobject__onderwerpobjectidentificatorCodeRegister",
        "wasOnderwerpobject__onderwerpobjectidentificatorCodeSoortObjectId",
        "wasOnderwerpobject__onderwerpobjectidentificatorObjectId", "wasOnderwerpobject__url",
        "wasOnderwerpobject__uuid"),
    "betrokkenen": (
        "contactnaamAchternaam", "contactnaamVoorletters", "contactnaamVoornaam",
        "contactnaamVoorvoegselAchternaam", "hadKlantcontact__nummer",
        "hadKlantcontact__referentienummer", "hadKlantcontact__url", "hadKlantcontact__uuid",
        "organisatienaam", "verstrektedigitaalAdres__adres", "verstrektedigitaalAdres__url",
        "verstrektedigitaalAdres__uuid", "wasPartij__nummer",
        "wasPartij__partijIdentificator__codeObjecttype",
        "wasPartij__partijIdentificator__codeRegister",
        "wasPartij__partijIdentificator__codeSoortObjectId",
        "wasPartij__partijIdentificator__objectId", "wasPartij__url", "wasPartij__uuid"),
    "onderwerpobjecten": (
        "klantcontact__url", "klantcontact__uuid", "onderwerpobjectidentificatorCodeObjecttype",
        "onderwerpobjectidentificatorCodeRegister", "onderwerpobjectidentificatorCodeSoortObjectId",
        "onderwerpobjectidentificatorObjectId", "wasKlantcontact__url", "wasKlantcontact__uuid"),
    "actoren": (
        "actoridentificatorCodeObjecttype", "actoridentificatorCodeRegister",
        "actoridentificatorCodeSoortObjectId", "actoridentificatorObjectId", "indicatieActief",
        "naam", "soortActor"),
    "actorklantcontacten": ("actor__url", "actor__uuid", "klantcontact__url",
                            "klantcontact__uuid"),
    "internetaken": (
        "aanleidinggevendKlantcontact__url", "aanleidinggevendKlantcontact__uuid", "actoren__naam",
        "klantcontact__nummer", "klantcontact__referentienummer", "klantcontact__uuid", "nummer",
        "referentienummer", "status", "toegewezenAanActor__url", "toegewezenAanActor__uuid",
        "toegewezenOp"),
    "digitaleadressen": (
        "adres", "adres__icontains", "isGeverifieerd", "isStandaardAdres", "omschrijving",
        "referentie", "soortDigitaalAdres", "verificatieDatum", "verificatieDatum__gt",
        "verificatieDatum__gte", "verificatieDatum__lt", "verificatieDatum__lte",
        "verstrektDoorBetrokkene__rol", "verstrektDoorBetrokkene__url",
        "verstrektDoorBetrokkene__uuid",
        "verstrektDoorPartij__partijIdentificator__codeObjecttype",
        "verstrektDoorPartij__partijIdentificator__codeRegister",
        "verstrektDoorPartij__partijIdentificator__codeSoortObjectId",
        "verstrektDoorPartij__partijIdentificator__objectId", "verstrektDoorPartij__soortPartij",
        "verstrektDoorPartij__url", "verstrektDoorPartij__uuid"),
}
PAGING = ("page", "pageSize", "expand")
# klantcontacten's text filters are `lookup_expr="icontains"` (filterset/klantcontacten.py).
ICONTAINS = {"klantcontacten": ("inhoud", "onderwerp", "reactie")}
# The filters this stand-in models: the record's path (a reference's uuid, a group's key).
MODELLED: Dict[str, Dict[str, Tuple[str, ...]]] = {
    "klantcontacten": {"inhoud": ("inhoud",), "onderwerp": ("onderwerp",),
                       "reactie": ("reactie",), "kanaal": ("kanaal",), "nummer": ("nummer",),
                       "referentienummer": ("referentienummer",)},
    "betrokkenen": {"hadKlantcontact__uuid": ("hadKlantcontact", "uuid")},
    "onderwerpobjecten": {
        "klantcontact__uuid": ("klantcontact", "uuid"),
        **{f"onderwerpobjectidentificator{k[0].upper()}{k[1:]}":
           ("onderwerpobjectidentificator", k)
           for k in ("objectId", "codeObjecttype", "codeRegister", "codeSoortObjectId")}},
    "actoren": {**{f"actoridentificator{k[0].upper()}{k[1:]}": ("actoridentificator", k)
                   for k in ("objectId", "codeObjecttype", "codeRegister",
                             "codeSoortObjectId")},
                "naam": ("naam",), "soortActor": ("soortActor",)},
    "actorklantcontacten": {"actor__uuid": ("actor", "uuid"),
                            "klantcontact__uuid": ("klantcontact", "uuid")},
    "internetaken": {"aanleidinggevendKlantcontact__uuid": ("aanleidinggevendKlantcontact",
                                                            "uuid"),
                     "status": ("status",), "nummer": ("nummer",)},
    "digitaleadressen": {"verstrektDoorBetrokkene__uuid": ("verstrektDoorBetrokkene", "uuid"),
                         "adres": ("adres",), "soortDigitaalAdres": ("soortDigitaalAdres",)},
}


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat().replace("+00:00", "Z")


class Handler(StandInHandler):
    """Routes `/klantinteracties/api/v1/<resource>[/<uuid>]`."""

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def do_PATCH(self) -> None:
        self._handle("PATCH")

    def _handle(self, method: str) -> None:
        standin: OpenKlantStandIn = self.standin
        path = urlsplit(self.path)
        standin.requests.append((method, path.path))
        if standin.fail_with:
            return self.send(standin.fail_with, standin.error(standin.fail_with, "server_error",
                                                              "Er is een fout opgetreden."))
        refused = standin.refuse_auth(self.headers.get("Authorization") or "")
        if refused:
            return self.send(401, refused)
        parts = path.path[len(BASE):].strip("/").split("/") if path.path.startswith(BASE) \
            else []
        if not parts or parts[0] not in SCHEMAS or len(parts) > 2:
            return self.send(404, standin.not_found())
        body: Any = None
        if method != "GET":
            try:
                body = json.loads(self.body() or b"null")
            except ValueError:
                return self.send(400, standin.error(400, "parse_error", "Ongeldige JSON."))
        status, answer = standin.dispatch(method, parts, body, parse_qs(path.query))
        self.send(status, answer)


class OpenKlantStandIn(StandIn):
    """Open Klant's Klantinteracties API in memory; `records[resource]` by uuid."""

    handler = Handler

    def __init__(self, token: str = "stand-in-token",
                 kanalen: Optional[Tuple[str, ...]] = None) -> None:
        super().__init__()
        self.token = token
        self.kanalen = kanalen  # the Referentielijsten codes, when Open Klant checks them
        self.records: Dict[str, Dict[str, Dict[str, Any]]] = {name: {} for name in SCHEMAS}
        self.requests: List[Tuple[str, str]] = []
        self.lost_answers: List[str] = []  # resources whose next create answer is lost
        self._numbers = 0
        self._lock = threading.Lock()

    # Errors -------------------------------------------------------------------------
    def error(self, status: int, code: str, title: str, detail: str = "",
              problems: Optional[Problems] = None) -> Dict[str, Any]:
        kind = {400: "ValidationError", 401: "NotAuthenticated", 404: "NotFound"}.get(
            status, "APIException")
        body = {"type": f"{self.url}/ref/fouten/{kind}/", "code": code, "title": title,
                "status": status, "detail": detail or title,
                "instance": f"urn:uuid:{uuid.uuid4()}"}
        if problems is not None:
            body["invalidParams"] = problems
        return body

    def refuse_auth(self, header: str) -> Optional[Dict[str, Any]]:
        if not header.startswith("Token "):
            return self.error(401, "not_authenticated",
                              "Authenticatiegegevens zijn niet opgegeven.")
        if header[len("Token "):].strip() != self.token:
            return self.error(401, "authentication_failed", "Ongeldige token.")
        return None

    def not_found(self) -> Dict[str, Any]:
        return self.error(404, "not_found", "Niet gevonden.")

    def invalid(self, problems: Problems) -> Tuple[int, Dict[str, Any]]:
        return 400, self.error(400, "invalid", "Ongeldige invoer.", "", problems)

    # Requests -----------------------------------------------------------------------
    def dispatch(self, method: str, parts: List[str], body: Any,
                 query: Dict[str, List[str]]) -> Tuple[int, Any]:
        resource = parts[0]
        with self._lock:
            if len(parts) == 1 and method == "GET":
                return self._list(resource, query)
            if len(parts) == 1 and method == "POST":
                status, answer = self._create(resource, body)
                if status == 201 and resource in self.lost_answers:
                    self.lost_answers.remove(resource)
                    return 504, self.error(504, "gateway_timeout", "Gateway Timeout")
                return status, answer
            record = self.records[resource].get(parts[1]) if len(parts) == 2 else None
            if record is None:
                return 404, self.not_found()
            if method == "GET":
                return 200, self.render(resource, record)
            if method == "PATCH":
                return self._update(resource, record, body)
            return 405, self.error(405, "method_not_allowed", "Methode niet toegestaan.")

    def _exists(self, resource: str, key: str) -> bool:
        return key in self.records.get(resource, {})

    def validate(self, resource: str, body: Any, partial: bool = False) -> Problems:
        if not isinstance(body, dict):
            return [_problem("nonFieldErrors", "invalid", "Ongeldige data. Verwacht een "
                                                          "dictionary.")]
        problems: Problems = []
        for name, field in SCHEMAS[resource].items():
            if name not in body:
                if field.required and not partial:
                    problems.append(_problem(name, "required", REQUIRED))
                continue
            problems += field.check(name, body[name], self._exists)
        if not problems:
            problems += getattr(self, f"_rules_{resource}", lambda b, p: [])(body, partial)
        return problems

    def _rules_klantcontacten(self, body: Dict[str, Any], partial: bool) -> Problems:
        if self.kanalen is not None and "kanaal" in body and body["kanaal"] not in self.kanalen:
            return [_problem("kanaal", "invalid", f"'{body['kanaal']}' is not a valid kanaal. "
                                                  f"Allowed values: {', '.join(self.kanalen)}")]
        if body.get("indicatieContactGelukt") and body.get("verdereActieOndernomen"):
            return [_problem("nonFieldErrors", "no-further-action-when-contact-succesful",
                             "Als het contact gelukt is kan er geen verdere actie zijn "
                             "ondernomen")]
        return []

    @staticmethod
    def _rules_internetaken(body: Dict[str, Any], partial: bool) -> Problems:
        one, many = "toegewezenAanActor" in body, "toegewezenAanActoren" in body
        if one and many:
            return [_problem("nonFieldErrors", "invalid", "`toegewezen_aan_actor` en "
                             "`toegewezen_aan_actoren` mag niet beiden gebruikt worden.")]
        if not one and not many and not partial:
            return [_problem("nonFieldErrors", "invalid", "`toegewezen_aan_actor` of "
                             "`toegewezen_aan_actoren` is required (mag niet beiden "
                             "gebruiken).")]
        if body.get("afgehandeldOp") and body.get("status", "verwerkt") != "verwerkt":
            return [_problem("afgehandeldOp", "invalid", "als de status niet op 'verwerkt' "
                                                         "staat.")]
        return []

    def _rules_digitaleadressen(self, body: Dict[str, Any], partial: bool) -> Problems:
        soort, adres = body.get("soortDigitaalAdres"), body.get("adres") or ""
        if soort == "telefoonnummer" and not PHONE.match(adres):
            return [_problem("adres", "invalid", "Het opgegeven telefoonnummer is ongeldig.")]
        if soort == "email" and not EMAIL.match(adres):
            return [_problem("adres", "invalid", "Voer een geldig e-mailadres in.")]
        return []

    def _rules_actorklantcontacten(self, body: Dict[str, Any], partial: bool) -> Problems:
        pair = (body["actor"]["uuid"], body["klantcontact"]["uuid"])
        if any((r["actor"]["uuid"], r["klantcontact"]["uuid"]) == pair
               for r in self.records["actorklantcontacten"].values()):
            return [_problem("nonFieldErrors", "unique", "De velden actor, klantcontact "
                                                         "moeten een unieke set zijn.")]
        return []

    def _create(self, resource: str, body: Any) -> Tuple[int, Any]:
        problems = self.validate(resource, body)
        if problems:
            return self.invalid(problems)
        key = str(uuid.uuid4())
        record = {**DEFAULTS.get(resource, {}),
                  **{k: v for k, v in body.items() if k in SCHEMAS[resource]}, "uuid": key}
        self._server_fields(resource, record)
        self.records[resource][key] = record
        return 201, self.render(resource, record)

    def _server_fields(self, resource: str, record: Dict[str, Any]) -> None:
        if resource in ("klantcontacten", "internetaken") and not record.get("nummer"):
            self._numbers += 1  # Open Klant numbers what comes without one
            record["nummer"] = f"{self._numbers:010d}"
        if resource == "klantcontacten":
            record.setdefault("plaatsgevondenOp", now_iso())
        if resource == "internetaken":
            record["toegewezenOp"] = now_iso()
            actors = record.pop("toegewezenAanActor", None)
            record["toegewezenAanActoren"] = record.get("toegewezenAanActoren") or (
                [actors] if actors else [])

    def _update(self, resource: str, record: Dict[str, Any], body: Any) -> Tuple[int, Any]:
        merged_check = {**body} if isinstance(body, dict) else body
        if resource == "internetaken" and isinstance(body, dict) and "afgehandeldOp" in body:
            merged_check.setdefault("status", record["status"])
        problems = self.validate(resource, merged_check, partial=True)
        if problems:
            return self.invalid(problems)
        record.update({k: v for k, v in body.items() if k in SCHEMAS[resource]})
        return 200, self.render(resource, record)

    def _list(self, resource: str, query: Dict[str, List[str]]) -> Tuple[int, Any]:
        unknown = sorted(n for n in query if n not in PAGING and n not in FILTERS[resource])
        if unknown:
            return 400, self.error(400, "invalid", "Ongeldige invoer.", "", [_problem(
                "nonFieldErrors", "unknown-parameters",
                f"Onbekende query parameters: {', '.join(unknown)}")])
        filters = {n: v[0] for n, v in query.items() if n not in PAGING}
        unmodelled = [n for n in filters if n not in MODELLED.get(resource, {})]
        if unmodelled:
            return 501, self.error(501, "not_modelled", "Filter not modelled by the stand-in: "
                                                        f"{', '.join(unmodelled)}")
        found = [r for r in self.records[resource].values()
                 if all(_matches(resource, r, n, v) for n, v in filters.items())]
        return 200, {"count": len(found), "next": None, "previous": None,
                     "results": [self.render(resource, r) for r in found]}

    # Answers ------------------------------------------------------------------------
    def link(self, resource: str, key: Optional[str]) -> Optional[Dict[str, str]]:
        return None if key is None else {"uuid": key, "url": f"{self.url}{BASE}/{resource}/{key}"}

    def render(self, resource: str, record: Dict[str, Any]) -> Dict[str, Any]:
        """The record as Open Klant answers it: references as {uuid, url}, reverse lists."""
        out = dict(record)
        out["url"] = f"{self.url}{BASE}/{resource}/{record['uuid']}"
        for name, field in SCHEMAS[resource].items():
            if field.kind == "ref" and isinstance(out.get(name), dict):
                out[name] = self.link(field.ref, out[name]["uuid"])
            if field.kind == "refs":
                out[name] = [self.link(field.ref, r["uuid"]) for r in out.get(name) or []]
        getattr(self, f"_reverse_{resource}", lambda o: None)(out)
        return out

    def _pointing(self, resource: str, field: str, key: str) -> List[Dict[str, Any]]:
        return [r for r in self.records[resource].values()
                if (r.get(field) or {}).get("uuid") == key]

    def _reverse_klantcontacten(self, out: Dict[str, Any]) -> None:
        key = out["uuid"]
        out["gingOverOnderwerpobjecten"] = [
            self.link("onderwerpobjecten", r["uuid"])
            for r in self._pointing("onderwerpobjecten", "klantcontact", key)]
        out["hadBetrokkenen"] = [self.link("betrokkenen", r["uuid"])
                                 for r in self._pointing("betrokkenen", "hadKlantcontact", key)]
        out["hadBetrokkenActoren"] = [
            self.render("actoren", self.records["actoren"][r["actor"]["uuid"]])
            for r in self._pointing("actorklantcontacten", "klantcontact", key)]
        out["leiddeTotInterneTaken"] = [
            self.link("internetaken", r["uuid"])
            for r in self._pointing("internetaken", "aanleidinggevendKlantcontact", key)]
        out["omvatteBijlagen"] = []

    def _reverse_betrokkenen(self, out: Dict[str, Any]) -> None:
        out["digitaleAdressen"] = [
            self.link("digitaleadressen", r["uuid"])
            for r in self._pointing("digitaleadressen", "verstrektDoorBetrokkene", out["uuid"])]

    def _reverse_internetaken(self, out: Dict[str, Any]) -> None:
        actors = out.get("toegewezenAanActoren") or []
        out["toegewezenAanActor"] = actors[0] if actors else None

    # For tests ----------------------------------------------------------------------
    def lose_next_answer(self, resource: str) -> None:
        with self._lock:
            self.lost_answers.append(resource)

    def all(self, resource: str) -> List[Dict[str, Any]]:
        with self._lock:
            return [self.render(resource, r) for r in self.records[resource].values()]


def _matches(resource: str, record: Dict[str, Any], name: str, wanted: str) -> bool:
    """One filter on one record: a part of the text (icontains) or the exact value."""
    value: Any = record
    for key in MODELLED[resource][name]:
        value = value.get(key) if isinstance(value, dict) else None
    if value is None:
        return False
    if name in ICONTAINS.get(resource, ()):
        return wanted.lower() in str(value).lower()
    return str(value) == wanted
