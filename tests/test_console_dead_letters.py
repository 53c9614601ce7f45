"""The console's list of reports Signalen refused: shown with the reason, corrected, resent."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.reports.dead_letters import DeadLetter, dead_letters
from bot.reports.service import NewReport, file_report
from console.dead_letters import BadCorrection, corrections
from tests.channel_helpers import wait_for
from tests.conftest import STAFF_PASSWORD
from tests.console_client import ConsoleUser

CURRENT = {"category": "report_street_lighting", "description": "lamp kapot",
           "location_text": "Kerkstraat 7", "street": "Kerkstraat", "house_number": "7",
           "postcode": None, "woonplaats": None, "latitude": 5.1188, "longitude": 52.0921,
           "contact_email": None, "contact_phone": None}


def test_only_changed_fields_are_corrections_with_their_types():
    form = {**{k: "" if v is None else str(v) for k, v in CURRENT.items()},
            "latitude": "52,0921", "longitude": "5.1188", "postcode": " 1234AB "}
    assert corrections(form, CURRENT) == {"latitude": 52.0921, "longitude": 5.1188,
                                          "postcode": "1234AB"}
    assert corrections({"street": ""}, CURRENT) == {"street": None}
    assert corrections({"sender_id": "x", "csrf_token": "y"}, CURRENT) == {}
    with pytest.raises(BadCorrection):
        corrections({"latitude": "noord"}, CURRENT)


class Staff:
    name, role, csrf_token = "Agent", "agent", "token-1"

    @staticmethod
    def may(*roles: str) -> bool:
        return "agent" in roles or not roles


def test_the_page_shows_the_reason_and_for_a_lost_answer_the_link_form():
    from console.app import DEAD_LETTER_FIELDS, templates

    letters = [DeadLetter(1, "M-2026-000001", "report_street_lighting", "lamp <kapot>",
                          "Kerkstraat 7", "location.geometrie: not inside the bounding box",
                          dt.datetime(2026, 11, 29, 6), 1, False,
                          {**CURRENT, "description": "lamp <kapot>"}),
               DeadLetter(2, "M-2026-000002", "report_street_lighting", "lamp", "Kerkstraat 7",
                          "answer lost", dt.datetime(2026, 11, 29, 6), 2, True, CURRENT)]
    html = templates.get_template("dead_letters.html").render(
        staff=Staff(), municipality="Lindendal", now=0, letters=letters, error="",
        fields=DEAD_LETTER_FIELDS, categories=["report_street_lighting"])
    assert "M-2026-000001" in html and "bounding box" in html
    assert "lamp &lt;kapot&gt;" in html, "escaped"
    assert html.count('action="/console/reports/2/link"') == 1
    assert 'action="/console/reports/1/link"' not in html
    assert html.count("/resend") == 2 and 'value="token-1"' in html


@pytest.mark.stack
def test_a_refused_report_is_listed_corrected_and_resent(accounts, stack, reports_db_url,
                                                         signalen_standin):
    agent = ConsoleUser(accounts, "agent1", STAFF_PASSWORD)
    new = NewReport(category="report_street_lighting", description="lamp kapot console",
                    location_text="Kerkstraat 7", street="Kerkstraat", house_number="7",
                    latitude=5.1188, longitude=52.0921, channel="rest",
                    sender_id="console-dead-letter")  # latitude and longitude mixed up
    report, _ = file_report(new, url=reports_db_url, forward=True)
    wait_for(lambda: dead_letters(url=reports_db_url))
    status, html = agent.get("/console/reports")
    assert status == 200 and report.case_number in html and "bounding box" in html

    path = f"/console/reports/{report.id}/resend"
    assert agent.post(path, csrf="forged", latitude="52.0921")[0] == 403
    assert agent.post(path, latitude="noord")[0] == 400
    assert agent.post(path, latitude="52.0921", longitude="5.1188")[0] == 303
    wait_for(lambda: any(report.case_number in body["text"]
                         for body in signalen_standin.signals.values()))
    assert report.case_number not in agent.get("/console/reports")[1]
    assert "report_resent" in ConsoleUser(accounts, "beheer", STAFF_PASSWORD).get(
        "/console/audit")[1]
