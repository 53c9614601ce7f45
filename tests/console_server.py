"""A console of its own for a test module: no Rasa, no trained model, a SQLite tracker
store the test writes events into, on a free loopback port."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, Optional

from sqlalchemy import create_engine, text

from bot.reports.db import migrate
from bot.settings import ROOT
from tests.services import free_port

EVENTS_TABLE = ("CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, sender_id TEXT, "
                "type_name TEXT, timestamp REAL, intent_name TEXT, action_name TEXT, "
                "data TEXT)")


@dataclass
class Console:
    base: str
    db_url: str
    tracker_url: str
    folder: Path

    def add_event(self, sender: str, kind: str, at: Optional[float] = None,
                  intent: Optional[str] = None, action: Optional[str] = None,
                  **data: Any) -> None:
        """One event as Rasa's SQL tracker store keeps it."""
        with create_engine(self.tracker_url).begin() as connection:
            connection.execute(text(EVENTS_TABLE))
            connection.execute(text(
                "INSERT INTO events (sender_id, type_name, timestamp, intent_name, "
                "action_name, data) VALUES (:sender, :kind, :at, :intent, :action, :data)"),
                {"sender": sender, "kind": kind, "at": at or time.time(), "intent": intent,
                 "action": action, "data": json.dumps({"event": kind, **data})})


@contextmanager
def running_console(folder: Path, env: Optional[Dict[str, str]] = None,
                    port: Optional[int] = None) -> Iterator[Console]:
    db_url = f"sqlite:///{folder / 'reports.db'}"
    migrate(db_url)
    tracker = folder / "tracker.db"
    endpoints = folder / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tracker}\n",
                         encoding="utf-8")
    port = port or free_port()
    log_path = folder / "console.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "console", "serve", "--host", "127.0.0.1", "--port",
             str(port), "--endpoints", str(endpoints)], cwd=ROOT, stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "GA_DATABASE_URL": db_url, **(env or {})})
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(base, process, log_path)
            yield Console(base, db_url, f"sqlite:///{tracker}", folder)
        finally:
            process.terminate()
            process.wait(timeout=20)


def _wait_until_up(base: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base}/console/health", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(log_path.read_text())
            time.sleep(0.2)
