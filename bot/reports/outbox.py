"""Delivers queued work, retrying with backoff; nothing is dropped.

Three kinds of work: a new report for the back end (`REPORT_SENDERS`: Signalen, or a zaak
in a ZGW case system, `bot.reports.zgw_backend`), a status update for a resident who
asked for one (through Rasa's trigger_intent, on the channel the resident used), and a
message to a resident on WhatsApp, SMS or Telegram that the provider did not take yet.

Run `python -m bot.reports.outbox` to deliver continuously (and poll report statuses,
`bot.reports.status_poll`); the action server also tries once right after filing, so a
healthy backend gets a report within seconds.

Signalen's answers decide what happens to a report (bot/integrations/signalen.py):
refused (4xx) → a dead letter with Signalen's reason, not retried, until staff resend it
(`bot.reports.dead_letters`); throttled (429) → tried again after Retry-After, and no
other report is posted this round; unavailable (5xx, no connection) → backoff. A create
whose answer was lost (timeout after sending, 504) is never simply sent again, as
Signalen has no idempotency key: the case number is in the signal's text, and with a
service account (`SIGNALEN_TOKEN`) the private list is searched for it before creating
again; without one the report becomes a dead letter "uncertain" for staff to check.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import mimetypes
import os
import time
from typing import Any, Dict, List, Optional
from urllib.parse import quote

import requests
from sqlalchemy import case, null

from bot.integrations import DeliveryError
from bot.integrations.signalen import (CreatedSignal, SignalenClient, SignalenRefused,
                                      SignalenThrottled, SignalenUnavailable)
from bot.profile import profile
from bot.reports import answers
from bot.reports.db import migrate, session
from bot import logmask
from bot.integrations.media import fetch_media
from bot.integrations.pdok import HouseNumber
from bot.klantcontacten import delivery as openklant
from bot.reports.models import CHANNEL_MESSAGE, HELD, NEVER, OutboxItem, Report, utcnow
from bot.reports import reporter
from bot.reports.service import REPORT_CREATES, SIGNALEN_CREATE, ZGW_CREATE
from bot.reports.status import RESIDENT_UPDATE, set_status
from bot.reports.zgw_status import ZGW_NOTIFICATION
from bot.settings import (DATABASE_URL, RASA_TOKEN, RASA_URL, SIGNALEN_TIMEOUT, SIGNALEN_TOKEN,
                          SIGNALEN_URL)

logger = logging.getLogger(__name__)

MAX_TEXT = 3000  # Signalen's limit on a signal's text
# Written into every signal's text; staff (and the service-account lookup) search for it.
CASE_MARKER = "Zaaknummer chatbot: "
# How far before a lost answer the private list is searched for the signal.
UNCERTAIN_WINDOW = dt.timedelta(minutes=10)
STATUS_INTENT = "EXTERNAL_report_status"
FIRST_RETRY_SECONDS = float(os.environ.get("GA_OUTBOX_FIRST_RETRY", "30"))
MAX_RETRY_SECONDS = 3600
# How often the worker tries to subscribe to the ZGW zaken kanaal (with backoff).
SUBSCRIBE_TRIES = 12
# How long a claimed item stays with one process before another may try it.
LEASE = dt.timedelta(seconds=120)


def backoff(attempts: int) -> dt.timedelta:
    """30 s, 1 min, 2 min, … up to an hour between tries."""
    return dt.timedelta(seconds=min(FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0),
                                    MAX_RETRY_SECONDS))


def signal_payload(report: Report, client: SignalenClient) -> Dict[str, Any]:
    """The body PublicSignalCreateSerializer takes; contact details only with consent."""
    municipality = profile()
    lat, lon = ((report.latitude, report.longitude) if report.latitude is not None
                else municipality.location.centre)
    location: Dict[str, Any] = {"geometrie": {"type": "Point", "coordinates": [lon, lat]}}
    house = HouseNumber.parse(report.house_number)
    if report.address_confirmed and report.street and house is not None:
        # Signalen refuses an address the register does not know; else the point and the
        # resident's own words in the text.
        location["address"] = _address(report, house,
                                       report.woonplaats or municipality.location.place)
    return {
        "text": signal_text(report),
        "location": location,
        "category": {"sub_category": client.category_url(_slug(report.category))},
        "reporter": reporter.for_create(report, client),
        "incident_date_start": report.created_at.replace(tzinfo=dt.timezone.utc).isoformat(),
        "source": "online",
    }


def _slug(category: str) -> str:
    slug = profile().reports.signalen_categories.get(category)
    if slug is None:
        raise DeliveryError(f"no Signalen category configured for '{category}' "
                            "(bot/profile.yml reports.signalen_categories)", retry=False)
    return slug


def signal_text(report: Report) -> str:
    """Description, place and our case number (how a lost create is found again), ≤ 3000."""
    tail = f"\n\nLocatie: {report.location_text}\n{CASE_MARKER}{report.case_number}"
    return report.description[:MAX_TEXT - len(tail)] + tail[:MAX_TEXT]


def _address(report: Report, house: HouseNumber, place: str) -> Dict[str, Any]:
    """The register's address as Signalen's `location.address`."""
    address: Dict[str, Any] = {"openbare_ruimte": report.street, "huisnummer": house.number,
                               "woonplaats": place}
    if house.letter:
        address["huisletter"] = house.letter
    if house.addition:
        address["huisnummer_toevoeging"] = house.addition
    if report.postcode:
        address["postcode"] = report.postcode.replace(" ", "")
    return address


def _tell_resident(report: Report) -> None:
    """Let the bot tell the resident, on the channel they used, through Rasa's API."""
    # Sanic does not decode %3A and %2B in the path: WhatsApp ids keep their ':' and '+'.
    url = (f"{RASA_URL}/conversations/{quote(report.sender_id, safe=':+@')}/trigger_intent"
           f"?output_channel=latest&token={quote(RASA_TOKEN)}")
    body = {"name": STATUS_INTENT,
            "entities": {"case_number": report.case_number, "report_status": report.status}}
    try:
        response = requests.post(url, json=body, timeout=SIGNALEN_TIMEOUT)
    except requests.RequestException as error:
        raise DeliveryError(f"Rasa unreachable: {type(error).__name__}", retry=True)
    if response.status_code >= 400:
        # A 4xx (unknown conversation, bad token) stays so; only 429 and 5xx pass.
        raise DeliveryError(f"Rasa answered {response.status_code}",
                            retry=response.status_code >= 500 or response.status_code == 429)


