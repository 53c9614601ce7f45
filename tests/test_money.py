"""The one money reader: any word about money, and money trouble, read alike by the
classifier's check and by the question reader."""
import pytest

from bot.reading.money import about_money, money_trouble
from bot.reading.questions import read_question


@pytest.mark.parametrize("text", [
    # round r236: bills behind, told beside a street light
    "ik heb sinds ik mijn baan kwijt ben wat rekeningen achter, energie en zorgverzekering",
    "we hebben 2 maanden huur achter",
    "ik loop achter met de huur",
    "ik heb een huurachterstand van drie maanden",
    "mijn schulden worden me te veel",
    "Wij staan al maanden rood en de deurwaarder belt",
    "het gas wordt morgen afgesloten omdat ik de rekening niet kan betalen",
    "ik kan de rekeningen niet meer betalen",
    "we komen niet meer rond sinds mijn man ziek is",
    "I have debts and need help",
    "ik heb ook geen idee of ik de huur nog wel kan betalen van alleen mijn AOW",
    # own try, session 46: income that did not come, with the rent to pay
    "Mijn uitkering is nog niet gestort en ik moet de huur betalen, ik weet niet meer wat ik "
    "moet doen",
    "my benefits have not been paid this month",
    # round r114 (session 48): chickens and tree felling were offered
    "ze gaan mijn stroom afsluiten volgende week. kan de gemeente dat tegenhouden?",
])
def test_money_trouble_is_read(text):
    assert money_trouble(text)
    assert about_money(text)


@pytest.mark.parametrize("text", [
    "de rekening ligt achter de kast",
    "de weg is afgesloten bij de Kerkstraat",
    "het water is afgesloten in onze straat, hoe lang duurt dat nog?",
    "het verkeerslicht blijft op rood staan",
    "ik heb geen schulden of problemen, maar wel een klacht over de belasting",
    # whose fault, not a debt (round r130 of session 49)
    "ik heb schimmel in huis. huisbaas zegt is jouw schuld, jij niet lucht. is waar?",
    "het is de schuld van de verhuurder",
    # round r188 of session 53: blame for a hole, then the money answer echoed back
    "maar als er vannacht iemand in valt is het jullie schuld he",
    "HUH geldzorgen?? ik heb het over het gat in de stoep",
    "geen geldzorgen hoor, alleen een vraag over de WOZ",
    "ik weet niet of we met pin kunnen betalen bij de balie",
    # round 88: German for sorry, and guilt
    "Guten Tag, entschuldigung, ik spreek een beetje Nederlands.", "ik voel me schuldig",
    "wordt mijn uitkering niet gekort als ik vrijwilligerswerk doe?",
])
def test_no_money_trouble(text):
    assert not money_trouble(text)


def test_blame_is_no_word_about_money():
    assert not about_money("maar als er vannacht iemand in valt is het jullie schuld he")
    assert about_money("mijn schuld is 5000 euro")


def test_a_closed_road_is_not_a_money_question():
    assert read_question("de weg is afgesloten, hoe lang nog?") != "money_worries"


def test_a_death_without_money_words_is_not_about_money():
    assert not about_money("mijn man is vannacht overleden, wat moet ik regelen?")
