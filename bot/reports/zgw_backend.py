"""A report as a zaak in the municipality's case system (ZGW APIs, e.g. Open Zaak).

Called by the outbox for `zgw_create` items (REPORTS_BACKEND=zgw). One delivery makes, and
a repeated one finds instead of making again:

1. the zaak of the configured zaaktype (`ZGW_ZAAKTYPE`, looked up in the Catalogi API by
   identificatie), with our case number as `identificatie` (unique per bronorganisatie,
   zrc-002) and as a `kenmerk`, found first with `GET /zaken?identificatie=…`;
2. its first status (the statustype with the lowest volgnummer), unless it has one;
3. a rol `initiator` for the resident: `natuurlijk_persoon` with an empty
   betrokkeneIdentificatie (no BSN, no name, ever); only with consent for updates a
   `contactpersoonRol` with the e-mail address or phone number they gave (WhatsApp/SMS: the
   number they write from). The Zaken API requires `contactpersoonRol.naam`: it is the
   label "Melder (via chatbot)", never a person's name;
4. a zaakobject: the register's address (`adres`, its `identificatie` the BAG
   nummeraanduiding id) when PDOK confirmed street and number, else the resident's
   description (`overige`); the point is the zaak's `zaakgeometrie`;
5. the photo as an enkelvoudiginformatieobject (identificatie `<case number>-foto`, found
   first) linked with a zaakinformatieobject.

The zaak's URL is committed at once in a transaction of its own, so whatever fails later
(a status, the photo) is completed by the next try without a second zaak.
"""
from __future__ import annotations

import base64
import datetime as dt
import logging
import mimetypes
from typing import Any, Dict, Optional

from bot import settings
from bot.integrations import DeliveryError
from bot.integrations.media import fetch_media
from bot.integrations.pdok import HouseNumber
from bot.integrations.zgw import DOCUMENTEN, ZAKEN, ZgwClient, ZgwConfig, ZgwRefused
from bot.reports.db import session
from bot.reports.models import Report

logger = logging.getLogger(__name__)

KENMERK_BRON = "Gemeente-assistent"
CONTACT_LABEL = "Melder (via chatbot)"
AUTHOR = "Gemeente-assistent (chatbot)"
CHANNEL_NAMES = {"whatsapp": "WhatsApp", "sms": "sms", "telegram": "Telegram",
                 "messenger": "Messenger", "webchat": "de webchat", "rest": "de chatbot"}


def configured_client() -> Optional[ZgwClient]:
    """A client for the configured APIs (read now, so tests and CLIs can point it)."""
    if not settings.ZGW_ZAKEN_URL:
        return None
    return ZgwClient(ZgwConfig(settings.ZGW_ZAKEN_URL, settings.ZGW_CATALOGI_URL,
                               settings.ZGW_DOCUMENTEN_URL, settings.ZGW_NOTIFICATIES_URL,
                               settings.ZGW_CLIENT_ID, settings.ZGW_SECRET,
                               settings.ZGW_TIMEOUT))


def send_report(report: Report, url: str, client: Optional[ZgwClient] = None) -> None:
    """Make (or complete) the report's zaak; DeliveryError says whether to retry."""
    client = client or configured_client()
    if client is None or not settings.ZGW_ZAAKTYPE or not settings.ZGW_RSIN:
        raise DeliveryError("ZGW back end not configured (ZGW_ZAKEN_URL, ZGW_ZAAKTYPE, "
                            "ZGW_RSIN)", retry=False)
    zaaktype = client.zaaktype(settings.ZGW_ZAAKTYPE, settings.ZGW_CATALOGUS_URL)
    if report.zaak_url is None:
        _keep_zaak(url, report, _find_or_create_zaak(client, report, zaaktype))
    zaak = client.get(report.zaak_url)
    if not zaak.get("status"):
        _first_status(client, zaak, zaaktype)
    if not zaak.get("rollen"):
        client.create(ZAKEN, "rollen", rol_body(report, zaak["url"], client.roltype(
            zaaktype["url"], "initiator")["url"]))
    if not zaak.get("zaakobjecten"):
        client.create(ZAKEN, "zaakobjecten", zaakobject_body(report, zaak["url"]))
    if report.photo_url and not zaak.get("zaakinformatieobjecten"):
        _attach_photo(client, report, zaak, zaaktype)


