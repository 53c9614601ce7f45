"""A conversation a webcare agent handled, as a klantcontact for Open Klant (queued).

What is registered is what the resident may see (the Klantinteracties standard: a
klantcontact's inhoud and reactie are what was exchanged): the resident's words and the
agent's answers, scrubbed of names, BSN, dates of birth, IBANs, phone numbers and e-mail
addresses (`bot.reading.privacy`). No partij: the resident is a betrokkene without name.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Sequence

from sqlalchemy.orm import Session

from bot import settings
from bot.klantcontacten.delivery import CONTACT, queue
from bot.klantcontacten.kanalen import kanaal
from bot.reading.privacy import scrub
from bot.reports.db import ensure_schema, session

logger = logging.getLogger(__name__)

# The outcomes an agent chooses when handing back: label, and whether contact succeeded.
OUTCOMES: Dict[str, tuple] = {
    "beantwoord": ("Vraag beantwoord", True),
    "doorverwezen": ("Doorverwezen naar een afdeling of instantie", True),
    "melding": ("Melding gemaakt of aangevuld", True),
    "terugbellen": ("Inwoner wordt teruggebeld", True),
    "geen_reactie": ("Inwoner reageerde niet meer", False),
}
# The outcome of a taken-over conversation nobody finished (the console's idle sweep): the
# standard's indicatieContactGelukt is "indien bekend", so it is left out.
UNKNOWN = "onbekend"
UNKNOWN_OUTCOME = ("Onbekend: gesprek niet afgerond in de webcare-console", None)
MAX_INHOUD, MAX_REACTIE = 960, 4000  # inhoud: 1000, less room for the marker (delivery)


@dataclass(frozen=True)
class Agent:
    """The webcare colleague, as Open Klant's medewerker actor."""

    naam: str
    gebruikersnaam: str


@dataclass(frozen=True)
class HandledConversation:
    """What the console knows when an agent hands a conversation back."""

    sender_id: str
    channel: str
    subject: str
    agent: Agent
    started_at: dt.datetime                      # UTC, when the agent took over
    resident_said: Sequence[str] = field(default_factory=tuple)
    agent_said: Sequence[str] = field(default_factory=tuple)
    case_number: Optional[str] = None
    outcome: Optional[str] = None                # a key of OUTCOMES
    language: str = "nld"


def klantcontact(conversation: HandledConversation) -> Dict[str, Any]:
    """The klantcontact's body (Klantinteracties `klantcontacten` POST)."""
    label, succeeded = outcome_of(conversation.outcome)
    body: Dict[str, Any] = {
        "kanaal": kanaal(conversation.channel),
        "onderwerp": conversation.subject[:200],
        "inhoud": _visible(conversation.resident_said, MAX_INHOUD),
        "reactie": _visible(conversation.agent_said, MAX_REACTIE),
        "taal": conversation.language,
        "vertrouwelijk": False,
        "plaatsgevondenOp": conversation.started_at.replace(tzinfo=dt.timezone.utc)
        .isoformat().replace("+00:00", "Z"),
        "metadata": {"bron": "webcare chatbot"},
    }
    if label:
        body["metadata"]["uitkomst"] = label
    if succeeded is not None:
        body["indicatieContactGelukt"] = succeeded
    return body


def outcome_of(key: Optional[str]) -> tuple:
    """(label, contact succeeded) of an outcome key; (None, None) for none."""
    if key == UNKNOWN:
        return UNKNOWN_OUTCOME
    return OUTCOMES.get(key or "", (None, None))


def _visible(lines: Sequence[str], limit: int) -> str:
    """The lines without personal data, the newest kept when they are too long."""
    kept = [text for text, _ in (scrub(" ".join(line.split())) for line in lines) if text]
    joined = "\n".join(kept)
    return joined if len(joined) <= limit else "…" + joined[-(limit - 1):]


def payload(conversation: HandledConversation) -> Dict[str, Any]:
    """The outbox payload: the body, the agent and the report to link."""
    agent = conversation.agent
    return {"klantcontact": klantcontact(conversation), "case_number": conversation.case_number,
            "agent": {"naam": agent.naam[:200], "gebruikersnaam": agent.gebruikersnaam}}


def register_contact(conversation: HandledConversation,
                     url: Optional[str] = None) -> Optional[int]:
    """Queue the klantcontact for Open Klant; the outbox item's id (None when Open Klant is
    not configured)."""
    if not settings.OPENKLANT_URL:
        return None
    url = url or settings.DATABASE_URL
    ensure_schema(url)
    with session(url) as db:
        return queue_contact(db, conversation)


def queue_contact(db: Session, conversation: HandledConversation) -> Optional[int]:
    """Queue the klantcontact in the caller's transaction (so it is queued exactly when
    the caller's other change, ending the takeover, is made); None without Open Klant."""
    if not settings.OPENKLANT_URL:
        return None
    item = queue(db, CONTACT, payload(conversation))
    db.flush()
    logger.info("Klantcontact for a %s conversation queued (outbox item %s)",
                conversation.channel, item.id)
    return item.id


def outcome_choices() -> List[tuple]:
    """(key, label) for the console's hand-back form."""
    return [(key, label) for key, (label, _) in OUTCOMES.items()]
