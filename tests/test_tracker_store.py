"""bot.tracker_store.TrackerStore: Rasa's SQL tables, read and written the same way."""
from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore, create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, SessionStarted, SlotSet, UserUttered)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import read_endpoint_config

from bot.settings import DOMAIN_DIR, ROOT
from bot.tracker_store import STORED, TrackerStore, create_tables


@pytest.fixture(scope="module")
def rasa_domain() -> Domain:
    return Domain.load(str(DOMAIN_DIR))


def _store(path: Path, domain: Domain) -> TrackerStore:
    return TrackerStore(domain=domain, dialect="sqlite", db=str(path))


def _turn(text: str, timestamp: float) -> list:
    return [UserUttered(text, {"name": "greeting", "confidence": 1.0}, timestamp=timestamp),
            ActionExecuted("utter_greeting", timestamp=timestamp + 0.1),
            ActionExecuted("action_listen", timestamp=timestamp + 0.2)]


def test_endpoints_files_name_this_store(tmp_path):
    """Rasa falls back to an in-memory store when a custom class cannot be loaded."""
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")
    config.kwargs["db"] = str(tmp_path / "tracker.db")
    assert isinstance(create_tracker_store(config, Domain.empty()), TrackerStore)
    assert "bot.tracker_store.TrackerStore" in (ROOT / "endpoints.production.yml").read_text()


def test_written_events_read_back_by_rasa_own_store(tmp_path, rasa_domain):
    store = _store(tmp_path / "t.db", rasa_domain)
    tracker = DialogueStateTracker.from_events("r1", [ActionExecuted("action_listen", timestamp=1)]
                                               + _turn("hallo", 2), rasa_domain.slots)
    asyncio.run(store.save(tracker))
    again = asyncio.run(store.retrieve("r1"))
    again.update_with_events([SlotSet("report_location", "Kerkstraat 12", timestamp=3)]
                             + _turn("nog iets", 4), rasa_domain)
    asyncio.run(store.save(again))
    asyncio.run(store.save(again))  # saving twice adds nothing

    rasa_own = SQLTrackerStore(domain=rasa_domain, dialect="sqlite", db=str(tmp_path / "t.db"))
    theirs = asyncio.run(rasa_own.retrieve("r1"))
    ours = asyncio.run(store.retrieve("r1"))
    assert [e.as_dict() for e in ours.events] == [e.as_dict() for e in theirs.events]
    assert len(ours.events) == 8
    assert ours.get_slot("report_location") == "Kerkstraat 12"


def test_a_tracker_not_read_from_the_store_is_counted_in_the_database(tmp_path, rasa_domain):
    store = _store(tmp_path / "t.db", rasa_domain)
    first = DialogueStateTracker.from_events("r2", _turn("hallo", 1), rasa_domain.slots)
    asyncio.run(store.save(first))
    rebuilt = DialogueStateTracker.from_events("r2", _turn("hallo", 1) + _turn("hoi", 5),
                                               rasa_domain.slots)
    assert not hasattr(rebuilt, STORED)
    asyncio.run(store.save(rebuilt))
    assert len(asyncio.run(store.retrieve("r2")).events) == 6


def test_a_new_conversation_is_saved_without_counting(tmp_path, rasa_domain, monkeypatch):
    store = _store(tmp_path / "t.db", rasa_domain)
    monkeypatch.setattr(TrackerStore, "_event_query", lambda *args: pytest.fail("counted"))
    # as Rasa's MessageProcessor does: the new tracker is saved empty
    tracker = asyncio.run(store.get_or_create_tracker("r4", append_action_listen=False))
    tracker.update_with_events(_turn("hallo", 1), rasa_domain)
    asyncio.run(store.save(tracker))
    assert len(asyncio.run(store.retrieve("r4")).events) == 3


def test_only_the_latest_session_is_read(tmp_path, rasa_domain):
    store = _store(tmp_path / "t.db", rasa_domain)
    tracker = DialogueStateTracker.from_events("r3", _turn("oud", 1), rasa_domain.slots)
    asyncio.run(store.save(tracker))
    tracker = asyncio.run(store.retrieve("r3"))
    tracker.update_with_events([ActionExecuted("action_session_start", timestamp=10),
                                SessionStarted(timestamp=10)] + _turn("nieuw", 11), rasa_domain)
    asyncio.run(store.save(tracker))
    latest = asyncio.run(store.retrieve("r3"))
    assert [e.text for e in latest.events if isinstance(e, UserUttered)] == ["nieuw"]
    full = asyncio.run(store.retrieve_full_tracker("r3"))
    assert [e.text for e in full.events if isinstance(e, UserUttered)] == ["oud", "nieuw"]
    assert asyncio.run(store.retrieve("nobody")) is None


def test_sqlite_runs_in_wal_mode(tmp_path, rasa_domain):
    store = _store(tmp_path / "t.db", rasa_domain)
    asyncio.run(store.save(DialogueStateTracker.from_events("r4", _turn("hallo", 1),
                                                            rasa_domain.slots)))
    with sqlite3.connect(tmp_path / "t.db") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_tables_created_before_rasa_starts(tmp_path):
    """So that several Sanic workers starting side by side find them in place."""
    db = tmp_path / "tracker.db"
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: bot.tracker_store.TrackerStore\n"
                         f"  dialect: sqlite\n  db: {db}\n")
    create_tables(str(endpoints))
    tables = sqlite3.connect(db).execute("SELECT name FROM sqlite_master WHERE type='table'")
    assert "events" in {name for (name,) in tables}


def test_the_folder_of_a_sqlite_file_is_made(tmp_path, rasa_domain):
    """endpoints.yml names var/tracker.db; with GA_VAR_DIR elsewhere, var/ may be missing."""
    path = tmp_path / "not" / "yet" / "tracker.db"
    asyncio.run(_store(path, rasa_domain).save(
        DialogueStateTracker.from_events("r5", _turn("hallo", 1), rasa_domain.slots)))
    assert path.exists()
