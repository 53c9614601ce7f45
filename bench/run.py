"""`make bench`: latency and throughput of the assistant against bare Rasa, NLU parse
time, training time and memory. Prints the numbers and writes bench/RESULTS.md.

Every run is bounded: a fixed number of conversations per load level, then it stops.
"""
from __future__ import annotations

import argparse

import asyncio
import datetime as dt
import json
import os
import platform
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import aiohttp
import yaml

from bot.model import ensure_model
from bot.serve import Stack
from bot.settings import CONFIG_FILE, DATA_DIR, DOMAIN_DIR, IN_PROCESS_ACTIONS, ROOT
from tests.standins.signalen import SignalenStandIn
from tests.services import (PostgresServer, RedisServer, embedded_endpoints, free_port,
                            production_env)

HERE = Path(__file__).parent
# Five turns that file a report: greeting, report, address, no updates, confirm. Each
# report goes to the Signalen stand-in, which answers after SIGNALEN_DELAY seconds.
TURNS = ["Hallo", "Er ligt een losse stoeptegel", "Kerkstraat 12", "nee", "ja"]
SIGNALEN_DELAY = 0.3
LEVELS = (1, 10, 50)
MIN_CONVERSATIONS = 30
ROUNDS = 5
# Issue 14: with a real filing in it, p95 ≤ 1.3× and throughput ≥ 0.75× bare Rasa.
GOAL_P95_MS, GOAL_RATIO, GOAL_THROUGHPUT = 300, 1.3, 0.75
WORKERS = os.cpu_count() or 1
EMBEDDED, PRODUCTION = "assistant, embedded", f"assistant, production ({WORKERS} workers)"
PRODUCTION_IN_PROCESS = f"assistant, production, actions in process ({WORKERS} workers)"
BARE, BARE_WORKERS = "bare Rasa", f"bare Rasa ({WORKERS} workers)"


def percentile(values: List[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def _conversation(client: aiohttp.ClientSession, url: str, sender: str,
                        latencies: List[float], errors: List[str]) -> None:
    for text in TURNS:
        started = time.perf_counter()
        try:
            async with client.post(url, json={"sender": sender, "message": text}) as answer:
                await answer.read()
                if answer.status != 200:
                    errors.append(f"HTTP {answer.status}")
        except (aiohttp.ClientError, asyncio.TimeoutError) as error:
            errors.append(type(error).__name__)
        latencies.append((time.perf_counter() - started) * 1000)


async def _load(url: str, concurrent: int, prefix: str) -> Dict[str, Any]:
    """One run: `concurrent` conversations at a time, at least MIN_CONVERSATIONS."""
    conversations = max(concurrent, MIN_CONVERSATIONS)
    latencies: List[float] = []
    errors: List[str] = []
    gate = asyncio.Semaphore(concurrent)
    timeout = aiohttp.ClientTimeout(total=120)

    async def one(number: int) -> None:
        async with gate:
            # the REST channel takes letters, digits, "_.@-" only
            sender = re.sub(r"[^A-Za-z0-9_-]", "", f"{prefix}-{number}")
            await _conversation(client, url, sender, latencies, errors)

    async with aiohttp.ClientSession(timeout=timeout) as client:
        started = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(conversations)))
        seconds = time.perf_counter() - started
    return {"latencies": latencies, "errors": len(errors), "seconds": seconds}


def _summary(concurrent: int, runs: List[Dict[str, Any]]) -> Dict[str, float]:
    latencies = [ms for run in runs for ms in run["latencies"]]
    return {"concurrent": concurrent, "turns": len(latencies),
            "errors": sum(run["errors"] for run in runs),
            "p50": percentile(latencies, 0.50), "p95": percentile(latencies, 0.95),
            "p99": percentile(latencies, 0.99),
            "round_p95": [percentile(run["latencies"], 0.95) for run in runs],
            "turns_per_second": len(latencies) / sum(run["seconds"] for run in runs)}


