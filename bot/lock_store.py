"""Rasa's Redis lock store, with the Redis work off the event loop and atomic.

Rasa's RedisLockStore (rasa/core/lock_store.py, Rasa 3.6) calls Redis with the blocking
client on the event loop: seven round trips a turn to take a ticket, check it and give it
back, and no other conversation of the worker moves while one waits for Redis. Here
taking a ticket and giving it back are one call each, in a thread, and each is a Redis
transaction (WATCH/MULTI/EXEC), so two instances cannot hand out the same ticket, which
Rasa's get-then-set allows. The keys and the lock format are Rasa's.

Use it in endpoints.yml with the keys of Rasa's `type: redis`:
`lock_store: {type: bot.lock_store.LockStore, url: …, port: …, db: …, key_prefix: …}`.
"""
from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Optional, Text, Tuple

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig


class LockStore(RedisLockStore):
    """RedisLockStore whose turns take and give back their ticket in one thread call."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    @asynccontextmanager
    async def lock(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncGenerator[TicketLock, None]:
        ticket, lock = await asyncio.to_thread(self._take_ticket, conversation_id,
                                               lock_lifetime)
        try:
            if lock.is_locked(ticket):
                lock = await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
            yield lock
        finally:
            await asyncio.to_thread(self._give_back, conversation_id, ticket)

    async def _acquire_lock(self, conversation_id: Text, ticket: int,
                            wait_time_in_seconds: float) -> TicketLock:
        """Rasa's wait for an earlier turn of the conversation, looking in a thread."""
        while True:
            lock = await asyncio.to_thread(self.get_lock, conversation_id)
            if not lock:  # expired meanwhile, as in Rasa
                raise LockError(f"Could not acquire lock for conversation_id "
                                f"'{conversation_id}'.")
            if not lock.is_locked(ticket):
                return lock
            await asyncio.sleep(wait_time_in_seconds)
            await asyncio.to_thread(self.update_lock, conversation_id)

    def _take_ticket(self, conversation_id: Text, lifetime: float) -> Tuple[int, TicketLock]:
        key = self.key_prefix + conversation_id

        def take(pipe: Any) -> Tuple[int, TicketLock]:
            lock = _read(pipe, key) or self.create_lock(conversation_id)
            ticket = lock.issue_ticket(lifetime)
            pipe.multi()
            pipe.set(key, lock.dumps())
            return ticket, lock

        try:
            return self.red.transaction(take, key, value_from_callable=True)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def _give_back(self, conversation_id: Text, ticket: int) -> None:
        """Rasa's cleanup: the ticket is served; the lock goes when nobody else waits."""
        key = self.key_prefix + conversation_id

        def give_back(pipe: Any) -> None:
            lock = _read(pipe, key)
            pipe.multi()
            if lock:
                lock.remove_ticket_for(ticket)
            if lock and lock.is_someone_waiting():
                pipe.set(key, lock.dumps())
            else:
                pipe.delete(key)

        self.red.transaction(give_back, key)


def _read(pipe: Any, key: str) -> Optional[TicketLock]:
    serialised = pipe.get(key)
    return TicketLock.from_dict(json.loads(serialised)) if serialised else None
