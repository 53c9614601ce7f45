"""Starts the Rasa server, the outbox worker, the webcare console and, unless the actions
run in the Rasa process (`url: "inprocess:"`, the embedded default), the action server
together, for `make run` and the tests.

All listen on loopback by default; the action server always does (it binds to
SANIC_HOST), unless GA_ACTION_HOST names another address. Rasa's HTTP API and the REST
channel are always behind a token (RASA_TOKEN, or a random one per run); the outbox
worker uses it for status updates. The action server answers only calls that carry
GA_ACTION_TOKEN (a random one per run when unset), which the Rasa server sends
(`token: ${GA_ACTION_TOKEN}` under action_endpoint). The web chat binds its ids to the
browser with GA_WEBCHAT_SECRET (when unset, a random one made once and kept in the var
directory, so a restart does not end the conversations of open chat pages).
"""
from __future__ import annotations

import argparse
import logging
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from string import Template
from typing import Dict, List, Mapping, Optional

import yaml

from bot.model import ensure_model
from bot.settings import ENDPOINTS_FILE, IN_PROCESS_ACTIONS, ROOT, VAR_DIR

logger = logging.getLogger(__name__)

ACTION_TOKEN_VARIABLE = "GA_ACTION_TOKEN"
WEBCHAT_SECRET_VARIABLE = "GA_WEBCHAT_SECRET"
ACTION_TOKEN_REFERENCE = "${%s}" % ACTION_TOKEN_VARIABLE
WEBCHAT_SECRET_FILE = "webchat.secret"


