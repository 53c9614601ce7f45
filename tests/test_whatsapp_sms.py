"""WhatsApp and SMS through the Twilio webhooks of the running stack, with replies
caught by the Twilio stand-in and reports by the Signalen stand-in."""
from __future__ import annotations

import itertools
import re
import time

import pytest

from bot.reports.status import change_status
from bot.tone.gsm import is_gsm7
from tests.channel_helpers import arrived, twilio_params, twilio_post, wait_for
from twilio.request_validator import RequestValidator

from tests.conftest import TWILIO_SMS_FROM, TWILIO_TOKEN
from tests.standins.twilio import PHOTO

_numbers = itertools.count(1)


def new_number() -> str:
    return f"+3161234{next(_numbers):04d}"


@pytest.fixture
def whatsapp(stack, twilio_standin):
    """Send one WhatsApp message; return the replies Twilio was asked to send."""
    url = f"{stack.url}/webhooks/whatsapp/webhook"

    def send(sender: str, body: str = "", **extra) -> list:
        before = len(twilio_standin.bodies_to(sender))
        status, answer = twilio_post(url, twilio_params(sender, body, **extra))
        assert status == 200, answer
        assert "<Response>" in answer
        return twilio_standin.bodies_to(sender)[before:]

    return send


def test_loose_tile_with_photo_and_location(whatsapp, twilio_standin, signalen_standin,
                                           reports_db_url):
    resident = "whatsapp:" + new_number()
    asked = whatsapp(resident, "Er ligt een losse stoeptegel op de stoep")
    assert "deel uw locatie" in asked[-1]
    asked = whatsapp(resident, Latitude="52.0907", Longitude="5.1214",
                     Address="Kerkstraat 12, Lindendal")
    assert "foto" in asked[-1].lower()
    asked = whatsapp(resident, NumMedia="1", MediaUrl0=twilio_standin.media_url(),
                     MediaContentType0="image/jpeg")
    assert "1. Ja, graag" in asked[-1] and "Antwoord met 1 of 2" in asked[-1]
    summary = whatsapp(resident, "1")
    assert "Kerkstraat 12, Lindendal" in summary[-1] and "losse stoeptegel" in summary[-1]
    assert "e-mail" not in " ".join(summary), "WhatsApp has its own address: no contact question"
    filed = whatsapp(resident, "ja")
    assert "M-" in filed[0]
    signal = wait_for(lambda: next((s for s in signalen_standin.signals.values()
                                    if "losse stoeptegel" in s["text"]
                                    and "Kerkstraat 12" in s["text"]), None))
    assert signal["location"]["geometrie"]["coordinates"] == [5.1214, 52.0907]
    assert signal["reporter"] == {"sharing_allowed": False, "phone": resident.split(":", 1)[1]}, \
        "updates wanted: the WhatsApp number goes to Signalen"
    signal_id = next(k for k, v in signalen_standin.signals.items() if v is signal)
    assert wait_for(lambda: signalen_standin.attachments.get(signal_id)) == [PHOTO]

    case_number = re.search(r"M-\d{4}-\d{6}", filed[0]).group(0)
    change_status(case_number, "afgehandeld", url=reports_db_url)
    update = wait_for(lambda: [b for b in twilio_standin.bodies_to(resident)
                               if case_number in b and "opgelost" in b])
    assert update, "the status update arrives on WhatsApp, where the resident asked for it"


def test_a_forged_signature_is_refused_and_nothing_is_processed(stack, twilio_standin):
    resident = "whatsapp:" + new_number()
    url = f"{stack.url}/webhooks/whatsapp/webhook"
    params = twilio_params(resident, "hallo")
    status, _ = twilio_post(url, params, signature="Zm9yZ2Vk")
    assert status == 403
    signed = RequestValidator(TWILIO_TOKEN).compute_signature(url, params)
    status, _ = twilio_post(url, {**params, "Body": "iets anders"}, signature=signed)
    assert status == 403, "a changed body no longer matches the signature"
    assert twilio_standin.bodies_to(resident) == []


