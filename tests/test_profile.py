"""The municipality profile: validation, opening hours and placeholders in responses."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from bot.profile import ProfileError, load_profile, profile
from bot.settings import PROFILE_FILE

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def _write_profile(tmp_path: Path, **changes) -> Path:
    data = yaml.safe_load(PROFILE_FILE.read_text())
    data.update(changes)
    path = tmp_path / "profile.yml"
    path.write_text(yaml.safe_dump(data))
    return path


def test_shipped_profile_is_valid():
    municipality = load_profile()
    assert municipality.phone.startswith("14 ")
    assert "maandag" in municipality.opening_hours_text()


def test_unknown_key_is_named_in_the_error(tmp_path):
    with pytest.raises(ProfileError, match="fax"):
        load_profile(_write_profile(tmp_path, fax="0123"))


def test_bad_opening_hours_are_rejected(tmp_path):
    with pytest.raises(ProfileError, match="mon"):
        load_profile(_write_profile(tmp_path, opening_hours={"mon": ["17:00", "08:30"]}))
    with pytest.raises(ProfileError, match="funday"):
        load_profile(_write_profile(tmp_path, opening_hours={"funday": ["08:00", "09:00"]}))


def test_broken_yaml_names_the_file(tmp_path):
    path = tmp_path / "profile.yml"
    path.write_text("name: [unclosed")
    with pytest.raises(ProfileError, match="profile.yml"):
        load_profile(path)


@pytest.mark.parametrize("moment, is_open", [
    (dt.datetime(2026, 11, 23, 9, 0, tzinfo=AMSTERDAM), True),    # Monday morning
    (dt.datetime(2026, 11, 23, 17, 0, tzinfo=AMSTERDAM), False),  # Monday, closing time
    (dt.datetime(2026, 11, 26, 19, 30, tzinfo=AMSTERDAM), True),  # Thursday evening
    (dt.datetime(2026, 11, 28, 11, 0, tzinfo=AMSTERDAM), False),  # Saturday
])
def test_is_open(moment, is_open):
    assert profile().is_open(moment) is is_open


def test_next_opening_skips_the_weekend():
    friday_afternoon = dt.datetime(2026, 11, 27, 14, 0, tzinfo=AMSTERDAM)
    assert profile().next_opening(friday_afternoon) == ("maandag", dt.time(8, 30))


def test_next_opening_later_the_same_day():
    early_monday = dt.datetime(2026, 11, 23, 7, 0, tzinfo=AMSTERDAM)
    assert profile().next_opening(early_monday) == ("vandaag", dt.time(8, 30))
    assert profile().next_opening(early_monday, english=True) == ("today", dt.time(8, 30))


def test_every_placeholder_in_the_domain_is_filled(domain):
    """A response that refers to {link_x} must find x in the profile, or residents see braces."""
    known = set(profile().template_vars()) | set(domain.get("slots", {})) | {
        "close", "next_day", "next_open",  # filled by action_contact_human
        "topic", "intent",                 # filled by action_default_ask_affirmation
        "street", "place", "postcode",     # filled by validate_report_form
        "case_number", "handling_days",    # filled by action_submit_report
        "handling_hours", "case_numbers", "urgent_numbers", "handled",
        "ack", "what", "count", "updates",  # filled by the report form's questions
        "addition",                        # what the resident added when the report was sent
        "wish",                            # filled by action_goodbye
        "subject", "filed_on", "category",  # filled by action_report_status
        "report",
        "handling_time",                   # filled by action_answer_report_question
        "answer",                          # a knowledge-base article (actions/knowledge.py)
        "detail", "link", "title",         # what an article says to a follow-up question
        "article_payload",                 # the article asked back at a fallback
        "day", "open", "days", "applied",  # days asked about or changed, the day applied
        "first_day", "last_day", "days_after", "weeks",  # a move or objection period
        "phone",                           # the number to call back (action_take_callback)
        "when",                            # the callback time the resident named
        "due",                             # the last day of a handling time (status)
        "contact",                         # the summary's e-mail address or phone number
        "question",                        # the municipality's (action_report_status_update)
        "position", "minutes",             # a place in the queue (actions/webcare.py)
        "problem",                         # told beside a danger (actions/emergency.py)
        "callback",                        # the number a callback goes to (actions/contact.py)
    }
    used = set()
    for variations in domain["responses"].values():
        for variation in variations:
            used |= set(re.findall(r"{(\w+)}", yaml.safe_dump(variation)))
    assert used, "expected placeholders in the responses"
    assert used <= known, f"unknown placeholders: {sorted(used - known)}"


def test_the_opening_hours_read_in_english_too():
    text = profile().opening_hours_text(english=True)
    assert text.startswith("Monday: 08:30 to 17:00") and "maandag" not in text


def test_a_public_holiday_is_closed_and_the_next_opening_skips_it():
    """Session 37: on Christmas Day the bot would have said that colleagues are there."""
    christmas_morning = dt.datetime(2026, 12, 25, 10, 0, tzinfo=AMSTERDAM)  # a Friday
    assert not profile().is_open(christmas_morning)
    assert profile().closing_time(christmas_morning) is None
    christmas_eve = dt.datetime(2026, 12, 24, 18, 0, tzinfo=AMSTERDAM)
    assert profile().next_opening(christmas_eve) == ("maandag", dt.time(8, 30))


@pytest.mark.parametrize("text, names", [
    ("is het gemeentehuis open op 2e kerstdag?", ["tweede kerstdag"]),
    ("zijn jullie open met de kerst", ["eerste kerstdag", "tweede kerstdag"]),
    ("are you open on boxing day?", ["tweede kerstdag"]),
    ("is het gemeentehuis open op maandag", []),
])
def test_the_coming_holidays_a_question_names(text, names):
    found = profile().holidays_named(text, dt.date(2026, 12, 4))
    assert [holiday.name for holiday in found] == names


def test_the_phone_number_says_when_it_is_answered_outside_opening_hours(monkeypatch):
    """Round r107 (session 47): "bel 14 0571" on a Saturday evening, with nobody there."""
    municipality = profile()
    zone = ZoneInfo(municipality.timezone)
    saturday_evening = dt.datetime(2026, 12, 5, 19, 0, tzinfo=zone)
    monday_morning = dt.datetime(2026, 12, 7, 10, 0, tzinfo=zone)
    monkeypatch.setattr(type(municipality), "now", lambda self: saturday_evening)
    closed = municipality.template_vars()
    day, opens = municipality.next_opening(saturday_evening)
    assert closed["phone_hours"] == (f"{municipality.phone} (weer bereikbaar vanaf {day} "
                                     f"{opens:%H:%M} uur)")
    assert closed["phone_hours_en"].startswith(f"{municipality.phone} (open again from Monday ")
    monkeypatch.setattr(type(municipality), "now", lambda self: monday_morning)
    assert municipality.template_vars()["phone_hours"] == municipality.phone


def test_english_speakers_get_the_number_that_works_from_abroad(monkeypatch):
    """Round r165: "14 0571 doesnt work from canada. what number do I call?"."""
    municipality = profile()
    assert municipality.phone_abroad and municipality.phone_abroad.startswith("+31")
    for moment in (dt.datetime(2026, 12, 5, 19, 0), dt.datetime(2026, 12, 7, 10, 0)):
        zone = ZoneInfo(municipality.timezone)
        monkeypatch.setattr(type(municipality), "now",
                            lambda self, at=moment.replace(tzinfo=zone): at)
        told = municipality.template_vars()
        assert municipality.phone_abroad in told["phone_hours_en"]
        assert municipality.phone_abroad not in told["phone_hours"]


def test_a_date_is_named_with_the_profiles_day_and_month_names(tmp_path):
    """"en 31 december?" after the opening hours (round r112): the date said back in words."""
    assert profile().date_name(dt.date(2026, 12, 31)) == "donderdag 31 december"
    assert profile().date_name(dt.date(2026, 12, 31), english=True) == "Thursday 31 December"
    with pytest.raises(ProfileError):
        load_profile(_write_profile(tmp_path, month_names=["januari"]))
