"""A calendar date named in a message (round r112: "en 31 december?" was not understood)."""
import datetime as dt

import pytest

from bot.reading.dates import date_named

TODAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize("text, date", [
    ("en 31 december?", dt.date(2026, 12, 31)),
    ("zijn jullie open op oudejaarsdag", dt.date(2026, 12, 31)),
    ("open on 2 jan?", dt.date(2027, 1, 2)),  # past this year: next year
    ("en kerstavond", dt.date(2026, 12, 24)),
    ("31 februari", None),
    ("ik woon op nummer 31", None),
    ("IS HET GEMEENTEHUIS MORGEN OPEN?", dt.date(2026, 12, 6)),
    ("and the day after tomorrow?", dt.date(2026, 12, 7)),
    ("goedemorgen, zijn jullie open?", None),
])
def test_a_date_is_read_as_the_next_one(text, date):
    assert date_named(text, TODAY) == date


@pytest.mark.parametrize("text, applied", [
    ("ik heb vorige week (dinsdag 26 nov) een nieuw paspoort aangevraagd", "2026-11-26"),
    ("aangevraagd op 12 juni", "2026-06-12"),
    ("ik heb hem vorige week dinsdag aangevraagd", "2026-12-01"),
    ("wanneer is mijn paspoort klaar", None),
])
def test_the_day_the_resident_applied(text, applied):
    from bot.reading.dates import date_applied

    found = date_applied(text, dt.date(2026, 12, 7))
    assert (found.isoformat() if found else None) == applied