def test_a_repeated_message_sid_is_processed_once(stack, twilio_standin):
    resident = "whatsapp:" + new_number()
    url = f"{stack.url}/webhooks/whatsapp/webhook"
    params = twilio_params(resident, "Hoe laat is het gemeentehuis open?")
    assert twilio_post(url, params)[0] == 200
    first = arrived(lambda: list(twilio_standin.bodies_to(resident)))
    assert first
    assert twilio_post(url, params)[0] == 200
    time.sleep(2)  # a redone turn would be sent within this time, as the first one was
    assert twilio_standin.bodies_to(resident) == first


@pytest.mark.parametrize("change, status, code", [
    ({"From": ""}, 400, "missing_from_or_message_sid"),
    ({"MessageSid": ""}, 400, "missing_from_or_message_sid"),
    ({"From": "+31612345678"}, 400, "not_a_whatsapp_sender"),
    ({"NumMedia": "veel"}, 400, "invalid_num_media"),
    ({"NumMedia": "1"}, 400, "missing_media_url"),
    ({"Latitude": "noord", "Longitude": "5.1"}, 400, "invalid_location"),
    ({"Latitude": "152.0", "Longitude": "5.1"}, 400, "invalid_location"),
])
def test_bad_fields_get_a_clear_4xx(stack, twilio_standin, change, status, code):
    resident = "whatsapp:" + new_number()
    params = {**twilio_params(resident, "hallo"), **change}
    answer = twilio_post(f"{stack.url}/webhooks/whatsapp/webhook", params)
    assert answer == (status, f'{{"error":"{code}"}}')
    assert twilio_standin.bodies_to(resident) == []


