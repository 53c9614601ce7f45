"""The console's part in Open Klant: what ending a takeover (hand back, finish, or the idle
sweep) registers as a klantcontact, and the state of the contactverzoeken a conversation
has (bot.klantcontacten does the work).

Ending a takeover and queueing its klantcontact is one transaction with a conditional
delete of the takeover, so of two that end the same takeover (a double click, the agent and
the idle sweep) exactly one registers it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Dict, List, Optional

from bot.klantcontacten import contactverzoek
from bot.klantcontacten.contacts import (OUTCOMES, UNKNOWN, Agent, HandledConversation,
                                         queue_contact)
from bot.klantcontacten.models import ContactRequest
from bot.klantcontacten.subjects import KCC, subject_of
from bot.reports.db import session
from bot.reports.models import utcnow
from console.conversations import conversations, transcript
from console.models import Takeover

MONTH_HOURS = 24 * 30

STATE = {"te_verwerken": "open", "verwerkt": "verwerkt"}


def handled(sender: str, outcome: str, tracker_url: str,
            db_url: str) -> Optional[HandledConversation]:
    """The conversation as the agent who took it over handled it; None without a takeover
    (or when Open Klant is not configured)."""
    if not contactverzoek.enabled():
        return None
    with session(db_url) as db:
        takeover = db.get(Takeover, sender)
        if takeover is None:
            return None
        agent = Agent(takeover.user.name, takeover.user.username)
        taken_at = takeover.taken_at
    found = next(iter(conversations(tracker_url, hours=MONTH_HOURS, sender=sender)), None)
    since = found.last_resume if found else 0.0
    lines = [line for line in transcript(tracker_url, sender) if line.at > since]
    # The resident's own words: what they typed for a button rather than its payload.
    resident = [line.typed or line.text for line in lines if line.kind == "user"]
    subject = subject_of(list(reversed(resident)), db_url)
    case_number = found.case_number if found else None
    title = f"Melding {case_number}" if subject == KCC and case_number else subject.title
    return HandledConversation(
        sender_id=sender, channel=(found.channel if found else "") or "rest", subject=title,
        agent=agent, started_at=taken_at, resident_said=resident,
        agent_said=[line.text for line in lines if line.kind == "staff"],
        case_number=case_number,
        outcome=outcome if outcome in OUTCOMES or outcome == UNKNOWN else None)


@dataclass(frozen=True)
class Ended:
    """A takeover this call ended: the outcome registered ("" for none), and whether a
    klantcontact was queued for Open Klant."""

    outcome: str
    registered: bool


def end_takeover(sender: str, contact: Optional[HandledConversation],
                 db_url: str) -> Optional[Ended]:
    """End the conversation's takeover and queue its klantcontact (`handled`, read before
    the bot was resumed: the resume event ends what the agent handled), at once; None when
    there was no takeover (left) to end."""
    with session(db_url) as db:
        takeover = db.get(Takeover, sender)
        if takeover is None:
            return None
        taken_at = contact.started_at if contact is not None else takeover.taken_at
        ended = (db.query(Takeover)
                 .filter(Takeover.sender_id == sender, Takeover.taken_at == taken_at)
                 .delete(synchronize_session=False))
        if ended != 1:
            return None  # ended meanwhile (and perhaps taken again) by someone else
        registered = contact is not None and queue_contact(db, contact) is not None
    return Ended(contact.outcome or "" if contact else "", registered)


def idle_takeovers(tracker_url: str, db_url: str, idle: dt.timedelta,
                   now: Optional[dt.datetime] = None) -> List[str]:
    """Taken-over conversations in which nothing happened (no message of the resident or
    the agent) for `idle`: the agent forgot to finish them."""
    cutoff = (now or utcnow()) - idle
    with session(db_url) as db:
        taken = [(t.sender_id, t.taken_at) for t in
                 db.query(Takeover).filter(Takeover.taken_at <= cutoff)]
    found = []
    for sender, taken_at in taken:
        conversation = next(iter(conversations(tracker_url, hours=MONTH_HOURS, sender=sender)),
                            None)
        last = max(_epoch(taken_at), conversation.last_activity if conversation else 0.0)
        if last <= _epoch(cutoff):
            found.append(sender)
    return found


def _epoch(moment: dt.datetime) -> float:
    return moment.replace(tzinfo=dt.timezone.utc).timestamp()


def requests(sender: str, db_url: str) -> List[dict]:
    """The conversation's contactverzoeken for its page: department, subject and state."""
    if not contactverzoek.enabled():
        return []
    return [_shown(r) for r in contactverzoek.requests_of(sender, db_url)]


def refresh(sender: str, db_url: str) -> None:
    """A task a colleague closed in Open Klant itself (KISS) is `verwerkt` here too; read
    when the conversation's page opens, not on every live update of its transcript."""
    if contactverzoek.enabled():
        contactverzoek.refresh_states(sender, db_url)


def open_requests(senders: List[str], db_url: str) -> Dict[str, dict]:
    """The newest contactverzoek of each queued conversation (for the queue)."""
    if not contactverzoek.enabled() or not senders:
        return {}
    with session(db_url) as db:
        found = (db.query(ContactRequest).filter(ContactRequest.sender_id.in_(senders))
                 .order_by(ContactRequest.id).all())
        return {r.sender_id: _shown(r) for r in found}


def _shown(request: ContactRequest) -> dict:
    return {"department": request.department_label, "subject": request.subject,
            "state": STATE.get(request.status, request.status),
            "in_openklant": bool(request.internetaak_uuid),
            "callback_phone": request.callback_phone,
            "since": request.created_at.replace(tzinfo=dt.timezone.utc).timestamp()}
