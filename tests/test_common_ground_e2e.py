"""Common Ground end to end (issue 18, "Measured"): the whole running stack (webhooks, NLU,
dialogue, action server, outbox worker, console) with REPORTS_BACKEND=zgw against the ZGW
stand-ins and OPENKLANT_URL against the Open Klant stand-in.

- a Telegram resident reports a broken street light → a zaak with status, rol, zaakobject
  and the photo as a document;
- a new status the case system publishes through the Notificaties stand-in reaches the
  resident's Telegram chat once, also when it is delivered twice;
- a webcare conversation on WhatsApp that filed a report ends with one klantcontact in Open
  Klant, linked to the zaak;
- the case system down while a report is filed: the report stays queued and arrives when
  it is back;
- a message left outside opening hours (the stack's profile has colleagues at work on one
  day only, never today: as on a Sunday) becomes an interne taak for the department that owns
  its subject, and the next working day's answer, typed in the console in Chromium, reaches
  the resident's WhatsApp; the agent finishes the conversation ("Gesprek afronden", checked
  with axe-core) and it becomes one klantcontact;
- Open Klant down when the agent hands back: the klantcontact waits (shown in the console)
  and arrives once when Open Klant is back.

Its own stack (module scope), not the shared session one: that one sends reports to
Signalen. Needs the trained model (the `trained_model` fixture marks it `stack`).
"""
from __future__ import annotations

import datetime as dt
import json
import re
import secrets
from pathlib import Path
from typing import Any, Dict, List
from zoneinfo import ZoneInfo

import pytest
import requests
import yaml
from playwright.sync_api import Browser, sync_playwright

from bot.reports import db as reports_db
from bot.reports.models import OutboxItem, Report
from bot.reports.status import RESIDENT_UPDATE
from bot.reports.zgw_status import ZGW_NOTIFICATION
from bot.serve import Stack
from bot.settings import ROOT
from console.auth import create_user
from tests.channel_helpers import arrived, telegram_post, wait_for, whatsapp_says
from tests.console_client import ConsoleUser, conversation_path
from tests.conftest import STAFF_PASSWORD, channel_env
from tests.services import embedded_endpoints, free_port
from tests.standins.openklant import OpenKlantStandIn
from tests.standins.telegram import PHOTO
from tests.standins.zgw import CLIENT_ID, RSIN, SECRET, ZgwStandIns
from tests.standins.zgw_common import make_token
from tests.test_console_browser import CHROMIUM, CHROMIUM_ARGS, assert_accessible, local
from tests.test_telegram import update
from tests.test_whatsapp_sms import new_number

# Full suite only (the `trained_model` fixture marks it too; see NEEDS_STACK in conftest).
pytestmark = pytest.mark.stack

OPENKLANT_TOKEN = "open-klant-e2e-token"
CALLBACK_AUTH = "Bearer " + secrets.token_urlsafe(16)
CASE_NUMBER = re.compile(r"M-\d{4}-\d{6}")
# Asynchronous delivery (outbox rounds of 1 s, backoff from 2 s) is awaited this long at most.
DELIVERY = 90
# The outbox worker subscribes once Rasa (the callback) is up, trying again with backoff
# (2, 4, 8 … s): within about 250 s of its start even when Rasa takes the whole 180 s.
SUBSCRIBED = 240


@pytest.fixture(scope="module")
def zgw():
    standins = ZgwStandIns().start()
    yield standins
    standins.stop()


@pytest.fixture(scope="module")
def openklant():
    standin = OpenKlantStandIn(token=OPENKLANT_TOKEN).start()
    yield standin
    standin.stop()


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('zgw-reports') / 'reports.db'}"


