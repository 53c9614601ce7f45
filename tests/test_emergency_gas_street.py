"""Gas smelled in the street gets the street answer at once: 112 when strong, keep people
and fire away; not the indoor "go outside" (round 57)."""
from __future__ import annotations

import pytest

from actions.emergency import GAS_STREET, _response, gas_outdoors
from bot.reading.message import read_message


@pytest.mark.parametrize("text, outdoors", [
    ("ik ruik een hele sterke gaslucht in de hoofdstraat tegenover de apotheek", True),
    ("het stinkt naar gas op straat bij de bushalte", True),
    ("ik ruik gas in mijn huis aan de Kerkstraat 5", False),
    ("sterke gaslucht in de keuken", False),
    ("ik ruik gas", False),
    ("het stinkt hier enorm naar gas bij de Kerkstraat", False),
])
def test_where_gas_is_smelled(text, outdoors):
    assert gas_outdoors(text, read_message(text)) is outdoors


def test_strong_gas_in_a_street_gets_the_street_answer(domain):
    from tests.conftest import dutch

    text = "ik ruik een hele sterke gaslucht in de hoofdstraat, mensen lopen gewoon langs"
    response = _response(read_message(text), again=False, text=text)
    assert response == GAS_STREET
    said = dutch(domain, response)["text"]
    assert "112" in said and "0800-9009" in said and "Ga nu naar buiten" not in said
