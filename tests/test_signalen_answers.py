"""Reactie gevraagd and the KTO: the question reaches the resident's status update, and the
answer reaches Signalen the way upstream's own forms pass it (bot/reports/answers.py)."""
from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from rasa_sdk.events import FollowupAction, SlotSet

from actions.report_answers import ActionAddToReport, ActionTakeSignalenAnswer, remark_of
from actions.reports import ActionReportStatusUpdate
from actions.status import normalise_case_number
from bot.channel_store import RELEASED_HELD
from bot.integrations.signalen import SignalenClient
from bot.reports import answers
from bot.reports import db as reports_db
from bot.reports.answers import (KTO, REACTION, Question, question_for, queue_addition,
                                 queue_kto, queue_reaction)
from bot.reading.message import read_message
from bot.reports.models import NEVER, OutboxItem, Report
from bot.reports.outbox import deliver_due
from bot.reports.service import NewReport, file_report
from bot.reports.status_poll import poll_statuses
from tests.conftest import SIGNALEN_SERVICE_TOKEN as TOKEN
from tests.conftest import make_tracker

SENDER = "whatsapp:+31612340001"
EMAIL = "inwoner@voorbeeld.nl"


def later(seconds: float) -> dt.datetime:
    return dt.datetime.utcnow() + dt.timedelta(seconds=seconds)


def _filed(db_url, signalen, client) -> Report:
    new = NewReport(category="report_street_lighting", description="lamp kapot",
                    location_text="Kerkstraat 1", channel="whatsapp", sender_id=SENDER,
                    wants_updates=True, contact_email=EMAIL)
    report = file_report(new, url=db_url, forward=True)[0]
    deliver_due(client, url=db_url)
    return _stored(db_url, report.id)


def _stored(db_url, report_id) -> Report:
    with reports_db.session(db_url) as db:
        return db.get(Report, report_id)


def _items(db_url, kind):
    with reports_db.session(db_url) as db:
        return [(i.delivered_at is not None, i.next_attempt_at == NEVER)
                for i in db.query(OutboxItem).filter_by(kind=kind)]


@pytest.fixture
def client(signalen):
    return SignalenClient(signalen.url, token=TOKEN)


def _ask(signalen, db_url, client, report, question, minute=1):
    signalen.set_state(report.signalen_id, "reaction requested", question)
    poll_statuses(client, url=db_url, now=later(10 * minute), interval=5)


def test_the_polled_question_is_kept_and_asked_with_the_update(db_url, signalen, client):
    report = _filed(db_url, signalen, client)
    _ask(signalen, db_url, client, report, "Brandt de lamp ook overdag?")
    assert _stored(db_url, report.id).signalen_question == "Brandt de lamp ook overdag?"
    assert len(_items(db_url, "resident_update")) == 1
    asked = question_for(report.case_number, SENDER, can_answer=True, url=db_url)
    assert asked == Question(REACTION, report.case_number, "Brandt de lamp ook overdag?")
    assert question_for(report.case_number, "whatsapp:+31600000000", True, db_url) is None, \
        "only the conversation that filed it"
    assert question_for(report.case_number, SENDER, can_answer=False, url=db_url) is None, \
        "without a service account the answer could not reach Signalen"


def test_the_answer_becomes_reaction_received(db_url, signalen, client):
    report = _filed(db_url, signalen, client)
    _ask(signalen, db_url, client, report, "Welk paalnummer?")
    assert queue_reaction(report.case_number, SENDER, "Paal 12, bij de bakker", url=db_url)
    assert deliver_due(client, url=db_url) >= 1
    assert signalen.history[report.signalen_id][-1] == ("reaction received",
                                                        "Paal 12, bij de bakker")
    assert _stored(db_url, report.id).signalen_question is None, "answered: not asked again"
    assert not queue_reaction(report.case_number, "telegram:1", "x", url=db_url)


