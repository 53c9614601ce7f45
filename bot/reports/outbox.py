"""Delivers queued work, retrying with backoff; nothing is dropped.

Three kinds of work: a new report for Signalen, a status update for a resident who
asked for one (through Rasa's trigger_intent, on the channel the resident used), and a
message to a resident on WhatsApp, SMS or Telegram that the provider did not take yet.

Run `python -m bot.reports.outbox` to deliver continuously; the action server also
tries once right after filing, so a healthy backend gets a report within seconds.
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

from bot.integrations import DeliveryError
from bot.integrations.signalen import SignalenClient
from bot.profile import profile
from bot.reports.db import migrate, session
from bot import logmask
from bot.integrations.media import fetch_media
from bot.reports.models import OutboxItem, Report, utcnow
from bot.reports.service import SIGNALEN_CREATE
from bot.reports.status import RESIDENT_UPDATE
from channels.store import CHANNEL_MESSAGE
from bot.settings import DATABASE_URL, RASA_TOKEN, RASA_URL, SIGNALEN_TIMEOUT, SIGNALEN_URL

logger = logging.getLogger(__name__)

MAX_TEXT = 3000
STATUS_INTENT = "EXTERNAL_report_status"
FIRST_RETRY_SECONDS = float(os.environ.get("GA_OUTBOX_FIRST_RETRY", "30"))
MAX_RETRY_SECONDS = 3600
# How long a claimed item stays with one process before another may try it.
LEASE = dt.timedelta(seconds=120)
# A message the provider refuses for good (blocked bot, invalid number) is kept, not retried.
NEVER = dt.datetime(9999, 1, 1)


def backoff(attempts: int) -> dt.timedelta:
    """30 s, 1 min, 2 min, … up to an hour between tries."""
    return dt.timedelta(seconds=min(FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0),
                                    MAX_RETRY_SECONDS))


def signal_payload(report: Report, client: SignalenClient) -> Dict[str, Any]:
    """The Signalen public-API body for a report; the reporter is empty when anonymous."""
    municipality = profile()
    lat, lon = ((report.latitude, report.longitude) if report.latitude is not None
                else municipality.location.centre)
    location: Dict[str, Any] = {"geometrie": {"type": "Point", "coordinates": [lon, lat]}}
    if report.street and report.house_number:
        location["address"] = _address(report, municipality.location.place)
    reporter: Dict[str, Any] = {"sharing_allowed": False}
    if report.wants_updates and report.contact_email:
        reporter["email"] = report.contact_email
    if report.wants_updates and report.contact_phone:
        reporter["phone"] = report.contact_phone
    text = f"{report.description}\n\nLocatie: {report.location_text}"
    return {
        "text": text[:MAX_TEXT],
        "location": location,
        "category": {"sub_category": client.category_url(
            municipality.reports.signalen_categories[report.category])},
        "reporter": reporter,
        "incident_date_start": report.created_at.replace(tzinfo=dt.timezone.utc).isoformat(),
        "source": "online",
    }


def _address(report: Report, place: str) -> Dict[str, Any]:
    digits = "".join(ch for ch in report.house_number.split("-")[0] if ch.isdigit())
    address: Dict[str, Any] = {"openbare_ruimte": report.street, "huisnummer": int(digits),
                               "woonplaats": place}
    letter = report.house_number[len(digits):].strip("-")
    if letter:
        address["huisletter" if letter.isalpha() and len(letter) == 1
                else "huisnummer_toevoeging"] = letter
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
        raise DeliveryError(f"Rasa answered {response.status_code}",
                            retry=response.status_code >= 500)


def _deliver(item: OutboxItem, client: Optional[SignalenClient]) -> None:
    if item.kind == CHANNEL_MESSAGE:
        from channels.delivery import send

        return send(item.channel, item.recipient, json.loads(item.payload))
    report = item.report
    if item.kind == RESIDENT_UPDATE:
        return _tell_resident(report)
    if item.kind != SIGNALEN_CREATE or client is None:
        raise DeliveryError(f"cannot deliver outbox kind {item.kind}", retry=False)
    if report.signalen_id is None:
        report.signalen_id = client.create_signal(signal_payload(report, client))
    if report.photo_url:
        content, content_type = fetch_media(report.photo_url)
        extension = mimetypes.guess_extension(content_type) or ".jpg"
        client.add_attachment(report.signalen_id, f"foto{extension}", content, content_type)


def _due(url: str, now: dt.datetime, only_id: Optional[int], item_ids: Optional[List[int]],
         limit: int) -> List[tuple]:
    """(id, recipient) of due items, oldest first."""
    with session(url) as db:
        query = db.query(OutboxItem.id, OutboxItem.recipient).filter(
            OutboxItem.delivered_at.is_(None), OutboxItem.next_attempt_at <= now)
        if only_id is not None:
            query = query.filter(OutboxItem.report_id == only_id)
        if item_ids is not None:
            query = query.filter(OutboxItem.id.in_(item_ids))
        return [tuple(row) for row in query.order_by(OutboxItem.id).limit(limit)]


def _claim(url: str, item_id: int, now: dt.datetime) -> bool:
    """Take an item for LEASE seconds; False when another process has it (SQLite and PostgreSQL)."""
    with session(url) as db:
        claimed = (db.query(OutboxItem)
                   .filter(OutboxItem.id == item_id, OutboxItem.delivered_at.is_(None),
                           OutboxItem.next_attempt_at <= now)
                   .update({OutboxItem.next_attempt_at: now + LEASE},
                           synchronize_session=False))
    return claimed == 1


def _attempt(url: str, item_id: int, client: Optional[SignalenClient],
             now: dt.datetime) -> bool:
    with session(url) as db:
        item = db.get(OutboxItem, item_id)
        try:
            _deliver(item, client)
        except DeliveryError as error:
            item.attempts += 1
            item.last_error = str(error)
            permanent = not error.retry and item.kind == CHANNEL_MESSAGE
            item.next_attempt_at = NEVER if permanent else now + backoff(item.attempts)
            log = logger.warning if error.retry else logger.error
            log("Outbox item %s (%s) not delivered, try %s%s: %s", item.id, _about(item),
                item.attempts, ", given up" if permanent else "", error)
            return False
        item.delivered_at = now
        item.last_error = None
        logger.info("Outbox item %s (%s) delivered", item.id, _about(item))
        return True


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
    if client is None and SIGNALEN_URL:
        client = SignalenClient(SIGNALEN_URL, SIGNALEN_TIMEOUT)
    now = now or utcnow()
    delivered, blocked = 0, set()
    for item_id, recipient in _due(url, now, only_id, item_ids, limit):
        if recipient is not None and recipient in blocked:
            continue
        if not _claim(url, item_id, now):
            continue
        if _attempt(url, item_id, client, now):
            delivered += 1
        elif recipient is not None:
            blocked.add(recipient)
    return delivered


def main() -> None:
    parser = argparse.ArgumentParser(description="Deliver queued reports to Signalen.")
    parser.add_argument("--once", action="store_true", help="one round, then stop")
    parser.add_argument("--interval", type=float,
                        default=float(os.environ.get("GA_OUTBOX_INTERVAL", "10")))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logmask.install()
    migrate()
    while True:
        deliver_due()
        if args.once:
            return
        time.sleep(args.interval)


if __name__ == "__main__":
    main()
