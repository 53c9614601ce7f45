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


@pytest.mark.parametrize("text, about_moving, moving", [
    ("we verhuizen op 15 januari naar de molenweg 3, kan ik dat nu al doorgeven?", False,
     "2027-01-15"),
    ("15 januari, kan ik het nu al doen?", True, "2027-01-15"),
    ("15 januari, kan ik het nu al doen?", False, None),  # no move named, none answered
    ("wij zijn 20 november verhuisd, ben ik te laat?", False, "2026-11-20"),
    ("we verhuizen over 2 weken", False, "2026-12-21"),
    ("wij zijn 2 maanden geleden verhuisd", False, "2026-10-08"),
    ("ik heb op 26 november een paspoort aangevraagd", True, None),  # the day applied
    ("we gaan verhuizen, kan dat online?", False, None),
])
def test_the_day_the_resident_moves(text, about_moving, moving):
    """Round r268 of session 63: the moving day was never set against the 4-weeks rule."""
    from bot.reading.dates import moving_date

    found = moving_date(text, dt.date(2026, 12, 7), about_moving)
    assert (found.isoformat() if found else None) == moving


@pytest.mark.parametrize("text, dated", [
    ("ik kreeg de aanslag van 1 november, kan ik nog bezwaar maken?", "2026-11-01"),
    ("de brief is gedateerd 28 oktober", "2026-10-28"),
    ("ik heb 2 maanden geleden een besluit gekregen", "2026-10-08"),
    ("kan ik op 1 november bezwaar maken?", None),  # no letter named
    ("ik kreeg de aanslag, kan ik nog bezwaar maken?", None),  # no date
])
def test_the_date_of_the_letter(text, dated):
    from bot.reading.dates import letter_date

    found = letter_date(text, dt.date(2026, 12, 7))
    assert (found.isoformat() if found else None) == dated