def test_the_answer_reaches_signalen_without_personal_data(db_url, signalen, client):
    report = _filed(db_url, signalen, client)
    _ask(signalen, db_url, client, report, "Welk paalnummer?")
    answer = "Paal 12 bij de bakker. Groet, Jan de Vries, bel 06-12345678 of jan@example.nl"
    queue_reaction(report.case_number, SENDER, answer, url=db_url)
    deliver_due(client, url=db_url)
    sent = signalen.history[report.signalen_id][-1][1]
    assert "Paal 12 bij de bakker" in sent
    assert not any(data in sent for data in ("Jan de Vries", "12345678", "jan@example.nl"))


def test_a_second_question_after_the_answer_is_asked_too(db_url, signalen, client):
    report = _filed(db_url, signalen, client)
    _ask(signalen, db_url, client, report, "Welk paalnummer?")
    queue_reaction(report.case_number, SENDER, "12", url=db_url)
    deliver_due(client, url=db_url)
    _ask(signalen, db_url, client, report, "En welke kleur heeft de paal?", minute=2)
    assert len(_items(db_url, "resident_update")) == 2
    assert question_for(report.case_number, SENDER, True, db_url).text == \
        "En welke kleur heeft de paal?"


def test_an_answer_after_staff_moved_on_becomes_a_note(db_url, signalen, client):
    report = _filed(db_url, signalen, client)
    _ask(signalen, db_url, client, report, "Welk paalnummer?")
    signalen.set_state(report.signalen_id, "b", "We gaan kijken")
    queue_reaction(report.case_number, SENDER, "Paal 12", url=db_url)
    deliver_due(client, url=db_url)
    assert signalen.records[report.signalen_id]["state"] == "b"
    assert "Paal 12" in signalen.notes[report.signalen_id][0]
    assert _items(db_url, answers.SIGNALEN_REACTION) == [(True, False)]


def _done(db_url, signalen, client) -> Report:
    report = _filed(db_url, signalen, client)
    signalen.set_state(report.signalen_id, "o", "De lamp is vervangen")
    poll_statuses(client, url=db_url, now=later(10), interval=5)
    assert question_for(report.case_number, SENDER, True, db_url) == Question(
        KTO, report.case_number)
    return report


def test_a_satisfied_kto_is_a_note_and_reopens_nothing(db_url, signalen, client):
    report = _done(db_url, signalen, client)
    queue_kto(report.case_number, SENDER, True, "", url=db_url)
    deliver_due(client, url=db_url)
    assert signalen.notes[report.signalen_id] == ["Tevredenheid (KTO) via de chatbot: tevreden."]
    assert signalen.records[report.signalen_id]["state"] == "o"


def test_an_unhappy_kto_asks_to_reopen_with_the_remark(db_url, signalen, client):
    report = _done(db_url, signalen, client)
    queue_kto(report.case_number, SENDER, False, "Hij brandt nog steeds niet", url=db_url)
    deliver_due(client, url=db_url)
    state, text = signalen.history[report.signalen_id][-1]
    assert state == "reopen requested" and "Hij brandt nog steeds niet" in text
    assert "niet tevreden" in signalen.notes[report.signalen_id][0]


def test_an_unhappy_kto_after_a_reopen_is_a_note_only(db_url, signalen, client):
    report = _done(db_url, signalen, client)
    signalen.set_state(report.signalen_id, "reopened", "Toch nog eens kijken")
    queue_kto(report.case_number, SENDER, False, "", url=db_url)
    deliver_due(client, url=db_url)
    assert signalen.records[report.signalen_id]["state"] == "reopened"
    assert len(signalen.notes[report.signalen_id]) == 1


def test_without_permission_the_answer_waits_visible_in_the_log_not_retried(db_url, signalen,
                                                                           client):
    report = _done(db_url, signalen, client)
    signalen.permissions = frozenset({"sia_read"})
    queue_kto(report.case_number, SENDER, True, "", url=db_url)
    deliver_due(client, url=db_url)
    assert _items(db_url, answers.SIGNALEN_KTO) == [(False, True)]