@pytest.fixture(scope="module")
def zgw_stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory, zgw, openklant,
              twilio_standin, telegram_standin, db_url: str):
    """Rasa, the action server, the outbox worker and the console, reporting to the case
    system and registering contacts in Open Klant."""
    workdir = tmp_path_factory.mktemp("zgw-stack")
    action_port, rasa_port = free_port(), free_port()
    profile_file, _ = closed_profile(workdir)
    tone_file = workdir / "tone_of_voice.yml"
    tone_file.write_text((ROOT / "tone_of_voice.yml").read_text(encoding="utf-8"),
                         encoding="utf-8")
    running = Stack(rasa_port=rasa_port, action_port=action_port,
                    endpoints=embedded_endpoints(workdir, action_port),
                    console_port=free_port(), token=secrets.token_hex(16),
                    log_dir=workdir / "logs",
                    env={"GA_DATABASE_URL": db_url, "SIGNALEN_URL": "",
                         "GA_OUTBOX_INTERVAL": "1", "GA_OUTBOX_FIRST_RETRY": "2",
                         "GA_TONE_FILE": str(tone_file), "GA_ACTION_TIMEOUT": "5",
                         "GA_PROFILE": str(profile_file), "REPORTS_BACKEND": "zgw",
                         "ZGW_ZAKEN_URL": zgw.zaken.root,
                         "ZGW_CATALOGI_URL": zgw.catalogi.root,
                         "ZGW_DOCUMENTEN_URL": zgw.documenten.root,
                         "ZGW_NOTIFICATIES_URL": zgw.notificaties.root,
                         "ZGW_CLIENT_ID": CLIENT_ID, "ZGW_SECRET": SECRET,
                         "ZGW_ZAAKTYPE": "MOR", "ZGW_RSIN": RSIN, "ZGW_TIMEOUT": "5",
                         "ZGW_CALLBACK_URL":
                             f"http://127.0.0.1:{rasa_port}/webhooks/zgw/notificaties",
                         "ZGW_CALLBACK_AUTH": CALLBACK_AUTH,
                         "OPENKLANT_URL": openklant.url, "OPENKLANT_TOKEN": OPENKLANT_TOKEN,
                         **channel_env(twilio_standin.url, telegram_standin.url)})
    running.start(trained_model)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def chromium() -> Browser:
    """Debian's Chromium, as in the console's browser tests."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                              headless=True)
        yield launched
        launched.close()


def closed_profile(workdir: Path) -> tuple:
    """The municipality's profile with colleagues at work on one day that is not today (so
    every message to a colleague in this stack is left outside opening hours, as on a
    Sunday): the file, and that day's name as the resident hears it."""
    data = yaml.safe_load((ROOT / "bot" / "profile.yml").read_text(encoding="utf-8"))
    today = dt.datetime.now(ZoneInfo(data["timezone"])).weekday()
    day = "mon" if today != 0 else "tue"
    data["opening_hours"] = {day: ["08:30", "17:00"]}
    path = workdir / "profile.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path, data["day_names"][day]


# --- helpers -----------------------------------------------------------------------------

def telegram_says(stack: Stack, telegram_standin, chat: int, **message: Any) -> List[str]:
    """Post one update to the stack's Telegram webhook; the texts the bot sent back."""
    before = len(telegram_standin.texts_to(chat))
    status, answer = telegram_post(f"{stack.url}/webhooks/telegram/webhook",
                                   json.dumps(update(chat, **message)).encode())
    assert status == 200, answer
    return arrived(lambda: telegram_standin.texts_to(chat)[before:])



def case_number_in(replies: List[str]) -> str:
    found = CASE_NUMBER.search(" ".join(replies))
    assert found, f"no case number in {replies}"
    return found.group(0)


def zaak_of(zgw: ZgwStandIns, case_number: str) -> Dict[str, Any]:
    """The zaak with our case number as identificatie, once the outbox delivered it whole."""
    def complete():
        zaken = zgw.zaken.of("zaken", identificatie=case_number)
        return zaken[0] if zaken and zaken[0]["status"] and zaken[0]["zaakobjecten"] else None

    return wait_for(complete, timeout=DELIVERY)


def outbox_of(db_url: str, case_number: str) -> List[OutboxItem]:
    with reports_db.session(db_url) as db:
        report = db.query(Report).filter_by(case_number=case_number).one()
        return db.query(OutboxItem).filter_by(report_id=report.id).order_by(OutboxItem.id).all()


