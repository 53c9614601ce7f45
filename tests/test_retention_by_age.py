"""Retention by each record's own age, with a controlled clock: outbox work with a phone
number or a text goes at its age whether it was delivered or not, an active resident's
old events go while the conversation goes on, and so do stuck incoming messages, old
window records, old takeovers and the data of a colleague who left two years ago."""
from __future__ import annotations

import asyncio
import datetime as dt

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text

from bot.channel_models import ChannelContact, InboxMessage
from bot.reports import db as reports_db
from bot.reports.models import NEVER, OutboxItem, Report
from bot.reports.retention import apply_retention
from bot.settings import DOMAIN_DIR
from console import auth
from console.models import StaffUser, Takeover

NOW = dt.datetime(2027, 6, 1, 12, 0)
PHONE = "whatsapp:+31612345678"


def ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


def outbox(db, days: float, **fields) -> None:
    db.add(OutboxItem(**{"created_at": ago(days), "next_attempt_at": ago(days), **fields}))


def test_every_record_goes_at_its_own_age(tmp_path):
    url = f"sqlite:///{tmp_path / 'reports.db'}"
    reports_db.migrate(url)
    colleague = auth.create_user("vertrokken", "Vera Vertrokken", "VV", "agent",
                                 "een-lang-wachtwoord-42", url=url)
    stays = auth.create_user("blijft", "Bram Blijft", "BB", "agent",
                             "een-lang-wachtwoord-42", url=url)
    with reports_db.session(url) as db:
        report = Report(category="report_pavement_road", description="tegel los",
                        idempotency_key="k1",
                        location_text="Dorpsstraat 3", channel="whatsapp", sender_id=PHONE)
        db.add(report)
        db.flush()
        message = dict(kind="channel_message", channel="whatsapp", recipient=PHONE,
                       payload='{"text": "Uw melding is opgelost"}')
        outbox(db, 31, **message)  # still retrying after a month
        outbox(db, 31, **{**message, "next_attempt_at": NEVER})  # held for the window
        outbox(db, 31, kind="signalen_reaction", report_id=report.id,
               payload='{"answer": "Ik woon op nummer 3"}', dead_at=ago(30))
        outbox(db, 31, kind="signalen_create", report_id=report.id)  # the report is its data
        outbox(db, 2, **message)
        db.add_all([
            InboxMessage(channel="whatsapp", message_id="SM1", sender=PHONE, text="hallo",
                         message_metadata="{}", received_at=ago(8)),
            InboxMessage(channel="whatsapp", message_id="SM2", sender=PHONE, text="nog iets",
                         message_metadata="{}", received_at=ago(1)),
            ChannelContact(channel="whatsapp", recipient=PHONE, last_inbound_at=ago(31)),
            ChannelContact(channel="whatsapp", recipient="whatsapp:+31600000000",
                           last_inbound_at=ago(40), template_sent_at=ago(3)),
            Takeover(sender_id=PHONE, user_id=stays, taken_at=ago(31)),
            Takeover(sender_id="webchat-nu", user_id=stays, taken_at=ago(1))])
        db.get(StaffUser, colleague).active = False
        db.get(StaffUser, colleague).deactivated_at = ago(731)
        db.get(StaffUser, stays).created_at = ago(1000)
    tracker_url = f"sqlite:///{tmp_path / 'tracker.db'}"
    store = SQLTrackerStore(Domain.load(str(DOMAIN_DIR)), dialect="sqlite",
                            db=str(tmp_path / "tracker.db"))
    active = DialogueStateTracker(PHONE, slots=[])
    for days, words in ((40, "mijn adres is Dorpsstraat 3"), (31, "en mijn nummer is 06"),
                        (1, "is er al nieuws?")):
        active.update(UserUttered(words, timestamp=ago(days).timestamp()))
    asyncio.run(store.save(active))

    result = apply_retention(NOW, reports_url=url, tracker_url=tracker_url)

    with reports_db.session(url) as db:
        left = [(o.kind, o.created_at) for o in db.query(OutboxItem).order_by(OutboxItem.id)]
        assert left == [("signalen_create", ago(31)), ("channel_message", ago(2))]
        assert [m.message_id for m in db.query(InboxMessage)] == ["SM2"], \
            "a message never processed goes at its age too"
        assert [c.recipient for c in db.query(ChannelContact)] == ["whatsapp:+31600000000"]
        assert [t.sender_id for t in db.query(Takeover)] == ["webchat-nu"]
        former, current = db.get(StaffUser, colleague), db.get(StaffUser, stays)
        assert (former.username, former.name, former.initials) == (
            f"verwijderd-{colleague}", "Oud-collega", "--")
        assert (current.username, current.name) == ("blijft", "Bram Blijft"), \
            "an active account's period has not started"
    with create_engine(tracker_url).connect() as connection:
        texts = [row[0] for row in connection.execute(text(
            "SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": PHONE})]
    assert len(texts) == 1 and "is er al nieuws?" in texts[0], \
        "the conversation goes on, its old messages are gone"
    assert result["conversations_deleted"] == 0 and result["events_deleted"] >= 2
    again = apply_retention(NOW, reports_url=url, tracker_url=tracker_url)
    assert again == {"reports_anonymised": 0, "messages_deleted": 0,
                     "conversations_deleted": 0, "events_deleted": 0}, \
        "a second run changes nothing"
    assert auth.log_in("verwijderd-%d" % colleague, "een-lang-wachtwoord-42", "10.0.0.9",
                       url=url) is None


def test_a_former_colleague_from_the_identity_provider_is_anonymised_too(tmp_path):
    from bot.reports.retention import FORMER_PREFIX, _anonymise_former_staff
    from console.models import StaffUser

    url = f"sqlite:///{tmp_path / 'staff.db'}"
    reports_db.migrate(url)
    session = reports_db.session
    switched_off = dt.datetime(2024, 1, 1)
    with session(url) as db:
        db.add(StaffUser(username="anna", name="Anna de Vries", role="agent", initials="AV",
                         password_hash="!", oidc_subject="https://idp|123", active=False,
                         deactivated_at=switched_off))
    with session(url) as db:
        assert _anonymise_former_staff(db, dt.datetime(2026, 11, 1)) == 1
    with session(url) as db:
        [user] = db.query(StaffUser).all()
        assert user.username.startswith(FORMER_PREFIX) and user.oidc_subject is None
        assert user.name != "Anna de Vries"
        assert _anonymise_former_staff(db, dt.datetime(2026, 11, 1)) == 0, "once is enough"


def test_the_production_tracker_store_is_found_with_actions_in_process(monkeypatch):
    # ${ACTION_SERVER_URL}=inprocess: is filled in after parsing, as Rasa does: pasted into
    # the YAML text first it would end in a colon and stop the console at start
    from bot.reports.retention import tracker_store_url
    from bot.settings import ROOT

    for name, value in {"ACTION_SERVER_URL": "inprocess:", "GA_ACTION_TOKEN": "x",
                        "POSTGRES_HOST": "db.example", "POSTGRES_PORT": "5433",
                        "POSTGRES_DB": "tracker", "POSTGRES_USER": "rasa",
                        "POSTGRES_PASSWORD": "p:w"}.items():
        monkeypatch.setenv(name, value)
    url = tracker_store_url(ROOT / "endpoints.production.yml")
    assert url == "postgresql://rasa:p%3Aw@db.example:5433/tracker"
