"""Webcare contacts and messages left for a colleague reach Open Klant (its stand-in):
through the outbox, once, linked to the report, for the department that owns the subject,
and nothing is lost while Open Klant is down or refuses."""
from __future__ import annotations

import asyncio
import datetime as dt
import time
import uuid
from types import SimpleNamespace
from typing import Any, Dict, List
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.contact import ActionTakeCallback, ActionTakeMessage
from bot import settings
from bot.integrations.openklant import OpenKlantClient, OpenKlantUnavailable
from bot.klantcontacten import contactverzoek, dead_letters
from bot.klantcontacten.contacts import Agent, HandledConversation, register_contact
from bot.klantcontacten.delivery import CONTACT
from bot.klantcontacten.models import ContactRequest
from bot.reports import db as reports_db
from bot.reading.message import read_message
from bot.reports import outbox
from bot.reports.models import OutboxItem, Report
from bot.reports.service import NewReport, file_report
from console import app as console_app
from console.auth import Staff, create_user
from console.models import AuditEntry, Takeover
from tests.standins.openklant import OpenKlantStandIn
from tests import test_handover
from tests.test_handover import Events

TOKEN = "open-klant-token"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SUNDAY_AFTERNOON = dt.datetime(2026, 11, 29, 14, 0, tzinfo=AMSTERDAM)
RESIDENT = "whatsapp:+31612345678"
SIGNAL_ID = str(uuid.UUID(int=7))


@pytest.fixture
def openklant(monkeypatch, db_url):
    standin = OpenKlantStandIn(token=TOKEN).start()
    monkeypatch.setattr(settings, "OPENKLANT_URL", standin.url)
    monkeypatch.setattr(settings, "OPENKLANT_TOKEN", TOKEN)
    monkeypatch.setattr(settings, "DATABASE_URL", db_url)
    yield standin
    standin.stop()


@pytest.fixture
def console(monkeypatch, db_url, events):
    """The console app's handlers in-process: Rasa's API recorded instead of called."""
    calls: List[tuple] = []

    async def resume(sender: str) -> None:  # as Rasa does: the event ends the takeover's part
        calls.append(("resume", sender))
        events.add(sender, time.time() - test_handover.T0, "resume")

    async def send(sender: str, text: str, initials: str) -> None:
        calls.append(("send", sender, text))

    monkeypatch.setattr(console_app, "resume", resume)
    monkeypatch.setattr(console_app, "send_staff_message", send)
    monkeypatch.setattr(console_app.app.ctx, "db_url", db_url, raising=False)
    monkeypatch.setattr(console_app.app.ctx, "tracker_url", events.url, raising=False)
    return calls


@pytest.fixture
def events(tmp_path, monkeypatch) -> Events:
    """A tracker store whose conversations happened in the last hour."""
    monkeypatch.setattr("tests.test_handover.T0", time.time() - 3600)
    return Events(tmp_path / "tracker.db")


AGENT = Staff(1, "agent", "Agent", "AG", "agent", "csrf")


def deliver(db_url: str, minutes: float = 0) -> int:
    now = dt.datetime.utcnow() + dt.timedelta(minutes=minutes)
    return outbox.deliver_due(client=None, url=db_url, now=now)


def items(db_url: str) -> List[OutboxItem]:
    with reports_db.session(db_url) as db:
        return db.query(OutboxItem).order_by(OutboxItem.id).all()


def take_over(db_url: str, sender: str, username: str = "pjansen") -> Staff:
    user_id = create_user(username, "Petra Jansen", "PJ", "agent", None, url=db_url)
    with reports_db.session(db_url) as db:
        db.add(Takeover(sender_id=sender, user_id=user_id))
    return Staff(user_id, username, "Petra Jansen", "PJ", "agent", "csrf")


def request(staff: Staff, **form: str) -> SimpleNamespace:
    return SimpleNamespace(ctx=SimpleNamespace(staff=staff), form=form, args={})


def handled(**changes: Any) -> HandledConversation:
    values: Dict[str, Any] = dict(
        sender_id=RESIDENT, channel="whatsapp", subject="Paspoort of ID-kaart aanvragen",
        agent=Agent("Petra Jansen", "pjansen"), started_at=dt.datetime(2026, 11, 30, 9, 0),
        resident_said=["Wanneer is mijn paspoort klaar?"],
        agent_said=["Over vijf werkdagen. ^PJ"], outcome="beantwoord")
    values.update(changes)
    return HandledConversation(**values)