def test_signalen_down_the_answer_is_retried(db_url, signalen, client):
    report = _done(db_url, signalen, client)
    queue_kto(report.case_number, SENDER, True, "", url=db_url)
    signalen.fail_with = 503
    deliver_due(client, url=db_url)
    signalen.fail_with = None
    assert deliver_due(client, url=db_url, now=later(3600)) == 1
    assert len(signalen.notes[report.signalen_id]) == 1


# The actions -----------------------------------------------------------------------------

def _update_tracker(status):
    entities = [{"entity": "case_number", "value": "M-2026-000001"},
                {"entity": "report_status", "value": status}]
    return make_tracker(intent="EXTERNAL_report_status", text="", entities=entities)


@pytest.mark.parametrize("question, status, expected", [
    (Question(REACTION, "M-2026-000001", "Welk paalnummer?"), "reactie_gevraagd",
     ["utter_report_reaction_question"]),
    (Question(KTO, "M-2026-000001"), "afgehandeld",
     ["utter_report_status_afgehandeld", "utter_report_kto_ask"]),
    (None, "afgehandeld", ["utter_report_status_afgehandeld"]),
])
def test_the_status_update_asks_the_question(monkeypatch, dispatcher, domain, question,
                                                   status, expected):
    monkeypatch.setattr("actions.reports.question_for", lambda *args: question)
    update = ActionReportStatusUpdate().run(dispatcher, _update_tracker(status), domain)
    events = asyncio.run(update)
    assert [m["response"] for m in dispatcher.messages] == expected
    slot = events[0]["value"]
    assert (slot or {}).get("kind") == (question.kind if question else None)


def _answer_tracker(text, question, intent="inform"):
    return make_tracker(intent=intent, text=text, slots={"signalen_question": question})


@pytest.fixture
def queued(monkeypatch):
    calls = []
    monkeypatch.setattr("actions.report_answers.queue_reaction",
                        lambda *args: calls.append(("reaction",) + args) or True)
    monkeypatch.setattr("actions.report_answers.queue_kto",
                        lambda *args: calls.append(("kto",) + args) or True)
    return calls


def test_the_next_message_is_the_reaction(queued, dispatcher, domain):
    asked = {"kind": REACTION, "case_number": "M-2026-000001", "tries": 0, "remark": ""}
    events = asyncio.run(ActionTakeSignalenAnswer().run(
        dispatcher, _answer_tracker("Paal 12 bij de bakker", asked), domain))
    assert queued == [("reaction", "M-2026-000001", "test-sender", "Paal 12 bij de bakker")]
    assert dispatcher.messages[0]["response"] == "utter_report_reaction_thanks"
    assert events == [SlotSet("signalen_question", None)]


# What a status update's question was held as (its responses, actions.reports).
HELD_QUESTION = {REACTION: ["utter_report_reaction_question"],
                 KTO: ["utter_report_status_afgehandeld", "utter_report_kto_ask"]}


@pytest.mark.parametrize("channel", ["whatsapp", "messenger"])
@pytest.mark.parametrize("kind", [REACTION, KTO])
def test_the_message_that_released_the_held_question_is_no_answer(queued, dispatcher, domain,
                                                                  kind, channel):
    """Outside WhatsApp's window the question waited behind a template (on Messenger, without
    a message tag, for the resident to write); the resident's message released it
    (channels.twilio_common, channels.messenger) and cannot answer it."""
    asked = {"kind": kind, "case_number": "M-2026-000001", "tries": 0, "remark": ""}
    tracker = make_tracker(intent="greet", text="Wat is er?", channel=channel,
                           slots={"signalen_question": asked},
                           metadata={RELEASED_HELD: ["staff_reply"] + HELD_QUESTION[kind]})
    events = asyncio.run(ActionTakeSignalenAnswer().run(dispatcher, tracker, domain))
    assert queued == [] and dispatcher.messages == []
    assert events == [], "the question stays: the next message answers it"


