"""A message left for a colleague becomes a contactverzoek: an interne taak in Open Klant for
the department that owns the subject, answered in the resident's own channel.

`leave_message` records it (scrubbed of personal data) and queues it for Open Klant; more
messages while it is open are added to it. `mark_handled` records a colleague's answer
(status `verwerkt`, also in Open Klant); `refresh_states` reads back a task a colleague
closed in Open Klant itself. `requests_of` gives the console its state.
"""
from __future__ import annotations

import logging
from typing import List, Optional

from bot import settings
from bot.klantcontacten.delivery import REQUEST, REQUEST_DONE, REQUEST_UPDATE, queue
from bot.klantcontacten.models import HANDLED, OPEN, ContactRequest
from bot.klantcontacten.subjects import Subject
from bot.reading.privacy import scrub
from bot.reports.db import ensure_schema, session
from bot.reports.models import utcnow

logger = logging.getLogger(__name__)

MAX_MESSAGE = 900  # room in the interne taak's toelichting (≤ 1000) for the way back


def enabled() -> bool:
    return bool(settings.OPENKLANT_URL)


# The message of a callback request whose words were only the number (for the department).
CALLBACK_ONLY = "Terugbelverzoek"
# A callback's preferred time from an earlier message ("morgen tussen 10 en 12").
CALLBACK_WHEN = "Graag bellen: {when}"

def leave_message(sender_id: str, channel: str, text: str, subject: Subject,
                  language: str = "nld", url: Optional[str] = None,
                  callback_phone: Optional[str] = None,
                  callback_when: Optional[str] = None) -> Optional[int]:
    """Record the message (a new contactverzoek, or added to the open one); its id. A
    callback request keeps the number to call (removed from the message like any other).
    Nothing is kept while Open Klant is not configured, or for an empty message."""
    message, removed = scrub(" ".join((text or "").split()))
    if callback_phone and not message:
        message = CALLBACK_ONLY  # "06 12345678" after "Op welk nummer?": the request itself
    if callback_when and callback_when.lower() not in message.lower():
        message = f"{message}\n{CALLBACK_WHEN.format(when=callback_when)}"
    if not enabled() or not message:
        return None
    url = url or settings.DATABASE_URL
    ensure_schema(url)
    with session(url) as db:
        request = _open_request(db, sender_id)
        if request is None:
            request = ContactRequest(sender_id=sender_id, channel=channel, subject=subject.title,
                                     department=subject.department, language=language,
                                     department_label=subject.department_name,
                                     message=message[:MAX_MESSAGE],
                                     callback_phone=callback_phone)
            db.add(request)
            db.flush()
            queue(db, REQUEST, {"request": request.id})
        else:
            request.message = f"{request.message}\n{message}"[-MAX_MESSAGE:]
            request.callback_phone = callback_phone or request.callback_phone
            if request.internetaak_uuid:  # already in Open Klant: bring the task up to date
                queue(db, REQUEST_UPDATE, {"request": request.id})
        logger.info("Contactverzoek %s for %s (removed: %s)", request.id, request.department,
                    ", ".join(removed) or "nothing")
        return request.id


def _open_request(db, sender_id: str) -> Optional[ContactRequest]:
    return (db.query(ContactRequest)
            .filter(ContactRequest.sender_id == sender_id, ContactRequest.status == OPEN)
            .order_by(ContactRequest.id.desc()).first())


def mark_handled(sender_id: str, url: Optional[str] = None) -> List[int]:
    """A colleague answered the resident: every open contactverzoek of the conversation is
    `verwerkt`, here and (queued) in Open Klant; the ids."""
    url = url or settings.DATABASE_URL
    ensure_schema(url)
    with session(url) as db:
        found = (db.query(ContactRequest)
                 .filter(ContactRequest.sender_id == sender_id, ContactRequest.status == OPEN)
                 .all())
        for request in found:
            request.status, request.handled_at = HANDLED, utcnow()
            queue(db, REQUEST_DONE, {"request": request.id})
        return [request.id for request in found]


def requests_of(sender_id: str, url: Optional[str] = None) -> List[ContactRequest]:
    """The conversation's contactverzoeken, newest first (for the console)."""
    url = url or settings.DATABASE_URL
    ensure_schema(url)
    with session(url) as db:
        return (db.query(ContactRequest).filter(ContactRequest.sender_id == sender_id)
                .order_by(ContactRequest.id.desc()).all())



def refresh_states(sender_id: str, url: Optional[str] = None) -> int:
    """Read the open contactverzoeken's interne taken back from Open Klant: one a colleague
    closed elsewhere (in KISS) is `verwerkt` here too. How many changed; Open Klant being
    unreachable changes nothing (logged)."""
    from bot.integrations import DeliveryError
    from bot.klantcontacten.delivery import client

    url = url or settings.DATABASE_URL
    changed = 0
    with session(url) as db:
        for request in (db.query(ContactRequest)
                        .filter(ContactRequest.sender_id == sender_id,
                                ContactRequest.status == OPEN,
                                ContactRequest.internetaak_uuid.isnot(None)).all()):
            try:
                task = client().internetaak(request.internetaak_uuid)
            except DeliveryError as error:
                logger.warning("Contactverzoek %s: state not read from Open Klant: %s",
                               request.id, error)
                return changed
            if task.get("status") == HANDLED:
                request.status, request.handled_at = HANDLED, utcnow()
                changed += 1
    return changed
