"""bot.lock_store against a real Redis: one turn per conversation at a time, tickets that
two instances take at once stay distinct, Rasa's lock format, and no Redis call on the
event loop."""
from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Iterator, List

import pytest
from rasa.core.lock_store import RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.lock_store import LockStore
from tests.services import RedisServer

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def redis() -> Iterator[RedisServer]:
    server = RedisServer().start()
    yield server
    server.stop()


def _store(redis: RedisServer) -> LockStore:
    return LockStore(EndpointConfig(url="127.0.0.1", port=redis.port, db=3,
                                    key_prefix="test"))


def test_turns_of_one_conversation_take_turns(redis: RedisServer) -> None:
    store, order = _store(redis), []

    async def turn(name: str, seconds: float) -> None:
        async with store.lock("one", wait_time_in_seconds=0.02):
            order.append(f"{name} in")
            await asyncio.sleep(seconds)
            order.append(f"{name} out")

    async def both() -> None:
        first = asyncio.create_task(turn("first", 0.2))
        await asyncio.sleep(0.05)
        await asyncio.gather(first, turn("second", 0))

    asyncio.run(both())
    assert order == ["first in", "first out", "second in", "second out"]
    assert store.get_lock("one") is None  # given back: nobody waits


def test_other_conversations_do_not_wait(redis: RedisServer) -> None:
    store, order = _store(redis), []

    async def turn(conversation: str, seconds: float) -> None:
        async with store.lock(conversation, wait_time_in_seconds=0.02):
            order.append(f"{conversation} in")
            await asyncio.sleep(seconds)
            order.append(f"{conversation} out")

    async def both() -> None:
        await asyncio.gather(turn("a", 0.2), turn("b", 0))

    asyncio.run(both())
    assert order.index("b out") < order.index("a out")


def test_tickets_taken_at_once_are_distinct(redis: RedisServer) -> None:
    """Many instances taking a ticket for one conversation at the same moment."""
    stores = [_store(redis) for _ in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        tickets = list(pool.map(lambda n: stores[n % 8]._take_ticket("busy", 60)[0],
                                range(64)))
    assert sorted(tickets) == list(range(64))
    assert len(stores[0].get_lock("busy").tickets) == 64
    for ticket in tickets:
        stores[0]._give_back("busy", ticket)
    assert stores[0].get_lock("busy") is None


def test_rasas_store_reads_the_lock_while_a_turn_runs(redis: RedisServer) -> None:
    store = _store(redis)
    rasas = RedisLockStore(host="127.0.0.1", port=redis.port, db=3, key_prefix="test")
    seen: List = []

    async def turn() -> None:
        async with store.lock("shared"):
            seen.append(rasas.get_lock("shared"))

    asyncio.run(turn())
    assert seen[0] is not None and seen[0].is_someone_waiting()
    assert rasas.get_lock("shared") is None


def test_redis_is_called_off_the_event_loop(redis: RedisServer) -> None:
    store, threads = _store(redis), []
    transaction = store.red.transaction

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread())
        return transaction(*args, **kwargs)

    store.red.transaction = recorded

    async def turn() -> threading.Thread:
        async with store.lock("loop"):
            pass
        return threading.current_thread()

    loop_thread = asyncio.run(turn())
    assert len(threads) == 2 and loop_thread not in threads
