"""The municipality profile (bot/profile.yml): loading, validation and derived values."""
from __future__ import annotations

import datetime as dt
import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple
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
    blocked_way_handling_hours: int = 4
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


NORM_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(m|h)\s*$")


class ServiceNorms(BaseModel):
    """Targets for webcare, in office time (only opening hours count): "5m", "24h".

    A channel without its own target has `default`'s.
    """

    first_reply: Dict[str, str] = {"default": "24h", "webchat": "5m"}
    resolution: Dict[str, str] = {"default": "80h", "webchat": "8h"}
    # Share of a target after which a conversation is "near breach".
    near_breach: float = 0.8
    # Minutes a colleague spends on one resident, for the wait told to residents; when
    # unset, measured from recent takeovers (and "unknown" when there are too few).
    handling_minutes: Optional[float] = None

    class Config:
        extra = "forbid"

    @validator("first_reply", "resolution")
    def _durations(cls, value: Dict[str, str]) -> Dict[str, str]:
        if "default" not in value:
            raise ValueError("give a 'default' target")
        for channel, duration in value.items():
            if not NORM_DURATION.match(str(duration)):
                raise ValueError(f"{channel}: use minutes or hours of office time, like "
                                 f"'5m' or '24h', got '{duration}'")
        return value

    @validator("near_breach")
    def _share(cls, value: float) -> float:
        if not 0 < value < 1:
            raise ValueError("near_breach is a share between 0 and 1, like 0.8")
        return value

    def target(self, kind: str, channel: str) -> dt.timedelta:
        """The office-time target of `kind` ("first_reply" or "resolution") on `channel`."""
        targets = getattr(self, kind)
        amount, unit = NORM_DURATION.match(str(targets.get(channel, targets["default"]))
                                           ).groups()
        return dt.timedelta(minutes=float(amount) * (60 if unit == "h" else 1))


HOLIDAYS_AHEAD = 366  # a holiday named is the coming one


class WaterCompany(BaseModel):
    """The drinking water company of the area and its fault line (day and night)."""

    name: str
    phone: str


class MovingNotice(BaseModel):
    """When a move can be registered: from `days_before` to `days_after` the moving day, for
    the article of this UPL product."""

    upl: str = "verhuismelding"
    days_before: int = 28
    days_after: int = 5


class ObjectionTerm(BaseModel):
    """The objection period (Awb 6:7): `weeks` from the date of the letter, for the articles
    of these UPL products."""

    upls: List[str] = ["bezwaar", "belastingaanslag bezwaar"]
    weeks: int = 6


class ClosedDay(BaseModel):
    """A public holiday on which the town hall and the phone line are closed."""

    date: dt.date
    name: str  # "tweede kerstdag"
    name_en: str
    said: List[str]  # how residents name it: "2e kerstdag", "26 december", "boxing day"

    class Config:
        extra = "forbid"


class ShortDay(BaseModel):
    """A day on which the town hall and the phone line keep other hours ("kerstavond")."""

    date: dt.date
    name: str
    name_en: str
    hours: Tuple[dt.time, dt.time]

    class Config:
        extra = "forbid"


CHANGES_AHEAD = 14  # the general opening hours name the changed days of the next two weeks