# --- a webcare conversation becomes one klantcontact ----------------------------------------

def test_a_handed_back_conversation_is_one_klantcontact_with_actor_and_report(
        openklant, console, db_url, events):
    report, _ = file_report(NewReport(
        category="report_street_lighting", description="lantaarnpaal kapot",
        location_text="Kerkstraat 7", channel="whatsapp", sender_id=RESIDENT), url=db_url,
        forward=False)
    with reports_db.session(db_url) as db:
        db.get(Report, report.id).signalen_id = SIGNAL_ID
    events.user(RESIDENT, 0, "De lantaarnpaal bij Kerkstraat 7 is kapot, mijn BSN is 111222333")
    events.action(RESIDENT, 10, "action_submit_report", report_case_number=report.case_number)
    events.user(RESIDENT, 20, "Ik wil een medewerker spreken", "ask_human")
    events.action(RESIDENT, 21, "action_contact_human")
    events.add(RESIDENT, 30, "pause")
    events.add(RESIDENT, 40, "bot", text="We repareren de lamp deze week. ^PJ",
               metadata={"staff": "PJ"})
    staff = take_over(db_url, RESIDENT)

    asyncio.run(console_app.hand_back.__wrapped__(request(staff, outcome="beantwoord"),
                                                  RESIDENT))
    assert console == [("resume", RESIDENT)]
    assert deliver(db_url) == 1
    assert deliver(db_url, minutes=60) == 0, "delivered once, never again"

    [contact] = openklant.all("klantcontacten")
    assert (contact["kanaal"], contact["indicatieContactGelukt"]) == ("WhatsApp", True)
    assert contact["metadata"]["uitkomst"] == "Vraag beantwoord"
    assert "111222333" not in contact["inhoud"] and "lantaarnpaal" in contact["inhoud"]
    assert contact["reactie"] == "We repareren de lamp deze week. ^PJ"
    [actor] = contact["hadBetrokkenActoren"]
    assert (actor["naam"], actor["soortActor"]) == ("Petra Jansen", "medewerker")
    assert actor["actoridentificator"]["objectId"] == "pjansen"
    linked = {o["onderwerpobjectidentificator"]["objectId"]: o
              for o in openklant.all("onderwerpobjecten")}
    assert set(linked) == {report.case_number, SIGNAL_ID}
    assert all(o["klantcontact"]["uuid"] == contact["uuid"] for o in linked.values())
    assert linked[SIGNAL_ID]["onderwerpobjectidentificator"]["codeRegister"] == "signalen"
    [betrokkene] = openklant.all("betrokkenen")
    assert (betrokkene["rol"], betrokkene["wasPartij"]) == ("klant", None), "nobody by name"
    with reports_db.session(db_url) as db:
        assert db.get(Takeover, RESIDENT) is None


def test_a_report_filed_as_a_zaak_is_linked_by_the_zaaks_uuid(db_url):
    from bot.klantcontacten.delivery import references

    report, _ = file_report(NewReport(
        category="report_street_lighting", description="lantaarnpaal kapot",
        location_text="Kerkstraat 7", channel="telegram", sender_id=RESIDENT), url=db_url,
        forward=False)
    zaak = "https://zaken.example/zaken/api/v1/zaken/6f6e1f0e-6a35-4b8e-9d5e-1f6f4a7d2c11"
    with reports_db.session(db_url) as db:
        db.get(Report, report.id).zaak_url = zaak
        found = references(db, report.case_number)
    assert [(r.object_id, r.code_objecttype, r.code_register) for r in found][1:] == [
        ("6f6e1f0e-6a35-4b8e-9d5e-1f6f4a7d2c11", "zgw-Zaak", "openzaak")]


def test_handing_back_without_open_klant_registers_nothing(console, db_url, events,
                                                           monkeypatch):
    monkeypatch.setattr(settings, "OPENKLANT_URL", "")
    events.user(RESIDENT, 0, "Ik wil een medewerker spreken", "ask_human")
    staff = take_over(db_url, RESIDENT)
    asyncio.run(console_app.hand_back.__wrapped__(request(staff), RESIDENT))
    assert console == [("resume", RESIDENT)] and items(db_url) == []


