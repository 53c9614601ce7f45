"""Runs the resident conversation benchmark against a running stack and checks expectations.

A conversation is an opening message plus a resident who answers whatever the bot asks:
after every message the runner reads the tracker, and when a form asks for a slot the
resident answers from `answers`. The YAML format is described in `__init__.py`.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import statistics
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
GOALS_FILE = HERE / "goals.yml"
GROUPS = ("emergency", "hazards", "places", "typed_answers", "questions", "status",
          "languages", "privacy", "description", "handover", "happy")
CASE_NUMBER = re.compile(r"M-\d{4}-\d{6}")
GENERIC_WHERE = "utter_ask_report_location"
HANDOVER_MARKERS = ("utter_contact_", "human", "handover", "colleague", "callback")
DEFAULT_MAX_TURNS = 10
# Used inside a form when neither the slot nor `other` has an answer.
DEFAULT_ANSWERS = {"report_photo": "nee", "report_updates": "nee", "report_contact": "nee",
                   "report_confirmed": "ja"}
LANGUAGE_WORDS = {
    "en": ("your", "please", "report", "thank", "you can", "would you"),
    "tr": ("lütfen", "teşekkür", "bildirim", "nerede", "sizin"),
    "pl": ("proszę", "dziękuj", "zgłoszeni", "gdzie", "pana", "pani"),
    "nl": ("u kunt", "uw melding", "bedankt", "graag gedaan"),
}
ARABIC_LETTERS = re.compile(r"[\u0600-\u06FF]")

CONVERSATION_KEYS = {"name", "opening", "answers", "then", "max_turns", "expect",
                     "opening_has_what_and_where", "given_reports"}
EXPECT_KEYS = {"first_reply_contains", "any_reply_contains", "no_reply_contains",
               "generic_where_at_most", "case_number_within", "no_case_number", "filed",
               "handover", "reply_language"}
FILED_KEYS = {"count", "location_contains", "description_contains", "description_excludes"}
GIVEN_REPORT_KEYS = {"case_number", "description", "location", "status", "days_ago",
                     "category"}


# --------------------------------------------------------------------------- loading

@dataclass
class Conversation:
    """One scripted resident, read from a group file."""

    group: str
    name: str
    opening: str
    answers: dict[str, list[str]]
    then: list[str]
    max_turns: int
    expect: dict[str, Any]
    what_and_where: bool = False
    given_reports: list[dict[str, Any]] = field(default_factory=list)


def _as_list(value: Any) -> list[str]:
    return [str(item) for item in value] if isinstance(value, list) else [str(value)]


def _check_keys(found: Iterable[str], allowed: set[str], where: str) -> None:
    unknown = set(found) - allowed
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")


def _check_given_report(report: dict[str, Any], where: str) -> None:
    """Seeded case numbers stay clear of the numbers the bot gives out this year."""
    _check_keys(report, GIVEN_REPORT_KEYS, where)
    year, number = report["case_number"].split("-")[1:]
    if int(year) >= dt.date.today().year and int(number) < 500000:
        raise ValueError(f"{where}: a given report of this year needs a number >= 500000")


def parse_conversation(group: str, raw: dict[str, Any]) -> Conversation:
    """A conversation from its YAML mapping; unknown keys are an error."""
    where = f"{group}/{raw.get('name')}"
    _check_keys(raw, CONVERSATION_KEYS, where)
    expect = raw.get("expect") or {}
    _check_keys(expect, EXPECT_KEYS, where)
    _check_keys(expect.get("filed") or {}, FILED_KEYS, where)
    for report in raw.get("given_reports") or []:
        _check_given_report(report, where)
    return Conversation(
        group=group, name=str(raw["name"]), opening=str(raw["opening"]),
        answers={slot: _as_list(v) for slot, v in (raw.get("answers") or {}).items()},
        then=_as_list(raw.get("then") or []), expect=expect,
        max_turns=int(raw.get("max_turns", DEFAULT_MAX_TURNS)),
        what_and_where=bool(raw.get("opening_has_what_and_where", False)),
        given_reports=list(raw.get("given_reports") or []))


def load_conversations(folder: Path = HERE, group: str | None = None,
                       name: str | None = None) -> list[Conversation]:
    """All conversations of the group files, optionally one group or names containing `name`."""
    conversations: list[Conversation] = []
    for path in sorted(folder.glob("*.yml")):
        if path.name == GOALS_FILE.name:
            continue
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        if group and document["group"] != group:
            continue
        conversations += [parse_conversation(document["group"], raw)
                          for raw in document["conversations"]]
    if name:
        conversations = [c for c in conversations if name.lower() in c.name.lower()]
    return conversations


def load_goals(path: Path = GOALS_FILE) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- the bot

@dataclass
class BotClient:
    """The web chat webhook and Rasa's tracker API of one running stack."""

    url: str
    token: str
    timeout: float = 60
    tokens: dict[str, str] = field(default_factory=dict)  # web chat id: its token

    def session(self) -> dict[str, str]:
        """A web chat id and its token, issued by the server as to the page."""
        request = urllib.request.Request(f"{self.url}/webhooks/webchat/session", data=b"",
                                         method="POST")
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            issued = json.load(response)
        self.tokens[issued["sender"]] = issued["token"]
        return issued

    def send(self, sender: str, message: str) -> list[dict[str, Any]]:
        body = json.dumps({"sender": sender, "message": message}).encode()
        request = urllib.request.Request(f"{self.url}/webhooks/webchat/webhook", data=body,
                                         headers={"Content-Type": "application/json",
                                                  "X-Chat-Token": self.tokens[sender]})
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            replies = json.load(response)
        return replies if isinstance(replies, list) else [replies]

    def tracker(self, sender: str) -> dict[str, Any]:
        query = urllib.parse.urlencode({"token": self.token})
        url = f"{self.url}/conversations/{sender}/tracker?{query}"
        with urllib.request.urlopen(url, timeout=self.timeout) as response:
            return json.load(response)


