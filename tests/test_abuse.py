"""Bad input and abuse: floods, injection strings in every field, personal data in logs."""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request

from bot.logmask import mask
from bot.ratelimit import SenderLimit
from tests.channel_helpers import telegram_post, twilio_params, twilio_post
from tests.conftest import post_json, texts

INJECTIONS = ["'; DROP TABLE events; --", "<script>alert(1)</script>", "{{7*7}}",
              "${jndi:ldap://x}", "\u0000\u202e", "' OR '1'='1"]


def test_masking_of_personal_data():
    line = ("from whatsapp:+31612345678 (06-12345678, 0031 6 1234 5678) mail a.b@example.nl "
            "about Kerkstraat 12a, 1234 AB; case M-2026-000123 at 10:15, 3 times")
    masked = mask(line)
    for secret in ("612345678", "12345678", "a.b@example.nl", "Kerkstraat 12", "1234 AB"):
        assert secret not in masked
    assert "M-2026-000123" in masked and "10:15" in masked and "3 times" in masked


def test_sender_limit_with_a_clock():
    now = [0.0]
    limit = SenderLimit(limit=3, window=60, clock=lambda: now[0])
    assert [limit.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limit.allow("b"), "another sender is not affected"
    assert limit.first_refusal("a") and not limit.first_refusal("a")
    now[0] = 61
    assert limit.allow("a"), "the window moves on"


def test_a_flooding_sender_gets_a_polite_answer(stack):
    url = f"{stack.url}/webhooks/webchat/webhook"
    sender = "flooding-sender-1"
    for _ in range(20):
        assert post_json(url, {"sender": sender, "message": "hoi"})[0] == 200
    status, replies = post_json(url, {"sender": sender, "message": "hoi"})
    assert status == 200 and "Wacht even een minuut" in texts(replies)
    assert post_json(url, {"sender": sender, "message": "hoi"}) == (200, []), "said once"
    status, replies = post_json(url, {"sender": "calm-sender-12", "message": "hoi"})
    assert "digitale assistent" in texts(replies)


def test_injection_strings_in_every_field(stack, twilio_standin):
    webchat = f"{stack.url}/webhooks/webchat/webhook"
    for text in INJECTIONS:
        status, replies = post_json(webchat, {"sender": "inject-tester-1", "message": text,
                                              "metadata": {"x": text}})
        assert status == 200 and replies, text
        assert post_json(webchat, {"sender": text, "message": "hoi"})[0] == 400
    whatsapp = f"{stack.url}/webhooks/whatsapp/webhook"
    resident = "whatsapp:+31611110000"
    for text in INJECTIONS:
        params = twilio_params(resident, text, ProfileName=text, Address=text,
                               Latitude="52.1", Longitude="5.1")
        assert twilio_post(whatsapp, params)[0] == 200, text
        assert twilio_post(whatsapp, {**params, "From": text})[0] == 400
    telegram = f"{stack.url}/webhooks/telegram/webhook"
    for number, text in enumerate(INJECTIONS):
        person = {"id": 8100, "is_bot": False, "first_name": text, "username": text}
        update = {"update_id": 990_000 + number, "message": {
            "message_id": number + 1, "date": 1763900000, "from": person, "text": text,
            "caption": text, "chat": {"id": 8100, "type": "private", "first_name": text}}}
        assert telegram_post(telegram, json.dumps(update).encode())[0] == 200, text
    # The stores are still intact: the tester's conversation goes on (one of the strings
    # may have started a report), and a new conversation starts as always.
    status, replies = post_json(webchat, {"sender": "inject-tester-1", "message": "stop"})
    assert status == 200 and texts(replies)
    status, replies = post_json(webchat, {"sender": "inject-tester-2", "message": "hoi"})
    assert "digitale assistent" in texts(replies), "the stores are still intact"


def test_no_resident_phone_or_e_mail_in_the_logs(stack, twilio_standin):
    resident = "whatsapp:+31622334455"
    whatsapp = f"{stack.url}/webhooks/whatsapp/webhook"
    for text in ("mijn mail is jan.jansen@example.nl", "Er ligt een losse tegel",
                 "Dorpsstraat 7", "06-22334455"):
        assert twilio_post(whatsapp, twilio_params(resident, text))[0] == 200
    logs = "\n".join(path.read_text(errors="replace") for path in stack.log_dir.glob("*.log"))
    assert not re.search(r"22334455|jan\.jansen@example\.nl|Dorpsstraat 7", logs)


def test_no_door_opens_another_channels_conversation(stack, telegram_standin):
    """The hijacks of issue 15, refused: REST without the token or as a WhatsApp
    resident, and a web chat id that is a Telegram chat id."""
    rest = f"{stack.url}/webhooks/rest/webhook"
    assert post_json(rest, {"sender": "whatsapp:+31622334455", "message": "ja"})[0] == 403
    assert post_json(f"{rest}?token={stack.token}",
                     {"sender": "whatsapp:+31622334455", "message": "ja"})[0] == 400
    assert post_json(f"{rest}?token={stack.token}",
                     {"sender": "90000303", "message": "ja"})[0] == 403
    chat = 90000303
    update = {"update_id": 991_000, "message": {
        "message_id": 1, "date": 1763900000, "text": "Er ligt een losse tegel bij Molenweg 4",
        "from": {"id": chat, "is_bot": False, "first_name": "Jan"},
        "chat": {"id": chat, "type": "private"}}}
    assert telegram_post(f"{stack.url}/webhooks/telegram/webhook",
                         json.dumps(update).encode())[0] == 200
    status, replies = post_json(f"{stack.url}/webhooks/webchat/webhook",
                                {"sender": str(chat), "message": "ja"})
    assert status == 200 and "Molenweg" not in texts(replies)
    with urllib.request.urlopen(f"{stack.url}/webhooks/webchat/updates?sender={chat}",
                                timeout=10) as answer:
        assert json.load(answer) == []
    status, replies = post_json(f"{stack.url}/webhooks/webchat/webhook",
                                {"sender": "surrogate-1", "message": "hallo \ud800"})
    assert status == 200 and texts(replies)



def test_the_action_server_answers_only_the_rasa_server(stack):
    """Issue 15: one forged call filed a report; without the shared secret it gets 401
    (tests/test_action_server_auth.py shows it files nothing), while the Rasa server,
    which sends the secret, runs its actions as always."""
    forged = json.dumps({"next_action": "action_submit_report", "sender_id": "x",
                         "tracker": {"sender_id": "x", "slots": {}, "events": []},
                         "domain": {}}).encode()
    for suffix in ("", "?token=wrong"):
        request = urllib.request.Request(
            f"http://127.0.0.1:{stack.action_port}/webhook{suffix}", data=forged,
            headers={"Content-Type": "application/json"})
        try:
            urllib.request.urlopen(request, timeout=10)
            raise AssertionError("the action server ran a call without the secret")
        except urllib.error.HTTPError as error:
            assert error.code == 401, suffix
    status, replies = post_json(f"{stack.url}/webhooks/rest/webhook?token={stack.token}",
                                {"sender": "action-auth-1",
                                 "message": "Wanneer is het gemeentehuis open?"})
    assert status == 200 and "uur" in texts(replies), "actions still run"
