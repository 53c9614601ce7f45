"""Dutch address parsing and postcode normalisation."""
from __future__ import annotations

import pytest

from bot.address import normalise_postcode, parse_location


@pytest.mark.parametrize("text, street, number, postcode", [
    ("Er ligt een losse stoeptegel voor de deur van Dorpsstraat 12", "Dorpsstraat", "12", None),
    ("voor de deur van dorpsstraat 12a", "Dorpsstraat", "12A", None),
    ("KERKSTRAAT 5", "Kerkstraat", "5", None),
    ("Van Goghstraat 3-2", "Van Goghstraat", "3-2", None),
    ("Burgemeester de Withlaan 7", "Burgemeester de Withlaan", "7", None),
    ("Julianastraat 7 A", "Julianastraat", "7A", None),
    ("gat in de weg bij Stationsstraat 9", "Stationsstraat", "9", None),
    ("Hoofdstraat 101, 1234ab", "Hoofdstraat", "101", "1234 AB"),
    ("1234 AB nummer 17", None, "17", "1234 AB"),
    ("het fietspad bij de Molenweg", "Molenweg", None, None),
    ("de weg is kapot", None, None, None),
    ("bij de speeltuin achter de school", None, None, None),
])
def test_parse_location(text, street, number, postcode):
    location = parse_location(text)
    assert (location.street, location.house_number, location.postcode) == (street, number, postcode)
    assert location.text == text


@pytest.mark.parametrize("text, expected", [
    ("1234ab", "1234 AB"), ("1234 ab", "1234 AB"), ("postcode 9999 zz", "9999 ZZ"),
    ("0123 AB", None), ("1234 SA", None), ("12345 AB", None), ("", None),
])
def test_normalise_postcode(text, expected):
    assert normalise_postcode(text) == expected
