"""Private PostgreSQL and Redis servers on loopback for the scale tests and the bench.

Debian's packages provide the programs (`make test` installs them when missing);
each test session starts its own instances in a temporary folder and stops them.
"""
from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Dict, Iterator, List, Mapping, Optional


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def served(module_args: List[str], env: Mapping[str, str], log: Path, health_url: str,
           cwd: Path, timeout: float = 120) -> Iterator[subprocess.Popen]:
    """`python -m <module_args>` started with `env`, its output in `log`, until
    `health_url` answers; stopped afterwards. A process that dies shows its log."""
    with open(log, "wb") as out:
        process = subprocess.Popen([sys.executable, "-m", *module_args], cwd=cwd, env=dict(env),
                                   stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            assert process.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(health_url, timeout=5):
                    break
            except OSError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.3)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)


def _as_postgres(command: List[str]) -> List[str]:
    """PostgreSQL refuses to run as root: run its programs as the postgres user."""
    return ["runuser", "-u", "postgres", "--"] + command if os.geteuid() == 0 else command


def _run(command: List[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")


def _wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"nothing listens on port {port}")


class PostgresServer:
    def __init__(self, folder: Path) -> None:
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not binaries:
            raise RuntimeError("PostgreSQL is not installed (make test installs it)")
        self.bin = Path(binaries[-1]).parent
        self.folder, self.port = folder, free_port()
        self.data = folder / "pgdata"

    def start(self, databases: List[str]) -> "PostgresServer":
        self.folder.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        _run(_as_postgres([str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres",
                           "-A", "trust", "--no-sync"]))
        self.launch()
        for name in databases:
            _run(_as_postgres([str(self.bin / "createdb"), "-h", "127.0.0.1", "-p",
                               str(self.port), "-U", "postgres", name]))
        return self

    def launch(self) -> None:
        _run(_as_postgres([
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.folder / "pg.log"),
            "-w", "-o", f"-p {self.port} -c listen_addresses=127.0.0.1 "
                        f"-k {self.folder} -c fsync=off", "start"]))

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        subprocess.run(_as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m",
                                     "fast", "stop"]), capture_output=True)


class RedisServer:
    def __init__(self) -> None:
        if not shutil.which("redis-server"):
            raise RuntimeError("Redis is not installed (make test installs it)")
        self.port = free_port()
        self.process: subprocess.Popen = None

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for_port(self.port)
        return self

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def embedded_endpoints(folder: Path, action_port: int,
                       action_url: Optional[str] = None) -> Path:
    """An endpoints.yml like the embedded default, with the tracker store in `folder`; the
    action server on `action_port`, or `action_url` (`inprocess:`)."""
    endpoints = folder / "endpoints.yml"
    url = action_url or f"http://127.0.0.1:{action_port}/webhook"
    endpoints.write_text(f'action_endpoint:\n  url: "{url}"\n'
                         f"tracker_store:\n  type: bot.tracker_store.TrackerStore\n"
                         f"  dialect: sqlite\n  db: {folder / 'tracker.db'}\n")
    return endpoints


def production_env(postgres: PostgresServer, redis: RedisServer,
                   action_port: int) -> Dict[str, str]:
    """The variables endpoints.production.yml reads, for these private servers."""
    return {"ACTION_SERVER_URL": f"http://127.0.0.1:{action_port}/webhook",
            "POSTGRES_HOST": "127.0.0.1", "POSTGRES_PORT": str(postgres.port),
            "POSTGRES_DB": "tracker", "POSTGRES_USER": "postgres", "POSTGRES_PASSWORD": "",
            "REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(redis.port), "REDIS_DB": "1",
            "GA_DATABASE_URL": postgres.url("reports")}