def _deliver(item: OutboxItem, client: Optional[SignalenClient], now: dt.datetime,
             url: str = DATABASE_URL) -> None:
    if item.kind == CHANNEL_MESSAGE:
        from channels.delivery import send

        return send(item.channel, item.recipient, json.loads(item.payload))
    if item.kind in openklant.KINDS:
        return openklant.deliver(item, now)
    if item.kind == RESIDENT_UPDATE:
        return _tell_resident(item.report)
    if item.kind in answers.KINDS:
        return answers.deliver(item, client)
    if item.kind == reporter.SIGNALEN_REPORTER:
        return reporter.deliver(item, client)
    if item.kind == ZGW_NOTIFICATION:
        from bot.reports.zgw_status import receive

        receive(json.loads(item.payload), url=url)
        return None
    sender = REPORT_SENDERS.get(item.kind)
    if sender is None:
        raise DeliveryError(f"cannot deliver outbox kind {item.kind}", retry=False)
    sender(item, client, now, url)


def _send_to_signalen(item: OutboxItem, client: Optional[SignalenClient], now: dt.datetime,
                      url: str) -> None:
    report = item.report
    if client is None:
        raise DeliveryError("Signalen is not configured (SIGNALEN_URL)", retry=False)
    if report.signalen_id is None:
        _create(item, report, client, now, url)
    if report.photo_url:
        _attach_photo(report, client)