# --- Open Klant down or refusing loses no contact -------------------------------------------

def test_open_klant_down_keeps_the_contact_queued_until_it_is_back(openklant, console,
                                                                   db_url):
    register_contact(handled(), db_url)
    openklant.fail_with = 503
    assert deliver(db_url) == 0
    [waiting] = items(db_url)
    assert (waiting.kind, waiting.attempts, waiting.delivered_at, waiting.dead_at) == (
        CONTACT, 1, None, None)
    assert "503" in waiting.last_error
    assert deliver(db_url) == 0, "not due again before its backoff"
    html = asyncio.run(console_app.dead_letter_page.__wrapped__(request(AGENT))).body.decode()
    assert "Wacht op Open Klant (1)" in html and "503" in html, "visible in the console"

    openklant.fail_with = None
    assert deliver(db_url, minutes=5) == 1
    html = asyncio.run(console_app.dead_letter_page.__wrapped__(request(AGENT))).body.decode()
    assert "Wacht op Open Klant" not in html
    [contact] = openklant.all("klantcontacten")
    assert contact["onderwerp"] == "Paspoort of ID-kaart aanvragen"


def test_a_half_delivered_contact_is_finished_without_doubles(openklant, db_url, monkeypatch):
    register_contact(handled(), db_url)
    real = OpenKlantClient.create_betrokkene

    def down_once(self, *args, **kwargs):
        monkeypatch.setattr(OpenKlantClient, "create_betrokkene", real)
        raise OpenKlantUnavailable("Open Klant unreachable (POST betrokkenen): Timeout")

    monkeypatch.setattr(OpenKlantClient, "create_betrokkene", down_once)
    assert deliver(db_url) == 0
    assert deliver(db_url, minutes=5) == 1
    assert len(openklant.all("klantcontacten")) == len(openklant.all("betrokkenen")) == 1
    assert len(openklant.all("actorklantcontacten")) == 1


def test_a_klantcontact_whose_answer_was_lost_is_found_not_registered_twice(openklant, db_url):
    register_contact(handled(case_number="M-2026-000042"), db_url)
    openklant.lose_next_answer("klantcontacten")  # stored, then a 504
    assert deliver(db_url) == 0
    assert len(openklant.all("klantcontacten")) == 1
    openklant.lose_next_answer("actorklantcontacten")  # a second create would be refused
    openklant.lose_next_answer("onderwerpobjecten")
    assert deliver(db_url, minutes=5) == 0
    assert deliver(db_url, minutes=10) == 0
    assert deliver(db_url, minutes=20) == 1
    [contact] = openklant.all("klantcontacten")
    assert contact["inhoud"].startswith("Wanneer is mijn paspoort klaar?")
    assert "Kenmerk chatbot: KC-" in contact["inhoud"], "the marker it is found by"
    assert len(contact["hadBetrokkenActoren"]) == len(openklant.all("actorklantcontacten")) == 1
    assert len(openklant.all("onderwerpobjecten")) == 1 and dead_letters.dead_letters(db_url) == []


def test_a_crash_right_after_sending_the_klantcontact_registers_it_once(openklant, db_url,
                                                                        monkeypatch):
    register_contact(handled(), db_url)
    real = OpenKlantClient.create_klantcontact

    def sent_then_crash(self, body):
        monkeypatch.setattr(OpenKlantClient, "create_klantcontact", real)
        real(self, body)
        raise SystemExit("the worker died before it could commit")

    monkeypatch.setattr(OpenKlantClient, "create_klantcontact", sent_then_crash)
    with pytest.raises(SystemExit):
        deliver(db_url)
    [item] = items(db_url)
    assert item.attempts == 0 and item.delivered_at is None, "nothing of the attempt kept …"
    assert deliver(db_url, minutes=5) == 1, "… but that it was sent, so it is looked up"
    assert len(openklant.all("klantcontacten")) == 1


