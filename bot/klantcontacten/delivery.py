"""Outbox kinds for Open Klant, and their delivery (registered in `bot.reports.outbox`).

Each item remembers in its payload (`done`) what Open Klant already has, so a retry after
Open Klant went down half-way creates nothing twice. A create whose answer was lost (a
timeout or a 504 after Open Klant stored it) is found again instead of made twice: the
klantcontact carries a marker of its own in its inhoud ("Kenmerk chatbot: KC-…"), and before
it is sent the payload says so (`sent`, committed in a transaction of its own, so also a
crash right after the request leaves that trace); a retry then looks for the marker first.
Everything hanging from the klantcontact is looked up by the klantcontact's uuid before it
is made. A refusal (4xx) makes the item a dead letter with Open Klant's reason
(`bot.klantcontacten.dead_letters`); anything else is retried with the outbox's backoff.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
from typing import Any, Callable, Dict, List, Optional

from sqlalchemy.orm import Session, object_session

from bot import settings
from bot.integrations import DeliveryError
from bot.integrations.openklant import Identificator, OpenKlantClient
from bot.klantcontacten.kanalen import kanaal, way_back
from bot.klantcontacten.models import ContactRequest
from bot.reports.models import OutboxItem, Report

logger = logging.getLogger(__name__)

CONTACT = "openklant_contact"              # a webcare conversation → klantcontact
REQUEST = "openklant_request"              # a message left → klantcontact + interne taak
REQUEST_UPDATE = "openklant_request_update"  # more words for an interne taak
REQUEST_DONE = "openklant_request_done"    # a colleague answered → taak verwerkt
KINDS = (CONTACT, REQUEST, REQUEST_UPDATE, REQUEST_DONE)
HANDELING = "Contact opnemen met betrokkene"  # as KISS asks it
# Our own case number as an onderwerpobject (the report store is the register).
CASE_NUMBER = ("melding", "gemeente-assistent", "zaaknummer")
# Ends every klantcontact's inhoud: how a klantcontact whose create answer was lost is found.
MARKER_LABEL = "Kenmerk chatbot: "
MAX_INHOUD = 1000


def new_marker() -> str:
    return f"KC-{secrets.token_hex(5)}"


def queue(db: Session, kind: str, payload: Dict[str, Any]) -> OutboxItem:
    """Add work for Open Klant to the outbox, in the caller's transaction."""
    if kind in CREATES_KLANTCONTACT:
        payload = {**payload, "marker": new_marker()}
    item = OutboxItem(kind=kind, channel="openklant", payload=json.dumps(payload))
    db.add(item)
    return item


def client() -> OpenKlantClient:
    if not settings.OPENKLANT_URL:
        raise DeliveryError("OPENKLANT_URL is not set; Open Klant work waits", retry=True)
    return OpenKlantClient(settings.OPENKLANT_URL, settings.OPENKLANT_TOKEN,
                           settings.OPENKLANT_TIMEOUT)


def deliver(item: OutboxItem, now: dt.datetime) -> None:
    """Deliver one Open Klant item; a refusal marks it a dead letter before it is raised."""
    payload = json.loads(item.payload or "{}")
    try:
        DELIVERERS[item.kind](client(), item, payload, now)
    except DeliveryError as error:
        if not error.retry:
            item.dead_at = now
            item.dead_reason = str(getattr(error, "reason", error))[:1000]
        raise
    finally:
        item.payload = json.dumps(payload)  # what Open Klant has now, kept even on failure


# Found or made once ---------------------------------------------------------------------
def with_marker(body: Dict[str, Any], marker: str) -> Dict[str, Any]:
    """The klantcontact with its marker as the inhoud's last line (within its 1000)."""
    tail = f"\n\n{MARKER_LABEL}{marker}"
    inhoud = (body.get("inhoud") or "")[:MAX_INHOUD - len(tail)]
    return {**body, "inhoud": inhoud + tail}


def klantcontact_once(api: OpenKlantClient, item: OutboxItem, payload: Dict[str, Any],
                      body: Dict[str, Any]) -> str:
    """The klantcontact's uuid: made once, or found by its marker when a create was sent
    before and its answer never came."""
    done = payload.setdefault("done", {})
    if "klantcontact" not in done:
        marker = payload.setdefault("marker", new_marker())
        found = api.find_klantcontact(marker, body["kanaal"]) if payload.get("sent") else None
        if found:
            logger.info("Outbox item %s: the klantcontact was made before, its answer lost",
                        item.id)
        else:
            payload["sent"] = True
            _keep_payload(item, payload)
            found = api.create_klantcontact(with_marker(body, marker))["uuid"]
        done["klantcontact"] = found
    return done["klantcontact"]


def _keep_payload(item: OutboxItem, payload: Dict[str, Any]) -> None:
    """Commit the payload now, in a transaction of its own (before a request whose answer
    may be lost: whatever happens next, the retry knows it was sent)."""
    engine = object_session(item).get_bind()
    with Session(bind=engine, future=True) as own, own.begin():
        own.query(OutboxItem).filter(OutboxItem.id == item.id).update(
            {OutboxItem.payload: json.dumps(payload)}, synchronize_session=False)


def once(done: Dict[str, Any], step: str, find: Callable[[], Optional[str]],
         make: Callable[[], Dict[str, Any]]) -> str:
    """A part hanging from the klantcontact: looked up first (a lost answer may have made
    it), made when it is not there; remembered in `done`."""
    if step not in done:
        done[step] = find() or make()["uuid"]
    return done[step]