PHOTO_SIZES = [{"file_id": "lamp-small", "file_unique_id": "ls", "file_size": 900, "width": 90,
                "height": 67},
               {"file_id": "lamp-large", "file_unique_id": "ll", "file_size": 90000,
                "width": 1280, "height": 960}]


def report_street_light_on_telegram(stack: Stack, telegram_standin, chat: int,
                                    street: str) -> str:
    """A resident types a broken street light with its place, sends a photo, wants news and
    confirms; the case number the bot gave."""
    asked = telegram_says(stack, telegram_standin, chat,
                          text=f"De lantaarnpaal bij {street} doet het al dagen niet")
    assert "foto" in asked[-1].lower(), asked
    asked = telegram_says(stack, telegram_standin, chat, photo=PHOTO_SIZES)
    assert "bericht als er iets verandert" in asked[-1], asked
    summary = telegram_says(stack, telegram_standin, chat, text="ja graag")
    assert "Klopt dit?" in summary[-1], summary
    return case_number_in(telegram_says(stack, telegram_standin, chat, text="ja klopt"))


@pytest.fixture(scope="module")
def street_light(zgw_stack, telegram_standin) -> Dict[str, Any]:
    """The Telegram resident's report (steps 1 and 2 share it)."""
    chat = 810_001
    return {"chat": chat, "case_number": report_street_light_on_telegram(
        zgw_stack, telegram_standin, chat, "Kerkstraat 3")}


# --- 1. a Telegram report becomes a zaak -------------------------------------------------

def test_a_telegram_report_becomes_a_zaak_with_status_rol_place_and_photo(
        zgw_stack, zgw, street_light, db_url):
    zaak = zaak_of(zgw, street_light["case_number"])
    assert zaak["bronorganisatie"] == RSIN
    assert zaak["zaaktype"] == zgw.catalogi.zaaktype["url"]
    assert "lantaarnpaal" in zaak["toelichting"].lower()
    [status] = zgw.zaken.of("statussen", zaak=zaak["url"])
    assert zgw.catalogi.objects[status["statustype"]]["volgnummer"] == 1
    [rol] = zgw.zaken.of("rollen", zaak=zaak["url"])
    assert rol["omschrijvingGeneriek"] == "initiator"
    assert rol["betrokkeneIdentificatie"] == {}, "no BSN, no name"
    [place] = zgw.zaken.of("zaakobjecten", zaak=zaak["url"])
    described = json.dumps(place["objectIdentificatie"])
    assert "Kerkstraat" in described, place
    [link] = wait_for(lambda: zgw.zaken.of("zaakinformatieobjecten", zaak=zaak["url"]),
                      timeout=DELIVERY)
    assert zgw.documenten.contents[link["informatieobject"]] == PHOTO, "the resident's photo"
    with reports_db.session(db_url) as db:
        report = db.query(Report).filter_by(case_number=street_light["case_number"]).one()
        assert report.zaak_url == zaak["url"] and report.channel == "telegram"
    assert len(zgw.zaken.of("zaken", identificatie=street_light["case_number"])) == 1


# --- 2. the case system's status news reaches Telegram once --------------------------------

def publish_again(zgw: ZgwStandIns, message: Dict[str, Any]) -> None:
    """The case system posts a notification to the Notificaties API (as Open Zaak does)."""
    answer = requests.post(f"{zgw.notificaties.root}/notificaties", json=message, timeout=30,
                           headers={"Authorization": f"Bearer {make_token(CLIENT_ID, SECRET)}"})
    assert answer.status_code == 200, answer.text