def stored_location(report: Any) -> str:
    """The location text plus the parsed street, number and postcode it does not repeat."""
    text = report.location_text or ""
    extra = [part for part in (report.street, report.house_number, report.postcode)
             if part and part not in text]
    return " ".join([text] + extra).strip()


@dataclass
class ReportStore:
    """The stack's report database: seeds given reports and reads what a sender filed."""

    url: str

    def filed_by(self, sender: str, seeded: set[str]) -> list[dict[str, Any]]:
        from bot.reports import db
        from bot.reports.models import Report

        with db.session(self.url) as session:
            rows = session.query(Report).filter_by(sender_id=sender).all()
            return [{"case_number": r.case_number, "description": r.description or "",
                     "location": stored_location(r)}
                    for r in rows if r.case_number not in seeded]

    def seed(self, sender: str, given: dict[str, Any]) -> None:
        """Insert or refresh one earlier report of this resident."""
        from bot.reports import db
        from bot.reports.models import Report

        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        created = now - dt.timedelta(days=int(given.get("days_ago", 7)))
        with db.session(self.url) as session:
            report = session.query(Report).filter_by(case_number=given["case_number"]).first()
            if report is None:
                report = Report(case_number=given["case_number"], channel="webchat",
                                idempotency_key=uuid.uuid4().hex)
                session.add(report)
            report.category = given.get("category", "report_public_space_other")
            report.description = given.get("description", "melding")
            report.location_text = given.get("location", "Dorpsstraat")
            report.status = given.get("status", "in_behandeling")
            report.sender_id, report.created_at, report.updated_at = sender, created, created


# --------------------------------------------------------------------------- talking

@dataclass
class Turn:
    """One resident message and what the bot did in reply."""

    message: str
    answering: str
    replies: list[str]
    actions: list[str]
    buttons: bool = False

    def new_case_numbers(self, known: set[str]) -> list[str]:
        return [n for n in CASE_NUMBER.findall("\n".join(self.replies)) if n not in known]


@dataclass
class Result:
    """A finished conversation: its transcript, failed expectations and numbers."""

    conversation: Conversation
    sender: str
    turns: list[Turn]
    failures: list[str]
    case_turn: int | None
    filed: list[dict[str, Any]]
    error: str | None = None

    @property
    def passed(self) -> bool:
        return not self.failures and self.error is None