# A webcare conversation ---------------------------------------------------------------
def _contact(api: OpenKlantClient, item: OutboxItem, payload: Dict[str, Any],
             now: dt.datetime) -> None:
    contact = klantcontact_once(api, item, payload, payload["klantcontact"])
    done = payload["done"]
    if "actor" not in done:
        agent = payload["agent"]
        actor = api.actor(agent["naam"], "medewerker",
                          Identificator(agent["gebruikersnaam"], "mdw", "obj", "idf"))
        if not api.find_actor_link(actor, contact):
            api.link_actor(actor, contact)
        done["actor"] = actor
    once(done, "betrokkene", lambda: api.find_betrokkene(contact),
         lambda: api.create_betrokkene(contact))
    linked: List[str] = done.setdefault("onderwerpobjecten", [])
    for about in references(object_session(item), payload.get("case_number")):
        if about.object_id not in linked:
            if not api.find_onderwerpobject(contact, about):
                api.create_onderwerpobject(contact, about)
            linked.append(about.object_id)


def references(db: Session, case_number: Optional[str]) -> List[Identificator]:
    """What a conversation's report is known by: our case number, and the back office's
    reference once the report has one (one function per back end in BACK_OFFICES)."""
    if not case_number:
        return []
    found = [Identificator(case_number, *CASE_NUMBER)]
    report = db.query(Report).filter(Report.case_number == case_number).one_or_none()
    if report is not None:
        found += [ref for ref in (back_office(report) for back_office in BACK_OFFICES) if ref]
    return found


def _signalen(report: Report) -> Optional[Identificator]:
    if not report.signalen_id:
        return None
    return Identificator(report.signalen_id, "signaal", "signalen", "uuid")


def _zaak(report: Report) -> Optional[Identificator]:
    """The zaak in the case system, by its uuid (the last part of its URL), as KISS links it."""
    if not report.zaak_url:
        return None
    return Identificator(report.zaak_url.rstrip("/").rsplit("/", 1)[-1], "zgw-Zaak", "openzaak",
                         "uuid")


BACK_OFFICES: List[Callable[[Report], Optional[Identificator]]] = [_signalen, _zaak]


# A message left for a colleague ---------------------------------------------------------
def _request(api: OpenKlantClient, item: OutboxItem, payload: Dict[str, Any],
             now: dt.datetime) -> None:
    request = object_session(item).get(ContactRequest, payload["request"])
    if request is None:
        return  # removed by the retention job before Open Klant came back
    contact = klantcontact_once(api, item, payload, _request_contact(request))
    request.klantcontact_uuid = contact
    done = payload["done"]
    betrokkene = once(done, "betrokkene", lambda: api.find_betrokkene(contact),
                      lambda: api.create_betrokkene(contact))
    back = way_back(request.channel, request.sender_id, request.callback_phone)
    once(done, "adres", lambda: api.find_digitaal_adres(betrokkene),
         lambda: api.create_digitaal_adres(betrokkene, back.soort, back.adres,
                                           back.omschrijving))
    if "actor" not in done:
        done["actor"] = api.actor(request.department_label, "organisatorische_eenheid",
                                  Identificator(request.department, "afd", "obj", "idf"))
    request.internetaak_uuid = once(
        done, "internetaak", lambda: api.find_internetaak(contact),
        lambda: api.create_internetaak(contact, [done["actor"]], toelichting(request),
                                       HANDELING))


def _request_contact(request: ContactRequest) -> Dict[str, Any]:
    return {"kanaal": kanaal(request.channel), "onderwerp": request.subject[:200],
            "inhoud": request.message[:1000], "taal": request.language,
            "vertrouwelijk": False, "indicatieContactGelukt": True,
            "plaatsgevondenOp": _iso(request.created_at)}


def toelichting(request: ContactRequest) -> str:
    """The task for the department: the message and how to answer it."""
    if request.callback_phone:
        how = f"Terugbelverzoek: bel de inwoner op {request.callback_phone}."
    else:
        how = (f"Antwoord in het {kanaal(request.channel)}-gesprek via de webcare-console "
               "(wachtrij: bericht achtergelaten).")
    return f"{request.message[:1000 - len(how) - 2]}\n\n{how}"  # Open Klant's limit: 1000


def _request_update(api: OpenKlantClient, item: OutboxItem, payload: Dict[str, Any],
                    now: dt.datetime) -> None:
    request = _registered(object_session(item), payload)
    if request is not None:
        api.update_internetaak(request.internetaak_uuid, {"toelichting": toelichting(request)})


def _request_done(api: OpenKlantClient, item: OutboxItem, payload: Dict[str, Any],
                  now: dt.datetime) -> None:
    request = _registered(object_session(item), payload)
    if request is not None:
        api.update_internetaak(request.internetaak_uuid,
                               {"status": "verwerkt", "afgehandeldOp": _iso(
                                   request.handled_at or now)})


def _registered(db: Session, payload: Dict[str, Any]) -> Optional[ContactRequest]:
    """The contactverzoek once its interne taak exists; retried until it does."""
    request = db.get(ContactRequest, payload["request"])
    if request is None:
        return None
    if not request.internetaak_uuid:
        raise DeliveryError(f"contactverzoek {request.id} is not in Open Klant yet",
                            retry=True)
    return request


def _iso(moment: dt.datetime) -> str:
    return moment.replace(tzinfo=dt.timezone.utc).isoformat().replace("+00:00", "Z")


CREATES_KLANTCONTACT = (CONTACT, REQUEST)
DELIVERERS: Dict[str, Callable[[OpenKlantClient, OutboxItem, Dict[str, Any], dt.datetime],
                               None]] = {
    CONTACT: _contact, REQUEST: _request, REQUEST_UPDATE: _request_update,
    REQUEST_DONE: _request_done}