class Profile(BaseModel):
    """What makes the assistant belong to one municipality."""

    name: str
    short_name: str
    phone: str
    crisis_phone: str  # day and night: no food, no bed, an eviction, worries about someone
    # The number that works from abroad (a 14 + area code number does not); told in English
    phone_abroad: Optional[str] = None
    website: HttpUrl
    timezone: str
    opening_hours: Dict[str, Tuple[dt.time, dt.time]]
    day_names: Dict[str, str]
    month_names: List[str]  # January first, as residents read them ("31 december")
    opening_hours_line: str
    links: Dict[str, HttpUrl]
    reports: ReportSettings
    location: LocationSettings
    service_norms: ServiceNorms = ServiceNorms()
    closed_days: List[ClosedDay] = []
    short_days: List[ShortDay] = []
    # Working days from the application until a document can be collected, per document
    ready_after: Dict[str, int] = {}
    moving_notice: Optional[MovingNotice] = None
    objection_term: Optional[ObjectionTerm] = None
    water_company: Optional[WaterCompany] = None
    # day and night: the street problems that cannot wait (water into homes, a deep hole)
    on_call_phone: Optional[str] = None
    # The WhatsApp number residents may write to (photos too); none: not mentioned
    whatsapp: Optional[str] = None

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

    @validator("month_names")
    def _twelve_months(cls, value: List[str]) -> List[str]:
        if len(value) != 12:
            raise ValueError(f"12 month names, January first; found {len(value)}")
        return value

    @validator("day_names")
    def _all_day_names(cls, value: Dict[str, str]) -> Dict[str, str]:
        missing = [day for day in DAYS if day not in value]
        if missing:
            raise ValueError(f"missing day names: {', '.join(missing)}")
        return value

    def now(self) -> dt.datetime:
        return dt.datetime.now(ZoneInfo(self.timezone))

    def hours_on(self, day: dt.date) -> Optional[Tuple[dt.time, dt.time]]:
        """The opening hours on a date: none on a weekend day or a public holiday."""
        if any(closed.date == day for closed in self.closed_days):
            return None
        short = next((short for short in self.short_days if short.date == day), None)
        return short.hours if short else self.opening_hours.get(DAYS[day.weekday()])

    def working_days_after(self, day: dt.date, count: int) -> dt.date:
        """The `count`-th day after `day` on which the town hall is open."""
        while count > 0:
            day += dt.timedelta(days=1)
            count -= 1 if self.hours_on(day) else 0
        return day

    def days_changed(self, today: dt.date) -> Tuple[List[ClosedDay], List[ShortDay]]:
        """The holidays and the short days of the next two weeks, in date order."""
        last = today + dt.timedelta(days=CHANGES_AHEAD)
        return ([closed for closed in sorted(self.closed_days, key=lambda day: day.date)
                 if today <= closed.date <= last and DAYS[closed.date.weekday()]
                 in self.opening_hours],
                [short for short in sorted(self.short_days, key=lambda day: day.date)
                 if today <= short.date <= last])

    def is_open(self, moment: dt.datetime) -> bool:
        hours = self.hours_on(moment.date())
        return bool(hours) and hours[0] <= moment.time() < hours[1]

    def closing_time(self, moment: dt.datetime) -> Optional[dt.time]:
        hours = self.hours_on(moment.date())
        return hours[1] if hours else None

    def holidays_named(self, text: str, today: dt.date) -> List[ClosedDay]:
        """The coming closed days the text names ("2e kerstdag", "met de kerst": both)."""
        plain = " ".join(re.findall(r"[a-z0-9']+", (text or "").lower()))
        return [closed for closed in self.closed_days
                if today <= closed.date <= today + dt.timedelta(days=HOLIDAYS_AHEAD)
                and any(re.search(rf"\b{re.escape(words.lower())}\b", plain)
                        for words in closed.said)]

    def office_time(self, start: dt.datetime, end: dt.datetime) -> dt.timedelta:
        """How much of start..end falls within opening hours (both aware datetimes)."""
        zone = ZoneInfo(self.timezone)
        start, end = start.astimezone(zone), end.astimezone(zone)
        total, day = dt.timedelta(), start.date()
        while day <= end.date():
            hours = self.hours_on(day)
            if hours:
                opens = dt.datetime.combine(day, hours[0], zone)
                closes = dt.datetime.combine(day, hours[1], zone)
                overlap = min(end, closes) - max(start, opens)
                total += max(overlap, dt.timedelta())
            day += dt.timedelta(days=1)
        return total

    def date_name(self, date: dt.date, english: bool = False) -> str:
        """How a date is named to the resident: "donderdag 31 december"."""
        month = date.strftime("%B") if english else self.month_names[date.month - 1]
        return f"{self.day_name(DAYS[date.weekday()], english)} {date.day} {month}"

    def day_name(self, day: str, english: bool = False) -> str:
        """How a day ("sat") is named to the resident: the profile's words, or English."""
        return ENGLISH_DAYS[day] if english else self.day_names[day]

    def next_opening(self, moment: dt.datetime, english: bool = False) -> Tuple[str, dt.time]:
        """The day name and time at which the municipality next opens after `moment`."""
        for offset in range(14):
            day = moment.date() + dt.timedelta(days=offset)
            hours = self.hours_on(day)
            # early on an opening day: "vanaf vandaag 08:30", not "vanaf maandag" on a Monday
            if hours and offset == 0 and moment.time() < hours[0]:
                return ("today" if english else "vandaag"), hours[0]
            if hours and offset > 0:
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
            "whatsapp": self.whatsapp or "",
            "opening_hours": self.opening_hours_text(),
            "opening_hours_en": self.opening_hours_text(english=True),
            "time_now": _hhmm(self.now().time()),
            **self._phone_hours(),
            **self._water_fault_line(),
            **self._on_call_line(),
        }
        values.update({f"link_{key}": url for key, url in self.links.items()})
        return values


    def _phone_hours(self) -> Dict[str, str]:
        """The phone number with when it is answered again, outside opening hours: "bel
        {phone_hours}" then reads "bel 14 0571 (maandag vanaf 08:30 uur)"."""
        now = self.now()
        abroad = f", from abroad {self.phone_abroad}" if self.phone_abroad else ""
        if self.is_open(now):
            return {"phone_hours": self.phone,
                    "phone_hours_en": f"{self.phone} ({abroad[2:]})" if abroad else self.phone}
        day, opens = self.next_opening(now)
        day_en, _ = self.next_opening(now, english=True)
        # "weer bereikbaar": "(maandag vanaf 08:30 uur)" was read as "only on Mondays" (r179)
        return {"phone_hours": f"{self.phone} (weer bereikbaar vanaf {day} {_hhmm(opens)} uur)",
                "phone_hours_en": f"{self.phone} (open again from {day_en} {_hhmm(opens)}"
                                  f"{abroad})"}

    def own_numbers(self) -> List[str]:
        """The phone numbers the assistant tells residents, as written in the profile."""
        company = self.water_company.phone if self.water_company else None
        return [number for number in (self.phone, self.phone_abroad, self.crisis_phone,
                                      self.on_call_phone, company) if number]

    def _water_fault_line(self) -> Dict[str, str]:
        """Who to call about a burst water main: the company by name and number when the
        profile has it, else where residents find the number."""
        company = self.water_company
        if company is None:
            return {"water_fault": "uw drinkwaterbedrijf. Dat nummer staat op uw waterrekening",
                    "water_fault_en": "your drinking water company; it is on your water bill"}
        return {"water_fault": f"{company.name}: {company.phone}, dag en nacht",
                "water_fault_en": f"{company.name}: {company.phone}, day and night"}

    def _on_call_line(self) -> Dict[str, str]:
        """Who to call about a street problem that cannot wait for the next working day: the
        on-call service when the profile has one, else the phone line with its hours."""
        if self.on_call_phone is None:
            hours = self._phone_hours()
            return {"on_call": hours["phone_hours"], "on_call_en": hours["phone_hours_en"]}
        return {"on_call": f"de storingsdienst van de gemeente: {self.on_call_phone}, dag en nacht",
                "on_call_en": f"the municipality's on-call service: {self.on_call_phone}, "
                              "day and night"}


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

