"""The personal-data register covers everything stored, and the retention job applies it."""
from __future__ import annotations

import asyncio
import datetime as dt
import re

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import select

from bot.register import load_register
from bot.tracker_store import TrackerStore
from bot.reports import db as reports_db
import console.models  # noqa: F401  (the console's tables are registered too)
import bot.channel_models  # noqa: F401  (and the channels' tables)
import bot.klantcontacten.models  # noqa: F401  (and the contactverzoeken)
import bot.webcare.models  # noqa: F401  (and presence, the queue and satisfaction)
from bot.worklist import table as worklist_table
from bot.reports.models import Base, OptOut, OutboxItem, Report
from bot.reports.retention import ANONYMISED_TEXT, apply_retention
from bot.reports.service import NewReport, file_report
from bot.settings import DOMAIN_DIR

FORBIDDEN = re.compile(r"name|naam|bsn|birth|geboorte", re.IGNORECASE)


def stored_columns():
    """The reports database's columns and the conversation table's (tracker database)."""
    tables = Base.metadata.sorted_tables + worklist_table.metadata.sorted_tables
    return {f"{table.name}.{column.name}" for table in tables for column in table.columns}


def test_every_stored_column_is_classified():
    unclassified = stored_columns() - load_register().classified()
    assert not unclassified, f"add to bot/personal_data.yml: {sorted(unclassified)}"


def slot_names():
    """Every slot a tracker can hold, including Rasa's built-in ones."""
    return {slot.name for slot in Domain.load(str(DOMAIN_DIR)).slots}


def test_every_slot_is_classified():
    slots = {f"slot.{name}" for name in slot_names()}
    unclassified = slots - load_register().classified()
    assert not unclassified, f"add to bot/personal_data.yml: {sorted(unclassified)}"


def test_no_name_bsn_or_birth_date_anywhere():
    names = stored_columns() | slot_names() | set(load_register().personal)
    # Staff accounts have a name; residents never do.
    resident_data = {n for n in names if not n.startswith(("staff_users.", "login_attempts."))}
    assert not [n for n in resident_data if FORBIDDEN.search(n)]
    assert "staff_users.name" in names


def test_every_personal_entry_is_complete():
    for name, entry in load_register().personal.items():
        assert entry.what and entry.purpose and entry.legal_ground.startswith("AVG"), name
        assert entry.retention_days > 0, name
        assert entry.after_retention in {"delete", "anonymise"}, name


def test_register_names_only_things_that_exist():
    existing = stored_columns() | {f"slot.{s}" for s in slot_names()} | {"tracker.events"}
    stale = load_register().classified() - existing
    assert not stale, f"register entries for things that no longer exist: {sorted(stale)}"


def _tracker(sender: str, when: dt.datetime) -> DialogueStateTracker:
    tracker = DialogueStateTracker(sender, slots=[])
    tracker.update(UserUttered("er ligt een tegel los", timestamp=when.timestamp()))
    return tracker


def test_retention_with_a_controlled_clock(tmp_path, monkeypatch):
    reports_url = f"sqlite:///{tmp_path / 'reports.db'}"
    reports_db.migrate(reports_url)
    new = dict(category="report_pavement_road", description="tegel los bij Jan op nummer 3",
               location_text="Dorpsstraat 3", street="Dorpsstraat", house_number="3",
               channel="whatsapp", sender_id="whatsapp:+31612345678", photo_url="http://x/p.jpg")
    old_report, _ = file_report(NewReport(**new), url=reports_url, forward=False)
    recent_report, _ = file_report(NewReport(**{**new, "location_text": "Kerkstraat 1"}),
                                   url=reports_url, forward=False)
    now = dt.datetime(2027, 6, 1, 12, 0)
    with reports_db.session(reports_url) as db:
        db.get(Report, old_report.id).created_at = now - dt.timedelta(days=400)
        db.get(Report, recent_report.id).created_at = now - dt.timedelta(days=100)

        for age in (31, 2):
            db.add(OutboxItem(kind="channel_message", channel="sms", recipient="+31612345678",
                              payload='{"text": "Dank u wel"}', delivered_at=now,
                              created_at=now - dt.timedelta(days=age)))
        db.add(OptOut(channel="sms", recipient="+31612345678",
                      created_at=now - dt.timedelta(days=800)))

    tracker_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = TrackerStore(Domain.load(str(DOMAIN_DIR)), dialect="sqlite",
                         db=str(tmp_path / "tracker.db"))  # ours: it keeps conversation rows
    asyncio.run(store.save(_tracker("old-conversation", now - dt.timedelta(days=31))))
    asyncio.run(store.save(_tracker("new-conversation", now - dt.timedelta(days=2))))

    result = apply_retention(now, reports_url=reports_url, tracker_url=tracker_url)

    assert result == {"reports_anonymised": 2, "messages_deleted": 2,
                      "conversations_deleted": 1, "events_deleted": 1}
    with reports_db.session(reports_url) as db:
        old, recent = db.get(Report, old_report.id), db.get(Report, recent_report.id)
    assert (old.description, old.street, old.sender_id, old.photo_url) == (
        ANONYMISED_TEXT, None, None, None)
    assert old.case_number and old.category == "report_pavement_road", "statistics stay"
    assert recent.description == new["description"], "365-day fields are kept at 100 days"
    assert (recent.sender_id, recent.photo_url) == (None, None), "90-day fields are gone"
    assert list(asyncio.run(store.keys())) == ["new-conversation"]
    with store.engine.connect() as connection:
        rows = connection.execute(select(worklist_table.conversations.c.sender_id)).scalars()
        assert list(rows) == ["new-conversation"], "the conversation table's row goes too"
        searchable = connection.execute(select(worklist_table.words.c.sender_id)).scalars()
        assert set(searchable) == {"new-conversation"}, "and its words"
    assert apply_retention(now, reports_url=reports_url, tracker_url=tracker_url) == {
        "reports_anonymised": 0, "messages_deleted": 0, "conversations_deleted": 0,
        "events_deleted": 0}, \
        "a second run changes nothing"
    with reports_db.session(reports_url) as db:
        assert db.query(OutboxItem).filter(OutboxItem.report_id.is_(None)).count() == 1