def test_a_new_status_reaches_the_telegram_chat_once_even_when_notified_twice(
        zgw_stack, zgw, telegram_standin, street_light, db_url):
    chat, case_number = street_light["chat"], street_light["case_number"]
    zaak = zaak_of(zgw, case_number)
    abonnement = wait_for(lambda: zgw.notificaties.of("abonnement"), timeout=SUBSCRIBED)
    assert [a["callbackUrl"] for a in abonnement] == [
        f"{zgw_stack.url}/webhooks/zgw/notificaties"], "the outbox worker subscribed"

    def news() -> List[str]:
        return [t for t in telegram_standin.texts_to(chat)
                if t.startswith(f"Nieuws over uw melding {case_number}")]

    assert news() == []
    status = zgw.zaken.set_status(zaak["url"], "In behandeling")
    [message] = [m for _, _, m in zgw.notificaties.deliveries
                 if m["resourceUrl"] == status["url"]]
    publish_again(zgw, message)
    answers = [code for _, code, m in zgw.notificaties.deliveries
               if m["resourceUrl"] == status["url"]]
    assert answers == [204, 204], "both deliveries taken by the callback"

    [said] = wait_for(news, timeout=DELIVERY)
    assert "we zijn ermee bezig" in said

    def all_delivered() -> bool:
        with reports_db.session(db_url) as db:
            return db.query(OutboxItem).filter(OutboxItem.delivered_at.is_(None),
                                               OutboxItem.dead_at.is_(None)).count() == 0

    wait_for(all_delivered, timeout=DELIVERY)
    kinds = [item.kind for item in outbox_of(db_url, case_number)]
    assert kinds.count(RESIDENT_UPDATE) == 1, kinds
    assert len(news()) == 1, "told once"
    with reports_db.session(db_url) as db:
        report = db.query(Report).filter_by(case_number=case_number).one()
        assert (report.status, report.zaak_status_url) == ("in_behandeling", status["url"])
        assert db.query(OutboxItem).filter_by(kind=ZGW_NOTIFICATION).count() >= 1


# --- 3. a webcare conversation on WhatsApp becomes one klantcontact -------------------------

def test_a_webcare_conversation_on_whatsapp_is_one_klantcontact_linked_to_its_zaak(
        zgw_stack, zgw, openklant, twilio_standin, db_url):
    resident = "whatsapp:" + new_number()
    asked = whatsapp_says(zgw_stack, twilio_standin, resident,
                          "De straatlamp bij Julianastraat 9 doet het al dagen niet")
    assert "foto" in asked[-1], asked
    assert "bericht als er iets verandert" in whatsapp_says(zgw_stack, twilio_standin, resident,
                                                        "nee, geen foto")[-1]
    assert "Klopt dit?" in whatsapp_says(zgw_stack, twilio_standin, resident, "nee hoor")[-1]
    case_number = case_number_in(whatsapp_says(zgw_stack, twilio_standin, resident, "klopt"))
    zaak = zaak_of(zgw, case_number)

    assert whatsapp_says(zgw_stack, twilio_standin, resident,
                         "Ik wil een medewerker spreken over mijn melding")
    create_user("webcare1", "Petra Jansen", "PJ", "agent", STAFF_PASSWORD, url=db_url)
    agent = ConsoleUser(zgw_stack.console_url, "webcare1", STAFF_PASSWORD)
    assert agent.post(conversation_path(resident, "take"))[0] == 303
    answer = "We repareren de lamp in de Julianastraat deze week."
    assert agent.post(conversation_path(resident, "reply"), text=answer)[0] == 303
    wait_for(lambda: [b for b in twilio_standin.bodies_to(resident) if answer in b],
             timeout=DELIVERY)
    assert agent.post(conversation_path(resident, "handback"), outcome="beantwoord")[0] == 303

    zaak_uuid = zaak["url"].rstrip("/").rsplit("/", 1)[-1]

    def linked() -> Dict[str, Any]:
        found = {o["onderwerpobjectidentificator"]["objectId"]: o
                 for o in openklant.all("onderwerpobjecten")}
        return found if zaak_uuid in found else {}

    objects = wait_for(linked, timeout=DELIVERY)
    # the klantcontact is made first, its actor and objects linked after it: wait for all
    [contact] = wait_for(lambda: [c for c in openklant.all("klantcontacten")
                                  if c["hadBetrokkenActoren"]], timeout=DELIVERY)
    assert set(objects) == {case_number, zaak_uuid}
    assert objects[zaak_uuid]["onderwerpobjectidentificator"]["codeRegister"] == "openzaak"
    assert all(o["klantcontact"]["uuid"] == contact["uuid"] for o in objects.values())
    assert contact["kanaal"] == "WhatsApp" and contact["indicatieContactGelukt"] is True
    assert answer in contact["reactie"]
    assert resident.split("+")[-1] not in json.dumps(contact), "no phone number registered"
    [actor] = contact["hadBetrokkenActoren"]
    assert (actor["naam"], actor["soortActor"]) == ("Petra Jansen", "medewerker")
    assert len(openklant.all("klantcontacten")) == 1, "one klantcontact"
    assert openklant.all("internetaken") == [], "no message was left: no task"


