"""A calendar date named in a message: "31 december", "oudejaarsdag", "on 24 Dec", "morgen".

Used for the opening hours of a date that is no public holiday ("zijn jullie open op
oudejaarsdag?"); the holidays themselves are the profile's `closed_days`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

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
    month_day = (_MONTHS[found.group(2)], int(found.group(1))) if found else next(
        (month_day for pattern, month_day in _NAMED if pattern.search(plain)), None)
    if month_day is None:
        return None
    for year in (today.year, today.year + 1):
        try:
            day = dt.date(year, *month_day)
        except ValueError:  # "31 februari"
            return None
        if day >= today:
            return day
    return None
