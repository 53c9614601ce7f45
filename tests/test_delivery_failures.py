"""Failed deliveries (issue 15): Twilio's failure callbacks, Telegram's and Meta's
refusals are kept per outgoing message, shown to webcare in plain words, and the
configured fallback (SMS to the same number, only with the resident's consent) applies.

In-process: the WhatsApp connector's routes, the outbox, the report store on SQLite and
the Twilio, Telegram and Meta stand-ins (no model, no running stack)."""
from __future__ import annotations

import asyncio
import datetime as dt
from typing import List, Optional

import pytest

from bot.reports.outbox import deliver_due
from bot.reports.service import NewReport, file_report
from bot import channel_store as store
from channels import delivery
from channels.fallback import fallback_channels
from channels.whatsapp import WhatsAppInput
from tests.channel_app import ChannelApp
from tests.channel_helpers import twilio_params, wait_for
from tests.conftest import TELEGRAM_TOKEN
from tests.standins.meta import MetaStandIn
from tests.standins.telegram import TelegramStandIn
from tests.test_whatsapp_window import no_turn, pass_on_callbacks, post_callbacks, resident_wrote
from tests.test_whatsapp_window import twilio  # noqa: F401 (the fixture)

NUMBER = "+31612340001"
RESIDENT = f"whatsapp:{NUMBER}"
STATUS_TEXT = "Uw melding M-2026-000123 is *opgelost*. Dank u wel!"
FALLBACK = "whatsapp=sms,telegram=sms,messenger=sms"


def report_from(sender: str, channel: str, wants_updates: bool,
                phone: Optional[str] = None, description: str = "lamp kapot") -> None:
    file_report(NewReport(category="report_street_lighting", description=description,
                          location_text="Kerkstraat 7", channel=channel, sender_id=sender,
                          wants_updates=wants_updates,
                          contact_phone=phone if wants_updates else None), forward=False)


def undelivered_on_whatsapp(twilio, text: str = STATUS_TEXT) -> List[dict]:  # noqa: F811
    """A message Twilio takes and then reports undelivered (30003), its callbacks passed
    on to the connector as Twilio posts them; returns those callbacks."""
    resident_wrote(twilio, hours_ago=1)
    twilio.undeliverable.add(RESIDENT)
    deliver_due(item_ids=store.queue_messages(
        "whatsapp", RESIDENT, [{"text": text, "about": "utter_report_status_afgehandeld"}]))
    wait_for(lambda: len(twilio.sink.received) >= 2, timeout=5)  # sent, undelivered
    callbacks = list(twilio.sink.received)

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), no_turn) as app:
            assert set(await pass_on_callbacks(app, twilio.sink)) == {200}

    asyncio.run(run())
    return callbacks


def sms_to(twilio, number: str = NUMBER) -> List[str]:  # noqa: F811
    return [m["Body"] for m in twilio.sent if m["To"] == number]


def test_the_fallback_setting_names_sms_per_channel():
    assert fallback_channels("whatsapp=sms, telegram = sms") == {"whatsapp": "sms",
                                                                 "telegram": "sms"}
    assert fallback_channels("") == {}
    assert fallback_channels("whatsapp=fax,sms") == {}, "only SMS is a fallback"


def test_an_undelivered_whatsapp_message_goes_by_sms_when_the_resident_consented(
        twilio, monkeypatch):  # noqa: F811
    monkeypatch.setenv("GA_DELIVERY_FALLBACK", FALLBACK)
    report_from(RESIDENT, "whatsapp", wants_updates=True)
    undelivered_on_whatsapp(twilio)
    [sms] = sms_to(twilio)
    assert "M-2026-000123 is opgelost" in sms and "*" not in sms, "rendered for SMS"
    [failed] = store.failed_deliveries()
    assert (failed["recipient"], failed["status"], failed["error_code"]) == (
        RESIDENT, "undelivered", 30003)
    assert failed["fallback"] == "sms" and failed["fallback_channel"] == "sms"
    assert failed["fallback_status"] in ("queued", "sent", "delivered")
    assert "opgelost" in failed["text"]


