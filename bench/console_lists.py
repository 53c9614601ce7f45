"""`make bench-lists`: the console's lists with a year of conversations.

Seeds a SQLite tracker database with CONVERSATIONS conversations of EVENTS_EACH events
each (100,000 and 2 million by default) through the same code that keeps the conversation
table up to date when Rasa saves events, starts the console on a loopback port, and asks
it for the overview (first page, a deep page, a search, a filter), the queue and a
conversation page, ROUNDS times each. Prints p50/p95 and appends a section to
bench/RESULTS.md (goal: p95 < 200 ms each). Bounded: it stops by itself.

    PYTHONPATH=. .venv/bin/python bench/console_lists.py [--conversations 100000]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Dict, List

from sqlalchemy import create_engine, text

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from bot.worklist.record import record  # noqa: E402
from bot.worklist.table import analyze, ensure_table  # noqa: E402
from tests.console_client import ConsoleUser  # noqa: E402
from tests.services import free_port  # noqa: E402

GOAL_MS = 200
ROUNDS = 40
BATCH = 1000
YEAR = 365 * 24 * 3600
CHANNELS = ["whatsapp", "webchat", "telegram", "sms", "facebook"]
WORDS = ["container", "paspoort", "rijbewijs", "afval", "stoeptegel", "lantaarnpaal",
         "parkeervergunning", "geluidsoverlast", "boom", "gat", "verhuizing", "uitkering"]
TEAMS = ["burgerzaken", "afval", "openbare_ruimte"]
PASSWORD = "een-lang-wachtwoord-42"
EVENTS_DDL = ("CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) "
              "NOT NULL, type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name "
              "VARCHAR(255), action_name VARCHAR(255), data TEXT)")


def conversation(rng: random.Random, number: int, events: int, now: float) -> List[Dict]:
    """A resident's turns: what they wrote, the bot's action and answer, listening."""
    start = now - rng.random() * YEAR
    channel = rng.choice(CHANNELS)
    found, at = [], start
    for turn in range(events // 4):
        word = rng.choice(WORDS)
        wants_human = turn == 2 and number % 50 == 0
        intent = "ask_human" if wants_human else "report_" + word
        found += [
            {"event": "user", "timestamp": at, "text": f"Vraag {number} over de {word} {turn}",
             "input_channel": channel, "parse_data": {"intent": {"name": intent}}},
            {"event": "action", "timestamp": at + 0.1,
             "name": "action_contact_human" if wants_human else "utter_" + word},
            {"event": "bot", "timestamp": at + 0.2, "text": f"Antwoord over de {word}"},
            {"event": "action", "timestamp": at + 0.3, "name": "action_listen"}]
        at += rng.random() * 120
    if number % 10 == 0:
        found.append({"event": "slot", "timestamp": at, "name": "report_case_number",
                      "value": f"SIG-{number:06d}"})
    return found[:events]


def seed(url: str, conversations: int, events_each: int) -> float:
    """Events and rows for `conversations` conversations; seconds taken."""
    began, rng, now = time.monotonic(), random.Random(17), time.time()
    engine = create_engine(url, future=True)
    with engine.begin() as connection:
        connection.execute(text(EVENTS_DDL))
        connection.execute(text("CREATE INDEX IF NOT EXISTS ix_events_sender_id "
                                "ON events (sender_id)"))
    ensure_table(engine)
    for first in range(0, conversations, BATCH):
        with engine.begin() as connection:
            rows, made = [], []
            for number in range(first, min(first + BATCH, conversations)):
                sender, events = f"bench-{number:06d}", conversation(rng, number, events_each, now)
                made.append((sender, events))
                rows += [{"sender_id": sender, "type_name": e["event"], "timestamp": e["timestamp"],
                          "intent_name": None, "action_name": e.get("name"),
                          "data": json.dumps(e)} for e in events]
            connection.execute(text(
                "INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, "
                "data) VALUES (:sender_id, :type_name, :timestamp, :intent_name, :action_name, "
                ":data)"), rows)
            for sender, events in made:
                record(connection, sender, events)
        if first % 10_000 == 0:
            print(f"  {first:,} ...", flush=True)
    _lifecycle(engine, now)
    analyze(engine)  # as the console does hourly
    return time.monotonic() - began


def _lifecycle(engine, now: float) -> None:
    """Most of a year's conversations are resolved; some are in teams, with colleagues."""
    with engine.begin() as connection:
        connection.execute(text(
            "UPDATE conversations SET status = 'resolved', outcome = 'beantwoord', "
            "resolved_at = last_activity, waiting_since = NULL, trigger_since = NULL "
            "WHERE last_activity < :week AND substr(sender_id, -1) != '0'"),
            {"week": now - 7 * 24 * 3600})
        for number, team in enumerate(TEAMS):
            connection.execute(text(
                "UPDATE conversations SET team = :team, assignee_id = :user, "
                "assigned_to = :name, assigned_at = last_activity "
                "WHERE substr(sender_id, -2, 1) = :digit"),
                {"team": team, "user": number + 1, "name": f"Collega {number + 1}",
                 "digit": str(number)})


