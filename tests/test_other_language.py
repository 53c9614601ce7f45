"""A message in a language the bot does not speak: a cry for help gets 112 first."""
from __future__ import annotations

import asyncio

import pytest

from actions.languages import ActionOtherLanguage
from bot.reading.language import cries_for_help
from tests.conftest import make_tracker


@pytest.mark.parametrize("text, cries", [
    ("Hilfe! Ein Kind ist in den Teich im Park gefallen!!", True),
    ("Pomocy, mój syn wpadł do wody", True),
    ("Merhaba, çöp toplanmadı", False),
    ("İmdat, evde yangın var", True),
    ("Hilfe, es brennt in unserem Haus", True),
    ("merhaba, borçlarım var ve kirayı ödeyemiyorum. belediye yardım edebilir mi?", False),
    ("Dzień dobry, potrzebuję pomocy z podatkami", False),
    ("mój syn wpadł do wody, pomocy!", True),
    ("yaşlı bir adam düştü, kafası kanıyor. ambulans lazım", True),
    ("Dzień dobry, kiedy odbierają śmieci?", False),
])
def test_a_cry_for_help_is_heard_in_any_language(text, cries):
    assert cries_for_help(text) is cries


@pytest.mark.parametrize("text, first", [
    ("Hilfe! Ein Kind ist in den Teich im Park gefallen!!", "utter_other_language_112"),
    ("Merhaba, çöp toplanmadı", "utter_other_language"),
])
def test_112_comes_before_the_apology_only_for_a_cry_for_help(text, first, dispatcher, domain):
    asyncio.run(ActionOtherLanguage().run(dispatcher, make_tracker("out_of_scope", text), domain))
    assert dispatcher.messages[0]["response"] == first
    assert dispatcher.messages[-1]["response"] == "utter_other_language"
