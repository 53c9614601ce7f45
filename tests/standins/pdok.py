"""A strict loopback stand-in for PDOK's Locatieserver v3_1, serving a fictional municipality.

Mirrors (read 2026-11-29):
- the v3_1 OpenAPI document of https://api.pdok.nl/bzk/locatieserver/search/v3_1 (`info.version`
  v3_1), as copied in github foarsitter/locatieserver `openapi.json` at
  0515834166eaa4598a1eeb826080ccc92f2928dc: the four endpoints and their query parameters,
  `rows` maximum 100 (free, reverse) and 3000 (suggest, as its schema says), `start` maximum
  10000, `wt` json|xml, the `fl` pattern, the default `fl`/`fq` per endpoint, the 200 shapes
  (`response`, and `highlighting` + `spellcheck` for suggest) and both 400 shapes: JSON
  `{"error": {"code", "metadata", "msg"}}` from Solr and text/plain from the parameter check
  ("parameter x in query has an error: value y: an invalid integer: invalid syntax");
- the 3.0 -> 3.1 release notes in github PDOK/locatieserver README.md at
  36591fa7a0462ea8f0244601c8c4b7c9fc6e4b4f: `q` required except on /free, query parameters
  that are not in the OpenAPI document are refused, `numFoundExact` in the envelope;
- answers as the service gives them, in foarsitter/locatieserver
  `locatieserver/schema/{free,lookup}.json` at b6860e987ddc843e096e1dc088e4a897c4e0d1f6
  (`centroide_ll` "POINT(lon lat)", `huisnummer` an integer, ids like "adr-<32 hex>").

Assumed (not documented): the wording of the text/plain answer to an unknown parameter and to
a /reverse without a point, and the scores. The data is tests/standins/data/lindendal_bag.yml.
Listens on loopback only; `fail_with` answers every request with that status, `delay` waits.
"""
from __future__ import annotations

import difflib
import hashlib
import math
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple
from urllib.parse import parse_qsl, urlsplit

import yaml

from tests.standins.base import StandIn, StandInHandler

DATA_FILE = Path(__file__).parent / "data" / "lindendal_bag.yml"
PREFIX = "/bzk/locatieserver/search/v3_1"

# Every field the v3_1 documents may carry (the default `fl` of /free), plus Solr's own.
DOC_FIELDS = frozenset((
    "id identificatie weergavenaam bron type subtype openbareruimte_id nwb_id openbareruimtetype "
    "straatnaam straatnaam_verkort adresseerbaarobject_id nummeraanduiding_id huisnummer "
    "huisletter huisnummertoevoeging huis_nlt postcode buurtnaam buurtcode wijknaam wijkcode "
    "woonplaatscode woonplaatsnaam gemeentecode gemeentenaam provinciecode provincienaam "
    "provincieafkorting kadastraal_object_id kadastrale_gemeentecode kadastrale_gemeentenaam "
    "kadastrale_sectie perceelnummer kadastrale_grootte gekoppeld_perceel kadastrale_aanduiding "
    "volgnummer gekoppeld_appartement wegnummer hectometernummer zijde hectometerletter "
    "waterschapsnaam waterschapscode rdf_seealso centroide_ll centroide_rd").split())
SEARCH_FIELDS = DOC_FIELDS | {"tekst", "suggest", "exacte_match", "sortering", "adrestype"}
DEFAULT_FL = {
    "suggest": "id weergavenaam type score adrestype",
    "lookup": " ".join(sorted(DOC_FIELDS)),
    "free": " ".join(sorted(DOC_FIELDS)) + " score",
    "reverse": "id type weergavenaam score afstand",
}
DEFAULT_TYPES = ("gemeente", "woonplaats", "weg", "postcode", "adres")
FL_PATTERN = re.compile(r"^([a-z_\*]+( |,|, )?)+$")
TYPE_PATTERN = re.compile(r"^([a-z_\*]+(,)?)+$")


@dataclass(frozen=True)
class Param:
    """One query parameter of the OpenAPI document."""

    kind: str  # string | integer | number
    required: bool = False
    maximum: Optional[int] = None
    multi: bool = False
    pattern: Optional[re.Pattern] = None
    enum: Tuple[str, ...] = ()


_COMMON = {"fl": Param("string", pattern=FL_PATTERN), "wt": Param("string", enum=("json", "xml")),
           "start": Param("integer", maximum=10000)}
