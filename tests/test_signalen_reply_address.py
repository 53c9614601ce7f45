"""The reply address (SIGNALEN_REPLY_ADDRESS, bot/reports/reply_address.py): a chat-only
resident who wants updates reaches Signalen with the municipality's mailbox as e-mail, so
staff can set "reactie gevraagd", and the question and answer round-trip through the bot."""
from __future__ import annotations

import sys

import pytest

from bot.integrations.signalen import SignalenClient
from bot.reports import outbox
from bot.reports.answers import REACTION, Question, question_for, queue_reaction
from bot.reports.outbox import deliver_due
from bot.reports.reply_address import check, problem, reply_address
from bot.reports.service import NewReport, file_report
from bot.reports.status import ASKED
from tests.conftest import SIGNALEN_SERVICE_TOKEN as TOKEN
from tests.standins.signalen import email_errors
from tests.test_signalen_answers import _ask, _stored

REPLY = "chat-meldingen+{case}@lindendal.nl"
SENDER = "whatsapp:+31612340002"


@pytest.fixture
def told(monkeypatch):
    """The status updates the bot would tell the resident (instead of calling Rasa)."""
    updates = []
    monkeypatch.setattr(outbox, "_tell_resident",
                        lambda report: updates.append((report.case_number, report.status)))
    return updates


@pytest.fixture
def configured(monkeypatch, signalen):
    """Reports go to the stand-in with a service account and the reply address."""
    monkeypatch.setattr("bot.settings.SIGNALEN_URL", signalen.url)
    monkeypatch.setattr("bot.settings.SIGNALEN_TOKEN", TOKEN)
    monkeypatch.setattr("bot.settings.REPORTS_BACKEND", "signalen")
    monkeypatch.setattr("bot.settings.SIGNALEN_REPLY_ADDRESS", REPLY)
    return SignalenClient(signalen.url, token=TOKEN)


def _filed(db_url, signalen, client, **changes):
    """A WhatsApp report with updates wanted, forwarded; (report, the signal's reporter)."""
    fields = dict(category="report_street_lighting", description="lamp kapot",
                  location_text="Kerkstraat 1", channel="whatsapp", sender_id=SENDER,
                  wants_updates=True)
    report = file_report(NewReport(**{**fields, **changes}), url=db_url, forward=True)[0]
    deliver_due(client, url=db_url)
    stored = _stored(db_url, report.id)
    return stored, signalen.signals[stored.signalen_id]["reporter"]


def test_a_chat_resident_without_email_reaches_signalen_with_the_reply_address(
        db_url, signalen, configured, told):
    report, reporter = _filed(db_url, signalen, configured)
    assert reporter == {"sharing_allowed": False, "phone": "+31612340002",
                        "email": f"chat-meldingen+{report.case_number}@lindendal.nl"}


def test_signalen_refuses_the_question_without_it_and_takes_it_with_it(
        db_url, signalen, configured, told, monkeypatch):
    with_address, _ = _filed(db_url, signalen, configured)
    monkeypatch.setattr("bot.settings.SIGNALEN_REPLY_ADDRESS", "")
    without, reporter = _filed(db_url, signalen, configured, description="paal scheef")
    assert "email" not in reporter
    with pytest.raises(ValueError, match="No email address known"):
        signalen.set_state(without.signalen_id, "reaction requested", "Welke paal?")
    signalen.set_state(with_address.signalen_id, "reaction requested", "Welke paal?")
    assert signalen.records[with_address.signalen_id]["state"] == "reaction requested"


def test_the_question_is_asked_in_the_chat_and_the_answer_comes_back(db_url, signalen,
                                                                    configured, told):
    report, _ = _filed(db_url, signalen, configured)
    _ask(signalen, db_url, configured, report, "Brandt de lamp ook overdag?")
    deliver_due(configured, url=db_url)
    assert told == [(report.case_number, ASKED)], "the resident hears it in their chat"
    assert question_for(report.case_number, SENDER, url=db_url) == Question(
        REACTION, report.case_number, "Brandt de lamp ook overdag?")
    assert queue_reaction(report.case_number, SENDER, "Ja, al een week", url=db_url)
    deliver_due(configured, url=db_url)
    assert signalen.history[report.signalen_id][-1] == ("reaction received",
                                                        "Ja, al een week")


