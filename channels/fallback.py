"""Another way to the resident when a message did not arrive.

A message that failed for good (Twilio's `failed`/`undelivered` callback, a Telegram
or Meta refusal) is sent again on the fallback channel configured for its channel in
`GA_DELIVERY_FALLBACK` (for example `whatsapp=sms,telegram=sms,messenger=sms`; empty:
no fallback), but only to a resident who consented to updates on a report from that
conversation:

- WhatsApp → SMS goes to the same number;
- Telegram and Messenger have no number: SMS goes to the phone number the resident gave
  with their consent (`reports.contact_phone`), else there is no fallback.

Never to a number that sent STOP on the fallback channel, never for a failure that a
fallback cannot mend or must not (WhatsApp's 24-hour window has its templates; an
invalid number; a resident who unsubscribed), and a fallback message never falls back
itself. A failed WhatsApp template stands for the message it holds: sent by SMS, that
message is not released when the resident writes later; released already, no SMS goes.
What was done is kept with the failed delivery (`channel_deliveries.fallback`) and
shown in the console.
"""
from __future__ import annotations

import logging
import os
from typing import Any, Dict, List, Optional

from bot.reports.db import session
from bot.reports.models import Report
from bot.settings import DATABASE_URL
from bot.tone.render import render, unformat
from bot import channel_store as store

logger = logging.getLogger(__name__)

SETTING = "GA_DELIVERY_FALLBACK"
# Failures a fallback must not answer: WhatsApp's window (a template follows), an
# invalid number, a resident who unsubscribed (21610) or blocked us (Telegram's 403
# "bot was blocked by the user", Meta's 551 "person isn't available").
NOT_FOR = {63016, 21211, 21610}
NOT_FOR_CHANNEL = {"telegram": {403}, "messenger": {551}}
# What the fallback did, besides the name of the channel it sent the message on.
# A failed template's held message: sent by SMS instead ("sms_instead_of_held"), or it
# had gone out on WhatsApp already (store.apply_fallback).
OUTCOMES = ("not_configured", "not_applicable", "no_consent", "no_number", "opted_out",
            f"sms{store.INSTEAD_OF_HELD}", store.RELEASED_ON_WHATSAPP)


def fallback_channels(setting: Optional[str] = None) -> Dict[str, str]:
    """channel → fallback channel from GA_DELIVERY_FALLBACK ("whatsapp=sms,…"); read at
    every failure, so a change needs no restart of the outbox worker."""
    setting = os.environ.get(SETTING, "") if setting is None else setting
    pairs = (entry.split("=", 1) for entry in setting.split(",") if "=" in entry)
    return {source.strip(): target.strip() for source, target in pairs
            if source.strip() and target.strip() == "sms"}


def after_failure(provider_sid: str, url: str = DATABASE_URL) -> List[int]:
    """Apply the fallback to the failed message `provider_sid` once; the outbox ids of
    the fallback messages, delivered right away (empty when there is none)."""
    try:
        failed = store.delivery(provider_sid, url=url)
        if failed is None or failed["fallback"] is not None:
            return []
        outcome, number, parts = _fallback(failed, url)
        applied = store.apply_fallback(provider_sid, outcome, number, parts, url=url)
        if applied is None:
            return []
        outcome, ids = applied
    except Exception:  # the failure stays recorded; the sender's own error must win
        logger.exception("Fallback for failed %s message not applied", provider_sid)
        return []
    logger.info("Failed %s message %s: fallback %s", failed["channel"], provider_sid, outcome)
    if ids:
        from bot.reports.outbox import deliver_due

        try:
            deliver_due(url=url, item_ids=ids)
        except Exception:  # queued: the outbox worker delivers it on its next round
            logger.exception("Fallback for %s queued, not sent yet", provider_sid)
    return ids


def _fallback(failed: Dict[str, Any], url: str) -> tuple:
    """(outcome, number, messages to send there) for one failed message; the outcome is
    the fallback channel when there are messages."""
    target = fallback_channels().get(failed["channel"])
    message = failed["message"]
    if not target:
        return "not_configured", None, []
    if (message is None or message.get("fallback_of") or not failed["recipient"]
            or failed["error_code"] in NOT_FOR
            or failed["error_code"] in NOT_FOR_CHANNEL.get(failed["channel"], ())):
        return "not_applicable", None, []
    consented = _consenting_report(failed["recipient"], url)
    if consented is None:
        return "no_consent", None, []
    number = _number(failed["channel"], failed["recipient"], consented)
    if not number:
        return "no_number", None, []
    if store.is_opted_out(target, number, url=url):
        return "opted_out", None, []
    parts = [{**part.as_dict(), "about": message.get("about", ""),
              "fallback_of": failed["sid"]}
             for part in render(_neutral(message, failed["channel"]), target)]
    return target, number, parts


def _consenting_report(recipient: str, url: str) -> Optional[Dict[str, Any]]:
    """The newest report from this conversation whose resident asked for updates."""
    with session(url) as db:
        report = (db.query(Report).filter(Report.sender_id == recipient,
                                          Report.wants_updates.is_(True),
                                          Report.anonymised_at.is_(None))
                  .order_by(Report.id.desc()).first())
        return {"contact_phone": report.contact_phone} if report else None


def _number(channel: str, recipient: str, report: Dict[str, Any]) -> Optional[str]:
    if channel == "whatsapp":
        return recipient.split(":", 1)[1] if recipient.startswith("whatsapp:") else None
    return report["contact_phone"]


def _neutral(message: Dict[str, Any], channel: str) -> Dict[str, Any]:
    """The sent message in the renderer's own markup, to be rendered for another medium."""
    neutral: Dict[str, Any] = {"text": unformat(str(message.get("text") or ""), channel)}
    if message.get("buttons"):
        neutral["buttons"] = message["buttons"]
    return neutral