def test_a_contactverzoek_whose_answers_were_lost_is_one_contact_and_one_task(openklant,
                                                                             db_url):
    leave("Ik wil mijn paspoort verlengen, wanneer kan dat?")
    for resource in ("klantcontacten", "betrokkenen", "digitaleadressen", "internetaken"):
        openklant.lose_next_answer(resource)
    assert [deliver(db_url, minutes=m) for m in (0, 5, 10, 20, 40)] == [0, 0, 0, 0, 1]
    for resource in ("klantcontacten", "betrokkenen", "digitaleadressen", "internetaken"):
        assert len(openklant.all(resource)) == 1, resource
    [task] = openklant.all("internetaken")
    with reports_db.session(db_url) as db:
        request = db.query(ContactRequest).one()
        assert request.internetaak_uuid == task["uuid"]
        assert request.klantcontact_uuid == task["aanleidinggevendKlantcontact"]["uuid"]


def test_a_refusal_is_a_dead_letter_staff_can_retry(openklant, db_url, monkeypatch):
    monkeypatch.setattr(settings, "OPENKLANT_TOKEN", "expired")
    register_contact(handled(), db_url)
    assert deliver(db_url) == 0
    [letter] = dead_letters.dead_letters(db_url)
    assert letter.what == "klantcontact" and "Ongeldige token" in letter.reason
    assert deliver(db_url, minutes=600) == 0, "a refusal is not retried by itself"

    monkeypatch.setattr(settings, "OPENKLANT_TOKEN", TOKEN)
    assert dead_letters.retry(letter.item_id, db_url)
    assert deliver(db_url) == 1 and dead_letters.dead_letters(db_url) == []
    assert len(openklant.all("klantcontacten")) == 1


def test_the_console_lists_open_klant_refusals_with_their_reason(openklant, console, db_url,
                                                                 monkeypatch):
    monkeypatch.setattr(settings, "OPENKLANT_TOKEN", "expired")
    register_contact(handled(case_number="M-2026-000042"), db_url)
    deliver(db_url)
    page = asyncio.run(console_app.dead_letter_page.__wrapped__(request(AGENT)))
    html = page.body.decode()
    assert "Geweigerd door Open Klant (1)" in html and "M-2026-000042" in html
    assert "Ongeldige token" in html and "/console/openklant/1/retry" in html


# --- a message left on a Sunday becomes an interne taak for the right department ------------

def left(text: str, sender: str = RESIDENT, channel: str = "whatsapp") -> Tracker:
    message = {"intent": {"name": "nlu_fallback", "confidence": 0.9}, "text": text,
               "entities": [], "metadata": {}}
    events = [{"event": "user", "text": text, "input_channel": channel}]
    return Tracker(sender, {}, message, events, False, None, {}, "action_listen")


def leave(text: str, sender: str = RESIDENT, channel: str = "whatsapp") -> List[dict]:
    dispatcher = CollectingDispatcher()
    action = ActionTakeMessage(clock=lambda: SUNDAY_AFTERNOON)
    asyncio.run(action.run(dispatcher, left(text, sender, channel), {}))
    return dispatcher.messages


def test_a_message_left_on_sunday_is_a_task_for_the_department(openklant, db_url):
    said, *_ = leave("Ik wil mijn paspoort verlengen, bel mij maandag terug. Groet, Jan de Vries")
    assert (said["response"], said["next_day"]) == ("utter_message_taken_closed", "maandag")
    assert deliver(db_url) == 1

    [task] = openklant.all("internetaken")
    assert (task["status"], task["gevraagdeHandeling"]) == (
        "te_verwerken", "Contact opnemen met betrokkene")
    [actor] = [openklant.all("actoren")[0]]
    assert task["toegewezenAanActor"]["uuid"] == actor["uuid"]
    assert (actor["naam"], actor["soortActor"]) == ("Burgerzaken", "organisatorische_eenheid")
    assert actor["actoridentificator"]["objectId"] == "burgerzaken"
    assert "paspoort" in task["toelichting"] and "Jan de Vries" not in task["toelichting"]
    [contact] = openklant.all("klantcontacten")
    assert task["aanleidinggevendKlantcontact"]["uuid"] == contact["uuid"]
    assert (contact["kanaal"], contact["onderwerp"]) == ("WhatsApp",
                                                         "Paspoort of ID-kaart aanvragen")
    [adres] = openklant.all("digitaleadressen")
    assert (adres["soortDigitaalAdres"], adres["adres"]) == ("telefoonnummer", "+31612345678")