def _send_to_zgw(item: OutboxItem, client: Optional[SignalenClient], now: dt.datetime,
                 url: str) -> None:
    from bot.reports.zgw_backend import send_report

    send_report(item.report, url)


# The back end each kind of new report goes to (REPORTS_BACKEND picks the kind at filing).
REPORT_SENDERS = {SIGNALEN_CREATE: _send_to_signalen, ZGW_CREATE: _send_to_zgw}


def _create(item: OutboxItem, report: Report, client: SignalenClient, now: dt.datetime,
            url: str = DATABASE_URL) -> None:
    """Create the signal, unless a create whose answer was lost may have made it already."""
    if item.uncertain_at is not None:
        if not client.token:
            raise UncertainCreate(report.case_number)
        found = client.find_by_marker(f"{CASE_MARKER}{report.case_number}",
                                      item.uncertain_at - UNCERTAIN_WINDOW, now)
        item.uncertain_at = None
        if found is not None:
            logger.info("Report %s: the lost create did arrive", report.case_number)
            _keep_signal(url, report, found, None)
            return
    payload = signal_payload(report, client)  # its GETs (categories) create nothing
    try:
        created = client.create_signal(payload)
    except SignalenUnavailable as error:
        if error.uncertain:
            item.uncertain_at = now
        raise
    _keep_signal(url, report, created, "m")
    reporter.queue_if_changed(url, report.id, payload["reporter"], client)


def _keep_signal(url: str, report: Report, signal: CreatedSignal, state: Optional[str]) -> None:
    """Commit the signal's ids at once, in a transaction of their own: whatever fails
    after the create (the photo), the report is never created again."""
    report.signalen_id, report.signalen_number = signal.signal_id, signal.id
    if state is not None:
        report.signalen_state = state
    with session(url) as db:
        db.query(Report).filter(Report.id == report.id).update(
            {Report.signalen_id: signal.signal_id, Report.signalen_number: signal.id,
             Report.signalen_state: report.signalen_state}, synchronize_session=False)


class UncertainCreate(DeliveryError):
    """A create was sent, its answer lost, and without a service account we cannot check."""

    def __init__(self, case_number: str) -> None:
        super().__init__(f"Signalen's answer to creating {case_number} was lost; check in "
                         f"Signalen for '{CASE_MARKER}{case_number}' before resending",
                         retry=False)


def _attach_photo(report: Report, client: SignalenClient) -> None:
    """Add the resident's photo; one Signalen or the provider refuses for good is recorded
    on the report (`photo_error`): the signal exists, that is no dead letter."""
    try:
        content, content_type = fetch_media(report.photo_url)
        extension = mimetypes.guess_extension(content_type) or ".jpg"
        client.add_attachment(report.signalen_id, f"foto{extension}", content, content_type)
    except DeliveryError as error:
        if error.retry:
            raise
        reason = error.reason if isinstance(error, SignalenRefused) else str(error)
        report.photo_error = reason[:500]
        logger.warning("Report %s: photo not added: %s", report.case_number, reason)


def _due(url: str, now: dt.datetime, only_id: Optional[int], item_ids: Optional[List[int]],
         limit: int) -> List[tuple]:
    """(id, kind, recipient) of due items, oldest first."""
    with session(url) as db:
        query = db.query(OutboxItem.id, OutboxItem.kind, OutboxItem.recipient).filter(
            OutboxItem.delivered_at.is_(None), OutboxItem.dead_at.is_(None),
            OutboxItem.next_attempt_at <= now)
        if only_id is not None:
            query = query.filter(OutboxItem.report_id == only_id)
        if item_ids is not None:
            query = query.filter(OutboxItem.id.in_(item_ids))
        return [tuple(row) for row in query.order_by(OutboxItem.id).limit(limit)]


