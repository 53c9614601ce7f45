"""The NLU input guard and the web chat request parser, without a model."""
from __future__ import annotations

import json

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.input_guard import InputGuard
from bot.text import has_words
from channels.inbound import MAX_MESSAGE_CHARS
from channels.webchat import WebhookError, parse_webhook_body


@pytest.mark.parametrize("text, expected", [
    ("", False), ("   ", False), ("😀😀👍", False), ("?!...", False),
    ("ok", True), ("12", True), ("straße", True), ("مرحبا", True),
])
def test_has_words(text, expected):
    assert has_words(text) is expected


def guard(*vocabulary: str) -> InputGuard:
    return InputGuard(None, None, set(vocabulary))


def test_guard_marks_messages_without_words_and_leaves_others():
    empty, emoji, words = Message({"text": ""}), Message({"text": "🙂"}), Message({"text": "hoi"})
    words.set("intent", {"name": "greeting", "confidence": 0.8})
    guard("hoi").process([empty, emoji, words])
    assert empty.get("intent") == {"name": "no_text", "confidence": 1.0}
    assert emoji.get("intent")["name"] == "no_text"
    assert words.get("intent")["name"] == "greeting"


def _body(**payload) -> bytes:
    return json.dumps(payload).encode()


def test_webchat_body_is_parsed():
    fields = parse_webhook_body(_body(sender="web-12345678", message="hoi", metadata={"a": 1}))
    assert fields == {"sender": "web-12345678", "message": "hoi", "metadata": {"a": 1}}


def test_webchat_long_message_is_cut_not_refused():
    fields = parse_webhook_body(_body(sender="web-12345678", message="a" * 20_000))
    assert len(fields["message"]) == MAX_MESSAGE_CHARS


@pytest.mark.parametrize("body, code", [
    (b"{not json", "invalid_json"),
    (b"\xff\xfe", "invalid_json"),
    (b"[1, 2]", "invalid_json"),
    (_body(message="hoi"), "invalid_sender"),
    (_body(sender="<script>", message="hoi"), "invalid_sender"),
    (_body(sender="web-12345678"), "missing_message"),
    (_body(sender="web-12345678", message=["a"]), "missing_message"),
    (_body(sender="web-12345678", message="hoi", metadata="x"), "invalid_metadata"),
    (b"x" * (70 * 1024), "body_too_large"),
])
def test_webchat_bad_bodies_are_refused_with_a_reason(body, code):
    with pytest.raises(WebhookError) as caught:
        parse_webhook_body(body)
    assert caught.value.code == code
    assert 400 <= caught.value.status < 500


@pytest.mark.parametrize("text, fallback", [
    ("plof zwiep knars", True),
    ("lantarpaal kapot", False),      # typo close to a known word
    ("de lantaarnpaal", False),
    ("KAPOT!!", False),
    ("xqzv", True),
    ("xq", False),                    # too short to judge: left to the model
    ("klachtenformulier", False),     # a compound of known parts
    ("lantaarn", False),              # part of a known word
    ("een twee drie vier vijf zes zeven", False),  # long messages are left to the model
    ("j.devries@kpnplanet.nl", False),
    ("zwiep 12", False),
    ("grmbl frotz", True),            # one letter from "front" is not enough for a short word
    ("kapt", False),                  # but "kapt" is a typo of "kapot"
])
def test_guard_falls_back_when_no_word_is_known(text, fallback):
    message = Message({"text": text})
    message.set("intent", {"name": "report_street_lighting", "confidence": 0.97})
    guard("lantaarnpaal", "kapot", "de", "een", "klacht", "formulier",
          "front").process([message])
    assert (message.get("intent")["name"] == "nlu_fallback") is fallback


def test_guard_leaves_messages_with_entities_alone():
    message = Message({"text": "Fantasiestraat 5"})
    message.set("entities", [{"entity": "address", "value": "Fantasiestraat 5"}])
    message.set("intent", {"name": "inform", "confidence": 0.9})
    guard("kapot").process([message])
    assert message.get("intent")["name"] == "inform"
