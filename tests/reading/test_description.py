"""The description for the field crew, its category, and one report per problem."""
from __future__ import annotations

from typing import List, Tuple

import pytest

from bot.reading.description import (
    LIGHTING,
    OTHER,
    PAVEMENT,
    WASTE,
    category_of,
    clean_description,
    split_problems,
)


@pytest.mark.parametrize("text, expected", [
    ("Goedemorgen,\nIk wil graag een melding doen: de stoeptegel voor nummer 12 ligt los.\n"
     "Met vriendelijke groet,\nJ. Jansen", "De stoeptegel voor nummer 12 ligt los."),
    ("Beste gemeente, ik wil melden dat de lantaarnpaal bij de speeltuin niet brandt. "
     "Alvast bedankt!", "De lantaarnpaal bij de speeltuin niet brandt."),
    ("Geachte heer/mevrouw, Ik wil even laten weten dat de container niet is geleegd. "
     "Groetjes, Anja", "De container niet is geleegd."),
    ("Hallo daar mijn naam is Piet de Vries en er ligt een grote tak op het fietspad",
     "Er ligt een grote tak op het fietspad"),
    ("Dag! ja, de lamp knippert", "De lamp knippert"),
    ("nee, het is de lamp op de hoek", "Het is de lamp op de hoek"),
    ("hoi, er ligt glas in de speeltuin", "Er ligt glas in de speeltuin"),
    ("GOEDEMIDDAG, DE GRIJZE KLIKO IS NIET OPGEHAALD. MVG FAM. DE JONG",
     "DE GRIJZE KLIKO IS NIET OPGEHAALD."),
    ("Ik wil graag een melding doen van een kapotte lantaarnpaal", "Een kapotte lantaarnpaal"),
    ("Hierbij meld ik dat er hondenpoep in de zandbak ligt. Bij voorbaat dank, K. de Groot",
     "Er hondenpoep in de zandbak ligt."),
    ("Goeiemorgen! Mijn bsn is 111222333 en de stoep ligt open.", "De stoep ligt open."),
    ("Hello, I would like to report that the streetlight is out. Kind regards, John",
     "The streetlight is out."),
    ("Dag en nacht brandt de lamp", "Dag en nacht brandt de lamp"),
    ("ik moet de groeten doen van mijn buurman, de tegel ligt los",
     "Ik moet de groeten doen van mijn buurman, de tegel ligt los"),
    ("De tegel ligt los. Mijn moeder is erover gestruikeld. Dank u wel.",
     "De tegel ligt los. Mijn moeder is erover gestruikeld."),
    ("Goeiendag, de vuilbak is ni geledigd. Merci!", "De vuilbak is ni geledigd."),
    ("Hallo gemeente Utrecht, er ligt grofvuil naast de container. Groet, Sandra",
     "Er ligt grofvuil naast de container."),
    ("Goedemiddag, Via deze weg wil ik melden dat er een boom is omgevallen",
     "Er een boom is omgevallen"),
])
def test_clean_description_keeps_only_the_facts(text: str, expected: str) -> None:
    assert clean_description(text) == expected


@pytest.mark.parametrize("text", [
    "hoi", "Hallo!", "ja", "Ik wil een melding maken", "Goedemorgen, ik wil graag iets melden.",
    "Met vriendelijke groet, Jan", "", "mijn naam is Jan de Vries",
])
def test_clean_description_is_empty_when_nothing_is_described(text: str) -> None:
    assert clean_description(text) == ""


@pytest.mark.parametrize("text, category", [
    ("de stoeptegels liggen los", PAVEMENT),
    ("Er zit een diepe kuil in het wegdek", PAVEMENT),
    ("De boomwortels drukken de tegels omhoog", PAVEMENT),
    ("er zit een put in de straat", PAVEMENT),
    ("de kliko is niet geleegd", WASTE),
    ("de vuilbak is ni geledigd", WASTE),
    ("de kontainer is vol", WASTE),
    ("De glasbak zit helemaal vol", WASTE),
    ("the bins have not been collected", WASTE),
    ("de lantarenpaal doet het niet", LIGHTING),
    ("straatlanp kapot", LIGHTING),
    ("de paal knippert de hele nacht", LIGHTING),
    ("Het is aardedonker in onze straat", LIGHTING),
    ("Er ligt hondenpoep in de speeltuin", OTHER),
    ("Er is afval gedumpt bij het bankje", OTHER),
    ("veel zwerfafval in het park", OTHER),
    ("Het riool is verstopt", OTHER),
    ("there is graffiti on the bench", OTHER),
])
def test_category_by_keywords_with_compounds_typos_flemish_and_english(
        text: str, category: str) -> None:
    assert category_of(text) == category


@pytest.mark.parametrize("text", [
    "wanneer komen jullie?", "het is al weken zo", "De tegelijk gebelde buurman", "",
    "De boom heeft de lantaarnpaal geraakt",
])
def test_category_is_none_when_unclear(text: str) -> None:
    assert category_of(text) is None