def test_a_repeated_failure_callback_sends_one_sms(twilio, monkeypatch):  # noqa: F811
    monkeypatch.setenv("GA_DELIVERY_FALLBACK", FALLBACK)
    report_from(RESIDENT, "whatsapp", wants_updates=True)
    callbacks = undelivered_on_whatsapp(twilio)
    # Twilio posts the same "undelivered" again (the fallback SMS's own callbacks, which may
    # still be arriving, are not for this connector)
    again = [c for c in callbacks if b"undelivered" in c["body"]]

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), no_turn) as app:
            assert await post_callbacks(app, again) == [200]

    asyncio.run(run())
    assert len(sms_to(twilio)) == 1


def test_no_fallback_without_consent_or_setting_or_after_stop(twilio, monkeypatch):  # noqa: F811
    report_from(RESIDENT, "whatsapp", wants_updates=False)
    monkeypatch.setenv("GA_DELIVERY_FALLBACK", "")
    undelivered_on_whatsapp(twilio, "Eerste bericht.")
    monkeypatch.setenv("GA_DELIVERY_FALLBACK", FALLBACK)
    undelivered_on_whatsapp(twilio, "Tweede bericht.")
    report_from(RESIDENT, "whatsapp", wants_updates=True, description="lamp weer kapot")
    store.set_opted_out("sms", NUMBER, True)
    undelivered_on_whatsapp(twilio, "Derde bericht.")
    assert sms_to(twilio) == []
    outcomes = {f["text"]: f["fallback"] for f in store.failed_deliveries()}
    assert outcomes == {"Eerste bericht.": "not_configured", "Tweede bericht.": "no_consent",
                        "Derde bericht.": "opted_out"}


def test_a_window_failure_is_no_fallback_case(twilio, monkeypatch):  # noqa: F811
    """63016 gets its template; an SMS besides would say the same twice."""
    monkeypatch.setenv("GA_DELIVERY_FALLBACK", FALLBACK)
    report_from(RESIDENT, "whatsapp", wants_updates=True)
    twilio.resident_wrote(RESIDENT, dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=30))
    store.record_inbound("whatsapp", RESIDENT)
    deliver_due(item_ids=store.queue_messages("whatsapp", RESIDENT, [{"text": "Hallo."}]))
    wait_for(lambda: twilio.sink.received, timeout=5)

    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), no_turn) as app:
            await pass_on_callbacks(app, twilio.sink)

    asyncio.run(run())
    assert sms_to(twilio) == [] and twilio.templates_to(RESIDENT)
    [failed] = store.failed_deliveries()
    assert failed["error_code"] == 63016 and failed["fallback"] is None


def held_behind_a_failed_template(twilio) -> List[dict]:  # noqa: F811
    """A status update 25 hours after the resident's last message: held behind a template
    that Twilio then reports undelivered (30003); returns the template's callbacks, not
    yet passed on to the connector."""
    resident_wrote(twilio, hours_ago=25)
    twilio.undeliverable.add(RESIDENT)
    assert deliver_due(item_ids=store.queue_messages(
        "whatsapp", RESIDENT,
        [{"text": STATUS_TEXT, "about": "utter_report_status_afgehandeld"}])) == 0, "held"
    assert twilio.templates_to(RESIDENT) and twilio.bodies_to(RESIDENT) == []
    wait_for(lambda: len(twilio.sink.received) >= 2, timeout=5)  # sent, undelivered
    callbacks = list(twilio.sink.received)
    del twilio.sink.received[:]
    twilio.undeliverable.discard(RESIDENT)
    return callbacks


def pass_on(twilio, callbacks: List[dict]) -> None:  # noqa: F811
    """These callbacks to the WhatsApp connector (not the fallback SMS's own, which may
    still be arriving in the sink)."""
    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), no_turn) as app:
            assert set(await post_callbacks(app, callbacks)) == {200}

    asyncio.run(run())


def resident_writes_on_whatsapp(twilio) -> None:  # noqa: F811
    async def run() -> None:
        async with ChannelApp(WhatsAppInput(), no_turn) as app:
            twilio.resident_wrote(RESIDENT)
            answer = await app.post_twilio("/webhooks/whatsapp/webhook",
                                           twilio_params(RESIDENT, "Hallo?"))
            assert answer.status_code == 200

    asyncio.run(run())