def load_levels(base_urls: Dict[str, str], tokens: Dict[str, str],
                levels: Tuple[int, ...] = LEVELS,
                rounds: int = ROUNDS) -> Dict[str, List[Dict[str, float]]]:
    """Every level in ROUNDS rounds; a round loads each system once, in turn and in a
    rotating order, so a slow minute of the machine falls on all systems alike. The
    assistant's REST channel needs the token (bare Rasa's ignores it)."""
    urls = {name: f"{url}/webhooks/rest/webhook?token={tokens[name]}"
            for name, url in base_urls.items()}
    for name, url in urls.items():
        # The first turns of each Sanic worker load lazily; several connections reach them all.
        asyncio.run(_load(url, 10, f"{name}-warmup"))
    results: Dict[str, List[Dict[str, float]]] = {name: [] for name in urls}
    names = list(urls)
    for level in levels:
        runs: Dict[str, List[Dict[str, Any]]] = {name: [] for name in urls}
        for number in range(rounds):
            for name in names[number % len(names):] + names[:number % len(names)]:
                runs[name].append(asyncio.run(_load(urls[name], level,
                                                    f"{name}-{level}-{number}")))
        for name in urls:
            results[name].append(_summary(level, runs[name]))
    return results


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB."""
    total = 0
    for line in subprocess.run(["ps", "-o", "rss=", "--ppid", str(pid), "-p", str(pid)],
                               capture_output=True, text=True).stdout.split():
        total += int(line)
    return total / 1024


def parse_times(base_url: str, token: str) -> Dict[str, float]:
    examples = yaml.safe_load((ROOT / "tests" / "nlu" / "test_set.yml").read_text())
    messages = [line[2:] for item in examples["nlu"]
                for line in item["examples"].splitlines() if line.startswith("- ")][:200]
    times = []
    for message in messages:
        request = urllib.request.Request(f"{base_url}/model/parse?token={token}",
                                         data=json.dumps({"text": message}).encode(),
                                         headers={"Content-Type": "application/json"})
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=30) as answer:
            answer.read()
        times.append((time.perf_counter() - started) * 1000)
    return {"messages": len(times), "mean": statistics.mean(times),
            "p95": percentile(times, 0.95)}


def timed_training(config: Path, domain: Path, data: Path, out: Path) -> Tuple[float, Path]:
    """Train from scratch (an empty cache) and return the seconds and the model."""
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "RASA_CACHE_DIRECTORY": cache, "PYTHONPATH": str(ROOT)}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rasa", "train", "--config", str(config),
                        "--domain", str(domain), "--data", str(data), "--out", str(out),
                        "--fixed-model-name", "model"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - started
    return seconds, out / "model.tar.gz"


class BareRasa:
    """The baseline: Rasa's defaults, one response, no action server, in-memory stores;
    with `workers`, the Redis lock store Rasa needs for several Sanic workers."""

    def __init__(self, model: Path, work: Path, workers: int = 1,
                 redis: Optional[RedisServer] = None) -> None:
        self.port, self.token = free_port(), secrets.token_hex(8)
        # A folder of its own: from the project folder (or next to another system's
        # endpoints.yml) Rasa would pick up our endpoints and channels.
        folder = work / f"bare-{workers}"
        folder.mkdir()
        command = [sys.executable, "-m", "rasa", "run", "--model", str(model), "--interface",
                   "127.0.0.1", "--port", str(self.port), "--enable-api", "--auth-token",
                   self.token]
        if redis:
            endpoints = folder / "endpoints.yml"
            endpoints.write_text(f"lock_store:\n  type: redis\n  url: 127.0.0.1\n"
                                 f"  port: {redis.port}\n  db: 2\n")
            command += ["--endpoints", str(endpoints)]
        self.process = subprocess.Popen(command, cwd=folder,
                                        stdout=(folder / "rasa.log").open("wb"),
                                        stderr=subprocess.STDOUT,
                                        env={**os.environ, "SANIC_WORKERS": str(workers)})
        self.url = f"http://127.0.0.1:{self.port}"

    def wait(self, timeout: float = 180) -> "BareRasa":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/", timeout=2):
                    return self
            except OSError:
                time.sleep(0.5)
        raise TimeoutError("bare Rasa did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def embedded_stack(work: Path, model: Path, backends: Dict[str, str],
                   action_url: Optional[str] = IN_PROCESS_ACTIONS) -> Stack:
    """The embedded defaults: SQLite tracker and report store, in-memory lock store, the
    actions in the Rasa process (`action_url` None: in an action server)."""
    action_port = free_port()
    work.mkdir(parents=True, exist_ok=True)
    return Stack(rasa_port=free_port(), action_port=action_port, console_port=free_port(),
                 endpoints=embedded_endpoints(work, action_port, action_url),
                 token=secrets.token_hex(8), log_dir=work / "logs",
                 env={"GA_DATABASE_URL": f"sqlite:///{work / 'reports.db'}",
                      **backends}).start(model)


def production_stack(work: Path, model: Path, postgres: PostgresServer,
                     redis: RedisServer, backends: Dict[str, str],
                     in_process: bool = False) -> Stack:
    """endpoints.production.yml: PostgreSQL, the Redis lock store, a Sanic worker per core;
    an action server, or (`in_process`, ACTION_SERVER_URL=inprocess:) the actions in each
    worker."""
    action_port = free_port()
    env = {**production_env(postgres, redis, action_port), **backends,
           "SANIC_WORKERS": str(WORKERS)}
    if in_process:
        env.update(ACTION_SERVER_URL=IN_PROCESS_ACTIONS, GA_ACTION_TOKEN="unused",
                   POSTGRES_DB="tracker2", GA_DATABASE_URL=postgres.url("reports2"))
    return Stack(rasa_port=free_port(), action_port=action_port, console_port=free_port(),
                 endpoints=ROOT / "endpoints.production.yml", token=secrets.token_hex(8),
                 log_dir=work / ("logs-production-in-process" if in_process
                                 else "logs-production"), env=env).start(model)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-training-time", action="store_true",
                        help="use the cached model instead of timing a training from scratch")
    args = parser.parse_args()
    results: Dict[str, Any] = {}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="ga-bench-") as folder:
        work = Path(folder)
        work.chmod(0o755)  # the postgres user must reach its data folder inside
        if args.skip_training_time:
            results["train_ours"] = None
        else:
            print("Training the assistant from an empty cache …", flush=True)
            results["train_ours"], _ = timed_training(CONFIG_FILE, DOMAIN_DIR, DATA_DIR,
                                                      work / "ours")
        print("Training bare Rasa …", flush=True)
        results["train_bare"], bare_model = timed_training(
            HERE / "baseline" / "config.yml", HERE / "baseline" / "domain.yml",
            HERE / "baseline" / "data", work / "bare")
        model = ensure_model()
        postgres = PostgresServer(work / "postgres").start(["tracker", "reports", "tracker2",
                                                            "reports2"])
        redis = RedisServer().start()
        signalen = SignalenStandIn(throttle_rate=(1_000_000, 3600.0)).start()
        signalen.answer_delay = SIGNALEN_DELAY
        # Reports go to the Signalen stand-in; the address register is off (offline list).
        backends = {"SIGNALEN_URL": signalen.url, "PDOK_URL": ""}
        stacks: Dict[str, Stack] = {}
        bares: Dict[str, BareRasa] = {}
        try:
            print("Starting the five systems …", flush=True)
            stacks[EMBEDDED] = embedded_stack(work, model, backends)
            stacks[PRODUCTION] = production_stack(work, model, postgres, redis, backends)
            stacks[PRODUCTION_IN_PROCESS] = production_stack(work, model, postgres, redis,
                                                             backends, in_process=True)
            bares[BARE] = BareRasa(bare_model, work).wait()
            bares[BARE_WORKERS] = BareRasa(bare_model, work, WORKERS, redis).wait()
            print("Load …", flush=True)
            urls = {**{name: stack.url for name, stack in stacks.items()},
                    **{name: bare.url for name, bare in bares.items()}}
            tokens = {**{name: stack.token for name, stack in stacks.items()},
                      **{name: bare.token for name, bare in bares.items()}}
            results["levels"] = load_levels(urls, tokens)
            results["parse"] = parse_times(stacks[EMBEDDED].url, stacks[EMBEDDED].token)
            results["memory"] = {
                name: {_process_name(process): rss_mb(process.pid)
                       for process in stack.processes} for name, stack in stacks.items()}
            results["memory"].update({name: {"rasa": rss_mb(bare.process.pid)}
                                      for name, bare in bares.items()})
        finally:
            for stack in stacks.values():
                stack.stop()
            for bare in bares.values():
                bare.stop()
            redis.stop()
            postgres.stop()
            signalen.stop()
        results["signals"] = len(signalen.signals)
    results["load"] = (load_before, os.getloadavg()[0])
    report = render(results)
    print(report)
    _write(report)


def _write(report: str) -> None:
    """Replace this script's part of RESULTS.md; keep the sections other benches and people
    wrote (console lists, side-by-side measurements)."""
    results = HERE / "RESULTS.md"
    current = results.read_text(encoding="utf-8") if results.exists() else ""
    ours = set(re.findall(r"^## (.+)$", report, flags=re.M))
    kept = [section for section in re.split(r"\n(?=## )", current)[1:]
            if section.splitlines()[0][3:] not in ours]
    results.write_text("\n".join([report.rstrip("\n") + "\n", *kept]), encoding="utf-8")


def _seconds(value: Optional[float]) -> str:
    return "not measured in this run" if value is None else f"{value:.0f} s"


def _process_name(process: subprocess.Popen) -> str:
    return process.args[2] if process.args[1] == "-m" else str(process.args[0])


def _at(results: Dict, system: str, concurrent: int = 10) -> Dict[str, float]:
    return next(r for r in results["levels"][system] if r["concurrent"] == concurrent)


def _goal_lines(results: Dict, system: str, same_workers: str) -> List[str]:
    ours, bare, peer = _at(results, system), _at(results, BARE), _at(results, same_workers)
    ratio, peer_ratio = ours["p95"] / bare["p95"], ours["p95"] / peer["p95"]
    throughput = ours["turns_per_second"] / bare["turns_per_second"]
    errors = sum(r["errors"] for r in results["levels"][system])
    met = lambda ok: "met" if ok else "NOT met"  # noqa: E731
    return [f"**{system}**", "",
            f"- p95 {ours['p95']:.0f} ms (goal < {GOAL_P95_MS} ms): "
            f"{met(ours['p95'] < GOAL_P95_MS)}",
            f"- p95 ratio to {BARE} {ratio:.2f}× (goal ≤ {GOAL_RATIO}×): "
            f"{met(ratio <= GOAL_RATIO)}",
            f"- throughput {ours['turns_per_second']:.1f} turns/s, "
            f"{throughput:.2f}× {BARE} (goal ≥ {GOAL_THROUGHPUT}×): "
            f"{met(throughput >= GOAL_THROUGHPUT)}",
            f"- p95 ratio to {same_workers} (same number of workers): {peer_ratio:.2f}×",
            f"- errors {errors} (goal 0): {met(errors == 0)}", ""]


def render(results: Dict) -> str:
    systems = [EMBEDDED, PRODUCTION, PRODUCTION_IN_PROCESS, BARE, BARE_WORKERS]
    lines = [f"# Benchmark results ({dt.date.today().isoformat()})", "",
             f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}. "
             f"Made by `make bench` ({Path(__file__).name}); REST channel, conversations of "
             f"{len(TURNS)} turns ({', '.join(repr(t) for t in TURNS)}) that file a report, "
             f"forwarded to the Signalen stand-in (answers after {SIGNALEN_DELAY} s). "
             f"All {len(systems)} systems run side by side; each level is {ROUNDS} rounds "
             "in which every system gets at least "
             f"{MIN_CONVERSATIONS} conversations in turn, in a rotating order. Load average "
             "of the machine (1 minute) before and after: "
             f"{results['load'][0]:.1f} and {results['load'][1]:.1f}.",
             "",
             f"- {EMBEDDED}: endpoints.yml, SQLite tracker and report store, Rasa's in-memory "
             "lock store, so one Sanic worker; the actions in the Rasa process.",
             f"- {PRODUCTION}: endpoints.production.yml, PostgreSQL tracker and report store, "
             f"Redis lock store, SANIC_WORKERS={WORKERS}, an action server.",
             f"- {PRODUCTION_IN_PROCESS}: the same with ACTION_SERVER_URL=inprocess: (the "
             "actions in each Rasa worker, no action server; its own databases).",
             f"- {BARE}: Rasa's default configuration, one response, no action server, "
             "in-memory stores (the baseline of the goals).",
             f"- Signals the stand-in received in the run: {results.get('signals', 0)} "
             "(every assistant conversation files one).",
             f"- {BARE_WORKERS}: the same with the Redis lock store and "
             f"SANIC_WORKERS={WORKERS}.", "",
             "| concurrent | system | turns | errors | p50 ms | p95 ms | p99 ms | turns/s "
             "| p95 of each round ms |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---|"]
    for index, level in enumerate(LEVELS):
        for system in systems:
            row = results["levels"][system][index]
            lines.append(f"| {level} | {system} | {row['turns']} | {row['errors']} | "
                         f"{row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} | "
                         f"{row['turns_per_second']:.1f} | "
                         f"{' / '.join(f'{ms:.0f}' for ms in row['round_p95'])} |")
    parse = results["parse"]
    lines += ["", "## Goals at 10 concurrent conversations", ""]
    lines += _goal_lines(results, PRODUCTION, BARE_WORKERS)
    lines += _goal_lines(results, PRODUCTION_IN_PROCESS, BARE_WORKERS)
    lines += _goal_lines(results, EMBEDDED, BARE)
    lines += ["## NLU and training", "",
              f"- NLU parse time over {parse['messages']} held-out messages "
              f"(HTTP /model/parse): mean {parse['mean']:.1f} ms, p95 {parse['p95']:.1f} ms",
              f"- Training from an empty cache: assistant {_seconds(results['train_ours'])}, "
              f"bare Rasa {_seconds(results['train_bare'])}", "",
              "## Resident memory (MB, process and its children, after the load)", ""]
    for system in systems:
        memory = ", ".join(f"{name} {mb:.0f}" for name, mb in results["memory"][system].items())
        lines.append(f"- {system}: {memory}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
