"""Condolences only for a death the resident tells of."""
import pytest

from bot.knowledge.aspects import person_of
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


@pytest.mark.parametrize("text, person", [
    ("bro ik heb geen kind lol. ik vroeg of id kaart genoeg is voor turkije", None),
    ("en voor mijn zoontje?", "kind"),
    ("we hebben geen kinderen, alleen mijn vrouw gaat mee", "partner"),
])
def test_someone_denied_is_not_asked_about(text, person):
    assert person_of(text) == person


@pytest.mark.parametrize("text, swap", [
    ("oh wacht sorry het is de blauwe, papier. groene was vorige week", ("Groene", "blauwe")),
    ("nee de grijze", ("Groene", "grijze")),
    ("ja graag, de blauwe ook", None),  # no correction: an addition
    ("nee, het was gisteren", None),
])
def test_another_bin_colour_told_as_a_correction(text, swap):
    from bot.reading.answers import colour_swapped

    assert colour_swapped(text, "Groene bak is weer niet geleegd") == swap


@pytest.mark.parametrize("text, applied", [
    ("ik heb vorige week (dinsdag 26 nov) een nieuw paspoort aangevraagd", "2026-11-26"),
    ("aangevraagd op 12 juni", "2026-06-12"),
    ("ik heb hem vorige week dinsdag aangevraagd", "2026-12-01"),
    ("wanneer is mijn paspoort klaar", None),
])
def test_the_day_the_resident_applied(text, applied):
    import datetime as dt

    from bot.reading.dates import date_applied

    found = date_applied(text, dt.date(2026, 12, 7))
    assert (found.isoformat() if found else None) == applied
