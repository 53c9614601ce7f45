"""The municipality profile (bot/profile.yml): loading, validation and derived values."""
from __future__ import annotations

import datetime as dt
import logging
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, Optional, Tuple
from zoneinfo import ZoneInfo

import yaml
from pydantic import BaseModel, HttpUrl, validator

from bot.settings import PROFILE_FILE

logger = logging.getLogger(__name__)

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ENGLISH_HOURS_LINE = "{day}: {open} to {close}"
ENGLISH_DAYS = dict(zip(DAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                               "Saturday", "Sunday")))


class ProfileError(ValueError):
    """The profile file is missing, unreadable or invalid."""


class ReportSettings(BaseModel):
    handling_days: Dict[str, int]
    # A hazard in public space (an open manhole, a fallen sign) is handled within hours.
    hazard_handling_hours: int = 24
    signalen_categories: Dict[str, str]

    class Config:
        extra = "forbid"

    @validator("signalen_categories")
    def _main_and_sub(cls, value: Dict[str, str]) -> Dict[str, str]:
        for intent, slug in value.items():
            if slug.count("/") != 1:
                raise ValueError(f"{intent}: use 'main-category/sub-category', got '{slug}'")
        return value


class LocationSettings(BaseModel):
    place: str
    centre: Tuple[float, float]
    streets: Dict[str, Tuple[float, float]]
    # The municipality as the address register (PDOK, BAG) names it; default: short_name.
    gemeentenaam: Optional[str] = None

    class Config:
        extra = "forbid"

    def street_point(self, name: str) -> Optional[Tuple[float, float]]:
        """(lat, lon) of a known street, matched without regard to case."""
        lowered = {street.lower(): point for street, point in self.streets.items()}
        return lowered.get(name.lower())


class Profile(BaseModel):
    """What makes the assistant belong to one municipality."""

    name: str
    short_name: str
    phone: str
    crisis_phone: str  # day and night: no food, no bed, an eviction, worries about someone
    website: HttpUrl
    timezone: str
    opening_hours: Dict[str, Tuple[dt.time, dt.time]]
    day_names: Dict[str, str]
    opening_hours_line: str
    links: Dict[str, HttpUrl]
    reports: ReportSettings
    location: LocationSettings

    class Config:
        extra = "forbid"

    @validator("timezone")
    def _known_timezone(cls, value: str) -> str:
        ZoneInfo(value)
        return value

    @validator("opening_hours")
    def _valid_hours(cls, value: Dict[str, Tuple[dt.time, dt.time]]) -> Dict:
        for day, (start, end) in value.items():
            if day not in DAYS:
                raise ValueError(f"unknown day '{day}', use one of {', '.join(DAYS)}")
            if start >= end:
                raise ValueError(f"{day}: opening time must be before closing time")
        return value

    @validator("day_names")
    def _all_day_names(cls, value: Dict[str, str]) -> Dict[str, str]:
        missing = [day for day in DAYS if day not in value]
        if missing:
            raise ValueError(f"missing day names: {', '.join(missing)}")
        return value

    def now(self) -> dt.datetime:
        return dt.datetime.now(ZoneInfo(self.timezone))

    def is_open(self, moment: dt.datetime) -> bool:
        hours = self.opening_hours.get(DAYS[moment.weekday()])
        return bool(hours) and hours[0] <= moment.time() < hours[1]

    def closing_time(self, moment: dt.datetime) -> Optional[dt.time]:
        hours = self.opening_hours.get(DAYS[moment.weekday()])
        return hours[1] if hours else None

    def day_name(self, day: str, english: bool = False) -> str:
        """How a day ("sat") is named to the resident: the profile's words, or English."""
        return ENGLISH_DAYS[day] if english else self.day_names[day]

    def next_opening(self, moment: dt.datetime, english: bool = False) -> Tuple[str, dt.time]:
        """The day name and time at which the municipality next opens after `moment`."""
        for offset in range(8):
            day = moment.date() + dt.timedelta(days=offset)
            hours = self.opening_hours.get(DAYS[day.weekday()])
            if hours and (offset > 0 or moment.time() < hours[0]):
                return self.day_name(DAYS[day.weekday()], english), hours[0]
        raise ProfileError("the profile has no opening hours at all")

    def opening_hours_text(self, english: bool = False) -> str:
        line = ENGLISH_HOURS_LINE if english else self.opening_hours_line
        lines = []
        for day in DAYS:
            if day in self.opening_hours:
                start, end = self.opening_hours[day]
                lines.append(line.format(day=self.day_name(day, english), open=_hhmm(start),
                                         close=_hhmm(end)))
        return "\n".join(lines)

    def template_vars(self) -> Dict[str, Any]:
        """Values that domain responses may use as {placeholders}."""
        values: Dict[str, Any] = {
            "municipality": self.name,
            "phone": self.phone,
            "crisis_phone": self.crisis_phone,
            "website": self.website,
            "opening_hours": self.opening_hours_text(),
            "opening_hours_en": self.opening_hours_text(english=True),
        }
        values.update({f"link_{key}": url for key, url in self.links.items()})
        return values


def _hhmm(moment: dt.time) -> str:
    return moment.strftime("%H:%M")


def load_profile(path: Path = PROFILE_FILE) -> Profile:
    """Read and validate a profile file; errors name the file and the key."""
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ProfileError(f"{path}: {error}") from error
    if not isinstance(raw, dict):
        raise ProfileError(f"{path}: expected a mapping at the top level")
    try:
        return Profile(**raw)
    except ValueError as error:
        raise ProfileError(f"{path}: {error}") from error


@lru_cache(maxsize=1)
def profile() -> Profile:
    """The profile of this installation, read once per process."""
    return load_profile()