@dataclass
class Resident:
    """Picks the resident's next message from the bot's state and the script."""

    conversation: Conversation
    used: dict[str, int] = field(default_factory=dict)
    then_left: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.then_left = list(self.conversation.then)

    def answer(self, slot: str) -> tuple[str, str]:
        answers = self.conversation.answers
        key = slot if slot in answers else "other"
        options = answers.get(key) or [DEFAULT_ANSWERS.get(slot, "ok")]
        index = self.used.get(key, 0)
        self.used[key] = index + 1
        return options[min(index, len(options) - 1)], key

    def next_message(self, state: dict[str, Any], filed: int,
                     last: Turn) -> tuple[str, str] | None:
        """(message, what it answers), or None when the resident has nothing left to say.

        A form's question is answered first, then `then` is said; `other` answers a
        question outside a form until a report is filed (or all expected reports are).
        """
        if (state.get("active_loop") or {}).get("name"):
            return self.answer(state.get("slots", {}).get("requested_slot") or "other")
        if self.then_left:
            return self.then_left.pop(0), "then"
        wanted = (self.conversation.expect.get("filed") or {}).get("count", 1)
        other = self.conversation.answers.get("other", [])
        if (filed < wanted and asked_something(last)
                and self.used.get("other", 0) < len(other)):
            return self.answer("other")
        return None


def asked_something(turn: Turn) -> bool:
    return turn.buttons or any("?" in text for text in turn.replies)


def bot_actions(tracker: dict[str, Any]) -> list[str]:
    """The response key (or action name) of every bot message, in order."""
    return [str((e.get("metadata") or {}).get("utter_action") or "")
            for e in tracker.get("events", []) if e.get("event") == "bot"]


def executed_actions(tracker: dict[str, Any]) -> list[str]:
    return [str(e.get("name")) for e in tracker.get("events", []) if e.get("event") == "action"]


@dataclass
class Chat:
    """One conversation in progress: the transcript and the case numbers given so far."""

    client: BotClient
    sender: str
    known: set[str]  # case numbers the resident typed or had before: not new ones
    turns: list[Turn] = field(default_factory=list)
    tracker: dict[str, Any] = field(default_factory=dict)
    cases: list[str] = field(default_factory=list)
    case_turn: int | None = None

    def say(self, text: str, answering: str) -> Turn:
        """Send one resident message; record the replies and the response keys used."""
        self.known.update(CASE_NUMBER.findall(text))
        replies = self.client.send(self.sender, text)
        seen = len(bot_actions(self.tracker))
        self.tracker = self.client.tracker(self.sender)
        turn = Turn(text, answering, [seen_text(r) for r in replies],
                    bot_actions(self.tracker)[seen:], any(r.get("buttons") for r in replies))
        self.turns.append(turn)
        new = [n for n in turn.new_case_numbers(self.known) if n not in self.cases]
        if new and self.case_turn is None:
            self.case_turn = len(self.turns)
        self.cases += new
        return turn


def seen_text(reply: dict[str, Any]) -> str:
    """A reply as the resident sees it: its text and the titles of its buttons."""
    titles = [str(b.get("title", "")) for b in reply.get("buttons") or []]
    return str(reply.get("text", "")) + (f" [{' | '.join(titles)}]" if titles else "")


def talk(client: BotClient, store: ReportStore | None,
         conversation: Conversation) -> Result:
    """Play one conversation to its end and evaluate it."""
    sender = client.session()["sender"]  # issued by the server, as to the page
    seeded = {g["case_number"] for g in conversation.given_reports}
    for given in conversation.given_reports if store else []:
        store.seed(sender, given)
    chat, resident = Chat(client, sender, set(seeded)), Resident(conversation)
    message: tuple[str, str] | None = (conversation.opening, "opening")
    try:
        while message is not None and len(chat.turns) < conversation.max_turns:
            turn = chat.say(*message)
            message = resident.next_message(chat.tracker, len(chat.cases), turn)
    except (OSError, ValueError) as error:
        return Result(conversation, sender, chat.turns, [], chat.case_turn, [],
                      error=repr(error))
    filed = store.filed_by(sender, seeded) if store else []
    failures = evaluate(conversation, chat.turns, chat.tracker, chat.case_turn, filed,
                        chat.known)
    return Result(conversation, sender, chat.turns, failures, chat.case_turn, filed)


# --------------------------------------------------------------------------- checks

def _lower(texts: Iterable[str]) -> str:
    return "\n".join(texts).casefold()


def _contains_any(text: str, needles: Sequence[str]) -> bool:
    return any(str(n).casefold() in text for n in needles)


def _matches(text: str, entry: str) -> bool:
    """An entry matches when any of its |-separated alternatives is in the text."""
    return any(alt.strip().casefold() in text.casefold() for alt in str(entry).split("|"))


