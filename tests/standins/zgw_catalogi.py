"""A strict loopback stand-in for the Catalogi API 1.3.x (ZTC), read-only, as the bot uses it.

Mirrors VNG-Realisatie/catalogi-api 1.3.1 `src/openapi.yaml` and Open Zaak's catalogi
component: `GET /zaaktypen` (filters `catalogus`, `identificatie`, `status` alles|concept|
definitief, default definitief: a concept zaaktype is not listed), `GET /zaaktypen/{uuid}`,
`GET /statustypen?zaaktype=` (ordered by `volgnummer`; `isEindstatus` on the highest),
`GET /roltypen?zaaktype=&omschrijvingGeneriek=`, `GET /informatieobjecttypen/{uuid}`;
paginated lists, JWT as in `zgw_common`.

Seeded with one catalogus of Lindendal and the zaaktype `MOR` (melding openbare ruimte)
with statustypen Gemeld → In behandeling → Afgehandeld, the roltype `initiator` and the
informatieobjecttype `Foto melding`.
"""
from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from tests.standins.zgw_common import Refusal, ZgwStandIn, invalid, page

ZAAKTYPE_ID = "MOR"
STATUSES = (("Gemeld", "Uw melding is ontvangen."),
            ("In behandeling", "Uw melding is in behandeling."),
            ("Afgehandeld", "Uw melding is afgehandeld."))


class CatalogiStandIn(ZgwStandIn):
    component = "catalogi"

    def __init__(self, clients: Dict[str, str], **kwargs: Any) -> None:
        super().__init__(clients, **kwargs)
        self.seed()

    def seed(self) -> None:
        catalogus = self.store("catalogussen", {"domein": "MOR", "rsin": "002220647"})
        self.zaaktype = self.add_zaaktype(ZAAKTYPE_ID, catalogus["url"])
        self.add_zaaktype("CONCEPT-MOR", catalogus["url"], concept=True)

    def add_zaaktype(self, identificatie: str, catalogus: str,
                     concept: bool = False) -> Dict[str, Any]:
        zaaktype = self.store("zaaktypen", {
            "identificatie": identificatie, "omschrijving": "Melding openbare ruimte",
            "catalogus": catalogus, "concept": concept, "vertrouwelijkheidaanduiding":
            "openbaar", "doorlooptijd": "P14D", "statustypen": [], "roltypen": [],
            "informatieobjecttypen": [], "beginGeldigheid": "2026-01-01",
            "versiedatum": "2026-01-01"})
        url = zaaktype["url"]
        for number, (name, text) in enumerate(STATUSES, start=1):
            statustype = self.store("statustypen", {
                "zaaktype": url, "catalogus": catalogus, "omschrijving": name,
                "omschrijvingGeneriek": name, "statustekst": text, "volgnummer": number,
                "isEindstatus": number == len(STATUSES), "informeren": True})
            zaaktype["statustypen"].append(statustype["url"])
        for generic, name in (("initiator", "Melder"), ("behandelaar", "Behandelaar")):
            roltype = self.store("roltypen", {"zaaktype": url, "catalogus": catalogus,
                                              "omschrijving": name,
                                              "omschrijvingGeneriek": generic})
            zaaktype["roltypen"].append(roltype["url"])
        iot = self.store("informatieobjecttypen", {
            "catalogus": catalogus, "omschrijving": "Foto melding",
            "vertrouwelijkheidaanduiding": "openbaar", "informatieobjectcategorie": "Foto",
            "beginGeldigheid": "2026-01-01", "concept": False})
        zaaktype["informatieobjecttypen"].append(iot["url"])
        return zaaktype

    # Look-ups for the other stand-ins (Open Zaak resolves the URLs) ----------------------
    def resolve(self, url: Any, resource: str) -> Optional[Dict[str, Any]]:
        obj = self.objects.get(str(url or "").rstrip("/"))
        return obj if obj and obj["url"].startswith(f"{self.root}/{resource}/") else None

    # HTTP ----------------------------------------------------------------------------
    def handle(self, method: str, path: str, query: Dict[str, str], body: Any,
               headers: Any) -> Tuple[int, Any, Dict[str, str]]:
        if method != "GET":
            raise Refusal(405, "method_not_allowed", f'Methode "{method}" niet toegestaan.')
        resource = path[len("/catalogi/api/v1/"):].strip("/")
        if "/" in resource:
            return 200, self.get(path), {}
        if resource == "zaaktypen":
            return 200, page(self._zaaktypen(query)), {}
        if resource in ("statustypen", "roltypen"):
            return 200, page(self._of_zaaktype(resource, query)), {}
        raise Refusal(404, "not_found", "Niet gevonden.")

    def _zaaktypen(self, query: Dict[str, str]) -> list:
        status = query.get("status", "definitief")
        if status not in ("alles", "concept", "definitief"):
            raise invalid([("status", "invalid_choice", f"Selecteer een geldige keuze. "
                                                        f"{status} is geen beschikbare keuze.")])
        found = self.of("zaaktypen", **{key: query[key] for key in ("catalogus", "identificatie")
                                        if key in query})
        return [z for z in found if status == "alles" or z["concept"] == (status == "concept")]

    def _of_zaaktype(self, resource: str, query: Dict[str, str]) -> list:
        filters = {key: query[key] for key in ("zaaktype", "omschrijvingGeneriek") if key in query}
        found = self.of(resource, **filters)
        return sorted(found, key=lambda obj: obj.get("volgnummer", 0))