@pytest.mark.parametrize("channel", ["whatsapp", "messenger"])
@pytest.mark.parametrize("kind, text, intent, expected", [
    (REACTION, "Paal 12 bij de bakker", "inform",
     ("reaction", "M-2026-000001", "test-sender", "Paal 12 bij de bakker")),
    (KTO, "ja hoor", "affirm", ("kto", "M-2026-000001", "test-sender", True, "")),
])
def test_a_question_delivered_before_the_held_messages_is_answered_by_the_releasing_message(
        queued, dispatcher, domain, channel, kind, text, intent, expected):
    """The question went out inside the window (or with Messenger's tag); a colleague's
    reply was held after it. The resident's message released only that reply: it answers
    the question they saw."""
    asked = {"kind": kind, "case_number": "M-2026-000001", "tries": 0, "remark": ""}
    tracker = make_tracker(intent=intent, text=text, channel=channel,
                           slots={"signalen_question": asked},
                           metadata={RELEASED_HELD: ["staff_reply", "utter_waiting_news"]})
    events = asyncio.run(ActionTakeSignalenAnswer().run(dispatcher, tracker, domain))
    assert queued == [expected]
    assert events == [SlotSet("signalen_question", None)]


def test_a_count_of_released_messages_may_have_been_the_question(queued, dispatcher, domain):
    """A message stored in the inbox before the released messages were named says only how
    many: it is taken as the template's answer, as it was then."""
    asked = {"kind": REACTION, "case_number": "M-2026-000001", "tries": 0, "remark": ""}
    tracker = make_tracker(intent="greet", text="Wat is er?", channel="whatsapp",
                           slots={"signalen_question": asked}, metadata={RELEASED_HELD: 1})
    assert asyncio.run(ActionTakeSignalenAnswer().run(dispatcher, tracker, domain)) == []
    assert queued == []


def test_a_web_client_cannot_claim_to_have_released_a_question(queued, dispatcher, domain):
    asked = {"kind": REACTION, "case_number": "M-2026-000001", "tries": 0, "remark": ""}
    tracker = make_tracker(intent="inform", text="Paal 12", channel="webchat",
                           slots={"signalen_question": asked},
                           metadata={RELEASED_HELD: ["utter_report_reaction_question"]})
    asyncio.run(ActionTakeSignalenAnswer().run(dispatcher, tracker, domain))
    assert queued == [("reaction", "M-2026-000001", "test-sender", "Paal 12")]


@pytest.mark.parametrize("text, intent, satisfied, remark, response", [
    ("/affirm", "affirm", True, "", "utter_report_kto_thanks"),
    ("ja hoor", "affirm", True, "", "utter_report_kto_thanks"),
    ("nee, de lamp is nog steeds kapot", "deny", False, "nee, de lamp is nog steeds kapot",
     "utter_report_kto_reopen"),
])
def test_the_kto_answer(queued, dispatcher, domain, text, intent, satisfied, remark,
                              response):
    asked = {"kind": KTO, "case_number": "M-2026-000001", "tries": 0, "remark": ""}
    asyncio.run(ActionTakeSignalenAnswer().run(dispatcher, _answer_tracker(text, asked, intent),
                                               domain))
    assert queued == [("kto", "M-2026-000001", "test-sender", satisfied, remark)]
    assert dispatcher.messages[0]["response"] == response


def test_a_kto_answer_without_yes_or_no_is_asked_once_more(queued, dispatcher, domain):
    asked = {"kind": KTO, "case_number": "M-2026-000001", "tries": 0, "remark": ""}
    text = "de monteur was erg vriendelijk"
    events = asyncio.run(ActionTakeSignalenAnswer().run(
        dispatcher, _answer_tracker(text, asked, "thanks"), domain))
    assert not queued and dispatcher.messages[0]["response"] == "utter_report_kto_unclear"
    again = events[0]["value"]
    assert again["remark"] == text and again["tries"] == 1
    asyncio.run(ActionTakeSignalenAnswer().run(
        dispatcher, _answer_tracker("weet niet", again, "nlu_fallback"), domain))
    assert queued == [("kto", "M-2026-000001", "test-sender", None, text)]


