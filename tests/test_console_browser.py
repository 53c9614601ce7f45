"""The console and the web chat in a real browser (Debian's Chromium driven by
Playwright), with axe-core checking WCAG 2.1 AA on every page."""
from __future__ import annotations

import re
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect, sync_playwright

from tests.conftest import STAFF_PASSWORD

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# No background traffic: this machine's network is closed.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                              headless=True)
        yield launched
        launched.close()


def assert_accessible(page: Page) -> None:
    results = Axe().run(page, options=WCAG)
    assert results.violations_count == 0, results.generate_report()


def local(url: str) -> str:
    """Browsers keep Secure cookies on http://localhost, not on other plain-HTTP hosts."""
    return url.replace("127.0.0.1", "localhost")


def say(page: Page, text: str) -> None:
    page.fill("#bericht", text)
    page.click("#chatformulier button[type=submit]")


def test_it_is_debians_chromium(browser):
    assert browser.version.split(".")[0] == _debian_version()


def _debian_version() -> str:
    import subprocess

    output = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
    return re.search(r"(\d+)\.", output).group(1)


def test_takeover_in_the_browser(browser, stack, accounts):
    resident = browser.new_context().new_page()
    resident.goto(local(f"{stack.url}/webhooks/webchat/"))
    assert_accessible(resident)
    say(resident, "Ik wil een medewerker spreken over aanvraag 4711")
    bot_lines = resident.locator("#gesprek li.bot")
    expect(resident.locator("#gesprek")).to_contain_text("collega", timeout=30_000)

    agent = browser.new_context().new_page()
    agent.goto(local(f"{accounts}/console/"))
    expect(agent).to_have_url(re.compile(r"/console/login$"))
    assert_accessible(agent)
    agent.fill("#username", "browser")
    agent.fill("#password", STAFF_PASSWORD)
    agent.click("main button[type=submit]")
    queue_row = agent.locator("section", has_text="Wachtrij").locator(
        "tr", has_text="aanvraag 4711")
    expect(queue_row).to_contain_text("vroeg om een medewerker")
    assert_accessible(agent)

    queue_row.get_by_role("link").click()
    agent.get_by_role("button", name="Gesprek overnemen").click()
    assert_accessible(agent)
    agent.fill("#reply-text", "Goedemiddag, ik help u verder.")
    agent.get_by_role("button", name="Versturen").click()
    expect(bot_lines.last).to_have_text(re.compile(r"Goedemiddag, ik help u verder\. \^BR$"),
                                        timeout=20_000)

    bot_count = bot_lines.count()
    say(resident, "Fijn, de aanvraag is van vorige week.")
    expect(agent.locator("#transcript")).to_contain_text("de aanvraag is van vorige week",
                                                         timeout=15_000)
    resident.wait_for_timeout(2000)
    assert bot_lines.count() == bot_count, "the bot stays silent while a colleague has it"

    agent.get_by_role("button", name="Teruggeven aan de bot").click()
    expect(agent.locator("#transcript")).to_contain_text("Teruggegeven aan de bot")
    # The satisfaction question arrives as news, with its score buttons (issue 17).
    asked = bot_lines.nth(bot_count)
    expect(asked).to_contain_text("Hoe tevreden bent u", timeout=30_000)
    asked.get_by_role("button", name="Tevreden", exact=True).click()
    expect(bot_lines.nth(bot_count + 1)).to_contain_text("Dank u voor uw antwoord",
                                                         timeout=30_000)
    say(resident, "Wanneer is het gemeentehuis open?")
    expect(bot_lines.nth(bot_count + 2)).to_contain_text("uur", timeout=30_000)

    for path in ("/console/dashboard", "/console/audit", "/console/accounts",
                 "/console/password", "/console/knowledge",
                 "/console/knowledge/articles/paspoort-id-kaart-aanvragen",
                 "/console/knowledge/unanswered", "/console/tone"):
        agent.goto(local(f"{accounts}{path}"))
        assert_accessible(agent)
    agent.get_by_role("button", name="Voorbeeld bekijken").click()
    expect(agent.locator("[data-medium=sms]")).to_contain_text("sms")