def test_a_message_about_nothing_the_knowledge_base_knows_goes_to_the_kcc(openklant, db_url):
    leave("Kunt u mij even terugbellen?", sender="12345678", channel="telegram")
    assert deliver(db_url) == 1
    [actor] = openklant.all("actoren")
    assert (actor["naam"], actor["actoridentificator"]["objectId"]) == (
        "Klantcontactcentrum", "kcc")
    [adres] = openklant.all("digitaleadressen")
    assert (adres["soortDigitaalAdres"], adres["adres"]) == ("overig", "12345678")


def test_more_words_join_the_open_request_and_its_task(openklant, db_url):
    leave("Mijn paspoort is verlopen.")
    leave("Ik moet volgende week op reis.")
    assert deliver(db_url) == 1
    leave("Het gaat om twee paspoorten.")
    assert deliver(db_url) == 1
    [task] = openklant.all("internetaken")
    assert "op reis" in task["toelichting"] and "twee paspoorten" in task["toelichting"]
    with reports_db.session(db_url) as db:
        assert db.query(ContactRequest).count() == 1


def test_mondays_answer_goes_to_the_residents_channel_and_the_task_is_done(
        openklant, console, db_url, events):
    leave("Ik wil mijn paspoort verlengen, wanneer kan dat?")
    deliver(db_url)
    events.user(RESIDENT, 0, "Ik wil mijn paspoort verlengen, wanneer kan dat?")
    events.action(RESIDENT, 1, "action_take_message")
    queue = asyncio.run(console_app.overview_partial.__wrapped__(request(AGENT)))
    assert "Contactverzoek Burgerzaken: open" in queue.body.decode()
    staff = take_over(db_url, RESIDENT)
    page = asyncio.run(console_app.conversation.__wrapped__(request(staff), RESIDENT))
    assert "Burgerzaken: Paspoort of ID-kaart aanvragen" in page.body.decode()
    assert "<strong>open</strong>" in page.body.decode()

    asyncio.run(console_app.reply.__wrapped__(
        request(staff, text="U kunt morgen langskomen."), RESIDENT))
    assert console[-1][:2] == ("send", RESIDENT), "out through the resident's own channel"
    assert deliver(db_url) == 1
    [task] = openklant.all("internetaken")
    assert task["status"] == "verwerkt" and task["afgehandeldOp"]
    [shown] = contactverzoek.requests_of(RESIDENT, db_url)
    assert shown.status == "verwerkt"
    page = asyncio.run(console_app.conversation.__wrapped__(request(staff), RESIDENT))
    assert "<strong>verwerkt</strong>" in page.body.decode()


def test_without_open_klant_a_left_message_is_only_acknowledged(db_url, monkeypatch):
    monkeypatch.setattr(settings, "OPENKLANT_URL", "")
    monkeypatch.setattr(settings, "DATABASE_URL", db_url)
    said = leave("Ik wil mijn paspoort verlengen")
    assert said[0]["response"] == "utter_message_taken_closed"
    assert [m["response"] for m in said[1:]] in ([], ["utter_kb_meanwhile"])
    assert items(db_url) == []


def test_the_municipalitys_kanaal_codes_are_used_when_open_klant_checks_them(
        openklant, db_url, monkeypatch):
    openklant.kanalen = ("WHATSAPP", "TELEFOON", "CHAT")
    register_contact(handled(), db_url)
    assert deliver(db_url) == 0
    [letter] = dead_letters.dead_letters(db_url)
    assert "'WhatsApp' is not a valid kanaal" in letter.reason

    monkeypatch.setattr(settings, "OPENKLANT_KANALEN", "whatsapp=WHATSAPP, webchat=CHAT")
    register_contact(handled(), db_url)
    assert deliver(db_url) == 1
    assert [c["kanaal"] for c in openklant.all("klantcontacten")] == ["WHATSAPP"]


def test_a_task_closed_in_open_klant_itself_shows_as_verwerkt(openklant, console, db_url,
                                                              events):
    leave("Ik wil mijn paspoort verlengen, wanneer kan dat?")
    deliver(db_url)
    [task] = openklant.all("internetaken")
    OpenKlantClient(openklant.url, TOKEN).update_internetaak(task["uuid"],
                                                              {"status": "verwerkt"})
    events.user(RESIDENT, 0, "Ik wil mijn paspoort verlengen, wanneer kan dat?")
    openklant.fail_with = 503
    page = asyncio.run(console_app.conversation.__wrapped__(request(AGENT), RESIDENT))
    assert "<strong>open</strong>" in page.body.decode(), "unknown while Open Klant is down"
    openklant.fail_with = None
    page = asyncio.run(console_app.conversation.__wrapped__(request(AGENT), RESIDENT))
    assert "<strong>verwerkt</strong>" in page.body.decode()
    assert [r.status for r in contactverzoek.requests_of(RESIDENT, db_url)] == ["verwerkt"]