def test_a_plain_yes_or_a_button_carries_no_remark():
    assert remark_of("/deny") == remark_of("Ja, prima") == ""
    assert remark_of("Nee, het gat is er nog") == "Nee, het gat is er nog"


def test_a_delivered_answer_is_deleted_after_its_retention(db_url, signalen, client):
    from bot.register import load_register
    from bot.reports.retention import delete_old_rows

    report = _filed(db_url, signalen, client)
    _ask(signalen, db_url, client, report, "Welk paalnummer?")
    queue_reaction(report.case_number, SENDER, "Paal 12, bij mij voor de deur", url=db_url)
    deliver_due(client, url=db_url)
    days = load_register().personal["outbox.payload"].retention_days
    delete_old_rows(dt.datetime.utcnow() + dt.timedelta(days=days - 1), load_register(),
                    url=db_url)
    assert _items(db_url, answers.SIGNALEN_REACTION) == [(True, False)], "kept until then"
    delete_old_rows(dt.datetime.utcnow() + dt.timedelta(days=days + 1), load_register(),
                    url=db_url)
    assert _items(db_url, answers.SIGNALEN_REACTION) == []


def test_a_retry_after_a_lost_answer_adds_no_note(db_url, signalen, client):
    """Signalen applied the answer but its reply was lost: the retry is refused (no change
    from a state to itself) and must not add the answer again as a note."""
    report = _filed(db_url, signalen, client)
    _ask(signalen, db_url, client, report, "Welk paalnummer?")
    queue_reaction(report.case_number, SENDER, "Paal 12", url=db_url)
    client.set_state(_stored(db_url, report.id).signalen_number, "reaction received", "Paal 12")
    deliver_due(client, url=db_url)
    assert signalen.history[report.signalen_id][-1] == ("reaction received", "Paal 12")
    assert not signalen.notes.get(report.signalen_id)
    assert _items(db_url, answers.SIGNALEN_REACTION) == [(True, False)]


@pytest.fixture
def notes_reach_signalen(monkeypatch):
    monkeypatch.setattr("bot.reports.answers.answers_reach_signalen", lambda: True)


def test_an_addition_after_filing_is_kept_and_becomes_a_note(db_url, signalen, client,
                                                              notes_reach_signalen):
    report = _filed(db_url, signalen, client)
    assert queue_addition(report.case_number, SENDER, "o het is bij nummer 20 trouwens, "
                          "groet Jan de Vries", "bij nummer 20", url=db_url)
    stored = _stored(db_url, report.id)
    assert stored.description == "lamp kapot\nAanvulling: o het is bij nummer 20 trouwens"
    assert stored.location_text == "Kerkstraat 1 (Aanvulling: bij nummer 20)"
    deliver_due(client, url=db_url)
    note = signalen.notes[report.signalen_id][-1]
    assert "bij nummer 20" in note and "Jan de Vries" not in note
    assert not queue_addition(report.case_number, "telegram:1", "nummer 20", url=db_url), \
        "only the conversation that filed it"


def test_an_addition_waits_for_the_create_under_way(db_url, signalen, client,
                                                     notes_reach_signalen):
    new = NewReport(category="report_street_lighting", description="lamp kapot",
                    location_text="Kerkstraat", channel="whatsapp", sender_id=SENDER)
    report = file_report(new, url=db_url, forward=True)[0]
    queue_addition(report.case_number, SENDER, "het is bij nummer 20", url=db_url)
    signalen.fail_with = 503
    deliver_due(client, url=db_url, now=later(1))
    assert _items(db_url, answers.SIGNALEN_ADDITION) == [(False, False)], "tried again later"
    signalen.fail_with = None
    deliver_due(client, url=db_url, now=later(3600))
    deliver_due(client, url=db_url, now=later(7200))
    signal_id = _stored(db_url, report.id).signalen_id
    assert "nummer 20" in signalen.signals[signal_id]["text"], "the create carried it"
    assert _items(db_url, answers.SIGNALEN_ADDITION) == [(True, False)]