def replied_in(language: str, replies: list[str]) -> bool:
    if language == "ar":
        return any(ARABIC_LETTERS.search(r) for r in replies)
    return _contains_any(_lower(replies), LANGUAGE_WORDS[language])


def is_handover(tracker: dict[str, Any]) -> bool:
    """An ask-human or contact response or action was used (topic buttons do not count)."""
    names = [n for n in bot_actions(tracker) + executed_actions(tracker)
             if not n.startswith("utter_topic_")]
    return any(marker in name for name in names for marker in HANDOVER_MARKERS)


def check_replies(expect: dict[str, Any], turns: list[Turn]) -> list[str]:
    """Expectations on the text of the bot's replies."""
    failures: list[str] = []
    first = _lower(turns[0].replies) if turns else ""
    everything = _lower(r for t in turns for r in t.replies)
    if "first_reply_contains" in expect and not _contains_any(
            first, expect["first_reply_contains"]):
        failures.append(f"first_reply_contains {expect['first_reply_contains']}")
    if "any_reply_contains" in expect and not _contains_any(
            everything, expect["any_reply_contains"]):
        failures.append(f"any_reply_contains {expect['any_reply_contains']}")
    echoed = [n for n in expect.get("no_reply_contains", []) if str(n).casefold() in everything]
    if echoed:
        failures.append(f"no_reply_contains: found {echoed}")
    language = expect.get("reply_language")
    if language and not replied_in(language, [r for t in turns for r in t.replies]):
        failures.append(f"reply_language {language}")
    return failures


def check_flow(expect: dict[str, Any], tracker: dict[str, Any], case_turn: int | None,
               turns: list[Turn], known: set[str]) -> list[str]:
    """Expectations on the questions asked, case numbers and the handover."""
    failures: list[str] = []
    where_count = bot_actions(tracker).count(GENERIC_WHERE)
    if where_count > expect.get("generic_where_at_most", 99):
        failures.append(f"generic_where_at_most {expect['generic_where_at_most']}: "
                        f"asked {where_count}x")
    if "case_number_within" in expect and (
            case_turn is None or case_turn > expect["case_number_within"]):
        failures.append(f"case_number_within {expect['case_number_within']}: got {case_turn}")
    if expect.get("no_case_number") and any(t.new_case_numbers(known) for t in turns):
        failures.append("no_case_number: a case number was given")
    if "handover" in expect and is_handover(tracker) != bool(expect["handover"]):
        failures.append(f"handover {expect['handover']}")
    return failures


def check_filed(expect: dict[str, Any], filed: list[dict[str, Any]]) -> list[str]:
    """Expectations on the reports stored for this resident."""
    failures: list[str] = []
    if expect.get("no_case_number") and filed:
        failures.append(f"no_case_number: {len(filed)} report(s) stored")
    wanted = expect.get("filed")
    if not wanted:
        return failures
    if "count" in wanted and len(filed) != wanted["count"]:
        failures.append(f"filed.count {wanted['count']}: stored {len(filed)}")
    locations = " / ".join(r["location"] for r in filed)
    descriptions = " / ".join(r["description"] for r in filed)
    for key, text in (("location_contains", locations), ("description_contains", descriptions)):
        missing = [e for e in wanted.get(key, []) if not _matches(text, e)]
        if missing:
            failures.append(f"filed.{key} {missing}: stored {text!r}")
    free_text = f"{descriptions} / {locations}"  # personal data must be in neither
    leaked = [e for e in wanted.get("description_excludes", []) if _matches(free_text, e)]
    if leaked:
        failures.append(f"filed.description_excludes {leaked}: stored {free_text!r}")
    return failures + check_one_problem_each(wanted, filed)


def check_one_problem_each(wanted: dict[str, Any], filed: list[dict[str, Any]]) -> list[str]:
    """With several reports expected, no report describes more than one of the problems."""
    entries = wanted.get("description_contains", [])
    if wanted.get("count", 1) < 2 or len(entries) < 2:
        return []
    mixed = [r["case_number"] for r in filed
             if sum(_matches(r["description"], e) for e in entries) > 1]
    return [f"filed: one problem per report, but {mixed} hold several"] if mixed else []


