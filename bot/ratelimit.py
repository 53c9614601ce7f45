"""A per-sender limit on incoming messages, so one sender cannot flood the bot.

Counted per process (each instance keeps its own window): enough to stop a script
or a stuck key, with a polite answer instead of silence.
"""
from __future__ import annotations

import os
import threading
import time
from collections import deque
from typing import Callable, Deque, Dict

LIMIT = int(os.environ.get("GA_RATE_LIMIT", "20"))  # messages per sender per window
WINDOW = float(os.environ.get("GA_RATE_WINDOW", "60"))  # seconds
MAX_SENDERS = 50_000


class SenderLimit:
    def __init__(self, limit: int = LIMIT, window: float = WINDOW,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._seen: Dict[str, Deque[float]] = {}
        self._warned: Dict[str, float] = {}
        self._lock = threading.Lock()

    def allow(self, sender: str) -> bool:
        """Count one message; False when the sender is over the limit."""
        now = self.clock()
        with self._lock:
            if len(self._seen) > MAX_SENDERS:
                self._forget_quiet(now)
            times = self._seen.setdefault(sender, deque())
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.limit:
                return False
            times.append(now)
            return True

    def first_refusal(self, sender: str) -> bool:
        """True once per window, so the polite answer is not itself a flood."""
        now = self.clock()
        with self._lock:
            if now - self._warned.get(sender, -self.window) < self.window:
                return False
            self._warned[sender] = now
            return True

    def _forget_quiet(self, now: float) -> None:
        for sender in [s for s, t in self._seen.items() if not t or t[-1] <= now - self.window]:
            del self._seen[sender]
            self._warned.pop(sender, None)


senders = SenderLimit()
