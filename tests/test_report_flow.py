"""Reports end to end: REST channel → form → report store → Signalen stand-in.

Also counts the questions the bot asks per report type (the goal is the minimum:
what + where + consent, plus the summary; a photo is offered only where one can be sent).
"""
from __future__ import annotations

import json
import re
import urllib.request
from typing import Dict, List

import pytest

from bot.reports import db as reports_db
from bot.reports.models import Report
from tests.channel_helpers import wait_for
from tests.conftest import texts

CASE_NUMBER = re.compile(r"M-\d{4}-\d{6}")
QUESTIONS: Dict[str, int] = {}


def bot_actions(stack, sender: str) -> List[str]:
    url = f"{stack.url}/conversations/{sender}/tracker?token={stack.token}"
    with urllib.request.urlopen(url, timeout=10) as response:
        events = json.load(response)["events"]
    return [e.get("metadata", {}).get("utter_action", "") for e in events if e["event"] == "bot"]


def questions_asked(stack, sender: str) -> List[str]:
    return [a for a in bot_actions(stack, sender) if a.startswith("utter_ask_report_")]


def stored(reports_db_url: str, sender: str) -> List[Report]:
    with reports_db.session(reports_db_url) as db:
        return db.query(Report).filter_by(sender_id=sender).all()


def forwarded(reports_db_url: str, sender: str) -> List[Report]:
    """The sender's reports once Signalen has them (forwarding runs after the answer)."""
    return wait_for(lambda: [r for r in stored(reports_db_url, sender) if r.signalen_id])


def test_loose_tile_with_address_asks_only_consent_and_summary(talk, stack, reports_db_url,
                                                                signalen_standin):
    sender = "report-tile"
    first = texts(talk(sender, "Er ligt een losse stoeptegel voor de deur van Dorpsstraat 12"))
    assert "bericht als er iets verandert" in first
    assert "Ik noteer: Dorpsstraat 12." in first, "what was understood is said back"
    summary = texts(talk(sender, "nee"))
    assert "Dorpsstraat 12" in summary and "losse stoeptegel" in summary
    assert "geen berichten" in summary
    done = texts(talk(sender, "ja"))
    case = CASE_NUMBER.search(done).group()
    assert "werkdagen" in done

    [report] = forwarded(reports_db_url, sender)
    assert (report.case_number, report.category) == (case, "report_pavement_road")
    assert (report.street, report.house_number) == ("Dorpsstraat", "12")
    assert report.wants_updates is False and report.contact_email is None
    assert report.signalen_id in signalen_standin.signals
    body = signalen_standin.signals[report.signalen_id]
    if report.address_confirmed:  # the register (PDOK) knew it
        assert body["location"]["address"]["openbare_ruimte"] == "Dorpsstraat"
    else:  # offline here: Signalen gets the point only
        assert "address" not in body["location"]
    assert body["reporter"] == {}, "no updates wanted: anonymous"
    QUESTIONS["report_pavement_road (address in message)"] = len(questions_asked(stack, sender))
    assert questions_asked(stack, sender) == ["utter_ask_report_updates",
                                              "utter_ask_report_confirmed"]


@pytest.mark.parametrize("category, first_message, place", [
    ("report_pavement_road", "gat in de weg", "Kerkweg 4"),
    ("report_waste_collection", "onze container is vandaag niet geleegd", "1234 AB 7"),
    ("report_street_lighting", "de lantaarnpaal doet het niet", "Julianastraat 7a"),
    ("report_public_space_other", "er ligt veel zwerfvuil", "Schoolstraat bij de speeltuin"),
])
def test_each_report_type_asks_where_when_it_is_missing(talk, stack, reports_db_url, category,
                                                        first_message, place):
    sender = f"report-{category}"
    assert "Waar is het?" in texts(talk(sender, first_message))
    assert "bericht als er iets verandert" in texts(talk(sender, place))
    talk(sender, "nee dank je")
    assert CASE_NUMBER.search(texts(talk(sender, "ja klopt")))
    [report] = stored(reports_db_url, sender)
    assert report.category == category
    assert report.description.lower().rstrip(".") == first_message
    QUESTIONS[category] = len(questions_asked(stack, sender))
    assert questions_asked(stack, sender) == ["utter_ask_report_location",
                                              "utter_ask_report_updates",
                                              "utter_ask_report_confirmed"]


def test_what_is_asked_when_the_first_message_does_not_say(talk, stack, reports_db_url):
    sender = "report-what"
    assert "Wat wilt u melden?" in texts(talk(sender, "/report_public_space_other"))
    assert "Waar is het?" in texts(talk(sender, "veel zwerfvuil en glas"))
    talk(sender, "Molenweg 3")
    talk(sender, "nee")
    assert CASE_NUMBER.search(texts(talk(sender, "ja")))
    assert stored(reports_db_url, sender)[0].description.lower() == "veel zwerfvuil en glas"


def test_a_street_the_register_lacks_is_asked_about_once_then_taken(talk, reports_db_url):
    sender = "report-unknown-street"
    talk(sender, "lantaarnpaal kapot")
    assert "Klopt die naam?" in texts(talk(sender, "Fantasiestraat 5"))
    assert "bericht als er iets verandert" in texts(talk(sender, "jawel, die straat bestaat echt"))
    talk(sender, "nee")
    talk(sender, "ja")
    assert stored(reports_db_url, sender)[0].location_text == "Fantasiestraat 5"