def _claim(url: str, item_id: int, now: dt.datetime) -> bool:
    """Take an item for LEASE from this moment (a slow round's `now` is stale) and clear
    its held marker, so a resident's new message does not release it to another process;
    False when another process has it (SQLite and PostgreSQL)."""
    current = max(now, utcnow())
    with session(url) as db:
        claimed = (db.query(OutboxItem)
                   .filter(OutboxItem.id == item_id, OutboxItem.delivered_at.is_(None),
                           OutboxItem.next_attempt_at <= current)
                   .update({OutboxItem.next_attempt_at: current + LEASE,
                            OutboxItem.last_error: case(
                                (OutboxItem.last_error.like(f"{HELD}%"), null()),
                                else_=OutboxItem.last_error)},
                           synchronize_session=False))
    return claimed == 1


def _attempt(url: str, item_id: int, client: Optional[SignalenClient],
             now: dt.datetime) -> Optional[DeliveryError]:
    """Deliver one item; None when it arrived, else the error."""
    with session(url) as db:
        item = db.get(OutboxItem, item_id)
        try:
            _deliver(item, client, now, url)
        except DeliveryError as error:
            _failed(db, item, error, now)
            return error
        item.delivered_at = now
        item.last_error = None
        _back_from_staff(item)
        logger.info("Outbox item %s (%s) delivered", item.id, _about(item))
        return None


def _back_from_staff(item: OutboxItem) -> None:
    """A dead letter staff resent or linked has arrived: "gemeld" again, silently (the
    resident was told a person looks at it; arriving is no news for them)."""
    if item.kind in REPORT_CREATES and item.report.status == "handmatig":
        item.report.status = "gemeld"
        logger.info("Report %s arrived after staff's correction", item.report.case_number)


def _failed(db, item: OutboxItem, error: DeliveryError, now: dt.datetime) -> None:
    """Schedule the next try, or keep the item as a dead letter when trying cannot help."""
    item.attempts += 1
    item.last_error = str(error)
    if isinstance(error, SignalenThrottled):
        item.next_attempt_at = now + dt.timedelta(seconds=error.retry_after)
    elif error.retry:
        item.next_attempt_at = now + backoff(item.attempts)
    else:
        item.next_attempt_at = NEVER
    if not error.retry and item.kind in REPORT_CREATES:
        item.dead_at = now
        item.dead_reason = getattr(error, "reason", None) or str(error)
        set_status(db, item.report, "handmatig")
    log = logger.warning if error.retry else logger.error
    log("Outbox item %s (%s) not delivered, try %s%s: %s", item.id, _about(item),
        item.attempts, ", given up" if item.next_attempt_at == NEVER else "", error)


def _about(item: OutboxItem) -> str:
    if item.report is not None:
        return f"{item.kind} for report {item.report.case_number}"
    return f"{item.kind} on {item.channel}"


def deliver_due(client: Optional[SignalenClient] = None, url: str = DATABASE_URL,
                now: Optional[dt.datetime] = None, only_id: Optional[int] = None,
                item_ids: Optional[List[int]] = None, limit: int = 20) -> int:
    """Try every item that is due and not taken by another process; return how many arrived.

    Messages to one resident keep their order: after a failure, later ones wait.
    """
    client = client or default_client()
    now = now or utcnow()
    delivered, blocked = 0, set()
    for item_id, kind, recipient in _due(url, now, only_id, item_ids, limit):
        if (recipient is not None and recipient in blocked) or kind in blocked:
            continue
        if not _claim(url, item_id, now):
            continue
        error = _attempt(url, item_id, client, now)
        if error is None:
            delivered += 1
        elif isinstance(error, SignalenThrottled):
            blocked.add(kind)  # every report comes from this address: wait for all of them
        elif recipient is not None:
            blocked.add(recipient)
    return delivered


_CLIENT: Dict[str, SignalenClient] = {}