_SEARCH = {**_COMMON, "lat": Param("number"), "lon": Param("number"),
           "fq": Param("string", multi=True), "qf": Param("string"),
           "bq": Param("string", multi=True), "sort": Param("string")}
PARAMETERS: Dict[str, Dict[str, Param]] = {
    "suggest": {**_SEARCH, "q": Param("string", required=True),
                "rows": Param("integer", maximum=3000)},
    "free": {**_SEARCH, "q": Param("string"), "df": Param("string"),
             "rows": Param("integer", maximum=100)},
    "lookup": {"id": Param("string", required=True), "fl": _COMMON["fl"], "wt": _COMMON["wt"],
               "fq": Param("string", multi=True)},
    "reverse": {**_COMMON, "X": Param("number"), "Y": Param("number"), "lat": Param("number"),
                "lon": Param("number"), "type": Param("string", multi=True, pattern=TYPE_PATTERN),
                "distance": Param("integer"), "fq": Param("string"),
                "rows": Param("integer", maximum=100)},
}


class BadRequest(Exception):
    """A 400 answer: text/plain from the parameter check, or Solr's JSON error."""

    def __init__(self, message: str, solr: bool = False) -> None:
        super().__init__(message)
        self.solr = solr


# -- the data ---------------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case without accents: how the stand-in compares words."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower())
                   if not unicodedata.combining(c))


def _hex_id(*parts: Any) -> str:
    return hashlib.md5("|".join(map(str, parts)).encode()).hexdigest()


def _serial(code: str, kind: str, number: int) -> str:
    """A 16-digit BAG id: municipality code, object kind, serial."""
    return f"{code}{kind}{number:010d}"


def rd_point(lat: float, lon: float) -> Tuple[float, float]:
    """WGS84 -> RD New (EPSG:28992), the published polynomial approximation (~1 m)."""
    dphi, dlam = 0.36 * (lat - 52.15517440), 0.36 * (lon - 5.38720621)
    x_terms = ((0, 1, 190094.945), (1, 1, -11832.228), (2, 1, -114.221), (0, 3, -32.391),
               (1, 0, -0.705), (3, 1, -2.340), (1, 3, -0.608), (0, 2, -0.008), (2, 3, 0.148))
    y_terms = ((1, 0, 309056.544), (0, 2, 3638.893), (2, 0, 73.077), (1, 2, -157.984),
               (3, 0, 59.788), (0, 1, 0.433), (2, 2, -6.439), (1, 1, -0.032), (0, 4, 0.092),
               (1, 4, -0.054))
    x = 155000 + sum(c * dphi ** p * dlam ** q for p, q, c in x_terms)
    y = 463000 + sum(c * dphi ** p * dlam ** q for p, q, c in y_terms)
    return round(x, 3), round(y, 3)


def _points(lat: float, lon: float) -> Dict[str, str]:
    x, y = rd_point(lat, lon)
    return {"centroide_ll": f"POINT({lon:.8f} {lat:.8f})", "centroide_rd": f"POINT({x} {y})"}


def _postcode(base: str, number: int) -> str:
    """Ten house numbers a postcode: 3981BA for 1-10, 3981BB for 11-20 ..."""
    step = (number - 1) // 10
    letters = base[4:]
    second = chr(ord(letters[1]) + step)
    return f"{base[:4]}{letters[0]}{second}"


