"""Personal data is found and scrubbed; street names, feelings and facts stay."""
from __future__ import annotations

from typing import List, Tuple

import pytest

from bot.reading.privacy import find_personal_data, passes_elfproef, scrub


def found(text: str) -> List[Tuple[str, str]]:
    return [(data.kind, text[data.start:data.end]) for data in find_personal_data(text)]


@pytest.mark.parametrize("number, valid", [
    ("111222333", True), ("123456782", True), ("123456789", False), ("000000000", False),
    ("12345678", False), ("abcdefghi", False),
])
def test_elfproef(number: str, valid: bool) -> None:
    assert passes_elfproef(number) is valid


@pytest.mark.parametrize("text, bsn", [
    ("mijn bsn is 123.456.782", "123.456.782"),
    ("BSN: 111222333", "111222333"),
    ("burgerservicenummer 123 456 782, voor het geval u dat nodig heeft", "123 456 782"),
    ("ik geef u 111222333 maar dan weet u wie ik ben", "111222333"),
])
def test_bsn_passing_the_elfproef_is_found_with_or_without_context(text: str, bsn: str) -> None:
    assert found(text) == [("bsn", bsn)]


@pytest.mark.parametrize("text", [
    "mijn bsn is 123456789", "zaaknummer 987654321", "het kost 123.456.789 euro",
])
def test_nine_digits_failing_the_elfproef_are_no_bsn(text: str) -> None:
    assert "bsn" not in [kind for kind, _ in found(text)]


@pytest.mark.parametrize("text, name", [
    ("mijn naam is Jan de Vries", "Jan de Vries"),
    ("Hallo, ik ben Fatima El Amrani en de lamp brandt niet", "Fatima El Amrani"),
    ("ik heet Piet", "Piet"),
    ("De tegel ligt los.\nMet vriendelijke groet,\nJ. Jansen", "J. Jansen"),
    ("De bak is vol. Groetjes, Anja", "Anja"),
    ("de lamp is kapot mvg kees", "kees"),
    ("Gr. Henk van Dam", "Henk van Dam"),
    ("dit is mevrouw De Boer van nummer 3", "De Boer"),
    ("MIJN NAAM IS JAN DE VRIES", "JAN DE VRIES"),
    ("mijn naam is jan jansen en ik woon hier al 20 jaar", "jan jansen"),
    ("Mevr. van der Berg heeft ook al gebeld", "van der Berg"),
    ("my name is John Smith and the light is broken", "John Smith"),
    ("Met vriendelijke groet, J.P. de Wit-Bakker", "J.P. de Wit-Bakker"),
])
def test_names_after_introductions_titles_and_sign_offs(text: str, name: str) -> None:
    assert found(text) == [("name", name)]


@pytest.mark.parametrize("text", [
    "Kerkstraat 14", "ik ben boos", "IK BEN WOEDEND!!!", "ik ben al drie keer langs geweest",
    "ik ben bewoner van de Dorpsstraat", "Ik ben de buurvrouw van nummer 3",
    "ik ben in Den Haag geweest", "ik ben Maandag gevallen bij de Kerkstraat",
    "Groeten uit Zwolle", "met vriendelijke groet, de bewoners van nummer 12",
    "ik moet de groeten doen van mijn buurman", "ik ben van plan om te bellen",
    "De lantaarnpaal op de Julianalaan 3 brandt niet", "I am angry about the bins",
    "met de bak is iets mis", "Met Kerkstraat 5 is iets mis",
    "Met Koningsdag lag er overal afval in het park", "MET MIJN FIETS IN EEN GAT GEVALLEN",
])
def test_no_name_in_streets_feelings_and_ordinary_sentences(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text, kind, value", [
    ("mijn iban is NL91ABNA0417164300", "iban", "NL91ABNA0417164300"),
    ("rekeningnummer NL91 ABNA 0417 1643 00 voor de schade", "iban", "NL91 ABNA 0417 1643 00"),
    ("ik ben geboren op 12-03-1956", "birth_date", "12-03-1956"),
    ("geboortedatum 1 mei 1980", "birth_date", "1 mei 1980"),
    ("Geb. 03/11/1949", "birth_date", "03/11/1949"),
    ("bel 06-12345678", "phone", "06-12345678"),
    ("mail piet@hotmail.com", "email", "piet@hotmail.com"),
])
def test_iban_birth_date_phone_and_email(text: str, kind: str, value: str) -> None:
    assert found(text) == [(kind, value)]


