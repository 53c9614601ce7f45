"""A response a policy predicts directly gets the profile's values (bot/rasa_patches.py).

Session 54: "Uw melding gaat al voor … Bel dan {on_call}" reached a resident with its braces:
Rasa fills the placeholders of such a response from the slots only.
"""
from __future__ import annotations

import asyncio

import rasa.core.actions.action as rasa_action
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot import rasa_patches
from bot.profile import profile

_DOMAIN = Domain.from_yaml("""
version: "3.1"
slots:
  language: {type: text, mappings: [{type: custom}]}
responses:
  utter_call_on_call:
    - text: "Bel dan {on_call}. Of bel {phone_hours}. Taal: {language}."
""")


def _said(monkeypatch, patched: bool) -> str:
    if patched:
        monkeypatch.setattr(rasa_action.ActionBotResponse, "run",
                            rasa_patches._respond_with_profile)
    tracker = DialogueStateTracker.from_dict("resident", [
        {"event": "slot", "name": "language", "value": "nl"}], _DOMAIN.slots)
    events = asyncio.run(rasa_action.ActionBotResponse("utter_call_on_call").run(
        CollectingOutputChannel(), TemplatedNaturalLanguageGenerator(_DOMAIN.responses),
        tracker, _DOMAIN))
    return events[0].text


def test_rasa_alone_leaves_the_profile_placeholders_in_braces(monkeypatch):
    assert "{on_call}" in _said(monkeypatch, patched=False)


def test_a_predicted_response_gets_the_profile_values_and_keeps_the_slots(monkeypatch):
    said = _said(monkeypatch, patched=True)
    values = profile().template_vars()
    assert "{" not in said
    assert values["on_call"] in said and values["phone_hours"] in said
    assert said.endswith("Taal: nl.")
