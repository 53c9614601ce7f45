"""Fill the conversation table once from the events of an existing tracker database:
`python -m bot.worklist.backfill [endpoints.yml]` (rows already there are rebuilt)."""
from __future__ import annotations

import json
import sys
from itertools import groupby
from typing import Iterator, List, Tuple

from sqlalchemy import bindparam, create_engine, text
from sqlalchemy.engine import Engine

from bot.worklist.record import record
from bot.worklist.table import conversations, ensure_table, words

BATCH = 500  # conversations per transaction


def backfill(engine: Engine) -> int:
    """Rebuild every conversation's row from its events; the number of rows. Read in
    batches of senders, so no reader holds SQLite's lock while a batch is written."""
    ensure_table(engine)
    with engine.connect() as reader:
        senders = list(reader.execute(text("SELECT DISTINCT sender_id FROM events")).scalars())
    for start in range(0, len(senders), BATCH):
        _write(engine, list(_events_of(engine, senders[start:start + BATCH])))
    return len(senders)


def _events_of(engine: Engine, senders: List[str]) -> Iterator[Tuple[str, list]]:
    query = (text("SELECT sender_id, data FROM events WHERE sender_id IN :senders "
                  "ORDER BY sender_id, id").bindparams(bindparam("senders", expanding=True)))
    with engine.connect() as reader:
        rows = list(reader.execute(query, {"senders": senders}))
    for sender_id, group in groupby(rows, key=lambda row: row[0]):
        yield sender_id, [json.loads(data or "{}") for _, data in group]


def _write(engine: Engine, batch: List[Tuple[str, list]]) -> int:
    with engine.begin() as connection:
        for sender_id, events in batch:
            connection.execute(conversations.delete().where(
                conversations.c.sender_id == sender_id))
            connection.execute(words.delete().where(words.c.sender_id == sender_id))
            record(connection, sender_id, events)
    return len(batch)


def main() -> None:
    from bot.reports.retention import tracker_store_url
    from bot.settings import ENDPOINTS_FILE

    url = tracker_store_url(sys.argv[1] if len(sys.argv) > 1 else ENDPOINTS_FILE)
    if url is None:
        sys.exit("error: no SQL tracker store in the endpoints file")
    print(f"{backfill(create_engine(url, future=True))} conversations")


if __name__ == "__main__":
    main()