def test_web_chat_updates_ask_contact_and_say_why(talk, reports_db_url, signalen_standin):
    sender = "report-updates"
    talk(sender, "losse tegel bij Kerkstraat 3")
    ask = texts(talk(sender, "ja graag"))
    assert "e-mailadres of telefoonnummer" in ask and "alleen voor deze melding" in ask
    assert "geen e-mailadres" in texts(talk(sender, "mijn mail is nog geheim"))
    summary = texts(talk(sender, "J.deVries@KPNplanet.nl"))
    assert "U krijgt berichten" in summary
    assert "U hoort van ons" in texts(talk(sender, "ja"))
    [report] = forwarded(reports_db_url, sender)
    assert (report.wants_updates, report.contact_email) == (True, "j.devries@kpnplanet.nl")
    assert signalen_standin.signals[report.signalen_id]["reporter"]["email"] == \
        "j.devries@kpnplanet.nl"


def test_correcting_the_place_in_the_summary(talk, reports_db_url):
    sender = "report-correct"
    talk(sender, "losse stoeptegel op de Dorpsstraat 10")
    talk(sender, "nee")
    summary = texts(talk(sender, "nee, het is Kerkstraat 14"))
    assert "Waar: Kerkstraat 14" in summary
    talk(sender, "ja")
    assert stored(reports_db_url, sender)[0].location_text == "Kerkstraat 14"


def test_changing_the_mind_about_updates_in_the_summary(talk, reports_db_url):
    sender = "report-correct-updates"
    talk(sender, "zwerfvuil bij Parkweg 2")
    assert "geen berichten" in texts(talk(sender, "nee"))
    talk(sender, "nee")
    assert "bericht als er iets verandert" in texts(talk(sender, "/correct_updates"))
    talk(sender, "ja")
    assert "U krijgt berichten" in texts(talk(sender, "06-12345678"))
    talk(sender, "ja")
    [report] = stored(reports_db_url, sender)
    assert (report.wants_updates, report.contact_phone) == (True, "+31612345678")


def test_correcting_with_the_buttons(talk, reports_db_url):
    sender = "report-correct-buttons"
    talk(sender, "de straatlamp is stuk bij Lindelaan 2")
    talk(sender, "nee")
    what = talk(sender, "nee")
    assert "Wat moet er anders?" in texts(what) and "Klopt dit?" not in texts(what)
    assert "Waar is het?" in texts(talk(sender, "/correct_location"))
    assert "Lindelaan 4" in texts(talk(sender, "Lindelaan 4"))
    talk(sender, "ja")
    assert stored(reports_db_url, sender)[0].location_text == "Lindelaan 4"


def test_stop_files_nothing(talk, reports_db_url):
    sender = "report-stop"
    talk(sender, "mijn kliko is niet geleegd")
    reply = texts(talk(sender, "laat maar"))
    assert "Er is niets verstuurd" in reply
    assert stored(reports_db_url, sender) == []


def test_a_question_mid_report_is_answered_and_the_report_goes_on(talk, reports_db_url):
    sender = "report-digression"
    assert "Waar is het?" in texts(talk(sender, "er ligt een boom over het fietspad"))
    reply = texts(talk(sender, "hoe laat zijn jullie open?"))
    assert "08:30" in reply and "verder met uw melding" in reply and "Waar is het?" in reply
    talk(sender, "Parkweg 1")
    talk(sender, "nee")
    assert CASE_NUMBER.search(texts(talk(sender, "ja")))


def test_the_same_report_twice_gets_the_same_case_number(talk, reports_db_url):
    sender = "report-twice"
    numbers = []
    for _ in range(2):
        talk(sender, "gat in de weg bij Stationsstraat 9")
        talk(sender, "nee")
        numbers.append(CASE_NUMBER.search(texts(talk(sender, "ja"))).group())
    assert numbers[0] == numbers[1]
    assert len(stored(reports_db_url, sender)) == 1


def test_no_name_bsn_or_birth_date_is_ever_asked(stack):
    asked = " ".join(bot_actions(stack, "report-updates") + bot_actions(stack, "report-tile"))
    assert asked, "the conversations above ran"
    with urllib.request.urlopen(f"{stack.url}/conversations/report-updates/tracker?token="
                                f"{stack.token}", timeout=10) as response:
        bot_texts = " ".join(e.get("text") or "" for e in json.load(response)["events"]
                             if e["event"] == "bot").lower()
    for word in ("uw naam", "bsn", "geboortedatum", "burgerservicenummer"):
        assert word not in bot_texts


def test_questions_per_report_type_stay_minimal(stack):
    """The count table is printed at the end of the test run (tests/conftest.py)."""
    assert QUESTIONS, "the report tests above ran first"
    assert max(QUESTIONS.values()) <= 4


def test_missed_bulky_waste_pickup_is_reported(talk, reports_db_url):
    sender = "report-bulky"
    answer = talk(sender, "hoe kan ik grofvuil laten ophalen?")
    assert any(b["payload"] == "/report_bulky_missed" for r in answer for b in r.get("buttons", []))
    assert "Wat wilt u melden?" in texts(talk(sender, "/report_bulky_missed"))
    talk(sender, "een oude bank en een matras staan er nog")
    talk(sender, "Rozenlaan 9")
    talk(sender, "nee")
    assert CASE_NUMBER.search(texts(talk(sender, "ja")))
    assert stored(reports_db_url, sender)[0].category == "bulky_waste_pickup"


def test_a_missed_pickup_said_in_words_starts_the_report_at_once(talk, reports_db_url):
    sender = "report-bulky-words"
    assert "Waar is het" in texts(talk(sender, "ze zijn mijn grofvuil vergeten"))
    talk(sender, "Rozenlaan 9")
    talk(sender, "nee")
    assert CASE_NUMBER.search(texts(talk(sender, "ja")))
    assert stored(reports_db_url, sender)[0].category == "bulky_waste_pickup"