def test_a_held_message_sent_by_sms_after_its_template_failed_is_not_released_again(
        twilio, monkeypatch):  # noqa: F811
    monkeypatch.setenv("GA_DELIVERY_FALLBACK", FALLBACK)
    report_from(RESIDENT, "whatsapp", wants_updates=True)
    template_callbacks = held_behind_a_failed_template(twilio)
    pass_on(twilio, template_callbacks)
    [sms] = sms_to(twilio)
    assert "M-2026-000123 is opgelost" in sms
    # Twilio repeats the failure callback: it neither sends again nor undoes anything
    pass_on(twilio, [c for c in template_callbacks if b"undelivered" in c["body"]])
    resident_writes_on_whatsapp(twilio)
    assert twilio.bodies_to(RESIDENT) == [], "the news came once, by SMS"
    assert len(sms_to(twilio)) == 1
    [failed] = store.failed_deliveries()
    assert (failed["error_code"], failed["fallback"], failed["fallback_channel"]) == (
        30003, "sms_instead_of_held", "sms")


def test_a_failure_callback_after_the_held_message_went_out_on_whatsapp_sends_no_sms(
        twilio, monkeypatch):  # noqa: F811
    monkeypatch.setenv("GA_DELIVERY_FALLBACK", FALLBACK)
    report_from(RESIDENT, "whatsapp", wants_updates=True)
    template_callbacks = held_behind_a_failed_template(twilio)
    resident_writes_on_whatsapp(twilio)  # before Twilio's failure callback arrives
    assert twilio.bodies_to(RESIDENT) == [STATUS_TEXT], "released as free text"
    pass_on(twilio, template_callbacks)
    assert sms_to(twilio) == []
    [failed] = store.failed_deliveries()
    assert (failed["error_code"], failed["fallback"]) == (30003, "released_on_whatsapp")


@pytest.fixture
def telegram_api(twilio, monkeypatch):  # noqa: F811
    standin = TelegramStandIn(TELEGRAM_TOKEN).start()
    delivery.close_telegram()
    monkeypatch.setattr(delivery, "TELEGRAM_API_URL", standin.url)
    monkeypatch.setattr(delivery, "TELEGRAM_BOT_TOKEN", TELEGRAM_TOKEN)
    monkeypatch.setenv("GA_DELIVERY_FALLBACK", FALLBACK)
    yield standin
    delivery.close_telegram()
    standin.stop()


def test_a_telegram_chat_that_is_gone_falls_back_to_the_number_they_gave(
        telegram_api, twilio):  # noqa: F811
    telegram_api.missing_chats.add("4711")
    report_from("4711", "telegram", wants_updates=True, phone="+31612349999")
    ids = store.queue_messages("telegram", "4711", [
        {"text": "Uw melding M-2026-000123 is <b>opgelost</b> &amp; klaar."}])
    assert deliver_due(item_ids=ids) == 0
    [failed] = store.failed_deliveries(recipient="4711")
    assert (failed["channel"], failed["error_code"]) == ("telegram", 400)
    [sms] = sms_to(twilio, "+31612349999")
    assert "is opgelost & klaar" in sms and "<b>" not in sms
    assert failed["fallback"] == "sms"


def test_a_telegram_resident_who_blocked_the_bot_gets_no_sms(telegram_api, twilio):  # noqa: F811
    telegram_api.blocked.add("4713")
    report_from("4713", "telegram", wants_updates=True, phone="+31612349998")
    deliver_due(item_ids=store.queue_messages("telegram", "4713", [{"text": "Opgelost."}]))
    [failed] = store.failed_deliveries(recipient="4713")
    assert (failed["error_code"], failed["fallback"]) == (403, "not_applicable")
    assert "bot was blocked by the user" in failed["error_message"]
    assert sms_to(twilio, "+31612349998") == []


def test_a_telegram_chat_telegram_does_not_know_is_recorded_without_consent(telegram_api):
    telegram_api.missing_chats.add("4712")
    report_from("4712", "telegram", wants_updates=False)
    ids = store.queue_messages("telegram", "4712", [{"text": "Hallo."}])
    deliver_due(item_ids=ids)
    [failed] = store.failed_deliveries()
    assert (failed["error_code"], failed["fallback"]) == (400, "no_consent")
    assert "chat not found" in failed["error_message"].lower()