# --- a conversation that ends without a hand-back is still one klantcontact -----------------

def conversation_taken_over(events, db_url: str) -> Staff:
    events.user(RESIDENT, 0, "Wanneer is mijn paspoort klaar?")
    events.add(RESIDENT, 30, "pause")
    events.add(RESIDENT, 40, "bot", text="Over vijf werkdagen. ^PJ", metadata={"staff": "PJ"})
    return take_over(db_url, RESIDENT)


def audited(db_url: str) -> List[tuple]:
    with reports_db.session(db_url) as db:
        return [(e.action, e.user_id, e.detail) for e in db.query(AuditEntry).order_by(
            AuditEntry.id)]


def test_finishing_a_conversation_registers_it_once_with_the_outcome(openklant, console,
                                                                     db_url, events):
    staff = conversation_taken_over(events, db_url)
    page = asyncio.run(console_app.conversation.__wrapped__(request(staff), RESIDENT))
    assert 'action="/console/conversations/whatsapp:+31612345678/finish"' in page.body.decode()
    refused = asyncio.run(console_app.finish.__wrapped__(request(staff), RESIDENT))
    assert refused.status == 400, "an outcome is chosen when finishing"

    asyncio.run(console_app.finish.__wrapped__(request(staff, outcome="beantwoord"), RESIDENT))
    again = asyncio.run(console_app.finish.__wrapped__(request(staff, outcome="beantwoord"),
                                                       RESIDENT))
    assert again.status == 409, "a second click finishes nothing"
    assert console == [("resume", RESIDENT)], "the bot answers again, without a word now"
    assert deliver(db_url) == 1
    [contact] = openklant.all("klantcontacten")
    assert contact["metadata"]["uitkomst"] == "Vraag beantwoord"
    assert contact["reactie"] == "Over vijf werkdagen. ^PJ"
    assert ("finished", staff.id, "beantwoord") in audited(db_url)
    with reports_db.session(db_url) as db:
        assert db.get(Takeover, RESIDENT) is None


def test_a_takeover_nobody_finished_is_registered_with_outcome_unknown(openklant, console,
                                                                       db_url, events,
                                                                       monkeypatch):
    monkeypatch.setattr(settings, "TAKEOVER_IDLE_MINUTES", 120)
    conversation_taken_over(events, db_url)
    assert asyncio.run(console_app.finish_idle_takeovers()) == [], "not idle long enough"
    in_three_hours = dt.datetime.utcnow() + dt.timedelta(hours=3)
    assert asyncio.run(console_app.finish_idle_takeovers(in_three_hours)) == [RESIDENT]
    assert asyncio.run(console_app.finish_idle_takeovers(in_three_hours)) == []
    assert console == [("resume", RESIDENT)]
    assert deliver(db_url) == 1
    [contact] = openklant.all("klantcontacten")
    assert contact["metadata"]["uitkomst"].startswith("Onbekend")
    assert contact["indicatieContactGelukt"] is None, "not known: the standard leaves it out"
    assert ("finished_idle", None, "onbekend") in audited(db_url)


def test_a_takeover_with_a_recent_message_is_not_swept(openklant, console, db_url, events,
                                                       monkeypatch):
    monkeypatch.setattr(settings, "TAKEOVER_IDLE_MINUTES", 120)
    conversation_taken_over(events, db_url)
    events.user(RESIDENT, 3 * 3600, "Hallo, bent u er nog?")  # two hours from now
    in_three_hours = dt.datetime.utcnow() + dt.timedelta(hours=3)
    assert asyncio.run(console_app.finish_idle_takeovers(in_three_hours)) == []
    assert items(db_url) == []