def _find_or_create_zaak(client: ZgwClient, report: Report, zaaktype: Dict[str, Any]) -> str:
    found = client.find_zaak(settings.ZGW_RSIN, report.case_number)
    if found is not None:
        logger.info("Report %s: zaak found, not created again", report.case_number)
        return found["url"]
    try:
        return client.create(ZAKEN, "zaken", zaak_body(report, zaaktype["url"]))["url"]
    except ZgwRefused as error:
        if "identificatie-niet-uniek" not in error.codes:
            raise
        # Another process created it between our search and our create.
        found = client.find_zaak(settings.ZGW_RSIN, report.case_number)
        if found is None:
            raise
        return found["url"]


def _keep_zaak(url: str, report: Report, zaak_url: str) -> None:
    """Commit the zaak's URL at once (like the Signalen id): never a second zaak."""
    report.zaak_url = zaak_url
    with session(url) as db:
        db.query(Report).filter(Report.id == report.id).update(
            {Report.zaak_url: zaak_url}, synchronize_session=False)


def zaak_body(report: Report, zaaktype_url: str) -> Dict[str, Any]:
    """The zaak (Zaken API 1.5 `Zaak`) for a report; only what the report holds."""
    body: Dict[str, Any] = {
        "identificatie": report.case_number, "bronorganisatie": settings.ZGW_RSIN,
        "verantwoordelijkeOrganisatie": settings.ZGW_RSIN, "zaaktype": zaaktype_url,
        "omschrijving": report.description[:80], "toelichting": zaak_text(report),
        "startdatum": report.created_at.date().isoformat(),
        "registratiedatum": report.created_at.date().isoformat(),
        "kenmerken": [{"kenmerk": report.case_number, "bron": KENMERK_BRON}]}
    if report.latitude is not None and report.longitude is not None:
        body["zaakgeometrie"] = {"type": "Point",
                                 "coordinates": [report.longitude, report.latitude]}
    return body


def zaak_text(report: Report) -> str:
    """Description, place, priority and case number, at most 1000 characters."""
    tail = f"\n\nLocatie: {report.location_text}\nZaaknummer chatbot: {report.case_number}"
    if report.priority == "high":
        tail = "\nMet voorrang (gevaarlijke situatie)." + tail
    return report.description[:1000 - len(tail)] + tail[:1000]


def _first_status(client: ZgwClient, zaak: Dict[str, Any], zaaktype: Dict[str, Any]) -> None:
    statustypen = client.statustypen(zaaktype["url"])
    if not statustypen:
        raise ZgwRefused(404, "the zaaktype has no statustypen")
    client.create(ZAKEN, "statussen", {
        "zaak": zaak["url"], "statustype": statustypen[0]["url"],
        "datumStatusGezet": dt.datetime.now(dt.timezone.utc).isoformat(),
        "statustoelichting": "Melding ontvangen via de chatbot"})


def rol_body(report: Report, zaak_url: str, roltype_url: str) -> Dict[str, Any]:
    """The resident as initiator: no BSN, no name; contact details only with consent."""
    channel = CHANNEL_NAMES.get(report.channel, report.channel)
    body: Dict[str, Any] = {"zaak": zaak_url, "betrokkeneType": "natuurlijk_persoon",
                            "roltype": roltype_url, "betrokkeneIdentificatie": {},
                            "roltoelichting": f"Melder via {channel} (anoniem)"}
    contact = _contact(report)
    if contact:
        body["contactpersoonRol"] = {"naam": CONTACT_LABEL, **contact}
        body["roltoelichting"] = f"Melder via {channel}, wil op de hoogte blijven"
    elif report.wants_updates:
        body["roltoelichting"] = (f"Melder via {channel}, wil op de hoogte blijven "
                                  "(berichten via de chatbot)")
    return body


def _contact(report: Report) -> Dict[str, str]:
    if not report.wants_updates:
        return {}
    contact: Dict[str, str] = {}
    if report.contact_email:
        contact["emailadres"] = report.contact_email
    phone = report.contact_phone or (report.sender_id.split(":", 1)[-1]
                                     if report.channel in ("whatsapp", "sms")
                                     and report.sender_id else None)
    if phone:
        contact["telefoonnummer"] = phone[:20]
    return contact