def test_without_a_service_account_an_addition_stays_in_the_report(db_url, signalen, client,
                                                                    monkeypatch):
    monkeypatch.setattr("bot.reports.answers.answers_reach_signalen", lambda: False)
    report = _filed(db_url, signalen, client)
    assert queue_addition(report.case_number, SENDER, "bij nummer 20", url=db_url)
    assert "bij nummer 20" in _stored(db_url, report.id).description
    assert _items(db_url, answers.SIGNALEN_ADDITION) == []


@pytest.mark.parametrize("stored, expected", [(True, "utter_report_addition_added"),
                                              (False, "utter_report_addition_not_added")])
def test_the_addition_action_passes_the_words_and_the_place(monkeypatch, dispatcher, domain,
                                                            stored, expected):
    calls = []
    monkeypatch.setattr("actions.report_answers.queue_addition",
                        lambda *args: calls.append(args) or stored)
    text = "o het is bij nummer 20 trouwens"
    tracker = make_tracker(intent="inform", text=text, entities=read_message(text).to_entities(
        text), slots={"report_case_number": "M-2026-000001"})
    asyncio.run(ActionAddToReport().run(dispatcher, tracker, domain))
    assert calls == [("M-2026-000001", "test-sender", text, "bij nummer 20")]
    assert [m["response"] for m in dispatcher.messages] == [expected]


def test_an_addition_for_the_second_report_filed_goes_to_the_second(monkeypatch, dispatcher,
                                                                     domain):
    """Round r164: "Het is niet het Stationsplein maar de bushalte aan de Stationsweg. Wilt u
    dat bij de tweede melding zetten?" after two reports were filed."""
    calls = []
    monkeypatch.setattr("actions.report_answers.queue_addition",
                        lambda *args: calls.append(args) or True)
    text = ("Het is niet het Stationsplein maar de bushalte aan de Stationsweg. Wilt u dat bij "
            "de tweede melding zetten?")
    tracker = make_tracker(intent="inform", text=text, entities=read_message(text).to_entities(
        text), slots={"report_case_number": "M-2026-000014"})
    tracker.events[:0] = [{"event": "bot", "text": "Dank u wel! Uw meldingen zijn ontvangen "
                           "met voorrang: M-2026-000014, M-2026-000015.",
                           "metadata": {"utter_action": "utter_report_filed_urgent_more"}}]
    asyncio.run(ActionAddToReport().run(dispatcher, tracker, domain))
    assert calls[0][0] == "M-2026-000015"


@pytest.fixture
def solved_store(db_url, monkeypatch):
    """The action's report lookups and additions on this test's store."""
    monkeypatch.setattr("actions.status.DATABASE_URL", db_url)
    monkeypatch.setattr("actions.report_answers.queue_addition",
                        lambda *args: queue_addition(*args, url=db_url))
    monkeypatch.setattr("actions.status.default_client", lambda: None)  # no Signalen here
    return db_url


def _solved(dispatcher, domain, text, sender="test-sender"):
    from actions.report_answers import ActionReportSolved

    entities = read_message(text).to_entities(text)
    number = normalise_case_number(text)
    if number:
        entities.append({"entity": "case_number", "value": number})
    tracker = make_tracker(intent="inform", text=text, entities=entities)
    tracker.events[-1]["parse_data"] = {"entities": entities}
    tracker.sender_id = sender
    return asyncio.run(ActionReportSolved().run(dispatcher, tracker, domain))


def _own_report(db_url, category="report_pavement_road", sender="test-sender") -> Report:
    new = NewReport(category=category, description="hekken op de stoep",
                    location_text="Dorpsstraat 12", channel="rest", sender_id=sender)
    return file_report(new, url=db_url)[0]