class Register:
    """The fictional BAG of one municipality as Locatieserver documents."""

    def __init__(self, path: Path = DATA_FILE) -> None:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.gemeente: str = data["gemeente"]["naam"]
        self.code: str = data["gemeente"]["code"]
        self.provincie: Dict[str, str] = data["provincie"]
        self.woonplaatsen: Dict[str, Dict[str, Any]] = data["woonplaatsen"]
        self.docs: List[Dict[str, Any]] = []
        self._add_areas()
        for serial, street in enumerate(data["streets"], start=1):
            self._add_street(serial, street)
        self.by_id = {doc["id"]: doc for doc in self.docs}

    def _area_fields(self) -> Dict[str, Any]:
        return {"gemeentecode": self.code, "gemeentenaam": self.gemeente,
                "provinciecode": self.provincie["code"], "provincienaam": self.provincie["naam"],
                "provincieafkorting": self.provincie["afkorting"]}

    def _add_areas(self) -> None:
        lat, lon = self.woonplaatsen[self.gemeente]["centre"]
        self.docs.append({"id": f"gem-{_hex_id('gem', self.code)}", "type": "gemeente",
                          "bron": "Bestuurlijke Grenzen", "identificatie": self.code,
                          "weergavenaam": f"Gemeente {self.gemeente}",
                          **self._area_fields(), **_points(lat, lon)})
        for name, place in self.woonplaatsen.items():
            lat, lon = place["centre"]
            self.docs.append({
                "id": f"wpl-{_hex_id('wpl', place['code'])}", "type": "woonplaats", "bron": "BAG",
                "identificatie": place["code"], "woonplaatscode": place["code"],
                "woonplaatsnaam": name,
                "weergavenaam": f"{name}, {self.gemeente}, {self.provincie['naam']}",
                **self._area_fields(), **_points(lat, lon)})

    def _add_street(self, serial: int, street: Dict[str, Any]) -> None:
        name, place = street["straatnaam"], street["woonplaats"]
        lat, lon = street["start"]
        common = {"straatnaam": name, "straatnaam_verkort": name[:24],
                  "openbareruimte_id": _serial(self.code, "30", serial),
                  "openbareruimtetype": "Weg", "woonplaatsnaam": place,
                  "woonplaatscode": self.woonplaatsen[place]["code"], **self._area_fields()}
        self.docs.append({"id": f"weg-{_hex_id('weg', serial)}", "type": "weg", "bron": "BAG",
                          "identificatie": common["openbareruimte_id"],
                          "weergavenaam": f"{name}, {place}", **common, **_points(lat, lon)})
        postcodes = set()
        for number in range(1, int(street["numbers"]) + 1):
            suffixes = [("", "")] + [(letter, "") for letter in
                                     (street.get("letters") or {}).get(number, [])]
            suffixes += [("", addition) for addition in
                         (street.get("additions") or {}).get(number, [])]
            for index, (letter, addition) in enumerate(suffixes):
                point = (lat + ((number - 1) // 2) * 0.00006 + index * 0.00001,
                         lon + (-0.00007 if number % 2 else 0.00007))
                postcode = _postcode(street["postcode"], number)
                postcodes.add(postcode)
                self.docs.append(self._address(serial, common, (number, index), letter,
                                               addition, postcode, point))
        for postcode in sorted(postcodes):
            self.docs.append({"id": f"pcd-{_hex_id('pcd', postcode)}", "type": "postcode",
                              "bron": "BAG", "identificatie": postcode, "postcode": postcode,
                              "weergavenaam": f"{name}, {postcode} {place}",
                              **common, **_points(lat, lon)})

    def _address(self, serial: int, common: Dict[str, Any], number_index: Tuple[int, int],
                 letter: str, addition: str, postcode: str, point: Tuple[float, float]
                 ) -> Dict[str, Any]:
        number, index = number_index
        house = f"{number}{letter}" + (f"-{addition}" if addition else "")
        sequence = serial * 10000 + number * 10 + index
        nummeraanduiding = _serial(self.code, "20", sequence)
        verblijfsobject = _serial(self.code, "01", sequence)
        doc: Dict[str, Any] = {
            "id": f"adr-{_hex_id('adr', nummeraanduiding)}", "type": "adres", "bron": "BAG",
            "identificatie": f"{verblijfsobject}-{nummeraanduiding}",
            "weergavenaam":
                f"{common['straatnaam']} {house}, {postcode} {common['woonplaatsnaam']}",
            "huisnummer": number, "huis_nlt": house, "postcode": postcode,
            "nummeraanduiding_id": nummeraanduiding, "adresseerbaarobject_id": verblijfsobject,
            "adrestype": "hoofdadres", **common, **_points(*point)}
        if letter:
            doc["huisletter"] = letter
        if addition:
            doc["huisnummertoevoeging"] = addition
        return doc


def point_of(doc: Dict[str, Any]) -> Tuple[float, float]:
    """(lat, lon) of a document's `centroide_ll`."""
    lon, lat = map(float, doc["centroide_ll"][6:-1].split())
    return lat, lon


def metres(a: Tuple[float, float], b: Tuple[float, float]) -> float:
    """Distance between two (lat, lon) points in metres (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371008.8 * math.asin(math.sqrt(h))


# -- the query language (the part of Solr's that clients of Locatieserver use) ------------

_CLAUSE = re.compile(r'(?:(?P<field>[A-Za-z_]+):)?(?:"(?P<phrase>[^"]*)"|\((?P<group>[^)]*)\)'
                     r'|(?P<word>[^\s"()]+))')


@dataclass(frozen=True)
class Clause:
    field: Optional[str]
    values: Tuple[str, ...]  # any of these
    phrase: bool


def parse_query(text: str) -> List[Clause]:
    """`field:value`, `field:"a phrase"`, `field:(a OR b)`, bare words; `and` joins them."""
    clauses = []
    for match in _CLAUSE.finditer(text or ""):
        field, word = match.group("field"), match.group("word")
        if field is None and word and word.lower() in ("and", "or", "&&"):
            continue
        if field and field not in SEARCH_FIELDS | {"*"}:
            raise BadRequest(f"undefined field {field}", solr=True)
        if match.group("group") is not None:
            values = tuple(v.strip('"') for v in re.split(r"\s+OR\s+", match.group("group"))
                           if v.strip())
            clauses.append(Clause(field, values, False))
        elif match.group("phrase") is not None:
            clauses.append(Clause(field, (match.group("phrase"),), True))
        elif word not in ("*", "*:*") and not (field == "*" and word == "*"):
            clauses.append(Clause(field, (word,), False))
    return clauses


def _words(doc: Dict[str, Any]) -> List[str]:
    return re.findall(r"[0-9a-z]+", fold(doc["weergavenaam"]))


def _field_matches(doc: Dict[str, Any], clause: Clause) -> bool:
    value = doc.get(clause.field or "")
    if value is None:
        return False
    return any(fold(str(value)) == fold(wanted) or wanted == "*" for wanted in clause.values)


def _text_matches(doc: Dict[str, Any], clause: Clause) -> bool:
    text = " ".join(_words(doc))
    for wanted in clause.values:
        words = re.findall(r"[0-9a-z]+", fold(wanted))
        if clause.phrase and (" " + " ".join(words)) in " " + text:
            return True
        if not clause.phrase and all(any(w.startswith(x) for w in _words(doc)) for x in words):
            return True
    return False


def matches(doc: Dict[str, Any], clauses: Sequence[Clause]) -> bool:
    """True when every clause matches the document."""
    for clause in clauses:
        if clause.field in (None, "tekst", "suggest"):
            if not _text_matches(doc, clause):
                return False
        elif not _field_matches(doc, clause):
            return False
    return True


def score(doc: Dict[str, Any], clauses: Sequence[Clause]) -> float:
    """A plausible Solr-like score: more for whole words and for the word order of the name."""
    words = _words(doc)
    total = 0.0
    for clause in clauses:
        for wanted in clause.values:
            for part in re.findall(r"[0-9a-z]+", fold(wanted)):
                total += 4.0 if part in words else 2.0
    boost = {"weg": 1.5, "woonplaats": 1.5, "gemeente": 1.5, "postcode": 0.5}.get(doc["type"], 1.0)
    return round(total * boost + 10.0 / (1 + len(words)), 6)


# -- the HTTP side -----------------------------------------------------------------------

def check_parameters(endpoint: str, pairs: List[Tuple[str, str]]) -> Dict[str, List[str]]:
    """The query parameters checked against the OpenAPI document, as the real gateway does."""
    spec = PARAMETERS[endpoint]
    values: Dict[str, List[str]] = {}
    for name, value in pairs:
        if name not in spec:
            raise BadRequest(f'parameter "{name}" in query is not allowed')
        values.setdefault(name, []).append(value)
    for name, param in spec.items():
        given = values.get(name)
        if not given:
            if param.required:
                raise BadRequest(f'parameter "{name}" in query has an error: '
                                 "value is required but missing")
            continue
        for value in (given if param.multi else given[:1]):
            _check_value(name, param, value)
    return values


def _check_value(name: str, param: Param, value: str) -> None:
    prefix = f'parameter "{name}" in query has an error: '
    if param.kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise BadRequest(prefix + f"value {value}: an invalid integer: invalid syntax")
        if param.maximum is not None and int(value) > param.maximum:
            raise BadRequest(prefix + f"number must be at most {param.maximum}")
    elif param.kind == "number":
        try:
            float(value)
        except ValueError:
            raise BadRequest(prefix + f"value {value}: an invalid number: invalid syntax")
    if param.enum and value not in param.enum:
        allowed = ",".join(f'"{item}"' for item in param.enum)
        raise BadRequest(prefix + f"value is not one of the allowed values [{allowed}]")
    if param.pattern and not param.pattern.match(value):
        raise BadRequest(prefix + "string doesn't match the regular expression "
                         f'"{param.pattern.pattern}"')


def _fields(values: Dict[str, List[str]], endpoint: str) -> List[str]:
    fl = values.get("fl", [DEFAULT_FL[endpoint]])[0]
    return [field for field in re.split(r"[ ,]+", fl) if field]


def _project(doc: Dict[str, Any], fields: Iterable[str]) -> Dict[str, Any]:
    """Only the asked fields, in the order Solr keeps (the document's); unknown ones are left
    out, as Solr does."""
    wanted = set(fields)
    if "*" in wanted:
        return dict(doc)
    return {key: value for key, value in doc.items() if key in wanted}


class PdokHandler(StandInHandler):
    def do_GET(self) -> None:
        self.standin.requests.append(self.path)
        if self.standin.delay:
            time.sleep(self.standin.delay)
        if self.standin.fail_with:
            return self.send(self.standin.fail_with, b"unavailable", "text/plain")
        parts = urlsplit(self.path)
        endpoint = parts.path[len(PREFIX) + 1:] if parts.path.startswith(PREFIX + "/") else ""
        if endpoint not in PARAMETERS:
            return self.send(404, {"detail": "Not Found"})
        try:
            values = check_parameters(endpoint, parse_qsl(parts.query, keep_blank_values=True))
            if values.get("wt", ["json"])[0] == "xml":
                return self.send(406, b"the stand-in serves JSON only", "text/plain")
            body = getattr(self.standin, f"answer_{endpoint}")(values)
        except BadRequest as error:
            if error.solr:
                return self.send(400, {"error": {
                    "metadata": ["error-class", "org.apache.solr.common.SolrException",
                                 "root-error-class", "org.apache.solr.common.SolrException"],
                    "msg": str(error), "code": 400}})
            return self.send(400, str(error).encode(), "text/plain; charset=utf-8")
        self.send(200, body)


class PdokStandIn(StandIn):
    """Locatieserver v3_1 on a free loopback port; `url` is the base to configure."""

    handler = PdokHandler

    def __init__(self, register: Optional[Register] = None) -> None:
        self.register = register or Register()
        self.requests: List[str] = []
        self.delay = 0.0
        super().__init__()

    @property
    def url(self) -> str:
        return super().url + PREFIX

    def address_exists(self, address: Dict[str, Any], lon: float = 0.0,
                       lat: float = 0.0) -> bool:
        """Whether a Signalen `location.address` is a BAG address of this register: the
        Signalen stand-in's `address_checker` (upstream Signalen asks PDOK the same)."""
        def same(field: str, key: str) -> Callable[[Dict[str, Any]], bool]:
            wanted = address.get(key)
            return lambda doc: wanted in (None, "") or _compact(doc.get(field, "")) == _compact(
                wanted)

        checks = [same("straatnaam", "openbare_ruimte"), same("huisnummer", "huisnummer"),
                  same("huisletter", "huisletter"),
                  same("huisnummertoevoeging", "huisnummer_toevoeging"),
                  same("postcode", "postcode"), same("woonplaatsnaam", "woonplaats")]
        return any(doc["type"] == "adres" and all(check(doc) for check in checks)
                   for doc in self.register.docs)

    # -- endpoints -----------------------------------------------------------------------
    def answer_suggest(self, values: Dict[str, List[str]]) -> Dict[str, Any]:
        found, clauses = self._search(values, values["q"][0])
        body = self._envelope(found, values, "suggest", clauses)
        body["highlighting"] = {doc["id"]: {"suggest": [_highlight(doc, clauses)]}
                                for doc in body["response"]["docs"]}
        body["spellcheck"] = self._spellcheck(values["q"][0], values) if not found else {
            "suggestions": [], "collations": []}
        return body

    def answer_free(self, values: Dict[str, List[str]]) -> Dict[str, Any]:
        found, clauses = self._search(values, values.get("q", ["*:*"])[0])
        return self._envelope(found, values, "free", clauses)

    def answer_lookup(self, values: Dict[str, List[str]]) -> Dict[str, Any]:
        doc = self.register.by_id.get(values["id"][0])
        docs = [doc] if doc and self._filtered([doc], values.get("fq", [])) else []
        return self._envelope([(1.0, d) for d in docs], values, "lookup", [])

    def answer_reverse(self, values: Dict[str, List[str]]) -> Dict[str, Any]:
        if "lat" in values and "lon" in values:
            origin = (float(values["lat"][0]), float(values["lon"][0]))
        elif "X" in values or "Y" in values:
            raise BadRequest("the stand-in answers /reverse for lat/lon only")
        else:
            raise BadRequest("reverse needs lat and lon, or X and Y")
        types = {t for value in values.get("type", ["adres"]) for t in value.split(",") if t}
        candidates = [d for d in self.register.docs if "*" in types or d["type"] in types]
        distance = values.get("distance")
        scored = sorted(((metres(origin, point_of(d)), d) for d in candidates),
                        key=lambda pair: pair[0])
        if distance:
            scored = [(m, d) for m, d in scored if m <= int(distance[0])]
        scored = [(m, d) for m, d in scored if self._filtered([d], values.get("fq", []))]
        found = [(round(1.0 / (1.0 + m), 6), {**d, "afstand": round(m, 2)}) for m, d in scored]
        return self._envelope(found, values, "reverse", [], keep_order=True)

    # -- helpers -------------------------------------------------------------------------
    def _filtered(self, docs: List[Dict[str, Any]], filters: List[str]) -> List[Dict[str, Any]]:
        parsed = [parse_query(f) for f in filters if f.strip() not in ("*", "*:*")]
        return [doc for doc in docs if all(matches(doc, clauses) for clauses in parsed)]

    def _search(self, values: Dict[str, List[str]], q: str
                ) -> Tuple[List[Tuple[float, Dict[str, Any]]], List[Clause]]:
        clauses = parse_query(q)
        filters = values.get("fq") or [f"type:({' OR '.join(DEFAULT_TYPES)})"]
        docs = self._filtered(self.register.docs, filters)
        found = [(score(doc, clauses), doc) for doc in docs if matches(doc, clauses)]
        if "lat" in values and "lon" in values:
            origin = (float(values["lat"][0]), float(values["lon"][0]))
            found.sort(key=lambda pair: metres(origin, point_of(pair[1])))
        else:
            found.sort(key=lambda pair: (-pair[0], pair[1]["weergavenaam"]))
        return found, clauses

    def _envelope(self, found: List[Tuple[float, Dict[str, Any]]], values: Dict[str, List[str]],
                  endpoint: str, clauses: List[Clause], keep_order: bool = False
                  ) -> Dict[str, Any]:
        start = int(values.get("start", ["0"])[0])
        rows = int(values.get("rows", ["10"])[0])
        fields = _fields(values, endpoint)
        page = found[start:start + rows]
        docs = [_project({**doc, "score": doc_score}, fields) for doc_score, doc in page]
        response: Dict[str, Any] = {"numFound": len(found), "start": start}
        if "score" in fields and found:
            response["maxScore"] = max(doc_score for doc_score, _ in found)
        response["numFoundExact"] = True
        response["docs"] = docs
        return {"response": response}

    def _spellcheck(self, q: str, values: Dict[str, List[str]]) -> Dict[str, Any]:
        names = sorted({fold(d["straatnaam"]) for d in self.register.docs if "straatnaam" in d}
                       | {fold(name) for name in self.register.woonplaatsen})
        suggestions: List[Any] = []
        corrected = q
        pairs: List[str] = []
        for match in re.finditer(r"[A-Za-z]{4,}", q):
            word = fold(match.group())
            if word in names:
                continue
            close = difflib.get_close_matches(word, names, n=1, cutoff=0.75)
            if close:
                suggestions += [word, {"numFound": 1, "startOffset": match.start(),
                                       "endOffset": match.end(), "suggestion": close}]
                corrected = corrected.replace(match.group(), close[0])
                pairs += [word, close[0]]
        if not pairs:
            return {"suggestions": [], "collations": []}
        hits = len(self._search({**values, "rows": ["0"]}, corrected)[0])
        return {"suggestions": suggestions, "collations": [
            "collation", {"collationQuery": corrected, "hits": hits,
                          "misspellingsAndCorrections": pairs}]}


def _compact(value: Any) -> str:
    return fold(str(value)).replace(" ", "")


def _highlight(doc: Dict[str, Any], clauses: Sequence[Clause]) -> str:
    """`weergavenaam` with the typed prefixes in <b>…</b>, as Locatieserver highlights."""
    prefixes = {fold(part) for clause in clauses for value in clause.values
                for part in re.findall(r"[0-9A-Za-z]+", value)}

    def mark(match: re.Match) -> str:
        word = match.group()
        for prefix in sorted(prefixes, key=len, reverse=True):
            if fold(word).startswith(prefix):
                return f"<b>{word[:len(prefix)]}</b>{word[len(prefix):]}"
        return word

    return re.sub(r"[0-9A-Za-zÀ-ÿ]+", mark, doc["weergavenaam"])