def zaakobject_body(report: Report, zaak_url: str) -> Dict[str, Any]:
    """The register's address when PDOK confirmed it, else the resident's own words."""
    house = HouseNumber.parse(report.house_number)
    if report.address_confirmed and report.street and house is not None:
        from bot.profile import profile

        place = report.woonplaats or profile().location.place
        address: Dict[str, Any] = {
            "identificatie": _address_id(report, house, place), "wplWoonplaatsNaam": place,
            "gorOpenbareRuimteNaam": report.street, "huisnummer": house.number}
        if house.letter:
            address["huisletter"] = house.letter
        if house.addition:
            address["huisnummertoevoeging"] = house.addition
        if report.postcode:
            address["postcode"] = report.postcode.replace(" ", "")
        return {"zaak": zaak_url, "objectType": "adres", "objectIdentificatie": address,
                "relatieomschrijving": "Plaats van de melding"}
    data: Dict[str, Any] = {"omschrijving": report.location_text}
    if report.latitude is not None:
        data.update(lat=report.latitude, lon=report.longitude)
    return {"zaak": zaak_url, "objectType": "overige", "objectTypeOverige": "locatie",
            "objectIdentificatie": {"overigeData": data},
            "relatieomschrijving": "Plaats van de melding"}


def _address_id(report: Report, house: HouseNumber, place: str) -> str:
    """The address's identificatie: the BAG nummeraanduiding id PDOK gave (the id the Zaken
    API's ObjectAdres means); for a report filed before it was kept, postcode and number."""
    if report.nummeraanduiding_id:
        return report.nummeraanduiding_id
    number = f"{house.number}{house.letter or ''}{'-' + house.addition if house.addition else ''}"
    if report.postcode:
        return f"{report.postcode.replace(' ', '')} {number}"
    return f"{report.street} {number}, {place}"[:100]


def _attach_photo(client: ZgwClient, report: Report, zaak: Dict[str, Any],
                  zaaktype: Dict[str, Any]) -> None:
    """The photo as a document linked to the zaak; a photo that cannot be had for good is
    recorded on the report (`photo_error`): the zaak exists, that is no dead letter."""
    try:
        document = _find_or_create_document(client, report, zaaktype)
        client.create(ZAKEN, "zaakinformatieobjecten", {
            "zaak": zaak["url"], "informatieobject": document["url"],
            "titel": document.get("titel", ""), "beschrijving": "Foto van de melder"})
    except DeliveryError as error:
        if error.retry:
            raise
        reason = error.reason if isinstance(error, ZgwRefused) else str(error)
        report.photo_error = reason[:500]
        logger.warning("Report %s: photo not added to the zaak: %s", report.case_number, reason)


def _find_or_create_document(client: ZgwClient, report: Report,
                             zaaktype: Dict[str, Any]) -> Dict[str, Any]:
    identificatie = f"{report.case_number}-foto"
    found = client.list(DOCUMENTEN, "enkelvoudiginformatieobjecten",
                        {"identificatie": identificatie, "bronorganisatie": settings.ZGW_RSIN})
    if found:
        return found[0]
    types = zaaktype.get("informatieobjecttypen") or []
    if not types:
        raise ZgwRefused(400, "the zaaktype has no informatieobjecttype for the photo")
    content, content_type = fetch_media(report.photo_url)
    name = f"foto{mimetypes.guess_extension(content_type) or '.jpg'}"
    return client.create(DOCUMENTEN, "enkelvoudiginformatieobjecten", {
        "identificatie": identificatie, "bronorganisatie": settings.ZGW_RSIN,
        "creatiedatum": report.created_at.date().isoformat(),
        "titel": f"Foto bij melding {report.case_number}", "auteur": AUTHOR, "taal": "dut",
        "informatieobjecttype": types[0], "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
        "formaat": content_type, "bestandsnaam": name, "bestandsomvang": len(content),
        "inhoud": base64.b64encode(content).decode("ascii"), "indicatieGebruiksrecht": False})

