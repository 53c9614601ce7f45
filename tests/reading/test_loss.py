"""Condolences only for a death the resident tells of."""
import pytest

from bot.reading.loss import tells_a_death


@pytest.mark.parametrize("text, told", [
    ("mijn vrouw is vorig jaar overleden dus ik ben nu alleen. hoe krijg ik dat geld terug",
     True),
    ("mijn moeder overleed vorige week, wat nu?", True),
    ("my grandmother died last night", True),
    # round r260 of session 62: "Gecondoleerd met uw verlies" to someone who lost no one
    ("wtf?? niemand is overleden. kan ik met een ID KAART naar TURKIJE ja of nee", False),
    ("hij is niet overleden hoor", False),
    ("nobody died", False),
    ("Is de andere ouder overleden?", False),
    ("wat moet ik doen als ik overlijd", False),
])
def test_a_death_is_told_not_denied_or_supposed(text, told):
    assert tells_a_death(text) is told
