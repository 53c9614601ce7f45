"""bot/reading/needs.py: acute social need read from the words, each to its article."""
from __future__ import annotations

import pytest

from bot.knowledge import KNOWLEDGE_DIR
from bot.knowledge.articles import load_folder
from bot.reading.needs import NEEDS, need_of


@pytest.mark.parametrize("text, article", [
    ("ik heb geen eten meer voor mijn kinderen en het is zaterdag", "voedselbank"),
    ("we hebben echt niks meer te eten in huis", "voedselbank"),
    ("we have nothing to eat", "voedselbank"),
    ("ik sta op straat, heb geen slaapplek vannacht", "nachtopvang"),
    ("waar kan ik vannacht slapen", "nachtopvang"),
    ("mijn zoon slaapt al een week in zijn auto", "nachtopvang"),
    ("I am homeless since yesterday", "nachtopvang"),
    ("please. where I sleep tomorrow night with child?", "nachtopvang"),
    ("ik word morgen uit mijn huis gezet wat moet ik doen", "dreigende-huisuitzetting"),
    ("de deurwaarder komt dinsdag de woning ontruimen", "dreigende-huisuitzetting"),
    ("ik maak me zorgen om mijn buurvrouw, ze komt niet meer buiten", "zorgen-om-iemand"),
    ("mijn bovenbuurman is erg in de war", "zorgen-om-iemand"),
    ("sinds mijn vrouw er niet meer is praat ik soms weken met geen mens", "eenzaamheid"),
    ("ik voel me zo alleen, ik heb niemand om mee te kletsen", "eenzaamheid"),
    ("sinds mijn man overleden is zit ik de hele dag alleen thuis", "eenzaamheid"),
    ("ik verzorg al twee jaar mijn man en het wordt me te zwaar", "mantelzorg-ondersteuning"),
    ("als mantelzorger ben ik echt uitgeput, wat kan ik doen?", "mantelzorg-ondersteuning"),
    ("ik ben 79 en sinds de dood van mijn vrouw woon ik hier alleen", "eenzaamheid"),
    ("het is zo stil in huis geworden, de kinderen komen bijna nooit", "eenzaamheid"),
    # round 66
    ("sinds mijn vrouw er niet meer is zeg ik soms de hele week tegen niemand iets",
     "eenzaamheid"),
    ("ik ben gewoon alleen", "eenzaamheid"),
])
def test_an_acute_need_names_its_article(text, article):
    assert need_of(text) == article


@pytest.mark.parametrize("text", [
    # round r64: living alone told beside a request, or loneliness denied, is no need
    "ik woon sinds de dood van mijn vrouw alleen en de trap wordt zwaar, hoe krijg ik een "
    "traplift?",
    "ik ben niet eenzaam hoor, het gaat mij om de trap",
    "mijn auto staat op straat",
    "ik zorg voor mijn moeder, kan ik een parkeerkaart voor haar krijgen?",
    "ik zorg voor de kliko's, maar ze worden niet meer op tijd geleegd",
    "de container staat al dagen op straat",
    "geen eten voor de duiven gooien aub",
    "ik raak verward van die brief over de aanslag",
    "hoe lang duurt een ontruiming van een kraakpand",
    "help, ik kan mijn huur niet meer betalen",
    "de lantaarnpaal in de Kerkstraat is kapot",
    "kan ik de auto dan al die week op straat zetten zonder vergunning?",
    "mag ik mijn kliko op straat zetten op dinsdag?",
    "kan ik met iemand praten over mijn aanslag?",
    "ik zit alleen met een vraag over mijn paspoort",
    "mijn kind is alleen thuis, hoe laat komt de vuilniswagen?",
    "ik woon alleen, krijg ik korting op de afvalstoffenheffing?",
    "mijn vader is overleden, ik woon nu alleen in zijn huis, moet ik iets doen?",
    "ik praat er met niemand over", "ik ben gewoon alleen thuis tot 5 uur, kan de monteur komen",
    # round r171 of session 52: a trait beside a question about care at home
    "wie moet dat aanvragen, ik of zij? ze is wat verward soms",
    # round r223 of session 57: an eviction denied
    "we worden helemaal niet uit ons huis gezet hoor, het is een koophuis",
])
def test_everyday_messages_name_no_need(text):
    assert need_of(text) is None


def test_every_need_has_a_published_article():
    published = {a.id for a in load_folder(KNOWLEDGE_DIR) if a.status == "published"}
    assert {article for article, _ in NEEDS} <= published


@pytest.mark.parametrize("text", [
    "De speeltuin aan de Beukenlaan is helemaal verwaarloosd",
    "De lantaarnpaal bij het verwaarloosde pand is kapot",
    "ik ben in de war over de afvalkalender",
    "de uitzetting van de kermis duurt lang",
    "ik heb honger naar informatie over subsidies",
])
def test_neglect_and_confusion_need_a_person(text):
    assert need_of(text) is None


@pytest.mark.parametrize("text, in_parts, trouble", [
    ("en als ik het niet in 1 keer kan betalen?", True, False),
    ("nee ik heb geen geldzorgen ik wil gewoon in termijnen betalen", True, False),
    ("ik kan de huur niet betalen", False, True),
])
def test_paying_in_parts_is_no_money_trouble(text, in_parts, trouble):
    """Round r107 (session 47): the money-worries answer in a loop."""
    from bot.reading.money import asks_to_pay_in_parts, money_trouble
    assert (asks_to_pay_in_parts(text), money_trouble(text)) == (in_parts, trouble)


def test_unanswered_question_is_said():
    """Round r225 of session 57: "maar die boete vraag heb je niet beantwoord" was a goodbye."""
    from bot.reading.not_helped import says_a_question_unanswered
    assert says_a_question_unanswered("top dank. maar die boete vraag heb je niet beantwoord")
    assert says_a_question_unanswered("you didn't answer my question about the fee")
    assert says_a_question_unanswered("allee, da's ni mijn vraag. ik bel wel")  # round r237
    assert not says_a_question_unanswered("dat is mijn vraag: kan ik langskomen?")
    assert not says_a_question_unanswered("dank u, alles is beantwoord")
    # round r229 of session 58: the question said again, "mijn vraag was of …"
    assert says_a_question_unanswered("ja dat snap ik maar mijn vraag was of mijn ex ook "
                                      "toestemming moet geven?")
    assert says_a_question_unanswered("dat was mijn vraag niet")
    assert not says_a_question_unanswered("de vraag was moeilijk")


def test_going_to_phone_is_read() -> None:
    from bot.reading.not_helped import will_call_us
    assert will_call_us("nee dank u, ik bel morgen wel") and will_call_us("no, I'll call")
    assert will_call_us("ok dan bel ik ze")
    assert not will_call_us("wilt u mij bellen?") and not will_call_us("kan ik bellen?")
