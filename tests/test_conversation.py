"""End to end: a trained model, the Rasa server and the action server, talked to in Dutch."""
from __future__ import annotations

import json
import urllib.request

import pytest

from bot.profile import profile
from tests.conftest import post_json, texts


def test_a_dutch_conversation_from_greeting_to_goodbye(talk):
    sender = "e2e-passport"
    greeting = talk(sender, "Goedemiddag!")
    assert "digitale assistent" in texts(greeting)
    assert greeting[0]["buttons"], "the greeting offers next steps"

    answer = talk(sender, "mijn paspoort is verlopen, hoe vraag ik een nieuwe aan?")
    assert "zelf langskomen" in texts(answer)
    assert str(profile().links["passport"]) in texts(answer)
    assert "Kan ik u nog ergens anders mee helpen?" in texts(answer)

    assert "Waar kan ik u mee helpen" in texts(talk(sender, "ja"))
    moving = talk(sender, "ik ga volgende maand verhuizen naar een andere straat")
    assert "DigiD" in texts(moving) and "niet voor u doorgeven" in texts(moving)
    assert "Fijn dat ik u kon helpen" in texts(talk(sender, "nee hoor, dank je"))
    assert "Tot ziens" in texts(talk(sender, "doei"))


def test_opening_hours_come_from_the_profile(talk):
    reply = texts(talk("e2e-hours", "wat zijn de openingsuren van het gemeentehuis?"))
    assert profile().opening_hours_text() in reply
    assert profile().phone in reply


def test_complaint_gets_empathy_and_a_person(talk):
    reply = talk("e2e-complaint",
                 "Ik ben heel ontevreden, ik heb al drie keer gebeld en niemand doet iets")
    assert "Wat vervelend" in texts(reply)
    assert [b["payload"] for b in reply[-1]["buttons"]] == ["/affirm", "/deny"]
    assert profile().phone in texts(talk("e2e-complaint", "ja graag"))


def test_out_of_scope_says_what_the_bot_can_do(talk):
    reply = texts(talk("e2e-recipe", "heb je een recept voor pannenkoeken"))
    assert "helaas niet" in reply and "paspoort" in reply
    # the weather has a friendly answer of its own (bot/reading/smalltalk.py)
    assert "KNMI" in texts(talk("e2e-weather", "wat voor weer wordt het morgen?"))


@pytest.mark.parametrize("message", ["kwak kwak", "plof zwiep knars", "grmbl frotz"])
def test_gibberish_is_asked_back_or_declined_not_guessed(talk, message):
    reply = texts(talk(f"e2e-gibberish-{len(message)}", message))
    assert any(phrase in reply for phrase in ("Bedoelt u", "andere manier", "helaas niet")), reply
    assert "Kan ik u nog ergens anders mee helpen?" not in reply, "a topical answer was guessed"


@pytest.mark.parametrize("message", [
    "",
    "   ",
    "😀🙏😀",
    "x" * 10_000,
    "De stoeptegel ligt los. " * 420,
    "<script>alert('hoi')</script><b>vet</b>",
    "'; DROP TABLE events; --",
    "Can you help me in English please?",
    "مرحبا، أحتاج مساعدة",
    "\u0000\u200b",
])
def test_bad_input_gets_a_clear_answer(stack, message):
    status, replies = post_json(f"{stack.url}/webhooks/rest/webhook?token={stack.token}",
                                {"sender": "e2e-bad-input", "message": message})
    assert status == 200
    assert replies and all(reply.get("text") for reply in replies)
    assert "Traceback" not in json.dumps(replies)


def test_webchat_page_is_served_in_dutch_with_the_municipality(stack):
    with urllib.request.urlopen(f"{stack.url}/webhooks/webchat/", timeout=10) as response:
        page = response.read().decode()
    assert '<html lang="nl">' in page and profile().name in page
    assert "{{" not in page


def test_webchat_webhook_answers_and_refuses_bad_requests(stack):
    url = f"{stack.url}/webhooks/webchat/webhook"
    status, replies = post_json(url, {"sender": "web-e2e-12345", "message": "hallo"})
    assert status == 200 and "digitale assistent" in texts(replies)
    assert replies[0]["text"].startswith("Hallo!"), "the web chat's greeting from the tone guide"
    assert replies[-1]["buttons"], "web chat keeps clickable buttons"
    status, body = post_json(url, None, raw=b'{"sender": "web-e2e-12345", "message": ')
    assert (status, body) == (400, {"error": "invalid_json"})
    status, body = post_json(url, None, raw=b"x" * (200 * 1024))
    assert status == 413


def test_a_button_typed_in_the_web_chat_counts_as_pressed(stack):
    url = f"{stack.url}/webhooks/webchat/webhook"
    sender = "web-e2e-typed-1"
    post_json(url, {"sender": sender, "message": "de lantaarnpaal bij Kerkstraat 3 is kapot"})
    post_json(url, {"sender": sender, "message": "nee"})
    status, replies = post_json(url, {"sender": sender, "message": "nee, aanpassen"})
    assert status == 200 and "Wat moet er anders" in texts(replies)
    status, replies = post_json(url, {"sender": sender, "message": "De plek"})
    assert status == 200
    assert "Wat: De plek" not in texts(replies), "the button's words are no description"


def test_http_api_needs_the_token(stack):
    status, _ = post_json(f"{stack.url}/model/parse", {"text": "hallo"})
    assert status == 401
    status, parsed = post_json(f"{stack.url}/model/parse?token={stack.token}",
                               {"text": "lantaarnpaal kapot bij Kerkstraat 12, 1234 AB"})
    assert status == 200
    assert parsed["intent"]["name"] == "report_street_lighting"
    entities = {(e["entity"], str(e["value"])) for e in parsed["entities"]}
    assert {("address", "Kerkstraat 12"), ("postcode", "1234 AB")} <= entities
    place = next(e["value"] for e in parsed["entities"] if e["entity"] == "read_place")
    assert (place["streets"], place["house_number"], place["postcode"]) == (
        ["Kerkstraat"], "12", "1234 AB"), "the message reader's place is in the parse result"


def test_conversations_are_kept_in_the_sqlite_tracker_store(stack, talk):
    talk("e2e-stored", "hoi")
    request = urllib.request.Request(
        f"{stack.url}/conversations/e2e-stored/tracker?token={stack.token}")
    with urllib.request.urlopen(request, timeout=10) as response:
        tracker = json.load(response)
    assert any(e.get("event") == "user" and e.get("text") == "hoi" for e in tracker["events"])
    assert (stack.endpoints.parent / "tracker.db").stat().st_size > 0
