"""Status questions ("hoe staat het met mijn melding?") answered from the report store.

The report is found by a case number in the message, in any spelling (M-2026-000012,
m 2026 12, M2026000012, melding 2026-000012), else it is the latest report filed from
this conversation. A case number alone reveals no personal data: the answer names the
category, the status and the dates; the place only when the report is the resident's own.
`find_report` is the one lookup; it can later ask Signalen for the live status.
"""
from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass
from typing import List, Optional, Text, Tuple
from zoneinfo import ZoneInfo

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy import func
from sqlalchemy.orm import Session

from actions.base import ProfileAction, utter
from actions.reading import previous_bot_action, reading_of, response_text
from actions.report_slots import HIGH_PRIORITY, is_description
from bot.profile import profile
from bot.reading.danger import says_it_is_dangerous
from bot.reading.description import CATEGORIES, category_of
from bot.reading.not_helped import is_displeased
from bot.reading.quick_kinds import quick_kind_of
from bot.reading.report_questions import (asks_about_the_report_just_made, asks_again,
                                          mentions_a_report, reported_by_someone_else,
                                          said_age_days, says_number_unknown, short_number)
from bot.reading.result import Reading
from bot.reports.db import ensure_schema, session
from bot.reports.models import Report
from bot.reports.outbox import default_client
from bot.reports.status_poll import refresh_report
from bot.settings import DATABASE_URL

logger = logging.getLogger(__name__)