def test_a_messenger_refusal_without_a_phone_number_has_no_fallback(twilio, monkeypatch):  # noqa: F811
    meta = MetaStandIn("EAApage", "secret").start()
    try:
        monkeypatch.setenv("MESSENGER_API_URL", meta.url)
        monkeypatch.setenv("MESSENGER_PAGE_ACCESS_TOKEN", "EAApage")
        monkeypatch.setenv("GA_DELIVERY_FALLBACK", FALLBACK)
        meta.resident_wrote("6543")
        meta.blocked.add("6543")
        store.record_inbound("messenger", "messenger:6543")
        report_from("messenger:6543", "messenger", wants_updates=True)
        deliver_due(item_ids=store.queue_messages("messenger", "messenger:6543",
                                                  [{"text": "Hallo."}]))
    finally:
        meta.stop()
    [failed] = store.failed_deliveries()
    assert (failed["error_code"], failed["fallback"]) == (551, "not_applicable")
    assert twilio.sent == []


def test_the_console_explains_each_failure_in_plain_words(twilio, monkeypatch):  # noqa: F811
    from console import deliveries
    from console.app import templates
    from tests.test_console_dead_letters import Staff

    monkeypatch.setenv("GA_DELIVERY_FALLBACK", FALLBACK)
    report_from(RESIDENT, "whatsapp", wants_updates=True)
    undelivered_on_whatsapp(twilio, "Uw melding <M-2026-000123> is opgelost.")
    from bot.settings import DATABASE_URL

    failures = deliveries.failures(DATABASE_URL)
    html = templates.get_template("deliveries.html").render(
        staff=Staff(), municipality="Lindendal", now=0, failures=failures)
    assert "niet bereikbaar" in html and "foutcode 30003" in html
    assert "als sms gestuurd" in html and f'href="/console/conversations/{RESIDENT}"' in html
    assert "&lt;M-2026-000123&gt;" in html, "escaped"
    assert deliveries.failures(DATABASE_URL, recipient="whatsapp:+31600000000") == []


@pytest.mark.parametrize("channel, code", [
    ("whatsapp", 30003), ("whatsapp", 63003), ("sms", 30007), ("telegram", 403),
    ("telegram", 400), ("messenger", 551), ("messenger", 10)])
def test_known_errors_have_their_own_words_and_unknown_ones_a_general_line(channel, code):
    from console.deliveries import explain, explanations

    assert explain(channel, code) != explanations()["unknown"]
    assert explain(channel, 99999) == explanations()["unknown"]


def test_every_fallback_outcome_is_explained():
    from channels.fallback import OUTCOMES
    from console.deliveries import explanations

    assert set(OUTCOMES) | {"sms"} <= set(explanations()["fallback"])


def test_every_twilio_error_the_connector_names_is_explained():
    from channels.twilio_common import ERROR_CODES
    from console.deliveries import explanations

    assert set(ERROR_CODES) <= set(explanations()["twilio"])


def test_failed_deliveries_and_given_up_messages_are_deleted_after_30_days(tmp_path):
    from bot.reports import db as reports_db
    from bot.reports.models import NEVER, OutboxItem
    from bot.reports.retention import delete_old_rows
    from bot.register import load_register
    from bot.channel_models import ChannelDelivery

    url = f"sqlite:///{tmp_path / 'retention.db'}"
    reports_db.migrate(url)
    now = dt.datetime(2027, 6, 1, 12, 0)
    for age in (31, 2):
        created = now - dt.timedelta(days=age)
        item_id = store.queue_messages("whatsapp", RESIDENT, [{"text": f"{age} dagen"}],
                                       url=url)[0]
        with reports_db.session(url) as db:
            item = db.get(OutboxItem, item_id)
            item.created_at, item.next_attempt_at = created, NEVER
        sid = store.record_refusal("whatsapp", RESIDENT, item_id, 63003, "not on WhatsApp",
                                   now=created, url=url)
        assert sid
    delete_old_rows(now, load_register(), url=url)
    with reports_db.session(url) as db:
        assert [i.payload for i in db.query(OutboxItem)] == [
            '{"text": "2 dagen", "outbox_id": 2}']
        assert db.query(ChannelDelivery).count() == 1