@pytest.mark.parametrize("text", [
    "NL91ABNA0417164301", "de lamp brandt al sinds 12-03-2024", "het gebeurde op 1 mei 1980",
])
def test_no_iban_with_a_bad_check_and_no_birth_date_without_context(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text, expected, kinds", [
    ("Goedemorgen, mijn naam is Jan de Vries en de stoeptegel voor mijn huis ligt los.",
     "Goedemorgen, de stoeptegel voor mijn huis ligt los.", ["name"]),
    ("Hallo, ik ben Piet, de lamp is kapot", "Hallo, de lamp is kapot", ["name"]),
    ("ik ben geboren op 12-03-1956 en de tegel ligt los", "de tegel ligt los", ["birth_date"]),
    ("De lamp is kapot en mijn nummer is 0612345678.", "De lamp is kapot.", ["phone"]),
    ("De lamp is kapot. Groetjes, Anja", "De lamp is kapot.", ["name"]),
    ("De container is vol (piet@ziggo.nl)", "De container is vol", ["email"]),
    ("mijn bsn is 123.456.782, de prullenbak is vol. Mvg, Kees Jansen",
     "de prullenbak is vol.", ["bsn", "name"]),
    ("Beste gemeente, mijn naam is Jan, mijn telefoonnummer is 06 1234 5678 en mijn "
     "e-mailadres is jan@live.nl. Er ligt een tak op het fietspad.",
     "Beste gemeente. Er ligt een tak op het fietspad.", ["email", "name", "phone"]),
    ("Ik woon op de Kerkstraat 14 en mijn buurman Henk heeft ook last. Groet, Els",
     "Ik woon op de Kerkstraat 14 en mijn buurman heeft ook last.", ["name"]),
    # a title after the introduction goes with it, not only the name
    ("Mijn naam is mevrouw Hendriks-van Dam en ik woon al 42 jaar aan de Rozenlaan.",
     "ik woon al 42 jaar aan de Rozenlaan.", ["name"]),
    # how a call opens: "Hallo, met Jan."
    ("Hallo, met Jan. De bak is niet geleegd", "De bak is niet geleegd", ["name"]),
    # how a letter opens: "Melding van Karel de Boer, …"
    ("Melding van Karel de Boer, de prullenbak zit vol", "de prullenbak zit vol", ["name"]),
    ("Melding van de buren: de lamp is kapot", "Melding van de buren: de lamp is kapot", []),
    # the offer goes with what it offers
    ("De tegel ligt los. Mijn BSN is 123456782 mocht u dat nodig hebben. Met vriendelijke groet",
     "De tegel ligt los. Met vriendelijke groet", ["bsn"]),
    ("mijn nummer is 0612345678, als u dat nodig heeft. de tegel ligt los", "de tegel ligt los",
     ["phone"]),
])
def test_scrub_removes_data_with_its_introduction_and_tidies_up(
        text: str, expected: str, kinds: List[str]) -> None:
    assert scrub(text) == (expected, kinds)


@pytest.mark.parametrize("text", [
    "De tegel voor Kerkstraat 14 ligt los , al weken!", "ik ben boos, de bak is niet geleegd",
])
def test_scrub_leaves_text_without_personal_data_untouched(text: str) -> None:
    assert scrub(text) == (text, [])


def test_scrubbed_text_keeps_no_trace_of_the_data() -> None:
    text = ("Geachte heer/mevrouw, ik ben Fatima El Amrani (geboren 4 juli 1975, BSN 111222333, "
            "IBAN NL91ABNA0417164300). Bel +31 6 12345678. Het riool is verstopt.")
    scrubbed, kinds = scrub(text)
    for secret in ("Fatima", "Amrani", "1975", "111222333", "NL91", "12345678"):
        assert secret not in scrubbed
    assert scrubbed == "Geachte heer/mevrouw. Het riool is verstopt."
    assert kinds == ["birth_date", "bsn", "iban", "name", "phone"]


def test_a_surname_that_is_also_a_word_and_a_home_address_stay_out_of_the_description():
    """Round 78: "ik ben Pieter de Jong, …, wonend Rozenlaan 19" left "De Jong, wonend
    Rozenlaan 19" in the description and filed the report at the home, not at number 23."""
    from bot.reading.description import clean_description
    from bot.reading.message import read_message

    text = ("Hallo, ik ben Pieter de Jong, geboren 12-03-1979, BSN 123456782, wonend Rozenlaan "
            "19. Gisteravond ben ik met mijn fiets in een diep gat in de weg gereden voor "
            "Rozenlaan 23, mijn voorwiel is krom.")
    cleaned = clean_description(text)
    assert "Jong" not in cleaned and "19" not in cleaned and "Rozenlaan 23" in cleaned
    assert read_message(text).place["house_number"] == "23"
