"""The conversation table (bot/worklist): rows kept up to date as the tracker store saves
events, the lifecycle colleagues give them, round robin, and the console's paged lists."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, BotUttered, ConversationPaused,
                                     ConversationResumed, SlotSet, UserUttered)
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine

from bot.settings import DOMAIN_DIR
from bot.tracker_store import TrackerStore
from bot.worklist import lifecycle
from bot.worklist.backfill import backfill
from bot.worklist.lifecycle import Member
from bot.worklist.record import stored_row
from console import lists

T0 = 1_700_000_000.0


@pytest.fixture(scope="module")
def rasa_domain() -> Domain:
    return Domain.load(str(DOMAIN_DIR))


class Store:
    """Our tracker store on a fresh SQLite file; `say` saves a turn as Rasa does."""

    def __init__(self, path: Path, domain: Domain) -> None:
        self.store = TrackerStore(domain=domain, dialect="sqlite", db=str(path))
        self.domain, self.url = domain, f"sqlite:///{path}"
        self.engine = create_engine(self.url, future=True)

    def save(self, sender: str, *events) -> None:
        tracker = asyncio.run(self.store.retrieve(sender)) or DialogueStateTracker.from_events(
            sender, [], self.domain.slots)
        tracker.update_with_events(list(events), self.domain, override_timestamp=False)
        asyncio.run(self.store.save(tracker))

    def user(self, sender: str, at: float, text: str, intent: str = "greeting",
             channel: str = "whatsapp") -> None:
        self.save(sender, UserUttered(text, {"name": intent, "confidence": 1.0},
                                      timestamp=T0 + at, input_channel=channel))

    def action(self, sender: str, at: float, name: str) -> None:
        self.save(sender, ActionExecuted(name, timestamp=T0 + at),
                  ActionExecuted("action_listen", timestamp=T0 + at + 0.1))

    def row(self, sender: str) -> dict:
        with self.engine.connect() as connection:
            return stored_row(connection, sender)


@pytest.fixture
def store(tmp_path, rasa_domain) -> Store:
    return Store(tmp_path / "tracker.db", rasa_domain)


def test_a_user_message_makes_a_row_with_channel_and_previews(store):
    store.user("r1", 0, "Mijn   container is niet geleegd")
    store.user("r1", 60, "Het is de groene", channel="whatsapp")
    row = store.row("r1")
    assert row["channel"] == "whatsapp" and row["status"] == "pending"
    assert row["first_message"] == "Mijn container is niet geleegd"
    assert row["last_user_text"] == "Het is de groene"
    assert row["user_messages"] == 2 and row["started_at"] == T0
    assert row["last_activity"] == T0 + 60 and row["waiting_since"] is None


def test_a_handover_trigger_puts_it_in_the_queue(store):
    store.user("r2", 0, "Ik wil een medewerker", intent="ask_human")
    store.action("r2", 1, "action_contact_human")
    row = store.row("r2")
    assert row["waiting_since"] == T0 + 1 and row["status"] == "open"
    assert row["reasons"] == "ask_human" and row["last_intent"] == "ask_human"
    store.user("r2", 5, "Ik heb een klacht", intent="complaint")
    row = store.row("r2")
    assert row["waiting_since"] == T0 + 1, "waiting since the first trigger"
    assert row["reasons"] == "ask_human,complaint" and row["priority"] == 1


def test_pause_and_resume_take_it_out_of_the_queue_and_hand_it_back(store):
    store.user("r3", 0, "MIJN CONTAINER IS WEER NIET GELEEGD")
    assert store.row("r3")["reasons"] == "frustration"
    store.save("r3", ConversationPaused(timestamp=T0 + 10))
    row = store.row("r3")
    assert row["paused"] and row["waiting_since"] is None and row["status"] == "open"
    store.save("r3", BotUttered("Ik kijk even mee. AB", metadata={"staff": "AB"},
                                       timestamp=T0 + 20))
    store.save("r3", ConversationResumed(timestamp=T0 + 30))
    row = store.row("r3")
    assert not row["paused"] and row["waiting_since"] is None and row["trigger_since"] is None
    assert row["status"] == "pending" and row["staff_replies"] == 1 and row["reasons"] == ""


def test_the_case_number_slot_is_kept(store):
    store.user("r4", 0, "Er ligt afval op straat")
    store.save("r4", SlotSet("report_case_number", "SIG-123", timestamp=T0 + 5))
    assert store.row("r4")["case_number"] == "SIG-123"
    found = lists.overview(store.url, lists.Filters(q="sig-123"))
    assert [c.sender_id for c in found.rows] == ["r4"]


def test_backfill_builds_the_same_rows_as_saving(store):
    store.user("r5", 0, "Ik wil een medewerker", intent="ask_human")
    store.action("r5", 1, "action_take_message")
    store.save("r5", SlotSet("report_case_number", "SIG-9", timestamp=T0 + 5))
    saved = store.row("r5")
    assert backfill(store.engine) == 1
    assert store.row("r5") == saved


def test_resolved_reopens_as_pending_and_snoozed_wakes_when_the_resident_writes(store):
    store.user("r6", 0, "hallo")
    assert lifecycle.resolve(store.engine, "r6", "beantwoord", now=T0 + 10)
    assert not lifecycle.resolve(store.engine, "r6", "beantwoord"), "resolved once"
    assert store.row("r6")["status"] == "resolved" and store.row("r6")["outcome"] == "beantwoord"
    store.user("r6", 20, "nog een vraag")
    assert store.row("r6")["status"] == "pending" and store.row("r6")["outcome"] is None
    lifecycle.snooze(store.engine, "r6", until=T0 + 10_000)
    store.user("r6", 30, "hallo?")
    assert store.row("r6")["status"] == "open" and store.row("r6")["snoozed_until"] is None


def test_a_snoozed_conversation_wakes_up_as_open_when_its_time_comes(store):
    store.user("r7", 0, "Ik wil een medewerker", intent="ask_human")
    store.action("r7", 1, "action_contact_human")
    lifecycle.snooze(store.engine, "r7", until=T0 + 3600)
    assert lists.queue(store.url, {})[1] == 0, "snoozed: not in the queue"
    assert lists.wake_due(store.url, now=T0 + 3599) == 0
    assert store.row("r7")["status"] == "snoozed"
    assert lists.wake_due(store.url, now=T0 + 3600) == 1
    assert store.row("r7")["status"] == "open" and store.row("r7")["snoozed_until"] is None
    assert [c.sender_id for c in lists.queue(store.url, {})[0]] == ["r7"]


def test_round_robin_takes_turns_and_stops_at_capacity(store):
    for number in range(5):
        sender = f"w{number}"
        store.user(sender, number * 10, "Ik wil een medewerker", intent="ask_human")
        store.action(sender, number * 10 + 1, "action_contact_human")
        lifecycle.assign(store.engine, sender, None, "burgerzaken")
    ann, bob = Member(1, "Ann"), Member(2, "Bob")
    handed = lifecycle.auto_assign(store.engine, "burgerzaken", [ann, bob], capacity=2,
                                   now=T0 + 100)
    assert [(sender, member.name) for sender, member in handed] == [
        ("w0", "Ann"), ("w1", "Bob"), ("w2", "Ann"), ("w3", "Bob")], "oldest first, in turn"
    assert store.row("w4")["assignee_id"] is None, "both are full"
    assert lifecycle.auto_assign(store.engine, "burgerzaken", [ann, bob], capacity=2) == []
    lifecycle.resolve(store.engine, "w0", "beantwoord")
    [(sender, member)] = lifecycle.auto_assign(store.engine, "burgerzaken", [ann, bob], 2)
    assert (sender, member.name) == ("w4", "Ann"), "room again after resolving one"


def test_a_team_transfer_puts_it_in_that_teams_queue(store):
    store.user("t1", 0, "Kan ik een paspoort aanvragen?")
    assert lists.queue(store.url, {})[1] == 0
    lifecycle.assign(store.engine, "t1", None, "burgerzaken")
    assert lifecycle.to_queue(store.engine, "t1", now=T0 + 50)
    [queued], _ = lists.queue(store.url, {}, lists.Filters(team="burgerzaken"))
    assert queued.sender_id == "t1" and queued.waiting_since == T0 + 50
    assert "overgedragen" in queued.reason_text
    assert lists.queue(store.url, {}, lists.Filters(team="afval"))[1] == 0


def test_the_overview_pages_searches_and_filters(store):
    for number in range(60):
        store.user(f"p{number:02d}", number, f"vraag nummer {number} over afval",
                   channel="telegram" if number % 2 else "whatsapp")
    lifecycle.assign(store.engine, "p07", Member(3, "Carla de Vries"), "afval")
    first = lists.overview(store.url, lists.Filters())
    assert first.total == 60 and len(first.rows) == 50 and first.pages == 2
    assert first.rows[0].sender_id == "p59", "last active first"
    second = lists.overview(store.url, lists.Filters(page=2))
    assert [c.sender_id for c in second.rows][-1] == "p00" and second.first == 51
    assert lists.overview(store.url, lists.Filters(q="nummer 42")).rows[0].sender_id == "p42"
    assert lists.overview(store.url, lists.Filters(q="telegram")).total == 30
    assert lists.overview(store.url, lists.Filters(channel="whatsapp")).total == 30
    carla = lists.overview(store.url, lists.Filters(q="carla"), {3: "Carla de Vries"})
    assert [c.sender_id for c in carla.rows] == ["p07"]
    assert lists.overview(store.url, lists.Filters(q="numm 42 afv")).total == 1, "word starts"
    assert lists.overview(store.url, lists.Filters(q="ummer")).total == 0, "not mid-word"
    assert lists.overview(store.url, lists.Filters(assignee="3")).total == 1
    assert lists.overview(store.url, lists.Filters(assignee="none")).total == 59
    assert lists.overview(store.url, lists.Filters(team="afval")).total == 1
    assert lists.overview(store.url, lists.Filters(q="5_")).total == 0, "_ is no wildcard"
    assert lists.overview(store.url, lists.Filters(status="resolved")).total == 0


def test_filters_from_the_query_string_refuse_what_they_do_not_know():
    filters = lists.Filters.from_args({"status": "weg", "assignee": "1 OR 1=1",
                                       "pagina": "x", "waiting": "1", "q": " a b "})
    assert filters == lists.Filters(q="a b", waiting=True)
    assert filters.query(2) == "q=a+b&waiting=1&pagina=2"


def test_an_emergency_answer_makes_it_urgent_without_queueing_it(store):
    store.user("e1", 0, "Ik ruik gas in huis")
    store.action("e1", 1, "action_emergency")
    row = store.row("e1")
    assert row["priority"] == 2 and row["waiting_since"] is None


def test_the_round_robin_setting_names_teams_with_a_capacity():
    from console.teams import round_robin

    assert round_robin("burgerzaken:3, afval:x,,zorg_en_welzijn:0,wonen:12") == {
        "burgerzaken": 3, "wonen": 12}


@pytest.fixture(scope="module")
def services():
    """A PostgreSQL server of its own (the name marks the tests that use it `stack`)."""
    import shutil
    import tempfile

    from tests.services import PostgresServer

    folder = Path(tempfile.mkdtemp(prefix="ga-worklist-"))
    folder.chmod(0o755)  # the postgres user must reach its data folder inside
    server = PostgresServer(folder / "postgres").start(["tracker"])
    yield server
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)


def test_the_same_on_postgresql(services, rasa_domain):
    postgres = services
    store = Store.__new__(Store)
    store.store = TrackerStore(domain=rasa_domain, dialect="postgresql", host="127.0.0.1",
                               port=postgres.port, db="tracker", username="postgres")
    store.domain, store.url = rasa_domain, postgres.url("tracker")
    store.engine = create_engine(store.url, future=True)
    store.user("pg1", 0, "Ik wil een medewerker over mijn Paspoort", intent="ask_human")
    store.action("pg1", 1, "action_contact_human")
    store.save("pg1", SlotSet("report_case_number", "SIG-77", timestamp=T0 + 5))
    assert store.row("pg1")["waiting_since"] == T0 + 1
    assert [c.sender_id for c in lists.overview(store.url, lists.Filters(q="PASPO sig-77")
                                                ).rows] == ["pg1"]
    lifecycle.assign(store.engine, "pg1", None, "burgerzaken")
    assert lifecycle.to_queue(store.engine, "pg1")
    [(sender, member)] = lifecycle.auto_assign(store.engine, "burgerzaken",
                                               [Member(1, "Ann")], capacity=1)
    [queued], total = lists.queue(store.url, {}, lists.Filters(team="burgerzaken"))
    assert (sender, queued.assigned_to, total) == ("pg1", "Ann", 1)
    assert "overgedragen" in queued.reason_text
    assert lifecycle.resolve(store.engine, "pg1", "beantwoord")
    assert lists.overview(store.url, lists.Filters(status="resolved", q="ann"),
                          {1: "Ann"}).total == 1
    from bot.worklist.table import analyze
    analyze(store.engine)


def test_an_active_conversation_forgets_its_first_message_after_the_period(store):
    from bot.worklist.record import forget_old_first_messages
    from bot.worklist.table import words

    store.user("r9", 0, "paspoort verlopen bij Jansen")
    store.user("r9", 40 * 86400, "en nog een vraag over afval")
    with store.engine.begin() as connection:
        assert forget_old_first_messages(connection, T0 + 30 * 86400) == 1
    row = store.row("r9")
    assert row["first_message"] == "" and "jansen" not in row["search_text"]
    assert row["last_user_text"] == "en nog een vraag over afval"
    with store.engine.connect() as connection:
        kept = {r.word for r in connection.execute(
            words.select().where(words.c.sender_id == "r9"))}
    assert "jansen" not in kept and "afval" in kept