def start_console(folder: Path, tracker_db: Path) -> tuple:
    endpoints = folder / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: bot.tracker_store.TrackerStore\n"
                         f"  dialect: sqlite\n  db: {tracker_db}\n")
    reports = f"sqlite:///{folder / 'reports.db'}"
    env = {**os.environ, "GA_DATABASE_URL": reports, "PYTHONPATH": str(ROOT)}
    python = sys.executable
    subprocess.run([python, "-m", "console", "add-user", "bench", "--initials", "BE",
                    "--role", "agent", "--password-stdin"], input=PASSWORD + "\n", env=env,
                   check=True, capture_output=True, text=True, cwd=ROOT)
    port = free_port()
    process = subprocess.Popen([python, "-m", "console", "serve", "--host", "127.0.0.1",
                                "--port", str(port), "--endpoints", str(endpoints)],
                               env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=open(folder / "console.log", "w"))
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/console/health", timeout=2).read()
            return process, base
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("the console did not start; see console.log")


def measure(user: ConsoleUser, path: str, rounds: int) -> List[float]:
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        status, _ = user.get(path)
        times.append((time.perf_counter() - began) * 1000)
        assert status == 200, (path, status)
    return times


def in_process(url: str, sender: str) -> Dict[str, List[float]]:
    """The database part alone (no HTTP, login, other tables or template), same pages."""
    from console import lists
    from console.conversations import transcript

    calls = {"overview": lambda: lists.overview(url, lists.Filters()),
             "overview, page 1000": lambda: lists.overview(url, lists.Filters(page=1000)),
             "overview, search 'paspoort 4711'":
                 lambda: lists.overview(url, lists.Filters(q="paspoort 4711")),
             "overview, filter open + team + channel": lambda: lists.overview(
                 url, lists.Filters(status="open", team="afval", channel="whatsapp")),
             "queue": lambda: lists.queue(url, {}),
             "conversation page (row and transcript)":
                 lambda: (lists.one(url, sender), transcript(url, sender))}
    results = {}
    for name, call in calls.items():
        call()
        results[name] = []
        for _ in range(ROUNDS):
            began = time.perf_counter()
            call()
            results[name].append((time.perf_counter() - began) * 1000)
    return results


def table(results: Dict[str, List[float]]) -> List[str]:
    lines = ["| page | p50 ms | p95 ms | goal |", "|---|---|---|---|"]
    for name, times in results.items():
        p50 = statistics.median(times)
        p95 = statistics.quantiles(times, n=20)[18]
        lines.append(f"| {name} | {p50:.1f} | {p95:.1f} | "
                     f"{'met' if p95 < GOAL_MS else 'NOT met'} |")
    return lines


def report(results: Dict[str, List[float]], database: Dict[str, List[float]],
           conversations: int, events: int, seconds: float, load: tuple) -> str:
    lines = [f"## Console lists ({dt.date.today().isoformat()})", "",
             f"{conversations:,} conversations, {events:,} events (SQLite tracker database), "
             f"seeded through the conversation table's save path"
             f"{f' in {seconds:.0f} s' if seconds else ''}. "
             f"{ROUNDS} requests each over HTTP on loopback, one at a time; goal p95 < "
             f"{GOAL_MS} ms. Load average of the machine (2 cores, shared) before and "
             f"after: {load[0]:.1f} and {load[1]:.1f}.", ""]
    lines += table(results)
    lines += ["", "The database part alone (in process, the same queries):", ""]
    lines += table(database)
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--events-each", type=int, default=20)
    parser.add_argument("--no-write", action="store_true", help="do not touch RESULTS.md")
    parser.add_argument("--database", type=Path,
                        help="keep the seeded tracker database here; reuse it when it exists")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-lists-") as folder:
        folder = Path(folder)
        tracker_db = args.database or folder / "tracker.db"
        seconds = 0.0
        if not tracker_db.exists():
            print(f"seeding {args.conversations:,} conversations ...", flush=True)
            seconds = seed(f"sqlite:///{tracker_db}", args.conversations, args.events_each)
        with create_engine(f"sqlite:///{tracker_db}").connect() as connection:
            events = connection.execute(text("SELECT COUNT(*) FROM events")).scalar()
            conversations = connection.execute(text("SELECT COUNT(*) FROM conversations")
                                               ).scalar()
            waiting = connection.execute(text(
                "SELECT sender_id FROM conversations WHERE waiting_since IS NOT NULL "
                "ORDER BY waiting_since LIMIT 1")).scalar()
        process, base = start_console(folder, tracker_db)
        try:
            user = ConsoleUser(base, "bench", PASSWORD)
            pages = {"overview": "/console/",
                     "overview, page 1000": "/console/?pagina=1000",
                     "overview, search 'paspoort 4711'": "/console/?q=paspoort+4711",
                     "overview, search case number": "/console/?q=SIG-012340",
                     "overview, filter open + team + channel":
                         "/console/?status=open&team=afval&channel=whatsapp",
                     "queue (live update)": "/console/partials/overview",
                     "queue, waiting only": "/console/?waiting=1",
                     "conversation page": f"/console/conversations/{waiting}"}
            results, load = {}, [os.getloadavg()[0]]
            for name, path in pages.items():
                measure(user, path, 3)  # warm up
                results[name] = measure(user, path, ROUNDS)
        finally:
            process.terminate()
            process.wait(timeout=30)
        database = in_process(f"sqlite:///{tracker_db}", waiting)
        load.append(os.getloadavg()[0])
    section = report(results, database, conversations, events, seconds, tuple(load))
    print(section)
    if not args.no_write:
        _append(section)


def _append(section: str) -> None:
    """Replace an earlier console-lists section, or add one."""
    results = HERE / "RESULTS.md"
    current = results.read_text(encoding="utf-8") if results.exists() else ""
    current = re.sub(r"\n## Console lists .*?(?=\n## |\Z)", "", current, flags=re.S)
    results.write_text(current.rstrip("\n") + "\n\n" + section, encoding="utf-8")


if __name__ == "__main__":
    main()
