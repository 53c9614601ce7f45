"""The console's lists and a conversation's lifecycle in a real browser (Chromium,
Playwright, axe-core): two agents in two teams, a transfer with a note, snooze and resolve;
the overview's pages and its search."""
from __future__ import annotations

import itertools
import re
import time

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import create_engine

from bot.reports.retention import tracker_store_url
from bot.worklist.record import record
from bot.worklist.table import ensure_table
from tests.conftest import STAFF_PASSWORD, post_json
from tests.test_console_browser import assert_accessible, browser, local  # noqa: F401

_ids = itertools.count(1)


@pytest.fixture(scope="module")
def teams(accounts, reports_db_url):
    """Two agents, one in Burgerzaken and one in Afval."""
    from console.auth import create_user

    for username, initials, team in (("balie", "BA", "burgerzaken"), ("afvalteam", "AT", "afval")):
        create_user(username, username.title(), initials, "agent", STAFF_PASSWORD,
                    url=reports_db_url, department=team)
    return accounts


def log_in(browser, base: str, username: str) -> Page:  # noqa: F811
    page = browser.new_context().new_page()
    page.goto(local(f"{base}/console/login"))
    page.fill("#username", username)
    page.fill("#password", STAFF_PASSWORD)
    page.click("main button[type=submit]")
    expect(page).to_have_url(re.compile(r"/console/$"))
    return page


def test_a_transfer_to_another_team_with_a_note_then_snooze_and_resolve(
        browser, stack, teams):  # noqa: F811
    resident = f"lifecycle-{next(_ids)}-{int(time.time())}"
    status, _ = post_json(f"{stack.url}/webhooks/rest/webhook?token={stack.token}",
                          {"sender": resident,
                           "message": "Ik wil een medewerker spreken"})
    assert status == 200

    first = log_in(browser, teams, "balie")
    first.fill("#q", resident)
    first.get_by_role("button", name="Zoeken").click()
    row = first.locator("section", has_text="Wachtrij").locator("tr", has_text=resident)
    expect(row).to_contain_text("vroeg om een medewerker")
    assert_accessible(first)
    row.get_by_role("link").click()
    assert_accessible(first)
    first.select_option("#transfer-to", label="Team Afval")
    first.fill("#transfer-note", "Gaat over grofvuil ophalen, niet over paspoorten.")
    first.get_by_role("button", name="Overdragen").click()
    expect(first.locator("#lifecycle-state")).to_contain_text("Team: Afval")
    expect(first.locator("section", has_text="Notities")).to_contain_text(
        "Overgedragen aan team Afval: Gaat over grofvuil ophalen")

    second = log_in(browser, teams, "afvalteam")
    second.select_option("#f-team", "afval")
    second.get_by_role("button", name="Zoeken").click()
    queued = second.locator("section", has_text="Wachtrij").locator("tr", has_text=resident)
    expect(queued).to_contain_text("overgedragen aan een team")
    assert_accessible(second)
    queued.get_by_role("link").click()
    expect(second.locator("section", has_text="Notities")).to_contain_text("grofvuil ophalen")
    second.get_by_role("button", name="Aan mij toewijzen").click()
    expect(second.locator("#lifecycle-state")).to_contain_text("Medewerker: Afvalteam")

    second.select_option("#snooze-hours", "4")
    second.get_by_role("button", name="Uitstellen").click()
    expect(second.locator("#lifecycle-state")).to_contain_text("uitgesteld tot")
    assert_accessible(second)
    second.goto(local(f"{teams}/console/?team=afval"))
    expect(second.locator("section", has_text="Wachtrij")).not_to_contain_text(resident)

    second.goto(local(f"{teams}/console/conversations/{resident}"))
    second.get_by_role("button", name="Weer openen").click()
    second.select_option("#resolve-outcome", "beantwoord")
    second.get_by_role("button", name="Gesprek afronden").click()
    expect(second.locator("#lifecycle-state")).to_contain_text("afgerond: Vraag beantwoord")
    assert_accessible(second)

    audit = log_in(browser, teams, "beheer")
    audit.goto(local(f"{teams}/console/audit"))
    for action in ("transferred", "assigned", "snoozed", "reopened", "resolved"):
        expect(audit.locator("main")).to_contain_text(action)


def test_the_overview_has_pages_and_a_search(browser, stack, teams):  # noqa: F811
    url = tracker_store_url(stack.endpoints)
    engine = create_engine(url, future=True)
    ensure_table(engine)
    marker = f"kwispel{int(time.time())}"
    now = time.time()
    with engine.begin() as connection:  # as the tracker store does on save, without Rasa
        for number in range(60):
            record(connection, f"paging-{now:.0f}-{number}", [
                {"event": "user", "timestamp": now - 3600 + number, "input_channel": "webchat",
                 "text": f"Vraag {number} over de {marker if number == 7 else 'boom'}"}])

    page = log_in(browser, teams, "agent1")
    expect(page.locator("#active-title")).to_contain_text("Actieve gesprekken")
    expect(page.locator("nav.pages")).to_contain_text("Pagina 1 van")
    page.get_by_role("link", name="Volgende pagina").click()
    expect(page).to_have_url(re.compile(r"pagina=2"))
    expect(page.locator("nav.pages")).to_contain_text("Pagina 2 van")
    assert_accessible(page)

    page.fill("#q", marker)
    page.get_by_role("button", name="Zoeken").click()
    rows = page.locator("section", has_text="Actieve gesprekken").locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows).to_contain_text(f"paging-{now:.0f}-7")
    assert_accessible(page)
    page.get_by_role("link", name="Alle filters wissen").click()
    expect(page.locator("#q")).to_have_value("")
