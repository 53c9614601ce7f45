"""A strict loopback stand-in for the Documenten API 1.5.x (DRC): enkelvoudiginformatieobjecten.

Mirrors VNG-Realisatie/documenten-api 1.5.0 `src/openapi.yaml` and Open Zaak's documenten
component: `POST /enkelvoudiginformatieobjecten` requires `bronorganisatie` (an RSIN that
passes the 11-proef), `creatiedatum`, `titel` (≤ 200), `auteur` (≤ 200), `taal` (ISO 639-2/B,
exactly 3 letters) and `informatieobjecttype` (must resolve to a published
informatieobjecttype in the Catalogi API); `inhoud` is base64; `identificatie` is unique per
bronorganisatie (`identificatie-niet-uniek`). `GET` filters `identificatie` and
`bronorganisatie`; `GET /{uuid}` one. (Zaakinformatieobjecten live in the Zaken API, which
asks this stand-in whether an informatieobject exists.)
"""
from __future__ import annotations

import base64
import binascii
from typing import Any, Dict, Optional, Tuple

from tests.standins.zgw_catalogi import CatalogiStandIn
from tests.standins.zgw_common import (BAD_URL, Refusal, ZgwStandIn, check_lengths, invalid,
                                       page, require)

EIO_REQUIRED = ("bronorganisatie", "creatiedatum", "titel", "auteur", "taal",
                "informatieobjecttype")


def valid_rsin(value: Any) -> bool:
    """Nine digits passing the 11-proef (RSIN and BSN share it)."""
    text = str(value or "")
    if len(text) != 9 or not text.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(text[:8], range(9, 1, -1))) - int(text[8])
    return total % 11 == 0


class DocumentenStandIn(ZgwStandIn):
    component = "documenten"

    def __init__(self, clients: Dict[str, str], catalogi: CatalogiStandIn, **kwargs: Any):
        self.catalogi = catalogi
        self.contents: Dict[str, bytes] = {}
        super().__init__(clients, **kwargs)

    def resolve(self, url: Any) -> Optional[Dict[str, Any]]:
        obj = self.objects.get(str(url or "").rstrip("/"))
        prefix = f"{self.root}/enkelvoudiginformatieobjecten/"
        return obj if obj and obj["url"].startswith(prefix) else None

    def handle(self, method: str, path: str, query: Dict[str, str], body: Any,
               headers: Any) -> Tuple[int, Any, Dict[str, str]]:
        resource = path[len("/documenten/api/v1/"):].strip("/")
        if resource.startswith("enkelvoudiginformatieobjecten/") and method == "GET":
            return 200, self.get(path), {}
        if resource != "enkelvoudiginformatieobjecten":
            raise Refusal(404, "not_found", "Niet gevonden.")
        if method == "GET":
            filters = {k: query[k] for k in ("identificatie", "bronorganisatie") if k in query}
            return 200, page(self.of(resource, **filters)), {}
        if method == "POST":
            return 201, self.create(body), {}
        raise Refusal(405, "method_not_allowed", f'Methode "{method}" niet toegestaan.')

    def create(self, body: Any) -> Dict[str, Any]:
        if not isinstance(body, dict):
            raise invalid([("nonFieldErrors", "invalid", "Ongeldige data.")])
        problems = require(body, EIO_REQUIRED) + check_lengths(
            body, {"titel": 200, "auteur": 200, "identificatie": 40, "bestandsnaam": 255})
        if body.get("bronorganisatie") and not valid_rsin(body["bronorganisatie"]):
            problems.append(("bronorganisatie", "invalid", "Onjuist RSIN nummer."))
        if body.get("taal") and len(str(body["taal"])) != 3:
            problems.append(("taal", "min_length", "Zorg ervoor dat dit veld minimaal 3 "
                                                   "karakters bevat."))
        iot = body.get("informatieobjecttype")
        if iot and self.catalogi.resolve(iot, "informatieobjecttypen") is None:
            problems.append(("informatieobjecttype", BAD_URL[0], BAD_URL[1].format(url=iot)))
        content = self._content(body, problems)
        if not problems and body.get("identificatie") and self.of(
                "enkelvoudiginformatieobjecten", identificatie=body["identificatie"],
                bronorganisatie=body["bronorganisatie"]):
            problems.append(("identificatie", "identificatie-niet-uniek",
                             "Deze identificatie bestaat al voor deze bronorganisatie"))
        if problems:
            raise invalid(problems)
        fields = {k: v for k, v in body.items() if k != "inhoud"}
        obj = self.store("enkelvoudiginformatieobjecten",
                         {**fields, "versie": 1, "locked": False,
                          "bestandsomvang": len(content) if content is not None else None})
        if content is not None:
            self.contents[obj["url"]] = content
            obj["inhoud"] = f"{obj['url']}/download?versie=1"
        return obj

    @staticmethod
    def _content(body: Dict[str, Any], problems: list) -> Optional[bytes]:
        if body.get("inhoud") in (None, ""):
            return None
        try:
            return base64.b64decode(str(body["inhoud"]), validate=True)
        except (binascii.Error, ValueError):
            problems.append(("inhoud", "invalid", "Het bestand is niet correct base64 "
                                                  "gecodeerd."))
            return None