def test_without_a_service_account_the_reporter_stays_as_it_was(db_url, signalen,
                                                                 configured, told):
    public_only = SignalenClient(signalen.url)
    _, reporter = _filed(db_url, signalen, public_only)
    assert reporter == {"sharing_allowed": False, "phone": "+31612340002"}


def test_without_the_setting_the_reporter_stays_as_it_was(db_url, signalen, configured,
                                                          told, monkeypatch):
    monkeypatch.setattr("bot.settings.SIGNALEN_REPLY_ADDRESS", "")
    _, reporter = _filed(db_url, signalen, configured)
    assert reporter == {"sharing_allowed": False, "phone": "+31612340002"}


def test_a_resident_with_an_email_keeps_their_own(db_url, signalen, configured, told):
    _, reporter = _filed(db_url, signalen, configured, channel="webchat",
                         sender_id="web-1", contact_email="inwoner@voorbeeld.nl")
    assert reporter == {"sharing_allowed": False, "email": "inwoner@voorbeeld.nl"}


def test_no_updates_wanted_stays_anonymous(db_url, signalen, configured, told):
    assert _filed(db_url, signalen, configured, wants_updates=False)[1] == {}


@pytest.mark.parametrize("template", [
    "chat-meldingen+{case}@lindendal.nl", "chat-meldingen@lindendal.nl",
    "{case}@meldingen.lindendal.nl", "chat@gemeënte.nl"])
def test_a_valid_setting_is_an_address_signalen_takes(template):
    assert problem(template) is None
    address = reply_address("M-2026-000123", True, template)
    assert address == template.replace("{case}", "M-2026-000123")
    assert email_errors(address) is None, "the stand-in (Django's EmailValidator) agrees"


@pytest.mark.parametrize("template, words", [
    ("chat-meldingen", "no e-mail address"),
    ("chat meldingen+{case}@lindendal.nl", "no e-mail address"),
    ("chat-meldingen+{case}@lindendal", "no e-mail address"),
    ("chat-meldingen+{zaak}@lindendal.nl", "only {case}"),
    ("chat-meldingen+{case}@lindendal.nl" + "x" * 240, "no e-mail address"),
])
def test_an_invalid_setting_is_refused_with_a_clear_message(template, words):
    with pytest.raises(ValueError, match="SIGNALEN_REPLY_ADDRESS") as refused:
        check(template, service_account=True)
    assert words in str(refused.value)
    if "{zaak}" not in template:
        filled = template.replace("{case}", "M-2026-000001")
        assert email_errors(filled), "the stand-in refuses it too"
    assert reply_address("M-2026-000001", True, template) is None, "never sent"


def test_an_invalid_setting_stops_the_outbox_worker_at_start(monkeypatch):
    monkeypatch.setattr("bot.settings.SIGNALEN_REPLY_ADDRESS", "chat-meldingen@")
    monkeypatch.setattr(sys, "argv", ["outbox", "--once"])
    monkeypatch.setattr(outbox.logmask, "install", lambda: None)
    monkeypatch.setattr(outbox, "migrate", lambda: pytest.fail("started anyway"))
    with pytest.raises(SystemExit, match="SIGNALEN_REPLY_ADDRESS='chat-meldingen@'"):
        outbox.main()


def test_an_invalid_setting_stops_the_stack_before_anything_starts(monkeypatch, tmp_path):
    from bot.serve import Stack

    monkeypatch.setattr(Stack, "_spawn", lambda *args: pytest.fail("started anyway"))
    stack = Stack(env={"SIGNALEN_REPLY_ADDRESS": "chat-meldingen+{zaak}@lindendal.nl"},
                  log_dir=tmp_path)
    with pytest.raises(SystemExit, match="only \\{case\\} is filled in"):
        stack.start(tmp_path / "model.tar.gz")


# make check-signalen (bot.integrations.signalen main): what it says about the reply address.

def _check_signalen(monkeypatch, capsys, url: str, reply: str, token: str = TOKEN,
                    *args: str) -> tuple:
    """Run `make check-signalen` with these settings; (exit code, its lines)."""
    from bot.integrations.signalen import main

    monkeypatch.setattr("bot.settings.SIGNALEN_URL", url)
    monkeypatch.setattr("bot.settings.SIGNALEN_TOKEN", token)
    monkeypatch.setattr("bot.settings.SIGNALEN_REPLY_ADDRESS", reply)
    code = main(["check", *args])
    return code, capsys.readouterr().out.splitlines()


