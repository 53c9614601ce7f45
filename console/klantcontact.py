"""The console's part in Open Klant: what a hand-back registers as a klantcontact, and the
state of the contactverzoeken a conversation has (bot.klantcontacten does the work)."""
from __future__ import annotations

import datetime as dt
from typing import Dict, List, Optional

from bot.klantcontacten import contactverzoek
from bot.klantcontacten.contacts import OUTCOMES, Agent, HandledConversation
from bot.klantcontacten.models import ContactRequest
from bot.klantcontacten.subjects import KCC, subject_of
from bot.reports.db import session
from console.conversations import conversations, transcript
from console.models import Takeover

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
    found = next(iter(conversations(tracker_url, hours=24 * 30, sender=sender)), None)
    since = found.last_resume if found else 0.0
    lines = [line for line in transcript(tracker_url, sender) if line.at > since]
    resident = [line.text for line in lines if line.kind == "user"]
    subject = subject_of(list(reversed(resident)), db_url)
    case_number = found.case_number if found else None
    title = f"Melding {case_number}" if subject == KCC and case_number else subject.title
    return HandledConversation(
        sender_id=sender, channel=(found.channel if found else "") or "rest", subject=title,
        agent=agent, started_at=taken_at, resident_said=resident,
        agent_said=[line.text for line in lines if line.kind == "staff"],
        case_number=case_number, outcome=outcome if outcome in OUTCOMES else None)


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
            "since": request.created_at.replace(tzinfo=dt.timezone.utc).timestamp()}
