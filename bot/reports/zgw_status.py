"""Status news from the ZGW case system: the Notificaties API tells us, we tell the resident.

The bot subscribes to the `zaken` kanaal (an abonnement with our callback URL and the
Authorization header the Notificaties API must send, `ZGW_CALLBACK_URL` and
`ZGW_CALLBACK_AUTH`, filtered on our bronorganisatie): `python -m bot.reports.zgw_status
subscribe`, and the outbox worker does it at start when REPORTS_BACKEND=zgw. The callback
(`channels.zgw_notifications`, `/webhooks/zgw/notificaties`) hands each notification to
`receive`: a new `status` of a zaak we filed is read from the Zaken API, its statustype from
the Catalogi API, and mapped to the resident's status (`status_from_statustype`);
`set_status` then queues the resident's update in the outbox, the same path as Signalen's
news (rendered by the bot on the resident's own channel).

Durable: the callback only checks the notification and stores it in the outbox
(`queue_notification`, kind `zgw_notification`) and answers 204 at once; the outbox reads the
case system (`receive`) right away and, when it cannot be read, again with backoff.

Idempotent: the status URL is stored on the report with a conditional update, so a
notification delivered twice (or by two processes at once) tells the resident once.

In order: the Notificaties API may deliver a zaak's statuses out of order. A status that is
no longer the zaak's newest (`indicatieLaatstGezetteStatus`, by `datumStatusGezet` in Open
Zaak) is ignored, and the same conditional update stores the `datumStatusGezet` of the
status told and refuses one set earlier: also a status read while it was still the newest
but applied after a newer one (two notifications processed side by side), or from a case
system that does not give the indicatie, is never told after a newer one.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hmac
import json
import logging
from typing import Any, Dict, Optional

from sqlalchemy import or_

from bot import settings
from bot.integrations.zgw import ZgwClient, ZgwError
from bot.reports.db import session
from bot.reports.models import OutboxItem, Report
from bot.reports.status import set_status
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

KANAAL = "zaken"
ZGW_NOTIFICATION = "zgw_notification"  # the outbox kind of a notification to process
# A statustype's omschrijving (lower case) → the resident's status; see status_from_statustype.
ZGW_STATUSES: Dict[str, Optional[str]] = {
    "gemeld": None,                     # told at filing
    "ontvangen": None,                  # told at filing
    "in behandeling": "in_behandeling",
    "ingepland": "ingepland",
    "reactie gevraagd": "reactie_gevraagd",
    "heropend": "heropend",
    "geannuleerd": "geannuleerd",
    "afgehandeld": "afgehandeld",
}


def authorised(header: Optional[str]) -> bool:
    """The notification carries the Authorization value our abonnement gave."""
    expected = settings.ZGW_CALLBACK_AUTH
    return bool(expected and header) and hmac.compare_digest(header.encode(), expected.encode())


def status_from_statustype(statustype: Dict[str, Any], first: bool) -> Optional[str]:
    """The resident's status for a statustype; None: no news (the first status, or one
    the table silences). An end status is "afgehandeld"; an unknown one "in_behandeling"."""
    name = str(statustype.get("omschrijving") or "").strip().lower()
    if name in ZGW_STATUSES:
        return ZGW_STATUSES[name]
    if statustype.get("isEindstatus"):
        return "afgehandeld"
    return None if first else "in_behandeling"


def is_status_news(message: Dict[str, Any]) -> bool:
    return (message.get("kanaal") == KANAAL and message.get("resource") == "status"
            and message.get("actie") == "create" and bool(message.get("resourceUrl")))


def queue_notification(message: Dict[str, Any], url: str = DATABASE_URL) -> Optional[int]:
    """Store a status notification about one of our zaken for the outbox; its item id, or
    None when it is none of ours (nothing stored)."""
    if not is_status_news(message):
        return None
    with session(url) as db:
        ours = db.query(Report.id).filter(Report.zaak_url == message["hoofdObject"]).first()
        if ours is None:
            return None
        item = OutboxItem(kind=ZGW_NOTIFICATION, channel="zgw", payload=json.dumps(message))
        db.add(item)
        db.flush()
        return item.id


def receive(message: Dict[str, Any], client: Optional[ZgwClient] = None,
            url: str = DATABASE_URL) -> bool:
    """Handle one notification; True when a resident's status changed. Raises ZgwError
    when the case system cannot be read (the caller answers an error, so it is resent)."""
    if not is_status_news(message):
        return False
    report_id = _report_for(message["hoofdObject"], message["resourceUrl"], url)
    if report_id is None:
        return False
    from bot.reports.zgw_backend import configured_client

    client = client or configured_client()
    if client is None:
        raise ZgwError("ZGW back end not configured (ZGW_ZAKEN_URL)", retry=False)
    status = client.get(message["resourceUrl"])
    if status.get("indicatieLaatstGezetteStatus") is False:
        logger.info("Zaak status %s is not the newest: ignored", message["resourceUrl"])
        return False
    statustype = client.get(status["statustype"])
    first = int(statustype.get("volgnummer") or 0) <= 1
    return _apply(url, report_id, message["resourceUrl"], _set_at(status),
                  status_from_statustype(statustype, first))


def _set_at(status: Dict[str, Any]) -> Optional[dt.datetime]:
    """The status's datumStatusGezet in UTC (naive, as the report store keeps times)."""
    try:
        moment = dt.datetime.fromisoformat(str(status.get("datumStatusGezet"))
                                           .replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment


def _report_for(zaak_url: str, status_url: str, url: str) -> Optional[int]:
    """Our report of this zaak, unless this status was handled already."""
    with session(url) as db:
        row = db.query(Report.id, Report.zaak_status_url).filter(
            Report.zaak_url == zaak_url).one_or_none()
    if row is None or row.zaak_status_url == status_url:
        return None
    return row.id


def _apply(url: str, report_id: int, status_url: str, set_at: Optional[dt.datetime],
           status: Optional[str]) -> bool:
    with session(url) as db:
        newer_or_equal = (or_(Report.zaak_status_at.is_(None), Report.zaak_status_at <= set_at)
                          if set_at is not None else Report.zaak_status_at.is_(None))
        taken = (db.query(Report)
                 .filter(Report.id == report_id, newer_or_equal,
                         or_(Report.zaak_status_url.is_(None),
                             Report.zaak_status_url != status_url))
                 .update({Report.zaak_status_url: status_url, Report.zaak_status_at: set_at},
                         synchronize_session=False))
        if not taken:
            # told already (another delivery came first), or older than the status told
            logger.info("Zaak status %s: told already or older than the newest told",
                        status_url)
            return False
        report = db.get(Report, report_id)
        if status is None:
            logger.info("Report %s: zaak status without news for the resident",
                        report.case_number)
            return False
        return set_status(db, report, status)


def subscribe(client: Optional[ZgwClient] = None) -> Dict[str, Any]:
    """The abonnement on the zaken kanaal (found, or made); ZgwError when it cannot be."""
    from bot.reports.zgw_backend import configured_client

    client = client or configured_client()
    if client is None or not settings.ZGW_CALLBACK_URL or not settings.ZGW_CALLBACK_AUTH:
        raise ZgwError("set ZGW_ZAKEN_URL, ZGW_NOTIFICATIES_URL, ZGW_CALLBACK_URL and "
                       "ZGW_CALLBACK_AUTH to subscribe", retry=False)
    filters = {"bronorganisatie": settings.ZGW_RSIN} if settings.ZGW_RSIN else {}
    return client.subscribe(settings.ZGW_CALLBACK_URL, settings.ZGW_CALLBACK_AUTH, KANAAL,
                            filters)


def main() -> int:
    parser = argparse.ArgumentParser(description="Status news from the ZGW case system.")
    parser.add_argument("command", choices=["subscribe"])
    parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        abonnement = subscribe()
    except ZgwError as error:
        print(f"Not subscribed: {error}")
        return 1
    print(f"Subscribed to '{KANAAL}': {abonnement.get('url')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