def test_wrong_content_type_and_huge_bodies(stack):
    from tests.channel_helpers import post

    url = f"{stack.url}/webhooks/whatsapp/webhook"
    assert post(url, b'{"Body": "hallo"}', {"Content-Type": "application/json"})[0] == 415
    huge = b"Body=" + b"a" * (1024 * 1024)
    assert post(url, huge, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 413
    for invalid_utf8 in (b"Body=%ff%fe", b"Body=\xff\xfe"):
        assert post(url, invalid_utf8, {"Content-Type": "application/x-www-form-urlencoded"}
                    ) == (400, '{"error":"invalid_utf8"}')


def test_media_the_bot_cannot_open_gets_an_answer(whatsapp, twilio_standin):
    resident = "whatsapp:" + new_number()
    replies = whatsapp(resident, NumMedia="1", MediaUrl0=twilio_standin.media_url(),
                       MediaContentType0="audio/ogg")
    assert "kan ik niet openen" in replies[0]


def test_sms_is_gsm7_split_on_sentences_and_honours_stop(stack, twilio_standin):
    resident = new_number()
    url = f"{stack.url}/webhooks/sms/webhook"

    def sms(body: str) -> list:
        before = len(twilio_standin.bodies_to(resident))
        status, answer = twilio_post(url, twilio_params(resident, body, to=TWILIO_SMS_FROM,
                                                        WaId=""))
        assert status == 200, answer
        return twilio_standin.bodies_to(resident)[before:]

    replies = sms("Wanneer is het gemeentehuis open?")
    assert replies and all(is_gsm7(r) and len(r) <= 459 for r in replies)
    sent = [m for m in twilio_standin.sent if m["To"] == resident]
    assert {m["From"] for m in sent} == {TWILIO_SMS_FROM}
    assert "START" in sms("STOP")[0]
    assert sms("Mijn container is niet geleegd") == [], "nothing is sent after STOP"
    assert "Welkom terug" in sms("START")[0]
    assert sms("dank je wel")


def test_an_sms_from_whatsapp_is_refused(stack):
    params = twilio_params("whatsapp:+31612345678", "hallo", to=TWILIO_SMS_FROM)
    assert twilio_post(f"{stack.url}/webhooks/sms/webhook", params)[0] == 400


def test_replies_survive_a_twilio_outage(whatsapp, twilio_standin):
    resident = "whatsapp:" + new_number()
    twilio_standin.fail_with = 503
    try:
        assert whatsapp(resident, "Wanneer is het gemeentehuis open?") == []
    finally:
        twilio_standin.fail_with = None
    assert wait_for(lambda: twilio_standin.bodies_to(resident), timeout=90)


def test_replies_survive_a_slow_twilio(whatsapp, twilio_standin):
    resident = "whatsapp:" + new_number()
    twilio_standin.delay = 3  # hangs longer than the client's timeout of 2 s
    try:
        whatsapp(resident, "hallo")
    finally:
        twilio_standin.delay = 0
    assert wait_for(lambda: twilio_standin.bodies_to(resident), timeout=90)


def test_an_emergency_on_whatsapp_gets_112_before_any_question(whatsapp):
    resident = "whatsapp:" + new_number()
    replies = whatsapp(resident, "er is iemand van zijn fiets gevallen bij de Molenweg en hij "
                                 "bloedt heel erg en reageert niet")
    assert "112" in replies[0]
    assert not any("Waar is het" in reply for reply in replies)


def test_a_report_in_one_typed_sentence_per_answer_on_whatsapp(whatsapp, reports_db_url):
    resident = "whatsapp:" + new_number()
    asked = whatsapp(resident, "De straatlamp bij Julianastraat 9 doet het al dagen niet")
    assert "Ik noteer: Julianastraat 9." in asked[-1] and "foto" in asked[-1]
    assert "bericht als er iets verandert" in whatsapp(resident, "nee, geen foto")[-1]
    assert "Klopt dit?" in whatsapp(resident, "nee hoor, hoeft niet")[-1]
    filed = whatsapp(resident, "klopt, dank u wel!")
    assert re.search(r"M-\d{4}-\d{6}", filed[0])


def test_sms_in_another_language_gets_the_phone_number(stack, twilio_standin):
    resident = new_number()
    status, _ = twilio_post(f"{stack.url}/webhooks/sms/webhook",
                            twilio_params(resident, "Dzień dobry, nie działa latarnia przy "
                                          "mojej ulicy, co mam zrobić?", to=TWILIO_SMS_FROM,
                                          WaId=""))
    assert status == 200
    replies = arrived(lambda: twilio_standin.bodies_to(resident))
    assert "14 0571" in " ".join(replies)
    assert "Klopt dit?" not in " ".join(replies)


def test_a_status_update_25_hours_later_reaches_whatsapp_as_a_template(whatsapp, twilio_standin,
                                                                      reports_db_url):
    """Outside WhatsApp's window the update waits behind the approved template; the
    resident's answer brings it as free text."""
    import datetime as dt
    import json

    from bot.reports.models import utcnow
    from bot import channel_store as store
    from tests.conftest import WHATSAPP_TEMPLATES

    resident = "whatsapp:" + new_number()
    whatsapp(resident, "De straatlamp bij Julianastraat 9 doet het al dagen niet")
    whatsapp(resident, "nee, geen foto")
    whatsapp(resident, "ja graag")
    filed = whatsapp(resident, "klopt")
    case_number = re.search(r"M-\d{4}-\d{6}", " ".join(filed)).group(0)
    yesterday = utcnow() - dt.timedelta(hours=25)
    store.record_inbound("whatsapp", resident, now=yesterday, url=reports_db_url)
    twilio_standin.resident_wrote(resident, yesterday.replace(tzinfo=dt.timezone.utc))
    before = len(twilio_standin.bodies_to(resident))

    change_status(case_number, "afgehandeld", url=reports_db_url)
    [template] = wait_for(lambda: twilio_standin.templates_to(resident), timeout=60)
    assert template["ContentSid"] == WHATSAPP_TEMPLATES["STATUS_UPDATE"]
    assert json.loads(template["ContentVariables"])["1"] == case_number
    assert not [b for b in twilio_standin.bodies_to(resident)[before:] if case_number in b]
    # The outbox marks the update held right after Twilio took the template; a resident
    # answers later than that (under load the two could otherwise cross in this test).
    wait_for(lambda: _held_for(resident, reports_db_url), timeout=60)

    whatsapp(resident, "Wat is er?")
    update = [b for b in twilio_standin.bodies_to(resident)[before:] if case_number in b]
    assert update and "opgelost" in update[0], "the held update comes first, as free text"


def _held_for(recipient: str, url: str) -> bool:
    """Whether a message to `recipient` waits in the outbox behind a template."""
    from bot.reports import db as reports_db
    from bot.reports.models import HELD, OutboxItem

    with reports_db.session(url) as db:
        return db.query(OutboxItem).filter(OutboxItem.recipient == recipient,
                                           OutboxItem.last_error.like(f"{HELD}%")).count() > 0

