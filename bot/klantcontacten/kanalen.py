"""The resident's channel as Open Klant's `kanaal`, and as the way back (a digitaal adres)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from bot import settings

KANALEN = {"whatsapp": "WhatsApp", "sms": "SMS", "telegram": "Telegram",
           "messenger": "Facebook Messenger", "webchat": "Chat", "rest": "Chat"}
PHONE_CHANNELS = ("whatsapp", "sms")


def kanaal(channel: str) -> str:
    """Open Klant's kanaal (≤ 50 characters) for one of our channels: the municipality's
    Referentielijsten code when OPENKLANT_KANALEN names one, else our name for it."""
    codes = dict(pair.split("=", 1) for pair in settings.OPENKLANT_KANALEN.split(",")
                 if "=" in pair)
    name = codes.get(channel) or KANALEN.get(channel) or (channel or "Chat").capitalize()
    return name.strip()[:50]


@dataclass(frozen=True)
class WayBack:
    """A digitaal adres: `soort` (telefoonnummer or overig), `adres`, `omschrijving`."""

    soort: str
    adres: str
    omschrijving: str


def way_back(channel: str, sender_id: str, callback_phone: Optional[str] = None) -> WayBack:
    """How a colleague answers: the number the resident asked to be called back on, the
    number a WhatsApp or SMS resident writes from, else the conversation in the webcare
    console (Telegram, Messenger and web chat have no number)."""
    if callback_phone:
        return WayBack("telefoonnummer", callback_phone, "terugbellen")
    if channel in PHONE_CHANNELS:
        number = sender_id.split(":", 1)[-1]
        return WayBack("telefoonnummer", number, f"{kanaal(channel)} (chatbot)")
    return WayBack("overig", sender_id[:80], f"{kanaal(channel)}-gesprek in webcare"[:40])
