"""Small talk with the bot itself is told apart from questions with a subject of their own."""
from __future__ import annotations

import pytest

from bot.reading.smalltalk import asks_how_the_bot_is, asks_what_the_bot_can_do


@pytest.mark.parametrize("text, asks", [
    ("ok en wat kun je allemaal", True),
    ("waar kan je mee helpen?", True),
    ("Wat kunt u eigenlijk voor mij doen?", True),
    ("what can you do?", True),
    ("wat kun je doen aan de herrie bij de kroeg?", False),
    ("wat kan ik doen tegen ratten in mijn tuin", False),
    ("Mijn paspoort is verlopen, wat kunt u doen?", False),
    ("Mijn uitkering is gestopt. Waarmee kunt u mij helpen?", False),
])
def test_asking_what_the_bot_can_do(text, asks):
    assert asks_what_the_bot_can_do(text) is asks


@pytest.mark.parametrize("text, asks", [
    ("verveel me een beetje. hoe gaat het met jou?", True),
    ("alles goed met je?", True),
    ("how are you", True),
    ("hoe gaat het met mijn melding over de lantaarnpaal?", False),
    ("hoe is het met de aanvraag van mijn paspoort, die duurt lang", False),
    ("Hoe gaat u dit oplossen?", False),
    ("Hoe gaat u om met mijn klacht?", False),
    ("Alles goed met je buurman?", False),
])
def test_asking_how_the_bot_is(text, asks):
    assert asks_how_the_bot_is(text) is asks


@pytest.mark.parametrize("text, weather", [
    ("wat voor weer wordt het morgen eigenlijk", True), ("wordt het morgen regen?", True),
    ("de weg is glad door het weer", False), ("het waait hard, er ligt een tak op de weg", False)])
def test_a_question_about_the_weather(text, weather):
    from bot.reading.smalltalk import asks_about_the_weather

    assert asks_about_the_weather(text) is weather


@pytest.mark.parametrize("text, asks", [
    ("hoe laat is het", True), ("Hoe laat is het eigenlijk?", True), ("what time is it?", True),
    ("hoe laat is het gemeentehuis open?", False),
    ("hoe laat is het milieustraat open", False),
])
def test_the_time_is_asked_only_as_the_time(text, asks):
    from bot.reading.smalltalk import asks_the_time

    assert asks_the_time(text) is asks


def test_the_time_is_said_in_the_municipalitys_time_zone():
    from bot.profile import profile

    before = profile().now().strftime("%H:%M")
    said = profile().template_vars()["time_now"]
    assert said in (before, profile().now().strftime("%H:%M"))  # a minute may turn between


def test_the_time_action_fills_in_the_time(dispatcher, domain):
    import asyncio

    from actions.contact import ActionTellTheTime
    from tests.conftest import make_tracker

    asyncio.run(ActionTellTheTime().run(dispatcher, make_tracker("out_of_scope", "hoe laat is "
                                                                 "het"), domain))
    [said] = dispatcher.messages
    assert said["response"] == "utter_the_time" and len(said["time_now"]) == 5


@pytest.mark.parametrize("text, weather", [("wanneer komen ze dan wel weer langs?", False),
                                           ("hoe is het weer morgen?", True),
                                           ("wordt het mooi weer zaterdag?", True)])
def test_again_is_no_weather(text, weather):
    """Round r106 (session 47): "wanneer komen ze dan wel weer langs?" got the KNMI link."""
    from bot.reading.smalltalk import asks_about_the_weather
    assert asks_about_the_weather(text) is weather