def evaluate(conversation: Conversation, turns: list[Turn], tracker: dict[str, Any],
             case_turn: int | None, filed: list[dict[str, Any]],
             known: set[str]) -> list[str]:
    """Every failed expectation of a finished conversation, as short lines."""
    expect = conversation.expect
    return (check_replies(expect, turns) + check_flow(expect, tracker, case_turn, turns, known)
            + check_filed(expect, filed))


# --------------------------------------------------------------------------- the suite

def run_suite(client: BotClient, store: ReportStore | None,
              conversations: list[Conversation], workers: int = 4) -> list[Result]:
    """Every conversation, a few at a time, in the order given."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda c: talk(client, store, c), conversations))


def pass_rates(results: list[Result]) -> dict[str, tuple[int, int]]:
    """(passed, total) per group, in the order of GROUPS."""
    rates: dict[str, tuple[int, int]] = {}
    for group in GROUPS + tuple(sorted({r.conversation.group for r in results} - set(GROUPS))):
        mine = [r for r in results if r.conversation.group == group]
        if mine:
            rates[group] = (sum(r.passed for r in mine), len(mine))
    return rates


def median_turns(results: list[Result], what_and_where: bool) -> float | None:
    """Median resident turns to a case number over conversations that expect one;
    a conversation that never got one counts as infinitely long."""
    turns = [r.case_turn if r.case_turn is not None else float("inf") for r in results
             if "case_number_within" in r.conversation.expect
             and r.conversation.what_and_where == what_and_where]
    return statistics.median(turns) if turns else None


def format_median(value: float | None) -> str:
    if value is None:
        return "-"
    return "never" if value == float("inf") else f"{value:g}"


def summary_table(results: list[Result], goals: dict[str, Any] | None = None) -> str:
    """Pass rates per group and overall, and the two medians, as a Markdown table."""
    goal_rates = (goals or {}).get("pass_rate", {})
    lines = ["| group | passed | total | rate | goal |", "|---|---:|---:|---:|---:|"]
    for group, (passed, total) in pass_rates(results).items():
        goal = goal_rates.get(group)
        lines.append(f"| {group} | {passed} | {total} | {passed / total:.0%} | "
                     f"{'-' if goal is None else f'{goal:.0%}'} |")
    passed = sum(r.passed for r in results)
    lines.append(f"| **all** | {passed} | {len(results)} | "
                 f"{passed / max(len(results), 1):.0%} | |")
    medians = (goals or {}).get("median_turns_to_case_number", {})
    rows = (("what and where in the opening", True, "what_and_where_in_opening"),
            ("other conversations", False, "other"))
    lines += ["", "| median resident turns to a case number | turns | goal |", "|---|---:|---:|"]
    lines += [f"| {label} | {format_median(median_turns(results, flag))} | "
              f"{medians.get(key, '-')} |" for label, flag, key in rows]
    return "\n".join(lines)


def transcript(result: Result) -> str:
    """The conversation as plain lines: resident messages, bot replies and response keys."""
    lines = []
    for number, turn in enumerate(result.turns, 1):
        lines.append(f"{number}. resident ({turn.answering}): {turn.message}")
        for reply in turn.replies:
            lines.append("   bot: " + reply.replace("\n", " "))
        lines.append(f"   [{', '.join(a or '-' for a in turn.actions)}]")
    if result.filed:
        lines.append("   stored: " + "; ".join(f"{r['case_number']} {r['description']!r} @ "
                                             f"{r['location']!r}" for r in result.filed))
    return "\n".join(lines)


def failure_report(results: list[Result]) -> str:
    """Each failed conversation with what failed and its transcript."""
    parts = []
    for result in (r for r in results if not r.passed):
        reasons = result.failures + ([f"error: {result.error}"] if result.error else [])
        parts.append(f"### {result.conversation.group}: {result.conversation.name}\n\n"
                     + "\n".join(f"- {reason}" for reason in reasons)
                     + f"\n\n```text\n{transcript(result)}\n```\n")
    return "\n".join(parts) or "None.\n"


def markdown(results: list[Result], goals: dict[str, Any] | None = None) -> str:
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    return (f"# Resident conversations\n\nMeasured {stamp} on {len(results)} conversations "
            f"(`make converse`).\n\n{summary_table(results, goals)}\n\n"
            f"## Failures\n\n{failure_report(results)}")


def write_markdown(results: list[Result], path: Path,
                   goals: dict[str, Any] | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(markdown(results, goals), encoding="utf-8")
    return path