def test_a_report_said_to_be_solved_keeps_the_words_for_staff(solved_store, dispatcher,
                                                                domain):
    report = _own_report(solved_store)
    events = _solved(dispatcher, domain, f"melding {report.case_number} mag dicht, de hekken "
                                         "zijn weg")
    assert events == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_report_solved"]
    assert dispatcher.messages[0]["case_number"] == report.case_number
    assert "Volgens de melder is het opgelost" in _stored(solved_store, report.id).description


def test_a_report_taken_back_is_said_to_be_withdrawn_not_solved(solved_store, dispatcher,
                                                                 domain):
    """Round r187 of session 53: "Fijn dat het is opgelost!" to a mural taken back."""
    report = _own_report(solved_store)
    _solved(dispatcher, domain, f"melding {report.case_number}: het zijn geen hekken maar een "
                                "kunstwerk, kan ik die melding intrekken?")
    assert [m["response"] for m in dispatcher.messages] == ["utter_report_withdrawn"]


def test_a_solved_report_of_another_subject_is_not_named(solved_store, dispatcher, domain):
    report = _own_report(solved_store, category="report_waste_collection")
    _solved(dispatcher, domain, f"de lantaarnpaal van melding {report.case_number} doet het "
                                "weer")
    assert [m["response"] for m in dispatcher.messages] == ["utter_report_solved_passed_on"]
    assert "opgelost" not in _stored(solved_store, report.id).description


def test_a_new_problem_beside_the_solved_one_starts_a_report(solved_store, dispatcher, domain):
    report = _own_report(solved_store)
    events = _solved(dispatcher, domain, f"melding {report.case_number} mag dicht, de hekken "
                                         "zijn weg. maar nu ligt er een losse stoeptegel")
    assert [m["response"] for m in dispatcher.messages] == ["utter_report_solved",
                                                            "utter_report_solved_and_new"]
    assert events == [FollowupAction("action_start_report")]


def test_asked_again_to_close_it_the_solved_report_is_not_passed_on_twice(solved_store,
                                                                           dispatcher, domain):
    from actions.report_answers import ActionReportSolved

    text = "ja maar hij is dus al gemaakt, kunt u hem afsluiten?"
    tracker = make_tracker(intent="inform", text=text)
    tracker.events[:0] = [{"event": "user", "text": "de put is gemaakt, die melding kan dicht"},
                          {"event": "action", "name": "action_report_solved"},
                          {"event": "action", "name": "action_listen"}]
    assert asyncio.run(ActionReportSolved().run(dispatcher, tracker, domain)) == []
    assert [m["response"] for m in dispatcher.messages] == ["utter_report_solved_again"]


def test_a_report_of_another_conversation_is_not_closed_by_its_number(solved_store,
                                                                       dispatcher, domain):
    """A neighbour who knows only the case number passes it on; the report stays open."""
    report = _own_report(solved_store, category="report_waste_collection", sender="neighbour")
    _solved(dispatcher, domain, f"melding {report.case_number}: de container is opgehaald")
    assert [m["response"] for m in dispatcher.messages] == ["utter_report_solved_passed_on"]
    assert "opgelost" not in _stored(solved_store, report.id).description


def test_a_hazard_added_after_filing_is_passed_on_for_priority(monkeypatch, dispatcher, domain):
    """Round r168: glass on the cycle path added to the report just filed."""
    monkeypatch.setattr("actions.report_answers.queue_addition", lambda *args: True)
    text = ("o wacht vergeten te zeggen, er ligt ook glas van een kapotte fles naast, op het "
            "fietspad")
    tracker = make_tracker(intent="inform", text=text, entities=read_message(text).to_entities(
        text), slots={"report_case_number": "M-2026-000007"})
    asyncio.run(ActionAddToReport().run(dispatcher, tracker, domain))
    assert [m["response"] for m in dispatcher.messages] == ["utter_ack_hazard_passed_on",
                                                            "utter_report_addition_added"]