# --- 4. the case system down while a report is filed loses nothing --------------------------

def test_a_report_filed_while_the_case_system_is_down_arrives_when_it_is_back(
        zgw_stack, zgw, telegram_standin, db_url):
    zgw.fail_with(503)
    try:
        case_number = report_street_light_on_telegram(zgw_stack, telegram_standin, 810_002,
                                                      "Dorpsstraat 12")

        def tried() -> List[OutboxItem]:
            return [i for i in outbox_of(db_url, case_number) if i.attempts >= 2]

        [waiting] = wait_for(tried, timeout=DELIVERY)
        assert (waiting.delivered_at, waiting.dead_at) == (None, None), "queued, no dead letter"
        assert "503" in waiting.last_error
        assert zgw.zaken.of("zaken", identificatie=case_number) == []
        create_user("beheer1", "Beheer", "BH", "admin", STAFF_PASSWORD, url=db_url)
        status, page = ConsoleUser(zgw_stack.console_url, "beheer1",
                                   STAFF_PASSWORD).get("/console/reports")
        assert status == 200 and case_number not in page, "waiting, not given up"
    finally:
        zgw.fail_with(None)
    zaak = zaak_of(zgw, case_number)
    assert len(zgw.zaken.of("zaken", identificatie=case_number)) == 1
    wait_for(lambda: all(i.delivered_at for i in outbox_of(db_url, case_number)),
             timeout=DELIVERY)
    with reports_db.session(db_url) as db:
        report = db.query(Report).filter_by(case_number=case_number).one()
        assert report.zaak_url == zaak["url"] and report.status == "gemeld"


# --- 5. a message left outside opening hours, answered the next working day ----------------

def contacts_answering(openklant, answer: str) -> List[Dict[str, Any]]:
    return [c for c in openklant.all("klantcontacten") if answer in (c["reactie"] or "")]


