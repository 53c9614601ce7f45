"""Service norms in the console: which waiting conversations are near or over their
target (bot.webcare.norms). For the queue of today's template and of the new lists: call
`for_queue` with the conversations shown and pass the result as `norms`; the partial
_norm.html shows one."""
from __future__ import annotations

import time
from typing import Any, Dict, Iterable, Optional

from bot.webcare.norms import BREACHED, NEAR, NormCheck, conversation_check

LABELS = {BREACHED: "over de norm", NEAR: "bijna over de norm"}


def check_conversation(conversation: Any, now: Optional[float] = None) -> Optional[NormCheck]:
    """The worst norm of a conversation: waiting since its first trigger, replied to at the
    first staff reply after it. Takes console.conversations' conversation (with its
    triggers and reply times) or a row of the conversation table (console.lists.Listed,
    waiting and not yet answered while it is in the queue)."""
    now = now or time.time()
    triggers = getattr(conversation, "triggers", None) or []
    started = conversation.waiting_since or (min(triggers) if triggers else None)
    if started is None:
        return None
    times = conversation.staff_replies if isinstance(conversation.staff_replies, list) else []
    replies = [t for t in times if t >= started]
    last_resume = getattr(conversation, "last_resume", 0.0) or 0.0
    resolved = last_resume if last_resume > started else None
    return conversation_check(conversation.channel or "rest", started, now,
                              replies[0] if replies else None, resolved)


def for_queue(conversations: Iterable[Any], now: Optional[float] = None
              ) -> Dict[str, NormCheck]:
    """sender id → norm check, for the conversations near or over a target only."""
    found = {}
    for conversation in conversations:
        checked = check_conversation(conversation, now)
        if checked is not None and checked.state in LABELS:
            found[conversation.sender_id] = checked
    return found