def test_the_agent_and_the_sweep_ending_the_same_takeover_register_it_once(openklant, db_url,
                                                                           events):
    from console import klantcontact

    conversation_taken_over(events, db_url)
    agent = klantcontact.handled(RESIDENT, "beantwoord", events.url, db_url)
    sweep = klantcontact.handled(RESIDENT, "onbekend", events.url, db_url)
    first = klantcontact.end_takeover(RESIDENT, agent, db_url)
    second = klantcontact.end_takeover(RESIDENT, sweep, db_url)
    assert (first.registered, second) == (True, None)
    assert [item.kind for item in items(db_url)] == [CONTACT]


# --- a callback request keeps its number for the colleague --------------------------------------

def callback(text: str, channel: str) -> List[dict]:
    tracker = left(text, "tester-callback", channel)
    entities = read_message(text).to_entities(text)
    tracker.latest_message["entities"] = entities
    tracker.events[0]["parse_data"] = {"entities": entities}
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionTakeCallback(clock=lambda: SUNDAY_AFTERNOON).run(dispatcher, tracker, {}))
    return dispatcher.messages


def test_a_callback_request_is_confirmed_with_its_number_and_passed_on(openklant, db_url):
    text = "kunt u mij terugbellen over de WOZ-waarde? 06 12345678"
    [said] = callback(text, "webchat")
    assert (said["response"], said["phone"], said["next_day"]) == (
        "utter_callback_taken_closed", "0612345678", "maandag")
    assert deliver(db_url) == 1
    [task] = openklant.all("internetaken")
    assert "Terugbelverzoek: bel de inwoner op +31612345678" in task["toelichting"]
    [adres] = openklant.all("digitaleadressen")
    assert (adres["soortDigitaalAdres"], adres["adres"]) == ("telefoonnummer", "+31612345678")


def test_a_callback_request_without_a_number_asks_for_one(openklant, db_url):
    [said] = callback("kan iemand mij terugbellen", "webchat")
    assert said["response"] == "utter_callback_ask_number"
    assert deliver(db_url) == 0


def test_a_yes_without_the_number_asks_for_it_once_more_in_other_words(openklant, db_url):
    tracker = left("Ja, graag.", "tester-callback-yes", "webchat")
    tracker.events.insert(0, {"event": "bot", "text": "Op welk telefoonnummer …?",
                              "metadata": {"utter_action": "utter_callback_ask_number"}})
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionTakeCallback(clock=lambda: SUNDAY_AFTERNOON).run(dispatcher, tracker, {}))
    assert [m["response"] for m in dispatcher.messages] == ["utter_callback_number_again"]
    assert deliver(db_url) == 0


def test_a_whatsapp_resident_is_called_back_on_the_number_they_write_from(openklant, db_url):
    tracker = left("kan iemand mij terugbellen over mijn paspoort", "whatsapp:+31687654321",
                   "whatsapp")
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionTakeCallback(clock=lambda: SUNDAY_AFTERNOON).run(dispatcher, tracker, {}))
    assert dispatcher.messages[0]["phone"] == "0687654321"


def test_a_callback_number_given_on_its_own_is_passed_on(openklant, db_url):
    [said] = callback("06 12345678", "webchat")
    assert said["response"] == "utter_callback_taken_closed"
    assert deliver(db_url) == 1
    [task] = openklant.all("internetaken")
    assert task["toelichting"].startswith(contactverzoek.CALLBACK_ONLY)
    assert "bel de inwoner op +31612345678" in task["toelichting"]


def test_a_callback_time_given_before_the_number_is_kept_and_said_back(openklant, db_url):
    tracker = left("030-1234567", "tester-callback-when", "webchat")
    entities = read_message("030-1234567").to_entities("030-1234567")
    tracker.latest_message["entities"] = entities
    tracker.events[-1]["parse_data"] = {"entities": entities}
    tracker.events[:0] = [
        {"event": "user", "text": "kan iemand mij terugbellen? liefst morgen na 14 uur"},
        {"event": "bot", "text": "Op welk telefoonnummer …?",
         "metadata": {"utter_action": "utter_callback_ask_number"}}]
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionTakeCallback(clock=lambda: SUNDAY_AFTERNOON).run(dispatcher, tracker, {}))
    [said] = dispatcher.messages
    assert (said["response"], said["phone"], said["when"]) == (
        "utter_callback_taken_when", "0301234567", "morgen na 14 uur")
    assert deliver(db_url) == 1
    [task] = openklant.all("internetaken")
    assert contactverzoek.CALLBACK_WHEN.format(when="morgen na 14 uur") in task["toelichting"]