def test_a_message_left_outside_opening_hours_is_a_task_for_the_department_answered_later(
        zgw_stack, openklant, twilio_standin, chromium, tmp_path, db_url):
    _, next_day = closed_profile(tmp_path)
    resident = "whatsapp:" + new_number()
    closed = " ".join(whatsapp_says(zgw_stack, twilio_standin, resident,
                                    "Ik wil een medewerker spreken"))
    assert "Laat hier alvast uw bericht achter" in closed and next_day in closed, closed
    taken = " ".join(whatsapp_says(zgw_stack, twilio_standin, resident,
                                   "De WOZ-waarde van mijn huis is veel te hoog, ik wil daar "
                                   "bezwaar tegen maken. Bel mij graag terug."))
    # "Bel mij graag terug" on WhatsApp: a callback on the number they write from
    # the number as the resident writes it (0612…, round r56), not +31612…
    at_home = "0" + resident.split(":")[-1][len("+31"):]
    assert "teruggebeld wilt worden op " + at_home in taken, taken
    assert next_day in taken, taken

    [task] = wait_for(lambda: [t for t in openklant.all("internetaken")
                               if "WOZ-waarde" in t["toelichting"]], timeout=DELIVERY)
    assert (task["status"], task["gevraagdeHandeling"]) == (
        "te_verwerken", "Contact opnemen met betrokkene")
    assert "Terugbelverzoek: bel de inwoner op " + resident.split(":")[-1] in task["toelichting"]
    department = openklant.records["actoren"][task["toegewezenAanActor"]["uuid"]]
    assert (department["naam"], department["soortActor"]) == (
        "Belastingen", "organisatorische_eenheid"), "the WOZ article's department"
    request = openklant.records["klantcontacten"][task["aanleidinggevendKlantcontact"]["uuid"]]
    assert (request["kanaal"], request["onderwerp"]) == ("WhatsApp",
                                                         "Bezwaar maken tegen de WOZ-waarde")
    assert [a["adres"] for a in openklant.all("digitaleadressen")
            if a["adres"] == resident.split(":")[-1]], "the way back: their WhatsApp number"

    # The next working day: an agent answers in the console, in a browser.
    create_user("maandag1", "Mila Bakker", "MB", "agent", STAFF_PASSWORD, url=db_url)
    agent = chromium.new_context().new_page()
    agent.goto(local(f"{zgw_stack.console_url}/console/"))
    agent.fill("#username", "maandag1")
    agent.fill("#password", STAFF_PASSWORD)
    agent.click("main button[type=submit]")
    agent.goto(local(f"{zgw_stack.console_url}{conversation_path(resident)}"))
    assert "Belastingen: Bezwaar maken tegen de WOZ-waarde" in agent.content()
    agent.get_by_role("button", name="Gesprek overnemen").click()
    answer = "Uw bezwaar tegen de WOZ-waarde kunt u online indienen; ik stuur u de link."
    agent.fill("#reply-text", answer)
    agent.get_by_role("button", name="Versturen").click()
    wait_for(lambda: [b for b in twilio_standin.bodies_to(resident) if answer in b],
             timeout=DELIVERY)
    wait_for(lambda: openklant.records["internetaken"][task["uuid"]]["status"] == "verwerkt",
             timeout=DELIVERY)
    agent.reload()
    assert_accessible(agent)  # the page with "Gesprek afronden"
    agent.select_option("#finish-outcome", "beantwoord")
    agent.get_by_role("button", name="Gesprek afronden").click()

    [contact] = wait_for(lambda: [c for c in contacts_answering(openklant, answer)
                                  if c["hadBetrokkenActoren"]], timeout=DELIVERY)
    assert contact["metadata"]["uitkomst"] == "Vraag beantwoord"
    assert [a["naam"] for a in contact["hadBetrokkenActoren"]] == ["Mila Bakker"]
    assert len(contacts_answering(openklant, answer)) == 1


# --- 6. Open Klant down when the agent hands back loses nothing --------------------------------

def test_open_klant_down_at_hand_back_keeps_the_contact_visible_until_it_arrives(
        zgw_stack, openklant, twilio_standin, db_url):
    resident = "whatsapp:" + new_number()
    assert whatsapp_says(zgw_stack, twilio_standin, resident, "Ik wil een medewerker spreken")
    create_user("webcare6", "Ravi Smit", "RS", "agent", STAFF_PASSWORD, url=db_url)
    agent = ConsoleUser(zgw_stack.console_url, "webcare6", STAFF_PASSWORD)
    assert agent.post(conversation_path(resident, "take"))[0] == 303
    answer = "Voor uw vraag over de WOZ-waarde verwijs ik u naar de afdeling Belastingen."
    assert agent.post(conversation_path(resident, "reply"), text=answer)[0] == 303
    wait_for(lambda: [b for b in twilio_standin.bodies_to(resident) if answer in b],
             timeout=DELIVERY)

    openklant.fail_with = 503
    try:
        assert agent.post(conversation_path(resident, "handback"),
                          outcome="doorverwezen")[0] == 303

        def shown_waiting() -> bool:
            status, page = agent.get("/console/reports")
            return status == 200 and "Wacht op Open Klant" in page

        wait_for(shown_waiting, timeout=DELIVERY)
        assert contacts_answering(openklant, answer) == []
    finally:
        openklant.fail_with = None
    [contact] = wait_for(lambda: [c for c in contacts_answering(openklant, answer)
                                  if c["hadBetrokkenActoren"]], timeout=DELIVERY)
    assert contact["metadata"]["uitkomst"].startswith("Doorverwezen")
    wait_for(lambda: "Wacht op Open Klant" not in agent.get("/console/reports")[1],
             timeout=DELIVERY)
    assert len(contacts_answering(openklant, answer)) == 1, "registered once"
