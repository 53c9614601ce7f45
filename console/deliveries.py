"""Failed deliveries for webcare: which message did not reach which resident, the
provider's error in plain words (console/delivery_errors.yml) and what the fallback did.

The deliveries themselves are recorded by the channels (bot.channel_store); this module only
reads them and explains them.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

from bot.channel_store import failed_deliveries

ERRORS_FILE = Path(__file__).with_name("delivery_errors.yml")
PROVIDERS = {"whatsapp": "twilio", "sms": "twilio", "telegram": "telegram",
             "messenger": "meta"}
CHANNEL_NAMES = {"whatsapp": "WhatsApp", "sms": "sms", "telegram": "Telegram",
                 "messenger": "Messenger"}


@lru_cache(maxsize=1)
def explanations() -> Dict[str, Any]:
    return yaml.safe_load(ERRORS_FILE.read_text(encoding="utf-8"))


def explain(channel: str, code: Optional[int]) -> str:
    """The provider's error in plain words for staff."""
    words = explanations()
    known = words.get(PROVIDERS.get(channel, ""), {}) or {}
    return known.get(code) or words["unknown"]


def fallback_text(outcome: Optional[str], status: Optional[str]) -> str:
    words = explanations()
    text = words["fallback"].get(outcome or "none") or words["fallback"]["none"]
    if status:
        text += f" De sms is {words['fallback_status'].get(status, status)}."
    return text


def failures(url: str, recipient: Optional[str] = None,
             limit: int = 100) -> List[Dict[str, Any]]:
    """Failed deliveries, newest first, with the words the console shows."""
    return [{**failure, "channel_name": CHANNEL_NAMES.get(failure["channel"],
                                                          failure["channel"]),
             "plain": explain(failure["channel"], failure["error_code"]),
             "fallback_words": fallback_text(failure["fallback"], failure["fallback_status"])}
            for failure in failed_deliveries(limit=limit, recipient=recipient, url=url)]
