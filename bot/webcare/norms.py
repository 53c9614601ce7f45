"""Service norms: is a conversation within its target for first reply and resolution?

Targets come from the profile (service_norms) per channel and count office time only:
a WhatsApp message on Friday evening with a 24h target is due 24 opening hours later,
not on Saturday evening. Times may be aware datetimes or epoch seconds (the console's).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional, Union

from bot.profile import Profile, profile

FIRST_REPLY, RESOLUTION = "first_reply", "resolution"
WITHIN, NEAR, BREACHED = "within", "near", "breached"
SEVERITY = {WITHIN: 0, NEAR: 1, BREACHED: 2}
Moment = Union[dt.datetime, float]


@dataclass(frozen=True)
class NormCheck:
    kind: str  # first_reply or resolution
    state: str  # within, near or breached
    used: dt.timedelta  # office time taken so far (or until done)
    target: dt.timedelta
    done: bool

    @property
    def share(self) -> float:
        return self.used / self.target if self.target else 1.0


def _aware(moment: Moment) -> dt.datetime:
    if isinstance(moment, (int, float)):
        return dt.datetime.fromtimestamp(moment, dt.timezone.utc)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def check(kind: str, channel: str, started: Moment, now: Moment,
          done_at: Optional[Moment] = None,
          municipality: Optional[Profile] = None) -> NormCheck:
    """The norm of `kind` for a conversation on `channel` that started waiting at
    `started`; `done_at` when it was replied to (or resolved)."""
    municipality = municipality or profile()
    norms = municipality.service_norms
    target = norms.target(kind, channel or "rest")
    end = _aware(done_at) if done_at is not None else _aware(now)
    used = municipality.office_time(_aware(started), end)
    if used > target:
        state = BREACHED
    elif done_at is None and used >= target * norms.near_breach:
        state = NEAR
    else:
        state = WITHIN
    return NormCheck(kind, state, used, target, done_at is not None)


def worst(*checks: Optional[NormCheck]) -> Optional[NormCheck]:
    """The check that needs attention most (breached over near over within)."""
    found = [c for c in checks if c is not None]
    return max(found, key=lambda c: (SEVERITY[c.state], c.share)) if found else None


def conversation_check(channel: str, waiting_since: Optional[Moment], now: Moment,
                       first_reply_at: Optional[Moment] = None,
                       resolved_at: Optional[Moment] = None,
                       municipality: Optional[Profile] = None) -> Optional[NormCheck]:
    """The worst of both norms for a conversation waiting since `waiting_since` (None: it
    never waited for a colleague, so no norm applies)."""
    if waiting_since is None:
        return None
    return worst(check(FIRST_REPLY, channel, waiting_since, now, first_reply_at, municipality),
                 check(RESOLUTION, channel, waiting_since, now, resolved_at, municipality))