def _line(lines: list, start: str) -> str:
    found = [line for line in lines if line.startswith(start)]
    assert len(found) == 1, lines
    return found[0]


def test_check_signalen_shows_the_reply_address_for_an_example_case(signalen, monkeypatch,
                                                                    capsys):
    code, lines = _check_signalen(monkeypatch, capsys, signalen.url, REPLY)
    assert code == 0, lines
    shown = _line(lines, "OK: SIGNALEN_REPLY_ADDRESS=")
    assert "chat-meldingen+M-2026-000001@lindendal.nl" in shown
    assert "chat-meldingen+M-2026-000001@lindendal.nl" == reply_address(
        "M-2026-000001", True, REPLY), "what the check shows is what the outbox sends"
    assert _line(lines, "OK: SIGNALEN_TOKEN reads")
    assert not [line for line in lines if line.startswith(("WARNING", "ERROR"))]
    assert lines[-1].startswith("All ") and "categories exist" in lines[-1]


def test_check_signalen_warns_that_the_reply_address_is_unused_without_a_token(
        signalen, monkeypatch, capsys):
    code, lines = _check_signalen(monkeypatch, capsys, signalen.url, REPLY, "")
    assert code == 0, "a warning, not a broken configuration"
    assert _line(lines, "OK: SIGNALEN_REPLY_ADDRESS=")
    warning = _line(lines, "WARNING: SIGNALEN_REPLY_ADDRESS is set but SIGNALEN_TOKEN is not")
    assert "reactie gevraagd" in warning and "WhatsApp" in warning
    assert not [line for line in lines if "SIGNALEN_TOKEN reads" in line]


def test_check_signalen_warns_that_chat_residents_cannot_be_asked_without_it(
        signalen, monkeypatch, capsys):
    code, lines = _check_signalen(monkeypatch, capsys, signalen.url, "")
    assert code == 0
    warning = _line(lines, "WARNING: SIGNALEN_REPLY_ADDRESS is not set")
    assert "reactie gevraagd" in warning and "WhatsApp" in warning


def test_check_signalen_fails_on_a_reply_address_signalen_refuses(signalen, monkeypatch,
                                                                 capsys):
    code, lines = _check_signalen(monkeypatch, capsys, signalen.url,
                                  "chat meldingen+{case}@lindendal.nl")
    assert code == 1
    assert "no e-mail address Signalen accepts" in _line(lines, "ERROR: SIGNALEN_REPLY_ADDRESS")
    assert email_errors("chat meldingen+M-2026-000001@lindendal.nl"), "the stand-in agrees"
    assert lines[-1].startswith("All "), "the categories are still checked"


def test_check_signalen_tries_a_reply_address_given_on_the_command_line(signalen, monkeypatch,
                                                                        capsys):
    code, lines = _check_signalen(monkeypatch, capsys, signalen.url, REPLY, TOKEN,
                                  "--reply-address", "chat-meldingen+{zaak}@lindendal.nl")
    assert code == 1
    assert "only {case}" in _line(lines, "ERROR: SIGNALEN_REPLY_ADDRESS")


def test_check_signalen_names_a_reply_address_without_the_case_number(signalen, monkeypatch,
                                                                     capsys):
    code, lines = _check_signalen(monkeypatch, capsys, signalen.url,
                                  "chat-meldingen@lindendal.nl")
    assert code == 0
    assert "chat-meldingen@lindendal.nl" in _line(lines, "OK: SIGNALEN_REPLY_ADDRESS=")
    assert "same address" in _line(lines, "OK: SIGNALEN_REPLY_ADDRESS has no {case}")


def test_check_signalen_fails_when_signalen_refuses_the_service_account(signalen, monkeypatch,
                                                                       capsys):
    code, lines = _check_signalen(monkeypatch, capsys, signalen.url, REPLY, "wrong-token")
    assert code == 1
    refused = _line(lines, "ERROR: SIGNALEN_TOKEN cannot read")
    assert "401" in refused and "answers back" in refused


def test_check_signalen_shows_the_reply_address_without_a_signalen_url(monkeypatch, capsys):
    code, lines = _check_signalen(monkeypatch, capsys, "", REPLY)
    assert code == 2
    assert _line(lines, "OK: SIGNALEN_REPLY_ADDRESS=")
    assert lines[-1] == "SIGNALEN_URL is not set: reports stay local."