def kept_secret(path: Path) -> str:
    """A random secret made on first use and kept in `path`, readable by this user only."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="ascii").strip()
    secret = secrets.token_urlsafe(32)
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(secret + "\n")
    return secret


def check_settings(variables: Mapping[str, str]) -> None:
    """Stop before anything starts on a setting every forwarded report would trip over."""
    from bot.reports.reply_address import problem

    reason = problem(variables.get("SIGNALEN_REPLY_ADDRESS", "").strip())
    if reason:
        raise SystemExit(f"Configuration: {reason}")


@dataclass
class Stack:
    """A Rasa server plus an action server, started as child processes."""

    host: str = "127.0.0.1"
    rasa_port: int = 5005
    action_port: int = 5055
    console_port: int = 5010
    endpoints: Path = ENDPOINTS_FILE
    credentials: Path = ROOT / "credentials.yml"
    token: Optional[str] = None
    # The secret the Rasa server sends to the action server; random per run when unset.
    action_token: Optional[str] = None
    log_dir: Path = VAR_DIR / "logs"
    env: Dict[str, str] = field(default_factory=dict)
    # More Rasa servers on these ports, sharing the tracker and lock stores.
    extra_rasa_ports: List[int] = field(default_factory=list)
    processes: List[subprocess.Popen] = field(default_factory=list)
    commands: Dict[str, List[str]] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    def _spawn(self, name: str, command: List[str]) -> subprocess.Popen:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_dir / f"{name}.log", "ab")
        env = {**os.environ, **self.env, "PYTHONPATH": str(ROOT)}
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        self.processes.append(process)
        self.commands[name] = command
        return process

    def stop_process(self, name: str) -> None:
        """Stop one server (for fault tests); `start_process` brings it back."""
        command = self.commands[name]
        for process in [p for p in self.processes if p.args == command]:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)
            self.processes.remove(process)

    def start_process(self, name: str, health_url: str, timeout: float = 120) -> None:
        self._spawn(name, self.commands[name])
        self._wait_until_up(health_url, timeout)

    def start(self, model: Path, timeout: float = 180) -> "Stack":
        check_settings({**os.environ, **self.env})
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        self.env.update({"RASA_URL": self.url, "RASA_TOKEN": self.token or ""})
        # The action server binds to SANIC_HOST (bot.action_server: loopback when unset): it
        # is only for the Rasa server, so it listens on loopback whatever the webhooks do.
        self.env.setdefault("SANIC_HOST", os.environ.get("GA_ACTION_HOST", "127.0.0.1"))
        # ...and answers only the Rasa server, which sends this secret with every call.
        self.action_token = (self.action_token or self.env.get(ACTION_TOKEN_VARIABLE)
                             or os.environ.get(ACTION_TOKEN_VARIABLE)
                             or secrets.token_urlsafe(32))
        self.env[ACTION_TOKEN_VARIABLE] = self.action_token
        # Web chat ids are bound to the browser with an HMAC of this secret.
        self.env.setdefault(WEBCHAT_SECRET_VARIABLE, os.environ.get(WEBCHAT_SECRET_VARIABLE)
                            or kept_secret(VAR_DIR / WEBCHAT_SECRET_FILE))
        variables = {**os.environ, **self.env}
        rasa_endpoints = endpoints_with_action_token(self.endpoints, self.log_dir, variables)
        in_process = actions_in_process(self.endpoints, variables)
        # Migrate once, before the processes that use the database start side by side.
        self._spawn("migrate", [sys.executable, "-m", "bot.reports.db"]).wait(timeout=120)
        self._spawn("tracker-tables", [sys.executable, "-m", "bot.tracker_store",
                                       str(self.endpoints)]).wait(timeout=120)
        self.processes.clear()
        if not in_process:
            self._spawn("actions", [sys.executable, "-m", "bot.action_server", "--actions",
                                    "actions", "--port", str(self.action_port)])
        # The outbox worker forwards reports and tells residents about status changes
        # through Rasa's API, with the same token.
        self._spawn("outbox", [sys.executable, "-m", "bot.reports.outbox"])
        for index, port in enumerate([self.rasa_port] + self.extra_rasa_ports):
            self._spawn(f"rasa-{index}" if index else "rasa",
                        self._rasa_command(model, port, rasa_endpoints))
        self._spawn("console", [sys.executable, "-m", "console", "serve", "--host", self.host,
                                "--port", str(self.console_port),
                                "--endpoints", str(self.endpoints)])
        if not in_process:
            self._wait_until_up(
                f"http://{self.env['SANIC_HOST']}:{self.action_port}/health", timeout)
        for port in [self.rasa_port] + self.extra_rasa_ports:
            self._wait_until_up(f"http://{self.host}:{port}/webhooks/webchat/health", timeout)
        self._wait_until_up(f"{self.console_url}/console/health", timeout)
        return self

    def _rasa_command(self, model: Path, port: int,
                      endpoints: Optional[Path] = None) -> List[str]:
        command = [sys.executable, "-m", "rasa", "run", "--model", str(model),
                   "--interface", self.host, "--port", str(port),
                   "--endpoints", str(endpoints or self.endpoints),
                   "--credentials", str(self.credentials)]
        if self.token:
            command += ["--enable-api", "--auth-token", self.token]
        return command

    @property
    def console_url(self) -> str:
        return f"http://{self.host}:{self.console_port}"

    def _wait_until_up(self, url: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(p.poll() is not None for p in self.processes):
                self.stop()
                raise RuntimeError(f"a server stopped during start-up; see {self.log_dir}")
            try:
                with urllib.request.urlopen(url, timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        self.stop()
        raise TimeoutError(f"{url} did not answer within {timeout:.0f} s; see {self.log_dir}")

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self.processes.clear()


def action_endpoint(endpoints: Path) -> Dict:
    """The action_endpoint section of an endpoints file (an error when it has no url)."""
    action = (yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}).get(
        "action_endpoint")
    if not isinstance(action, dict) or not action.get("url"):
        raise ValueError(f"{endpoints}: no action_endpoint with a url")
    return action


def actions_in_process(endpoints: Path, env: Optional[Mapping[str, str]] = None) -> bool:
    """Whether the Rasa server runs the custom actions itself (`url: "inprocess:"`, also
    as `${ACTION_SERVER_URL}` with that variable in `env`, the environment when None)."""
    url = Template(str(action_endpoint(endpoints)["url"])).safe_substitute(
        os.environ if env is None else env)
    return url.startswith(IN_PROCESS_ACTIONS)


def endpoints_with_action_token(endpoints: Path, folder: Path,
                                env: Optional[Mapping[str, str]] = None) -> Path:
    """The endpoints file the Rasa server gets: `endpoints` itself when its action_endpoint
    sends `token: ${GA_ACTION_TOKEN}` or runs the actions in process (nothing to call),
    otherwise a copy in `folder` with that line added (the secret stays in the environment,
    never on disk). A literal token, another token name or no action endpoint at all is an
    error: the action server would refuse it."""
    text = endpoints.read_text(encoding="utf-8")
    action = action_endpoint(endpoints)
    if actions_in_process(endpoints, env):
        return endpoints
    if action.get("token_name", "token") != "token":
        raise ValueError(f"{endpoints}: the action server takes the token as `token`")
    if "token" in action:
        if action["token"] != ACTION_TOKEN_REFERENCE:
            raise ValueError(f"{endpoints}: action_endpoint's token must be "
                             f"{ACTION_TOKEN_REFERENCE}")
        return endpoints
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("action_endpoint:"))
    indent = next((line[:len(line) - len(line.lstrip())] for line in lines[start + 1:]
                   if line.strip() and not line.lstrip().startswith("#")), "  ")
    lines.insert(start + 1, f"{indent}token: {ACTION_TOKEN_REFERENCE}")
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / f"{endpoints.stem}.action-token.yml"
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the municipal assistant locally.")
    parser.add_argument("--host", default=os.environ.get("GA_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("GA_PORT", 5005)))
    parser.add_argument("--action-port", type=int,
                        default=int(os.environ.get("GA_ACTION_PORT", 5055)))
    parser.add_argument("--console-port", type=int,
                        default=int(os.environ.get("GA_CONSOLE_PORT", 5010)))
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    # The API is always behind a token; without RASA_TOKEN a random one is used, known
    # only to the processes started here.
    token = os.environ.get("RASA_TOKEN") or secrets.token_urlsafe(24)
    check_settings(os.environ)  # before a model may be trained
    stack = Stack(host=args.host, rasa_port=args.port, action_port=args.action_port,
                  console_port=args.console_port, token=token)
    stack.start(ensure_model())
    print(f"\nThe assistant is running.\n"
          f"  Web chat:      {stack.url}/webhooks/webchat/\n"
          f"  REST channel:  {stack.url}/webhooks/rest/webhook (?token=RASA_TOKEN)\n"
          f"  Console:       http://localhost:{stack.console_port}/console/ "
          f"(first account: make admin)\n"
          f"  Logs:          {stack.log_dir}\nPress Ctrl+C to stop.", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while all(p.poll() is None for p in stack.processes):
            time.sleep(1)
        logger.error("A server stopped unexpectedly; see %s", stack.log_dir)
        sys.exit(1)
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