ASKED_SLOT = "status_number_asked"
DEFAULT_HANDLING_DAYS = 10
EARLIER_MESSAGES = 3  # how far back a case number the resident gave still counts
DEFAULT_CATEGORY = "report_public_space_other"
# M-2026-000012, m 2026 12, M2026000012; "melding 2026 12"; 2026-000012. Keep in step
# with the case_number regex in data/nlu/report_status_question.yml.
CASE_NUMBER = re.compile(
    r"(?:\bm\s?[-.]?\s?|\b(?:meldings?nummer|melding|zaaknummer|nummer|nr)\.?:?\s?)"
    r"(20\d\d)\s?[-./ ]?\s?(\d{1,8})\b"
    r"|\b(20\d\d)\s?[-/ ]\s?(\d{6})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReportStatus:
    """What may be told about a report; `place` only for the resident's own report."""

    case_number: str
    category: str
    status: str
    filed_at: dt.datetime  # UTC, without a time zone, as stored
    place: Optional[str] = None
    urgent: bool = False  # a hazard, filed with priority
    description: Optional[str] = None  # only to tell the handling time; never said back
    own: bool = True  # filed from this conversation, or asked for by its case number
    # whether the resident of this conversation asked for news about it; None: filed from
    # another conversation (asked for by its case number), so not known here
    updates: Optional[bool] = False


def numbers_filed_last(tracker: Tracker) -> List[Text]:
    """The case numbers in the bot's last message that told reports were filed."""
    for event in reversed(tracker.events):
        action = (event.get("metadata") or {}).get("utter_action") or ""
        if event.get("event") == "bot" and action.startswith("utter_report_filed"):
            return [normalise_case_number(found.group(0)) for found in
                    re.finditer(r"\bM-20\d\d-\d{6}\b", event.get("text") or "")]
    return []


def normalise_case_number(text: Optional[Text]) -> Optional[Text]:
    """The first case number in the text as M-YYYY-NNNNNN, or None."""
    match = CASE_NUMBER.search(text or "")
    if not match:
        return None
    year = match.group(1) or match.group(3)
    number = match.group(2) or match.group(4)
    return f"M-{year}-{int(number):06d}"


def short_case_number(text: Optional[Text], today: Optional[dt.date] = None) -> Optional[Text]:
    """A short number given for a case number, read as this year's: "802" → M-2026-000802."""
    number = short_number(text or "")
    return f"M-{(today or dt.date.today()).year}-{number:06d}" if number else None


def case_number_of(tracker: Tracker) -> Optional[Text]:
    """The case number from the message's entities, else from its text, else from the
    resident's last few messages ("en wanneer komt er dan iemand?" after a status)."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "case_number":
            found = normalise_case_number(str(entity.get("value") or ""))
            if found:
                return found
    return normalise_case_number(tracker.latest_message.get("text")) or _said_before(tracker)


def _said_before(tracker: Tracker) -> Optional[Text]:
    said = [event.get("text") for event in tracker.events if event.get("event") == "user"]
    for text in reversed(said[-EARLIER_MESSAGES - 1:-1]):
        found = normalise_case_number(text)
        if found:
            return found
    return None


def find_report(case_number: Optional[Text], sender_id: Optional[Text],
                url: Optional[Text] = None, category: Optional[Text] = None
                ) -> Optional[ReportStatus]:
    """The report by case number, else the sender's latest (of `category` when the resident
    named the kind of problem); None when there is none.

    Blocking; raises when the store cannot be reached.
    """
    url = url or DATABASE_URL
    ensure_schema(url)
    with session(url) as db:
        report = (_by_case_number(db, case_number) if case_number
                  else _latest_of(db, sender_id, category))
        if report is None:
            return None
        signal_id, found = report.signalen_id, _status_of(report, sender_id)
    client = default_client()
    if not signal_id or client is None:
        return found
    refresh_report(client, signal_id, url)  # the live state from Signalen
    with session(url) as db:
        return _status_of(_by_case_number(db, found.case_number), sender_id)


# How far back a report found by its street and subject may lie ("vorige maand gemeld").
BY_PLACE_DAYS = 120


def find_report_at(street: Text, category: Text, age_days: Optional[int] = None,
                   url: Optional[Text] = None) -> Optional[ReportStatus]:
    """The newest report of this category in this street of the last BY_PLACE_DAYS days
    (and at least half `age_days` old), for a resident who lost the number; told without
    its place details. Blocking; raises when the store cannot be reached."""
    if age_days and age_days >= BY_PLACE_DAYS * 2:
        return None  # "vorig jaar": longer ago than we look
    url = url or DATABASE_URL
    ensure_schema(url)
    since = dt.datetime.utcnow() - dt.timedelta(days=BY_PLACE_DAYS)
    with session(url) as db:
        query = db.query(Report).filter(Report.case_number.isnot(None),
                                        Report.created_at >= since,
                                        func.lower(Report.street) == street.lower(),
                                        Report.category == category)
        if age_days:  # "3 weken geleden gemeld": not one from yesterday
            before = dt.datetime.utcnow() - dt.timedelta(days=age_days / 2)
            query = query.filter(Report.created_at <= before)
        report = query.order_by(Report.created_at.desc(), Report.id.desc()).first()
        return dataclasses.replace(_status_of(report, None), own=False) if report else None


def _said_text(tracker: Tracker) -> Text:
    """The resident's last two messages (the latest is the last user event), for what
    they say about the report."""
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    return " ".join(said[-2:])


def place_asked_about(tracker: Tracker) -> Tuple[Optional[Text], Optional[Text]]:
    """(street, category) of a report the resident describes in this status exchange ("een
    losse tegel op de Molenweg"), from the reading of their last two messages."""
    # the message before counts only when the bot answered it about a report ("Welk
    # meldingsnummer?", "Zonder meldingsnummer …"): "het was in de Kerkweg" names its place
    in_exchange = (tracker.get_slot(ASKED_SLOT)
                   or previous_bot_action(tracker) == "action_report_status")
    earlier = ([e for e in tracker.events if e.get("event") == "user"][-2:-1]
               if in_exchange else [])
    said = [tracker.latest_message.get("entities") or []] + [
        (event.get("parse_data") or {}).get("entities") or [] for event in earlier]
    street, category = None, None
    for entities in said:
        reading = Reading.from_entities(entities)
        place = reading.location
        street = street or (place.streets[0] if place and place.streets else None)
        category = category or reading.category
    return street, category


# The resident's messages of a status exchange that may hold the problem and its place.
STATUS_EXCHANGE_MESSAGES = 4


def _kind_told(tracker: Tracker) -> Optional[Text]:
    """The kind of problem the resident named in the last few messages, if any."""
    said = [e for e in tracker.events if e.get("event") == "user"][-STATUS_EXCHANGE_MESSAGES:]
    for event in reversed(said):
        category = Reading.from_entities((event.get("parse_data") or {}).get("entities")).category
        if category:
            return category
    return None


def described_otherwise(tracker: Tracker, found: ReportStatus) -> bool:
    """The resident describes their report as another kind of problem than the report
    with this number ("een lantaarnpaal", and the number's report is about litter)."""
    # the whole exchange: "een losse stoeptegel …" two messages before "o sorry typfout,
    # M-2026-000121" still says which report is theirs (round 95)
    said = [e for e in tracker.events if e.get("event") == "user"][-STATUS_EXCHANGE_MESSAGES:]
    described = {Reading.from_entities((e.get("parse_data") or {}).get("entities")).category
                 for e in said} | {tracker.get_slot("report_category")}
    described.discard(None)
    return bool(described) and not any(_same_kind(found.category, told) for told in described)


# Dumped rubbish is waste to one resident and "iets op straat" to another (own try,
# session 44: "rommel naast hun huis" was not the report about a dumped mattress)
_KINDS_MIXED_UP = ({"report_waste_collection", "report_public_space_other"},
                   {"report_waste_collection", "bulky_waste_pickup"},
                   # glass or a branch on the bike path is the road to one resident and "iets
                   # op straat" to another (own try, session 46: "gaat over iets anders")
                   {"report_pavement_road", "report_public_space_other"})


def _same_kind(category: Optional[Text], told: Text) -> bool:
    return category == told or any({category, told} == pair for pair in _KINDS_MIXED_UP)


def _about_an_earlier_report(tracker: Tracker) -> bool:
    """The resident speaks of a report made before ("gemeld", "nog steeds", "hoe staat het"),
    or answers the bot about one: only then is a report looked up by its place. "Kom eens
    kijken naar de graffiti in de Vondelstraat" is a new report, never someone else's."""
    return (mentions_a_report(_said_text(tracker)) or bool(tracker.get_slot(ASKED_SLOT))
            or previous_bot_action(tracker) == "action_report_status")


def _by_case_number(db: Session, case_number: Text) -> Optional[Report]:
    return db.query(Report).filter(Report.case_number == case_number).one_or_none()


def _latest_of(db: Session, sender_id: Optional[Text],
               category: Optional[Text] = None) -> Optional[Report]:
    if not sender_id:
        return None
    query = db.query(Report).filter(Report.sender_id == sender_id, Report.case_number.isnot(None))
    if category:
        query = query.filter(Report.category == category)
    return query.order_by(Report.created_at.desc(), Report.id.desc()).first()


def _status_of(report: Report, sender_id: Optional[Text]) -> ReportStatus:
    own = bool(sender_id) and report.sender_id == sender_id and report.anonymised_at is None
    return ReportStatus(case_number=report.case_number, category=report.category,
                        status=report.status, filed_at=report.created_at,
                        place=report.location_text if own and report.location_text else None,
                        urgent=report.priority == HIGH_PRIORITY, description=report.description,
                        updates=bool(report.wants_updates) if own else None)


def subject_of(found: ReportStatus, domain: DomainDict, tracker: Tracker) -> Text:
    """The category in plain words, with the place for the resident's own report."""
    category = (response_text(domain, f"utter_status_category_{found.category}", tracker)
                or response_text(domain, f"utter_status_category_{DEFAULT_CATEGORY}", tracker))
    if found.place:
        return response_text(domain, "utter_status_subject_with_place", tracker,
                             category=category, place=found.place) or category
    return category


def filed_on(moment: dt.datetime) -> Text:
    """The local date of a stored UTC moment, as 3-3-2026."""
    local = moment.replace(tzinfo=dt.timezone.utc).astimezone(ZoneInfo(profile().timezone))
    return f"{local.day}-{local.month}-{local.year}"


def tell_status(dispatcher: CollectingDispatcher, found: ReportStatus, domain: DomainDict,
                tracker: Tracker) -> None:
    response = f"utter_status_{found.status}"
    if response not in domain.get("responses", {}):
        response = "utter_status_other"
    whose = "utter_status_report_own" if found.own else "utter_status_report_other"
    subject = subject_of(found, domain, tracker)
    utter(dispatcher, response, case_number=found.case_number,
          report=response_text(domain, whose, tracker),
          subject=subject, filed_on=filed_on(found.filed_at),
          handling_time=handling_time(found, domain, tracker))
    if _about_something_else(tracker.latest_message.get("text") or "", found):
        utter(dispatcher, "utter_status_check_the_number", subject=subject)


def _about_something_else(text: Text, found: ReportStatus) -> bool:
    """"M-…: about a broken bench in the park" for a report about the pavement (round r208 of
    session 55: the pavement's status told without a word): the resident names a problem of
    another kind than the report with that number."""
    named = category_of(CASE_NUMBER.sub(" ", text))
    return bool(named and found.category in CATEGORIES and named != found.category)


def handling_time(found: ReportStatus, domain: DomainDict, tracker: Tracker) -> Text:
    """"binnen 10 werkdagen", or the hours promised for a hazard."""
    return handling_time_for(found.category, found.urgent, domain, tracker, found.description)


def handling_days(category: Optional[Text], description: Optional[Text] = None) -> int:
    """Working days for a report: its kind's when it is one handled sooner (a dead animal),
    else its category's."""
    days = profile().reports.handling_days
    kind = quick_kind_of(description or "")
    return days.get(kind or "") or days.get(category or "", DEFAULT_HANDLING_DAYS)


def handling_time_for(category: Optional[Text], urgent: bool, domain: DomainDict,
                      tracker: Tracker, description: Optional[Text] = None) -> Text:
    """The handling time promised for a report of `category` (hours for a hazard)."""
    settings = profile().reports
    if urgent:
        return response_text(domain, "utter_status_within_hours", tracker,
                             handling_hours=settings.hazard_handling_hours)
    return response_text(domain, "utter_status_within_days", tracker,
                         handling_days=handling_days(category, description))


# "hoe staat het met mn melding van die step, nummer 3473" (round r77: the sender's latest
# report, 3474, was told): the short number said as the report's number.
_NAMES_ITS_NUMBER = re.compile(r"\b(?:meldings?nummer|nummer|nr|number|no)\.?:?\s*\d{3,6}\b",
                               re.IGNORECASE)


class ActionReportStatus(Action):
    """Tells the status of a report; asks for the case number when it cannot find one."""

    def name(self) -> Text:
        return "action_report_status"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> List[EventType]:
        text = tracker.latest_message.get("text")
        asked = tracker.get_slot(ASKED_SLOT) or (previous_bot_action(tracker) == self.name()
                                                 and reading_of(tracker).location is None)
        guessed = None if normalise_case_number(text) or not (
            asked or _NAMES_ITS_NUMBER.search(text or "")) else short_case_number(text)
        just_made = asks_about_the_report_just_made(text or "")  # the sender's latest
        no_number = says_number_unknown(text or "")  # "die andere, zonder nummer"
        number = None if guessed or just_made or no_number else case_number_of(tracker)
        if number and _not_found_just_now(tracker, number):
            number = None  # "klopt echt … ging over een losse tegel kerkstraat": by its place
        # "ik heb vorige week een gat in de weg gemeld" just after a waste report: not that one
        described = None if number or guessed else reading_of(tracker).category
        try:
            found = await asyncio.to_thread(find_report, number or guessed, tracker.sender_id,
                                            category=described)
            if found and guessed:  # "802" may be someone else's: never its place
                found = dataclasses.replace(found, place=None)
            if found and reported_by_someone_else(text or ""):  # "De melding", not "Uw"
                found = dataclasses.replace(found, own=False)
        except Exception:  # the store is down: say so, keep the conversation
            logger.exception("Report status lookup failed for conversation %s",
                             tracker.sender_id[:4] + "…")
            utter(dispatcher, "utter_status_unavailable")
            return [SlotSet(ASKED_SLOT, False)]
        if (found and not (number or guessed) and no_number
                and _status_just_told(tracker, found.case_number)):
            found = None  # "mijn andere melding, zonder nummer": not the one just told
        if found and found.place is None and described_otherwise(tracker, found):
            utter(dispatcher, "utter_status_other_subject", case_number=found.case_number)
            return [SlotSet(ASKED_SLOT, False)]  # someone else's report: nothing of it told
        if found and _asks_about_news(tracker):  # "krijg ik een mail als het klaar is?"
            news = {True: "utter_status_news_on", False: "utter_status_news_off",
                    None: "utter_status_news_elsewhere"}[found.updates]
            utter(dispatcher, news, case_number=found.case_number)
            return [SlotSet(ASKED_SLOT, False)]
        if found and not found.urgent and _PRIORITY_ASKED.search(text or ""):
            # "kunt u die melding op spoed zetten, het is gevaarlijk" (round 81): a colleague
            utter(dispatcher, "utter_status_faster")
            return [SlotSet(ASKED_SLOT, False)]
        if found and _asks_when(tracker) and not found.urgent:  # "dus uiterlijk wanneer?"
            utter(dispatcher, "utter_status_due", case_number=found.case_number,
                  due=filed_on(due_date(found)))
            if reading_of(tracker).report_question == "time_of_day":
                utter(dispatcher, "utter_report_question_stay")  # "dan kan ik thuis blijven"
            return [SlotSet(ASKED_SLOT, False)]
        if found and _status_just_told(tracker, found.case_number):
            # "dat is NIET waar, moet ik het opnieuw melden?": not the same text again
            utter(dispatcher, "utter_status_offer_colleague")
            return [SlotSet(ASKED_SLOT, False)]
        if found and not (found.urgent or tracker.active_loop_name) and danger_now_told(tracker):
            # "M-…: het wordt nu echt gevaarlijk, mijn buurvrouw is gevallen" (round r104):
            # passed on for priority, not "binnen 10 werkdagen"
            return [SlotSet(ASKED_SLOT, False), FollowupAction(TAKE_MESSAGE)]
        if found:
            tell_status(dispatcher, found, domain, tracker)
            if not tracker.active_loop_name and asks_again(
                    tracker.latest_message.get("text") or ""):
                utter(dispatcher, "utter_status_offer_colleague")  # "de DERDE keer!!"
            if not tracker.active_loop_name and tells_more_than_the_status(text or ""):
                # "nu ligt er ook glas onder de bank. wat is de status?" (round r86 of
                # session 43): the status now, and what is new for the colleague
                return [SlotSet(ASKED_SLOT, False), FollowupAction(TAKE_MESSAGE)]
            return [SlotSet(ASKED_SLOT, False)]
        in_form = bool(tracker.active_loop_name)  # the place there is the new report's
        street, category = (place_asked_about(tracker)
                            if not (number or in_form) and _about_an_earlier_report(tracker)
                            else (None, None))
        if street and category:
            try:
                found = await asyncio.to_thread(find_report_at, street, category,
                                                said_age_days(_said_text(tracker)))
            except Exception:
                logger.exception("Report lookup by street failed")
        if found:  # no number, but the street (and subject) the resident named
            subject = subject_of(found, domain, tracker)
            utter(dispatcher, "utter_status_found_by_place", street=street, subject=subject)
            tell_status(dispatcher, found, domain, tracker)
            return [SlotSet(ASKED_SLOT, False)]
        if street and previous_bot_action(tracker) == "action_report_status":
            utter(dispatcher, "utter_status_not_found_by_place", street=street)
            return [SlotSet(ASKED_SLOT, False)]  # looked for by its place: no number asked
        return not_found(dispatcher, tracker, number or guessed, domain)


TAKE_MESSAGE = "action_take_message"
# "nu ligt er ook glas", "het stinkt inmiddels": something new about the report
_NEW_NOW = re.compile(r"\b(?:ook|nu|inmiddels|intussen|erger|weer|also|now)\b", re.IGNORECASE)
_ABOUT_THE_REPORT = re.compile(r"\b(?:gemeld|melding\w*|meldingsnummer|nummer|reported|report)\b",
                               re.IGNORECASE)
MIN_NEWS_WORDS = 3
_PARTS = re.compile(r"(?<=[.!?:])\s+")  # "over melding M-…: inmiddels ligt er ook glas"


def danger_now_told(tracker: Tracker) -> bool:
    """The latest message tells that it is dangerous now or that someone got hurt; not a
    hazard reported before ("ik had een omgewaaide boom doorgegeven, hoe staat het?")."""
    reading = reading_of(tracker)
    text = tracker.latest_message.get("text") or ""
    return (reading.injured or says_it_is_dangerous(text)
            or reading.danger == "hazard" and bool(_NEW_NOW.search(text)))


def tells_more_than_the_status(text: Text) -> bool:
    """A statement beside the status question that tells something new about the problem."""
    return any(_NEW_NOW.search(part) and is_description(part)
               and len(part.split()) >= MIN_NEWS_WORDS
               for part in _PARTS.split(text) if "?" not in part
               and not normalise_case_number(part) and not _ABOUT_THE_REPORT.search(part))


def _not_found_just_now(tracker: Tracker, case_number: Text) -> bool:
    """The bot just said it cannot find this number, and the latest message names none."""
    last = next((event for event in reversed(tracker.events) if event.get("event") == "bot"),
                None)
    return (not normalise_case_number(tracker.latest_message.get("text")) and bool(last)
            and (last.get("metadata") or {}).get("utter_action") == "utter_status_unknown_number"
            and case_number in (last.get("text") or ""))


def _status_just_told(tracker: Tracker, case_number: Text) -> bool:
    """The bot's answer before the latest message was this report's status."""
    if previous_bot_action(tracker) != "action_report_status":
        return False
    last = next((event for event in reversed(tracker.events) if event.get("event") == "bot"),
                None)
    return bool(last) and (last.get("metadata") or {}).get("utter_action", "").startswith(
        "utter_status_") and case_number in (last.get("text") or "")


# The resident asks for the report to go first ("op spoed zetten", "met voorrang").
_PRIORITY_ASKED = re.compile(r"\b(?:op spoed|met spoed|spoed van maken|met voorrang|voorrang "
                             r"(?:geven|krijgen)|urgent maken|prioriteit|more urgent|priority)\b",
                             re.IGNORECASE)


def _asks_when(tracker: Tracker) -> bool:
    """Right after a status: by when exactly?"""
    return (previous_bot_action(tracker) == "action_report_status"
            and reading_of(tracker).report_question in ("duration", "time_of_day", "faster"))


def due_date(found: ReportStatus) -> dt.datetime:
    """The day the handling time ends: the working days counted from the filing day."""
    day, left = found.filed_at, handling_days(found.category, found.description)
    while left > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:  # Monday to Friday
            left -= 1
    return day


def _asks_about_news(tracker: Tracker) -> bool:
    """Right after a status: will the resident hear when it is done?"""
    return (previous_bot_action(tracker) == "action_report_status"
            and reading_of(tracker).report_question == "next_steps")


def not_found(dispatcher: CollectingDispatcher, tracker: Tracker,
              number: Optional[Text], domain: Optional[DomainDict] = None) -> List[EventType]:
    """An unknown number: check it. No number: ask for it once, then point to a person; a
    question how long such a report takes is answered for the kind of problem told."""
    in_form = bool(tracker.active_loop_name)
    if number:
        utter(dispatcher, "utter_status_unknown_number", case_number=number)
        return [SlotSet(ASKED_SLOT, not in_form)]
    category = _kind_told(tracker)
    if (not in_form and domain is not None and category
            and reading_of(tracker).report_question == "duration"):
        # "ok dan bel ik wel. hoelang duurt zoiets normaal eigenlijk?" (round r102: the
        # number asked again): how long such a report usually takes
        utter(dispatcher, "utter_report_question_duration",
              handling_time=handling_time_for(category, False, domain, tracker))
        return [SlotSet(ASKED_SLOT, False)]
    if in_form:
        utter(dispatcher, "utter_status_ask_number_later")
        return [SlotSet(ASKED_SLOT, False)]
    if not tracker.get_slot(ASKED_SLOT) and waited_too_long(tracker):
        utter(dispatcher, "utter_status_ack_waiting")  # "al 3 weken niks gehoord" (round r104)
    if tracker.get_slot(ASKED_SLOT) or says_number_unknown(
            tracker.latest_message.get("text") or ""):
        utter(dispatcher, "utter_status_number_missing")
        return [SlotSet(ASKED_SLOT, False)]
    utter(dispatcher, "utter_status_ask_number")
    return [SlotSet(ASKED_SLOT, True)]


# "waarom duurt het zo lang", "nog steeds niks gehoord", "hij doet het nog steeds niet"
_WAITED = re.compile(r"\bwaarom duurt\b|\bzo (?:ontzettend |verschrikkelijk )?lang\b"
                     r"|\b(?:nog steeds|nog altijd)\b|\b(?:niks|niets) (?:meer )?(?:van \w+ )?"
                     r"gehoord\b|\bstill (?:not|nothing|no)\b|\bso long\b|\bnever heard\b",
                     re.IGNORECASE)


def waited_too_long(tracker: Tracker) -> bool:
    """The resident says the report takes too long or the problem is still there."""
    text = tracker.latest_message.get("text") or ""
    reading = reading_of(tracker)
    return reading.long_standing or reading.repeated or bool(_WAITED.search(text)) or (
        is_displeased(text))


class ActionStatusDisputed(ProfileAction):
    """"Dat is niet mijn melding" after a status answer: sorry, and a colleague or the phone
    (bot.policies.ReadingPolicy), not the same answer again."""

    def name(self) -> Text:
        return "action_status_disputed"

    def response_for(self, tracker: Tracker, domain: DomainDict) -> Text:
        return "utter_status_disputed"

