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