def default_client() -> Optional[SignalenClient]:
    """One client per process for SIGNALEN_URL, so the category cache is shared."""
    if not SIGNALEN_URL:
        return None
    if SIGNALEN_URL not in _CLIENT:
        _CLIENT[SIGNALEN_URL] = SignalenClient(SIGNALEN_URL, SIGNALEN_TIMEOUT, SIGNALEN_TOKEN)
    return _CLIENT[SIGNALEN_URL]


def main() -> None:
    parser = argparse.ArgumentParser(description="Deliver queued reports to Signalen.")
    parser.add_argument("--once", action="store_true", help="one round, then stop")
    parser.add_argument("--interval", type=float,
                        default=float(os.environ.get("GA_OUTBOX_INTERVAL", "10")))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logmask.install()
    _check_reply_address()
    migrate()
    _check_categories()
    # The abonnement's callback is the Rasa server, which may not be up yet when the worker
    # starts (the Notificaties API tries the callback first): tried again with backoff.
    subscribed, tries, next_try = False, 0, 0.0
    while True:
        if not subscribed and time.monotonic() >= next_try:
            tries += 1
            subscribed = _subscribe_zgw(final=args.once or tries >= SUBSCRIBE_TRIES)
            next_try = time.monotonic() + backoff(tries).total_seconds()
            subscribed = subscribed or tries >= SUBSCRIBE_TRIES
        _round()
        if args.once:
            return
        time.sleep(args.interval)


def _check_reply_address() -> None:
    """At start: stop with a clear message when SIGNALEN_REPLY_ADDRESS is no address
    Signalen takes (every chat report would go without it)."""
    from bot import settings
    from bot.reports.reply_address import check

    try:
        check(settings.SIGNALEN_REPLY_ADDRESS, bool(settings.SIGNALEN_TOKEN))
    except ValueError as error:
        raise SystemExit(f"Configuration: {error}")


def _check_categories() -> None:
    """At start: name every configured category Signalen does not have (reports with it
    would become dead letters)."""
    from bot.integrations.signalen import SignalenError, check_categories

    client = default_client()
    if client is None:
        return
    try:
        problems = check_categories(client, profile().reports.signalen_categories)
    except SignalenError as error:
        logger.warning("Signalen's categories could not be read at start: %s", error)
        return
    for problem in problems:
        logger.error("Configuration: %s", problem)


def _subscribe_zgw(final: bool = True) -> bool:
    """With REPORTS_BACKEND=zgw and a callback: the abonnement on the zaken kanaal. True
    when it exists now (or none is wanted); False when it could not be made yet."""
    from bot import settings
    from bot.integrations.zgw import ZgwError
    from bot.reports.zgw_status import subscribe

    if settings.REPORTS_BACKEND != "zgw" or not settings.ZGW_CALLBACK_URL:
        return True
    try:
        logger.info("ZGW abonnement: %s", subscribe().get("url"))
        return True
    except ZgwError as error:
        if final:
            logger.error("ZGW status news: not subscribed (python -m bot.reports.zgw_status "
                         "subscribe when the bot is up): %s", error)
        else:
            logger.warning("ZGW status news: not subscribed yet, trying again: %s", error)
        return False


def _round() -> None:
    """Deliver what is due, poll statuses and tell residents in the queue their new place;
    a failure is logged, the worker goes on."""
    from bot.reports.status_poll import poll_statuses

    try:
        deliver_due()
        client = default_client()
        if client is not None:
            poll_statuses(client)
    except Exception:  # noqa: BLE001 - the worker must outlive any one bad round
        logger.exception("Outbox round failed; trying again next round")
    try:
        from bot.webcare.waiting_news import tell_due

        tell_due()
    except Exception:  # noqa: BLE001 - queue news must not stop the deliveries
        logger.exception("Queue news round failed; trying again next round")


if __name__ == "__main__":
    main()