def problems(text: str) -> List[Tuple[str, str]]:
    return [(problem.category, problem.text) for problem in split_problems(text)]


@pytest.mark.parametrize("text, expected", [
    ("de lantaarnpaal is kapot en er ligt ook een losse stoeptegel",
     [(LIGHTING, "De lantaarnpaal is kapot"), (PAVEMENT, "Er ligt ook een losse stoeptegel")]),
    ("Verder is de prullenbak vol en de straatlamp brandt niet",
     [(WASTE, "Verder is de prullenbak vol"), (LIGHTING, "De straatlamp brandt niet")]),
    ("de straatlamp is stuk, en 't voetpad ligt open",
     [(LIGHTING, "De straatlamp is stuk"), (PAVEMENT, "'t voetpad ligt open")]),
    ("Er zit een gat in de weg en de lamp ernaast brandt niet",
     [(PAVEMENT, "Er zit een gat in de weg"), (LIGHTING, "De lamp ernaast brandt niet")]),
    ("GOEDEMIDDAG, DE GRIJZE KLIKO IS AL 2 WEKEN NIET OPGEHAALD EN DE LANTARENPAAL VOOR MIJN "
     "DEUR KNIPPERT. MVG FAM. DE JONG",
     [(WASTE, "DE GRIJZE KLIKO IS AL 2 WEKEN NIET OPGEHAALD"),
      (LIGHTING, "DE LANTARENPAAL VOOR MIJN DEUR KNIPPERT.")]),
    ("the streetlight is broken and there is a hole in the road",
     [(LIGHTING, "The streetlight is broken"), (PAVEMENT, "There is a hole in the road")]),
    ("De lamp brandt niet, het is erg donker op de stoep. Ook ligt er een stoeptegel los.",
     [(LIGHTING, "De lamp brandt niet, het is erg donker op de stoep."),
      (PAVEMENT, "Ook ligt er een stoeptegel los.")]),
    ("Sinds de werkzaamheden ligt de straat open en is de lantaarnpaal weggehaald",
     [(PAVEMENT, "Sinds de werkzaamheden ligt de straat open"),
      (LIGHTING, "Is de lantaarnpaal weggehaald")]),
])
def test_two_problems_are_split(text: str, expected: List[Tuple[str, str]]) -> None:
    assert problems(text) == expected


def test_a_long_polite_letter_with_three_problems() -> None:
    text = ("Geachte heer/mevrouw,\n\nGraag wil ik melden dat de container op de hoek van de "
            "Lindelaan al twee weken niet is geleegd. Daarnaast is de straatverlichting bij het "
            "fietspad kapot, waardoor het 's avonds erg donker is. Bovendien hangt er een grote "
            "tak over het pad, die dreigt af te breken.\n\nMet vriendelijke groet,\nM. Bakker")
    assert [problem.category for problem in split_problems(text)] == [WASTE, LIGHTING, OTHER]
    assert all("Bakker" not in problem.text for problem in split_problems(text))


@pytest.mark.parametrize("text, category", [
    ("De tegel ligt los. Mijn moeder is erover gestruikeld.", PAVEMENT),
    ("de vuilbak is ni geledigd", WASTE),
    ("De container is niet geleegd en nu ligt er afval op de stoep", WASTE),
    ("Een tak is op de lantaarnpaal gevallen en nu brandt hij niet meer", LIGHTING),
    ("Er liggen tegels en klinkers los bij de ingang van de school", PAVEMENT),
    ("De boom voor ons huis is omgewaaid en ligt over het fietspad", OTHER),
    ("Goedemorgen, de lamp bij nummer 4 brandt niet. Hij knippert soms even en gaat dan weer "
     "uit. Mijn buurvrouw durft 's avonds niet meer over straat. Kunt u er iets aan doen?",
     LIGHTING),
    ("Al drie weken!!! staat de groene bak vol, het stinkt en er komen ratten op af", WASTE),
    ("Er ligt een losse tegel, daar is mijn zoon over gevallen en hij heeft zijn pols gebroken",
     PAVEMENT),
])
def test_one_problem_told_in_several_clauses_stays_one(text: str, category: str) -> None:
    found = split_problems(text)
    assert len(found) == 1
    assert found[0].category == category


def test_the_same_kind_of_problem_twice_is_one_report() -> None:
    found = split_problems("De lamp bij nummer 4 brandt niet. De tegel ligt los. "
                           "En de lamp bij nummer 10 knippert.")
    assert [problem.category for problem in found] == [LIGHTING, PAVEMENT]
    assert "nummer 10" in found[0].text


def test_no_problems_in_a_greeting() -> None:
    assert split_problems("Goedemorgen!") == []


def test_a_message_without_keywords_is_one_other_problem() -> None:
    assert problems("Er staat al weken een kapotte fiets tegen het hek van de school") == [
        (OTHER, "Er staat al weken een kapotte fiets tegen het hek van de school")]
