"""The knowledge base end to end (issue 16): in Debian's Chromium a department editor
changes an article, the knowledge-base manager publishes it, and the running bot's next
answer on the web chat and on WhatsApp (the Twilio stand-in) carries the change, without a
restart; an editor of another department cannot touch it. axe-core checks every page."""
from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import Page, expect

from bot.knowledge import store
from console.auth import create_user
from tests.channel_helpers import whatsapp_says
from tests.conftest import STAFF_PASSWORD
from tests.test_console_browser import assert_accessible, browser, local, say  # noqa: F401

ARTICLE = "paspoort-id-kaart-aanvragen"     # burgerzaken
OTHER_DEPARTMENTS_ARTICLE = "afvalpas-kwijt"  # afval
QUESTION = "Ik wil een nieuw paspoort aanvragen"
ADDED = "Op donderdag kunt u tot 20.00 uur bij de balie terecht."
_numbers = itertools.count(1)


@pytest.fixture(scope="module")
def staff(accounts, reports_db_url):
    """Usernames of a burgerzaken editor, an afval editor and the knowledge-base manager."""
    names = {"own": ("kb-burgerzaken", "editor", "burgerzaken"),
             "other": ("kb-afval", "editor", "afval"),
             "manager": ("kb-beheerder", "kb_manager", None)}
    for number, (username, role, department) in enumerate(names.values()):
        create_user(username, username.title(), f"KB{number}", role, STAFF_PASSWORD,
                    url=reports_db_url, department=department)
    return {key: username for key, (username, _, _) in names.items()}


def log_in(browser, console: str, username: str) -> Page:  # noqa: F811
    page = browser.new_context().new_page()
    page.goto(local(f"{console}/console/login"))
    page.fill("#username", username)
    page.fill("#password", STAFF_PASSWORD)
    page.click("main button[type=submit]")
    expect(page.locator("h1")).to_have_text("Kennisbank")   # their start page
    return page


def whatsapp_replies(stack, twilio_standin, sender: str, text: str) -> str:
    return "\n".join(whatsapp_says(stack, twilio_standin, sender, text))


def test_an_edit_published_in_the_console_is_the_bots_next_answer(
        browser, stack, accounts, staff, twilio_standin, reports_db_url):  # noqa: F811
    resident = browser.new_context().new_page()
    resident.goto(local(f"{stack.url}/webhooks/webchat/"))
    say(resident, QUESTION)
    bot_lines = resident.locator("#gesprek li.bot")
    expect(bot_lines.first).to_contain_text("paspoort", timeout=30_000)
    assert ADDED not in resident.locator("#gesprek").inner_text()

    editor = log_in(browser, accounts, staff["own"])
    assert_accessible(editor)
    editor.goto(local(f"{accounts}/console/knowledge/articles/{ARTICLE}"))
    answer = editor.locator("#kb-answer")
    # first: a question that names only the product gets a long answer's opening
    answer.fill(f"{ADDED}\n{answer.input_value().strip()}")
    editor.fill("#kb-note", "avondopenstelling")
    editor.get_by_role("button", name="Opslaan als concept").click()
    expect(editor.locator("p.done")).to_contain_text("opgeslagen als concept")
    assert_accessible(editor)
    draft = store.current_article(ARTICLE, reports_db_url)
    assert draft.status == "draft" and ADDED in draft.answer

    manager = log_in(browser, accounts, staff["manager"])
    manager.goto(local(f"{accounts}/console/knowledge/articles/{ARTICLE}"))
    manager.get_by_role("button", name=f"Versie {draft.version} publiceren").click()
    expect(manager.locator("p.done")).to_contain_text("Gepubliceerd")
    assert_accessible(manager)

    # the same running bot, no restart, no retraining; a new resident (the same one asking
    # again would get what the answer just given leaves out, not the same answer)
    newcomer = browser.new_context().new_page()
    newcomer.goto(local(f"{stack.url}/webhooks/webchat/"))
    say(newcomer, QUESTION)
    # the web chat splits an answer longer than its tone's max_length over several bubbles
    expect(newcomer.locator("#gesprek")).to_contain_text(ADDED, timeout=30_000)
    sender = f"whatsapp:+3161299{next(_numbers):04d}"
    assert ADDED in whatsapp_replies(stack, twilio_standin, sender, QUESTION)


def test_an_editor_of_another_department_cannot_touch_the_article(
        browser, accounts, staff, reports_db_url):  # noqa: F811
    before = store.current_article(ARTICLE, reports_db_url)
    editor = log_in(browser, accounts, staff["other"])
    editor.goto(local(f"{accounts}/console/knowledge/articles/{OTHER_DEPARTMENTS_ARTICLE}"))
    token = editor.locator("input[name=csrf_token]").first.get_attribute("value")
    shown = editor.goto(local(f"{accounts}/console/knowledge/articles/{ARTICLE}"))
    assert shown.status == 403
    expect(editor.locator("h1")).to_have_text("Geen toegang")
    assert_accessible(editor)
    url = local(f"{accounts}/console/knowledge/articles/{ARTICLE}")
    changed = editor.request.post(url, form={"csrf_token": token, "title": before.title,
                                             "questions": "\n".join(before.questions),
                                             "answer": "Overschreven door een andere afdeling.",
                                             "link": before.link,
                                             "review_by": before.review_by.isoformat()})
    assert changed.status == 403
    assert editor.request.post(f"{url}/restore/1", form={"csrf_token": token}).status == 403
    assert editor.request.post(f"{url}/publish", form={"csrf_token": token}).status == 403
    after = store.current_article(ARTICLE, reports_db_url)
    assert (after.version, after.answer) == (before.version, before.answer)
