"""Thin client for PDOK's Locatieserver v3_1, the address register (BAG) Signalen checks against.

Mirrors (read 2026-11-29):
- https://api.pdok.nl/bzk/locatieserver/search/v3_1 (`/suggest`, `/lookup`, `/free`,
  `/reverse`), its OpenAPI document `info.version` v3_1, as copied in github
  foarsitter/locatieserver `openapi.json` at 0515834166eaa4598a1eeb826080ccc92f2928dc: query
  parameters per endpoint, `rows` at most 100 (free, reverse), `fq` repeated, `fl` field list,
  answers `{"response": {"numFound", "start", "maxScore", "numFoundExact", "docs"}}` (suggest
  adds `highlighting` and `spellcheck`), 400 as JSON `{"error": {...}}` or text/plain;
- github PDOK/locatieserver README.md at 36591fa7a0462ea8f0244601c8c4b7c9fc6e4b4f (3.1: `q`
  required except on /free; unknown query parameters are refused) and its wiki page
  "API Locatieserver" (revision of 2023-02-01: `fq=gemeentenaam:…`, `fq=type:adres`);
- document fields as in foarsitter/locatieserver `locatieserver/schema/{free,lookup}.json` at
  b6860e987ddc843e096e1dc088e4a897c4e0d1f6: `centroide_ll` is "POINT(lon lat)" (WGS84),
  `huisnummer` an integer, `huisletter`, `huisnummertoevoeging`, `postcode` "3581WS".

Every search is restricted to the municipality (`fq=gemeentenaam:"…"`, the profile's
`location.gemeentenaam`, else `short_name`). Answers are cached (TTL, bounded). `resolve` and
`resolve_pin` never raise: an unreachable register gives None and a log line, and the caller
files the report without it. `python -m bot.integrations.pdok import-streets FILE` writes the
municipality's street list for the offline place reader (`bot/reading/streets.py`).
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import logging
import re
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Hashable, Iterable, List, Optional, Sequence, Tuple

import requests
import yaml

from bot import settings
from bot.integrations import DeliveryError
from bot.reading.streets import imported_streets

logger = logging.getLogger(__name__)

# The `fl` this client asks for: what an Address holds (lookup has no score to give).
LOOKUP_FIELDS = ("id type weergavenaam straatnaam huisnummer huisletter huisnummertoevoeging "
                 "postcode woonplaatsnaam gemeentenaam centroide_ll nummeraanduiding_id "
                 "openbareruimte_id")
ADDRESS_FIELDS = LOOKUP_FIELDS + " score"
MAX_ROWS = 100  # /free and /reverse (OpenAPI `rows.maximum`)
PIN_DISTANCE_METRES = 100  # a pin farther than this from any address resolves to nothing
_POINT = re.compile(r"POINT\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)")
_HOUSE = re.compile(r"^\s*(\d{1,5})\s*(?:([A-Za-z])(?![A-Za-z0-9]))?"  # number, letter
                    r"\s*[-/ ]?\s*([A-Za-z0-9]{1,4})?\s*$")  # addition


class PdokError(DeliveryError):
    """Locatieserver did not answer, or refused the request."""


@dataclass(frozen=True)
class HouseNumber:
    """A BAG house number: number, letter (one letter) and addition (up to 4 characters)."""

    number: int
    letter: Optional[str] = None
    addition: Optional[str] = None

    @classmethod
    def parse(cls, text: Optional[str]) -> Optional["HouseNumber"]:
        """'14' / '14A' / '14-2' / '14 bis' / '14A-1'; None for anything else."""
        match = _HOUSE.match(text or "")
        if not match:
            return None
        letter, addition = match.group(2), match.group(3)
        return cls(int(match.group(1)), letter.upper() if letter else None,
                   addition.upper() if addition else None)


@dataclass(frozen=True)
class Address:
    """One object of the register: an address (`kind` "adres"), or a street ("weg")."""

    kind: str
    display_name: str
    street: Optional[str]
    house_number: Optional[int]
    house_letter: Optional[str]
    addition: Optional[str]
    postcode: Optional[str]
    woonplaats: Optional[str]
    municipality: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    id: str = ""
    nummeraanduiding_id: Optional[str] = None
    openbareruimte_id: Optional[str] = None

    @classmethod
    def from_doc(cls, doc: Dict[str, Any]) -> "Address":
        """An Address from a Locatieserver document."""
        lat, lon = parse_point(doc.get("centroide_ll"))
        number = doc.get("huisnummer")
        return cls(kind=str(doc.get("type", "")), display_name=str(doc.get("weergavenaam", "")),
                   street=doc.get("straatnaam"),
                   house_number=int(number) if number is not None else None,
                   house_letter=doc.get("huisletter"), addition=doc.get("huisnummertoevoeging"),
                   postcode=doc.get("postcode"), woonplaats=doc.get("woonplaatsnaam"),
                   municipality=doc.get("gemeentenaam"), lat=lat, lon=lon,
                   id=str(doc.get("id", "")), nummeraanduiding_id=doc.get("nummeraanduiding_id"),
                   openbareruimte_id=doc.get("openbareruimte_id"))

    @property
    def house_number_text(self) -> Optional[str]:
        """'14', '14A', '14-2', '14A-2' as the resident writes it; None for a street."""
        if self.house_number is None:
            return None
        text = f"{self.house_number}{self.house_letter or ''}"
        return f"{text}-{self.addition}" if self.addition else text


@dataclass(frozen=True)
class Suggestion:
    """One suggest answer: pick it, then `lookup(id)` for the details."""

    id: str
    kind: str
    display_name: str
    score: float
    highlight: Optional[str] = None


def parse_point(wkt: Optional[str]) -> Tuple[Optional[float], Optional[float]]:
    """'POINT(5.13 52.08)' (lon lat) -> (52.08, 5.13); (None, None) when absent."""
    match = _POINT.match(wkt or "")
    if not match:
        return None, None
    return float(match.group(2)), float(match.group(1))


def solr_phrase(value: str) -> str:
    """A value as a quoted Solr phrase, so a street name with spaces stays one value."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class TTLCache:
    """A small thread-safe cache in memory: at most `size` answers, each kept `ttl` seconds
    (an hour by default: a pin can be where a resident lives, so not longer)."""

    def __init__(self, size: int = 1024, ttl: float = 3600,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.size, self.ttl, self.clock = size, ttl, clock
        self._items: "OrderedDict[Hashable, Tuple[float, Any]]" = OrderedDict()
        self._lock = threading.Lock()

    def get_or_set(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached answer for `key`, or `compute()`'s (stored; errors are not)."""
        now = self.clock()
        with self._lock:
            item = self._items.get(key)
            if item and item[0] > now:
                self._items.move_to_end(key)
                return item[1]
        value = compute()
        with self._lock:
            self._items[key] = (now + self.ttl, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class LocatieserverClient:
    """GETs on one Locatieserver base URL, restricted to one municipality."""

    def __init__(self, base_url: str, municipality: str, timeout: float = 2.0,
                 cache: Optional[TTLCache] = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.municipality = municipality
        self.timeout = timeout
        self.cache = cache if cache is not None else TTLCache()
        self._session = requests.Session()

    @property
    def _municipality_filter(self) -> str:
        return f"gemeentenaam:{solr_phrase(self.municipality)}"

    def suggest(self, q: str, types: Sequence[str] = ("adres", "weg"),
                rows: int = 5) -> List[Suggestion]:
        """Suggestions for typed words (autocomplete), best first."""
        body = self._get("suggest", [("q", q), ("rows", str(min(rows, MAX_ROWS))),
                                     ("fq", self._municipality_filter),
                                     ("fq", _type_filter(types))])
        highlighting = body.get("highlighting") or {}
        return [Suggestion(id=str(doc["id"]), kind=str(doc.get("type", "")),
                           display_name=str(doc.get("weergavenaam", "")),
                           score=float(doc.get("score", 0.0)),
                           highlight=next(iter(highlighting.get(doc["id"], {}).get("suggest", [])),
                                          None))
                for doc in _docs(body)]

    def lookup(self, object_id: str) -> Optional[Address]:
        """The register's object with this id (from `suggest`); None when unknown."""
        body = self._cached("lookup", [("id", object_id), ("fl", LOOKUP_FIELDS),
                                       ("fq", self._municipality_filter)])
        docs = _docs(body)
        return Address.from_doc(docs[0]) if docs else None

    def free(self, q: str, types: Sequence[str] = ("adres",), rows: int = 10,
             filters: Sequence[str] = ()) -> List[Address]:
        """Classic geocoding of a query within the municipality, best first."""
        params = [("q", q), ("rows", str(min(rows, MAX_ROWS))), ("fl", ADDRESS_FIELDS),
                  ("fq", self._municipality_filter), ("fq", _type_filter(types))]
        params += [("fq", extra) for extra in filters]
        return [Address.from_doc(doc) for doc in _docs(self._cached("free", params))]

    def reverse(self, lat: float, lon: float, types: Sequence[str] = ("adres",), rows: int = 1,
                distance: int = PIN_DISTANCE_METRES) -> List[Address]:
        """The objects nearest to a point (WGS84), nearest first, within `distance` metres."""
        params = [("lat", f"{lat:.6f}"), ("lon", f"{lon:.6f}"),
                  ("type", ",".join(types)), ("rows", str(min(rows, MAX_ROWS))),
                  ("distance", str(int(distance))), ("fl", ADDRESS_FIELDS + " afstand"),
                  ("fq", self._municipality_filter)]
        return [Address.from_doc(doc) for doc in _docs(self._cached("reverse", params))]

    def _cached(self, endpoint: str, params: List[Tuple[str, str]]) -> Dict[str, Any]:
        key = (self.base_url, endpoint, tuple(params))
        return self.cache.get_or_set(key, lambda: self._get(endpoint, params))

    def _get(self, endpoint: str, params: List[Tuple[str, str]]) -> Dict[str, Any]:
        try:
            response = self._session.get(f"{self.base_url}/{endpoint}", params=params,
                                         timeout=self.timeout)
        except requests.RequestException as error:
            raise PdokError(f"Locatieserver unreachable: {type(error).__name__}", retry=True)
        if response.status_code >= 500 or response.status_code == 429:
            raise PdokError(f"Locatieserver answered {response.status_code}", retry=True)
        if response.status_code >= 400:
            raise PdokError(f"Locatieserver refused /{endpoint} ({response.status_code}): "
                            f"{_error_text(response)}", retry=False)
        try:
            body = response.json()
        except ValueError:
            raise PdokError(f"Locatieserver /{endpoint} answered no JSON", retry=True)
        if not isinstance(body, dict) or not isinstance(body.get("response"), dict):
            raise PdokError(f"Locatieserver /{endpoint} answered without `response`", retry=False)
        return body


def _docs(body: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [doc for doc in body["response"].get("docs") or [] if isinstance(doc, dict)]


def _type_filter(types: Sequence[str]) -> str:
    return f"type:({' OR '.join(types)})" if len(types) > 1 else f"type:{types[0]}"


def _error_text(response: requests.Response) -> str:
    """Solr's `error.msg`, or the gateway's text/plain line."""
    try:
        return str(response.json()["error"]["msg"])[:300]
    except (ValueError, KeyError, TypeError):
        return response.text[:300]


# -- this installation's register -----------------------------------------------------------

_CACHE = TTLCache()
_clients: Dict[Tuple[str, str, float], LocatieserverClient] = {}
_clients_lock = threading.Lock()
# After a failure that may pass (timeout, 5xx), the register is not asked for a while, so
# residents do not each wait PDOK_TIMEOUT while it is down.
PAUSE_AFTER_FAILURE = 60.0
_paused_until = [0.0]


def municipality_name() -> str:
    """The municipality's name as the register spells it (`gemeentenaam`)."""
    from bot.profile import profile

    current = profile()
    return current.location.gemeentenaam or current.short_name


def client() -> Optional[LocatieserverClient]:
    """The client for PDOK_URL; None when PDOK_URL is empty (offline) or the register
    failed less than PAUSE_AFTER_FAILURE seconds ago."""
    if not settings.PDOK_URL or time.monotonic() < _paused_until[0]:
        return None
    key = (settings.PDOK_URL, municipality_name(), settings.PDOK_TIMEOUT)
    with _clients_lock:
        if key not in _clients:
            _clients[key] = LocatieserverClient(key[0], key[1], key[2], cache=_CACHE)
        return _clients[key]


def resolve(street: Optional[str], house_number: Optional[str] = None,
            postcode: Optional[str] = None) -> Optional[Address]:
    """The register's address for what the resident said: the address itself when the
    number exists, else the street (its woonplaats and point); None when the register does
    not know it. Offline or when PDOK fails (logged; never raises): the street from the
    imported street list, when it lies in one woonplaats."""
    register = client()
    if register is None or not (street or postcode):
        return street_list_address(street)
    try:
        return _resolve(register, street, HouseNumber.parse(house_number),
                        _clean_postcode(postcode))
    except PdokError as error:
        _note_failure(error)
        return street_list_address(street)


def resolve_pin(lat: float, lon: float) -> Optional[Address]:
    """The address nearest to a shared location pin; None when none is near or the register
    cannot be reached (logged; never raises)."""
    register = client()
    if register is None:
        return None
    try:
        found = register.reverse(lat, lon)
    except PdokError as error:
        _note_failure(error)
        return None
    return found[0] if found else None


def _note_failure(error: PdokError) -> None:
    """Log a failure; pause the register when trying again soon will not help."""
    if error.retry:
        _paused_until[0] = time.monotonic() + PAUSE_AFTER_FAILURE
        logger.warning("Address register not used for %.0f s: %s", PAUSE_AFTER_FAILURE, error)
    else:
        logger.warning("Address register not used: %s", error)


def reset() -> None:
    """Forget cached answers and a pause (tests, or after changing PDOK_URL)."""
    _CACHE.clear()
    _paused_until[0] = 0.0


def _clean_postcode(postcode: Optional[str]) -> Optional[str]:
    cleaned = re.sub(r"\s+", "", postcode or "").upper()
    return cleaned if re.fullmatch(r"[1-9][0-9]{3}[A-Z]{2}", cleaned) else None


def _resolve(register: LocatieserverClient, street: Optional[str],
             house: Optional[HouseNumber], postcode: Optional[str]) -> Optional[Address]:
    """Postcode + number first, then street + number, then the street alone. The exact
    parts go in `fq` (plain Solr filters), the words in `q`."""
    if house is not None:
        searches = []
        if postcode:
            searches.append((f"{postcode} {house.number}", f"postcode:{postcode}"))
        if street:
            searches.append((f"{street} {house.number}", f"straatnaam:{solr_phrase(street)}"))
        for query, place_filter in searches:
            found = register.free(query, rows=MAX_ROWS,
                                  filters=(place_filter, f"huisnummer:{house.number}"))
            best = best_address(found, house, street)
            if best is not None:
                return best
    if not street:
        return None
    streets = register.free(street, types=("weg",), rows=5,
                            filters=(f"straatnaam:{solr_phrase(street)}",))
    return _one_place(streets)


def _one_place(found: Sequence[Address]) -> Optional[Address]:
    """The first of the found objects when they all lie in one woonplaats; None when the
    same name exists in two villages and nothing tells which (never a guess)."""
    if len({address.woonplaats for address in found}) != 1:
        if found:
            logger.info("Address register: %s woonplaatsen fit, none chosen", len(found))
        return None
    return found[0]


def best_address(candidates: Iterable[Address], house: HouseNumber,
                 street: Optional[str]) -> Optional[Address]:
    """The candidate with exactly this number, letter and addition; else the plain number.
    A street name, when given, must be the candidate's (ignoring case)."""
    fitting = [a for a in candidates if a.house_number == house.number
               and (not street or (a.street or "").lower() == street.lower())]

    def exact(address: Address) -> bool:
        return ((address.house_letter or None) == house.letter
                and (address.addition or "").upper() == (house.addition or ""))

    def plain(address: Address) -> bool:
        return not address.house_letter and not address.addition

    return _one_place([a for a in fitting if exact(a)]) or \
        _one_place([a for a in fitting if plain(a)])


# -- offline: the municipality's street list -------------------------------------------------

def street_list_address(street: Optional[str], path: Optional[Path] = None
                        ) -> Optional[Address]:
    """Offline: the street (kind "weg") from the street list of `make import-streets`, with
    its point and its woonplaats when it lies in just one; None when it is not in the list."""
    if not street:
        return None
    listed = _street_list(path or settings.STREETS_FILE)
    entry = listed.get(street.lower())
    if entry is None:
        return None
    name, point, places = entry
    return Address(kind="weg", display_name=name, street=name, house_number=None,
                   house_letter=None, addition=None, postcode=None,
                   woonplaats=places[0] if len(places) == 1 else None,
                   municipality=municipality_name(), lat=point[0], lon=point[1])


def _street_list(path: Path) -> Dict[str, Tuple[str, Tuple[float, float], List[str]]]:
    """lower-case name -> (name, point, woonplaatsen) of the street list; {} without one."""
    if not path.is_file():
        return {}
    return _read_street_list(str(path), path.stat().st_mtime, municipality_name())


@lru_cache(maxsize=2)
def _read_street_list(path: str, stamp: float, municipality: str
                      ) -> Dict[str, Tuple[str, Tuple[float, float], List[str]]]:
    """The place reader's street list (`bot.reading.streets`) with each street's woonplaatsen."""
    streets = imported_streets(Path(path), municipality) or {}
    places = _woonplaatsen(Path(path)) if streets else {}
    return {name.lower(): (name, point, places.get(name, [])) for name, point in streets.items()}


def _woonplaatsen(path: Path) -> Dict[str, List[str]]:
    """Street -> woonplaatsen of a street list written by `write_streets`; {} when unreadable."""
    try:
        places = yaml.safe_load(path.read_text(encoding="utf-8")).get("woonplaatsen") or {}
        return {str(name): [str(place) for place in names or []]
                for name, names in places.items()}
    except (OSError, yaml.YAMLError, AttributeError, TypeError) as error:
        logger.warning("Street list %s: woonplaatsen not used: %s", path, error)
        return {}


def streets_from_exports(paths: Sequence[Path], municipality: str
                         ) -> Dict[str, Dict[str, Any]]:
    """Street -> {"point": [lat, lon], "woonplaatsen": [...]} from Locatieserver `free`
    answers (JSON, `weg` or `adres` documents; several pages are several files) or CSVs
    `straatnaam,woonplaats,lat,lon`. Documents of another municipality are left out; a
    street's point is the mean of its points."""
    rows: List[Row] = []
    for path in paths:
        text = path.read_text(encoding="utf-8-sig")
        rows += (_rows_from_json(json.loads(text), municipality)
                 if text.lstrip().startswith("{") else _rows_from_csv(text))
    collected: Dict[str, Dict[str, Any]] = {}
    for name, woonplaats, lat, lon in rows:
        entry = collected.setdefault(name, {"points": [], "woonplaatsen": []})
        entry["points"].append((lat, lon))
        if woonplaats and woonplaats not in entry["woonplaatsen"]:
            entry["woonplaatsen"].append(woonplaats)
    return {name: {"point": [round(sum(p[0] for p in e["points"]) / len(e["points"]), 6),
                             round(sum(p[1] for p in e["points"]) / len(e["points"]), 6)],
                   "woonplaatsen": sorted(e["woonplaatsen"])}
            for name, e in sorted(collected.items())}


Row = Tuple[str, Optional[str], float, float]


def _rows_from_json(body: Any, municipality: str) -> List[Row]:
    if not isinstance(body, dict) or not isinstance(body.get("response"), dict):
        raise ValueError("not a Locatieserver answer: no `response`")
    rows = []
    for doc in body["response"].get("docs") or []:
        if doc.get("type") not in ("weg", "adres") or not doc.get("straatnaam"):
            continue
        if doc.get("gemeentenaam") and doc["gemeentenaam"].lower() != municipality.lower():
            continue
        lat, lon = parse_point(doc.get("centroide_ll"))
        if lat is None or lon is None:
            continue
        rows.append((doc["straatnaam"], doc.get("woonplaatsnaam"), lat, lon))
    return rows


def _rows_from_csv(text: str) -> List[Row]:
    reader = csv.DictReader(text.splitlines())
    missing = {"straatnaam", "woonplaats", "lat", "lon"} - set(reader.fieldnames or ())
    if missing:
        raise ValueError(f"CSV misses the column(s) {', '.join(sorted(missing))}")
    rows = []
    for line, record in enumerate(reader, start=2):
        try:
            rows.append((record["straatnaam"].strip(), record["woonplaats"].strip() or None,
                         float(record["lat"]), float(record["lon"])))
        except (AttributeError, ValueError) as error:
            raise ValueError(f"line {line}: {error}") from error
    return [row for row in rows if row[0]]


def write_streets(streets: Dict[str, Dict[str, Any]], municipality: str, source: str,
                  target: Path) -> None:
    """Write the street list the place reader reads (`STREETS_FILE`)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    header = (f"# The street list of {municipality}, written by `make import-streets` from "
              f"{source} on {dt.date.today().isoformat()}.\n")
    body = {"municipality": municipality,
            "streets": {name: entry["point"] for name, entry in streets.items()},
            "woonplaatsen": {name: entry["woonplaatsen"] for name, entry in streets.items()}}
    target.write_text(header + yaml.safe_dump(body, allow_unicode=True, sort_keys=True),
                      encoding="utf-8")


def import_streets(sources: Sequence[Path], target: Optional[Path] = None) -> int:
    """Read export files, write the municipality's street list; the number of streets."""
    municipality = municipality_name()
    streets = streets_from_exports(sources, municipality)
    names = ", ".join(source.name for source in sources)
    if not streets:
        raise ValueError(f"{names}: no streets of {municipality} in it")
    write_streets(streets, municipality, names, target or settings.STREETS_FILE)
    return len(streets)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.integrations.pdok")
    commands = parser.add_subparsers(dest="command", required=True)
    importing = commands.add_parser("import-streets", help="write the street list from an export")
    importing.add_argument("files", type=Path, nargs="+",
                           help="Locatieserver free answers (JSON) or CSVs "
                                "straatnaam,woonplaats,lat,lon")
    importing.add_argument("--out", type=Path, default=None, help="default: STREETS_FILE")
    args = parser.parse_args(argv)
    try:
        count = import_streets(args.files, args.out)
    except (OSError, ValueError) as error:  # json's errors are ValueErrors too
        print(f"import-streets: {error}", file=sys.stderr)
        return 1
    print(f"{count} streets written to {args.out or settings.STREETS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
