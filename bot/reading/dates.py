"""A calendar date named in a message: "31 december", "oudejaarsdag", "on 24 Dec", "morgen".

Used for the opening hours of a date that is no public holiday ("zijn jullie open op
oudejaarsdag?"); the holidays themselves are the profile's `closed_days`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Tuple

_MONTHS = {
    "jan": 1, "januari": 1, "january": 1, "feb": 2, "februari": 2, "february": 2, "mrt": 3,
    "maart": 3, "march": 3, "apr": 4, "april": 4, "mei": 5, "may": 5, "jun": 6, "juni": 6,
    "june": 6, "jul": 7, "juli": 7, "july": 7, "aug": 8, "augustus": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "okt": 10, "oktober": 10, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12}
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:e|ste|de|st|nd|rd|th)? (" + "|".join(
    sorted(_MONTHS, key=len, reverse=True)) + r")\b")
# Named days that are no public holiday, with their date in the year.
_NAMED = ((re.compile(r"\b(?:oudejaars\w*|oud en nieuw|new year'?s eve)\b"), (12, 31)),
          (re.compile(r"\b(?:kerstavond|christmas eve)\b"), (12, 24)))


# Days counted from today: "is het gemeentehuis morgen open?" on a Saturday (round r121 of
# session 49: the whole week's hours, no word that Sunday is closed).
_FROM_TODAY = ((re.compile(r"\b(?:overmorgen|day after tomorrow)\b"), 2),
               (re.compile(r"\b(?:morgen|tomorrow)\b"), 1))


def date_named(text: str, today: dt.date) -> Optional[dt.date]:
    """The next date on or after `today` that the text names, or None."""
    plain = (text or "").lower()
    ahead = next((days for pattern, days in _FROM_TODAY if pattern.search(plain)), None)
    if ahead is not None:
        return today + dt.timedelta(days=ahead)
    found = _DAY_MONTH.search(plain)
    month_day = _month_day(found) if found else next(
        (month_day for pattern, month_day in _NAMED if pattern.search(plain)), None)
    if month_day is None:
        return None
    return _day_of(month_day, today, past=False)


def _day_of(month_day: Tuple[int, int], today: dt.date, past: bool) -> Optional[dt.date]:
    """The date of this month and day nearest today: this year or the last one (`past`), or
    this year or the next one."""
    for year in (today.year, today.year - 1) if past else (today.year, today.year + 1):
        try:
            day = dt.date(year, *month_day)
        except ValueError:  # "31 februari"
            return None
        if (day <= today) if past else (day >= today):
            return day
    return None


def _month_day(found: "re.Match[str]") -> Tuple[int, int]:
    """(month, day) of a "12 juni" found."""
    return _MONTHS[found.group(2)], int(found.group(1))


# "ik heb vorige week (dinsdag 26 nov) een paspoort aangevraagd", "aangevraagd op 12 juni":
# the day the resident applied, to tell when it is ready (round r261 of session 62: "ongeveer
# 5 werkdagen" again, never "dan is het nu klaar")
_APPLIED = re.compile(r"\b(?:aangevraagd|aanvraag (?:gedaan|ingediend)|heb (?:ik )?(?:\w+ ){0,4}"
                      r"aangevraagd|applied|afspraak gehad|foto'?s? (?:laten )?maken)\b")
_WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4,
             "zaterdag": 5, "zondag": 6, "monday": 0, "tuesday": 1, "wednesday": 2,
             "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_WEEKDAY = re.compile(r"\b(?:(vorige week|vorige|afgelopen|last) )?(" + "|".join(_WEEKDAYS)
                      + r")\b")
_DAYS_AGO = ((re.compile(r"\b(?:eergisteren|day before yesterday)\b"), 2),
             (re.compile(r"\b(?:gisteren|yesterday)\b"), 1),
             (re.compile(r"\b(?:vandaag|vanochtend|vanmorgen|today|this morning)\b"), 0))


def date_applied(text: str, today: dt.date) -> Optional[dt.date]:
    """The past day on which the text says the resident applied, or None."""
    plain = (text or "").lower()
    if not _APPLIED.search(plain):
        return None
    found = _DAY_MONTH.search(plain)
    if found:
        return _day_of(_month_day(found), today, past=True)
    ago = next((days for pattern, days in _DAYS_AGO if pattern.search(plain)), None)
    if ago is not None:
        return today - dt.timedelta(days=ago)
    weekday = _WEEKDAY.search(plain)
    if weekday is None:
        return None
    back = (today.weekday() - _WEEKDAYS[weekday.group(2)]) % 7 or 7
    if weekday.group(1) == "vorige week" and back <= today.weekday():
        back += 7  # on a Thursday, "vorige week dinsdag" is nine days ago
    return today - dt.timedelta(days=back)


# The document an application was for: its name in the profile's `ready_after`.
_DOCUMENTS = (("rijbewijs", re.compile(r"\b(?:rijbewijs\w*|driving licen[cs]e)\b")),
              ("id-kaart", re.compile(r"\b(?:id ?-?kaart\w*|identiteitskaart\w*|id cards?)\b")),
              ("paspoort", re.compile(r"\b(?:paspoort\w*|passports?|reispas\w*)\b")))


def document_named(text: str) -> Optional[str]:
    """"paspoort", "id-kaart" or "rijbewijs": the first of them the text names, or None."""
    plain = (text or "").lower()
    found = [(match.start(), name) for name, pattern in _DOCUMENTS
             for match in [pattern.search(plain)] if match]
    return min(found)[1] if found else None


# "we verhuizen op 15 januari, kan ik het nu al doorgeven?", "wij zijn 20 november verhuisd,
# ben ik te laat?" (round r268 of session 63: the 4-weeks rule, never the resident's own day)
_MOVING = re.compile(r"\b(?:verhuis\w*|verhuiz\w*|move|moving|moved|overhuis\w*|"
                     r"(?:gaan|gaat|ga|komen|kom) (?:\w+ ){0,3}?wonen|sleutel)\b")
_MOVED = re.compile(r"\b(?:verhuisd|zijn (?:\w+ ){0,3}?(?:verhuisd|gaan wonen|komen wonen)|"
                    r"moved|woon (?:\w+ )?(?:al|sinds)|wonen (?:\w+ )?(?:al|sinds)|sinds)\b")
_NUMBERS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
            "acht": 8, "tien": 10, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4,
            "five": 5, "six": 6}
_IN_SOME_TIME = re.compile(r"\b(?:over|in|binnen) (\d{1,2}|" + "|".join(_NUMBERS)
                           + r") (dag|dagen|days?|week|weken|weeks?|maand|maanden|months?)\b")


_SOME_TIME_AGO = re.compile(r"\b(\d{1,2}|" + "|".join(_NUMBERS) + r") (dag|dagen|days?|week|"
                            r"weken|weeks?|maand|maanden|months?) (?:geleden|terug|ago)\b")


def _days_of(count: str, unit: str) -> dt.timedelta:
    """"2 weken", "een maand": as days."""
    number = int(count) if count.isdigit() else _NUMBERS[count]
    days = 30 if unit.startswith(("maand", "month")) else 7 if unit.startswith("w") else 1
    return dt.timedelta(days=number * days)


# "sleutel krijgen we 14 maart maar we trekken pas 1 april echt in" (round r272 of session
# 64: the key day taken for the moving day): the day of the keys is not the day one moves
_KEYS = re.compile(r"\bsleutel\w*|\bkeys?\b|\boverdracht\b|\btransfer\b")


def _moving_day_named(plain: str) -> Optional["re.Match[str]"]:
    """The day and month the text names for the move, not the day of the keys."""
    days = list(_DAY_MONTH.finditer(plain))
    for found in days:
        clause = re.split(r"[,.;!?]|\b(?:maar|en|but|and)\b", plain[:found.start()])[-1] \
            + re.split(r"[,.;!?]|\b(?:maar|en|but|and)\b", plain[found.end():])[0]
        if not _KEYS.search(clause):
            return found
    return days[0] if days else None


def moving_date(text: str, today: dt.date, about_moving: bool = False) -> Optional[dt.date]:
    """The day the resident moves (or moved) that the text names, or None; `about_moving`:
    the answer just given was about moving, so the text need not say so again."""
    plain = (text or "").lower()
    moving = _MOVING.search(plain)
    if not (about_moving or moving) or _APPLIED.search(plain) or (
            _LETTER.search(plain) and not moving):  # "de aanslag van 1 november"
        return None
    for pattern, sign in ((_IN_SOME_TIME, 1), (_SOME_TIME_AGO, -1)):
        found = pattern.search(plain)
        if found:
            return today + sign * _days_of(found.group(1), found.group(2))
    found = _moving_day_named(plain)
    if found is None:
        return None
    return _day_of(_month_day(found), today, past=bool(_MOVED.search(plain)))


# "ik kreeg de aanslag van 1 november", "de brief is gedateerd 28 oktober", "the bill of
# 2 November": the date of a letter with a decision, to count an objection period from
_LETTER = re.compile(r"\b(?:aanslag\w*|brief|besluit\w*|beschikking\w*|dagtekening|gedateerd|"
                     r"beslissing|bill|letter|decision|assessment|dated)\b")


def letter_date(text: str, today: dt.date) -> Optional[dt.date]:
    """The past date of the letter the text names, or None."""
    plain = (text or "").lower()
    if not _LETTER.search(plain):
        return None
    ago = _SOME_TIME_AGO.search(plain)
    if ago:
        return today - _days_of(ago.group(1), ago.group(2))
    found = _DAY_MONTH.search(plain)
    return _day_of(_month_day(found), today, past=True) if found else None
