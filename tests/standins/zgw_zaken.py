"""A strict loopback stand-in for the Zaken API 1.5.x (ZRC), as far as the bot uses it.

Mirrors VNG-Realisatie/zaken-api 1.5.1 (`src/openapi.yaml` at 9be7e14, `specification.md`
zrc-001 … zrc-003) and Open Zaak's zaken component:

- `/zaken` (GET list, POST, GET one) needs `Accept-Crs: EPSG:4326` and `Content-Crs:
  EPSG:4326` (required headers there; missing: 412, another CRS: 406/415) and answers with
  `Content-Crs`. A zaak needs `bronorganisatie` and `verantwoordelijkeOrganisatie` (RSIN,
  11-proef), `zaaktype` (must resolve in the Catalogi API and not be a concept, zrc-001),
  `startdatum`; `identificatie` is unique per bronorganisatie (zrc-002,
  `identificatie-niet-uniek`); `zaakgeometrie` a GeoJSON Point. List filters
  `identificatie`, `bronorganisatie`, `zaaktype`.
- `/statussen`: `zaak`, `statustype` of the zaak's zaaktype (`zaaktype-mismatch`),
  `datumStatusGezet`; the zaak's `status` and each status's `indicatieLaatstGezetteStatus`
  follow the latest `datumStatusGezet`, not the order of creation (Open Zaak's
  `Zaak.current_status`, `Status.indicatie_laatst_gezette_status`).
- `/rollen`: `zaak`, `betrokkeneType` (enum), `roltype` of the zaak's zaaktype,
  `roltoelichting`, and `betrokkene` or `betrokkeneIdentificatie`; `contactpersoonRol` needs
  `naam` (≤ 200), `emailadres` an e-mail address, `telefoonnummer` ≤ 20.
- `/zaakobjecten`: `zaak`, `objectType` (enum); `adres` with `objectIdentificatie`
  (ObjectAdres: `identificatie`, `wplWoonplaatsNaam`, `gorOpenbareRuimteNaam`, `huisnummer`)
  or an `object` URL; `overige` needs `objectTypeOverige`.
- `/zaakinformatieobjecten` (a plain array, not paginated): `informatieobject` must
  resolve in the Documenten API (zrc-003), its informatieobjecttype must be one of the
  zaaktype's (`missing-zaaktype-informatieobjecttype-relation`), one per pair (`unique`).

Every create publishes a notification on the `zaken` kanaal (kenmerken bronorganisatie,
zaaktype, vertrouwelijkheidaanduiding) to the Notificaties stand-in, as Open Zaak does.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable, Dict, List, Optional, Tuple

from tests.standins.zgw_catalogi import CatalogiStandIn
from tests.standins.zgw_common import (BAD_URL, REQUIRED, Refusal, ZgwStandIn, check_lengths,
                                       invalid, page, require)
from tests.standins.zgw_documenten import DocumentenStandIn, valid_rsin

CRS = "EPSG:4326"
BETROKKENE_TYPES = ("natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging",
                    "organisatorische_eenheid", "medewerker")
OBJECT_TYPES = ("adres", "besluit", "buurt", "enkelvoudig_document", "gemeente",
                "gemeentelijke_openbare_ruimte", "huishouden", "inrichtingselement",
                "kadastrale_onroerende_zaak", "kunstwerkdeel", "maatschappelijke_activiteit",
                "medewerker", "natuurlijk_persoon", "niet_natuurlijk_persoon", "openbare_ruimte",
                "organisatorische_eenheid", "pand", "spoorbaandeel", "status", "terreindeel",
                "terrein_gebouwd_object", "vestiging", "waterdeel", "wegdeel", "wijk",
                "woonplaats", "woz_deelobject", "woz_object", "woz_waarde", "zakelijk_recht",
                "overige")
ADRES_REQUIRED = ("identificatie", "wplWoonplaatsNaam", "gorOpenbareRuimteNaam", "huisnummer")
# The `resource` a notification names (the Zaken API's kanaal documentation).
RESOURCE_NAMES = {"zaken": "zaak", "statussen": "status", "rollen": "rol",
                  "zaakobjecten": "zaakobject", "zaakinformatieobjecten": "zaakinformatieobject"}
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
Problems = List[Tuple[str, str, str]]
Publisher = Callable[[Dict[str, Any]], None]


def bad_url(name: str, url: Any) -> Tuple[str, str, str]:
    return (name, BAD_URL[0], BAD_URL[1].format(url=url))


class ZakenStandIn(ZgwStandIn):
    component = "zaken"

    def __init__(self, clients: Dict[str, str], catalogi: CatalogiStandIn,
                 documenten: DocumentenStandIn, publish: Optional[Publisher] = None,
                 **kwargs: Any) -> None:
        self.catalogi, self.documenten, self.publish = catalogi, documenten, publish
        super().__init__(clients, **kwargs)

    # Routing --------------------------------------------------------------------------
    def handle(self, method: str, path: str, query: Dict[str, str], body: Any,
               headers: Any) -> Tuple[int, Any, Dict[str, str]]:
        resource, _, rest = path[len("/zaken/api/v1/"):].strip("/").partition("/")
        crs: Dict[str, str] = {}
        if resource == "zaken":
            self._check_crs(headers, method == "POST")
            crs = {"Content-Crs": CRS}
        if rest and method == "GET":
            return 200, self.get(path), crs
        creates = {"zaken": self._zaak, "statussen": self._status, "rollen": self._rol,
                   "zaakobjecten": self._zaakobject,
                   "zaakinformatieobjecten": self._zaakinformatieobject}
        if rest or resource not in creates:
            raise Refusal(404, "not_found", "Niet gevonden.")
        if method == "POST":
            if not isinstance(body, dict):
                raise invalid([("nonFieldErrors", "invalid", "Ongeldige data.")])
            obj = creates[resource](body)
            self._notify(resource, obj)
            return 201, obj, crs
        if method == "GET":
            return 200, self._list(resource, query), crs
        raise Refusal(405, "method_not_allowed", f'Methode "{method}" niet toegestaan.')

    @staticmethod
    def _check_crs(headers: Any, body_has_geo: bool) -> None:
        accept, content = headers.get("Accept-Crs"), headers.get("Content-Crs")
        if accept is None or (body_has_geo and content is None):
            missing = "Accept-Crs" if accept is None else "Content-Crs"
            raise Refusal(412, "precondition_failed", f"'{missing}' header ontbreekt")
        if accept != CRS:
            raise Refusal(406, "not_acceptable", f"CRS '{accept}' is niet ondersteund")
        if content is not None and content != CRS:
            raise Refusal(415, "unsupported_media_type", f"CRS '{content}' is niet ondersteund")

    def _list(self, resource: str, query: Dict[str, str]) -> Any:
        keys = {"zaken": ("identificatie", "bronorganisatie", "zaaktype"),
                "statussen": ("zaak", "statustype"), "rollen": ("zaak", "omschrijvingGeneriek"),
                "zaakobjecten": ("zaak", "objectType"),
                "zaakinformatieobjecten": ("zaak", "informatieobject")}[resource]
        found = self.of(resource, **{key: query[key] for key in keys if key in query})
        return found if resource == "zaakinformatieobjecten" else page(found)

    def _notify(self, resource: str, obj: Dict[str, Any]) -> None:
        if self.publish is None:
            return
        zaak = obj if resource == "zaken" else self.objects[obj["zaak"]]
        self.publish({"kanaal": "zaken", "hoofdObject": zaak["url"],
                      "resource": RESOURCE_NAMES[resource],
                      "resourceUrl": obj["url"], "actie": "create",
                      "aanmaakdatum": dt.datetime.now(dt.timezone.utc).isoformat(),
                      "kenmerken": {"bronorganisatie": zaak["bronorganisatie"],
                                    "zaaktype": zaak["zaaktype"],
                                    "vertrouwelijkheidaanduiding":
                                        zaak["vertrouwelijkheidaanduiding"]}})

    # Creates --------------------------------------------------------------------------
    def _zaak(self, body: Dict[str, Any]) -> Dict[str, Any]:
        problems = require(body, ("bronorganisatie", "zaaktype", "verantwoordelijkeOrganisatie",
                                  "startdatum"))
        problems += check_lengths(body, {"identificatie": 40, "omschrijving": 80,
                                         "toelichting": 1000})
        for name in ("bronorganisatie", "verantwoordelijkeOrganisatie"):
            if body.get(name) and not valid_rsin(body[name]):
                problems.append((name, "invalid", "Onjuist RSIN nummer."))
        zaaktype = self.catalogi.resolve(body.get("zaaktype"), "zaaktypen")
        if body.get("zaaktype") and zaaktype is None:
            problems.append(bad_url("zaaktype", body["zaaktype"]))
        elif zaaktype is not None and zaaktype["concept"]:
            problems.append(("zaaktype", "not-published", "Het gerelateerde object is niet "
                                                          "gepubliceerd."))
        problems += self._geometry(body.get("zaakgeometrie"))
        if not problems and body.get("identificatie") and self.of(
                "zaken", identificatie=body["identificatie"],
                bronorganisatie=body["bronorganisatie"]):
            problems.append(("identificatie", "identificatie-niet-uniek",
                             "Deze identificatie bestaat al voor deze bronorganisatie"))
        if problems:
            raise invalid(problems)
        today = dt.date.today().isoformat()
        return self.store("zaken", {
            "identificatie": body.get("identificatie") or f"ZAAK-{len(self.of('zaken')) + 1}",
            "vertrouwelijkheidaanduiding": zaaktype["vertrouwelijkheidaanduiding"],
            "registratiedatum": today, "kenmerken": [], "status": None, "resultaat": None,
            "rollen": [], "zaakobjecten": [], "zaakinformatieobjecten": [],
            "eigenschappen": [], "deelzaken": [], "einddatum": None,
            **body})

    @staticmethod
    def _geometry(value: Any) -> Problems:
        if value is None:
            return []
        coordinates = value.get("coordinates") if isinstance(value, dict) else None
        if (not isinstance(value, dict) or value.get("type") != "Point"
                or not isinstance(coordinates, list) or len(coordinates) != 2
                or not all(isinstance(c, (int, float)) for c in coordinates)):
            return [("zaakgeometrie", "invalid", "Ongeldige GeoJSON geometrie.")]
        return []

    def _zaak_of(self, body: Dict[str, Any], problems: Problems) -> Optional[Dict[str, Any]]:
        if body.get("zaak") in (None, ""):
            return None
        zaak = self.objects.get(str(body["zaak"]).rstrip("/"))
        if zaak is None or not zaak["url"].startswith(f"{self.root}/zaken/"):
            problems.append(bad_url("zaak", body["zaak"]))
            return None
        return zaak

    def _type_of(self, body: Dict[str, Any], name: str, resource: str,
                 zaak: Optional[Dict[str, Any]], problems: Problems) -> None:
        """The statustype/roltype must exist and belong to the zaak's zaaktype."""
        if body.get(name) in (None, ""):
            return
        found = self.catalogi.resolve(body[name], resource)
        if found is None:
            problems.append(bad_url(name, body[name]))
        elif zaak is not None and found["zaaktype"] != zaak["zaaktype"]:
            problems.append(("nonFieldErrors", "zaaktype-mismatch",
                             "De referentie hoort niet bij het zaaktype van de zaak."))

    def _status(self, body: Dict[str, Any]) -> Dict[str, Any]:
        problems = require(body, ("zaak", "statustype", "datumStatusGezet"))
        problems += check_lengths(body, {"statustoelichting": 1000})
        zaak = self._zaak_of(body, problems)
        self._type_of(body, "statustype", "statustypen", zaak, problems)
        if problems:
            raise invalid(problems)
        status = self.store("statussen", {"statustoelichting": "", **body,
                                          "indicatieLaatstGezetteStatus": True,
                                          "zaakinformatieobjecten": []})
        statuses = self.of("statussen", zaak=zaak["url"])
        newest = max(statuses, key=lambda s: _moment(s["datumStatusGezet"]))
        for other in statuses:
            other["indicatieLaatstGezetteStatus"] = other is newest
        zaak["status"] = newest["url"]
        return status

    def _rol(self, body: Dict[str, Any]) -> Dict[str, Any]:
        problems = require(body, ("zaak", "betrokkeneType", "roltype", "roltoelichting"))
        problems += check_lengths(body, {"roltoelichting": 1000})
        if body.get("betrokkeneType") and body["betrokkeneType"] not in BETROKKENE_TYPES:
            problems.append(("betrokkeneType", "invalid_choice",
                             f"\"{body['betrokkeneType']}\" is een ongeldige keuze."))
        if not body.get("betrokkene") and body.get("betrokkeneIdentificatie") is None:
            problems.append(("nonFieldErrors", "invalid-betrokkene",
                             "betrokkene or betrokkeneIdentificatie must be provided"))
        problems += self._contact(body.get("contactpersoonRol"))
        zaak = self._zaak_of(body, problems)
        self._type_of(body, "roltype", "roltypen", zaak, problems)
        if problems:
            raise invalid(problems)
        roltype = self.catalogi.resolve(body["roltype"], "roltypen")
        rol = self.store("rollen", {**body, "omschrijving": roltype["omschrijving"],
                                    "omschrijvingGeneriek": roltype["omschrijvingGeneriek"],
                                    "registratiedatum": dt.datetime.now(
                                        dt.timezone.utc).isoformat(), "statussen": []})
        zaak["rollen"].append(rol["url"])
        return rol

    @staticmethod
    def _contact(value: Any) -> Problems:
        if value is None:
            return []
        if not isinstance(value, dict):
            return [("contactpersoonRol", "invalid", "Ongeldige data.")]
        problems = [(f"contactpersoonRol.{name}", code, reason)
                    for name, code, reason in require(value, ("naam",))]
        problems += [(f"contactpersoonRol.{name}", code, reason) for name, code, reason
                     in check_lengths(value, {"naam": 200, "telefoonnummer": 20,
                                              "functie": 50, "emailadres": 254})]
        if value.get("emailadres") and not EMAIL.match(str(value["emailadres"])):
            problems.append(("contactpersoonRol.emailadres", "invalid",
                             "Voer een geldig e-mailadres in."))
        return problems

    def _zaakobject(self, body: Dict[str, Any]) -> Dict[str, Any]:
        problems = require(body, ("zaak", "objectType"))
        kind = body.get("objectType")
        if kind and kind not in OBJECT_TYPES:
            problems.append(("objectType", "invalid_choice", f'"{kind}" is een ongeldige keuze.'))
        if kind == "overige" and not body.get("objectTypeOverige"):
            problems.append(("objectTypeOverige", *REQUIRED))
        if kind == "adres" and not body.get("object"):
            problems += self._adres(body.get("objectIdentificatie"))
        zaak = self._zaak_of(body, problems)
        if problems:
            raise invalid(problems)
        obj = self.store("zaakobjecten", body)
        zaak["zaakobjecten"].append(obj["url"])
        return obj

    @staticmethod
    def _adres(value: Any) -> Problems:
        if not isinstance(value, dict):
            return [("objectIdentificatie", *REQUIRED)]
        problems = [(f"objectIdentificatie.{n}", c, r)
                    for n, c, r in require(value, ADRES_REQUIRED)]
        problems += [(f"objectIdentificatie.{n}", c, r) for n, c, r in check_lengths(
            value, {"identificatie": 100, "wplWoonplaatsNaam": 80,
                    "gorOpenbareRuimteNaam": 80, "huisletter": 1, "huisnummertoevoeging": 4,
                    "postcode": 7})]
        number = value.get("huisnummer")
        if number is not None and (not isinstance(number, int) or not 0 <= number <= 99999):
            problems.append(("objectIdentificatie.huisnummer", "invalid",
                             "Een geldig getal is vereist."))
        return problems

    def _zaakinformatieobject(self, body: Dict[str, Any]) -> Dict[str, Any]:
        problems = require(body, ("zaak", "informatieobject"))
        zaak = self._zaak_of(body, problems)
        document = self.documenten.resolve(body.get("informatieobject"))
        if body.get("informatieobject") and document is None:
            problems.append(bad_url("informatieobject", body["informatieobject"]))
        if zaak is not None and document is not None:
            zaaktype = self.catalogi.resolve(zaak["zaaktype"], "zaaktypen")
            if document["informatieobjecttype"] not in zaaktype["informatieobjecttypen"]:
                problems.append(("nonFieldErrors", "missing-zaaktype-informatieobjecttype-"
                                 "relation", "Het informatieobjecttype hoort niet bij het "
                                             "zaaktype van de zaak."))
            if self.of("zaakinformatieobjecten", zaak=zaak["url"],
                       informatieobject=document["url"]):
                problems.append(("nonFieldErrors", "unique", "De velden zaak, "
                                 "informatieobject moeten een unieke set zijn."))
        if problems:
            raise invalid(problems)
        link = self.store("zaakinformatieobjecten", {
            **body, "aardRelatieWeergave": "Hoort bij, omgekeerd: kent",
            "registratiedatum": dt.datetime.now(dt.timezone.utc).isoformat()})
        zaak["zaakinformatieobjecten"].append(link["url"])
        return link

    # Test controls --------------------------------------------------------------------
    def set_status(self, zaak_url: str, omschrijving: str,
                   set_at: Optional[dt.datetime] = None) -> Dict[str, Any]:
        """A colleague sets a status in the case system (through the API, so it notifies)."""
        zaak = self.objects[zaak_url]
        statustype = next(s for s in self.catalogi.of("statustypen", zaaktype=zaak["zaaktype"])
                          if s["omschrijving"] == omschrijving)
        status = self._status({"zaak": zaak_url, "statustype": statustype["url"],
                               "datumStatusGezet": (set_at or dt.datetime.now(
                                   dt.timezone.utc)).isoformat()})
        self._notify("statussen", status)
        return status


def _moment(value: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
